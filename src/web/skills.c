/* GET /skills?q= — search the ESCO skills (a plain form: works without
 * JavaScript). */
#include "domain/esco/esco.h"
#include "web/web.h"

#define PAGE_SKILLS_HITS 25

static void search_form(HttpRequest *req, StrBuf *b, const char *q) {
        html_lit(b, "<form method=\"get\" action=\"/skills\" role=\"search\" class=\"filter\"><label for=\"q\">");
        html_text(b, T(req, "Skill or knowledge"));
        html_lit(b, "</label><input type=\"search\" id=\"q\" name=\"q\" maxlength=\"256\" autocomplete=\"off\"");
        html_attr(b, "value", q ? q : "");
        html_lit(b, "> <button type=\"submit\">");
        html_text(b, T(req, "Search"));
        html_lit(b, "</button></form>");
}

static void results(HttpRequest *req, StrBuf *b, const EscoSearchHit *hits, size_t n) {
        html_lit(b, "<h2 id=\"results\">");
        html_textf(b, i18n_ngettext(req->lang, "%zu skill found", "%zu skills found", n), n);
        html_lit(b, "</h2><ul class=\"skills\" aria-labelledby=\"results\">");
        for (size_t i = 0; i < n; i++) {
                html_lit(b, "<li><span class=\"skill\" lang=\"en\">");
                html_text(b, hits[i].skill->label);
                html_lit(b, "</span>");
                if (!hits[i].preferred) {
                        html_lit(b, " <span class=\"meta\">(");
                        html_text(b, T(req, "also called"));
                        html_lit(b, " <span lang=\"en\">");
                        html_text(b, hits[i].matched_label);
                        html_lit(b, "</span>)</span>");
                }
                if (hits[i].skill->digital) {
                        html_lit(b, " <span class=\"tag\">");
                        html_text(b, T(req, "digital"));
                        html_lit(b, "</span>");
                }
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
}

int page_skills(HttpRequest *req) {
        const char *q = req_param(req, "q");
        EscoSearchHit hits[PAGE_SKILLS_HITS];
        size_t n = 0;
        if (q) {
                int r = esco_search(APP(req)->esco, q, hits, PAGE_SKILLS_HITS, &n);
                if (r < 0)
                        return r;
        }
        StrBuf *b = page_head(req, T(req, "Skills"), NULL, NULL);
        html_lit(b, "<p>");
        html_text(b, T(req, "Find skills in the European classification ESCO, by any of their names. Small typos are fine."));
        html_lit(b, "</p>");
        search_form(req, b, q);
        if (q)
                results(req, b, hits, n);
        page_end(req);
        return 0;
}
