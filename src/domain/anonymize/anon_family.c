/* Pass 1c: the writer's children, family status and health in running
 * text, from the lexicon's words (data/anonymize/<lang>/lexicon.tsv, kinds
 * parent, count, child, selfcue, condition, status, degree):
 *   - a parent noun with children after it: "Mother of two", "Mamma di due
 *     bambini", "Mama dwójki dzieci", "Μητέρα δύο παιδιών", "Tată a unei
 *     fetițe";
 *   - a number or "no" before a child noun, after a cue of the writer ("I
 *     have two kids", "mam dwoje dzieci") or as a clause of its own
 *     ("Married, two children.", "doi copii.");
 *   - a condition after a cue of the writer: "I am deaf", "Ho la
 *     dislessia", "Mam dysleksję", "Έχω δυσλεξία", "Diagnosed with autism"
 *     (that cue goes too), or alone on a line of personal details;
 *   - a disability status anywhere, with its degree: "categoria protetta
 *     (L. 68/99)", "orzeczenie o niepełnosprawności w stopniu umiarkowanym",
 *     "αναπηρία 67%", "invalid 2. kategorije".
 * A job's topics stay: "two children's books", "ochrona praw dzieci",
 * "diabetes research", "Deaf community interpreter", "accessibility
 * testing for blind users", "people living with HIV" have no cue of the
 * writer. Runs after the demonyms (pass 1b) and before names and gendered
 * forms (pass 2), which do not look at its tokens again ("Sunt surdă" is
 * health, not "surd/ă"). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domain/anonymize/anon_internal.h"

/* The roles of the tokens [i, j) as one entry of tab, in the document's
 * language or English (0: none); *prefix: they start a longer entry;
 * *ret_v: the entry of the document's language (or English) with roles. */
static int sens_get(const Scan *sc, const HTab *tab, size_t i, size_t j, bool *prefix, const PhraseVal **ret_v) {
        char key[ANON_FOLD_MAX * ANON_SENS_TOKENS + ANON_SENS_TOKENS];
        size_t o = 0;
        for (size_t k = i; k < j; k++) {
                const Tok *t = &sc->toks[k];
                if ((k > i && !(t->flags & TOK_JOINED)) || o + t->flen + 1 >= sizeof(key))
                        return *prefix = false, 0;
                if (o)
                        key[o++] = ' ';
                memcpy(key + o, tok_key(sc, t), t->flen);
                o += t->flen;
        }
        uint32_t h = j == i + 1 ? sc->toks[i].hash : anon_hash(key, o);
        const Phrase *p = o && htab_maybe(tab, h) ? htab_get(tab, key, o, h) : NULL;
        *prefix = p != NULL;
        if (!p)
                return 0;
        const PhraseVal *v = &p->v[sc->lang], *en = &p->v[LANG_EN];
        int r_en = en->kind == PH_SENS ? en->cat : 0;
        if (sc->lang != LANG_EN)
                r_en &= ~ANON_SENS_GNOUN; /* gender nouns of the text's language only: Italian "male" is "ill" */
        int r = (v->kind == PH_SENS ? v->cat : 0) | r_en;
        if (r && ret_v)
                *ret_v = v->kind == PH_SENS ? v : en;
        return r;
}

/* The longest entry of tab at token i with one of the roles in mask: its
 * tokens (0: none), its roles in *ret_roles and its entry in *ret_v. */
static size_t sens_at(const Scan *sc, const HTab *tab, size_t i, int mask, int *ret_roles, const PhraseVal **ret_v) {
        size_t best = 0;
        bool more = true;
        for (size_t k = 1; more && k <= ANON_SENS_TOKENS && i + k <= sc->ntok; k++) {
                const PhraseVal *v = NULL;
                int r = sens_get(sc, tab, i, i + k, &more, &v);
                if (r & mask) {
                        best = k, *ret_roles = r;
                        if (ret_v)
                                *ret_v = v;
                }
        }
        return best;
}

/* The word roles (count, cue, degree) of the longest entry at token i
 * with one of mask: its tokens and roles. */
static size_t word_at(const Scan *sc, size_t i, int mask, int *ret_roles) {
        if (i >= sc->ntok || (sc->toks[i].flags & TOK_SKIP))
                return 0;
        return sens_at(sc, &sc->e->sens_words, i, mask, ret_roles, NULL);
}

/* Token i follows token i - 1 in the same clause: blanks only, on one
 * line, or a percentage's sign ("60% de incapacidade"). */
static bool close_to_prev(const Scan *sc, size_t i) {
        if (i == 0 || i >= sc->ntok)
                return false;
        size_t a = sc->toks[i - 1].end, b = sc->toks[i].start;
        if (b - a > 3)
                return false;
        for (size_t k = a; k < b; k++)
                if (sc->t[k] != ' ' && !(k == a && sc->t[k] == '%' && is_digit(sc->t[k - 1])))
                        return false;
        return b > a;
}

static bool stop_tok(const Scan *sc, size_t i) {
        return (sc->toks[i].lf & LEX_STOP) && !(sc->toks[i].flags & TOK_NUM);
}

/* A count at token i: a number of up to three digits, or a count word
 * (*word: one that is no article, "two", not "a"). Its tokens, or 0. */
static size_t count_at(const Scan *sc, size_t i, bool *word) {
        int r = 0;
        if (i >= sc->ntok)
                return 0;
        if (sc->toks[i].flags & TOK_NUM) {
                *word = true;
                return 1;
        }
        size_t n = word_at(sc, i, ANON_SENS_COUNT, &r);
        *word = n && !(n == 1 && stop_tok(sc, i));
        return n;
}

/* A child noun at token i, not a possessive ("two children's books"):
 * its tokens, or 0. */
static size_t child_at(const Scan *sc, size_t i) {
        int r = 0;
        if (i >= sc->ntok || (sc->toks[i].flags & TOK_SKIP))
                return 0;
        size_t n = sens_at(sc, &sc->e->sens_anchor, i, ANON_SENS_CHILD, &r, NULL);
        size_t e = n ? sc->toks[i + n - 1].end : 0;
        if (n && e < sc->n && (sc->t[e] == '\'' || (e + 2 < sc->n && !memcmp(sc->t + e, "\xe2\x80\x99", 3))))
                return 0;
        return n;
}

/* True when the child noun ending at token j - 1 ends its phrase: the
 * clause ends, or a function word follows ("two kids and a dog"); not a
 * noun ("a child psychologist", "two children books"). */
static bool child_ends(const Scan *sc, size_t j) {
        int r = 0;
        return j >= sc->ntok || !close_to_prev(sc, j) || stop_tok(sc, j) || (sc->toks[j].flags & TOK_NUM) ||
               word_at(sc, j, ANON_SENS_DEGREE, &r); /* "two kids aged 5 and 7" */
}

/* True when token i starts a clause: the text's start, or a gap with a
 * full stop, a comma, a semicolon, a colon, a bracket, a dash or a line
 * break before it. */
static bool clause_start(const Scan *sc, size_t i) {
        size_t a = i ? sc->toks[i - 1].end : 0, b = sc->toks[i].start;
        if (i == 0)
                return true;
        for (size_t k = a; k < b; k++)
                if (strchr(".,;:(\n\r-\t", sc->t[k]) || (unsigned char)sc->t[k] >= 0x80)
                        return true; /* and "•", "–" */
        return false;
}

/* True when the text right after byte e ends a clause: punctuation, a
 * line break, or a wide gap (a column of a PDF's text: "two children
 * Education"). */
static bool clause_end_at(const Scan *sc, size_t e) {
        size_t s = e;
        while (e < sc->n && sc->t[e] == ' ')
                e++;
        return e >= sc->n || e - s >= 2 || strchr(".,;:)\n\r!\t", sc->t[e]);
}

/* The end (bytes) of a number at p ("67", "67%", "68/99", "2."); p when
 * none. The number's dot is not its end when a word follows it. */
static size_t number_end(const Scan *sc, size_t p) {
        size_t q = anon_number_end(sc, p, "/.,");
        if (q > p && q < sc->n && sc->t[q] == '%')
                q++;
        return q;
}

/* The first token starting at or after byte p. */
static size_t tok_from(const Scan *sc, size_t k, size_t p) {
        while (k < sc->ntok && sc->toks[k].start < p)
                k++;
        return k;
}

/* True when the text at p is one of the numbers of alts ("#": any;
 * "68/99|68/1999"), the whole number. */
static bool number_ok(const Scan *sc, size_t p, const char *alts) {
        size_t q = number_end(sc, p);
        if (q == p)
                return false;
        while (q > p && sc->t[q - 1] == '%')
                q--;
        for (const char *a = alts; *a;) {
                const char *bar = strchr(a, '|');
                size_t l = bar ? (size_t)(bar - a) : strlen(a);
                if ((l == 1 && a[0] == '#') || (l == q - p && !memcmp(sc->t + p, a, l)))
                        return true;
                a += l + (bar != NULL);
        }
        return false;
}

/* The end (bytes) of a condition or a status ending at byte e (the
 * token after it: j) with its degrees and numbers: "w stopniu
 * umiarkowanym", "67%", "(L. 68/99)", "2. kategorije", "locomotor".
 * *ret_j: the token after it. */
static size_t tail_end(const Scan *sc, size_t j, size_t e, size_t *ret_j) {
        size_t open = 0;
        for (int step = 0; step < ANON_SENS_TAIL; step++) {
                size_t p = e, r;
                if (p > 0 && p + 1 < sc->n && sc->t[p] == '.' && sc->t[p + 1] == ' ' &&
                    (is_digit(sc->t[p - 1]) || sc->t[p - 1] == 'I' || sc->t[p - 1] == 'V'))
                        p++; /* "2. kategorije", "III. kategorije" */
                while (p < sc->n && sc->t[p] == ' ')
                        p++;
                if (p < sc->n && sc->t[p] == '(' && !open)
                        open = ++p;
                int roles = 0;
                size_t k = tok_from(sc, j, p), n;
                const PhraseVal *v = NULL;
                if (p < sc->n && is_digit(sc->t[p]) && (r = number_end(sc, p)) > p) {
                        e = r;
                } else if (k < sc->ntok && sc->toks[k].start == p && (n = word_at(sc, k, ANON_SENS_DEGREE, &roles))) {
                        e = sc->toks[k + n - 1].end;
                } else if (k + 1 < sc->ntok && sc->toks[k].start == p && stop_tok(sc, k) && close_to_prev(sc, k + 1) &&
                           (n = word_at(sc, k + 1, ANON_SENS_DEGREE, &roles))) {
                        e = sc->toks[k + n].end; /* "w stopniu", "de grad" */
                } else if (k < sc->ntok && sc->toks[k].start == p && stop_tok(sc, k) && (r = sc->toks[k].end + 1) < sc->n &&
                           sc->t[r - 1] == ' ' && is_digit(sc->t[r]) && sc->t[number_end(sc, r) - 1] == '%') {
                        e = number_end(sc, r); /* "al 75%", "de 60%"; not "and 5 years" */
                } else if (k < sc->ntok && sc->toks[k].start == p &&
                           (n = sens_at(sc, &sc->e->sens_anchor, k, ANON_SENS_STATUS, &roles, &v)) && v->repl) {
                        size_t q = sc->toks[k + n - 1].end;
                        while (q < sc->n && (sc->t[q] == ' ' || sc->t[q] == '.'))
                                q++;
                        if (!number_ok(sc, q, v->repl))
                                break;
                        e = number_end(sc, q); /* "(L. 68/99)" */
                } else {
                        break;
                }
        }
        if (open && e >= open && e < sc->n && sc->t[e] == ')')
                e++;
        *ret_j = tok_from(sc, j, e);
        return e;
}

/* The end of a short remark in brackets right after a condition, on its
 * line ("deficiência visual (baixa visão)", "diabetes (type 1)"): it
 * names the condition further. Or e. */
static size_t remark_end(const Scan *sc, size_t e) {
        size_t p = e;
        while (p < sc->n && sc->t[p] == ' ')
                p++;
        size_t r = anon_bracket_end(sc, p, ANON_SENS_PAREN_MAX);
        return r ? r : e;
}

/* Removes [sc->toks[i].start, e) as cat; its tokens are not looked at
 * again, but for a label's word before its colon ("mămică a doi copii:
 * Alex și Aida": pass 2 takes the value). */
static void take(Scan *sc, size_t i, size_t e, int cat) {
        scan_add(sc, sc->toks[i].start, e, cat, PRIO_PHRASE, NULL);
        size_t p = e;
        while (p < sc->n && sc->t[p] == ' ')
                p++;
        bool colon = p < sc->n && sc->t[p] == ':';
        for (size_t k = i; k < sc->ntok && sc->toks[k].start < e; k++)
                if (!colon || sc->toks[k].end != e)
                        sc->toks[k].flags |= TOK_SKIP;
}

/* Children after a parent noun ending at token j - 1: "of two", "di due
 * bambini", "dwójki dzieci", "a unei fetițe", "δύο παιδιών", "of three".
 * The token after them, or 0. */
static size_t children_after(const Scan *sc, size_t j) {
        for (int links = 0; links < 2 && j < sc->ntok && close_to_prev(sc, j) && stop_tok(sc, j); links++) {
                bool w;
                size_t c = count_at(sc, j, &w);
                if (c && close_to_prev(sc, j + c) && child_at(sc, j + c))
                        break; /* "a unei fetițe": "unei" is the count */
                j++;
        }
        if (j >= sc->ntok || !close_to_prev(sc, j))
                return 0;
        bool word = false;
        size_t c = count_at(sc, j, &word), ch;
        if (c && close_to_prev(sc, j + c) && (ch = child_at(sc, j + c)))
                return j + c + ch;
        if (c && word)
                return j + c; /* "Dad of three" */
        if ((ch = child_at(sc, j)))
                return j + ch; /* "mother of twins" */
        return 0;
}

/* More children after children ending at token j - 1: "a son and a
 * daughter", "un figlio e una figlia". The token after the last. */
static size_t more_children(const Scan *sc, size_t j) {
        while (j + 1 < sc->ntok && (sc->toks[j].lf & LEX_CONJ) && close_to_prev(sc, j) && close_to_prev(sc, j + 1)) {
                bool w;
                size_t c = count_at(sc, j + 1, &w), ch;
                if (!c || !close_to_prev(sc, j + 1 + c) || !(ch = child_at(sc, j + 1 + c)))
                        break;
                j += 1 + c + ch;
        }
        return j;
}

/* A parent noun at token i with children after it. Returns the tokens
 * taken, or 0. */
static size_t try_parent(Scan *sc, size_t i, size_t n) {
        size_t j = children_after(sc, i + n);
        if (!j)
                return 0;
        j = more_children(sc, j);
        take(sc, i, sc->toks[j - 1].end, ANON_CAT_FAMILY);
        return j - i;
}

/* True when what was taken up to byte e (the token after it: j) ends
 * there: the clause ends, or a function word or a number follows ("I am
 * deaf and", "mam dysleksję od"); not a noun ("I have a blind spot",
 * "I have diabetes research experience"). */
static bool ends_here(const Scan *sc, size_t j, size_t e) {
        if (clause_end_at(sc, e) || j >= sc->ntok)
                return true;
        for (size_t k = e; k < sc->toks[j].start; k++)
                if (sc->t[k] != ' ')
                        return k > e || (sc->t[k] != '-' && sc->t[k] != '/'); /* "blind-testing": one word */
        return stop_tok(sc, j) || (sc->toks[j].flags & TOK_NUM);
}

/* Token p ends the writer's family finding this pass just took, and
 * token k after it is a conjunction ("a proud [wife] and mother"). */
static bool family_then_conj(const Scan *sc, size_t p, size_t k) {
        const Find *f = sc->nfind ? &sc->finds[sc->nfind - 1] : NULL;
        return f && f->cat == ANON_CAT_FAMILY && f->end == sc->toks[p].end && k == p + 1 &&
               (sc->toks[k].lf & LEX_CONJ);
}

/* A cue of the writer ("I have", "sono", "mam", "έχω", "diagnosed with")
 * ending right before token k, across up to ANON_SENS_GAP articles,
 * counts, degrees and numbers ("I have | two | kids", "Ho la | dislessia",
 * "I have mild | dyslexia"). *ret_cue: its first token; *ret_take: it goes
 * too; *ret_first: the first count or degree after it (or k); *ret_after:
 * the token after it. */
static bool cue_before(const Scan *sc, size_t k, size_t *ret_cue, bool *ret_take, size_t *ret_first,
                       size_t *ret_after) {
        size_t first = k;
        for (size_t g = 0; g <= ANON_SENS_GAP && k > 0 && close_to_prev(sc, k); g++) {
                for (size_t n = ANON_SENS_CUE_TOKENS; n >= 1; n--) {
                        bool more;
                        int r = n <= k ? sens_get(sc, &sc->e->sens_words, k - n, k, &more, NULL) : 0;
                        if (r & ANON_SENS_CUE) {
                                *ret_cue = k - n, *ret_take = (r & ANON_SENS_TAKE) != 0, *ret_first = first;
                                *ret_after = k;
                                return true;
                        }
                }
                size_t p = k - 1;
                int roles = 0;
                bool w;
                if (sc->toks[p].flags & TOK_SKIP) {
                        if (!family_then_conj(sc, p, k))
                                return false;
                        *ret_cue = p, *ret_take = false, *ret_first = first, *ret_after = k;
                        return true; /* "I am a proud wife and | mother" */
                }
                if (count_at(sc, p, &w) == 1 || word_at(sc, p, ANON_SENS_DEGREE, &roles) == 1)
                        first = p; /* "two", "mild"; not "the" */
                else if (!stop_tok(sc, p))
                        return false;
                k = p;
        }
        return false;
}

/* More conditions after one ending at byte e (the token after it:
 * *j): "mild dyslexia and ADHD". Returns the end of the last one. */
static size_t more_conditions(const Scan *sc, size_t *j, size_t e) {
        int roles = 0;
        size_t n;
        while (*j + 1 < sc->ntok && (sc->toks[*j].lf & LEX_CONJ) && close_to_prev(sc, *j + 1) &&
               sc->toks[*j].start <= e + 1 &&
               (n = sens_at(sc, &sc->e->sens_anchor, *j + 1, ANON_SENS_COND, &roles, NULL)))
                e = tail_end(sc, *j + 1 + n, sc->toks[*j + n].end, j);
        return e;
}

/* True when [s, e) is alone on its line: blanks or a bullet before it,
 * blanks or a full stop after it. */
static bool line_alone(const Scan *sc, size_t s, size_t e) {
        for (;;) {
                if (s > 0 && strchr(" \t-*", sc->t[s - 1]))
                        s--;
                else if (s >= 3 && !memcmp(sc->t + s - 3, "\xe2\x80\xa2", 3))
                        s -= 3; /* "•" */
                else
                        break;
        }
        while (e < sc->n && strchr(" \t.\r", sc->t[e]))
                e++;
        return (s == 0 || sc->t[s - 1] == '\n') && (e >= sc->n || sc->t[e] == '\n');
}

/* True when a cue that goes with its condition at token cue is the
 * writer's: it starts a clause, or only function words ("I was", "I have
 * been") stand between it and the start of its clause ("Diagnosed with
 * autism", "I was diagnosed with"; not "people living with HIV",
 * "children diagnosed with autism"). */
static bool writer_take(const Scan *sc, size_t cue) {
        if (clause_start(sc, cue))
                return true;
        for (size_t k = cue, g = 0; k > 0 && g < ANON_SENS_GAP; g++) {
                const Tok *t = &sc->toks[--k];
                bool contraction = t->start > 0 && sc->t[t->start - 1] == '\'' && t->flen <= 2; /* "I've been" */
                if (!stop_tok(sc, k) && !contraction && !(t->flen == 1 && tok_key(sc, t)[0] == 'i'))
                        return false;
                if (clause_start(sc, k))
                        return true;
        }
        return false;
}

/* A condition at token i (n tokens) after a cue of the writer ("I am
 * deaf", "Ho la dislessia", "Diagnosed with autism": that cue goes too),
 * or before one as a clause of its own (Slovene "Gluha sem."). Returns
 * the tokens taken from i on, or 0. */
static size_t try_condition(Scan *sc, size_t i, size_t n) {
        size_t cue, first, after, end, e;
        bool take_cue, more;
        if (cue_before(sc, i, &cue, &take_cue, &first, &after) && (!take_cue || writer_take(sc, cue))) {
                e = tail_end(sc, i + n, sc->toks[i + n - 1].end, &end);
                if (!take_cue && !ends_here(sc, end, e))
                        return 0;
                e = remark_end(sc, more_conditions(sc, &end, e));
                end = tok_from(sc, end, e);
                take(sc, take_cue ? cue : first, e, ANON_CAT_HEALTH);
                return end - i;
        }
        e = tail_end(sc, i + n, sc->toks[i + n - 1].end, &end);
        if (line_alone(sc, sc->toks[i].start, e)) { /* a line of the CV's personal details: "Dyslexia" */
                e = remark_end(sc, e);
                end = tok_from(sc, end, e);
                take(sc, i, e, ANON_CAT_HEALTH);
                return end - i;
        }
        if (i + n < sc->ntok && close_to_prev(sc, i + n) && clause_start(sc, i) &&
            (sens_get(sc, &sc->e->sens_words, i + n, i + n + 1, &more, NULL) & ANON_SENS_CUE) &&
            clause_end_at(sc, sc->toks[i + n].end)) {
                take(sc, i, sc->toks[i + n - 1].end, ANON_CAT_HEALTH);
                return n + 1;
        }
        return 0;
}

/* A parent noun at token i (n tokens) after a cue of the writer, with
 * only articles and degrees between them ("a proud"), ending its clause
 * or before a conjunction:
 * "I'm a mother.", "Jestem mamą", "Sono mamma e"; not "I am the father
 * of the project". Returns the tokens taken, or 0. */
static size_t parent_after_cue(Scan *sc, size_t i, size_t n) {
        size_t cue, first, after;
        bool take_cue, w;
        if (!cue_before(sc, i, &cue, &take_cue, &first, &after) ||
            !(clause_end_at(sc, sc->toks[i + n - 1].end) || (i + n < sc->ntok && (sc->toks[i + n].lf & LEX_CONJ))))
                return 0;
        for (size_t k = after; k < i; k++) /* "a", "una", "proud": no number ("I am two mothers") */
                if (sc->toks[k].flags & TOK_NUM || (count_at(sc, k, &w) && w))
                        return 0;
        take(sc, take_cue ? cue : i, sc->toks[i + n - 1].end, ANON_CAT_FAMILY);
        return n;
}

/* Children at token i (n tokens) after a cue of the writer, with a count
 * or right after it: "I have two kids", "mam dwoje dzieci", "Imam
 * otroke", "married with two children"; not "Delal sem z otroki" nor "I
 * am a child psychologist". Returns the tokens taken, or 0. */
static size_t children_after_cue(Scan *sc, size_t i, size_t n) {
        size_t cue, first, after;
        bool take_cue;
        if (!cue_before(sc, i, &cue, &take_cue, &first, &after) || !child_ends(sc, i + n) || (first == i && after != i))
                return 0;
        size_t j = more_children(sc, i + n);
        take(sc, take_cue ? cue : first, sc->toks[j - 1].end, ANON_CAT_FAMILY);
        return j - i;
}

/* A count and a child noun as a clause of their own ("Married, two
 * children.", "doi copii.", "no children"): the child noun is at token i.
 * Returns the tokens after it taken, or 0. */
static size_t lone_children(Scan *sc, size_t i, size_t n) {
        if (i == 0 || !close_to_prev(sc, i))
                return 0;
        size_t c = i - 1, j = more_children(sc, i + n);
        bool w;
        if (!(j >= sc->ntok || clause_end_at(sc, sc->toks[j - 1].end)) || count_at(sc, c, &w) != 1 ||
            (sc->toks[c].flags & TOK_SKIP) || !clause_start(sc, c))
                return 0;
        take(sc, c, sc->toks[j - 1].end, ANON_CAT_FAMILY);
        return j - i;
}

/* Children the writer has or came with, at token i (n tokens): after or
 * before the writer's possessive, a count between or not ("my two
 * children", "i miei figli", "copiii mei", "τα παιδιά μου"), or after
 * "with" and a count ("with two kids", "z dwójką dzieci", "cu doi
 * copii"); "with" stays. Not "children with autism" nor "my kids'
 * school". Returns the tokens after i taken, or 0. */
static size_t owned_children(Scan *sc, size_t i, size_t n) {
        size_t s = i, j = more_children(sc, i + n);
        bool w = false;
        if (!child_at(sc, i) || (sc->toks[i].flags & (TOK_CAP | TOK_ALLCAPS)) ||
            (j < sc->ntok && close_to_prev(sc, j) && (sc->toks[j].flags & TOK_CAP)))
                return 0; /* "my kids' school", "two children's charities", a title ("Killed My Baby");
                           * "my kid Tadzio": the name rules' */
        if (s > 0 && close_to_prev(sc, s) && count_at(sc, s - 1, &w) == 1 && w)
                s--;
        if (s > 0 && close_to_prev(sc, s) && anon_cue_tok(sc, &sc->toks[s - 1], ANON_CUE_MINE))
                s--; /* "my two children" */
        else if (j < sc->ntok && close_to_prev(sc, j) && anon_cue_tok(sc, &sc->toks[j], ANON_CUE_MINE))
                j++; /* "copiii mei", "τα παιδιά μου" */
        else if (s == i || !child_ends(sc, j) ||
                 !(s > 0 && close_to_prev(sc, s) && anon_cue_tok(sc, &sc->toks[s - 1], ANON_CUE_WITH)))
                return 0; /* "with two children's", "with two child psychologists" */
        take(sc, s, sc->toks[j - 1].end, ANON_CAT_FAMILY);
        return j - i;
}

/* A status at token i ("categoria protetta", "PcD", "αναπηρία 67%"), not a
 * field's label ("Categoria protetta: sì", which pass 2 takes). Returns
 * the tokens taken, or 0. */
static size_t try_status(Scan *sc, size_t i, size_t n, const PhraseVal *v) {
        size_t e = sc->toks[i + n - 1].end, p = e, end;
        while (p < sc->n && (sc->t[p] == ' ' || sc->t[p] == '.'))
                p++;
        if (p < sc->n && (sc->t[p] == ':' || sc->t[p] == '\t'))
                return 0;
        if (v->repl && !number_ok(sc, p, v->repl))
                return 0;
        e = tail_end(sc, i + n, v->repl ? number_end(sc, p) : e, &end);
        take(sc, i, e, ANON_CAT_HEALTH);
        return end > i ? end - i : n;
}

/* The gap before token k is one or two blanks, a hyphen ("34-year-old")
 * or an elision's apostrophe ("l'unica", "un'ingegnera"). */
static bool word_gap(const Scan *sc, size_t k) {
        size_t a = sc->toks[k - 1].end, b = sc->toks[k].start;
        if (b - a == 1)
                return sc->t[a] == ' ' || sc->t[a] == '-' || sc->t[a] == '\'';
        if (b - a == 3)
                return !memcmp(sc->t + a, "\xe2\x80\x99", 3);
        return b - a == 2 && sc->t[a] == ' ' && sc->t[a + 1] == ' ';
}

/* An "origin" cue of the writer ("I am a", "as a", "being", "sono",
 * "jestem", "sunt", "είμαι", "sem", "jako", "kot") before the gender noun
 * at token i, across up to ANON_GNOUN_GAP words: function words first
 * ("the only", "una", "do"), then numbers and adjectives ("34-year-old",
 * "giovane", "młodą"; a demonym pass 1b took: "a Ukrainian woman"); not
 * "I am working with a female colleague". *ret_cue: its first token;
 * *ret_from: the first word between (i: none). */
static bool gnoun_cue(const Scan *sc, size_t i, size_t *ret_cue, size_t *ret_from) {
        bool stops = false;
        for (size_t k = i, g = 0; k > 0 && word_gap(sc, k); g++, k--) {
                if (anon_origin_cue_before(sc, k, ret_cue)) {
                        *ret_from = k;
                        return true;
                }
                const Tok *p = &sc->toks[k - 1];
                bool stop = stop_tok(sc, k - 1);
                if (g == ANON_GNOUN_GAP || (stops && !stop) ||
                    ((p->flags & (TOK_CAP | TOK_ALLCAPS | TOK_ALNUM)) && !(p->flags & TOK_SKIP)))
                        return false;
                stops |= stop;
        }
        return false;
}

/* A hyphen, an apostrophe or a typographic one right after byte e joins
 * the word ending there to what follows: "male-dominated", "woman's". */
static bool joined_after(const Scan *sc, size_t e) {
        return e < sc->n && (sc->t[e] == '-' || sc->t[e] == '\'' ||
                             (e + 2 < sc->n && !memcmp(sc->t + e, "\xe2\x80\x99", 3)));
}

/* A gender noun at token i (n tokens, ending at byte e) that starts its
 * clause or a field of a flattened form: before an "originafter" cue
 * ("Ženska sem."), or as a clause of its own ("Female.", "Woman, 34",
 * "Indian  Male  English, Hindi"); not "Kobieta, która", "Mulher, que". */
static bool lone_gnoun(const Scan *sc, size_t i, size_t n, size_t e) {
        if (!clause_start(sc, i) && !anon_field_start(sc, sc->toks[i].start))
                return false;
        if (i + n < sc->ntok && close_to_prev(sc, i + n) && anon_origin_cue_after(sc, i + n))
                return true;
        size_t p = e;
        while (p < sc->n && sc->t[p] == ' ')
                p++;
        return clause_end_at(sc, e) && !(p < sc->n && sc->t[p] == ',' && i + n < sc->ntok && stop_tok(sc, i + n));
}

/* A gender noun at token i (n tokens) about the writer: after an "origin"
 * cue ("I am a woman", "I'm a 34-year-old man", "sono una giovane donna",
 * "Jestem kobietą", "Είμαι γυναίκα", "I identify as non-binary"; where
 * words agree with it, they go too: "Sono [gender]"), or lone_gnoun().
 * Not a topic nor someone else ("female founders", "male-dominated", "o
 * homem que construiu", "Ten mężczyzna"); an "as a woman" phrase is pass
 * 2's to rewrite ("as a person"). Returns the tokens taken, or 0. */
static size_t try_gender_noun(Scan *sc, size_t i, size_t n) {
        size_t e = sc->toks[i + n - 1].end, cue, from;
        if (joined_after(sc, e))
                return 0;
        /* capitalised after a cue, a name: "I'm Donna", "I am Guy Smith" */
        bool cap = (sc->toks[i].flags & (TOK_CAP | TOK_ALLCAPS)) == TOK_CAP;
        if (!cap && gnoun_cue(sc, i, &cue, &from)) {
                const PhraseVal *v = NULL;
                size_t len = anon_match_phrase_at(sc, cue, &v);
                if (len && v->kind == PH_GENDER && cue + len >= i + n)
                        return 0; /* "as a woman" */
                for (size_t k = from; k < i; k++)
                        if ((sc->toks[k].flags & (TOK_NUM | TOK_SKIP)) || sc->lang == LANG_EN)
                                from = i; /* "34-letnią", "a [nationality]", English: the noun only */
        } else if (lone_gnoun(sc, i, n, e)) {
                from = i;
        } else {
                return 0;
        }
        take(sc, from, e, ANON_CAT_GENDER);
        return n;
}

bool anon_intensifier(const Scan *sc, size_t k) {
        bool more;
        return (sens_get(sc, &sc->e->sens_words, k, k + 1, &more, NULL) & ANON_SENS_INTENS) != 0;
}

size_t anon_tenure_at(const Scan *sc, size_t i) {
        int roles = 0;
        return word_at(sc, i, ANON_SENS_TENURE, &roles);
}

bool anon_gnoun_before(const Scan *sc, size_t i) {
        if (i == 0 || !(sc->toks[i - 1].flags & TOK_SKIP) || !close_to_prev(sc, i))
                return false;
        bool more;
        for (size_t n = 1; n <= 2 && n <= i; n++)
                if (sens_get(sc, &sc->e->sens_anchor, i - n, i, &more, NULL) & ANON_SENS_GNOUN)
                        return true;
        return false;
}

int anon_sens_index(AnonEngine *e) {
        size_t words = e->words.n; /* lex_ref() 1..words: bit 0 stays clear */
        free(e->sens_bits);
        if (!(e->sens_bits = calloc(words / 64 + 1, sizeof(uint64_t))))
                return -ENOMEM;
        for (size_t i = 0; i < e->sens_anchor.cap; i++) {
                const Phrase *p = e->sens_anchor.slots[i].item;
                if (!p)
                        continue;
                const char *sp = memchr(p->key, ' ', p->klen);
                size_t n = sp ? (size_t)(sp - p->key) : p->klen;
                uint32_t ref = lex_ref(e, anon_lex_get(e, p->key, n));
                if (ref && ref <= words)
                        e->sens_bits[ref >> 6] |= 1ull << (ref & 63);
        }
        return 0;
}

/* English "As a" before token f, where a clause starts: "As a working
 * mum, I ...". The token that starts the clause: f - 2, or f. */
static size_t as_a_before(const Scan *sc, size_t f) {
        if (sc->lang != LANG_EN || f < 2 || !close_to_prev(sc, f) || !close_to_prev(sc, f - 1) || !tok_is(sc, &sc->toks[f - 2], "as") ||
            !(tok_is(sc, &sc->toks[f - 1], "a") || tok_is(sc, &sc->toks[f - 1], "an")))
                return f;
        return f - 2;
}

/* A parent noun at token i (n tokens) as a clause of its own ("Single
 * mom.", "Samohranilka.", "As a working mum,"), one degree before it or
 * not ("Team lead, proud mum, runner"), another parent noun joined to it
 * or not ("Wife and mother."); not in brackets ("Arabic (mother)" is a
 * mother tongue). Takes it and returns the tokens from i taken, or 0. */
static size_t lone_parent(Scan *sc, size_t i, size_t n) {
        int r;
        size_t f = i > 0 && close_to_prev(sc, i) && word_at(sc, i - 1, ANON_SENS_DEGREE, &r) == 1 ? i - 1 : i;
        size_t last = i + n - 1, m;
        if (last + 2 < sc->ntok && (sc->toks[last + 1].lf & LEX_CONJ) && close_to_prev(sc, last + 2) &&
            (m = sens_at(sc, &sc->e->sens_anchor, last + 2, ANON_SENS_PARENT, &r, NULL)) &&
            clause_end_at(sc, sc->toks[last + 1 + m].end))
                last += 1 + m; /* "Wife and mother." */
        size_t s = sc->toks[f].start, e = sc->toks[last].end;
        while (s > 0 && sc->t[s - 1] == ' ')
                s--;
        if (!clause_start(sc, as_a_before(sc, f)) || !clause_end_at(sc, e) || (s > 0 && sc->t[s - 1] == '(') || (e < sc->n && sc->t[e] == ')'))
                return 0;
        take(sc, f, e, ANON_CAT_FAMILY);
        return last + 1 - i;
}

/* The first token from i on whose word may start an anchor (its
 * lexicon word is marked in e->sens_bits), or sc->ntok. A tight loop
 * over locals: it runs over every token of the text, and most have no
 * lexicon word or an unmarked one. */
static size_t anchor_next(const Scan *sc, size_t i) {
        const Tok *t = sc->toks + i, *end = sc->toks + sc->ntok;
        const uint64_t *bits = sc->e->sens_bits;
        for (; t < end; t++) {
                uint32_t x = t->lex; /* bit 0 stands for "no word" and is never set */
                if (x && (bits[x >> 6] >> (x & 63) & 1) && !(t->flags & TOK_SKIP))
                        break;
        }
        return (size_t)(t - sc->toks);
}

void anon_scan_sensitive(Scan *sc) {
        if (!sc->e->sens_anchor.n)
                return;
        for (size_t i = anchor_next(sc, 0); i < sc->ntok && !sc->err;) {
                int roles = 0;
                const PhraseVal *v = NULL;
                size_t n = sens_at(sc, &sc->e->sens_anchor, i, ~0, &roles, &v), used = 0;
                if (n && (roles & ANON_SENS_STATUS))
                        used = try_status(sc, i, n, v);
                if (!used && n && (roles & ANON_SENS_COND))
                        used = try_condition(sc, i, n);
                if (!used && n && (roles & ANON_SENS_PARENT) && !(used = try_parent(sc, i, n)) &&
                    !(used = parent_after_cue(sc, i, n)))
                        used = lone_parent(sc, i, n); /* "Single mom." */
                if (!used && n && (roles & ANON_SENS_CHILD) && !(used = lone_children(sc, i, n)) &&
                    !(used = children_after_cue(sc, i, n)))
                        used = owned_children(sc, i, n);
                if (!used && n && (roles & ANON_SENS_GNOUN))
                        used = try_gender_noun(sc, i, n);
                i = anchor_next(sc, i + (used ? used : 1));
        }
}
