/* Names of people from anywhere in CVs and letters: a given name that is
 * also a common word before a surname ("Frank Miller", "Julia Kowalska"),
 * and lists of people after "References:" or "worked with", whose names
 * no list may hold ("Tigist Bekele", "Jean-Baptiste Mbappé"). */
#include <string.h>

#include "core/utf8.h"
#include "domain/anonymize/anon_internal.h"

bool anon_field_start(const Scan *sc, size_t p) {
        size_t a = p;
        while (a > 0 && (sc->t[a - 1] == ' ' || sc->t[a - 1] == '\t'))
                a--;
        return a == 0 || sc->t[a - 1] == '\n' || sc->t[a - 1] == '\r' || p - a >= 2 || (p > a && sc->t[p - 1] == '\t');
}

/* A capitalised word that may be part of a person's name: no function,
 * keep, street or place word, no acronym, initial or number. A function
 * word that is also a given name of the language counts inside a
 * sentence ("with Will Turner", Italian "con Mia Rossi"), or anywhere in
 * a name's slot (slot: "Cordiali saluti,\nSara Turki"). */
static bool person_word(const Tok *t, bool slot) {
        uint16_t f = t->lf;
        if ((f & LEX_STOP) && (f & LEX_FIRST) && (slot || !(t->flags & TOK_SENT)))
                f &= (uint16_t)~LEX_STOP;
        return (t->flags & TOK_CAP) && !(t->flags & (TOK_ALLCAPS | TOK_INITIAL | TOK_NUM | TOK_ALNUM | TOK_SKIP)) &&
               t->end - t->start >= 2 && !(f & (LEX_STOP | LEX_KEEP | LEX_STREET | LEX_PLACE));
}

/* A surname of some list that is no common word, or a long one
 * (ANON_WORLD_SUR_MIN bytes: "Miller", not "Park" or "Lee"). */
static bool surname_word(const Scan *sc, const Tok *t) {
        uint16_t any = tok_any(sc, t);
        if (!(any & (LEX_SURNAME | LEX_WSUR)))
                return false;
        return t->flen >= ANON_WORLD_SUR_MIN || ((any & LEX_SURNAME) && !(t->lf & LEX_COMMON));
}

bool anon_common_first_pair_at(const Scan *sc, size_t i) {
        const Tok *a = &sc->toks[i], *b = &sc->toks[i + 1];
        if (!(a->lf & LEX_COMMON) || !person_word(a, false) || !person_word(b, false) || b->start != a->end + 1 ||
            !(tok_any(sc, a) & (LEX_FIRST | LEX_WFIRST)))
                return false;
        if ((a->flags & TOK_SENT) && !anon_field_start(sc, a->start))
                return false; /* "Will Turner ..." may be "Will" the verb; a line's first words are a field */
        return surname_word(sc, b);
}

/* ---- lists of people ---- */

enum { CUE_NONE, CUE_WITH, CUE_REFS };

/* CUE_REFS: token i follows a label of a references section and its colon
 * or dash ("References: ", "Referenze - "); CUE_WITH: a cue of company
 * ("worked with ", "con ", "με "), on the same line. */
static int list_cue(const Scan *sc, size_t i) {
        const Tok *p = &sc->toks[i - 1];
        size_t a = p->end, b = sc->toks[i].start;
        if (p->lf & LEX_REFHEAD) {
                if (b - a > 4 || !same_line(sc, a, b))
                        return CUE_NONE;
                for (size_t k = a; k < b; k++)
                        if (sc->t[k] == ':' || sc->t[k] == '-')
                                return CUE_REFS;
                return CUE_NONE;
        }
        return b == a + 1 && sc->t[a] == ' ' && anon_cue_tok(sc, p, ANON_CUE_WITH) ? CUE_WITH : CUE_NONE;
}

/* The words of one item from token k: two or three capitalised words one
 * space apart, a hyphen joining two parts of one word ("Jean-Baptiste",
 * "Mei-hui"). slot: as person_word(), for the first word. Returns the
 * token after its last word, or k. */
static size_t item_words(const Scan *sc, size_t k, bool slot) {
        size_t j = k, words = 0;
        while (j < sc->ntok && person_word(&sc->toks[j], slot && j == k) && words < 4) {
                words++;
                j++;
                while (j < sc->ntok && sc->toks[j].start == sc->toks[j - 1].end + 1 && sc->t[sc->toks[j - 1].end] == '-' &&
                       !(sc->toks[j].flags & (TOK_NUM | TOK_ALNUM)) && sc->toks[j].end - sc->toks[j].start >= 2)
                        j++; /* "-Baptiste", "-hui": the same word */
                if (j >= sc->ntok || sc->toks[j].start != sc->toks[j - 1].end + 1 || sc->t[sc->toks[j - 1].end] != ' ')
                        break;
        }
        return words >= 2 && words <= 3 ? j : k;
}

/* After an item ending at byte e: a role in brackets on the same line
 * ("(team lead)") is skipped. Returns the byte after it, or e. */
static size_t skip_role(const Scan *sc, size_t e) {
        size_t r = e + 1 < sc->n && sc->t[e] == ' ' ? anon_bracket_end(sc, e + 1, ANON_LIST_ROLE_MAX) : 0;
        return r ? r : e;
}

/* The separator after an item (at byte e, token j after it): ", ", "; "
 * (the next item's token in *ret_next), or " and " (*ret_last). False: the
 * list ends. */
static bool list_sep(const Scan *sc, size_t e, size_t j, size_t *ret_next, bool *ret_last) {
        while (j < sc->ntok && sc->toks[j].start < e)
                j++;
        if (j >= sc->ntok)
                return false;
        const Tok *t = &sc->toks[j];
        *ret_last = false;
        if (t->start == e + 2 && (sc->t[e] == ',' || sc->t[e] == ';') && sc->t[e + 1] == ' ' && !(t->lf & LEX_CONJ)) {
                *ret_next = j;
                return true;
        }
        size_t s = sc->t[e] == ',' ? e + 1 : e; /* "A, and B" */
        if (!(t->lf & LEX_CONJ) || (t->flags & (TOK_CAP | TOK_ALLCAPS)) || t->start != s + 1 || sc->t[s] != ' ' ||
            j + 1 >= sc->ntok || sc->toks[j + 1].start != t->end + 1)
                return false;
        *ret_next = j + 1, *ret_last = true;
        return true;
}

/* The items of a list of people from token i: their tokens [a[k], b[k]),
 * how many in *ret_n (none when a capitalised word that is no item follows
 * a separator), and whether a conjunction joins the last one (*ret_closed).
 * Returns the token after the last item. */
static size_t people_items(const Scan *sc, size_t i, size_t *a, size_t *b, size_t *ret_n, bool *ret_closed) {
        size_t n = 0, k = i, end = i, next;
        bool last = false;
        while (n < ANON_LIST_MAX) {
                /* right after "References:" the first word is a name's slot ("Will Turner") */
                size_t j = item_words(sc, k, k == i && i > 0 && (sc->toks[i - 1].lf & LEX_REFHEAD));
                if (j == k && n && (sc->toks[k].flags & (TOK_CAP | TOK_ALLCAPS)))
                        n = 0; /* "with Stella Theodoulou; Englewood Cliffs, NJ": no list of people */
                if (j == k)
                        break;
                a[n] = k, b[n] = j, n++, end = j;
                if (last || !list_sep(sc, skip_role(sc, sc->toks[j - 1].end), j, &next, &last))
                        break;
                k = next;
        }
        *ret_n = n, *ret_closed = last;
        return end;
}

/* Every word of [a, b) is in a finding of pass 2: a name already. */
static bool item_named(const uint8_t *cov, size_t a, size_t b) {
        for (size_t k = a; k < b; k++)
                if (!cov[k])
                        return false;
        return true;
}

/* A word of [a, b) is a company's or an organisation's ("Classic Rock
 * Magazine", "Atlas Corp"). */
static bool org_item(const Scan *sc, size_t a, size_t b) {
        for (size_t k = a + 1; k < b; k++)
                if (anon_org_cue_tok(sc, &sc->toks[k]))
                        return true;
        return false;
}

size_t anon_people_list_at(Scan *sc, size_t i, uint8_t *cov) {
        if (!person_word(&sc->toks[i], i > 0 && (sc->toks[i - 1].lf & LEX_REFHEAD)))
                return i;
        size_t a[ANON_LIST_MAX], b[ANON_LIST_MAX], n, named = 0;
        bool closed;
        size_t end = people_items(sc, i, a, b, &n, &closed);
        for (size_t k = 0; k < n; k++)
                named += item_named(cov, a[k], b[k]);
        if (n < 2 || !named)
                return i;
        /* after a cue one person is enough, in a whole list after "with" ("with A B,
         * C D and E F"; not "cu Uniunea Europeană, Leonard Orban, a"); elsewhere
         * most items must be people */
        int cue = i > 0 ? list_cue(sc, i) : CUE_NONE;
        if ((cue == CUE_WITH && n < 3 && !closed) || (!cue && (n < 3 || named * 2 <= n)))
                return i;
        for (size_t k = 0; k < n && !sc->err; k++) {
                if (item_named(cov, a[k], b[k]) || anon_place_before(sc, a[k], false) || org_item(sc, a[k], b[k]))
                        continue;
                scan_add(sc, sc->toks[a[k]].start, sc->toks[b[k] - 1].end, ANON_CAT_NAME, PRIO_NAME,
                         anon_session_pseudonym(sc, a[k], b[k], false, true));
                memset(cov + a[k], 1, b[k] - a[k]);
        }
        return end;
}

/* ---- hyphenated given names ---- */

/* "Shu-hui Yáng", "Ha-eun Bak", "Ya-ting Wu": a short capitalised syllable,
 * a lower-case one after a hyphen, and a surname of some list (of any
 * length: "Wu", "Oh") or a given name before: the shape of a Korean or
 * Chinese name written in Latin letters. */
bool anon_hyphen_shape_at(const Scan *sc, size_t i) {
        const Tok *a = &sc->toks[i], *z = &sc->toks[i + 2];
        if (a->end - a->start > ANON_HYPHEN_PART_MAX || !person_word(a, false) || !person_word(z, false) || z->start != sc->toks[i + 1].end + 1)
                return false;
        return (tok_any(sc, z) & (LEX_SURNAME | LEX_WSUR)) || (tok_any(sc, a) & (LEX_FIRST | LEX_WFIRST));
}

/* The same name family name first, as Korean and Chinese names are written
 * in news ("Choi Gee-sung", "Ban Ki-moon", "Kim Jong-un"): a short surname
 * of some list, then the short capitalised syllable and its lower-case one. */
bool anon_hyphen_last_at(const Scan *sc, size_t i) {
        const Tok *s = &sc->toks[i], *a = &sc->toks[i + 1];
        return s->end - s->start <= ANON_HYPHEN_PART_MAX && a->end - a->start <= ANON_HYPHEN_PART_MAX &&
               person_word(s, false) && person_word(a, false) && a->start == s->end + 1 && sc->t[s->end] == ' ' &&
               (tok_any(sc, s) & (LEX_SURNAME | LEX_WSUR)) && !(s->lf & LEX_COMMON);
}

/* ---- signatures ---- */

/* Token i starts the line after a closing ("Kind regards,", "Cordiali
 * saluti", "Z poważaniem,"): a short line (ANON_CLOSING_LINE_MAX bytes
 * before its last word) whose last word is a "closing" cue, then a comma
 * or nothing, and the line break. */
static bool after_closing(const Scan *sc, size_t i) {
        const Tok *p = &sc->toks[i - 1];
        size_t a = p->end, b = sc->toks[i].start;
        if (b - a > 4 || !anon_cue_tok(sc, p, ANON_CUE_CLOSING))
                return false;
        for (size_t k = a; k < b; k++)
                if (sc->t[k] != ',' && sc->t[k] != '\n' && sc->t[k] != '\r' && sc->t[k] != ' ')
                        return false;
        size_t s = p->start, lim = s > ANON_CLOSING_LINE_MAX ? s - ANON_CLOSING_LINE_MAX : 0;
        while (s > lim && sc->t[s - 1] != '\n')
                s--;
        if (s > 0 && sc->t[s - 1] != '\n')
                return false; /* a long line that ends with "respect": no closing */
        return true;
}

size_t anon_signature_at(Scan *sc, size_t i, uint8_t *cov) {
        if (i == 0 || !person_word(&sc->toks[i], true) || !after_closing(sc, i))
                return i; /* (the caller saw the line break right before token i) */
        size_t j = item_words(sc, i, true), e;
        if (j == i || item_named(cov, i, j) || anon_org_cue_tok(sc, &sc->toks[i]) || org_item(sc, i, j))
                return i; /* "Human Resources", "Ufficio Personale": a department signs */
        for (e = sc->toks[j - 1].end; e < sc->n && (sc->t[e] == ' ' || sc->t[e] == '\t'); e++)
                ;
        if (e < sc->n && sc->t[e] != '\n' && sc->t[e] != '\r')
                return i; /* the name is alone on its line */
        scan_add(sc, sc->toks[i].start, sc->toks[j - 1].end, ANON_CAT_NAME, PRIO_NAME,
                 anon_session_pseudonym(sc, i, j, false, true));
        memset(cov + i, 1, j - i);
        return j;
}

/* ---- Chinese, Japanese and Korean names ---- */

/* Han, kana or Hangul. */
static bool cjk(uint32_t cp) {
        return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

/* The name-list flags, every language or-ed, of the text s[0, n). */
static uint16_t text_names(const Scan *sc, const char *s, size_t n) {
        char k[ANON_FOLD_MAX];
        size_t kn = anon_fold(s, n, k);
        const LexWord *w = kn ? anon_name_get_h(sc->e, k, kn, anon_hash(k, kn)) : NULL;
        return w ? w->any : 0;
}

bool anon_cjk_name_at(const Scan *sc, const Tok *t) {
        size_t len = t->end - t->start;
        if (len < 6 || len > 3 * ANON_CJK_NAME_MAX || len % 3)
                return false;
        for (size_t p = t->start; p < t->end; p += 3) {
                uint32_t cp = 0;
                if (utf8_decode(sc->t + p, 3, &cp) != 3 || !cjk(cp))
                        return false;
        }
        const char *x = sc->t + t->start;
        for (size_t s = 3; s <= 6 && s < len; s += 3) /* a family name of one or two characters first */
                if ((text_names(sc, x + s, len - s) & (LEX_FIRST | LEX_WFIRST)) ||
                    (text_names(sc, x, s) & (LEX_SURNAME | LEX_WSUR)))
                        return true;
        return false;
}
