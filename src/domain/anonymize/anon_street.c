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
        return (before && anon_org_cue_tok(sc, before) &&
                before->end + 1 == sc->toks[a].start) ||
               (after && anon_org_cue_tok(sc, after) &&
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
/* A function word of any language ("do", "dei", "das" in a street's name). */
static bool stop_word(const Scan *sc, const Tok *t) {
        return (tok_lexflags(sc, t, sc->lang) & LEX_STOP) || (t->lex && !(t->flags & TOK_CAP) && (tok_lex(sc, t)->any & LEX_STOP));
}

static bool addr_part(const Scan *sc, const Tok *t) {
        if ((t->flags & (TOK_NUM | TOK_ALNUM | TOK_CAP | TOK_INITIAL)) || anon_any_street(sc, t))
                return true; /* "Trubarjeva cesta 12" in any language */
        if (t->end - t->start <= 3 && t->end < sc->n && sc->t[t->end] == '.')
                return true; /* "nr.", "no.", "bl." before a number */
        return stop_word(sc, t) && t->end - t->start <= 5; /* "do", "das", "delle" */
}

static bool gap_breaks(const Scan *sc, size_t a, size_t b) {
        for (size_t k = a; k < b; k++)
                if (strchr("\n\r;|", sc->t[k]))
                        return true;
        return b - a > 3;
}


/* Token b is a number or an abbreviation with its dot ("bl.", "sc.",
 * "ap."): a long address goes on with them only. */
static bool flat_part(const Scan *sc, size_t b) {
        const Tok *t = &sc->toks[b];
        return (t->flags & (TOK_NUM | TOK_ALNUM)) || (t->end < sc->n && sc->t[t->end] == '.' && t->end - t->start <= 3);
}

/* Token b, after a comma (or a wide gap) that follows the house number,
 * is the town ("Koskikatu 25, Helsinki"): kept as the region. A flat, a staircase or
 * a block after the comma is still the address ("Flat 3", "bl. A2"). */
static bool town_next(const Scan *sc, size_t b, bool num, bool house) {
        const Tok *t = &sc->toks[b];
        if (house && !(t->flags & TOK_CAP) && stop_word(sc, t) && !(t->end < sc->n && sc->t[t->end] == '.'))
                return true; /* "Hauptstraße 7a w Wiedniu" */
        bool wide = t->start >= sc->toks[b - 1].end + 2 && !memcmp(sc->t + t->start - 2, "  ", 2);
        if (!num || !(comma_gap(sc, b - 1) || wide) || (t->flags & (TOK_NUM | TOK_ALNUM)))
                return false; /* wide: a flattened layout's columns ("Ave. #216  Santa Cruz") */
        bool dotted = t->end < sc->n && sc->t[t->end] == '.' && t->end - t->start <= 3;
        return !dotted && !anon_any_street(sc, t);
}

/* Token i starts its line (after a bullet or a mail's quote mark), or
 * follows a number ("Koskikatu 25 Apt. 864"). */
static bool lead_context(const Scan *sc, size_t i) {
        size_t p = sc->toks[i].start;
        while (p > 0 && (unsigned char)sc->t[p - 1] < 0x80 && sc->t[p - 1] != '\n' && sc->t[p - 1] != '\r' &&
               !is_digit(sc->t[p - 1]) && !anon_is_letter((unsigned char)sc->t[p - 1]))
                p--; /* blanks, a comma, a bullet or a mail's quote mark: "> Apt. 902" */
        return p == 0 || sc->t[p - 1] == '\n' || sc->t[p - 1] == '\r' || is_digit(sc->t[p - 1]);
}

/* A comma between tokens a and b - 1. */
static bool comma_in(const Scan *sc, size_t a, size_t b) {
        for (size_t k = a; k + 1 < b; k++)
                if (memchr(sc->t + sc->toks[k].end, ',', sc->toks[k + 1].start - sc->toks[k].end))
                        return true;
        return false;
}

/* A street type of any language, lower-case with its dot ("ul.", "str.")
 * or capitalised ("Via", "Rua"). */
bool anon_any_street(const Scan *sc, const Tok *t) {
        if (!t->lex || !(tok_lex(sc, t)->any & LEX_STREET))
                return false;
        if (tok_lexflags(sc, t, sc->lang) & LEX_STREET)
                return true;
        /* another language's: a function word of this one only capitalised ("Via
         * Roma 12", not "via email"), one of two letters only with its dot ("al."
         * but not "al", "AL:" or "Al") */
        bool dotted = t->end < sc->n && sc->t[t->end] == '.';
        return (!(tok_lexflags(sc, t, sc->lang) & LEX_STOP) || (t->flags & TOK_CAP)) && !(t->flags & TOK_ALLCAPS) &&
               (t->end - t->start >= 3 || dotted);
}

/* Token a - 1 is a street type of any language right before token a
 * ("ul. Miła", "via Roma"). */
bool anon_street_before(const Scan *sc, size_t a) {
        const Tok *p = &sc->toks[a - 1];
        size_t gap = sc->toks[a].start - p->end;
        if (!anon_any_street(sc, p))
                return false;
        if (gap == 2 && !memcmp(sc->t + p->end, ". ", 2))
                return true; /* "ul. Miła" */
        return gap == 1 && sc->t[p->end] == ' ' && (tok_lexflags(sc, p, sc->lang) & LEX_STREET);
}

/* Token a - 1 is close enough to token a to be part of the street before
 * it: one space, or for a street type of the text's language any short gap
 * on the line ("Blanda Applicant    11 Cruz Avenue"). The street endings
 * and other languages' street types take one space only, so that the name
 * before the address stays a name ("Werner Purdy   Nydalsveien 37"). */
static bool near_before(const Scan *sc, size_t a, bool wide) {
        return wide ? (sc->toks[a].flags & TOK_JOINED) != 0
                    : sc->toks[a].start == sc->toks[a - 1].end + 1 && sc->t[sc->toks[a - 1].end] == ' ';
}

/* Token a - 1 is an initial of the street's name ("C. Beerninckstraat",
 * "W. Michigan Ave"). */
static bool initial_before(const Scan *sc, size_t a) {
        const Tok *p = &sc->toks[a - 1];
        return (p->flags & TOK_INITIAL) && p->end + 2 == sc->toks[a].start && !memcmp(sc->t + p->end, ". ", 2);
}

/* The start of the address whose street-type word is token i, with the
 * capitalised words, a street type ("ul. Miła") and the number before
 * it, or the token's own start; *num: a number was seen. */
static size_t street_start(const Scan *sc, size_t i, size_t *ret_a, bool *num) {
        size_t a = i;
        bool wide = sc->toks[i].lf & LEX_STREET;
        while (a > 0 && i - a < 4 &&
               ((near_before(sc, a, wide) && (sc->toks[a - 1].flags & (TOK_NUM | TOK_CAP))) || initial_before(sc, a) ||
                anon_street_before(sc, a))) {
                *num |= (sc->toks[a - 1].flags & TOK_NUM) != 0;
                a--;
        }
        size_t start = sc->toks[a].start, d = start;
        while (d > 0 && sc->t[d - 1] == ' ')
                d--;
        size_t e = d;
        while (d > 0 && start - d < 8 && is_digit(sc->t[d - 1]))
                d--;
        if (d < e && d >= 2 && sc->t[d - 1] == '/' && is_digit(sc->t[d - 2]))
                for (d--; d > 0 && start - d < 8 && is_digit(sc->t[d - 1]);)
                        d--; /* "12/3 High Street": a house and its flat */
        if (d < e && (d == 0 || !anon_is_letter((unsigned char)sc->t[d - 1])))
                start = d, *num = true; /* "1317 Kimberly Way": a long number is not a token */
        *ret_a = a;
        return start;
}

size_t anon_try_street(Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        size_t a, b = i + 1;
        bool num = false, fnum = false; /* a number anywhere; one after the street type */
        size_t start = street_start(sc, i, &a, &num);
        while (b < sc->ntok && (b - i <= ANON_STREET_WORDS || (b - i <= ANON_STREET_TOKENS && fnum && flat_part(sc, b))) &&
               addr_part(sc, &sc->toks[b]) &&
               !gap_breaks(sc, sc->toks[b - 1].end, sc->toks[b].start) && !town_next(sc, b, num || fnum, fnum)) {
                fnum |= (sc->toks[b].flags & (TOK_NUM | TOK_ALNUM)) != 0;
                b++;
        }
        size_t hp = sc->toks[b - 1].end;
        hp += hp < sc->n && sc->t[hp] == '.' && (sc->toks[b - 1].flags & ~TOK_JOINED & ~TOK_SENT) == 0; /* "nr. 3/5" */
        size_t house = fnum || b - i > 3 || comma_in(sc, i, b) ? 0 : anon_house_after(sc, hp);
        fnum |= house != 0; /* "Rua do Arenque 1634": four digits are no token */
        num |= fnum;
        if (anon_flat_word(sc, t, false) && (!fnum || !lead_context(sc, i) || !(sc->toks[i + 1].flags & (TOK_NUM | TOK_ALNUM))))
                return 0; /* "Creative Suite 6": a flat starts its line or follows the street's number */
        /* "via" or "Street" alone is a word, not an address */
        if (!num || (b == i + 1 && a == i && start == sc->toks[a].start && !house) ||
            !((t->flags & TOK_CAP) || a < i || t->end - t->start <= 4))
                return 0;
        while (!house && b > i + 1 && (stop_word(sc, &sc->toks[b - 1]) || !(sc->toks[b - 1].flags & ~TOK_JOINED & ~TOK_SENT)))
                b--;
        size_t at = anon_flat_tail(sc, house ? house : anon_slash_flat(sc, sc->toks[b - 1].end));
        size_t end = anon_postcode_after(sc, at);
        end = anon_address_add(sc, start, end, end != at); /* the town around a postcode is no person's name */
        while (b < sc->ntok && sc->toks[b].start < end)
                b++;
        return b - i;
}
