/* The writer's grammatical gender: in it, pt, pl, ro, el and sl the
 * writer's own participles and adjectives agree with their gender ("sono
 * laureata", "pracowałam", "am fost angajată", "είμαι υπεύθυνη",
 * "diplomirala"). Fixed forms are in each lexicon.tsv ("gender" lines);
 * the productive endings are rewritten here into a paired form
 * ("laureato/a", "pracowałem/am") that reads the same whoever wrote it.
 * Only words next to an auxiliary of the first person ("trigger" lines)
 * are touched, except Polish -łem/-łam, which is first person by itself. */
#include <string.h>
#include <strings.h>

#include "domain/anonymize/anon_internal.h"

/* the context of the writer's forms, defined with the triggers below */
static bool pl_self(const Scan *sc, size_t k);
static bool sl_clitic(const Scan *sc, size_t k);
static const char *el_article_pair(const Scan *sc, size_t k);
static size_t el_article_after_trigger(const Scan *sc, size_t i);

bool anon_ends(const char *w, size_t n, const char *suf) {
        size_t l = strlen(suf);
        return n > l && memcmp(w + n - l, suf, l) == 0;
}

const char *anon_pair(Scan *sc, const char *w, size_t stem, const char *tail) {
        return scan_printf(sc, "%.*s%s", (int)stem, w, tail);
}

/* Polish "odszedłem / odeszłam", "wszedłem / weszłam": after a prefix
 * ending in a consonant the feminine of "-szedł-" takes an e. The
 * prefix's length, or 0 ("przeszłam" has none: gender_pl_stem()). */
static size_t pl_e_prefix(const char *w, size_t n) {
        static const char *const pre[] = { "od", "w", "z", "roz", "ob", "pod", "nad" };
        for (size_t k = 0; k < sizeof(pre) / sizeof(*pre); k++) {
                size_t l = strlen(pre[k]);
                if (n <= l || strncasecmp(w, pre[k], l))
                        continue;
                size_t f = strlen("eszłam"), m = strlen("szedłem");
                if ((n == l + f && !memcmp(w + l, "eszłam", f)) || (n == l + m && !memcmp(w + l, "szedłem", m)))
                        return l;
        }
        return 0;
}

/* Polish past and conditional forms whose stem differs between the
 * genders: both written out with the word's own stem ("osiągnąłem /
 * osiągnęłam" -> "osiągnąłem/osiągnęłam", "przeszedłem / przeszłam",
 * "mógłbym / mogłabym"). */
static const char *gender_pl_stem(Scan *sc, const char *w, size_t n) {
        size_t e = pl_e_prefix(w, n);
        if (e)
                return scan_printf(sc, "%.*sszedłem/%.*seszłam", (int)e, w, (int)e, w);
        static const char *const alt[][2] = { { "ąłem", "ęłam" },     { "ąłbym", "ęłabym" }, { "szedłem", "szłam" },
                                              { "szedłbym", "szłabym" }, { "ógłbym", "ogłabym" } };
        for (size_t k = 0; k < sizeof(alt) / sizeof(*alt); k++)
                for (int g = 0; g < 2; g++) {
                        size_t l = strlen(alt[k][g]);
                        if (n >= l + 1 && anon_ends(w, n, alt[k][g])) {
                                int s = (int)(n - l);
                                return scan_printf(sc, "%.*s%s/%.*s%s", s, w, alt[k][0], s, w, alt[k][1]);
                        }
                }
        return NULL;
}

/* Polish: -łem/-łam (past, 1st person), -łbym/-łabym (conditional), and
 * adjectives in -y/-a after "jestem". */
static const char *gender_pl(Scan *sc, const char *w, size_t n, bool trig) {
        const char *r = gender_pl_stem(sc, w, n);
        if (r || sc->err)
                return r;
        if (n >= 6 && (anon_ends(w, n, "łam") || anon_ends(w, n, "łem")))
                return anon_pair(sc, w, n - 4, "łem/łam");
        if (n >= 8 && anon_ends(w, n, "łabym"))
                return anon_pair(sc, w, n - 6, "łbym/łabym");
        if (n >= 7 && anon_ends(w, n, "łbym"))
                return anon_pair(sc, w, n - 5, "łbym/łabym");
        if (trig && n >= 7) { /* instrumental after "jestem": "doświadczoną" / "doświadczonym" */
                static const char *const ins[] = { "oną", "aną", "ętą", "onym", "anym", "ętym" };
                for (size_t k = 0; k < sizeof(ins) / sizeof(*ins); k++)
                        if (anon_ends(w, n, ins[k])) /* "ą" and "ym" are two bytes each */
                                return anon_pair(sc, w, n - 2, "ym/ą");
        }
        if (trig && n >= 5) {
                static const char *const adj[] = { "na", "ny", "wa", "wy", "ta", "ty", "ła", "ły",
                                                   "ca", "cy", "ka", "ki", "sza", "szy" };
                for (size_t k = 0; k < sizeof(adj) / sizeof(*adj); k++)
                        if (anon_ends(w, n, adj[k])) {
                                bool soft = adj[k][0] == 'k' || adj[k][0] == 'g';
                                return anon_pair(sc, w, n - 1, soft ? "i/a" : "y/a");
                        }
        }
        return NULL;
}

/* Italian and Portuguese participles and adjectives: -ato/-ata -> -ato/a. */
static const char *gender_romance(Scan *sc, const char *w, size_t n, Lang l, size_t min) {
        static const char *const it[] = { "at", "ut", "it", "os", "iv", "in", "ur", "nt", "ss", "rt", "is", "lt", "ic", "tt", "et" };
        static const char *const pt[] = { "ad", "id", "os", "iv", "eir", "ic", "ári", "ct", "eit", "nt" };
        const char *const *e = l == LANG_IT ? it : pt;
        size_t ne = l == LANG_IT ? sizeof(it) / sizeof(*it) : sizeof(pt) / sizeof(*pt);
        if (n < min || (w[n - 1] != 'a' && w[n - 1] != 'o'))
                return NULL;
        for (size_t k = 0; k < ne; k++) {
                size_t el = strlen(e[k]);
                if (n > el + 1 && memcmp(w + n - 1 - el, e[k], el) == 0)
                        return anon_pair(sc, w, n - 1, "o/a");
        }
        /* "disposta", "rimasto"; not a noun of both genders in -ista ("analista")
         * nor a name ("Sou Augusto") */
        if (n >= 6 && w[n - 3] == 's' && w[n - 2] == 't' && w[n - 4] != 'i' && w[0] >= 'a' && w[0] <= 'z')
                return anon_pair(sc, w, n - 1, "o/a");
        return NULL;
}

/* Romanian: angajată / angajat -> angajat/ă; the feminine of -os and
 * -tor is -oasă and -toare: serioasă / serios -> serios/oasă, muncitoare /
 * muncitor -> muncitor/oare. */
static const char *gender_ro(Scan *sc, const char *w, size_t n) {
        if (n >= 8 && anon_ends(w, n, "oasă"))
                return anon_pair(sc, w, n - 5, "os/oasă");
        if (n >= 8 && (anon_ends(w, n, "toare") || anon_ends(w, n, "soare")))
                return anon_pair(sc, w, n - 4, "or/oare");
        if (n >= 5 && anon_ends(w, n, "ă"))
                return anon_pair(sc, w, n - 2, "/ă");
        if (n >= 5 && anon_ends(w, n, "os"))
                return anon_pair(sc, w, n - 2, "os/oasă");
        if (n >= 6 && (anon_ends(w, n, "tor") || anon_ends(w, n, "sor")))
                return anon_pair(sc, w, n, "/oare");
        static const char *const m[] = { "at", "it", "ut", "ent", "ant", "ist", "il", "iv", "ic", "is", "ns", "al" };
        for (size_t k = 0; k < sizeof(m) / sizeof(*m); k++)
                if (n >= 5 && anon_ends(w, n, m[k]))
                        return anon_pair(sc, w, n, "/ă");
        return NULL;
}

static bool is_vowel(char c) {
        return strchr("aeiou", c) != NULL;
}

/* Before l, j, n, č, š and ž a Slovene masculine's e may be mobile or
 * not (ustvarjalen/ustvarjalna, natančen/natančna, uspešen/uspešna, but
 * zaposlen/zaposlena, vključen/vključena, navdušen/navdušena): the
 * byte c ends the consonant, p is the byte before it. */
static bool sl_either_e(char c, char p) {
        unsigned char u = (unsigned char)c, q = (unsigned char)p;
        return c == 'l' || c == 'j' || c == 'n' || (q == 0xC5 && (u == 0xA1 || u == 0xBE)) || (q == 0xC4 && u == 0x8D);
}

/* Slovene adjectives and participles after "sem". Whichever gender the
 * writer wrote, the rewrite is the same: motivirana / motiviran ->
 * motiviran/a; with the masculine's mobile e after other consonants,
 * odgovorna / odgovoren -> odgovoren/odgovorna; where the e may be mobile
 * or not (sl_either_e), ustvarjalna / ustvarjalen -> ustvarjalen/a. */
static const char *gender_sl_adj(Scan *sc, const char *w, size_t n) {
        if (n >= 6 && (anon_ends(w, n, "na") || anon_ends(w, n, "va") || anon_ends(w, n, "ta"))) {
                if (is_vowel(w[n - 3]) || w[n - 2] != 'n') /* motivirana, zanesljiva, odprta */
                        return anon_pair(sc, w, n - 1, "/a");
                if (sl_either_e(w[n - 3], w[n - 4]))
                        return scan_printf(sc, "%.*sen/a", (int)n - 2, w);
                return scan_printf(sc, "%.*sen/%.*s", (int)n - 2, w, (int)n, w);
        }
        if (n >= 5 && anon_ends(w, n, "en") && !is_vowel(w[n - 3]))
                return sl_either_e(w[n - 3], w[n - 4]) ? anon_pair(sc, w, n, "/a")
                                                       : scan_printf(sc, "%.*s/%.*sna", (int)n, w, (int)n - 2, w);
        static const char *const m[] = { "an", "iv", "en", "rt" };
        for (size_t k = 0; k < sizeof(m) / sizeof(*m); k++)
                if (n >= 5 && anon_ends(w, n, m[k]))
                        return anon_pair(sc, w, n, "/a");
        return NULL;
}

/* Slovene l-participles with a mobile e: the masculine has an e that the
 * feminine drops (prišel / prišla, rekel / rekla, mogel / mogla, nesel /
 * nesla), so "/a" cannot pair them: both forms are written out. Only the
 * stems that always drop it: -eti verbs keep theirs (videl / videla,
 * vzel / vzela, visel / visela). Returns the stem's length (before "el"
 * or "la"), or 0. */
static size_t sl_mobile_e(const char *w, size_t n, bool *fem) {
        static const char *const stem[] = { "š", "Š", "k", "g", "nes", "ras", "tres" }; /* "Šla sem" */
        *fem = anon_ends(w, n, "la");
        if (!*fem && !anon_ends(w, n, "el"))
                return 0;
        for (size_t k = 0; k < sizeof(stem) / sizeof(*stem); k++) {
                size_t l = strlen(stem[k]);
                if (n >= l + 2 && !memcmp(w + n - 2 - l, stem[k], l))
                        return n - 2;
        }
        return 0;
}

/* Slovene l-participles: diplomirala / diplomiral -> diplomiral/a;
 * prišla / prišel -> prišel/prišla. After d, t, z, b and p the masculine's
 * e may be mobile or not (uvedel / uvedla, but sedel / sedela), so a
 * feminine without it is written as its masculine is: uvedla / uvedel ->
 * uvedel/a. */
static const char *gender_sl_part(Scan *sc, const char *w, size_t n) {
        bool fem;
        size_t s = sl_mobile_e(w, n, &fem);
        bool either = !s && n >= 5 && anon_ends(w, n, "la") && strchr("dtzbp", w[n - 3]);
        if (s)
                return scan_printf(sc, "%.*sel/%.*sla", (int)s, w, (int)s, w);
        if (either)
                return scan_printf(sc, "%.*sel/a", (int)n - 2, w);
        static const char *const f[] = { "ala", "ila", "ela", "ula", "ola", "rla" };
        static const char *const m[] = { "al", "il", "el", "ul", "ol", "rl" };
        for (size_t k = 0; k < sizeof(f) / sizeof(*f); k++) {
                if (n >= 5 && anon_ends(w, n, f[k]))
                        return anon_pair(sc, w, n - 1, "/a");
                if (n >= 4 && anon_ends(w, n, m[k]))
                        return anon_pair(sc, w, n, "/a");
        }
        return NULL;
}

static const char *gender_sl(Scan *sc, const char *w, size_t n) {
        const char *r = gender_sl_part(sc, w, n);
        return r || sc->err ? r : gender_sl_adj(sc, w, n);
}

/* Greek adjectives after "είμαι": υπεύθυνη / υπεύθυνος -> υπεύθυνος/η. */
static const char *gender_el(Scan *sc, const char *w, size_t n) {
        if (n >= 8 && anon_ends(w, n, "ος"))
                return anon_pair(sc, w, n - 4, "ος/η");
        if (n >= 8 && anon_ends(w, n, "η"))
                return anon_pair(sc, w, n - 2, "ος/η");
        if (n >= 8 && anon_ends(w, n, "ός"))
                return anon_pair(sc, w, n - 4, "ός/ή");
        if (n >= 8 && anon_ends(w, n, "ή"))
                return anon_pair(sc, w, n - 2, "ός/ή");
        return NULL;
}

/* Token k is a Slovene auxiliary of another person than the writer, or
 * of two or more ("je", "so", "sva", "bodo"): a participle before it is
 * theirs ("Vodila je ekipo", "Razvila sva aplikacijo"). */
static bool sl_other_aux(const Scan *sc, size_t k) {
        static const char *const aux[] = { "je", "so", "sta", "sva", "smo", "ste", "ni", "niso", "nista",
                                           "bo", "bodo", "bosta", "bova", "bomo", "boste" };
        return tok_in(sc, &sc->toks[k], aux, sizeof(aux) / sizeof(*aux));
}

/* The start of token i's bullet: back over spaces, dashes and bullets. */
static size_t bullet_start(const Scan *sc, size_t i) {
        size_t p = sc->toks[i].start;
        for (;;) {
                if (p > 0 && strchr(" \t-*|", sc->t[p - 1]))
                        p--;
                else if (p >= 3 && (!memcmp(sc->t + p - 3, "\xe2\x80\xa2", 3) || !memcmp(sc->t + p - 3, "\xe2\x80\x93", 3)))
                        p -= 3; /* "•", "–" */
                else
                        return p;
        }
}

/* A CV's bullet leaves out the subject and "sem": an l-participle that
 * starts a line, a bullet, a sentence or what follows a colon, with no
 * auxiliary of someone else after it, is the writer's ("- Vodila ekipo 5
 * razvijalcev", "Diplomirala leta 2015"). */
static bool sl_bullet_start(const Scan *sc, size_t i) {
        size_t p = bullet_start(sc, i);
        if ((p > 0 && !strchr("\n\r.!?:;", sc->t[p - 1])) ||
            (tok_lexflags(sc, &sc->toks[i], LANG_SL) & (LEX_PHRASE | LEX_PLACE | LEX_KEEP)) ||
            anon_cue_tok(sc, &sc->toks[i], ANON_CUE_THINGNOUN) || anon_cue_tok(sc, &sc->toks[i], ANON_CUE_PLACENOUN) ||
            (sc->toks[i].end < sc->n && sc->t[sc->toks[i].end] == ':')) /* "Šola:", "Hotel Slon": nouns */
                return false;
        /* a bullet's participle has its object or complement after it: a
         * list's item ("Excel, Word", "Perl (osnove)") or a name ("Visual
         * Studio", "Final Cut Pro") is none; an acronym may be ("Uvedla CI/CD") */
        const Tok *nx = i + 1 < sc->ntok ? &sc->toks[i + 1] : NULL;
        if (!nx || nx->start != sc->toks[i].end + 1 ||
            ((nx->flags & TOK_CAP) && !(nx->flags & (TOK_ALLCAPS | TOK_ALNUM))))
                return false;
        size_t k = i + 1;
        while (k < sc->ntok && k - i <= 2 && sl_clitic(sc, k)) /* "Pomagala mi je mentorica" */
                k++;
        return k >= sc->ntok || !same_line(sc, sc->toks[i].end, sc->toks[k].start) || !sl_other_aux(sc, k);
}

/* A CV's headline or bullet that starts with the writer's participle and
 * its field: "Specializzata in UX design", "Especializado em segurança",
 * "Specializată în securitate". Not the nouns of a degree that end like
 * one ("Mestrado em", "Dottorato in", "Certificat în"). */
static bool headline_participle(const Scan *sc, size_t i) {
        static const char *const in[] = { "in", "em" }; /* keys: "în" is "in" */
        static const char *const end[] = { "ata", "ato", "ita", "ito", "ada", "ado", "ida", "ido", "ată", "at", "ită", "it" };
        static const char *const noun[] = { "mestrado", "doutorado", "bacharelado", "doutoramento", "dottorato",
                                            "certificato", "attestato", "mandato", "certificado", "doctorat",
                                            "masterat", "certificat", "rezidentiat", "credito", "credit" };
        const Tok *t = &sc->toks[i];
        size_t p = bullet_start(sc, i), n = t->end - t->start, k;
        if ((sc->lang != LANG_IT && sc->lang != LANG_PT && sc->lang != LANG_RO) || !(t->flags & TOK_CAP) || n < 7 ||
            (p > 0 && sc->t[p - 1] != '\n') || i + 1 >= sc->ntok || sc->toks[i + 1].start != t->end + 1 ||
            tok_in(sc, &sc->toks[i], noun, sizeof(noun) / sizeof(*noun)))
                return false;
        if (!tok_in(sc, &sc->toks[i + 1], in, sizeof(in) / sizeof(*in)))
                return false;
        for (k = 0; k < sizeof(end) / sizeof(*end); k++)
                if (anon_ends(sc->t + t->start, n, end[k]))
                        return true;
        return false;
}

/* Polish "sam" / "sama" (by oneself) next to the writer's past form:
 * "Sama zorganizowałam", "Uczyłem się sam" -> "sam/a". */
static const char *pl_alone(const Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        if (sc->lang != LANG_PL || !(tok_is(sc, t, "sam") || tok_is(sc, t, "sama")))
                return NULL;
        bool after = sc->last_gender != SIZE_MAX && (sc->last_gender == i - 1 || (sc->last_gender == i - 2 && pl_self(sc, i - 1)));
        bool before = false;
        if (i + 1 < sc->ntok && sc->toks[i + 1].start == t->end + 1) {
                const char *w = sc->t + sc->toks[i + 1].start;
                size_t n = sc->toks[i + 1].end - sc->toks[i + 1].start;
                before = n >= 6 && (anon_ends(w, n, "łam") || anon_ends(w, n, "łem"));
        }
        if (!(after && same_line(sc, sc->toks[i - 1].end, t->start)) && !before)
                return NULL;
        return t->flags & TOK_CAP ? "Sam/a" : "sam/a";
}

const char *anon_gender_rewrite(Scan *sc, size_t i, bool writer) {
        const Tok *t = &sc->toks[i];
        const char *w = sc->t + t->start;
        size_t n = t->end - t->start;
        const char *alone = sc->lang == LANG_PL ? pl_alone(sc, i) : NULL;
        if (alone)
                return alone;
        if (sc->lang == LANG_EN || n < 4)
                return NULL;
        if (sc->lang == LANG_PL) { /* -łem/-łam is first person by itself */
                const char *r = gender_pl(sc, w, n, false);
                if (r)
                        return r;
        }
        if (!writer && !anon_gender_trigger_near(sc, i) && !headline_participle(sc, i))
                return sc->lang == LANG_SL && sl_bullet_start(sc, i) ? gender_sl_part(sc, w, n) : NULL;
        switch (sc->lang) {
        case LANG_PL:
                return gender_pl(sc, w, n, true);
        case LANG_IT:
        case LANG_PT: /* "nata", "nato" in a phrase about the writer */
                return gender_romance(sc, w, n, sc->lang, writer ? 4 : 5);
        case LANG_RO:
                return gender_ro(sc, w, n);
        case LANG_SL:
                return gender_sl(sc, w, n);
        case LANG_EL: {
                const char *r = gender_el(sc, w, n);
                size_t a = r ? el_article_after_trigger(sc, i) : 0;
                if (a) /* "Ήμουν η υπεύθυνη" -> "Ήμουν ο/η υπεύθυνος/η" */
                        scan_add(sc, sc->toks[a].start, sc->toks[a].end, ANON_CAT_GENDERED_FORM, PRIO_GENDER, el_article_pair(sc, a));
                return r;
        }
        default:
                return NULL;
        }
}

/* ---- the writer's own forms: after an auxiliary of the first person ---- */

/* The participle of "to be" at token a ("stata", "sido", "fost") is the
 * writer's only after their own auxiliary: after another person's it is
 * a passive about a thing or someone else ("il progetto è stato
 * finanziato", "tem sido desenvolvido", "aplicația a fost dezvoltată").
 * Not the forms a writer may use of themselves too ("tinha sido", "sia
 * stata", "aș fi fost"). Keys are folded: the Italian "è" is told from
 * "e" (and) by its bytes. */
static bool other_aux_before(const Scan *sc, size_t a) {
        static const char *const part[] = { "stato", "stata", "sido", "fost", "devenit" };
        static const char *const aux[] = { "sei", "siamo", "siete", "erano", "sara", "saranno", "siano", "fosse",
                                           "tem", "tens", "temos", "tinham", "a", "ai", "au", "ati", "ar", "va", "vor" };
        /* Romanian triggers only after the writer's own word: "aș fi", not
         * "va fi", "poate fi"; "mă consider", not "consider important" */
        static const char *const own[][2] = { { "fi", "as" }, { "consider", "ma" } };
        for (size_t k = 0; sc->lang == LANG_RO && k < sizeof(own) / sizeof(*own); k++)
                if (tok_is(sc, &sc->toks[a], own[k][0]))
                        return a == 0 || !tok_is(sc, &sc->toks[a - 1], own[k][1]);
        if (a == 0 || (sc->lang != LANG_IT && sc->lang != LANG_PT && sc->lang != LANG_RO) ||
            !tok_in(sc, &sc->toks[a], part, sizeof(part) / sizeof(*part)))
                return false;
        const Tok *p = &sc->toks[a - 1];
        if (sc->lang == LANG_IT && p->end - p->start == 2 && (!memcmp(sc->t + p->start, "\xc3\xa8", 2) || !memcmp(sc->t + p->start, "\xc3\x88", 2)))
                return true; /* "è", "È" */
        return (sc->lang != LANG_IT || p->end - p->start > 1) && tok_in(sc, &sc->toks[a - 1], aux, sizeof(aux) / sizeof(*aux));
}

/* An auxiliary of the first person at token a, on b's line. */
static bool is_trigger(const Scan *sc, size_t a, size_t b) {
        size_t k = a < b ? a : b, l = a < b ? b : a;
        return (tok_lexflags(sc, &sc->toks[a], sc->lang) & LEX_TRIGGER) &&
               same_line(sc, sc->toks[k].end, sc->toks[l].start) && !other_aux_before(sc, a);
}

/* The gender a Slovene adjective's ending shows: 'f' for -na, -va, -ta
 * ("zanesljiva", "vztrajna"), 'm' for -en, -an, -iv, -rt ("zanesljiv",
 * "vztrajen"), else 0. */
static char sl_adj_gender(const Scan *sc, const Tok *t) {
        const char *w = sc->t + t->start;
        size_t n = t->end - t->start;
        if (anon_ends(w, n, "na") || anon_ends(w, n, "va") || anon_ends(w, n, "ta"))
                return 'f';
        return anon_ends(w, n, "en") || anon_ends(w, n, "an") || anon_ends(w, n, "iv") || anon_ends(w, n, "rt") ? 'm' : 0;
}

/* Tokens a and b are items of one list (", " between them) that agree:
 * the same last two bytes ("motivirana, natančna", "υπεύθυνη,
 * οργανωμένη"); in it, pt and ro the same last letter ("proativa,
 * organizada", "pasionat, atent"), as their endings keep nouns out there,
 * while Polish "zmotywowana, praca" must not agree; in Slovene the same
 * gender of an adjective's ending ("zanesljiva, vztrajna", "zanesljiv,
 * vztrajen"). */
static bool same_list(const Scan *sc, size_t a, size_t b) {
        const Tok *x = &sc->toks[a], *y = &sc->toks[b];
        size_t l = sc->lang == LANG_IT || sc->lang == LANG_PT || sc->lang == LANG_RO ? 1 : 2;
        if (!(y->start == x->end + 2 && sc->t[x->end] == ',' && sc->t[x->end + 1] == ' ' && x->end - x->start >= 2 &&
              y->end - y->start >= 2))
                return false;
        if (sc->lang == LANG_SL && sl_adj_gender(sc, x) && sl_adj_gender(sc, x) == sl_adj_gender(sc, y))
                return true;
        return !memcmp(sc->t + x->end - l, sc->t + y->end - l, l);
}

/* Token i is the second item of a list whose first, right after the
 * writer's auxiliary, is an adjective of both genders in it, pt or ro
 * ("Sono disponibile, precisa e organizzata", "Sou responsável,
 * dedicada"): that one tells nothing, but the list is the writer's. */
static bool list_after_neutral(const Scan *sc, size_t i) {
        if ((sc->lang != LANG_IT && sc->lang != LANG_PT && sc->lang != LANG_RO) || i < 2)
                return false;
        const Tok *x = &sc->toks[i - 1], *y = &sc->toks[i];
        return y->start == x->end + 2 && sc->t[x->end] == ',' && sc->t[x->end + 1] == ' ' && x->start == sc->toks[i - 2].end + 1 &&
               !(x->lf & LEX_STOP) && !(x->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) &&
               !(y->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) && is_trigger(sc, i - 2, i);
}

/* Token k is an adverb of sequence of it, pt or ro ("poi", "depois",
 * "apoi"): the writer's next participle may follow it without its
 * auxiliary. Keys are case-folded and without accents. */
static bool then_adverb(const Scan *sc, size_t k) {
        static const char *const w[] = { "poi", "quindi", "successivamente", "infine", "depois", "posteriormente",
                                         "apoi", "ulterior", "finalmente" };
        return tok_in(sc, &sc->toks[k], w, sizeof(w) / sizeof(*w));
}

/* The writer's participle, then an adverb of sequence and the next
 * participle with its auxiliary left out: right after it with a comma
 * ("angajată, apoi promovată"), or with a conjunction before the adverb
 * later in the same sentence and clause ("assunta nel 2019 e poi
 * promossa", "contratada e, depois, promovida"). */
static bool after_then(const Scan *sc, size_t i) {
        size_t g = sc->last_gender;
        if ((sc->lang != LANG_IT && sc->lang != LANG_PT && sc->lang != LANG_RO) || i < 2 || g == SIZE_MAX || g + 2 > i ||
            i - g > ANON_COORD_GAP || !then_adverb(sc, i - 1) ||
            (sc->toks[i].flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) || !same_line(sc, sc->toks[g].end, sc->toks[i].start))
                return false;
        for (size_t k = g + 1; k <= i; k++)
                if (sc->toks[k].flags & TOK_SENT)
                        return false;
        if (g == i - 2)
                return true;
        /* no comma before the conjunction: "assunta, poi ho guidato il team e
         * quindi migrato" joins "migrato" to "ho" */
        for (size_t p = sc->toks[g].end; p < sc->toks[i - 2].start; p++)
                if (sc->t[p] == ',')
                        return false;
        return (tok_lexflags(sc, &sc->toks[i - 2], sc->lang) & LEX_CONJ) != 0;
}

/* Token k is a lower-case word with an ending of the adjectives and
 * participles a writer lists about themselves ("comunicativa",
 * "organizzato", "serioasă"), few nouns have. */
static bool adjective_ending(const Scan *sc, size_t k) {
        static const char *const e[] = { "ata", "ato", "ita", "ito", "iva", "ivo", "osa", "oso", "ada", "ado",
                                         "ida", "ido", "oasă", "ată", "ită", "ivă", "toare", "os", "at", "iv", "tor" };
        const Tok *t = &sc->toks[k];
        size_t n = t->end - t->start;
        if (n < 6 || (t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)))
                return false;
        for (size_t a = 0; a < sizeof(e) / sizeof(*e); a++)
                if (anon_ends(sc->t + t->start, n, e[a]))
                        return true;
        return false;
}

/* The writer's adjective, its complement, then a list of two more
 * ("apaixonada por tecnologia, comunicativa e proativa", "pasionată de
 * date, serioasă și muncitoare"): token i is the first of those two,
 * after ", ", with an adjective's ending (in it and pt the writer's
 * last letter) and a conjunction and another such word after it, in the
 * same sentence. */
static bool list_after_complement(const Scan *sc, size_t i) {
        size_t g = sc->last_gender;
        if ((sc->lang != LANG_IT && sc->lang != LANG_PT && sc->lang != LANG_RO) || g == SIZE_MAX || g + 2 >= i ||
            i - g > 5 || i + 2 >= sc->ntok || sc->toks[i].start < 2 || sc->t[sc->toks[i].start - 2] != ',' ||
            !same_line(sc, sc->toks[g].end, sc->toks[i + 2].start))
                return false;
        for (size_t k = g + 1; k <= i + 2; k++)
                if (sc->toks[k].flags & TOK_SENT)
                        return false;
        const Tok *x = &sc->toks[g], *y = &sc->toks[i];
        /* Romanian masculines end in a consonant of their own ("pasionat", "serios") */
        return (sc->lang == LANG_RO || sc->t[x->end - 1] == sc->t[y->end - 1]) && adjective_ending(sc, i) &&
               adjective_ending(sc, i + 2) &&
               (tok_lexflags(sc, &sc->toks[i + 1], sc->lang) & LEX_CONJ);
}

/* Token i is a Greek adjective of both genders (-ής: "συνεπής",
 * "επιμελής") in a list of the writer's adjectives: it tells nothing, but
 * the list goes on after it ("υπεύθυνη, συνεπής και ομαδική"). */
bool anon_gender_list_link(const Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        size_t n = t->end - t->start;
        return sc->lang == LANG_EL && i > 0 && sc->last_gender == i - 1 && n >= 8 && anon_ends(sc->t + t->start, n, "ής") &&
               t->start == sc->toks[i - 1].end + 2 && sc->t[t->start - 2] == ',';
}

/* A Slovene adverb: a lower-case word ending in -o ("uspešno", "veliko"). */
static bool sl_adverb(const Scan *sc, size_t k) {
        const Tok *t = &sc->toks[k];
        return sc->lang == LANG_SL && !(t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) &&
               t->end - t->start >= 4 && sc->t[t->end - 1] == 'o';
}

/* Token i follows the writer's auxiliary across one or two intensifiers
 * ("sono molto motivata", "jestem bardzo komunikatywna", "sem zelo
 * motivirana"), or in Slovene across an adverb ("bom uspešno
 * prispevala"). */
static bool trigger_across_intensifier(const Scan *sc, size_t i) {
        size_t k = i;
        while (k > 0 && i - k < 2 && (anon_intensifier(sc, k - 1) || sl_adverb(sc, k - 1)))
                k--;
        return k < i && k > 0 && is_trigger(sc, k - 1, i);
}

/* Token k is the Polish reflexive "się". */
static bool pl_self(const Scan *sc, size_t k) {
        const Tok *t = &sc->toks[k];
        return tok_is(sc, t, "sie");
}

/* Token k is a Slovene clitic that stands between "sem" or "bi" and the
 * participle: the reflexive "se", "si" or a pronoun ("bi se vam
 * pridružila", "sem mu pomagala"). */
static bool sl_clitic(const Scan *sc, size_t k) {
        static const char *const cl[] = { "se", "si", "vam", "vas", "mu", "ji", "jim", "ga", "jo", "jih", "me", "mi", "ti", "te" };
        return tok_in(sc, &sc->toks[k], cl, sizeof(cl) / sizeof(*cl));
}

/* Slovene leaves "sem" out of the second of two joined clauses: "Vodil
 * sem ekipo 6 razvijalcev in skrajšal čas": a word right after "in" or
 * "ter" is the writer's when their participle came earlier in the
 * sentence, at most ANON_COORD_GAP tokens back. */
static bool sl_coordinated(const Scan *sc, size_t i) {
        size_t g = sc->last_gender;
        if (g == SIZE_MAX || g + 1 >= i || i - g > ANON_COORD_GAP ||
            !(tok_lexflags(sc, &sc->toks[i - 1], LANG_SL) & LEX_CONJ) || !same_line(sc, sc->toks[g].end, sc->toks[i].start))
                return false;
        for (size_t k = g + 1; k <= i; k++)
                if (sc->toks[k].flags & TOK_SENT)
                        return false;
        return true;
}

/* The paired form of a Greek article at token k: "ο/η" for "ο" and "η",
 * the language's paired indefinite for "ένας", "μια"; else NULL. */
static const char *el_article_pair(const Scan *sc, size_t k) {
        const Tok *t = &sc->toks[k];
        const char *key = tok_key(sc, t);
        if (t->flen == 2 && (!memcmp(key, "\xce\xbf", 2) || !memcmp(key, "\xce\xb7", 2))) /* ο, η */
                return "ο/η";
        return anon_cue_tok(sc, t, ANON_CUE_INDEF) ? sc->e->indef[LANG_EL] : NULL;
}

/* Greek puts an article between the writer's auxiliary and their
 * adjective, an intensifier between or not: "Ήμουν η υπεύθυνη", "Είμαι
 * μια έμπειρη μηχανικός", "Είμαι η πιο κατάλληλη". Returns the article's
 * token, or 0. */
static size_t el_article_after_trigger(const Scan *sc, size_t i) {
        if (sc->lang != LANG_EL)
                return 0;
        size_t k = i >= 3 && anon_intensifier(sc, i - 1) ? i - 1 : i;
        if (k < 2 || sc->toks[k].start != sc->toks[k - 1].end + 1 || !is_trigger(sc, k - 2, i) ||
            !el_article_pair(sc, k - 1))
                return 0;
        return k - 1;
}

/* A Polish job title's adjective comes after it and agrees with it
 * ("Analityczka biznesowa", "Tester manualny", "Architektka systemowa"):
 * a lower-case word with an adjective's ending right after the writer's
 * gendered word. Not the genitives of nouns that end like one ("Kierownik
 * budowy", "zmiany"): only the endings no such noun has, and "-owy" but
 * for those three. */
static bool pl_title_adjective(const Scan *sc, size_t i) {
        static const char *const adj[] = { "owy", "owa", "czny", "czna", "alny", "alna", "yjny", "yjna",
                                            "ski", "ska", "cki", "cka", "ący", "ąca" };
        static const char *const noun[] = { "budowy", "mowy", "łowy" };
        const Tok *t = &sc->toks[i];
        const char *w = sc->t + t->start;
        size_t n = t->end - t->start, k;
        if (sc->lang != LANG_PL || i == 0 || sc->last_gender != i - 1 || t->start != sc->toks[i - 1].end + 1 ||
            (t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)))
                return false;
        for (k = 0; k < sizeof(noun) / sizeof(*noun); k++)
                if (n >= strlen(noun[k]) && !memcmp(w + n - strlen(noun[k]), noun[k], strlen(noun[k])))
                        return false; /* "budowy" itself, which anon_ends() leaves out */
        for (k = 0; k < sizeof(adj) / sizeof(*adj); k++)
                if (anon_ends(w, n, adj[k]))
                        return true;
        return false;
}

bool anon_gender_trigger_near(const Scan *sc, size_t i) {
        if (pl_title_adjective(sc, i))
                return true;
        if (el_article_after_trigger(sc, i))
                return true;
        if (i > 0 && (is_trigger(sc, i - 1, i) || trigger_across_intensifier(sc, i)))
                return true;
        if (sc->lang == LANG_SL && i + 1 < sc->ntok && is_trigger(sc, i + 1, i))
                return true;
        if (sc->lang == LANG_SL && i >= 2 && sl_clitic(sc, i - 1) &&
            (is_trigger(sc, i - 2, i) || (i >= 3 && sl_clitic(sc, i - 2) && is_trigger(sc, i - 3, i))))
                return true; /* "sem se preselila", "sem si želela", "bi se vam pridružila" */
        if (sc->lang == LANG_SL && sl_coordinated(sc, i))
                return true;
        if (sc->lang == LANG_PL && i >= 2 && pl_self(sc, i - 1) && (sc->last_gender == i - 2 || is_trigger(sc, i - 2, i)) &&
            same_line(sc, sc->toks[i - 2].end, sc->toks[i].start))
                return true; /* "czułam się odpowiedzialna", "czuję się pewna": the writer's verb and "się" */
        if (anon_gnoun_before(sc, i)) /* "Sou uma mulher determinada" */
                return true;
        if ((i >= 1 && sc->last_gender == i - 1 && same_list(sc, i - 1, i)) || list_after_neutral(sc, i) || after_then(sc, i) ||
            list_after_complement(sc, i))
                return true;
        /* "uma engenheira dedicada"; not in Slovene, whose adjectives come
         * first, nor in Polish (pl_title_adjective()): their job title's
         * next word is a genitive ("Inženirka računalništva", "Kierownik
         * budowy") */
        if (i >= 1 && sc->indef_noun == i - 1 && sc->toks[i].start == sc->toks[i - 1].end + 1 && sc->lang != LANG_SL &&
            sc->lang != LANG_PL)
                return true;
        if (sc->lang == LANG_RO && i >= 1 && sc->last_gender == i - 1 && sc->toks[i].start == sc->toks[i - 1].end + 1 &&
            !(sc->toks[i].lf & LEX_STOP))
                return true; /* "am fost numit/ă coordonator": the noun after the writer's participle */
        /* the second of two joined words: "sono laureata e motivata", "sono
         * responsabile e organizzata" */
        if (i >= 2 && (sc->last_gender == i - 2 || (i >= 3 && is_trigger(sc, i - 3, i - 2))) &&
            (tok_lexflags(sc, &sc->toks[i - 1], sc->lang) & LEX_CONJ)) /* the text's own: Romanian "în" is no "in" */
                return same_line(sc, sc->toks[i - 2].end, sc->toks[i].start);
        return false;
}

/* The end of what an article at token a stands for when its noun starts
 * at p: the token alone before a space; with its apostrophe when elided,
 * as Italian "un'" is the feminine "una" ("un'ingegnera", "un’analista"),
 * so the pair takes the apostrophe's place; 0 when neither. */
static size_t article_end(const Scan *sc, size_t a, size_t p) {
        size_t e = sc->toks[a].end;
        if (p == e + 1 && sc->t[e] == '\'')
                return p;
        if (p == e + 3 && !memcmp(sc->t + e, "\xe2\x80\x99", 3))
                return p;
        return p == e + 1 && sc->t[e] == ' ' ? e : 0;
}

void anon_gender_article(Scan *sc, size_t i, size_t len) {
        size_t p = sc->toks[i].start;
        if (p == 0 || sc->t[p - 1] == '\n') { /* a CV's headline: "Ingegnera informatica" */
                sc->indef_noun = i + len - 1;
                return;
        }
        size_t a = el_article_after_trigger(sc, i);
        if (a) { /* "Είμαι η ιδρύτρια" -> "Είμαι ο/η ιδρυτής/τρια" */
                scan_add(sc, sc->toks[a].start, sc->toks[a].end, ANON_CAT_GENDERED_FORM, PRIO_GENDER, el_article_pair(sc, a));
                sc->indef_noun = i + len - 1;
                return;
        }
        const char *pair = sc->e->indef[sc->lang];
        size_t e = i >= 1 ? article_end(sc, i - 1, p) : 0;
        if (!pair || i < 2 || !e || !anon_cue_tok(sc, &sc->toks[i - 1], ANON_CUE_INDEF) || !is_trigger(sc, i - 2, i))
                return;
        if (e > sc->toks[i - 1].end && !(pair = scan_printf(sc, "%s ", pair)))
                return;
        scan_add(sc, sc->toks[i - 1].start, e, ANON_CAT_GENDERED_FORM, PRIO_GENDER, pair);
        sc->indef_noun = i + len - 1;
}
