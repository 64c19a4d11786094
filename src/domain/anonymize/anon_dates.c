/* Dates of study and work become durations: in an experience or education
 * section (or on a line that names one), "2019–2022" becomes "3 years" and
 * "03/2019 - 06/2021" becomes "2 years 3 months", in the text's language.
 * Exact years of study and work tell a reviewer the writer's age; the
 * length of each job or degree is what a fair review needs. Dates of
 * projects stay dates (a line or section that names a project), and single
 * dates are left to the other rules (a birth date after its label is still
 * removed). A month may be written as a number ("03/2019") or named in the
 * text's language or in English ("Sep 2015 – Dec 2019", "settembre 2013 -
 * agosto 2015": the lexicon's "month" lines). */
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <errno.h>

#include "core/i18n.h"
#include "domain/anonymize/anon_session.h"

/* One end of a range: a year, optionally with a month (MM/YYYY, MM.YYYY,
 * MM-YYYY or YYYY-MM, YYYY/MM). */
typedef struct YearMonth {
        int year, month; /* month 0: the year alone */
        size_t end;
} YearMonth;

static bool digit_at(const Scan *sc, size_t p) {
        return p < sc->n && sc->t[p] >= '0' && sc->t[p] <= '9';
}

static size_t digits(const Scan *sc, size_t p, int *ret) {
        size_t q = p;
        int v = 0;
        while (digit_at(sc, q) && q - p < 5)
                v = v * 10 + (sc->t[q++] - '0');
        *ret = v;
        return q - p;
}

static bool plausible_year(int y) {
        return y >= 1950 && y <= 2099;
}

static bool read_ym(const Scan *sc, size_t p, YearMonth *ret) {
        int a = 0, b = 0;
        size_t la = digits(sc, p, &a);
        if (la == 0 || la > 4)
                return false;
        size_t q = p + la;
        bool sep = q + 1 < sc->n && (sc->t[q] == '/' || sc->t[q] == '.' || sc->t[q] == '-' || !sc->t[q]) && digit_at(sc, q + 1);
        size_t lb = sep ? digits(sc, q + 1, &b) : 0;
        if (la == 4 && plausible_year(a)) {
                if (lb >= 1 && lb <= 2 && b >= 1 && b <= 12 && !digit_at(sc, q + 1 + lb) &&
                    !(q + 1 + lb < sc->n && strchr("/.", sc->t[q + 1 + lb]))) { /* not a full date */
                        *ret = (YearMonth){ a, b, q + 1 + lb };
                        return true;
                }
                *ret = (YearMonth){ a, 0, q };
                return true;
        }
        if (la <= 2 && a >= 1 && a <= 12 && lb == 4 && plausible_year(b)) {
                *ret = (YearMonth){ b, a, q + 1 + lb };
                return true;
        }
        return false;
}

/* The dash or word between the two ends; returns the position after it. */
static size_t range_sep(const Scan *sc, size_t p) {
        while (p < sc->n && sc->t[p] == ' ')
                p++;
        if (p < sc->n && sc->t[p] == '-')
                p++;
        else if (p + 3 <= sc->n && (!memcmp(sc->t + p, "\xe2\x80\x93", 3) || !memcmp(sc->t + p, "\xe2\x80\x94", 3)))
                p += 3; /* en dash, em dash */
        else
                return 0;
        while (p < sc->n && sc->t[p] == ' ')
                p++;
        return p;
}

static const char *duration_text(Scan *sc, int months) {
        int y = months / 12, m = months % 12;
        char ys[64] = "", ms[64] = "";
        if (months <= 0)
                return i18n_gettext(sc->lang, N_("less than a year"));
        if (y)
                snprintf(ys, sizeof(ys), i18n_ngettext(sc->lang, "%d year", "%d years", (unsigned long)y), y);
        if (m)
                snprintf(ms, sizeof(ms), i18n_ngettext(sc->lang, "%d month", "%d months", (unsigned long)m), m);
        char *r = arena_printf(sc->arena, "%s%s%s", ys, y && m ? " " : "", ms);
        if (!r)
                sc->err = -ENOMEM;
        return r ? r : "";
}

/* A year alone at p (four digits, no month or day after it). */
static bool read_year(const Scan *sc, size_t p, YearMonth *ret) {
        int y;
        size_t l = digits(sc, p, &y), q = p + l;
        if (l != 4 || !plausible_year(y) || (q + 1 < sc->n && strchr("/.-", sc->t[q]) && digit_at(sc, q + 1)))
                return false;
        *ret = (YearMonth){ y, 0, q };
        return true;
}

/* Token k is a short function word between a month and its year ("de"). */
static bool of_word(const Scan *sc, size_t k) {
        const Tok *t = &sc->toks[k];
        return t->end - t->start <= 3 && !(t->flags & (TOK_CAP | TOK_NUM)) && (t->lf & LEX_STOP);
}

/* The month named by the word right before the year at p ("Sep 2015",
 * "Sept. 2015", "settembre 2013"): its number, and the word's start in
 * *ret_s; or 0. *kc: a token at or before it, moved on. */
static int month_before(const Scan *sc, size_t *kc, size_t p, size_t *ret_s) {
        if (p < 3 || sc->t[p - 1] != ' ' || !digit_at(sc, p + 3))
                return 0; /* a year has four digits */
        size_t q = p - 1 - (sc->t[p - 2] == '.');
        unsigned char c = (unsigned char)sc->t[q - 1];
        if (c < 0x80 && !is_alpha((char)c))
                return 0;
        while (*kc < sc->ntok && sc->toks[*kc].end < q)
                (*kc)++; /* the years of a line come in order: the cursor only moves on */
        size_t k = *kc;
        if (k >= sc->ntok || sc->toks[k].end != q)
                return 0;
        if (k > 0 && of_word(sc, k) && sc->toks[k - 1].end + 1 == sc->toks[k].start)
                k--; /* "setembro de 2013" */
        int m = anon_month_tok(sc, &sc->toks[k]);
        if (m)
                *ret_s = sc->toks[k].start;
        return m;
}

/* A named month and its year starting at p ("Dec 2019"). Tokens from k on. */
static bool read_named(const Scan *sc, size_t k, size_t p, YearMonth *ret) {
        if (p >= sc->n || (!is_alpha(sc->t[p]) && (unsigned char)sc->t[p] < 0x80))
                return false;
        while (k < sc->ntok && sc->toks[k].start < p)
                k++;
        if (k >= sc->ntok || sc->toks[k].start != p)
                return false;
        int m = anon_month_tok(sc, &sc->toks[k]);
        size_t q = sc->toks[k].end;
        q += q < sc->n && sc->t[q] == '.';
        if (k + 1 < sc->ntok && sc->toks[k + 1].start == q + 1 && of_word(sc, k + 1))
                q = sc->toks[k + 1].end; /* "agosto de 2015" */
        if (!m || q >= sc->n || sc->t[q] != ' ' || !read_year(sc, q + 1, ret))
                return false;
        ret->month = m;
        return true;
}

/* The end of the open end of a range starting at p ("Present", "oggi",
 * "do dziś", "până în prezent": a word of the "ongoing" cues, in the
 * text's language or in English, after at most two short lower-case
 * words), or of the line when nothing follows the dash; 0 when neither.
 * Tokens from k on. */
static size_t ongoing_end(const Scan *sc, size_t k, size_t p) {
        if (p >= sc->n || sc->t[p] == '\n' || sc->t[p] == '\r')
                return p; /* "Jan 2020 –" */
        while (k < sc->ntok && sc->toks[k].start < p)
                k++;
        for (size_t skipped = 0; k < sc->ntok && sc->toks[k].start == p; k++) {
                const Tok *t = &sc->toks[k];
                const LexWord *w = cue_word(sc, t);
                if (w && ((w->flags[sc->lang] | w->flags[LANG_EN]) & ANON_CUE_ONGOING))
                        return t->end;
                bool plain = !(t->flags & ~TOK_JOINED & ~TOK_SENT) && t->end - t->start <= 6;
                if (skipped++ == 2 || !plain || t->end >= sc->n || sc->t[t->end] != ' ')
                        return 0;
                p = t->end + 1;
        }
        return 0;
}

/* A range from the year (and month) a whose open end starts at q: an
 * ongoing job or degree. Its start stays, as a year ("Jan 2020 – Present"
 * becomes "2020 – Present", as "2020 – present" and "since 2020" are
 * written): the length of the current job is fine to show, its start
 * month adds nothing a review needs. The text does not depend on the
 * day it is read. Returns the range's end, or 0. */
static size_t open_range(Scan *sc, size_t kc, size_t start, const YearMonth *a, size_t q) {
        size_t e = ongoing_end(sc, kc, q);
        if (!e || !a->month)
                return e;
        const char *y = scan_printf(sc, "%d", a->year);
        if (y)
                scan_add(sc, start, a->end, ANON_CAT_DURATION, PRIO_RULE, y);
        return e;
}

/* A date range whose first year starts at p: adds its duration and
 * returns its end, or 0. *kc: a token of the line before p (see month_before()). */
static size_t try_range(Scan *sc, size_t *kc, size_t p) {
        YearMonth a, b;
        size_t start = p;
        int named = month_before(sc, kc, p, &start);
        if (named ? !read_year(sc, p, &a) : !read_ym(sc, p, &a))
                return 0;
        a.month = named ? named : a.month;
        size_t q = range_sep(sc, a.end);
        if (!q)
                return 0;
        if (!(named ? read_named(sc, *kc, q, &b) : read_ym(sc, q, &b)))
                return open_range(sc, *kc, start, &a, q);
        if ((a.month != 0) != (b.month != 0))
                return 0;
        if (b.end < sc->n && ((sc->t[b.end] | 0x20) >= 'a' && (sc->t[b.end] | 0x20) <= 'z'))
                return 0;
        int months = (b.year * 12 + b.month) - (a.year * 12 + a.month);
        if (months < 0 || months > 60 * 12)
                return 0;
        if (!a.month && months == 0)
                months = 0; /* "2019-2019": less than a year */
        scan_add(sc, start, b.end, ANON_CAT_DURATION, PRIO_RULE, duration_text(sc, months));
        return b.end;
}

enum { SEC_NONE, SEC_TIME, SEC_PROJECT };

/* The first digit in [p, e), or e. Most of a text has none: sixteen
 * bytes per step with SSE2, the byte loop as the portable fallback. */
static size_t next_digit(const char *t, size_t p, size_t e) {
#ifdef __SSE2__
        for (; p + 16 <= e; p += 16) {
                __m128i v = _mm_loadu_si128((const __m128i *)(t + p));
                __m128i d = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                          _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
                unsigned m = (unsigned)_mm_movemask_epi8(d);
                if (m)
                        return p + (size_t)__builtin_ctz(m);
        }
#endif
        while (p < e && (unsigned char)(t[p] - '0') > 9)
                p++;
        return p;
}

/* Flags of the words of line [s, e) (tokens from *k on), and how many. */
static uint16_t line_flags(const Scan *sc, size_t *k, size_t e, size_t *ret_words, bool *ret_caps) {
        uint16_t f = 0;
        size_t w = 0;
        bool caps = true, word = false;
        for (; *k < sc->ntok && sc->toks[*k].start < e; (*k)++) {
                const Tok *t = &sc->toks[*k];
                f |= t->lf;
                caps &= (t->flags & (TOK_ALLCAPS | TOK_NUM)) != 0 || t->end - t->start == 1;
                word |= (t->flags & TOK_ALLCAPS) != 0;
                w++;
        }
        *ret_words = w;
        *ret_caps = caps && word;
        return f;
}

/* The flags of the words of a long line [s, e) with a digit: no heading,
 * so only its words' lexicon flags matter (tokens from *k on). */
static uint16_t line_lf(const Scan *sc, size_t *k, size_t e) {
        uint16_t f = 0;
        size_t j = *k;
        for (; j < sc->ntok && sc->toks[j].start < e; j++)
                f |= sc->toks[j].lf;
        *k = j;
        return f;
}

/* The end of line [s, e) without its trailing blanks. */
static size_t trim_end(const Scan *sc, size_t s, size_t e) {
        while (e > s && (sc->t[e - 1] == ' ' || sc->t[e - 1] == '\r' || sc->t[e - 1] == '\t'))
                e--;
        return e;
}

/* A heading: a short line (te: its end without trailing blanks) in
 * capitals or ending with ':', or of at most three words when it names a
 * section (kw: "Experience", "Projects"). */
static bool heading_line(const Scan *sc, size_t s, size_t te, size_t words, bool caps, bool kw) {
        if (words == 0 || te - s > ANON_HEADING_LINE_MAX)
                return false;
        return (words <= 5 && (caps || sc->t[te - 1] == ':')) || (kw && words <= 3);
}

void anon_scan_durations(Scan *sc) {
        if (!sc->years)
                return; /* no year in this chunk: nothing to convert (the section is kept) */
        int sec = sc->s->date_section; /* a section goes on across chunks */
        size_t k = 0;
        for (size_t s = 0; s < sc->n && !sc->err;) {
                const char *nl = memchr(sc->t + s, '\n', sc->n - s);
                size_t e = nl ? (size_t)(nl - sc->t) : sc->n, words;
                bool caps;
                while (k < sc->ntok && sc->toks[k].start < s)
                        k++;
                size_t k0 = k; /* the line's first token */
                /* only a short line (a heading) or one with digits can matter */
                uint16_t f = 0;
                size_t d = next_digit(sc->t, s, e);
                words = 0, caps = false;
                size_t te = trim_end(sc, s, e);
                if (te - s > ANON_HEADING_LINE_MAX && d < e)
                        f = line_lf(sc, &k, e); /* never a heading: its shape is not needed */
                else if (e - s <= ANON_HEADING_LINE_MAX || d < e)
                        f = line_flags(sc, &k, e, &words, &caps);
                bool head = heading_line(sc, s, te, words, caps, f & (LEX_PROJECT | LEX_TIMEHEAD));
                if (f & LEX_PROJECT)
                        sec = head || sec == SEC_PROJECT ? SEC_PROJECT : sec;
                else if (f & LEX_TIMEHEAD)
                        sec = head || sec != SEC_PROJECT ? SEC_TIME : sec;
                else if (head || (f & LEX_REFHEAD))
                        sec = SEC_NONE;
                bool convert = !(f & LEX_PROJECT) && (sec == SEC_TIME || (f & LEX_TIMEHEAD));
                for (size_t p = d; convert && p < e; p = next_digit(sc->t, p, e)) {
                        size_t r = 0;
                        if (p == 0 || !(digit_at(sc, p - 1) || ((sc->t[p - 1] | 0x20) >= 'a' &&
                                                                (sc->t[p - 1] | 0x20) <= 'z')))
                                r = try_range(sc, &k0, p);
                        while (digit_at(sc, p))
                                p++;
                        if (r > p)
                                p = r;
                }
                s = e + 1;
        }
        sc->s->date_section = sec;
}
