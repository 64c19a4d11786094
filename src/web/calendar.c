/* GET /calendar — the network calendar, grouped by month, filterable by city. */
#include <string.h>

#include "domain/network/calendar.h"
#include "domain/workspace/actions.h"
#include "web/web.h"

static void filter_form(HttpRequest *req, StrBuf *b, const City *cities, size_t n, const char *selected) {
        html_lit(b, "<form method=\"get\" action=\"/calendar\" class=\"filter\"><label for=\"city\">");
        html_text(b, T(req, "Show the calendar of"));
        html_lit(b, "</label><select id=\"city\" name=\"city\"><option value=\"\">");
        html_text(b, T(req, "All cities"));
        html_lit(b, "</option>");
        for (size_t i = 0; i < n; i++)
                form_option(b, cities[i].slug, cities[i].name, selected);
        html_lit(b, "</select> <button type=\"submit\">");
        html_text(b, T(req, "Show"));
        html_lit(b, "</button></form>");
}

static void event_item(HttpRequest *req, StrBuf *b, const CalEvent *e, const City *cities, size_t n) {
        html_lit(b, "<li><time");
        html_attr(b, "datetime", e->starts_on);
        html_lit(b, ">");
        web_date_range(req, b, e->starts_on, e->ends_on);
        html_lit(b, "</time> <span class=\"kind\">");
        html_text(b, web_event_kind(req, e->kind));
        html_lit(b, "</span> <span lang=\"en\">");
        html_text(b, e->title);
        html_lit(b, "</span>");
        const char *cn = web_city_name(cities, n, e->city_slug);
        if (cn || e->location) {
                html_lit(b, " <span class=\"meta\">(");
                html_text(b, cn ? cn : e->location);
                html_lit(b, ")</span>");
        }
        html_lit(b, "</li>");
}

/* The cities, the one asked for (slug may be NULL: the whole network) and
 * the events to show. */
typedef struct CalData {
        City *cities, one;
        size_t n;
        CalEvent *ev;
        size_t nev;
} CalData;

static int cal_load(HttpRequest *req, const char *slug, CalData *d) {
        int r = store_city_list(APP(req)->store, req->arena, &d->cities, &d->n);
        if (r == 0 && slug)
                r = store_city_get(APP(req)->store, req->arena, slug, &d->one);
        if (r == 0)
                r = store_event_list(APP(req)->store, req->arena, slug, &d->ev, &d->nev);
        return r;
}

int page_calendar(HttpRequest *req) {
        const char *slug = req_param(req, "city");
        CalData d;
        int r = cal_load(req, slug, &d);
        if (r < 0)
                return r;
        City *cities = d.cities;
        CalEvent *ev = d.ev;
        size_t n = d.n, nev = d.nev;
        page_begin(req, T(req, "Network calendar"));
        StrBuf *b = resp_body(req);
        html_lit(b, "<h1>");
        html_text(b, T(req, "Network calendar"));
        html_lit(b, "</h1>");
        filter_form(req, b, cities, n, slug);
        html_lit(b, "<p><a");
        if (slug)
                html_attrf(b, "href", "/cities/%s/calendar.ics", slug);
        else
                html_lit(b, " href=\"/calendar.ics\"");
        html_lit(b, " type=\"text/calendar\">");
        html_text(b, slug ? T(req, "Subscribe to this city's calendar (iCalendar)")
                          : T(req, "Subscribe to the network calendar (iCalendar)"));
        html_lit(b, "</a> <button type=\"button\" class=\"secondary\" data-print hidden>");
        html_text(b, T(req, "Print"));
        html_lit(b, "</button></p>");
        if (web_has_role(req, ROLE_NETWORK)) {
                html_lit(b, "<p><a href=\"/network/roadmap\">");
                html_text(b, T(req, "Edit the network roadmap"));
                html_lit(b, "</a></p>");
        }
        char month[8] = "";
        for (size_t i = 0; i < nev; i++) {
                if (strncmp(month, ev[i].starts_on, 7) != 0) {
                        if (month[0])
                                html_lit(b, "</ul></section>");
                        memcpy(month, ev[i].starts_on, 7);
                        month[7] = '\0';
                        html_lit(b, "<section><h2>");
                        web_month_year(req, b, ev[i].starts_on);
                        html_lit(b, "</h2><ul class=\"events\">");
                }
                event_item(req, b, &ev[i], cities, n);
        }
        if (month[0])
                html_lit(b, "</ul></section>");
        else {
                html_lit(b, "<p>");
                html_text(b, T(req, "No events yet."));
                html_lit(b, "</p>");
        }
        page_end(req);
        return 0;
}

/* GET /calendar.ics and /cities/{slug}/calendar.ics — subscribable. */
int page_calendar_ics(HttpRequest *req) {
        const char *slug = req_param(req, "slug");
        CalData d;
        int r = cal_load(req, slug, &d);
        if (r == 0 && slug) /* a city's calendar also carries its action plan's milestones */
                r = ws_calendar_add_milestones(APP(req)->store, req->arena, &d.one, req->lang, &d.ev, &d.nev);
        if (r < 0)
                return r;
        char *name = slug ? arena_printf(req->arena, "TechDiversity — %s", d.one.name)
                          : arena_strdup(req->arena, "TechDiversity");
        r = calendar_ics(d.ev, d.nev, d.cities, d.n, name, req->lang, 0, resp_body(req));
        if (r < 0)
                return r;
        req->resp.content_type = "text/calendar; charset=utf-8";
        /* Coordinators edit the roadmap (/network/roadmap): a feed must not
         * be served from a cache after an edit. */
        req->resp.cache_control = "no-cache";
        char *disp = arena_printf(req->arena, "inline; filename=\"%s.ics\"", slug ? slug : "techdiversity");
        return resp_header(req, "Content-Disposition", disp);
}
