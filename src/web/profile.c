/* The candidate's profile: shared helpers of the profile pages, the
 * overview (completeness and next steps) and the "about you" form. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domain/profiles/completeness.h"
#include "domain/profiles/profile_json.h"
#include "store/accounts.h"
#include "web/profile.h"

int64_t prof_subject(HttpRequest *req) {
        int64_t id = req_param_int(req, "id", 0);
        return id > 0 ? id : WEB_USER_ID(req);
}

int prof_assisted(HttpRequest *req) { return prof_subject(req) != WEB_USER_ID(req); }

const char *prof_base(HttpRequest *req) {
        return prof_assisted(req) ? arena_printf(req->arena, "/candidates/%lld/profile", (long long)prof_subject(req))
                                  : "/profile";
}

int prof_load(HttpRequest *req, MyProfile *ret) { return myp_load(MYP(req), req->arena, prof_subject(req), ret); }

int prof_version_check(HttpRequest *req, const MyProfile *mp) {
        return req_param_int(req, "version", -1) == mp->version ? 0 : -EEXIST;
}

const char PROF_STALE[] =
        N_("Someone else saved this profile while you were editing it. Nothing was changed: here is the latest version.");

int prof_load_for_edit(HttpRequest *req, MyProfile *ret) {
        int r = prof_load(req, ret);
        return r < 0 ? r : prof_version_check(req, ret);
}

void prof_button_form(HttpRequest *req, StrBuf *b, const MyProfile *mp, const char *suffix,
                      const char *const *hidden, const char *label, const char *what) {
        html_lit(b, "<form class=\"inline\" method=\"post\"");
        html_url(b, "action", arena_printf(req->arena, "%s%s", prof_base(req), suffix));
        html_lit(b, ">");
        web_csrf_field(req, b);
        if (mp)
                prof_version_field(req, b, mp);
        for (size_t i = 0; hidden && hidden[i]; i += 2) {
                html_lit(b, "<input type=\"hidden\"");
                html_attr(b, "name", hidden[i]);
                html_attr(b, "value", hidden[i + 1]);
                html_lit(b, ">");
        }
        html_lit(b, "<button type=\"submit\">");
        html_text(b, label);
        if (what) {
                html_lit(b, "<span class=\"vh\">: ");
                html_text(b, what);
                html_lit(b, "</span>");
        }
        html_lit(b, "</button></form>");
}

int prof_save_redirect(HttpRequest *req, MyProfile *mp, const char *suffix) {
        int r = myp_save(MYP(req), req->arena, WEB_USER_ID(req), mp);
        if (r == -EEXIST)
                return prof_overview_with(req, PROF_STALE);
        if (r < 0)
                return r;
        return resp_redirect(req, 303, arena_printf(req->arena, "%s%s%csaved=1", prof_base(req), suffix,
                                                    strchr(suffix, '?') ? '&' : '?'));
}

void prof_account(HttpRequest *req, const char **ret_name, const char **ret_email) {
        UserRow u;
        *ret_name = *ret_email = NULL;
        if (store_user_get(APP(req)->store, req->arena, prof_subject(req), &u) == 0)
                (void)acct_user_plain(ACCT(req), req->arena, &u, ret_email, ret_name);
}

void prof_page_begin(HttpRequest *req, const char *title, const char *error_msgid) {
        page_begin(req, title);
        StrBuf *b = resp_body(req);
        if (strcmp(req->path, prof_base(req)) != 0) {
                html_lit(b, "<p class=\"crumbs\"><a");
                html_url(b, "href", prof_base(req));
                html_lit(b, ">");
                html_text(b, prof_assisted(req) ? T(req, "Candidate's profile") : T(req, "Your profile"));
                html_lit(b, "</a></p>");
        }
        html_lit(b, "<h1>");
        html_text(b, title);
        html_lit(b, "</h1>");
        if (prof_assisted(req)) {
                html_lit(b, "<p class=\"notice\">");
                html_text(b, T(req, "You are editing this profile on the candidate's behalf, with their consent. Every change is recorded in their audit log."));
                html_lit(b, "</p>");
        }
        if (error_msgid) {
                form_error(req, b, error_msgid);
                req->resp.status = 400;
        } else if (req_query_raw(req, "saved")) {
                form_notice(b, T(req, "Your changes are saved."));
        }
}

void prof_select(HttpRequest *req, StrBuf *b, const char *id, const char *label, const char *const *options,
                 size_t n, size_t chosen) {
        html_lit(b, "<div class=\"field\"><label");
        html_attr(b, "for", id);
        html_lit(b, ">");
        html_text(b, label);
        html_lit(b, "</label><select");
        html_attr(b, "id", id);
        html_attr(b, "name", id);
        html_lit(b, ">");
        for (size_t i = 0; i < n; i++) {
                html_lit(b, "<option");
                html_attrf(b, "value", "%zu", i);
                if (i == chosen)
                        html_lit(b, " selected");
                html_lit(b, ">");
                html_text(b, T(req, options[i]));
                html_lit(b, "</option>");
        }
        html_lit(b, "</select></div>");
}

void prof_version_field(HttpRequest *req, StrBuf *b, const MyProfile *mp) {
        (void)req;
        html_lit(b, "<input type=\"hidden\" name=\"version\"");
        html_attrf(b, "value", "%lld", (long long)mp->version);
        html_lit(b, ">");
}

void prof_search_form(HttpRequest *req, StrBuf *b, const char *suffix, const char *label, const char *hint) {
        html_lit(b, "<form method=\"get\" role=\"search\"");
        html_url(b, "action", arena_printf(req->arena, "%s%s", prof_base(req), suffix));
        html_lit(b, ">");
        form_field(req, b, "q", label, "search", "off", req_param(req, "q"), hint);
        html_lit(b, "<p><button type=\"submit\">");
        html_text(b, T(req, "Search"));
        html_lit(b, "</button></p></form>");
}

/* ---- overview ---- */

/* Where each completeness step is fixed. */
static const char *step_section(CompletenessStep s) {
        switch (s) {
        case COMPLETENESS_CONFIRM_SKILLS:
        case COMPLETENESS_SKILLS:
        case COMPLETENESS_SKILL_LEVELS:
                return "/skills";
        case COMPLETENESS_EXPERIENCE:
                return "/experience";
        case COMPLETENESS_EDUCATION:
                return "/education";
        case COMPLETENESS_ENGLISH:
        case COMPLETENESS_LANGUAGES:
                return "/languages";
        case COMPLETENESS_PROJECT:
                return "/projects";
        case COMPLETENESS_GOAL:
                return "/guidance";
        default:
                return "/about";
        }
}

static void next_steps(HttpRequest *req, StrBuf *b, const MyProfile *mp) {
        Completeness c;
        profile_completeness(&mp->p, &c);
        html_lit(b, "<section aria-labelledby=\"h-done\"><h2 id=\"h-done\">");
        html_textf(b, prof_assisted(req) ? T(req, "This profile is %d%% complete") : T(req, "Your profile is %d%% complete"),
                   c.score);
        html_lit(b, "</h2>");
        if (c.n_steps == 0) {
                html_lit(b, "<p>");
                html_text(b, T(req, "Nothing is missing. Well done!"));
                html_lit(b, "</p></section>");
                return;
        }
        html_lit(b, "<p>");
        html_text(b, T(req, "What to do next, most useful first:"));
        html_lit(b, "</p><ol>");
        for (size_t i = 0; i < c.n_steps; i++) {
                html_lit(b, "<li><a");
                html_url(b, "href", arena_printf(req->arena, "%s%s", prof_base(req), step_section(c.steps[i])));
                html_lit(b, ">");
                html_text(b, T(req, completeness_step_msgid(c.steps[i])));
                html_lit(b, "</a></li>");
        }
        html_lit(b, "</ol></section>");
}

static size_t count_proposed(const Profile *p) {
        size_t n = 0;
        for (size_t i = 0; i < p->n_skills; i++)
                n += p->skills[i].proposed;
        return n;
}

static void section_link(HttpRequest *req, StrBuf *b, const char *suffix, const char *label, const char *state) {
        html_lit(b, "<li><a");
        html_url(b, "href", arena_printf(req->arena, "%s%s", prof_base(req), suffix));
        html_lit(b, ">");
        html_text(b, label);
        html_lit(b, "</a>");
        if (state) {
                html_lit(b, " — ");
                html_text(b, state);
        }
        html_lit(b, "</li>");
}

static void sections(HttpRequest *req, StrBuf *b, const MyProfile *mp) {
        const Profile *p = &mp->p;
        size_t wait = count_proposed(p);
        html_lit(b, "<section aria-labelledby=\"h-parts\"><h2 id=\"h-parts\">");
        html_text(b, T(req, "Parts of your profile"));
        html_lit(b, "</h2><ul>");
        section_link(req, b, "/about", T(req, "About you, your goals and preferences"), NULL);
        section_link(req, b, "/skills", T(req, "Skills"),
                     wait ? arena_printf(req->arena, i18n_ngettext(req->lang, "%zu skill waits for your confirmation",
                                                                   "%zu skills wait for your confirmation", wait),
                                         wait)
                          : arena_printf(req->arena, T(req, "%zu confirmed"), p->n_skills));
        section_link(req, b, "/experience", T(req, "Experience"), arena_printf(req->arena, "%zu", p->n_experience));
        section_link(req, b, "/education", T(req, "Education and training"),
                     arena_printf(req->arena, "%zu", p->n_education));
        section_link(req, b, "/languages", T(req, "Languages"), arena_printf(req->arena, "%zu", p->n_languages));
        section_link(req, b, "/projects", T(req, "Projects"), arena_printf(req->arena, "%zu", p->n_projects));
        html_lit(b, "</ul></section>");
}

static void employer_view(HttpRequest *req, StrBuf *b, const MyProfile *mp) {
        html_lit(b, "<section aria-labelledby=\"h-anon\"><h2 id=\"h-anon\">");
        html_text(b, T(req, "What employers see"));
        html_lit(b, "</h2><p>");
        html_text(b, mp->approved ? T(req, "Employers see the anonymised profile you approved. Check it again after changes.")
                                  : T(req, "Employers see nothing until you approve your anonymised profile."));
        html_lit(b, "</p><p><a");
        html_url(b, "href", arena_printf(req->arena, "%s/preview", prof_base(req)));
        html_lit(b, ">");
        html_text(b, T(req, "See and approve your anonymised profile"));
        html_lit(b, "</a></p></section>");
}

static void file_form(HttpRequest *req, StrBuf *b, const char *suffix, const char *id, const char *label,
                      const char *hint, const char *accept, const char *button) {
        html_lit(b, "<form method=\"post\" enctype=\"multipart/form-data\"");
        html_url(b, "action", arena_printf(req->arena, "%s%s", prof_base(req), suffix));
        html_lit(b, ">");
        web_csrf_field(req, b);
        html_lit(b, "<div class=\"field\"><label");
        html_attr(b, "for", id);
        html_lit(b, ">");
        html_text(b, label);
        html_lit(b, "</label><p class=\"hint\"");
        html_attrf(b, "id", "%s-hint", id);
        html_lit(b, ">");
        html_text(b, hint);
        html_lit(b, "</p><input type=\"file\" name=\"file\" required");
        html_attr(b, "id", id);
        html_attr(b, "accept", accept);
        html_attrf(b, "aria-describedby", "%s-hint", id);
        html_lit(b, "></div><p><button type=\"submit\">");
        html_text(b, button);
        html_lit(b, "</button></p></form>");
}

static void bring_cv(HttpRequest *req, StrBuf *b) {
        html_lit(b, "<section aria-labelledby=\"h-cv\"><h2 id=\"h-cv\">");
        html_text(b, T(req, "Bring in your CV"));
        html_lit(b, "</h2>");
        file_form(req, b, "/import", "europass", T(req, "Europass CV (XML) or JSON Resume file"),
                  T(req, "Skills found in it are proposed: you confirm each one. A photo is never kept."),
                  ".xml,.json,application/xml,application/json", T(req, "Import"));
        file_form(req, b, "/cv", "cvfile", T(req, "CV document (PDF, Word or OpenDocument)"),
                  T(req, "We keep its text, propose the skills we find in it, and drop pictures. Up to 10 MB."),
                  ".pdf,.docx,.odt,.txt", T(req, "Upload"));
        html_lit(b, "<p>");
        html_text(b, T(req, "Download your profile:"));
        html_lit(b, " <a");
        html_url(b, "href", arena_printf(req->arena, "%s/europass.xml", prof_base(req)));
        html_lit(b, ">Europass XML</a> · <a");
        html_url(b, "href", arena_printf(req->arena, "%s/resume.json", prof_base(req)));
        html_lit(b, ">JSON Resume</a></p></section>");
}

int prof_overview_with(HttpRequest *req, const char *error_msgid) {
        MyProfile mp;
        int r = prof_load(req, &mp);
        if (r < 0)
                return r;
        prof_page_begin(req, prof_assisted(req) ? T(req, "Candidate's profile") : T(req, "Your profile"), error_msgid);
        StrBuf *b = resp_body(req);
        next_steps(req, b, &mp);
        sections(req, b, &mp);
        bring_cv(req, b);
        employer_view(req, b, &mp);
        html_lit(b, "<p><a");
        html_url(b, "href", arena_printf(req->arena, "%s/guidance", prof_base(req)));
        html_lit(b, ">");
        html_text(b, T(req, "Career guidance: the skills, jobs and pay of the occupation you aim for"));
        html_lit(b, "</a></p>");
        page_end(req);
        return 0;
}

int page_profile(HttpRequest *req) { return prof_overview_with(req, NULL); }

int prof_validate(HttpRequest *req, Profile *p, const char **ret_msgid) {
        StrBuf js;
        strbuf_init(&js, PROFILE_JSON_MAX_BYTES);
        int r = profile_json_write(p, &js);
        if (r == 0)
                r = strbuf_error(&js);
        Profile out;
        ProfileIoError err = { 0 };
        if (r == 0)
                r = profile_json_read(req->arena, js.data, js.len, APP(req)->esco, &out, &err);
        strbuf_free(&js);
        if (r == -EINVAL || r == -E2BIG) {
                *ret_msgid = err.msgid ? err.msgid : N_("Please check the form.");
                return -EINVAL;
        }
        if (r == 0)
                *p = out;
        return r;
}
