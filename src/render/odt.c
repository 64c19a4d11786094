/* ODT writer: OpenDocument text (ODF 1.3) parts assembled with
 * xmlTextWriter into a ZIP whose first entry is the uncompressed mimetype.
 * Headings use the standard "Heading 1–3" styles with outline levels,
 * lists a bullet list style, tables a repeated header row; numeric cells
 * carry office:value so they stay numbers in LibreOffice. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/doc.h"
#include "render/docgrid.h"
#include "render/zipxml.h"

#define ODT_MIME "application/vnd.oasis.opendocument.text"

static void ns(XmlPart *x) {
        static const char *const n[][2] = {
                {"xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
                {"xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
                {"xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
                {"xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
                {"xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
                {"xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
                {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                {"xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
        };
        for (size_t i = 0; i < sizeof n / sizeof *n; i++)
                xml_attr(x, n[i][0], n[i][1]);
        xml_attr(x, "office:version", "1.3");
}

static int manifest(ZipOut *z) {
        static const char *const e[][2] = {{"/", ODT_MIME},
                                           {"content.xml", "text/xml"},
                                           {"styles.xml", "text/xml"},
                                           {"meta.xml", "text/xml"}};
        XmlPart x;
        if (xml_part_begin(&x) < 0)
                return -ENOMEM;
        xml_start(&x, "manifest:manifest");
        xml_attr(&x, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
        xml_attr(&x, "manifest:version", "1.3");
        for (size_t i = 0; i < sizeof e / sizeof *e; i++) {
                xml_start(&x, "manifest:file-entry");
                xml_attr(&x, "manifest:full-path", e[i][0]);
                if (i == 0)
                        xml_attr(&x, "manifest:version", "1.3");
                xml_attr(&x, "manifest:media-type", e[i][1]);
                xml_end(&x);
        }
        xml_end(&x);
        return xml_part_end(&x, z, "META-INF/manifest.xml");
}

static int meta(ZipOut *z, const Doc *d) {
        XmlPart x;
        if (xml_part_begin(&x) < 0)
                return -ENOMEM;
        xml_start(&x, "office:document-meta");
        ns(&x);
        xml_start(&x, "office:meta");
        xml_elem(&x, "meta:generator", "techdiv");
        xml_elem(&x, "dc:title", d->title);
        xml_elem(&x, "dc:language", d->lang);
        if (d->subject && *d->subject)
                xml_elem(&x, "dc:subject", d->subject);
        xml_end(&x);
        xml_end(&x);
        return xml_part_end(&x, z, "meta.xml");
}

static void pstyle(XmlPart *x, const char *name, const char *display, const char *parent, int level,
                   const char *size, bool bold) {
        xml_start(x, "style:style");
        xml_attr(x, "style:name", name);
        xml_attr(x, "style:display-name", display);
        xml_attr(x, "style:family", "paragraph");
        if (parent)
                xml_attr(x, "style:parent-style-name", parent);
        if (level) {
                char l[4];
                snprintf(l, sizeof l, "%d", level);
                xml_attr(x, "style:default-outline-level", l);
                xml_attr(x, "style:next-style-name", "Text_20_body");
        }
        xml_start(x, "style:paragraph-properties");
        xml_attr(x, "fo:margin-top", level ? "0.42cm" : "0cm");
        xml_attr(x, "fo:margin-bottom", "0.21cm");
        if (level)
                xml_attr(x, "fo:keep-with-next", "always");
        xml_end(x);
        if (size || bold) {
                xml_start(x, "style:text-properties");
                if (size)
                        xml_attr(x, "fo:font-size", size);
                if (bold)
                        xml_attr(x, "fo:font-weight", "bold");
                xml_end(x);
        }
        xml_end(x);
}

static void page_layout(XmlPart *x) {
        xml_start(x, "office:automatic-styles");
        xml_start(x, "style:page-layout");
        xml_attr(x, "style:name", "pm1");
        xml_start(x, "style:page-layout-properties");
        xml_attr(x, "fo:page-width", "21cm");
        xml_attr(x, "fo:page-height", "29.7cm");
        xml_attr(x, "style:print-orientation", "portrait");
        static const char *const m[] = {"fo:margin-top", "fo:margin-bottom", "fo:margin-left", "fo:margin-right"};
        for (size_t i = 0; i < 4; i++)
                xml_attr(x, m[i], "2cm");
        xml_end(x);
        xml_end(x);
        xml_end(x);
        xml_start(x, "office:master-styles");
        xml_start(x, "style:master-page");
        xml_attr(x, "style:name", "Standard");
        xml_attr(x, "style:page-layout-name", "pm1");
        xml_end(x);
        xml_end(x);
}

static int styles(ZipOut *z, const Doc *d) {
        XmlPart x;
        if (xml_part_begin(&x) < 0)
                return -ENOMEM;
        xml_start(&x, "office:document-styles");
        ns(&x);
        xml_start(&x, "office:font-face-decls");
        xml_start(&x, "style:font-face");
        xml_attr(&x, "style:name", "DejaVu Sans");
        xml_attr(&x, "svg:font-family", "'DejaVu Sans'");
        xml_end(&x);
        xml_end(&x);
        xml_start(&x, "office:styles");
        xml_start(&x, "style:default-style");
        xml_attr(&x, "style:family", "paragraph");
        xml_start(&x, "style:text-properties");
        xml_attr(&x, "style:font-name", "DejaVu Sans");
        xml_attr(&x, "fo:font-size", "10pt");
        xml_attr(&x, "fo:language", d->lang);
        xml_end(&x);
        xml_end(&x);
        pstyle(&x, "Standard", "Standard", NULL, 0, NULL, false);
        pstyle(&x, "Text_20_body", "Text body", "Standard", 0, NULL, false);
        pstyle(&x, "Heading", "Heading", "Standard", 0, "14pt", true);
        pstyle(&x, "Heading_20_1", "Heading 1", "Heading", 1, "18pt", true);
        pstyle(&x, "Heading_20_2", "Heading 2", "Heading", 2, "14pt", true);
        pstyle(&x, "Heading_20_3", "Heading 3", "Heading", 3, "12pt", true);
        pstyle(&x, "Table_20_Heading", "Table Heading", "Standard", 0, NULL, true);
        xml_end(&x);
        page_layout(&x);
        xml_end(&x);
        return xml_part_end(&x, z, "styles.xml");
}

static void auto_styles(XmlPart *x) {
        xml_start(x, "office:automatic-styles");
        xml_start(x, "style:style");
        xml_attr(x, "style:name", "PB");
        xml_attr(x, "style:family", "paragraph");
        xml_attr(x, "style:parent-style-name", "Standard");
        xml_start(x, "style:paragraph-properties");
        xml_attr(x, "fo:break-before", "page");
        xml_end(x);
        xml_end(x);
        xml_start(x, "style:style");
        xml_attr(x, "style:name", "TH");
        xml_attr(x, "style:family", "table-cell");
        xml_start(x, "style:table-cell-properties");
        xml_attr(x, "fo:background-color", "#e0e8f2");
        xml_attr(x, "fo:border", "0.5pt solid #8c8c8c");
        xml_attr(x, "fo:padding", "0.05cm");
        xml_end(x);
        xml_end(x);
        xml_start(x, "style:style");
        xml_attr(x, "style:name", "TD");
        xml_attr(x, "style:family", "table-cell");
        xml_start(x, "style:table-cell-properties");
        xml_attr(x, "fo:border", "0.5pt solid #8c8c8c");
        xml_attr(x, "fo:padding", "0.05cm");
        xml_end(x);
        xml_end(x);
        xml_start(x, "text:list-style");
        xml_attr(x, "style:name", "L1");
        xml_start(x, "text:list-level-style-bullet");
        xml_attr(x, "text:level", "1");
        xml_attr(x, "text:bullet-char", "•");
        xml_start(x, "style:list-level-properties");
        xml_attr(x, "text:space-before", "0.4cm");
        xml_attr(x, "text:min-label-width", "0.4cm");
        xml_end(x);
        xml_end(x);
        xml_end(x);
        xml_end(x);
}

static void para(XmlPart *x, const char *style_name, const char *text) {
        xml_start(x, "text:p");
        xml_attr(x, "text:style-name", style_name);
        xml_text_lines(x, text, NULL, "text:line-break");
        xml_end(x);
}

/* A number cell keeps its value for spreadsheets; text cells are strings. */
static void cell(XmlPart *x, const char *text, bool header, bool number) {
        xml_start(x, "table:table-cell");
        xml_attr(x, "table:style-name", header ? "TH" : "TD");
        number = number && doc_is_number(text);
        xml_attr(x, "office:value-type", number ? "float" : "string");
        if (number)
                xml_attr(x, "office:value", text);
        para(x, header ? "Table_20_Heading" : "Standard", text);
        xml_end(x);
}

/* Tables and charts through the shared walk (docgrid.h). */
typedef struct OdtTable {
        XmlPart *x;
        int n; /* numbers the table's name */
} OdtTable;

static void tbl_begin(void *ud, const DocGrid *g) {
        OdtTable *t = ud;
        char name[32], cols[16];
        snprintf(name, sizeof name, "Table%d", t->n);
        snprintf(cols, sizeof cols, "%zu", g->n_cols);
        if (g->caption)
                para(t->x, "Table_20_Heading", g->caption);
        xml_start(t->x, "table:table");
        xml_attr(t->x, "table:name", name);
        xml_start(t->x, "table:table-column");
        xml_attr(t->x, "table:number-columns-repeated", cols);
        xml_end(t->x);
}

static void tbl_row_begin(void *ud, bool header) {
        XmlPart *x = ((OdtTable *)ud)->x;
        if (header)
                xml_start(x, "table:table-header-rows");
        xml_start(x, "table:table-row");
}

static void tbl_cell(void *ud, size_t col, const char *text, bool header, bool number) {
        (void)col;
        cell(((OdtTable *)ud)->x, text, header, number);
}

static void tbl_row_end(void *ud, bool header) {
        XmlPart *x = ((OdtTable *)ud)->x;
        xml_end(x);
        if (header)
                xml_end(x);
}

static void tbl_end(void *ud, const DocGrid *g) {
        (void)g;
        xml_end(((OdtTable *)ud)->x);
}

static void table(XmlPart *x, const DocBlock *b, int n) {
        OdtTable t = { .x = x, .n = n };
        DocGridWriter w = { tbl_begin, tbl_row_begin, tbl_cell, tbl_row_end, tbl_end, &t };
        if (b->kind == DOC_TABLE)
                doc_grid_table(b->table, &w);
        else
                doc_grid_chart(b->chart, "", &w);
}

static void block(XmlPart *x, const DocBlock *b, int *n_tables) {
        static const char *const hs[] = {"Heading_20_1", "Heading_20_2", "Heading_20_3"};
        char lvl[4];
        switch (b->kind) {
        case DOC_HEADING:
                snprintf(lvl, sizeof lvl, "%d", b->level);
                xml_start(x, "text:h");
                xml_attr(x, "text:style-name", hs[b->level - 1]);
                xml_attr(x, "text:outline-level", lvl);
                xml_text_lines(x, b->text, NULL, "text:line-break");
                xml_end(x);
                break;
        case DOC_PARAGRAPH:
                para(x, "Text_20_body", b->text);
                break;
        case DOC_LIST:
                xml_start(x, "text:list");
                xml_attr(x, "text:style-name", "L1");
                for (size_t i = 0; i < b->n_items; i++) {
                        xml_start(x, "text:list-item");
                        para(x, "Text_20_body", b->items[i]);
                        xml_end(x);
                }
                xml_end(x);
                break;
        case DOC_KV:
                for (size_t i = 0; i < b->n_items; i++) {
                        xml_start(x, "text:p");
                        xml_attr(x, "text:style-name", "Text_20_body");
                        xml_start(x, "text:span");
                        xml_text_lines(x, b->items[2 * i], NULL, "text:line-break");
                        xml_end(x);
                        xml_text(x, ": ");
                        xml_text_lines(x, b->items[2 * i + 1], NULL, "text:line-break");
                        xml_end(x);
                }
                break;
        case DOC_TABLE:
        case DOC_CHART:
                table(x, b, ++*n_tables);
                break;
        case DOC_PAGE_BREAK:
                para(x, "PB", "");
                break;
        default:
                break;
        }
}

static int content(ZipOut *z, const Doc *d) {
        XmlPart x;
        if (xml_part_begin(&x) < 0)
                return -ENOMEM;
        xml_start(&x, "office:document-content");
        ns(&x);
        auto_styles(&x);
        xml_start(&x, "office:body");
        xml_start(&x, "office:text");
        int n_tables = 0;
        for (const DocBlock *b = d->first; b && !x.err; b = b->next)
                block(&x, b, &n_tables);
        xml_end(&x);
        xml_end(&x);
        xml_end(&x);
        return xml_part_end(&x, z, "content.xml");
}

int doc_render_odt(const Doc *d, StrBuf *out) {
        if (!d || !out)
                return -EINVAL;
        ZipOut *z = zipout_new();
        if (!z)
                return -ENOMEM;
        int r = zipout_add(z, "mimetype", ODT_MIME, strlen(ODT_MIME), true);
        if (r == 0)
                r = manifest(z);
        if (r == 0)
                r = content(z, d);
        if (r == 0)
                r = styles(z, d);
        if (r == 0)
                r = meta(z, d);
        if (r < 0) {
                zipout_free(z);
                return r;
        }
        return zipout_finish(z, out);
}
