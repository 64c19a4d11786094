/* Fuzz target for the job JSON reader (POST/PATCH bodies): any bytes must
 * give a job or a list of problems, never a crash or a half-changed job.
 * libFuzzer: clang -fsanitize=fuzzer,address ...; standalone
 * (-DFUZZ_STANDALONE): fuzz_jobs_json FILE... */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/jobs/jobs.h"
#include "fuzz_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        json_t *j = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
        if (!j)
                return 0;
        Arena *a = arena_new();
        Job job = { 0 }, before = job;
        JobProblem *p = NULL;
        size_t n = 0;
        if (a && jobs_from_json(a, j, &job, &p, &n) == 0) {
                if (n && memcmp(&job, &before, sizeof(job)) != 0)
                        abort(); /* a refused body must change nothing */
                json_t *back = n ? NULL : jobs_to_json(&job);
                json_decref(back);
        }
        arena_free(a);
        json_decref(j);
        return 0;
}
