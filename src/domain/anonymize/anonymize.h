/* Blind-CV anonymiser: removes or generalises everything in a CV or profile
 * text that identifies the writer or reveals a protected characteristic,
 * and keeps what a fair reviewer needs (skills, tools, versions, dates of
 * projects, language levels).
 *
 * Usage:
 *   AnonEngine *e = anon_engine_new(paths_datadir(), &err);   // once
 *   AnonInput in = { .text = cv, .len = n, .lang_auto = true, ... };
 *   AnonResult *r;  anon_run(e, arena, &in, &r);             // per CV
 *   ... r->text, r->findings[i] (byte offsets into in.text) ...
 *   anon_engine_free(e);
 *
 * For large inputs (a 100 MB stream) use an AnonSession: it keeps the
 * pseudonyms and the names seen so far across chunks, so memory stays
 * bounded by the chunk size (see anon_chunk_cut()).
 *
 * Replacements: people become "Candidate K7Q" (the writer: a known name, or
 * in CV mode the first person named), "Referee M4T" (named after a
 * references heading) or "Person X9C"; the code is a keyed BLAKE2b hash of
 * the pool id and the folded name, so it is the same in every document of
 * a pool, cannot be reversed without the key, and does not depend on
 * gender. Other removals become a placeholder such as "[email]"; the
 * writer's gendered forms become paired forms ("laureato/a"); the dates of
 * a job or a degree become its duration ("3 years", in the text's
 * language, from the message catalogues).
 *
 * Detection order: extra spans from the candidate ("force"/"keep"), known
 * values of the profile (in every variant: case, accents, initials,
 * inflections), then rule matchers (contacts, identifiers with checksums,
 * URLs, labelled fields, phrases) and dictionary name detection. Word lists
 * are data files in data/anonymize/<lang>/ (see its README.md). */
#ifndef TD_DOMAIN_ANONYMIZE_H
#define TD_DOMAIN_ANONYMIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/i18n.h"

/* What a finding removed. Stable order: pages and the JSON output use
 * anon_category_name(). */
typedef enum AnonCategory {
        ANON_CAT_NAME,          /* person name (candidate, referee, other) */
        ANON_CAT_EMAIL,
        ANON_CAT_PHONE,
        ANON_CAT_ADDRESS,       /* street address, postcode */
        ANON_CAT_BIRTHDATE,
        ANON_CAT_AGE,
        ANON_CAT_NATIONAL_ID,   /* codice fiscale, NIF, CC, PESEL, CNP, AMKA, AFM, EMŠO, ... */
        ANON_CAT_IBAN,
        ANON_CAT_CARD,          /* payment card number */
        ANON_CAT_URL,           /* profile / social URL */
        ANON_CAT_HANDLE,        /* @handle */
        ANON_CAT_NATIONALITY,   /* nationality, citizenship, ethnicity */
        ANON_CAT_BIRTHPLACE,
        ANON_CAT_RELIGION,
        ANON_CAT_FAMILY,        /* marital status, children */
        ANON_CAT_HEALTH,        /* health, disability */
        ANON_CAT_GENDER,        /* explicit gender, honorifics, pronouns */
        ANON_CAT_GENDERED_FORM, /* writer's gendered verb/adjective, neutralised */
        ANON_CAT_IMAGE,         /* image or photo dropped from a document */
        ANON_CAT_FORCED,        /* span the candidate marked as missed */
        ANON_CAT_DURATION,      /* dates of a job or degree, written as a duration */
        ANON_CAT_MAX
} AnonCategory;

/* Named limits. */
#define ANON_KEY_BYTES 32             /* pseudonym key (crypto_generichash key) */
#define ANON_MAX_INPUT ((size_t)64 * 1024 * 1024) /* one anon_run() call */
#define ANON_CHUNK_MAX ((size_t)262144)      /* streaming chunk size */
#define ANON_MAX_KNOWN 64             /* known values per kind */
#define ANON_MAX_KNOWN_LEN 256        /* bytes of one known value */
#define ANON_MAX_SPANS 1024           /* force/keep spans per call */
#define ANON_MAX_POOL_ID 128          /* bytes of a pool id */
#define ANON_MAX_PERSONS 4096         /* distinct pseudonyms per session */
#define ANON_MAX_LIST_BYTES ((size_t)16 * 1024 * 1024) /* one data file */

typedef struct AnonEngine AnonEngine;
typedef struct AnonSession AnonSession;

/* Byte range [start, end) into the input text. */
typedef struct AnonSpan {
        size_t start, end;
} AnonSpan;

/* Values the profile already holds; searched first in every variant. */
typedef struct AnonKnown {
        const char *const *names;  /* full names, e.g. "Anna Kowalska" */
        size_t n_names;
        const char *const *emails;
        size_t n_emails;
        const char *const *phones; /* any formatting; compared by digits */
        size_t n_phones;
        const char *const *ids;    /* any national id / IBAN; compared by alnum */
        size_t n_ids;
} AnonKnown;

/* Options that hold for a whole document (and across a session). */
typedef struct AnonOptions {
        Lang lang;                          /* used when lang_auto is false */
        bool lang_auto;                     /* detect from the text */
        AnonKnown known;                    /* the candidate's own values */
        uint8_t key[ANON_KEY_BYTES];        /* secret: pseudonyms need it to reverse */
        const char *pool_id;                /* job's candidate pool; NULL = "" */
        bool first_name_is_candidate;       /* CV mode: first person named is the writer */
        /* Training the learned name scorer (bench/anonymize/train): when set,
         * no scorer is applied and, after the name rules, this is called for
         * every capitalised word that could be a name, with its byte range in
         * the text, whether the rules took it, and its features (n strings,
         * each NUL-terminated, one after the other). NULL in normal use. */
        void (*name_candidate)(void *ctx, size_t start, size_t end, bool taken, const char *feats,
                               size_t n);
        void *name_candidate_ctx;
} AnonOptions;

typedef struct AnonInput {
        AnonOptions opt;
        const char *text;           /* UTF-8 (invalid input: -EINVAL) */
        size_t len;
        const AnonSpan *force;      /* candidate: "remove this too" */
        size_t n_force;
        const AnonSpan *keep;       /* candidate: "this is not personal" */
        size_t n_keep;
} AnonInput;

typedef struct AnonFinding {
        size_t start, end;          /* byte offsets into the input text */
        AnonCategory category;
        size_t original_length;     /* end - start */
        const char *replacement;    /* text written instead (may be "") */
} AnonFinding;

typedef struct AnonResult {
        char *text;                 /* NUL-terminated anonymised text */
        size_t len;
        AnonFinding *findings;      /* sorted by start, never overlapping */
        size_t n_findings;
        Lang lang;                  /* language used (detected or given) */
} AnonResult;

/* Loads every language's lists from datadir/anonymize once. The engine is
 * read-only afterwards, so threads may share it. Returns an engine owned by
 * the caller (anon_engine_free), or NULL with *ret_err = -ENOENT (missing
 * data), -EINVAL (malformed list), -E2BIG (list over ANON_MAX_LIST_BYTES),
 * -ENOMEM. */
AnonEngine *anon_engine_new(const char *datadir, int *ret_err);
void anon_engine_free(AnonEngine *e); /* NULL-safe */

/* Anonymises one document. *ret and everything in it are owned by arena.
 * Returns 0, -EINVAL (invalid UTF-8, bad span, too many known values),
 * -E2BIG (len > ANON_MAX_INPUT), -ENOMEM. */
int anon_run(const AnonEngine *e, Arena *arena, const AnonInput *in, AnonResult **ret);

/* Streaming: one session per document stream (or per pool, to keep
 * pseudonyms of one job's pool in one map). The session copies what it
 * needs from opt. Returns a session owned by the caller
 * (anon_session_free) or NULL with *ret_err (-EINVAL, -ENOMEM). */
AnonSession *anon_session_new(const AnonEngine *e, const AnonOptions *opt, int *ret_err);
void anon_session_free(AnonSession *s); /* NULL-safe */
/* Anonymises the next chunk. base is the chunk's byte offset in the whole
 * stream; findings' offsets include it. force/keep spans are relative to
 * the whole stream too. The language is detected on the first chunk and
 * kept. Same errors and ownership as anon_run. */
int anon_session_run(AnonSession *s, Arena *arena, const char *text, size_t len, size_t base,
                     const AnonInput *spans, AnonResult **ret);
/* Where to cut buf[0..len) into a chunk of at most max bytes: after the last
 * blank line, else the last newline, else the last space, else a code point
 * boundary. Returns len when len <= max. */
size_t anon_chunk_cut(const char *buf, size_t len, size_t max);

/* "name", "email", ... (static). NULL for an out-of-range value. */
const char *anon_category_name(AnonCategory c);
/* Detects the language of text (stopwords and letters); LANG_EN if unsure. */
Lang anon_detect_lang(const AnonEngine *e, const char *text, size_t len);

#endif
