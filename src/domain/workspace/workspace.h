/* A city's Integrated Action Plan workspace: assembling the plan from its
 * stored records, and loading the demo plans. */
#ifndef TD_DOMAIN_WORKSPACE_H
#define TD_DOMAIN_WORKSPACE_H

#include "domain/iap/plan.h"
#include "domain/workspace/plan_json.h"
#include "store/store.h"

#define WS_DEMO_FILE_MAX ((size_t)2 << 20)

/* Builds city's plan from the store into *ret (everything in arena a).
 * A city without records gets an empty plan. -EIO/-ENOMEM from the store,
 * -EINVAL when a stored record does not decode. */
int ws_load(Store *s, Arena *a, const City *city, IapPlan *ret);

/* Loads every data/demo/plans/SLUG.json under dir in one transaction: each
 * file's records are decoded and the whole plan validated before anything
 * is stored. On error *ret_file and *ret_field (static or arena) say where. */
int ws_import_demo(Store *s, const char *dir, int *ret_records, const char **ret_file, const char **ret_field);

#endif
