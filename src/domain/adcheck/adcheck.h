/* Inclusive-wording and EU-rules checker for job ads.
 *
 * The engine holds the per-language data (data/adcheck/<lang>/) and is
 * read-only after adcheck_engine_load(): any number of threads may call
 * adcheck_run() on one engine at once. Each run allocates its results from
 * the caller's arena.
 *
 * Matching works on words: the text is split on Unicode word boundaries and
 * every word is case-folded with its diacritics removed (utf8proc), so
 * "JĘZYK OJCZYSTY", "język ojczysty" and "jezyk ojczysty" match alike.
 * Offsets in findings are byte offsets into the caller's UTF-8 input. */
#ifndef TD_DOMAIN_ADCHECK_H
#define TD_DOMAIN_ADCHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/i18n.h"

/* Longest ad adcheck_run() accepts (bytes); longer input gives -E2BIG. */
#define ADCHECK_MAX_AD_BYTES ((size_t)256 * 1024)
/* Most findings reported for one ad; the rest are dropped (the result says
 * so in `truncated`). */
#define ADCHECK_MAX_FINDINGS 500
/* Largest data file the loader reads (bytes). */
#define ADCHECK_MAX_DATA_FILE ((size_t)1024 * 1024)
/* Most tokens in one pattern line of a data file. */
#define ADCHECK_MAX_PATTERN_TOKENS 12
/* Longest gap "..." in a pattern, in words. */
#define ADCHECK_MAX_GAP_WORDS 4

typedef enum AdcheckCategory {
        ADCHECK_GENDERED_WORDING,
        ADCHECK_GENDERED_TITLE,
        ADCHECK_AGE,
        ADCHECK_NATIVE_LANGUAGE,
        ADCHECK_PHOTO,
        ADCHECK_NATIONALITY,
        ADCHECK_FAMILY_STATUS,
        ADCHECK_APPEARANCE,
        ADCHECK_HEALTH,
        ADCHECK_SALARY_HISTORY,
        ADCHECK_PAY_MISSING,
        ADCHECK_CATEGORY_MAX
} AdcheckCategory;

typedef enum AdcheckSeverity { ADCHECK_WARN, ADCHECK_BLOCK, ADCHECK_SEVERITY_MAX } AdcheckSeverity;

/* Pass as `lang` to adcheck_run() to detect the language of the ad. */
#define ADCHECK_LANG_AUTO ((int)LANG_MAX)

typedef enum AdcheckPeriod {
        ADCHECK_PERIOD_UNKNOWN,
        ADCHECK_PERIOD_HOUR,
        ADCHECK_PERIOD_DAY,
        ADCHECK_PERIOD_WEEK,
        ADCHECK_PERIOD_MONTH,
        ADCHECK_PERIOD_YEAR,
        ADCHECK_PERIOD_MAX
} AdcheckPeriod;

typedef struct AdcheckFinding {
        AdcheckCategory category;
        AdcheckSeverity severity;
        size_t start, end;      /* byte offsets into the input, end exclusive */
        const char *text;       /* input[start..end) copy (arena) */
        const char *message;    /* English msgid (static): translate with i18n_gettext */
        const char *suggestion; /* msgid (static) or data text (engine), see below */
        bool suggestion_is_msgid; /* true: translate it; false: show as is */
        int coded;              /* gendered-wording: +1 masculine, -1 feminine */
} AdcheckFinding;

/* The first pay amount or range found in the ad, if any. */
typedef struct AdcheckPay {
        bool found;
        double min, max;      /* equal for a single amount */
        char currency[4];     /* ISO 4217 ("EUR", "PLN", "RON", ...) or "" */
        AdcheckPeriod period;
        size_t start, end;    /* byte span of the amount/range */
} AdcheckPay;

typedef struct AdcheckResult {
        Lang lang;               /* language checked (given or detected) */
        AdcheckFinding *findings; /* sorted by start offset (arena) */
        size_t n_findings;
        bool truncated;          /* more than ADCHECK_MAX_FINDINGS */
        unsigned masculine, feminine; /* coded words counted */
        AdcheckPay pay;
} AdcheckResult;

typedef struct AdcheckEngine AdcheckEngine;

/* Loads every language under datadir/adcheck/ (datadir as returned by
 * paths_datadir()). Returns 0 and the engine (owned by the caller, free
 * with adcheck_engine_free), -ENOENT when a file is missing, -EINVAL for a
 * malformed data line, -ENOMEM. */
int adcheck_engine_load(const char *datadir, AdcheckEngine **ret_engine);
/* NULL-safe. */
void adcheck_engine_free(AdcheckEngine *e);

/* Checks text[0..len) (UTF-8; invalid bytes are treated as separators).
 * lang is a Lang or ADCHECK_LANG_AUTO. On success returns 0 and *ret_result
 * allocated from arena a (all strings inside are arena- or engine-owned and
 * live as long as both). -EINVAL for a bad argument, -E2BIG when len >
 * ADCHECK_MAX_AD_BYTES, -ENOMEM. */
int adcheck_run(const AdcheckEngine *e, Arena *a, const char *text, size_t len, int lang,
                AdcheckResult **ret_result);

/* Most likely language of text (stop words and script); LANG_EN when
 * nothing decides. */
Lang adcheck_detect_lang(const AdcheckEngine *e, const char *text, size_t len);

/* True when any finding has severity block. */
bool adcheck_result_blocks(const AdcheckResult *r);

/* "gendered-wording", ... (static); NULL for an out-of-range value. */
const char *adcheck_category_name(AdcheckCategory c);
/* Returns 0 and sets *ret, or -EINVAL. */
int adcheck_category_parse(const char *s, AdcheckCategory *ret);
AdcheckSeverity adcheck_category_severity(AdcheckCategory c);
/* "warn" / "block" (static). */
const char *adcheck_severity_name(AdcheckSeverity s);
/* "hour", "month", ... or "" (static). */
const char *adcheck_period_name(AdcheckPeriod p);

/* JSON form shared by `techdiv check-ad --format json` and
 * POST /api/v1/adcheck:
 * {"lang", "findings": [{"category","start","end","text","severity",
 *  "message","suggestion"}], "coded": {"masculine","feminine"}}
 * with message and suggestion translated into ui_lang. Returns a new
 * reference (caller json_decref()s it), NULL on out-of-memory. The type is
 * jansson's json_t. */
struct json_t;
struct json_t *adcheck_result_to_json(const AdcheckResult *r, Lang ui_lang);

#endif
