/* Request hooks, error pages and localised formatting shared by pages. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "domain/network/calendar.h"
#include "web/web.h"

#define TC(req, ctx, msgid) i18n_pgettext((req)->lang, (ctx), (msgid))

static const char *const months[12] = {
        N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
        N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December"),
};

static int parse_ymd(const char *iso, int *y, int *m, int *d) {
        if (!iso || sscanf(iso, "%4d-%2d-%2d", y, m, d) != 3 || *m < 1 || *m > 12)
                return -1;
        return 0;
}

void web_month_year(HttpRequest *req, StrBuf *b, const char *iso) {
        int y, m, d;
        if (parse_ymd(iso, &y, &m, &d) < 0) {
                html_text(b, iso);
                return;
        }
        /* TRANSLATORS: month name (nominative) and year, e.g. "March 2024". */
        html_textf(b, T(req, "%1$s %2$d"), TC(req, "month", months[m - 1]), y);
}

void web_date_range(HttpRequest *req, StrBuf *b, const char *from, const char *to) {
        int y1, m1, d1, y2, m2, d2;
        if (parse_ymd(from, &y1, &m1, &d1) < 0 || parse_ymd(to, &y2, &m2, &d2) < 0) {
                html_text(b, from);
                return;
        }
        /* The month form that follows a day number (genitive in el and pl). */
        const char *mon1 = TC(req, "day-month", months[m1 - 1]);
        const char *mon2 = TC(req, "day-month", months[m2 - 1]);
        if (y1 == y2 && m1 == m2 && d1 == d2)
                /* TRANSLATORS: day, month, year, e.g. "6 March 2024". */
                html_textf(b, T(req, "%1$d %2$s %3$d"), d1, mon1, y1);
        else if (y1 == y2 && m1 == m2)
                /* TRANSLATORS: a range of days in one month, e.g. "6–7 March 2024". */
                html_textf(b, T(req, "%1$d–%2$d %3$s %4$d"), d1, d2, mon1, y1);
        else {
                html_textf(b, T(req, "%1$d %2$s %3$d"), d1, mon1, y1);
                html_lit(b, " – ");
                html_textf(b, T(req, "%1$d %2$s %3$d"), d2, mon2, y2);
        }
}

const char *web_country_name(HttpRequest *req, const char *iso2) {
        static const char *const map[][2] = {
                { "GR", N_("Greece") }, { "PT", N_("Portugal") }, { "IT", N_("Italy") },   { "PL", N_("Poland") },
                { "RO", N_("Romania") }, { "SI", N_("Slovenia") }, { "CY", N_("Cyprus") },
        };
        for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
                if (iso2 && strcmp(iso2, map[i][0]) == 0)
                        return T(req, map[i][1]);
        return iso2 ? iso2 : "";
}

const char *web_event_kind(HttpRequest *req, const char *kind) { return T(req, calendar_kind_msgid(kind)); }

const char *web_city_name(const City *cities, size_t n, const char *slug) {
        for (size_t i = 0; slug && i < n; i++)
                if (strcmp(cities[i].slug, slug) == 0)
                        return cities[i].name;
        return NULL;
}

int web_before(HttpRequest *req) {
        Lang l;
        const char *q = req_query_raw(req, "lang");
        if (q && lang_parse(q, &l) == 0) {
                req->lang = l;
                req->lang_explicit = 1;
                char cookie[64];
                snprintf(cookie, sizeof(cookie), "lang=%s; Path=/; Max-Age=31536000; SameSite=Lax", lang_code(l));
                (void)resp_header(req, "Set-Cookie", cookie);
                return web_auth_before(req);
        }
        const char *c = req_cookie(req, "lang");
        if (c && lang_parse(c, &l) == 0)
                req->lang = l;
        else if (lang_from_accept(req_header(req, "Accept-Language"), &l) == 0)
                req->lang = l;
        else
                req->lang = LANG_EN;
        (void)resp_header(req, "Vary", "Accept-Language, Cookie");
        return web_auth_before(req);
}

static const char *error_title(int status) {
        switch (status) {
        case 400: return N_("The request was not valid");
        case 401: return N_("Please sign in");
        case 403: return N_("You may not see this page");
        case 404: return N_("Page not found");
        case 405: return N_("This action is not allowed here");
        case 409: return N_("This conflicts with existing data");
        case 413: return N_("Too much data");
        case 414: return N_("The address is too long");
        case 429: return N_("Too many attempts");
        default: return N_("Something went wrong");
        }
}

static const char *error_text(int status) {
        switch (status) {
        case 400: return N_("Some of what was sent could not be accepted. Nothing was changed.");
        case 404: return N_("The page you asked for does not exist or has moved.");
        case 413: return N_("What you sent is larger than this page accepts. Nothing was changed.");
        case 429: return N_("Please wait a few minutes and try again.");
        case 500: return N_("The server could not complete your request. Nothing was lost; please try again later.");
        default: return N_("Nothing was changed.");
        }
}

static int wants_json(const HttpRequest *req) {
        return (req->route && req->route->kind == ROUTE_JSON) || strncmp(req->path, "/api/", 5) == 0;
}

void web_render_error(HttpRequest *req, int status) {
        req->resp.status = status;
        if (wants_json(req)) {
                if (status == 401)
                        (void)resp_header(req, "WWW-Authenticate", "Bearer realm=\"techdiv\"");
                json_t *o = json_pack("{s:i,s:s}", "status", status, "error", T(req, error_title(status)));
                if (o && req->error_detail)
                        json_object_set_new(o, "field", json_string(req->error_detail));
                if (web_json(req, o, status) < 0) { /* out of memory: still a JSON answer */
                        resp_json_text(req);
                        strbuf_puts(resp_body(req), "{}");
                }
                return;
        }
        page_begin(req, T(req, error_title(status)));
        StrBuf *b = resp_body(req);
        html_lit(b, "<h1>");
        html_text(b, T(req, error_title(status)));
        html_lit(b, "</h1><p>");
        html_text(b, T(req, error_text(status)));
        html_lit(b, "</p>");
        if (req->error_detail && status == 400) {
                html_lit(b, "<p>");
                html_textf(b, T(req, "Please check the field: %s"), req->error_detail);
                html_lit(b, "</p>");
        }
        html_lit(b, "<p><a href=\"/\">");
        html_text(b, T(req, "Go to the home page"));
        html_lit(b, "</a></p>");
        page_end(req);
}

char *web_own(HttpRequest *req, char *heap, size_t len) {
        if (!heap)
                return NULL;
        char *copy = arena_memdup(req->arena, heap, len);
        free(heap); /* web_own: the one place handlers' heap results are released */
        return copy;
}

int web_json(HttpRequest *req, json_t *o, int status) {
        char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
        json_decref(o);
        if (!text)
                return -ENOMEM;
        resp_json_text(req);
        strbuf_puts(resp_body(req), text);
        free(text);
        req->resp.status = status;
        return 0;
}
