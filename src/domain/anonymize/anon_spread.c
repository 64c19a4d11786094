/* Names found from the rest of the document rather than from a word's own
 * context: earlier lone mentions of a person named later in the chunk,
 * enumerations of people ("Kónya, Becker and Vasquez"), and names written
 * in lower case right after a name context ("my name is lena andersson"). */
#include <string.h>

#include "domain/anonymize/anon_session.h"

/* The filter bit of anon_session_seen_name(), here without the call: most
 * capitalised words are nobody's. */
static inline bool seen_bit(const AnonSession *s, uint32_t h) {
        return s->people_bits[(h >> 6) & (ANON_PEOPLE_BITS / 64 - 1)] >> (h & 63) & 1;
}

/* The genitive-dative of a name in -a or -ă (folded: -a), "Udreei",
 * "Dăncilei": its base "udrea", "dancila". Not -iei, the ending of
 * countries and abstract nouns ("României", "Justiției"): the few given
 * names that take it are in the lists ("Mariei"). */
static bool ro_feminine_seen(const AnonSession *s, const char *k, size_t n) {
        char base[ANON_FOLD_MAX];
        if (n - 1 > sizeof(base) || k[n - 3] == 'i')
                return false;
        memcpy(base, k, n - 2);
        base[n - 2] = 'a';
        return anon_session_seen_name(s, base, n - 1, anon_hash(base, n - 1));
}

/* True when token t, or its possessive or genitive form reduced to the
 * form the person was remembered under ("Kaczmarek's" -> "kaczmarek",
 * Romanian "Vulpescului" -> "vulpescu", "Kalnokyului" -> "kalnoky",
 * "Udreei" -> "udrea"), was
 * part of a name seen earlier. Called for most capitalised tokens: the
 * forms are told apart by their last bytes before any lookup. */
bool anon_seen_tok(const Scan *sc, const Tok *t) {
        const AnonSession *s = sc->s;
        if (!s->people.n)
                return false;
        const LexWord *w = tok_name(sc, t);
        const char *base = w ? w->base : tok_key(sc, t);
        size_t bl = w ? w->blen : t->flen;
        uint32_t bh = w ? w->bhash : t->hash;
        if (seen_bit(s, bh) && anon_session_seen_name(s, base, bl, bh))
                return true;
        const char *k = tok_key(sc, t);
        size_t n = t->flen;
        if (n > 4 && k[n - 1] == 's' && k[n - 2] == '\'')
                n -= 2;
        else if (n > 6 && k[n - 1] == 's' && !memcmp(k + n - 4, "\xe2\x80\x99", 3))
                n -= 4;
        else if (sc->lang == LANG_RO && n > 7 && !memcmp(k + n - 4, "ului", 4))
                return anon_session_seen_name(s, k, n - 3, anon_hash(k, n - 3)) ||
                       anon_session_seen_name(s, k, n - 4, anon_hash(k, n - 4));
        else if (sc->lang == LANG_RO && n > 5 && !memcmp(k + n - 2, "ei", 2))
                return ro_feminine_seen(s, k, n);
        else
                return false;
        return anon_session_seen_name(s, k, n, anon_hash(k, n));
}

/* A capitalised word that could stand for a person on its own. */
static bool lone_word(const Tok *t) {
        return (t->flags & TOK_CAP) && !(t->flags & (TOK_ALLCAPS | TOK_INITIAL | TOK_NUM | TOK_ALNUM)) &&
               t->end - t->start >= 3 && !(t->lf & (LEX_STOP | LEX_KEEP | LEX_STREET | LEX_PLACE));
}

/* ---- enumerations ---- */

/* The gap between two items of an enumeration: ", " or " <conjunction> ". */
static bool list_gap(const Scan *sc, size_t a, size_t b, bool *ret_conj) {
        const Tok *x = &sc->toks[a], *y = &sc->toks[b];
        *ret_conj = false;
        if (b == a + 1)
                return y->start - x->end == 2 && sc->t[x->end] == ',' && sc->t[x->end + 1] == ' ';
        const Tok *c = &sc->toks[a + 1];
        if (b != a + 2 || !(c->lf & LEX_CONJ) || (c->flags & (TOK_CAP | TOK_ALLCAPS)) ||
            c->start - x->end > 2 || y->start - c->end != 1)
                return false;
        *ret_conj = true;
        return c->start - x->end == 1 || sc->t[x->end] == ','; /* "A and B", "A, and B" */
}

static int list_item_kind(const Scan *sc, const Tok *t, bool covered) {
        if (!lone_word(t))
                return -1;
        if (covered)
                return 1;
        uint16_t any = t->name ? tok_name(sc, t)->any : 0;
        if (t->lf & LEX_COMMON)
                return 0;
        return (any & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR)) ? 1 : 0;
}

/* Items of the enumeration starting at token i (single capitalised words,
 * ending with a conjunction before the last); returns the token after it
 * or i when there is none. ret_names: items that are names already. */
static size_t enumeration(const Scan *sc, size_t i, const uint8_t *cov, size_t *ret_items, size_t *ret_names) {
        size_t items = 0, names = 0, k = i, end = i;
        for (;;) {
                int kind = list_item_kind(sc, &sc->toks[k], cov[k]);
                if (kind < 0 || items >= ANON_LIST_MAX)
                        break;
                items++, names += (size_t)kind;
                bool conj;
                size_t next = k + 1 < sc->ntok && list_gap(sc, k, k + 1, &conj) ? k + 1
                              : k + 2 < sc->ntok && list_gap(sc, k, k + 2, &conj) ? k + 2 : 0;
                if (!next) {
                        break;
                }
                if (conj) {
                        if (list_item_kind(sc, &sc->toks[next], cov[next]) >= 0 && items >= 2) {
                                names += (size_t)list_item_kind(sc, &sc->toks[next], cov[next]);
                                items++;
                                end = next + 1;
                        }
                        break;
                }
                k = next;
        }
        *ret_items = items, *ret_names = names;
        return end;
}

/* Three or more single words, most of them names already: the rest are
 * people too ("Mozart, Rossini, Verdi, Wagner și Strauss"). Returns the
 * token after the enumeration at i, or i when there is none. */
static size_t enumeration_at(Scan *sc, size_t i, uint8_t *cov) {
        const Tok *t = &sc->toks[i];
        if (t->end >= sc->n || sc->t[t->end] != ',') /* its first item ends with a comma */
                return i;
        if (i > 0 && !cov[i - 1] && (t->flags & TOK_JOINED) && (sc->toks[i - 1].flags & (TOK_CAP | TOK_ALLCAPS)))
                return i; /* the last word of a place's name: "Estados Unidos, França e Itália" */
        size_t items, names, end = enumeration(sc, i, cov, &items, &names);
        bool role = end > i && items >= 2 && anon_role_list(sc, i); /* "founders: A, B and C" */
        if (end == i || (!role && (items < 3 || names * 2 <= items)))
                return i;
        if (anon_org_list(sc, i) || anon_place_before(sc, i, false))
                return end; /* one company's name, or places: "județele Alba, Argeș, Bihor" */
        for (size_t k = i; k < end && !sc->err; k++) {
                if (cov[k] || !lone_word(&sc->toks[k]) || anon_model_veto(sc, k, k + 1) || anon_demonym_run(sc, k, k + 1))
                        continue; /* the scorer or the countries: "Estados Unidos, França e Itália" are places */
                scan_add(sc, sc->toks[k].start, sc->toks[k].end, ANON_CAT_NAME, PRIO_NAME,
                         anon_session_pseudonym(sc, k, k + 1, false, false));
                cov[k] = 1;
        }
        return end;
}

/* A word of the name lists that is no common word of the language
 * ("Chelsea and Arsenal were", "Florence and Victoria are"). A word other
 * rules took is no evidence: one wrong finding would make two. */
static bool pair_named(const Scan *sc, const Tok *t) {
        uint16_t any = t->name ? tok_name(sc, t)->any : 0;
        return (any & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR)) && !(t->lf & LEX_COMMON);
}

/* Two single words joined by a conjunction, then a verb in the plural or
 * of saying ("Marrero and Murphy were", "Lamovec e Rossi sono", "Kadiev și
 * Popa au declarat"), one of them a name already or in a name list: both
 * are people. Not after an article ("the Python and Django are") nor one
 * company's name ("Smith and Wesson is": anon_org_list). Returns the token
 * after the pair, or i. */
static size_t pair_at(Scan *sc, size_t i, uint8_t *cov) {
        bool conj;
        if (i + 3 >= sc->ntok || !(sc->toks[i + 1].lf & LEX_CONJ) || /* list_gap()'s first test, without the call */
            !list_gap(sc, i, i + 2, &conj) || !conj || !lone_word(&sc->toks[i + 2]) ||
            (cov[i] && cov[i + 2]))
                return i;
        const Tok *a = &sc->toks[i], *b = &sc->toks[i + 2];
        if ((!pair_named(sc, a) && !pair_named(sc, b)) || (a->lf & LEX_COMMON) || (b->lf & LEX_COMMON))
                return i; /* and never "Paris" */
        if (i > 0 && (a->flags & TOK_JOINED) && (sc->toks[i - 1].lf & LEX_STOP) &&
            sc->toks[i - 1].end - sc->toks[i - 1].start <= 3 && same_line(sc, sc->toks[i - 1].end, a->start))
                return i; /* "the", "la", "o" before it */
        int v = anon_phrase_kind_after(sc, i + 3);
        if ((v != PH_PLURAL && v != PH_SAYS) || anon_org_list(sc, i))
                return i;
        for (size_t k = i; k <= i + 2 && !sc->err; k += 2) {
                if (cov[k] || anon_model_veto(sc, k, k + 1))
                        continue;
                scan_add(sc, sc->toks[k].start, sc->toks[k].end, ANON_CAT_NAME, PRIO_NAME,
                         anon_session_pseudonym(sc, k, k + 1, false, false));
                cov[k] = 1;
        }
        return i + 3;
}

static void lower_text(Scan *sc, const uint8_t *cov);

/* ---- partners ---- */

/* The findings of pass 2, in text order: [first, end) of sc->finds. */
typedef struct FindRange {
        size_t first, end;
} FindRange;

/* True when a name finding of pass 2 covers tokens a and b, a given name
 * of a list (or an initial) and a capitalised word ("Dimitrie Cantemir",
 * "Hillary Clinton", "I. C. Brătianu"): a person named in full, not a
 * car's or an index's name that other rules took ("Porsche Carrera", "Dow
 * Jones"). The findings are in text order: bisect for the last one that
 * starts at or before the first word. */
static bool full_name_at(const Scan *sc, FindRange r, size_t a, size_t b) {
        const Tok *x = &sc->toks[a], *y = &sc->toks[b];
        bool given = (x->flags & TOK_INITIAL) ||
                     ((x->flags & TOK_CAP) && (tok_any(sc, x) & (LEX_FIRST | LEX_WFIRST)) && !(x->lf & LEX_COMMON));
        if (!given || !(y->flags & (TOK_CAP | TOK_INITIAL)) || !same_line(sc, x->end, y->start))
                return false;
        size_t lo = r.first, hi = r.end;
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (sc->finds[mid].start <= x->start)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        const Find *f = lo > r.first ? &sc->finds[lo - 1] : NULL;
        return f && f->cat == ANON_CAT_NAME && f->end >= y->end;
}

/* A word that may be a person's name alone next to one named in full:
 * no common word or place of the lists, no noun with the Romanian article
 * ("Guvernul și Victor Ponta"), no country, not the last word of a longer
 * name ("Federal Police"), not after an article or a preposition of place
 * ("o Flamengo e Zico", "em Erez", "the Curtis and Edith Munson
 * Foundation"), nor before a number (a street's: "Anne-Lotte and
 * Aqqusinersuaq 99"). */
static bool partner_word(Scan *sc, size_t i, const uint8_t *cov) {
        const Tok *t = &sc->toks[i];
        if (cov[i] || (t->lf & LEX_COMMON) || anon_ro_article_end(sc, t) || anon_demonym_run(sc, i, i + 1) ||
            anon_place_before(sc, i, false))
                return false;
        if (i + 1 < sc->ntok && (sc->toks[i + 1].flags & TOK_NUM) && same_line(sc, t->end, sc->toks[i + 1].start))
                return false;
        if (i > 0 && (t->flags & TOK_JOINED) && !(sc->toks[i - 1].lf & LEX_CONJ) && /* "e" folds like "é" */
            ((sc->toks[i - 1].flags & (TOK_CAP | TOK_ALLCAPS)) ||
             anon_cue_tok(sc, &sc->toks[i - 1], ANON_CUE_PARTICLE_ARTICLE | ANON_CUE_ARTICLE | ANON_CUE_PLACEPREP | ANON_CUE_ORG)))
                return false; /* "Federal Police and", "the Curtis and Edith Munson Foundation" */
        return !anon_model_veto(sc, i, i + 1);
}

/* A single word joined by a conjunction, without a comma, to a person
 * named in full is a person too: "Antioh și Dimitrie Cantemir", "Bill e
 * Hillary Clinton", "Mário Eloy e Maluda". Not an item of a list of other
 * words ("Sugar, Decénio e Paulina Figueiredo": brands), nor a word before
 * another capitalised one. Returns the token after the word, or i. */
static size_t partner_at(Scan *sc, FindRange r, size_t i, uint8_t *cov) {
        bool conj;
        const Tok *t = &sc->toks[i];
        bool before = i + 3 < sc->ntok && (sc->toks[i + 1].lf & LEX_CONJ) && sc->t[t->end] == ' ' &&
                      list_gap(sc, i, i + 2, &conj) && conj && full_name_at(sc, r, i + 2, i + 3);
        bool after = !before && i >= 3 && (sc->toks[i - 1].lf & LEX_CONJ) && sc->t[sc->toks[i - 2].end] == ' ' &&
                     list_gap(sc, i - 2, i, &conj) && conj && full_name_at(sc, r, i - 3, i - 2) &&
                     !(i + 1 < sc->ntok && (sc->toks[i + 1].flags & TOK_JOINED) &&
                       (sc->toks[i + 1].flags & (TOK_CAP | TOK_ALLCAPS)));
        if (!before && !after)
                return i;
        if (before && i >= 2 && sc->t[sc->toks[i - 1].end] == ',' && !cov[i - 1] &&
            (sc->toks[i - 1].flags & (TOK_CAP | TOK_ALLCAPS)))
                return i; /* an item of a list of things */
        if (!partner_word(sc, i, cov))
                return i;
        scan_add(sc, t->start, t->end, ANON_CAT_NAME, PRIO_NAME, anon_session_pseudonym(sc, i, i + 1, false, true));
        cov[i] = 1;
        return i + 1;
}

/* ---- pass 2b ---- */

/* Marks the tokens that a finding of pass 2 (from first on, in text order)
 * covers: a binary search per finding, not a walk over every token. */
static void covered(const Scan *sc, size_t first, uint8_t *cov) {
        memset(cov, 0, sc->ntok);
        size_t lo = 0;
        for (size_t k = first; k < sc->nfind; k++) {
                const Find *f = &sc->finds[k];
                /* first token ending after the finding's start: the findings
                 * come in order, so gallop from the last one, then bisect */
                size_t hi = lo;
                for (size_t step = 1; hi < sc->ntok && sc->toks[hi].end <= f->start; step *= 2)
                        lo = hi + 1, hi += step;
                hi = hi < sc->ntok ? hi : sc->ntok;
                while (lo < hi) {
                        size_t mid = lo + (hi - lo) / 2;
                        if (sc->toks[mid].end <= f->start)
                                lo = mid + 1;
                        else
                                hi = mid;
                }
                for (size_t j = lo; j < sc->ntok && sc->toks[j].start < f->end; j++)
                        cov[j] = 1;
        }
}

/* Token i inside a run of capitalised words ("American Statistical
 * Association", "Android App"): a title or an organisation, where a word
 * remembered from a person's name is more likely a common word. */
static bool in_title(const Scan *sc, size_t i, const uint8_t *cov) {
        size_t a = i, b = i + 1;
        while (a > 0 && i - a < ANON_NAME_RUN_MAX && (sc->toks[a].flags & TOK_JOINED) &&
               (sc->toks[a - 1].flags & (TOK_CAP | TOK_ALLCAPS)))
                a--;
        while (b < sc->ntok && b - a <= ANON_NAME_RUN_MAX && (sc->toks[b].flags & TOK_JOINED) &&
               (sc->toks[b].flags & (TOK_CAP | TOK_ALLCAPS)))
                b++;
        if (b - a == 1)
                return false;
        /* "Heide Price" before the line that made her a name: every word seen */
        for (size_t k = a; k < b && b - a <= 3; k++)
                if (!cov[k] && !anon_seen_tok(sc, &sc->toks[k]))
                        return true;
        return b - a > 3;
}

bool anon_tool_near(const Scan *sc, size_t i) {
        for (size_t k = i > 0 ? i - 1 : i; k <= i + 2 && k < sc->ntok; k++)
                if (k != i && (sc->toks[k].lf & LEX_KEEP) &&
                    same_line(sc, sc->toks[k < i ? k : i].end, sc->toks[k < i ? i : k].start))
                        return true;
        return false;
}

/* A lone mention of a person remembered before (in this chunk or an
 * earlier one): the same person, except inside a title or a place's name
 * ("o Mercado de Manuel Firmino" before "o Manuel Firmino") or next to a
 * tool's name. */
static void seen_mention(Scan *sc, size_t i, uint8_t *cov) {
        const Tok *t = &sc->toks[i];
        if (cov[i] || !anon_seen_tok(sc, t) || in_title(sc, i, cov) || anon_place_before(sc, i, false) ||
            ((t->lf & LEX_COMMON) && anon_tool_near(sc, i)) || anon_demonym_run(sc, i, i + 1))
                return; /* a country alone is the country: "Pirelli Tyres Romania" made no "România" a name */
        scan_add(sc, t->start, t->end, ANON_CAT_NAME, PRIO_NAME, anon_session_pseudonym(sc, i, i + 1, false, false));
        cov[i] = 1;
}

/* A capitalised word the spread may take: most start a sentence and are
 * function words ("The"; not "Sara", a given name too). */
static bool spread_candidate(const Tok *t) {
        return !(t->lf & (LEX_KEEP | LEX_STREET | LEX_PLACE)) && (t->lf & (LEX_STOP | LEX_FIRST)) != LEX_STOP &&
               !(t->flags & (TOK_ALLCAPS | TOK_INITIAL | TOK_NUM | TOK_ALNUM));
}

void anon_scan_spread(Scan *sc, size_t first, uint8_t *cov) {
        covered(sc, first, cov);
        FindRange pass2 = { first, sc->nfind };
        size_t next = 0; /* the token after the last enumeration */
        size_t last_new = 0; /* the end of the last person with new words this pass found */
        size_t known = sc->s->people.n;
        for (size_t c = 0; c < sc->ncaps && !sc->err; c++) {
                size_t i = sc->caps[c];
                const Tok *t = &sc->toks[i];
                if (i < next || !spread_candidate(t))
                        continue;
                size_t end = anon_people_list(sc, i, cov); /* "References: A B (team lead), C D" */
                if (end == i)
                        end = anon_signature(sc, i, cov); /* "Kind regards,\nTigist Bekele" */
                if (end == i && lone_word(t)) {
                        end = enumeration_at(sc, i, cov);
                        if (end == i)
                                end = pair_at(sc, i, cov);
                        if (end == i && !cov[i])
                                end = partner_at(sc, pass2, i, cov);
                }
                if (end > i) {
                        next = end;
                        if (sc->s->people.n != known) /* a word of a name no one had before */
                                known = sc->s->people.n, last_new = end;
                        continue;
                }
                if (lone_word(t) && sc->s->people.n)
                        seen_mention(sc, i, cov);
        }
        /* the people found here may have been mentioned alone before:
         * "Christo e Voss acordaram ... a direcção de Voss, René, Christo e
         * Lourdes Castro" */
        for (size_t c = 0; c < sc->ncaps && sc->caps[c] < last_new && !sc->err; c++) {
                size_t i = sc->caps[c];
                if (spread_candidate(&sc->toks[i]) && lone_word(&sc->toks[i]))
                        seen_mention(sc, i, cov);
        }
        if (!sc->ncaps)
                lower_text(sc, cov);
}

/* ---- lower case ---- */

/* A lower-case word of the name lists, any language ("lena"), not a
 * function word or a common word of the document's language. */
static bool lower_listed(const Scan *sc, const Tok *t) {
        if (t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM) || t->flen < 2 ||
            (t->lf & (LEX_STOP | LEX_KEEP | LEX_COMMON | LEX_STREET)))
                return false;
        const LexWord *w = anon_name_get_h(sc->e, tok_key(sc, t), t->flen, t->hash);
        uint16_t any = 0;
        for (int l = 0; w && l < LANG_MAX; l++)
                any |= w->flags[l];
        for (int l = 0; t->lex && l < LANG_MAX; l++)
                if (tok_lex(sc, t)->flags[l] & (LEX_STOP | LEX_KEEP | LEX_COMMON))
                        return false; /* "sa", "are", "will": a word of some language */
        return (any & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR)) && !(w->flags[sc->lang] & LEX_COMMON);
}

/* A lower-case word of letters only, no function or keep word of any
 * language, that ends the sentence or the text ("my name is vitoria", "call
 * me višeslav."): listed or not. */
static bool lower_word_end(const Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        if (t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM) || t->flen < 3 ||
            (t->lex && (tok_lex(sc, t)->any & (LEX_STOP | LEX_KEEP | LEX_PHRASE | LEX_STREET))))
                return false;
        for (size_t p = t->start; p < t->end; p++)
                if (sc->t[p] == '\'' || sc->t[p] == '-')
                        return false;
        size_t p = t->end;
        while (p < sc->n && (sc->t[p] == ' ' || sc->t[p] == '\t'))
                p++;
        return p >= sc->n || strchr("\n\r.!?,;", sc->t[p]) != NULL;
}

size_t anon_lower_name(Scan *sc, size_t i, bool naming) {
        const LexWord *w = anon_name_get_h(sc->e, tok_key(sc, &sc->toks[i]), sc->toks[i].flen, sc->toks[i].hash);
        uint16_t any = 0;
        for (int l = 0; w && l < LANG_MAX; l++)
                any |= w->flags[l];
        if (naming && lower_word_end(sc, i)) {
                scan_add(sc, sc->toks[i].start, sc->toks[i].end, ANON_CAT_NAME, PRIO_NAME,
                         anon_session_pseudonym(sc, i, i + 1, false, true));
                return 1;
        }
        /* it starts with a given name ("lena andersson"), of three letters or more */
        if (!(any & (LEX_FIRST | LEX_WFIRST)) || sc->toks[i].flen < 3 || !lower_listed(sc, &sc->toks[i]))
                return 0;
        size_t j = i + 1;
        while (j < sc->ntok && j - i < ANON_NAME_RUN_MAX && (sc->toks[j].flags & TOK_JOINED) &&
               !memchr(sc->t + sc->toks[j - 1].end, '\n', sc->toks[j].start - sc->toks[j - 1].end)) {
                const Tok *t = &sc->toks[j];
                bool lower = !(t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM));
                /* "benjamin a seiler", "hyuuma t. maida": a letter between two words */
                bool initial = lower && t->end - t->start == 1 && j + 1 < sc->ntok &&
                               (sc->toks[j + 1].flags & TOK_JOINED);
                if (initial || lower_listed(sc, t)) {
                        j++;
                        continue;
                }
                if (lower && !t->lex && t->flen >= 3) /* one word in no list ends it: "andersson" */
                        j++;
                break;
        }
        while (j - i > 1 && sc->toks[j - 1].end - sc->toks[j - 1].start == 1)
                j--; /* never ends with an initial */
        scan_add(sc, sc->toks[i].start, sc->toks[j - 1].end, ANON_CAT_NAME, PRIO_NAME,
                 anon_session_pseudonym(sc, i, j, false, false));
        return j - i;
}

/* ---- text without capitals ---- */

/* Name-list flags of a lower-case token in any language (lower-case
 * tokens are not looked up in the names table while scanning). */
static uint16_t lower_name_flags(const Scan *sc, const Tok *t) {
        const LexWord *w = anon_name_get_h(sc->e, tok_key(sc, t), t->flen, t->hash);
        uint16_t any = 0;
        for (int l = 0; w && l < LANG_MAX; l++)
                any |= w->flags[l];
        return any;
}

static bool lower_joined(const Scan *sc, size_t j, const uint8_t *cov) {
        return j < sc->ntok && !cov[j] && (sc->toks[j].flags & TOK_JOINED) &&
               !memchr(sc->t + sc->toks[j - 1].end, '\n', sc->toks[j].start - sc->toks[j - 1].end);
}

/* A lower-case surname of the lists, three letters or more. */
static bool lower_surname(const Scan *sc, const Tok *t) {
        return t->flen >= 3 && (lower_name_flags(sc, t) & (LEX_SURNAME | LEX_WSUR)) && lower_listed(sc, t);
}

/* A given name of the lists at i, then a surname of the lists ("eva
 * kleist") or an initial and a word that is a surname of the lists or
 * follows the initial's dot ("benjamin a seiler", "eric g. samoylova").
 * Returns the name's tokens, or 0. */
static size_t lower_pair(const Scan *sc, size_t i, const uint8_t *cov) {
        const Tok *t = &sc->toks[i];
        if (t->flen < 3 || !(lower_name_flags(sc, t) & (LEX_FIRST | LEX_WFIRST)) || !lower_listed(sc, t) ||
            !lower_joined(sc, i + 1, cov))
                return 0;
        const Tok *u = &sc->toks[i + 1];
        if (u->end - u->start == 1 && lower_joined(sc, i + 2, cov)) {
                bool dot = u->end < sc->n && sc->t[u->end] == '.';
                const Tok *v = &sc->toks[i + 2];
                bool word = v->flen >= 3 && !(v->flags & (TOK_NUM | TOK_ALNUM)) && !(v->lf & (LEX_STOP | LEX_KEEP));
                return word && (dot || lower_surname(sc, v)) ? 3 : 0;
        }
        return lower_surname(sc, u) ? 2 : 0;
}

/* A word that can be an item of a lower-case enumeration. */
static bool lower_item(const Scan *sc, size_t k, const uint8_t *cov) {
        const Tok *t = &sc->toks[k];
        return !cov[k] && t->flen >= 2 && !(t->flags & (TOK_NUM | TOK_ALNUM)) &&
               !(t->lf & (LEX_STOP | LEX_KEEP | LEX_CONJ));
}

static bool lower_given(const Scan *sc, const Tok *t) {
        return t->flen >= 3 && (lower_name_flags(sc, t) & (LEX_FIRST | LEX_WFIRST)) && lower_listed(sc, t);
}

/* A lower-case enumeration of people ("silvana, adam, christopher, chad
 * and caleb"): three or more single words joined by commas, a conjunction
 * before the last, more than half of them listed given names. Adds every
 * item and returns the token after the last, or 0. */
static size_t lower_enum(Scan *sc, size_t i, const uint8_t *cov) {
        size_t item[ANON_LIST_MAX], n = 0, names = 0, k = i;
        bool conj = false, closed = false;
        while (n < ANON_LIST_MAX && lower_item(sc, k, cov)) {
                item[n++] = k;
                names += lower_given(sc, &sc->toks[k]);
                if ((closed = conj))
                        break;
                size_t next = k + 1 < sc->ntok && list_gap(sc, k, k + 1, &conj) ? k + 1
                              : k + 2 < sc->ntok && list_gap(sc, k, k + 2, &conj) ? k + 2 : 0;
                if (!next)
                        return 0;
                k = next;
        }
        if (!closed || n < 3 || names * 2 <= n)
                return 0;
        for (size_t m = 0; m < n && !sc->err; m++)
                scan_add(sc, sc->toks[item[m]].start, sc->toks[item[m]].end, ANON_CAT_NAME, PRIO_NAME,
                         anon_session_pseudonym(sc, item[m], item[m] + 1, false, false));
        return item[n - 1] + 1 - i;
}

/* A lower-case given name of the lists, and one more word of letters in
 * no function or keep list, right before a verb whose subject is a person
 * ("eva kleist lives at", "selma is from"). Returns the name's tokens, or 0. */
static size_t lower_subject(const Scan *sc, size_t i, const uint8_t *cov) {
        if (!lower_given(sc, &sc->toks[i]))
                return 0;
        size_t n = 1;
        if (lower_joined(sc, i + 1, cov)) {
                const Tok *u = &sc->toks[i + 1];
                if (u->flen >= 3 && !(u->flags & (TOK_NUM | TOK_ALNUM)) && !(u->lf & (LEX_STOP | LEX_KEEP | LEX_PHRASE)) &&
                    (!u->lex || lower_surname(sc, u)))
                        n = 2;
        }
        int v = anon_phrase_kind_after(sc, i + n);
        return v == PH_SUBJECT || v == PH_SAYS ? n : 0;
}

/* A text without a capital letter anywhere (a chat typed in lower case):
 * case says nothing there, so two words of the name lists make a name
 * without a name context ("follow up with patricia desrosiers"). A text
 * with one capital letter is not such a text. */
static void lower_text(Scan *sc, const uint8_t *cov) {
        for (size_t i = 0; i < sc->ntok; i++)
                if (sc->toks[i].flags & (TOK_CAP | TOK_ALLCAPS | TOK_INITIAL))
                        return;
        for (size_t i = 0; i < sc->ntok && !sc->err;) {
                size_t n = cov[i] ? 0 : lower_pair(sc, i, cov);
                if (!n && !cov[i])
                        n = lower_subject(sc, i, cov);
                if (!n && !cov[i] && anon_dialogue_of(sc, i, lower_given)) /* "mika: who are you?" */
                        n = 1;
                if (n)
                        scan_add(sc, sc->toks[i].start, sc->toks[i + n - 1].end, ANON_CAT_NAME, PRIO_NAME,
                                 anon_session_pseudonym(sc, i, i + n, false, false));
                else if (!cov[i] && i + 1 < sc->ntok && sc->toks[i].end < sc->n && sc->t[sc->toks[i].end] == ',')
                        n = lower_enum(sc, i, cov);
                i += n ? n : 1;
        }
}
