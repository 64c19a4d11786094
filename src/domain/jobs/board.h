/* The job board: storing postings (the JSON document and its listing
 * columns), reading them back as Jobs, the open-jobs list and the demo
 * postings. */
#ifndef TD_DOMAIN_JOBS_BOARD_H
#define TD_DOMAIN_JOBS_BOARD_H

#include "domain/jobs/jobs.h"
#include "store/store.h"

#define BOARD_DEMO_FILE_MAX ((size_t)1 << 20)

/* The row to store for job (doc = jobs_to_json(job)); strings in arena a. */
int board_job_row(Arena *a, const Job *job, JobRow *ret);
/* The Job of a stored row; strings in arena a. -EINVAL for a damaged doc. */
int board_decode(Arena *a, const JobRow *row, Job *ret);
/* Open jobs (published, deadline not passed at now) that match f, newest
 * first; at most STORE_JOBS_LIST_MAX. */
int board_list_open(Store *s, Arena *a, const JobFilter *f, int64_t now, Job **ret, size_t *ret_n);
/* Loads the demo postings (data/demo/jobs.json): each one is checked and
 * must be publishable, then stored as published, in one transaction. On
 * error *ret_error names the posting and the problem (static or arena). */
int board_load_demo(Store *s, const AdcheckEngine *e, const char *path, int64_t now, int *ret_n,
                    const char **ret_error);
/* RFC 3339 UTC text of t (buf 32 bytes), "" for 0. */
const char *board_time(int64_t t, char buf[32]);

#endif
