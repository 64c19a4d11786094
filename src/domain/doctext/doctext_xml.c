/* The line writer and the streaming walk shared by .docx and .odt (see
 * doctext_xml.h). libxml2's reader runs without network, entity
 * substitution or DTD loading, and nesting is bounded. */
#include <errno.h>
#include <string.h>

#include "domain/doctext/doctext_xml.h"

static void pay_lines(DocEmit *e) {
        for (; e->pend_nl && !strbuf_error(e->out); e->pend_nl--) {
                strbuf_putc(e->out, '\n');
                e->nl++;
        }
        e->pend_nl = 0;
}

/* Pays the line ends owed, then the separator of a cell that ended. */
static void flush(DocWalk *w) {
        DocEmit *e = &w->e;
        pay_lines(e);
        if (e->pend_cell > w->row_base && e->pend_cell <= w->nrows && w->rows[e->pend_cell - 1].content) {
                bool one_line = e->nl == w->rows[e->pend_cell - 1].nl0;
                strbuf_putc(e->out, one_line ? '\t' : '\n');
                e->nl += !one_line;
        }
        e->pend_cell = 0;
        e->after_box = false;
        if (w->nrows > w->row_base && !w->rows[w->nrows - 1].content)
                w->rows[w->nrows - 1] = (DocRow){ e->nl, true };
}

/* Appends s without U+00AD and with U+2011 as '-'. */
void doctext_text(DocWalk *w, const char *s) {
        if (!*s)
                return;
        flush(w);
        const char *p = s;
        while ((p = strpbrk(p, "\xc2\xe2"))) {
                size_t cut = !strncmp(p, "\xc2\xad", 2) ? 2 : !strncmp(p, "\xe2\x80\x91", 3) ? 3 : 0;
                if (!cut) {
                        p++;
                        continue;
                }
                strbuf_append(w->e.out, s, (size_t)(p - s));
                if (cut == 3)
                        strbuf_putc(w->e.out, '-');
                s = p += cut;
        }
        strbuf_puts(w->e.out, s);
}

void doctext_char(DocWalk *w, char c) {
        flush(w);
        strbuf_putc(w->e.out, c);
        w->e.nl += c == '\n';
}

void doctext_par_end(DocWalk *w) {
        if (w->e.after_box && w->e.pend_nl)
                w->e.after_box = false;
        else
                w->e.pend_nl++;
}

/* A line end unless the line is empty already. */
void doctext_box_break(DocWalk *w) {
        const StrBuf *o = w->e.out;
        if (!w->e.pend_nl && o->len > 0 && o->data[o->len - 1] != '\n')
                w->e.pend_nl = 1;
}

void doctext_box_end(DocWalk *w) {
        doctext_box_break(w);
        w->e.after_box = w->e.pend_nl > 0;
}

/* The line ends owed before a table are paid at once: a cell's drop of
 * its last paragraph end must not swallow them. */
void doctext_row_start(DocWalk *w) {
        pay_lines(&w->e);
        if (w->nrows < DOCTEXT_MAX_XML_DEPTH + 1) /* depth is bounded before this */
                w->rows[w->nrows++] = (DocRow){ 0, false };
}

void doctext_cell_end(DocWalk *w) {
        if (w->nrows <= w->row_base)
                return;
        w->e.pend_nl = 0; /* the cell's last paragraph end: a separator instead */
        w->e.pend_cell = w->nrows;
}

void doctext_row_end(DocWalk *w) {
        if (w->nrows <= w->row_base)
                return;
        DocRow r = w->rows[--w->nrows];
        w->e.pend_cell = 0;
        w->e.pend_nl = r.content;
        if (r.content && w->nrows > w->row_base && !w->rows[w->nrows - 1].content)
                w->rows[w->nrows - 1] = (DocRow){ r.nl0, true };
}

void doctext_skip(DocWalk *w, xmlTextReaderPtr rd) {
        if (!xmlTextReaderIsEmptyElement(rd))
                w->skip_depth = xmlTextReaderDepth(rd);
}

static void quiet(void *arg, const char *msg, xmlParserSeverities severity,
                  xmlTextReaderLocatorPtr locator) {
}

static void on_node(DocWalk *w, xmlTextReaderPtr rd) {
        int type = xmlTextReaderNodeType(rd);
        const char *name = (const char *)xmlTextReaderConstLocalName(rd);
        if (w->skip_depth >= 0) {
                if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(rd) == w->skip_depth)
                        w->skip_depth = -1;
                return;
        }
        bool docx = w->f == DOC_DOCX;
        if (type == XML_READER_TYPE_ELEMENT && name) {
                if (docx)
                        doctext_docx_start(w, rd, name);
                else
                        doctext_odt_start(w, rd, name);
        } else if (type == XML_READER_TYPE_END_ELEMENT && name) {
                if (docx)
                        doctext_docx_end(w, name);
                else
                        doctext_odt_end(w, rd, name);
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
                   (docx ? doctext_docx_text(w) : doctext_odt_text(w))) {
                const char *v = (const char *)xmlTextReaderConstValue(rd);
                if (v)
                        doctext_text(w, v);
        }
}

/* The part's last line end, then its footnotes (odt) on lines of their own. */
static int finish(DocWalk *w) {
        if (w->note_depth >= 0) /* a note left open (cannot happen in a well-formed part) */
                w->e = w->saved;
        w->e.pend_cell = 0;
        w->nrows = w->row_base = 0;
        flush(w);
        int r = strbuf_error(&w->notes);
        if (r == 0 && w->notes.len) {
                doctext_box_break(w);
                flush(w);
                strbuf_append(w->e.out, w->notes.data, w->notes.len);
                if (w->notes.data[w->notes.len - 1] != '\n')
                        strbuf_putc(w->e.out, '\n');
        }
        return r < 0 ? r : strbuf_error(w->e.out);
}

int doctext_walk_xml(const char *xml, size_t len, DocFormat f, StrBuf *out, size_t *images) {
        if (len > (size_t)2147483647)
                return -E2BIG;
        xmlTextReaderPtr rd = xmlReaderForMemory(xml, (int)len, NULL, NULL,
                                                 XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                         XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
        if (!rd)
                return -ENOMEM;
        xmlTextReaderSetErrorHandler(rd, quiet, NULL); /* library code does not print */
        DocWalk w = { .f = f, .e = { .out = out }, .skip_depth = -1, .note_depth = -1, .images = images };
        strbuf_init(&w.notes, DOCTEXT_MAX_OUTPUT);
        int r = 0, st;
        while (r == 0 && (st = xmlTextReaderRead(rd)) == 1) {
                if (xmlTextReaderDepth(rd) > DOCTEXT_MAX_XML_DEPTH) {
                        r = -E2BIG;
                        break;
                }
                on_node(&w, rd);
                r = strbuf_error(w.e.out);
        }
        if (r == 0 && st < 0)
                r = -EINVAL;
        if (r == 0)
                r = finish(&w);
        strbuf_free(&w.notes);
        xmlFreeTextReader(rd);
        return r;
}
