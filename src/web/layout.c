/* The page frame every HTML page shares. */
#include <string.h>

#include "config.h"
#include "web/web.h"

static void lang_switcher(HttpRequest *req, StrBuf *b) {
        html_lit(b, "<nav class=\"langs\"");
        html_attr(b, "aria-label", T(req, "Language"));
        html_lit(b, "><ul>");
        for (int l = 0; l < LANG_MAX; l++) {
                StrBuf href = STRBUF_INIT;
                strbuf_puts(&href, req->path);
                strbuf_putc(&href, '?');
                /* Keep the page's own query (search terms, filters). */
                for (int i = 0; i < req->nquery; i++) {
                        if (strcmp(req->query[i].key, "lang") == 0)
                                continue;
                        url_encode(&href, req->query[i].key);
                        strbuf_putc(&href, '=');
                        url_encode(&href, req->query[i].value);
                        strbuf_putc(&href, '&');
                }
                strbuf_puts(&href, "lang=");
                strbuf_puts(&href, lang_code((Lang)l));
                html_lit(b, "<li><a");
                html_url(b, "href", strbuf_str(&href));
                html_attr(b, "hreflang", lang_code((Lang)l));
                html_attr(b, "lang", lang_code((Lang)l));
                if ((Lang)l == req->lang)
                        html_lit(b, " aria-current=\"true\"");
                html_lit(b, ">");
                html_text(b, lang_native_name((Lang)l));
                html_lit(b, "</a></li>");
                strbuf_free(&href);
        }
        html_lit(b, "</ul></nav>");
}

static void nav_link(HttpRequest *req, StrBuf *b, const char *href, const char *label) {
        size_t n = strlen(href);
        int current = strcmp(req->path, href) == 0 || (n > 1 && strncmp(req->path, href, n) == 0);
        html_lit(b, "<li><a");
        html_url(b, "href", href);
        if (current)
                html_lit(b, " aria-current=\"page\"");
        html_lit(b, ">");
        html_text(b, label);
        html_lit(b, "</a></li>");
}

void page_begin(HttpRequest *req, const char *title) {
        StrBuf *b = resp_body(req);
        resp_html(req);
        html_lit(b, "<!DOCTYPE html>\n<html");
        html_attr(b, "lang", lang_code(req->lang));
        html_lit(b, " dir=\"ltr\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
        html_text(b, title);
        html_lit(b, " · TechDiversity</title><link rel=\"stylesheet\"");
        html_attrf(b, "href", "/static/style.css?v=%s", web_static_version("style.css"));
        html_lit(b, "><script defer");
        html_attrf(b, "src", "/static/app.js?v=%s", web_static_version("app.js"));
        html_lit(b, "></script></head><body><a class=\"skip\" href=\"#main\">");
        html_text(b, T(req, "Skip to main content"));
        html_lit(b, "</a><header class=\"site\"><p class=\"brand\"><a href=\"/\">TechDiversity</a></p>"
                    "<nav class=\"main\"");
        html_attr(b, "aria-label", T(req, "Main"));
        html_lit(b, "><ul>");
        nav_link(req, b, "/", T(req, "Network"));
        nav_link(req, b, "/jobs", T(req, "Jobs"));
        nav_link(req, b, "/calendar", T(req, "Calendar"));
        nav_link(req, b, "/skills", T(req, "Skills"));
        nav_link(req, b, "/about", T(req, "About"));
        if (web_has_role(req, ROLE_CANDIDATE))
                nav_link(req, b, "/profile", T(req, "Your profile"));
        if (WEB_USER_ID(req))
                nav_link(req, b, "/account", T(req, "Your account"));
        else
                nav_link(req, b, "/login", T(req, "Sign in"));
        html_lit(b, "</ul></nav>");
        lang_switcher(req, b);
        html_lit(b, "</header><main id=\"main\" tabindex=\"-1\">");
}

void page_end(HttpRequest *req) {
        StrBuf *b = resp_body(req);
        html_lit(b, "</main><footer class=\"site\"><p>");
        html_text(b, T(req, "TechDiversity: an URBACT Action Planning Network of eight European cities."));
        html_lit(b, "</p><p>");
        html_text(b, T(req, "This service uses the ESCO classification of the European Commission."));
        html_lit(b, "</p><p>");
        html_text(b, T(req, "Free software under the GNU Affero General Public License, version 3 or later."));
        html_lit(b, " <a href=\"/about\">");
        html_text(b, T(req, "About this platform and accessibility"));
        html_lit(b, "</a> · techdiv ");
        html_text(b, TECHDIV_VERSION);
        html_lit(b, "</p></footer></body></html>\n");
}

StrBuf *page_head(HttpRequest *req, const char *title, const char *error_msgid, const char *notice) {
        page_begin(req, title);
        StrBuf *b = resp_body(req);
        html_lit(b, "<h1>");
        html_text(b, title);
        html_lit(b, "</h1>");
        if (error_msgid) {
                form_error(req, b, error_msgid);
                req->resp.status = 400;
        }
        if (notice)
                form_notice(b, notice);
        return b;
}
