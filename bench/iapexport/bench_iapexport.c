/* Times the export of a full demo IAP (8 strategic + 8 specific
 * objectives, 30 actions, 40 indicators, risks, milestones, meetings;
 * Greek and English text): document build + render, per format. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "domain/iap/export.h"
#include "iap_fixture.h"

static int cmp(const void *a, const void *b) {
        double x = *(const double *)a, y = *(const double *)b;
        return x < y ? -1 : x > y;
}

/* Wall and CPU time: the CPU time of this process is steadier on a shared
 * machine. */
static double clock_ms(clockid_t id) {
        struct timespec ts;
        clock_gettime(id, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double median(double *v, int n) {
        qsort(v, (size_t)n, sizeof *v, cmp);
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv) {
        int runs = argc > 1 ? atoi(argv[1]) : 10;
        if (runs < 1 || runs > 1000)
                runs = 10;
        fixture_register_catalogues();
        IapTools *tools;
        if (iap_tools_load(NULL, &tools, NULL) < 0) {
                fprintf(stderr, "cannot load data/iap\n");
                return 1;
        }
        Arena *a = arena_new();
        IapPlan *p = fixture_plan(a, 30, 40);
        double *t = calloc((size_t)runs, sizeof *t), *cpu = calloc((size_t)runs, sizeof *cpu);
        printf("demo IAP: %zu objectives, %zu actions, %zu indicators, %zu meetings; Greek + English; %d runs\n",
               p->n_objectives, p->n_actions, p->n_indicators, p->n_meetings, runs);
        int rc = 0;
        for (int f = 0; f < DOC_FORMAT_MAX; f++) {
                size_t size = 0;
                for (int i = 0; i < runs; i++) {
                        StrBuf b = STRBUF_INIT;
                        double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
                        int r = iap_export(p, tools, LANG_EL, (DocFormat)f, &b);
                        t[i] = clock_ms(CLOCK_MONOTONIC) - t0;
                        cpu[i] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
                        size = b.len;
                        strbuf_free(&b);
                        if (r < 0) {
                                fprintf(stderr, "export %s failed: %d\n", doc_format_ext((DocFormat)f), r);
                                rc = 1;
                        }
                }
                double first = t[0]; /* the first PDF run also loads fonts, as a CLI export does */
                double med = median(t, runs), cmed = median(cpu, runs);
                printf("%-5s first %6.1f ms  min %6.1f ms  median %6.1f ms  cpu median %6.1f ms  %7zu bytes  "
                       "target 1000 ms: median %.1fx under\n",
                       doc_format_ext((DocFormat)f), first, t[0], med, cmed, size, 1000.0 / med);
        }
        free(t);
        free(cpu);
        arena_free(a);
        iap_tools_free(tools);
        return rc;
}
