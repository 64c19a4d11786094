/* Bulk candidate profiles (skills, languages, cities, remote preference).
 * On PostgreSQL a batch travels as one JSON parameter (a few statements per
 * thousand profiles instead of a round trip per row); on SQLite, in-process,
 * prepared statements per row are faster. Re-importing an external id replaces
 * that profile's skills, languages and cities. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "store/backend.h"

static const char SQL_CAND_UPSERT_PG[] =
        "INSERT INTO candidate (external_id, remote, created_at, updated_at) "
        "SELECT x.id, x.r, $2, $2 FROM json_to_recordset($1::json) AS x(id text, r text) "
        "ON CONFLICT (external_id) DO UPDATE SET remote = excluded.remote, updated_at = excluded.updated_at";
static const char SQL_CAND_CLEAR_SKILLS_PG[] =
        "DELETE FROM candidate_skill WHERE candidate_id IN (SELECT c.id FROM candidate c "
        "JOIN json_to_recordset($1::json) AS p(id text) ON c.external_id = p.id)";
static const char SQL_CAND_CLEAR_LANGS_PG[] =
        "DELETE FROM candidate_language WHERE candidate_id IN (SELECT c.id FROM candidate c "
        "JOIN json_to_recordset($1::json) AS p(id text) ON c.external_id = p.id)";
static const char SQL_CAND_CLEAR_CITIES_PG[] =
        "DELETE FROM candidate_city WHERE candidate_id IN (SELECT c.id FROM candidate c "
        "JOIN json_to_recordset($1::json) AS p(id text) ON c.external_id = p.id)";
static const char SQL_CAND_SKILLS_PG[] =
        "INSERT INTO candidate_skill (candidate_id, skill_uri, level) "
        "SELECT c.id, s->>'u', (s->>'l')::int FROM json_array_elements($1::json) p "
        "JOIN candidate c ON c.external_id = p->>'id' CROSS JOIN json_array_elements(p->'s') s "
        "ON CONFLICT DO NOTHING";
static const char SQL_CAND_LANGS_PG[] =
        "INSERT INTO candidate_language (candidate_id, code, level) "
        "SELECT c.id, s->>'c', s->>'l' FROM json_array_elements($1::json) p "
        "JOIN candidate c ON c.external_id = p->>'id' CROSS JOIN json_array_elements(p->'g') s "
        "ON CONFLICT DO NOTHING";
static const char SQL_CAND_CITIES_PG[] =
        "INSERT INTO candidate_city (candidate_id, city) "
        "SELECT c.id, s FROM json_array_elements($1::json) p "
        "JOIN candidate c ON c.external_id = p->>'id' CROSS JOIN json_array_elements_text(p->'c') s "
        "ON CONFLICT DO NOTHING";
/* SQLite: one prepared statement per row beats re-parsing JSON batches. */
static const char SQL_CAND_NEW_SQLITE[] =
        "INSERT INTO candidate (external_id, remote, created_at, updated_at) VALUES ($1, $2, $3, $3) "
        "ON CONFLICT (external_id) DO NOTHING RETURNING id";
static const char SQL_CAND_OLD_SQLITE[] =
        "UPDATE candidate SET remote = $2, updated_at = $3 WHERE external_id = $1 RETURNING id";
static const char SQL_CAND_DEL_SKILLS[] = "DELETE FROM candidate_skill WHERE candidate_id = $1";
static const char SQL_CAND_DEL_LANGS[] = "DELETE FROM candidate_language WHERE candidate_id = $1";
static const char SQL_CAND_DEL_CITIES[] = "DELETE FROM candidate_city WHERE candidate_id = $1";
static const char SQL_CAND_SKILL_ONE[] =
        "INSERT INTO candidate_skill (candidate_id, skill_uri, level) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
static const char SQL_CAND_LANG_ONE[] =
        "INSERT INTO candidate_language (candidate_id, code, level) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
static const char SQL_CAND_CITY_ONE[] =
        "INSERT INTO candidate_city (candidate_id, city) VALUES ($1, $2) ON CONFLICT DO NOTHING";
static const char SQL_CAND_COUNTS[] =
        "SELECT (SELECT COUNT(*) FROM candidate), (SELECT COUNT(*) FROM candidate_skill)";

static json_t *row_json(const CandidateRow *c) {
        json_t *o = json_pack("{s:s,s:s,s:[],s:[],s:[]}", "id", c->external_id, "r", c->remote ? c->remote : "any",
                              "s", "g", "c");
        if (!o)
                return NULL;
        json_t *s = json_object_get(o, "s"), *g = json_object_get(o, "g"), *ci = json_object_get(o, "c");
        for (size_t i = 0; i < c->n_skills; i++)
                json_array_append_new(s, json_pack("{s:s,s:i}", "u", c->skills[i].uri, "l", c->skills[i].level));
        for (size_t i = 0; i < c->n_languages; i++)
                json_array_append_new(g, json_pack("{s:s,s:s}", "c", c->languages[i].code, "l", c->languages[i].level));
        for (size_t i = 0; i < c->n_cities; i++)
                json_array_append_new(ci, json_string(c->cities[i]));
        return o;
}

static int first_id(void *ud, const StoreRow *row) {
        *(int64_t *)ud = row_int(row, 0);
        return 1;
}

static int put_one_sqlite(StoreConn *c, const CandidateRow *row, const char *when) {
        int64_t id = 0;
        StoreValue a[] = { SV_S(row->external_id), SV_S(row->remote ? row->remote : "any"), SV_S(when) };
        int r = store_q(c, SQL_CAND_NEW_SQLITE, a, 3, first_id, &id, NULL);
        if (r == 0 && id == 0) { /* known profile: replace what it lists */
                r = store_q(c, SQL_CAND_OLD_SQLITE, a, 3, first_id, &id, NULL);
                StoreValue idv[] = { SV_I(id) };
                if (r == 0)
                        r = store_q(c, SQL_CAND_DEL_SKILLS, idv, 1, NULL, NULL, NULL);
                if (r == 0)
                        r = store_q(c, SQL_CAND_DEL_LANGS, idv, 1, NULL, NULL, NULL);
                if (r == 0)
                        r = store_q(c, SQL_CAND_DEL_CITIES, idv, 1, NULL, NULL, NULL);
        }
        for (size_t i = 0; r == 0 && i < row->n_skills; i++) {
                StoreValue v[] = { SV_I(id), SV_S(row->skills[i].uri), SV_I(row->skills[i].level) };
                r = store_q(c, SQL_CAND_SKILL_ONE, v, 3, NULL, NULL, NULL);
        }
        for (size_t i = 0; r == 0 && i < row->n_languages; i++) {
                StoreValue v[] = { SV_I(id), SV_S(row->languages[i].code), SV_S(row->languages[i].level) };
                r = store_q(c, SQL_CAND_LANG_ONE, v, 3, NULL, NULL, NULL);
        }
        for (size_t i = 0; r == 0 && i < row->n_cities; i++) {
                StoreValue v[] = { SV_I(id), SV_S(row->cities[i]) };
                r = store_q(c, SQL_CAND_CITY_ONE, v, 2, NULL, NULL, NULL);
        }
        return r;
}

static void now_iso(char when[32]) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(when, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int store_candidates_put(StoreConn *c, const CandidateRow *rows, size_t n) {
        if (n == 0)
                return 0;
        for (size_t i = 0; i < n; i++)
                if (!rows[i].external_id || !*rows[i].external_id)
                        return -EINVAL;
        char when[32];
        now_iso(when);
        if (strcmp(store_backend(c->store), "sqlite") == 0) {
                int r = 0;
                for (size_t i = 0; r == 0 && i < n; i++)
                        r = put_one_sqlite(c, &rows[i], when);
                return r;
        }
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < n; i++) {
                if (!rows[i].external_id || !*rows[i].external_id) {
                        json_decref(arr);
                        return -EINVAL;
                }
                if (json_array_append_new(arr, row_json(&rows[i])) < 0) {
                        json_decref(arr);
                        return -ENOMEM;
                }
        }
        char *text = arr ? json_dumps(arr, JSON_COMPACT) : NULL;
        json_decref(arr);
        if (!text)
                return -ENOMEM;
        StoreValue a[] = { SV_S(text), SV_S(when) };
        int r;
        r = store_q(c, SQL_CAND_UPSERT_PG, a, 2, NULL, NULL, NULL);
        if (r == 0)
                r = store_q(c, SQL_CAND_CLEAR_SKILLS_PG, a, 1, NULL, NULL, NULL);
        if (r == 0)
                r = store_q(c, SQL_CAND_CLEAR_LANGS_PG, a, 1, NULL, NULL, NULL);
        if (r == 0)
                r = store_q(c, SQL_CAND_CLEAR_CITIES_PG, a, 1, NULL, NULL, NULL);
        if (r == 0)
                r = store_q(c, SQL_CAND_SKILLS_PG, a, 1, NULL, NULL, NULL);
        if (r == 0)
                r = store_q(c, SQL_CAND_LANGS_PG, a, 1, NULL, NULL, NULL);
        if (r == 0)
                r = store_q(c, SQL_CAND_CITIES_PG, a, 1, NULL, NULL, NULL);
        free(text);
        return r;
}

static int counts_row(void *ud, const StoreRow *row) {
        int64_t *n = ud;
        n[0] = row_int(row, 0);
        n[1] = row_int(row, 1);
        return 1;
}

int store_candidates_count(Store *s, int64_t *ret_candidates, int64_t *ret_skills) {
        StoreConn *c;
        int64_t n[2] = { 0, 0 };
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = store_q(c, SQL_CAND_COUNTS, NULL, 0, counts_row, n, NULL);
        store_release(c);
        if (r == 0) {
                *ret_candidates = n[0];
                *ret_skills = n[1];
        }
        return r;
}
