/* Job postings: the JSON document plus copies of what lists filter on. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "store/backend.h"

static const char SQL_JOB_INSERT[] =
        "INSERT INTO job (ext_key, org_key, status, lang, city, remote, occupation_uri, deadline, published_at, doc, "
        "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id";
static const char SQL_JOB_UPSERT_EXT[] =
        "INSERT INTO job (ext_key, org_key, status, lang, city, remote, occupation_uri, deadline, published_at, doc, "
        "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) "
        "ON CONFLICT (ext_key) DO UPDATE SET status = excluded.status, lang = excluded.lang, city = excluded.city, "
        "remote = excluded.remote, occupation_uri = excluded.occupation_uri, deadline = excluded.deadline, "
        "published_at = excluded.published_at, doc = excluded.doc, updated_at = excluded.updated_at, "
        "version = job.version + 1 RETURNING id";
/* Every parameter is used (PostgreSQL cannot type an unused one). */
static const char SQL_JOB_UPDATE[] =
        "UPDATE job SET status = $1, lang = $2, city = $3, remote = $4, occupation_uri = $5, deadline = $6, "
        "published_at = $7, doc = $8, updated_at = $9, version = version + 1 "
        "WHERE id = $10 AND ($11 = 0 OR version = $11) RETURNING id";
static const char SQL_JOB_GET[] =
        "SELECT id, ext_key, org_key, status, lang, city, remote, occupation_uri, deadline, published_at, doc, version "
        "FROM job WHERE id = $1";
static const char SQL_JOB_LIST_OPEN[] =
        "SELECT id, ext_key, org_key, status, lang, city, remote, occupation_uri, deadline, published_at, doc, version "
        "FROM job WHERE status = 'published' AND (deadline IS NULL OR deadline >= $1) "
        "ORDER BY published_at DESC, id DESC LIMIT $2";

static const char SQL_JOB_LIST_ORG[] =
        "SELECT id, ext_key, org_key, status, lang, city, remote, occupation_uri, deadline, published_at, doc, version "
        "FROM job WHERE org_key = $1 ORDER BY updated_at DESC, id DESC LIMIT $2";

static void now_iso(char when[32]) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(when, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int got_id(void *ud, const StoreRow *row) {
        *(int64_t *)ud = row_int(row, 0);
        return 1;
}

int store_job_put(StoreConn *c, const JobRow *job, int64_t expected_version, int64_t *ret_id) {
        if (!job->status || !job->lang || !job->remote || !job->doc || strlen(job->doc) > STORE_JOB_DOC_MAX)
                return -EINVAL;
        char when[32];
        now_iso(when);
        StoreValue a[] = {
                SV_S(job->ext_key), SV_S(job->org_key),        SV_S(job->status),   SV_S(job->lang),
                SV_S(job->city),    SV_S(job->remote),         SV_S(job->occupation_uri), SV_S(job->deadline),
                SV_S(job->published_at), SV_S(job->doc),       SV_S(when),
        };
        int64_t id = 0;
        int r;
        if (job->id) {
                StoreValue u[] = {
                        a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], SV_I(job->id), SV_I(expected_version),
                };
                r = store_q(c, SQL_JOB_UPDATE, u, 11, got_id, &id, NULL);
        } else {
                r = store_q(c, job->ext_key ? SQL_JOB_UPSERT_EXT : SQL_JOB_INSERT, a, 11, got_id, &id, NULL);
        }
        if (r == 0 && id == 0)
                return job->id ? -EEXIST : -EIO; /* changed by someone else, or gone */
        if (r == 0 && ret_id)
                *ret_id = id;
        return r;
}

static int job_fill(Arena *a, const StoreRow *r, void *item) {
        JobRow *j = item;
        *j = (JobRow){
                .id = row_int(r, 0), .ext_key = row_text(a, r, 1), .org_key = row_text(a, r, 2),
                .status = row_text(a, r, 3), .lang = row_text(a, r, 4), .city = row_text(a, r, 5),
                .remote = row_text(a, r, 6), .occupation_uri = row_text(a, r, 7), .deadline = row_text(a, r, 8),
                .published_at = row_text(a, r, 9), .doc = row_text(a, r, 10), .version = row_int(r, 11),
        };
        return j->doc ? 0 : -ENOMEM;
}

static int job_query(Store *s, Arena *a, const char *sql, const StoreValue *args, int n, RowVec *v) {
        StoreConn *c;
        *v = (RowVec){ .arena = a, .item_size = sizeof(JobRow), .fill = job_fill };
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = store_q(c, sql, args, n, rowvec_collect, v, NULL);
        store_release(c);
        return r;
}

int store_job_get(Store *s, Arena *a, int64_t id, JobRow *ret) {
        RowVec v;
        StoreValue args[] = { SV_I(id) };
        int r = job_query(s, a, SQL_JOB_GET, args, 1, &v);
        if (r == 0 && v.n == 0)
                return -ENOENT;
        if (r == 0)
                *ret = *(JobRow *)v.items;
        return r;
}

int store_job_list_open(Store *s, Arena *a, const char *now_iso_date, int64_t limit, JobRow **ret, size_t *ret_n) {
        RowVec v;
        StoreValue args[] = { SV_S(now_iso_date), SV_I(limit) };
        int r = job_query(s, a, SQL_JOB_LIST_OPEN, args, 2, &v);
        if (r == 0) {
                *ret = v.items;
                *ret_n = v.n;
        }
        return r;
}

int store_job_list_org(Store *s, Arena *a, const char *org_key, int64_t limit, JobRow **ret, size_t *ret_n) {
        RowVec v;
        StoreValue args[] = { SV_S(org_key), SV_I(limit) };
        int r = job_query(s, a, SQL_JOB_LIST_ORG, args, 2, &v);
        if (r == 0) {
                *ret = v.items;
                *ret_n = v.n;
        }
        return r;
}
