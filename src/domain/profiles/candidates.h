/* Bulk candidate profiles in JSON Lines (`techdiv import candidates`):
 * one JSON object per line,
 *   {"external_id": "c-001",
 *    "skills": [{"uri": "http://data.europa.eu/esco/skill/...", "level": 3}],
 *    "languages": [{"code": "en", "level": "B2"}, {"code": "ro", "level": "native"}],
 *    "cities": ["Arezzo"], "remote": "hybrid"}
 * skills/languages/cities/remote are optional; "level" of a skill is 1..4
 * (optional), of a language A1..C2 or "native". "remote" is one of "no",
 * "hybrid", "only", "any", or a boolean (true = "any", false = "no").
 * Unknown keys are ignored (newer exporters), blank lines skipped.
 *
 * The parser streams: each valid line goes to a callback at once. To store
 * nothing from a malformed file, the caller either runs a validating pass
 * first (NULL callback) or loads inside one transaction it rolls back. */
#ifndef TD_DOMAIN_PROFILES_CANDIDATES_H
#define TD_DOMAIN_PROFILES_CANDIDATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "domain/profiles/profile.h"

#define CANDIDATES_MAX_LINE_BYTES (64 * 1024)
#define CANDIDATES_MAX_RECORDS 10000000UL
#define CANDIDATES_MAX_ID_BYTES 128
#define CANDIDATES_MAX_URI_BYTES 256
#define CANDIDATES_MAX_CITY_BYTES 128
#define CANDIDATES_ESCO_SKILL_PREFIX "http://data.europa.eu/esco/skill/"

typedef struct CandidateSkill {
        const char *uri;
        int level; /* 1..4; 0 = not given */
} CandidateSkill;

typedef struct CandidateRecord {
        unsigned long line;
        const char *external_id;
        CandidateSkill skills[PROFILE_MAX_SKILLS];
        size_t n_skills;
        ProfileLanguage languages[PROFILE_MAX_LANGUAGES];
        size_t n_languages;
        const char *cities[PROFILE_MAX_CITIES];
        size_t n_cities;
        RemotePreference remote;
} CandidateRecord;

/* Strings in the record are valid during the call only. Non-zero stops
 * the read and is returned. */
typedef int (*CandidateFn)(void *userdata, const CandidateRecord *r);

typedef struct CandidatesError {
        unsigned long line; /* 1-based */
        const char *msgid;  /* N_() English message (static) */
        char detail[160];   /* untranslated: the field or the JSON parser's words */
} CandidatesError;

/* Reads all lines of f. fn may be NULL (validate only). *ret_count (may be
 * NULL) gets the number of records read. Returns 0, -EINVAL (a malformed
 * line: err says which and why), -E2BIG (a line or the file over a
 * limit), -EIO, -ENOMEM, or fn's non-zero return. */
int candidates_read_file(FILE *f, CandidateFn fn, void *userdata, unsigned long *ret_count, CandidatesError *err);
/* Same over a buffer. */
int candidates_read_buffer(const char *data, size_t len, CandidateFn fn, void *userdata, unsigned long *ret_count,
                           CandidatesError *err);
/* Parses one line (without its newline) into *r (strings point into
 * scratch state valid until the next call with the same *state; free it
 * with candidates_line_free). Exposed for fuzzing and tests. */
typedef struct CandidateLineState CandidateLineState;
int candidates_parse_line(CandidateLineState **state, const char *line, size_t len, CandidateRecord *r,
                          CandidatesError *err);
void candidates_line_free(CandidateLineState *state);

#endif
