/* One run of the checker over an ad: patterns, coded words, titles and pay,
 * with positive-action sentences and look-alike phrases taken out. */
#include <errno.h>
#include <stdlib.h>
#include <sys/types.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/adcheck/adcheck_internal.h"

typedef struct Run {
        const Lexicon *lx;
        const AdText *t;
        Arena *a;
        MatchList ml;
        bool *positive;   /* per sentence: holds a positive-action phrase */
        size_t n_sent;
        AdcheckFinding *f;
        size_t n, cap;
        bool truncated;
        unsigned masculine, feminine;
} Run;

static bool in_lookalike(const Run *r, size_t first, size_t last) {
        for (size_t i = 0; i < r->ml.n; i++) {
                const Match *m = &r->ml.v[i];
                if (m->category == PAT_LOOKALIKE && m->first <= last && first <= m->last)
                        return true;
        }
        return false;
}

static bool suppressed(const Run *r, size_t first, size_t last) {
        return r->positive[r->t->toks[first].sent] || in_lookalike(r, first, last);
}

/* Index of a finding of category c overlapping [start, end), or -1. */
static ssize_t overlap_same(const Run *r, AdcheckCategory c, size_t start, size_t end) {
        for (size_t i = r->n; i-- > 0;)
                if (r->f[i].category == c && r->f[i].start < end && start < r->f[i].end)
                        return (ssize_t)i;
        return -1;
}

/* True when [start, end) lies inside a phrase already reported: a coded
 * word inside "ευχάριστη εμφάνιση" is not reported twice. */
static bool inside_phrase(const Run *r, size_t start, size_t end) {
        for (size_t i = 0; i < r->n; i++)
                if (r->f[i].start <= start && end <= r->f[i].end)
                        return true;
        return false;
}

static int add(Run *r, AdcheckCategory c, size_t start, size_t end, const char *msg, const char *sugg, int coded) {
        ssize_t same = overlap_same(r, c, start, end);
        if (same >= 0 && r->f[same].end - r->f[same].start >= end - start)
                return 0; /* keep the longer of two overlapping matches */
        if (same < 0 && r->n == ADCHECK_MAX_FINDINGS) {
                r->truncated = true;
                return 0;
        }
        if (same < 0 && r->n == r->cap) {
                size_t cap = r->cap ? r->cap * 2 : 16;
                AdcheckFinding *v = realloc(r->f, cap * sizeof(*v));
                if (!v)
                        return -ENOMEM;
                r->f = v;
                r->cap = cap;
        }
        const char *text = utf8_sanitize(r->a, r->t->src + start, end - start);
        if (!text)
                return -ENOMEM;
        r->f[same >= 0 ? (size_t)same : r->n++] = (AdcheckFinding){ .category = c, .severity = adcheck_category_severity(c), .start = start,
                                         .end = end, .text = text, .message = msg,
                                         .suggestion = sugg ? sugg : adcheck_category_suggestion(c),
                                         .suggestion_is_msgid = sugg == NULL, .coded = coded };
        return 0;
}

static int add_patterns(Run *r) {
        for (size_t i = 0; i < r->ml.n; i++) {
                const Match *m = &r->ml.v[i];
                if (m->category == PAT_POSITIVE)
                        r->positive[r->t->toks[m->first].sent] = true;
        }
        for (size_t i = 0; i < r->ml.n; i++) {
                const Match *m = &r->ml.v[i];
                if (m->category >= ADCHECK_CATEGORY_MAX || suppressed(r, m->first, m->last))
                        continue;
                AdcheckCategory c = (AdcheckCategory)m->category;
                int e = add(r, c, r->t->toks[m->first].start, r->t->toks[m->last].end, adcheck_category_message(c),
                            m->pat->suggestion, 0);
                if (e < 0)
                        return e;
        }
        return 0;
}

static int add_words(Run *r) {
        const AdText *t = r->t;
        bool marker = adcheck_has_gender_marker(t);
        for (size_t i = 0; i < t->n; i++) {
                const Tok *k = &t->toks[i];
                int sign = adcheck_coded_word(r->lx, t, k);
                int e = 0;
                if (sign && !suppressed(r, i, i) && !inside_phrase(r, k->start, k->end)) {
                        if (sign > 0)
                                r->masculine++;
                        else
                                r->feminine++;
                        e = add(r, ADCHECK_GENDERED_WORDING, k->start, k->end, adcheck_coded_message(sign), NULL,
                                sign);
                }
                int ti = marker ? -1 : adcheck_title_of(r->lx, t, k);
                if (e == 0 && ti >= 0 && !suppressed(r, i, i) &&
                    !adcheck_title_paired(r->lx, t, i, &r->lx->titles[ti]))
                        e = add(r, ADCHECK_GENDERED_TITLE, k->start, k->end,
                                adcheck_category_message(ADCHECK_GENDERED_TITLE), r->lx->titles[ti].suggestion, 0);
                if (e < 0)
                        return e;
        }
        return 0;
}

static int cmp_finding(const void *a, const void *b) {
        const AdcheckFinding *x = a, *y = b;
        if (x->start != y->start)
                return x->start < y->start ? -1 : 1;
        if (x->category != y->category)
                return x->category < y->category ? -1 : 1;
        return x->end < y->end ? -1 : x->end > y->end;
}

static int finish(Run *r, Lang lang, AdcheckPay *pay, AdcheckResult **ret) {
        AdcheckResult *res = arena_alloc(r->a, sizeof(*res));
        AdcheckFinding *f = r->n ? arena_memdup(r->a, r->f, r->n * sizeof(*f)) : NULL;
        if (!res || (r->n && !f))
                return -ENOMEM;
        if (r->n)
                qsort(f, r->n, sizeof(*f), cmp_finding);
        *res = (AdcheckResult){ .lang = lang, .findings = f, .n_findings = r->n, .truncated = r->truncated,
                                .masculine = r->masculine, .feminine = r->feminine, .pay = *pay };
        *ret = res;
        return 0;
}

static int run_rules(Run *r, Lang lang, AdcheckResult **ret) {
        int e = adcheck_match_patterns(r->lx, r->t, &r->ml);
        if (e < 0)
                return e;
        r->n_sent = r->t->n ? r->t->toks[r->t->n - 1].sent + 1 : 1;
        r->positive = calloc(r->n_sent, sizeof(bool));
        if (!r->positive)
                return -ENOMEM;
        if ((e = add_patterns(r)) < 0 || (e = add_words(r)) < 0)
                return e;
        AdcheckPay pay;
        adcheck_find_pay(r->lx, r->t, &pay);
        if (!pay.found &&
            (e = add(r, ADCHECK_PAY_MISSING, 0, 0, adcheck_category_message(ADCHECK_PAY_MISSING), NULL, 0)) < 0)
                return e;
        return finish(r, lang, &pay, ret);
}

int adcheck_run(const AdcheckEngine *e, Arena *a, const char *text, size_t len, int lang,
                AdcheckResult **ret_result) {
        if (!e || !a || (!text && len) || !ret_result || lang < 0 || lang > ADCHECK_LANG_AUTO)
                return -EINVAL;
        if (len > ADCHECK_MAX_AD_BYTES)
                return -E2BIG;
        AdText t;
        int r = adtext_build(&t, text ? text : "", len);
        if (r == 0 && lang == ADCHECK_LANG_AUTO)
                lang = (int)adcheck_detect_tokens(e, &t);
        Run run = { .lx = &e->lex[lang < (int)LANG_MAX ? lang : LANG_EN], .t = &t, .a = a };
        if (r == 0)
                r = run_rules(&run, (Lang)lang, ret_result);
        free(run.ml.v);
        free(run.positive);
        free(run.f);
        adtext_free(&t);
        return r;
}
