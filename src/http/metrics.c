#include "http/metrics.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static const double buckets[] = { 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5 };
#define NBUCKETS (sizeof(buckets) / sizeof(buckets[0]))
#define NCLASSES 5 /* 1xx..5xx */

typedef struct RouteMetrics {
        atomic_uint_fast64_t by_class[NCLASSES];
        atomic_uint_fast64_t bucket[NBUCKETS + 1];
        atomic_uint_fast64_t sum_us;
} RouteMetrics;

struct Metrics {
        const Route *routes;
        int nroutes;
        RouteMetrics *per; /* nroutes + 1 (unmatched last) */
};

Metrics *metrics_new(const Route *routes, int nroutes) {
        Metrics *m = calloc(1, sizeof(*m));
        if (!m)
                return NULL;
        m->per = calloc((size_t)nroutes + 1, sizeof(RouteMetrics));
        if (!m->per) {
                free(m);
                return NULL;
        }
        m->routes = routes;
        m->nroutes = nroutes;
        return m;
}

void metrics_free(Metrics *m) {
        if (!m)
                return;
        free(m->per);
        free(m);
}

void metrics_observe(Metrics *m, int route_index, int status, double seconds) {
        RouteMetrics *r = &m->per[route_index >= 0 && route_index < m->nroutes ? route_index : m->nroutes];
        int cls = status / 100 - 1;
        if (cls >= 0 && cls < NCLASSES)
                atomic_fetch_add(&r->by_class[cls], 1);
        size_t b = 0;
        while (b < NBUCKETS && seconds > buckets[b])
                b++;
        atomic_fetch_add(&r->bucket[b], 1);
        atomic_fetch_add(&r->sum_us, (uint_fast64_t)(seconds * 1e6));
}

static void write_counts(StrBuf *out, const char *label, const char *method, RouteMetrics *r) {
        for (int c = 0; c < NCLASSES; c++) {
                uint64_t n = atomic_load(&r->by_class[c]);
                if (n)
                        strbuf_printf(out, "techdiv_http_requests_total{route=\"%s\",method=\"%s\",code=\"%dxx\"} %llu\n",
                                      label, method, c + 1, (unsigned long long)n);
        }
}

static void write_histogram(StrBuf *out, const char *label, const char *method, RouteMetrics *r) {
        uint64_t total = 0;
        for (size_t b = 0; b <= NBUCKETS; b++) {
                total += atomic_load(&r->bucket[b]);
                char le[16];
                if (b < NBUCKETS)
                        snprintf(le, sizeof(le), "%g", buckets[b]);
                else
                        snprintf(le, sizeof(le), "+Inf");
                strbuf_printf(out, "techdiv_http_request_duration_seconds_bucket{route=\"%s\",method=\"%s\",le=\"%s\"} %llu\n",
                              label, method, le, (unsigned long long)total);
        }
        strbuf_printf(out, "techdiv_http_request_duration_seconds_sum{route=\"%s\",method=\"%s\"} %.6f\n", label,
                      method, (double)atomic_load(&r->sum_us) / 1e6);
        strbuf_printf(out, "techdiv_http_request_duration_seconds_count{route=\"%s\",method=\"%s\"} %llu\n", label,
                      method, (unsigned long long)total);
}

void metrics_write(Metrics *m, StrBuf *out) {
        /* Route patterns are literals from the route table: no escaping needed.
         * Each metric family is written as one group, as the format requires. */
        strbuf_puts(out, "# HELP techdiv_http_requests_total HTTP requests by route, method and status class.\n"
                         "# TYPE techdiv_http_requests_total counter\n");
        for (int i = 0; i < m->nroutes; i++)
                write_counts(out, m->routes[i].pattern, m->routes[i].method, &m->per[i]);
        write_counts(out, "unmatched", "ANY", &m->per[m->nroutes]);
        strbuf_puts(out, "# HELP techdiv_http_request_duration_seconds Time to produce a response.\n"
                         "# TYPE techdiv_http_request_duration_seconds histogram\n");
        for (int i = 0; i < m->nroutes; i++)
                write_histogram(out, m->routes[i].pattern, m->routes[i].method, &m->per[i]);
        write_histogram(out, "unmatched", "ANY", &m->per[m->nroutes]);
}
