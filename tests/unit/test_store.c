/* Store suite: runs against the URL in $TECHDIV_TEST_DB (SQLite in a temp
 * file when unset), so the same checks cover SQLite and PostgreSQL. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "core/embed.h"
#include "store/store.h"
#include "test.h"

extern const EmbeddedFile td_migrations_sqlite[];
extern const EmbeddedFile td_migrations_pg[];

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

/* The roadmap's edits: insert-only creation, saves and deletions only at
 * the version the editor saw. */
static void test_event_versions(Store *s) {
        StoreConn *c;
        Arena *ar = arena_new();
        CalEvent ev = { .uid = "rm-1", .city_slug = "zeta", .kind = "milestone", .title = "Vision agreed",
                        .starts_on = "2025-03-31", .ends_on = "2025-03-31" }, got;
        int64_t id = 0, id2 = 0, n = 0;
        CHECK(store_begin(s, &c) == 0 && store_event_insert(c, &ev, &id) == 0 && id > 0 && store_commit(c) == 0,
              "insert a new event");
        CHECK(store_event_get(s, ar, id, &got) == 0 && got.version == 1 && !got.done && strcmp(got.uid, "rm-1") == 0 &&
                      strcmp(got.city_slug, "zeta") == 0,
              "a new event has version 1");
        CHECK(store_begin(s, &c) == 0 && store_event_insert(c, &ev, &id2) == -EEXIST, "a taken uid is -EEXIST");
        store_rollback(c);
        CalEvent lost = ev;
        lost.uid = "rm-2";
        lost.city_slug = "nowhere";
        CHECK(store_begin(s, &c) == 0 && store_event_insert(c, &lost, &id2) == -ENOENT, "an unknown city is -ENOENT");
        store_rollback(c);
        ev.id = id;
        ev.done = 1;
        ev.city_slug = NULL;
        CHECK(store_begin(s, &c) == 0 && store_event_update(c, &ev, 1) == 0 && store_commit(c) == 0,
              "update at the current version");
        CHECK(store_event_get(s, ar, id, &got) == 0 && got.version == 2 && got.done && !got.city_slug,
              "the update is stored with version 2");
        ev.title = "Stale";
        CHECK(store_begin(s, &c) == 0 && store_event_update(c, &ev, 1) == -EEXIST, "a stale update is -EEXIST");
        store_rollback(c);
        CHECK(store_event_get(s, ar, id, &got) == 0 && strcmp(got.title, "Vision agreed") == 0,
              "a stale update changes nothing");
        CHECK(store_begin(s, &c) == 0 && store_event_delete_at(c, id, 1) == -EEXIST, "a stale deletion is -EEXIST");
        store_rollback(c);
        CHECK(store_event_count(s, &n) == 0 && n == 4, "four events counted");
        CHECK(store_begin(s, &c) == 0 && store_event_delete_at(c, id, 2) == 0 && store_commit(c) == 0,
              "delete at the current version");
        CHECK(store_event_get(s, ar, id, &got) == -ENOENT, "the deleted event is gone");
        CHECK(store_begin(s, &c) == 0 && store_event_update(c, &ev, 2) == -EEXIST, "updating a deleted event is -EEXIST");
        store_rollback(c);
        CalEvent up = { .uid = "e1", .kind = "network-meeting", .title = "Net", .starts_on = "2024-06-12",
                        .ends_on = "2024-06-13" };
        CalEvent *all;
        size_t na;
        CHECK(store_begin(s, &c) == 0 && store_event_upsert(c, &up) == 0 && store_commit(c) == 0 &&
                      store_event_list(s, ar, NULL, &all, &na) == 0 && na == 3 && all[2].version == 2,
              "an import over an event increases its version");
        arena_free(ar);
}

/* ---- candidate profiles ---- */

#define URI(x) "http://data.europa.eu/esco/skill/" x

static int is_sqlite_url(const char *url) { return strncmp(url, "sqlite:", 7) == 0; }

static void quiet(void *arg, const char *msg) { (void)arg, (void)msg; }

/* Runs sql on the database behind url outside the store (what an older
 * release or an administrator would do). 0 on success. */
static int raw_exec(const char *url, const char *sql) {
        if (is_sqlite_url(url)) {
                sqlite3 *db;
                int rc = sqlite3_open(url + 7, &db);
                if (rc == SQLITE_OK)
                        rc = sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
                if (rc == SQLITE_OK)
                        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
                if (rc != SQLITE_OK)
                        printf("# %s\n", sqlite3_errmsg(db));
                sqlite3_close(db);
                return rc == SQLITE_OK ? 0 : -1;
        }
        PGconn *pg = PQconnectdb(url);
        PQsetNoticeProcessor(pg, quiet, NULL);
        PGresult *res = PQexec(pg, sql);
        int ok = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK;
        if (!ok) /* one TAP comment line */
                printf("# %.*s\n", (int)strcspn(PQerrorMessage(pg), "\n"), PQerrorMessage(pg));
        PQclear(res);
        PQfinish(pg);
        return ok ? 0 : -1;
}

/* The number of rows sql (a SELECT COUNT) counts, or -1. */
static long raw_count(const char *url, const char *sql) {
        long n = -1;
        if (is_sqlite_url(url)) {
                sqlite3 *db;
                sqlite3_stmt *st = NULL;
                if (sqlite3_open(url + 7, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
                    sqlite3_step(st) == SQLITE_ROW)
                        n = (long)sqlite3_column_int64(st, 0);
                sqlite3_finalize(st);
                sqlite3_close(db);
                return n;
        }
        PGconn *pg = PQconnectdb(url);
        PGresult *res = PQexec(pg, sql);
        if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
                n = atol(PQgetvalue(res, 0, 0));
        PQclear(res);
        PQfinish(pg);
        return n;
}

static int64_t count_skills(Store *s) {
        int64_t nc = -1, ns = -1;
        return store_candidates_count(s, &nc, &ns) == 0 ? ns : -1;
}

static int64_t count_candidates(Store *s) {
        int64_t nc = -1, ns = -1;
        return store_candidates_count(s, &nc, &ns) == 0 ? nc : -1;
}

static int put(Store *s, const CandidateRow *rows, size_t n) {
        StoreConn *c;
        int r = store_begin(s, &c);
        if (r < 0)
                return r;
        r = store_candidates_put(c, rows, n);
        if (r < 0) {
                store_rollback(c);
                return r;
        }
        return store_commit(c);
}

/* "uri:level uri:level ..." of a profile as stored, in URI order. */
static const char *skills_of(Store *s, Arena *a, const char *external_id) {
        CandidateRowSkill *sk;
        size_t n;
        if (store_candidates_skills(s, a, external_id, &sk, &n) < 0)
                return "(error)";
        char *out = arena_strdup(a, "");
        for (size_t i = 0; out && i < n; i++)
                out = arena_printf(a, "%s%s%s:%d", out, i ? " " : "", sk[i].uri, sk[i].level);
        return out;
}

static void test_candidates_put(Store *s, const char *url) {
        static const CandidateRowLanguage langs[] = { { "ro", "native" }, { "en", "B2" }, { "x\"y'; --", "C1" } };
        static const char *const cities[] = { "Bielsko-Biała", "'; DROP TABLE candidate; --", "Arezzo" };
        CandidateRowSkill many[40], dup[] = { { URI("b"), 2 }, { URI("a"), 1 }, { URI("b"), 3 } };
        char uris[40][64];
        for (int i = 0; i < 40; i++) { /* more than one multi-row statement's worth */
                snprintf(uris[i], sizeof(uris[i]), URI("m%02d"), 39 - i);
                many[i] = (CandidateRowSkill){ uris[i], i % 5 };
        }
        CandidateRowSkill last[] = { { URI("z<script>ü"), 4 }, { URI("a"), 2 } };
        CandidateRow rows[] = {
                { .external_id = "p-1", .remote = "hybrid", .skills = many, .n_skills = 40, .languages = langs,
                  .n_languages = 3, .cities = cities, .n_cities = 3 },
                { .external_id = "p-2", .skills = dup, .n_skills = 3 },
                { .external_id = "p-1", .skills = last, .n_skills = 2, .languages = langs, .n_languages = 1 },
        };
        int64_t before = count_skills(s);
        CHECK(put(s, rows, 3) == 0, "a batch with a 40-skill profile and a repeated external id is stored");
        Arena *a = arena_new();
        CHECK_STREQ(skills_of(s, a, "p-1"), URI("a") ":2 " URI("z<script>ü") ":4",
                    "the later row of a repeated external id replaces the earlier one, hostile URI verbatim");
        CHECK_STREQ(skills_of(s, a, "p-2"), URI("a") ":1 " URI("b") ":2", "a skill listed twice is kept once");
        static const CandidateRowLanguage twice[] = { { "pl", "C1" }, { "en", "B2" }, { "en", "A1" } };
        CandidateRow p3 = { .external_id = "p-3", .languages = twice, .n_languages = 3 };
        CHECK(put(s, &p3, 1) == 0 &&
                      raw_count(url, "SELECT COUNT(*) FROM candidate_language l JOIN candidate c ON c.id = l.candidate_id "
                                     "WHERE c.external_id = 'p-3' AND (l.code, l.level) IN (('pl', 'C1'), ('en', 'B2'))") == 2 &&
                      raw_count(url, "SELECT COUNT(*) FROM candidate_language WHERE level = 'A1'") == 0,
              "a language listed twice keeps its first level");
        CHECK_INTEQ(count_skills(s), before + 4, "skill rows counted");
        CHECK_STREQ(skills_of(s, a, "nobody"), "", "an unknown profile has no skills");
        CandidateRowSkill *sk;
        size_t n;
        CHECK(store_candidates_skills(s, a, "", &sk, &n) == -EINVAL, "reading an empty external id is -EINVAL");

        rows[0].n_skills = 40; /* the 40 skills alone, in reverse URI order */
        CHECK(put(s, rows, 1) == 0, "re-importing a profile");
        const char *got = skills_of(s, a, "p-1");
        CHECK(strncmp(got, URI("m00") ":4 " URI("m01") ":3", strlen(URI("m00") ":4 " URI("m01") ":3")) == 0 &&
                      strstr(got, URI("m39") ":0") && !strstr(got, "script"),
              "re-importing replaces all of a profile's skills (40 over two statements)");
        CHECK_INTEQ(count_skills(s), before + 40 + 2, "the replaced skills are gone");
        arena_free(a);
}

static void test_candidates_invalid(Store *s) {
        CandidateRowSkill nouri[] = { { NULL, 1 } };
        CandidateRowLanguage nolevel[] = { { "en", NULL } };
        const char *nocity[] = { NULL }, *badcity[] = { "Bucure\xfe" };
        CandidateRowSkill baduri[] = { { URI("\xed\xa0\x80"), 1 } }; /* an encoded surrogate */
        CandidateRow good = { .external_id = "inv-ok", .skills = (CandidateRowSkill[]){ { URI("a"), 1 } }, .n_skills = 1 };
        const struct {
                CandidateRow row;
                const char *what;
        } bad[] = {
                { { .external_id = NULL }, "no external id" },
                { { .external_id = "" }, "an empty external id" },
                { { .external_id = "x", .skills = nouri, .n_skills = 1 }, "a skill without a URI" },
                { { .external_id = "x", .skills = NULL, .n_skills = 2 }, "skills counted but missing" },
                { { .external_id = "x", .languages = nolevel, .n_languages = 1 }, "a language without a level" },
                { { .external_id = "x", .cities = nocity, .n_cities = 1 }, "a city that is NULL" },
                { { .external_id = "x", .cities = badcity, .n_cities = 1 }, "a city that is not UTF-8" },
                { { .external_id = "x\xc3" }, "an external id that is not UTF-8" },
                { { .external_id = "x", .skills = baduri, .n_skills = 1 }, "a skill URI that is not UTF-8" },
        };
        int64_t cands = count_candidates(s), skills = count_skills(s);
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                CandidateRow rows[] = { good, bad[i].row };
                CHECK(put(s, rows, 2) == -EINVAL, "%s is -EINVAL", bad[i].what);
        }
        CHECK(count_candidates(s) == cands && count_skills(s) == skills, "a refused batch stores nothing of it");
        CHECK(put(s, &good, 0) == 0, "an empty batch is fine");
}

/* Profiles named PREFIX-0..n-1 with 5 skills each out of 300. */
static CandidateRow *make_rows(Arena *a, const char *prefix, size_t n) {
        static const char *const city[] = { "Trikala" };
        CandidateRow *rows = arena_alloc(a, sizeof(*rows) * n);
        for (size_t i = 0; rows && i < n; i++) {
                CandidateRowSkill *sk = arena_alloc(a, sizeof(*sk) * 5);
                for (size_t k = 0; sk && k < 5; k++)
                        sk[k] = (CandidateRowSkill){ arena_printf(a, URI("bulk-%zu"), (i * 7 + k * 61) % 300), 1 };
                rows[i] = (CandidateRow){ .external_id = arena_printf(a, "%s-%zu", prefix, i), .skills = sk,
                                          .n_skills = 5, .cities = city, .n_cities = 1 };
        }
        return rows;
}

static void test_candidates_bulk(Store *s, const char *url) {
        static const char has_index_sqlite[] =
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'candidate_skill_key_skill'";
        static const char has_index_pg[] = "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'candidate_skill_key_skill'";
        const char *has_index = is_sqlite_url(url) ? has_index_sqlite : has_index_pg;
        Arena *a = arena_new();
        CandidateRow *rows = make_rows(a, "bulk", 2500);
        int64_t cands = count_candidates(s), skills = count_skills(s);
        StoreConn *c;
        int r = store_begin(s, &c);
        if (r == 0)
                r = store_candidates_bulk_begin(c, STORE_CAND_BULK_MIN);
        for (size_t i = 0; r == 0 && i < 2500; i += 1000)
                r = store_candidates_put(c, rows + i, i + 1000 <= 2500 ? 1000 : 2500 - i);
        if (r == 0)
                store_rollback(c);
        CHECK(r == 0, "a bulk import in three batches");
        CHECK(count_candidates(s) == cands && raw_count(url, has_index) == 1,
              "rolling a bulk import back leaves the profiles and the index as they were");
        r = store_begin(s, &c);
        if (r == 0)
                r = store_candidates_bulk_begin(c, STORE_CAND_BULK_MIN);
        for (size_t i = 0; r == 0 && i < 2500; i += 1000)
                r = store_candidates_put(c, rows + i, i + 1000 <= 2500 ? 1000 : 2500 - i);
        if (r == 0)
                r = store_candidates_bulk_end(c);
        if (r == 0)
                r = store_commit(c);
        else
                store_rollback(c);
        CHECK(r == 0, "the same bulk import, committed");
        CHECK(count_candidates(s) == cands + 2500 && count_skills(s) == skills + 2500 * 5,
              "2,500 profiles and 12,500 skill rows stored");
        CHECK_INTEQ(raw_count(url, has_index), 1, "the index of skills is there after the bulk import");
        CHECK_INTEQ(raw_count(url, "SELECT COUNT(*) FROM candidate_skill WHERE skill_uri = '" URI("bulk-61") "'"),
                    raw_count(url, "SELECT COUNT(*) FROM candidate_skill_key k JOIN skill_key s ON s.id = k.skill_id "
                                   "WHERE s.uri = '" URI("bulk-61") "'"),
                    "the candidate_skill view reads the keyed rows");
        r = store_begin(s, &c);
        if (r == 0)
                r = store_candidates_bulk_begin(c, 10); /* small: the index stays */
        if (r == 0)
                r = store_candidates_put(c, make_rows(a, "small", 10), 10);
        if (r == 0)
                r = store_candidates_bulk_end(c);
        CHECK(r == 0 && store_commit(c) == 0, "a small import with the bulk calls");
        CHECK_INTEQ(raw_count(url, has_index), 1, "the index is still there");
        arena_free(a);
}

/* A database as the release before migration 0007 left it, with profiles
 * imported, is upgraded with its data kept. On PostgreSQL in a schema of
 * its own (the URL's search_path). */
static void test_candidates_upgrade(const char *url) {
        char path[256], up[STORE_URL_MAX];
        const EmbeddedFile *list = is_sqlite_url(url) ? td_migrations_sqlite : td_migrations_pg;
        if (is_sqlite_url(url)) {
                snprintf(path, sizeof(path), "/tmp/techdiv-upgrade-%d.db", (int)getpid());
                unlink(path);
                snprintf(up, sizeof(up), "sqlite:%s", path);
        } else {
                CHECK(raw_exec(url, "DROP SCHEMA IF EXISTS td_upgrade CASCADE; CREATE SCHEMA td_upgrade") == 0,
                      "a schema for the upgrade test");
                snprintf(up, sizeof(up), "%s%coptions=-csearch_path%%3Dtd_upgrade", url, strchr(url, '?') ? '&' : '?');
        }
        int old = 0;
        CHECK(raw_exec(up, "CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                           "applied_at TEXT NOT NULL)") == 0, "old database: migrations table");
        for (const EmbeddedFile *m = list; m->name && atoi(m->name) <= 6; m++) {
                char add[200];
                snprintf(add, sizeof(add), "INSERT INTO schema_migration VALUES (%d, '%s', '2026-01-01T00:00:00Z')",
                         atoi(m->name), m->name);
                old += raw_exec(up, (const char *)m->data) == 0 && raw_exec(up, add) == 0;
        }
        CHECK_INTEQ(old, 6, "old database: migrations 1 to 6 applied as the previous release did");
        CHECK(raw_exec(up,
                       "INSERT INTO candidate (external_id, remote, created_at, updated_at) VALUES "
                       "('old-1', 'no', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), "
                       "('old-2', 'any', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                       "INSERT INTO candidate_skill (candidate_id, skill_uri, level) "
                       "SELECT id, '" URI("b") "', 1 FROM candidate WHERE external_id = 'old-1';"
                       "INSERT INTO candidate_skill (candidate_id, skill_uri, level) "
                       "SELECT id, '" URI("a") "', 3 FROM candidate;"
                       "INSERT INTO candidate_city (candidate_id, city) SELECT id, 'Idrija' FROM candidate;") == 0,
              "old database: two profiles with three skills");
        Store *s = open_store(up);
        int applied = 0;
        CHECK(s && store_migrate(s, &applied) == 0 && applied >= 1, "the old database migrates (%d applied)", applied);
        Arena *a = arena_new();
        if (s) {
                CHECK(count_candidates(s) == 2 && count_skills(s) == 3, "profiles and skill rows are kept");
                CHECK_STREQ(skills_of(s, a, "old-1"), URI("a") ":3 " URI("b") ":1", "with their URIs and levels");
                CandidateRow again = { .external_id = "old-2", .skills = (CandidateRowSkill[]){ { URI("c"), 2 }, { URI("a"), 4 } },
                                       .n_skills = 2 };
                CHECK(put(s, &again, 1) == 0, "an upgraded profile is imported again");
                CHECK_STREQ(skills_of(s, a, "old-2"), URI("a") ":4 " URI("c") ":2", "known and new URIs both work");
                CHECK_INTEQ(raw_count(up, "SELECT COUNT(*) FROM skill_key"), 3, "each URI is stored once");
                CHECK_INTEQ(raw_count(up, "SELECT COUNT(*) FROM candidate_city"), 1,
                            "re-importing without cities removed that profile's city");
                CHECK(raw_exec(up, "DELETE FROM candidate WHERE external_id = 'old-1'") == 0 && count_skills(s) == 2 &&
                              raw_count(up, "SELECT COUNT(*) FROM candidate_city") == 0,
                      "deleting a profile deletes its skills and cities");
                CHECK(raw_exec(up, "DELETE FROM skill_key WHERE uri = '" URI("a") "'") < 0 &&
                              raw_count(up, "SELECT COUNT(*) FROM skill_key") == 3,
                      "a skill key in use cannot be deleted");
                CHECK(raw_exec(up, "DELETE FROM skill_key WHERE uri = '" URI("b") "'") == 0 &&
                              raw_count(up, "SELECT COUNT(*) FROM skill_key") == 2,
                      "an unused one can");
                store_close(s);
        }
        arena_free(a);
        if (is_sqlite_url(url)) {
                unlink(path);
                char wal[300];
                snprintf(wal, sizeof(wal), "%s-wal", path);
                unlink(wal);
                snprintf(wal, sizeof(wal), "%s-shm", path);
                unlink(wal);
        } else {
                raw_exec(url, "DROP SCHEMA IF EXISTS td_upgrade CASCADE");
        }
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
                test_event_versions(s);
                test_concurrency(s);
                test_candidates_put(s, url);
                test_candidates_invalid(s);
                test_candidates_bulk(s, url);
                store_close(s);
        }
        test_candidates_upgrade(url);
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
