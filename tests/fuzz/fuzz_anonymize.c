/* Fuzz target for the anonymiser: any byte sequence, no crash, and the
 * output is always valid UTF-8 (invalid input is sanitised first, as the
 * CLI does). Build with clang -fsanitize=fuzzer, or with -DFUZZ_STANDALONE
 * to run over files given on the command line (each file is one input). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/paths.h"
#include "core/utf8.h"
#include "domain/anonymize/anonymize.h"
#include "fuzz_driver.h"

static AnonEngine *engine(void) {
        static AnonEngine *e;
        int err;
        if (!e && !(e = anon_engine_new(paths_datadir(), &err))) {
                fprintf(stderr, "fuzz_anonymize: cannot load data (%d)\n", err);
                abort();
        }
        return e;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        Arena *a = arena_new();
        if (!a)
                return 0;
        char *text = utf8_sanitize(a, (const char *)data, size);
        AnonInput in = { .text = text, .len = text ? strlen(text) : 0, .opt.lang_auto = true };
        in.opt.first_name_is_candidate = size % 2;
        static const char *const names[] = { "Anna Kowalska" };
        if (size % 3 == 0)
                in.opt.known.names = names, in.opt.known.n_names = 1;
        AnonSpan keep = { 1, 3 }, force = { 2, 5 };
        if (in.len > 6 && size % 5 == 0)
                in.keep = &keep, in.n_keep = 1, in.force = &force, in.n_force = 1;
        AnonResult *r;
        if (text && anon_run(engine(), a, &in, &r) == 0) {
                if (!utf8_valid(r->text, r->len) || strlen(r->text) != r->len)
                        abort();
                for (size_t i = 0; i < r->n_findings; i++)
                        if (r->findings[i].end > in.len || r->findings[i].start >= r->findings[i].end ||
                            (i && r->findings[i].start < r->findings[i - 1].end))
                                abort();
        }
        arena_free(a);
        return 0;
}
