/* Skill search: a word vocabulary with label postings, a deletion index
 * (SymSpell) for typos, and a scoring pass over the labels the query
 * words reach. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/esco/esco_internal.h"

#define MAX_CPS 24 /* longer words get no typo tolerance */
enum { Q_EXACT = 8, Q_PREFIX = 5, Q_TYPO1 = 4, Q_TYPO2 = 2 };

static size_t to_cps(const char *s, uint32_t *cps, size_t max) {
        size_t n = 0, len = strlen(s);
        for (size_t i = 0; i < len && n < max + 1;) {
                uint32_t cp = 0xFFFD;
                int k = utf8_decode(s + i, len - i, &cp);
                cps[n++] = cp;
                i += k > 0 ? (size_t)k : 1;
        }
        return n;
}

static uint64_t hash_cps_without(const uint32_t *cps, size_t n, size_t skip1, size_t skip2) {
        uint32_t tmp[MAX_CPS];
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
                if (i != skip1 && i != skip2)
                        tmp[k++] = cps[i];
        return esco_hash_bytes(tmp, k * sizeof *tmp);
}

static int max_typos(size_t ncp) { return ncp >= 8 ? 2 : ncp >= 4 ? 1 : 0; }
/* Vocabulary side must cover every query that may reach it. */
static int index_typos(size_t ncp) { return ncp >= 6 ? 2 : ncp >= 3 ? 1 : 0; }

/* ---- building ---- */

typedef struct Builder {
        EscoIndex *idx;
        SearchSet *ss;
        HashMap words; /* hash(word) -> tmp id */
        char **tmp_words;
        size_t n_words, cap_words;
        uint64_t *pairs; /* (tmp word << 32) | label */
        size_t n_pairs, cap_pairs;
        uint32_t label;
        uint16_t nwords;
} Builder;

static int builder_word(void *ud, const char *norm, size_t len, size_t start, size_t end) {
        Builder *b = ud;
        (void)start, (void)end;
        if (esco_text_is_stopword(norm))
                return 0;
        b->nwords++;
        uint64_t h = esco_hash_bytes(norm, len);
        size_t pos = 0;
        uint32_t id, found = UINT32_MAX;
        while (found == UINT32_MAX && esco_hmap_next(&b->words, h, &pos, &id))
                if (strcmp(b->tmp_words[id], norm) == 0)
                        found = id;
        if (found == UINT32_MAX) {
                if (b->n_words == b->cap_words) {
                        size_t c = b->cap_words ? b->cap_words * 2 : 4096;
                        char **w = realloc(b->tmp_words, c * sizeof *w);
                        if (!w)
                                return -ENOMEM;
                        b->tmp_words = w, b->cap_words = c;
                        HashMap m;
                        if (esco_hmap_init(&m, c) < 0)
                                return -ENOMEM;
                        for (size_t i = 0; i < b->n_words; i++)
                                esco_hmap_put(&m, esco_hash_bytes(w[i], strlen(w[i])), (uint32_t)i);
                        esco_hmap_free(&b->words);
                        b->words = m;
                }
                if (!(b->tmp_words[b->n_words] = arena_strndup(b->idx->arena, norm, len)))
                        return -ENOMEM;
                found = (uint32_t)b->n_words++;
                esco_hmap_put(&b->words, h, found);
        }
        if (b->n_pairs == b->cap_pairs) {
                size_t c = b->cap_pairs ? b->cap_pairs * 2 : 65536;
                uint64_t *p = realloc(b->pairs, c * sizeof *p);
                if (!p)
                        return -ENOMEM;
                b->pairs = p, b->cap_pairs = c;
        }
        b->pairs[b->n_pairs++] = ((uint64_t)found << 32) | b->label;
        return 0;
}

static int add_label(Builder *b, uint32_t concept, const char *text, bool preferred, size_t first_of_concept) {
        EscoIndex *idx = b->idx;
        SearchSet *ss = b->ss;
        char norm[1024];
        size_t n = esco_text_normalize(text, strlen(text), norm, sizeof norm);
        if (!n)
                return 0;
        for (size_t i = first_of_concept; i < ss->n_labels; i++)
                if (strcmp(ss->labels[i].norm, norm) == 0)
                        return 0;
        Label *l = &ss->labels[ss->n_labels];
        l->concept = concept;
        l->text = text;
        l->preferred = preferred;
        if (!(l->norm = arena_strndup(idx->arena, norm, n)))
                return -ENOMEM;
        b->label = (uint32_t)ss->n_labels;
        b->nwords = 0;
        int rc = esco_text_words(norm, n, builder_word, b);
        if (rc)
                return rc < 0 ? rc : -ENOMEM;
        l->nwords = b->nwords;
        ss->n_labels++;
        return 0;
}

typedef struct ConceptLabels {
        const char *label;
        const char *const *alts;
        size_t n_alts;
} ConceptLabels;

static ConceptLabels concept_labels(const EscoIndex *idx, int set, uint32_t i) {
        if (set == ESCO_SET_SKILLS)
                return (ConceptLabels){idx->skills[i].label, idx->skills[i].alt_labels, idx->skills[i].n_alt_labels};
        return (ConceptLabels){idx->occs[i].label, idx->occs[i].alt_labels, idx->occs[i].n_alt_labels};
}

static int build_labels(Builder *b, int set) {
        SearchSet *ss = b->ss;
        size_t n = set == ESCO_SET_SKILLS ? b->idx->n_skills : b->idx->n_occs, total = 0;
        for (uint32_t i = 0; i < n; i++)
                total += 1 + concept_labels(b->idx, set, i).n_alts;
        if (!(ss->labels = calloc(total + 1, sizeof *ss->labels)))
                return -ENOMEM;
        for (uint32_t i = 0; i < n; i++) {
                ConceptLabels c = concept_labels(b->idx, set, i);
                size_t first = ss->n_labels;
                int rc = add_label(b, i, c.label, true, first);
                for (size_t k = 0; rc == 0 && k < c.n_alts; k++)
                        rc = add_label(b, i, c.alts[k], false, first);
                if (rc < 0)
                        return rc;
        }
        return 0;
}

/* Preferred labels win the exact-label map over alternative ones. */
static int build_label_map(SearchSet *idx) {
        if (esco_hmap_init(&idx->label_by_norm, idx->n_labels) < 0)
                return -ENOMEM;
        for (int pass = 0; pass < 2; pass++)
                for (size_t i = 0; i < idx->n_labels; i++) {
                        const Label *l = &idx->labels[i];
                        uint32_t dummy;
                        if (l->preferred != (pass == 0))
                                continue;
                        if (pass == 1 && esco_set_find_norm(idx, l->norm, &dummy) == 0)
                                continue;
                        esco_hmap_put(&idx->label_by_norm, esco_hash_bytes(l->norm, strlen(l->norm)), (uint32_t)i);
                }
        return 0;
}

static int word_cmp(const void *a, const void *b, void *words) {
        char **w = words;
        return strcmp(w[*(const uint32_t *)a], w[*(const uint32_t *)b]);
}

static int build_vocab(Builder *b) {
        SearchSet *idx = b->ss;
        size_t n = b->n_words;
        uint32_t *order = malloc((n + 1) * sizeof *order), *rank = malloc((n + 1) * sizeof *rank);
        idx->vocab = malloc((n + 1) * sizeof *idx->vocab);
        idx->post_off = calloc(n + 2, sizeof *idx->post_off);
        idx->postings = malloc((b->n_pairs + 1) * sizeof *idx->postings);
        if (!order || !rank || !idx->vocab || !idx->post_off || !idx->postings) {
                free(order), free(rank);
                return -ENOMEM;
        }
        for (size_t i = 0; i < n; i++)
                order[i] = (uint32_t)i;
        qsort_r(order, n, sizeof *order, word_cmp, b->tmp_words);
        for (size_t i = 0; i < n; i++) {
                rank[order[i]] = (uint32_t)i;
                idx->vocab[i] = b->tmp_words[order[i]];
        }
        idx->n_vocab = (uint32_t)n;
        for (size_t i = 0; i < b->n_pairs; i++)
                idx->post_off[rank[b->pairs[i] >> 32] + 1]++;
        for (size_t i = 0; i < n; i++)
                idx->post_off[i + 1] += idx->post_off[i];
        uint32_t *fill = order; /* reuse as cursor */
        memcpy(fill, idx->post_off, n * sizeof *fill);
        for (size_t i = 0; i < b->n_pairs; i++)
                idx->postings[fill[rank[b->pairs[i] >> 32]]++] = (uint32_t)b->pairs[i];
        free(order);
        free(rank);
        return 0;
}

static int build_deletes(SearchSet *idx) {
        size_t count = 0;
        uint32_t cps[MAX_CPS + 1];
        for (uint32_t w = 0; w < idx->n_vocab; w++) {
                size_t n = to_cps(idx->vocab[w], cps, MAX_CPS);
                int d = n <= MAX_CPS ? index_typos(n) : 0;
                count += d == 0 ? 0 : d == 1 ? n + 1 : n + 1 + n * (n - 1) / 2;
        }
        if (esco_hmap_init(&idx->deletes, count + 16) < 0)
                return -ENOMEM;
        for (uint32_t w = 0; w < idx->n_vocab; w++) {
                size_t n = to_cps(idx->vocab[w], cps, MAX_CPS);
                int d = n <= MAX_CPS ? index_typos(n) : 0;
                if (d >= 1)
                        esco_hmap_put(&idx->deletes, hash_cps_without(cps, n, SIZE_MAX, SIZE_MAX), w);
                for (size_t i = 0; d >= 1 && i < n; i++) {
                        esco_hmap_put(&idx->deletes, hash_cps_without(cps, n, i, SIZE_MAX), w);
                        for (size_t j = i + 1; d >= 2 && j < n; j++)
                                esco_hmap_put(&idx->deletes, hash_cps_without(cps, n, i, j), w);
                }
        }
        return 0;
}

static int build_set(EscoIndex *idx, int set) {
        Builder b = {.idx = idx, .ss = &idx->search[set]};
        int rc = esco_hmap_init(&b.words, 4096);
        if (rc == 0)
                rc = build_labels(&b, set);
        if (rc == 0)
                rc = build_vocab(&b);
        if (rc == 0)
                rc = build_label_map(b.ss);
        if (rc == 0)
                rc = build_deletes(b.ss);
        esco_hmap_free(&b.words);
        free(b.tmp_words);
        free(b.pairs);
        return rc;
}

int esco_search_build(EscoIndex *idx) {
        int rc = 0;
        for (int set = 0; rc == 0 && set < ESCO_SET_MAX; set++)
                rc = build_set(idx, set);
        return rc;
}

void esco_search_free(EscoIndex *idx) {
        for (int set = 0; set < ESCO_SET_MAX; set++) {
                SearchSet *ss = &idx->search[set];
                free(ss->labels);
                free(ss->vocab);
                free(ss->post_off);
                free(ss->postings);
                esco_hmap_free(&ss->deletes);
                esco_hmap_free(&ss->label_by_norm);
        }
}

int esco_set_find_norm(const SearchSet *ss, const char *norm, uint32_t *ret_label) {
        size_t pos = 0;
        uint32_t v;
        uint64_t h = esco_hash_bytes(norm, strlen(norm));
        while (esco_hmap_next(&ss->label_by_norm, h, &pos, &v))
                if (strcmp(ss->labels[v].norm, norm) == 0) {
                        *ret_label = v;
                        return 0;
                }
        return -ENOENT;
}

int esco_index_find_label(const EscoIndex *idx, const char *label, uint32_t *ret_id) {
        char norm[1024];
        uint32_t l;
        if (!idx || !idx->finished || !label)
                return -EINVAL;
        const SearchSet *ss = &idx->search[ESCO_SET_SKILLS];
        if (!esco_text_normalize(label, strlen(label), norm, sizeof norm) || esco_set_find_norm(ss, norm, &l) < 0)
                return -ENOENT;
        *ret_id = ss->labels[l].concept;
        return 0;
}

/* ---- querying ---- */

/* Optimal string alignment distance, or limit+1 when over limit. */
static int osa_bounded(const uint32_t *a, size_t n, const uint32_t *b, size_t m, int limit) {
        if ((n > m ? n - m : m - n) > (size_t)limit)
                return limit + 1;
        int rows[3][MAX_CPS + 2];
        int *pp = rows[0], *p = rows[1], *c = rows[2];
        for (size_t j = 0; j <= m; j++)
                p[j] = (int)j;
        for (size_t i = 1; i <= n; i++) {
                c[0] = (int)i;
                int best = c[0];
                for (size_t j = 1; j <= m; j++) {
                        int cost = a[i - 1] != b[j - 1];
                        int v = p[j - 1] + cost;
                        if (p[j] + 1 < v)
                                v = p[j] + 1;
                        if (c[j - 1] + 1 < v)
                                v = c[j - 1] + 1;
                        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
                                v = pp[j - 2] + 1;
                        c[j] = v;
                        if (v < best)
                                best = v;
                }
                if (best > limit)
                        return limit + 1;
                int *t = pp;
                pp = p, p = c, c = t;
        }
        return p[m] > limit ? limit + 1 : p[m];
}

typedef struct Cand {
        uint32_t word;
        uint8_t quality;
} Cand;

typedef struct CandList {
        Cand *c;
        size_t n, cap;
} CandList;

static int cand_add(CandList *l, uint32_t word, uint8_t q) {
        if (l->n == l->cap) {
                size_t c = l->cap ? l->cap * 2 : 64;
                Cand *p = realloc(l->c, c * sizeof *p);
                if (!p)
                        return -ENOMEM;
                l->c = p, l->cap = c;
        }
        l->c[l->n++] = (Cand){word, q};
        return 0;
}

static uint32_t lower_bound(const SearchSet *idx, const char *w) {
        uint32_t lo = 0, hi = idx->n_vocab;
        while (lo < hi) {
                uint32_t mid = lo + (hi - lo) / 2;
                if (strcmp(idx->vocab[mid], w) < 0)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return lo;
}

static int probe(const SearchSet *idx, uint64_t h, const uint32_t *q, size_t n, int d, CandList *out) {
        uint32_t v[MAX_CPS + 1];
        size_t pos = 0;
        uint32_t word;
        while (esco_hmap_next(&idx->deletes, h, &pos, &word)) {
                size_t m = to_cps(idx->vocab[word], v, MAX_CPS);
                int dist = m <= MAX_CPS ? osa_bounded(q, n, v, m, d) : d + 1;
                if (dist >= 1 && dist <= d && cand_add(out, word, dist == 1 ? Q_TYPO1 : Q_TYPO2) < 0)
                        return -ENOMEM;
        }
        return 0;
}

/* Words within the typo budget share a deletion variant with the query. */
static int typo_cands(const SearchSet *idx, const char *w, CandList *out) {
        uint32_t q[MAX_CPS + 1];
        size_t n = to_cps(w, q, MAX_CPS);
        int d = n <= MAX_CPS ? max_typos(n) : 0;
        if (d == 0)
                return 0;
        int rc = probe(idx, hash_cps_without(q, n, SIZE_MAX, SIZE_MAX), q, n, d, out);
        for (size_t i = 0; rc == 0 && i < n; i++) {
                rc = probe(idx, hash_cps_without(q, n, i, SIZE_MAX), q, n, d, out);
                for (size_t j = i + 1; rc == 0 && d >= 2 && j < n; j++)
                        rc = probe(idx, hash_cps_without(q, n, i, j), q, n, d, out);
        }
        return rc;
}

static int word_cands(const SearchSet *idx, const char *w, bool last, CandList *out) {
        uint32_t lo = lower_bound(idx, w);
        size_t len = strlen(w);
        bool exact = lo < idx->n_vocab && strcmp(idx->vocab[lo], w) == 0;
        if (exact && cand_add(out, lo, Q_EXACT) < 0)
                return -ENOMEM;
        if (last && len >= 2) {
                /* two or three letters expand to fewer words: they say little yet */
                uint32_t limit = len == 2 ? ESCO_SEARCH_MAX_PREFIX_WORDS / 16
                                 : len == 3 ? ESCO_SEARCH_MAX_PREFIX_WORDS / 4
                                            : ESCO_SEARCH_MAX_PREFIX_WORDS;
                for (uint32_t i = lo, k = 0; i < idx->n_vocab && k < limit; i++, k++) {
                        if (strncmp(idx->vocab[i], w, len) != 0)
                                break;
                        if (idx->vocab[i][len] && cand_add(out, i, Q_PREFIX) < 0)
                                return -ENOMEM;
                }
        }
        /* A word ESCO knows is taken as meant: looking for its neighbours
         * ("photography" -> "photographs") costs time and adds noise. */
        return exact ? 0 : typo_cands(idx, w, out);
}

static int cand_cmp(const void *a, const void *b) {
        const Cand *x = a, *y = b;
        return (int)y->quality - (int)x->quality;
}

typedef struct QueryWords {
        char w[ESCO_SEARCH_MAX_WORDS][ESCO_TEXT_MAX_WORD_BYTES + 8];
        size_t n, n_all;
        char norm[ESCO_SEARCH_MAX_QUERY_BYTES * 4 + 16];
        size_t norm_len;
} QueryWords;

static int query_word(void *ud, const char *norm, size_t len, size_t start, size_t end) {
        QueryWords *q = ud;
        (void)start, (void)end;
        if (q->norm_len + len + 2 < sizeof q->norm) {
                if (q->norm_len)
                        q->norm[q->norm_len++] = ' ';
                memcpy(q->norm + q->norm_len, norm, len + 1);
                q->norm_len += len;
        }
        q->n_all++;
        if (q->n < ESCO_SEARCH_MAX_WORDS && !esco_text_is_stopword(norm))
                memcpy(q->w[q->n++], norm, len + 1);
        return 0;
}

typedef struct Acc {
        uint8_t mask;
        uint8_t nmatched;
        uint16_t q;
} Acc;

typedef struct Scored {
        uint32_t label;
        int score;
} Scored;

static int scored_cmp(const void *a, const void *b) {
        const Scored *x = a, *y = b;
        if (x->score != y->score)
                return y->score > x->score ? 1 : -1;
        return x->label < y->label ? -1 : x->label > y->label;
}

typedef struct Touched {
        uint32_t *v;
        size_t n, cap;
} Touched;

/* Credits the labels holding word with the query words in bits (those
 * not credited yet), quality points each. */
static int mark(const SearchSet *idx, uint32_t word, unsigned bits, unsigned quality, Acc *acc, Touched *t) {
        for (uint32_t p = idx->post_off[word]; p < idx->post_off[word + 1]; p++) {
                Acc *a = &acc[idx->postings[p]];
                unsigned fresh = bits & ~a->mask;
                if (!fresh)
                        continue;
                if (!a->mask) {
                        if (t->n == t->cap) {
                                size_t cap = t->cap ? t->cap * 2 : 1024;
                                uint32_t *v = realloc(t->v, cap * sizeof *v);
                                if (!v)
                                        return -ENOMEM;
                                t->v = v, t->cap = cap;
                        }
                        t->v[t->n++] = idx->postings[p];
                }
                unsigned k = (unsigned)__builtin_popcount(fresh);
                a->mask |= (uint8_t)fresh;
                a->nmatched = (uint8_t)(a->nmatched + k);
                a->q = (uint16_t)(a->q + k * quality);
        }
        return 0;
}

/* "team work" also matches labels with "teamwork". */
static int compounds(const SearchSet *idx, const QueryWords *qw, Acc *acc, Touched *t) {
        char joined[2 * (ESCO_TEXT_MAX_WORD_BYTES + 8)];
        for (size_t i = 0; i + 1 < qw->n; i++) {
                snprintf(joined, sizeof joined, "%s%s", qw->w[i], qw->w[i + 1]);
                uint32_t lo = lower_bound(idx, joined);
                if (lo < idx->n_vocab && strcmp(idx->vocab[lo], joined) == 0) {
                        int rc = mark(idx, lo, (1u << i) | (1u << (i + 1)), Q_EXACT, acc, t);
                        if (rc)
                                return rc;
                }
        }
        return 0;
}

static int accumulate(const SearchSet *idx, const QueryWords *qw, Acc *acc, uint32_t **touched, size_t *n_touched) {
        CandList cl = {0};
        Touched t = {0};
        int rc = 0;
        for (size_t i = 0; rc == 0 && i < qw->n; i++) {
                cl.n = 0;
                if ((rc = word_cands(idx, qw->w[i], i + 1 == qw->n, &cl)) < 0)
                        break;
                if (cl.n)
                        qsort(cl.c, cl.n, sizeof *cl.c, cand_cmp);
                for (size_t c = 0; c < cl.n && rc == 0; c++)
                        rc = mark(idx, cl.c[c].word, 1u << i, cl.c[c].quality, acc, &t);
        }
        if (rc == 0)
                rc = compounds(idx, qw, acc, &t);
        free(cl.c);
        *touched = t.v;
        *n_touched = t.n;
        return rc;
}

typedef struct Hit {
        uint32_t concept;
        const char *text;
        bool preferred;
        int score;
} Hit;

static int label_score(const EscoIndex *ix, int set, const QueryWords *qw, uint32_t label, const Acc *a) {
        const Label *l = &ix->search[set].labels[label];
        int s = a->q * 100;
        if (l->preferred)
                s += 60;
        if (strcmp(l->norm, qw->norm) == 0)
                s += 300;
        else if (strncmp(l->norm, qw->norm, qw->norm_len) == 0)
                s += 80;
        if (set == ESCO_SET_SKILLS && ix->skills[l->concept].digital)
                s += 25;
        if (l->nwords <= a->nmatched)
                s += 150; /* every word of the label was asked for */
        else
                s -= 20 * (l->nwords - a->nmatched);
        return s;
}

/* One entry per concept (its best label), then only the concepts are
 * sorted: there are far fewer concepts than labels. */
static int rank_hits(const EscoIndex *ix, int set, const QueryWords *qw, const Acc *acc, const uint32_t *touched,
                     size_t n_touched, Hit *hits, size_t max, size_t *ret_n) {
        const SearchSet *ss = &ix->search[set];
        size_t n_concepts = set == ESCO_SET_SKILLS ? ix->n_skills : ix->n_occs;
        int32_t *slot = malloc((n_concepts + 1) * sizeof *slot);
        Scored *sc = malloc((n_touched + 1) * sizeof *sc);
        if (!slot || !sc) {
                free(slot), free(sc);
                return -ENOMEM;
        }
        memset(slot, 0xff, (n_concepts + 1) * sizeof *slot); /* -1: no entry yet */
        unsigned need = (unsigned)qw->n;
        size_t n = 0;
        for (int pass = 0; pass < 2 && n == 0; pass++, need--) {
                if (pass == 1 && qw->n < 2)
                        break; /* with 2+ words, one may be a miss */
                for (size_t i = 0; i < n_touched; i++) {
                        if (acc[touched[i]].nmatched < need)
                                continue;
                        uint32_t c = ss->labels[touched[i]].concept;
                        Scored s = {touched[i], label_score(ix, set, qw, touched[i], &acc[touched[i]])};
                        if (slot[c] < 0) {
                                slot[c] = (int32_t)n;
                                sc[n++] = s;
                        } else if (scored_cmp(&s, &sc[slot[c]]) < 0) {
                                sc[slot[c]] = s;
                        }
                }
        }
        if (n)
                qsort(sc, n, sizeof *sc, scored_cmp);
        size_t k = 0;
        for (; k < n && k < max; k++) {
                const Label *l = &ss->labels[sc[k].label];
                hits[k] = (Hit){l->concept, l->text, l->preferred, sc[k].score};
        }
        free(slot);
        free(sc);
        *ret_n = k;
        return 0;
}

static int search_set(const EscoIndex *idx, int set, const char *query, Hit *hits, size_t max, size_t *ret_n) {
        if (!idx || !idx->finished || !query || (!hits && max))
                return -EINVAL;
        size_t qlen = strlen(query);
        if (qlen > ESCO_SEARCH_MAX_QUERY_BYTES)
                return -E2BIG;
        if (max > ESCO_SEARCH_MAX_HITS)
                max = ESCO_SEARCH_MAX_HITS;
        const SearchSet *ss = &idx->search[set];
        QueryWords *qw = calloc(1, sizeof *qw);
        if (!qw)
                return -ENOMEM;
        esco_text_words(query, qlen, query_word, qw);
        if (qw->n == 0 || max == 0 || ss->n_labels == 0) {
                free(qw);
                *ret_n = 0;
                return 0;
        }
        Acc *acc = calloc(ss->n_labels, sizeof *acc);
        uint32_t *touched = NULL;
        size_t n_touched = 0;
        int rc = acc ? accumulate(ss, qw, acc, &touched, &n_touched) : -ENOMEM;
        if (rc == 0)
                rc = rank_hits(idx, set, qw, acc, touched, n_touched, hits, max, ret_n);
        free(acc);
        free(touched);
        free(qw);
        return rc;
}

int esco_search(const EscoIndex *idx, const char *query, EscoSearchHit *hits, size_t max, size_t *ret_n) {
        Hit h[ESCO_SEARCH_MAX_HITS];
        size_t n = 0;
        int rc = search_set(idx, ESCO_SET_SKILLS, query, h, max < ESCO_SEARCH_MAX_HITS ? max : ESCO_SEARCH_MAX_HITS, &n);
        if (rc)
                return rc;
        for (size_t i = 0; i < n; i++)
                hits[i] = (EscoSearchHit){h[i].concept, &idx->skills[h[i].concept], h[i].text, h[i].preferred, h[i].score};
        *ret_n = n;
        return 0;
}

int esco_search_occupations(const EscoIndex *idx, const char *query, EscoOccupationHit *hits, size_t max,
                            size_t *ret_n) {
        Hit h[ESCO_SEARCH_MAX_HITS];
        size_t n = 0;
        int rc = search_set(idx, ESCO_SET_OCCUPATIONS, query, h, max < ESCO_SEARCH_MAX_HITS ? max : ESCO_SEARCH_MAX_HITS, &n);
        if (rc)
                return rc;
        for (size_t i = 0; i < n; i++)
                hits[i] = (EscoOccupationHit){h[i].concept, &idx->occs[h[i].concept], h[i].text, h[i].preferred,
                                              h[i].score};
        *ret_n = n;
        return 0;
}
