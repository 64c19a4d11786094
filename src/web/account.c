/* The account page: own data, consents, API tokens, password, export,
 * erasure and the audit log of one's own data. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "web/web.h"

static void when(StrBuf *b, int64_t t) {
        char buf[32];
        time_t tt = (time_t)t;
        struct tm tm;
        gmtime_r(&tt, &tm);
        strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M UTC", &tm);
        html_lit(b, "<time");
        html_attr(b, "datetime", buf);
        html_lit(b, ">");
        html_text(b, buf);
        html_lit(b, "</time>");
}

static void post_button(HttpRequest *req, StrBuf *b, const char *action, const char *label) {
        html_lit(b, "<form method=\"post\" class=\"inline\"");
        html_url(b, "action", action);
        html_lit(b, ">");
        web_csrf_field(req, b);
        html_lit(b, "<button type=\"submit\">");
        html_text(b, label);
        html_lit(b, "</button></form>");
}

static void section(StrBuf *b, const char *id, const char *title) {
        html_lit(b, "<section");
        html_attrf(b, "aria-labelledby", "h-%s", id);
        html_lit(b, "><h2");
        html_attrf(b, "id", "h-%s", id);
        html_lit(b, ">");
        html_text(b, title);
        html_lit(b, "</h2>");
}

static void you(HttpRequest *req, StrBuf *b, const UserRow *u, const char *email, const char *name) {
        section(b, "you", T(req, "Your details"));
        html_lit(b, "<dl class=\"facts\"><div><dt>");
        html_text(b, T(req, "E-mail address"));
        html_lit(b, "</dt><dd>");
        html_text(b, email);
        html_lit(b, "</dd></div><div><dt>");
        html_text(b, T(req, "Name"));
        html_lit(b, "</dt><dd>");
        html_text(b, name ? name : "—");
        html_lit(b, "</dd></div><div><dt>");
        html_text(b, T(req, "Roles"));
        html_lit(b, "</dt><dd>");
        const Principal *p = &web_auth(req)->principal;
        for (int i = 0; i < p->ngrants; i++) {
                if (i)
                        html_lit(b, ", ");
                html_text(b, T(req, role_label(p->grants[i].role)));
                if (p->grants[i].org_slug || p->grants[i].city_slug) {
                        html_lit(b, " (");
                        html_text(b, p->grants[i].org_slug ? p->grants[i].org_slug : p->grants[i].city_slug);
                        html_lit(b, ")");
                }
        }
        html_lit(b, "</dd></div></dl></section>");
}

static void consents(HttpRequest *req, StrBuf *b) {
        ConsentRow *c;
        size_t n = 0;
        int active = 0;
        (void)store_consent_list(APP(req)->store, req->arena, WEB_USER_ID(req), &c, &n);
        section(b, "consent", T(req, "Your consents"));
        html_lit(b, "<ul>");
        for (size_t i = 0; i < n; i++) {
                html_lit(b, "<li>");
                html_text(b, strcmp(c[i].purpose, CONSENT_NGO_SUPPORT) == 0 ? T(req, "Support by a partner organisation")
                                                                            : T(req, "Blind matching with job offers"));
                html_lit(b, " — ");
                when(b, c[i].given_at);
                if (c[i].withdrawn_at) {
                        html_lit(b, " — ");
                        html_text(b, T(req, "withdrawn"));
                        html_lit(b, " ");
                        when(b, c[i].withdrawn_at);
                } else {
                        active |= strcmp(c[i].purpose, CONSENT_MATCHING) == 0;
                        post_button(req, b, arena_printf(req->arena, "/account/consent/%lld/withdraw", (long long)c[i].id),
                                    T(req, "Withdraw"));
                }
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
        if (!active)
                post_button(req, b, "/account/consent", T(req, "Agree to blind matching"));
        html_lit(b, "</section>");
}

static void sessions(HttpRequest *req, StrBuf *b) {
        SessionRow *s;
        size_t n = 0;
        (void)store_session_list_user(APP(req)->store, req->arena, WEB_USER_ID(req), &s, &n);
        const char *mine = web_auth(req)->session_hash;
        section(b, "sessions", T(req, "Where you are signed in"));
        html_lit(b, "<ul>");
        for (size_t i = 0; i < n; i++) {
                html_lit(b, "<li>");
                when(b, s[i].created_at);
                html_lit(b, " — ");
                when(b, s[i].last_seen);
                if (mine && s[i].token_hash && strcmp(mine, s[i].token_hash) == 0) {
                        html_lit(b, " <strong>");
                        html_text(b, T(req, "this browser"));
                        html_lit(b, "</strong>");
                }
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
        if (n > 1)
                post_button(req, b, "/account/sessions/revoke", T(req, "Sign out everywhere else"));
        html_lit(b, "</section>");
}

int post_sessions_revoke(HttpRequest *req) {
        int64_t n = 0;
        int r = store_session_delete_others(APP(req)->store, WEB_USER_ID(req), web_auth(req)->session_hash, &n);
        if (r == 0 && n > 0)
                r = acct_audit(ACCT(req), WEB_USER_ID(req), WEB_USER_ID(req), "sessions.revoked", "");
        return r < 0 ? r : resp_redirect(req, 303, "/account");
}

static void tokens(HttpRequest *req, StrBuf *b) {
        TokenRow *t;
        size_t n = 0;
        (void)store_token_list_user(APP(req)->store, req->arena, WEB_USER_ID(req), &t, &n);
        section(b, "tokens", T(req, "API tokens"));
        html_lit(b, "<ul>");
        for (size_t i = 0; i < n; i++) {
                if (t[i].revoked_at)
                        continue;
                html_lit(b, "<li>");
                html_textf(b, "#%lld ", (long long)t[i].id);
                when(b, t[i].created_at);
                post_button(req, b, arena_printf(req->arena, "/account/tokens/%lld/revoke", (long long)t[i].id),
                            T(req, "Revoke"));
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
        post_button(req, b, "/account/tokens", T(req, "Create an API token"));
        html_lit(b, "</section>");
}

static void audit(HttpRequest *req, StrBuf *b) {
        AuditRow *e;
        size_t n = 0;
        (void)store_audit_list_subject(APP(req)->store, req->arena, WEB_USER_ID(req), &e, &n);
        section(b, "audit", T(req, "Who did what with your data"));
        html_lit(b, "<table><thead><tr><th scope=\"col\">");
        html_text(b, T(req, "When"));
        html_lit(b, "</th><th scope=\"col\">");
        html_text(b, T(req, "What"));
        html_lit(b, "</th><th scope=\"col\">");
        html_text(b, T(req, "By"));
        html_lit(b, "</th></tr></thead><tbody>");
        for (size_t i = 0; i < n && i < 50; i++) {
                html_lit(b, "<tr><td>");
                when(b, e[i].at);
                html_lit(b, "</td><td>");
                html_text(b, e[i].action);
                html_lit(b, "</td><td>");
                html_text(b, e[i].actor_id == WEB_USER_ID(req) ? T(req, "you") : T(req, "someone else"));
                html_lit(b, "</td></tr>");
        }
        html_lit(b, "</tbody></table></section>");
}

static void forms(HttpRequest *req, StrBuf *b) {
        section(b, "pw", T(req, "Change your password"));
        html_lit(b, "<form method=\"post\" action=\"/account/password\">");
        web_csrf_field(req, b);
        form_field(req, b, "current", T(req, "Current password"), "password", "current-password", NULL, NULL);
        form_field(req, b, "password", T(req, "New password"), "password", "new-password", NULL,
                   T(req, "At least 12 characters. A few unrelated words are easy to remember and hard to guess."));
        html_lit(b, "<p><button type=\"submit\">");
        html_text(b, T(req, "Save the new password"));
        html_lit(b, "</button></p></form></section>");
        section(b, "data", T(req, "Your data"));
        html_lit(b, "<p><a href=\"/account/export\" download>");
        html_text(b, T(req, "Download all your data (JSON)"));
        html_lit(b, "</a></p><form method=\"post\" action=\"/account/erase\">");
        web_csrf_field(req, b);
        html_lit(b, "<p>");
        html_text(b, T(req, "Erasing your account removes your personal data everywhere. Only anonymous counts remain. This cannot be undone."));
        html_lit(b, "</p>");
        form_field(req, b, "erase-current", T(req, "Current password"), "password", "current-password", NULL, NULL);
        html_lit(b, "<p><button type=\"submit\" class=\"danger\">");
        html_text(b, T(req, "Erase my account"));
        html_lit(b, "</button></p></form></section>");
}

static int account_page(HttpRequest *req, const char *notice, const char *error) {
        UserRow u;
        const char *email = NULL, *name = NULL;
        int r = store_user_get(APP(req)->store, req->arena, WEB_USER_ID(req), &u);
        if (r == 0)
                r = acct_user_plain(ACCT(req), req->arena, &u, &email, &name);
        if (r < 0)
                return r;
        StrBuf *b = page_head(req, T(req, "Your account"), error, notice);
        you(req, b, &u, email, name);
        post_button(req, b, "/logout", T(req, "Sign out"));
        consents(req, b);
        forms(req, b);
        sessions(req, b);
        tokens(req, b);
        audit(req, b);
        page_end(req);
        return 0;
}

int page_account(HttpRequest *req) { return account_page(req, NULL, NULL); }

int post_account_password(HttpRequest *req) {
        const char *msgid = NULL;
        int r = acct_change_password(ACCT(req), req->arena, WEB_USER_ID(req), req_param(req, "current"),
                                     req_param(req, "password"), &msgid);
        if (r == -EACCES || r == -EINVAL) {
                account_page(req, NULL, msgid);
                req->resp.status = 400;
                return 0;
        }
        if (r == 0) /* every session was revoked: this one starts afresh */
                r = web_signin(req, WEB_USER_ID(req));
        return r < 0 ? r : account_page(req, T(req, "Your password was changed. You were signed out everywhere else."), NULL);
}

int get_account_export(HttpRequest *req) {
        const char *json;
        int r = acct_export(ACCT(req), req->arena, WEB_USER_ID(req), &json);
        if (r < 0)
                return r;
        resp_json_text(req);
        (void)resp_header(req, "Content-Disposition", "attachment; filename=\"techdiv-my-data.json\"");
        strbuf_puts(resp_body(req), json);
        return 0;
}

int post_account_erase(HttpRequest *req) {
        UserRow u;
        int r = store_user_get(APP(req)->store, req->arena, WEB_USER_ID(req), &u);
        if (r < 0)
                return r;
        const char *pw = req_param(req, "erase-current");
        if (!u.pw_hash || auth_password_verify(u.pw_hash, pw ? pw : "") != 0) {
                account_page(req, NULL, N_("The current password is not correct."));
                req->resp.status = 400;
                return 0;
        }
        r = acct_erase(ACCT(req), req->arena, u.id);
        if (r < 0)
                return r;
        web_signout(req);
        (void)page_head(req, T(req, "Your account was erased"), NULL,
                        T(req, "Your personal data was removed everywhere. Thank you for having used TechDiversity."));
        page_end(req);
        return 0;
}

int post_consent_give(HttpRequest *req) {
        StoreConn *c;
        int r = store_begin(APP(req)->store, &c);
        if (r < 0)
                return r;
        r = store_consent_give(c, WEB_USER_ID(req), 0, CONSENT_MATCHING, CONSENT_MATCHING_VERSION, acct_now());
        if (r == 0)
                r = store_audit_add(c, acct_now(), WEB_USER_ID(req), WEB_USER_ID(req), "consent.given", CONSENT_MATCHING);
        r = store_end(c, r);
        return r < 0 ? r : resp_redirect(req, 303, "/account");
}

int post_consent_withdraw(HttpRequest *req) {
        StoreConn *c;
        int r = store_begin(APP(req)->store, &c);
        if (r < 0)
                return r;
        r = store_consent_withdraw(c, WEB_USER_ID(req), req_param_int(req, "id", 0), acct_now());
        if (r == 0)
                r = store_audit_add(c, acct_now(), WEB_USER_ID(req), WEB_USER_ID(req), "consent.withdrawn",
                                    CONSENT_MATCHING);
        r = store_end(c, r);
        return r < 0 ? r : resp_redirect(req, 303, "/account");
}

int post_token_create(HttpRequest *req) {
        const char *tok;
        int64_t id;
        int r = acct_token_create(ACCT(req), req->arena, WEB_USER_ID(req), NULL, &tok, &id);
        if (r < 0)
                return r;
        StrBuf *b = page_head(req, T(req, "Your new API token"), NULL, NULL);
        html_lit(b, "<p>");
        html_text(b, T(req, "Copy it now: it is shown only once. Send it as \"Authorization: Bearer TOKEN\"."));
        html_lit(b, "</p><p><code id=\"token\">");
        html_text(b, tok);
        html_lit(b, "</code></p><p><a href=\"/account\">");
        html_text(b, T(req, "Back to your account"));
        html_lit(b, "</a></p>");
        page_end(req);
        return 0;
}

int post_token_revoke(HttpRequest *req) {
        StoreConn *c;
        int r = store_begin(APP(req)->store, &c);
        if (r < 0)
                return r;
        r = store_token_revoke(c, req_param_int(req, "id", 0), WEB_USER_ID(req), acct_now());
        if (r == 0)
                r = store_audit_add(c, acct_now(), WEB_USER_ID(req), WEB_USER_ID(req), "token.revoked", "");
        r = store_end(c, r);
        return r < 0 ? r : resp_redirect(req, 303, "/account");
}
