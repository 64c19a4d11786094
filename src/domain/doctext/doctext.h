/* Text of an uploaded document (.pdf, .docx, .odt, or plain UTF-8 text),
 * for the anonymiser and for CV upload. Only text is extracted: images,
 * embedded objects and scripts never pass through (their number is
 * reported so a page can say "2 photos removed").
 *
 * The text keeps the layout signals the anonymiser reads: a paragraph or
 * a PDF line per line; a table row (or a PDF label and its value on one
 * baseline) on one line, cells joined by a tab; text boxes, frames and
 * PDF columns each on lines of their own, every word once, in reading
 * order. What the document does not show is never read: deleted tracked
 * changes, comments, field codes, link targets, alt text, document
 * properties (see doctext_docx.c, doctext_odt.c, doctext_pdf.c).
 *
 * Every size a client controls has a named limit below; going over one
 * fails with -E2BIG and extracts nothing. */
#ifndef TD_DOMAIN_DOCTEXT_H
#define TD_DOMAIN_DOCTEXT_H

#include <stddef.h>

#include "core/arena.h"

typedef enum DocFormat { DOC_TEXT, DOC_PDF, DOC_DOCX, DOC_ODT, DOC_FORMAT_MAX } DocFormat;

#define DOCTEXT_MAX_INPUT ((size_t)32 * 1024 * 1024)         /* bytes of the file */
#define DOCTEXT_MAX_ENTRIES 4096                              /* files in a .docx/.odt */
#define DOCTEXT_MAX_ENTRY_SIZE ((size_t)64 * 1024 * 1024)     /* one decompressed XML part */
#define DOCTEXT_MAX_UNCOMPRESSED ((size_t)128 * 1024 * 1024)  /* all parts read, decompressed */
#define DOCTEXT_MAX_RATIO 200                                 /* decompressed/compressed per part */
#define DOCTEXT_MAX_XML_DEPTH 128                             /* element nesting (libxml2 stops at 256) */
#define DOCTEXT_MAX_PAGES 1000                                /* pages of a PDF */
#define DOCTEXT_PDF_MAX_RUNS 4000 /* runs of text on a PDF page laid out in columns; more: poppler's order */
#define DOCTEXT_PDF_MAX_CUTS 48   /* nesting of column and block cuts; deeper regions: plain lines */
#define DOCTEXT_MAX_OUTPUT ((size_t)16 * 1024 * 1024)         /* bytes of extracted text */

typedef struct DocText {
        char *text;           /* valid UTF-8, NUL-terminated */
        size_t len;
        DocFormat format;
        size_t images_dropped; /* pictures found in the document and not passed on */
} DocText;

/* Recognises the format from the bytes (magic numbers and zip contents),
 * never from a file name. Returns 0 and sets *ret, or -EINVAL for a zip or
 * binary that is none of the supported formats. */
int doctext_sniff(const char *data, size_t len, DocFormat *ret);

/* Extracts the text. *ret and its text are owned by arena. Returns 0,
 * -EINVAL (unsupported, corrupt, encrypted), -E2BIG (a DOCTEXT_MAX_* limit),
 * -ENOMEM. Plain text input is returned as is (invalid UTF-8 replaced). */
int doctext_extract(Arena *arena, const char *data, size_t len, DocText **ret);

/* "text", "pdf", "docx", "odt" (static); NULL when out of range. */
const char *doctext_format_name(DocFormat f);

/* Used by doctext.c; one per format. Append to out (a StrBuf limited to
 * DOCTEXT_MAX_OUTPUT). */
struct StrBuf;
int doctext_pdf(const char *data, size_t len, struct StrBuf *out, size_t *ret_images);
int doctext_zip(const char *data, size_t len, DocFormat f, struct StrBuf *out, size_t *ret_images);

#endif
