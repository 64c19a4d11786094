#include "render/doc_html.h"

#include <string.h>

#include "render/html.h"

/* Document text, with its language spans (doc_lang_span) as <span lang>;
 * a mark outside a well-formed span is written as it is. */
void doc_html_text(StrBuf *b, const char *s) {
        DocLangSpan sp;
        while (s && doc_lang_next(s, &sp)) {
                html_textn(b, s, (size_t)(sp.start - s));
                html_lit(b, "<span lang=\"");
                html_textn(b, sp.code, sp.code_len);
                html_lit(b, "\">");
                html_textn(b, sp.text, sp.text_len);
                html_lit(b, "</span>");
                s = sp.end;
        }
        html_text(b, s ? s : "");
}

static void heading(StrBuf *b, int level, const char *text) {
        static const char *const open[] = { "<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>" };
        static const char *const close[] = { "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>" };
        int i = level < 1 ? 0 : level > 6 ? 5 : level - 1;
        /* Literal tags picked from fixed tables: nothing from the document. */
        html_lit_(b, open[i]);
        doc_html_text(b, text);
        html_lit_(b, close[i]);
}

/* Wide tables scroll inside a focusable region so keyboard users can
 * scroll them too. */
static void wrap_open(StrBuf *b, const char *label) {
        html_lit(b, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
        html_attr(b, "aria-label", label && *label ? label : "table");
        html_lit(b, ">");
}

static void table(StrBuf *b, const DocTable *t) {
        wrap_open(b, t->caption);
        html_lit(b, "<table>");
        if (t->caption) {
                html_lit(b, "<caption>");
                doc_html_text(b, t->caption);
                html_lit(b, "</caption>");
        }
        html_lit(b, "<thead><tr>");
        for (size_t c = 0; c < t->n_cols; c++) {
                html_lit(b, "<th scope=\"col\">");
                doc_html_text(b, doc_cell(t, 0, c));
                html_lit(b, "</th>");
        }
        html_lit(b, "</tr></thead><tbody>");
        for (size_t r = 1; r < t->n_rows; r++) {
                html_lit(b, "<tr>");
                for (size_t c = 0; c < t->n_cols; c++) {
                        if (t->col_type[c] == DOC_COL_NUMBER)
                                html_lit(b, "<td class=\"num\">");
                        else
                                html_lit(b, "<td>");
                        doc_html_text(b, doc_cell(t, r, c));
                        html_lit(b, "</td>");
                }
                html_lit(b, "</tr>");
        }
        html_lit(b, "</tbody></table></div>");
}

static void chart(StrBuf *b, const DocChart *c) {
        wrap_open(b, c->title);
        html_lit(b, "<table class=\"chart\"><caption>");
        doc_html_text(b, c->title);
        if (c->unit && *c->unit) {
                html_lit(b, " (");
                doc_html_text(b, c->unit);
                html_lit(b, ")");
        }
        html_lit(b, "</caption><thead><tr><td></td>");
        for (size_t s = 0; s < c->n_series; s++) {
                html_lit(b, "<th scope=\"col\">");
                doc_html_text(b, c->series[s]);
                html_lit(b, "</th>");
        }
        html_lit(b, "</tr></thead><tbody>");
        for (size_t k = 0; k < c->n_cats; k++) {
                html_lit(b, "<tr><th scope=\"row\">");
                doc_html_text(b, c->cats[k]);
                html_lit(b, "</th>");
                for (size_t s = 0; s < c->n_series; s++) {
                        size_t i = k * c->n_series + s;
                        html_lit(b, "<td class=\"num\">");
                        if (c->has_value[i])
                                html_int(b, (long long)c->values[i]);
                        else
                                html_lit(b, "–");
                        html_lit(b, "</td>");
                }
                html_lit(b, "</tr>");
        }
        html_lit(b, "</tbody></table></div>");
}

static void items(StrBuf *b, const DocBlock *blk) {
        if (blk->kind == DOC_LIST) {
                html_lit(b, "<ul>");
                for (size_t i = 0; i < blk->n_items; i++) {
                        html_lit(b, "<li>");
                        doc_html_text(b, blk->items[i]);
                        html_lit(b, "</li>");
                }
                html_lit(b, "</ul>");
                return;
        }
        html_lit(b, "<dl class=\"kv\">");
        for (size_t i = 0; i < blk->n_items; i++) {
                html_lit(b, "<div><dt>");
                doc_html_text(b, blk->items[2 * i]);
                html_lit(b, "</dt><dd>");
                doc_html_text(b, blk->items[2 * i + 1]);
                html_lit(b, "</dd></div>");
        }
        html_lit(b, "</dl>");
}

static int render_from(const DocBlock *blk, int heading_offset, StrBuf *out) {
        for (; blk; blk = blk->next) {
                switch (blk->kind) {
                case DOC_HEADING:
                        heading(out, blk->level + heading_offset, blk->text);
                        break;
                case DOC_PARAGRAPH:
                        html_lit(out, "<p>");
                        doc_html_text(out, blk->text);
                        html_lit(out, "</p>");
                        break;
                case DOC_LIST:
                case DOC_KV:
                        items(out, blk);
                        break;
                case DOC_TABLE:
                        table(out, blk->table);
                        break;
                case DOC_CHART:
                        chart(out, blk->chart);
                        break;
                default:
                        break;
                }
        }
        return strbuf_error(out);
}

int doc_render_html(const Doc *d, int heading_offset, StrBuf *out) {
        return render_from(d->first, heading_offset, out);
}

int doc_render_html_body(const Doc *d, int heading_offset, StrBuf *out) {
        const DocBlock *first = d->first;
        if (first && first->kind == DOC_HEADING && first->level == 1)
                first = first->next;
        return render_from(first, heading_offset, out);
}

int doc_render_html_page(const Doc *d, StrBuf *out) {
        html_lit(out, "<!DOCTYPE html>\n<html");
        html_attr(out, "lang", d->lang ? d->lang : "en");
        html_lit(out, "><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                      "initial-scale=1\"><title>");
        html_text(out, d->title ? d->title : "");
        html_lit(out, "</title><style>body{font:1rem/1.6 system-ui,'DejaVu Sans',sans-serif;max-width:60rem;"
                      "margin:0 auto;padding:1rem;color:#1b1b1b}table{border-collapse:collapse;margin:1rem 0}"
                      "th,td{border:1px solid #999;padding:.25rem .5rem;vertical-align:top;text-align:left}"
                      "td.num{text-align:right}caption{font-weight:700;text-align:left}"
                      ".table-wrap{overflow-x:auto}dl.kv div{display:flex;gap:1rem}dt{font-weight:600}"
                      "</style></head><body><main>");
        int r = doc_render_html(d, 0, out);
        html_lit(out, "</main></body></html>\n");
        return r ? r : strbuf_error(out);
}
