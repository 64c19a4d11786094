/* PDF writer: cairo PDF surface + pango layout. A4 portrait, 2 cm margins,
 * DejaVu Sans (covers Latin, Greek and Cyrillic; fontconfig falls back for
 * other scripts), tables that break across pages with the header row
 * repeated, grouped bar charts, page numbers, an outline of the headings,
 * and structure tags (tagged PDF: H1–H3, P, L/LI, Table/TR/TH/TD, Figure)
 * so screen readers get headings, lists and tables. cairo 1.16 cannot set
 * the catalog's /Lang; the language is set on the text layout instead. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <inttypes.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/doc.h"

#define PAGE_W 595.276
#define PAGE_H 841.89
#define MARGIN 56.7
#define BOTTOM (PAGE_H - MARGIN - 14)
#define CONTENT_W (PAGE_W - 2 * MARGIN)
#define FONT "DejaVu Sans"
#define CELL_PAD 3.0
#define OUTLINE_DEPTH 4
#define FONT_CACHE 16

typedef struct Pdf {
        cairo_surface_t *surface;
        cairo_t *cr;
        PangoContext *ctx;
        double y;
        int page;
        int outline[OUTLINE_DEPTH]; /* outline id of the last heading per level */
        StrBuf *out;
        struct {
                int key; /* size × 10 × 2 + bold */
                PangoFontDescription *fd;
        } fonts[FONT_CACHE];
        size_t n_fonts;
} Pdf;

/* Font descriptions are parsed once per size and weight, not per cell.
 * When the cache is full, *ret_tmp gets an uncached one to free after use. */
static const PangoFontDescription *font(Pdf *p, double size, bool bold, PangoFontDescription **ret_tmp) {
        int key = (int)(size * 10) * 2 + bold;
        for (size_t i = 0; i < p->n_fonts; i++)
                if (p->fonts[i].key == key)
                        return p->fonts[i].fd;
        PangoFontDescription *fd = pango_font_description_from_string(FONT);
        pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
        pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        if (p->n_fonts < FONT_CACHE) {
                p->fonts[p->n_fonts].key = key;
                p->fonts[p->n_fonts++].fd = fd;
        } else {
                *ret_tmp = fd;
        }
        return fd;
}

static cairo_status_t write_cb(void *closure, const unsigned char *data, unsigned int len) {
        StrBuf *b = closure;
        strbuf_append(b, data, len);
        return strbuf_error(b) ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static PangoLayout *layout(Pdf *p, const char *text, double size, bool bold, double width) {
        PangoLayout *l = pango_layout_new(p->ctx);
        PangoFontDescription *tmp = NULL;
        pango_layout_set_font_description(l, font(p, size, bold, &tmp)); /* copies it */
        if (tmp)
                pango_font_description_free(tmp);
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(l, text, -1);
        return l;
}

static double layout_h(PangoLayout *l) {
        int w, h;
        pango_layout_get_size(l, &w, &h);
        return (double)h / PANGO_SCALE;
}

static void footer(Pdf *p) {
        char num[32];
        snprintf(num, sizeof num, "%d", p->page);
        PangoLayout *l = layout(p, num, 8, false, CONTENT_W);
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
        cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
        cairo_move_to(p->cr, MARGIN, PAGE_H - MARGIN + 4);
        pango_cairo_show_layout(p->cr, l);
        g_object_unref(l);
        cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void new_page(Pdf *p) {
        footer(p);
        cairo_show_page(p->cr);
        p->page++;
        p->y = MARGIN;
}

/* Ensures h points are left on the page (unless at the top already). */
static void need(Pdf *p, double h) {
        if (p->y + h > BOTTOM && p->y > MARGIN + 0.5)
                new_page(p);
}

/* Draws a layout line by line so long text continues on the next page. */
static void flow(Pdf *p, PangoLayout *l, double x) {
        PangoLayoutIter *it = pango_layout_get_iter(l);
        do {
                PangoRectangle logical;
                pango_layout_iter_get_line_extents(it, NULL, &logical);
                double lh = (double)logical.height / PANGO_SCALE;
                int baseline = pango_layout_iter_get_baseline(it);
                double top = (double)logical.y / PANGO_SCALE;
                need(p, lh);
                cairo_move_to(p->cr, x + (double)logical.x / PANGO_SCALE,
                              p->y + (double)baseline / PANGO_SCALE - top);
                pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
                p->y += lh;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
}

static void heading(Pdf *p, const DocBlock *b) {
        static const double sizes[] = {18, 14, 12};
        static const char *const tags[] = {"H1", "H2", "H3"};
        double size = sizes[b->level - 1];
        PangoLayout *l = layout(p, b->text, size, true, CONTENT_W);
        need(p, layout_h(l) + size * 3); /* keep a heading with what follows */
        if (p->y > MARGIN + 0.5)
                p->y += size * 0.6;
        char dest[64];
        snprintf(dest, sizeof dest, "page=%d pos=[%.0f %.0f]", p->page, MARGIN, p->y);
        int parent = b->level > 1 ? p->outline[b->level - 1] : CAIRO_PDF_OUTLINE_ROOT;
        p->outline[b->level] = cairo_pdf_surface_add_outline(p->surface, parent, b->text, dest,
                                                              CAIRO_PDF_OUTLINE_FLAG_OPEN);
        for (int i = b->level + 1; i < OUTLINE_DEPTH; i++)
                p->outline[i] = p->outline[b->level];
        cairo_set_source_rgb(p->cr, 0.05, 0.2, 0.4);
        cairo_tag_begin(p->cr, tags[b->level - 1], NULL);
        flow(p, l, MARGIN);
        cairo_tag_end(p->cr, tags[b->level - 1]);
        cairo_set_source_rgb(p->cr, 0, 0, 0);
        p->y += size * 0.4;
        g_object_unref(l);
}

static void paragraph(Pdf *p, const char *text, double x, double w) {
        PangoLayout *l = layout(p, text, 10, false, w);
        cairo_tag_begin(p->cr, "P", NULL);
        flow(p, l, x);
        cairo_tag_end(p->cr, "P");
        g_object_unref(l);
        p->y += 5;
}

static void list(Pdf *p, const DocBlock *b) {
        cairo_tag_begin(p->cr, "L", NULL);
        for (size_t i = 0; i < b->n_items; i++) {
                cairo_tag_begin(p->cr, "LI", NULL);
                PangoLayout *bl = layout(p, "•", 10, false, 12);
                need(p, layout_h(bl));
                cairo_tag_begin(p->cr, "Lbl", NULL);
                cairo_move_to(p->cr, MARGIN + 4, p->y);
                pango_cairo_show_layout(p->cr, bl);
                cairo_tag_end(p->cr, "Lbl");
                g_object_unref(bl);
                cairo_tag_begin(p->cr, "LBody", NULL);
                paragraph(p, b->items[i], MARGIN + 16, CONTENT_W - 16);
                cairo_tag_end(p->cr, "LBody");
                cairo_tag_end(p->cr, "LI");
                p->y -= 2;
        }
        cairo_tag_end(p->cr, "L");
        p->y += 4;
}

static void kv(Pdf *p, const DocBlock *b) {
        double kw = CONTENT_W * 0.32;
        for (size_t i = 0; i < b->n_items; i++) {
                PangoLayout *k = layout(p, b->items[2 * i], 10, true, kw - 6);
                PangoLayout *v = layout(p, b->items[2 * i + 1], 10, false, CONTENT_W - kw);
                double h = layout_h(k) > layout_h(v) ? layout_h(k) : layout_h(v);
                if (h < BOTTOM - MARGIN)
                        need(p, h);
                cairo_tag_begin(p->cr, "P", NULL);
                cairo_move_to(p->cr, MARGIN, p->y);
                pango_cairo_show_layout(p->cr, k);
                double y0 = p->y;
                int page0 = p->page;
                flow(p, v, MARGIN + kw);
                if (p->page == page0 && p->y < y0 + layout_h(k)) /* a key longer than its value */
                        p->y = y0 + layout_h(k);
                cairo_tag_end(p->cr, "P");
                g_object_unref(k);
                g_object_unref(v);
                p->y += 3;
        }
        p->y += 4;
}

static void col_widths(const DocTable *t, double *w) {
        int sum = 0;
        for (size_t c = 0; c < t->n_cols; c++)
                sum += t->col_width[c] > 0 ? t->col_width[c] : 1;
        for (size_t c = 0; c < t->n_cols; c++)
                w[c] = CONTENT_W * (t->col_width[c] > 0 ? t->col_width[c] : 1) / sum;
}

/* Draws one row at p->y; the caller made room. Rows taller than a page are
 * clipped rather than split (cells are short in practice). */
static double row_height(Pdf *p, const DocTable *t, size_t r, const double *w, PangoLayout **ls) {
        double h = 0;
        for (size_t c = 0; c < t->n_cols; c++) {
                ls[c] = layout(p, doc_cell(t, r, c), 8.5, r == 0, w[c] - 2 * CELL_PAD);
                if (t->col_type[c] == DOC_COL_NUMBER && r > 0)
                        pango_layout_set_alignment(ls[c], PANGO_ALIGN_RIGHT);
                double ch = layout_h(ls[c]) + 2 * CELL_PAD;
                h = ch > h ? ch : h;
        }
        return h > BOTTOM - MARGIN ? BOTTOM - MARGIN : h;
}

/* tagged: false for a header row repeated after a page break (it is a
 * visual repeat, not content). */
static void draw_row(Pdf *p, const DocTable *t, size_t r, const double *w, PangoLayout **ls, double h, bool tagged) {
        double x = MARGIN;
        const char *cell_tag = r == 0 ? "TH" : "TD";
        if (tagged)
                cairo_tag_begin(p->cr, "TR", NULL);
        for (size_t c = 0; c < t->n_cols; c++) {
                if (tagged)
                        cairo_tag_begin(p->cr, cell_tag, NULL);
                cairo_save(p->cr);
                cairo_rectangle(p->cr, x, p->y, w[c], h);
                if (r == 0) {
                        cairo_set_source_rgb(p->cr, 0.88, 0.91, 0.95);
                        cairo_fill_preserve(p->cr);
                }
                cairo_set_source_rgb(p->cr, 0.55, 0.55, 0.55);
                cairo_set_line_width(p->cr, 0.5);
                cairo_stroke_preserve(p->cr);
                cairo_clip(p->cr);
                cairo_set_source_rgb(p->cr, 0, 0, 0);
                cairo_move_to(p->cr, x + CELL_PAD, p->y + CELL_PAD);
                pango_cairo_show_layout(p->cr, ls[c]);
                cairo_restore(p->cr);
                if (tagged)
                        cairo_tag_end(p->cr, cell_tag);
                x += w[c];
        }
        if (tagged)
                cairo_tag_end(p->cr, "TR");
        p->y += h;
}

static void table(Pdf *p, const DocTable *t) {
        double w[DOC_TABLE_COLS_MAX];
        PangoLayout *hl[DOC_TABLE_COLS_MAX], *ls[DOC_TABLE_COLS_MAX];
        col_widths(t, w);
        if (t->caption && *t->caption)
                paragraph(p, t->caption, MARGIN, CONTENT_W);
        double hh = row_height(p, t, 0, w, hl);
        cairo_tag_begin(p->cr, "Table", NULL);
        for (size_t r = 1; r < t->n_rows || r == 1; r++) {
                double h = r < t->n_rows ? row_height(p, t, r, w, ls) : 0;
                bool top = p->y <= MARGIN + 0.5;
                if (r == 1 || p->y + h > BOTTOM) {
                        if (p->y + hh + h > BOTTOM && !top)
                                new_page(p);
                        draw_row(p, t, 0, w, hl, hh, r == 1); /* header, repeated after a break */
                }
                if (r < t->n_rows) {
                        draw_row(p, t, r, w, ls, h, true);
                        for (size_t c = 0; c < t->n_cols; c++)
                                g_object_unref(ls[c]);
                }
        }
        cairo_tag_end(p->cr, "Table");
        for (size_t c = 0; c < t->n_cols; c++)
                g_object_unref(hl[c]);
        p->y += 8;
}

static const double series_rgb[DOC_CHART_SERIES_MAX][3] = {
        {0.60, 0.60, 0.60}, {0.12, 0.35, 0.65}, {0.90, 0.50, 0.10}, {0.25, 0.60, 0.30}};

static void legend(Pdf *p, const DocChart *c) {
        double x = MARGIN;
        for (size_t s = 0; s < c->n_series; s++) {
                cairo_set_source_rgb(p->cr, series_rgb[s][0], series_rgb[s][1], series_rgb[s][2]);
                cairo_rectangle(p->cr, x, p->y + 2, 8, 8);
                cairo_fill(p->cr);
                cairo_set_source_rgb(p->cr, 0, 0, 0);
                PangoLayout *l = layout(p, c->series[s], 8, false, 120);
                cairo_move_to(p->cr, x + 11, p->y);
                pango_cairo_show_layout(p->cr, l);
                int lw, lh;
                pango_layout_get_pixel_size(l, &lw, &lh);
                x += 11 + lw + 14;
                g_object_unref(l);
        }
        p->y += 14;
}

/* One horizontal group per category, scaled to its own largest value so
 * indicators in different units stay readable; the numbers are printed. */
static void chart_group(Pdf *p, const DocChart *c, size_t k) {
        const double label_w = CONTENT_W * 0.38, bar_h = 7, gap = 2;
        double gh = c->n_series * (bar_h + gap) + 6;
        PangoLayout *lab = layout(p, c->cats[k], 8, false, label_w - 6);
        double h = layout_h(lab) > gh ? layout_h(lab) : gh;
        need(p, h);
        cairo_move_to(p->cr, MARGIN, p->y);
        pango_cairo_show_layout(p->cr, lab);
        g_object_unref(lab);
        int64_t max = 0;
        for (size_t s = 0; s < c->n_series; s++) {
                int64_t v = c->values[k * c->n_series + s];
                if (c->has_value[k * c->n_series + s] && (v < 0 ? -v : v) > max)
                        max = v < 0 ? -v : v;
        }
        double full = CONTENT_W - label_w - 60;
        for (size_t s = 0; s < c->n_series; s++) {
                double by = p->y + s * (bar_h + gap);
                char num[32] = "–";
                if (c->has_value[k * c->n_series + s]) {
                        int64_t v = c->values[k * c->n_series + s];
                        double len = max ? full * (double)(v < 0 ? -v : v) / (double)max : 0;
                        cairo_set_source_rgb(p->cr, series_rgb[s][0], series_rgb[s][1], series_rgb[s][2]);
                        cairo_rectangle(p->cr, MARGIN + label_w, by, len < 0.5 ? 0.5 : len, bar_h);
                        cairo_fill(p->cr);
                        snprintf(num, sizeof num, "%" PRId64, v);
                }
                cairo_set_source_rgb(p->cr, 0, 0, 0);
                PangoLayout *nl = layout(p, num, 7, false, 58);
                double len = max && c->has_value[k * c->n_series + s]
                                     ? full * (double)llabs(c->values[k * c->n_series + s]) / (double)max
                                     : 0;
                cairo_move_to(p->cr, MARGIN + label_w + len + 3, by - 1);
                pango_cairo_show_layout(p->cr, nl);
                g_object_unref(nl);
        }
        p->y += h + 2;
}

static void chart(Pdf *p, const DocChart *c) {
        PangoLayout *t = layout(p, c->title, 11, true, CONTENT_W);
        need(p, layout_h(t) + 40);
        flow(p, t, MARGIN);
        g_object_unref(t);
        p->y += 3;
        cairo_tag_begin(p->cr, "Figure", NULL); /* the numbers are printed inside, and in DOCX/ODT as a table */
        legend(p, c);
        for (size_t k = 0; k < c->n_cats; k++)
                chart_group(p, c, k);
        cairo_tag_end(p->cr, "Figure");
        p->y += 8;
}

static void block(Pdf *p, const DocBlock *b) {
        switch (b->kind) {
        case DOC_HEADING:
                heading(p, b);
                break;
        case DOC_PARAGRAPH:
                paragraph(p, b->text, MARGIN, CONTENT_W);
                break;
        case DOC_LIST:
                list(p, b);
                break;
        case DOC_KV:
                kv(p, b);
                break;
        case DOC_TABLE:
                table(p, b->table);
                break;
        case DOC_CHART:
                chart(p, b->chart);
                break;
        case DOC_PAGE_BREAK:
                if (p->y > MARGIN + 0.5)
                        new_page(p);
                break;
        default:
                break;
        }
}

int doc_render_pdf(const Doc *d, StrBuf *out) {
        if (!d || !out)
                return -EINVAL;
        size_t start = out->len;
        Pdf p = {.out = out, .page = 1, .y = MARGIN};
        p.surface = cairo_pdf_surface_create_for_stream(write_cb, out, PAGE_W, PAGE_H);
        cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE, d->title);
        cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR, "techdiv");
        if (d->subject && *d->subject)
                cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_SUBJECT, d->subject);
        p.cr = cairo_create(p.surface);
        p.ctx = pango_cairo_create_context(p.cr);
        pango_context_set_language(p.ctx, pango_language_from_string(d->lang));
        for (int i = 0; i < OUTLINE_DEPTH; i++)
                p.outline[i] = CAIRO_PDF_OUTLINE_ROOT;
        cairo_tag_begin(p.cr, "Document", NULL);
        for (const DocBlock *b = d->first; b && !strbuf_error(out); b = b->next)
                block(&p, b);
        cairo_tag_end(p.cr, "Document");
        footer(&p);
        cairo_show_page(p.cr);
        g_object_unref(p.ctx);
        for (size_t i = 0; i < p.n_fonts; i++)
                pango_font_description_free(p.fonts[i].fd);
        cairo_destroy(p.cr);
        cairo_surface_finish(p.surface);
        cairo_status_t st = cairo_surface_status(p.surface);
        cairo_surface_destroy(p.surface);
        if (strbuf_error(out))
                return strbuf_error(out);
        if (st != CAIRO_STATUS_SUCCESS)
                return st == CAIRO_STATUS_NO_MEMORY ? -ENOMEM : -EIO;
        return out->len - start > DOC_OUTPUT_MAX ? -E2BIG : 0;
}
