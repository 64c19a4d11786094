/* GET /cities/{slug} — one partner city. */
#include <stdio.h>
#include <string.h>

#include "web/web.h"

static void fact(StrBuf *b, const char *label, const char *value) {
        html_lit(b, "<div><dt>");
        html_text(b, label);
        html_lit(b, "</dt><dd>");
        html_text(b, value);
        html_lit(b, "</dd></div>");
}

static void city_events(HttpRequest *req, StrBuf *b, const City *c) {
        CalEvent *ev;
        size_t n;
        if (store_event_list(APP(req)->store, req->arena, c->slug, &ev, &n) < 0)
                return;
        html_lit(b, "<section aria-labelledby=\"ulg\"><h2 id=\"ulg\">");
        html_text(b, T(req, "Local group and network calendar"));
        html_lit(b, "</h2><ul class=\"events\">");
        for (size_t i = 0; i < n; i++) {
                html_lit(b, "<li><time");
                html_attr(b, "datetime", ev[i].starts_on);
                html_lit(b, ">");
                web_date_range(req, b, ev[i].starts_on, ev[i].ends_on);
                html_lit(b, "</time> — <span class=\"kind\">");
                html_text(b, web_event_kind(req, ev[i].kind));
                html_lit(b, ":</span> ");
                html_text(b, ev[i].title);
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul><p><a");
        html_attrf(b, "href", "/cities/%s/calendar.ics", c->slug);
        html_lit(b, " type=\"text/calendar\">");
        html_text(b, T(req, "Subscribe to this city's calendar (iCalendar)"));
        html_lit(b, "</a></p></section>");
}

int page_city(HttpRequest *req) {
        City c;
        int r = store_city_get(APP(req)->store, req->arena, req_param(req, "slug"), &c);
        if (r < 0)
                return r;
        page_begin(req, c.name);
        StrBuf *b = resp_body(req);
        html_lit(b, "<p class=\"crumbs\"><a href=\"/\">");
        html_text(b, T(req, "Network"));
        html_lit(b, "</a></p><h1>");
        html_text(b, c.name);
        html_lit(b, "</h1>");
        if (strcmp(c.name, c.name_local) != 0) {
                html_lit(b, "<p class=\"meta\"");
                html_attr(b, "lang", c.lang);
                html_lit(b, ">");
                html_text(b, c.name_local);
                html_lit(b, "</p>");
        }
        html_lit(b, "<dl class=\"facts\">");
        fact(b, T(req, "Country"), web_country_name(req, c.country));
        Lang l;
        fact(b, T(req, "Language"), lang_parse(c.lang, &l) == 0 ? lang_native_name(l) : c.lang);
        char pop[32];
        snprintf(pop, sizeof(pop), "%lld", (long long)c.population);
        fact(b, T(req, "Population (approx.)"), pop);
        fact(b, T(req, "Role in the network"), c.is_lead ? T(req, "Lead partner") : T(req, "Partner city"));
        if (c.partner)
                fact(b, T(req, "Partner organisation"), c.partner);
        html_lit(b, "</dl><section aria-labelledby=\"focus\"><h2 id=\"focus\">");
        html_text(b, T(req, "Focus of the local group"));
        html_lit(b, "</h2><p lang=\"en\">");
        html_text(b, c.focus_en);
        html_lit(b, "</p>");
        if (c.focus_local) {
                html_lit(b, "<p");
                html_attr(b, "lang", c.lang);
                html_lit(b, ">");
                html_text(b, c.focus_local);
                html_lit(b, "</p>");
        }
        html_lit(b, "<p><a");
        html_attrf(b, "href", "/cities/%s/plan", c.slug);
        html_lit(b, ">");
        html_text(b, T(req, "The city's Integrated Action Plan"));
        html_lit(b, "</a></p></section>");
        city_events(req, b, &c);
        page_end(req);
        return 0;
}
