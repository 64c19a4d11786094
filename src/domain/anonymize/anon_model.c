/* The learned name scorer: a lone capitalised word in the middle of a
 * sentence ("Dorgon", "Beckenbauer") is, for the rules, the same as a
 * company, a club or a village. An averaged perceptron, trained on
 * annotated text of the language (bench/anonymize/train), weighs what is
 * around it: the words before and after, its endings, its shape, the
 * punctuation, whether the name lists know it. Its weights are data
 * (data/anonymize/<lang>/names_model.tsv, with their source and licence);
 * a language without that file has no scorer and the rules alone decide. */
#include <stdio.h>
#include <string.h>

#include "domain/anonymize/anon_session.h"

/* The key of a neighbouring token, or a mark for the edge of the chunk. */
static const char *near_key(const Scan *sc, size_t i, int d, size_t *ret_n) {
        if ((d < 0 && (size_t)-d > i) || i + (size_t)(d > 0 ? d : 0) >= sc->ntok) {
                *ret_n = 2;
                return d < 0 ? "<s" : "s>";
        }
        const Tok *t = &sc->toks[i + (size_t)d];
        *ret_n = t->flen;
        return tok_key(sc, t);
}

/* What separates two tokens: "nl" across a line break, "_" a space only,
 * else the first mark that is not a space (one whole UTF-8 character). */
static void gap_feat(const Scan *sc, size_t a, size_t b, char *out) {
        for (size_t k = a; k < b; k++) {
                unsigned char c = (unsigned char)sc->t[k];
                if (c == '\n' || c == '\r') {
                        memcpy(out, "nl", 3);
                        return;
                }
                if (c == ' ' || c == '\t')
                        continue;
                size_t l = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                if (k + l > b)
                        break;
                memcpy(out, sc->t + k, l);
                out[l] = 0;
                return;
        }
        memcpy(out, "_", 2);
}

/* The last (or first) n bytes of a key, moved to a character boundary. */
static size_t affix(const char *k, size_t len, size_t n, bool end, const char **ret) {
        if (len <= n) {
                *ret = k;
                return len;
        }
        size_t s = end ? len - n : 0, e = end ? len : n;
        while (end && s < len && ((unsigned char)k[s] & 0xC0) == 0x80)
                s++;
        while (!end && e > 0 && ((unsigned char)k[e] & 0xC0) == 0x80)
                e--;
        *ret = k + s;
        return e - s;
}

static void put(char f[][ANON_MODEL_FEAT_LEN], size_t *n, const char *pre, const char *s, size_t len) {
        if (*n < ANON_MODEL_FEATS)
                snprintf(f[(*n)++], ANON_MODEL_FEAT_LEN, "%s%.*s", pre, (int)len, s);
}

static void context_feats(const Scan *sc, size_t i, char f[][ANON_MODEL_FEAT_LEN], size_t *n) {
        static const struct {
                int d;
                const char *pre;
        } ctx[] = { { -2, "pw2=" }, { -1, "pw=" }, { 1, "nw=" }, { 2, "nw2=" } };
        for (size_t c = 0; c < sizeof(ctx) / sizeof(*ctx); c++) {
                size_t len;
                const char *k = near_key(sc, i, ctx[c].d, &len);
                put(f, n, ctx[c].pre, k, len);
        }
        const Tok *t = &sc->toks[i];
        char g[8];
        gap_feat(sc, i ? sc->toks[i - 1].end : 0, t->start, g);
        put(f, n, "gp=", g, strlen(g));
        gap_feat(sc, t->end, i + 1 < sc->ntok ? sc->toks[i + 1].start : sc->n, g);
        put(f, n, "gn=", g, strlen(g));
        bool pcap = i && (sc->toks[i - 1].flags & TOK_CAP), ncap = i + 1 < sc->ntok && (sc->toks[i + 1].flags & TOK_CAP);
        put(f, n, pcap ? "pcap=1" : "pcap=0", "", 0);
        put(f, n, ncap ? "ncap=1" : "ncap=0", "", 0);
}

size_t anon_model_features(const Scan *sc, size_t i, char f[][ANON_MODEL_FEAT_LEN]) {
        const Tok *t = &sc->toks[i];
        const char *k = tok_key(sc, t), *a;
        size_t n = 0, len;
        put(f, &n, "b", "", 0);
        put(f, &n, "w=", k, t->flen);
        for (size_t s = 2; s <= 4; s++) {
                char pre[4] = { 's', (char)('0' + s), '=', 0 };
                len = affix(k, t->flen, s, true, &a);
                put(f, &n, pre, a, len);
        }
        len = affix(k, t->flen, 3, false, &a);
        put(f, &n, "p3=", a, len);
        char sh[16];
        snprintf(sh, sizeof(sh), "%s%s%zu", memchr(sc->t + t->start, '-', t->end - t->start) ? "h" : "",
                 t->flags & TOK_SENT ? "S" : "", (size_t)(t->flen < 10 ? t->flen : 10));
        put(f, &n, "sh=", sh, strlen(sh));
        uint16_t any = tok_any(sc, t), own = t->lf;
        char nf[8];
        snprintf(nf, sizeof(nf), "%d%d%d%d%d", !!(own & LEX_FIRST), !!(own & LEX_SURNAME),
                 !!(any & (LEX_FIRST | LEX_WFIRST)), !!(any & (LEX_SURNAME | LEX_WSUR)), !!(own & LEX_COMMON));
        put(f, &n, "nf=", nf, strlen(nf));
        context_feats(sc, i, f, &n);
        return n;
}

/* A candidate: a capitalised word, not an acronym, an initial or a
 * number, that the rules did not take. */
static bool candidate(const Tok *t) {
        return (t->flags & TOK_CAP) && !(t->flags & (TOK_ALLCAPS | TOK_INITIAL | TOK_NUM | TOK_ALNUM)) &&
               t->flen >= 2 && !(t->lf & (LEX_STOP | LEX_KEEP | LEX_STREET));
}

/* True when a name finding covers token t. */
static bool taken(const Scan *sc, const Tok *t) {
        for (size_t k = 0; k < sc->nfind; k++)
                if (sc->finds[k].cat == ANON_CAT_NAME && sc->finds[k].start <= t->start && t->start < sc->finds[k].end)
                        return true;
        return false;
}

void anon_model_report(Scan *sc) {
        char f[ANON_MODEL_FEATS][ANON_MODEL_FEAT_LEN], buf[ANON_MODEL_FEATS * ANON_MODEL_FEAT_LEN];
        for (size_t i = 0; i < sc->ntok; i++) {
                const Tok *t = &sc->toks[i];
                if (!candidate(t))
                        continue;
                size_t n = anon_model_features(sc, i, f), p = 0;
                for (size_t k = 0; k < n; k++) {
                        size_t l = strlen(f[k]) + 1;
                        memcpy(buf + p, f[k], l);
                        p += l;
                }
                sc->s->name_candidate(sc->s->name_candidate_ctx, sc->base + t->start, sc->base + t->end,
                                      taken(sc, t), buf, n);
        }
}

static float score(const NameModel *m, char f[][ANON_MODEL_FEAT_LEN], size_t n) {
        float s = 0;
        for (size_t k = 0; k < n; k++) {
                size_t l = strlen(f[k]);
                const ModelWeight *w = htab_get(&m->weights, f[k], l, anon_hash(f[k], l));
                s += w ? w->w : 0;
        }
        return s;
}

size_t anon_model_name_at(Scan *sc, size_t i, size_t end) {
        const NameModel *m = &sc->e->model[sc->lang];
        if (sc->s->name_candidate || !m->on || m->threshold >= ANON_MODEL_NEVER)
                return 0;
        char f[ANON_MODEL_FEATS][ANON_MODEL_FEAT_LEN];
        size_t k = i;
        for (; k < end && candidate(&sc->toks[k]); k++) {
                size_t n = anon_model_features(sc, k, f);
                if (score(m, f, n) <= m->threshold)
                        break;
        }
        return k - i;
}

bool anon_model_veto_at(Scan *sc, size_t i, size_t j) {
        const NameModel *m = &sc->e->model[sc->lang];
        if (sc->s->name_candidate || !m->on || m->veto <= -ANON_MODEL_NEVER)
                return false;
        char f[ANON_MODEL_FEATS][ANON_MODEL_FEAT_LEN];
        bool any = false;
        for (size_t k = i; k < j; k++) {
                if (!candidate(&sc->toks[k]))
                        continue;
                size_t n = anon_model_features(sc, k, f);
                if (score(m, f, n) >= m->veto)
                        return false;
                any = true;
        }
        return any;
}
