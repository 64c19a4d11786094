/* Cyrillic and Greek names written in Latin letters, for the candidate's
 * known names only: a profile holds "Oleksandr Shevchenko" or "Giorgos
 * Papadopoulos", the CV writes "Олександр Шевченко" or "Γιώργος
 * Παπαδόπουλος". The folded key of a word (lower case, no marks) is
 * written out letter by letter in the usual romanisation (Ukrainian or
 * Russian for Cyrillic, ELOT 743 for Greek, with its digraphs). */
#include <string.h>

#include "core/utf8.h"
#include "domain/anonymize/anon_internal.h"

/* Latin of the Cyrillic letters U+0430..U+044F (а..я); variant 1 is the
 * Russian reading of г, и, е where Ukrainian differs. */
static const char *const cyr[32] = { "a", "b", "v", "h", "d", "e", "zh", "z", "y", "y", "k", "l", "m", "n", "o", "p",
                                     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya" };

static const char *cyr_latin(uint32_t cp, int variant) {
        if (cp >= 0x430 && cp <= 0x44F) {
                if (variant == 1 && cp == 0x433)
                        return "g"; /* г */
                if (variant == 1 && (cp == 0x438 || cp == 0x439))
                        return cp == 0x438 ? "i" : "y"; /* и, й */
                return cyr[cp - 0x430];
        }
        switch (cp) {
        case 0x454: return "ye"; /* є */
        case 0x456: return "i";  /* і */
        case 0x457: return "yi"; /* ї */
        case 0x491: return "g";  /* ґ */
        case 0x451: return "e";  /* ё */
        default: return NULL;
        }
}

/* Latin of the Greek letters U+03B1..U+03C9 (α..ω; ς folds to σ). */
static const char *const grk[25] = { "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n",
                                     "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o" };

/* The Greek letter cp at position k of the word, with the one before and
 * after it (0 at the word's ends): ου, αυ/ευ, μπ, ντ, γγ, γκ. */
static const char *grk_latin(uint32_t prev, uint32_t cp, uint32_t next, bool first) {
        if (cp < 0x3B1 || cp > 0x3C9)
                return NULL;
        if (cp == 0x3C5) /* υ */
                return prev == 0x3BF ? "u" : prev == 0x3B1 || prev == 0x3B5 ? "v" : "y";
        if (cp == 0x3BC && next == 0x3C0) /* μπ */
                return first ? "" : "m";
        if (cp == 0x3C0 && prev == 0x3BC)
                return "b";
        if (cp == 0x3BD && next == 0x3C4) /* ντ */
                return first ? "" : "n";
        if (cp == 0x3C4 && prev == 0x3BD)
                return "d";
        if (cp == 0x3B3 && (next == 0x3B3 || next == 0x3BA)) /* γγ, γκ */
                return first ? "" : "n";
        if ((cp == 0x3B3 || cp == 0x3BA) && prev == 0x3B3)
                return "g";
        return grk[cp - 0x3B1];
}

static size_t decode_all(const char *key, size_t n, uint32_t *cps, size_t cap) {
        size_t m = 0;
        for (size_t p = 0; p < n && m < cap;) {
                int l = utf8_decode(key + p, n - p, &cps[m]);
                if (l <= 0)
                        return 0;
                p += (size_t)l, m++;
        }
        return m;
}

size_t anon_translit(const char *key, size_t n, int variant, char *out, size_t cap) {
        uint32_t cps[ANON_FOLD_MAX];
        size_t m = n && (unsigned char)key[0] >= 0x80 ? decode_all(key, n, cps, ANON_FOLD_MAX) : 0;
        size_t o = 0;
        for (size_t k = 0; k < m; k++) {
                uint32_t prev = k ? cps[k - 1] : 0, next = k + 1 < m ? cps[k + 1] : 0;
                const char *l = cps[k] >= 0x3B1 && cps[k] <= 0x3C9 ? grk_latin(prev, cps[k], next, k == 0)
                                                                   : cyr_latin(cps[k], variant);
                size_t ll = l ? strlen(l) : 0;
                if (!l || o + ll >= cap)
                        return 0; /* a letter of no table, or too long: no Latin form */
                memcpy(out + o, l, ll);
                o += ll;
        }
        return o;
}
