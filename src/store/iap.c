/* Records of the cities' Integrated Action Plans. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "store/backend.h"

static const char SQL_IAP_INSERT[] =
        "INSERT INTO iap_record (city_id, kind, rec_id, position, doc, version, updated_at) "
        "SELECT id, $2, $3, $4, $5, 1, $6 FROM city WHERE slug = $1 "
        "ON CONFLICT (city_id, kind, rec_id) DO NOTHING";
static const char SQL_IAP_UPDATE[] =
        "UPDATE iap_record SET doc = $5, position = $4, version = version + 1, updated_at = $6 "
        "WHERE city_id = (SELECT id FROM city WHERE slug = $1) AND kind = $2 AND rec_id = $3 "
        "AND ($7 = 0 OR version = $7)";
static const char SQL_IAP_LIST[] =
        "SELECT r.kind, r.rec_id, r.position, r.doc, r.version, r.updated_at FROM iap_record r "
        "JOIN city c ON c.id = r.city_id WHERE c.slug = $1 ORDER BY r.kind, r.position, r.rec_id";
static const char SQL_IAP_DELETE[] =
        "DELETE FROM iap_record WHERE city_id = (SELECT id FROM city WHERE slug = $1) AND kind = $2 AND rec_id = $3";

static const char SQL_IAP_DELETE_AT[] =
        "DELETE FROM iap_record WHERE city_id = (SELECT id FROM city WHERE slug = $1) AND kind = $2 AND rec_id = $3 "
        "AND version = $4";
/* Published postings in a city within [from, to): the platform's own
 * figure for a workspace indicator. */
static const char SQL_JOBS_PUBLISHED_IN[] =
        "SELECT COUNT(*) FROM job WHERE status = 'published' AND city = $1 AND published_at >= $2 "
        "AND published_at < $3";

static void now_iso(char out[32]) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int store_iap_put(StoreConn *c, const IapRecordRow *rec, int64_t expected_version) {
        if (!rec->city_slug || !rec->kind || !rec->rec_id || !*rec->rec_id || !rec->doc ||
            strlen(rec->rec_id) > STORE_IAP_ID_MAX || strlen(rec->doc) > STORE_IAP_DOC_MAX)
                return -EINVAL;
        char when[32];
        now_iso(when);
        StoreValue a[] = { SV_S(rec->city_slug), SV_S(rec->kind), SV_S(rec->rec_id), SV_I(rec->position),
                           SV_S(rec->doc), SV_S(when), SV_I(expected_version) };
        int64_t changed = 0;
        int r = store_q(c, SQL_IAP_UPDATE, a, 7, NULL, NULL, &changed);
        if (r < 0 || changed == 1)
                return r;
        if (expected_version > 0)
                return -EEXIST; /* someone else saved it first, or it is gone */
        r = store_q(c, SQL_IAP_INSERT, a, 6, NULL, NULL, &changed);
        if (r == 0 && changed == 0)
                return -ENOENT; /* no such city */
        return r;
}

int store_iap_delete(StoreConn *c, const char *city_slug, const char *kind, const char *rec_id) {
        StoreValue a[] = { SV_S(city_slug), SV_S(kind), SV_S(rec_id) };
        int64_t changed = 0;
        int r = store_q(c, SQL_IAP_DELETE, a, 3, NULL, NULL, &changed);
        return r < 0 ? r : changed ? 0 : -ENOENT;
}

static int iap_fill(Arena *a, const StoreRow *r, void *item) {
        IapRecordRow *rec = item;
        *rec = (IapRecordRow){
                .kind = row_text(a, r, 0), .rec_id = row_text(a, r, 1), .position = row_int(r, 2),
                .doc = row_text(a, r, 3), .version = row_int(r, 4), .updated_at = row_text(a, r, 5),
        };
        return rec->doc ? 0 : -ENOMEM;
}

int store_iap_list(Store *s, Arena *a, const char *city_slug, IapRecordRow **ret, size_t *ret_n) {
        RowVec v = { .arena = a, .item_size = sizeof(IapRecordRow), .fill = iap_fill };
        StoreConn *c;
        StoreValue args[] = { SV_S(city_slug) };
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = store_q(c, SQL_IAP_LIST, args, 1, rowvec_collect, &v, NULL);
        store_release(c);
        if (r < 0)
                return r;
        for (size_t i = 0; i < v.n; i++)
                ((IapRecordRow *)v.items)[i].city_slug = city_slug;
        *ret = v.items;
        *ret_n = v.n;
        return 0;
}

int store_iap_delete_at(StoreConn *c, const char *city_slug, const char *kind, const char *rec_id,
                        int64_t expected_version) {
        StoreValue a[] = { SV_S(city_slug), SV_S(kind), SV_S(rec_id), SV_I(expected_version) };
        int64_t changed = 0;
        int r = store_q(c, SQL_IAP_DELETE_AT, a, 4, NULL, NULL, &changed);
        return r < 0 ? r : changed ? 0 : -EEXIST;
}

static int count_row(void *ud, const StoreRow *row) {
        *(int64_t *)ud = row_int(row, 0);
        return 0;
}

int store_jobs_published_in(Store *s, const char *city, const char *from, const char *to, int64_t *ret_n) {
        StoreConn *c;
        StoreValue a[] = { SV_S(city), SV_S(from), SV_S(to) };
        int64_t n = 0;
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = store_q(c, SQL_JOBS_PUBLISHED_IN, a, 3, count_row, &n, NULL);
        store_release(c);
        if (r == 0)
                *ret_n = n;
        return r;
}

int store_iap_insert(StoreConn *c, const IapRecordRow *rec) {
        if (!rec->city_slug || !rec->kind || !rec->rec_id || !*rec->rec_id || !rec->doc ||
            strlen(rec->rec_id) > STORE_IAP_ID_MAX || strlen(rec->doc) > STORE_IAP_DOC_MAX)
                return -EINVAL;
        char when[32];
        now_iso(when);
        StoreValue a[] = { SV_S(rec->city_slug), SV_S(rec->kind), SV_S(rec->rec_id), SV_I(rec->position),
                           SV_S(rec->doc), SV_S(when) };
        int64_t changed = 0;
        int r = store_q(c, SQL_IAP_INSERT, a, 6, NULL, NULL, &changed);
        return r < 0 ? r : changed == 1 ? 0 : -EEXIST;
}
