/* Invitations: an organisation's members invite colleagues; the invited
 * person creates their account from the link. */
#include <errno.h>
#include <string.h>

#include "web/web.h"

static int invite_form(HttpRequest *req, const char *token, const char *msgid, const char *email) {
        StrBuf *b = page_head(req, T(req, "Accept your invitation"), msgid, NULL);
        html_lit(b, "<form method=\"post\" action=\"/invite\">");
        web_csrf_field(req, b);
        html_lit(b, "<input type=\"hidden\" name=\"token\"");
        html_attr(b, "value", token ? token : "");
        html_lit(b, ">");
        form_field(req, b, "email", T(req, "E-mail address"), "email", "email", email,
                   T(req, "The address the invitation was sent to."));
        form_field(req, b, "name", T(req, "Name (optional)"), "text", "name", NULL, NULL);
        form_field(req, b, "password", T(req, "Password"), "password", "new-password", NULL,
                   T(req, "At least 12 characters. A few unrelated words are easy to remember and hard to guess."));
        html_lit(b, "<p><button type=\"submit\">");
        html_text(b, T(req, "Create an account"));
        html_lit(b, "</button></p></form>");
        page_end(req);
        return 0;
}

int page_invite(HttpRequest *req) { return invite_form(req, req_param(req, "token"), NULL, NULL); }

int post_invite(HttpRequest *req) {
        NewUser nu = { .email = req_param(req, "email"), .name = req_param(req, "name"),
                       .password = req_param(req, "password"), .lang = lang_code(req->lang) };
        const char *msgid = N_("Please fill in every required field.");
        int64_t uid = 0;
        int r = nu.email && nu.password
                        ? acct_invite_accept(ACCT(req), req->arena, req_param(req, "token"), &nu, &uid, &msgid)
                        : -EINVAL;
        if (r == -ENOENT || r == -EEXIST)
                msgid = N_("This invitation is not valid for this address, has been used or has expired.");
        if (r == -ENOENT || r == -EEXIST || r == -EINVAL) {
                invite_form(req, req_param(req, "token"), msgid, nu.email);
                req->resp.status = 400;
                return 0;
        }
        if (r == 0)
                r = web_signin(req, uid);
        return r < 0 ? r : resp_redirect(req, 303, "/account");
}

int post_org_invite(HttpRequest *req) {
        const char *org = req_param(req, "org");
        int r = acct_invite(ACCT(req), req->arena, org, req_param(req, "email"), WEB_USER_ID(req), web_base_url(req),
                            req->lang);
        if (r == -EINVAL)
                return page_org_with(req, N_("Please enter a valid e-mail address."), NULL);
        if (r < 0)
                return r;
        return page_org_with(req, NULL, T(req, "The invitation is on its way. It works once, for seven days."));
}
