/* Name contexts that rest on a language's grammar rather than on a word
 * list: an adjective between a role noun and a name (it, pt, ro), a name
 * in apposition to a role noun ("O ministro de a Fazenda, Rubens
 * Ricupero,", "Tesfaye Dinka, o chefe"; en, it, pt, ro), the
 * Romanian direct object of a person ("l-au gonit pe Pauw"), and the Greek
 * article before a name ("είπε ο Κουκουλάκης"). */
#include <string.h>

#include "domain/anonymize/anon_internal.h"

/* One lower-case word between a role noun and a name, an adjective of
 * nationality or rank ("o armador sérvio Jugovic", "împăratul asirian
 * Nabucodonosor"): not a function word, not the start of a phrase, not a
 * Romanian genitive ("căpitanul echipei Juventus"), one space on each
 * side; then a capitalised word that is not an acronym ("directorul
 * general ADR") nor a tool ("o professor ensina Python"). Only after a
 * title or role noun of one word ("ex-presidente"), not after "de către",
 * and only where adjectives follow the noun (it, pt, ro): in English
 * "professor teaching Python" is a verb and its object. */
bool anon_role_adjective(const Scan *sc, size_t k) {
        if (k + 1 >= sc->ntok || (sc->lang != LANG_IT && sc->lang != LANG_PT && sc->lang != LANG_RO))
                return false;
        const Tok *w = &sc->toks[k], *n = &sc->toks[k + 1];
        const char *key = tok_key(sc, w);
        if (sc->lang == LANG_RO && w->flen >= 4 &&
            (!memcmp(key + w->flen - 2, "ei", 2) || !memcmp(key + w->flen - 3, "lui", 3) ||
             !memcmp(key + w->flen - 3, "lor", 3)))
                return false;
        return !(w->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) && w->flen >= 3 &&
               !(w->lf & (LEX_STOP | LEX_PHRASE | LEX_KEEP | LEX_PARTICLE)) &&
               w->start - sc->toks[k - 1].end == 1 && n->start - w->end == 1 && sc->t[w->end] == ' ' &&
               sc->t[w->start - 1] == ' ' && (n->flags & TOK_CAP) &&
               !(n->flags & (TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) && !(n->lf & (LEX_KEEP | LEX_STOP));
}

/* Token t's folded key is one of the words of set (" a b c "). */
static bool word_in(const Scan *sc, const Tok *t, const char *set) {
        char w[12];
        if ((size_t)t->flen + 2 > sizeof(w))
                return false;
        w[0] = ' ';
        memcpy(w + 1, tok_key(sc, t), t->flen);
        w[t->flen + 1] = ' ';
        return memmem(set, strlen(set), w, t->flen + 2) != NULL;
}

/* The word before a role noun that makes it a definite person: an
 * article or a possessive ("O ministro", "seu presidente", "the
 * president"), one space before it on its line. Romanian writes the
 * article at the noun's end ("ministrul", "Premierul", "sora"). */
static bool appos_determined(const Scan *sc, size_t i) {
        /* articles, articles with a preposition, possessives, demonstratives (folded);
         * not a verb or a pronoun: "Sou professora de inglês, Cambridge" */
        static const char *const det_en = " the his her its our their ";
        static const char *const det_pt = " o a os as um uma do da dos das no na nos nas ao pelo pela seu sua seus suas "
                                          "meu minha nosso nossa este esta esse essa ";
        static const char *const det_it = " il lo la i gli le l un una uno del della dello dei degli delle al alla allo "
                                          "ai agli alle nel nella dal dalla suo sua suoi sue mio mia loro nostro nostra "
                                          "questo questa ";
        const Tok *r = &sc->toks[i];
        if (sc->lang == LANG_RO) {
                const char *k = tok_key(sc, r);
                return r->flen >= 4 && (anon_ro_article_end(sc, r) || k[r->flen - 1] == 'a' ||
                                        (r->flen >= 7 && !memcmp(k + r->flen - 3, "lui", 3)));
        }
        if (i == 0)
                return false;
        const Tok *d = &sc->toks[i - 1];
        const char *det = sc->lang == LANG_EN ? det_en : sc->lang == LANG_PT ? det_pt : det_it;
        if ((d->flags & (TOK_NUM | TOK_ALNUM)) || r->start != d->end + 1 ||
            (sc->t[d->end] != ' ' && sc->t[d->end] != '\''))
                return false; /* one space, or Italian's apostrophe: "l'allenatore" */
        return word_in(sc, d, det);
}

/* A Romanian possessive after the role noun ("Fiica lor", "generalul
 * său", "Mama sa"; folded). */
static bool ro_possessive(const Scan *sc, const Tok *t) {
        static const char *const pos = " lor sau sa sai sale lui ei meu mea mei mele tau ta nostru noastra ";
        return sc->lang == LANG_RO && !(t->flags & (TOK_CAP | TOK_ALLCAPS)) && word_in(sc, t, pos);
}

/* A word of a person's name in an appositive: capitalised, no acronym,
 * number, place, keep, street or company word. */
static bool appos_word(const Scan *sc, const Tok *t) {
        return (t->flags & TOK_CAP) && !(t->flags & (TOK_ALLCAPS | TOK_NUM | TOK_ALNUM | TOK_INITIAL | TOK_SKIP)) &&
               t->end - t->start >= 2 && !(t->lf & (LEX_STOP | LEX_KEEP | LEX_STREET | LEX_PLACE)) &&
               !anon_org_cue_tok(sc, t);
}

/* What may end an appositive name: a comma, a bracket, the end of its
 * sentence or line, a bracket after a space ("Olofern (Holofernes)"), or a
 * conjunction ("Algirdas Zebrauskas, e", "Meftodie Marinache și"). */
static bool appos_end(const Scan *sc, size_t j) {
        size_t e = sc->toks[j - 1].end;
        if (e >= sc->n || strchr(",);:.\n\r", sc->t[e]) || (e + 1 < sc->n && sc->t[e] == ' ' && sc->t[e + 1] == '('))
                return true; /* "Olofern (Holofernes)" */
        return sc->t[e] == ' ' && j < sc->ntok && sc->toks[j].start == e + 1 && (sc->toks[j].lf & LEX_CONJ) &&
               !(sc->toks[j].flags & TOK_CAP);
}

/* The name in apposition to a determined one-word role noun: at most
 * ANON_APPOS_GAP tokens of complement without a clause's punctuation ("de
 * a Fazenda", "Finanțelor", "bulgar pentru afaceri europene"; at most
 * ANON_APPOS_LOWER lower-case words that are no function word), then ", "
 * and 1 to ANON_APPOS_WORDS capitalised words (one alone in a name list:
 * "o presidente de o clube, Flamengo," stays) ending at appos_end(). */
size_t anon_appositive(const Scan *sc, size_t i, size_t len) {
        if ((sc->lang != LANG_PT && sc->lang != LANG_IT && sc->lang != LANG_RO && sc->lang != LANG_EN) || len != 1 ||
            !appos_determined(sc, i))
                return 0;
        size_t k = i + 1, lower = 0, content = 0; /* content: words of the complement that are no function word */
        for (; k < sc->ntok && k - i <= ANON_APPOS_GAP; k++) { /* the complement: "de a Fazenda", "Finanțelor" */
                const Tok *p = &sc->toks[k - 1], *t = &sc->toks[k];
                if (t->start == p->end + 2 && sc->t[p->end] == ',' && sc->t[p->end + 1] == ' ')
                        break;
                if (t->start != p->end + 1 || (sc->t[p->end] != ' ' && sc->t[p->end] != '-') ||
                    (t->flags & (TOK_NUM | TOK_ALNUM)))
                        return 0;
                content += (!(t->lf & (LEX_STOP | LEX_PARTICLE)) || (t->flags & (TOK_CAP | TOK_ALLCAPS))) &&
                           !ro_possessive(sc, t);
                if (!(t->flags & (TOK_CAP | TOK_ALLCAPS)) && !(t->lf & (LEX_STOP | LEX_PARTICLE)) &&
                    ++lower > ANON_APPOS_LOWER)
                        return 0; /* a clause, not a complement: "o presidente visitou ontem a fábrica" */
        }
        if (k >= sc->ntok || k - i > ANON_APPOS_GAP)
                return 0;
        size_t m = k, words = 0, named = 0;
        for (; k < sc->ntok && words <= ANON_APPOS_WORDS; k++) {
                const Tok *t = &sc->toks[k];
                if (k > m && (t->start != sc->toks[k - 1].end + 1 || (sc->t[t->start - 1] != ' ' && sc->t[t->start - 1] != '-')))
                        break;
                if (!appos_word(sc, t)) {
                        if (k > m && anon_lower_particle(sc, t) && k + 1 < sc->ntok && appos_word(sc, &sc->toks[k + 1]))
                                continue; /* "Braga de Macedo" */
                        break;
                }
                words++;
                named += (tok_any(sc, t) & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR)) != 0;
        }
        if (!words || words > ANON_APPOS_WORDS || (words == 1 && !named && content) || !appos_end(sc, k))
                return 0; /* "o presidente do clube, Flamengo,": one word the lists lack may be the club; not
                           * after the role noun alone or with a possessive: "Fiica lor, Iordana," */
        return m;
}

/* The capitalised words [i, j), then ", ", an article (not in Romanian)
 * and a determined one-word role noun in lower case: "Zorvan Quextil, the
 * president", "Ignatie Darabant, arhiepiscopul". One word alone, or words
 * right after a preposition, need a word of a name list ("Flamengo, o
 * líder", "de Minas Gerais, o governador" stay). */
bool anon_role_after(Scan *sc, size_t i, size_t j) {
        const Tok *last = &sc->toks[j - 1];
        /* the cheap tests first: most runs it is asked about have no comma after them */
        if (j + 1 >= sc->ntok || last->end + 2 > sc->n || sc->t[last->end] != ',' || sc->t[last->end + 1] != ' ' ||
            sc->toks[j].start != last->end + 2 || j - i > ANON_APPOS_WORDS ||
            (sc->lang != LANG_PT && sc->lang != LANG_IT && sc->lang != LANG_RO && sc->lang != LANG_EN))
                return false;
        size_t r = j;
        if (sc->lang != LANG_RO && r + 1 < sc->ntok && !(sc->toks[r].flags & (TOK_CAP | TOK_ALLCAPS)))
                r++; /* the article: "Tesfaye Dinka, o chefe" */
        if ((sc->toks[r].flags & (TOK_CAP | TOK_ALLCAPS)) || !(sc->toks[r].lf & LEX_PHRASE))
                return false;
        const Tok *p = i > 0 ? &sc->toks[i - 1] : NULL;
        bool prep = p && !(p->flags & TOK_CAP) && (p->lf & LEX_STOP) && sc->toks[i].start == p->end + 1;
        size_t named = 0;
        for (size_t k = i; k < j; k++) {
                const Tok *t = &sc->toks[k];
                if (!appos_word(sc, t) && !(k > i && anon_lower_particle(sc, t)))
                        return false;
                named += (tok_any(sc, t) & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR)) && !(t->lf & LEX_COMMON);
        }
        if ((j - i == 1 || prep) && !named)
                return false; /* "Flamengo, o líder": one word the lists lack may be a team; "de Minas Gerais, o governador" */
        const PhraseVal *v = NULL;
        return anon_match_phrase(sc, r, &v) == 1 && v->kind == PH_NAMECTX && appos_determined(sc, r);
}

/* Romanian marks a person as the direct object with "pe", and doubles it
 * with a clitic pronoun before the verb: "l-au gonit pe Pauw", "i-aș fi
 * numit pe Dăncilă", "să-l adopte pe Gordian". A capitalised word right
 * after "pe" with such a clitic (l, îl, i, îi) at most ANON_CLITIC_GAP
 * tokens before it, on the same line, is a person; "pe" alone is "on" ("pe
 * Valea Tisei", "pe Facebook"). */
bool anon_ro_object(const Scan *sc, size_t i) {
        if (sc->lang != LANG_RO || i < 3 || !(sc->toks[i].flags & TOK_CAP) ||
            (sc->toks[i].flags & (TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) ||
            (sc->toks[i].lf & (LEX_STOP | LEX_KEEP | LEX_STREET | LEX_PLACE)))
                return false; /* "l-am pus pe Google Drive" */
        const Tok *pe = &sc->toks[i - 1];
        if (pe->flen != 2 || memcmp(tok_key(sc, pe), "pe", 2) || (pe->flags & TOK_CAP) ||
            sc->toks[i].start - pe->end != 1)
                return false;
        for (size_t k = i - 2; k + ANON_CLITIC_GAP + 2 > i && k < i; k--) {
                const Tok *c = &sc->toks[k];
                const char *w = tok_key(sc, c);
                if (memchr(sc->t + c->end, '\n', pe->start - c->end) || (c->flags & TOK_CAP))
                        return false;
                if ((c->flen == 1 && (w[0] == 'l' || w[0] == 'i')) ||
                    (c->flen == 2 && w[0] == 'i' && (w[1] == 'l' || w[1] == 'i')))
                        return true;
                if (k == 0)
                        break;
        }
        return false;
}

bool anon_ro_article_end(const Scan *sc, const Tok *t) {
        const char *w = tok_key(sc, t);
        return sc->lang == LANG_RO && t->flen >= 4 &&
               (!memcmp(w + t->flen - 2, "ul", 2) || !memcmp(w + t->flen - 2, "le", 2) ||
                !memcmp(w + t->flen - 3, "lor", 3) || !memcmp(w + t->flen - 3, "tia", 3) ||
                !memcmp(w + t->flen - 3, "nta", 3));
}

bool anon_ctx_nonperson(const Scan *sc, size_t i, bool title) {
        const Tok *t = &sc->toks[i];
        uint16_t any = tok_any(sc, t);
        if (any & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR))
                return false;
        return anon_ro_article_end(sc, t) || (title && (t->flags & TOK_ALLCAPS)) || (t->lf & LEX_STOP);
}

/* A Greek word that ends like a person's name (folded: final sigma is σ):
 * -ης, -ος, -ας, -ου ("Κουκουλάκης", "Παπαδοπούλου"), or any word of the
 * name lists; not "η Ελλάδα", "η Γαλλία". */
static bool el_personal(const Scan *sc, const Tok *n) {
        static const char *const end[] = { "ησ", "οσ", "ασ", "ου" };
        const char *k = tok_key(sc, n);
        if (n->lf & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR))
                return true;
        for (size_t i = 0; i < sizeof(end) / sizeof(*end); i++)
                if (n->flen > 6 && !memcmp(k + n->flen - 4, end[i], 4))
                        return true;
        return false;
}

/* Greek writes the article before a person's name: "τόνισε ο Κουκουλάκης",
 * "δήλωσε η Παπαδοπούλου". True when token k is such an article, one
 * space on each side, before a capitalised word that looks personal. */
bool anon_el_article(const Scan *sc, size_t k) {
        static const char *const art[] = { "ο", "η", "του", "της", "τον", "την" };
        if (sc->lang != LANG_EL || k == 0 || k + 1 >= sc->ntok)
                return false;
        const Tok *a = &sc->toks[k], *n = &sc->toks[k + 1];
        if ((a->flags & TOK_CAP) || a->start - sc->toks[k - 1].end != 1 || n->start - a->end != 1 ||
            !(n->flags & TOK_CAP) || (n->flags & (TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) || (n->lf & LEX_KEEP) ||
            !el_personal(sc, n))
                return false;
        for (size_t i = 0; i < sizeof(art) / sizeof(*art); i++)
                if (a->flen == strlen(art[i]) && !memcmp(tok_key(sc, a), art[i], a->flen))
                        return true;
        return false;
}

/* A regnal or generational number after a name: "Carol I", "Kevin
 * Veitonen II", Romanian "Ludovic al XIV-lea" / "Ecaterina a II-a" (only I,
 * V and X: "MD" and "DDS" stay titles). Returns the end of the name with it,
 * or end. */
size_t anon_roman_tail(const Scan *sc, size_t end) {
        const char *t = sc->t;
        size_t p = end;
        if (p + 1 >= sc->n || t[p] != ' ')
                return end;
        p++;
        if (sc->lang == LANG_RO && p + 3 < sc->n &&
            (!memcmp(t + p, "al ", 3) || !memcmp(t + p, "a ", 2)))
                p += t[p + 1] == 'l' ? 3 : 2;
        size_t r = p;
        while (r < sc->n && r - p < 6 && (t[r] == 'I' || t[r] == 'V' || t[r] == 'X'))
                r++;
        if (r == p || (r == p + 1 && t[p] == 'I' && sc->lang == LANG_EN)) /* "Anna Smith I said" */
                return end;
        if (sc->lang == LANG_RO && r + 4 <= sc->n && !memcmp(t + r, "-lea", 4))
                r += 4;
        else if (sc->lang == LANG_RO && r + 2 <= sc->n && !memcmp(t + r, "-a", 2))
                r += 2;
        if (r < sc->n && (anon_is_letter((unsigned char)t[r]) || (t[r] >= '0' && t[r] <= '9') ||
                          (unsigned char)t[r] >= 0x80))
                return end; /* "IVAN", "XML", "Xavier": a word, not a number */
        return r;
}

/* The gap between a word of a place's name and the next one: blanks and an
 * opening quote ("Liceul „Nikolaus Lenau”", "Universitatea “Lucian
 * Blaga”"), and the dot of a short abbreviation ("im. Adama", "S. Tomé");
 * no line break, nothing else. */
static bool place_gap_slow(const Scan *sc, const Tok *p, size_t b, bool *ret_comma) {
        static const char *const quote[] = { "\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x9e",
                                             "\xe2\x80\x9a", "\xc2\xab" };
        size_t a = p->end;
        if (b - a > 6 || b == a)
                return false;
        *ret_comma = false;
        while (a < b) {
                size_t l = 0;
                if (sc->t[a] == ' ' || (sc->t[a] == '.' && a == p->end && p->end - p->start <= 2))
                        l = 1;
                else if (sc->t[a] == ',' && a == p->end)
                        l = 1, *ret_comma = true;
                else if (sc->t[a] == '-' && b - p->end == 1)
                        l = 1; /* "județul Caraș-Severin" */
                unsigned char c = (unsigned char)sc->t[a];
                bool quotish = c == '"' || c == '\'' || c == 0xe2 || c == 0xc2; /* the first bytes of quote[] */
                for (size_t q = 0; !l && quotish && q < sizeof(quote) / sizeof(*quote); q++)
                        if (b - a >= strlen(quote[q]) && !memcmp(sc->t + a, quote[q], strlen(quote[q])))
                                l = strlen(quote[q]);
                if (!l)
                        return false;
                a += l;
        }
        return true;
}

/* place_gap_slow(), with the most common gap, one space, answered inline. */
static inline bool place_gap(const Scan *sc, const Tok *p, size_t b, bool *ret_comma) {
        if (b == p->end + 1 && sc->t[p->end] == ' ') {
                *ret_comma = false;
                return true;
        }
        return place_gap_slow(sc, p, b, ret_comma);
}

/* Token q, a lower-case word that links a place's head word to the rest
 * of its name: a particle ("de", "da", "di"), the article after one as
 * treebanks split "do" and "da" ("Casa de o Nuno"), or one of the
 * prepositions that only name places and institutions, Romanian "din"
 * ("Universitatea din Iași") and Polish "im." ("Uniwersytet im. Adama
 * Mickiewicza", "named after"). */
static bool place_link(const Scan *sc, size_t q) {
        const Tok *p = &sc->toks[q];
        const char *k = tok_key(sc, p);
        if (p->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM | TOK_INITIAL))
                return false;
        if (q > 0 && (sc->toks[q - 1].lf & LEX_PARTICLE) && !(sc->toks[q - 1].flags & TOK_CAP) &&
            anon_cue_tok(sc, p, ANON_CUE_PARTICLE_ARTICLE))
                return true;
        return (p->lf & LEX_PARTICLE) || (sc->lang == LANG_RO && p->flen == 3 && !memcmp(k, "din", 3)) ||
               (sc->lang == LANG_PL && p->flen == 2 && !memcmp(k, "im", 2));
}

/* A street word of the language ("strada", "Bd.", "rua", "ul."; English
 * writes the name first, "Kimberly Way") or a noun of a settlement or a
 * place ("comunei", "municipiului", "cidade", "frazione", "wsi": a
 * "placenoun" line), in any case; capitalised, not a word of the name
 * lists. */
static bool place_noun(const Scan *sc, const Tok *p) {
        if (sc->lang == LANG_EN || (p->flags & TOK_INITIAL) || ((p->flags & TOK_CAP) && p->name))
                return false; /* "José Serra": a surname, not "serra" */
        /* Tok.lf holds the language's flags and English's: a cheap test first */
        return ((p->lf & LEX_STREET) && (tok_lexflags(sc, p, sc->lang) & LEX_STREET)) ||
               anon_cue_tok(sc, p, ANON_CUE_PLACENOUN);
}

/* Token k starts a sentence, and is not inside a place's name that runs
 * on from the word before it ("Bd. Regele"). Asked for capitalised words
 * only: the second place_gap() is not paid for the others. */
static bool sent_first(const Scan *sc, size_t k) {
        bool comma;
        return (sc->toks[k].flags & TOK_SENT) &&
               !(k >= 1 && place_gap(sc, &sc->toks[k - 1], sc->toks[k].start, &comma));
}

/* Capitalised token p, n tokens before the name, heads a place's or an
 * institution's name in the text's language or English; or in any of the
 * seven when it has six letters or more and stands at most
 * ANON_PLACE_BACK_OTHER tokens before: an English CV writes "Università
 * di Roma La Sapienza", "Uniwersytet Jagielloński" (shorter ones, "Nova",
 * "San", are names too; "Cinema" or "Festival" farther back are English
 * words of a heading: "Digital Cinema Resume Example  Clair Ratke"). */
static bool place_head(const Scan *sc, const Tok *p, size_t n) {
        return (p->lf & LEX_PLACE) ||
               (n <= ANON_PLACE_BACK_OTHER && p->lex && p->flen >= 6 && (tok_lex(sc, p)->any & LEX_PLACE));
}

bool anon_place_before(const Scan *sc, size_t i, bool nouns) {
        bool comma;
        for (size_t k = i, n = 0; k > 0 && n < ANON_PLACE_BACK; k--, n++) {
                const Tok *p = &sc->toks[k - 1];
                if (!place_gap(sc, p, sc->toks[k].start, &comma) ||
                    (comma && !(p->flags & sc->toks[k].flags & TOK_CAP)))
                        return false; /* a comma only between two items: not "na rua, Ana Silva", "de Braga, de António" */
                nouns |= comma; /* "județele Timiș, Arad, Caraș-Severin"; not "Universidade, Ana Silva" */
                if (place_noun(sc, p) || (!nouns && (p->flags & TOK_CAP) && place_head(sc, p, n)))
                        return true;
                if (n == 0 && !(p->flags & TOK_CAP) && anon_cue_tok(sc, p, ANON_CUE_THINGNOUN))
                        return true; /* right after "a corretora", "clubul", "premiile": its name */
                if (!(p->flags & TOK_CAP) && (p->lf & LEX_CONJ)) {
                        nouns = true; /* "străzile Hector și Eminescu"; not "Guvernul și Ion Popescu" */
                        continue;
                }
                if ((p->flags & TOK_CAP) ? sent_first(sc, k - 1) : !place_link(sc, k - 1))
                        return false; /* the sentence's first word; "Bd. Regele" is none */
        }
        return false;
}

bool anon_after_placeprep(const Scan *sc, size_t i) {
        if (i == 0)
                return false;
        const Tok *p = &sc->toks[i - 1], *t = &sc->toks[i];
        if (tok_lexflags(sc, t, sc->lang) & LEX_SURNAME)
                return false; /* "de la Popescu": a surname of the language is a person */
        return !(p->flags & (TOK_CAP | TOK_ALLCAPS)) && t->start - p->end == 1 && sc->t[p->end] == ' ' &&
               anon_cue_tok(sc, p, ANON_CUE_PLACEPREP) && !anon_seen_tok(sc, t);
}
