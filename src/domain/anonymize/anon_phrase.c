/* Pass 2's phrases: labelled fields, honorifics, name contexts, verbs of
 * saying and the writer's gendered forms from the word lists. */
#include <errno.h>
#include <string.h>
#include <utf8proc.h>

#include "core/utf8.h"
#include "domain/anonymize/anon_internal.h"

/* Token t is a demonym of the document's language, which only its cues
 * remove: an English one-word phrase that folds alike (English "Romani",
 * Romanian "români") does not apply then. */
static bool own_demonym(const Scan *sc, const Tok *t) {
        if (sc->lang == LANG_EN)
                return false;
        const Phrase *p = htab_get(&sc->e->origin, tok_key(sc, t), t->flen, t->hash);
        return p && p->v[sc->lang].kind == PH_DEMONYM;
}

/* Longest phrase (in the document's language, else English) at token i,
 * whose first word starts one (LEX_PHRASE). */
size_t anon_match_phrase_at(Scan *sc, size_t i, const PhraseVal **ret) {
        Lang ls[2] = { sc->lang, LANG_EN };
        char key[ANON_FOLD_MAX * ANON_PHRASE_MAX_TOKENS + ANON_PHRASE_MAX_TOKENS];
        size_t kl = 0, best = 0;
        for (size_t k = 0; k < ANON_PHRASE_MAX_TOKENS && i + k < sc->ntok; k++) {
                const Tok *t = &sc->toks[i + k];
                if (k > 0 && !(t->flags & TOK_JOINED))
                        break;
                if (kl)
                        key[kl++] = ' ';
                memcpy(key + kl, tok_key(sc, t), t->flen);
                kl += t->flen;
                const Phrase *p = k == 0 ? htab_get(&sc->e->phrases, key, kl, t->hash)
                                          : anon_phrase_get(sc->e, key, kl);
                if (!p)
                        break; /* not a phrase, nor the start of a longer one */
                for (int l = 0; l < 2; l++)
                        if (p->v[ls[l]].kind != PH_NONE && !(l == 1 && k == 0 && own_demonym(sc, t))) {
                                best = k + 1;
                                *ret = &p->v[ls[l]];
                                break;
                        }
        }
        return best;
}


/* The phrase at tokens [i, i + len) has a tenure phrase right after it
 * ("ho 5 anni di esperienza", "com 10 anos de carreira") or right before
 * it ("un'esperienza di 5 anni"), on its line. */
static bool tenure_around(const Scan *sc, size_t i, size_t len) {
        size_t j = i + len;
        if (j < sc->ntok && (sc->toks[j].flags & TOK_JOINED) && anon_tenure_at(sc, j))
                return true;
        if (!(sc->toks[i].flags & TOK_JOINED))
                return false;
        for (size_t k = 1; k <= 2 && k <= i; k++)
                if (anon_tenure_at(sc, i - k) == k)
                        return true;
        return false;
}

/* The character at byte p is a capital letter. */
static bool upper_at(const Scan *sc, size_t p) {
        uint32_t cp;
        int l = p < sc->n ? utf8_decode(sc->t + p, sc->n - p, &cp) : -1;
        return l > 0 && anon_is_upper(cp);
}

static size_t skip_blank(const Scan *sc, size_t p) {
        while (p < sc->n && (sc->t[p] == ' ' || sc->t[p] == '\t'))
                p++;
        return p;
}

/* The number right after an identifier's label and a blank, with no colon
 * ("NIF 232 123 450", "PESEL 44051401358"): digits and capitals, with
 * single blanks or dashes only before a digit; at most
 * ANON_LABEL_VALUE_MAX bytes. */
static bool id_after_label(const Scan *sc, size_t p, size_t *ret_s, size_t *ret_e) {
        const char *t = sc->t;
        size_t s = skip_blank(sc, p), e = s;
        size_t lim = s + ANON_LABEL_VALUE_MAX < sc->n ? s + ANON_LABEL_VALUE_MAX : sc->n;
        if (s == p || s >= sc->n || !is_digit(t[s]))
                return false;
        while (e < lim && (is_digit(t[e]) || is_upper(t[e]) ||
                           ((t[e] == ' ' || t[e] == '-') && e + 1 < lim && is_digit(t[e + 1]))))
                e++;
        *ret_s = s, *ret_e = e;
        return true;
}

/* True when the '.' at p ends a short abbreviation ("ul.", "Str.", "Apt."). */
static bool abbrev_before(const char *t, size_t s, size_t p) {
        size_t k = p;
        while (k > s && ((t[k - 1] | 0x20) >= 'a' && (t[k - 1] | 0x20) <= 'z'))
                k--;
        return p - k >= 1 && p - k <= 3 && (k == s || t[k - 1] == ' ');
}

/* An abbreviation of one to three lower-case letters and its dot at q. */
static bool abbrev_next(const char *t, size_t n, size_t q) {
        size_t k = q;
        while (k < n && k - q < 4 && t[k] >= 'a' && t[k] <= 'z')
                k++;
        return k > q && k - q <= 3 && k < n && t[k] == '.';
}

/* The next field's label starts at q: up to three words and a colon
 * ("5. 6. 1993, EMŠO: 0506...", "Rome, Phone: ..."). */
static bool label_next(const char *t, size_t n, size_t q) {
        int words = 0;
        for (size_t k = q; k < n && k - q < ANON_LABEL_NEXT_MAX; k++) {
                unsigned char c = (unsigned char)t[k];
                if (c == ':')
                        return k > q && t[k - 1] != ' ' && k + 1 < n && (t[k + 1] == ' ' || t[k + 1] == '\t');
                if (c == ' ' && ++words >= 3)
                        return false;
                if (c < 0x80 && !is_alpha((char)c) && c != ' ' && c != '-' && c != '.' && c != '/')
                        return false;
        }
        return false;
}

/* A middle dot or a bullet between blanks at q: a separator of fields on one line. */
static bool field_bullet(const char *t, size_t n, size_t q) {
        if (q + 2 < n && !memcmp(t + q, "\xc2\xb7 ", 3))
                return true;
        return q + 3 < n && !memcmp(t + q, "\xe2\x80\xa2 ", 4);
}

/* One word from p to the end of its line ("Skype mariarossi",
 * "Nationality Italian" after a label starting the line). */
static bool one_word_line(const Scan *sc, size_t p) {
        size_t q = p;
        while (q < sc->n && sc->t[q] != ' ' && sc->t[q] != '\t' && sc->t[q] != '\n' && sc->t[q] != '\r')
                q++;
        while (q < sc->n && (sc->t[q] == ' ' || sc->t[q] == '\t'))
                q++;
        return q > p && (q >= sc->n || sc->t[q] == '\n' || sc->t[q] == '\r');
}

enum { FIELD_NONE, FIELD_LINE, FIELD_WORD, FIELD_BAR };

/* How the label of len tokens at i stands on its line (see label_value()). */
static int field_kind(const Scan *sc, size_t i, size_t len) {
        size_t s = sc->toks[i].start, e = sc->toks[i + len - 1].end, p = s;
        while (p > 0 && sc->t[p - 1] == ' ')
                p--;
        bool first = anon_line_start(sc, s), bar = p > 0 && sc->t[p - 1] == '|';
        if (!first && !bar)
                return FIELD_NONE;
        const char *nl = memchr(sc->t + e, '\n', sc->n - e);
        size_t le = nl ? (size_t)(nl - sc->t) : sc->n;
        if (bar || memchr(sc->t + e, '|', le - e))
                return FIELD_BAR;
        for (size_t k = i; k < i + len; k++)
                if (sc->toks[k].name)
                        return FIELD_LINE; /* "Faith Otieno" heads a CV: no label "Faith" and its value */
        return FIELD_WORD;
}

/* The value after a label: same line (or the next line when the label ends
 * its line), up to a field separator, at most ANON_LABEL_VALUE_MAX bytes.
 * field: FIELD_LINE, the label starts its line, so two blanks or more
 * after it part it from its value as a colon would (a flattened form:
 * "Date of birth    17/08/1988", "Nationality    Ghanaian"); FIELD_WORD,
 * the same, and one blank when the value is one word ending the line
 * ("Skype mariarossi"; not for a label that is also a name); FIELD_BAR,
 * it starts a field of a line of fields parted by "|", where one blank
 * does (the Europass PDF's "Sex Female | Date of birth 12/03/1990 |
 * Nationality Italian"). */
static bool label_value(const Scan *sc, size_t p, bool prose, int field, size_t *ret_s, size_t *ret_e) {
        const char *t = sc->t;
        size_t p0 = p;
        p = skip_blank(sc, p);
        bool one = field == FIELD_BAR || (field == FIELD_WORD && one_word_line(sc, p));
        bool sep = field && p - p0 >= (one ? 1 : 2) && p < sc->n && t[p] != '\n' && t[p] != '\r';
        if (p < sc->n && (t[p] == ':' || t[p] == '-' || t[p] == '=')) {
                sep = true;
                p = skip_blank(sc, p + 1);
        } else if (p + 2 < sc->n && !memcmp(t + p, "\xe2\x80\x93", 3)) {
                sep = true;
                p = skip_blank(sc, p + 3);
        } else if (p + 1 < sc->n && t[p] == '.' && t[p + 1] == ' ' && abbrev_before(t, 0, p)) {
                sep = true; /* "Passport No. AB1234567" */
                p = skip_blank(sc, p + 1);
        }
        if (p < sc->n && (t[p] == '\n' || t[p] == '\r') && !prose) {
                while (p < sc->n && (t[p] == '\n' || t[p] == '\r' || t[p] == ' ' || t[p] == '\t'))
                        p++;
                sep = true;
        }
        if (!sep && !prose && !(p > 0 && t[p - 1] == '\t'))
                return false;
        size_t s = p, lim = s + ANON_LABEL_VALUE_MAX < sc->n ? s + ANON_LABEL_VALUE_MAX : sc->n;
        while (p < lim && !strchr("\n\r;|\t", t[p]) && !(t[p] == ' ' && p + 2 < sc->n && !memcmp(t + p + 1, "  ", 2))) {
                /* a field ends at a tab or three blanks too: a flattened layout's columns;
                 * and where the next field's label starts ("17/08/1988 Nationality: ...") */
                if (t[p] == ' ' && p + 1 < sc->n && is_upper(t[p + 1]) && label_next(t, sc->n, p + 1))
                        break;
                if (t[p] == ' ' && p + 5 < sc->n && !memcmp(t + p + 1, "\xe2\x80", 2) &&
                    (t[p + 3] == '\x93' || t[p + 3] == '\x94') && t[p + 4] == ' ' && is_upper(t[p + 5]) &&
                    label_next(t, sc->n, p + 5))
                        break; /* "italiana – Stato civile: nubile" */
                if (t[p] == ' ' && field_bullet(t, sc->n, p + 1))
                        break; /* "21/02/1990 · ΑΜΚΑ: …", "Tel. … • E-mail: …" */
                if ((t[p] == '.' || t[p] == ',') && (p + 1 >= sc->n || t[p + 1] == ' ' || (prose && (t[p + 1] == '\n' || t[p + 1] == '\r'))) &&
                    !(t[p] == '.' && p > s && is_digit(t[p - 1]) && p + 2 < sc->n && is_digit(t[p + 2]))) {
                        /* a break, but not inside a date "12. 3. 1990" */
                        bool lower = p + 2 < sc->n && t[p + 2] >= 'a' && t[p + 2] <= 'z';
                        bool abbrev = t[p] == '.' ? abbrev_before(t, s, p) /* "Av. da Liberdade" */
                                                  : abbrev_next(t, sc->n, p + 2); /* ", bl. A3, ap. 14" */
                        if (prose || (lower && !abbrev) || (t[p] == '.' && !abbrev) ||
                            (t[p] == ',' && label_next(t, sc->n, p + 2)))
                                break;
                }
                p++;
        }
        p = utf8_truncate(t + s, p - s, p - s) + s;
        while (p > s && (t[p - 1] == ' ' || t[p - 1] == '\t'))
                p--;
        if (p == s)
                return false;
        *ret_s = s, *ret_e = p;
        return true;
}

/* A value that starts with a class of driving licence ("B", "B, C1",
 * "cat. B", "categoria B", "kat. B"): a qualification a reviewer needs,
 * not the licence's number. */
static bool licence_class(const char *v, size_t n) {
        static const char *const cls[] = { "AM", "A1", "A2", "A", "B1", "BE", "B", "C1E", "C1", "CE", "C",
                                           "D1E", "D1", "DE", "D", "T" };
        size_t p = 0;
        while (p < n && (is_alpha(v[p]) || v[p] == '.') && (v[p] | 0x20) == v[p])
                p++; /* "cat.", "categoria", "kat." in lower case */
        while (p < n && v[p] == ' ')
                p++;
        for (size_t k = 0; k < sizeof(cls) / sizeof(*cls); k++) {
                size_t l = strlen(cls[k]);
                if (p + l <= n && !memcmp(v + p, cls[k], l) && (p + l == n || (!is_alpha(v[p + l]) && !is_digit(v[p + l]))))
                        return true;
        }
        return false;
}

/* Honorific token h is one before token n: not before a product or a
 * tool ("Ms Office", "Mr Bean" stays a person), and in capitals only
 * before capitals ("MR JOHN SMITH", not the acronym of "MS Access"). */
static bool honorific_before(const Scan *sc, const Tok *h, const Tok *n) {
        if (n->lf & LEX_KEEP)
                return false;
        return !(h->flags & TOK_ALLCAPS) || (n->flags & (TOK_ALLCAPS | TOK_INITIAL)) || !(n->flags & TOK_CAP);
}

/* A value that is one web address: no blank, a dot inside ("annak.dev"),
 * not "12 projects in fintech". */
static bool web_address(const char *v, size_t n) {
        const char *dot = memchr(v, '.', n);
        return dot && dot > v && dot + 1 < v + n && !memchr(v, ' ', n);
}

/* Token t is the word w, whatever its case and accents. */
static bool same_word(const Scan *sc, const Tok *t, const char *w) {
        size_t n = strlen(w);
        char key[ANON_FOLD_MAX + 1];
        if (n > ANON_FOLD_MAX)
                return false;
        size_t kl = anon_fold(w, n, key);
        return kl == t->flen && !memcmp(key, tok_key(sc, t), kl);
}

/* The writer's gendered forms inside a phrase about their birth ("sono
 * nata il", "născută pe", "γεννημένη"): the phrase's tokens are not
 * looked at again. */
static void writer_forms(Scan *sc, size_t i, size_t len) {
        for (size_t k = i; k < i + len; k++) {
                const Tok *p = k > 0 ? &sc->toks[k - 1] : NULL;
                if (sc->lang == LANG_RO && p && p->flen == 2 && !memcmp(tok_key(sc, p), "am", 2))
                        continue; /* "m-am născut": the perfect's participle has no gender */
                const char *r = anon_gender_rewrite(sc, k, true);
                if (r)
                        scan_add(sc, sc->toks[k].start, sc->toks[k].end, ANON_CAT_GENDERED_FORM, PRIO_GENDER, r);
        }
}

/* Copy of s with the first letter upper-cased when the original was. */
static const char *match_case(Scan *sc, const Tok *t, const char *s) {
        if (!(t->flags & TOK_CAP))
                return s;
        uint32_t cp;
        int l = utf8_decode(s, strlen(s), &cp);
        if (l <= 0)
                return s;
        char up[4];
        int ul = utf8_encode((uint32_t)utf8proc_toupper((utf8proc_int32_t)cp), up);
        char *r = arena_printf(sc->arena, "%.*s%s", ul, up, s + l);
        if (!r)
                sc->err = -ENOMEM;
        return r ? r : s;
}

/* Every byte of token t is ASCII. */
static bool ascii_tok(const Scan *sc, const Tok *t) {
        for (size_t k = t->start; k < t->end; k++)
                if ((unsigned char)sc->t[k] >= 0x80)
                        return false;
        return true;
}

/* The gap after a title: spaces and an abbreviation's dot ("Dr. Rossi"),
 * not a comma or a line break ("Professor, Department"). */
static bool title_gap(const Scan *sc, size_t a, size_t b) {
        if (b - a > 3 || (b - a >= 2 && !memchr(sc->t + a, '.', b - a)))
                return false; /* two spaces part the fields of a flattened CV: "detective  Private Security" */
        for (size_t k = a; k < b; k++)
                if (sc->t[k] != ' ' && sc->t[k] != '.')
                        return false;
        if (!memchr(sc->t + a, '.', b - a))
                return true;
        /* a dot after an abbreviation ("Dr.", "Prof.", "inż."), not after a
         * word that ends its sentence ("Hello. References", "mentor. Priporočilo") */
        size_t w = a;
        while (w > 0 && a - w <= ANON_TITLE_ABBREV_MAX && (is_alpha(sc->t[w - 1]) || (unsigned char)sc->t[w - 1] >= 0x80))
                w--;
        return a - w <= ANON_TITLE_ABBREV_MAX;
}

/* The gap after a name context of two words or more that ends a field
 * label ("Directed by:    Johannes Varvio", "my name is: Anna"): a colon,
 * then blanks on the line. Not after a title alone ("COACH: Canadian
 * Association"). */
static bool colon_gap(const Scan *sc, size_t a, size_t b) {
        if (a >= b || sc->t[a] != ':')
                return false;
        for (size_t k = a + 1; k < b; k++)
                if (sc->t[k] != ' ' && sc->t[k] != '\t')
                        return false;
        return true;
}

/* A capitalised word right after the phrase ending at token j - 1 (its
 * end e), on the same line: the name a name context announces. */
static bool cap_after(const Scan *sc, size_t j, size_t e) {
        return j < sc->ntok && (sc->toks[j].flags & TOK_CAP) && !(sc->toks[j].flags & (TOK_NUM | TOK_ALNUM)) &&
               title_gap(sc, e, sc->toks[j].start);
}

/* A skills label at tokens [i, i + len) that starts its field, with a
 * colon after it: the words of its value (the rest of the line, or the
 * next line when the label ends its own) are tools, never a name ("Skills:
 * Go, Swift, Dart"; "Strumenti: Blender, Maya, Houdini"). Returns len, or
 * 0 when it is no such label. */
static size_t skills_field(Scan *sc, size_t i, size_t len) {
        const Tok *a = &sc->toks[i], *b = &sc->toks[i + len - 1];
        size_t p = skip_blank(sc, b->end);
        if (!anon_line_start(sc, a->start) || p >= sc->n || sc->t[p] != ':')
                return 0;
        p = skip_blank(sc, p + 1);
        if (p < sc->n && sc->t[p] == '\r')
                p++;
        if (p < sc->n && sc->t[p] == '\n')
                p++;
        while (p < sc->n && sc->t[p] != '\n')
                p++;
        for (size_t k = i + len; k < sc->ntok && sc->toks[k].start < p; k++)
                sc->toks[k].flags |= TOK_SKIP;
        return len;
}

/* True when a label [s, e) starts a field of a CV: at the start of its
 * line, after a wide gap, a tab or a separator ("|", ";", ",", ".",
 * "(", a bullet), and its value follows a colon, a tab or a spaced dash.
 * Not a title's word: "Infants and Children: A Medical Reference",
 * "Experiencing a Learning Disability: Implications", "health-related".
 * (After words pass 1c took, "mămică a doi copii: Alex și Aida", the
 * caller lets the label be.) */
static bool field_start(const Scan *sc, size_t s, size_t e) {
        size_t p = s, blanks = 0;
        while (p > 0 && (sc->t[p - 1] == ' ' || sc->t[p - 1] == '\t'))
                blanks += sc->t[--p] == '\t' ? 2 : 1;
        if (e < sc->n && sc->t[e] == '-')
                return false; /* "health-related" */
        const unsigned char *t = (const unsigned char *)sc->t;
        return p == 0 || blanks >= 2 || strchr("\n\r|;,.(*-:", sc->t[p - 1]) ||
               (p >= 3 && t[p - 3] == 0xE2 && t[p - 2] == 0x80 && (t[p - 1] == 0xA2 || t[p - 1] == 0x93 || t[p - 1] == 0x94)) ||
               (p >= 2 && t[p - 2] == 0xC2 && t[p - 1] == 0xB7); /* "•", "–", "—", "·" */
}

/* A job title heading a CV's line ("Engenheiro Civil", "Jornalista
 * Freelancer", "Professor Auxiliar"), a work's title in quotes («Sargento
 * Rock», «Meia Preta») or a name in title case ("Avid Media Composer",
 * "Colegio Mayor Nuestra Señora"): a capitalised one-word role noun at the
 * start of its line or field, after an opening quote or after a
 * capitalised word, before a word of no name list. News writes the role noun in lower case inside its sentence ("o
 * centroavante Guga"); a short title ("Dr. Burke") is no job, nor is a
 * Romanian noun with its article ("Selecționerul Dalic"). */
static bool cv_title(const Scan *sc, size_t i, size_t len) {
        const Tok *r = &sc->toks[i], *n = &sc->toks[i + len];
        if (sc->lang == LANG_RO || r->flen < 4 || (r->end < sc->n && sc->t[r->end] == '.'))
                return false; /* a title, not a job: "Dr. Burke is", "Prof Smith" */
        const Tok *p = i > 0 ? &sc->toks[i - 1] : NULL;
        bool in_title = p && (p->flags & TOK_CAP) && !(p->lf & LEX_STOP) && r->start == p->end + 1;
        return len == 1 && (r->flags & TOK_CAP) &&
               (anon_field_start(sc, r->start) || anon_open_quote_before(sc, r->start) || in_title) &&
               (n->flags & TOK_CAP) && !(tok_any(sc, n) & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR));
}

/* Handles a phrase of len tokens at i; returns the tokens consumed (0 when
 * the match is not used, e.g. a label without its value). */
size_t anon_use_phrase(Scan *sc, size_t i, size_t len, const PhraseVal *v, bool *force_name) {
        const Tok *a = &sc->toks[i], *b = &sc->toks[i + len - 1];
        size_t vs, ve;
        switch (v->kind) {
        case PH_PHRASE:
                if (v->cat == ANON_CAT_AGE && tenure_around(sc, i, len))
                        return 0; /* "ho 5 anni di esperienza": years of work, which a reviewer needs */
                scan_add(sc, a->start, b->end, v->cat, PRIO_PHRASE, NULL);
                *force_name = v->ctx && cap_after(sc, i + len, b->end); /* "my wife Anna" */
                return len;
        case PH_LABEL:
        case PH_PROSE:
                /* "born in Aleppo, Syria": a place, not a date; a label only when it ends with "in" */
                if ((v->cat == ANON_CAT_BIRTHDATE || v->cat == ANON_CAT_BIRTHPLACE) &&
                    (vs = anon_birthplace(sc, i, len, v->kind == PH_PROSE ? v->cat : ANON_CAT_BIRTHDATE)) > 0) {
                        if (v->kind == PH_PROSE)
                                writer_forms(sc, i, len); /* "Nata a Caserta" */
                        return vs;
                }
                if (!(label_value(sc, b->end, v->kind == PH_PROSE, field_kind(sc, i, len), &vs, &ve) ||
                      (v->kind == PH_LABEL && v->cat == ANON_CAT_NATIONAL_ID && id_after_label(sc, b->end, &vs, &ve))) ||
                    (v->cat == ANON_CAT_NATIONAL_ID && licence_class(sc->t + vs, ve - vs)) ||
                    (v->cat == ANON_CAT_URL && !web_address(sc->t + vs, ve - vs)) ||
                    (v->kind == PH_LABEL && (v->cat == ANON_CAT_FAMILY || v->cat == ANON_CAT_HEALTH) &&
                     !field_start(sc, a->start, b->end) && !(i > 0 && (sc->toks[i - 1].flags & TOK_SKIP))) ||
                    (v->cat == ANON_CAT_BIRTHDATE &&
                     ((a->start > 0 && sc->t[a->start - 1] == '-') || !anon_number_in(sc->t + vs, ve - vs))))
                        return 0; /* a birth date has a day or a year; "Syrian-born" is no date */
                if (v->kind == PH_PROSE && v->cat == ANON_CAT_BIRTHDATE && !anon_birthdate_split(sc, i + len, &vs, &ve))
                        return 0;
                if (v->kind == PH_PROSE && v->cat == ANON_CAT_BIRTHPLACE && !upper_at(sc, vs))
                        return 0; /* a place is capitalised: "I grew up in the 90s" */
                scan_add(sc, vs, ve, v->cat, v->cat == ANON_CAT_NATIONAL_ID ? PRIO_LABELLED : PRIO_PHRASE, NULL);
                if (v->kind == PH_PROSE && (v->cat == ANON_CAT_BIRTHDATE || v->cat == ANON_CAT_BIRTHPLACE))
                        writer_forms(sc, i, len);
                while (i + len < sc->ntok && sc->toks[i + len].start < ve)
                        len++;
                return len;
        case PH_HONORIFIC: {
                if (i + len < sc->ntok && !honorific_before(sc, a, &sc->toks[i + len]))
                        return 0; /* "MS Word", "Ms Office": a product */
                size_t e = b->end;
                if (e < sc->n && sc->t[e] == '.')
                        e++;
                e = skip_blank(sc, e);
                scan_add(sc, a->start, e, ANON_CAT_GENDER, PRIO_PHRASE, "");
                /* the name follows on the line: not "zice Domnul.\nImportanța" */
                *force_name = i + len < sc->ntok && title_gap(sc, b->end, sc->toks[i + len].start);
                return len;
        }
        case PH_NAMING:  /* "my name is", "mi chiamo" */
        case PH_NAMECTX: /* "my name is", "says": a capitalised word after it is a name */
                /* "o holandês Ruud Gullit", "centurionul roman Longinus" */
                if (!memchr(sc->t + a->start, ' ', b->end - a->start) && anon_role_adjective(sc, i + len)) {
                        *force_name = true;
                        return len + 1;
                }
                /* fall through */
        case PH_SAYS:    /* "disse Lula"; and "Lula disse" through says_after() */
                if (anon_el_article(sc, i + len)) { /* "είπε ο Κουκουλάκης" */
                        *force_name = true;
                        return len + 1;
                }
                /* a capitalised word, or after a name context one in lower case
                 * ("my name is lena"); not "Professor, Department" */
                *force_name = i + len < sc->ntok && !(sc->toks[i + len].flags & (TOK_NUM | TOK_ALNUM)) &&
                              !anon_ctx_nonperson(sc, i + len, v->kind != PH_SAYS) &&
                              ((sc->toks[i + len].flags & TOK_CAP) || v->kind == PH_NAMING ||
                               (v->kind == PH_NAMECTX && len >= 2)) && /* not "parlamentarul român" */
                              (title_gap(sc, b->end, sc->toks[i + len].start) ||
                               (v->kind != PH_SAYS && len >= 2 && colon_gap(sc, b->end, sc->toks[i + len].start)));
                /* "O ministro de a Fazenda, Rubens Ricupero,"; not after "my name is Anna" */
                if (*force_name && v->kind == PH_NAMECTX && cv_title(sc, i, len))
                        *force_name = false;
                if (v->kind == PH_NAMECTX && !(*force_name && (sc->toks[i + len].flags & TOK_CAP)))
                        sc->appos = anon_appositive(sc, i, len);
                return len;
        case PH_NAMELABEL: { /* "Name:" - what follows on the line is a name */
                size_t p = skip_blank(sc, b->end);
                /* "Name: Anna", the answer in a form or a chat: "Last name? Rossi", and
                 * a flattened form: "Cognome    Esposito" */
                bool wide = (p - b->end >= 2 || (b->end < sc->n && sc->t[b->end] == '\t')) && anon_line_start(sc, a->start) && p < sc->n && sc->t[p] != '\n' &&
                            sc->t[p] != '\r';
                if (p >= sc->n || (sc->t[p] != ':' && sc->t[p] != '?' && !wide))
                        return 0;
                *force_name = true;
                sc->name_field = true; /* a CV's name fields all name its writer */
                return len;
        }
        case PH_SKILLS:
                return skills_field(sc, i, len);
        case PH_FIRM: /* "Internship at Hugo Boss": never a person, whatever the name lists say */
                for (size_t k = i; k < i + len; k++)
                        sc->toks[k].flags |= TOK_SKIP;
                return len;
        case PH_SUBJECT: /* only looked at from the name before it: says_after() */
        default:         /* plural, kin, vocative, postnominal, work, trait: from the names before them */
                return 0;
        case PH_GENDER: {
                for (size_t k = i + 1; k < i + len; k++)
                        if (sc->toks[k].flags & TOK_SKIP)
                                return 0; /* "Fui a única mulher": pass 1c took "a única mulher" */
                bool en1 = sc->lang == LANG_EN && len == 1;
                if (!en1)
                        anon_gender_article(sc, i, len);
                if (len == 1 && same_word(sc, a, v->repl))
                        return len; /* "zespołem", "działem": they only end like "pracowałem"; "profissional" */
                if (len == 1 && !strncmp(v->repl, "the", 3) && !ascii_tok(sc, a))
                        return 0; /* "Hàorán Hé": an English pronoun is never written with accents */
                const char *k = tok_key(sc, a);
                bool her = en1 && a->flen == 3 && !memcmp(k, "her", 3) && anon_gender_object(sc, i);
                size_t ce = en1 && !strcmp(v->repl, "they") ? anon_gender_contraction(sc, b->end) : 0;
                scan_add(sc, a->start, ce ? ce : b->end, ANON_CAT_GENDERED_FORM, PRIO_GENDER,
                         match_case(sc, a, ce ? anon_gender_they_s(sc, b->end, ce) : her ? "them" : v->repl));
                if (en1 && !strcmp(v->repl, "they") && !ce)
                        anon_gender_agree(sc, i);
                if (v->ctx) /* "a professora Ana Lima"; not "Engenheiro Civil" */
                        *force_name = cap_after(sc, i + len, b->end) && !cv_title(sc, i, len);
                if (v->ctx && !*force_name) /* "a deputada de o PT, Ana Lima," */
                        sc->appos = anon_appositive(sc, i, len);
                return len;
        }
        }
        return 0;
}
