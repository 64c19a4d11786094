/* Internals shared by the adcheck source files (not a public API). */
#ifndef TD_DOMAIN_ADCHECK_INTERNAL_H
#define TD_DOMAIN_ADCHECK_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/adcheck/adcheck.h"

/* ---- text: tokens over case-folded, diacritic-free text ---- */

typedef enum TokKind { TOK_WORD, TOK_PUNCT } TokKind;

typedef struct Tok {
        uint32_t start, end;  /* bytes in the original text */
        uint32_t f, flen;     /* folded form at AdText.fold + f */
        uint32_t sent;        /* sentence (or line) number */
        uint8_t kind;         /* TokKind */
        uint8_t digits;       /* word made of ASCII digits only */
        uint8_t gap;          /* whitespace before: 0 none, 1 one space-like char, 2 more, 3 newline */
        uint32_t hash;        /* strmap_hash of the folded form */
} Tok;

typedef struct AdText {
        const char *src;
        size_t len;
        char *fold;           /* heap, owned by the AdText */
        size_t fold_len, fold_cap;
        Tok *toks;            /* heap, owned by the AdText */
        size_t n, cap;
        int err;
} AdText;

/* Splits and folds s[0..n). Returns 0 or -ENOMEM; adtext_free() in any case. */
int adtext_build(AdText *t, const char *s, size_t n);
void adtext_free(AdText *t);
static inline const char *tok_str(const AdText *t, const Tok *k) { return t->fold + k->f; }
/* Looks the folded token up in a map (value or -1). */
#define tok_get(m, t, k) strmap_get_h((m), tok_str((t), (k)), (k)->flen, (k)->hash)
/* Folds a short string (a data entry) into out (heap, caller frees). */
int adtext_fold_string(const char *s, char **ret);

/* ---- string map: open addressing, keys not owned ---- */

typedef struct MapSlot {
        const char *key;
        uint32_t klen;
        uint32_t hash;
        int32_t val;
} MapSlot;

/* Bits in the filter that lets most misses skip the probe (the checker
 * looks up every prefix of every word, and nearly all of them miss). */
#define STRMAP_FILTER_BITS 65536

typedef struct StrMap {
        MapSlot *slots;
        size_t cap, n;
        uint64_t *filter; /* STRMAP_FILTER_BITS bits, set by hash */
} StrMap;

uint32_t strmap_hash(const char *s, size_t n);
/* Continues a hash over more bytes (FNV-1a), so prefixes hash cheaply. */
static inline uint32_t strmap_hash_more(uint32_t h, const char *s, size_t n) {
        for (size_t i = 0; i < n; i++)
                h = (h ^ (unsigned char)s[i]) * 16777619u;
        return h;
}
#define STRMAP_HASH_INIT 2166136261u
/* Inserts or replaces; key must outlive the map. 0 or -ENOMEM. */
int strmap_put(StrMap *m, const char *key, size_t klen, int32_t val);
int32_t strmap_probe(const StrMap *m, const char *key, size_t klen, uint32_t hash);
/* Returns the value or -1. Inline: most calls end at the filter. */
static inline int32_t strmap_get_h(const StrMap *m, const char *key, size_t klen, uint32_t hash) {
        uint32_t bit = (hash >> 7) % STRMAP_FILTER_BITS;
        if (!m->filter || !(m->filter[bit / 64] & ((uint64_t)1 << (bit % 64))))
                return -1;
        return strmap_probe(m, key, klen, hash);
}
static inline int32_t strmap_get(const StrMap *m, const char *key, size_t klen) {
        return strmap_get_h(m, key, klen, strmap_hash(key, klen));
}
void strmap_free(StrMap *m);

/* ---- language data ---- */

typedef enum PatTokKind { PT_LIT, PT_PREFIX, PT_NUM, PT_ANY, PT_GAP } PatTokKind;

typedef struct PatAlt {
        const char *s; /* folded */
        uint32_t len;
        uint8_t prefix;
} PatAlt;

typedef struct PatTok {
        uint8_t kind;  /* PatTokKind; PT_LIT/PT_PREFIX use alts */
        uint8_t n_alts;
        PatAlt *alts;
} PatTok;

/* Pseudo-categories for patterns that suppress findings. */
#define PAT_POSITIVE (ADCHECK_CATEGORY_MAX + 1)
#define PAT_LOOKALIKE (ADCHECK_CATEGORY_MAX + 2)

typedef struct Pattern {
        int category;           /* AdcheckCategory, PAT_POSITIVE or PAT_LOOKALIKE */
        PatTok toks[ADCHECK_MAX_PATTERN_TOKENS];
        uint8_t n;
        const char *suggestion; /* data text or NULL */
} Pattern;

typedef struct Trigger {
        int32_t pattern;
        int32_t next;           /* next trigger with the same key, -1 */
} Trigger;

typedef struct Title {
        const char *form, *other; /* folded; other may be "" */
        const char *suggestion;   /* as written in the data file */
} Title;

typedef enum PayWordKind { PW_CURRENCY, PW_KEYWORD, PW_PERIOD, PW_RANGESEP, PW_RANGESTART, PW_NOTPAY, PW_MAX } PayWordKind;

typedef struct PayWord {
        uint8_t kind;
        char value[8]; /* ISO code or period name */
} PayWord;

typedef struct Lexicon {
        bool loaded;
        StrMap stems;        /* folded stem -> 1 masculine / 2 feminine */
        uint32_t max_stem;
        StrMap exceptions;   /* folded words never counted as coded */
        StrMap title_map;    /* folded form -> index in titles */
        Title *titles;
        size_t n_titles, cap_titles;
        StrMap trig_exact, trig_prefix; /* first pattern token -> trigger list head */
        int32_t trig_num;    /* trigger list for patterns starting with # */
        uint32_t max_trig_prefix;
        Trigger *triggers;
        size_t n_triggers, cap_triggers;
        Pattern *patterns;
        size_t n_patterns, cap_patterns;
        StrMap stopwords;
        StrMap paywords;     /* folded -> index in paywords */
        PayWord *pw;
        size_t n_pw, cap_pw;
        char **blobs;        /* folded strings owned by the lexicon */
        size_t n_blobs, cap_blobs;
} Lexicon;

struct AdcheckEngine {
        Lexicon lex[LANG_MAX];
};

int lexicon_load(Lexicon *lx, const char *dir);
void lexicon_free(Lexicon *lx);

/* ---- matching ---- */

/* Span of tokens [first, last] that matched. */
typedef struct Match {
        int category;
        size_t first, last;
        const Pattern *pat;
} Match;

typedef struct MatchList {
        Match *v;
        size_t n, cap;
} MatchList;

/* Appends every pattern match in t to ml. 0 or -ENOMEM. */
int adcheck_match_patterns(const Lexicon *lx, const AdText *t, MatchList *ml);
/* Coded-word sign of word token k: +1, -1, or 0. */
int adcheck_coded_word(const Lexicon *lx, const AdText *t, const Tok *k);
/* Index of the title the word token k is, or -1. */
int adcheck_title_of(const Lexicon *lx, const AdText *t, const Tok *k);
/* True when the title at token i is written with its pair ("x/y", "x(a)")
 * or the ad carries a gender marker such as "(m/f)" or the other form. */
bool adcheck_title_paired(const Lexicon *lx, const AdText *t, size_t i, const Title *ti);
bool adcheck_has_gender_marker(const AdText *t);

/* Fills *ret with the first pay amount or range in t. */
void adcheck_find_pay(const Lexicon *lx, const AdText *t, AdcheckPay *ret);

Lang adcheck_detect_tokens(const AdcheckEngine *e, const AdText *t);
/* English msgids (static). */
const char *adcheck_category_message(AdcheckCategory c);
const char *adcheck_category_suggestion(AdcheckCategory c);
const char *adcheck_coded_message(int sign);

#endif
