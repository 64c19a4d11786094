/* PDF text through poppler-glib, laid out again from the position of every
 * character (poppler_page_get_text_layout). poppler's own page text joins
 * the lines of a two-column CV that share a height, with nothing between
 * them ("Maria RossiWork experience", "maria@example.com2019 - 2023"), and
 * then neither the name nor the e-mail is found. So:
 *   1. the page text is cut into runs: a run ends at a line end or at a
 *      gap wider than the characters are high;
 *   2. runs are ordered by recursive cuts (the XY-cut of page layout
 *      analysis): a vertical gutter no run crosses parts columns, read
 *      left before right, unless the runs on its two sides share their
 *      lines (a label and its value, a table: then they stay side by
 *      side); otherwise the widest horizontal gap parts top from bottom;
 *   3. a region without cuts is written as lines, runs on one line
 *      joined by a tab (the anonymiser's field separator).
 * Pages over DOCTEXT_PDF_MAX_RUNS runs keep poppler's order. Images are
 * only counted. */
#include <errno.h>
#include <math.h>
#include <poppler.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "domain/doctext/doctext.h"

typedef struct Run {
        double x1, y1, x2, y2;
        const char *s; /* into poppler's page text */
        size_t len;
} Run;

static double cy(const Run *r) {
        return (r->y1 + r->y2) / 2;
}

static double height(const Run *r) {
        return r->y2 - r->y1 > 1 ? r->y2 - r->y1 : 1;
}

/* Cuts text into runs; returns their number, or (size_t)-1 over max. */
static size_t cut_runs(const char *text, const PopplerRectangle *rc, guint n, Run *runs, size_t max) {
        size_t k = 0;
        Run *cur = NULL;
        const char *p = text;
        for (guint i = 0; i < n && *p; i++, p = g_utf8_next_char(p)) {
                const char *next = g_utf8_next_char(p);
                if (*p == '\n') {
                        cur = NULL;
                        continue;
                }
                const PopplerRectangle *c = &rc[i];
                double h = fmax(c->y2 - c->y1, cur ? height(cur) : 0);
                if (cur && (fabs((c->y1 + c->y2) / 2 - cy(cur)) > h / 2 || c->x1 - cur->x2 > h || c->x1 < cur->x1 - h))
                        cur = NULL; /* another line, a wide gap, or back to the left */
                if (*p == ' ' || *p == '\t')
                        continue; /* a blank neither starts a run nor widens it */
                if (!cur) {
                        if (k == max)
                                return (size_t)-1;
                        cur = &runs[k++];
                        *cur = (Run){ c->x1, c->y1, c->x2, c->y2, p, 0 };
                }
                cur->x2 = fmax(cur->x2, c->x2);
                cur->y1 = fmin(cur->y1, c->y1);
                cur->y2 = fmax(cur->y2, c->y2);
                cur->len = (size_t)(next - cur->s);
        }
        return k;
}

static int by_x1(const void *a, const void *b) {
        const Run *p = a, *q = b;
        return (p->x1 > q->x1) - (p->x1 < q->x1);
}

static int by_y1(const void *a, const void *b) {
        const Run *p = a, *q = b;
        return (p->y1 > q->y1) - (p->y1 < q->y1);
}

static int by_cy(const void *a, const void *b) {
        double p = cy(a), q = cy(b);
        return (p > q) - (p < q);
}

/* The widest gap in the projection of the runs, sorted by their start
 * (x when vertical): sets *ret_at to its middle. Returns its width, 0 when none. */
static double widest_gap(const Run *r, size_t n, bool vertical, double *ret_at) {
        double best = 0, end = vertical ? r[0].x2 : r[0].y2;
        for (size_t i = 1; i < n; i++) {
                double s = vertical ? r[i].x1 : r[i].y1, e = vertical ? r[i].x2 : r[i].y2;
                if (s - end > best) {
                        best = s - end;
                        *ret_at = (s + end) / 2;
                }
                end = fmax(end, e);
        }
        return best;
}

typedef struct Mid {
        double cy, h;
} Mid;

static int by_mid(const void *a, const void *b) {
        const Mid *p = a, *q = b;
        return (p->cy > q->cy) - (p->cy < q->cy);
}

/* True when at least half the runs of the side with fewer share a line
 * with a run of the other side: their middles within a quarter of the
 * lower height (a label and its value sit on one baseline; the lines of
 * a sidebar and a main column, in different sizes, seldom do). */
static bool sides_aligned(const Run *r, size_t n, double x) {
        Mid *right = malloc(sizeof(*right) * n);
        if (!right)
                return true; /* no cut: lines stay whole either way */
        size_t left = 0, nr = 0, aligned = 0;
        for (size_t i = 0; i < n; i++)
                if (r[i].x2 > x)
                        right[nr++] = (Mid){ cy(&r[i]), height(&r[i]) };
        qsort(right, nr, sizeof(*right), by_mid);
        for (size_t i = 0; i < n; i++) {
                if (r[i].x2 > x)
                        continue;
                left++;
                double c = cy(&r[i]), h = height(&r[i]);
                size_t lo = 0, hi = nr; /* first right middle at or above c - h / 4 */
                while (lo < hi) {
                        size_t mid = (lo + hi) / 2;
                        if (right[mid].cy < c - h / 4)
                                lo = mid + 1;
                        else
                                hi = mid;
                }
                for (size_t j = lo; j < nr && right[j].cy < c + h / 4; j++)
                        if (fabs(right[j].cy - c) < fmin(h, right[j].h) / 4) {
                                aligned++;
                                break;
                        }
        }
        free(right);
        size_t fewer = left < nr ? left : nr;
        return fewer > 0 && aligned * 2 >= fewer;
}

/* Moves the runs that end before at (x2 or y2) to the front; returns their number. */
static size_t partition(Run *r, size_t n, bool vertical, double at) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
                if ((vertical ? r[i].x2 : r[i].y2) <= at) {
                        Run t = r[k];
                        r[k++] = r[i];
                        r[i] = t;
                }
        return k;
}

static void write_run(StrBuf *out, const Run *r) {
        strbuf_append(out, r->s, r->len);
}

/* Runs as lines: by height, runs whose middles are within half a
 * character height on one line, left to right, joined by a tab. */
static void write_lines(Run *r, size_t n, StrBuf *out) {
        qsort(r, n, sizeof(*r), by_cy);
        for (size_t i = 0; i < n;) {
                size_t j = i + 1;
                while (j < n && cy(&r[j]) - cy(&r[i]) < fmin(height(&r[i]), height(&r[j])) / 2)
                        j++;
                qsort(r + i, j - i, sizeof(*r), by_x1);
                for (size_t k = i; k < j; k++) {
                        if (k > i)
                                strbuf_putc(out, '\t');
                        write_run(out, &r[k]);
                }
                strbuf_putc(out, '\n');
                i = j;
        }
}

static void order(Run *r, size_t n, int depth, StrBuf *out) {
        if (n == 0)
                return;
        double hsum = 0, at = 0;
        for (size_t i = 0; i < n; i++)
                hsum += height(&r[i]);
        if (n > 1 && depth < DOCTEXT_PDF_MAX_CUTS) {
                qsort(r, n, sizeof(*r), by_x1);
                if (widest_gap(r, n, true, &at) >= hsum / (double)n && !sides_aligned(r, n, at)) {
                        size_t k = partition(r, n, true, at);
                        order(r, k, depth + 1, out);
                        order(r + k, n - k, depth + 1, out);
                        return;
                }
                qsort(r, n, sizeof(*r), by_y1);
                if (widest_gap(r, n, false, &at) > 0) {
                        size_t k = partition(r, n, false, at);
                        order(r, k, depth + 1, out);
                        order(r + k, n - k, depth + 1, out);
                        return;
                }
        }
        write_lines(r, n, out);
}

/* One page's text in reading order; poppler's order when the layout is
 * missing or has too many runs. */
static void page_text(PopplerPage *page, StrBuf *out) {
        char *t = poppler_page_get_text(page);
        if (!t)
                return;
        PopplerRectangle *rc = NULL;
        guint n = 0;
        size_t chars = (size_t)g_utf8_strlen(t, -1), k = (size_t)-1;
        Run *runs = NULL;
        if (poppler_page_get_text_layout(page, &rc, &n) && n == chars &&
            (runs = malloc(sizeof(*runs) * (n < DOCTEXT_PDF_MAX_RUNS ? n + 1 : DOCTEXT_PDF_MAX_RUNS))))
                k = cut_runs(t, rc, n, runs, n < DOCTEXT_PDF_MAX_RUNS ? n + 1 : DOCTEXT_PDF_MAX_RUNS);
        if (k == (size_t)-1) {
                strbuf_puts(out, t);
                strbuf_putc(out, '\n');
        } else {
                order(runs, k, 0, out);
        }
        free(runs);
        g_free(rc);
        g_free(t);
}

int doctext_pdf(const char *data, size_t len, StrBuf *out, size_t *ret_images) {
        GBytes *bytes = g_bytes_new(data, len);
        GError *err = NULL;
        PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
        g_bytes_unref(bytes);
        if (!doc) {
                g_clear_error(&err);
                return -EINVAL;
        }
        int pages = poppler_document_get_n_pages(doc), r = 0;
        size_t images = 0;
        if (pages > DOCTEXT_MAX_PAGES)
                r = -E2BIG;
        for (int i = 0; i < pages && r == 0; i++) {
                PopplerPage *page = poppler_document_get_page(doc, i);
                if (!page)
                        continue;
                page_text(page, out);
                GList *imgs = poppler_page_get_image_mapping(page);
                images += g_list_length(imgs);
                poppler_page_free_image_mapping(imgs);
                g_object_unref(page);
                r = strbuf_error(out);
        }
        g_object_unref(doc);
        if (r == 0)
                *ret_images = images;
        return r;
}
