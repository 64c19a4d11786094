/* Fuzz target for a stakeholder's contact person: the input is split at
 * '\n' into name, e-mail, phone and date of agreement. A contact that
 * parses must have valid shapes and seal/open-free JSON values; each line
 * also goes through the e-mail and phone checks on its own. */
#include <string.h>

#include "domain/workspace/stakeholder.h"
#include "fuzz_driver.h"

static const char *const NAMES[] = { "contact_name", "contact_email", "contact_phone", "contact_agreed" };

typedef struct In {
        const char *values[4];
} In;

static const char *get(void *ctx, const char *name) {
        In *in = ctx;
        for (size_t i = 0; i < 4; i++)
                if (strcmp(NAMES[i], name) == 0)
                        return in->values[i];
        return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        if (size > 65536)
                return 0;
        Arena *a = arena_new();
        char *s = a ? arena_strndup(a, (const char *)data, size) : NULL;
        if (!s) {
                arena_free(a);
                return 0;
        }
        In in = { { NULL } };
        char *cur = s;
        for (size_t i = 0; i < 4 && cur; i++) {
                char *nl = strchr(cur, '\n');
                if (nl)
                        *nl = '\0';
                in.values[i] = cur;
                (void)ws_email_valid(cur);
                (void)ws_phone_valid(cur);
                cur = nl ? nl + 1 : NULL;
        }
        WsContact k;
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n = 0;
        if (ws_contact_parse(a, get, &in, "2025-06-30", &k, p, &n) == 0 && !ws_contact_empty(&k)) {
                if (!k.name || !k.email || !ws_email_valid(k.email) || (k.phone && !ws_phone_valid(k.phone)) ||
                    !k.agreed_on || strlen(k.name) > WS_CONTACT_NAME_MAX)
                        __builtin_trap(); /* a parsed contact breaks its own rules */
                json_t *v = ws_contact_values(&k);
                if (!v)
                        __builtin_trap();
                json_decref(v);
        }
        arena_free(a);
        return 0;
}
