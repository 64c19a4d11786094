#include "render/doc.h"

#include <errno.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"

/* Drops what no output format can carry: C0 controls other than tab and
 * newline, U+FFFE/U+FFFF; CR LF and lone CR become LF. In place. */
static void strip_controls(char *s) {
        char *w = s;
        for (const char *r = s; *r; r++) {
                unsigned char c = (unsigned char)*r;
                if (c == '\r') {
                        *w++ = '\n';
                        if (r[1] == '\n')
                                r++;
                } else if (c == 0xEF && (unsigned char)r[1] == 0xBF &&
                           ((unsigned char)r[2] == 0xBE || (unsigned char)r[2] == 0xBF)) {
                        r += 2;
                } else if (c >= 0x20 || c == '\t' || c == '\n') {
                        *w++ = (char)c;
                }
        }
        *w = '\0';
}

/* Arena copy, valid UTF-8, cut at DOC_TEXT_MAX; NULL on OOM. */
static const char *copy_text(Doc *d, const char *s) {
        if (!s)
                s = "";
        size_t n = strlen(s);
        if (n > DOC_TEXT_MAX)
                n = utf8_truncate(s, n, DOC_TEXT_MAX);
        char *c = utf8_sanitize(d->arena, s, n);
        if (c)
                strip_controls(c);
        return c;
}

Doc *doc_new(Arena *a, const char *title, const char *lang) {
        Doc *d = arena_alloc(a, sizeof *d);
        if (!d)
                return NULL;
        d->arena = a;
        d->title = copy_text(d, title);
        d->lang = copy_text(d, lang && *lang ? lang : "en");
        d->subject = "";
        return d->title && d->lang ? d : NULL;
}

static DocBlock *add_block(Doc *d, DocKind kind) {
        DocBlock *b = arena_alloc(d->arena, sizeof *b);
        if (!b)
                return NULL;
        b->kind = kind;
        if (d->last)
                d->last->next = b;
        else
                d->first = b;
        d->last = b;
        d->n_blocks++;
        return b;
}

int doc_heading(Doc *d, int level, const char *text) {
        if (!d || level < 1 || level > DOC_HEADING_LEVEL_MAX)
                return -EINVAL;
        const char *t = copy_text(d, text);
        DocBlock *b = t ? add_block(d, DOC_HEADING) : NULL;
        if (!b)
                return -ENOMEM;
        b->level = level;
        b->text = t;
        return 0;
}

int doc_paragraph(Doc *d, const char *text) {
        if (!d)
                return -EINVAL;
        const char *t = copy_text(d, text);
        DocBlock *b = t ? add_block(d, DOC_PARAGRAPH) : NULL;
        if (!b)
                return -ENOMEM;
        b->text = t;
        return 0;
}

int doc_page_break(Doc *d) {
        return d ? (add_block(d, DOC_PAGE_BREAK) ? 0 : -ENOMEM) : -EINVAL;
}

static int new_items_block(Doc *d, DocKind kind, DocBlock **ret) {
        if (!d || !ret)
                return -EINVAL;
        DocBlock *b = add_block(d, kind);
        if (!b)
                return -ENOMEM;
        *ret = b;
        return 0;
}

int doc_list(Doc *d, DocBlock **ret) {
        return new_items_block(d, DOC_LIST, ret);
}

int doc_kv(Doc *d, DocBlock **ret) {
        return new_items_block(d, DOC_KV, ret);
}

/* Grows b->items (arena array, doubling) to hold need strings. */
static int grow_items(Doc *d, DocBlock *b, size_t need) {
        if (need <= b->cap_items)
                return 0;
        if (need > (size_t)DOC_TABLE_ROWS_MAX * 2)
                return -E2BIG;
        size_t cap = b->cap_items ? b->cap_items * 2 : 8;
        while (cap < need)
                cap *= 2;
        const char **n = arena_alloc(d->arena, cap * sizeof *n);
        if (!n)
                return -ENOMEM;
        size_t used = b->kind == DOC_KV ? b->n_items * 2 : b->n_items;
        if (used)
                memcpy(n, b->items, used * sizeof *n);
        b->items = n;
        b->cap_items = cap;
        return 0;
}

int doc_list_add(Doc *d, DocBlock *list, const char *item) {
        if (!d || !list || list->kind != DOC_LIST)
                return -EINVAL;
        int r = grow_items(d, list, list->n_items + 1);
        const char *t = r == 0 ? copy_text(d, item) : NULL;
        if (r < 0)
                return r;
        if (!t)
                return -ENOMEM;
        list->items[list->n_items++] = t;
        return 0;
}

int doc_kv_add(Doc *d, DocBlock *kv, const char *key, const char *value) {
        if (!d || !kv || kv->kind != DOC_KV)
                return -EINVAL;
        int r = grow_items(d, kv, kv->n_items * 2 + 2);
        if (r < 0)
                return r;
        const char *k = copy_text(d, key), *v = copy_text(d, value);
        if (!k || !v)
                return -ENOMEM;
        kv->items[kv->n_items * 2] = k;
        kv->items[kv->n_items * 2 + 1] = v;
        kv->n_items++;
        return 0;
}

static int table_grow(Doc *d, DocTable *t) {
        if (t->n_rows >= DOC_TABLE_ROWS_MAX)
                return -E2BIG;
        if (t->n_rows < t->cap_rows)
                return 0;
        size_t cap = t->cap_rows ? t->cap_rows * 2 : 16;
        const char **c = arena_alloc(d->arena, cap * t->n_cols * sizeof *c);
        if (!c)
                return -ENOMEM;
        if (t->n_rows)
                memcpy(c, t->cells, t->n_rows * t->n_cols * sizeof *c);
        t->cells = c;
        t->cap_rows = cap;
        return 0;
}

int doc_table_row(Doc *d, DocTable *t, const char *const *cells) {
        if (!d || !t || !cells)
                return -EINVAL;
        int r = table_grow(d, t);
        if (r < 0)
                return r;
        const char **row = t->cells + t->n_rows * t->n_cols;
        for (size_t i = 0; i < t->n_cols; i++)
                if (!(row[i] = copy_text(d, cells[i])))
                        return -ENOMEM;
        t->n_rows++;
        return 0;
}

int doc_table(Doc *d, const char *caption, size_t n_cols, const char *const *header, DocTable **ret) {
        if (!d || !ret || !header || n_cols == 0 || n_cols > DOC_TABLE_COLS_MAX)
                return -EINVAL;
        DocTable *t = arena_alloc(d->arena, sizeof *t);
        if (!t)
                return -ENOMEM;
        t->n_cols = n_cols;
        t->caption = caption ? copy_text(d, caption) : NULL;
        for (size_t i = 0; i < n_cols; i++)
                t->col_width[i] = 1;
        int r = doc_table_row(d, t, header);
        if (r < 0)
                return r;
        DocBlock *b = add_block(d, DOC_TABLE);
        if (!b)
                return -ENOMEM;
        b->table = t;
        *ret = t;
        return 0;
}

const char *doc_cell(const DocTable *t, size_t row, size_t col) {
        if (!t || row >= t->n_rows || col >= t->n_cols)
                return "";
        return t->cells[row * t->n_cols + col];
}

bool doc_is_number(const char *s) {
        if (!s)
                return false;
        if (*s == '-')
                s++;
        size_t int_digits = strspn(s, "0123456789");
        if (int_digits == 0 || int_digits > 15)
                return false;
        s += int_digits;
        if (*s == '.') {
                size_t frac = strspn(s + 1, "0123456789");
                if (frac == 0 || frac > 6)
                        return false;
                s += 1 + frac;
        }
        return *s == '\0';
}

int doc_chart(Doc *d, const char *title, const char *unit, size_t n_series, const char *const *series,
              DocChart **ret) {
        if (!d || !ret || n_series == 0 || n_series > DOC_CHART_SERIES_MAX || !series)
                return -EINVAL;
        DocChart *c = arena_alloc(d->arena, sizeof *c);
        if (!c)
                return -ENOMEM;
        c->title = copy_text(d, title);
        c->unit = copy_text(d, unit);
        c->n_series = n_series;
        for (size_t i = 0; i < n_series; i++)
                c->series[i] = copy_text(d, series[i]);
        c->cats = arena_alloc(d->arena, DOC_CHART_CATS_MAX * sizeof *c->cats);
        c->values = arena_alloc(d->arena, DOC_CHART_CATS_MAX * n_series * sizeof *c->values);
        c->has_value = arena_alloc(d->arena, DOC_CHART_CATS_MAX * n_series * sizeof *c->has_value);
        DocBlock *b = c->cats && c->values && c->has_value ? add_block(d, DOC_CHART) : NULL;
        if (!b)
                return -ENOMEM;
        b->chart = c;
        *ret = c;
        return 0;
}

int doc_chart_add(Doc *d, DocChart *c, const char *category, const int64_t *values, const bool *has_value) {
        if (!d || !c || !values)
                return -EINVAL;
        if (c->n_cats >= DOC_CHART_CATS_MAX)
                return -E2BIG;
        if (!(c->cats[c->n_cats] = copy_text(d, category)))
                return -ENOMEM;
        for (size_t s = 0; s < c->n_series; s++) {
                c->values[c->n_cats * c->n_series + s] = values[s];
                c->has_value[c->n_cats * c->n_series + s] = has_value ? has_value[s] : true;
        }
        c->n_cats++;
        return 0;
}

static const char *const exts[DOC_FORMAT_MAX] = {"pdf", "docx", "odt", "xlsx"};
static const char *const mimes[DOC_FORMAT_MAX] = {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const char *doc_format_ext(DocFormat f) {
        return (unsigned)f < DOC_FORMAT_MAX ? exts[f] : NULL;
}

const char *doc_format_mime(DocFormat f) {
        return (unsigned)f < DOC_FORMAT_MAX ? mimes[f] : NULL;
}

int doc_format_parse(const char *s, DocFormat *ret) {
        for (int i = 0; s && i < DOC_FORMAT_MAX; i++)
                if (strcasecmp(s, exts[i]) == 0) {
                        *ret = (DocFormat)i;
                        return 0;
                }
        return -EINVAL;
}

int doc_render(const Doc *d, DocFormat fmt, StrBuf *out) {
        switch (fmt) {
        case DOC_FORMAT_PDF:
                return doc_render_pdf(d, out);
        case DOC_FORMAT_DOCX:
                return doc_render_docx(d, out);
        case DOC_FORMAT_ODT:
                return doc_render_odt(d, out);
        case DOC_FORMAT_XLSX:
                return doc_render_xlsx(d, out);
        default:
                return -EINVAL;
        }
}

static bool lang_code_ok(const char *s, size_t n) {
        if (n < 2 || n > 3)
                return false;
        for (size_t i = 0; i < n; i++)
                if (s[i] < 'a' || s[i] > 'z')
                        return false;
        return true;
}

const char *doc_lang_span(Arena *a, const char *lang, const char *text) {
        if (!lang || !text || !lang_code_ok(lang, strlen(lang)))
                return NULL;
        return arena_printf(a, DOC_LANG_OPEN "%s" DOC_LANG_SEP "%s" DOC_LANG_CLOSE, lang, text);
}

int doc_lang_next(const char *s, DocLangSpan *ret) {
        const char *open = strstr(s, DOC_LANG_OPEN);
        while (open) {
                const char *code = open + DOC_LANG_MARK_LEN, *sep = strstr(code, DOC_LANG_SEP);
                const char *close = sep ? strstr(sep + DOC_LANG_MARK_LEN, DOC_LANG_CLOSE) : NULL;
                if (sep && close && lang_code_ok(code, (size_t)(sep - code))) {
                        *ret = (DocLangSpan){ .start = open, .code = code, .code_len = (size_t)(sep - code),
                                              .text = sep + DOC_LANG_MARK_LEN,
                                              .text_len = (size_t)(close - sep - DOC_LANG_MARK_LEN),
                                              .end = close + DOC_LANG_MARK_LEN };
                        return 1;
                }
                open = strstr(open + DOC_LANG_MARK_LEN, DOC_LANG_OPEN);
        }
        return 0;
}
