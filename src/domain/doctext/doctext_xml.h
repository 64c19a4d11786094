/* Internal to doctext: the streaming walk over one XML part of a .docx or
 * .odt, and the writer that turns paragraphs, table rows and text boxes
 * into the lines the anonymiser reads:
 *   - a paragraph ends a line; blank paragraphs stay blank lines;
 *   - a table row is one line, its cells joined by a tab, as long as its
 *     cells hold one paragraph each; once a cell has run over several
 *     lines, each further cell of that row starts a line of its own;
 *     empty cells add nothing (no run of tabs for a spacer column);
 *   - a text box starts and ends a line, so its words never glue onto
 *     the paragraph it is anchored in;
 *   - U+00AD (soft hyphen) is dropped and U+2011 (non-breaking hyphen)
 *     becomes '-', so "Jean-Pierre" reads as one hyphenated name.
 * The per-format element rules live in doctext_docx.c and doctext_odt.c. */
#ifndef TD_DOMAIN_DOCTEXT_XML_H
#define TD_DOMAIN_DOCTEXT_XML_H

#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/strbuf.h"
#include "domain/doctext/doctext.h"

typedef struct DtRow {
        size_t nl0;   /* newlines written when the row's first word came */
        bool content; /* something of the row was written */
} DtRow;

/* Where text goes and what is owed to it: line ends and a cell separator
 * are held back until the next word, so a cell's last paragraph end can
 * become a tab and a row's trailing empty cells add nothing. */
typedef struct DtEmit {
        StrBuf *out;
        size_t nl;      /* newlines written to out */
        size_t pend_nl; /* line ends owed */
        int pend_cell;  /* 1-based table row level whose cell ended; 0: none */
        bool after_box; /* the line end owed closes a text box: the paragraph
                         * holding the box adds no blank line */
} DtEmit;

typedef struct DtWalk {
        DocFormat f;
        DtEmit e;
        DtRow rows[DOCTEXT_MAX_XML_DEPTH + 1]; /* open table rows, innermost last */
        int nrows;
        int row_base;    /* rows below it belong to the body while a note is written */
        int skip_depth;  /* >= 0: inside a left-out element opened at this depth */
        int in_text;     /* docx: inside <w:t> */
        unsigned char alt[DOCTEXT_MAX_XML_DEPTH + 1]; /* docx: per open mc:AlternateContent, a branch read */
        int nalt;
        int reading;     /* odt: inside office:body or office:master-styles */
        int in_par;      /* odt: inside text:p or text:h (blanks between elements are no text) */
        StrBuf notes;    /* odt: footnote bodies, written after the part's text */
        DtEmit saved;    /* odt: the body's writer while a note is written */
        int note_depth;  /* odt: >= 0 inside text:note opened at this depth */
        size_t *images;  /* pictures embedded in the XML itself */
} DtWalk;

/* Writers: every one first pays what is owed (line ends, cell separator). */
void dt_text(DtWalk *w, const char *s);
void dt_char(DtWalk *w, char c);
void dt_par_end(DtWalk *w);
void dt_box_break(DtWalk *w);
void dt_box_end(DtWalk *w);
void dt_row_start(DtWalk *w);
void dt_cell_end(DtWalk *w);
void dt_row_end(DtWalk *w);
/* Leaves out the element the reader is on, with all it holds. */
void dt_skip(DtWalk *w, xmlTextReaderPtr rd);

/* Element rules per format (the reader is on the element). */
void dt_docx_start(DtWalk *w, xmlTextReaderPtr rd, const char *name);
void dt_docx_end(DtWalk *w, const char *name);
bool dt_docx_text(const DtWalk *w);
void dt_odt_start(DtWalk *w, xmlTextReaderPtr rd, const char *name);
void dt_odt_end(DtWalk *w, xmlTextReaderPtr rd, const char *name);
bool dt_odt_text(const DtWalk *w);

/* Walks one part and appends its text to out; *images counts pictures
 * embedded in the XML. Returns 0, -EINVAL (not well-formed), -E2BIG
 * (nesting or output limit), -ENOMEM. */
int dt_walk_xml(const char *xml, size_t len, DocFormat f, StrBuf *out, size_t *images);

#endif
