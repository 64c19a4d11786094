#include "domain/workspace/platform.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "domain/workspace/report.h"

void ws_quarter_of(time_t t, char out[8]) {
        struct tm tm;
        gmtime_r(&t, &tm);
        snprintf(out, 8, "%04uQ%c", (unsigned)(tm.tm_year + 1900) % 10000u, (char)('1' + (tm.tm_mon / 3) % 4));
}

int ws_platform_figure(Store *s, const City *city, const char *metric, const char *quarter, int64_t *ret_value) {
        char first[11], last[11], next[11], next_last[11];
        if (!metric || strcmp(metric, WS_METRIC_JOBS) != 0)
                return -ENOENT;
        if (!quarter || ws_quarter_parse(quarter, first, last, next, next_last) < 0)
                return -EINVAL;
        int64_t n = 0;
        int r = store_jobs_published_in(s, city->name, first, next, &n);
        if (r < 0)
                return r;
        IapPlatformFigure f = { .value = n, .group_size = n };
        return iap_platform_actual(&f, WS_PLATFORM_MIN_GROUP, ret_value);
}

static int set_actual(Arena *a, IapIndicator *in, const char *quarter, int64_t v, bool insufficient) {
        for (size_t i = 0; i < in->n_actuals; i++)
                if (strcmp(in->actuals[i].period, quarter) == 0) {
                        in->actuals[i].value = v;
                        in->actuals[i].insufficient = insufficient;
                        return 0;
                }
        if (in->n_actuals >= IAP_PERIODS_MAX)
                return -E2BIG;
        IapPeriodValue *pv = arena_alloc(a, (in->n_actuals + 1) * sizeof *pv);
        const char *q = arena_strdup(a, quarter);
        if (!pv || !q)
                return -ENOMEM;
        if (in->n_actuals)
                memcpy(pv, in->actuals, in->n_actuals * sizeof *pv);
        pv[in->n_actuals++] = (IapPeriodValue){ .period = q, .value = v, .insufficient = insufficient };
        in->actuals = pv;
        return 0;
}

int ws_platform_fill(Store *s, Arena *a, const City *city, IapPlan *p, const char *quarter) {
        for (size_t i = 0; i < p->n_indicators; i++) {
                IapIndicator *in = &p->indicators[i];
                int64_t v = 0;
                if (!in->platform_metric || strcmp(in->platform_metric, WS_METRIC_JOBS) != 0)
                        continue;
                int r = ws_platform_figure(s, city, in->platform_metric, quarter, &v);
                if (r < 0 && r != -ENODATA)
                        return r;
                r = set_actual(a, in, quarter, r == -ENODATA ? 0 : v, r == -ENODATA);
                if (r < 0 && r != -E2BIG) /* a full list of actuals keeps its stored ones */
                        return r;
        }
        return 0;
}
