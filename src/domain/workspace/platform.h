/* Indicators whose actuals come from the job platform's own data, shown
 * only for groups of at least WS_PLATFORM_MIN_GROUP (below it: "not enough
 * data" and no figure, so nobody can be singled out). */
#ifndef TD_DOMAIN_WORKSPACE_PLATFORM_H
#define TD_DOMAIN_WORKSPACE_PLATFORM_H

#include <time.h>

#include "domain/iap/plan.h"
#include "store/store.h"

#define WS_PLATFORM_MIN_GROUP 5 /* postings behind a figure before it is shown */
#define WS_METRIC_JOBS "jobs.published" /* postings published in the city in the quarter */

/* "2026Q4" for the UTC quarter of t, into out. */
void ws_quarter_of(time_t t, char out[8]);

/* The figure of metric for city in quarter ("2026Q4"): 0 and *ret_value,
 * -ENODATA below WS_PLATFORM_MIN_GROUP, -ENOENT for an unknown metric,
 * -EINVAL for a bad quarter, -EIO from the store. */
int ws_platform_figure(Store *s, const City *city, const char *metric, const char *quarter, int64_t *ret_value);

/* Sets the actual of quarter for every indicator of p on a known platform
 * metric (value, or insufficient below the minimum group size), replacing
 * a stored actual of that period (an indicator that already holds
 * IAP_PERIODS_MAX other actuals is left as it is). Indicators on other
 * metrics keep theirs. */
int ws_platform_fill(Store *s, Arena *a, const City *city, IapPlan *p, const char *quarter);

#endif
