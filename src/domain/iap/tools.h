/* The URBACT tools (rubrics, grids, canvases, forms, table layouts) as
 * definition files under data/iap/, loaded once at start so the network can
 * revise a tool without a rebuild. Also the arithmetic done on them: rubric
 * section totals, before/after comparison of scoring rounds and confidence
 * poll statistics. Everything is integer arithmetic. */
#ifndef TD_DOMAIN_IAP_TOOLS_H
#define TD_DOMAIN_IAP_TOOLS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/i18n.h"

#define IAP_TOOL_FILE_MAX   ((size_t)1024 * 1024) /* bytes of one definition file */
#define IAP_TOOL_ITEMS_MAX  256                   /* items per section, columns, options, notes */
#define IAP_TOOL_SECTIONS_MAX 32
#define IAP_LABEL_MAX       4000                  /* bytes of one label in one language */
#define IAP_ID_MAX          64                    /* bytes of an identifier: [a-z0-9_] */
#define IAP_POLL_SCALE_MAX  100                   /* highest allowed top of a poll scale */

typedef enum IapToolId {
        IAP_TOOL_ASPECTS12,
        IAP_TOOL_INTEGRATION_GRID,
        IAP_TOOL_RUBRIC,
        IAP_TOOL_CONFIDENCE_POLL,
        IAP_TOOL_TESTING_CANVAS,
        IAP_TOOL_GOOD_PRACTICE,
        IAP_TOOL_CASE_EXAMPLE,
        IAP_TOOL_CITY_ACTION_TABLE,
        IAP_TOOL_ACTION_DETAILS,
        IAP_TOOL_IAP_STRUCTURE,
        IAP_TOOL_MAX
} IapToolId;

typedef enum IapFieldType {
        IAP_FIELD_TEXT,
        IAP_FIELD_CHOICE,
        IAP_FIELD_SCORE,
        IAP_FIELD_NUMBER,
        IAP_FIELD_INFO, /* read-only guidance shown beside the answers */
        IAP_FIELD_TYPE_MAX
} IapFieldType;

/* One text per language; s[LANG_EN] is never NULL, others may be. */
typedef struct IapLabel {
        const char *s[LANG_MAX];
} IapLabel;

typedef struct IapOption {
        const char *id;
        IapLabel label;
} IapOption;

typedef struct IapColumn {
        const char *id;
        IapFieldType type;
        IapLabel label;
        IapLabel help; /* help.s[LANG_EN] NULL when absent */
        IapOption *options;
        size_t n_options;
} IapColumn;

/* Indices into IapItem.indications for the scores 1, 3 and 5. */
#define IAP_INDICATION_1 0
#define IAP_INDICATION_3 1
#define IAP_INDICATION_5 2

typedef struct IapItem {
        const char *id;
        IapLabel label;
        IapFieldType type;
        IapOption *options;
        size_t n_options;
        IapLabel *notes;
        size_t n_notes;
        IapLabel indications[3];
        bool has_indications;
        bool personal; /* holds personal data (contact details) */
} IapItem;

typedef struct IapSection {
        const char *id;
        IapLabel label;
        IapItem *items;
        size_t n_items;
} IapSection;

typedef struct IapTool {
        const char *id; /* equals the file name without ".json" */
        int version;
        const char *source;
        IapLabel title, description;
        IapColumn *columns;
        size_t n_columns;
        IapSection *sections;
        size_t n_sections;
        int scale_min, scale_max; /* poll only, else 0 */
} IapTool;

/* All tools; owns one arena holding every string. */
typedef struct IapTools {
        Arena *arena;
        IapTool *tool[IAP_TOOL_MAX];
} IapTools;

/* Where a definition file is wrong. msgid is an English msgid (N_-marked)
 * for i18n_gettext; field is a JSON path such as
 * "sections[1].items[3].indications.5.el". */
typedef struct IapLoadError {
        char file[80];
        char field[160];
        const char *msgid;
        int line; /* JSON syntax errors only, else 0 */
} IapLoadError;

/* "aspects12", ... (static); NULL for an out-of-range id. */
const char *iap_tool_name(IapToolId id);

/* Parses one definition file held in memory. name is the expected tool id.
 * On success *ret is arena-owned. On failure returns -EINVAL (or -E2BIG over
 * a limit, -ENOMEM) and fills *err (err may be NULL). */
int iap_tool_parse(Arena *a, const char *name, const char *json, size_t len, IapTool **ret,
                   IapLoadError *err);

/* Loads every tool from dir (NULL: paths_datadir()/iap). On success *ret is
 * owned by the caller (iap_tools_free). -ENOENT when a file is missing,
 * -EINVAL/-E2BIG for a malformed one; *err names the file and the field. */
int iap_tools_load(const char *dir, IapTools **ret, IapLoadError *err);
/* NULL-safe. */
void iap_tools_free(IapTools *t);
const IapTool *iap_tools_get(const IapTools *t, IapToolId id);

/* The label in lang, else English (owned by the tool). */
const char *iap_label(const IapLabel *l, Lang lang);
/* Finds an item by id; NULL when absent. *ret_section (may be NULL) gets
 * the index of its section. */
const IapItem *iap_tool_find_item(const IapTool *t, const char *id, size_t *ret_section);

/* --- Action Planning Table rubric --- */

#define IAP_SCORE_UNSCORED 0
#define IAP_SCORE_TOP      5
#define IAP_EVIDENCE_MAX   8000 /* bytes of evidence for one score */

typedef struct IapScore {
        const char *indicator; /* item id */
        int score;             /* 0 (not yet scored), 1, 3 or 5 */
        const char *evidence;  /* UTF-8, may be NULL */
} IapScore;

/* One scoring round, kept with the version of the tool it was scored with. */
typedef struct IapRound {
        const char *date; /* YYYY-MM-DD */
        int tool_version;
        const IapScore *scores;
        size_t n_scores;
} IapRound;

typedef struct IapSectionTotal {
        const char *section; /* section id, owned by the tool; NULL for the grand total */
        int total, max;      /* max = 5 per indicator */
        size_t scored, n;    /* indicators scored (non-zero) / in the section */
} IapSectionTotal;

/* true for 0, 1, 3, 5. */
bool iap_score_valid(int score);

/* Checks a round against the rubric: known indicators, each at most once,
 * valid scores, evidence valid UTF-8 within IAP_EVIDENCE_MAX, date
 * YYYY-MM-DD. Returns 0, or -EINVAL / -E2BIG and (if not NULL) sets
 * *problem_indicator (owned by the round, NULL for round-level problems) and
 * *problem_msgid. */
int iap_round_check(const IapTool *rubric, const IapRound *r, const char **problem_indicator,
                    const char **problem_msgid);

/* Section totals of a checked round. out must hold rubric->n_sections
 * entries (cap); *ret_grand gets the total over all sections (may be NULL).
 * Indicators the round does not mention count as unscored. -E2BIG when cap
 * is too small, -EINVAL for a round that fails iap_round_check. */
int iap_round_totals(const IapTool *rubric, const IapRound *r, IapSectionTotal *out, size_t cap,
                     IapSectionTotal *ret_grand);

typedef struct IapCompareRow {
        const char *section, *indicator; /* owned by the tool */
        int before, after, delta;
} IapCompareRow;

typedef struct IapComparison {
        IapCompareRow *rows; /* one per rubric indicator, in rubric order */
        size_t n_rows;
        IapSectionTotal *before, *after; /* n_sections each */
        size_t n_sections;
        IapSectionTotal before_grand, after_grand;
        bool version_differs; /* rounds scored against different tool versions */
} IapComparison;

/* Before/after comparison of two rounds; *ret is arena-owned. */
int iap_round_compare(Arena *a, const IapTool *rubric, const IapRound *before,
                      const IapRound *after, IapComparison **ret);

/* --- Confidence poll --- */

typedef struct IapPollStats {
        size_t n;
        int mean_x10;   /* mean × 10, rounded half up; 0 when n == 0 */
        int median_x10; /* median × 10; 0 when n == 0 */
        size_t dist[IAP_POLL_SCALE_MAX + 1]; /* dist[v] answers with value v */
} IapPollStats;

/* Statistics of answers on the scale [lo, hi] (1 <= lo < hi <=
 * IAP_POLL_SCALE_MAX). -EINVAL for a bad scale or an answer outside it
 * (then *ret is untouched). n may be 0. */
int iap_poll_stats(int lo, int hi, const int *answers, size_t n, IapPollStats *ret);

#endif
