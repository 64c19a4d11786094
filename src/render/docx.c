/* DOCX writer: WordprocessingML parts assembled with xmlTextWriter into a
 * ZIP. Real Heading 1–3 styles (so Word/LibreOffice build a navigation
 * pane and table of contents), bullet numbering, tables whose header row
 * repeats on every page. Charts become editable tables of their numbers. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "render/doc.h"
#include "render/docgrid.h"
#include "render/zipxml.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define DOC_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define TEXT_W_TWIPS 9638 /* A4 width minus 2 × 1134 twips margins */

static void rel(XmlPart *x, const char *id, const char *type, const char *target) {
        xml_start(x, "Relationship");
        xml_attr(x, "Id", id);
        xml_attr(x, "Type", type);
        xml_attr(x, "Target", target);
        xml_end(x);
}

static int content_types(ZipOut *z) {
        static const char *const over[][2] = {
                {"/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
                {"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
                {"/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"},
                {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
        };
        XmlPart x;
        if (xml_part_begin(&x) < 0)
                return -ENOMEM;
        xml_start(&x, "Types");
        xml_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
        xml_start(&x, "Default");
        xml_attr(&x, "Extension", "rels");
        xml_attr(&x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
        xml_end(&x);
        xml_start(&x, "Default");
        xml_attr(&x, "Extension", "xml");
        xml_attr(&x, "ContentType", "application/xml");
        xml_end(&x);
        for (size_t i = 0; i < sizeof over / sizeof *over; i++) {
                xml_start(&x, "Override");
                xml_attr(&x, "PartName", over[i][0]);
                xml_attr(&x, "ContentType", over[i][1]);
                xml_end(&x);
        }
        xml_end(&x);
        return xml_part_end(&x, z, "[Content_Types].xml");
}

static int rels(ZipOut *z) {
        XmlPart x;
        if (xml_part_begin(&x) < 0)
                return -ENOMEM;
        xml_start(&x, "Relationships");
        xml_attr(&x, "xmlns", PKG_REL_NS);
        rel(&x, "rId1", DOC_REL "officeDocument", "word/document.xml");
        rel(&x, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml");
        xml_end(&x);
        int r = xml_part_end(&x, z, "_rels/.rels");
        if (r < 0 || xml_part_begin(&x) < 0)
                return r < 0 ? r : -ENOMEM;
        xml_start(&x, "Relationships");
        xml_attr(&x, "xmlns", PKG_REL_NS);
        rel(&x, "rId1", DOC_REL "styles", "styles.xml");
        rel(&x, "rId2", DOC_REL "numbering", "numbering.xml");
        xml_end(&x);
        return xml_part_end(&x, z, "word/_rels/document.xml.rels");
}

static int core_props(ZipOut *z, const Doc *d) {
        XmlPart x;
        if (xml_part_begin(&x) < 0)
                return -ENOMEM;
        xml_start(&x, "cp:coreProperties");
        xml_attr(&x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
        xml_attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
        xml_elem(&x, "dc:title", d->title);
        xml_elem(&x, "dc:language", d->lang);
        xml_elem(&x, "dc:creator", "techdiv");
        if (d->subject && *d->subject)
                xml_elem(&x, "dc:subject", d->subject);
        xml_end(&x);
        return xml_part_end(&x, z, "docProps/core.xml");
}

static void val_el(XmlPart *x, const char *el, const char *val) {
        xml_start(x, el);
        xml_attr(x, "w:val", val);
        xml_end(x);
}

static void style(XmlPart *x, const char *id, const char *name, int level, int half_points) {
        xml_start(x, "w:style");
        xml_attr(x, "w:type", "paragraph");
        xml_attr(x, "w:styleId", id);
        val_el(x, "w:name", name);
        if (level) {
                val_el(x, "w:basedOn", "Normal");
                val_el(x, "w:next", "Normal");
                xml_start(x, "w:pPr");
                xml_start(x, "w:keepNext");
                xml_end(x);
                xml_start(x, "w:spacing");
                xml_attr(x, "w:before", "240");
                xml_attr(x, "w:after", "120");
                xml_end(x);
                char lvl[16];
                snprintf(lvl, sizeof lvl, "%d", level - 1);
                val_el(x, "w:outlineLvl", lvl);
                xml_end(x);
                xml_start(x, "w:rPr");
                xml_start(x, "w:b");
                xml_end(x);
                val_el(x, "w:color", "1F3864");
                char sz[8];
                snprintf(sz, sizeof sz, "%d", half_points);
                val_el(x, "w:sz", sz);
                xml_end(x);
        }
        xml_end(x);
}

static int styles(ZipOut *z, const Doc *d) {
        XmlPart x;
        if (xml_part_begin(&x) < 0)
                return -ENOMEM;
        xml_start(&x, "w:styles");
        xml_attr(&x, "xmlns:w", W_NS);
        xml_start(&x, "w:docDefaults");
        xml_start(&x, "w:rPrDefault");
        xml_start(&x, "w:rPr");
        xml_start(&x, "w:rFonts");
        xml_attr(&x, "w:ascii", "DejaVu Sans");
        xml_attr(&x, "w:hAnsi", "DejaVu Sans");
        xml_attr(&x, "w:cs", "DejaVu Sans");
        xml_end(&x);
        val_el(&x, "w:sz", "20");
        val_el(&x, "w:lang", d->lang);
        xml_end(&x);
        xml_end(&x);
        xml_end(&x);
        style(&x, "Normal", "Normal", 0, 0);
        style(&x, "Heading1", "heading 1", 1, 36);
        style(&x, "Heading2", "heading 2", 2, 28);
        style(&x, "Heading3", "heading 3", 3, 24);
        style(&x, "ListParagraph", "List Paragraph", 0, 0);
        xml_end(&x);
        return xml_part_end(&x, z, "word/styles.xml");
}

static int numbering(ZipOut *z) {
        XmlPart x;
        if (xml_part_begin(&x) < 0)
                return -ENOMEM;
        xml_start(&x, "w:numbering");
        xml_attr(&x, "xmlns:w", W_NS);
        xml_start(&x, "w:abstractNum");
        xml_attr(&x, "w:abstractNumId", "0");
        xml_start(&x, "w:lvl");
        xml_attr(&x, "w:ilvl", "0");
        val_el(&x, "w:start", "1");
        val_el(&x, "w:numFmt", "bullet");
        val_el(&x, "w:lvlText", "•");
        val_el(&x, "w:lvlJc", "left");
        xml_start(&x, "w:pPr");
        xml_start(&x, "w:ind");
        xml_attr(&x, "w:left", "720");
        xml_attr(&x, "w:hanging", "360");
        xml_end(&x);
        xml_end(&x);
        xml_end(&x);
        xml_end(&x);
        xml_start(&x, "w:num");
        xml_attr(&x, "w:numId", "1");
        val_el(&x, "w:abstractNumId", "0");
        xml_end(&x);
        xml_end(&x);
        return xml_part_end(&x, z, "word/numbering.xml");
}

/* <w:p> with an optional style, one run, optional bold. */
static void para(XmlPart *x, const char *style_id, const char *text, bool bold, bool list) {
        xml_start(x, "w:p");
        if (style_id || list) {
                xml_start(x, "w:pPr");
                if (style_id)
                        val_el(x, "w:pStyle", style_id);
                if (list) {
                        xml_start(x, "w:numPr");
                        val_el(x, "w:ilvl", "0");
                        val_el(x, "w:numId", "1");
                        xml_end(x);
                }
                xml_end(x);
        }
        xml_start(x, "w:r");
        if (bold) {
                xml_start(x, "w:rPr");
                xml_start(x, "w:b");
                xml_end(x);
                xml_end(x);
        }
        xml_text_lines(x, text, "w:t", "w:br");
        xml_end(x);
        xml_end(x);
}

static void cell(XmlPart *x, const char *text, int width, bool header, bool right) {
        char w[16];
        snprintf(w, sizeof w, "%d", width);
        xml_start(x, "w:tc");
        xml_start(x, "w:tcPr");
        xml_start(x, "w:tcW");
        xml_attr(x, "w:w", w);
        xml_attr(x, "w:type", "dxa");
        xml_end(x);
        if (header) {
                xml_start(x, "w:shd");
                xml_attr(x, "w:val", "clear");
                xml_attr(x, "w:color", "auto");
                xml_attr(x, "w:fill", "E0E8F2");
                xml_end(x);
        }
        xml_end(x);
        xml_start(x, "w:p");
        if (right) {
                xml_start(x, "w:pPr");
                val_el(x, "w:jc", "right");
                xml_end(x);
        }
        xml_start(x, "w:r");
        if (header) {
                xml_start(x, "w:rPr");
                xml_start(x, "w:b");
                xml_end(x);
                xml_end(x);
        }
        xml_text_lines(x, text, "w:t", "w:br");
        xml_end(x);
        xml_end(x);
        xml_end(x);
}

static void borders(XmlPart *x) {
        static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"};
        xml_start(x, "w:tblBorders");
        for (size_t i = 0; i < 6; i++) {
                xml_start(x, sides[i]);
                xml_attr(x, "w:val", "single");
                xml_attr(x, "w:sz", "4");
                xml_attr(x, "w:space", "0");
                xml_attr(x, "w:color", "8C8C8C");
                xml_end(x);
        }
        xml_end(x);
}

/* Tables and charts through the shared walk (docgrid.h). */
typedef struct DocxTable {
        XmlPart *x;
        int w[DOC_TABLE_COLS_MAX]; /* column widths in twips */
} DocxTable;

static void tbl_begin(void *ud, const DocGrid *g) {
        DocxTable *t = ud;
        XmlPart *x = t->x;
        int sum = 0;
        for (size_t c = 0; c < g->n_cols; c++)
                sum += g->weight[c];
        for (size_t c = 0; c < g->n_cols; c++)
                t->w[c] = TEXT_W_TWIPS * g->weight[c] / sum;
        if (g->caption)
                para(x, NULL, g->caption, true, false);
        xml_start(x, "w:tbl");
        xml_start(x, "w:tblPr");
        if (!g->chart) {
                xml_start(x, "w:tblW");
                xml_attr(x, "w:w", "5000");
                xml_attr(x, "w:type", "pct");
                xml_end(x);
        }
        borders(x);
        xml_end(x);
        xml_start(x, "w:tblGrid"); /* required by the schema before the rows */
        for (size_t c = 0; c < g->n_cols; c++) {
                char s[16];
                snprintf(s, sizeof s, "%d", t->w[c]);
                xml_start(x, "w:gridCol");
                xml_attr(x, "w:w", s);
                xml_end(x);
        }
        xml_end(x);
}

static void tbl_row_begin(void *ud, bool header) {
        XmlPart *x = ((DocxTable *)ud)->x;
        xml_start(x, "w:tr");
        if (header) {
                xml_start(x, "w:trPr");
                xml_start(x, "w:tblHeader");
                xml_end(x);
                xml_end(x);
        }
}

static void tbl_cell(void *ud, size_t col, const char *text, bool header, bool number) {
        DocxTable *t = ud;
        cell(t->x, text, t->w[col], header, number);
}

static void tbl_row_end(void *ud, bool header) {
        (void)header;
        xml_end(((DocxTable *)ud)->x);
}

static void tbl_end(void *ud, const DocGrid *g) {
        (void)g;
        XmlPart *x = ((DocxTable *)ud)->x;
        xml_end(x);
        para(x, NULL, "", false, false); /* Word needs a paragraph between tables */
}

static void table(XmlPart *x, const DocBlock *b) {
        DocxTable t = { .x = x };
        DocGridWriter w = { tbl_begin, tbl_row_begin, tbl_cell, tbl_row_end, tbl_end, &t };
        if (b->kind == DOC_TABLE)
                doc_grid_table(b->table, &w);
        else
                doc_grid_chart(b->chart, "–", &w);
}

static void page_break(XmlPart *x) {
        xml_start(x, "w:p");
        xml_start(x, "w:r");
        xml_start(x, "w:br");
        xml_attr(x, "w:type", "page");
        xml_end(x);
        xml_end(x);
        xml_end(x);
}

static void block(XmlPart *x, const DocBlock *b) {
        static const char *const hstyle[] = {"Heading1", "Heading2", "Heading3"};
        switch (b->kind) {
        case DOC_HEADING:
                para(x, hstyle[b->level - 1], b->text, false, false);
                break;
        case DOC_PARAGRAPH:
                para(x, NULL, b->text, false, false);
                break;
        case DOC_LIST:
                for (size_t i = 0; i < b->n_items; i++)
                        para(x, "ListParagraph", b->items[i], false, true);
                break;
        case DOC_KV:
                for (size_t i = 0; i < b->n_items; i++) {
                        xml_start(x, "w:p");
                        xml_start(x, "w:r");
                        xml_start(x, "w:rPr");
                        xml_start(x, "w:b");
                        xml_end(x);
                        xml_end(x);
                        xml_text_lines(x, b->items[2 * i], "w:t", "w:br");
                        xml_end(x);
                        xml_start(x, "w:r");
                        xml_text_lines(x, ": ", "w:t", "w:br");
                        xml_text_lines(x, b->items[2 * i + 1], "w:t", "w:br");
                        xml_end(x);
                        xml_end(x);
                }
                break;
        case DOC_TABLE:
        case DOC_CHART:
                table(x, b);
                break;
        case DOC_PAGE_BREAK:
                page_break(x);
                break;
        default:
                break;
        }
}

static void sect(XmlPart *x) {
        xml_start(x, "w:sectPr");
        xml_start(x, "w:pgSz");
        xml_attr(x, "w:w", "11906");
        xml_attr(x, "w:h", "16838");
        xml_end(x);
        xml_start(x, "w:pgMar");
        static const char *const sides[] = {"w:top", "w:right", "w:bottom", "w:left"};
        for (size_t i = 0; i < 4; i++)
                xml_attr(x, sides[i], "1134");
        xml_attr(x, "w:header", "709");
        xml_attr(x, "w:footer", "709");
        xml_attr(x, "w:gutter", "0");
        xml_end(x);
        xml_end(x);
}

static int document(ZipOut *z, const Doc *d) {
        XmlPart x;
        if (xml_part_begin(&x) < 0)
                return -ENOMEM;
        xml_start(&x, "w:document");
        xml_attr(&x, "xmlns:w", W_NS);
        xml_attr(&x, "xmlns:r", R_NS);
        xml_start(&x, "w:body");
        for (const DocBlock *b = d->first; b && !x.err; b = b->next)
                block(&x, b);
        sect(&x);
        xml_end(&x);
        xml_end(&x);
        return xml_part_end(&x, z, "word/document.xml");
}

int doc_render_docx(const Doc *d, StrBuf *out) {
        if (!d || !out)
                return -EINVAL;
        ZipOut *z = zipout_new();
        if (!z)
                return -ENOMEM;
        int r = content_types(z);
        if (r == 0)
                r = rels(z);
        if (r == 0)
                r = document(z, d);
        if (r == 0)
                r = styles(z, d);
        if (r == 0)
                r = numbering(z);
        if (r == 0)
                r = core_props(z, d);
        if (r < 0) {
                zipout_free(z);
                return r;
        }
        return zipout_finish(z, out);
}
