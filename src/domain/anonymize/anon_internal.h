/* Internals shared by the anonymiser's files (not for other modules). */
#ifndef TD_DOMAIN_ANON_INTERNAL_H
#define TD_DOMAIN_ANON_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "domain/anonymize/anonymize.h"

#define ANON_FOLD_MAX 128          /* bytes of one folded token; longer: not looked up */
#define ANON_PHRASE_MAX_TOKENS 6   /* longest phrase or label in the lists */
#define ANON_LABEL_VALUE_MAX 100   /* bytes of a labelled value that are removed */
#define ANON_NAME_RUN_MAX 5        /* tokens in one name */
#define ANON_DETECT_BYTES 65536    /* text sampled for language detection */
#define ANON_HEADING_MAX_TOKENS 3  /* words of a heading line before a CV's name ("CV") */
#define ANON_HEADING_MAX_LINES 2   /* heading lines skipped before a CV's name */
#define ANON_HEADING_LINE_MAX 60   /* bytes of a section heading line (anon_dates.c) */
#define ANON_TITLE_ABBREV_MAX 4     /* bytes of a title abbreviated with a dot before a name ("Prof. Rossi") */
#define ANON_LABEL_NEXT_MAX 32      /* bytes of the next field's label after ", " that ends a value */
#define ANON_STREET_WORDS 8         /* tokens of an address after its street type */
#define ANON_STREET_TOKENS 12       /* ... with numbers and abbreviations at its end ("Str. Lungă nr. 3, bl. A2, sc. 1, ap. 12") */
#define ANON_STREET_ENDS_MAX 96     /* "streetend" lines of all lexicons (duplicates count once) */
#define ANON_STREET_END_LEN 22      /* bytes of a folded street ending or flat marker ("διαμερισμα") */
#define ANON_STREET_STEM_MIN 3      /* bytes of a street name before its ending ("Søndergade") */
#define ANON_ADDR_TAIL_LINES 5      /* lines after a street line that may hold its town and postcode */
#define ANON_TOWN_WORDS 3           /* capitalised words of a town after a postcode in running text */
#define ANON_ADDR_TAIL_LEN 48       /* bytes of such a line */
#define ANON_LIST_MAX 12           /* items of an enumeration of people looked at */
#define ANON_HYPHEN_PART_MAX 6     /* bytes of each syllable of a hyphenated given name ("Shu-hui", "Ha-eun") */
#define ANON_CJK_NAME_MAX 4        /* characters of a Chinese, Japanese or Korean name written as one word */
#define ANON_CLOSING_LINE_MAX 32   /* bytes of a letter's closing line before its last word ("Com os melhores ") */
#define ANON_LIST_ROLE_MAX 60      /* bytes of a role in brackets after a person of a list ("(team lead)") */
#define ANON_MODEL_FEATS 20        /* features of one word for the learned name scorer */
#define ANON_MODEL_FEAT_LEN 72     /* bytes of one feature: a prefix and a folded word */
#define ANON_MODEL_MAX_WEIGHTS 400000 /* lines of one names_model.tsv */
#define ANON_MODEL_NEVER 1e9f      /* a threshold (or minus a veto) this far: that use is off */
#define ANON_WORLD_SUR_MIN 5       /* bytes of a world-list surname that ends a name after unknown words */
#define ANON_CLASH_KEEP 32         /* lexicon clashes whose text is kept (the rest are counted) */
#define ANON_PLACE_BACK 6          /* words looked back from a name for the head word of a place's name */
#define ANON_PLACE_BACK_OTHER 3   /* ... for a head word of another language ("Università di Roma La Sapienza") */
#define ANON_APPOS_GAP 8           /* tokens of a role noun's complement before its appositive ("ministro de a Fazenda, ") */
#define ANON_APPOS_LOWER 3         /* lower-case words of it that are no function word ("pentru afaceri europene") */
#define ANON_APPOS_WORDS 4         /* capitalised words of the appositive name ("Rubens Ricupero") */
#define ANON_CLITIC_GAP 4          /* tokens between a Romanian clitic ("l-a") and "pe" + name */
#define ANON_COORD_GAP 10          /* tokens from the writer's Slovene participle to one joined to it ("Vodil sem ekipo in skrajšal") */
#define ANON_ORIGIN_TOKENS 3       /* tokens of one demonym ("Cape Verdean", "Bosnia and Herzegovina") */
#define ANON_BIRTHPLACE_TOKENS 8   /* tokens of a place of birth after "born in" ("a village near Aleppo, Syria") */

/* Per-language flags of a word in the lexicon. */
enum {
        LEX_STOP = 1 << 0,      /* function word: language detection, never a name */
        LEX_COMMON = 1 << 1,    /* common word that is also a name: never a name alone */
        LEX_FIRST = 1 << 2,     /* given name (or an inflected form of one) */
        LEX_SURNAME = 1 << 3,
        LEX_PHRASE = 1 << 4,    /* starts a phrase, label or honorific */
        LEX_STREET = 1 << 5,    /* street type: via, rua, ulica, strada, ... */
        LEX_KEEP = 1 << 6,      /* never part of a name (Django, Jenkins, ...) */
        LEX_TRIGGER = 1 << 7,   /* auxiliary before the writer's gendered form */
        LEX_REFHEAD = 1 << 8,   /* heading of a references section */
        LEX_WFIRST = 1 << 9,    /* given name from the world lists (any country) */
        LEX_WSUR = 1 << 10,     /* surname from the world lists */
        LEX_PARTICLE = 1 << 11, /* lower-case particle inside a name: de, da, van, von */
        LEX_TIMEHEAD = 1 << 12, /* heading of an experience or education section */
        LEX_PROJECT = 1 << 13,  /* "project": its dates stay dates */
        LEX_PLACE = 1 << 14,    /* first word of a place name: San, Santa, Fort (a name after it is the place's) */
        LEX_CONJ = 1 << 15,     /* "and", "și", "e": joins the last two items of an enumeration */
};

typedef struct LexWord {
        const char *key;        /* folded */
        uint32_t klen, hash;
        uint16_t flags[LANG_MAX];
        uint16_t any;           /* flags[] of every language or-ed (in the padding) */
        const char *base;       /* folded base form of a name, or key */
        uint32_t blen, bhash;   /* its length and anon_hash() */
} LexWord;

enum { PH_NONE, PH_PHRASE, PH_LABEL, PH_PROSE, PH_HONORIFIC, PH_GENDER, PH_NAMELABEL, PH_NAMECTX, PH_SAYS,
       PH_SUBJECT, /* "lives at", "was born": the capitalised words before it are a person */
       PH_PLURAL,  /* "were", "sono": after "X and Y" one of which is a name, both are people */
       PH_KIN,     /* "kid", "wife", "killers": after a possessive "X's", X is a person */
       PH_VOCATIVE, /* "can you", "please": after "X, " at the start of a sentence, X is addressed */
       PH_POSTNOM, /* "MD", "DDS", "Jr": right after a name, part of it */
       PH_NAMING,  /* "my name is", "call me": a namectx after which even an unlisted lower-case word is the name */
       PH_WORK,    /* "novel", "concert", "song": the capitalised words before it are its author or performer */
       PH_TRAIT,   /* "is very reliable": like PH_SUBJECT, for words of the name lists only (tools are reliable too) */
       PH_TENURE,  /* "di esperienza", "de carreira": the years of an age phrase next to it are years of work */
       PH_SKILLS,  /* "Skills:", "Competenze:": the field after it lists tools, never a person ("Blender, Maya, Houdini") */
       PH_FIRM,    /* "Hugo Boss", "Morgan Stanley": a firm named after a person (common/firms.txt), never a person */
       /* Kinds of the engine's origin and cues tables only (anon_origin.c), never of phrases. A
        * cue is stored with kind PH_ORIGIN and, as its cat, the bits 1 << (kind -
        * PH_ORIGIN) of the cue kinds it has ("pochodzenia" is one before and after): */
       PH_DEMONYM,      /* "Syrian", "brasileira", "Ukrainką": nationality, ethnicity or religion */
       PH_ORIGIN,       /* before a demonym, about the writer: "I am", "as a", "di origine", "jestem z" */
       PH_ORIGIN_AFTER, /* after a demonym, about the person: "citizen", "origin", "pochodzenia", "rodu" */
       PH_ORIGIN_NOT,   /* after a demonym, not about a person: "speaker", "teacher", "company" */
       PH_BIRTHIN,      /* locative preposition after a "born" cue: "in", "a", "em", "w", "în", "στην", "v" */
       /* Kind of the engine's family-and-health tables only (anon_family.c): its cat holds the
        * ANON_SENS_* roles of the entry in that language */
       PH_SENS
};

/* Roles of a word of the family-and-health tables (lexicon kinds parent, count,
 * child, selfcue, condition, status, degree; PhraseVal.cat bits). */
enum {
        ANON_SENS_PARENT = 1,    /* "mother", "mamma", "mamą", "μητέρα": with children after it */
        ANON_SENS_COUNT = 2,     /* "two", "dwoje", "doi", "δύο", "dveh", "no", "bez": before a child noun */
        ANON_SENS_CHILD = 4,     /* "children", "figli", "dzieci", "copii", "παιδιά", "otrok" */
        ANON_SENS_CUE = 8,       /* "I have", "I am", "ho", "mam", "έχω", "imam": the writer's */
        ANON_SENS_TAKE = 16,     /* a cue removed with what follows it: "diagnosed with", "soffro di", "married with" */
        ANON_SENS_COND = 32,     /* "deaf", "dyslexia", "dysleksję": after a cue */
        ANON_SENS_STATUS = 64,   /* "categoria protetta", "PcD", "grad de handicap": anywhere */
        ANON_SENS_DEGREE = 128,  /* "mild", "umiarkowanym", "locomotor", "kategorije": around them */
        ANON_SENS_GNOUN = 256,   /* "woman", "female", "donna", "kobietą", "γυναίκα": about the writer after a cue */
        ANON_SENS_INTENS = 512,  /* "molto", "bardzo", "πολύ": between the writer's auxiliary and their gendered form */
};
#define ANON_SENS_TOKENS 5       /* tokens of one entry of the family-and-health tables */
#define ANON_SENS_CUE_TOKENS 4   /* tokens of one cue of the writer ("mi è stata diagnosticata") */
#define ANON_SENS_GAP 3          /* tokens (articles, counts, degrees) between a cue and its condition */
#define ANON_SENS_TAIL 6         /* degrees and numbers after a condition or a status */
#define ANON_SENS_PAREN_MAX 80   /* bytes of a remark in brackets right after a condition: "(low vision)" */
#define ANON_GNOUN_GAP 3         /* tokens (articles, numbers, adjectives) between a cue and a gender noun */

typedef struct PhraseVal {
        uint8_t kind;           /* PH_* */
        uint16_t cat;           /* AnonCategory; PH_ORIGIN: cue kinds; PH_SENS: ANON_SENS_* roles */
        bool ctx;               /* PH_GENDER or PH_PHRASE that is also a name context ("professora", "my wife") */
        bool cap;               /* PH_DEMONYM: only when capitalised, a word also in lower case ("Pole": "a pole dancer") */
        const char *repl;       /* PH_GENDER: neutral form */
} PhraseVal;

typedef struct Phrase {
        const char *key;        /* folded tokens joined by one space; numbers as "#" */
        uint32_t klen, hash;
        PhraseVal v[LANG_MAX];
} Phrase;

/* Open-addressing hash table of pointers to items whose first members are
 * key/klen/hash (LexWord, Phrase, and the session's sets). */
typedef struct HSlot {
        uint32_t hash;          /* copy of the item's hash: probes skip without a deref */
        void *item;
} HSlot;

typedef struct HTab {
        HSlot *slots;
        size_t cap, n;          /* cap is a power of two */
        uint64_t *bloom;        /* 2 bits per key: most misses end here, in L1/L2 cache */
        size_t bloom_mask;      /* bits - 1 */
} HTab;

typedef struct HItem {
        const char *key;
        uint32_t klen, hash;
} HItem;

/* Inline: the hot path hashes every token. Eight bytes per step. The
 * tail is read with whole loads (overlapping the bytes already hashed), never byte by
 * byte into a stack word: that stalls store-to-load forwarding. */
static inline uint32_t anon_hash(const char *s, size_t n) {
        uint64_t h = 0x9E3779B97F4A7C15ull ^ n, w;
        size_t total = n;
        for (; n >= 8; s += 8, n -= 8) {
                memcpy(&w, s, 8);
                h = (h ^ w) * 0xff51afd7ed558ccdull;
                h ^= h >> 32;
        }
        if (n && total >= 8) {
                memcpy(&w, s + n - 8, 8);
        } else if (n >= 4) {
                uint32_t lo, hi;
                memcpy(&lo, s, 4);
                memcpy(&hi, s + n - 4, 4);
                w = lo | (uint64_t)hi << 32;
        } else if (n) {
                w = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
                    (uint64_t)(unsigned char)s[n - 1] << 16;
        } else {
                w = 0;
        }
        h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
        h ^= h >> 29;
        h *= 0x9E3779B97F4A7C15ull;
        uint32_t r = (uint32_t)(h >> 32);
        return r ? r : 1;
}

int htab_init(HTab *t, size_t cap);
void htab_free(HTab *t);
/* Returns the item with that key or NULL. */
void *htab_get(const HTab *t, const char *key, size_t n, uint32_t h);
/* Inserts item (the key must not be present). Returns 0 or -ENOMEM. */
int htab_put(HTab *t, void *item);
/* False when the key of hash h is certainly not in t (its Bloom filter
 * says so): one or two cache lines, no probe of the slots. */
static inline bool htab_maybe(const HTab *t, uint32_t h) {
        if (!t->bloom)
                return t->cap != 0;
        size_t a = h & t->bloom_mask, b = ((h >> 16) * 40503u) & t->bloom_mask;
        return (t->bloom[a >> 6] >> (a & 63) & 1) && (t->bloom[b >> 6] >> (b & 63) & 1);
}
/* htab_maybe() for a table that htab_seal() has sealed (the engine's
 * words, names and phrases once loaded): no test for a missing filter. */
static inline bool htab_maybe_sealed(const HTab *t, uint32_t h) {
        size_t a = h & t->bloom_mask, b = ((h >> 16) * 40503u) & t->bloom_mask;
        return (t->bloom[a >> 6] >> (a & 63) & 1) && (t->bloom[b >> 6] >> (b & 63) & 1);
}
/* Builds the Bloom filter of a table that will only be read from now on
 * (until the next htab_put). Returns 0 or -ENOMEM. */
int htab_seal(HTab *t);

/* One weight of a learned name scorer, keyed by its feature string
 * ("pw=spune", "s3=ski"). */
typedef struct ModelWeight {
        const char *key;
        uint32_t klen, hash;
        float w;
} ModelWeight;

/* The learned scorer of one language (anon_model.c): an averaged perceptron
 * over the features of a capitalised word the name rules left. */
typedef struct NameModel {
        HTab weights;           /* ModelWeight */
        float threshold;        /* a word the rules left is a name when its score is above it */
        float veto;             /* a name of the rules whose words all score below it is not one */
        bool on;                /* a model file was loaded for this language */
} NameModel;

/* A street-name ending ("Søndergade", "Koskikatu", "Cankarjeva"), folded;
 * a weak one (-ova, -eva, also surnames) needs more address around it; a
 * flat word ("Apt", "Suite") is matched whole. */
enum {
        STREET_END,
        STREET_END_WEAK,
        STREET_FLAT, /* "Apt", "Suite": a whole word, after the street */
        STREET_MARK  /* "m.", "int.", "ap.", "διαμ.": a flat's marker, only after a house number */
};
typedef struct StreetEnd {
        char key[ANON_STREET_END_LEN];
        uint8_t len, kind;
} StreetEnd;

struct AnonEngine {
        NameModel model[LANG_MAX];
        HTab words;             /* LexWord: lexicon words, small enough to stay in cache */
        HTab names;             /* LexWord: given names and surnames with inflected forms */
        struct LexCell *pool;   /* every LexWord of words and names, in one array (anon_lex_pool) */
        size_t npool;
        HTab phrases;           /* Phrase */
        HTab cue_words;         /* LexWord: cues, ANON_CUE_* per language: a word after a list of surnames that makes it
                                   a company's name ("Inc", "is"); a preposition of place ("în", "em") */
        HTab origin;            /* Phrase of kind PH_DEMONYM: demonyms.tsv (every token looks here: only demonyms) */
        HTab sens_anchor;       /* Phrase of kind PH_SENS: parents, children, conditions, statuses (pass 1c starts at them) */
        HTab sens_words;        /* Phrase of kind PH_SENS: counts, cues, degrees (looked at around an anchor) */
        uint64_t *sens_bits;    /* one bit per word of the words table (pool index): the first word of an anchor */
        HTab cues;              /* Phrase of kind PH_ORIGIN (not cue_words: phrases of several words): the
                                   lexicon's cues around a demonym and after "born" */
        bool origin_lower[LANG_MAX]; /* a demonym of the language starts in lower case (not in English: "Syrian") */
        const char *indef[LANG_MAX]; /* the paired indefinite article ("um/a", "un/a"), or NULL; in arena */
        const char *clash[ANON_CLASH_KEEP]; /* "ro: cheie (namectx, then says)", in arena */
        size_t nclash;          /* lexicon lines that gave a phrase another meaning in the same language */
        Arena *arena;           /* owns every key and entry */
        StreetEnd street_end[ANON_STREET_ENDS_MAX]; /* "gade", "strasse", "katu": of any language */
        size_t nstreet_end;
};

/* Folds s[0..n) for lookups: case-folded, marks stripped (so "Łódź" ->
 * "łodz", "Γιώργος" -> "γιωργοσ"). Writes into out (ANON_FOLD_MAX bytes)
 * and returns the length, or 0 when the result does not fit. */
size_t anon_fold(const char *s, size_t n, char *out);
/* Folds a phrase as the scanner sees it: tokens joined by one space,
 * numbers of up to three digits as "#". Returns the length or 0. */
size_t anon_phrase_key(const char *s, size_t n, char *out, size_t cap);
/* The two-byte code points U+0080..U+07FF (Latin, Greek, Cyrillic), built
 * once (owned by the module, shared by every thread): cls holds ANON_L2_*
 * as anon_is_letter() and anon_is_upper() answer, fold the length and bytes
 * of anon_fold()'s form (length ANON_FOLD2_SLOW: ask anon_fold()). */
#define ANON_FOLD2_SLOW 0xFF
enum { ANON_L2_LETTER = 1, ANON_L2_UPPER = 2 };
typedef struct AnonTwoByte {
        uint8_t cls[0x800 - 0x80];
        unsigned char fold[0x800 - 0x80][8];
} AnonTwoByte;
const AnonTwoByte *anon_two_byte(void);
/* True for a code point that is part of a word (letters and marks). */
bool anon_is_letter(uint32_t cp);
/* A letter of a script without case, from Hebrew on (Arabic, Devanagari,
 * Georgian, Han, Hangul: Unicode category Lo): its words are looked up in
 * the name lists like capitalised ones. */
bool anon_caseless_at(uint32_t cp);
/* Inline: the scripts with case are below U+05D0. */
static inline bool anon_caseless(uint32_t cp) {
        return cp >= 0x5D0 && anon_caseless_at(cp);
}
/* A digit among the n bytes at s. */
static inline bool anon_number_in(const char *s, size_t n) {
        for (size_t k = 0; k < n; k++)
                if (s[k] >= '0' && s[k] <= '9')
                        return true;
        return false;
}
/* utf8proc_isupper with fast paths for Latin-1 and Greek. */
bool anon_is_upper(uint32_t cp);

const LexWord *anon_lex_get(const AnonEngine *e, const char *key, size_t n);
/* Same lookups with the key's hash already computed. */
const LexWord *anon_lex_get_h(const AnonEngine *e, const char *key, size_t n, uint32_t h);
const LexWord *anon_name_get_h(const AnonEngine *e, const char *key, size_t n, uint32_t h);
const Phrase *anon_phrase_get(const AnonEngine *e, const char *key, size_t n);
/* The lexicon lines that gave a phrase a second meaning in one language
 * (the later line wins, so the earlier one is silently lost): their count,
 * and up to ANON_CLASH_KEEP descriptions in *ret (owned by the engine). */
size_t anon_lex_clashes(const AnonEngine *e, const char *const **ret);
/* Kinds of the words of AnonEngine.cue_words (LexWord.flags[lang] bits). */
enum { ANON_CUE_ORG = 1, ANON_CUE_PLACEPREP = 2, ANON_CUE_PLACENOUN = 4, ANON_CUE_THINGNOUN = 8,
       ANON_CUE_ARTICLE = 16, /* capitalised article of a thing's name: "La Sapienza", "El Corte Inglés" */
       ANON_CUE_PARTICLE_ARTICLE = 32, /* article after a particle in a name: "de os Santos" ("dos Santos") */
       ANON_CUE_SALUTATION = 64, /* a letter's greeting: the person after it is addressed, not the writer */
       ANON_CUE_WITH = 128, /* "with", "con", "cu", "με": a list of people may follow ("worked with A B, C D") */
       ANON_CUE_CLOSING = 256, /* last word of a letter's closing ("regards", "saluti"): the next line is its signature */
       ANON_CUE_MINE = 512, /* the writer's possessive ("my", "miei", "moimi", "mei", "μου"): "my two kids" are family */
       ANON_CUE_INDEF = 1024, /* indefinite article ("uma", "una", "o", "μια"): before the writer's gendered noun it is paired too */
       ANON_CUE_ONGOING = 2048, /* a range's open end ("Present", "oggi", "obecnie", "σήμερα") */
       ANON_CUE_MONTH_SHIFT = 12 /* the top four bits: the number of a month's name ("Sep", "settembre", "września") */ };
int anon_lex_load(AnonEngine *e, const char *datadir);
/* Loads data/anonymize/<lang>/names_model.tsv for every language that has
 * one (a missing file: no scorer for that language). Returns 0, -EINVAL
 * (malformed line), -E2BIG (over ANON_MODEL_MAX_WEIGHTS or the list size
 * limit), -ENOMEM. */
int anon_model_load(AnonEngine *e, const char *datadir);
void anon_model_free(AnonEngine *e);
/* Moves the LexWords of the words and names tables into e->pool, once
 * after loading, so that a token or a memo slot refers to one with 32
 * bits. Returns 0 or -ENOMEM. */
int anon_lex_pool(AnonEngine *e);
/* One cache line: a LexWord and its key when the key is short (most
 * are), so that a lookup that finds it reads one line, not two. */
#define ANON_CELL_KEY 16
typedef struct LexCell {
        LexWord w;
        char key[ANON_CELL_KEY];
} LexCell;
/* The 32-bit reference of w (pool index + 1), 0 for NULL, and back. */
static inline uint32_t lex_ref(const AnonEngine *e, const LexWord *w) {
        return w ? (uint32_t)((const LexCell *)w - e->pool) + 1 : 0;
}
static inline const LexWord *lex_at(const AnonEngine *e, uint32_t ref) {
        return ref ? &e->pool[ref - 1].w : NULL;
}

/* ---- scanning one chunk ---- */

/* A session's memo of lexicon and name lookups by folded key: text repeats
 * its words (Zipf), so most tokens are answered from one cache line
 * instead of two hash-table probes. Direct-mapped, keys compared in full. */
#define ANON_MEMO_SLOTS 16384      /* power of two */
#define ANON_MEMO_MIN_TEXT 65536   /* bytes of a chunk before a session gets a memo */
#define ANON_MEMO_KEY 15           /* longer keys are not memoised */

#define ANON_MEMO_PENDING UINT32_MAX /* MemoSlot.name: not looked up yet */

/* 32 bytes, aligned: one cache line per probe. The two halves of Tok.lf
 * are kept too, so that a hit reads no LexWord. */
typedef struct MemoSlot {
        uint32_t hash;             /* 0: empty (anon_hash never returns 0) */
        uint8_t len;
        char key[ANON_MEMO_KEY];
        uint16_t lf_lex, lf_name;  /* flags of lex and of name in AnonSession.memo_lang and English */
        uint32_t lex, name;        /* lex_ref()s, as in Tok */
} MemoSlot;

enum {
        TOK_CAP = 1 << 0,       /* first letter upper case */
        TOK_ALLCAPS = 1 << 1,   /* two or more letters, all upper case */
        TOK_NUM = 1 << 2,       /* number of up to three digits (key "#") */
        TOK_ALNUM = 1 << 3,     /* letters and digits mixed */
        TOK_JOINED = 1 << 4,    /* gap before it is short and on one line */
        TOK_SENT = 1 << 5,      /* starts a sentence or a line */
        TOK_INITIAL = 1 << 6,   /* one capital letter followed by '.' */
        /* pass 2 takes nothing from it, never a name: the capitalised part of an
         * English contraction ("DON", "T" of "DON'T", marked by pass 1) or the
         * writer's nationality or religion (pass 1b: neither a name nor a
         * gendered form). The two share the last bit of Tok.flags. */
        TOK_SKIP = 1 << 7,
};

/* 28 bytes: a chunk's tokens (a megabyte for 256 KiB of text) are read
 * again by every pass and should stay in the core's cache. */
typedef struct Tok {
        uint32_t start, end;    /* bytes in the chunk */
        uint32_t fold;          /* offset of the folded key in Scan.fold */
        uint32_t hash;          /* of the folded key */
        uint32_t lex;           /* lex_ref() of the lexicon word (stop, phrase, keep, ...) */
        uint32_t name;          /* lex_ref() in the name lists; looked up for capitalised tokens only */
        uint8_t flen, flags;    /* flen <= ANON_FOLD_MAX */
        uint16_t lf;            /* tok_lexflags() in the document's language and English */
} Tok;
_Static_assert(ANON_FOLD_MAX <= UINT8_MAX && TOK_SKIP <= UINT8_MAX, "Tok.flen and Tok.flags are bytes");

/* Finding priorities: the higher wins where spans overlap. */
/* PRIO_LABELLED: a value after an identifier's label ("NIF 232 123 450")
 * is that identifier, whatever else its shape fits (a phone number). */
enum { PRIO_GENDER = 1, PRIO_NAME, PRIO_PHRASE, PRIO_RULE, PRIO_LABELLED, PRIO_KNOWN, PRIO_FORCED };

typedef struct Find {
        size_t start, end;      /* bytes in the chunk */
        uint8_t cat, prio;
        const char *repl;       /* NULL: the category's placeholder */
} Find;

typedef struct Scan {
        const AnonEngine *e;
        AnonSession *s;
        MemoSlot *memo;         /* the session's, or NULL (no memory for it) */
        Arena *arena;
        const char *t;
        size_t n;
        size_t base;            /* the chunk's byte offset in the whole text */
        Lang lang;
        Tok *toks;
        size_t ntok, captok;
        char *fold;
        size_t nfold, capfold;
        Find *finds;
        size_t nfind, capfind;
        int err;                /* sticky -ENOMEM */
        size_t last_gender;     /* token index of the last gendered rewrite, or SIZE_MAX */
        size_t indef_noun;      /* last token of a gendered noun after the writer's paired article or heading a
                                   line, whose adjective after it is the writer's too; or SIZE_MAX */
        size_t years;           /* numbers that look like years (19xx, 20xx): 0 skips pass 3 */
        const AnonTwoByte *tb;  /* set by pass 1 */
        bool known_names;       /* the session was given the candidate's names */
        bool name_field;        /* the name being read is a Name:/Surname: field's value */
        uint32_t *caps;         /* pass 2 lists its capitalised tokens here for pass 2b, or NULL */
        size_t ncaps;
        size_t appos;           /* token where a role noun's appositive name starts ("ministro de a Fazenda, Rubens"), or 0 */
} Scan;

void scan_add(Scan *sc, size_t start, size_t end, int cat, int prio, const char *repl);
/* An e-mail address or @handle at the '@' at: adds it and returns its end
 * (or at + 1). A profile or web URL starting at i: adds it and returns its
 * end, or 0 when there is none (anon_contacts.c). */
size_t anon_try_at(Scan *sc, size_t at);
size_t anon_try_url(Scan *sc, size_t i);
/* An e-mail address written to dodge harvesters, at the '(' or '[' of its
 * "(at)" ("anna.k(at)yahoo.gr", "anna [at] gmail [dot] com"): adds it and
 * returns its end, or 0 (anon_contacts.c). */
size_t anon_try_at_word(Scan *sc, size_t i);
/* Pass 1: tokens, contacts, identifiers, URLs. */
void anon_scan_chunk(Scan *sc);
/* Adds the token [s, e) (anon_scan.c). folded: the length of its key
 * already written at sc->fold + sc->nfold, or SIZE_MAX to fold it here. */
void anon_tok_add(Scan *sc, size_t s, size_t e, uint16_t flags, size_t folded);
/* The number (phone, identifier, card, postcode) starting at i: adds it,
 * or its token, and returns its end (anon_numbers.c). */
size_t anon_try_number(Scan *sc, size_t i);
/* An IBAN starting at i: adds it and returns its end, or 0. */
size_t anon_try_iban(Scan *sc, size_t i);
/* The letters-and-digits code [s, e): added when it is a known or valid identifier. */
void anon_code_check(Scan *sc, size_t s, size_t e);
/* Pass 1b (anon_origin.c): demonyms about the writer ("I am Syrian", "di
 * origine marocchina", "Jestem Ukrainką"), found before names and gendered
 * forms so that neither takes them. Their tokens get TOK_SKIP. */
void anon_scan_origin(Scan *sc);
/* True when the tokens [i, j) are one entry of the language's
 * demonyms.tsv, a country or a people ("Marea Britanie", "Hungria"). */
bool anon_demonym_run(const Scan *sc, size_t i, size_t j);
/* Pass 1c (anon_family.c): the writer's children and family status
 * ("Mother of two", "Mama dwójki dzieci", "I have two kids") and health
 * ("I am deaf", "Mam dysleksję", "categoria protetta (L. 68/99)"), from
 * the lexicon's parent, count, child, selfcue, condition, status and
 * degree words. Their tokens get TOK_SKIP. */
void anon_scan_sensitive(Scan *sc);
/* Marks the words of the words table that start an anchor of pass 1c
 * (e->sens_bits, owned by the engine), once after anon_lex_pool(): a
 * token then knows it from its lexicon word, with no lookup. Returns 0 or
 * -ENOMEM. */
int anon_sens_index(AnonEngine *e);
/* Adds a lexicon line of the family-and-health kinds (anon_load.c: the
 * loader's); the
 * kind's name is kind[0..kn). Returns 1 when kind is not one of them, 0,
 * -EINVAL (bad line) or -ENOMEM. */
int anon_sens_line(AnonEngine *e, Lang lang, const char *kind, size_t kn, const char *text, size_t n,
                   const char *arg, size_t an);
/* A "born" phrase of len tokens at token i ("I was born", "nato a",
 * "urodziłem się", category cat): when a place follows ("in Aleppo, Syria",
 * "w Kijowie"), adds it up to the end of its clause as a place of birth and
 * returns the tokens consumed; 0 when a date follows or nothing does. */
size_t anon_birthplace(Scan *sc, size_t i, size_t len, int cat);
/* A birth date's value [*vs, *ve) in prose, from token k on: narrowed to
 * the date ("born on 3 May 1990 in London"), the place after it added as
 * the place of birth. False when no digit is left (anon_origin.c). */
bool anon_birthdate_split(Scan *sc, size_t k, size_t *vs, size_t *ve);
/* Pass 2: phrases, labels, honorifics, names, gendered forms. */
void anon_scan_words(Scan *sc);
/* Pass 2b (anon_spread.c): enumerations of people, and earlier lone
 * mentions of people named later in the chunk. first: the first finding
 * of pass 2; cov: ntok bytes of scratch owned by the caller. */
void anon_scan_spread(Scan *sc, size_t first, uint8_t *cov);
/* A name in lower case at token i, right after a name context ("my name is
 * lena andersson"): adds it and returns its tokens, or 0. naming: the
 * context names the person ("call me"), so one word in no list that ends
 * the sentence is the name too ("my name is vitoria"). */
size_t anon_lower_name(Scan *sc, size_t i, bool naming);
/* anon_chat.c: names in messages and chats. The kind (PH_*) of the phrase
 * starting at token k in the document's language or English, right after
 * the token before it (one space, same line), or PH_NONE. */
int anon_phrase_kind_after(const Scan *sc, size_t k);
/* The run [i, end) of capitalised words that the name rules left is a
 * person by how the message speaks of it: one of the four rules below. */
bool anon_message_name(const Scan *sc, size_t i, size_t end);
/* Every word of [i, j) is in a name list of some language (a `trait`
 * phrase after them makes them a person: "Sunniva is very reliable"). */
bool anon_listed_run(const Scan *sc, size_t i, size_t j);
/* The run [i, end) of capitalised words ends with a possessive ("Franciska's")
 * before a word of kin or a person's fate ("kid", "wife", "killers"). */
bool anon_possessive_kin(const Scan *sc, size_t i, size_t end);
/* The run [i, end) of capitalised words stands between a lower-case word
 * and a work of a person ("the Petersson novel", "a huge Jouni Hahli fan"). */
bool anon_work_by(const Scan *sc, size_t i, size_t end);
/* Token i starts a list after a plural role and a colon ("our 3 founders:
 * Monjeau, Graves and Reed"): its items are people. */
bool anon_role_list(const Scan *sc, size_t i);
/* Token i alone is a person addressed: "Warrane, can I ...", "..., Mark!". */
bool anon_vocative(const Scan *sc, size_t i);
/* Token i is a speaker of a chat or a dialogue ("Ubul: What a wife."): at
 * the start of its line before a colon, and the line before or after it
 * is spoken by a listed given name. */
bool anon_chat_speaker(const Scan *sc, size_t i);
/* Token i and the first token of the line before or after it are both
 * speakers of a dialogue by the predicate (lower-case chats: a listed given
 * name), each at the start of its line before a colon. */
bool anon_dialogue_of(const Scan *sc, size_t i, bool (*speaker)(const Scan *, const Tok *));
/* The end of a name ending at end with its regnal or generational number
 * ("Carol I", "Ludovic al XIV-lea"), or end (anon_context.c). */
size_t anon_roman_tail(const Scan *sc, size_t end);
/* anon_street.c: the end of a postcode right after p (or p); the end of a
 * house number right after a name ending at p (or 0); a month in a date
 * at token i; a street type with a number right after the name [i, j); a
 * street address around the street-type word at token i (added; returns
 * its tokens, or 0). */
size_t anon_postcode_after(const Scan *sc, size_t p);
size_t anon_house_number(const Scan *sc, size_t p);
bool anon_in_date(const Scan *sc, size_t i);
bool anon_street_next(const Scan *sc, size_t i, size_t j);
size_t anon_try_street(Scan *sc, size_t i);
/* anon_address.c: token i starts a street: a street type of any language written as one
 * ("Via", "Rua", "ul."), or a name with a street ending and a house
 * number ("Koskikatu 25", "Cankarjeva 5, 1000 Ljubljana"). */
bool anon_street_word(const Scan *sc, size_t i);
/* The end of a flat after a slash at q ("Długa 15/3", "cesta 12/a"), or
 * q; token t is a flat word ("Apt", "Suite"; with marks, also a flat's
 * marker: "m.", "int.", "ap.", "διαμ."); the end of the flats after a
 * house number ending at p ("84/92 m. 15", "3, bl. A2, sc. 1, ap. 12"),
 * or p (anon_address.c). */
size_t anon_slash_flat(const Scan *sc, size_t q);
bool anon_flat_word(const Scan *sc, const Tok *t, bool marks);
size_t anon_flat_tail(const Scan *sc, size_t p);
/* Adds the address [start, end) and the postcodes on the lines after it
 * that finish it (town lines are kept, as the region). Returns where the
 * address ends on its line: the town words before it are the address's;
 * when [start, end) ends with a postcode, the town right after it is read
 * over (kept, and no name). */
size_t anon_address_add(Scan *sc, size_t start, size_t end, bool postcode);
/* Token i is a town right after a postcode of 4 to 6 digits in running
 * text ("I live at 00184 Roma"): adds the postcode and returns the town's
 * tokens (kept, and no name), or 0 (anon_address.c). */
size_t anon_try_postcode_town(Scan *sc, size_t i);
/* A street type of any lexicon that counts in this text ("Via", "ul.";
 * not "via" in English, "al" in Romanian); token a - 1 is one right
 * before token a ("ul. Miła") (anon_street.c). The end of a house number
 * of 1 to 4 digits (no year) one space after p, or 0 (anon_address.c). */
bool anon_any_street(const Scan *sc, const Tok *t);
bool anon_street_before(const Scan *sc, size_t a);
size_t anon_house_after(const Scan *sc, size_t p);
/* Adds a "streetend" or "flat" lexicon entry (STREET_*; from anon_load.c):
 * -EINVAL too long or empty, -E2BIG when the table is full. */
int anon_street_end_add(AnonEngine *e, const char *raw, size_t n, int kind);
/* True when token i is an item of "X, Y and Z" that an article before it
 * or an "org" cue after it makes one organisation's name ("The Davis,
 * Reynolds and Williamson Orchestra", "Lopez, Santos and Coleman is"). */
bool anon_org_list(const Scan *sc, size_t i);
/* True when token t (or its possessive or genitive form) was part of a
 * name seen earlier in the session. */
bool anon_seen_tok(const Scan *sc, const Tok *t);
/* A tool or a product (a keep word) right around token i on its line
 * ("Julia, Python", "Ruby on Rails"): a common word there is no person
 * seen before (anon_spread.c). */
bool anon_tool_near(const Scan *sc, size_t i);
/* anon_particles.c. A capitalised particle of the lexicon ("Di", "Van",
 * "El", "DI"). Inline: asked about every word of a name. */
static inline bool anon_cap_particle(const Tok *t) {
        return (t->lf & LEX_PARTICLE) && (t->flags & TOK_CAP) && !(t->flags & (TOK_NUM | TOK_ALNUM | TOK_INITIAL));
}
/* Tokens k and k + 1 are a compound surname of the name lists ("Di Maio",
 * "La Rosa", "Lo Bianco"), the first a capitalised particle. */
bool anon_compound_surname(const Scan *sc, size_t k);
/* How many particles (0 to 2) from token j on join the name run [i, j):
 * lower-case ones ("da Silva", "van der"; not "Lettera di Francesca"),
 * capitalised ones after a word of the name lists or an initial ("Marco
 * Di Pasquale", "Zahra El Amrani") or starting a listed compound surname
 * ("Ciro Di Maio"). The caller checks the name word after them. */
size_t anon_particles_join(const Scan *sc, size_t i, size_t j);
/* The same, inline: most words after a name word are no particle. */
static inline size_t anon_particles_at(const Scan *sc, size_t i, size_t j) {
        return j < sc->ntok && (sc->toks[j].lf & LEX_PARTICLE) ? anon_particles_join(sc, i, j) : 0;
}
/* After an honorific or a name context: the capitalised word after the
 * one or two lower-case particles at token i ("Sra. dos Santos", "Mrs.
 * van der Berg", "Sig. de Santis"), or 0. */
size_t anon_particles_lead(const Scan *sc, size_t i);
/* Token k is a particle inside the name [i, j) (not its last word; its
 * first only when it is no given name, "Ben Stiller"): no one's name
 * alone, so neither remembered nor matched as the person. */
bool anon_name_particle_at(const Scan *sc, size_t i, size_t j, size_t k);
static inline bool anon_name_particle(const Scan *sc, size_t i, size_t j, size_t k) {
        return (sc->toks[k].lf & LEX_PARTICLE) && anon_name_particle_at(sc, i, j, k);
}
/* A listed compound surname at token i ("con Di Maio", "Di Maio ha
 * detto"; after an article at a sentence's start only before given names,
 * "Di Pasquale Marco", or of a person named before): adds the name and
 * returns its tokens; 0 when it is none or goes on a place's or a
 * company's name ("La Rosa dei Venti", "Di Marzio Srl"). */
size_t anon_compound_name(Scan *sc, size_t i);
/* The first token of the lone name at token i with the capitalised
 * particle right before it ("con Di Cristofaro"), or i: no particle, an
 * article ("La"), or a given name after one that starts a sentence ("Da
 * Marco ho imparato"). */
size_t anon_particle_start_at(const Scan *sc, size_t i);
static inline size_t anon_particle_start(const Scan *sc, size_t i) {
        return i && (sc->toks[i - 1].lf & LEX_PARTICLE) ? anon_particle_start_at(sc, i) : i;
}
/* The lone name at token i follows a capitalised article of the text's
 * language (lexicon kind "article": "La Sapienza", "La Torre di Pisa",
 * "El Corte Inglés"): a thing's name, no person. */
bool anon_article_before_at(const Scan *sc, size_t i);
static inline bool anon_article_before(const Scan *sc, size_t i) {
        return i && (sc->toks[i - 1].lf & LEX_PARTICLE) && anon_article_before_at(sc, i);
}
/* The learned scorer (anon_model.c): how many capitalised tokens of the
 * run [i, end) its language's model takes as a name (0: none; no model for
 * the language, or training mode: 0). */
size_t anon_model_name(Scan *sc, size_t i, size_t end);
/* True when the model of the language scores every candidate word of the
 * name [i, j) that the rules found below its veto ("din Constanța",
 * "Estados Unidos, França"): what is around it says "place" or "company". */
bool anon_model_veto(Scan *sc, size_t i, size_t j);
/* Training mode (a candidate callback in the options): reports every
 * candidate token of the chunk, after pass 2, to the callback. */
void anon_model_report(Scan *sc);
/* Writes the features of token i into f (ANON_MODEL_FEATS strings of
 * ANON_MODEL_FEAT_LEN bytes); returns how many. */
size_t anon_model_features(const Scan *sc, size_t i, char f[][ANON_MODEL_FEAT_LEN]);
/* True when token k is one adjective between a role noun and a
 * capitalised name ("o armador sérvio Jugovic"; it, pt, ro only). */
bool anon_role_adjective(const Scan *sc, size_t k);
/* The first token of the name in apposition to the one-word role noun at
 * i ("O ministro de a Fazenda, Rubens Ricupero,"), or 0; and whether the
 * words [i, j) stand before one ("Tesfaye Dinka, o chefe"). pt, it, ro,
 * en; data/anonymize/README.md, `namectx`, says what must follow. */
size_t anon_appositive(const Scan *sc, size_t i, size_t len);
bool anon_role_after(Scan *sc, size_t i, size_t j);
/* True when capitalised token i is a Romanian direct object of a person:
 * "pe" before it and a clitic before the verb ("l-au gonit pe Pauw"). */
bool anon_ro_object(const Scan *sc, size_t i);
/* True when Romanian token t ends like a noun with the definite article:
 * -ul, -le, -lor, -ția, -nța ("Guvernul", "Direcția", "Importanța"). */
bool anon_ro_article_end(const Scan *sc, const Tok *t);
/* True when token i, in no name list of any language, is no person though
 * it follows a verb of saying or a name context: a Romanian noun with the
 * article, the subject or the agent ("afirmă Guvernul", "de către
 * Direcția"), after a title (title) an acronym ("președintele UDMR",
 * "liderului PPDA"; after a verb of saying it may be a person: "disse
 * FHC"), or a function word ("lui.În februarie"). "a declarat Paul" stays
 * a name. */
bool anon_ctx_nonperson(const Scan *sc, size_t i, bool title);
/* The longest phrase (in the document's language, else English) at token
 * i, whose first word starts one: its token count and *ret, or 0. */
size_t anon_match_phrase_at(Scan *sc, size_t i, const PhraseVal **ret);
/* Inline: most tokens start no phrase, and the flag says so without the
 * call and its kilobyte of stack. */
static inline size_t anon_match_phrase(Scan *sc, size_t i, const PhraseVal **ret) {
        return sc->toks[i].lf & LEX_PHRASE ? anon_match_phrase_at(sc, i, ret) : 0;
}
/* Applies the phrase v of len tokens at i (a finding, a label's value, a
 * rewrite); *force_name when a name must follow. Returns the tokens
 * consumed, 0 when the match is not used (a label without its value). */
size_t anon_use_phrase(Scan *sc, size_t i, size_t len, const PhraseVal *v, bool *force_name);
/* True when token k is a Greek article between a verb of saying or a title
 * and a capitalised name ("τόνισε ο Κουκουλάκης"). */
bool anon_el_article(const Scan *sc, size_t k);
/* True when the capitalised word at i goes on the name of a place or an
 * institution whose head word (a "place" word: "San", "Universitatea",
 * "Mercado", "Liceo", "Uniwersytet"; a street word or a "placenoun":
 * "strada", "comunei", "cidade") stands before it on the line, right
 * before it or across an opening quote, a linking word ("de", "din", "im.")
 * or other capitalised words of that name: "Câmara Municipal de Torres",
 * "Universitatea din Iași „Alexandru Ioan Cuza”"; across a conjunction
 * only after a noun ("străzile Hector și Eminescu"). nouns: only nouns are
 * heads, as after a title ("Bd. Regele Ferdinand") (anon_context.c). */
bool anon_place_before(const Scan *sc, size_t i, bool nouns);
/* True when the lone name-list word at i follows a preposition of place
 * of the language ("em Roma", "în Israel", "w Krakowie", "στην Ρώμη"), one
 * space between them, and was not a person's name earlier: a place. */
bool anon_after_placeprep(const Scan *sc, size_t i);
/* anon_lists.c: people of any origin. Byte p starts a line or a field of
 * a flattened layout (two blanks or a tab before it). */
bool anon_field_start(const Scan *sc, size_t p);
/* The two words [i, i + 2) are a given name that is also a common word
 * and a surname of some list ("Frank Miller", "Julia Kowalska"), not at a
 * sentence's start unless a line or a field starts there. */
bool anon_common_first_pair_at(const Scan *sc, size_t i);
/* Inline: most runs are no such pair, and the flag says so without a call. */
static inline bool anon_common_first_pair(const Scan *sc, size_t i, size_t n) {
        return n == 2 && (sc->toks[i].lf & LEX_COMMON) && anon_common_first_pair_at(sc, i);
}
/* Token k, in lower case, is the second part of a hyphenated word whose
 * first part is capitalised ("Shu-hui", "Min-jun"; not "E-mail"): a short
 * word, no function, keep or common word, right after the hyphen. Inline: it is asked at the end
 * of most runs of capitalised words, whose next word is no such part. */
static inline bool anon_hyphen_part(const Scan *sc, size_t k) {
        const Tok *t = &sc->toks[k], *p = &sc->toks[k - 1];
        size_t len = t->end - t->start;
        return t->start == p->end + 1 && sc->t[p->end] == '-' && !(t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) &&
               len >= 2 && len <= ANON_HYPHEN_PART_MAX && !(t->lf & (LEX_STOP | LEX_KEEP | LEX_PHRASE | LEX_COMMON)) &&
               (p->flags & TOK_CAP) && !(p->flags & (TOK_ALLCAPS | TOK_INITIAL));
}
/* [i, i + 3) is "Xx-yy Zz", a hyphenated given name and a surname. */
bool anon_hyphen_shape_at(const Scan *sc, size_t i);
/* [i, i + 3) is "Zz Xx-yy", a surname and a hyphenated given name. */
bool anon_hyphen_last_at(const Scan *sc, size_t i);
static inline bool anon_hyphen_shape(const Scan *sc, size_t i, size_t n) {
        return n == 3 && ((anon_hyphen_part(sc, i + 1) && anon_hyphen_shape_at(sc, i)) ||
                          (anon_hyphen_part(sc, i + 2) && anon_hyphen_last_at(sc, i)));
}
/* Token t is a name in Han, kana or Hangul written as one word, family
 * name first ("王伟", "김민준", "鈴木凪"): two to ANON_CJK_NAME_MAX
 * characters, a given name of the lists after the first one or two, or a
 * family name of the lists as those. */
bool anon_cjk_name_at(const Scan *sc, const Tok *t);
/* Inline: the first byte of a three-byte UTF-8 sequence of those scripts. */
static inline bool anon_cjk_name(const Scan *sc, const Tok *t) {
        unsigned char c0 = (unsigned char)sc->t[t->start];
        return c0 >= 0xE3 && c0 <= 0xED && anon_cjk_name_at(sc, t);
}
/* Pass 2b: two or three capitalised words alone on the line after a
 * letter's closing ("Kind regards,\nTigist Bekele"): the signature. Adds
 * them and returns the token after them, or i. Token i follows a line
 * break (anon_signature() looked). */
size_t anon_signature_at(Scan *sc, size_t i, uint8_t *cov);
/* Inline: only a word that starts a line may be one. */
static inline size_t anon_signature(Scan *sc, size_t i, uint8_t *cov) {
        if (!(sc->toks[i].flags & TOK_SENT) || i == 0)
                return i;
        size_t s = sc->toks[i].start;
        return sc->t[s - 1] == '\n' || sc->t[s - 1] == '\r' ? anon_signature_at(sc, i, cov) : i;
}
/* Pass 2b: a list of people from token i, items of two or three
 * capitalised words ("Tigist Bekele (team lead), Jean-Baptiste Mbappé and
 * Kwame Mensah"), after a references label or "worked with" with one item
 * a name already, or elsewhere with most of them: adds the others and
 * returns the token after the list, or i. */
size_t anon_people_list_at(Scan *sc, size_t i, uint8_t *cov);
/* Inline: a list's first item, of two or three words, ends with a comma or
 * a semicolon or a conjunction and two capitalised words follow, or a
 * references label is right before it; most capitalised words have none
 * of these. */
static inline size_t anon_people_list(Scan *sc, size_t i, uint8_t *cov) {
        const Tok *t = sc->toks;
        if (i + 3 >= sc->ntok || (!(t[i + 1].flags & TOK_CAP) && sc->t[t[i].end] != '-'))
                return i; /* one word, then a lower-case one: no item of two */
        if (i > 0 && (t[i - 1].lf & LEX_REFHEAD))
                return anon_people_list_at(sc, i, cov);
        for (size_t k = i + 1; k < i + 3; k++) { /* the item's last word */
                char c = sc->t[t[k].end];
                size_t n = c == ',' || c == ';' ? k + 1 : (t[k + 1].lf & LEX_CONJ) ? k + 2 : 0; /* the next item */
                if (n)
                        return n + 1 < sc->ntok && (t[n].flags & TOK_CAP) &&
                                               ((t[n + 1].flags & TOK_CAP) || sc->t[t[n].end] == '-')
                                       ? anon_people_list_at(sc, i, cov)
                                       : i;
        }
        return i;
}
/* An "origin" cue of the document's language ("I am a", "as a", "sono",
 * "jestem", "είμαι", "sem") ends right before token i, joined to it:
 * *ret_cue is its first token (anon_origin.c). */
bool anon_origin_cue_before(const Scan *sc, size_t i, size_t *ret_cue);
/* An "originafter" cue of the document's language starts at token j,
 * joined to the token before (Slovene "sem": "Ženska sem"). */
bool anon_origin_cue_after(const Scan *sc, size_t j);
/* Token i follows a gender noun that pass 1c took as the writer's ("Sou
 * uma [mulher] determinada"): its gendered form is the writer's too. */
bool anon_gnoun_before(const Scan *sc, size_t i);
/* Pass 3: date ranges of jobs and degrees become durations (anon_dates.c). */
void anon_scan_durations(Scan *sc);
/* English, after "he"/"she" at token i became "they": the verb after it
 * agrees ("is" -> "are", "works" -> "work"). */
void anon_gender_agree(Scan *sc, size_t i);
/* The end of "'s" or "’s" right after a pronoun ending at byte p ("he's"), or 0. */
size_t anon_gender_contraction(const Scan *sc, size_t p);
/* "they're" or "they've" for the "'s" at [p, e), with its apostrophe; arena-owned. */
const char *anon_gender_they_s(Scan *sc, size_t p, size_t e);
/* English "her" at token i is an object ("likes her.", "gave her the
 * book"): "them", not "their". */
bool anon_gender_object(const Scan *sc, size_t i);
/* Gendered form of the writer at token i (after a trigger, or anywhere
 * when writer: the token is in a phrase about the writer, "sono nata il");
 * returns an arena-owned neutral rewrite or NULL. */
const char *anon_gender_rewrite(Scan *sc, size_t i, bool writer);
/* True when token i is the writer's own form: right after an auxiliary of
 * the first person ("sono", "jestem", "sunt", "είμαι"; Slovene also right
 * before "sem"), or coordinated ("e", "i", "și", "και") with such a form. */
bool anon_gender_trigger_near(const Scan *sc, size_t i);
/* True when token i is a Greek adjective of both genders in a list of
 * the writer's adjectives ("υπεύθυνη, συνεπής και ομαδική"). */
bool anon_gender_list_link(const Scan *sc, size_t i);
/* Token k is an intensifier of the lexicon ("molto", "bardzo", "zelo"). */
bool anon_intensifier(const Scan *sc, size_t k);
/* The gendered noun of the lexicon at tokens [i, i + len) follows the
 * writer's auxiliary and an indefinite article ("Sou uma engenheira",
 * "Sono un programmatore"): the article is paired ("um/a") and an
 * adjective right after the noun is the writer's form too ("dedicada");
 * so is one after such a noun starting a line, a CV's headline
 * ("Ingegnera informatica"). */
void anon_gender_article(Scan *sc, size_t i, size_t len);

/* Session state used by the passes. */
bool anon_session_known_digits(const AnonSession *s, const char *d, size_t n);
bool anon_session_known_alnum(const AnonSession *s, const char *d, size_t n);
bool anon_session_known_email(const AnonSession *s, const char *e, size_t n);
/* Length of the known-name match at token i (0 = none). */
size_t anon_session_known_name(Scan *sc, size_t i);
/* The Latin form of a folded Cyrillic or Greek word key[0..n) into out
 * (cap bytes): variant 0 reads Cyrillic as Ukrainian, 1 as Russian.
 * Returns its length, or 0 when the word is not all Cyrillic or Greek
 * letters or does not fit (anon_translit.c). */
size_t anon_translit(const char *key, size_t n, int variant, char *out, size_t cap);
/* Pseudonym for the name made of tokens [i, j); arena-owned. strong: the
 * context or shape made it a name (honorific, label, initials, a given
 * name before it), so its words that are in no list are remembered too,
 * except a first word that starts a sentence (its capital says nothing);
 * ANON_STRONG_CUE: a cue next to the words said so (a verb of saying, a
 * role in apposition), so that word is remembered as well. */
enum { ANON_STRONG_CUE = 2 };
const char *anon_session_pseudonym(Scan *sc, size_t i, size_t j, bool known, int strong);
/* True when a token's base was part of a name seen earlier. */
bool anon_session_seen_name(const AnonSession *s, const char *base, size_t n, uint32_t h);
/* CV mode: true until the first chunk's first line has been looked at. */
bool anon_session_header_pending(const AnonSession *s);
void anon_session_header_done(AnonSession *s);
void anon_session_set_refs(AnonSession *s);

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
