/* Per-connection cache of prepared statements, keyed by the address of the
 * SQL literal (every statement is a string literal in src/store). */
#ifndef TD_STORE_STMTCACHE_H
#define TD_STORE_STMTCACHE_H

#include <stdint.h>

#define STMTCACHE_SLOTS 256

typedef struct StmtCache {
        const char *sql[STMTCACHE_SLOTS];
        void *stmt[STMTCACHE_SLOTS];
} StmtCache;

static inline unsigned stmtcache_hash(const char *sql) {
        uintptr_t p = (uintptr_t)sql;
        return (unsigned)((p >> 4) ^ (p >> 12)) % STMTCACHE_SLOTS;
}

/* Returns the cached handle for sql, or NULL. */
static inline void *stmtcache_get(const StmtCache *c, const char *sql) {
        for (unsigned i = 0, h = stmtcache_hash(sql); i < STMTCACHE_SLOTS; i++, h = (h + 1) % STMTCACHE_SLOTS) {
                if (c->sql[h] == sql)
                        return c->stmt[h];
                if (!c->sql[h])
                        return NULL;
        }
        return NULL;
}

/* Stores stmt; returns 0, or -1 when full (caller then owns stmt). */
static inline int stmtcache_put(StmtCache *c, const char *sql, void *stmt) {
        for (unsigned i = 0, h = stmtcache_hash(sql); i < STMTCACHE_SLOTS; i++, h = (h + 1) % STMTCACHE_SLOTS) {
                if (!c->sql[h]) {
                        c->sql[h] = sql;
                        c->stmt[h] = stmt;
                        return 0;
                }
        }
        return -1;
}

#endif
