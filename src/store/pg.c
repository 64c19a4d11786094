/* PostgreSQL backend (libpq): statements prepared once per connection,
 * parameters sent as text (bytea as binary), results read as text and
 * typed by column OID. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "store/backend.h"
#include "store/stmtcache.h"

#define PG_OID_BYTEA 17
#define PG_OID_INT8 20
#define PG_OID_INT2 21
#define PG_OID_INT4 23
#define PG_OID_BOOL 16
#define PG_MAX_PARAMS 64
#define PG_MAX_COLS 64

typedef struct PgConn {
        PGconn *conn;
        StmtCache cache; /* value: (void*)1 once prepared under name "s<addr>" */
} PgConn;

static int pg_errno(const PGresult *res) {
        const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
        if (!state)
                return -EIO;
        if (strcmp(state, "23505") == 0)
                return -EEXIST;
        if (strncmp(state, "23", 2) == 0 || strncmp(state, "22", 2) == 0)
                return -EINVAL;
        if (strcmp(state, "53200") == 0)
                return -ENOMEM;
        return -EIO;
}

static void pg_notice(void *arg, const char *msg) { (void)arg, (void)msg; /* library code does not log */ }

static int pg_connect(const char *url, void **ret) {
        PgConn *c = calloc(1, sizeof(*c));
        if (!c)
                return -ENOMEM;
        c->conn = PQconnectdb(url);
        if (!c->conn || PQstatus(c->conn) != CONNECTION_OK) {
                PQfinish(c->conn);
                free(c);
                return -EIO;
        }
        PQsetNoticeProcessor(c->conn, pg_notice, NULL);
        *ret = c;
        return 0;
}

static void pg_disconnect(void *h) {
        PgConn *c = h;
        if (!c)
                return;
        PQfinish(c->conn);
        free(c);
}

static int pg_exec_script(void *h, const char *sql) {
        PgConn *c = h;
        PGresult *res = PQexec(c->conn, sql);
        ExecStatusType st = PQresultStatus(res);
        int r = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? 0 : pg_errno(res);
        PQclear(res);
        return r;
}

static int pg_prepare(PgConn *c, const char *sql, int nargs, char name[32]) {
        snprintf(name, 32, "s%" PRIxPTR, (uintptr_t)sql);
        if (stmtcache_get(&c->cache, sql))
                return 0;
        PGresult *res = PQprepare(c->conn, name, sql, nargs, NULL);
        int r = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : pg_errno(res);
        PQclear(res);
        if (r == 0 && stmtcache_put(&c->cache, sql, (void *)1) < 0)
                return -E2BIG; /* catalogue larger than the cache: raise STMTCACHE_SLOTS */
        return r;
}

static void pg_value(PGresult *res, int row, int col, StoreValue *v, unsigned char **unesc) {
        if (PQgetisnull(res, row, col)) {
                *v = (StoreValue){ .type = SV_NULL };
                return;
        }
        const char *s = PQgetvalue(res, row, col);
        Oid t = PQftype(res, col);
        if (t == PG_OID_INT8 || t == PG_OID_INT4 || t == PG_OID_INT2) {
                *v = (StoreValue){ .type = SV_INT, .i = strtoll(s, NULL, 10) };
        } else if (t == PG_OID_BOOL) {
                *v = (StoreValue){ .type = SV_INT, .i = s[0] == 't' };
        } else if (t == PG_OID_BYTEA) {
                size_t n = 0;
                *unesc = PQunescapeBytea((const unsigned char *)s, &n);
                *v = (StoreValue){ .type = SV_BLOB, .s = (const char *)*unesc, .len = n };
        } else {
                *v = (StoreValue){ .type = SV_TEXT, .s = s, .len = (size_t)PQgetlength(res, row, col) };
        }
}

static int pg_rows(PGresult *res, StoreRowFn fn, void *ud) {
        int nrows = PQntuples(res), ncols = PQnfields(res);
        if (ncols > PG_MAX_COLS)
                return -E2BIG;
        StoreValue vals[PG_MAX_COLS];
        for (int i = 0; i < nrows; i++) {
                unsigned char *unesc[PG_MAX_COLS] = { 0 };
                for (int j = 0; j < ncols; j++)
                        pg_value(res, i, j, &vals[j], &unesc[j]);
                int r = fn(ud, &(StoreRow){ .v = vals, .n = ncols });
                for (int j = 0; j < ncols; j++)
                        PQfreemem(unesc[j]);
                if (r != 0)
                        return r < 0 ? r : 0;
        }
        return 0;
}

static int pg_query(void *h, const char *sql, const StoreValue *args, int nargs, StoreRowFn fn, void *ud,
                    int64_t *ret_changes) {
        PgConn *c = h;
        if (nargs > PG_MAX_PARAMS)
                return -E2BIG;
        char name[32], ints[PG_MAX_PARAMS][24];
        const char *vals[PG_MAX_PARAMS];
        int lens[PG_MAX_PARAMS], fmts[PG_MAX_PARAMS];
        int r = pg_prepare(c, sql, nargs, name);
        if (r < 0)
                return r;
        for (int i = 0; i < nargs; i++) {
                fmts[i] = args[i].type == SV_BLOB;
                lens[i] = (int)args[i].len;
                if (args[i].type == SV_INT) {
                        snprintf(ints[i], sizeof(ints[i]), "%" PRId64, args[i].i);
                        vals[i] = ints[i];
                } else {
                        vals[i] = args[i].type == SV_NULL ? NULL : args[i].s;
                }
        }
        PGresult *res = PQexecPrepared(c->conn, name, nargs, vals, lens, fmts, 0);
        ExecStatusType st = PQresultStatus(res);
        if (st == PGRES_TUPLES_OK && fn)
                r = pg_rows(res, fn, ud);
        else if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
                r = pg_errno(res);
        if (r == 0 && ret_changes) {
                const char *n = PQcmdTuples(res);
                *ret_changes = n && *n ? strtoll(n, NULL, 10) : 0;
        }
        PQclear(res);
        return r;
}

static int pg_lock_migrations(void *h) {
        return pg_exec_script(h, "SELECT pg_advisory_xact_lock(7263846)");
}

/* Connection health only: a query here would fail inside a transaction
 * that an earlier error aborted, and a healthy connection would be dropped
 * under its caller's feet. */
static int pg_ping(void *h) {
        PgConn *c = h;
        return c && PQstatus(c->conn) == CONNECTION_OK ? 0 : -EIO;
}

const Backend backend_pg = {
        .name = "postgresql",
        .connect = pg_connect,
        .disconnect = pg_disconnect,
        .exec_script = pg_exec_script,
        .query = pg_query,
        .lock_migrations = pg_lock_migrations,
        .ping = pg_ping,
};
