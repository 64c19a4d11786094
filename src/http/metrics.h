/* Request counters and latency histograms per route (Prometheus text). */
#ifndef TD_HTTP_METRICS_H
#define TD_HTTP_METRICS_H

#include "core/strbuf.h"
#include "http/http.h"

typedef struct Metrics Metrics;

/* Returns a new Metrics for the route table (caller owns; metrics_free). */
Metrics *metrics_new(const Route *routes, int nroutes);
void metrics_free(Metrics *m);
/* route_index < 0 counts as "unmatched". Thread-safe (atomics). */
void metrics_observe(Metrics *m, int route_index, int status, double seconds);
void metrics_write(Metrics *m, StrBuf *out);

#endif
