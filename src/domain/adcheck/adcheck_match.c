/* Matching data against the tokens of an ad: phrase patterns, gender-coded
 * words and one-gender job titles. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domain/adcheck/adcheck_internal.h"

static bool alt_matches(const AdText *t, const Tok *k, const PatAlt *a) {
        if (a->prefix ? k->flen < a->len : k->flen != a->len)
                return false;
        return memcmp(tok_str(t, k), a->s, a->len) == 0;
}

static bool tok_matches(const AdText *t, const Tok *k, const PatTok *pt) {
        switch (pt->kind) {
        case PT_NUM:
                return k->digits;
        case PT_ANY:
                return k->kind == TOK_WORD;
        default:
                for (int i = 0; i < pt->n_alts; i++)
                        if (alt_matches(t, k, &pt->alts[i]))
                                return true;
                return false;
        }
}

/* Matches pattern tokens pi.. at text token ti, all within one sentence. */
static bool match_from(const AdText *t, const Pattern *p, int pi, size_t ti, uint32_t sent, size_t *ret_last) {
        if (pi == p->n) {
                *ret_last = ti - 1;
                return true;
        }
        if (ti >= t->n || t->toks[ti].sent != sent)
                return false;
        const PatTok *pt = &p->toks[pi];
        if (pt->kind != PT_GAP) {
                if (!tok_matches(t, &t->toks[ti], pt))
                        return false;
                return match_from(t, p, pi + 1, ti + 1, sent, ret_last);
        }
        for (size_t g = 0; g <= ADCHECK_MAX_GAP_WORDS && ti + g < t->n; g++) {
                if (t->toks[ti + g].sent != sent)
                        break;
                if (match_from(t, p, pi + 1, ti + g, sent, ret_last))
                        return true;
        }
        return false;
}

static int push_match(MatchList *ml, const Lexicon *lx, int32_t pat, size_t first, size_t last) {
        for (size_t j = ml->n; j-- > 0 && ml->v[j].first == first;)
                if (ml->v[j].pat == &lx->patterns[pat])
                        return 0; /* the same pattern via another alternative */
        if (ml->n == ml->cap) {
                size_t cap = ml->cap ? ml->cap * 2 : 32;
                Match *v = realloc(ml->v, cap * sizeof(*v));
                if (!v)
                        return -ENOMEM;
                ml->v = v;
                ml->cap = cap;
        }
        ml->v[ml->n++] = (Match){ lx->patterns[pat].category, first, last, &lx->patterns[pat] };
        return 0;
}

static int try_list(const Lexicon *lx, const AdText *t, size_t i, int32_t trig, MatchList *ml) {
        for (; trig >= 0; trig = lx->triggers[trig].next) {
                int32_t pat = lx->triggers[trig].pattern;
                size_t last;
                if (match_from(t, &lx->patterns[pat], 0, i, t->toks[i].sent, &last)) {
                        int r = push_match(ml, lx, pat, i, last);
                        if (r < 0)
                                return r;
                }
        }
        return 0;
}

static bool is_cp_start(const char *s, size_t i) { return ((unsigned char)s[i] & 0xC0) != 0x80; }

int adcheck_match_patterns(const Lexicon *lx, const AdText *t, MatchList *ml) {
        for (size_t i = 0; i < t->n; i++) {
                const Tok *k = &t->toks[i];
                const char *w = tok_str(t, k);
                int r = try_list(lx, t, i, tok_get(&lx->trig_exact, t, k), ml);
                if (r == 0 && k->digits)
                        r = try_list(lx, t, i, lx->trig_num, ml);
                uint32_t h = STRMAP_HASH_INIT;
                size_t max = k->flen < lx->max_trig_prefix ? k->flen : lx->max_trig_prefix;
                for (size_t l = 1; r == 0 && l <= max; l++) {
                        h = strmap_hash_more(h, w + l - 1, 1);
                        if (l < k->flen && !is_cp_start(w, l))
                                continue;
                        r = try_list(lx, t, i, strmap_get_h(&lx->trig_prefix, w, l, h), ml);
                }
                if (r < 0)
                        return r;
        }
        return 0;
}

int adcheck_coded_word(const Lexicon *lx, const AdText *t, const Tok *k) {
        if (k->kind != TOK_WORD || k->digits)
                return 0;
        const char *w = tok_str(t, k);
        if (tok_get(&lx->exceptions, t, k) >= 0)
                return 0;
        uint32_t h = STRMAP_HASH_INIT;
        size_t max = k->flen < lx->max_stem ? k->flen : lx->max_stem;
        for (size_t l = 1; l <= max; l++) {
                h = strmap_hash_more(h, w + l - 1, 1);
                if (l < k->flen && !is_cp_start(w, l))
                        continue;
                int32_t v = strmap_get_h(&lx->stems, w, l, h);
                if (v == 1 || v == 2)
                        return v == 1 ? 1 : -1;
        }
        return 0;
}

int adcheck_title_of(const Lexicon *lx, const AdText *t, const Tok *k) {
        if (k->kind != TOK_WORD)
                return -1;
        return tok_get(&lx->title_map, t, k);
}

static bool tok_is(const AdText *t, size_t i, const char *s) {
        if (i >= t->n)
                return false;
        const Tok *k = &t->toks[i];
        return k->flen == strlen(s) && memcmp(tok_str(t, k), s, k->flen) == 0;
}

/* Letters used in gender markers: m/f, m/w/d, k/m, m/ž, α/γ, h/f, x. */
static int marker_letter(const AdText *t, size_t i) {
        if (i >= t->n || t->toks[i].kind != TOK_WORD)
                return 0;
        static const char *const male[] = { "m", "α", "h", "b" };
        static const char *const other[] = { "f", "w", "d", "k", "z", "γ", "x", "ζ", "ž" };
        for (size_t j = 0; j < sizeof(male) / sizeof(male[0]); j++)
                if (tok_is(t, i, male[j]))
                        return 1;
        for (size_t j = 0; j < sizeof(other) / sizeof(other[0]); j++)
                if (tok_is(t, i, other[j]))
                        return 2;
        return 0;
}

bool adcheck_has_gender_marker(const AdText *t) {
        for (size_t i = 0; i + 2 < t->n; i++) {
                if (t->toks[i].flen > 2 || !tok_is(t, i + 1, "/"))
                        continue;
                int a = marker_letter(t, i);
                if (!a)
                        continue;
                int b = marker_letter(t, i + 2);
                if (b && (a | b) == 3)
                        return true;
        }
        return false;
}

static bool word_at(const AdText *t, size_t i) { return i < t->n && t->toks[i].kind == TOK_WORD; }

bool adcheck_title_paired(const Lexicon *lx, const AdText *t, size_t i, const Title *ti) {
        /* "programador/a", "Programista/Programistka", "programador(a)" */
        if ((tok_is(t, i + 1, "/") || tok_is(t, i + 1, "(")) && word_at(t, i + 2) && t->toks[i + 2].gap == 0)
                return true;
        if (i >= 2 && tok_is(t, i - 1, "/") && word_at(t, i - 2) && t->toks[i].gap == 0)
                return true;
        size_t olen = strlen(ti->other);
        if (!olen)
                return false;
        for (size_t j = 0; j < t->n; j++)
                if (t->toks[j].flen == olen && memcmp(tok_str(t, &t->toks[j]), ti->other, olen) == 0)
                        return true;
        return false;
}
