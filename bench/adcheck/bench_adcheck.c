/* Throughput of the English ad checker over a JSONL file of ads
 * ({"id","text"} per line). Loads the engine once, then checks every ad
 * ROUNDS times on one thread; prints ads per second on stderr and, with
 * --findings FILE, one JSON line per ad ({"id", "findings": [...]}) for the
 * comparison with alex. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/paths.h"
#include "domain/adcheck/adcheck.h"

#define BENCH_MAX_ADS 10000

typedef struct Ad {
        char *id, *text;
        size_t len;
} Ad;

static size_t load_ads(const char *path, Ad *ads) {
        FILE *f = fopen(path, "r");
        if (!f)
                return 0;
        size_t n = 0;
        char *line = NULL;
        size_t cap = 0;
        while (n < BENCH_MAX_ADS && getline(&line, &cap, f) > 0) {
                json_t *j = json_loads(line, 0, NULL);
                const char *id = json_string_value(json_object_get(j, "id"));
                json_t *t = json_object_get(j, "text");
                if (id && json_is_string(t)) {
                        ads[n].id = strdup(id);
                        ads[n].len = json_string_length(t);
                        ads[n].text = malloc(ads[n].len + 1);
                        memcpy(ads[n].text, json_string_value(t), ads[n].len + 1);
                        n++;
                }
                json_decref(j);
        }
        free(line);
        fclose(f);
        return n;
}

/* Wall time, and CPU time of this process: on a shared machine the CPU
 * figure is the one that says what one core can do. */
static double now_clock(clockid_t c) {
        struct timespec ts;
        clock_gettime(c, &ts);
        return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void dump(FILE *out, const Ad *ad, const AdcheckResult *r) {
        json_t *j = adcheck_result_to_json(r, LANG_EN);
        json_object_set_new(j, "id", json_string(ad->id));
        json_dumpf(j, out, JSON_COMPACT);
        fputc('\n', out);
        json_decref(j);
}

int main(int argc, char **argv) {
        if (argc < 2) {
                fprintf(stderr, "usage: bench_adcheck ADS.jsonl [ROUNDS] [--findings FILE]\n");
                return 2;
        }
        int rounds = argc > 2 && argv[2][0] != '-' ? atoi(argv[2]) : 5;
        const char *fpath = argc > 3 && strcmp(argv[argc - 2], "--findings") == 0 ? argv[argc - 1] : NULL;
        static Ad ads[BENCH_MAX_ADS];
        size_t n = load_ads(argv[1], ads);
        AdcheckEngine *e;
        if (!n || adcheck_engine_load(paths_datadir(), &e) < 0) {
                fprintf(stderr, "bench_adcheck: no ads or no data\n");
                return 1;
        }
        FILE *out = fpath ? fopen(fpath, "w") : NULL;
        size_t checked = 0, bytes = 0;
        double t0 = now_clock(CLOCK_MONOTONIC), c0 = now_clock(CLOCK_PROCESS_CPUTIME_ID);
        for (int round = 0; round < (rounds > 0 ? rounds : 1); round++) {
                for (size_t i = 0; i < n; i++) {
                        Arena *a = arena_new();
                        AdcheckResult *r;
                        if (adcheck_run(e, a, ads[i].text, ads[i].len, LANG_EN, &r) == 0 && round == 0 && out)
                                dump(out, &ads[i], r);
                        checked++;
                        bytes += ads[i].len;
                        arena_free(a);
                }
        }
        double dt = now_clock(CLOCK_MONOTONIC) - t0, dc = now_clock(CLOCK_PROCESS_CPUTIME_ID) - c0;
        printf("ads=%zu checked=%zu seconds=%.3f cpu_seconds=%.3f ads_per_sec=%.0f ads_per_cpu_sec=%.0f "
               "mb_per_cpu_sec=%.2f\n",
               n, checked, dt, dc, (double)checked / dt, (double)checked / dc, (double)bytes / dc / 1e6);
        if (out)
                fclose(out);
        adcheck_engine_free(e);
        for (size_t i = 0; i < n; i++) {
                free(ads[i].id);
                free(ads[i].text);
        }
        return 0;
}
