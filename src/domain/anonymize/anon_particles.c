/* Particles inside a name and compound surnames: "Marco Di Pasquale",
 * "Fatima Zahra El Amrani", "João dos Santos", "van der Berg", a listed
 * "Di Maio" alone. The particles are the lexicon's "particle" words (of
 * the text's language and English); anon_words.c builds the runs. */
#include <string.h>

#include "domain/anonymize/anon_internal.h"

/* Flags of the name lists of any language (LEX_FIRST, LEX_WSUR, ...) of
 * token t; 0 for a word in none. */
static uint16_t name_any(const Scan *sc, const Tok *t) {
        return t->name ? tok_name(sc, t)->any & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR) : 0;
}

bool anon_compound_surname(const Scan *sc, size_t k) {
        if (k + 1 >= sc->ntok)
                return false;
        const Tok *p = &sc->toks[k], *w = &sc->toks[k + 1];
        if (!anon_cap_particle(p) || !(w->flags & TOK_CAP) || w->start != p->end + 1 || sc->t[p->end] != ' ' ||
            (w->flags & TOK_ALLCAPS) != (p->flags & TOK_ALLCAPS) || (size_t)p->flen + w->flen + 1 > ANON_FOLD_MAX)
                return false;
        char key[ANON_FOLD_MAX];
        memcpy(key, tok_key(sc, p), p->flen);
        key[p->flen] = ' ';
        memcpy(key + p->flen + 1, tok_key(sc, w), w->flen);
        size_t n = (size_t)p->flen + 1 + w->flen;
        const LexWord *x = anon_name_get_h(sc->e, key, n, anon_hash(key, n));
        return x && (x->any & LEX_SURNAME);
}

/* "Lettera di Francesca", "Casa de Maria": a word in no name list, a
 * lower-case particle and a listed given name. The particle is a
 * preposition there ("Waldemar de Brito", "Paulo da Silva" join). */
static bool preposition_before_given(const Scan *sc, size_t i, size_t j, size_t p) {
        if (p != j + 1 || j != i + 1 || (sc->toks[i].flags & TOK_INITIAL) || name_any(sc, &sc->toks[i]))
                return false;
        return name_any(sc, &sc->toks[p]) & LEX_FIRST;
}

/* A lower-case word that may follow a particle inside a name: another
 * particle, even a stop word of the text's language ("Francisco de la
 * Torre" in Romanian), or an article of the text's language that the
 * particle would contract with ("de os Santos", "de a Silva": "dos", "da"
 * written apart, as treebanks do). */
static bool second_particle(const Scan *sc, const Tok *t) {
        if (t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM))
                return false;
        if (t->lf & LEX_PARTICLE)
                return true;
        /* then a surname of the language's list: not "Dia de as Mães", "Vila de o João" */
        const Tok *n = t + 1;
        return n < sc->toks + sc->ntok && (n->flags & TOK_CAP) && (tok_lexflags(sc, n, sc->lang) & LEX_SURNAME) &&
               anon_cue_tok(sc, t, ANON_CUE_PARTICLE_ARTICLE);
}

size_t anon_particles_join(const Scan *sc, size_t i, size_t j) {
        size_t p = j;
        bool cap = false;
        uint8_t allcaps = sc->toks[i].flags & TOK_ALLCAPS;
        while (p < sc->ntok && p - j < 2 && (sc->toks[p].flags & TOK_JOINED)) {
                const Tok *t = &sc->toks[p];
                if (anon_cap_particle(t) && (t->flags & TOK_ALLCAPS) == allcaps)
                        cap = true;
                else if (!anon_lower_particle(sc, t) && !(p > j && second_particle(sc, t)))
                        break; /* "Ion Popescu la Cluj"; "Francisco de la Torre" */
                p++;
        }
        if (p == j || p >= sc->ntok || !(sc->toks[p].flags & (TOK_CAP | TOK_ALLCAPS)) ||
            !(sc->toks[p].flags & TOK_JOINED))
                return 0; /* "Anna Le said", "Wei Li. Kim": "Le", "Li" are their surnames */
        /* a capitalised one after a word of the name lists or an initial
         * ("Marco Di Pasquale", "Zahra El Amrani") or starting a listed
         * compound surname ("Ciro Di Maio"): not "Lettera Di Roma" */
        if (cap && !((sc->toks[j - 1].flags & TOK_INITIAL) || name_any(sc, &sc->toks[j - 1]) ||
                     anon_compound_surname(sc, p - 1)))
                return 0;
        if (!cap && preposition_before_given(sc, i, j, p))
                return 0;
        return p - j;
}

size_t anon_particles_lead(const Scan *sc, size_t i) {
        size_t p = i;
        while (p < sc->ntok && p - i < 2 &&
               (p == i ? anon_lower_particle(sc, &sc->toks[p]) : second_particle(sc, &sc->toks[p])))
                p++;
        if (p == i || p >= sc->ntok || !(sc->toks[p].flags & TOK_CAP) || (sc->toks[p].flags & TOK_INITIAL))
                return 0;
        for (size_t k = i + 1; k <= p; k++)
                if (!(sc->toks[k].flags & TOK_JOINED) || !same_line(sc, sc->toks[k - 1].end, sc->toks[k].start))
                        return 0;
        return p;
}

bool anon_name_particle_at(const Scan *sc, size_t i, size_t j, size_t k) {
        const Tok *t = &sc->toks[k];
        if (k + 1 >= j || !(t->lf & LEX_PARTICLE) || (t->flags & TOK_INITIAL))
                return false;
        return k > i || !(name_any(sc, t) & (LEX_FIRST | LEX_WFIRST)) || anon_compound_surname(sc, k);
}

/* Given names right after the compound surname ending at token j ("Di
 * Pasquale Marco", a list or a form in the surname-first order), up to
 * two. Returns the end of the name. */
static size_t given_after(const Scan *sc, size_t j) {
        size_t k = j;
        while (k < sc->ntok && k - j < 2 && (sc->toks[k].flags & TOK_JOINED) && (sc->toks[k].flags & TOK_CAP) &&
               sc->toks[k].start == sc->toks[k - 1].end + 1 && sc->t[sc->toks[k - 1].end] == ' ' &&
               (sc->toks[k].flags & TOK_ALLCAPS) == (sc->toks[j - 1].flags & TOK_ALLCAPS) &&
               (name_any(sc, &sc->toks[k]) & (LEX_FIRST | LEX_WFIRST)) &&
               !(sc->toks[k].lf & (LEX_STOP | LEX_KEEP | LEX_PLACE | LEX_COMMON | LEX_PARTICLE)))
                k++;
        return k;
}

/* Token j goes on a place's or a thing's name after the words before it:
 * a lower-case linking word and a capitalised word ("La Rosa dei Venti",
 * "La Torre di Pisa"), or a company or institution word ("Di Marzio
 * Srl"). */
static bool thing_after(const Scan *sc, size_t j) {
        if (j >= sc->ntok || !(sc->toks[j].flags & TOK_JOINED))
                return false;
        const Tok *t = &sc->toks[j];
        if ((t->flags & (TOK_CAP | TOK_ALLCAPS)) && anon_org_cue_tok(sc, t))
                return true;
        return !(t->flags & (TOK_CAP | TOK_ALLCAPS)) && (t->lf & LEX_PARTICLE) && j + 1 < sc->ntok &&
               (sc->toks[j + 1].flags & TOK_CAP) && (sc->toks[j + 1].flags & TOK_JOINED);
}

size_t anon_compound_name(Scan *sc, size_t i) {
        if (!anon_compound_surname(sc, i))
                return 0;
        size_t j = given_after(sc, i + 2);
        /* after an article at the start of a sentence only before a given
         * name or when the person was named before: "La Rosa è un
         * ristorante" may be one; "Di Maio ha detto" is a person */
        if (((sc->toks[i].flags & TOK_SENT) && j == i + 2 && anon_article_before(sc, i + 1) &&
             !anon_seen_tok(sc, &sc->toks[i + 1])) ||
            thing_after(sc, j) ||
            anon_place_before(sc, i, false))
                return 0;
        scan_add(sc, sc->toks[i].start, sc->toks[j - 1].end, ANON_CAT_NAME, PRIO_NAME,
                 anon_session_pseudonym(sc, i, j, false, true));
        return j - i;
}

/* Token i - 1 is a capitalised particle (not in capitals) one space
 * before token i, or a hyphen when hyphen is set ("El-Sayed"). */
static bool cap_particle_before(const Scan *sc, size_t i, bool hyphen) {
        if (i == 0)
                return false;
        const Tok *p = &sc->toks[i - 1];
        return anon_cap_particle(p) && !(p->flags & TOK_ALLCAPS) && sc->toks[i].start == p->end + 1 &&
               (sc->t[p->end] == ' ' || (hyphen && sc->t[p->end] == '-')); /* "El-Sayed" */
}

bool anon_article_before_at(const Scan *sc, size_t i) {
        if (!cap_particle_before(sc, i, false))
                return false;
        const LexWord *w = cue_word(sc, &sc->toks[i - 1]);
        return w && (w->flags[sc->lang] & ANON_CUE_ARTICLE); /* Romanian "La Zaharia" is "to Zaharia" */
}

/* Inside a sentence the capital says the particle is part of the name
 * ("con Di Cristofaro"); at its start only before a word that is no given
 * name ("Da Marco ho imparato": a preposition). */
size_t anon_particle_start_at(const Scan *sc, size_t i) {
        if (!cap_particle_before(sc, i, true) || anon_article_before(sc, i) ||
            ((sc->toks[i - 1].flags & TOK_SENT) && (name_any(sc, &sc->toks[i]) & (LEX_FIRST | LEX_WFIRST))))
                return i;
        return i - 1;
}
