/* Career guidance from the platform's own data: for one ESCO occupation,
 * the essential skills a candidate has and lacks, the open jobs that fit,
 * and what published jobs pay. */
#ifndef TD_DOMAIN_PROFILES_GUIDANCE_H
#define TD_DOMAIN_PROFILES_GUIDANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "domain/esco/esco.h"
#include "domain/profiles/profile.h"

/* Pay figures need at least this many published ranges; below it the
 * result says "insufficient data" and carries no figures. */
#define GUIDANCE_MIN_PAY_JOBS 5
#define GUIDANCE_MAX_JOBS 1000000

typedef enum PayPeriod { PAY_PER_HOUR, PAY_PER_MONTH, PAY_PER_YEAR, PAY_PERIOD_MAX } PayPeriod;

/* An open, published job (the caller's view of its store rows). */
typedef struct GuidanceJob {
        const char *id;
        const char *occupation_uri;
        const char *city;
        /* Skills the job requires; when n_skill_uris is 0 the occupation's
         * essential skills stand in. */
        const char *const *skill_uris;
        size_t n_skill_uris;
        long pay_min, pay_max; /* whole currency units per period; pay_min 0 = no range published */
        const char *currency;  /* ISO 4217, "EUR" */
        PayPeriod period;
} GuidanceJob;

typedef struct GuidanceRequest {
        const char *occupation_uri;
        const char *city;     /* pay figures for this city (case-insensitive); NULL = every city */
        const char *currency; /* only ranges in this currency and period count */
        PayPeriod period;
} GuidanceRequest;

typedef struct GuidanceFit {
        size_t job;      /* index into the jobs array */
        size_t covered;  /* required skills the candidate has */
        size_t required; /* required skills of the job */
} GuidanceFit;

typedef struct GuidancePay {
        bool sufficient; /* n >= GUIDANCE_MIN_PAY_JOBS; else no figures */
        size_t n;        /* published ranges the figures rest on */
        double p25, p50, p75;
} GuidancePay;

typedef struct Guidance {
        uint32_t occupation_id;
        uint32_t *had, *lacking; /* essential skill ids (EscoIndex), ascending */
        size_t n_had, n_lacking;
        GuidanceFit *fits; /* the occupation's jobs, best share first */
        size_t n_fits;
        GuidancePay pay;
} Guidance;

/* The candidate's skills are the confirmed ones with an ESCO URI (skills
 * found in a CV count once the candidate confirms them).
 *
 * Fits: every job of the occupation, ordered by the share covered/required
 * (compared exactly with integers; a job requiring nothing has share 1),
 * then by more skills covered, then by input order.
 *
 * Pay: each job of the occupation (and city, if given) with a range in the
 * requested currency and period contributes its midpoint
 * (pay_min + pay_max) / 2. Percentiles are linear interpolation between
 * order statistics (Hyndman & Fan type 7, as numpy's default and Excel
 * PERCENTILE.INC): with sorted values x[0..n-1] and h = (n - 1) p, the
 * p-quantile is x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 *
 * Arrays are allocated in a. Returns 0, -ENOENT (unknown occupation),
 * -EINVAL, -E2BIG (over GUIDANCE_MAX_JOBS), -ENOMEM. */
int guidance_compute(Arena *a, const EscoIndex *idx, const Profile *p, const GuidanceRequest *req,
                     const GuidanceJob *jobs, size_t n_jobs, Guidance *ret);

/* Type-7 percentile (0..100) of n ascending values; n must be > 0. */
double guidance_percentile(const double *sorted, size_t n, unsigned pct);

/* English msgid (N_-marked, static) to show instead of figures when
 * pay.sufficient is false. */
const char *guidance_insufficient_msgid(void);

#endif
