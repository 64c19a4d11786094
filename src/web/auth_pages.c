/* Sign in, sign out, registration and password reset. Messages never tell
 * whether an account exists. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "web/web.h"

static void form_open(HttpRequest *req, StrBuf *b, const char *action) {
        html_lit(b, "<form method=\"post\"");
        html_url(b, "action", action);
        html_lit(b, ">");
        web_csrf_field(req, b);
}

static void submit(StrBuf *b, const char *label) {
        html_lit(b, "<p><button type=\"submit\">");
        html_text(b, label);
        html_lit(b, "</button></p></form>");
}

static int login_form(HttpRequest *req, const char *msgid, const char *email, const char *next) {
        StrBuf *b = page_head(req, T(req, "Sign in"), msgid, NULL);
        form_open(req, b, "/login");
        html_lit(b, "<input type=\"hidden\" name=\"next\"");
        html_attr(b, "value", web_safe_next(next));
        html_lit(b, ">");
        form_field(req, b, "email", T(req, "E-mail address"), "email", "username", email, NULL);
        form_field(req, b, "password", T(req, "Password"), "password", "current-password", NULL, NULL);
        submit(b, T(req, "Sign in"));
        html_lit(b, "<p><a href=\"/password/forgot\">");
        html_text(b, T(req, "Forgotten your password?"));
        html_lit(b, "</a></p><p><a href=\"/register\">");
        html_text(b, T(req, "Create an account"));
        html_lit(b, "</a></p>");
        page_end(req);
        return 0;
}

int page_login(HttpRequest *req) {
        if (WEB_USER_ID(req))
                return resp_redirect(req, 303, "/account");
        return login_form(req, NULL, NULL, req_param(req, "next"));
}

int post_login(HttpRequest *req) {
        int64_t uid = 0, retry = 0;
        const char *email = req_param(req, "email");
        int r = acct_authenticate(ACCT(req), req->arena, email, req_param(req, "password"), req->remote_addr, &uid,
                                  &retry);
        if (r == -EAGAIN) {
                char s[32];
                snprintf(s, sizeof(s), "%lld", (long long)retry);
                (void)resp_header(req, "Retry-After", s);
                login_form(req, N_("Too many failed attempts. Please wait a few minutes and try again."), email,
                           req_param(req, "next"));
                req->resp.status = 429;
                return 0;
        }
        if (r == -EACCES) {
                login_form(req, N_("The e-mail address or the password is not correct."), email, req_param(req, "next"));
                req->resp.status = 400;
                return 0;
        }
        if (r == 0)
                r = web_signin(req, uid);
        if (r < 0)
                return r;
        log_info("signin", "user=%lld", (long long)uid);
        return resp_redirect(req, 303, web_safe_next(req_param(req, "next")));
}

int post_logout(HttpRequest *req) {
        web_signout(req);
        return resp_redirect(req, 303, "/");
}

static int register_form(HttpRequest *req, const char *msgid, const char *email, const char *name) {
        StrBuf *b = page_head(req, T(req, "Create an account"), msgid, NULL);
        html_lit(b, "<p>");
        html_text(b, T(req, "An account for candidates. Employers, partner organisations and cities are invited by their administrator."));
        html_lit(b, "</p>");
        form_open(req, b, "/register");
        form_field(req, b, "email", T(req, "E-mail address"), "email", "email", email, NULL);
        form_field(req, b, "name", T(req, "Name (optional)"), "text", "name", name,
                   T(req, "Stored encrypted. Employers never see it unless you agree to a reveal."));
        form_field(req, b, "password", T(req, "Password"), "password", "new-password", NULL,
                   T(req, "At least 12 characters. A few unrelated words are easy to remember and hard to guess."));
        html_lit(b, "<div class=\"field\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"yes\">"
                    " <label for=\"consent\">");
        html_text(b, T(req, "I agree that my profile is used, without my name, for blind matching with job offers. I can withdraw this at any time."));
        html_lit(b, "</label></div>");
        submit(b, T(req, "Create an account"));
        page_end(req);
        return 0;
}

int page_register(HttpRequest *req) { return register_form(req, NULL, NULL, NULL); }

int post_register(HttpRequest *req) {
        const char *consent = req_param(req, "consent");
        NewUser nu = { .email = req_param(req, "email"), .name = req_param(req, "name"),
                       .password = req_param(req, "password"), .lang = lang_code(req->lang), .role = ROLE_CANDIDATE,
                       .consent_matching = consent && strcmp(consent, "yes") == 0 };
        const char *msgid = N_("Please fill in every required field.");
        int64_t uid = 0;
        int r = nu.email && nu.password ? acct_create_user(ACCT(req), req->arena, &nu, 0, &uid, &msgid) : -EINVAL;
        if (r == -EEXIST) /* do not reveal that the address has an account */
                msgid = N_("An account could not be created with these details. If you already have one, sign in or reset your password.");
        if (r == -EINVAL || r == -EEXIST) {
                register_form(req, msgid, nu.email, nu.name);
                req->resp.status = 400;
                return 0;
        }
        if (r == 0)
                r = web_signin(req, uid);
        return r < 0 ? r : resp_redirect(req, 303, "/account");
}

int page_forgot(HttpRequest *req) {
        StrBuf *b = page_head(req, T(req, "Reset your password"), NULL, NULL);
        html_lit(b, "<p>");
        html_text(b, T(req, "Enter the e-mail address of your account. If it has an account, we send it a link to choose a new password."));
        html_lit(b, "</p>");
        form_open(req, b, "/password/forgot");
        form_field(req, b, "email", T(req, "E-mail address"), "email", "email", NULL, NULL);
        submit(b, T(req, "Send the link"));
        page_end(req);
        return 0;
}

const char *web_base_url(HttpRequest *req) {
        const char *host = req_header(req, "Host");
        int ok = host && *host && strlen(host) < 200 && !strpbrk(host, " /\\@\"<>");
        return arena_printf(req->arena, "%s://%s", req->is_https ? "https" : "http", ok ? host : "localhost");
}

int post_forgot(HttpRequest *req) {
        int r = acct_reset_request(ACCT(req), req->arena, req_param(req, "email"), web_base_url(req), req->lang);
        if (r < 0)
                return r;
        (void)page_head(req, T(req, "Reset your password"), NULL,
                        T(req, "If this address has an account, a link to choose a new password is on its way. It works once, for one hour."));
        page_end(req);
        return 0;
}

static int reset_form(HttpRequest *req, const char *token, const char *msgid) {
        StrBuf *b = page_head(req, T(req, "Choose a new password"), msgid, NULL);
        form_open(req, b, "/password/reset");
        html_lit(b, "<input type=\"hidden\" name=\"token\"");
        html_attr(b, "value", token ? token : "");
        html_lit(b, ">");
        form_field(req, b, "password", T(req, "New password"), "password", "new-password", NULL,
                   T(req, "At least 12 characters. A few unrelated words are easy to remember and hard to guess."));
        submit(b, T(req, "Save the new password"));
        page_end(req);
        return 0;
}

int page_reset(HttpRequest *req) { return reset_form(req, req_param(req, "token"), NULL); }

int post_reset(HttpRequest *req) {
        const char *msgid = NULL;
        const char *token = req_param(req, "token");
        int r = acct_reset_finish(ACCT(req), req->arena, token, req_param(req, "password"), &msgid);
        if (r == -ENOENT)
                msgid = N_("This link is no longer valid. Please ask for a new one.");
        if (r == -ENOENT || r == -EINVAL) {
                reset_form(req, token, msgid);
                req->resp.status = 400;
                return 0;
        }
        if (r < 0)
                return r;
        return resp_redirect(req, 303, "/login");
}
