/* Integration self-assessment rounds of a city: the table of the 12 aspects
 * of integrated urban development and the URBACT integration grid, filled
 * in together and kept as "round" records beside the plan (marked
 * "tool": "integration", beside the rubric's rounds of rounds.h). Every
 * round stays with its date, so a city sees what changed from one round to
 * the next, the network sees every city side by side, and the latest round
 * reaches section 2 of the plan and its exports.
 *
 * A record: {"id": "integration-N", "tool": "integration", "date",
 * "versions": {"aspects12": 2, "integration_grid": 2},
 * "aspects12": {ITEM: {COLUMN: "option id" | bilingual text}},
 * "integration_grid": {...}}. The columns come from the definition files. */
#ifndef TD_DOMAIN_WORKSPACE_SELFCHECK_H
#define TD_DOMAIN_WORKSPACE_SELFCHECK_H

#include "domain/iap/answers.h"
#include "domain/workspace/edit.h"

#define WS_SELFCHECK_ROUNDS_MAX 40   /* self-assessment rounds a city keeps */
#define WS_SELFCHECK_TEXT_MAX   2000 /* bytes of one answer in one language */
#define WS_SELFCHECK_TOOL "integration"

/* The two tools of a round, in form order. */
typedef enum WsSelfTool { WS_SELF_ASPECTS, WS_SELF_GRID, WS_SELF_TOOL_MAX } WsSelfTool;

typedef struct WsSelfCheck {
        const char *id;
        IapSelfCheck sc; /* date, aspects, grid */
} WsSelfCheck;

/* The definition file of t. */
IapToolId ws_self_tool_id(WsSelfTool t);
/* The answers of t in sc. */
const IapAnswers *ws_self_answers(const IapSelfCheck *sc, WsSelfTool t);

/* Whether a stored round record is a self-assessment (else a rubric round). */
bool ws_selfcheck_is(json_t *rec);

/* Form field name of (tool, item, column): "a_ITEM_COLUMN" for the
 * aspects, "g_ITEM_COLUMN" for the grid; text columns add "_local" /
 * "_en" (ws_name_local / ws_name_en). Arena string. */
const char *ws_self_field(Arena *a, WsSelfTool t, const char *item, const char *column);

/* Decodes a stored self-assessment record (a city working in local).
 * Strings are copied into a. -EINVAL for a record of the wrong shape. */
int ws_selfcheck_decode(Arena *a, json_t *rec, Lang local, WsSelfCheck *ret);

/* The self-assessment rounds of a city, by date (rounds of one date in
 * the order saved); arena-owned. */
int ws_selfchecks_load(Store *s, Arena *a, const City *city, WsSelfCheck **ret, size_t *ret_n);

/* Reads a new round from the form over base (the stored record the form
 * was filled from, NULL for none): "date", and per item and column of the
 * tools a choice ("" none, or an option id) or a text in the city's
 * language and/or English (source and stale marks as in ws_form_apply).
 * tools[t] is the definition of WsSelfTool t. Returns 0 and the record in
 * *ret_doc (a new reference), or -EINVAL with problems (field names are the
 * form's, text fields by their stem). */
int ws_selfcheck_read(Arena *a, const IapTool *const tools[WS_SELF_TOOL_MAX], Lang local, json_t *base, WsGetFn get,
                      void *ctx, json_t **ret_doc, WsProblem *out, size_t *ret_n);

/* Reads and stores a new round for city. The form names the round it was
 * filled from ("base": the latest round then, "" for none). A submit with
 * the date and answers of a stored round (a repeated submit) stores
 * nothing and returns 0 with that round's id; otherwise, when the latest
 * round is no longer base (someone saved a round since), -EEXIST and
 * nothing is stored. -EINVAL with problems, -E2BIG past
 * WS_SELFCHECK_ROUNDS_MAX. */
int ws_selfcheck_save(Store *s, Arena *a, const City *city, const IapTool *const tools[WS_SELF_TOOL_MAX], WsGetFn get,
                      void *ctx, WsSaveResult *ret);

/* The stored record of the latest round (a new reference; NULL for none):
 * the base of the next round's form. */
int ws_selfcheck_latest(Store *s, Arena *a, const City *city, json_t **ret, const char **ret_id);

/* ws_plan_add for a self-assessment record: keeps the latest (by date,
 * then as saved) in p->selfcheck. */
int ws_selfcheck_plan_add(Arena *a, IapPlan *p, json_t *rec);

#endif
