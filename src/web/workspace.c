/* Scoped pages that exercise the permission table: a city's action-plan
 * workspace (its officers and the network), an organisation's page (its
 * members and administrators) and the administration overview. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "web/web.h"

int page_workspace(HttpRequest *req) {
        City c;
        int r = store_city_get(APP(req)->store, req->arena, req_param(req, "slug"), &c);
        if (r < 0)
                return r;
        const char *title = arena_printf(req->arena, T(req, "Action-plan workspace: %s"), c.name);
        page_begin(req, title);
        StrBuf *b = resp_body(req);
        html_lit(b, "<p class=\"crumbs\"><a");
        html_url(b, "href", arena_printf(req->arena, "/cities/%s", c.slug));
        html_lit(b, ">");
        html_text(b, c.name);
        html_lit(b, "</a></p><h1>");
        html_text(b, title);
        html_lit(b, "</h1><p>");
        html_text(b, T(req, "Only this city's officers and the network's lead partner and lead expert see this workspace."));
        html_lit(b, "</p>");
        page_end(req);
        return 0;
}

int page_org_with(HttpRequest *req, const char *error_msgid, const char *notice) {
        OrgRow o;
        int r = store_org_get(APP(req)->store, req->arena, req_param(req, "org"), &o);
        if (r < 0)
                return r;
        page_begin(req, o.name);
        StrBuf *b = resp_body(req);
        html_lit(b, "<h1>");
        html_text(b, o.name);
        html_lit(b, "</h1>");
        if (error_msgid)
                form_error(req, b, error_msgid);
        if (notice)
                form_notice(b, notice);
        html_lit(b, "<p>");
        html_text(b, T(req, "Only this organisation's members and the platform's administrators see this page."));
        html_lit(b, "</p><section aria-labelledby=\"h-invite\"><h2 id=\"h-invite\">");
        html_text(b, T(req, "Invite a colleague"));
        html_lit(b, "</h2><form method=\"post\"");
        html_url(b, "action", arena_printf(req->arena, "/orgs/%s/invite", o.slug));
        html_lit(b, ">");
        web_csrf_field(req, b);
        form_field(req, b, "email", T(req, "E-mail address"), "email", "off", NULL, NULL);
        html_lit(b, "<p><button type=\"submit\">");
        html_text(b, T(req, "Send the invitation"));
        html_lit(b, "</button></p></form></section>");
        page_end(req);
        if (error_msgid)
                req->resp.status = 400;
        return 0;
}

int page_org(HttpRequest *req) { return page_org_with(req, NULL, NULL); }

static void org_list(HttpRequest *req, StrBuf *b) {
        OrgRow *o;
        size_t n = 0;
        (void)store_org_list(APP(req)->store, req->arena, &o, &n);
        html_lit(b, "<section aria-labelledby=\"h-orgs\"><h2 id=\"h-orgs\">");
        html_text(b, T(req, "Organisations"));
        html_lit(b, "</h2><ul>");
        for (size_t i = 0; i < n; i++) {
                html_lit(b, "<li><a");
                html_url(b, "href", arena_printf(req->arena, "/orgs/%s", o[i].slug));
                html_lit(b, ">");
                html_text(b, o[i].name);
                html_lit(b, "</a> (");
                html_text(b, strcmp(o[i].kind, "ngo") == 0 ? T(req, "Partner organisation") : T(req, "Employer"));
                html_lit(b, ")</li>");
        }
        html_lit(b, "</ul>");
}

static void org_form(HttpRequest *req, StrBuf *b) {
        html_lit(b, "<h3>");
        html_text(b, T(req, "Create an organisation"));
        html_lit(b, "</h3><form method=\"post\" action=\"/admin/orgs\">");
        web_csrf_field(req, b);
        form_field(req, b, "name", T(req, "Name"), "text", "organization", NULL, NULL);
        form_field(req, b, "slug", T(req, "Short name for web addresses"), "text", "off", NULL,
                   T(req, "Lower-case letters, digits and hyphens, e.g. acme-ltd."));
        html_lit(b, "<div class=\"field\"><label for=\"kind\">");
        html_text(b, T(req, "Kind"));
        html_lit(b, "</label><select id=\"kind\" name=\"kind\"><option value=\"employer\">");
        html_text(b, T(req, "Employer"));
        html_lit(b, "</option><option value=\"ngo\">");
        html_text(b, T(req, "Partner organisation"));
        html_lit(b, "</option></select></div><p><button type=\"submit\">");
        html_text(b, T(req, "Create an organisation"));
        html_lit(b, "</button></p></form></section>");
}

static int admin_page(HttpRequest *req, const char *error_msgid, const char *notice) {
        int64_t erased = 0;
        (void)store_counter_get(APP(req)->store, "accounts_erased", &erased);
        page_begin(req, T(req, "Administration"));
        StrBuf *b = resp_body(req);
        html_lit(b, "<h1>");
        html_text(b, T(req, "Administration"));
        html_lit(b, "</h1>");
        if (error_msgid)
                form_error(req, b, error_msgid);
        if (notice)
                form_notice(b, notice);
        html_lit(b, "<p>");
        html_textf(b, T(req, "Accounts erased at their owner's request: %lld"), (long long)erased);
        html_lit(b, "</p>");
        org_list(req, b);
        org_form(req, b);
        page_end(req);
        if (error_msgid)
                req->resp.status = 400;
        return 0;
}

int page_admin(HttpRequest *req) { return admin_page(req, NULL, NULL); }

int post_admin_org(HttpRequest *req) {
        int r = acct_org_save(ACCT(req), req_param(req, "slug"), req_param(req, "name"), req_param(req, "kind"),
                              WEB_USER_ID(req));
        if (r == -EINVAL)
                return admin_page(req, N_("Please fill in every required field."), NULL);
        return r < 0 ? r : admin_page(req, NULL, T(req, "The organisation was saved."));
}
