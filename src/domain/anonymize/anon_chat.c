/* Names in messages and chats, where a person is named by how the text
 * speaks of them rather than by the lists: a possessive before a word of
 * kin or a work ("Franciska's kid", "Meza's song"), the author before a
 * work ("the Petersson novel"), a person addressed ("Kuba, can you ...",
 * "Don't go, Mark!"), the speakers of a dialogue ("Ubul: What a wife."),
 * an English double object ("gave Hakuba his address"), a list after a
 * plural role and a colon ("founders: A, B and C"), a post-nominal after a
 * name ("Giovanna Rodrigues MD"). The words that say so are in the lexicon
 * (kinds kin, work, vocative, postnominal, plural; data/anonymize/README.md).
 * Nothing here allocates: the callers add the findings. */
#include <string.h>

#include "domain/anonymize/anon_internal.h"

#define CHAT_PHRASE_TOKENS 3 /* longest kin, work, vocative or post-nominal phrase looked at */

/* The kind of the longest phrase of up to CHAT_PHRASE_TOKENS tokens at k,
 * in the document's language, else English. */
static int phrase_kind_at(const Scan *sc, size_t k) {
        char key[(ANON_FOLD_MAX + 1) * CHAT_PHRASE_TOKENS];
        size_t kl = 0;
        int kind = PH_NONE;
        for (size_t m = 0; m < CHAT_PHRASE_TOKENS && k + m < sc->ntok; m++) {
                const Tok *t = &sc->toks[k + m];
                if (m > 0 && (!(t->flags & TOK_JOINED) || !same_line(sc, sc->toks[k + m - 1].end, t->start)))
                        break;
                if (m == 0 && !(t->lf & LEX_PHRASE))
                        return PH_NONE;
                if (kl)
                        key[kl++] = ' ';
                memcpy(key + kl, tok_key(sc, t), t->flen);
                kl += t->flen;
                const Phrase *p = anon_phrase_get(sc->e, key, kl);
                if (!p)
                        break;
                if (p->v[sc->lang].kind != PH_NONE)
                        kind = p->v[sc->lang].kind;
                else if (p->v[LANG_EN].kind != PH_NONE)
                        kind = p->v[LANG_EN].kind;
        }
        return kind;
}

int anon_phrase_kind_after(const Scan *sc, size_t k) {
        if (k == 0 || k >= sc->ntok)
                return PH_NONE;
        const Tok *a = &sc->toks[k - 1], *b = &sc->toks[k];
        if (b->start != a->end + 1 || sc->t[a->end] != ' ' || (b->flags & (TOK_CAP | TOK_ALLCAPS)))
                return PH_NONE;
        return phrase_kind_at(sc, k);
}

/* The byte after an English possessive ("'s", "’s") right at p, or 0. */
static size_t possessive_end(const Scan *sc, size_t p) {
        size_t a = p < sc->n && sc->t[p] == '\'' ? 1 : p + 2 < sc->n && !memcmp(sc->t + p, "\xe2\x80\x99", 3) ? 3 : 0;
        if (!a || p + a >= sc->n || sc->t[p + a] != 's' ||
            (p + a + 1 < sc->n && anon_is_letter((unsigned char)sc->t[p + a + 1])))
                return 0;
        return p + a + 1;
}

bool anon_possessive_kin(const Scan *sc, size_t i, size_t end) {
        if (end - i > 3 || end >= sc->ntok)
                return false;
        size_t p = possessive_end(sc, sc->toks[end - 1].end);
        if (!p)
                return false;
        for (size_t k = i; k < end; k++)
                if (sc->toks[k].flags & (TOK_ALLCAPS | TOK_NUM | TOK_ALNUM))
                        return false; /* "IBM's", "3M's" */
        size_t k = end; /* the kin word: the first token after the "s" */
        while (k < sc->ntok && sc->toks[k].start < p)
                k++;
        if (k >= sc->ntok || sc->toks[k].start != p + 1 || sc->t[p] != ' ' || (sc->toks[k].flags & (TOK_CAP | TOK_ALLCAPS)))
                return false;
        int v = phrase_kind_at(sc, k);
        return v == PH_KIN || v == PH_WORK; /* "Meza's song" */
}

bool anon_work_by(const Scan *sc, size_t i, size_t end) {
        if (i == 0 || end - i > 3 || end >= sc->ntok)
                return false;
        const Tok *before = &sc->toks[i - 1];
        if ((before->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) || before->end + 1 != sc->toks[i].start ||
            sc->t[before->end] != ' ')
                return false; /* "Unlike the", "a huge": not the start of a sentence */
        for (size_t k = i; k < end; k++)
                if (sc->toks[k].flags & (TOK_ALLCAPS | TOK_NUM | TOK_ALNUM | TOK_INITIAL))
                        return false;
        return anon_phrase_kind_after(sc, end) == PH_WORK;
}

/* A word that can be a person's name alone: capitalised, not an acronym,
 * no function, keep, place or street word, three letters or more. */
static bool lone_name_word(const Tok *t) {
        return (t->flags & TOK_CAP) && !(t->flags & (TOK_ALLCAPS | TOK_INITIAL | TOK_NUM | TOK_ALNUM)) &&
               t->end - t->start >= 3 && !(t->lf & (LEX_STOP | LEX_KEEP | LEX_STREET | LEX_PLACE | LEX_PHRASE));
}

/* In a name list of any language, or a common word that is also a name. */
static bool listed_any(const Scan *sc, const Tok *t) {
        uint16_t any = t->name ? tok_name(sc, t)->any : 0;
        return (any & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR)) || (t->lf & LEX_COMMON);
}

/* Byte p starts a sentence: the start of the text or a line, or after
 * ". ", "! ", "? " (and a quote). */
static bool sentence_start(const Scan *sc, size_t p) {
        size_t a = p;
        while (a > 0 && (sc->t[a - 1] == ' ' || sc->t[a - 1] == '\t' || sc->t[a - 1] == '"'))
                a--;
        return a == 0 || strchr("\n\r.!?", sc->t[a - 1]) != NULL;
}

bool anon_vocative(const Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        if (!lone_name_word(t))
                return false;
        /* "Don't go to town, Mark!", "Remember me, Chelsea?": a name of the lists */
        if (t->start >= 2 && sc->t[t->start - 2] == ',' && sc->t[t->start - 1] == ' ' && t->end < sc->n &&
            (sc->t[t->end] == '!' || sc->t[t->end] == '?') && listed_any(sc, t))
                return true;
        /* "Kuba, could you ...": a name of the lists too ("Note, can you" is no one) */
        return listed_any(sc, t) && sentence_start(sc, t->start) && i + 1 < sc->ntok && t->end + 2 <= sc->n && sc->t[t->end] == ',' &&
               sc->t[t->end + 1] == ' ' && sc->toks[i + 1].start == t->end + 2 &&
               !(sc->toks[i + 1].flags & (TOK_CAP | TOK_ALLCAPS)) && phrase_kind_at(sc, i + 1) == PH_VOCATIVE;
}

/* Token k starts its line and a colon follows it, then text on the line
 * that is not a number ("Mark: 85%" is a grade). */
static bool speaker_shape(const Scan *sc, size_t k) {
        const Tok *t = &sc->toks[k];
        size_t p = t->end;
        if (p >= sc->n || sc->t[p] != ':')
                return false; /* first: few words have a colon after them */
        if (!anon_line_start(sc, t->start))
                return false;
        p++;
        while (p < sc->n && (sc->t[p] == ' ' || sc->t[p] == '"'))
                p++;
        return p < sc->n && sc->t[p] != '\n' && sc->t[p] != '\r' && !is_digit(sc->t[p]);
}

/* A listed given name (any language, not a common word) as a speaker. */
static bool named_speaker(const Scan *sc, size_t k) {
        const Tok *t = &sc->toks[k];
        uint16_t any = t->name ? tok_name(sc, t)->any : 0;
        return lone_name_word(t) && (any & (LEX_FIRST | LEX_WFIRST)) && !(t->lf & LEX_COMMON) && speaker_shape(sc, k);
}

/* The first token of the line before (dir -1) or after (dir +1) the line
 * of token i, or SIZE_MAX. */
static size_t line_start_tok(const Scan *sc, size_t i, int dir) {
        size_t k = i;
        bool crossed = false;
        for (;;) {
                if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= sc->ntok))
                        return crossed && dir < 0 ? k : SIZE_MAX;
                size_t n = dir < 0 ? k - 1 : k + 1;
                size_t a = dir < 0 ? n : k, b = dir < 0 ? k : n;
                if (!same_line(sc, sc->toks[a].end, sc->toks[b].start)) {
                        if (dir > 0)
                                return n;
                        if (crossed)
                                return k;
                        crossed = true;
                }
                k = n;
        }
}

bool anon_dialogue_of(const Scan *sc, size_t i, bool (*speaker)(const Scan *, const Tok *)) {
        if (!speaker(sc, &sc->toks[i]) || !speaker_shape(sc, i))
                return false;
        size_t prev = line_start_tok(sc, i, -1), next = line_start_tok(sc, i, 1);
        return (prev != SIZE_MAX && speaker(sc, &sc->toks[prev]) && speaker_shape(sc, prev)) ||
               (next != SIZE_MAX && speaker(sc, &sc->toks[next]) && speaker_shape(sc, next));
}

bool anon_chat_speaker(const Scan *sc, size_t i) {
        if (!lone_name_word(&sc->toks[i]) || !speaker_shape(sc, i))
                return false;
        /* a dialogue: the line before or after has a listed given name as its speaker */
        size_t prev = line_start_tok(sc, i, -1), next = line_start_tok(sc, i, 1);
        return (prev != SIZE_MAX && named_speaker(sc, prev)) || (next != SIZE_MAX && named_speaker(sc, next));
}

/* The byte where a post-nominal may start after a name ending at end
 * (after one space, or ", "), or 0: a lower-case word there (most names go
 * on with one) starts no capitalised token, so no token is looked for. */
static size_t postnominal_start(const Scan *sc, size_t end, bool *ret_comma) {
        size_t p = end;
        bool comma = p + 1 < sc->n && sc->t[p] == ',';
        p += comma;
        if (p + 1 >= sc->n || sc->t[p] != ' ')
                return 0;
        p++;
        char c = sc->t[p];
        if ((c >= 'a' && c <= 'z') || c == ' ' || c == '\t' || c == '\n' || c == '\r')
                return 0;
        *ret_comma = comma;
        return p;
}

/* The post-nominal at token lo, which starts at byte p. */
static size_t postnominal_at(const Scan *sc, size_t end, size_t p, size_t lo, bool comma) {
        if (lo >= sc->ntok || sc->toks[lo].start != p || !(sc->toks[lo].flags & (TOK_CAP | TOK_ALLCAPS)) ||
            phrase_kind_at(sc, lo) != PH_POSTNOM)
                return end;
        const Tok *t = &sc->toks[lo];
        if (comma && (t->flags & TOK_ALLCAPS) && t->end - t->start == 2)
                return end; /* "Prince Frederick, MD": a US state */
        size_t e = t->end;
        if (e < sc->n && sc->t[e] == '.')
                e++;
        size_t q = e;
        while (q < sc->n && sc->t[q] == ' ')
                q++;
        if (q < sc->n && (is_upper(sc->t[q]) || is_digit(sc->t[q])))
                return end; /* "St Johns Sr. Sec. School" */
        return e;
}

size_t anon_postnominal_tail_from(const Scan *sc, size_t end, size_t k) {
        bool comma = false;
        size_t p = postnominal_start(sc, end, &comma);
        if (!p)
                return end;
        while (k < sc->ntok && sc->toks[k].start < p) /* a token or two: no search */
                k++;
        return postnominal_at(sc, end, p, k, comma);
}

bool anon_role_list(const Scan *sc, size_t i) {
        if (i == 0)
                return false;
        const Tok *r = &sc->toks[i - 1];
        size_t p = r->end;
        if (p >= sc->n || sc->t[p] != ':' || (r->flags & (TOK_CAP | TOK_ALLCAPS)) ||
            !same_line(sc, p, sc->toks[i].start))
                return false; /* "Founders:" is a CV's heading, "our founders:" a sentence */
        for (size_t k = p + 1; k < sc->toks[i].start; k++)
                if (sc->t[k] != ' ')
                        return false;
        return phrase_kind_at(sc, i - 1) == PH_NAMECTX;
}

/* English double object: a verb, the run [i, end), then "his" or "her"
 * (a gendered word whose neutral form is "their") and a noun: "had given
 * Hakuba his address", "sent Maria her contract". Not after a function
 * word ("with Python his whole career"). */
static bool double_object(const Scan *sc, size_t i, size_t end) {
        if (i == 0 || end + 1 >= sc->ntok || end - i > 2)
                return false;
        const Tok *v = &sc->toks[i - 1], *d = &sc->toks[end], *n = &sc->toks[end + 1];
        if ((v->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) || (v->lf & (LEX_STOP | LEX_PHRASE)) ||
            v->end + 1 != sc->toks[i].start || sc->t[v->end] != ' ' || n->start != d->end + 1 || sc->t[d->end] != ' ' ||
            (n->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) || (n->lf & LEX_STOP))
                return false;
        for (size_t k = i; k < end; k++)
                if (sc->toks[k].flags & (TOK_ALLCAPS | TOK_NUM | TOK_ALNUM | TOK_INITIAL))
                        return false;
        if (anon_phrase_kind_after(sc, end) != PH_GENDER)
                return false;
        const Phrase *p = anon_phrase_get(sc->e, tok_key(sc, d), d->flen);
        const char *r = p ? p->v[LANG_EN].repl : NULL;
        return sc->lang == LANG_EN && p && p->v[LANG_EN].kind == PH_GENDER && r && !strcmp(r, "their");
}

/* The byte after token k, or 0 at the end of the text. */
static char byte_after(const Scan *sc, size_t k) {
        return sc->toks[k].end < sc->n ? sc->t[sc->toks[k].end] : 0;
}

/* Each rule is tried only when its cue follows the run (see
 * anon_message_cue(), which the caller tests first): an apostrophe for a
 * possessive; a phrase (a work, "his" or "her") right after the run; a
 * comma, '!' or '?' after a lone word for a vocative, a colon for a
 * speaker. */
bool anon_message_name(const Scan *sc, size_t i, size_t end) {
        char c = byte_after(sc, end - 1);
        if ((c == '\'' || c == '\xe2') && anon_possessive_kin(sc, i, end))
                return true;
        if (end < sc->ntok && (sc->toks[end].lf & LEX_PHRASE) && (anon_work_by(sc, i, end) || double_object(sc, i, end)))
                return true;
        if (end != i + 1 || (c != ',' && c != '!' && c != '?' && c != ':'))
                return false;
        return anon_vocative(sc, i) || anon_chat_speaker(sc, i);
}

bool anon_listed_run(const Scan *sc, size_t i, size_t j) {
        for (size_t k = i; k < j; k++)
                if (!(sc->toks[k].lf & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR)))
                        return false;
        return true;
}
