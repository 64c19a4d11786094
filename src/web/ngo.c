/* Partner organisations (ngo role) registering and updating candidates who
 * consented to the organisation. Every view of a candidate's identity goes
 * through acct_reveal and is written to the candidate's audit log. */
#include <errno.h>
#include <string.h>

#include "web/web.h"

static void candidate_list(HttpRequest *req, StrBuf *b, const OrgRow *o) {
        int64_t *ids;
        size_t n = 0;
        (void)store_consent_subjects(APP(req)->store, req->arena, o->id, CONSENT_NGO_SUPPORT, &ids, &n);
        html_lit(b, "<ul>");
        for (size_t i = 0; i < n; i++) {
                UserRow u;
                const char *name = NULL;
                if (store_user_get(APP(req)->store, req->arena, ids[i], &u) < 0 || !u.name_enc ||
                    acct_reveal(ACCT(req), req->arena, &web_auth(req)->principal, u.id, DATA_IDENTITY, 1, u.name_enc,
                                &name) < 0)
                        name = "—";
                html_lit(b, "<li><a");
                html_url(b, "href", arena_printf(req->arena, "/candidates/%lld", (long long)ids[i]));
                html_lit(b, ">");
                html_text(b, name);
                html_lit(b, "</a></li>");
        }
        html_lit(b, "</ul>");
}

static int ngo_page(HttpRequest *req, const char *error_msgid, const char *notice) {
        OrgRow o;
        int r = store_org_get(APP(req)->store, req->arena, req_param(req, "org"), &o);
        if (r < 0)
                return r;
        StrBuf *b = page_head(req, T(req, "Candidates you support"), error_msgid, notice);
        html_lit(b, "<p>");
        html_text(b, T(req, "Only candidates who gave this organisation their consent are listed. Each view is recorded in the candidate's own audit log."));
        html_lit(b, "</p>");
        candidate_list(req, b, &o);
        html_lit(b, "<section aria-labelledby=\"h-reg\"><h2 id=\"h-reg\">");
        html_text(b, T(req, "Register a candidate"));
        html_lit(b, "</h2><form method=\"post\"");
        html_url(b, "action", arena_printf(req->arena, "/orgs/%s/candidates", o.slug));
        html_lit(b, ">");
        web_csrf_field(req, b);
        form_field(req, b, "email", T(req, "E-mail address"), "email", "off", NULL, NULL);
        form_field(req, b, "name", T(req, "Name"), "text", "off", NULL, NULL);
        html_lit(b, "<div class=\"field\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"yes\"> <label for=\"consent\">");
        html_text(b, T(req, "The candidate has agreed that this organisation acts on their behalf."));
        html_lit(b, "</label></div><p><button type=\"submit\">");
        html_text(b, T(req, "Register a candidate"));
        html_lit(b, "</button></p></form></section>");
        page_end(req);
        return 0;
}

int page_ngo_candidates(HttpRequest *req) { return ngo_page(req, NULL, NULL); }

int post_ngo_candidate(HttpRequest *req) {
        const char *consent = req_param(req, "consent"), *msgid = N_("Please fill in every required field.");
        if (!consent || strcmp(consent, "yes") != 0 || !req_param(req, "email"))
                return ngo_page(req, msgid, NULL);
        int64_t id = 0;
        int r = acct_ngo_register(ACCT(req), req->arena, &web_auth(req)->principal, req_param(req, "org"),
                                  req_param(req, "email"), req_param(req, "name"), web_base_url(req), req->lang, &id,
                                  &msgid);
        if (r == -EEXIST) /* an existing account gives its consent itself */
                msgid = N_("An account could not be created with these details. If you already have one, sign in or reset your password.");
        if (r == -EINVAL || r == -EEXIST)
                return ngo_page(req, msgid, NULL);
        if (r < 0)
                return r;
        return ngo_page(req, NULL, T(req, "The candidate was registered and receives a link to choose a password."));
}

static int candidate_page(HttpRequest *req, const char *notice) {
        UserRow u;
        int64_t id = req_param_int(req, "id", 0);
        const Principal *p = &web_auth(req)->principal;
        const char *email = NULL, *name = NULL;
        int r = store_user_get(APP(req)->store, req->arena, id, &u);
        if (r == 0 && u.email_enc)
                r = acct_reveal(ACCT(req), req->arena, p, id, DATA_IDENTITY, 1, u.email_enc, &email);
        if (r == 0 && u.name_enc)
                r = vault_decrypt(APP(req)->vault, req->arena, u.name_enc, &name); /* same view, audited above */
        if (r < 0)
                return r;
        StrBuf *b = page_head(req, T(req, "Candidate"), NULL, notice);
        html_lit(b, "<p>");
        html_text(b, email ? email : "—");
        html_lit(b, "</p><form method=\"post\"");
        html_url(b, "action", arena_printf(req->arena, "/candidates/%lld", (long long)id));
        html_lit(b, ">");
        web_csrf_field(req, b);
        form_field(req, b, "name", T(req, "Name"), "text", "off", name, NULL);
        html_lit(b, "<p><button type=\"submit\">");
        html_text(b, T(req, "Save"));
        html_lit(b, "</button></p></form><p><a");
        html_url(b, "href", arena_printf(req->arena, "/candidates/%lld/profile", (long long)id));
        html_lit(b, ">");
        html_text(b, T(req, "Build the candidate's profile with them"));
        html_lit(b, "</a></p>");
        page_end(req);
        return 0;
}

int page_candidate(HttpRequest *req) { return candidate_page(req, NULL); }

int post_candidate(HttpRequest *req) {
        int r = acct_ngo_set_name(ACCT(req), req->arena, WEB_USER_ID(req), req_param_int(req, "id", 0),
                                  req_param(req, "name"));
        if (r < 0)
                return r;
        return candidate_page(req, T(req, "Saved."));
}
