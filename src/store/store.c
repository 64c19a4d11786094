/* Pool, transactions, migrations and shared helpers of the store. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/embed.h"
#include "store/backend.h"

extern const EmbeddedFile td_migrations_sqlite[];
extern const EmbeddedFile td_migrations_pg[];

struct Store {
        const Backend *be;
        char url[STORE_URL_MAX];
        pthread_mutex_t mu;
        pthread_cond_t cv;
        unsigned size;
        void *handles[STORE_POOL_MAX]; /* NULL until first use */
        int busy[STORE_POOL_MAX];
        StoreConn conns[STORE_POOL_MAX];
        atomic_uint_fast64_t errors;
};

int store_open(const char *url, unsigned pool_size, Store **ret) {
        if (!url || strlen(url) >= STORE_URL_MAX || pool_size == 0 || pool_size > STORE_POOL_MAX)
                return -EINVAL;
        const Backend *be;
        if (strncmp(url, "sqlite:", 7) == 0 && url[7])
                be = &backend_sqlite;
        else if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
                be = &backend_pg;
        else
                return -EINVAL;
        Store *s = calloc(1, sizeof(*s));
        if (!s)
                return -ENOMEM;
        s->be = be;
        snprintf(s->url, sizeof(s->url), "%s", url); /* length checked above */
        s->size = pool_size;
        pthread_mutex_init(&s->mu, NULL);
        pthread_cond_init(&s->cv, NULL);
        /* Connect one now so a bad URL fails at open, not at first request. */
        int r = be->connect(url, &s->handles[0]);
        if (r < 0) {
                store_close(s);
                return r;
        }
        *ret = s;
        return 0;
}

void store_close(Store *s) {
        if (!s)
                return;
        for (unsigned i = 0; i < s->size; i++)
                if (s->handles[i])
                        s->be->disconnect(s->handles[i]);
        pthread_mutex_destroy(&s->mu);
        pthread_cond_destroy(&s->cv);
        free(s);
}

const char *store_backend(const Store *s) { return s->be->name; }
uint64_t store_error_count(const Store *s) { return atomic_load(&((Store *)s)->errors); }

int store_acquire(Store *s, StoreConn **ret) {
        pthread_mutex_lock(&s->mu);
        int slot = -1;
        for (;;) {
                for (unsigned i = 0; i < s->size && slot < 0; i++)
                        if (!s->busy[i])
                                slot = (int)i;
                if (slot >= 0)
                        break;
                pthread_cond_wait(&s->cv, &s->mu);
        }
        s->busy[slot] = 1;
        pthread_mutex_unlock(&s->mu);
        if (!s->handles[slot]) {
                int r = s->be->connect(s->url, &s->handles[slot]);
                if (r < 0) {
                        atomic_fetch_add(&s->errors, 1);
                        pthread_mutex_lock(&s->mu);
                        s->busy[slot] = 0;
                        pthread_cond_signal(&s->cv);
                        pthread_mutex_unlock(&s->mu);
                        return r;
                }
        }
        StoreConn *c = &s->conns[slot];
        *c = (StoreConn){ .store = s, .h = s->handles[slot], .slot = slot };
        *ret = c;
        return 0;
}

void store_release(StoreConn *c) {
        if (!c)
                return;
        Store *s = c->store;
        if (c->in_tx && c->h) /* a forgotten transaction must not leak to the next user */
                (void)s->be->exec_script(c->h, "ROLLBACK");
        pthread_mutex_lock(&s->mu);
        s->busy[c->slot] = 0;
        pthread_cond_signal(&s->cv);
        pthread_mutex_unlock(&s->mu);
}

int store_q(StoreConn *c, const char *sql, const StoreValue *args, int nargs, StoreRowFn fn, void *ud,
            int64_t *ret_changes) {
        if (!c->h)
                return -EIO;
        int r = c->store->be->query(c->h, sql, args, nargs, fn, ud, ret_changes);
        if (r == -EIO) {
                atomic_fetch_add(&c->store->errors, 1);
                /* A broken PostgreSQL connection is reopened on next use. */
                if (c->store->be->ping(c->h) < 0) {
                        c->store->be->disconnect(c->h);
                        c->store->handles[c->slot] = NULL;
                        c->h = NULL;
                }
        }
        return r;
}

int store_begin(Store *s, StoreConn **ret) {
        StoreConn *c;
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = s->be->exec_script(c->h, s->be == &backend_sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
        if (r < 0) {
                atomic_fetch_add(&s->errors, 1);
                store_release(c);
                return r;
        }
        c->in_tx = 1;
        *ret = c;
        return 0;
}

int store_commit(StoreConn *c) {
        int r = c->h ? c->store->be->exec_script(c->h, "COMMIT") : -EIO;
        if (r < 0 && c->h) {
                atomic_fetch_add(&c->store->errors, 1);
                (void)c->store->be->exec_script(c->h, "ROLLBACK");
        }
        c->in_tx = 0;
        store_release(c);
        return r;
}

void store_rollback(StoreConn *c) {
        if (!c)
                return;
        if (c->h)
                (void)c->store->be->exec_script(c->h, "ROLLBACK");
        c->in_tx = 0;
        store_release(c);
}

int store_end(StoreConn *c, int r) {
        if (r < 0) {
                store_rollback(c);
                return r;
        }
        return store_commit(c);
}

int store_ping(Store *s) {
        StoreConn *c;
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        /* A real round trip for /healthz; outside any transaction. */
        r = s->be->query(c->h, "SELECT 1", NULL, 0, NULL, NULL, NULL);
        if (r == 0)
                r = s->be->ping(c->h);
        if (r < 0) {
                atomic_fetch_add(&s->errors, 1);
                s->be->disconnect(c->h);
                s->handles[c->slot] = NULL;
        }
        store_release(c);
        return r;
}

/* ---- row helpers ---- */

const char *row_text(Arena *a, const StoreRow *r, int col) {
        if (col >= r->n || r->v[col].type == SV_NULL)
                return NULL;
        if (r->v[col].type == SV_INT)
                return arena_printf(a, "%lld", (long long)r->v[col].i);
        return arena_strndup(a, r->v[col].s, r->v[col].len);
}

int64_t row_int(const StoreRow *r, int col) {
        if (col >= r->n)
                return 0;
        if (r->v[col].type == SV_INT)
                return r->v[col].i;
        if (r->v[col].type == SV_TEXT)
                return strtoll(r->v[col].s, NULL, 10);
        return 0;
}

int rowvec_collect(void *ud, const StoreRow *row) {
        RowVec *v = ud;
        if (v->n == v->cap) {
                size_t cap = v->cap ? v->cap * 2 : 16;
                void *items = arena_alloc(v->arena, cap * v->item_size);
                if (!items)
                        return -ENOMEM;
                if (v->n)
                        memcpy(items, v->items, v->n * v->item_size);
                v->items = items;
                v->cap = cap;
        }
        void *item = (char *)v->items + v->n * v->item_size;
        int r = v->fill(v->arena, row, item);
        if (r < 0)
                return r;
        v->n++;
        return 0;
}

int store_collect(Store *s, const char *sql, const StoreValue *args, int nargs, RowVec *v) {
        StoreConn *c;
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = store_q(c, sql, args, nargs, rowvec_collect, v, NULL);
        store_release(c);
        return r;
}

int store_collect_one(Store *s, const char *sql, const StoreValue *args, int nargs, RowVec *v, void *ret) {
        int r = store_collect(s, sql, args, nargs, v);
        if (r < 0)
                return r;
        if (v->n == 0)
                return -ENOENT;
        memcpy(ret, v->items, v->item_size);
        return 0;
}

/* ---- migrations ---- */

static const char SQL_MIGRATIONS_TABLE[] =
        "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)";
static const char SQL_MIGRATION_MAX[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migration";
static const char SQL_MIGRATION_HAS[] = "SELECT COUNT(*) FROM schema_migration WHERE version = $1";
static const char SQL_MIGRATION_ADD[] =
        "INSERT INTO schema_migration (version, name, applied_at) VALUES ($1, $2, $3)";

static int first_int(void *ud, const StoreRow *row) {
        *(int64_t *)ud = row_int(row, 0);
        return 1;
}

int store_schema_version(Store *s, int *ret_version) {
        StoreConn *c;
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        int64_t v = 0;
        r = store_q(c, SQL_MIGRATIONS_TABLE, NULL, 0, NULL, NULL, NULL);
        if (r == 0)
                r = store_q(c, SQL_MIGRATION_MAX, NULL, 0, first_int, &v, NULL);
        store_release(c);
        if (r == 0)
                *ret_version = (int)v;
        return r;
}

static int migrate_one(Store *s, const EmbeddedFile *m, int version, int *ret_applied) {
        StoreConn *c;
        int r = store_begin(s, &c);
        if (r < 0)
                return r;
        int64_t have = 0;
        r = s->be->lock_migrations(c->h);
        if (r == 0)
                r = store_q(c, SQL_MIGRATIONS_TABLE, NULL, 0, NULL, NULL, NULL);
        StoreValue v[] = { SV_I(version) };
        if (r == 0)
                r = store_q(c, SQL_MIGRATION_HAS, v, 1, first_int, &have, NULL);
        if (r == 0 && have == 0) {
                r = s->be->exec_script(c->h, (const char *)m->data);
                char when[32];
                time_t now = time(NULL);
                struct tm tm;
                gmtime_r(&now, &tm);
                strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
                StoreValue args[] = { SV_I(version), SV_S(m->name), SV_S(when) };
                if (r == 0)
                        r = store_q(c, SQL_MIGRATION_ADD, args, 3, NULL, NULL, NULL);
                if (r == 0)
                        (*ret_applied)++;
        }
        if (r < 0) {
                store_rollback(c);
                return r;
        }
        return store_commit(c);
}

int store_migrate(Store *s, int *ret_applied) {
        const EmbeddedFile *list = s->be == &backend_sqlite ? td_migrations_sqlite : td_migrations_pg;
        int applied = 0;
        for (const EmbeddedFile *m = list; m->name; m++) {
                int version = atoi(m->name);
                if (version <= 0)
                        return -EINVAL;
                int r = migrate_one(s, m, version, &applied);
                if (r < 0)
                        return r;
        }
        if (ret_applied)
                *ret_applied = applied;
        return 0;
}
