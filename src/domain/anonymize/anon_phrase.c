/* Pass 2's phrases: labelled fields, honorifics, name contexts, verbs of
 * saying and the writer's gendered forms from the word lists. */
#include <errno.h>
#include <string.h>
#include <utf8proc.h>

#include "core/utf8.h"
#include "domain/anonymize/anon_internal.h"

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
                        if (p->v[ls[l]].kind != PH_NONE) {
                                best = k + 1;
                                *ret = &p->v[ls[l]];
                                break;
                        }
        }
        return best;
}


static size_t skip_blank(const Scan *sc, size_t p) {
        while (p < sc->n && (sc->t[p] == ' ' || sc->t[p] == '\t'))
                p++;
        return p;
}

/* True when the '.' at p ends a short abbreviation ("ul.", "Str.", "Apt."). */
static bool abbrev_before(const char *t, size_t s, size_t p) {
        size_t k = p;
        while (k > s && ((t[k - 1] | 0x20) >= 'a' && (t[k - 1] | 0x20) <= 'z'))
                k--;
        return p - k >= 1 && p - k <= 3 && (k == s || t[k - 1] == ' ');
}

/* The value after a label: same line (or the next line when the label ends
 * its line), up to a field separator, at most ANON_LABEL_VALUE_MAX bytes. */
static bool label_value(const Scan *sc, size_t p, bool prose, size_t *ret_s, size_t *ret_e) {
        const char *t = sc->t;
        p = skip_blank(sc, p);
        bool sep = false;
        if (p < sc->n && (t[p] == ':' || t[p] == '-' || t[p] == '=')) {
                sep = true;
                p = skip_blank(sc, p + 1);
        } else if (p + 2 < sc->n && !memcmp(t + p, "\xe2\x80\x93", 3)) {
                sep = true;
                p = skip_blank(sc, p + 3);
        }
        if (p < sc->n && (t[p] == '\n' || t[p] == '\r') && !prose) {
                while (p < sc->n && (t[p] == '\n' || t[p] == '\r' || t[p] == ' ' || t[p] == '\t'))
                        p++;
                sep = true;
        }
        if (!sep && !prose && !(p > 0 && t[p - 1] == '\t'))
                return false;
        size_t s = p, lim = s + ANON_LABEL_VALUE_MAX < sc->n ? s + ANON_LABEL_VALUE_MAX : sc->n;
        while (p < lim && !strchr("\n\r;|", t[p])) {
                if ((t[p] == '.' || t[p] == ',') && (p + 1 >= sc->n || t[p + 1] == ' ')) {
                        bool lower = p + 2 < sc->n && t[p + 2] >= 'a' && t[p + 2] <= 'z';
                        bool abbrev = t[p] == '.' && abbrev_before(t, s, p); /* "Av. da Liberdade" */
                        if (prose || (lower && !abbrev) || (t[p] == '.' && !abbrev))
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

/* The gap after a title: spaces and an abbreviation's dot ("Dr. Rossi"),
 * not a comma or a line break ("Professor, Department"). */
/* Every byte of token t is ASCII. */
static bool ascii_tok(const Scan *sc, const Tok *t) {
        for (size_t k = t->start; k < t->end; k++)
                if ((unsigned char)sc->t[k] >= 0x80)
                        return false;
        return true;
}

static bool title_gap(const Scan *sc, size_t a, size_t b) {
        if (b - a > 3)
                return false;
        for (size_t k = a; k < b; k++)
                if (sc->t[k] != ' ' && sc->t[k] != '.')
                        return false;
        return true;
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

/* Handles a phrase of len tokens at i; returns the tokens consumed (0 when
 * the match is not used, e.g. a label without its value). */
size_t anon_use_phrase(Scan *sc, size_t i, size_t len, const PhraseVal *v, bool *force_name) {
        const Tok *a = &sc->toks[i], *b = &sc->toks[i + len - 1];
        size_t vs, ve;
        switch (v->kind) {
        case PH_PHRASE:
                scan_add(sc, a->start, b->end, v->cat, PRIO_PHRASE, NULL);
                *force_name = v->ctx && cap_after(sc, i + len, b->end); /* "my wife Anna" */
                return len;
        case PH_LABEL:
        case PH_PROSE:
                /* "born in Aleppo, Syria": a place, not a date; a label only when it ends with "in" */
                if ((v->cat == ANON_CAT_BIRTHDATE || v->cat == ANON_CAT_BIRTHPLACE) &&
                    (vs = anon_birthplace(sc, i, len, v->kind == PH_PROSE ? v->cat : ANON_CAT_BIRTHDATE)) > 0)
                        return vs;
                if (!label_value(sc, b->end, v->kind == PH_PROSE, &vs, &ve))
                        return 0;
                scan_add(sc, vs, ve, v->cat, PRIO_PHRASE, NULL);
                while (i + len < sc->ntok && sc->toks[i + len].start < ve)
                        len++;
                return len;
        case PH_HONORIFIC: {
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
                              ((sc->toks[i + len].flags & TOK_CAP) || v->kind != PH_SAYS) &&
                              (title_gap(sc, b->end, sc->toks[i + len].start) ||
                               (v->kind != PH_SAYS && len >= 2 && colon_gap(sc, b->end, sc->toks[i + len].start)));
                return len;
        case PH_NAMELABEL: { /* "Name:" - what follows on the line is a name */
                size_t p = skip_blank(sc, b->end);
                /* "Name: Anna", and the answer in a form or a chat: "Last name? Rossi" */
                if (p >= sc->n || (sc->t[p] != ':' && sc->t[p] != '?'))
                        return 0;
                *force_name = true;
                return len;
        }
        case PH_SUBJECT: /* only looked at from the name before it: says_after() */
        default:         /* plural, kin, vocative, postnominal, work, trait: from the names before them */
                return 0;
        case PH_GENDER: {
                if (len == 1 && !strncmp(v->repl, "the", 3) && !ascii_tok(sc, a))
                        return 0; /* "Hàorán Hé": an English pronoun is never written with accents */
                bool en1 = sc->lang == LANG_EN && len == 1;
                const char *k = tok_key(sc, a);
                bool her = en1 && a->flen == 3 && !memcmp(k, "her", 3) && anon_gender_object(sc, i);
                scan_add(sc, a->start, b->end, ANON_CAT_GENDERED_FORM, PRIO_GENDER,
                         match_case(sc, a, her ? "them" : v->repl));
                if (en1 && !strcmp(v->repl, "they"))
                        anon_gender_agree(sc, i);
                if (v->ctx) /* "a professora Ana Lima" */
                        *force_name = cap_after(sc, i + len, b->end);
                return len;
        }
        }
        return 0;
}
