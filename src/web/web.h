/* Web pages: shared context, layout and helpers. One file per resource. */
#ifndef TD_WEB_WEB_H
#define TD_WEB_WEB_H

#include "http/http.h"
#include "render/html.h"
#include "store/store.h"

typedef struct EscoIndex EscoIndex;
typedef struct AdcheckEngine AdcheckEngine;
typedef struct IapTools IapTools;

typedef struct App {
        Store *store;
        HttpServer *server;
        EscoIndex *esco;        /* read-only after start; shared by all threads */
        AdcheckEngine *adcheck; /* likewise */
        IapTools *tools;        /* URBACT tool definitions (data/iap) */
} App;

#define APP(req) ((App *)(req)->app)
/* Translation in the request's language; xgettext keyword T:2. */
#define T(req, msgid) i18n_gettext((req)->lang, (msgid))

/* Opens the document: head, skip link, header with navigation and the
 * language switcher, and <main>. title is text (escaped). */
void page_begin(HttpRequest *req, const char *title);
/* Closes <main>, writes the footer and closes the document. */
void page_end(HttpRequest *req);

/* Localised date helpers writing escaped text. */
void web_month_year(HttpRequest *req, StrBuf *b, const char *iso_date);
void web_date_range(HttpRequest *req, StrBuf *b, const char *from, const char *to);
const char *web_country_name(HttpRequest *req, const char *iso2);
const char *web_event_kind(HttpRequest *req, const char *kind);

/* Request hooks for the HTTP server. */
int web_before(HttpRequest *req);
void web_render_error(HttpRequest *req, int status);

/* Static assets (embedded). */
int web_static_init(void);
const char *web_static_version(const char *name);

/* The route table (routes.c). */
extern const Route web_routes[];
extern const int web_nroutes;

/* Handlers. */
int page_home(HttpRequest *req);
int page_city(HttpRequest *req);
int page_calendar(HttpRequest *req);
int page_calendar_ics(HttpRequest *req);
int page_about(HttpRequest *req);
int page_static(HttpRequest *req);
int page_skills(HttpRequest *req);
int api_healthz(HttpRequest *req);
int api_skills(HttpRequest *req);
int page_adcheck(HttpRequest *req);
int page_plan(HttpRequest *req);
int page_plan_export(HttpRequest *req);
int page_report(HttpRequest *req);
int page_report_pdf(HttpRequest *req);
int api_adcheck(HttpRequest *req);
int api_metrics(HttpRequest *req);

#endif
