/* JSON API of the job board: GET/POST /api/v1/jobs, GET/PATCH
 * /api/v1/jobs/{id}. Postings use the domain's JSON form (jobs.h);
 * employers write to their own organisation's postings only. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "domain/jobs/board.h"
#include "store/accounts.h"
#include "web/web.h"

static json_t *job_json(const Job *j) {
        json_t *o = jobs_to_json(j);
        if (o)
                json_object_set_new(o, "url", json_sprintf("/jobs/%lld", (long long)j->id));
        return o;
}

int api_jobs_list(HttpRequest *req) {
        JobFilter f = JOB_FILTER_ANY;
        JobRemote rm;
        JobHours h;
        const char *v;
        f.city = req_param(req, "city");
        if ((v = req_param(req, "remote")) && jobs_remote_parse(v, &rm) == 0)
                f.remote = (int)rm;
        if ((v = req_param(req, "hours")) && jobs_hours_parse(v, &h) == 0)
                f.hours = (int)h;
        if ((v = req_param(req, "skill"))) {
                f.skills = &v;
                f.n_skills = 1;
        }
        Job *jobs;
        size_t n;
        int r = board_list_open(APP(req)->store, req->arena, &f, (int64_t)time(NULL), &jobs, &n);
        if (r < 0)
                return r;
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < n; i++)
                json_array_append_new(arr, job_json(&jobs[i]));
        return web_json(req, json_pack("{s:o}", "jobs", arr ? arr : json_array()), 200);
}

/* The organisation the employer writes for (their first employer grant). */
static const char *employer_org(const HttpRequest *req) {
        const Principal *p = &web_auth(req)->principal;
        for (int i = 0; i < p->ngrants; i++)
                if (p->grants[i].role == ROLE_EMPLOYER && p->grants[i].org_slug)
                        return p->grants[i].org_slug;
        return NULL;
}

static int problems_json(HttpRequest *req, const JobProblem *probs, size_t n) {
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < n; i++)
                json_array_append_new(arr, json_pack("{s:s,s:s}", "field", probs[i].field, "message",
                                                     i18n_gettext(req->lang, probs[i].msgid)));
        return web_json(req, json_pack("{s:i,s:s,s:o}", "status", 422, "error",
                                        T(req, "The job posting has problems"), "problems", arr ? arr : json_array()),
                         422);
}

static json_t *read_body(HttpRequest *req) {
        const char *ct = req_header(req, "Content-Type");
        if (!ct || strncmp(ct, "application/json", 16) != 0)
                return NULL;
        json_t *o = json_loadb(req->body ? req->body : "", req->body_len, JSON_REJECT_DUPLICATES, NULL);
        if (!json_is_object(o)) {
                json_decref(o);
                return NULL;
        }
        return o;
}

/* Applies a status change asked for in the body ("published", "closed");
 * publishing runs the checker and the publishing rules first. */
static int apply_status(HttpRequest *req, Job *job, const char *status, JobProblem **probs, size_t *np) {
        JobStatus to;
        int64_t now = (int64_t)time(NULL);
        if (!status)
                return 0;
        if (jobs_status_parse(status, &to) < 0)
                return -EINVAL;
        if (to == job->status)
                return 0;
        if (to == JOB_PUBLISHED) {
                AdcheckResult *check;
                int r = jobs_check(APP(req)->adcheck, req->arena, job, &check);
                if (r == 0)
                        r = jobs_validate_for_publish(job, check, now, req->arena, probs, np);
                if (r < 0 || *np)
                        return r;
        }
        return jobs_transition(job, to, now);
}

static int store_it(HttpRequest *req, Job *job, const char *org, int64_t version, int64_t *ret_id) {
        JobRow row;
        StoreConn *c;
        int r = board_job_row(req->arena, job, &row);
        row.org_key = org;
        if (r == 0 && (r = store_begin(APP(req)->store, &c)) == 0) {
                r = store_end(c, store_job_put(c, &row, version, ret_id));
        }
        return r;
}

/* Shared by POST and PATCH: decode onto job, change status, store. */
static int write_job(HttpRequest *req, json_t *body, Job *job, const char *org, int64_t version, int created) {
        const char *status = json_string_value(json_object_get(body, "status"));
        char *st = status ? arena_strdup(req->arena, status) : NULL;
        json_object_del(body, "status");
        JobProblem *probs = NULL;
        size_t np = 0;
        int r = jobs_from_json(req->arena, body, job, &probs, &np);
        if (r == 0 && !np)
                r = apply_status(req, job, st, &probs, &np);
        if (r < 0 || np) {
                json_decref(body);
                return r < 0 ? r : problems_json(req, probs, np);
        }
        json_decref(body);
        job->updated_at = (int64_t)time(NULL);
        int64_t id = job->id;
        r = store_it(req, job, org, version, &id);
        if (r < 0)
                return r;
        job->id = id;
        return web_json(req, job_json(job), created ? 201 : 200);
}

int api_jobs_create(HttpRequest *req) {
        const char *org = employer_org(req);
        OrgRow o;
        json_t *body = read_body(req);
        if (!body)
                return -EINVAL;
        int r = org ? store_org_get(APP(req)->store, req->arena, org, &o) : -EACCES;
        if (r < 0) {
                json_decref(body);
                return r;
        }
        Job job = { .status = JOB_DRAFT, .created_at = (int64_t)time(NULL) };
        json_object_set_new(body, "employer", json_pack("{s:s}", "name", o.name));
        return write_job(req, body, &job, org, 0, 1);
}

static int load(HttpRequest *req, Job *job, JobRow *row) {
        int r = store_job_get(APP(req)->store, req->arena, req_param_int(req, "id", 0), row);
        return r < 0 ? r : board_decode(req->arena, row, job);
}

int api_job_get(HttpRequest *req) {
        Job job;
        JobRow row;
        int r = load(req, &job, &row);
        if (r == 0 && job.status == JOB_DRAFT)
                r = -ENOENT;
        return r < 0 ? r : web_json(req, job_json(&job), 200);
}

int api_job_patch(HttpRequest *req) {
        const char *org = employer_org(req);
        Job job;
        JobRow row;
        int r = load(req, &job, &row);
        if (r == 0 && (!org || !row.org_key || strcmp(row.org_key, org) != 0))
                r = -EACCES; /* another organisation's posting */
        json_t *body = r == 0 ? read_body(req) : NULL;
        if (r == 0 && !body)
                r = -EINVAL;
        return r < 0 ? r : write_job(req, body, &job, org, row.version, 0);
}
