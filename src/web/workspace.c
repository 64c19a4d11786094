/* Scoped pages that exercise the permission table: a city's action-plan
 * workspace (its officers and the network), an organisation's page (its
 * members and administrators) and the administration overview. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "domain/workspace/edit.h"
#include "web/ws.h"

int ws_web_city(HttpRequest *req, City *ret, Lang *ret_local) {
        int r = store_city_get(APP(req)->store, req->arena, req_param(req, "slug"), ret);
        if (r == 0) {
                *ret_local = LANG_EN;
                (void)lang_parse(ret->lang, ret_local);
        }
        return r;
}

const char *ws_web_get(void *req, const char *name) {
        return req_form_raw(req, name);
}

static bool is_network(HttpRequest *req) {
        const Principal *p = &web_auth(req)->principal;
        for (int i = 0; i < p->ngrants; i++)
                if (p->grants[i].role == ROLE_NETWORK)
                        return true;
        return false;
}

void ws_web_top(HttpRequest *req, StrBuf *b, const City *c) {
        size_t n;
        const WsForm *forms = ws_forms(&n);
        html_lit(b, "<p class=\"crumbs\"><a");
        html_url(b, "href", arena_printf(req->arena, "/cities/%s", c->slug));
        html_lit(b, ">");
        html_text(b, c->name);
        html_lit(b, "</a> › <a");
        html_url(b, "href", arena_printf(req->arena, "/cities/%s/workspace", c->slug));
        html_lit(b, ">");
        html_text(b, T(req, "Workspace"));
        html_lit(b, "</a></p><nav class=\"ws-nav\"");
        html_attr(b, "aria-label", T(req, "Workspace sections"));
        html_lit(b, "><ul>");
        for (size_t i = 0; i < n; i++) {
                const char *href = arena_printf(req->arena, "/cities/%s/workspace/%s", c->slug, forms[i].slug);
                html_lit(b, "<li><a");
                html_url(b, "href", href);
                if (href && strncmp(req->path, href, strlen(href)) == 0)
                        html_lit(b, " aria-current=\"page\"");
                html_lit(b, ">");
                html_text(b, T(req, forms[i].title));
                html_lit(b, "</a></li>");
        }
        html_lit(b, "<li><a");
        html_url(b, "href", arena_printf(req->arena, "/cities/%s/workspace/rubric", c->slug));
        html_lit(b, ">");
        html_text(b, T(req, "Action Planning Table rubric"));
        html_lit(b, "</a></li><li><a");
        html_url(b, "href", arena_printf(req->arena, "/cities/%s/workspace/integration", c->slug));
        html_lit(b, ">");
        html_text(b, T(req, "Integration self-assessment"));
        html_lit(b, "</a></li><li><a");
        html_url(b, "href", arena_printf(req->arena, "/cities/%s/plan", c->slug));
        html_lit(b, ">");
        html_text(b, T(req, "The plan as published"));
        html_lit(b, "</a></li></ul></nav>");
}

void ws_web_text(HttpRequest *req, StrBuf *b, const IapText *t) {
        bool fb;
        const char *s = iap_text_get(t, req->lang, &fb);
        bool want_en = req->lang == LANG_EN || req->lang != t->local_lang;
        bool shown_en = fb ? !want_en : want_en;
        Lang shown = shown_en ? LANG_EN : t->local_lang;
        if (shown != req->lang) {
                html_lit(b, "<span");
                html_attr(b, "lang", lang_code(shown));
                html_lit(b, ">");
        }
        html_text(b, s);
        if (shown != req->lang)
                html_lit(b, "</span>");
        bool shown_is_source = shown_en ? t->source == LANG_EN : t->source != LANG_EN;
        if (*s && t->stale && !shown_is_source) {
                html_lit(b, " <em class=\"stale\">(");
                html_text(b, T(req, "translation out of date"));
                html_lit(b, ")</em>");
        }
}

static void hub_counts(HttpRequest *req, StrBuf *b, const City *c) {
        size_t n;
        const WsForm *forms = ws_forms(&n);
        html_lit(b, "<ul class=\"ws-hub\">");
        for (size_t i = 0; i < n; i++) {
                IapRecordRow *rows;
                size_t nr = 0;
                (void)ws_rows(APP(req)->store, req->arena, c->slug, forms[i].kind, &rows, &nr);
                html_lit(b, "<li><a");
                html_url(b, "href", arena_printf(req->arena, "/cities/%s/workspace/%s", c->slug, forms[i].slug));
                html_lit(b, ">");
                html_text(b, T(req, forms[i].title));
                html_lit(b, "</a>: ");
                html_textf(b, i18n_ngettext(req->lang, "%zu record", "%zu records", nr), nr);
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
}

int page_workspace(HttpRequest *req) {
        City c;
        Lang local;
        int r = ws_web_city(req, &c, &local);
        if (r < 0)
                return r;
        const char *title = arena_printf(req->arena, T(req, "Action-plan workspace: %s"), c.name);
        page_begin(req, title);
        StrBuf *b = resp_body(req);
        ws_web_top(req, b, &c);
        html_lit(b, "<h1>");
        html_text(b, title);
        html_lit(b, "</h1><p>");
        html_text(b, T(req, "Only this city's officers and the network's lead partner and lead expert see this workspace."));
        html_lit(b, "</p><p>");
        html_textf(b, T(req, "Every text is kept in %s and in English; the one written first is the original, and "
                             "the other is marked when the original changes."), lang_native_name(local));
        html_lit(b, "</p>");
        hub_counts(req, b, &c);
        if (is_network(req)) {
                html_lit(b, "<p><a href=\"/network/rubric\">");
                html_text(b, T(req, "Rubric scores of all cities"));
                html_lit(b, "</a></p><p><a href=\"/network/roadmap\">");
                html_text(b, T(req, "Edit the network roadmap"));
                html_lit(b, "</a></p>");
        }
        page_end(req);
        return 0;
}

int page_org_with(HttpRequest *req, const char *error_msgid, const char *notice) {
        OrgRow o;
        int r = store_org_get(APP(req)->store, req->arena, req_param(req, "org"), &o);
        if (r < 0)
                return r;
        StrBuf *b = page_head(req, o.name, error_msgid, notice);
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
        StrBuf *b = page_head(req, T(req, "Administration"), error_msgid, notice);
        html_lit(b, "<p>");
        html_textf(b, T(req, "Accounts erased at their owner's request: %lld"), (long long)erased);
        html_lit(b, "</p>");
        org_list(req, b);
        org_form(req, b);
        page_end(req);
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
