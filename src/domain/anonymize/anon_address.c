/* Street addresses beyond the street types of the text's language: street
 * endings of any language ("Koskikatu 25", "Cankarjeva 5"), another
 * language's street type ("Via Roma 12" in an English CV), a street in no
 * list before a postcode and a town; and the postcodes on the lines after
 * an address, whose town is kept as the region. */
#include <errno.h>
#include <string.h>

#include "domain/anonymize/anon_internal.h"

static size_t postcode_at(const Scan *sc, size_t p, size_t le);

/* Street endings of every lexicon, folded like tokens, so that an address
 * abroad ("Koskikatu 25" in an Italian CV) is found in any language. */
int anon_street_end_add(AnonEngine *e, const char *raw, size_t n, int kind) {
        char f[ANON_FOLD_MAX];
        while (kind >= STREET_FLAT && n > 1 && raw[n - 1] == '.')
                n--; /* "Apt." is the token "Apt" */
        size_t fl = anon_fold(raw, n, f);
        if (!fl || fl >= ANON_STREET_END_LEN)
                return -EINVAL;
        for (size_t k = 0; k < e->nstreet_end; k++)
                if (e->street_end[k].len == fl && !memcmp(e->street_end[k].key, f, fl))
                        return 0;
        if (e->nstreet_end >= ANON_STREET_ENDS_MAX)
                return -E2BIG;
        StreetEnd *s = &e->street_end[e->nstreet_end++];
        memcpy(s->key, f, fl);
        s->len = (uint8_t)fl;
        s->kind = (uint8_t)kind;
        return 0;
}

/* The street ending of token t: 1 strong, 2 weak, 0 none. */
static int street_end_of(const Scan *sc, const Tok *t) {
        const char *key = tok_key(sc, t);
        for (size_t k = 0; k < sc->e->nstreet_end; k++) {
                const StreetEnd *s = &sc->e->street_end[k];
                if (s->kind < STREET_FLAT && t->flen >= s->len + ANON_STREET_STEM_MIN &&
                    !memcmp(key + t->flen - s->len, s->key, s->len))
                        return s->kind == STREET_END_WEAK ? 2 : 1;
        }
        return 0;
}

size_t anon_slash_flat(const Scan *sc, size_t q) {
        if (q + 1 >= sc->n || sc->t[q] != '/' || !(is_digit(sc->t[q + 1]) || is_alpha(sc->t[q + 1])))
                return q;
        size_t f = q + 1;
        while (f < sc->n && f - q <= 4 && (is_digit(sc->t[f]) || is_alpha(sc->t[f])))
                f++;
        return f - q <= 4 && (f >= sc->n || !anon_is_letter((unsigned char)sc->t[f])) ? f : q;
}

/* Token t is a flat word ("Apt", "Suite") or a flat's marker ("m",
 * "int", "ap", "διαμ"). */
bool anon_flat_word(const Scan *sc, const Tok *t, bool marks) {
        for (size_t k = 0; k < sc->e->nstreet_end; k++) {
                const StreetEnd *s = &sc->e->street_end[k];
                if ((s->kind == STREET_FLAT || (marks && s->kind == STREET_MARK)) && t->flen == s->len &&
                    !memcmp(tok_key(sc, t), s->key, s->len))
                        return true;
        }
        return false;
}

/* The end of a flat's number right after p: 1 to 4 letters and digits,
 * with a digit or alone ("15", "A2", "B", "4a"), or 0. */
static size_t flat_number(const Scan *sc, size_t p) {
        size_t q = p;
        bool digit = false;
        while (q < sc->n && q - p < 5 && (is_digit(sc->t[q]) || is_alpha(sc->t[q])))
                digit |= is_digit(sc->t[q]), q++;
        if (q == p || q - p > 4 || (q < sc->n && anon_is_letter((unsigned char)sc->t[q])) || (!digit && q - p > 1))
                return 0;
        return q;
}

/* The token starting at byte p, from token *k on (moved on), or NULL. */
static const Tok *tok_at(const Scan *sc, size_t *k, size_t p) {
        while (*k < sc->ntok && sc->toks[*k].start < p)
                (*k)++;
        return *k < sc->ntok && sc->toks[*k].start == p ? &sc->toks[*k] : NULL;
}

/* The end of a floor's number at q: "r/c" (the ground floor), or one or
 * two digits with an ordinal's mark ("2º", "3.º", "3.", "3ος"), without
 * one only as an item of its own (after a comma: not the house number in
 * "Via Roma 12 scala B"); 0 when none. *rc: it is "r/c", a floor without
 * a marker word after it. */
static size_t floor_number(const Scan *sc, size_t q, bool *rc) {
        *rc = q + 3 <= sc->n && (sc->t[q] | 0x20) == 'r' && sc->t[q + 1] == '/' && (sc->t[q + 2] | 0x20) == 'c';
        if (*rc)
                return q + 3 < sc->n && anon_is_letter((unsigned char)sc->t[q + 3]) ? 0 : q + 3;
        size_t e = q;
        while (e < sc->n && e - q < 3 && is_digit(sc->t[e]))
                e++;
        if (e == q || e - q > 2)
                return 0;
        size_t d = e;
        e += e < sc->n && sc->t[e] == '.';
        static const char *const mark[] = { "\xc2\xba", "\xc2\xaa", "\xce\xbf\xcf\x82" }; /* º ª ος */
        for (size_t k = 0; k < sizeof(mark) / sizeof(*mark); k++) {
                size_t l = strlen(mark[k]);
                if (e + l <= sc->n && !memcmp(sc->t + e, mark[k], l))
                        return e + l;
        }
        return e > d || (q >= 2 && sc->t[q - 2] == ',') ? e : 0;
}

/* The end of one flat item starting at byte q: a marker and its number
 * ("m. 15", "ap. 12", "scala B"), or a floor and its marker ("2º Esq.",
 * "3. nadstropje", "r/c"); 0 when none. Tokens from *k on. */
static size_t flat_item(const Scan *sc, size_t *k, size_t q) {
        const Tok *m = tok_at(sc, k, q);
        if (m && anon_flat_word(sc, m, true)) {
                size_t r = m->end + (m->end < sc->n && sc->t[m->end] == '.');
                return flat_number(sc, r + (r < sc->n && sc->t[r] == ' '));
        }
        bool rc;
        size_t f = floor_number(sc, q, &rc);
        if (!f || f >= sc->n || sc->t[f] != ' ')
                return rc ? f : 0;
        m = tok_at(sc, k, f + 1);
        if (!m || !anon_flat_word(sc, m, true))
                return rc ? f : 0;
        return m->end + (m->end < sc->n && sc->t[m->end] == '.');
}

/* The first token that starts at or after byte p (or sc->ntok). */
static size_t first_tok_from(const Scan *sc, size_t p) {
        size_t k = 0, hi = sc->ntok;
        while (k < hi) {
                size_t mid = k + (hi - k) / 2;
                if (sc->toks[mid].start < p)
                        k = mid + 1;
                else
                        hi = mid;
        }
        return k;
}

size_t anon_flat_tail(const Scan *sc, size_t p) {
        size_t k = first_tok_from(sc, p);
        const Tok *last = k > 0 ? &sc->toks[k - 1] : NULL;
        if (last && last->end == p && (last->flags & (TOK_NUM | TOK_ALNUM)) && last->start > 0 &&
            sc->t[last->start - 1] == ' ') {
                size_t e = flat_item(sc, &k, last->start); /* the street's words took the floor's number: "3. nadstropje" */
                p = e > p ? e : p;
        } else if (last && last->end == p && p < sc->n && sc->t[p] == '.' && anon_flat_word(sc, last, true)) {
                p++; /* "2º Esq." */
        }
        for (;;) {
                size_t q = p + (p < sc->n && sc->t[p] == ',');
                if (q >= sc->n || sc->t[q] != ' ')
                        return p;
                size_t e = flat_item(sc, &k, q + 1);
                if (!e)
                        return p;
                p = e; /* "m. 15", ", bl. A2, sc. 1, ap. 12", " int. 5", ", 2º Esq." */
        }
}

/* The end of a house number of 1 to 4 digits (and one letter: "12a")
 * one space after p, or 0. A year is not a house number. */
size_t anon_house_after(const Scan *sc, size_t p) {
        if (p + 1 >= sc->n || sc->t[p] != ' ')
                return 0;
        size_t q = ++p;
        while (q < sc->n && q - p < 5 && is_digit(sc->t[q]))
                q++;
        size_t d = q - p;
        if (d == 0 || d > 4 || (d == 4 && (!memcmp(sc->t + p, "19", 2) || !memcmp(sc->t + p, "20", 2))))
                return 0;
        if (q < sc->n && (sc->t[q] | 0x20) >= 'a' && (sc->t[q] | 0x20) <= 'z')
                q++;
        q = anon_slash_flat(sc, q);
        bool more = q < sc->n && (is_digit(sc->t[q]) || anon_is_letter((unsigned char)sc->t[q]) ||
                                  (sc->t[q] == '.' && q + 1 < sc->n && is_digit(sc->t[q + 1])));
        return more ? 0 : q;
}

/* A weak ending (-ova, -eva: also surnames) is a street only when it is
 * no listed name and the address goes on: a number before it ("9721
 * Dalmatinova 43"), or a postcode after its house number, on its line
 * ("Cankarjeva 5, 1000 Ljubljana") or starting the next. */
static bool listed_name(const Scan *sc, const Tok *t) {
        return t->name && (tok_name(sc, t)->any & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR));
}

static bool weak_street(const Scan *sc, const Tok *t, size_t house) {
        if (listed_name(sc, t))
                return false;
        size_t b = t->start;
        if (b >= 2 && sc->t[b - 1] == ' ' && is_digit(sc->t[b - 2]))
                return true;
        if (anon_postcode_after(sc, house) != house)
                return true;
        size_t q = house;
        while (q < sc->n && (sc->t[q] == ' ' || sc->t[q] == '\t'))
                q++;
        if (q < sc->n && sc->t[q] == '\r')
                q++;
        if (q >= sc->n || sc->t[q] != '\n')
                return false;
        while (q < sc->n && strchr("\n ", sc->t[q]))
                q++;
        size_t le = q;
        while (le < sc->n && sc->t[le] != '\n')
                le++;
        return postcode_at(sc, q, le) != 0; /* "Cankarjeva 5 | 1000 Ljubljana" */
}

/* ", " and a postcode (no year) and a capitalised town after p. */
static bool postcode_town(const Scan *sc, size_t p) {
        if (p + 2 >= sc->n || sc->t[p] != ',' || sc->t[p + 1] != ' ')
                return false;
        size_t e = anon_postcode_after(sc, p);
        if (e == p || (e - p == 6 && (!memcmp(sc->t + p + 2, "19", 2) || !memcmp(sc->t + p + 2, "20", 2))))
                return false;
        unsigned char c = e + 1 < sc->n && sc->t[e] == ' ' ? (unsigned char)sc->t[e + 1] : 0;
        return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

/* A digit one space after byte p: the shape anon_house_after() needs
 * first, tested in place because most words are followed by none. */
static bool digit_after_space(const Scan *sc, size_t p) {
        return p + 1 < sc->n && sc->t[p] == ' ' && is_digit(sc->t[p + 1]);
}

/* A street type of another language may precede token i only across ". "
 * or one space: tested before anon_street_before() reads the lexicon. */
static bool street_gap_before(const Scan *sc, size_t i) {
        const Tok *p = &sc->toks[i - 1];
        size_t gap = sc->toks[i].start - p->end;
        return (gap == 2 && sc->t[p->end] == '.' && sc->t[p->end + 1] == ' ') || (gap == 1 && sc->t[p->end] == ' ');
}

/* Token t followed by a house number, with a street ending ("Koskikatu
 * 25") or a postcode and a town after the number ("Mlýnská 1540, 11000
 * Praha"). Out of line: few words have a number after them. */
static bool __attribute__((noinline)) ending_street(const Scan *sc, const Tok *t) {
        size_t house = anon_house_after(sc, t->end);
        if (!house)
                return false;
        int kind = street_end_of(sc, t);
        if (!kind)
                return !(t->lf & LEX_KEEP) && /* "Mlýnská 1540, 11000 Praha", "Ερμού 25/3 διαμ. 4, 105 63" */
                       postcode_town(sc, anon_flat_tail(sc, house));
        return kind == 1 || weak_street(sc, t, house);
}

bool anon_street_word(const Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        if (anon_maybe_street(sc, t) && anon_any_street(sc, t) &&
            ((t->flags & TOK_CAP) || (t->end < sc->n && sc->t[t->end] == '.')))
                return true; /* "Via Roma 12", "Rua das Flores 10", "ul. Długa 5" in an English CV */
        if (!(t->flags & TOK_CAP))
                return false;
        if (i > 0 && !(sc->toks[i - 1].flags & TOK_CAP) && street_gap_before(sc, i) &&
            anon_maybe_street(sc, &sc->toks[i - 1]) && anon_street_before(sc, i))
                return true; /* "ul. Miła 57", "via Roma 12": a plain lower-case word in English */
        const Tok *n = i + 1 < sc->ntok ? &sc->toks[i + 1] : NULL;
        if (n && !(n->flags & TOK_CAP) && (n->flags & TOK_JOINED) && digit_after_space(sc, n->end) &&
            anon_any_street(sc, n) && anon_house_after(sc, n->end))
                return true; /* "Trubarjeva cesta 12", "Erzsébet utca 19" in any language */
        return digit_after_space(sc, t->end) && ending_street(sc, t); /* most words have no number after them */
}

/* A postcode [ps, pe) inside a line: 4 to 6 digits, or two groups joined
 * by one space or dash ("340 12", "53-320", "90010-170"). */
static size_t postcode_at(const Scan *sc, size_t p, size_t le) {
        size_t q = p, d = 0, seps = 0;
        while (q < le && (is_digit(sc->t[q]) || ((sc->t[q] == ' ' || sc->t[q] == '-') && !seps && q + 1 < le &&
                                                  is_digit(sc->t[q + 1]) && d)))
                seps += !is_digit(sc->t[q]), d += is_digit(sc->t[q]), q++;
        if (d < 4 || d > 8 || (!seps && d > 6))
                return 0;
        if (!seps && d == 4 && (!memcmp(sc->t + p, "19", 2) || !memcmp(sc->t + p, "20", 2)))
                return 0; /* a year */
        return q;
}

static size_t skip_blank(const Scan *sc, size_t p, size_t le) {
        while (p < le && strchr(" \t>", sc->t[p]))
                p++;
        return p;
}

static bool town_char(unsigned char c) {
        return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c && strchr(" \t\r,.()-'>", c));
}

enum { TAIL_STOP = -1, TAIL_GO, TAIL_LAST };

static bool up(const Scan *sc, size_t q) {
        return sc->t[q] >= 'A' && sc->t[q] <= 'Z';
}

/* The end of a British ("LS1 4AB", "M21 2PR", "SW1A 1AA") or Canadian
 * ("K2L 2L1") postcode at q, or 0. */
static size_t letter_postcode(const Scan *sc, size_t q, size_t le) {
        size_t e = q;
        while (e < le && e - q < 2 && up(sc, e))
                e++;
        if (e == q || e >= le || !is_digit(sc->t[e]))
                return 0;
        e++;
        if (e < le && (up(sc, e) || is_digit(sc->t[e])))
                e++;
        if (e + 4 > le || sc->t[e] != ' ' || !is_digit(sc->t[e + 1]))
                return 0;
        bool uk = up(sc, e + 2) && up(sc, e + 3), ca = e - q == 3 && up(sc, e + 2) && is_digit(sc->t[e + 3]);
        e += 4;
        return (uk || ca) && (e >= le || (!anon_is_letter((unsigned char)sc->t[e]) && !is_digit(sc->t[e]))) ? e : 0;
}

/* Looks at the line [p, le) after an address: a town, a region, a country
 * and at most one postcode, at its start or after the words. Sets *ps,
 * *pe to the postcode (both 0 when none). TAIL_GO: the next line may go
 * on with the address; TAIL_LAST: something else follows the postcode on
 * this line ("NY 10027 • (123) 345"); TAIL_STOP: not an address line. */
static int tail_line(const Scan *sc, size_t p, size_t le, size_t *ps, size_t *pe) {
        *ps = *pe = 0;
        for (size_t q = p; q < le; q++) {
                unsigned char c = (unsigned char)sc->t[q];
                if (q - p >= ANON_ADDR_TAIL_LEN)
                        return TAIL_STOP;
                size_t uk = !*ps && (q == p || strchr(" ,", sc->t[q - 1])) ? letter_postcode(sc, q, le) : 0;
                if (!is_digit((char)c) && !uk) {
                        if (!town_char(c))
                                return TAIL_STOP;
                        continue;
                }
                size_t e = uk ? uk : *ps ? 0 : postcode_at(sc, q, le);
                if (!e || (q > p && is_digit(sc->t[q - 1])))
                        return TAIL_STOP;
                *ps = q, *pe = e, q = e - 1;
                size_t r = e;
                while (r < le && strchr(" \t\r,.", sc->t[r]))
                        r++;
                bool town_after = *ps == skip_blank(sc, p, le) && r < le && town_char((unsigned char)sc->t[r]);
                if (r < le && !town_after)
                        return TAIL_LAST; /* "NY 10027 • (123)": the address is over */
        }
        return TAIL_GO;
}

/* A word of the line [p, le) that is never in an address: a section
 * heading, or a product right before the number ("ISO 27001", "Windows
 * 2000"; a place's first word, "Santa Cruz, CA 95060", is fine). */
static bool tail_vocab(const Scan *sc, size_t *k, size_t le, size_t ps) {
        const Tok *last = NULL;
        for (; *k < sc->ntok && sc->toks[*k].start < le; (*k)++) {
                const Tok *t = &sc->toks[*k];
                if (t->lf & (LEX_TIMEHEAD | LEX_REFHEAD | LEX_PROJECT))
                        return true;
                if (ps && t->end <= ps)
                        last = t;
        }
        return last && (last->lf & (LEX_KEEP | LEX_PHRASE)) && !(last->lf & LEX_PLACE);
}

/* Byte q ends a line of an address: a newline, or a flattened layout's
 * separator (a bar, a semicolon, a tab, two spaces). */
static bool line_break(const Scan *sc, size_t q) {
        return strchr("\n|;\t", sc->t[q]) || (q + 1 < sc->n && sc->t[q] == ' ' && sc->t[q + 1] == ' ');
}

/* The end of the town right after a postcode, up to a comma or the
 * line's end ("00184 Roma, Italy"): the region the address keeps, read
 * over so that no later rule takes it for a name; p when none follows. */
static size_t town_end(const Scan *sc, size_t p) {
        size_t q = p;
        while (q < sc->n && sc->t[q] == ' ')
                q++;
        if (q == p || q >= sc->n || !anon_is_letter((unsigned char)sc->t[q]))
                return p;
        size_t e = p;
        for (; q < sc->n && sc->t[q] != ',' && !line_break(sc, q) && town_char((unsigned char)sc->t[q]); q++)
                if (anon_is_letter((unsigned char)sc->t[q]))
                        e = q + 1;
        return e;
}

/* The postcodes on the rest of the line after an address and on the few
 * short lines after it ("Riisa | Estonia 62488", "| 00184 Roma"). Returns
 * the end of the last one on the address's line (or end). */
static size_t address_tail(Scan *sc, size_t end) {
        size_t k = first_tok_from(sc, end), upto = end;
        bool same_line = true;
        for (size_t p = end, lines = 0; p < sc->n && lines < ANON_ADDR_TAIL_LINES; lines++) {
                while (p < sc->n && (sc->t[p] == ' ' || sc->t[p] == '\t'))
                        p++; /* an indented line */
                size_t le = p, ps, pe;
                while (le < sc->n && !line_break(sc, le))
                        le++;
                int r = tail_line(sc, p, le, &ps, &pe);
                if (r == TAIL_STOP)
                        return upto;
                if (tail_vocab(sc, &k, le, ps))
                        return upto; /* "ISO 27001", "Experience" */
                if (ps)
                        scan_add(sc, ps, pe, ANON_CAT_ADDRESS, PRIO_PHRASE, NULL);
                if (ps && same_line && lines <= 1)
                        upto = pe; /* "#216  Santa Cruz, CA 95060": the town is the address's */
                if (r == TAIL_LAST || le >= sc->n)
                        return upto;
                same_line &= sc->t[le] != '\n';
                p = le + 1;
        }
        return upto;
}

size_t anon_address_add(Scan *sc, size_t start, size_t end, bool postcode) {
        scan_add(sc, start, end, ANON_CAT_ADDRESS, PRIO_PHRASE, NULL);
        size_t upto = address_tail(sc, end);
        return upto == end && postcode ? town_end(sc, end) : upto;
}

/* The start of the postcode of 4 to 6 digits (no year) that ends one space
 * before token i, written where an address goes: after a label, a bar or
 * at a line's start (*alone: then the town must end its field, "12345
 * Tests passed" is a count), or after a lower-case word ("I live at 00184
 * Roma", "bor i 2200 København"); not after a capitalised word, which
 * makes it a product's or a course's number ("ISO 27001", "CS 3410
 * Cache"), nor after a comma, another number or a dot ("Python 3, 12345
 * Tests", "+45 1234", "12.500"), nor after a month ("17 aprilie 1684
 * Boileau": a year). 0 when none. */
static size_t lone_postcode(const Scan *sc, size_t i, bool *alone) {
        size_t pe = sc->toks[i].start - 1, ps = pe;
        while (ps > 0 && pe - ps < 7 && is_digit(sc->t[ps - 1]))
                ps--;
        size_t d = pe - ps;
        if (d < 4 || d > 6 || (d == 4 && (!memcmp(sc->t + ps, "19", 2) || !memcmp(sc->t + ps, "20", 2))))
                return 0; /* a year, or too long */
        size_t q = ps;
        while (q > 0 && (sc->t[q - 1] == ' ' || sc->t[q - 1] == '\t'))
                q--;
        *alone = q == 0 || strchr("\n:|>\t", sc->t[q - 1]);
        if (*alone)
                return ps;
        if (q == ps || !anon_is_letter((unsigned char)sc->t[q - 1]) || i == 0)
                return 0;
        const Tok *w = &sc->toks[i - 1];
        if (d == 4 && listed_name(sc, &sc->toks[i]))
                return 0; /* "în 1877 Mihail", "in 1684 Boileau": a year of history, a person */
        return w->end == q && !(w->flags & (TOK_CAP | TOK_ALLCAPS | TOK_ALNUM)) && !anon_month_tok(sc, w) ? ps : 0;
}

/* Byte p ends a town's field: the line's end, a comma, a bracket. */
static bool field_end(const Scan *sc, size_t p) {
        while (p < sc->n && sc->t[p] == ' ')
                p++;
        return p >= sc->n || strchr("\r\n,(|;", sc->t[p]) ||
               (sc->t[p] == '.' && (p + 1 >= sc->n || strchr(" \r\n", sc->t[p + 1])));
}

/* Token i is a town right after a postcode in running text ("00184 Roma",
 * "2200 København N"): capitalised words of no keep list, heading or
 * month, one space apart, with no street type among them and no number
 * right after them ("1436 Redbud Drive", "9721 Dalmatinova 43": a house
 * number and its street, left to the street rules). Adds the postcode;
 * the town stays, as the region, and is no name. Returns the town's
 * tokens, or 0. */
size_t anon_try_postcode_town(Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        if ((t->flags & TOK_ALLCAPS) || (t->lf & (LEX_KEEP | LEX_TIMEHEAD | LEX_PROJECT | LEX_REFHEAD)) ||
            anon_month_tok(sc, t))
                return 0;
        bool alone;
        size_t ps = lone_postcode(sc, i, &alone);
        if (!ps)
                return 0;
        size_t j = i;
        do {
                if (anon_maybe_street(sc, &sc->toks[j]) && anon_any_street(sc, &sc->toks[j]))
                        return 0; /* "1436 Redbud Drive" */
                j++;
        } while (j < sc->ntok && j - i < ANON_TOWN_WORDS && (sc->toks[j].flags & TOK_CAP) &&
                 sc->toks[j].start == sc->toks[j - 1].end + 1 && sc->t[sc->toks[j - 1].end] == ' ');
        if (anon_house_after(sc, sc->toks[j - 1].end) || (alone && !field_end(sc, sc->toks[j - 1].end)))
                return 0; /* "03751 Gerrit Achterberghove 137", "12345 Tests passed" */
        scan_add(sc, ps, t->start - 1, ANON_CAT_ADDRESS, PRIO_PHRASE, NULL);
        return j - i;
}
