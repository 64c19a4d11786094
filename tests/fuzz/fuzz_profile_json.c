/* Fuzz target: the profile JSON reader (PUT /api/v1/me/profile) and the
 * writer on what it accepted. */
#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/profiles/profile_json.h"
#include "fuzz_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        Arena *a = arena_new();
        Profile p;
        ProfileIoError err;
        if (a && profile_json_read(a, (const char *)data, size, NULL, &p, &err) == 0) {
                StrBuf out;
                strbuf_init(&out, 0);
                profile_json_write(&p, &out);
                strbuf_free(&out);
        }
        arena_free(a);
        return 0;
}
