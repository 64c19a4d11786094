/* ESCO reference data. Rows arrive in batches as one JSON array parameter
 * so that a 120,000-row import is a few hundred statements on both engines
 * (the statements are fixed literals; only the parameter varies). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "store/backend.h"

static const char SQL_CONCEPTS_SQLITE[] =
        "INSERT INTO esco_concept (uri, kind, skill_type, reuse_level, isco_group, code) "
        "SELECT json_extract(value, '$.u'), json_extract(value, '$.k'), json_extract(value, '$.st'), "
        "json_extract(value, '$.rl'), json_extract(value, '$.ig'), json_extract(value, '$.c') "
        "FROM json_each($1) WHERE true "
        "ON CONFLICT (uri) DO UPDATE SET kind = excluded.kind, skill_type = excluded.skill_type, "
        "reuse_level = excluded.reuse_level, isco_group = excluded.isco_group, code = excluded.code";
static const char SQL_CONCEPTS_PG[] =
        "INSERT INTO esco_concept (uri, kind, skill_type, reuse_level, isco_group, code) "
        "SELECT u, k, st, rl, ig, c FROM json_to_recordset($1::json) "
        "AS x(u text, k int, st text, rl text, ig text, c text) "
        "ON CONFLICT (uri) DO UPDATE SET kind = excluded.kind, skill_type = excluded.skill_type, "
        "reuse_level = excluded.reuse_level, isco_group = excluded.isco_group, code = excluded.code";
static const char SQL_LABELS_SQLITE[] =
        "INSERT INTO esco_label (uri, lang, preferred, alt, description) "
        "SELECT json_extract(value, '$.u'), json_extract(value, '$.l'), json_extract(value, '$.p'), "
        "json_extract(value, '$.a'), json_extract(value, '$.d') FROM json_each($1) WHERE true "
        "ON CONFLICT (uri, lang) DO UPDATE SET preferred = excluded.preferred, alt = excluded.alt, "
        "description = excluded.description";
static const char SQL_LABELS_PG[] =
        "INSERT INTO esco_label (uri, lang, preferred, alt, description) "
        "SELECT u, l, p, a, d FROM json_to_recordset($1::json) AS x(u text, l text, p text, a text, d text) "
        "ON CONFLICT (uri, lang) DO UPDATE SET preferred = excluded.preferred, alt = excluded.alt, "
        "description = excluded.description";
static const char SQL_RELATIONS_SQLITE[] =
        "INSERT INTO esco_relation (occupation_uri, skill_uri, essential) "
        "SELECT json_extract(value, '$.o'), json_extract(value, '$.s'), json_extract(value, '$.e') "
        "FROM json_each($1) WHERE true "
        "ON CONFLICT (occupation_uri, skill_uri) DO UPDATE SET essential = excluded.essential";
static const char SQL_RELATIONS_PG[] =
        "INSERT INTO esco_relation (occupation_uri, skill_uri, essential) "
        "SELECT o, s, e FROM json_to_recordset($1::json) AS x(o text, s text, e int) "
        "ON CONFLICT (occupation_uri, skill_uri) DO UPDATE SET essential = excluded.essential";
static const char SQL_COLLECTION_SQLITE[] =
        "INSERT INTO esco_collection (collection, uri) SELECT $2, value FROM json_each($1) WHERE true "
        "ON CONFLICT (collection, uri) DO NOTHING";
static const char SQL_COLLECTION_PG[] =
        "INSERT INTO esco_collection (collection, uri) SELECT $2::int, u FROM json_array_elements_text($1::json) "
        "AS x(u) ON CONFLICT (collection, uri) DO NOTHING";

static const char SQL_SCAN_CONCEPTS[] =
        "SELECT c.uri, c.kind, c.skill_type, c.reuse_level, c.isco_group, c.code, l.lang, l.preferred, l.alt, "
        "l.description FROM esco_concept c JOIN esco_label l ON l.uri = c.uri "
        "ORDER BY c.uri, CASE WHEN l.lang = 'en' THEN 0 ELSE 1 END, l.lang";
static const char SQL_SCAN_RELATIONS[] = "SELECT occupation_uri, skill_uri, essential FROM esco_relation";
static const char SQL_SCAN_COLLECTIONS[] = "SELECT collection, uri FROM esco_collection";
static const char SQL_COUNTS[] =
        "SELECT (SELECT COUNT(*) FROM esco_concept WHERE kind = 0), (SELECT COUNT(*) FROM esco_concept WHERE kind = 1), "
        "(SELECT COUNT(*) FROM esco_relation)";

static int is_pg(const StoreConn *c) { return strcmp(store_backend(c->store), "postgresql") == 0; }

static void jset(json_t *o, const char *k, const char *v) {
        if (v)
                json_object_set_new(o, k, json_string(v));
}

/* Runs one batch statement with the array as parameter $1 (and extra). */
static int run_batch(StoreConn *c, const char *sqlite_sql, const char *pg_sql, json_t *arr, const StoreValue *extra) {
        char *text = json_dumps(arr, JSON_COMPACT);
        if (!text)
                return -ENOMEM;
        StoreValue args[2] = { SV_S(text), extra ? *extra : SV_I(0) };
        int r = store_q(c, is_pg(c) ? pg_sql : sqlite_sql, args, extra ? 2 : 1, NULL, NULL, NULL);
        free(text);
        return r;
}

int store_esco_put_concepts(StoreConn *c, const EscoConceptRow *rows, size_t n) {
        json_t *concepts = json_array(), *labels = json_array();
        int r = concepts && labels ? 0 : -ENOMEM;
        for (size_t i = 0; r == 0 && i < n; i++) {
                if (!rows[i].uri || !*rows[i].uri || !rows[i].lang || !rows[i].preferred) {
                        r = -EINVAL;
                        break;
                }
                json_t *o = json_pack("{s:s,s:i}", "u", rows[i].uri, "k", rows[i].kind);
                jset(o, "st", rows[i].skill_type);
                jset(o, "rl", rows[i].reuse_level);
                jset(o, "ig", rows[i].isco_group);
                jset(o, "c", rows[i].code);
                json_t *l = json_pack("{s:s,s:s,s:s,s:s}", "u", rows[i].uri, "l", rows[i].lang, "p",
                                      rows[i].preferred, "a", rows[i].alt ? rows[i].alt : "");
                jset(l, "d", rows[i].description);
                if (!o || !l || json_array_append_new(concepts, o) < 0 || json_array_append_new(labels, l) < 0)
                        r = -ENOMEM;
        }
        if (r == 0 && n)
                r = run_batch(c, SQL_CONCEPTS_SQLITE, SQL_CONCEPTS_PG, concepts, NULL);
        if (r == 0 && n)
                r = run_batch(c, SQL_LABELS_SQLITE, SQL_LABELS_PG, labels, NULL);
        json_decref(concepts);
        json_decref(labels);
        return r;
}

int store_esco_put_relations(StoreConn *c, const EscoRelationRow *rows, size_t n) {
        json_t *arr = json_array();
        int r = arr ? 0 : -ENOMEM;
        for (size_t i = 0; r == 0 && i < n; i++) {
                if (!rows[i].occupation_uri || !rows[i].skill_uri)
                        r = -EINVAL;
                else if (json_array_append_new(arr, json_pack("{s:s,s:s,s:i}", "o", rows[i].occupation_uri, "s",
                                                              rows[i].skill_uri, "e", !!rows[i].essential)) < 0)
                        r = -ENOMEM;
        }
        if (r == 0 && n)
                r = run_batch(c, SQL_RELATIONS_SQLITE, SQL_RELATIONS_PG, arr, NULL);
        json_decref(arr);
        return r;
}

int store_esco_put_collection(StoreConn *c, int collection, const char *const *uris, size_t n) {
        json_t *arr = json_array();
        int r = arr ? 0 : -ENOMEM;
        for (size_t i = 0; r == 0 && i < n; i++)
                if (!uris[i] || json_array_append_new(arr, json_string(uris[i])) < 0)
                        r = uris[i] ? -ENOMEM : -EINVAL;
        StoreValue extra = SV_I(collection);
        if (r == 0 && n)
                r = run_batch(c, SQL_COLLECTION_SQLITE, SQL_COLLECTION_PG, arr, &extra);
        json_decref(arr);
        return r;
}

static int scan_concept(void *ud, const StoreRow *row) {
        const EscoScan *s = ud;
        EscoConceptRow c = {
                .uri = row->v[0].s, .kind = (int)row_int(row, 1),
                .skill_type = row->v[2].type == SV_NULL ? NULL : row->v[2].s,
                .reuse_level = row->v[3].type == SV_NULL ? NULL : row->v[3].s,
                .isco_group = row->v[4].type == SV_NULL ? NULL : row->v[4].s,
                .code = row->v[5].type == SV_NULL ? NULL : row->v[5].s,
                .lang = row->v[6].s, .preferred = row->v[7].s, .alt = row->v[8].s,
                .description = row->v[9].type == SV_NULL ? NULL : row->v[9].s,
        };
        return s->concept(s->userdata, &c);
}

static int scan_relation(void *ud, const StoreRow *row) {
        const EscoScan *s = ud;
        EscoRelationRow r = { .occupation_uri = row->v[0].s, .skill_uri = row->v[1].s,
                              .essential = (int)row_int(row, 2) };
        return s->relation(s->userdata, &r);
}

static int scan_collection(void *ud, const StoreRow *row) {
        const EscoScan *s = ud;
        return s->collection(s->userdata, (int)row_int(row, 0), row->v[1].s);
}

int store_esco_scan(Store *s, const EscoScan *scan) {
        StoreConn *c;
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = store_q(c, SQL_SCAN_CONCEPTS, NULL, 0, scan_concept, (void *)scan, NULL);
        if (r == 0)
                r = store_q(c, SQL_SCAN_RELATIONS, NULL, 0, scan_relation, (void *)scan, NULL);
        if (r == 0)
                r = store_q(c, SQL_SCAN_COLLECTIONS, NULL, 0, scan_collection, (void *)scan, NULL);
        store_release(c);
        return r;
}

static int counts_row(void *ud, const StoreRow *row) {
        EscoCounts *n = ud;
        n->skills = row_int(row, 0);
        n->occupations = row_int(row, 1);
        n->relations = row_int(row, 2);
        return 1;
}

int store_esco_counts(Store *s, EscoCounts *ret) {
        StoreConn *c;
        EscoCounts n = { 0 };
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = store_q(c, SQL_COUNTS, NULL, 0, counts_row, &n, NULL);
        store_release(c);
        if (r == 0)
                *ret = n;
        return r;
}
