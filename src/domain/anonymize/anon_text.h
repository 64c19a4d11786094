/* Small inline readers of the text and its tokens (byte classes, lines,
 * a token's key and lexicon flags, the cue table) that every pass uses.
 * Included by anon_internal.h only, after the types and the passes. */
#ifndef TD_DOMAIN_ANON_TEXT_H
#define TD_DOMAIN_ANON_TEXT_H

/* ASCII classes of a byte (the tokeniser, numbers, contacts). */
static inline bool is_digit(char c) {
        return c >= '0' && c <= '9';
}

/* The end of the number at p: digits, and the bytes of seps between two
 * digits ("3.5.1990" with ".", "68/99" with "/"); p when none. */
static inline size_t anon_number_end(const Scan *sc, size_t p, const char *seps) {
        size_t q = p;
        while (q < sc->n && (is_digit(sc->t[q]) || (q > p && q + 1 < sc->n && sc->t[q] && strchr(seps, sc->t[q]) &&
                                                   is_digit(sc->t[q + 1]))))
                q++;
        return q;
}

static inline bool is_alpha(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static inline bool is_upper(char c) {
        return c >= 'A' && c <= 'Z';
}

/* Byte p starts its line: nothing but blanks before it since a line
 * break or the start of the chunk. */
static inline bool anon_line_start(const Scan *sc, size_t p) {
        while (p > 0 && (sc->t[p - 1] == ' ' || sc->t[p - 1] == '\t'))
                p--;
        return p == 0 || sc->t[p - 1] == '\n' || sc->t[p - 1] == '\r';
}

/* The end of a short remark in brackets opening at byte p ("(team
 * lead)", "(baixa visão)"): the byte after its ")" when that comes within
 * max bytes on the same line, no bracket opened inside; else 0. */
static inline size_t anon_bracket_end(const Scan *sc, size_t p, size_t max) {
        if (p >= sc->n || sc->t[p] != '(')
                return 0;
        for (size_t q = p + 1; q < sc->n && q - p <= max; q++) {
                if (sc->t[q] == ')')
                        return q + 1;
                if (sc->t[q] == '\n' || sc->t[q] == '\r' || sc->t[q] == '(')
                        return 0;
        }
        return 0;
}

/* The gap [a, b) between two tokens has no line break. Mostly a byte or
 * two: looked at in place, memchr() only for a long one. */
static inline bool same_line(const Scan *sc, size_t a, size_t b) {
        if (b - a > 8)
                return memchr(sc->t + a, '\n', b - a) == NULL;
        for (size_t k = a; k < b; k++)
                if (sc->t[k] == '\n')
                        return false;
        return true;
}

static inline const char *tok_key(const Scan *sc, const Tok *t) {
        return sc->fold + t->fold;
}

/* An opening quote ends right before byte p: '"', '«', '“' or '„'. */
static inline bool anon_open_quote_before(const Scan *sc, size_t p) {
        const unsigned char *t = (const unsigned char *)sc->t;
        return (p >= 1 && t[p - 1] == '"') || (p >= 2 && t[p - 2] == 0xC2 && t[p - 1] == 0xAB) ||
               (p >= 3 && t[p - 3] == 0xE2 && t[p - 2] == 0x80 && (t[p - 1] == 0x9C || t[p - 1] == 0x9E));
}

/* A closing quote starts at byte p: '"', '»', '”' or '“' (as some close). */
static inline bool anon_close_quote_at(const Scan *sc, size_t p) {
        const unsigned char *t = (const unsigned char *)sc->t;
        return (p < sc->n && t[p] == '"') || (p + 1 < sc->n && t[p] == 0xC2 && t[p + 1] == 0xBB) ||
               (p + 2 < sc->n && t[p] == 0xE2 && t[p + 1] == 0x80 && (t[p + 2] == 0x9D || t[p + 2] == 0x9C));
}

/* Token t's folded key is the word w. */
static inline bool tok_is(const Scan *sc, const Tok *t, const char *w) {
        size_t n = strlen(w);
        return t->flen == n && !memcmp(tok_key(sc, t), w, n);
}

/* Token t's folded key is one of the nw words of w. */
static inline bool tok_in(const Scan *sc, const Tok *t, const char *const *w, size_t nw) {
        for (size_t a = 0; a < nw; a++)
                if (tok_is(sc, t, w[a]))
                        return true;
        return false;
}

static inline const LexWord *tok_lex(const Scan *sc, const Tok *t) {
        return lex_at(sc->e, t->lex);
}

static inline const LexWord *tok_name(const Scan *sc, const Tok *t) {
        return lex_at(sc->e, t->name);
}

/* The flags of every language or-ed, of token t's lexicon and name entries. */
static inline uint16_t tok_any(const Scan *sc, const Tok *t) {
        return (uint16_t)((t->lex ? tok_lex(sc, t)->any : 0) | (t->name ? tok_name(sc, t)->any : 0));
}

static inline uint16_t tok_lexflags(const Scan *sc, const Tok *t, Lang l) {
        return (t->lex ? tok_lex(sc, t)->flags[l] : 0) | (t->name ? tok_name(sc, t)->flags[l] : 0);
}

/* A lower-case particle of the lexicon ("de", "dos", "van der"), but not
 * an English one that is a stop word of the text's language and no
 * particle of its own (Romanian "la": "Ion Popescu la Cluj"). Inline: no
 * call in the name rules' per-word flags. */
static inline bool anon_lower_particle(const Scan *sc, const Tok *t) {
        if ((t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) || !(t->lf & LEX_PARTICLE) || !t->lex)
                return false;
        uint16_t own = tok_lex(sc, t)->flags[sc->lang];
        return (own & LEX_PARTICLE) || !(own & LEX_STOP);
}

/* The two bits of hash h in AnonEngine.cue_end_bits (as htab_seal() picks them). */
static inline size_t cue_end_bit(uint32_t h, int which) {
        return (which ? (h >> 16) * 40503u : h) & (ANON_CUE_END_BITS - 1);
}

/* False when token t is certainly the last word of no cue of the origin
 * table (AnonEngine.cues): then no cue ends at it. */
static inline bool anon_cue_end_maybe(const Scan *sc, const Tok *t) {
        const uint64_t *b = sc->e->cue_end_bits;
        size_t a = cue_end_bit(t->hash, 0), c = cue_end_bit(t->hash, 1);
        return !t->flen || ((b[a >> 6] >> (a & 63) & 1) && (b[c >> 6] >> (c & 63) & 1));
}

/* Token t in the cue table (AnonEngine.cue_words), or NULL: its hash is already
 * known, and the table's Bloom filter turns away almost every word. */
static inline const LexWord *cue_word(const Scan *sc, const Tok *t) {
        if (!t->flen || !htab_maybe(&sc->e->cue_words, t->hash))
                return NULL;
        return htab_get(&sc->e->cue_words, tok_key(sc, t), t->flen, t->hash);
}

/* True when token t is a cue of that kind (ANON_CUE_*) of the text's
 * language only: a preposition of place ("în", "em", "w", "στην":
 * "placeprep"), a noun of a settlement or a place ("comunei", "cidade":
 * "placenoun"), a noun of a company, a team, a ship or a work
 * ("corretora", "clubul", "premiile": "thingnoun"). */
static inline bool anon_cue_tok(const Scan *sc, const Tok *t, uint16_t cue) {
        const LexWord *w = cue_word(sc, t);
        return w && (w->flags[sc->lang] & cue);
}

/* The month (1 to 12) that token t names in the text's language or in
 * English ("Sep", "settembre", "września", "Σεπτεμβρίου"), or 0. */
static inline int anon_month_tok(const Scan *sc, const Tok *t) {
        const LexWord *w = cue_word(sc, t);
        if (!w)
                return 0;
        int m = w->flags[sc->lang] >> ANON_CUE_MONTH_SHIFT;
        return m ? m : w->flags[LANG_EN] >> ANON_CUE_MONTH_SHIFT;
}

/* True when token t is an "org" cue of the text's language or English. */
static inline bool anon_org_cue_tok(const Scan *sc, const Tok *t) {
        const LexWord *w = cue_word(sc, t);
        return w && ((w->flags[sc->lang] | w->flags[LANG_EN]) & ANON_CUE_ORG);
}

/* The first test of anon_any_street(), inline for the callers that ask
 * about most tokens: a street type in some lexicon. */
static inline bool anon_maybe_street(const Scan *sc, const Tok *t) {
        return t->lex && (tok_lex(sc, t)->any & LEX_STREET);
}

/* The end (bytes) of a name ending at end with a post-nominal ("MD",
 * ", DDS", "Jr."), or end. The name's tokens end before token k (every
 * token before k starts before end): the post-nominal's token is looked
 * for from k on. */
size_t anon_postnominal_tail_from(const Scan *sc, size_t end, size_t k);

/* The cheap test of anon_try_postcode_town(), inline at its caller: a
 * capitalised word one space after a digit. */
static inline bool anon_postcode_cue(const Scan *sc, const Tok *t) {
        return (t->flags & TOK_CAP) && t->start >= 5 && sc->t[t->start - 1] == ' ' && is_digit(sc->t[t->start - 2]);
}

/* The cheap tests of anon_street_word()'s rules, inline at its caller so
 * that most capitalised words, which are no street, cost no call: a street
 * type of some lexicon; a lower-case street type of some lexicon before
 * it, one space or ". " away; a digit one space after the word or after the word next to it.
 * False: anon_street_word() is false too. */
static inline bool anon_street_cue(const Scan *sc, size_t i) {
        const Tok *t = &sc->toks[i];
        if (anon_maybe_street(sc, t))
                return true;
        if (!(t->flags & TOK_CAP))
                return false;
        const char *x = sc->t;
        size_t e = t->end;
        if (e + 1 < sc->n && x[e] == ' ' && is_digit(x[e + 1]))
                return true;
        if (i > 0 && !(sc->toks[i - 1].flags & TOK_CAP)) {
                size_t pe = sc->toks[i - 1].end, gap = t->start - pe;
                if ((gap == 1 || (gap == 2 && x[pe] == '.')) && x[pe + gap - 1] == ' ' &&
                    anon_maybe_street(sc, &sc->toks[i - 1]))
                        return true;
        }
        if (i + 1 >= sc->ntok)
                return false;
        const Tok *n = &sc->toks[i + 1];
        return !(n->flags & TOK_CAP) && (n->flags & TOK_JOINED) && n->end + 1 < sc->n && x[n->end] == ' ' &&
               is_digit(x[n->end + 1]);
}

/* The cues of anon_message_name()'s rules after the run [i, end), inline
 * at its caller so that most runs, which have none, cost no call: an
 * apostrophe (a possessive), a phrase word as the next token (a work,
 * "his", or after a vocative's comma: "Kuba, can you"), '!' or '?' after
 * a lone word after ", " (a vocative), a colon after a lone word (a
 * speaker).
 * False: anon_message_name() is false too. */
static inline bool anon_message_cue(const Scan *sc, size_t i, size_t end) {
        size_t e = sc->toks[end - 1].end;
        char c = e < sc->n ? sc->t[e] : 0;
        if (c == '\'' || c == '\xe2' || (end < sc->ntok && (sc->toks[end].lf & LEX_PHRASE)))
                return true;
        if (end != i + 1)
                return false;
        /* "Don't go, Mark!": ", " before the word; "Ubul: What a wife.": a
         * speaker ("Kuba, could you": the phrase word after, tested above) */
        size_t s = sc->toks[i].start;
        return ((c == '!' || c == '?') && s >= 2 && sc->t[s - 2] == ',' && sc->t[s - 1] == ' ') || c == ':';
}

#endif
