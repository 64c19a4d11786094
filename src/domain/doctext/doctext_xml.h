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

typedef struct DocRow {
        size_t nl0;   /* newlines written when the row's first word came */
        bool content; /* something of the row was written */
} DocRow;

/* Where text goes and what is owed to it: line ends and a cell separator
 * are held back until the next word, so a cell's last paragraph end can
 * become a tab and a row's trailing empty cells add nothing. */
typedef struct DocEmit {
        StrBuf *out;
        size_t nl;      /* newlines written to out */
        size_t pend_nl; /* line ends owed */
        int pend_cell;  /* 1-based table row level whose cell ended; 0: none */
        bool after_box; /* the line end owed closes a text box: the paragraph
                         * holding the box adds no blank line */
} DocEmit;

typedef struct DocWalk {
        DocFormat f;
        DocEmit e;
        DocRow rows[DOCTEXT_MAX_XML_DEPTH + 1]; /* open table rows, innermost last */
        int nrows;
        int row_base;    /* rows below it belong to the body while a note is written */
        int skip_depth;  /* >= 0: inside a left-out element opened at this depth */
        int in_text;     /* docx: inside <w:t> */
        unsigned char alt[DOCTEXT_MAX_XML_DEPTH + 1]; /* docx: per open mc:AlternateContent, a branch read */
        int nalt;
        int reading;     /* odt: inside office:body or office:master-styles */
        int in_par;      /* odt: inside text:p or text:h (blanks between elements are no text) */
        StrBuf notes;    /* odt: footnote bodies, written after the part's text */
        DocEmit saved;    /* odt: the body's writer while a note is written */
        int note_depth;  /* odt: >= 0 inside text:note opened at this depth */
        size_t *images;  /* pictures embedded in the XML itself */
} DocWalk;

/* Writers: every one first pays what is owed (line ends, cell separator). */
void doctext_text(DocWalk *w, const char *s);
void doctext_char(DocWalk *w, char c);
void doctext_par_end(DocWalk *w);
void doctext_box_break(DocWalk *w);
void doctext_box_end(DocWalk *w);
void doctext_row_start(DocWalk *w);
void doctext_cell_end(DocWalk *w);
void doctext_row_end(DocWalk *w);
/* Leaves out the element the reader is on, with all it holds. */
void doctext_skip(DocWalk *w, xmlTextReaderPtr rd);

/* Element rules per format (the reader is on the element). */
void doctext_docx_start(DocWalk *w, xmlTextReaderPtr rd, const char *name);
void doctext_docx_end(DocWalk *w, const char *name);
bool doctext_docx_text(const DocWalk *w);
void doctext_odt_start(DocWalk *w, xmlTextReaderPtr rd, const char *name);
void doctext_odt_end(DocWalk *w, xmlTextReaderPtr rd, const char *name);
bool doctext_odt_text(const DocWalk *w);

/* Walks one part and appends its text to out; *images counts pictures
 * embedded in the XML. Returns 0, -EINVAL (not well-formed), -E2BIG
 * (nesting or output limit), -ENOMEM. */
int doctext_walk_xml(const char *xml, size_t len, DocFormat f, StrBuf *out, size_t *images);

#endif
