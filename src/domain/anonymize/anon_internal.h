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
#define ANON_CUE_END_BITS 4096     /* Bloom filter of the cues' last words (a few hundred) */
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
        ANON_SENS_TENURE = 1024, /* "di esperienza", "de carreira": the years of an age phrase next to it are years of work */
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
        uint64_t cue_end_bits[ANON_CUE_END_BITS / 64]; /* Bloom filter of the last words of the cues: most
                                   words end no cue, and pass 1b asks after every lower-case demonym */
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
/* A replacement written in the scan's arena; NULL and sc->err = -ENOMEM
 * when there is no memory. */
const char *scan_printf(Scan *sc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* What each pass offers the others, then the inline readers they share. */
#include "domain/anonymize/anon_passes.h"
#include "domain/anonymize/anon_text.h"

#endif
