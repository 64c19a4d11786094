/* Internal interface between store.c (pool, migrations, entity code) and
 * the engine backends. Nothing outside src/store includes this. */
#ifndef TD_STORE_BACKEND_H
#define TD_STORE_BACKEND_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "store/store.h"

typedef enum StoreType { SV_NULL, SV_INT, SV_TEXT, SV_BLOB, SV_TYPE_MAX } StoreType;

typedef struct StoreValue {
        StoreType type;
        int64_t i;
        const char *s; /* TEXT/BLOB bytes (borrowed) */
        size_t len;
} StoreValue;

#define SV_I(v) ((StoreValue){ .type = SV_INT, .i = (v) })
static inline StoreValue sv_text(const char *v) {
        return v ? (StoreValue){ .type = SV_TEXT, .s = v, .len = strlen(v) } : (StoreValue){ .type = SV_NULL };
}
#define SV_S(v) sv_text(v)
#define SV_B(p, n) ((StoreValue){ .type = SV_BLOB, .s = (const char *)(p), .len = (n) })

/* A result row: values valid only during the callback. */
typedef struct StoreRow {
        const StoreValue *v;
        int n;
} StoreRow;

/* Return 0 to continue, 1 to stop early, <0 to abort with that error. */
typedef int (*StoreRowFn)(void *ud, const StoreRow *row);

typedef struct Backend {
        const char *name;
        int (*connect)(const char *url, void **ret_handle);
        void (*disconnect)(void *h);
        /* Runs a multi-statement script without parameters (migrations). */
        int (*exec_script)(void *h, const char *sql);
        /* Runs one statement (prepared once per connection, keyed by the
         * address of the literal) with parameters $1..$N. */
        int (*query)(void *h, const char *sql, const StoreValue *args, int nargs, StoreRowFn fn, void *ud,
                     int64_t *ret_changes);
        /* Takes the cross-process migration lock inside a transaction. */
        int (*lock_migrations)(void *h);
        int (*ping)(void *h);
} Backend;

extern const Backend backend_sqlite;
extern const Backend backend_pg;

struct StoreConn {
        Store *store;
        void *h;
        int in_tx;
        int slot;
};

/* Runs sql on c (see Backend.query); counts engine errors. */
int store_q(StoreConn *c, const char *sql, const StoreValue *args, int nargs, StoreRowFn fn, void *ud,
            int64_t *ret_changes);
/* Acquire/release a pooled connection outside a transaction. */
int store_acquire(Store *s, StoreConn **ret);
void store_release(StoreConn *c);

/* Row accessors: text is copied into the arena (NULL for SQL NULL). */
const char *row_text(Arena *a, const StoreRow *r, int col);
int64_t row_int(const StoreRow *r, int col);

/* A growable array of results in an arena, for list queries. */
typedef struct RowVec {
        Arena *arena;
        void *items;
        size_t n, cap, item_size;
        int (*fill)(Arena *a, const StoreRow *r, void *item);
} RowVec;
int rowvec_collect(void *ud, const StoreRow *row);
/* Runs sql on a pooled connection, collecting every row into v. */
int store_collect(Store *s, const char *sql, const StoreValue *args, int nargs, RowVec *v);
/* The same for a query of one row, copied into *ret (v->item_size bytes);
 * -ENOENT when there is none. */
int store_collect_one(Store *s, const char *sql, const StoreValue *args, int nargs, RowVec *v, void *ret);

#endif
