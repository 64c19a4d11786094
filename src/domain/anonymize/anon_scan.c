/* Pass 1 over a chunk: one left-to-right walk that cuts words into tokens
 * (folded and looked up once) and runs the hand-written matchers for
 * e-mails, handles and URLs (anon_contacts.c), phone numbers, identifiers,
 * IBANs and cards (anon_numbers.c). No regular expressions: each matcher
 * is triggered by the byte it starts on. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "domain/anonymize/anon_internal.h"

static bool grow(void **p, size_t *cap, size_t need, size_t el) {
        if (need <= *cap)
                return true;
        size_t c = *cap ? *cap * 2 : 256;
        while (c < need)
                c *= 2;
        void *np = realloc(*p, c * el);
        if (!np)
                return false;
        *p = np;
        *cap = c;
        return true;
}

void scan_add(Scan *sc, size_t start, size_t end, int cat, int prio, const char *repl) {
        if (end <= start)
                return;
        if (!grow((void **)&sc->finds, &sc->capfind, sc->nfind + 1, sizeof(Find))) {
                sc->err = -ENOMEM;
                return;
        }
        sc->finds[sc->nfind++] = (Find){ start, end, (uint8_t)cat, (uint8_t)prio, repl };
}

const char *scan_printf(Scan *sc, const char *fmt, ...) {
        va_list ap;
        va_start(ap, fmt);
        char *r = arena_vprintf(sc->arena, fmt, ap);
        va_end(ap);
        if (!r)
                sc->err = -ENOMEM;
        return r;
}

/* Byte classes for the hot loops. */
enum { C_ALPHA = 1, C_UPPER = 2, C_DIGIT = 4, C_START = 8, C_LOWER = 16 };
static const uint8_t cls[256] = {
        ['0' ... '9'] = C_DIGIT | C_START, ['A' ... 'Z'] = C_ALPHA | C_UPPER | C_START,
        ['a' ... 'z'] = C_ALPHA | C_LOWER | C_START, ['@'] = C_START, ['+'] = C_START, ['('] = C_START,
        ['['] = C_START,
        [0x80 ... 0xFF] = C_START,
};

/* Classes of the bytes between two tokens: blank, allowed inside a name's
 * gap (" ", ".", "-", "'", and the bytes of non-ASCII punctuation), and
 * ending a sentence or a line. */
enum { G_BLANK = 1, G_JOIN = 2, G_SENT = 4 };
static const uint8_t gap_cls[256] = {
        [' '] = G_BLANK | G_JOIN, ['\t'] = G_BLANK, ['.'] = G_JOIN | G_SENT, ['-'] = G_JOIN,
        ['\''] = G_JOIN, ['\n'] = G_SENT, ['\r'] = G_SENT, ['!'] = G_SENT, ['?'] = G_SENT,
        [':'] = G_SENT, [';'] = G_SENT, ['|'] = G_SENT, ['*'] = G_SENT, [0x80 ... 0xFF] = G_JOIN,
};

/* A short gap [a, b) that keeps two tokens together: "J. Smith" and
 * "Sig.ra" do, "Rossi. Next" ends a sentence. */
static bool joined_gap(const unsigned char *t, size_t a, size_t b, bool one_letter) {
        for (size_t k = a; k < b; k++) {
                if (!(gap_cls[t[k]] & G_JOIN))
                        return false;
                if (t[k] == '.' && k + 1 < b && t[k + 1] == ' ' && !one_letter)
                        return false;
        }
        return true;
}

/* Back from k over blanks, typographic opening quotes, brackets and dashes ("«Esta
 * é", ". „Era", "(Ele", "— Ora"): a sentence may start inside them. The ASCII
 * quote opens and closes alike, so it is not skipped. */
static size_t skip_openers(const unsigned char *t, size_t k) {
        for (;;) {
                while (k > 0 && (gap_cls[t[k - 1]] & G_BLANK))
                        k--;
                if (k == 0 || (t[k - 1] < 0x80 && t[k - 1] != '(' && t[k - 1] != '['))
                        return k; /* ", ", ": ": no opener */
                if (t[k - 1] == '(' || t[k - 1] == '[')
                        k--;
                else if (k >= 2 && t[k - 2] == 0xC2 && t[k - 1] == 0xAB) /* « */
                        k -= 2;
                else if (k >= 3 && t[k - 3] == 0xE2 && t[k - 2] == 0x80 &&
                         (t[k - 1] == 0x9E || t[k - 1] == 0x9C || t[k - 1] == 0x98 || t[k - 1] == 0x94 ||
                          t[k - 1] == 0xA2 || t[k - 1] == 0x93))
                        k -= 3; /* „ “ ‘ — and the bullets • – */
                else if (k >= 3 && ((t[k - 3] == 0xE2 && (t[k - 2] == 0x96 || t[k - 2] == 0x97 || t[k - 2] == 0x9E)) ||
                                    (t[k - 3] == 0xEF && t[k - 2] == 0x82)))
                        k -= 3; /* bullets ▪ ■ ► ● ◦ ➢ and a PDF's symbol-font bullet U+F0xx */
                else
                        return k;
        }
}

/* Flags that depend on what precedes the token at start. */
static inline uint16_t gap_flags(const Scan *sc, size_t start) {
        const unsigned char *t = (const unsigned char *)sc->t;
        uint16_t f = 0;
        if (sc->ntok) {
                const Tok *p = &sc->toks[sc->ntok - 1];
                size_t prev_end = p->end;
                /* the common gap, one space after the previous token */
                if (start == prev_end + 1 && t[prev_end] == ' ' && !(gap_cls[t[prev_end - 1]] & G_BLANK))
                        return TOK_JOINED | (gap_cls[t[prev_end - 1]] & G_SENT ? TOK_SENT : 0);
                if (start - prev_end <= 4 && joined_gap(t, prev_end, start, p->end - p->start == 1))
                        f = TOK_JOINED;
        }
        if (start == 0)
                return f | TOK_SENT;
        unsigned char c = t[start - 1];
        /* most tokens follow a byte that opens nothing: skip_openers() would stop at once */
        size_t k = c < 0x80 && !(gap_cls[c] & G_BLANK) && c != '(' && c != '[' ? start : skip_openers(t, start);
        return k == 0 || (gap_cls[t[k - 1]] & G_SENT) ? f | TOK_SENT : f;
}

/* Token [s, e) is either part of an English contraction ("DON" and "T"
 * of "DON'T", "Isn" of "Isn't"). Asked for capitalised tokens only: pass
 * 2 never takes the others for names anyway. */
static inline bool contraction(const Scan *sc, size_t s, size_t e) {
        const char *x = sc->t;
        size_t a = e < sc->n && x[e] == '\'' ? 1 : e + 2 < sc->n && !memcmp(x + e, "\xe2\x80\x99", 3) ? 3 : 0;
        if (a && e + a < sc->n && (x[e + a] | 0x20) == 't' && (e + a + 1 >= sc->n || !anon_is_letter((unsigned char)x[e + a + 1])))
                return true;
        return e - s == 1 && (x[s] | 0x20) == 't' &&
               ((s >= 1 && x[s - 1] == '\'') || (s >= 3 && !memcmp(x + s - 3, "\xe2\x80\x99", 3)));
}

static inline uint64_t load8(const char *p) {
        uint64_t w;
        memcpy(&w, p, 8);
        return w;
}

/* memcmp(a, b, n) == 0 for the memo's short keys (n <= ANON_MEMO_KEY)
 * with whole-word loads instead of a call. Both buffers are readable 8
 * bytes from their start: the fold buffer has ANON_FOLD_MAX bytes of room
 * after a key, and a memo key is ANON_MEMO_KEY (> 8) bytes. */
static inline bool memo_key_eq(const char *a, const char *b, size_t n) {
        if (n < 8) { /* the key's n bytes only: the first in memory */
                uint64_t x = load8(a) ^ load8(b);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
                return n == 0 || (x >> (64 - n * 8)) == 0;
#else
                return (x & (((uint64_t)1 << (n * 8)) - 1)) == 0;
#endif
        }
        if (load8(a) != load8(b) || load8(a + n - 8) != load8(b + n - 8))
                return false;
        return n <= 16 || load8(a + 8) == load8(b + 8);
}

static inline uint16_t lex_lf(const LexWord *w, Lang l) {
        return w ? (uint16_t)(w->flags[l] | w->flags[LANG_EN]) : 0;
}

/* Lexicon and name entries of token t's folded key, and its Tok.lf,
 * through the session's memo (which keeps the flags too: a hit reads no
 * LexWord). want_name: a capitalised token (names are looked up for those
 * only). Most tokens are lower-case words in no list: the lexicon's Bloom
 * filter (a few KiB, in L1 cache) answers those without touching the memo. */
static inline void lookup(Scan *sc, Tok *t, const char *key, size_t n, uint32_t h, bool want_name) {
        const AnonEngine *e = sc->e;
        if (!n || (!want_name && !htab_maybe_sealed(&e->words, h))) {
                t->lex = t->name = 0, t->lf = 0;
                return;
        }
        MemoSlot *m = sc->memo && n <= ANON_MEMO_KEY ? &sc->memo[h & (ANON_MEMO_SLOTS - 1)] : NULL;
        if (m && m->hash == h && m->len == n && memo_key_eq(m->key, key, n)) {
                if (!want_name) {
                        t->lex = m->lex, t->name = 0, t->lf = m->lf_lex;
                        return;
                }
                if (m->name == ANON_MEMO_PENDING) {
                        const LexWord *w = anon_name_get_h(e, key, n, h);
                        m->name = lex_ref(e, w);
                        m->lf_name = lex_lf(w, sc->lang);
                }
                t->lex = m->lex, t->name = m->name, t->lf = m->lf_lex | m->lf_name;
                return;
        }
        const LexWord *lex = anon_lex_get_h(e, key, n, h);
        const LexWord *name = want_name ? anon_name_get_h(e, key, n, h) : NULL;
        uint16_t lfl = lex_lf(lex, sc->lang), lfn = lex_lf(name, sc->lang);
        t->lex = lex_ref(e, lex), t->name = lex_ref(e, name), t->lf = lfl | lfn;
        if (m) {
                m->hash = h, m->len = (uint8_t)n;
                m->lex = t->lex, m->lf_lex = lfl;
                m->name = want_name ? t->name : ANON_MEMO_PENDING, m->lf_name = lfn;
                memcpy(m->key, key, n);
        }
}

/* Room for one more token and its folded key. */
static inline bool tok_room(Scan *sc) {
        if (sc->ntok < sc->captok && sc->nfold + ANON_FOLD_MAX + 1 <= sc->capfold)
                return true; /* the common case, inline */
        if (!grow((void **)&sc->toks, &sc->captok, sc->ntok + 1, sizeof(Tok)) ||
            !grow((void **)&sc->fold, &sc->capfold, sc->nfold + ANON_FOLD_MAX + 1, 1)) {
                sc->err = -ENOMEM;
                return false;
        }
        return true;
}

/* Appends the token [s, e) whose folded key (fl bytes) is already at
 * sc->fold + sc->nfold, after tok_room(). gap: its gap_flags() when the
 * caller knows them, else GAP_UNKNOWN. Inline: the SSE2 word path (most
 * tokens) calls it without a call's cost. */
#define GAP_UNKNOWN 0xFFFF
static inline __attribute__((always_inline)) void tok_push(Scan *sc, size_t s, size_t e,
                                                           uint16_t flags, size_t fl, uint16_t gap) {
        char *key = sc->fold + sc->nfold;
        Tok *t = &sc->toks[sc->ntok];
        t->start = (uint32_t)s;
        t->end = (uint32_t)e;
        t->fold = (uint32_t)sc->nfold;
        t->flen = (uint8_t)fl;
        if ((flags & (TOK_CAP | TOK_ALLCAPS)) && contraction(sc, s, e))
                flags |= TOK_SKIP;
        t->flags = (uint8_t)(flags | (gap == GAP_UNKNOWN ? gap_flags(sc, s) : gap));
        uint32_t h = fl ? anon_hash(key, fl) : 0;
        t->hash = h;
        /* names are looked up for capitalised words only */
        lookup(sc, t, key, fl, h, (flags & (TOK_CAP | TOK_ALLCAPS | TOK_INITIAL)) && !(flags & TOK_ALNUM));
        key[fl] = 0;
        sc->nfold += fl + 1;
        sc->ntok++;
}

/* Adds the token [s, e). folded: the length of its key already written at
 * sc->fold + sc->nfold (the ASCII fast path), or SIZE_MAX to fold here. */
static inline __attribute__((always_inline)) void tok_add(Scan *sc, size_t s, size_t e,
                                                          uint16_t flags, size_t folded) {
        if (folded == SIZE_MAX && !tok_room(sc))
                return; /* else ascii_word() made room already */
        size_t fl = folded;
        if (flags & TOK_NUM) {
                sc->fold[sc->nfold] = '#';
                fl = 1;
        } else if (folded == SIZE_MAX) {
                fl = anon_fold(sc->t + s, e - s, sc->fold + sc->nfold);
        }
        tok_push(sc, s, e, flags, fl, GAP_UNKNOWN);
}

void anon_tok_add(Scan *sc, size_t s, size_t e, uint16_t flags, size_t folded) {
        tok_add(sc, s, e, flags, folded);
}

/* ---- words ---- */

/* Reads the word at i (letters, marks, digits). Returns its end. */
static size_t word_end(const Scan *sc, size_t i, int *ret_letters, int *ret_upper, bool *ret_digit,
                       bool *ret_ascii) {
        size_t p = i;
        int letters = 0, upper = 0;
        bool digit = false, ascii = true;
        while (p < sc->n) {
                unsigned char c = (unsigned char)sc->t[p];
                if (c < 0x80) {
                        if (is_alpha((char)c)) {
                                letters++, upper += is_upper((char)c);
                        } else if (is_digit((char)c)) {
                                digit = true;
                        } else {
                                break;
                        }
                        p++;
                        continue;
                }
                uint32_t cp;
                int l = utf8_decode(sc->t + p, sc->n - p, &cp);
                if (l < 0 || !anon_is_letter(cp))
                        break;
                ascii = false;
                letters++;
                upper += anon_is_upper(cp);
                p += (size_t)l;
        }
        *ret_letters = letters, *ret_upper = upper, *ret_digit = digit, *ret_ascii = ascii;
        return p;
}

#ifdef __SSE2__
/* Sixteen bytes per step (SSE2 is in every x86-64): the classes of a
 * block, its lower-case copy stored whole (the fold buffer has room for
 * ANON_FOLD_MAX + 1 bytes; what lies past the word is overwritten by the
 * next token), and the word's end from the first byte that is neither a
 * letter nor a digit. Bytes >= 0x80 are negative as signed bytes, so they
 * fall outside every range. Returns where the byte loop goes on; sets
 * *lim to it when the word ended inside a block. */
static inline size_t ascii_word16(const unsigned char *t, size_t i, size_t n, char *out,
                                  uint8_t *acc, size_t *lim) {
        const __m128i x20 = _mm_set1_epi8(0x20);
        size_t p = i;
        while (p + 16 <= n && p - i < ANON_FOLD_MAX) {
                __m128i v = _mm_loadu_si128((const __m128i *)(t + p));
                __m128i lo = _mm_or_si128(v, x20);
                __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lo, _mm_set1_epi8('a' - 1)),
                                              _mm_cmplt_epi8(lo, _mm_set1_epi8('z' + 1)));
                __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                              _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
                __m128i lower = _mm_and_si128(_mm_cmpeq_epi8(v, lo), alpha);
                _mm_storeu_si128((__m128i *)(out + (p - i)), _mm_or_si128(v, _mm_and_si128(alpha, x20)));
                unsigned word = (unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit));
                unsigned in = word == 0xFFFF ? 0xFFFF : (1u << __builtin_ctz(~word)) - 1;
                *acc |= (unsigned)_mm_movemask_epi8(lower) & in ? C_LOWER : 0;
                *acc |= (unsigned)_mm_movemask_epi8(digit) & in ? C_DIGIT : 0;
                if (word != 0xFFFF) {
                        p += (size_t)__builtin_ctz(~word);
                        *lim = p;
                        return p;
                }
                p += 16;
        }
        return p;
}
#endif

/* The fast path for a word of ASCII letters and digits: one walk that
 * measures it and writes its folded key (lower case) in place. Returns its
 * end, or SIZE_MAX when a non-ASCII byte follows (word_end() decides). */
static size_t ascii_word(Scan *sc, size_t i, int *ret_letters, int *ret_upper, bool *ret_digit,
                         size_t *ret_folded) {
        if (!tok_room(sc))
                return SIZE_MAX;
        const unsigned char *t = (const unsigned char *)sc->t;
        char *out = sc->fold + sc->nfold;
        size_t p = i, n = sc->n, lim = n - i > ANON_FOLD_MAX ? i + ANON_FOLD_MAX : n;
        uint8_t acc = 0, k;
#ifdef __SSE2__
        p = ascii_word16(t, i, n, out, &acc, &lim);
#endif
        /* per byte only: the class, the lower-case copy, the classes seen */
        for (; p < lim && ((k = cls[t[p]]) & (C_ALPHA | C_DIGIT)); p++) {
                out[p - i] = (char)(t[p] | ((k & C_UPPER) << 4)); /* C_UPPER << 4 == 0x20 */
                acc |= k;
        }
        while (p < n && (cls[t[p]] & (C_ALPHA | C_DIGIT))) /* too long to be looked up */
                acc |= cls[t[p++]];
        if (p < n && t[p] >= 0x80)
                return SIZE_MAX;
        int letters = (int)(p - i);
        if (acc & C_DIGIT) { /* rare: count what the flags need */
                letters = 0;
                for (size_t q = i; q < p; q++)
                        letters += (cls[t[q]] & C_ALPHA) != 0;
        }
        /* the caller only asks "are all letters upper case": without a
         * lower-case letter they all are, else the count is not needed */
        int upper = (acc & C_LOWER) ? 0 : letters;
        *ret_letters = letters, *ret_upper = upper, *ret_digit = (acc & C_DIGIT) != 0;
        *ret_folded = p - i <= ANON_FOLD_MAX ? p - i : 0; /* as anon_fold(): too long is 0 */
        return p;
}

/* A word of ASCII and two-byte letters (Latin with marks, Greek,
 * Cyrillic: "să", "João", "Łódź", "Γιώργος") measured, classified and
 * folded in one walk with the tables word_end() and anon_fold() would use,
 * instead of a walk for each. Returns its end, or SIZE_MAX when a letter
 * needs utf8proc (word_end() and anon_fold() decide then). */
static size_t latin_word(Scan *sc, size_t i, int *ret_letters, int *ret_upper, bool *ret_digit,
                         bool *ret_ascii, size_t *ret_folded) {
        if (!tok_room(sc))
                return SIZE_MAX;
        const unsigned char *t = (const unsigned char *)sc->t;
        const AnonTwoByte *tb = sc->tb;
        char *out = sc->fold + sc->nfold;
        size_t p = i, n = sc->n, o = 0;
        int letters = 0, upper = 0;
        bool digit = false, ascii = true, fits = true; /* fits: as anon_fold(), 0 when too long */
        while (p < n) {
                unsigned c = t[p];
                if (c < 0x80) {
                        uint8_t k = cls[c];
                        if (!(k & (C_ALPHA | C_DIGIT)))
                                break;
                        letters += (k & C_ALPHA) != 0, upper += (k & C_UPPER) != 0;
                        digit |= (k & C_DIGIT) != 0;
                        fits = fits && o < ANON_FOLD_MAX;
                        if (fits)
                                out[o++] = (char)(c | ((k & C_UPPER) << 4)); /* C_UPPER << 4 == 0x20 */
                        p++;
                        continue;
                }
                if (c >= 0xC2 && c <= 0xDF && p + 1 < n && (t[p + 1] & 0xC0) == 0x80) {
                        unsigned cp = (((c & 0x1Fu) << 6) | (t[p + 1] & 0x3Fu)) - 0x80;
                        const unsigned char *f = tb->fold[cp];
                        if (!(tb->cls[cp] & ANON_L2_LETTER))
                                break;
                        if (f[0] == ANON_FOLD2_SLOW)
                                return SIZE_MAX;
                        letters++, upper += (tb->cls[cp] & ANON_L2_UPPER) != 0, ascii = false;
                        fits = fits && o + f[0] <= ANON_FOLD_MAX && o + 4 <= ANON_FOLD_MAX;
                        if (fits)
                                memcpy(out + o, f + 1, f[0]), o += f[0];
                        p += 2;
                        continue;
                }
                uint32_t cp;
                int l = utf8_decode(sc->t + p, n - p, &cp);
                if (l < 0 || !anon_is_letter(cp))
                        break;
                return SIZE_MAX;
        }
        *ret_letters = letters, *ret_upper = upper, *ret_digit = digit, *ret_ascii = ascii;
        *ret_folded = fits ? o : 0;
        return p;
}

/* Length of the "O'" of "O'Kon" or "D’Amore" (a capital, an apostrophe,
 * a capital), or 0: such a surname is one word, not "O" and "Kon". */
static size_t apostrophe_prefix(const Scan *sc, size_t i) {
        const char *t = sc->t;
        if (!is_upper(t[i]) || (i > 0 && is_alpha(t[i - 1])))
                return 0;
        size_t a = i + 1 < sc->n && t[i + 1] == '\'' ? 1
                 : i + 3 < sc->n && !memcmp(t + i + 1, "\xe2\x80\x99", 3) ? 3 : 0;
        return a && i + 1 + a < sc->n && is_upper(t[i + 1 + a]) ? 1 + a : 0;
}

/* url: the word starts with an ASCII letter, so it may start a URL; every
 * URL form we accept has '.' or ':' right after its first word, so the
 * check costs nothing for other words. latin: ASCII letters and then a
 * byte >= 0x80 (letters_word() saw them): no IBAN, and ascii_word() would
 * give up. */
static size_t scan_word(Scan *sc, size_t i, bool url, bool latin) {
        int letters, upper;
        bool digit, ascii;
        if (!latin && is_alpha(sc->t[i]) && is_alpha(sc->t[i + 1 < sc->n ? i + 1 : i]) &&
            is_digit(i + 2 < sc->n ? sc->t[i + 2] : 0)) {
                size_t e = anon_try_iban(sc, i);
                if (e)
                        return e;
        }
        size_t folded = SIZE_MAX, ap = apostrophe_prefix(sc, i);
        size_t e = latin && !ap ? SIZE_MAX : ascii_word(sc, i + ap, &letters, &upper, &digit, &folded);
        ascii = e != SIZE_MAX;
        if (!ascii)
                e = latin_word(sc, i + ap, &letters, &upper, &digit, &ascii, &folded);
        if (e == SIZE_MAX) {
                folded = SIZE_MAX;
                e = word_end(sc, i + ap, &letters, &upper, &digit, &ascii);
        }
        if (ap) { /* "O'Kon", "D’Amore": one word, folded whole */
                letters++, upper++, folded = SIZE_MAX;
                ascii = ascii && ap == 2;
        }
        if (url && ascii && e - i < 24 && e + 1 < sc->n && (sc->t[e] == '.' || sc->t[e] == ':') &&
            (unsigned char)sc->t[e + 1] > ' ') { /* not "word." or "Label:" before a space */
                size_t u = anon_try_url(sc, i);
                if (u)
                        return u;
        }
        if (digit && ascii && letters)
                anon_code_check(sc, i, e);
        uint16_t f = 0;
        if (digit)
                f |= TOK_ALNUM;
        uint32_t cp = (unsigned char)sc->t[i];
        if (cp >= 0x80)
                (void)utf8_decode(sc->t + i, e - i, &cp);
        if (cp < 0x80 ? is_upper((char)cp) : anon_is_upper(cp) || (letters >= 2 && anon_caseless(cp)))
                f |= TOK_CAP; /* a word of a script without case (Arabic, Georgian, Han): as capitalised, for the name lists */
        if (letters >= 2 && upper == letters)
                f |= TOK_ALLCAPS;
        if (letters == 1 && upper == 1 && !digit &&
            ((e < sc->n && sc->t[e] == '.') ||
             (sc->ntok && (sc->toks[sc->ntok - 1].flags & TOK_CAP) && i - sc->toks[sc->ntok - 1].end == 1 &&
              e + 1 < sc->n && sc->t[e] == ' ' && is_upper(sc->t[e + 1]))))
                f |= TOK_INITIAL; /* "J. Smith", "Nikolaj N Møller" */
        tok_add(sc, i, e, f, folded); /* inline: a fifth of the words come here */
        return e;
}

#ifdef __SSE2__
/* The most common tokens: an ASCII word of letters only, shorter than 16
 * bytes (two or more when capitalised), not followed by a byte >= 0x80 nor
 * by "." or ":" before a non-blank (a URL). None of scan_word()'s special
 * cases (IBAN, "O'Kon", URL, codes, initials) can apply; its flags are
 * those of its case. One SSE2 block measures and lower-cases it. Returns
 * its end, or 0 for scan_word(). gap: as tok_push(). *ret_latin: set when
 * a byte >= 0x80 follows the letters (the word goes on in latin_word()). */
static inline size_t letters_word(Scan *sc, size_t i, uint16_t gap, bool *ret_latin) {
        const unsigned char *t = (const unsigned char *)sc->t;
        if (i + 16 > sc->n || !tok_room(sc))
                return 0;
        __m128i v = _mm_loadu_si128((const __m128i *)(t + i));
        __m128i lo = _mm_or_si128(v, _mm_set1_epi8(0x20));
        __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lo, _mm_set1_epi8('a' - 1)),
                                      _mm_cmplt_epi8(lo, _mm_set1_epi8('z' + 1)));
        unsigned a = (unsigned)_mm_movemask_epi8(alpha);
        unsigned len = (unsigned)__builtin_ctz(~a | 0x10000u);
        bool cap = t[i] < 'a';
        if (len == 16 || (cap && len < 2))
                return 0; /* long, or an initial */
        size_t e = i + len;
        unsigned char c = t[e];
        if (c >= 0x80) {
                *ret_latin = true; /* "Bucureș|ti", "Jo|ão" */
                return 0;
        }
        if ((cls[c] & C_DIGIT) || ((c == '.' || c == ':') && e + 1 < sc->n && t[e + 1] > ' '))
                return 0; /* letters and digits mixed, or a URL */
        __m128i folded = _mm_or_si128(v, _mm_and_si128(alpha, _mm_set1_epi8(0x20)));
        _mm_storeu_si128((__m128i *)(sc->fold + sc->nfold), folded);
        uint16_t f = 0;
        if (cap) { /* all capitals when no lower-case letter is in the word */
                __m128i lower = _mm_and_si128(_mm_cmpeq_epi8(v, lo), alpha);
                unsigned low = (unsigned)_mm_movemask_epi8(lower) & ((1u << len) - 1);
                f = TOK_CAP | (low ? 0 : TOK_ALLCAPS);
        }
        tok_push(sc, i, e, f, len, gap);
        return e;
}
#endif

static inline bool word_start(const Scan *sc, size_t i) {
        return i == 0 || !(cls[(unsigned char)sc->t[i - 1]] & (C_ALPHA | C_DIGIT));
}

#ifdef __SSE2__
/* Prose: a word of letters (just added by letters_word(), ending at e),
 * one space, the next word. The gap between two such words is the common
 * one of gap_flags() (joined; the letter before it ends no sentence), so
 * the words are added one after the other without the main loop's tests;
 * a word that is not only letters goes to scan_word() from here, as the
 * main loop would send it. Returns where the main loop goes on. */
static size_t letters_run(Scan *sc, size_t e) {
        const unsigned char *t = (const unsigned char *)sc->t;
        while (e + 1 < sc->n && t[e] == ' ' && (cls[t[e + 1]] & C_ALPHA)) {
                bool latin = false;
                size_t next = letters_word(sc, e + 1, TOK_JOINED, &latin);
                if (!next)
                        return sc->err ? e : scan_word(sc, e + 1, true, latin);
                e = next;
        }
        return e;
}
#endif

void anon_scan_chunk(Scan *sc) {
        const char *t = sc->t;
        const size_t n = sc->n; /* a local: stores through sc->toks would reload it */
        sc->tb = anon_two_byte();
        size_t i = 0;
        while (i < n && !sc->err) {
                while (i < n && !(cls[(unsigned char)t[i]] & C_START))
                        i++; /* spaces and punctuation */
                if (i >= n)
                        break;
                unsigned char c = (unsigned char)t[i];
                uint8_t k = cls[c];
                size_t e = 0;
                if ((k & C_ALPHA) && word_start(sc, i)) { /* the classes are exclusive: words first */
#ifdef __SSE2__
                        bool latin = false;
                        e = letters_word(sc, i, GAP_UNKNOWN, &latin);
                        if (e)
                                e = letters_run(sc, e);
                        else
                                e = scan_word(sc, i, true, latin);
#else
                        e = scan_word(sc, i, true, false);
#endif
                } else if (c == '@') {
                        e = anon_try_at(sc, i);
                } else if ((c == '(' || c == '[') && i + 3 < n && ((t[i + 1] | 0x20) == 'a' || t[i + 1] == ' ') &&
                           (e = anon_try_at_word(sc, i)) != 0) {
                        /* "anna.k(at)yahoo.gr", "anna [at] gmail [dot] com" */
                } else if (c == '[') {
                        e = i + 1;
                } else if (((k & C_DIGIT) || c == '+' || c == '(') && word_start(sc, i)) {
                        if (c != '+' && c != '(')
                                e = anon_try_number(sc, i);
                        else if (i + 1 < n && (is_digit(t[i + 1]) || (c == '(' && t[i + 1] == '+' && i + 2 < n && is_digit(t[i + 2]))))
                                e = anon_try_number(sc, i);
                        if (!e && (k & C_DIGIT))
                                e = scan_word(sc, i, false, false);
                } else if (c >= 0x80) {
                        uint32_t cp;
                        int l = utf8_decode(t + i, n - i, &cp);
                        if (l > 0 && anon_is_letter(cp))
                                e = scan_word(sc, i, false, false);
                        else
                                e = i + (size_t)(l > 0 ? l : 1);
                }
                i = e > i ? e : i + 1;
        }
}
