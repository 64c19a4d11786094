/* XLSX writer (libxlsxwriter): one sheet per table of the document, the
 * header row bold and frozen, column widths from the content, numbers as
 * numbers. libxlsxwriter 1.1.4 writes to a file only, so the workbook goes
 * to a private temporary file that is read back and removed. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/utf8.h"
#include "render/doc.h"

#define SHEET_NAME_MAX 31 /* Excel's limit, in characters */
#define COL_WIDTH_MIN 8
#define COL_WIDTH_MAX 60

/* Sheet name from the caption: no []:*?/\ characters, at most 31
 * characters, unique in the workbook. */
static void sheet_name(lxw_workbook *wb, const char *caption, int n, char *out, size_t cap) {
        char base[SHEET_NAME_MAX * 4 + 1] = "";
        size_t w = 0, chars = 0;
        const char *s = caption ? caption : "";
        size_t len = strlen(s);
        for (size_t i = 0; i < len && chars < SHEET_NAME_MAX - 7;) { /* room for " (999)" */
                uint32_t cp;
                int k = utf8_decode(s + i, len - i, &cp);
                if (k < 0)
                        break;
                if (!strchr("[]:*?/\\'\n\t", (int)cp) || cp > 127) {
                        memcpy(base + w, s + i, (size_t)k);
                        w += (size_t)k;
                        chars++;
                }
                i += (size_t)k;
        }
        base[w] = '\0';
        if (w == 0)
                snprintf(base, sizeof base, "Table %d", n);
        snprintf(out, cap, "%s", base);
        for (int i = 2; workbook_get_worksheet_by_name(wb, out) && i < 1000; i++)
                snprintf(out, cap, "%s (%d)", base, i);
}

static void widths(lxw_worksheet *ws, const DocTable *t) {
        for (size_t c = 0; c < t->n_cols; c++) {
                size_t m = COL_WIDTH_MIN;
                for (size_t r = 0; r < t->n_rows; r++) {
                        const char *v = doc_cell(t, r, c);
                        size_t n = utf8_length(v, strlen(v)) + 2;
                        m = n > m ? n : m;
                }
                worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, (double)(m > COL_WIDTH_MAX ? COL_WIDTH_MAX : m),
                                     NULL);
        }
}

static int sheet(lxw_workbook *wb, const DocTable *t, int n, lxw_format *bold, lxw_format *wrap) {
        char name[SHEET_NAME_MAX * 4 + 16];
        sheet_name(wb, t->caption, n, name, sizeof name);
        lxw_worksheet *ws = workbook_add_worksheet(wb, name);
        if (!ws)
                return -EIO;
        for (size_t r = 0; r < t->n_rows; r++)
                for (size_t c = 0; c < t->n_cols; c++) {
                        const char *v = doc_cell(t, r, c);
                        lxw_error e;
                        if (r > 0 && t->col_type[c] == DOC_COL_NUMBER && doc_is_number(v))
                                e = worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, strtod(v, NULL), NULL);
                        else if (*v)
                                e = worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, v, r ? wrap : bold);
                        else
                                e = LXW_NO_ERROR;
                        if (e != LXW_NO_ERROR && e != LXW_ERROR_255_STRING_LENGTH_EXCEEDED &&
                            e != LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
                                return -EIO;
                }
        worksheet_freeze_panes(ws, 1, 0);
        widths(ws, t);
        return 0;
}

static int build(const Doc *d, const char *path) {
        lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
        lxw_workbook *wb = workbook_new_opt(path, &opt);
        if (!wb)
                return -EIO;
        lxw_format *bold = workbook_add_format(wb), *wrap = workbook_add_format(wb);
        format_set_bold(bold);
        format_set_text_wrap(wrap);
        format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
        int n = 0, r = 0;
        for (const DocBlock *b = d->first; b && r == 0; b = b->next)
                if (b->kind == DOC_TABLE)
                        r = sheet(wb, b->table, ++n, bold, wrap);
        if (r == 0 && n == 0 && !workbook_add_worksheet(wb, NULL))
                r = -EIO;
        lxw_doc_properties props = {.title = (char *)d->title, .author = "techdiv"};
        workbook_set_properties(wb, &props);
        lxw_error e = workbook_close(wb);
        return r < 0 ? r : e == LXW_NO_ERROR ? 0 : -EIO;
}

static int slurp(int fd, StrBuf *out) {
        char buf[16384];
        ssize_t n;
        size_t total = 0;
        while ((n = read(fd, buf, sizeof buf)) > 0) {
                total += (size_t)n;
                if (total > DOC_OUTPUT_MAX)
                        return -E2BIG;
                strbuf_append(out, buf, (size_t)n);
        }
        return n < 0 ? -EIO : strbuf_error(out);
}

int doc_render_xlsx(const Doc *d, StrBuf *out) {
        if (!d || !out)
                return -EINVAL;
        const char *dir = getenv("TMPDIR");
        char path[4096];
        snprintf(path, sizeof path, "%s/techdiv-xlsx-XXXXXX", dir && *dir ? dir : P_tmpdir);
        int fd = mkstemp(path);
        if (fd < 0)
                return -EIO;
        int r = build(d, path);
        if (r == 0) {
                int rfd = open(path, O_RDONLY | O_CLOEXEC);
                r = rfd < 0 ? -EIO : slurp(rfd, out);
                if (rfd >= 0)
                        close(rfd);
        }
        close(fd);
        unlink(path);
        return r;
}
