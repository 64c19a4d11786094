/* Trains the anonymiser's learned name scorer for one language.
 * Reads JSON lines {"text": ..., "names": [[start, end], ...]} (byte
 * offsets of the persons' names) on standard input, runs the anonymiser's
 * rules on each text with the training callback, and learns an averaged
 * perceptron over the features of every capitalised word the rules left:
 * a name (its first byte inside a gold span) or not. The thresholds come
 * from a two-fold cross-validation over the documents: words the scorer
 * adds must be names at least --min-add of the time, names it vetoes must
 * be wrong at least --min-veto of the time (a name left in a CV costs more
 * than a word removed too many, hence the margin). Writes
 * "threshold<TAB>t" and "feature<TAB>weight" lines to standard output,
 * the cross-validation table to standard error.
 * Usage: anon_train --lang ro [--epochs 10] [--min-add 0.7] [--min-veto 0.7] < docs.jsonl */
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/paths.h"
#include "domain/anonymize/anonymize.h"

#define TRAIN_MAX_FEATS (1u << 22) /* distinct feature strings */
#define TRAIN_MIN_SUPPORT 25       /* held-out words a threshold must decide before its precision counts */

typedef struct Example {
        uint32_t *f;
        size_t n;
        int y;    /* +1 name, -1 not */
        int doc;
        bool taken; /* the rules took it: not scored in the cross-validation */
} Example;

typedef struct Trainer {
        char **names;             /* feature id -> string */
        uint32_t *slots;          /* open addressing: id + 1, 0 empty */
        size_t nfeat, cap;
        Example *ex;
        size_t nex, capex;
        const json_t *gold;       /* the current document's spans */
        int doc;
        int err;
} Trainer;

static uint32_t fnv(const char *s) {
        uint32_t h = 2166136261u;
        for (; *s; s++)
                h = (h ^ (unsigned char)*s) * 16777619u;
        return h;
}

static int64_t intern(Trainer *t, const char *s) {
        size_t mask = t->cap - 1, i = fnv(s) & mask;
        for (; t->slots[i]; i = (i + 1) & mask)
                if (!strcmp(t->names[t->slots[i] - 1], s))
                        return t->slots[i] - 1;
        if (t->nfeat >= TRAIN_MAX_FEATS || !(t->names[t->nfeat] = strdup(s)))
                return -E2BIG;
        t->slots[i] = (uint32_t)++t->nfeat;
        return (int64_t)t->nfeat - 1;
}

static bool in_gold(const json_t *gold, size_t start) {
        size_t k;
        json_t *sp;
        json_array_foreach(gold, k, sp) {
                json_int_t a = json_integer_value(json_array_get(sp, 0)), b = json_integer_value(json_array_get(sp, 1));
                if ((json_int_t)start >= a && (json_int_t)start < b)
                        return true;
        }
        return false;
}

static void on_candidate(void *ctx, size_t start, size_t end, bool taken, const char *feats, size_t n) {
        Trainer *t = ctx;
        (void)end;
        if (t->err)
                return;
        if (t->nex == t->capex) {
                Example *e = realloc(t->ex, (t->capex = t->capex ? t->capex * 2 : 4096) * sizeof(*e));
                if (!e) {
                        t->err = -ENOMEM;
                        return;
                }
                t->ex = e;
        }
        Example *x = &t->ex[t->nex];
        if (!(x->f = malloc(n * sizeof(*x->f)))) {
                t->err = -ENOMEM;
                return;
        }
        for (size_t k = 0; k < n; k++, feats += strlen(feats) + 1) {
                int64_t id = intern(t, feats);
                if (id < 0) {
                        t->err = (int)id;
                        return;
                }
                x->f[k] = (uint32_t)id;
        }
        x->n = n, x->y = in_gold(t->gold, start) ? 1 : -1, x->doc = t->doc, x->taken = taken;
        t->nex++;
}

/* Averaged perceptron over the examples whose document is not in fold
 * `skip` (-1: all). w gets the averaged weights. */
static void train(const Trainer *t, int epochs, int skip, float *w) {
        float *u = calloc(t->nfeat, sizeof(*u)), c = 1;
        size_t *order = malloc(t->nex * sizeof(*order));
        memset(w, 0, t->nfeat * sizeof(*w));
        for (size_t i = 0; i < t->nex; i++)
                order[i] = i;
        uint64_t rnd = 88172645463325252ull;
        for (int ep = 0; ep < epochs; ep++) {
                for (size_t i = t->nex - 1; i > 0; i--) { /* Fisher-Yates with xorshift: repeatable */
                        rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
                        size_t j = rnd % (i + 1), tmp = order[i];
                        order[i] = order[j], order[j] = tmp;
                }
                for (size_t i = 0; i < t->nex; i++, c++) {
                        const Example *x = &t->ex[order[i]];
                        if (x->doc % 2 == skip)
                                continue;
                        float s = 0;
                        for (size_t k = 0; k < x->n; k++)
                                s += w[x->f[k]];
                        if (x->y * s <= 0)
                                for (size_t k = 0; k < x->n; k++)
                                        w[x->f[k]] += (float)x->y, u[x->f[k]] += c * (float)x->y;
                }
        }
        for (size_t f = 0; f < t->nfeat; f++)
                w[f] -= u[f] / c;
        free(u);
        free(order);
}

static float score(const Example *x, const float *w) {
        float s = 0;
        for (size_t k = 0; k < x->n; k++)
                s += w[x->f[k]];
        return s;
}

typedef struct Thresholds {
        float add, veto;
} Thresholds;

/* Held-out scores of every example from a two-fold cross-validation over
 * the documents. */
static float *held_out(const Trainer *t, int epochs) {
        float *w = malloc(t->nfeat * sizeof(*w)), *sc = malloc(t->nex * sizeof(*sc));
        for (int fold = 0; fold < 2 && w && sc; fold++) {
                train(t, epochs, fold, w);
                for (size_t i = 0; i < t->nex; i++)
                        if (t->ex[i].doc % 2 == fold)
                                sc[i] = score(&t->ex[i], w);
        }
        free(w);
        return sc;
}

/* add: the lowest threshold at which the held-out words that the rules
 * left and the scorer takes are names at least min_add of the time.
 * veto: the highest at which the held-out words the rules took and the
 * scorer rejects are not names at least min_veto of the time. */
static Thresholds pick(const Trainer *t, const float *sc, float min_add, float min_veto) {
        Thresholds r = { 1e9f, -1e9f };
        size_t left = 0, took = 0;
        for (size_t i = 0; i < t->nex; i++)
                t->ex[i].taken ? took++ : (left += t->ex[i].y > 0);
        fprintf(stderr, "candidates %zu: the rules took %zu, left %zu names\n"
                "threshold | added  names  precision  recall | vetoed  not-names  precision\n", t->nex, took, left);
        for (float th = 8; th >= -8; th -= 0.25f) {
                size_t add = 0, tp = 0, veto = 0, tn = 0;
                for (size_t i = 0; i < t->nex; i++) {
                        if (!t->ex[i].taken && sc[i] > th)
                                add++, tp += t->ex[i].y > 0;
                        if (t->ex[i].taken && sc[i] < th)
                                veto++, tn += t->ex[i].y < 0;
                }
                float p = add ? (float)tp / (float)add : 1, q = veto ? (float)tn / (float)veto : 1;
                if ((int)(th * 4) % 4 == 0)
                        fprintf(stderr, "%9.2f | %5zu  %5zu  %9.3f  %6.3f | %6zu  %9zu  %9.3f\n", th, add, tp, p,
                                left ? (float)tp / (float)left : 0, veto, tn, q);
                if (p >= min_add && add >= TRAIN_MIN_SUPPORT)
                        r.add = th;
                if (q >= min_veto && veto >= TRAIN_MIN_SUPPORT && r.veto < th)
                        r.veto = th;
        }
        return r;
}

static int cmp_name(const void *a, const void *b) {
        return strcmp(**(char *const *const *)a, **(char *const *const *)b);
}

static void write_model(const Trainer *t, const float *w, Thresholds th) {
        char ***order = malloc(t->nfeat * sizeof(*order));
        size_t n = 0;
        for (size_t f = 0; f < t->nfeat; f++)
                if (w[f] >= 0.005f || w[f] <= -0.005f)
                        order[n++] = &t->names[f];
        qsort(order, n, sizeof(*order), cmp_name);
        printf("threshold\t%.2f\nveto\t%.2f\n", th.add, th.veto);
        for (size_t k = 0; k < n; k++)
                printf("%s\t%.3f\n", *order[k], w[order[k] - t->names]);
        free(order);
}

static int read_docs(const AnonEngine *e, Trainer *t, Lang lang) {
        AnonOptions opt = { .lang = lang, .first_name_is_candidate = false, .name_candidate = on_candidate,
                            .name_candidate_ctx = t };
        char line[1 << 20];
        while (!t->err && fgets(line, sizeof(line), stdin)) {
                json_t *d = json_loads(line, 0, NULL);
                const char *text = json_string_value(json_object_get(d, "text"));
                t->gold = json_object_get(d, "names");
                Arena *a = arena_new();
                AnonInput in = { .opt = opt, .text = text, .len = text ? strlen(text) : 0 };
                AnonResult *r;
                int rc = text && a && json_is_array(t->gold) ? anon_run(e, a, &in, &r) : -EINVAL;
                arena_free(a);
                json_decref(d);
                if (rc < 0)
                        return rc;
                t->doc++;
        }
        return t->err;
}

int main(int argc, char **argv) {
        Lang lang = LANG_MAX;
        int epochs = 10;
        float min_add = 0.7f, min_veto = 0.7f;
        for (int i = 1; i + 1 < argc; i += 2) {
                if (!strcmp(argv[i], "--lang") && lang_parse(argv[i + 1], &lang) < 0)
                        return 2;
                if (!strcmp(argv[i], "--epochs"))
                        epochs = atoi(argv[i + 1]);
                if (!strcmp(argv[i], "--min-add"))
                        min_add = strtof(argv[i + 1], NULL);
                if (!strcmp(argv[i], "--min-veto"))
                        min_veto = strtof(argv[i + 1], NULL);
        }
        int err;
        AnonEngine *e = lang < LANG_MAX ? anon_engine_new(paths_datadir(), &err) : NULL;
        Trainer t = { .cap = TRAIN_MAX_FEATS * 2 };
        t.names = calloc(TRAIN_MAX_FEATS, sizeof(*t.names));
        t.slots = calloc(t.cap, sizeof(*t.slots));
        if (!e || !t.names || !t.slots || epochs < 1 || read_docs(e, &t, lang) < 0 || !t.nex) {
                fprintf(stderr, "usage: anon_train --lang L [--epochs N] [--min-add P] [--min-veto P] < docs.jsonl\n");
                return 1;
        }
        float *sc = held_out(&t, epochs), *w = malloc(t.nfeat * sizeof(*w));
        if (!sc || !w)
                return 1;
        Thresholds th = pick(&t, sc, min_add, min_veto);
        train(&t, epochs, -1, w);
        write_model(&t, w, th);
        fprintf(stderr, "threshold %.2f, veto %.2f, %zu features\n", th.add, th.veto, t.nfeat);
        anon_engine_free(e);
        return 0;
}
