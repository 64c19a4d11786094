/* The writer's gender in English: "she is" -> "they are", "likes her."
 * -> "likes them.", "he's been" -> "they've been". The pronouns themselves
 * are "gender" lines of en/lexicon.tsv; these are the verbs that agree
 * with them. */
#include <string.h>

#include "domain/anonymize/anon_internal.h"

/* The plural of an English verb in the third person singular ("works" ->
 * "work", "studies" -> "study", "teaches" -> "teach", "is" -> "are"), or
 * NULL when w is not one. */
static const char *en_plural(Scan *sc, const char *w, size_t n) {
        static const char *const irr[][2] = { { "is", "are" },     { "was", "were" },  { "has", "have" },
                                              { "does", "do" },    { "isn", "aren" },  { "wasn", "weren" },
                                              { "hasn", "haven" }, { "doesn", "don" } }; /* "doesn" of "doesn't" */
        for (size_t k = 0; k < sizeof(irr) / sizeof(*irr); k++)
                if (strlen(irr[k][0]) == n && !memcmp(w, irr[k][0], n))
                        return irr[k][1];
        if (n < 4 || w[n - 1] != 's' || anon_ends(w, n, "ss") || anon_ends(w, n, "us") || anon_ends(w, n, "is"))
                return NULL;
        if (anon_ends(w, n, "ies"))
                return anon_pair(sc, w, n - 3, "y");
        if (anon_ends(w, n, "ches") || anon_ends(w, n, "shes") || anon_ends(w, n, "xes") || anon_ends(w, n, "zes") ||
            anon_ends(w, n, "oes") || anon_ends(w, n, "sses"))
                return anon_pair(sc, w, n - 2, "");
        return anon_pair(sc, w, n - 1, "");
}

static bool en_aux(const char *r) {
        static const char *const aux[] = { "are", "were", "have", "do", "aren", "weren", "haven", "don" };
        for (size_t k = 0; k < sizeof(aux) / sizeof(*aux); k++)
                if (!strcmp(r, aux[k]))
                        return true;
        return false;
}

/* The end of "'s" (or "’s") right after a pronoun ending at p ("he's",
 * "she’s"), or 0. */
size_t anon_gender_contraction(const Scan *sc, size_t p) {
        size_t q = p + 2 < sc->n && !memcmp(sc->t + p, "\xe2\x80\x99", 3) ? p + 3 : p < sc->n && sc->t[p] == '\'' ? p + 1 : 0;
        if (!q || q >= sc->n || (sc->t[q] | 0x20) != 's' || (q + 1 < sc->n && is_alpha(sc->t[q + 1])))
                return 0;
        return q + 1;
}

/* "they're" or "they've" for "he's" whose "'s" is [p, e), with the
 * writer's apostrophe: "has" before a past participle of the few a CV or
 * a message uses after it ("he's been", "she's worked"), else "is" ("he's
 * injured", "she's a developer"). */
const char *anon_gender_they_s(Scan *sc, size_t p0, size_t e) {
        static const char *const part[] = { "been", "got", "gotten", "had", "done", "gone", "made", "seen",
                                             "worked", "led", "built", "taught", "won", "written", "given",
                                             "taken", "become", "always been", "never been", "just", "already" };
        size_t p = e, k;
        while (p < sc->n && sc->t[p] == ' ')
                p++;
        for (k = 0; k < sizeof(part) / sizeof(*part); k++) {
                size_t l = strlen(part[k]);
                if (p + l <= sc->n && !memcmp(sc->t + p, part[k], l) && (p + l == sc->n || !is_alpha(sc->t[p + l])))
                        break;
        }
        const char *r = scan_printf(sc, "they%.*s%s", (int)(e - 1 - p0), sc->t + p0,
                                    k < sizeof(part) / sizeof(*part) ? "ve" : "re");
        return r ? r : "they";
}

void anon_gender_agree(Scan *sc, size_t i) {
        for (size_t j = i + 1, skipped = 0; j < sc->ntok && (sc->toks[j].flags & TOK_JOINED); j++) {
                const Tok *t = &sc->toks[j];
                const char *w = sc->t + t->start;
                size_t n = t->end - t->start;
                if (t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM | TOK_INITIAL))
                        return;
                bool fn = (t->lf & LEX_STOP) != 0; /* "is", "also", "always" */
                const char *r = fn || !anon_ends(w, n, "ly") ? en_plural(sc, w, n) : NULL;
                if (r && (fn ? en_aux(r) : true)) {
                        scan_add(sc, t->start, t->end, ANON_CAT_GENDERED_FORM, PRIO_GENDER, r);
                        return;
                }
                /* one adverb before the verb: "she also works", "he currently leads" */
                if (skipped++ || !(fn || anon_ends(w, n, "ly")))
                        return;
        }
}

bool anon_gender_object(const Scan *sc, size_t i) {
        size_t j = i + 1;
        if (j >= sc->ntok || !(sc->toks[j].flags & TOK_JOINED))
                return true; /* "likes her." */
        const Tok *t = &sc->toks[j];
        if (t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_ALNUM))
                return false; /* "her Python skills" */
        return (t->lf & LEX_STOP) != 0; /* "gave her the book", "her and" */
}
