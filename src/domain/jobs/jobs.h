/* Job postings: the model and its rules (what makes a job publishable, the
 * status workflow, the filters of the public list). Pure domain code: no
 * SQL, no HTML. Every string in a Job is owned by whoever built the Job
 * (normally the request arena); these functions never free them. */
#ifndef TD_DOMAIN_JOBS_H
#define TD_DOMAIN_JOBS_H

#include "domain/cefr.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/i18n.h"
#include "domain/adcheck/adcheck.h"

/* Limits on what an employer can enter (bytes unless said otherwise). */
#define JOBS_MAX_TITLE 200
#define JOBS_MAX_DESCRIPTION ADCHECK_MAX_AD_BYTES
#define JOBS_MAX_SKILLS 60
#define JOBS_MAX_LANGUAGES 10
#define JOBS_MAX_QUESTIONS 10
#define JOBS_MAX_QUESTION 2000
#define JOBS_MAX_JUSTIFICATION 2000
#define JOBS_MAX_COUNTRIES 40
#define JOBS_MAX_CITY 100
/* A justification shorter than this explains nothing. */
#define JOBS_MIN_JUSTIFICATION 20
/* Highest weekly hours accepted (EU Working Time Directive average is 48). */
#define JOBS_MAX_HOURS_PER_WEEK 48
/* Largest pay amount, in minor units (cents): 100 million a period. */
#define JOBS_MAX_PAY_MINOR ((int64_t)10000000000)

typedef enum JobStatus { JOB_DRAFT, JOB_PUBLISHED, JOB_CLOSED, JOB_STATUS_MAX } JobStatus;
typedef CefrLevel Cefr;
typedef enum JobContract {
        JOB_CONTRACT_PERMANENT,
        JOB_CONTRACT_FIXED_TERM,
        JOB_CONTRACT_TEMPORARY,
        JOB_CONTRACT_APPRENTICESHIP,
        JOB_CONTRACT_INTERNSHIP,
        JOB_CONTRACT_FREELANCE,
        JOB_CONTRACT_MAX
} JobContract;
typedef enum JobHours { JOB_HOURS_FULL_TIME, JOB_HOURS_PART_TIME, JOB_HOURS_MAX } JobHours;
typedef enum JobRemote { JOB_ONSITE, JOB_HYBRID, JOB_REMOTE, JOB_REMOTE_MAX } JobRemote;
typedef enum JobPayPeriod {
        JOB_PAY_HOUR,
        JOB_PAY_DAY,
        JOB_PAY_WEEK,
        JOB_PAY_MONTH,
        JOB_PAY_YEAR,
        JOB_PAY_PERIOD_MAX
} JobPayPeriod;

/* Reasonable accommodations offered, as bit flags (1u << value). */
typedef enum JobAccommodation {
        JOB_ACC_STEP_FREE,          /* step-free access to the workplace */
        JOB_ACC_ASSISTIVE_TECH,     /* screen readers, magnifiers, adapted hardware */
        JOB_ACC_FLEXIBLE_HOURS,
        JOB_ACC_REMOTE_OPTION,
        JOB_ACC_SIGN_LANGUAGE,      /* interpreting for interviews and meetings */
        JOB_ACC_QUIET_SPACE,
        JOB_ACC_ADAPTED_INTERVIEW,  /* extra time, written questions, breaks */
        JOB_ACC_PART_TIME_OPTION,
        JOB_ACC_MAX
} JobAccommodation;

typedef struct JobPay {
        int64_t min_minor, max_minor; /* minor units (cents); 0 = not set */
        char currency[4];             /* ISO 4217, e.g. "EUR" */
        JobPayPeriod period;
        bool gross;                   /* before tax (the usual in the EU) */
} JobPay;

typedef struct JobSkill {
        const char *uri;   /* ESCO skill URI */
        const char *label;
        bool essential;
} JobSkill;

typedef struct JobLanguage {
        char code[4]; /* ISO 639-1, e.g. "en" */
        Cefr level;
} JobLanguage;

/* Why a job needs what the checker would block (kept with the job). */
typedef struct JobJustification {
        AdcheckCategory category;
        const char *text;
} JobJustification;

typedef struct Job {
        int64_t id;
        JobStatus status;
        Lang lang;                    /* language the ad is written in */
        const char *title, *description;
        const char *employer_name, *employer_url;
        const char *esco_occupation_uri, *esco_occupation_label;
        const JobSkill *skills;
        size_t n_skills;
        const JobLanguage *languages;
        size_t n_languages;
        const char *city;             /* NULL/"" when fully remote */
        char country[3];              /* ISO 3166-1 alpha-2 of the workplace */
        JobRemote remote;
        const char *const *applicant_countries; /* ISO 3166-1 alpha-2; where remote applicants may live */
        size_t n_applicant_countries;
        JobHours hours;
        unsigned hours_per_week;      /* 0 = not given */
        JobContract contract;
        unsigned experience_months;   /* 0 = no experience needed */
        JobPay pay;
        unsigned accommodations;      /* JobAccommodation bits */
        const char *accommodations_note;
        int64_t deadline;             /* application deadline, Unix time; 0 = not set */
        int64_t created_at, published_at, closed_at, updated_at;
        const char *const *questions; /* work-sample questions for blind review */
        size_t n_questions;
        const JobJustification *justifications;
        size_t n_justifications;
} Job;

/* One reason a job cannot be published: the form field it belongs to
 * ("title", "pay.min", "justification.age", ...) and an English msgid to
 * translate with i18n_gettext. Both static or arena-owned. */
typedef struct JobProblem {
        const char *field;
        const char *msgid;
} JobProblem;

/* Text the checker runs over: title, a blank line, description. Arena-owned;
 * NULL on out-of-memory. */
char *jobs_ad_text(Arena *a, const Job *job);

/* Runs the checker over jobs_ad_text(job) in the job's language. Same
 * returns as adcheck_run(). */
int jobs_check(const AdcheckEngine *e, Arena *a, const Job *job, AdcheckResult **ret_result);

/* Everything that stops the job from being published at time now: required
 * fields, limits, a sane pay range (min <= max), a deadline in the future,
 * and every blocking finding of check (the result of jobs_check; NULL means
 * "not checked", itself a problem) either fixed or justified with at least
 * JOBS_MIN_JUSTIFICATION bytes. pay-missing is satisfied by the pay fields,
 * which the public page shows. Returns 0 and the problems (arena-owned
 * array, *ret_n == 0 when publishable), or -ENOMEM. */
int jobs_validate_for_publish(const Job *job, const AdcheckResult *check, int64_t now, Arena *a,
                              JobProblem **ret_problems, size_t *ret_n);

/* The same rules without the status check: for saving an edit of a job that
 * is already published (an edit must not bring back what publishing
 * refused). Same returns. */
int jobs_validate(const Job *job, const AdcheckResult *check, int64_t now, Arena *a, JobProblem **ret_problems,
                  size_t *ret_n);

/* draft -> published, draft -> closed (discarded), published -> closed.
 * Returns 0 when allowed, -EINVAL otherwise (including to == from). */
int jobs_transition_check(JobStatus from, JobStatus to);
/* Applies the transition to job at time now (sets published_at/closed_at).
 * Returns 0 or -EINVAL; job unchanged on error. Publishing does not
 * validate: call jobs_validate_for_publish() first. */
int jobs_transition(Job *job, JobStatus to, int64_t now);

/* Filters of the public job list. Unset fields match everything. */
typedef struct JobFilter {
        const char *city;         /* NULL = any; compared case- and accent-insensitively */
        int remote;               /* -1 any, else a JobRemote */
        int hours;                /* -1 any, else a JobHours */
        const char *const *skills; /* ESCO URIs the job must all list */
        size_t n_skills;
        unsigned accommodations;  /* JobAccommodation bits the job must all offer */
} JobFilter;

#define JOB_FILTER_ANY { NULL, -1, -1, NULL, 0, 0 }

/* True when job is published, open at time now (deadline not passed) and
 * matches every set filter. */
bool jobs_filter_match(const Job *job, const JobFilter *f, int64_t now);

/* ---- JSON form of a job (for GET/POST/PATCH /api/v1/jobs) ----
 * {"id", "status", "lang", "title", "description",
 *  "employer": {"name", "url"}, "occupation": {"uri", "label"},
 *  "skills": [{"uri", "label", "essential"}], "languages": [{"code", "level"}],
 *  "location": {"city", "country", "remote", "applicant_countries": [..]},
 *  "hours", "hours_per_week", "contract", "experience_months",
 *  "pay": {"min", "max", "currency", "period", "gross"}   (major units),
 *  "accommodations": ["step-free", ..], "accommodations_note",
 *  "deadline", "created_at", "published_at", "closed_at", "updated_at"
 *  (RFC 3339 UTC or null), "questions": [..], "justifications": {"age": ".."}} */
struct json_t;

/* Returns a new reference (caller json_decref()s), NULL on out-of-memory. */
struct json_t *jobs_to_json(const Job *job);

/* Applies the fields present in the JSON object j onto *job (POST: start
 * from a zeroed draft; PATCH: start from the stored job). id, status and
 * the timestamps other than deadline are read-only and ignored: status
 * changes go through jobs_transition(). Unknown fields, wrong types, bad
 * enum names, bad dates and lists over their limits are problems (field
 * name + msgid, arena-owned). *job changes only when there is no problem.
 * Strings are copied into arena a. Returns 0 (check *ret_n), -EINVAL when j
 * is not an object, -ENOMEM. */
int jobs_from_json(Arena *a, const struct json_t *j, Job *job, JobProblem **ret_problems, size_t *ret_n);

/* Names used in URLs, forms and JSON ("draft", "fixed-term", "C1", ...):
 * static strings, NULL for an out-of-range value. The _parse functions
 * return 0 and set *ret, or -EINVAL. */
const char *jobs_status_name(JobStatus s);
int jobs_status_parse(const char *s, JobStatus *ret);
const char *jobs_contract_name(JobContract c);
int jobs_contract_parse(const char *s, JobContract *ret);
const char *jobs_hours_name(JobHours h);
int jobs_hours_parse(const char *s, JobHours *ret);
const char *jobs_remote_name(JobRemote r);
int jobs_remote_parse(const char *s, JobRemote *ret);
const char *jobs_pay_period_name(JobPayPeriod p);
int jobs_pay_period_parse(const char *s, JobPayPeriod *ret);
const char *jobs_cefr_name(Cefr c);
int jobs_cefr_parse(const char *s, Cefr *ret);
const char *jobs_accommodation_name(JobAccommodation a);
int jobs_accommodation_parse(const char *s, JobAccommodation *ret);
/* English msgid describing the accommodation, for forms and pages. */
const char *jobs_accommodation_label(JobAccommodation a);

#endif
