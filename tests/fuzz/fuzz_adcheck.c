/* Fuzz target for the ad checker: any bytes, any language, must not crash,
 * leak or report offsets outside the input.
 * libFuzzer: clang -fsanitize=fuzzer,address ... (data from $TECHDIV_DATA or
 * the source tree). Standalone (-DFUZZ_STANDALONE): fuzz_adcheck FILE...
 * runs each file once, for corpora and crash reproduction with gcc. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/paths.h"
#include "domain/adcheck/adcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static AdcheckEngine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        if (!engine && adcheck_engine_load(paths_datadir(), &engine) < 0)
                abort(); /* the data must load: a fuzzing set-up error */
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

#ifdef FUZZ_STANDALONE
int main(int argc, char **argv) {
        for (int i = 1; i < argc; i++) {
                FILE *f = fopen(argv[i], "rb");
                if (!f) {
                        perror(argv[i]);
                        return 1;
                }
                static uint8_t buf[ADCHECK_MAX_AD_BYTES + 1];
                size_t n = fread(buf, 1, sizeof(buf), f);
                fclose(f);
                LLVMFuzzerTestOneInput(buf, n);
        }
        adcheck_engine_free(engine);
        printf("fuzz_adcheck: %d inputs ok\n", argc - 1);
        return 0;
}
#endif
