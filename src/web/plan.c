/* GET /cities/{slug}/plan — a city's Integrated Action Plan, built from its
 * records, and /cities/{slug}/plan.{format} — the same as PDF, DOCX, ODT,
 * XLSX or standalone HTML. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "domain/iap/export.h"
#include "domain/workspace/platform.h"
#include "domain/workspace/report.h"
#include "domain/workspace/workspace.h"
#include "render/doc_html.h"
#include "web/web.h"

/* The plan with this quarter's platform figures; flags for iap_plan_doc_ex
 * (the page marks text in another language, files do not). */
static int load_doc(HttpRequest *req, City *city, unsigned flags, Doc **ret) {
        int r = store_city_get(APP(req)->store, req->arena, req_param(req, "slug"), city);
        IapPlan plan;
        char quarter[8];
        ws_quarter_of(time(NULL), quarter);
        if (r == 0)
                r = ws_load(APP(req)->store, req->arena, city, &plan);
        if (r == 0)
                r = ws_platform_fill(APP(req)->store, req->arena, city, &plan, quarter);
        if (r == 0)
                r = iap_plan_doc_ex(&plan, APP(req)->tools, req->lang, NULL, flags, req->arena, ret);
        return r;
}

static void downloads(HttpRequest *req, StrBuf *b, const char *slug) {
        static const char *const fmts[][2] = {
                { "pdf", N_("PDF") }, { "docx", N_("Word document (DOCX)") },
                { "odt", N_("OpenDocument text (ODT)") }, { "xlsx", N_("Spreadsheet of the tables (XLSX)") },
        };
        html_lit(b, "<nav class=\"downloads\"");
        html_attr(b, "aria-label", T(req, "Download the plan"));
        html_lit(b, "><p>");
        html_text(b, T(req, "Download the plan:"));
        html_lit(b, "</p><ul>");
        for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
                html_lit(b, "<li><a");
                html_attrf(b, "href", "/cities/%s/plan.%s?lang=%s", slug, fmts[i][0], lang_code(req->lang));
                html_lit(b, " download>");
                html_text(b, T(req, fmts[i][1]));
                html_lit(b, "</a></li>");
        }
        html_lit(b, "</ul></nav>");
}

int page_plan(HttpRequest *req) {
        City city;
        Doc *doc;
        int r = load_doc(req, &city, IAP_DOC_LANG_SPANS, &doc);
        if (r < 0)
                return r;
        page_begin(req, doc->title && *doc->title ? doc->title : city.name);
        StrBuf *b = resp_body(req);
        html_lit(b, "<p class=\"crumbs\"><a href=\"/\">");
        html_text(b, T(req, "Network"));
        html_lit(b, "</a> › <a");
        html_attrf(b, "href", "/cities/%s", city.slug);
        html_lit(b, ">");
        html_text(b, city.name);
        html_lit(b, "</a></p><h1>");
        if (doc->first && doc->first->kind == DOC_HEADING && doc->first->level == 1 && *doc->first->text)
                doc_html_text(b, doc->first->text); /* the title, with its language when a fallback */
        else
                html_text(b, city.name);
        html_lit(b, "</h1><div class=\"plan\">");
        r = doc_render_html_body(doc, 1, b);
        html_lit(b, "</div>");
        downloads(req, b, city.slug);
        page_end(req);
        return r;
}

int page_plan_export(HttpRequest *req) {
        const char *fmt = req_param(req, "format");
        City city;
        Doc *doc;
        DocFormat f = DOC_FORMAT_PDF;
        int html = strcmp(fmt, "html") == 0;
        if (!html && doc_format_parse(fmt, &f) < 0)
                return -ENOENT;
        int r = load_doc(req, &city, html ? IAP_DOC_LANG_SPANS : 0, &doc);
        if (r == 0)
                r = html ? doc_render_html_page(doc, resp_body(req)) : doc_render(doc, f, resp_body(req));
        if (r < 0)
                return r;
        req->resp.content_type = html ? "text/html; charset=utf-8" : doc_format_mime(f);
        req->resp.cache_control = "private, no-cache";
        return resp_header(req, "Content-Disposition",
                           arena_printf(req->arena, "attachment; filename=\"iap-%s-%s.%s\"", city.slug,
                                        lang_code(req->lang), fmt));
}

/* GET /reports/{quarter} and /reports/{quarter}.pdf — the quarterly network
 * report (e.g. 2024Q2). */
static int report_doc(HttpRequest *req, Doc **ret) {
        IapReport rep;
        int r = ws_quarter_report(APP(req)->store, req->arena, req_param(req, "quarter"), req->lang, &rep);
        if (r == -EINVAL)
                r = -ENOENT; /* not a quarter: no such page */
        return r < 0 ? r : iap_report_doc(&rep, req->lang, req->arena, ret);
}

int page_report(HttpRequest *req) {
        Doc *doc;
        int r = report_doc(req, &doc);
        if (r < 0)
                return r;
        page_begin(req, doc->title);
        StrBuf *b = resp_body(req);
        html_lit(b, "<h1>");
        html_text(b, doc->title);
        html_lit(b, "</h1><div class=\"plan\">");
        r = doc_render_html_body(doc, 1, b);
        html_lit(b, "</div><p><a");
        html_attrf(b, "href", "/reports/%s.pdf?lang=%s", req_param(req, "quarter"), lang_code(req->lang));
        html_lit(b, " download>");
        html_text(b, T(req, "Download the report as PDF"));
        html_lit(b, "</a></p>");
        page_end(req);
        return r;
}

int page_report_pdf(HttpRequest *req) {
        Doc *doc;
        int r = report_doc(req, &doc);
        if (r == 0)
                r = doc_render(doc, DOC_FORMAT_PDF, resp_body(req));
        if (r < 0)
                return r;
        req->resp.content_type = doc_format_mime(DOC_FORMAT_PDF);
        return resp_header(req, "Content-Disposition",
                           arena_printf(req->arena, "attachment; filename=\"techdiversity-report-%s-%s.pdf\"",
                                        req_param(req, "quarter"), lang_code(req->lang)));
}
