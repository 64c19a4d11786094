/* Employers' job postings: /orgs/{org}/jobs (list), .../jobs/new and
 * .../jobs/{id}/edit (the form), POST to save or publish, .../close.
 * The form is turned into the posting's JSON form and read by the domain
 * (jobs_from_json), so the web and the JSON API share every rule. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "domain/jobs/board.h"
#include "store/accounts.h"
#include "web/jobs_form.h"
#include "web/web.h"

int page_org_jobs(HttpRequest *req) {
        const char *org = req_param(req, "org");
        JobRow *rows;
        size_t n;
        int r = store_job_list_org(APP(req)->store, req->arena, org, STORE_JOBS_LIST_MAX, &rows, &n);
        if (r < 0)
                return r;
        StrBuf *b = page_head(req, T(req, "Your job postings"), NULL, NULL);
        html_lit(b, "<p><a");
        html_attrf(b, "href", "/orgs/%s/jobs/new", org);
        html_lit(b, ">");
        html_text(b, T(req, "Write a new job posting"));
        html_lit(b, "</a></p><ul class=\"cards\">");
        for (size_t i = 0; i < n; i++) {
                Job j;
                if (board_decode(req->arena, &rows[i], &j) < 0)
                        continue;
                html_lit(b, "<li class=\"card\"><h2 class=\"h3\"><a");
                html_attrf(b, "href", "/orgs/%s/jobs/%lld/edit", org, (long long)j.id);
                html_lit(b, ">");
                html_text(b, j.title);
                html_lit(b, "</a></h2><p class=\"tag\">");
                html_text(b, T(req, jobs_form_status_label(j.status)));
                html_lit(b, "</p></li>");
        }
        html_lit(b, "</ul>");
        page_end(req);
        return 0;
}

/* Loads job id of org for editing; -ENOENT when it is another's. */
static int load_own(HttpRequest *req, const char *org, Job *ret, JobRow *ret_row) {
        int r = store_job_get(APP(req)->store, req->arena, req_param_int(req, "id", 0), ret_row);
        if (r == 0 && (!ret_row->org_key || strcmp(ret_row->org_key, org) != 0))
                r = -ENOENT;
        return r < 0 ? r : board_decode(req->arena, ret_row, ret);
}

int page_job_new(HttpRequest *req) {
        return jobs_form_page(req, NULL, NULL, NULL, 0);
}

int page_job_edit(HttpRequest *req) {
        Job j;
        JobRow row;
        AdcheckResult *check = NULL;
        int r = load_own(req, req_param(req, "org"), &j, &row);
        if (r == 0)
                r = jobs_check(APP(req)->adcheck, req->arena, &j, &check);
        return r < 0 ? r : jobs_form_page(req, &j, NULL, check, 0);
}

/* Saves job as draft, or publishes it when asked and allowed; on problems
 * shows the form again (422) with them. */
static int save(HttpRequest *req, Job *job, int64_t version) {
        const char *action = req_param(req, "action");
        int publish = action && strcmp(action, "publish") == 0;
        int64_t now = (int64_t)time(NULL);
        AdcheckResult *check = NULL;
        JobProblem *probs = NULL;
        size_t np = 0;
        int r = jobs_check(APP(req)->adcheck, req->arena, job, &check);
        if (r == 0 && (publish || job->status == JOB_PUBLISHED))
                r = job->status == JOB_PUBLISHED ? jobs_validate(job, check, now, req->arena, &probs, &np)
                                                 : jobs_validate_for_publish(job, check, now, req->arena, &probs, &np);
        if (r < 0)
                return r;
        if (np)
                return jobs_form_page(req, job, probs, check, np);
        if (publish && job->status == JOB_DRAFT && (r = jobs_transition(job, JOB_PUBLISHED, now)) < 0)
                return r;
        job->updated_at = now;
        JobRow row;
        StoreConn *c;
        int64_t id = 0;
        r = board_job_row(req->arena, job, &row);
        row.org_key = req_param(req, "org");
        if (r == 0 && (r = store_begin(APP(req)->store, &c)) == 0) {
                r = store_end(c, store_job_put(c, &row, version, &id));
        }
        if (r < 0)
                return r;
        return resp_redirect(req, 303, arena_printf(req->arena, "/orgs/%s/jobs/%lld/edit?saved=1", row.org_key, (long long)id));
}

int post_job_new(HttpRequest *req) {
        OrgRow org;
        Job job = { .status = JOB_DRAFT, .created_at = (int64_t)time(NULL) };
        JobProblem *probs;
        size_t np;
        int r = store_org_get(APP(req)->store, req->arena, req_param(req, "org"), &org);
        if (r == 0)
                r = jobs_form_read(req, org.name, &job, &probs, &np);
        if (r < 0)
                return r;
        return np ? jobs_form_page(req, &job, probs, NULL, np) : save(req, &job, 0);
}

int post_job_edit(HttpRequest *req) {
        OrgRow org;
        Job job;
        JobRow row;
        JobProblem *probs;
        size_t np;
        int r = store_org_get(APP(req)->store, req->arena, req_param(req, "org"), &org);
        if (r == 0)
                r = load_own(req, org.slug, &job, &row);
        if (r == 0 && job.status == JOB_CLOSED)
                r = -ENOSYS; /* closed postings stay as they were */
        if (r == 0)
                r = jobs_form_read(req, org.name, &job, &probs, &np);
        if (r < 0)
                return r;
        return np ? jobs_form_page(req, &job, probs, NULL, np) : save(req, &job, row.version);
}

int post_job_close(HttpRequest *req) {
        Job job;
        JobRow row;
        const char *org = req_param(req, "org");
        int r = load_own(req, org, &job, &row);
        if (r == 0)
                r = jobs_transition(&job, JOB_CLOSED, (int64_t)time(NULL));
        JobRow out;
        StoreConn *c;
        if (r == 0)
                r = board_job_row(req->arena, &job, &out);
        out.org_key = org;
        if (r == 0 && (r = store_begin(APP(req)->store, &c)) == 0) {
                r = store_end(c, store_job_put(c, &out, row.version, NULL));
        }
        return r < 0 ? r : resp_redirect(req, 303, arena_printf(req->arena, "/orgs/%s/jobs", org));
}
