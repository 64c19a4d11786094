/* Bulk candidate profiles (skills, languages, cities, remote preference).
 * On PostgreSQL a batch travels as one JSON parameter (a few statements per
 * thousand profiles instead of a round trip per row); on SQLite, in-process,
 * prepared statements are faster: one per profile, and one per
 * CAND_SQLITE_CHUNK skill, language or city rows. Re-importing an external id
 * replaces that profile's skills, languages and cities. Skills are stored by
 * their skill_key id (migration 0007). */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "core/utf8.h"
#include "store/backend.h"

static const char SQL_CAND_UPSERT_PG[] =
        "INSERT INTO candidate (external_id, remote, created_at, updated_at) "
        "SELECT x.id, x.r, $2, $2 FROM jsonb_to_recordset($1::jsonb) AS x(id text, r text) "
        "ON CONFLICT (external_id) DO UPDATE SET remote = excluded.remote, updated_at = excluded.updated_at";
static const char SQL_CAND_CLEAR_SKILLS_PG[] =
        "DELETE FROM candidate_skill_key WHERE candidate_id IN (SELECT c.id FROM candidate c "
        "JOIN jsonb_to_recordset($1::jsonb) AS p(id text) ON c.external_id = p.id)";
static const char SQL_CAND_CLEAR_LANGS_PG[] =
        "DELETE FROM candidate_language WHERE candidate_id IN (SELECT c.id FROM candidate c "
        "JOIN jsonb_to_recordset($1::jsonb) AS p(id text) ON c.external_id = p.id)";
static const char SQL_CAND_CLEAR_CITIES_PG[] =
        "DELETE FROM candidate_city WHERE candidate_id IN (SELECT c.id FROM candidate c "
        "JOIN jsonb_to_recordset($1::jsonb) AS p(id text) ON c.external_id = p.id)";
/* New URIs first (checked before inserting, so that known ones do not use
 * up identity values), then the rows naming them by id. */
static const char SQL_SKILL_KEYS_PG[] =
        "INSERT INTO skill_key (uri) SELECT DISTINCT s->>'u' FROM jsonb_array_elements($1::jsonb) p "
        "CROSS JOIN jsonb_array_elements(p->'s') s "
        "WHERE NOT EXISTS (SELECT 1 FROM skill_key k WHERE k.uri = s->>'u') ON CONFLICT (uri) DO NOTHING";
static const char SQL_CAND_SKILLS_PG[] =
        "INSERT INTO candidate_skill_key (candidate_id, skill_id, level) "
        "SELECT c.id, k.id, (s->>'l')::int FROM jsonb_array_elements($1::jsonb) p "
        "JOIN candidate c ON c.external_id = p->>'id' CROSS JOIN jsonb_array_elements(p->'s') s "
        "JOIN skill_key k ON k.uri = s->>'u' ON CONFLICT DO NOTHING";
static const char SQL_CAND_LANGS_PG[] =
        "INSERT INTO candidate_language (candidate_id, code, level) "
        "SELECT c.id, s->>'c', s->>'l' FROM jsonb_array_elements($1::jsonb) p "
        "JOIN candidate c ON c.external_id = p->>'id' CROSS JOIN jsonb_array_elements(p->'g') s "
        "ON CONFLICT DO NOTHING";
static const char SQL_CAND_CITIES_PG[] =
        "INSERT INTO candidate_city (candidate_id, city) "
        "SELECT c.id, s FROM jsonb_array_elements($1::jsonb) p "
        "JOIN candidate c ON c.external_id = p->>'id' CROSS JOIN jsonb_array_elements_text(p->'c') s "
        "ON CONFLICT DO NOTHING";
/* SQLite: prepared statements with bound values beat re-parsing JSON
 * batches; a statement's fixed cost is shared by up to CAND_SQLITE_CHUNK
 * rows. */
#define CAND_SQLITE_CHUNK 32
/* A new profile takes the next id, counted here: the transaction holds
 * SQLite's write lock, and RETURNING would cost a temporary table per row. */
static const char SQL_CAND_NEW_SQLITE[] =
        "INSERT INTO candidate (id, external_id, remote, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) "
        "ON CONFLICT (external_id) DO NOTHING";
static const char SQL_CAND_OLD_SQLITE[] =
        "UPDATE candidate SET remote = $2, updated_at = $3 WHERE external_id = $1 RETURNING id";
static const char SQL_CAND_DEL_SKILLS[] = "DELETE FROM candidate_skill_key WHERE candidate_id = $1";
static const char SQL_CAND_DEL_LANGS[] = "DELETE FROM candidate_language WHERE candidate_id = $1";
static const char SQL_CAND_DEL_CITIES[] = "DELETE FROM candidate_city WHERE candidate_id = $1";
static const char SQL_CAND_SKILL_ONE[] =
        "INSERT INTO candidate_skill_key (candidate_id, skill_id, level) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
static const char SQL_SKILL_ID[] = "SELECT id FROM skill_key WHERE uri = $1";
/* 32 rows of three bound parameters, for the chunked inserts below. */
#define ROWS_3X32                                                                                                  \
        "($1,$2,$3),($4,$5,$6),($7,$8,$9),($10,$11,$12),"                                                          \
        "($13,$14,$15),($16,$17,$18),($19,$20,$21),($22,$23,$24),"                                                 \
        "($25,$26,$27),($28,$29,$30),($31,$32,$33),($34,$35,$36),"                                                 \
        "($37,$38,$39),($40,$41,$42),($43,$44,$45),($46,$47,$48),"                                                 \
        "($49,$50,$51),($52,$53,$54),($55,$56,$57),($58,$59,$60),"                                                 \
        "($61,$62,$63),($64,$65,$66),($67,$68,$69),($70,$71,$72),"                                                 \
        "($73,$74,$75),($76,$77,$78),($79,$80,$81),($82,$83,$84),"                                                 \
        "($85,$86,$87),($88,$89,$90),($91,$92,$93),($94,$95,$96)"
static const char SQL_SKILL_NEW[] = "INSERT INTO skill_key (uri) VALUES ($1) RETURNING id";
static const char SQL_CAND_SKILL_CHUNK[] =
        "INSERT INTO candidate_skill_key (candidate_id, skill_id, level) VALUES "
        ROWS_3X32
        " ON CONFLICT DO NOTHING";
static const char SQL_CAND_LANG_ONE[] =
        "INSERT INTO candidate_language (candidate_id, code, level) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
static const char SQL_CAND_LANG_CHUNK[] =
        "INSERT INTO candidate_language (candidate_id, code, level) VALUES "
        ROWS_3X32
        " ON CONFLICT DO NOTHING";
static const char SQL_CAND_CITY_ONE[] =
        "INSERT INTO candidate_city (candidate_id, city) VALUES ($1, $2) ON CONFLICT DO NOTHING";
static const char SQL_CAND_CITY_CHUNK[] =
        "INSERT INTO candidate_city (candidate_id, city) VALUES "
        "($1,$2),($3,$4),($5,$6),($7,$8),($9,$10),($11,$12),"
        "($13,$14),($15,$16),($17,$18),($19,$20),($21,$22),($23,$24),"
        "($25,$26),($27,$28),($29,$30),($31,$32),($33,$34),($35,$36),"
        "($37,$38),($39,$40),($41,$42),($43,$44),($45,$46),($47,$48),"
        "($49,$50),($51,$52),($53,$54),($55,$56),($57,$58),($59,$60),"
        "($61,$62),($63,$64)"
        " ON CONFLICT DO NOTHING";
/* The index as migration 0007 creates it. */
static const char SQL_CAND_INDEX_DROP[] = "DROP INDEX IF EXISTS candidate_skill_key_skill";
static const char SQL_CAND_INDEX_CREATE[] =
        "CREATE INDEX IF NOT EXISTS candidate_skill_key_skill ON candidate_skill_key(skill_id)";
static const char SQL_CAND_MAX_ID[] = "SELECT COALESCE(MAX(id), 0) FROM candidate";
/* Through the view that keeps the schema of before migration 0007. */
static const char SQL_CAND_SKILLS_OF[] =
        "SELECT cs.skill_uri, cs.level FROM candidate_skill cs JOIN candidate c ON c.id = cs.candidate_id "
        "WHERE c.external_id = $1 ORDER BY cs.skill_uri";
static const char SQL_CAND_COUNTS[] =
        "SELECT (SELECT COUNT(*) FROM candidate), (SELECT COUNT(*) FROM candidate_skill_key)";

/* NULL on OOM (the text is valid UTF-8, see row_valid). */
static json_t *row_json(const CandidateRow *c) {
        json_t *o = json_pack("{s:s,s:s,s:[],s:[],s:[]}", "id", c->external_id, "r", c->remote ? c->remote : "any",
                              "s", "g", "c");
        if (!o)
                return NULL;
        json_t *s = json_object_get(o, "s"), *g = json_object_get(o, "g"), *ci = json_object_get(o, "c");
        int bad = 0;
        for (size_t i = 0; i < c->n_skills; i++)
                bad |= json_array_append_new(s, json_pack("{s:s,s:i}", "u", c->skills[i].uri, "l", c->skills[i].level));
        for (size_t i = 0; i < c->n_languages; i++)
                bad |= json_array_append_new(g, json_pack("{s:s,s:s}", "c", c->languages[i].code, "l",
                                                          c->languages[i].level));
        for (size_t i = 0; i < c->n_cities; i++)
                bad |= json_array_append_new(ci, json_string(c->cities[i]));
        if (bad) {
                json_decref(o);
                return NULL;
        }
        return o;
}

static int is_sqlite(const StoreConn *c) { return strcmp(store_backend(c->store), "sqlite") == 0; }

static int first_id(void *ud, const StoreRow *row) {
        *(int64_t *)ud = row_int(row, 0);
        return 1;
}

/* Strings to ids, for one batch: open addressing, keys borrowed from the
 * caller's rows. */
typedef struct KeyMap {
        const char **key;
        int64_t *val;
        size_t mask;
} KeyMap;

/* Room for n keys. */
static int keymap_init(KeyMap *m, size_t n) {
        size_t cap = 16;
        while (cap < n * 2)
                cap *= 2;
        m->key = calloc(cap, sizeof(*m->key));
        m->val = calloc(cap, sizeof(*m->val));
        m->mask = cap - 1;
        return m->key && m->val ? 0 : -ENOMEM;
}

static void keymap_free(KeyMap *m) {
        free(m->key);
        free(m->val);
}

/* The slot of key: m->key[slot] is NULL when key is not there yet. */
static size_t keymap_slot(const KeyMap *m, const char *key) {
        uint64_t h = 1469598103934665603ULL; /* FNV-1a */
        for (const char *p = key; *p; p++)
                h = (h ^ (unsigned char)*p) * 1099511628211ULL;
        size_t i = (size_t)(h ^ (h >> 29)) & m->mask;
        while (m->key[i] && strcmp(m->key[i], key) != 0)
                i = (i + 1) & m->mask;
        return i;
}

/* The id of uri in skill_key, adding it when new; each URI costs one
 * lookup per batch rather than one per profile. */
static int skill_id(StoreConn *c, KeyMap *ids, const char *uri, int64_t *ret_id) {
        size_t i = keymap_slot(ids, uri);
        if (!ids->key[i]) {
                int64_t id = 0;
                StoreValue a[] = { SV_S(uri) };
                int r = store_q(c, SQL_SKILL_ID, a, 1, first_id, &id, NULL);
                if (r == 0 && id == 0)
                        r = store_q(c, SQL_SKILL_NEW, a, 1, first_id, &id, NULL);
                if (r < 0)
                        return r;
                ids->key[i] = uri;
                ids->val[i] = id;
        }
        *ret_id = ids->val[i];
        return 0;
}

/* Child rows waiting for one multi-row INSERT: width values per row, with
 * text borrowed from the caller's rows. */
typedef struct Pending {
        const char *sql_chunk, *sql_one;
        int width;
        size_t n;
        StoreValue v[CAND_SQLITE_CHUNK * 3];
} Pending;

static int pending_add(StoreConn *c, Pending *p, const StoreValue *row) {
        memcpy(&p->v[p->n * (size_t)p->width], row, sizeof(*row) * (size_t)p->width);
        if (++p->n < CAND_SQLITE_CHUNK)
                return 0;
        p->n = 0;
        return store_q(c, p->sql_chunk, p->v, p->width * CAND_SQLITE_CHUNK, NULL, NULL, NULL);
}

static int pending_flush(StoreConn *c, Pending *p) {
        int r = 0;
        for (size_t i = 0; r == 0 && i < p->n; i++)
                r = store_q(c, p->sql_one, &p->v[i * (size_t)p->width], p->width, NULL, NULL, NULL);
        p->n = 0;
        return r;
}

/* One profile's rows are added in key order, so that each lands after the
 * previous one at the end of the table's last page (a new profile has the
 * largest id); inserts into the middle of pages leave them half empty.
 * Ties keep the order given: the first of two equal keys is the one kept,
 * as on PostgreSQL. */
typedef struct SkillLevel {
        int64_t id, level;
        size_t ord;
} SkillLevel;

typedef struct TextRow {
        const char *key, *val;
        size_t ord;
} TextRow;

static int cmp_skill(const void *a, const void *b) {
        const SkillLevel *x = a, *y = b;
        if (x->id != y->id)
                return x->id < y->id ? -1 : 1;
        return (x->ord > y->ord) - (x->ord < y->ord);
}

static int cmp_text(const void *a, const void *b) {
        const TextRow *x = a, *y = b;
        int d = strcmp(x->key, y->key);
        return d ? d : (x->ord > y->ord) - (x->ord < y->ord);
}

typedef struct SqliteBatch {
        int64_t next_id; /* of the next new profile */
        KeyMap skills;
        Pending skill, lang, city;
        /* one profile's rows being sorted, sized for the batch's largest */
        SkillLevel *sk;
        TextRow *lg, *ci;
} SqliteBatch;

static int batch_init(SqliteBatch *b, const CandidateRow *rows, size_t n) {
        size_t nsk = 1, nlg = 1, nci = 1, total = 0;
        for (size_t i = 0; i < n; i++) {
                total += rows[i].n_skills;
                nsk = rows[i].n_skills > nsk ? rows[i].n_skills : nsk;
                nlg = rows[i].n_languages > nlg ? rows[i].n_languages : nlg;
                nci = rows[i].n_cities > nci ? rows[i].n_cities : nci;
        }
        b->skill = (Pending){ .sql_chunk = SQL_CAND_SKILL_CHUNK, .sql_one = SQL_CAND_SKILL_ONE, .width = 3 };
        b->lang = (Pending){ .sql_chunk = SQL_CAND_LANG_CHUNK, .sql_one = SQL_CAND_LANG_ONE, .width = 3 };
        b->city = (Pending){ .sql_chunk = SQL_CAND_CITY_CHUNK, .sql_one = SQL_CAND_CITY_ONE, .width = 2 };
        b->sk = calloc(nsk, sizeof(*b->sk));
        b->lg = calloc(nlg, sizeof(*b->lg));
        b->ci = calloc(nci, sizeof(*b->ci));
        int r = keymap_init(&b->skills, total);
        return r == 0 && b->sk && b->lg && b->ci ? 0 : -ENOMEM;
}

static void batch_free(SqliteBatch *b) {
        keymap_free(&b->skills);
        free(b->sk);
        free(b->lg);
        free(b->ci);
}

static int batch_flush(StoreConn *c, SqliteBatch *b) {
        int r = pending_flush(c, &b->skill);
        if (r == 0)
                r = pending_flush(c, &b->lang);
        if (r == 0)
                r = pending_flush(c, &b->city);
        return r;
}

/* A profile already stored: its rows still waiting are written first (the
 * same external id may come twice in one batch), then replaced. */
static int replace_known(StoreConn *c, SqliteBatch *b, const StoreValue *cand, int64_t *ret_id) {
        int r = batch_flush(c, b);
        if (r == 0)
                r = store_q(c, SQL_CAND_OLD_SQLITE, cand, 3, first_id, ret_id, NULL);
        StoreValue idv[] = { SV_I(*ret_id) };
        if (r == 0)
                r = store_q(c, SQL_CAND_DEL_SKILLS, idv, 1, NULL, NULL, NULL);
        if (r == 0)
                r = store_q(c, SQL_CAND_DEL_LANGS, idv, 1, NULL, NULL, NULL);
        if (r == 0)
                r = store_q(c, SQL_CAND_DEL_CITIES, idv, 1, NULL, NULL, NULL);
        return r;
}

static int put_children(StoreConn *c, SqliteBatch *b, const CandidateRow *row, int64_t id) {
        int r = 0;
        for (size_t i = 0; r == 0 && i < row->n_skills; i++) {
                b->sk[i] = (SkillLevel){ .level = row->skills[i].level, .ord = i };
                r = skill_id(c, &b->skills, row->skills[i].uri, &b->sk[i].id);
        }
        for (size_t i = 0; i < row->n_languages; i++)
                b->lg[i] = (TextRow){ row->languages[i].code, row->languages[i].level, i };
        for (size_t i = 0; i < row->n_cities; i++)
                b->ci[i] = (TextRow){ row->cities[i], NULL, i };
        qsort(b->sk, row->n_skills, sizeof(*b->sk), cmp_skill);
        qsort(b->lg, row->n_languages, sizeof(*b->lg), cmp_text);
        qsort(b->ci, row->n_cities, sizeof(*b->ci), cmp_text);
        for (size_t i = 0; r == 0 && i < row->n_skills; i++)
                r = pending_add(c, &b->skill, (StoreValue[]){ SV_I(id), SV_I(b->sk[i].id), SV_I(b->sk[i].level) });
        for (size_t i = 0; r == 0 && i < row->n_languages; i++)
                r = pending_add(c, &b->lang, (StoreValue[]){ SV_I(id), SV_S(b->lg[i].key), SV_S(b->lg[i].val) });
        for (size_t i = 0; r == 0 && i < row->n_cities; i++)
                r = pending_add(c, &b->city, (StoreValue[]){ SV_I(id), SV_S(b->ci[i].key) });
        return r;
}

static int put_one_sqlite(StoreConn *c, SqliteBatch *b, const CandidateRow *row, const char *when) {
        int64_t id = b->next_id, added = 0;
        StoreValue a[] = { SV_I(id), SV_S(row->external_id), SV_S(row->remote ? row->remote : "any"), SV_S(when) };
        int r = store_q(c, SQL_CAND_NEW_SQLITE, a, 4, NULL, NULL, &added);
        if (r == 0 && added)
                b->next_id++;
        else if (r == 0)
                r = replace_known(c, b, a + 1, &id);
        return r == 0 ? put_children(c, b, row, id) : r;
}

static int put_sqlite(StoreConn *c, const CandidateRow *rows, size_t n, const char *when) {
        SqliteBatch *b = calloc(1, sizeof(*b));
        if (!b)
                return -ENOMEM;
        int r = batch_init(b, rows, n);
        if (r == 0)
                r = store_q(c, SQL_CAND_MAX_ID, NULL, 0, first_id, &b->next_id, NULL);
        b->next_id++;
        for (size_t i = 0; r == 0 && i < n; i++)
                r = put_one_sqlite(c, b, &rows[i], when);
        if (r == 0)
                r = batch_flush(c, b);
        batch_free(b);
        free(b);
        return r;
}

static void now_iso(char when[32]) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(when, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static bool text_ok(const char *s) { return s && utf8_valid(s, strlen(s)); }

/* Everything the statements need, checked before anything is written:
 * both engines then store the same (PostgreSQL refuses text that is not
 * UTF-8). */
static int row_valid(const CandidateRow *r) {
        if (!text_ok(r->external_id) || !*r->external_id || (r->remote && !text_ok(r->remote)) ||
            (r->n_skills && !r->skills) || (r->n_languages && !r->languages) || (r->n_cities && !r->cities))
                return 0;
        for (size_t i = 0; i < r->n_skills; i++)
                if (!text_ok(r->skills[i].uri))
                        return 0;
        for (size_t i = 0; i < r->n_languages; i++)
                if (!text_ok(r->languages[i].code) || !text_ok(r->languages[i].level))
                        return 0;
        for (size_t i = 0; i < r->n_cities; i++)
                if (!text_ok(r->cities[i]))
                        return 0;
        return 1;
}

/* The batch as JSON (*ret: the caller's to free), each external id once:
 * the last row with it wins, as on SQLite (one INSERT cannot update the
 * same row twice). */
static int batch_json(const CandidateRow *rows, size_t n, char **ret) {
        KeyMap seen = { 0 };
        json_t *arr = json_array();
        int r = arr ? keymap_init(&seen, n) : -ENOMEM;
        for (size_t i = n; r == 0 && i-- > 0;) {
                size_t k = keymap_slot(&seen, rows[i].external_id);
                if (seen.key[k])
                        continue;
                seen.key[k] = rows[i].external_id;
                json_t *row = row_json(&rows[i]);
                r = row && json_array_append_new(arr, row) == 0 ? 0 : -ENOMEM;
        }
        keymap_free(&seen);
        char *text = r == 0 ? json_dumps(arr, JSON_COMPACT) : NULL;
        json_decref(arr);
        if (r == 0 && !text)
                r = -ENOMEM;
        if (r == 0)
                *ret = text;
        return r;
}

static int put_pg(StoreConn *c, const CandidateRow *rows, size_t n, const char *when) {
        static const char *const steps[] = { SQL_CAND_CLEAR_SKILLS_PG, SQL_CAND_CLEAR_LANGS_PG, SQL_CAND_CLEAR_CITIES_PG,
                                             SQL_SKILL_KEYS_PG,        SQL_CAND_SKILLS_PG,      SQL_CAND_LANGS_PG,
                                             SQL_CAND_CITIES_PG };
        char *text = NULL;
        int r = batch_json(rows, n, &text);
        if (r < 0)
                return r;
        StoreValue a[] = { SV_S(text), SV_S(when) };
        r = store_q(c, SQL_CAND_UPSERT_PG, a, 2, NULL, NULL, NULL);
        for (size_t i = 0; r == 0 && i < sizeof(steps) / sizeof(steps[0]); i++)
                r = store_q(c, steps[i], a, 1, NULL, NULL, NULL);
        free(text);
        return r;
}

int store_candidates_put(StoreConn *c, const CandidateRow *rows, size_t n) {
        for (size_t i = 0; i < n; i++)
                if (!row_valid(&rows[i]))
                        return -EINVAL;
        if (n == 0)
                return 0;
        char when[32];
        now_iso(when);
        return is_sqlite(c) ? put_sqlite(c, rows, n, when) : put_pg(c, rows, n, when);
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

static int skill_fill(Arena *a, const StoreRow *row, void *item) {
        CandidateRowSkill *sk = item;
        sk->uri = row_text(a, row, 0);
        sk->level = (int)row_int(row, 1);
        return sk->uri ? 0 : -ENOMEM;
}

int store_candidates_skills(Store *s, Arena *a, const char *external_id, CandidateRowSkill **ret, size_t *ret_n) {
        if (!external_id || !*external_id)
                return -EINVAL;
        StoreConn *c;
        RowVec v = { .arena = a, .item_size = sizeof(CandidateRowSkill), .fill = skill_fill };
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        StoreValue args[] = { SV_S(external_id) };
        r = store_q(c, SQL_CAND_SKILLS_OF, args, 1, rowvec_collect, &v, NULL);
        store_release(c);
        if (r == 0) {
                *ret = v.items;
                *ret_n = v.n;
        }
        return r;
}

int store_candidates_bulk_begin(StoreConn *c, size_t expected) {
        if (!is_sqlite(c) || expected < STORE_CAND_BULK_MIN)
                return 0;
        int64_t stored = 0; /* ids only grow: the largest is a bound, read without a scan */
        int r = store_q(c, SQL_CAND_MAX_ID, NULL, 0, first_id, &stored, NULL);
        if (r < 0 || (uint64_t)stored > 2 * (uint64_t)expected)
                return r;
        return store_q(c, SQL_CAND_INDEX_DROP, NULL, 0, NULL, NULL, NULL);
}

int store_candidates_bulk_end(StoreConn *c) {
        return is_sqlite(c) ? store_q(c, SQL_CAND_INDEX_CREATE, NULL, 0, NULL, NULL, NULL) : 0;
}
