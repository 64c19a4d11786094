/* Shared by the jobs source files (not a public API). */
#ifndef TD_DOMAIN_JOBS_INTERNAL_H
#define TD_DOMAIN_JOBS_INTERNAL_H

#include "domain/jobs/jobs.h"

/* A growing list of problems in an arena; errors are sticky. */
typedef struct Problems {
        Arena *a;
        JobProblem *v;
        size_t n, cap;
        int err;
} Problems;

void jobs_problem_add(Problems *p, const char *field, const char *msgid);

#endif
