/* Store suite: runs against the URL in $TECHDIV_TEST_DB (SQLite in a temp
 * file when unset), so the same checks cover SQLite and PostgreSQL. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "test.h"

static Store *open_store(const char *url) {
        Store *s = NULL;
        int r = store_open(url, 4, &s);
        CHECK(r == 0, "store_open %s", strncmp(url, "sqlite:", 7) == 0 ? "sqlite" : "postgresql");
        return s;
}

static void test_open_errors(void) {
        Store *s;
        CHECK(store_open("mysql://x", 1, &s) == -EINVAL, "unknown scheme is -EINVAL");
        CHECK(store_open("sqlite:", 1, &s) == -EINVAL, "empty SQLite path is -EINVAL");
        CHECK(store_open("sqlite:/nonexistent-dir/x/y.db", 1, &s) == -EIO, "unopenable SQLite file is -EIO");
        CHECK(store_open("postgresql://nobody@127.0.0.1:1/none", 1, &s) == -EIO, "unreachable PostgreSQL is -EIO");
        CHECK(store_open("sqlite:x", 0, &s) == -EINVAL, "pool of 0 is refused");
        CHECK(store_open("sqlite:x", STORE_POOL_MAX + 1, &s) == -EINVAL, "pool over STORE_POOL_MAX is refused");
}

static void test_migrate(Store *s) {
        int applied = -1, v = 0;
        CHECK(store_migrate(s, &applied) == 0 && applied >= 1, "first migration applies the schema");
        CHECK(store_migrate(s, &applied) == 0 && applied == 0, "migrating again applies nothing");
        CHECK(store_schema_version(s, &v) == 0 && v >= 1, "schema version is reported (%d)", v);
        CHECK(store_ping(s) == 0, "ping");
}

static City city(const char *slug, const char *name, int lead) {
        return (City){ .slug = slug, .name = name, .name_local = name, .country = "GR", .lang = "el",
                       .population = 1000, .is_lead = lead, .focus_en = "focus" };
}

static void test_cities(Store *s) {
        StoreConn *c;
        CHECK(store_begin(s, &c) == 0, "begin");
        City a = city("zeta", "Zeta", 0), b = city("alpha", "Ω '; DROP TABLE city; --", 0), l = city("lead", "Lead", 1);
        CHECK(store_city_upsert(c, &a) == 0 && store_city_upsert(c, &b) == 0 && store_city_upsert(c, &l) == 0,
              "upsert three cities");
        City bad = city("", "x", 0);
        CHECK(store_city_upsert(c, &bad) == -EINVAL, "empty slug is -EINVAL");
        CHECK(store_commit(c) == 0, "commit");
        Arena *ar = arena_new();
        City *list;
        size_t n;
        CHECK(store_city_list(s, ar, &list, &n) == 0 && n == 3, "three cities listed");
        CHECK(n == 3 && strcmp(list[0].slug, "lead") == 0 && list[0].is_lead, "lead partner first");
        CHECK(n == 3 && strcmp(list[1].name, "Zeta") == 0, "then by name");
        City got;
        CHECK(store_city_get(s, ar, "alpha", &got) == 0 && strcmp(got.name, "Ω '; DROP TABLE city; --") == 0,
              "hostile text is stored and read back verbatim");
        CHECK(store_city_get(s, ar, "nope", &got) == -ENOENT, "missing city is -ENOENT");
        CHECK(store_begin(s, &c) == 0, "begin second transaction");
        a.population = 42;
        CHECK(store_city_upsert(c, &a) == 0, "update inside a transaction");
        store_rollback(c);
        CHECK(store_city_get(s, ar, "zeta", &got) == 0 && got.population == 1000, "rollback leaves nothing behind");
        arena_free(ar);
}

static void test_events(Store *s) {
        StoreConn *c;
        CHECK(store_begin(s, &c) == 0, "begin events");
        CalEvent e1 = { .uid = "e1", .kind = "network-meeting", .title = "Net", .starts_on = "2024-06-12",
                        .ends_on = "2024-06-13" };
        CalEvent e2 = { .uid = "e2", .city_slug = "zeta", .kind = "ulg-meeting", .title = "Local",
                        .starts_on = "2024-04-15", .ends_on = "2024-04-15" };
        CalEvent e3 = { .uid = "e3", .city_slug = "alpha", .kind = "ulg-meeting", .title = "Other",
                        .starts_on = "2024-01-01", .ends_on = "2024-01-01" };
        CHECK(store_event_upsert(c, &e1) == 0 && store_event_upsert(c, &e2) == 0 && store_event_upsert(c, &e3) == 0,
              "upsert events");
        CalEvent backwards = e1;
        backwards.uid = "bad";
        backwards.ends_on = "2024-06-01";
        CHECK(store_event_upsert(c, &backwards) == -EINVAL, "end before start is -EINVAL");
        backwards.ends_on = "2024-13-01x";
        CHECK(store_event_upsert(c, &backwards) == -EINVAL, "malformed date is -EINVAL");
        CHECK(store_commit(c) == 0, "commit events");
        Arena *ar = arena_new();
        CalEvent *ev;
        size_t n;
        CHECK(store_event_list(s, ar, NULL, &ev, &n) == 0 && n == 3, "all events");
        CHECK(n == 3 && strcmp(ev[0].uid, "e3") == 0 && strcmp(ev[2].uid, "e1") == 0, "ordered by date");
        CHECK(store_event_list(s, ar, "zeta", &ev, &n) == 0 && n == 2, "a city's events plus the network's");
        CHECK(n == 2 && ev[0].city_slug && strcmp(ev[0].city_slug, "zeta") == 0 && ev[1].city_slug == NULL,
              "network events have no city");
        arena_free(ar);
}

static void *reader(void *arg) {
        Store *s = arg;
        Arena *ar = arena_new();
        long ok = 1;
        for (int i = 0; i < 200; i++) {
                City *list;
                size_t n;
                ok &= store_city_list(s, ar, &list, &n) == 0 && n == 3;
        }
        arena_free(ar);
        return (void *)ok;
}

static void test_concurrency(Store *s) {
        pthread_t t[8];
        for (int i = 0; i < 8; i++)
                pthread_create(&t[i], NULL, reader, s);
        long all = 1;
        for (int i = 0; i < 8; i++) {
                void *r;
                pthread_join(t[i], &r);
                all &= (long)r;
        }
        CHECK(all, "8 threads share a pool of 4 connections for 1,600 queries");
}

int main(void) {
        const char *url = getenv("TECHDIV_TEST_DB");
        char tmp[256];
        if (!url || !*url) {
                snprintf(tmp, sizeof(tmp), "sqlite:/tmp/techdiv-store-%d.db", (int)getpid());
                url = tmp;
        }
        test_open_errors();
        Store *s = open_store(url);
        if (s) {
                test_migrate(s);
                test_cities(s);
                test_events(s);
                test_concurrency(s);
                store_close(s);
        }
        if (url == tmp) {
                unlink(tmp + 7);
                char wal[300];
                snprintf(wal, sizeof(wal), "%s-wal", tmp + 7);
                unlink(wal);
                snprintf(wal, sizeof(wal), "%s-shm", tmp + 7);
                unlink(wal);
        }
        return test_done();
}
