/* SQLite backend: WAL journal, synchronous=FULL so an acknowledged write
 * survives a crash, foreign keys on, statements prepared once per
 * connection. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "store/backend.h"
#include "store/stmtcache.h"

typedef struct SqliteConn {
        sqlite3 *db;
        StmtCache cache; /* values are SqStmt */
} SqliteConn;

/* A prepared statement and whether its parameters appear in the order
 * $1..$N, which lets them be bound by position: looking a parameter's name
 * up walks a list, quadratic in the count for the multi-row inserts. */
typedef struct SqStmt {
        sqlite3_stmt *st;
        int in_order;
} SqStmt;

static int sq_errno(int rc) {
        switch (rc & 0xFF) {
        case SQLITE_OK:
        case SQLITE_DONE:
        case SQLITE_ROW:
                return 0;
        case SQLITE_CONSTRAINT:
                return (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) ? -EEXIST : -EINVAL;
        case SQLITE_NOMEM:
                return -ENOMEM;
        case SQLITE_TOOBIG:
                return -E2BIG;
        default:
                return -EIO;
        }
}

static void sq_disconnect(void *h) {
        SqliteConn *c = h;
        if (!c)
                return;
        for (unsigned i = 0; i < STMTCACHE_SLOTS; i++) {
                SqStmt *q = c->cache.stmt[i];
                if (q)
                        sqlite3_finalize(q->st);
                free(q);
        }
        sqlite3_close_v2(c->db);
        free(c);
}

static int sq_exec_script(void *h, const char *sql) {
        SqliteConn *c = h;
        return sq_errno(sqlite3_exec(c->db, sql, NULL, NULL, NULL));
}

/* Memory statistics take a global mutex around every allocation; nothing
 * reads them. Must run before SQLite initialises (a later call is refused,
 * harmlessly). */
static void sq_configure(void) { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

static int sq_connect(const char *url, void **ret) {
        static pthread_once_t once = PTHREAD_ONCE_INIT;
        pthread_once(&once, sq_configure);
        const char *path = url + strlen("sqlite:");
        SqliteConn *c = calloc(1, sizeof(*c));
        if (!c)
                return -ENOMEM;
        int rc = sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 NULL);
        if (rc != SQLITE_OK) {
                sq_disconnect(c);
                return -EIO;
        }
        sqlite3_busy_timeout(c->db, 10000);
        sqlite3_extended_result_codes(c->db, 1);
        int r = sq_exec_script(c, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                                  "PRAGMA secure_delete=ON; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;");
        if (r < 0) {
                sq_disconnect(c);
                return r;
        }
        (void)chmod(path, 0600); /* personal data lives here */
        *ret = c;
        return 0;
}

/* Parameters are written $1..$N in every statement; SQLite numbers them in
 * order of first appearance, so map each slot back to its $N by name. */
static int sq_param(sqlite3_stmt *st, int idx) {
        const char *name = sqlite3_bind_parameter_name(st, idx);
        return name && name[0] == '$' ? atoi(name + 1) : 0;
}

static int sq_in_order(sqlite3_stmt *st) {
        int count = sqlite3_bind_parameter_count(st);
        for (int idx = 1; idx <= count; idx++)
                if (sq_param(st, idx) != idx)
                        return 0;
        return 1;
}

static int sq_bind(const SqStmt *q, const StoreValue *args, int nargs) {
        sqlite3_stmt *st = q->st;
        int count = sqlite3_bind_parameter_count(st);
        for (int idx = 1; idx <= count; idx++) {
                int n = q->in_order ? idx : sq_param(st, idx);
                if (n < 1 || n > nargs)
                        return -EINVAL; /* the caller passed too few arguments */
                const StoreValue *v = &args[n - 1];
                int rc;
                switch (v->type) {
                case SV_INT:
                        rc = sqlite3_bind_int64(st, idx, v->i);
                        break;
                case SV_TEXT:
                        rc = sqlite3_bind_text(st, idx, v->s, (int)v->len, SQLITE_STATIC);
                        break;
                case SV_BLOB:
                        rc = sqlite3_bind_blob(st, idx, v->s, (int)v->len, SQLITE_STATIC);
                        break;
                default:
                        rc = sqlite3_bind_null(st, idx);
                }
                if (rc != SQLITE_OK)
                        return sq_errno(rc);
        }
        return 0;
}

#define SQ_MAX_COLS 64

static void sq_row(sqlite3_stmt *st, StoreValue *v, int n) {
        for (int i = 0; i < n; i++) {
                switch (sqlite3_column_type(st, i)) {
                case SQLITE_INTEGER:
                        v[i] = (StoreValue){ .type = SV_INT, .i = sqlite3_column_int64(st, i) };
                        break;
                case SQLITE_NULL:
                        v[i] = (StoreValue){ .type = SV_NULL };
                        break;
                case SQLITE_BLOB:
                        v[i] = (StoreValue){ .type = SV_BLOB, .s = sqlite3_column_blob(st, i) };
                        v[i].len = (size_t)sqlite3_column_bytes(st, i);
                        break;
                default:
                        v[i] = (StoreValue){ .type = SV_TEXT, .s = (const char *)sqlite3_column_text(st, i) };
                        v[i].len = (size_t)sqlite3_column_bytes(st, i);
                }
        }
}

/* On success *ret is the cache's, or the caller's to free when
 * *ret_cached is 0 (cache full). */
static int sq_prepare(SqliteConn *c, const char *sql, SqStmt **ret, int *ret_cached) {
        SqStmt *q = stmtcache_get(&c->cache, sql);
        if (q) {
                *ret = q;
                *ret_cached = 1;
                return 0;
        }
        q = calloc(1, sizeof(*q));
        if (!q)
                return -ENOMEM;
        int rc = sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &q->st, NULL);
        if (rc != SQLITE_OK) {
                free(q);
                return sq_errno(rc);
        }
        q->in_order = sq_in_order(q->st);
        *ret_cached = stmtcache_put(&c->cache, sql, q) == 0;
        *ret = q;
        return 0;
}

static int sq_query(void *h, const char *sql, const StoreValue *args, int nargs, StoreRowFn fn, void *ud,
                    int64_t *ret_changes) {
        SqliteConn *c = h;
        SqStmt *q = NULL;
        int cached = 0, r = sq_prepare(c, sql, &q, &cached);
        if (r < 0)
                return r;
        sqlite3_stmt *st = q->st;
        r = sq_bind(q, args, nargs);
        int ncols = sqlite3_column_count(st);
        if (ncols > SQ_MAX_COLS)
                r = -E2BIG;
        StoreValue vals[SQ_MAX_COLS];
        while (r == 0) {
                int rc = sqlite3_step(st);
                if (rc == SQLITE_DONE)
                        break;
                if (rc != SQLITE_ROW) {
                        r = sq_errno(rc);
                        break;
                }
                if (!fn)
                        continue;
                sq_row(st, vals, ncols);
                int fr = fn(ud, &(StoreRow){ .v = vals, .n = ncols });
                if (fr != 0) {
                        r = fr < 0 ? fr : 0;
                        break;
                }
        }
        if (r == 0 && ret_changes)
                *ret_changes = sqlite3_changes64(c->db);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (!cached) {
                sqlite3_finalize(st);
                free(q);
        }
        return r;
}

static int sq_lock_migrations(void *h) {
        (void)h; /* BEGIN IMMEDIATE already holds the write lock */
        return 0;
}

static int sq_ping(void *h) {
        SqliteConn *c = h;
        return sq_errno(sqlite3_exec(c->db, "SELECT 1", NULL, NULL, NULL));
}

const Backend backend_sqlite = {
        .name = "sqlite",
        .connect = sq_connect,
        .disconnect = sq_disconnect,
        .exec_script = sq_exec_script,
        .query = sq_query,
        .lock_migrations = sq_lock_migrations,
        .ping = sq_ping,
};
