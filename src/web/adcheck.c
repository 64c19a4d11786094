/* GET/POST /jobs/check — check a job ad's wording and EU rules. Works as a
 * plain form; with JavaScript a summary updates as the employer types. */
#include <string.h>

#include "domain/adcheck/adcheck.h"
#include "web/web.h"

static const char *const category_labels[ADCHECK_CATEGORY_MAX] = {
        N_("Gender-coded wording"), N_("Job title in one gender only"), N_("Age"),
        N_("Native speaker requirement"), N_("Photo requested"), N_("Nationality or origin"),
        N_("Family status"), N_("Appearance"), N_("Health or disability"), N_("Salary history"),
        N_("No pay range"),
};

static void form(HttpRequest *req, StrBuf *b, const char *text, const char *lang) {
        html_lit(b, "<form method=\"post\" action=\"/jobs/check\" class=\"adcheck\" data-adcheck>");
        web_csrf_field(req, b);
        html_lit(b, "<p><label for=\"ad\">");
        html_text(b, T(req, "Job ad text"));
        html_lit(b, "</label><br><textarea id=\"ad\" name=\"text\" rows=\"14\" cols=\"70\" required "
                    "aria-describedby=\"ad-help\">");
        html_text(b, text ? text : "");
        html_lit(b, "</textarea></p><p id=\"ad-help\" class=\"meta\">");
        html_text(b, T(req, "Paste the title and the whole ad. Nothing is stored."));
        html_lit(b, "</p><p><label for=\"lang-ad\">");
        html_text(b, T(req, "Language of the ad"));
        html_lit(b, "</label> <select id=\"lang-ad\" name=\"adlang\"><option value=\"auto\">");
        html_text(b, T(req, "Detect automatically"));
        html_lit(b, "</option>");
        for (int l = 0; l < LANG_MAX; l++) {
                html_lit(b, "<option");
                html_attr(b, "value", lang_code((Lang)l));
                html_attr(b, "lang", lang_code((Lang)l));
                if (lang && strcmp(lang, lang_code((Lang)l)) == 0)
                        html_lit(b, " selected");
                html_lit(b, ">");
                html_text(b, lang_native_name((Lang)l));
                html_lit(b, "</option>");
        }
        html_lit(b, "</select> <button type=\"submit\">");
        html_text(b, T(req, "Check the ad"));
        html_lit(b, "</button></p><p class=\"live\" aria-live=\"polite\" data-adcheck-live");
        /* TRANSLATORS: {block} and {warn} are replaced by numbers as the employer types. */
        html_attr(b, "data-template", T(req, "While you type: {block} to fix before publishing, {warn} suggestions."));
        html_lit(b, "></p></form>");
}

/* The ad with every finding marked and numbered. */
static void marked_text(StrBuf *b, const char *text, const AdcheckResult *res) {
        size_t pos = 0, len = strlen(text);
        html_lit(b, "<div class=\"admarked\">");
        for (size_t i = 0; i < res->n_findings; i++) {
                const AdcheckFinding *f = &res->findings[i];
                if (f->start < pos || f->end > len || f->end <= f->start)
                        continue; /* overlapping or document-wide (pay missing) */
                html_textn(b, text + pos, f->start - pos);
                html_lit(b, "<mark");
                html_attrf(b, "id", "mark-%zu", i + 1);
                html_attr(b, "class", f->severity == ADCHECK_BLOCK ? "block" : "warn");
                html_lit(b, ">");
                html_textn(b, text + f->start, f->end - f->start);
                html_lit(b, "</mark><sup><a");
                html_attrf(b, "href", "#finding-%zu", i + 1);
                html_lit(b, ">");
                html_int(b, (long long)i + 1);
                html_lit(b, "</a></sup>");
                pos = f->end;
        }
        html_textn(b, text + pos, len - pos);
        html_lit(b, "</div>");
}

static void finding_item(HttpRequest *req, StrBuf *b, const AdcheckFinding *f, size_t i, int marked) {
        html_lit(b, "<li");
        html_attrf(b, "id", "finding-%zu", i + 1);
        html_lit(b, "><p><strong>");
        html_text(b, f->severity == ADCHECK_BLOCK ? T(req, "Must be fixed:") : T(req, "Consider:"));
        html_lit(b, "</strong> ");
        html_text(b, T(req, category_labels[f->category]));
        if (f->text && *f->text) {
                html_lit(b, " — “");
                html_text(b, f->text);
                html_lit(b, "”");
        }
        html_lit(b, "</p><p>");
        html_text(b, T(req, f->message));
        html_lit(b, "</p>");
        if (f->suggestion && *f->suggestion) {
                html_lit(b, "<p>");
                html_text(b, T(req, "Suggestion:"));
                html_lit(b, " ");
                html_text(b, f->suggestion_is_msgid ? T(req, f->suggestion) : f->suggestion);
                html_lit(b, "</p>");
        }
        if (marked) {
                html_lit(b, "<p><a");
                html_attrf(b, "href", "#mark-%zu", i + 1);
                html_lit(b, ">");
                html_text(b, T(req, "Show in the text"));
                html_lit(b, "</a></p>");
        }
        html_lit(b, "</li>");
}

static void results(HttpRequest *req, StrBuf *b, const char *text, const AdcheckResult *res) {
        size_t block = 0;
        for (size_t i = 0; i < res->n_findings; i++)
                block += res->findings[i].severity == ADCHECK_BLOCK;
        html_lit(b, "<section aria-labelledby=\"res\"><h2 id=\"res\" tabindex=\"-1\">");
        html_text(b, T(req, "Result"));
        html_lit(b, "</h2><p>");
        html_textf(b, i18n_ngettext(req->lang, "%zu finding must be fixed before publishing",
                                    "%zu findings must be fixed before publishing", block), block);
        html_lit(b, "; ");
        html_textf(b, i18n_ngettext(req->lang, "%zu suggestion", "%zu suggestions", res->n_findings - block),
                   res->n_findings - block);
        html_lit(b, ".</p><p>");
        html_textf(b, T(req, "Masculine-coded words: %u. Feminine-coded words: %u."), res->masculine, res->feminine);
        html_lit(b, "</p>");
        marked_text(b, text, res);
        html_lit(b, "<ol class=\"findings\">");
        size_t len = strlen(text);
        for (size_t i = 0; i < res->n_findings; i++) {
                const AdcheckFinding *f = &res->findings[i];
                finding_item(req, b, f, i, f->end > f->start && f->end <= len);
        }
        html_lit(b, "</ol></section>");
}

int page_adcheck(HttpRequest *req) {
        const char *text = req_param(req, "text"), *lang = req_param(req, "adlang");
        AdcheckResult *res = NULL;
        if (text) {
                Lang l;
                int al = lang && strcmp(lang, "auto") != 0 && lang_parse(lang, &l) == 0 ? (int)l : ADCHECK_LANG_AUTO;
                int r = adcheck_run(APP(req)->adcheck, req->arena, text, strlen(text), al, &res);
                if (r < 0)
                        return r;
        }
        StrBuf *b = page_head(req, T(req, "Check a job ad"), NULL, NULL);
        html_lit(b, "<p>");
        html_text(b, T(req, "The checker looks for wording that discourages women, older or younger people, migrants, "
                            "people with disabilities or parents, and for what EU law requires: a pay range, no "
                            "questions about pay history, no age, photo, nationality or family requirements."));
        html_lit(b, "</p>");
        form(req, b, text, lang);
        if (res)
                results(req, b, text, res);
        page_end(req);
        return 0;
}
