/* Addresses next to names, and the words around a name that say it is not
 * a person's: a street named after a person ("Joaquin Suarez 2906"), a
 * street type after the name ("1317 Kimberly Way"), a list of surnames
 * that is one company's name ("Lopez, Santos and Coleman is"), a month in
 * a date ("Março de 2020"); and street addresses around a street-type
 * word with their postcode. */
#include <string.h>

#include "domain/anonymize/anon_internal.h"

/* A postcode of 4 to 6 digits (with a dash or space inside) right after
 * an address; the town after it is kept, as the region. */
size_t anon_postcode_after(const Scan *sc, size_t p) {
        size_t q = p;
        while (q < sc->n && q - p < 3 && (sc->t[q] == ',' || sc->t[q] == ' '))
                q++;
        size_t d = 0, e = q;
        while (e < sc->n && e - q < 9 && ((sc->t[e] >= '0' && sc->t[e] <= '9') ||
                                          ((sc->t[e] == '-' || sc->t[e] == ' ') && d)))
                d += sc->t[e] >= '0' && sc->t[e] <= '9', e++;
        while (e > q && (sc->t[e - 1] == ' ' || sc->t[e - 1] == '-'))
                e--;
        bool alnum_after = e < sc->n && ((sc->t[e] | 0x20) >= 'a' && (sc->t[e] | 0x20) <= 'z');
        return d >= 4 && d <= 6 && !alnum_after ? e : p;
}

/* A house number right after a name, ending its line or field ("Joaquin
 * Suarez 2906.", "Victor Hugo u. 49 |"): a street named after a person.
 * p: the end of the name. Returns the end of the number, or 0. Years are
 * not house numbers. */
size_t anon_house_number(const Scan *sc, size_t p) {
        const char *t = sc->t;
        if (p >= sc->n || t[p] != ' ')
                return 0;
        p++;
        size_t w = p;
        while (w < sc->n && w - p < 3 && t[w] >= 'a' && t[w] <= 'z')
                w++;
        if (w > p && w + 1 < sc->n && t[w] == '.' && t[w + 1] == ' ')
                p = w + 2; /* "u.", "ul.", "nr." */
        size_t e = p;
        while (e < sc->n && t[e] >= '0' && t[e] <= '9')
                e++;
        size_t d = e - p;
        if (d == 0 || d > 5 || (d == 4 && (!memcmp(t + p, "19", 2) || !memcmp(t + p, "20", 2))))
                return 0;
        size_t q = e + (e < sc->n && t[e] == '.');
        while (q < sc->n && (t[q] == ' ' || t[q] == '\t'))
                q++;
        return q >= sc->n || strchr("\n\r,|;", t[q]) ? e : 0;
}

/* The gap between tokens a and a + 1 is ", " (or ","). */
static bool comma_gap(const Scan *sc, size_t a) {
        size_t s = sc->toks[a].end, e = sc->toks[a + 1].start;
        return e - s >= 1 && e - s <= 2 && sc->t[s] == ',' && (e - s == 1 || sc->t[s + 1] == ' ');
}

static bool list_word(const Scan *sc, size_t k) {
        return (sc->toks[k].flags & TOK_CAP) && !(sc->toks[k].flags & (TOK_ALLCAPS | TOK_INITIAL | TOK_NUM));
}

/* Token i inside "X, Y and Z" (single capitalised words) that an article
 * before it or an "org" cue after it makes one organisation's name: "The
 * Davis, Reynolds and Williamson Orchestra", "Lopez, Santos and Coleman
 * is a design agency". A list of people is never "the" list, and takes
 * "are". */
bool anon_org_list(const Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        if (!(t->end < sc->n && sc->t[t->end] == ',') && !(i > 0 && comma_gap(sc, i - 1)) &&
            !(i + 1 < sc->ntok && (sc->toks[i + 1].lf & LEX_CONJ)) && !(i > 0 && (sc->toks[i - 1].lf & LEX_CONJ)))
                return false; /* no comma or conjunction next to it: in no list */
        size_t a = i, b = i, items = 1;
        bool conj = false;
        while (a > 0 && items < ANON_LIST_MAX) {
                if (list_word(sc, a - 1) && comma_gap(sc, a - 1))
                        a--, items++;
                else if (!conj && a > 1 && (sc->toks[a - 1].lf & LEX_CONJ) && list_word(sc, a - 2))
                        a -= 2, items++, conj = true;
                else
                        break;
        }
        while (b + 1 < sc->ntok && items < ANON_LIST_MAX) {
                if (!conj && b + 2 < sc->ntok && (sc->toks[b + 1].lf & LEX_CONJ) && list_word(sc, b + 2))
                        b += 2, items++, conj = true;
                else if (!conj && list_word(sc, b + 1) && comma_gap(sc, b))
                        b++, items++;
                else
                        break;
        }
        if (!conj || items < 2)
                return false;
        const Tok *before = a > 0 ? &sc->toks[a - 1] : NULL, *after = b + 1 < sc->ntok ? &sc->toks[b + 1] : NULL;
        return (before && anon_org_cue(sc->e, sc->lang, tok_key(sc, before), before->flen) &&
                before->end + 1 == sc->toks[a].start) ||
               (after && anon_org_cue(sc->e, sc->lang, tok_key(sc, after), after->flen) &&
                sc->toks[b].end + 1 == after->start);
}

/* A token of digits only. */
static bool digits(const Scan *sc, size_t k) {
        const Tok *t = &sc->toks[k];
        for (size_t p = t->start; p < t->end; p++)
                if (sc->t[p] < '0' || sc->t[p] > '9')
                        return false;
        return t->end > t->start;
}

/* A capitalised month in a date ("22 de Março de 2020", "Março de 2020",
 * "10 di Marzo"): "Março" folds to the given name "Marco". The byte after
 * "de " must be a digit (a year, long numbers are not tokens). */
bool anon_in_date(const Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        if (i + 1 < sc->ntok) {
                const Tok *d = &sc->toks[i + 1];
                size_t p = d->end + 1;
                if (d->flen == 2 && (d->lf & LEX_STOP) && d->start == t->end + 1 && p < sc->n &&
                    sc->t[p] >= '0' && sc->t[p] <= '9' && sc->t[d->end] == ' ')
                        return true; /* "Março de 2020" */
        }
        return i >= 2 && sc->toks[i - 1].flen == 2 && (sc->toks[i - 1].lf & LEX_STOP) && digits(sc, i - 2) &&
               sc->toks[i - 2].end - sc->toks[i - 2].start <= 2; /* "22 de Março" */
}

/* A street type right after the name [i, j) and a number before the name
 * or after the street type ("1317 Kimberly Way", "Gordon Terrace 12"):
 * an address, not a person. */
bool anon_street_next(const Scan *sc, size_t i, size_t j) {
        if (j >= sc->ntok || !(sc->toks[j].lf & LEX_STREET) || !(sc->toks[j].flags & TOK_CAP) ||
            sc->toks[j].start - sc->toks[j - 1].end != 1)
                return false;
        size_t a = sc->toks[i].start, e = sc->toks[j].end;
        while (a > 0 && sc->t[a - 1] == ' ')
                a--;
        while (e < sc->n && sc->t[e] == ' ')
                e++;
        return (a > 0 && sc->t[a - 1] >= '0' && sc->t[a - 1] <= '9') || (e < sc->n && sc->t[e] >= '0' && sc->t[e] <= '9');
}


/* Street addresses: a street-type word ("via", "ul.", "Street") with the
 * capitalised words and numbers around it on the same line, then a
 * postcode and town if they follow. */
static bool addr_part(const Scan *sc, const Tok *t) {
        if (t->flags & (TOK_NUM | TOK_ALNUM | TOK_CAP | TOK_INITIAL))
                return true;
        if (t->end - t->start <= 3 && t->end < sc->n && sc->t[t->end] == '.')
                return true; /* "nr.", "no.", "bl." before a number */
        return (tok_lexflags(sc, t, sc->lang) & LEX_STOP) && t->end - t->start <= 3;
}

static bool gap_breaks(const Scan *sc, size_t a, size_t b) {
        for (size_t k = a; k < b; k++)
                if (strchr("\n\r;|", sc->t[k]))
                        return true;
        return b - a > 3;
}


size_t anon_try_street(Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        size_t a = i, b = i + 1;
        bool num = false;
        while (b < sc->ntok && b - i <= 8 && addr_part(sc, &sc->toks[b]) &&
               !gap_breaks(sc, sc->toks[b - 1].end, sc->toks[b].start)) {
                num |= (sc->toks[b].flags & (TOK_NUM | TOK_ALNUM)) != 0;
                b++;
        }
        while (a > 0 && i - a < 4 && (sc->toks[a - 1].flags & (TOK_NUM | TOK_CAP)) &&
               (sc->toks[a].flags & TOK_JOINED)) {
                num |= (sc->toks[a - 1].flags & TOK_NUM) != 0;
                a--;
        }
        size_t start = sc->toks[a].start, d = start;
        while (d > 0 && sc->t[d - 1] == ' ')
                d--;
        size_t e = d;
        while (d > 0 && start - d < 8 && sc->t[d - 1] >= '0' && sc->t[d - 1] <= '9')
                d--;
        if (d < e && (d == 0 || !anon_is_letter((unsigned char)sc->t[d - 1])))
                start = d, num = true; /* "1317 Kimberly Way": a long number is not a token */
        /* "via" or "Street" alone is a word, not an address */
        if (!num || (b == i + 1 && a == i && start == sc->toks[a].start) ||
            !((t->flags & TOK_CAP) || a < i || t->end - t->start <= 4))
                return 0;
        while (b > i + 1 && (tok_lexflags(sc, &sc->toks[b - 1], sc->lang) & LEX_STOP))
                b--;
        size_t end = anon_postcode_after(sc, sc->toks[b - 1].end);
        scan_add(sc, start, end, ANON_CAT_ADDRESS, PRIO_PHRASE, NULL);
        while (b < sc->ntok && sc->toks[b].start < end)
                b++;
        return b - i;
}
