/* The quarterly network report, assembled from the cities' plans (meetings
 * held, decisions, progress) and the network calendar (what comes next). */
#ifndef TD_DOMAIN_WORKSPACE_REPORT_H
#define TD_DOMAIN_WORKSPACE_REPORT_H

#include "domain/iap/export.h"
#include "store/store.h"

/* Parses "2024Q2" into its first and last day ("2024-04-01", "2024-06-30")
 * and those of the next quarter. Returns 0 or -EINVAL. */
int ws_quarter_parse(const char *q, char first[11], char last[11], char next_first[11], char next_last[11]);

/* Builds the report of quarter q in lang; everything in arena a. */
int ws_quarter_report(Store *s, Arena *a, const char *q, Lang lang, IapReport *ret);

#endif
