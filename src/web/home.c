/* GET / — the network and its cities. */
#include <string.h>

#include "web/web.h"

static void city_card(HttpRequest *req, StrBuf *b, const City *c) {
        html_lit(b, "<li class=\"card\"><h3><a");
        html_attrf(b, "href", "/cities/%s", c->slug);
        html_lit(b, ">");
        html_text(b, c->name);
        html_lit(b, "</a></h3>");
        if (c->is_lead) {
                html_lit(b, "<p class=\"tag\">");
                html_text(b, T(req, "Lead partner"));
                html_lit(b, "</p>");
        }
        html_lit(b, "<p class=\"meta\">");
        html_text(b, web_country_name(req, c->country));
        html_lit(b, "</p><p>");
        html_text(b, req->lang != LANG_EN && c->focus_local && lang_code(req->lang)[0] == c->lang[0] &&
                                     lang_code(req->lang)[1] == c->lang[1]
                             ? c->focus_local
                             : c->focus_en);
        html_lit(b, "</p></li>");
}

static void upcoming(HttpRequest *req, StrBuf *b, const CalEvent *ev, size_t n) {
        html_lit(b, "<section aria-labelledby=\"net-meetings\"><h2 id=\"net-meetings\">");
        html_text(b, T(req, "Network meetings"));
        html_lit(b, "</h2><ul class=\"events\">");
        for (size_t i = 0; i < n; i++) {
                if (strcmp(ev[i].kind, "network-meeting") != 0)
                        continue;
                html_lit(b, "<li><time");
                html_attr(b, "datetime", ev[i].starts_on);
                html_lit(b, ">");
                web_date_range(req, b, ev[i].starts_on, ev[i].ends_on);
                html_lit(b, "</time> — ");
                html_text(b, ev[i].title);
                if (ev[i].location) {
                        html_lit(b, ", ");
                        html_text(b, ev[i].location);
                }
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul><p><a href=\"/calendar\">");
        html_text(b, T(req, "The whole network calendar"));
        html_lit(b, "</a></p></section><section aria-labelledby=\"reports\"><h2 id=\"reports\">");
        html_text(b, T(req, "Quarterly network reports"));
        html_lit(b, "</h2><ul class=\"inline\">");
        static const char *const quarters[] = { "2024Q1", "2024Q2", "2024Q3", "2024Q4" };
        for (size_t i = 0; i < sizeof(quarters) / sizeof(quarters[0]); i++) {
                html_lit(b, "<li><a");
                html_attrf(b, "href", "/reports/%s", quarters[i]);
                html_lit(b, ">");
                html_text(b, quarters[i]);
                html_lit(b, "</a></li>");
        }
        html_lit(b, "</ul></section>");
}

int page_home(HttpRequest *req) {
        City *cities;
        CalEvent *ev;
        size_t n, nev;
        int r = store_city_list(APP(req)->store, req->arena, &cities, &n);
        if (r == 0)
                r = store_event_list(APP(req)->store, req->arena, NULL, &ev, &nev);
        if (r < 0)
                return r;
        StrBuf *b = page_head(req, T(req, "The TechDiversity network"), NULL, NULL);
        html_lit(b, "<p class=\"lead\">");
        html_text(b, T(req, "Eight small and medium European cities opening their tech and digital ecosystems to "
                            "women, people with disabilities, young people, migrants, Roma and other "
                            "under-represented groups."));
        html_lit(b, "</p><section aria-labelledby=\"cities\"><h2 id=\"cities\">");
        html_textf(b, i18n_ngettext(req->lang, "%zu partner city", "%zu partner cities", n), n);
        html_lit(b, "</h2><ul class=\"cards\">");
        for (size_t i = 0; i < n; i++)
                city_card(req, b, &cities[i]);
        html_lit(b, "</ul></section>");
        upcoming(req, b, ev, nev);
        page_end(req);
        return 0;
}
