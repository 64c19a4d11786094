/* The writer's nationality, ethnicity, religion and place of birth in
 * running text: "I am Syrian", "As a Ukrainian woman", "Sono di origine
 * marocchina", "Jestem Ukrainką", "ελληνικής καταγωγής", "I was born in
 * Aleppo, Syria". A demonym (data/anonymize/<lang>/demonyms.tsv) is
 * removed only when a cue of the lexicon says it is about the writer or
 * the person ("origin" before it, "originafter" after it, and not an
 * "originnot" word after it: "a Polish speaker", "Italian cuisine", "a
 * German client" stay). */
#include <string.h>

#include "domain/anonymize/anon_internal.h"

/* The folded key of the tokens [i, j), joined by one space as the loader
 * writes phrases; 0 when they are not on one line, close together. */
static size_t key_of(const Scan *sc, size_t i, size_t j, char *out, size_t cap) {
        size_t o = 0;
        for (size_t k = i; k < j; k++) {
                const Tok *t = &sc->toks[k];
                if ((k > i && !(t->flags & TOK_JOINED)) || o + t->flen + 1 >= cap)
                        return 0;
                if (o)
                        out[o++] = ' ';
                memcpy(out + o, tok_key(sc, t), t->flen);
                o += t->flen;
        }
        return o;
}

/* The value of kind in the document's language for the tokens [i, j), or
 * NULL. *prefix: the key starts a longer entry (or is one). */
static const PhraseVal *origin_get(const Scan *sc, size_t i, size_t j, int kind, bool *prefix) {
        char key[ANON_FOLD_MAX * ANON_PHRASE_MAX_TOKENS + ANON_PHRASE_MAX_TOKENS];
        size_t kl = key_of(sc, i, j, key, sizeof(key));
        const HTab *tab = kind == PH_DEMONYM ? &sc->e->origin : &sc->e->cues;
        const Phrase *p = kl ? htab_get(tab, key, kl, anon_hash(key, kl)) : NULL;
        if (prefix)
                *prefix = p != NULL;
        if (!p)
                return NULL;
        const PhraseVal *v = &p->v[sc->lang];
        if (kind == PH_DEMONYM)
                return v->kind == PH_DEMONYM ? v : NULL;
        return v->kind == PH_ORIGIN && (v->cat & (1u << (kind - PH_ORIGIN))) ? v : NULL;
}

bool anon_demonym_run(const Scan *sc, size_t i, size_t j) {
        return origin_get(sc, i, j, PH_DEMONYM, NULL) != NULL;
}

/* The longest entry of kind starting at token i: its tokens, or 0. */
static size_t origin_at(const Scan *sc, size_t i, int kind, size_t max, const PhraseVal **ret) {
        size_t best = 0;
        bool more = true;
        for (size_t k = 1; more && k <= max && i + k <= sc->ntok; k++) {
                const PhraseVal *v = origin_get(sc, i, i + k, kind, &more);
                if (v)
                        best = k, *ret = v;
        }
        return best;
}

/* Italian "sono" and Romanian "sunt" are also "they are": after them
 * alone, a plural demonym ("Gli ospiti sono italiani", "Produsele sunt
 * românești") is not the writer. Plurals end in -i there; the
 * singulars of the lists do not (a feminine plural in -e is taken). */
static bool plural_after_copula(const Scan *sc, size_t c, size_t i) {
        const Tok *d = &sc->toks[i];
        return (sc->lang == LANG_IT || sc->lang == LANG_RO) && c + 1 == i && (sc->toks[c].lf & LEX_TRIGGER) &&
               tok_key(sc, d)[d->flen - 1] == 'i';
}

/* The first token of an entry of kind that ends right before token i,
 * joined to it ("I am" | "Syrian", "di origine" | "marocchina"), plus
 * one; 0 when there is none. */
static size_t cue_start(const Scan *sc, size_t i, int kind) {
        if (i == 0 || !(sc->toks[i].flags & TOK_JOINED))
                return 0;
        for (size_t k = 1; k <= ANON_PHRASE_MAX_TOKENS && k <= i; k++)
                if (origin_get(sc, i - k, i, kind, NULL))
                        return i - k + 1;
        return 0;
}

/* True when an entry of kind ends right before token i, joined to it,
 * and is not a copula before a plural ("Gli ospiti sono greci"). */
static bool origin_before(const Scan *sc, size_t i, int kind) {
        size_t c = cue_start(sc, i, kind);
        return c && !plural_after_copula(sc, c - 1, i);
}

bool anon_origin_cue_before(const Scan *sc, size_t i, size_t *ret_cue) {
        size_t c = cue_start(sc, i, PH_ORIGIN);
        if (c)
                *ret_cue = c - 1;
        return c != 0;
}

/* True when an entry of kind starts at token j, joined to the token before. */
static bool origin_after(const Scan *sc, size_t j, int kind) {
        const PhraseVal *v;
        return j < sc->ntok && (sc->toks[j].flags & TOK_JOINED) &&
               origin_at(sc, j, kind, ANON_PHRASE_MAX_TOKENS, &v) > 0;
}

bool anon_origin_cue_after(const Scan *sc, size_t j) {
        return origin_after(sc, j, PH_ORIGIN_AFTER);
}

static void origin_take(Scan *sc, size_t i, size_t j, int cat) {
        scan_add(sc, sc->toks[i].start, sc->toks[j - 1].end, cat, PRIO_PHRASE, NULL);
        for (size_t k = i; k < j; k++)
                sc->toks[k].flags |= TOK_SKIP;
}

static bool capitalised(const Scan *sc, size_t i) {
        return (sc->toks[i].flags & (TOK_CAP | TOK_ALLCAPS)) != 0;
}

/* After a demonym taken at [.., j): "Syrian and Kurdish", "ortodoxă și
 * română" are the writer's too. Returns the end of the last one. */
static size_t origin_more(Scan *sc, size_t j) {
        for (;;) {
                size_t m = j;
                if (m < sc->ntok && (sc->toks[m].flags & TOK_JOINED) && (sc->toks[m].lf & LEX_CONJ))
                        m++;
                const PhraseVal *v = NULL;
                size_t len = m < sc->ntok && (sc->toks[m].flags & TOK_JOINED)
                                     ? origin_at(sc, m, PH_DEMONYM, ANON_ORIGIN_TOKENS, &v) : 0;
                if (!len || (v->cap && !capitalised(sc, m)) || origin_after(sc, m + len, PH_ORIGIN_NOT))
                        return j;
                origin_take(sc, m, m + len, v->cat);
                j = m + len;
        }
}

/* The first token from i on that may start a demonym: passed by the Bloom
 * filter of the demonyms. Or sc->ntok. A tight loop over locals (nothing
 * it calls can change the Scan): it runs over every token of the text. */
static size_t origin_next(const Scan *sc, size_t i) {
        const Tok *toks = sc->toks;
        const HTab *o = &sc->e->origin;
        size_t n = sc->ntok;
        for (; i < n; i++)
                if (htab_maybe(o, toks[i].hash))
                        return i;
        return n;
}

void anon_cue_ends_build(AnonEngine *e) {
        for (size_t i = 0; i < e->cues.cap; i++) {
                const HItem *it = e->cues.slots[i].item;
                if (!it)
                        continue; /* a prefix of a cue is a key too: its last word is let through, which is safe */
                size_t w = it->klen;
                while (w > 0 && it->key[w - 1] != ' ')
                        w--;
                uint32_t h = anon_hash(it->key + w, it->klen - w);
                for (int k = 0; k < 2; k++)
                        e->cue_end_bits[cue_end_bit(h, k) >> 6] |= 1ull << (cue_end_bit(h, k) & 63);
        }
}

/* A cheap first test for cue_start(): the token before i, joined to it,
 * may be the last word of a cue. Most lower-case words are no demonym
 * where the language capitalises them, and follow no cue. */
static bool cue_end_before(const Scan *sc, size_t i) {
        return i > 0 && (sc->toks[i].flags & TOK_JOINED) && anon_cue_end_maybe(sc, &sc->toks[i - 1]);
}

/* A demonym at i in the case it is written: any case where the language
 * writes them in lower case (lower), else capitalised, or in lower case
 * right after an origin cue ("I am cambodian", "We are proud saudis"; not
 * "great american food"); an entry marked cap only capitalised ("a pole
 * dancer", "as a guinea pig"). */
static bool origin_case(const Scan *sc, size_t i, const PhraseVal *v, bool lower, bool before) {
        if (capitalised(sc, i))
                return true;
        return !v->cap && (lower || before);
}

void anon_scan_origin(Scan *sc) {
        if (!sc->e->origin.n)
                return;
        bool lower = sc->e->origin_lower[sc->lang];
        for (size_t i = origin_next(sc, 0); i < sc->ntok && !sc->err; i = origin_next(sc, i + 1)) {
                if (!lower && !capitalised(sc, i) && !cue_end_before(sc, i))
                        continue; /* origin_case() would want a cue before it: none ends there */
                const PhraseVal *v = NULL;
                size_t len = origin_at(sc, i, PH_DEMONYM, ANON_ORIGIN_TOKENS, &v);
                if (!len || origin_after(sc, i + len, PH_ORIGIN_NOT))
                        continue;
                bool before = origin_before(sc, i, PH_ORIGIN);
                if (!origin_case(sc, i, v, lower, before) || (!before && !origin_after(sc, i + len, PH_ORIGIN_AFTER)))
                        continue;
                origin_take(sc, i, i + len, v->cat);
                i = origin_more(sc, i + len) - 1;
        }
}

/* ---- place of birth ---- */

static bool digit_tok(const Scan *sc, size_t k) {
        return k < sc->ntok && is_digit(sc->t[sc->toks[k].start]);
}

/* True when the gap before token k ends the clause (a full stop, a
 * semicolon, a bracket, a line break); *comma: it is a comma (the tokens
 * of "Aleppo, Syria" are not TOK_JOINED). */
static bool clause_end(const Scan *sc, size_t k, bool *comma) {
        size_t a = sc->toks[k - 1].end, b = sc->toks[k].start;
        *comma = false;
        if (b - a > 4)
                return true;
        for (size_t p = a; p < b; p++) {
                if (sc->t[p] == ',')
                        *comma = true;
                else if (sc->t[p] != ' ' && sc->t[p] != '-' && sc->t[p] != '\'')
                        return true; /* ".", ";", a bracket, a line break, a dash */
        }
        return false;
}

/* A date, not a place, at token k: a number, a word before a number
 * ("May 1990", "5 maggio"), a month in lower case ("março de 1990"; a
 * capitalised word there is a place: "Aleppo in 1990"). */
static bool date_at(const Scan *sc, size_t k) {
        return digit_tok(sc, k) || (k + 1 < sc->ntok && digit_tok(sc, k + 1) && (sc->toks[k + 1].flags & TOK_JOINED)) ||
               (!(sc->toks[k].flags & TOK_CAP) && anon_in_date(sc, k));
}

static size_t skip_sp(const Scan *sc, size_t p) {
        while (p < sc->n && sc->t[p] == ' ')
                p++;
        return p;
}

/* The end of the number at p ("1990", "3.5.1990", "1990-05-03"), or p. */
static size_t number_end(const Scan *sc, size_t p) {
        return anon_number_end(sc, p, "./-");
}

/* The year or date right after the place ("Aleppo in 1990", "Palermo nel
 * 1985", "Kijowie w 1990 r.", "Canada, 20 November 1987"): the writer's
 * birth date too (a year is no token: it is looked at in the text).
 * Returns the last token taken, or last. */
static size_t date_after(Scan *sc, size_t last) {
        size_t p = skip_sp(sc, sc->toks[last].end), k = last + 1;
        if (p < sc->n && sc->t[p] == ',')
                p = skip_sp(sc, p + 1);
        while (k < sc->ntok && sc->toks[k].start < p)
                k++;
        if (k < sc->ntok && sc->toks[k].start == p && (sc->toks[k].lf & LEX_STOP) && !digit_tok(sc, k))
                p = skip_sp(sc, sc->toks[k].end); /* "in", "nel", "w" */
        size_t q = number_end(sc, p), w = skip_sp(sc, q), we = w;
        if (q == p)
                return last;
        while (we < sc->n && (is_alpha(sc->t[we]) || (unsigned char)sc->t[we] >= 0x80))
                we++; /* a month and a year: "20 November 1987", "1 ianuarie 1907" */
        if (we > w && we + 1 < sc->n && sc->t[we] == ' ' && is_digit(sc->t[we + 1]))
                q = number_end(sc, we + 1);
        scan_add(sc, p, q, ANON_CAT_BIRTHDATE, PRIO_PHRASE, NULL);
        while (k < sc->ntok && sc->toks[k].start < q)
                k++;
        return k - 1;
}

/* The last token of the place starting at token p: capitalised words, the
 * small words inside a name ("Reggio di Calabria", "Rio de Janeiro"), a
 * comma before another capitalised word ("Aleppo, Syria"); before the
 * first capitalised word, any words ("a village near Aleppo"). It ends at
 * the end of the clause, a date, a conjunction ("and raised in") or a small
 * word after the name ("Aleppo in 1990", "Aleppo where"). */
static size_t place_last(const Scan *sc, size_t p) {
        size_t last = p;
        bool cap = (sc->toks[p].flags & TOK_CAP) != 0, comma;
        for (size_t k = p + 1; k < sc->ntok && k - p < ANON_BIRTHPLACE_TOKENS; k++) {
                const Tok *t = &sc->toks[k];
                if (clause_end(sc, k, &comma) || date_at(sc, k))
                        break;
                if ((t->flags & TOK_CAP) && comma && ((t->lf & LEX_STOP) || t->end - t->start == 1))
                        break; /* "Born in Aleppo, I moved", "…, we moved": no place's name */
                if (t->flags & TOK_CAP) {
                        last = k, cap = true;
                        continue;
                }
                if (comma || (t->lf & LEX_CONJ))
                        break;
                if (cap) { /* one small word inside a name, when a capitalised word follows */
                        bool c2;
                        if (!(t->lf & (LEX_STOP | LEX_PARTICLE)) || k + 1 >= sc->ntok ||
                            !(sc->toks[k + 1].flags & TOK_CAP) || clause_end(sc, k + 1, &c2) || c2)
                                break;
                        continue;
                }
                last = k;
        }
        return last;
}

size_t anon_birthplace(Scan *sc, size_t i, size_t len, int cat) {
        size_t k = i + len, p;
        const PhraseVal *v;
        if (origin_get(sc, k - 1, k, PH_BIRTHIN, NULL)) /* "nato a", "născut în": the cue ends so */
                p = k;
        else if (k < sc->ntok && (sc->toks[k].flags & TOK_JOINED) && origin_at(sc, k, PH_BIRTHIN, 2, &v))
                p = k + origin_at(sc, k, PH_BIRTHIN, 2, &v); /* "I was born" | "in" */
        else if (cat == ANON_CAT_BIRTHPLACE) /* "native of", "natural de" */
                p = k;
        else
                return 0;
        bool comma;
        if (p >= sc->ntok || p == 0 || clause_end(sc, p, &comma) || comma || (sc->toks[p].flags & (TOK_NUM | TOK_ALNUM)))
                return 0;
        size_t d = p; /* past an article: "nascido em o dia 23 de maio" */
        while (d + 1 < sc->ntok && d - p < 2 && !(sc->toks[d].flags & TOK_CAP) && (sc->toks[d].lf & LEX_STOP))
                d++;
        if (date_at(sc, d))
                return 0; /* "born in 1990", "nato il", "rojen 5. 5. 1990": a date */
        size_t last = place_last(sc, p), c = p;
        while (c <= last && !(sc->toks[c].flags & (TOK_CAP | TOK_ALLCAPS)))
                c++;
        if (c > last)
                return 0; /* a place has a name: not "Pochodzę z rodziny nauczycieli" */
        scan_add(sc, sc->toks[p].start, sc->toks[last].end, ANON_CAT_BIRTHPLACE, PRIO_PHRASE, NULL);
        return date_after(sc, last) + 1 - i;
}

/* A birth date written in prose, [*vs, *ve) from the phrase's first token k
 * on: the small words before the date leave it ("born on 3 May 1990",
 * "rojena sem 1. 1. 1990"), and a place after it behind a preposition of
 * birth is the place of birth ("3 May 1990 in London", "12/05/1994 a
 * Caserta", "1. 1. 1990 v Mariboru"). Returns false when no date is left. */
bool anon_birthdate_split(Scan *sc, size_t k, size_t *vs, size_t *ve) {
        while (k < sc->ntok && sc->toks[k].start < *vs)
                k++;
        while (k < sc->ntok && sc->toks[k].end < *ve && sc->toks[k].start == *vs && !digit_tok(sc, k) &&
               !(sc->toks[k].flags & TOK_CAP) && (sc->toks[k].lf & LEX_STOP))
                *vs = skip_sp(sc, sc->toks[k++].end);
        for (size_t j = k; j + 1 < sc->ntok && sc->toks[j].start < *ve; j++) {
                const PhraseVal *v;
                size_t n = origin_at(sc, j, PH_BIRTHIN, 2, &v);
                if (!n || j + n >= sc->ntok || digit_tok(sc, j + n) || !anon_number_in(sc->t + *vs, sc->toks[j].start - *vs))
                        continue;
                size_t last = place_last(sc, j + n), e = sc->toks[j].start;
                while (e > *vs && sc->t[e - 1] == ' ')
                        e--;
                scan_add(sc, sc->toks[j + n].start, sc->toks[last].end, ANON_CAT_BIRTHPLACE, PRIO_PHRASE, NULL);
                *ve = e;
                break;
        }
        return anon_number_in(sc->t + *vs, *ve - *vs);
}
