/* Names of the job enums, the status workflow and the list filters. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "domain/jobs/jobs.h"

static int parse_name(const char *const *names, int n, const char *s, int *ret) {
        for (int i = 0; s && i < n; i++)
                if (strcmp(names[i], s) == 0) {
                        *ret = i;
                        return 0;
                }
        return -EINVAL;
}

#define NAMES(fn, Type, MAX, ...)                                                                       \
        static const char *const fn##_names[MAX] = { __VA_ARGS__ };                                    \
        const char *jobs_##fn##_name(Type v) { return (unsigned)v < MAX ? fn##_names[v] : NULL; }      \
        int jobs_##fn##_parse(const char *s, Type *ret) {                                              \
                int i;                                                                                 \
                if (parse_name(fn##_names, MAX, s, &i) < 0)                                            \
                        return -EINVAL;                                                                \
                *ret = (Type)i;                                                                        \
                return 0;                                                                              \
        }

NAMES(status, JobStatus, JOB_STATUS_MAX, "draft", "published", "closed")
NAMES(contract, JobContract, JOB_CONTRACT_MAX, "permanent", "fixed-term", "temporary", "apprenticeship",
      "internship", "freelance")
NAMES(hours, JobHours, JOB_HOURS_MAX, "full-time", "part-time")
NAMES(remote, JobRemote, JOB_REMOTE_MAX, "onsite", "hybrid", "remote")
NAMES(pay_period, JobPayPeriod, JOB_PAY_PERIOD_MAX, "hour", "day", "week", "month", "year")
NAMES(cefr, Cefr, CEFR_MAX, "A1", "A2", "B1", "B2", "C1", "C2")
NAMES(accommodation, JobAccommodation, JOB_ACC_MAX, "step-free", "assistive-tech", "flexible-hours",
      "remote-option", "sign-language", "quiet-space", "adapted-interview", "part-time-option")

const char *jobs_accommodation_label(JobAccommodation a) {
        static const char *const labels[JOB_ACC_MAX] = {
                N_("Step-free access to the workplace"),
                N_("Assistive technology and adapted equipment"),
                N_("Flexible working hours"),
                N_("Option to work remotely"),
                N_("Sign-language interpreting"),
                N_("Quiet workspace"),
                N_("Adapted interviews (extra time, written questions, breaks)"),
                N_("Option to work part-time"),
        };
        return (unsigned)a < JOB_ACC_MAX ? labels[a] : NULL;
}

int jobs_transition_check(JobStatus from, JobStatus to) {
        if (from == JOB_DRAFT && (to == JOB_PUBLISHED || to == JOB_CLOSED))
                return 0;
        if (from == JOB_PUBLISHED && to == JOB_CLOSED)
                return 0;
        return -EINVAL;
}

int jobs_transition(Job *job, JobStatus to, int64_t now) {
        if (!job || jobs_transition_check(job->status, to) < 0)
                return -EINVAL;
        if (to == JOB_PUBLISHED)
                job->published_at = now;
        if (to == JOB_CLOSED)
                job->closed_at = now;
        job->status = to;
        job->updated_at = now;
        return 0;
}

/* Case- and accent-insensitive equality ("Bielsko-Biała" = "bielsko-biala"
 * is not claimed: ł has no decomposition; "Τρίκαλα" = "ΤΡΙΚΑΛΑ" is). */
static bool same_text(const char *a, const char *b) {
        const int opts = UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPOSE | UTF8PROC_NULLTERM;
        utf8proc_uint8_t *fa = NULL, *fb = NULL;
        bool eq = utf8proc_map((const utf8proc_uint8_t *)a, 0, &fa, opts) >= 0 &&
                  utf8proc_map((const utf8proc_uint8_t *)b, 0, &fb, opts) >= 0 && strcmp((char *)fa, (char *)fb) == 0;
        free(fa);
        free(fb);
        return eq;
}

static bool has_skill(const Job *job, const char *uri) {
        for (size_t i = 0; i < job->n_skills; i++)
                if (job->skills[i].uri && strcmp(job->skills[i].uri, uri) == 0)
                        return true;
        return false;
}

bool jobs_filter_match(const Job *job, const JobFilter *f, int64_t now) {
        if (!job || job->status != JOB_PUBLISHED || (job->deadline && job->deadline < now))
                return false;
        if (!f)
                return true;
        if (f->city && *f->city && !(job->city && same_text(job->city, f->city)))
                return false;
        if (f->remote >= 0 && (int)job->remote != f->remote)
                return false;
        if (f->hours >= 0 && (int)job->hours != f->hours)
                return false;
        if ((job->accommodations & f->accommodations) != f->accommodations)
                return false;
        for (size_t i = 0; i < f->n_skills; i++)
                if (f->skills[i] && !has_skill(job, f->skills[i]))
                        return false;
        return true;
}
