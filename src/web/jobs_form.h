/* The job posting form: reading it into a Job (through the posting's JSON
 * form and jobs_from_json) and showing it with problems and checker
 * findings. */
#ifndef TD_WEB_JOBS_FORM_H
#define TD_WEB_JOBS_FORM_H

#include "domain/jobs/jobs.h"
#include "web/web.h"

/* The ParamSpecs of the form's fields (for the route table). */
extern const ParamSpec jobs_form_params[];

/* Applies the submitted form onto *job (employer's name from the
 * organisation). Problems (field + msgid) are returned, not errors:
 * 0 with *ret_n problems, or -ENOMEM. */
int jobs_form_read(HttpRequest *req, const char *employer, Job *job, JobProblem **ret_problems, size_t *ret_n);

/* Renders the form for job (NULL: empty), with an error summary for the
 * problems and the checker's findings when given; status 422 when there
 * are problems. */
int jobs_form_page(HttpRequest *req, const Job *job, const JobProblem *problems, const AdcheckResult *check,
                   size_t n_problems);

const char *jobs_form_status_label(JobStatus s);

/* English msgids naming each value, shared by the form and the pages. */
extern const char *const jobs_remote_labels[JOB_REMOTE_MAX];
extern const char *const jobs_hours_labels[JOB_HOURS_MAX];
extern const char *const jobs_contract_labels[JOB_CONTRACT_MAX];
extern const char *const jobs_period_labels[JOB_PAY_PERIOD_MAX];

#endif
