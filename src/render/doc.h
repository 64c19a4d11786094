/* A small document model that every export writer walks: headings,
 * paragraphs, bullet lists, tables with header rows, bar charts, key-value
 * blocks and page breaks. All text is UTF-8 (sanitised on entry) and owned
 * by the document's arena; builders copy what they are given.
 *
 * Walk it as:  for (const DocBlock *b = doc->first; b; b = b->next)
 *                      switch (b->kind) { ... }
 */
#ifndef TD_RENDER_DOC_H
#define TD_RENDER_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/strbuf.h"

#define DOC_TEXT_MAX      100000 /* bytes of one text; longer is cut at a code point */
#define DOC_TABLE_COLS_MAX 16
#define DOC_TABLE_ROWS_MAX 5000
#define DOC_CHART_SERIES_MAX 4
#define DOC_CHART_CATS_MAX 60
#define DOC_HEADING_LEVEL_MAX 3
#define DOC_OUTPUT_MAX ((size_t)64 * 1024 * 1024) /* bytes of one rendered file */

typedef enum DocKind {
        DOC_HEADING,
        DOC_PARAGRAPH,
        DOC_LIST,
        DOC_TABLE,
        DOC_CHART,
        DOC_KV,
        DOC_PAGE_BREAK,
        DOC_KIND_MAX
} DocKind;

typedef enum DocColType { DOC_COL_TEXT, DOC_COL_NUMBER, DOC_COL_TYPE_MAX } DocColType;

typedef struct DocTable {
        const char *caption;     /* may be NULL; also the XLSX sheet name */
        size_t n_cols, n_rows;   /* n_rows includes the header row */
        const char **cells;      /* row-major, n_rows × n_cols, never NULL entries */
        DocColType col_type[DOC_TABLE_COLS_MAX];
        int col_width[DOC_TABLE_COLS_MAX]; /* relative widths, > 0 */
        size_t cap_rows;
} DocTable;

/* Grouped bar chart: one group per category, one bar per series. */
typedef struct DocChart {
        const char *title, *unit;
        size_t n_series, n_cats;
        const char *series[DOC_CHART_SERIES_MAX];
        const char **cats;
        int64_t *values;   /* n_cats × n_series */
        bool *has_value;   /* false: no bar (e.g. no actual yet) */
} DocChart;

typedef struct DocBlock {
        DocKind kind;
        int level;          /* heading 1..3 */
        const char *text;   /* heading, paragraph */
        const char **items; /* list items; kv: keys and values alternate */
        size_t n_items;     /* list: items; kv: pairs */
        size_t cap_items;
        DocTable *table;
        DocChart *chart;
        struct DocBlock *next;
} DocBlock;

typedef struct Doc {
        Arena *arena;
        const char *title, *lang, *subject; /* lang: BCP 47 code, e.g. "el" */
        DocBlock *first, *last;
        size_t n_blocks;
} Doc;

typedef enum DocFormat { DOC_FORMAT_PDF, DOC_FORMAT_DOCX, DOC_FORMAT_ODT, DOC_FORMAT_XLSX, DOC_FORMAT_MAX } DocFormat;

/* A stretch of text in another language than the document's, for the
 * HTML writer's lang attribute: OPEN code SEP text CLOSE, private-use code
 * points U+E000..U+E002. Other writers do not expect them. */
#define DOC_LANG_OPEN  "\xee\x80\x80"
#define DOC_LANG_SEP   "\xee\x80\x81"
#define DOC_LANG_CLOSE "\xee\x80\x82"
#define DOC_LANG_MARK_LEN 3
/* text wrapped as such a span (arena a); NULL on OOM or a code that is
 * not 2-3 lower-case letters. */
const char *doc_lang_span(Arena *a, const char *lang, const char *text);
/* The first well-formed span in s: 1 and *ret (pointers into s), or 0. */
typedef struct DocLangSpan {
        const char *start, *code, *text, *end; /* end: just after the span */
        size_t code_len, text_len;
} DocLangSpan;
int doc_lang_next(const char *s, DocLangSpan *ret);

/* A new empty document in arena a (which owns it). NULL on OOM. */
Doc *doc_new(Arena *a, const char *title, const char *lang);

/* Builders: 0, or -ENOMEM / -EINVAL (bad level, too many columns...) /
 * -E2BIG (over a limit). Text is copied and made valid UTF-8. */
int doc_heading(Doc *d, int level, const char *text);
int doc_paragraph(Doc *d, const char *text);
int doc_page_break(Doc *d);
/* Starts a list; then doc_list_add(). *ret owned by d. */
int doc_list(Doc *d, DocBlock **ret);
int doc_list_add(Doc *d, DocBlock *list, const char *item);
int doc_kv(Doc *d, DocBlock **ret);
int doc_kv_add(Doc *d, DocBlock *kv, const char *key, const char *value);
/* A table with its header row; then doc_table_row() with n_cols cells
 * (NULL cells become ""). */
int doc_table(Doc *d, const char *caption, size_t n_cols, const char *const *header, DocTable **ret);
int doc_table_row(Doc *d, DocTable *t, const char *const *cells);
int doc_chart(Doc *d, const char *title, const char *unit, size_t n_series, const char *const *series,
              DocChart **ret);
int doc_chart_add(Doc *d, DocChart *c, const char *category, const int64_t *values, const bool *has_value);

const char *doc_cell(const DocTable *t, size_t row, size_t col);
/* true for a plain decimal number: -?digits(.digits)? (no exponent, no
 * spaces), which writers store as a number rather than text. */
bool doc_is_number(const char *s);

/* Renders d into out (appended). 0, or -ENOMEM / -EIO (library failure) /
 * -E2BIG (over DOC_OUTPUT_MAX). XLSX holds the tables only, one sheet each. */
int doc_render(const Doc *d, DocFormat fmt, StrBuf *out);
int doc_render_pdf(const Doc *d, StrBuf *out);
int doc_render_docx(const Doc *d, StrBuf *out);
int doc_render_odt(const Doc *d, StrBuf *out);
int doc_render_xlsx(const Doc *d, StrBuf *out);
/* "pdf", "docx", ... and their MIME types (static). */
const char *doc_format_ext(DocFormat f);
const char *doc_format_mime(DocFormat f);
int doc_format_parse(const char *s, DocFormat *ret);

#endif
