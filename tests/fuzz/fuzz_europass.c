/* Fuzz target: Europass CV XML import (and export of what was imported). */
#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/profiles/profile_io.h"
#include "fuzz_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        Arena *a = arena_new();
        Profile p;
        ProfileIdentity id;
        ProfileIoError err;
        ProfileImportOptions opt = {"2025-06-01", NULL};
        if (a && europass_import(a, (const char *)data, size, &opt, &p, &id, &err) == 0) {
                StrBuf out;
                strbuf_init(&out, 0);
                europass_export(&p, &id, &out);
                strbuf_free(&out);
        }
        arena_free(a);
        return 0;
}
