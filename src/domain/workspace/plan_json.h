/* The JSON form of Integrated Action Plan records: how each record of a
 * city's plan is stored (one JSON object per record, see store_iap_*) and
 * how the demo plans are written (data/demo/plans/SLUG.json).
 *
 * Bilingual fields are {"en": "...", "local": "...", "source": "en"|"local",
 * "stale": false}; a plain string means English only. */
#ifndef TD_DOMAIN_WORKSPACE_PLAN_JSON_H
#define TD_DOMAIN_WORKSPACE_PLAN_JSON_H

#include <jansson.h>

#include "core/arena.h"
#include "domain/iap/plan.h"

/* Record kinds, in the order a plan is assembled. A rubric scoring round
 * ("round", see rounds.h) is kept beside the plan and not part of it. */
typedef enum WsKind {
        WS_PLAN, WS_PROBLEM, WS_OBJECTIVE, WS_ACTION, WS_INDICATOR, WS_TESTING, WS_PRACTICE, WS_MEETING,
        WS_STAKEHOLDER, WS_ROUND, WS_KIND_MAX
} WsKind;

/* "plan", "problem", ... (static); NULL when out of range. */
const char *ws_kind_name(WsKind k);
int ws_kind_parse(const char *s, WsKind *ret);

/* Adds one record (a decoded JSON object of kind k) to p, growing its
 * arrays in arena a (p->lang must be set: it is the local language of every
 * text). Strings are copied into a. Returns 0, -EINVAL for a record of the
 * wrong shape (*ret_field names the first bad field, static), -E2BIG past
 * IAP_RECORDS_MAX, -ENOMEM. */
int ws_plan_add(Arena *a, IapPlan *p, WsKind k, json_t *rec, const char **ret_field);

#endif
