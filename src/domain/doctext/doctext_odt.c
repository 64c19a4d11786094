/* OpenDocument text (.odt) element rules. Only text inside office:body
 * (content.xml) and office:master-styles (styles.xml: page headers and
 * footers) is read, so style definitions (number formats' "/" and ".",
 * list labels) add nothing. Left out: annotations (their author too),
 * tracked changes (the deleted text and who deleted it), a footnote's
 * citation mark (it would glue onto the word before it: "Rossi1"), the
 * alt text of pictures (svg:title, svg:desc: it may describe the photo),
 * index templates, and pictures embedded as base64 (counted). A
 * footnote's body is written after the part's text, as Word's
 * footnotes.xml is read after its body. */
#include <stdlib.h>
#include <string.h>

#include "domain/doctext/doctext_xml.h"

#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"

static bool in_ns(xmlTextReaderPtr rd, const char *ns) {
        const char *u = (const char *)xmlTextReaderConstNamespaceUri(rd);
        return u && !strcmp(u, ns);
}

static void spaces(DocWalk *w, xmlTextReaderPtr rd) {
        xmlChar *c = xmlTextReaderGetAttribute(rd, BAD_CAST "text:c");
        int n = c ? atoi((const char *)c) : 1;
        xmlFree(c);
        for (int i = 0; i < (n < 1 ? 1 : n > 64 ? 64 : n); i++)
                doctext_char(w, ' ');
}

/* A footnote's body goes to its own buffer, with a writer of its own. */
static void note_start(DocWalk *w, xmlTextReaderPtr rd) {
        if (w->note_depth >= 0 || xmlTextReaderIsEmptyElement(rd))
                return; /* a note in a note (not valid ODF): read in place */
        w->note_depth = xmlTextReaderDepth(rd);
        w->saved = w->e;
        w->e = (DocEmit){ .out = &w->notes };
        w->row_base = w->nrows;
}

static void note_end(DocWalk *w, xmlTextReaderPtr rd) {
        if (w->note_depth != xmlTextReaderDepth(rd))
                return;
        if (w->notes.len && w->notes.data[w->notes.len - 1] != '\n')
                strbuf_putc(&w->notes, '\n'); /* the note's last line end, owed */
        w->e = w->saved;
        w->note_depth = -1;
        w->row_base = 0;
}

static bool left_out(xmlTextReaderPtr rd, const char *name) {
        static const char *const names[] = { "annotation", "tracked-changes", "note-citation",
                                             "index-title-template", "binary-data" };
        for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
                if (!strcmp(name, names[i]))
                        return true;
        return (!strcmp(name, "title") || !strcmp(name, "desc")) && in_ns(rd, NS_SVG);
}

void doctext_odt_start(DocWalk *w, xmlTextReaderPtr rd, const char *name) {
        bool empty = xmlTextReaderIsEmptyElement(rd);
        if (!strcmp(name, "body") || !strcmp(name, "master-styles")) {
                w->reading += !empty;
                return;
        }
        if (!w->reading)
                return;
        if (left_out(rd, name)) {
                if (!strcmp(name, "binary-data"))
                        (*w->images)++;
                doctext_skip(w, rd);
        } else if (!strcmp(name, "s")) {
                spaces(w, rd);
        } else if (!strcmp(name, "tab")) {
                doctext_char(w, '\t');
        } else if (!strcmp(name, "line-break")) {
                doctext_char(w, '\n');
        } else if (!strcmp(name, "p") || !strcmp(name, "h")) {
                if (empty)
                        doctext_par_end(w);
                else
                        w->in_par++;
        } else if (!strcmp(name, "table-row") && !empty) {
                doctext_row_start(w);
        } else if ((!strcmp(name, "text-box") || !strcmp(name, "custom-shape")) && !empty) {
                doctext_box_break(w);
        } else if (!strcmp(name, "note")) {
                note_start(w, rd);
        }
}

void doctext_odt_end(DocWalk *w, xmlTextReaderPtr rd, const char *name) {
        if (!strcmp(name, "body") || !strcmp(name, "master-styles")) {
                w->reading -= w->reading > 0;
        } else if (!w->reading) {
                return;
        } else if (!strcmp(name, "p") || !strcmp(name, "h")) {
                w->in_par -= w->in_par > 0;
                doctext_par_end(w);
        } else if (!strcmp(name, "table-cell") || !strcmp(name, "covered-table-cell")) {
                doctext_cell_end(w);
        } else if (!strcmp(name, "table-row")) {
                doctext_row_end(w);
        } else if (!strcmp(name, "text-box") || !strcmp(name, "custom-shape")) {
                doctext_box_end(w);
        } else if (!strcmp(name, "note")) {
                note_end(w, rd);
        }
}

bool doctext_odt_text(const DocWalk *w) {
        return w->reading > 0 && w->in_par > 0;
}
