/* Pseudonyms: "Candidate K7Q", "Referee M4T", "Person X9C". The code is a
 * keyed BLAKE2b hash of (pool id, folded name), so the same person gets the
 * same code throughout a document and across one job's pool, nobody
 * without the key can recompute it, and it never depends on gender (female
 * surname forms fold to the base form first). */
#include <errno.h>
#include <sodium.h>
#include <string.h>

#include "domain/anonymize/anon_session.h"

/* No 0/O, 1/I, 2/Z, 5/S, 6/G, 8/B: codes survive being read aloud or retyped. */
static const char alphabet[] = "ACDEFHJKLMNPQRTUVWXY34679";

/* A token's base: its name entry's base form, else its folded key; with
 * its length and anon_hash(), which the token or the entry already hold. */
static const char *tok_base(const Scan *sc, const Tok *t, size_t *ret_n, uint32_t *ret_h) {
        const LexWord *w = tok_name(sc, t);
        if (w) {
                *ret_n = w->blen, *ret_h = w->bhash;
                return w->base;
        }
        *ret_n = t->flen, *ret_h = t->flen ? t->hash : anon_hash("", 0);
        return tok_key(sc, t);
}

/* The filter bit first: most words of a new name are nobody's yet. */
static PersonRef *ref_get(const AnonSession *s, const char *b, size_t n, uint32_t h) {
        if (!(s->people_bits[(h >> 6) & (ANON_PEOPLE_BITS / 64 - 1)] >> (h & 63) & 1))
                return NULL;
        return htab_get(&s->people, b, n, h);
}

static int ref_put(AnonSession *s, const char *b, size_t n, uint32_t h, Person *p) {
        if (ref_get(s, b, n, h))
                return 0;
        PersonRef *r = arena_alloc(s->arena, sizeof(*r));
        char *k = r ? arena_strndup(s->arena, b, n) : NULL;
        if (!k)
                return -ENOMEM;
        *r = (PersonRef){ k, (uint32_t)n, h, p };
        s->people_bits[(r->hash >> 6) & (ANON_PEOPLE_BITS / 64 - 1)] |= 1ull << (r->hash & 63);
        return htab_put(&s->people, r);
}

/* Writes a code not yet used by another person of this session. */
static int make_code(AnonSession *s, const char *identity, char code[8]) {
        unsigned char h[16];
        crypto_generichash(h, sizeof(h), (const unsigned char *)identity, strlen(identity),
                           s->key, ANON_KEY_BYTES);
        for (size_t len = 3; len <= 7; len++) {
                for (size_t k = 0; k < len; k++)
                        code[k] = alphabet[h[k] % (sizeof(alphabet) - 1)];
                code[len] = 0;
                if (!htab_get(&s->codes, code, len, anon_hash(code, len))) {
                        HItem *it = arena_alloc(s->arena, sizeof(*it));
                        char *c = it ? arena_strndup(s->arena, code, len) : NULL;
                        if (!c)
                                return -ENOMEM;
                        *it = (HItem){ c, (uint32_t)len, anon_hash(c, len) };
                        return htab_put(&s->codes, it);
                }
        }
        return -E2BIG;
}

/* "Candidate K7Q": two copies, not a printf (a new person is frequent in
 * news text, and vsnprintf cost as much as the keyed hash). Arena-owned. */
static char *make_label(Arena *a, int role, const char *code) {
        static const char *const roles[] = { "Person", "Candidate", "Referee" };
        size_t rl = strlen(roles[role]), cl = strlen(code);
        char *l = arena_alloc(a, rl + 1 + cl + 1);
        if (!l)
                return NULL;
        memcpy(l, roles[role], rl);
        l[rl] = ' ';
        memcpy(l + rl + 1, code, cl + 1);
        return l;
}

/* The name at token i follows a letter's greeting, with an honorific
 * between or not ("Dear Ms Papadopoulou", "Gentile dott. Rossi"): the
 * person written to, never the writer. */
static bool addressed(const Scan *sc, size_t i) {
        for (size_t k = i; k > 0 && i - k < 3; k--) {
                const LexWord *w = cue_word(sc, &sc->toks[k - 1]);
                if (w && ((w->flags[sc->lang] | w->flags[LANG_EN]) & ANON_CUE_SALUTATION))
                        return true;
        }
        return false;
}

static Person *new_person(Scan *sc, size_t i, size_t j, bool known) {
        AnonSession *s = sc->s;
        if (s->n_people >= ANON_MAX_PERSONS)
                return NULL;
        /* pool, then the folded base of each word: one buffer, no printf per word */
        size_t cap = strlen(s->pool) + 1, len, bl;
        uint32_t bh;
        for (size_t k = i; k < j; k++) {
                (void)tok_base(sc, &sc->toks[k], &bl, &bh);
                cap += bl + 1;
        }
        char *id = arena_alloc(sc->arena, cap);
        if (id) {
                len = strlen(s->pool);
                memcpy(id, s->pool, len);
                for (size_t k = i; k < j; k++) {
                        if (sc->toks[k].flags & TOK_INITIAL)
                                continue;
                        const char *b = tok_base(sc, &sc->toks[k], &bl, &bh);
                        id[len++] = k == i ? '\x1f' : ' ';
                        memcpy(id + len, b, bl);
                        len += bl;
                }
                id[len] = 0;
        }
        Person *p = id ? arena_alloc(s->arena, sizeof(*p)) : NULL;
        if (!p || make_code(s, id, p->code) < 0)
                return NULL;
        if (known || (s->first_is_candidate && !s->candidate && !s->n_names && !s->refs && !addressed(sc, i)))
                p->role = ROLE_CANDIDATE;
        else
                p->role = s->refs ? ROLE_REFEREE : ROLE_PERSON;
        p->label = make_label(s->arena, p->role, p->code);
        if (!p->label)
                return NULL;
        if (p->role == ROLE_CANDIDATE && !s->candidate)
                s->candidate = p;
        s->n_people++;
        return p;
}

/* The person an existing mention refers to: by a surname-like token when
 * there is one (so "Anna Nowak" is not "Anna Kowalska"), else any token. */
static Person *find_person(Scan *sc, size_t i, size_t j) {
        bool has_sur = false;
        for (size_t k = i; k < j; k++) {
                const Tok *t = &sc->toks[k];
                bool sur = k > i || (tok_lexflags(sc, t, sc->lang) & LEX_SURNAME);
                if (!sur || (t->flags & TOK_INITIAL) || anon_name_particle(sc, i, j, k))
                        continue; /* "Di" of "Marco Di Pasquale" is no one's */
                has_sur = true;
                size_t bl;
                uint32_t bh;
                const char *b = tok_base(sc, t, &bl, &bh);
                PersonRef *r = ref_get(sc->s, b, bl, bh);
                if (r)
                        return r->p;
        }
        if (has_sur)
                return NULL;
        for (size_t k = i; k < j; k++) {
                size_t bl;
                uint32_t bh;
                if (anon_name_particle(sc, i, j, k))
                        continue;
                const char *b = tok_base(sc, &sc->toks[k], &bl, &bh);
                PersonRef *r = ref_get(sc->s, b, bl, bh);
                if (r)
                        return r->p;
        }
        return NULL;
}

const char *anon_session_pseudonym(Scan *sc, size_t i, size_t j, bool known, int strong) {
        AnonSession *s = sc->s;
        /* the writer's name split into fields ("Nome: Giulia", "Cognome: Esposito"):
         * one person, outside a references section */
        bool field = sc->name_field && s->first_is_candidate && !s->refs;
        Person *p = (known || field) && s->candidate ? s->candidate : find_person(sc, i, j);
        if (!p)
                p = new_person(sc, i, j, known);
        if (!p) {
                return "Person";
        }
        /* Later lone mentions of these words will be taken as this person.
         * Words of the candidate's own name all count (the CV is about
         * them); for others only words from the name lists, so that a
         * capitalised word caught next to a name ("Research") does not
         * become a name everywhere, unless the context or shape said
         * "person" (strong) and the word is not at the start of a sentence,
         * or a cue beside it did ("Montaigne s-a căsătorit": later
         * "Montaigne a început" is the same man). */
        for (size_t k = i; k < j; k++) {
                const Tok *t = &sc->toks[k];
                bool cap = (t->flags & (TOK_CAP | TOK_ALLCAPS)) != 0;
                bool word_ok = t->name || (strong && cap &&
                                           (k > i || !(t->flags & TOK_SENT) || strong == ANON_STRONG_CUE) &&
                                           t->end - t->start >= 3);
                if ((t->flags & TOK_INITIAL) || !cap || (p->role != ROLE_CANDIDATE && !word_ok) ||
                    anon_name_particle(sc, i, j, k))
                        continue; /* "Di", "El" alone later are nobody */
                size_t bl;
                uint32_t bh;
                const char *b = tok_base(sc, t, &bl, &bh);
                if (ref_put(s, b, bl, bh, p) < 0)
                        sc->err = -ENOMEM;
        }
        return p->label;
}

bool anon_session_seen_name(const AnonSession *s, const char *base, size_t n, uint32_t h) {
        /* most capitalised words are nobody's: one bit answers them */
        return (s->people_bits[(h >> 6) & (ANON_PEOPLE_BITS / 64 - 1)] >> (h & 63) & 1) &&
               htab_get(&s->people, base, n, h) != NULL;
}

bool anon_session_header_pending(const AnonSession *s) {
        return s->first_is_candidate && !s->header_done && !s->candidate;
}

void anon_session_header_done(AnonSession *s) {
        s->header_done = true;
}

void anon_session_set_refs(AnonSession *s) {
        s->refs = true;
}
