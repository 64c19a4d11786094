/* The anonymised profile as employers would see it: every removal
 * highlighted and listed, the candidate's marks (missed, wrongly removed),
 * and their approval. Only the candidate approves; a counsellor may help
 * with the marks. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "web/profile.h"

static const char *const category_msgids[ANON_CAT_MAX] = {
        [ANON_CAT_NAME] = N_("Name"),
        [ANON_CAT_EMAIL] = N_("E-mail address"),
        [ANON_CAT_PHONE] = N_("Phone number"),
        [ANON_CAT_ADDRESS] = N_("Address"),
        [ANON_CAT_BIRTHDATE] = N_("Date of birth"),
        [ANON_CAT_AGE] = N_("Age"),
        [ANON_CAT_NATIONAL_ID] = N_("Identity number"),
        [ANON_CAT_IBAN] = N_("Bank account"),
        [ANON_CAT_CARD] = N_("Payment card"),
        [ANON_CAT_URL] = N_("Web address"),
        [ANON_CAT_HANDLE] = N_("Social media handle"),
        [ANON_CAT_NATIONALITY] = N_("Nationality or origin"),
        [ANON_CAT_BIRTHPLACE] = N_("Place of birth"),
        [ANON_CAT_RELIGION] = N_("Religion"),
        [ANON_CAT_FAMILY] = N_("Family situation"),
        [ANON_CAT_HEALTH] = N_("Health or disability"),
        [ANON_CAT_GENDER] = N_("Gender"),
        [ANON_CAT_GENDERED_FORM] = N_("Word that shows gender"),
        [ANON_CAT_IMAGE] = N_("Picture"),
        [ANON_CAT_FORCED] = N_("Marked by you"),
        [ANON_CAT_DURATION] = N_("Dates, written as a duration"),
};

static const char *category_label(HttpRequest *req, AnonCategory c) {
        return T(req, (unsigned)c < ANON_CAT_MAX && category_msgids[c] ? category_msgids[c] : N_("Other"));
}

/* The anonymised text with each replacement highlighted and named. */
static void highlighted(HttpRequest *req, StrBuf *b, const MypView *v) {
        const AnonResult *r = v->result;
        size_t at = 0;
        html_lit(b, "<div class=\"anonview\" id=\"anonview\" tabindex=\"0\" aria-labelledby=\"h-view\">");
        for (size_t i = 0; i < r->n_findings; i++) {
                const AnonFinding *f = &r->findings[i];
                html_textn(b, v->source + at, f->start - at);
                html_lit(b, "<mark class=\"removed\">");
                html_text(b, f->replacement);
                html_lit(b, "<span class=\"vh\"> (");
                html_text(b, category_label(req, f->category));
                html_lit(b, ")</span></mark>");
                at = f->end;
        }
        html_textn(b, v->source + at, v->source_len - at);
        html_lit(b, "</div>");
}

static void mark_button(HttpRequest *req, StrBuf *b, const char *action, const char *text, const char *label) {
        const char *hidden[] = { "action", action, "text", text, NULL };
        prof_button_form(req, b, NULL, "/preview/marks", hidden, label, text);
}

static void findings_table(HttpRequest *req, StrBuf *b, const MypView *v) {
        const AnonResult *r = v->result;
        html_lit(b, "<section aria-labelledby=\"h-found\"><h2 id=\"h-found\">");
        html_textf(b, T(req, "What was removed (%zu)"), r->n_findings);
        html_lit(b, "</h2>");
        if (r->n_findings == 0) {
                html_lit(b, "<p>");
                html_text(b, T(req, "Nothing was found to remove."));
                html_lit(b, "</p></section>");
                return;
        }
        html_lit(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">");
        html_text(b, T(req, "Your text"));
        html_lit(b, "</th><th scope=\"col\">");
        html_text(b, T(req, "Kind"));
        html_lit(b, "</th><th scope=\"col\">");
        html_text(b, T(req, "Employers read"));
        html_lit(b, "</th><th scope=\"col\">");
        html_text(b, T(req, "Wrongly removed?"));
        html_lit(b, "</th></tr></thead><tbody>");
        for (size_t i = 0; i < r->n_findings; i++) {
                const AnonFinding *f = &r->findings[i];
                const char *orig = arena_strndup(req->arena, v->source + f->start, f->end - f->start);
                html_lit(b, "<tr><td>");
                html_text(b, orig);
                html_lit(b, "</td><td>");
                html_text(b, category_label(req, f->category));
                html_lit(b, "</td><td>");
                html_text(b, f->replacement);
                html_lit(b, "</td><td>");
                if (f->category != ANON_CAT_FORCED && strlen(orig) >= MYP_MARK_MIN_BYTES &&
                    strlen(orig) <= MYP_MARK_MAX_BYTES)
                        mark_button(req, b, "keep", orig, T(req, "Keep it"));
                html_lit(b, "</td></tr>");
        }
        html_lit(b, "</tbody></table></div></section>");
}

static void marks_list(HttpRequest *req, StrBuf *b, const char *const *v, size_t n, const char *action,
                       const char *title) {
        if (n == 0)
                return;
        html_lit(b, "<h3>");
        html_text(b, title);
        html_lit(b, "</h3><ul>");
        for (size_t i = 0; i < n; i++) {
                html_lit(b, "<li>");
                html_text(b, v[i]);
                html_lit(b, " ");
                mark_button(req, b, action, v[i], T(req, "Take back"));
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
}

static void marks_section(HttpRequest *req, StrBuf *b, const MyProfile *mp) {
        html_lit(b, "<section aria-labelledby=\"h-marks\"><h2 id=\"h-marks\">");
        html_text(b, T(req, "Something personal was missed?"));
        html_lit(b, "</h2><form method=\"post\"");
        html_url(b, "action", arena_printf(req->arena, "%s/preview/marks", prof_base(req)));
        html_lit(b, "><input type=\"hidden\" name=\"action\" value=\"remove\">");
        web_csrf_field(req, b);
        form_field(req, b, "text", T(req, "Text to remove everywhere"), "text", "off", NULL,
                   T(req, "Copy it exactly as written in your profile or CV, e.g. a name or a street."));
        html_lit(b, "<p><button type=\"submit\">");
        html_text(b, T(req, "Remove this text"));
        html_lit(b, "</button></p></form>");
        marks_list(req, b, mp->remove, mp->n_remove, "unremove", T(req, "Texts you asked us to remove"));
        marks_list(req, b, mp->keep, mp->n_keep, "unkeep", T(req, "Texts you asked us to keep"));
        html_lit(b, "</section>");
}

static const char *view_digest(HttpRequest *req, const MypView *v) {
        char *h = arena_alloc(req->arena, AUTH_HASH_HEXLEN);
        if (h)
                auth_token_hash(v->result->text, h);
        return h;
}

static void approve_section(HttpRequest *req, StrBuf *b, const MyProfile *mp, const MypView *v) {
        html_lit(b, "<section aria-labelledby=\"h-approve\"><h2 id=\"h-approve\">");
        html_text(b, T(req, "Approve for employers"));
        html_lit(b, "</h2><p>");
        html_text(b, v->approved_current ? T(req, "You approved exactly this version. Employers may see it.")
                     : mp->approved     ? T(req, "Your profile changed since you approved it. Employers still see the earlier version until you approve this one.")
                                        : T(req, "Employers see nothing of your profile until you approve it."));
        html_lit(b, "</p>");
        if (prof_assisted(req) || v->approved_current) {
                html_lit(b, "</section>");
                return;
        }
        html_lit(b, "<form method=\"post\"");
        html_url(b, "action", arena_printf(req->arena, "%s/preview/approve", prof_base(req)));
        html_lit(b, ">");
        web_csrf_field(req, b);
        html_lit(b, "<input type=\"hidden\" name=\"digest\"");
        html_attr(b, "value", view_digest(req, v));
        html_lit(b, "><p><button type=\"submit\">");
        html_text(b, T(req, "I checked it: employers may see this version"));
        html_lit(b, "</button></p></form></section>");
}

static int view_of(HttpRequest *req, const MyProfile *mp, MypView *ret) {
        const char *name, *email;
        prof_account(req, &name, &email);
        return myp_view(MYP(req), req->arena, mp, name, email, req->lang, ret);
}

static int preview_page(HttpRequest *req, const MyProfile *mp, const char *error_msgid) {
        MypView v;
        int r = view_of(req, mp, &v);
        if (r < 0)
                return r;
        prof_page_begin(req, T(req, "Your anonymised profile"), error_msgid);
        StrBuf *b = resp_body(req);
        html_lit(b, "<p>");
        html_text(b, T(req, "This is what an employer reads before you agree to reveal who you are. Highlighted parts were removed or replaced."));
        html_lit(b, "</p><h2 id=\"h-view\">");
        html_text(b, T(req, "Anonymised profile"));
        html_lit(b, "</h2>");
        highlighted(req, b, &v);
        findings_table(req, b, &v);
        marks_section(req, b, mp);
        approve_section(req, b, mp, &v);
        page_end(req);
        return 0;
}

static int prof_preview_with(HttpRequest *req, const char *error_msgid) {
        MyProfile mp;
        int r = prof_load(req, &mp);
        return r < 0 ? r : preview_page(req, &mp, error_msgid);
}

int page_profile_preview(HttpRequest *req) { return prof_preview_with(req, NULL); }

/* Applies one mark action to mp; -EINVAL with *ret_msgid. */
static int mark_action(HttpRequest *req, MyProfile *mp, const char *action, const char *text,
                       const char **ret_msgid) {
        bool remove = strcmp(action, "remove") == 0 || strcmp(action, "unremove") == 0;
        if (strncmp(action, "un", 2) == 0) {
                const char *const *v = remove ? mp->remove : mp->keep;
                size_t n = remove ? mp->n_remove : mp->n_keep;
                for (size_t i = 0; text && i < n; i++)
                        if (strcmp(v[i], text) == 0)
                                return myp_unmark(mp, remove, i);
                return 0; /* already taken back */
        }
        MypView v;
        int r = view_of(req, mp, &v);
        return r < 0 ? r : myp_mark(mp, req->arena, &v, remove, text, ret_msgid);
}

int post_profile_marks(HttpRequest *req) {
        MyProfile mp;
        int r = prof_load(req, &mp);
        if (r < 0)
                return r;
        const char *action = req_param(req, "action"), *msgid = NULL;
        static const char *const ok[] = { "remove", "keep", "unremove", "unkeep" };
        size_t k = 0;
        while (k < 4 && (!action || strcmp(action, ok[k]) != 0))
                k++;
        if (k == 4)
                return prof_preview_with(req, N_("Please choose one of the options."));
        r = mark_action(req, &mp, action, req_param(req, "text"), &msgid);
        if (r == -EINVAL || r == -E2BIG)
                return preview_page(req, &mp, msgid);
        return r < 0 ? r : prof_save_redirect(req, &mp, "/preview");
}

int post_profile_approve(HttpRequest *req) {
        MyProfile mp;
        MypView v;
        int r = prof_load(req, &mp);
        if (r == 0)
                r = view_of(req, &mp, &v);
        if (r < 0)
                return r;
        const char *digest = req_param(req, "digest"), *now = view_digest(req, &v);
        if (!digest || !now || strcmp(digest, now) != 0)
                return preview_page(req, &mp, N_("Your profile changed while you were reading it. Check this version, then approve it."));
        myp_approve(&mp, &v, (int64_t)time(NULL));
        return prof_save_redirect(req, &mp, "/preview");
}
