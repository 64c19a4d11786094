/* Fuzz target: the bulk candidates JSONL parser. */
#include "domain/profiles/candidates.h"
#include "fuzz_driver.h"

static int count(void *ud, const CandidateRecord *r) {
        (*(size_t *)ud) += r->n_skills + r->n_languages + r->n_cities;
        return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        size_t n = 0;
        CandidatesError err;
        candidates_read_buffer((const char *)data, size, count, &n, NULL, &err);
        return 0;
}
