/* The one route table: every URL of the platform, its method, handler and
 * declared parameters (validated before the handler runs). */
#include "web/web.h"

static const ParamSpec p_city[] = {
        { .name = "slug", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { 0 },
};
static const ParamSpec p_plan_export[] = {
        { .name = "slug", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "format", .in = PARAM_PATH, .type = PT_SLUG, .required = 1, .max_len = 8 },
        { 0 },
};
static const ParamSpec p_report[] = {
        { .name = "quarter", .in = PARAM_PATH, .type = PT_STRING, .required = 1, .max_len = 6 },
        { 0 },
};
static const ParamSpec p_calendar[] = {
        { .name = "city", .in = PARAM_QUERY, .type = PT_SLUG },
        { 0 },
};
static const ParamSpec p_static[] = {
        { .name = "file", .in = PARAM_PATH, .type = PT_STRING, .required = 1, .max_len = 64 },
        { 0 },
};

static const ParamSpec p_skills[] = {
        { .name = "q", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 256 },
        { 0 },
};
static const ParamSpec p_api_skills[] = {
        { .name = "q", .in = PARAM_QUERY, .type = PT_STRING, .required = 1, .max_len = 256 },
        { .name = "limit", .in = PARAM_QUERY, .type = PT_INT },
        { 0 },
};

static const ParamSpec p_adcheck[] = {
        { .name = "text", .in = PARAM_FORM, .type = PT_TEXT, .max_len = 262144 },
        { .name = "adlang", .in = PARAM_FORM, .type = PT_STRING, .max_len = 5 },
        { 0 },
};

const Route web_routes[] = {
        { "GET", "/", page_home, ROUTE_HTML, NULL, 0 },
        { "GET", "/cities/{slug}", page_city, ROUTE_HTML, p_city, 0 },
        { "GET", "/calendar", page_calendar, ROUTE_HTML, p_calendar, 0 },
        { "GET", "/calendar.ics", page_calendar_ics, ROUTE_OTHER, NULL, 0 },
        { "GET", "/cities/{slug}/calendar.ics", page_calendar_ics, ROUTE_OTHER, p_city, 0 },
        { "GET", "/cities/{slug}/plan", page_plan, ROUTE_HTML, p_city, 0 },
        { "GET", "/cities/{slug}/plan.{format}", page_plan_export, ROUTE_OTHER, p_plan_export, 0 },
        { "GET", "/about", page_about, ROUTE_HTML, NULL, 0 },
        { "GET", "/skills", page_skills, ROUTE_HTML, p_skills, 0 },
        /* The more specific pattern first: {quarter} would take "2024Q2.pdf". */
        { "GET", "/reports/{quarter}.pdf", page_report_pdf, ROUTE_OTHER, p_report, 0 },
        { "GET", "/reports/{quarter}", page_report, ROUTE_HTML, p_report, 0 },
        { "GET", "/api/v1/skills", api_skills, ROUTE_JSON, p_api_skills, 0 },
        { "GET", "/jobs/check", page_adcheck, ROUTE_HTML, NULL, 0 },
        { "POST", "/jobs/check", page_adcheck, ROUTE_HTML, p_adcheck, (size_t)1 << 20 },
        { "POST", "/api/v1/adcheck", api_adcheck, ROUTE_JSON, NULL, (size_t)2 << 20 },
        { "GET", "/static/{file}", page_static, ROUTE_OTHER, p_static, 0 },
        { "GET", "/healthz", api_healthz, ROUTE_JSON, NULL, 0 },
        { "GET", "/metrics", api_metrics, ROUTE_OTHER, NULL, 0 },
};
const int web_nroutes = (int)(sizeof(web_routes) / sizeof(web_routes[0]));
