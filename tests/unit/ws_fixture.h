/* Shared by the workspace tests: submitted form values from a
 * NULL-terminated list of name, value pairs, and long strings for the
 * limits. */
#ifndef TD_TEST_WS_FIXTURE_H
#define TD_TEST_WS_FIXTURE_H

#include <stdlib.h>
#include <string.h>

typedef struct Kv {
        const char *const *kv;
} Kv;

/* A WsGetFn over a Kv: the value of name, NULL when absent. */
static inline const char *kv_get(void *ctx, const char *name) {
        const char *const *kv = ((Kv *)ctx)->kv;
        for (size_t i = 0; kv[i]; i += 2)
                if (strcmp(kv[i], name) == 0)
                        return kv[i + 1];
        return NULL;
}

/* n copies of c (malloc'd, the caller frees). */
static inline char *repeat(char c, size_t n) {
        char *s = malloc(n + 1);
        if (!s)
                abort();
        memset(s, c, n);
        s[n] = '\0';
        return s;
}

#endif
