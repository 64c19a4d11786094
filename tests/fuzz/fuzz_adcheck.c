/* Fuzz target for the ad checker: any bytes, any language, must not crash,
 * leak or report offsets outside the input.
 * libFuzzer: clang -fsanitize=fuzzer,address ... (data from $TECHDIV_DATA or
 * the source tree). Standalone (-DFUZZ_STANDALONE): fuzz_adcheck FILE|DIR...
 * runs each file once (fuzz_driver.h), for corpora and crash reproduction. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/paths.h"
#include "domain/adcheck/adcheck.h"
#include "fuzz_driver.h"

static AdcheckEngine *engine;

static void engine_free(void) {
        adcheck_engine_free(engine);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        if (!engine) {
                if (adcheck_engine_load(paths_datadir(), &engine) < 0)
                        abort(); /* the data must load: a fuzzing set-up error */
                atexit(engine_free);
        }
        int lang = size ? data[0] % (ADCHECK_LANG_AUTO + 1) : ADCHECK_LANG_AUTO;
        Arena *a = arena_new();
        AdcheckResult *r = NULL;
        if (a && adcheck_run(engine, a, (const char *)data, size, lang, &r) == 0) {
                for (size_t i = 0; i < r->n_findings; i++)
                        if (r->findings[i].start > r->findings[i].end || r->findings[i].end > size)
                                abort();
        }
        arena_free(a);
        return 0;
}
