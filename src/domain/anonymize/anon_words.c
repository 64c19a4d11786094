/* Pass 2 over the tokens of a chunk: known names, dictionary names and
 * the writer's gendered forms; the word lists' phrases (labelled fields,
 * honorifics, name contexts) are anon_phrase.c's. */
#include <string.h>

#include "core/utf8.h"
#include "domain/anonymize/anon_internal.h"

/* ---- names ---- */

enum { NF_FIRST = 1, NF_SUR = 2, NF_ANYFIRST = 4, NF_ANYSUR = 8, NF_COMMON = 16, NF_UNKNOWN = 32,
       NF_PARTICLE = 64, NF_LISTSUR = 128, NF_LISTFIRST = 256 };

/* A lower-case particle inside a name ("Waldemar de Brito", "van der"). */
static inline bool particle(const Scan *sc, const Tok *t) {
        return anon_lower_particle(sc, t);
}

static bool name_like_flags(const Tok *t, bool forced) {
        if (forced && (t->flags & TOK_CAP) && !(t->flags & (TOK_NUM | TOK_ALNUM)))
                return !(t->lf & (LEX_PLACE | LEX_KEEP)) && t->end - t->start >= 2; /* "afirmă Guvernul"; not "Hello I", "Hi Team" */
        if (!(t->flags & (TOK_CAP | TOK_ALLCAPS)) || (t->flags & (TOK_NUM | TOK_ALNUM)) ||
            t->end - t->start < 2)
                return false;
        uint16_t f = t->lf;
        if ((f & LEX_STOP) && (f & LEX_FIRST) && !(t->flags & TOK_SENT))
                f &= (uint16_t)~LEX_STOP; /* "Will Stokes" inside a line */
        return !(f & (LEX_STOP | LEX_KEEP | LEX_STREET | LEX_PLACE));
}

/* Either part of an English contraction ("DON" and "T" of "DON'T", "Isn"
 * of "Isn't") is never a name (TOK_SKIP: pass 1 looked). */
/* An English verb in the past starting a sentence or a bullet point, in
 * no name list ("Migrated Mule ESB", "Supported Maria Lopez"): never part
 * of the name after it. */
static bool past_verb_first(const Scan *sc, const Tok *t) {
        return sc->lang == LANG_EN && (t->flags & TOK_SENT) && !t->name && t->flen >= 5 &&
               !memcmp(tok_key(sc, t) + t->flen - 2, "ed", 2);
}

static inline bool name_like(const Scan *sc, const Tok *t, bool forced) {
        if (t->flags & TOK_INITIAL)
                return true;
        return name_like_flags(t, forced) && !(t->flags & TOK_SKIP) && !(forced ? false : past_verb_first(sc, t));
}

/* A Romanian surname by its ending, listed or not: -escu, -eanu, -ianu,
 * -ascu (Vulpescu, Urdăreanu, Ionașcu) and their genitive in -ului. No
 * common word or place ends so; the key is folded ("ă" -> "a"). */
static inline bool ro_surname(const Scan *sc, const Tok *t) {
        static const char *const end[] = { "escu", "eanu", "ianu", "ascu" };
        const char *k = tok_key(sc, t);
        size_t n = t->flen;
        if (sc->lang != LANG_RO || (t->flags & (TOK_ALLCAPS | TOK_INITIAL)))
                return false;
        if (n > 8 && !memcmp(k + n - 4, "ului", 4))
                n -= 3;
        for (size_t e = 0; e < sizeof(end) / sizeof(*end); e++)
                if (n >= 6 && !memcmp(k + n - 4, end[e], 4))
                        return true;
        return false;
}

/* A Romanian noun in the genitive-dative, in no name list: "Senatului",
 * "Camerei", "României", "Justiției", "Deputaților". People take "lui"
 * before the name ("lui Popescu"); the few names that inflect so are in
 * the lists ("Mariei") or end like a surname ("Popescului"). */
static bool ro_genitive_noun(const Scan *sc, const Tok *t) {
        static const char *const end[] = { "ului", "ilor", "elor", "iei", "ei", "ii" };
        if (sc->lang != LANG_RO || !(t->flags & TOK_CAP) || (t->flags & (TOK_ALLCAPS | TOK_INITIAL)) ||
            t->flen < 5 || (t->name && (tok_lexflags(sc, t, LANG_RO) & (LEX_FIRST | LEX_SURNAME))) || ro_surname(sc, t))
                return false;
        const char *k = tok_key(sc, t);
        for (size_t e = 0; e < sizeof(end) / sizeof(*end); e++) {
                size_t l = strlen(end[e]);
                if (!memcmp(k + t->flen - l, end[e], l))
                        return true;
        }
        return false;
}

static int name_flags(const Scan *sc, const Tok *t) {
        if (particle(sc, t))
                return NF_PARTICLE;
        if (!t->lex && !t->name)
                return sc->lang == LANG_RO && ro_surname(sc, t) ? NF_SUR | NF_ANYSUR | NF_LISTSUR : NF_UNKNOWN;
        uint16_t d = t->lf, any = tok_any(sc, t);
        int f = 0;
        f |= d & LEX_FIRST ? NF_FIRST : 0;
        f |= d & LEX_SURNAME ? NF_SUR : 0;
        f |= any & (LEX_FIRST | LEX_WFIRST) ? NF_ANYFIRST : 0;
        f |= any & (LEX_SURNAME | LEX_WSUR) ? NF_ANYSUR : 0;
        f |= any & LEX_SURNAME ? NF_LISTSUR : 0;
        f |= any & LEX_FIRST ? NF_LISTFIRST : 0;
        f |= d & LEX_COMMON ? NF_COMMON : 0;
        if (!(any & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR)) && !(d & LEX_COMMON))
                f |= sc->lang == LANG_RO && ro_surname(sc, t) ? NF_SUR | NF_ANYSUR | NF_LISTSUR : NF_UNKNOWN;
        return f;
}

/* A given name of any list alone at the start of a line, right before a
 * colon: the speaker of a chat or an interview ("Zuzana: Who are you?").
 * Labels of a CV ("Skills:", "Education:") are in no name list. */
static bool speaker_label(const Scan *sc, const Tok *t, int f) {
        if (!(f & NF_ANYFIRST) || (f & NF_COMMON) || (t->lf & (LEX_PHRASE | LEX_KEEP | LEX_STOP)) ||
            t->end >= sc->n || sc->t[t->end] != ':' || (t->flags & TOK_ALLCAPS))
                return false;
        return anon_line_start(sc, t->start);
}

/* English "the" and a lone capitalised word before a function word or
 * punctuation is a place or a thing's name: "at the Hilton in Leeds",
 * "the Savoy." (not "the Obama administration", where it names a person). */
static bool en_the_thing(const Scan *sc, const Tok *t) {
        size_t i = (size_t)(t - sc->toks);
        if (sc->lang != LANG_EN || i == 0 || !(t->flags & TOK_JOINED))
                return false;
        const Tok *a = &sc->toks[i - 1], *n = i + 1 < sc->ntok ? &sc->toks[i + 1] : NULL;
        if (!tok_is(sc, a, "the") || (a->flags & (TOK_CAP | TOK_ALLCAPS)))
                return false;
        return !n || !(n->flags & TOK_JOINED) || (!(n->flags & (TOK_CAP | TOK_ALLCAPS)) && (n->lf & LEX_STOP));
}

static bool single_name_any(Scan *sc, const Tok *t, int f) {
        if (!(t->flags & TOK_INITIAL) && anon_seen_tok(sc, t))
                return !(f & NF_COMMON) || !anon_tool_near(sc, (size_t)(t - sc->toks)); /* not "Ruby on Rails" */
        if ((f & NF_COMMON) || (t->flags & TOK_INITIAL))
                return false;
        if (speaker_label(sc, t, f))
                return true;
        /* a surname of the document's language alone, inside a sentence; not a
         * country that is a surname too ("Visitou França e Itália") */
        if (f & NF_FIRST)
                return true;
        if (!(f & NF_SUR) || (t->flags & (TOK_SENT | TOK_ALLCAPS)))
                return false;
        size_t i = (size_t)(t - sc->toks);
        return !anon_demonym_run(sc, i, i + 1);
}

/* A lone capitalised word t (name flags f) is a person: what the lists
 * and the text before say, unless it is a place after "the". */
static bool single_name(Scan *sc, const Tok *t, int f) {
        return single_name_any(sc, t, f) && !en_the_thing(sc, t);
}

/* An initial between two words ("Faina D. Yefremova", "Szabina J
 * Gelencsér") or two initials before a word ("I. C. Brătianu"): the shape
 * of a person's name whatever the words are. */
static bool initials_shape(const Scan *sc, size_t i, size_t n, const int *fl) {
        for (size_t k = 1; k + 1 < n && n <= 4; k++)
                if ((sc->toks[i + k].flags & TOK_INITIAL) && !(sc->toks[i + k - 1].flags & TOK_INITIAL) &&
                    !(sc->toks[i + k + 1].flags & TOK_INITIAL) && !(fl[k - 1] & NF_PARTICLE))
                        return true;
        return n == 3 && (sc->toks[i].flags & TOK_INITIAL) && (sc->toks[i + 1].flags & TOK_INITIAL) &&
               !(sc->toks[i + 2].flags & TOK_INITIAL);
}

/* unknown words or given names (and particles) before a surname of the
 * name lists: "Bonifacy Kaczmarek", "Shelli Genaro Kuvalis", never at the
 * start of a sentence ("Later Schmidt"). A surname of the world lists
 * counts too when it has ANON_WORLD_SUR_MIN bytes or more ("Tünde
 * Hoffmann"): the short ones are often words ("Labor Law", "State Bar"). */
static bool before_surname(const Scan *sc, size_t i, size_t n, int words, const int *fl) {
        if (words < 2 || words > 3 || !(fl[n - 1] & (sc->toks[i + n - 1].flen >= ANON_WORLD_SUR_MIN ? NF_ANYSUR : NF_LISTSUR)) || (fl[n - 1] & NF_COMMON) ||
            (sc->toks[i].flags & (TOK_INITIAL | TOK_SENT)))
                return false;
        for (size_t k = 0; k + 1 < n; k++)
                if (!(fl[k] & NF_PARTICLE) &&
                    (!(fl[k] & (NF_UNKNOWN | NF_ANYFIRST)) || (fl[k] & NF_COMMON) ||
                     (sc->toks[i + k].flags & (TOK_ALLCAPS | TOK_INITIAL))))
                        return false;
        return true;
}

/* True when tokens [i, j) are alone on their line: nothing but blanks
 * between them and the line breaks (or the ends of the chunk). */
static bool alone_on_line(const Scan *sc, size_t i, size_t j) {
        size_t a = sc->toks[i].start, b = sc->toks[j - 1].end, a0 = a, b0 = b;
        while (a > 0 && (sc->t[a - 1] == ' ' || sc->t[a - 1] == '\t'))
                a--;
        while (b < sc->n && (sc->t[b] == ' ' || sc->t[b] == '\t'))
                b++;
        /* or alone in a field of a flattened layout: two blanks or a tab around it */
        bool field_a = a0 - a >= 2 || (a0 > a && sc->t[a0 - 1] == '\t');
        bool field_b = b - b0 >= 2 || (b > b0 && sc->t[b0] == '\t');
        return (a == 0 || sc->t[a - 1] == '\n' || sc->t[a - 1] == '\r' || field_a) &&
               (b == sc->n || sc->t[b] == '\n' || sc->t[b] == '\r' || field_b);
}

/* A given name of any list, even one that is also a common word or an
 * abbreviation ("Jan", "May", "Mark"), before a listed surname, the two
 * alone on their line ("CV\nJan Kowalski"): the line break ended whatever
 * came before, so the start of the line does not make it a sentence. */
static bool line_name(const Scan *sc, size_t i, size_t n, int words, const int *fl) {
        if (words < 2 || words > 3 || !(fl[n - 1] & NF_LISTSUR) || (fl[n - 1] & NF_COMMON) ||
            !alone_on_line(sc, i, i + n))
                return false;
        for (size_t k = 0; k + 1 < n; k++)
                if (!(fl[k] & (NF_PARTICLE | NF_ANYFIRST)) || (sc->toks[i + k].flags & TOK_INITIAL))
                        return false;
        return true;
}

/* Counts of a run's words by kind. */
typedef struct RunCounts {
        int named, first, strong, unknown, ini, part, firstok, listfirst;
} RunCounts;

static RunCounts run_counts(const Scan *sc, size_t i, size_t n, const int *fl) {
        RunCounts c = { 0 };
        for (size_t k = 0; k < n; k++) {
                bool isini = sc->toks[i + k].flags & TOK_INITIAL, common = fl[k] & NF_COMMON;
                c.part += (fl[k] & NF_PARTICLE) != 0;
                c.ini += isini;
                c.named += !isini && (fl[k] & (NF_ANYFIRST | NF_ANYSUR)) && !common;
                c.first += !isini && (fl[k] & NF_ANYFIRST);
                c.strong += !isini && (fl[k] & (NF_FIRST | NF_SUR)) && !common;
                c.unknown += !isini && (fl[k] & NF_UNKNOWN);
                bool f = !isini && (fl[k] & NF_ANYFIRST) && !common;
                c.firstok += f;
                c.listfirst += f && (fl[k] & NF_LISTFIRST);
        }
        return c;
}

/* Drops unlikely ends of an accepted run: one unknown word may follow a
 * given name ("Maria Schmidt") or a particle, not a surname; a run never
 * ends with a particle, only with the lower-case syllable of a hyphenated
 * given name. */
static void trim_run(const Scan *sc, size_t i, size_t *j, const int *fl, bool shape) {
        while (!shape && *j - i > 1 && (fl[*j - i - 1] & NF_UNKNOWN) &&
               !(sc->toks[*j - 2].flags & TOK_INITIAL) && !(fl[*j - i - 2] & (NF_ANYFIRST | NF_PARTICLE)))
                (*j)--;
        while (*j - i > 1 && (fl[*j - i - 1] & NF_PARTICLE) && !anon_hyphen_part(sc, *j - 1))
                (*j)--; /* but "Choi Gee-sung" ends with its syllable */
}

/* Two words: a name-list word of a person seen earlier in the session and
 * a word in no list ("Trina Mosciski" after "Mosciski" was taken): the
 * same person, named in full again. */
static bool seen_run(Scan *sc, size_t i, size_t n, const int *fl) {
        size_t seen = 0, unknown = 0;
        if (n != 2)
                return false;
        for (size_t k = 0; k < n; k++) {
                const Tok *t = &sc->toks[i + k];
                if (t->flags & (TOK_INITIAL | TOK_ALLCAPS) || (fl[k] & NF_COMMON))
                        return false;
                if ((fl[k] & (NF_ANYFIRST | NF_ANYSUR)) && anon_seen_tok(sc, t))
                        seen++;
                else if ((fl[k] & NF_UNKNOWN) && !(k == 0 && (t->flags & TOK_SENT) && !anon_field_start(sc, t->start)))
                        unknown++; /* "Later Schmidt": a sentence's first word is not a given name */
        }
        return seen == 1 && unknown == 1;
}

/* The second part of a hyphenated given name is the given name's: an
 * unknown word after a run's first word, a given name of a language's
 * list and of no surname list there, is a given name too when a word
 * follows ("Jean-Baptiste Mbappé"; not "Ed-Media", "Miller-Converse
 * Lecturer"); a lower-case syllable ("Shu-hui") only joins the words
 * around it. k (> 0): the token's place in the run of n from i, right
 * after the token before it. */
static int hyphen_flags(const Scan *sc, size_t i, size_t k, size_t n, int prev, int f) {
        const Tok *t = &sc->toks[i + k];
        if (sc->t[t->start - 1] != '-')
                return f;
        if (!(t->flags & TOK_CAP))
                return NF_PARTICLE;
        bool given = (prev & NF_LISTFIRST) && !(prev & (NF_LISTSUR | NF_COMMON));
        return given && k == 1 && n >= 3 && (f & NF_UNKNOWN) ? NF_ANYFIRST : f;
}

/* Tokens a and b, both capitalised, are joined by " & " ("Marks &
 * Spencer"). */
static bool amp_joined(const Scan *sc, size_t a, size_t b) {
        const Tok *x = &sc->toks[a], *y = &sc->toks[b];
        return (y->flags & (TOK_CAP | TOK_ALLCAPS)) && (x->flags & (TOK_CAP | TOK_ALLCAPS)) &&
               y->start == x->end + 3 && !memcmp(sc->t + x->end, " & ", 3);
}

/* A given name of some list that no surname list has ("Anna", "Marco";
 * not "Spencer", "Johnson"). */
static bool only_given(const Scan *sc, const Tok *t) {
        int f = name_flags(sc, t);
        return (f & NF_ANYFIRST) && !(f & NF_ANYSUR);
}

/* The capitalised word at token k stands alone: no capitalised word is
 * joined to it on either side. */
static bool lone_cap(const Scan *sc, size_t k) {
        const Tok *t = &sc->toks[k];
        bool before = k > 0 && (t->flags & TOK_JOINED) && (sc->toks[k - 1].flags & (TOK_CAP | TOK_ALLCAPS)) &&
                      t->start == sc->toks[k - 1].end + 1;
        bool after = k + 1 < sc->ntok && (sc->toks[k + 1].flags & (TOK_CAP | TOK_ALLCAPS)) &&
                     sc->toks[k + 1].start == t->end + 1;
        return !before && !after;
}

/* Two single words joined by "&" name a firm ("Johnson & Johnson", "Marks
 * & Spencer", "Ernst & Young"), unless both are only given names ("Anna &
 * Marco"); not a name run and more ("Maria & John Smith"). The run is
 * [i, j). */
static bool amp_firm(const Scan *sc, size_t i, size_t j) {
        size_t k = i > 0 && amp_joined(sc, i - 1, i) ? i - 1 : j < sc->ntok && amp_joined(sc, j - 1, j) ? j : SIZE_MAX;
        if (k == SIZE_MAX || j != i + 1 || !lone_cap(sc, k))
                return false;
        return !(only_given(sc, &sc->toks[i]) && only_given(sc, &sc->toks[k]));
}

/* The run [i, j) is the whole of a quotation, an opening quote right
 * before it and a closing one right after (the hall „George Enescu”, UMF
 * "Carol Davila", the choral work "Erna"): the name of a work, a place or
 * an institution, which a person's name in running text seldom is. */
static bool quoted_run(const Scan *sc, size_t i, size_t j) {
        return anon_open_quote_before(sc, sc->toks[i].start) && anon_close_quote_at(sc, sc->toks[j - 1].end);
}

/* Decides whether tokens [i, *j) form a name, trimming unlikely ends.
 * *ret_strong: the shape alone says "person" (initials, a listed given
 * name), so every word of it may be taken as this person later. hyphen:
 * a hyphen joins two of its words. */
static bool decide_name(Scan *sc, size_t i, size_t *j, bool forced, bool hyphen, bool *ret_strong) {
        int fl[ANON_NAME_RUN_MAX * 2];
        size_t n = *j - i;
        for (size_t k = 0; k < n; k++) { /* "Marco Di Pasquale", "Francisco de la Torre": particles only join */
                const Tok *t = &sc->toks[i + k];
                fl[k] = name_flags(sc, t);
                if (!k || k + 1 >= n || !((t->lf & LEX_PARTICLE) || (fl[k - 1] & NF_PARTICLE)))
                        continue;
                bool after = fl[k - 1] & NF_PARTICLE, lower = !(t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_INITIAL));
                if (anon_cap_particle(t) || (after && lower))
                        fl[k] = NF_PARTICLE;
        }
        for (size_t k = 1; hyphen && k < n; k++)
                if (sc->toks[i + k].start == sc->toks[i + k - 1].end + 1)
                        fl[k] = hyphen_flags(sc, i, k, n, fl[k - 1], fl[k]);
        RunCounts c = run_counts(sc, i, n, fl);
        *ret_strong = forced;
        if (forced)
                return c.ini < (int)n;
        if (n == 1)
                return single_name(sc, &sc->toks[i], fl[0]) || ((fl[0] & NF_UNKNOWN) && anon_cjk_name(sc, &sc->toks[i]));
        int words = (int)n - c.part; /* particles only join the words around them */
        bool shape = initials_shape(sc, i, n, fl);
        /* a given name (of any language) with another capitalised word, two
         * known name words, a name word with an initial, the shape of a name */
        bool ok = (c.strong >= 1 && c.first >= 1 && (c.named >= 2 || c.unknown >= 1 || words == 2)) ||
                  (c.named >= 2 && (c.strong >= 1 || c.first >= 1)) || (c.firstok >= 1 && words - c.ini >= 2) ||
                  ((c.named >= 1 || c.strong >= 1) && c.ini >= 1 && c.ini < words) || shape ||
                  before_surname(sc, i, n, words, fl) || line_name(sc, i, n, words, fl) ||
                  (c.part == 0 && anon_common_first_pair(sc, i, n)) || anon_hyphen_shape(sc, i, n);
        /* a two-word name ("Faina D. Yefremova", "Maria Schmidt"): both words are
         * this person's; in longer runs ("Alfred P. Sloan Foundation") only the
         * words of the name lists are */
        *ret_strong = (shape || c.firstok >= 1) && words - c.ini == 2;
        if (!ok && seen_run(sc, i, n, fl)) {
                *ret_strong = true; /* a person seen earlier, with a word we did not know ("Trina Mosciski") */
                return true;
        }
        if (!ok) {
                for (size_t k = 0; k < n; k++)
                        if (single_name(sc, &sc->toks[i + k], fl[k]) && !(fl[k] & NF_UNKNOWN))
                                return (*j = i + k + 1), k == 0;
                return false;
        }
        trim_run(sc, i, j, fl, shape);
        return true;
}

/* Two spaces or a tab: the field separator of a flattened layout ("Anna
 * Rossi    Milano"), never inside a name. */
static bool wide_gap(const Scan *sc, size_t a, size_t b) {
        for (size_t k = a; k < b; k++)
                if (sc->t[k] == '\t' || (sc->t[k] == ' ' && k + 1 < b && sc->t[k + 1] == ' '))
                        return true;
        return false;
}

/* A short run of capitalised words in no list, right before a verb of
 * saying ("Nicolau diz que", "Beresford said") or a verb whose subject is
 * a person ("Tomomi Nishiyama lives at", "Senna morreu"): a person.
 * Not acronyms ("PSD a declarat") and, in Romanian, not nouns with the
 * definite article ("Guvernul a declarat"). */
/* Words of the name lists may be the speaker ("Beresford said", "Smith
 * said"); stop, common and keep words may not. */
#define SAYS_NAME_FLAGS (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR)

/* Three letters or fewer: articles and prepositions ("Il", "Uma", "Το"). */
static bool short_word(const Scan *sc, const Tok *t) {
        size_t chars = 0;
        for (size_t p = t->start; p < t->end; p++)
                chars += ((unsigned char)sc->t[p] & 0xC0) != 0x80;
        return chars <= 3;
}

/* A verb that needs a person as its subject is weaker evidence than a
 * verb of saying: companies and projects live, are born and die too. Not
 * after an article or a preposition ("Il Progetto è nato", "A Empresa mora
 * em"), and in languages without articles (pl, sl) a word alone must be in
 * a name list ("Podjetje živi v" stays). */
static bool subject_ok(const Scan *sc, size_t i, size_t j) {
        if (i > 0 && (sc->toks[i].flags & TOK_JOINED) && (sc->toks[i - 1].lf & LEX_STOP) &&
            short_word(sc, &sc->toks[i - 1]))
                return false; /* an article or a preposition; not "Wczoraj", "Yesterday" */
        if (j - i == 1 && (sc->lang == LANG_PL || sc->lang == LANG_SL))
                return (sc->toks[i].lf & SAYS_NAME_FLAGS) != 0;
        return true;
}

static bool says_after(Scan *sc, size_t i, size_t j) {
        if (j >= sc->ntok || j - i > 3 || !same_line(sc, sc->toks[j - 1].end, sc->toks[j].start) ||
            sc->toks[j].start - sc->toks[j - 1].end != 1 || sc->t[sc->toks[j - 1].end] != ' ')
                return false; /* "raionul Rahiv.A absolvit": a sentence ends there */
        /* a given name that is also a word, before another name word ("Grace Okoro") */
        uint16_t ok = SAYS_NAME_FLAGS | (j - i >= 2 ? LEX_COMMON : 0);
        for (size_t k = i; k < j; k++) {
                const Tok *t = &sc->toks[k];
                if ((t->flags & (TOK_ALLCAPS | TOK_INITIAL)) || (t->lf & ~ok) || t->flen < 3 ||
                    anon_ro_article_end(sc, t))
                        return false; /* nouns with the article: "Guvernul", "Tradiția", "Conducerea" */
        }
        const PhraseVal *v = NULL;
        if (!anon_match_phrase(sc, j, &v) || anon_demonym_run(sc, i, j) ||
            (i > 0 && (sc->toks[i - 1].flags & TOK_CAP) && (sc->toks[i].flags & TOK_JOINED) &&
             anon_demonym_run(sc, i - 1, j)))
                return false; /* a country: "Hungria acusou", "Marea Britanie a cerut" */
        return v->kind == PH_SAYS || ((v->kind == PH_SUBJECT || (v->kind == PH_TRAIT && anon_listed_run(sc, i, j))) &&
                                      subject_ok(sc, i, j)); /* not "Postgres is very reliable" */
}


/* A Romanian surname ending in the run: the shape, not a list, made it a
 * name, and no place or company ends so. */
static bool by_ending(const Scan *sc, size_t i, size_t j) {
        for (size_t k = i; k < j; k++)
                if (ro_surname(sc, &sc->toks[k]))
                        return true;
        return false;
}

/* A capitalised company or institution word ("Consulting", "PLC",
 * "University": an "org" cue), or a place word of the language ("Satu
 * Mare", "Vila Nova"), right after the name [.., j). A short one only in
 * capitals: "SA" is a company, "Excelența Sa" and the initial of "Katie E
 * Miles" are not. */
static bool company_after(const Scan *sc, size_t j) {
        if (j >= sc->ntok || !(sc->toks[j].flags & (TOK_CAP | TOK_ALLCAPS)) ||
            (sc->toks[j].flags & TOK_INITIAL) || (sc->toks[j].flen < 3 && !(sc->toks[j].flags & TOK_ALLCAPS)) ||
            sc->toks[j].start != sc->toks[j - 1].end + 1 || sc->t[sc->toks[j - 1].end] != ' ')
                return false;
        return anon_org_cue_tok(sc, &sc->toks[j]) ||
               (sc->lang != LANG_EN && (tok_lexflags(sc, &sc->toks[j], sc->lang) & LEX_PLACE));
}

/* A company word in the run [i, j) or right after it: the words are a
 * firm's or an institution's name, whatever a label before them says. */
static bool company_in(const Scan *sc, size_t i, size_t j) {
        for (size_t k = i + 1; k < j && k < sc->ntok; k++)
                if (company_after(sc, k))
                        return true;
        return false;
}

/* from: the token where the name's finding starts, i or the lower-case
 * particles before it after an honorific ("Sra. dos Santos"). */
static size_t try_name(Scan *sc, size_t i, bool forced, size_t from) {
        size_t kn = sc->known_names ? anon_session_known_name(sc, i) : 0;
        if (kn) {
                const Tok *a = &sc->toks[i], *b = &sc->toks[i + kn - 1];
                scan_add(sc, a->start, b->end, ANON_CAT_NAME, PRIO_KNOWN,
                         anon_session_pseudonym(sc, i, i + kn, true, true));
                return kn;
        }
        size_t cn = !forced && anon_cap_particle(&sc->toks[i]) ? anon_compound_name(sc, i) : 0;
        if (cn)
                return cn; /* "con Di Maio", "Di Pasquale Marco" */
        if (!name_like(sc, &sc->toks[i], forced) || ro_genitive_noun(sc, &sc->toks[i]))
                return 0; /* a genitive never starts a name: "președintele Senatului", "Marii Britanii" */
        size_t j = i + 1;
        bool hyphen = false; /* "Jean-Baptiste", "Shu-hui" */
        bool comma = forced && sc->name_field; /* a name field's "ROSSI, Maria": surname, comma, given names */
        for (;;) {
                if (j >= sc->ntok || j - i >= ANON_NAME_RUN_MAX * 2)
                        break;
                /* up to two particles, when a name word follows them */
                size_t p = j + anon_particles_at(sc, i, j);
                bool at_comma = comma && p == j && j == i + 1 && p < sc->ntok && sc->toks[p].start == sc->toks[j - 1].end + 2 &&
                                sc->t[sc->toks[j - 1].end] == ',' && sc->t[sc->toks[j - 1].end + 1] == ' ' &&
                                (tok_any(sc, &sc->toks[p]) & (LEX_FIRST | LEX_WFIRST));
                comma &= !at_comma;
                if (p >= sc->ntok || p - i >= ANON_NAME_RUN_MAX * 2 || !((sc->toks[p].flags & TOK_JOINED) || at_comma) ||
                    !(name_like(sc, &sc->toks[p], false) || anon_hyphen_part(sc, p)) || !same_line(sc, sc->toks[j - 1].end, sc->toks[p].start) ||
                    wide_gap(sc, sc->toks[j - 1].end, sc->toks[p].start))
                        break;
                if (!(sc->toks[p].flags & TOK_INITIAL) && !(sc->toks[i].flags & TOK_INITIAL) &&
                    (sc->toks[p].flags & TOK_ALLCAPS) != (sc->toks[i].flags & TOK_ALLCAPS) && !(forced && sc->name_field))
                        break; /* "DALE FITCH - Page", "ACME de Silva": not one name; but "Nome: ROSSI Maria" */
                hyphen |= sc->t[sc->toks[p].start - 1] == '-';
                j = p + 1;
        }
        bool strong;
        int evidence; /* what made it a name, for anon_session_pseudonym() */
        size_t run_end = j;
        if (!forced && amp_firm(sc, i, j))
                return 0; /* "Johnson & Johnson", "Ernst & Young" */
        if (!forced && quoted_run(sc, i, j)) { /* „George Enescu”: no later pass takes it either */
                for (size_t k = i; k < j; k++)
                        sc->toks[k].flags |= TOK_SKIP;
                return j - i;
        }
        if (!decide_name(sc, i, &j, forced, hyphen, &strong)) {
                size_t m = 0;
                evidence = ANON_STRONG_CUE;
                if (says_after(sc, i, run_end) ||
                    (sc->toks[run_end - 1].end < sc->n && sc->t[sc->toks[run_end - 1].end] == ',' &&
                     anon_role_after(sc, i, run_end)))
                        j = run_end; /* "Nicolau diz", "Dorgon a răspuns": a speaker; "Ignatie Darabant, arhiepiscopul" */
                else if ((m = anon_model_name(sc, i, run_end)) > 0)
                        j = i + m, evidence = 1; /* what is around it says "person" */
                else if (anon_message_cue(sc, i, run_end) && anon_message_name(sc, i, run_end))
                        j = run_end, evidence = 1; /* "Franciska's kid", "Kuba, can you", "Ubul: What a wife." */
                else
                        return 0;
        } else if (!forced && !by_ending(sc, i, j) && anon_model_veto(sc, i, j) &&
                   !(j == i + 1 && anon_cjk_name(sc, &sc->toks[i]))) {
                return 0; /* a listed name in a place's or a company's context (not "성서윤": no Romanian word) */
        } else {
                evidence = strong;
        }
        if (!forced && j == i + 1 && (anon_in_date(sc, i) || anon_org_list(sc, i) || anon_after_placeprep(sc, i) ||
                                      anon_article_before(sc, i)))
                return 0; /* "La Sapienza", "La Torre di Pisa" */
        if (company_in(sc, i, run_end + 1))
                return 0; /* "Nera Economic Consulting", "Davis Orchestra", "Client: Atlas Corp" */
        if (!forced && anon_street_next(sc, i, j))
                return 0; /* "1317 Kimberly Way": the street rule takes it at "Way" */
        /* The last veto, though it concerns only the first word: it walks back
         * along the line, and most capitalised words are no name by the tests
         * above (which only read), so only the runs about to be taken pay for it. */
        if (anon_place_before(sc, i, forced))
                return 0; /* "San Francisco", "Liceul „Nikolaus Lenau”", "Mercado de Manuel Firmino" */
        const Tok *a = &sc->toks[from < i ? from : !forced && j == i + 1 ? anon_particle_start(sc, i) : i];
        const Tok *b = &sc->toks[j - 1];
        size_t house = forced ? 0 : anon_house_number(sc, b->end);
        if (house) {
                size_t pc = anon_postcode_after(sc, house);
                house = anon_address_add(sc, a->start, pc, pc != house);
                while (j < sc->ntok && sc->toks[j].start < house)
                        j++;
                return j - i;
        }
        size_t end = anon_postnominal_tail_from(sc, anon_roman_tail(sc, b->end), j);
        scan_add(sc, a->start, end, ANON_CAT_NAME, PRIO_NAME, anon_session_pseudonym(sc, i, j, false, evidence));
        while (j < sc->ntok && sc->toks[j].start < end) /* the number's tokens are the name's */
                j++;
        return j - i;
}


/* True when the gap [a, b) ends a line or a field of a flattened layout
 * (a newline, a tab, two spaces, a bullet or a separator). */
static bool segment_break(const Scan *sc, size_t a, size_t b) {
        for (size_t k = a; k < b; k++) {
                unsigned char c = (unsigned char)sc->t[k];
                if (c == '\n' || c == '\t' || c == '|' || c == ',' || c >= 0x80 ||
                    (c == ' ' && k + 1 < b && sc->t[k + 1] == ' '))
                        return true;
        }
        return b - a > 1 && !(b - a == 2 && sc->t[a] == ' ' && sc->t[a + 1] != '(' && sc->t[a + 1] != '[');
}

static bool header_word(const Scan *sc, const Tok *t) {
        if (t->flags & TOK_INITIAL)
                return false;
        if (name_like(sc, t, false))
                return true;
        uint16_t f = t->lf;
        return (t->flags & (TOK_CAP | TOK_ALLCAPS)) && (f & LEX_FIRST) && !(f & LEX_KEEP);
}

/* A colon or an asterisk right after the words: a label or a heading
 * ("Mission Statement:"), or code ("Inject SELECT *"), not a name. */
static bool label_end(const Scan *sc, size_t p) {
        while (p < sc->n && sc->t[p] == ' ')
                p++;
        return p < sc->n && (sc->t[p] == ':' || sc->t[p] == '*');
}

/* The header name candidate at token i: two to four capitalised words
 * alone on their line (or field). Returns its end token, or 0. */
static size_t header_at(const Scan *sc, size_t i) {
        size_t j = i;
        while (j < sc->ntok && j - i < 5 && header_word(sc, &sc->toks[j]) &&
               (j == i || !segment_break(sc, sc->toks[j - 1].end, sc->toks[j].start)))
                j++;
        if (j - i < 2 || j - i > 4 ||
            (j < sc->ntok && (!segment_break(sc, sc->toks[j - 1].end, sc->toks[j].start) ||
                              label_end(sc, sc->toks[j - 1].end))))
                return 0;
        return j;
}

/* A heading line before the name ("CV", "ŻYCIORYS", an acronym, "CURRICULUM
 * VITAE"): one to ANON_HEADING_MAX_TOKENS words in capitals or title words,
 * alone on the line at token i. Returns the first token of the next line,
 * or 0 when the line is not such a heading. */
static size_t heading_line(const Scan *sc, size_t i) {
        size_t j = i;
        while (j < sc->ntok && (j == i || same_line(sc, sc->toks[j - 1].end, sc->toks[j].start))) {
                const Tok *t = &sc->toks[j];
                if (j - i >= ANON_HEADING_MAX_TOKENS || (t->flags & TOK_INITIAL) ||
                    !((t->flags & TOK_ALLCAPS) || (t->lf & (LEX_KEEP | LEX_STOP))))
                        return 0;
                j++;
        }
        return j > i && j < sc->ntok ? j : 0;
}

/* True when a word of [i, j) is in a name list of any language (common
 * words included: "May Lee"), so a line after a heading is a person's
 * name, not "Software Engineer". */
static bool has_name_word(const Scan *sc, size_t i, size_t j) {
        for (size_t k = i; k < j; k++)
                if (name_flags(sc, &sc->toks[k]) & (NF_ANYFIRST | NF_ANYSUR))
                        return true;
        return false;
}

/* CV mode: a first line made only of two to four capitalised words (not
 * headings like "CURRICULUM VITAE") is the writer's name. A heading line
 * before it is skipped: the line break ends the heading, which neither
 * joins nor hides the name after it. */
static bool header_name(Scan *sc) {
        AnonSession *s = sc->s;
        if (!anon_session_header_pending(s) || sc->ntok < 2)
                return false;
        anon_session_header_done(s);
        /* skip a title before the name: "Curriculum Vitae", "RESUME OF" */
        size_t i = 0;
        while (i < sc->ntok && i < 3 &&
               (sc->toks[i].lf &
                (LEX_KEEP | LEX_STOP)) &&
               !(tok_lexflags(sc, &sc->toks[i], LANG_EN) & LEX_FIRST))
                i++;
        size_t j = header_at(sc, i);
        for (int h = 0; !j && h < ANON_HEADING_MAX_LINES; h++) {
                size_t next = heading_line(sc, i);
                if (!next)
                        return false;
                i = next;
                j = header_at(sc, i);
                if (j && !has_name_word(sc, i, j))
                        return false;
        }
        if (!j)
                return false;
        /* the candidate's own name given with the profile: the same person */
        bool known = sc->known_names && anon_session_known_name(sc, i) > 0;
        scan_add(sc, sc->toks[i].start, sc->toks[j - 1].end, ANON_CAT_NAME, known ? PRIO_KNOWN : PRIO_NAME,
                 anon_session_pseudonym(sc, i, j, known, true));
        return true;
}

/* The writer's gendered form at token i, if it is one. Inline: English
 * has none, and most text is English. */
static void gender_at_slow(Scan *sc, size_t i);
static inline void gender_at(Scan *sc, size_t i) {
        if (sc->lang != LANG_EN)
                gender_at_slow(sc, i);
}

static void gender_at_slow(Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        uint16_t lf = tok_lexflags(sc, t, sc->lang);
        /* a trigger is no gendered form, except Polish "byłam" */
        if ((t->flags & (TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) || (lf & LEX_STOP) ||
            ((lf & LEX_TRIGGER) && sc->lang != LANG_PL))
                return;
        const char *r = anon_gender_rewrite(sc, i, false);
        if (r)
                scan_add(sc, t->start, t->end, ANON_CAT_GENDERED_FORM, PRIO_GENDER, r);
        if (r || anon_gender_list_link(sc, i))
                sc->last_gender = i;
}

/* Most words: lower case, no phrase starts here, so no name either; only
 * the writer's gendered form is left to check. */
static inline bool plain_word(const Tok *t) {
        return !(t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_INITIAL | TOK_SKIP)) &&
               !(t->lf & (LEX_PHRASE | LEX_REFHEAD | LEX_STREET));
}

/* The end of the run of plain words from i in a text with no gendered
 * forms (English): nothing to do for them. Locals: the token array does
 * not change during pass 2. */
static inline size_t skip_plain(const Scan *sc, size_t i) {
        const Tok *toks = sc->toks;
        size_t ntok = sc->ntok;
        while (i < ntok && plain_word(&toks[i]))
                i++;
        return i;
}

void anon_scan_words(Scan *sc) {
        bool force_name = false, naming = false;
        size_t from = 0, lead_at = SIZE_MAX; /* the particles [from, lead_at) start the name at lead_at */
        (void)header_name(sc); /* its tokens are still scanned: they match later mentions */
        for (size_t i = 0; i < sc->ntok && !sc->err;) {
                const Tok *t = &sc->toks[i];
                if (plain_word(t)) {
                        size_t lead = 0, low = 0;
                        if (force_name && !(lead = anon_particles_lead(sc, i)))
                                low = anon_lower_name(sc, i, naming);
                        if (lead) { /* "Sra. dos Santos", "Mrs. van der Berg": the name from "dos" */
                                from = i, lead_at = lead;
                                t = &sc->toks[i = lead];
                        } else {
                                force_name = naming = sc->name_field = false;
                                if (low) {
                                        i += low;
                                        continue;
                                }
                                if (sc->lang == LANG_EN) {
                                        i = skip_plain(sc, i + 1);
                                        continue;
                                }
                                gender_at(sc, i);
                                i++;
                                continue;
                        }
                }
                if (t->flags & TOK_SKIP) { /* "Jestem Ukrainką", "Sou brasileira": pass 1b took it */
                        force_name = sc->name_field = false;
                        i++;
                        continue;
                }
                if ((t->flags & TOK_CAP) && sc->caps)
                        sc->caps[sc->ncaps++] = (uint32_t)i;
                if (t->lf & LEX_REFHEAD && (t->flags & TOK_SENT))
                        anon_session_set_refs(sc->s);
                const PhraseVal *v = NULL;
                size_t len = anon_match_phrase(sc, i, &v);
                size_t used = len ? anon_use_phrase(sc, i, len, v, &force_name) : 0;
                naming = used && v->kind == PH_NAMING;
                if (used && v->kind == PH_GENDER)
                        sc->last_gender = i + used - 1;
                if (used) {
                        i += used;
                        continue;
                }
                if (!force_name && anon_postcode_cue(sc, t) && (used = anon_try_postcode_town(sc, i))) {
                        i += used; /* "I live at 00184 Roma": the town is no name */
                        continue;
                }
                if (!force_name && !(t->lf & LEX_STREET) && anon_street_cue(sc, i) && anon_street_word(sc, i) &&
                    (used = anon_try_street(sc, i))) {
                        i += used; /* "Koskikatu 25", "Via Roma 12" in English: before "Koskikatu" is a name */
                        continue;
                }
                used = try_name(sc, i, force_name || (sc->appos && i == sc->appos) || (sc->lang == LANG_RO && anon_ro_object(sc, i)),
                                lead_at == i ? from : i);
                force_name = sc->name_field = false; /* a name field's value is read */
                if (used) {
                        i += used;
                        continue;
                }
                if (t->lf & LEX_STREET) {
                        used = anon_try_street(sc, i);
                        if (used) {
                                i += used;
                                continue;
                        }
                }
                gender_at(sc, i);
                i++;
        }
}
