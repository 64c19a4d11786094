#include "domain/jobs/board.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

const char *board_time(int64_t t, char buf[32]) {
        if (t <= 0) {
                buf[0] = '\0';
                return buf;
        }
        time_t tt = (time_t)t;
        struct tm tm;
        gmtime_r(&tt, &tm);
        strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
        return buf;
}

static int64_t parse_time(const char *s) {
        struct tm tm = { 0 };
        if (!s || !*s)
                return 0;
        const char *end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
        return end && !*end ? (int64_t)timegm(&tm) : 0;
}

int board_job_row(Arena *a, const Job *job, JobRow *ret) {
        json_t *j = jobs_to_json(job);
        char *doc = j ? json_dumps(j, JSON_COMPACT) : NULL;
        json_decref(j);
        if (!doc)
                return -ENOMEM;
        char t1[32], t2[32];
        *ret = (JobRow){
                .id = job->id, .status = jobs_status_name(job->status), .lang = lang_code(job->lang),
                .city = job->city && *job->city ? arena_strdup(a, job->city) : NULL,
                .remote = jobs_remote_name(job->remote), .occupation_uri = arena_strdup(a, job->esco_occupation_uri),
                .deadline = job->deadline ? arena_strdup(a, board_time(job->deadline, t1)) : NULL,
                .published_at = job->published_at ? arena_strdup(a, board_time(job->published_at, t2)) : NULL,
                .doc = arena_strdup(a, doc),
        };
        free(doc);
        return ret->doc ? 0 : -ENOMEM;
}

int board_decode(Arena *a, const JobRow *row, Job *ret) {
        json_t *j = json_loads(row->doc, JSON_REJECT_DUPLICATES, NULL);
        Job job = { 0 };
        JobProblem *probs;
        size_t np = 0;
        int r = j ? jobs_from_json(a, j, &job, &probs, &np) : -EINVAL;
        json_decref(j);
        if (r < 0 || np)
                return r < 0 ? r : -EINVAL;
        job.id = row->id;
        if (jobs_status_parse(row->status, &job.status) < 0)
                return -EINVAL;
        job.published_at = parse_time(row->published_at);
        *ret = job;
        return 0;
}

int board_list_open(Store *s, Arena *a, const JobFilter *f, int64_t now, Job **ret, size_t *ret_n) {
        char nowbuf[32];
        JobRow *rows;
        size_t n;
        int r = store_job_list_open(s, a, board_time(now, nowbuf), STORE_JOBS_LIST_MAX, &rows, &n);
        if (r < 0)
                return r;
        Job *jobs = arena_alloc(a, sizeof(*jobs) * (n ? n : 1));
        if (!jobs)
                return -ENOMEM;
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
                if (board_decode(a, &rows[i], &jobs[k]) == 0 && jobs_filter_match(&jobs[k], f, now))
                        k++;
        *ret = jobs;
        *ret_n = k;
        return 0;
}

/* Checks one demo posting and stores it as published. */
static int demo_one(StoreConn *c, Arena *a, const AdcheckEngine *e, json_t *o, int64_t now, const char **ret_error) {
        Job job = { .status = JOB_DRAFT, .created_at = now };
        JobProblem *probs;
        size_t np = 0;
        const char *key = json_string_value(json_object_get(o, "key"));
        json_t *copy = json_deep_copy(o);
        json_object_del(copy, "key");
        int r = key ? jobs_from_json(a, copy, &job, &probs, &np) : -EINVAL;
        json_decref(copy);
        AdcheckResult *check = NULL;
        if (r == 0 && np == 0)
                r = jobs_check(e, a, &job, &check);
        if (r == 0 && np == 0)
                r = jobs_validate_for_publish(&job, check, now, a, &probs, &np);
        if (r == 0 && np) {
                *ret_error = arena_printf(a, "%s: %s (%s)", key, probs[0].msgid, probs[0].field);
                return -EINVAL;
        }
        if (r == 0)
                r = jobs_transition(&job, JOB_PUBLISHED, now);
        JobRow row;
        if (r == 0)
                r = board_job_row(a, &job, &row);
        row.ext_key = key;
        return r < 0 ? r : store_job_put(c, &row, 0, NULL);
}

int board_load_demo(Store *s, const AdcheckEngine *e, const char *path, int64_t now, int *ret_n,
                    const char **ret_error) {
        static __thread char err[256];
        json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, NULL);
        json_t *jobs = json_object_get(root, "jobs"), *o;
        Arena *a = arena_new();
        StoreConn *c = NULL;
        const char *why = N_("the demo jobs file is not valid JSON");
        int r = json_is_array(jobs) && a ? store_begin(s, &c) : -EINVAL;
        size_t i;
        if (r == 0)
                json_array_foreach(jobs, i, o) if (r == 0) r = demo_one(c, a, e, o, now, &why);
        if (r == 0)
                r = store_commit(c);
        else if (c)
                store_rollback(c);
        if (r < 0 && ret_error) {
                snprintf(err, sizeof(err), "%s", why);
                *ret_error = err;
        }
        if (r == 0)
                *ret_n = (int)json_array_size(jobs);
        json_decref(root);
        arena_free(a);
        return r;
}
