/* What makes a job publishable. */
#include "domain/jobs/jobs.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/jobs/jobs_internal.h"

#define ESCO_OCCUPATION_PREFIX "http://data.europa.eu/esco/occupation/"
#define ESCO_SKILL_PREFIX "http://data.europa.eu/esco/skill/"

char *jobs_ad_text(Arena *a, const Job *job) {
        return arena_printf(a, "%s\n\n%s", job->title ? job->title : "", job->description ? job->description : "");
}

int jobs_check(const AdcheckEngine *e, Arena *a, const Job *job, AdcheckResult **ret_result) {
        if (!e || !a || !job)
                return -EINVAL;
        char *text = jobs_ad_text(a, job);
        if (!text)
                return -ENOMEM;
        return adcheck_run(e, a, text, strlen(text), job->lang < LANG_MAX ? (int)job->lang : ADCHECK_LANG_AUTO,
                           ret_result);
}

void jobs_problem_add(Problems *p, const char *field, const char *msgid) {
        if (p->err)
                return;
        if (p->n == p->cap) {
                size_t cap = p->cap ? p->cap * 2 : 8;
                JobProblem *v = arena_alloc(p->a, cap * sizeof(*v));
                if (!v) {
                        p->err = -ENOMEM;
                        return;
                }
                if (p->n)
                        memcpy(v, p->v, p->n * sizeof(*v));
                p->v = v;
                p->cap = cap;
        }
        p->v[p->n++] = (JobProblem){ field, msgid };
}

static bool blank(const char *s) {
        for (; s && *s; s++)
                if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
                        return false;
        return true;
}

static void text_field(Problems *p, const char *field, const char *s, size_t max, const char *missing,
                       const char *too_long) {
        if (blank(s))
                jobs_problem_add(p, field, missing);
        else if (strlen(s) > max)
                jobs_problem_add(p, field, too_long);
        else if (!utf8_valid(s, strlen(s)))
                jobs_problem_add(p, field, N_("The text is not valid UTF-8."));
}

static bool is_upper3(const char *s) {
        return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' &&
               s[2] <= 'Z';
}

static void check_pay(Problems *p, const JobPay *pay) {
        if (pay->min_minor <= 0 || pay->max_minor <= 0) {
                jobs_problem_add(p, "pay.min", N_("Enter the pay range: it is required to publish (Directive (EU) 2023/970)."));
                return;
        }
        if (pay->min_minor > pay->max_minor)
                jobs_problem_add(p, "pay.max", N_("The lowest pay must not be higher than the highest."));
        if (pay->max_minor > JOBS_MAX_PAY_MINOR)
                jobs_problem_add(p, "pay.max", N_("The pay is too high to be real."));
        if (!is_upper3(pay->currency))
                jobs_problem_add(p, "pay.currency", N_("Enter the currency as a three-letter code, for example EUR."));
        if ((unsigned)pay->period >= JOB_PAY_PERIOD_MAX)
                jobs_problem_add(p, "pay.period", N_("Choose whether the pay is per hour, day, week, month or year."));
}

static void check_skills(Problems *p, const Job *job) {
        if (strncmp(job->esco_occupation_uri ? job->esco_occupation_uri : "", ESCO_OCCUPATION_PREFIX,
                    strlen(ESCO_OCCUPATION_PREFIX)) != 0)
                jobs_problem_add(p, "occupation", N_("Choose the ESCO occupation."));
        size_t essential = 0;
        for (size_t i = 0; i < job->n_skills; i++) {
                const char *uri = job->skills[i].uri ? job->skills[i].uri : "";
                if (strncmp(uri, ESCO_SKILL_PREFIX, strlen(ESCO_SKILL_PREFIX)) != 0)
                        jobs_problem_add(p, "skills", N_("Each skill must be an ESCO skill."));
                essential += job->skills[i].essential;
        }
        if (essential == 0)
                jobs_problem_add(p, "skills", N_("Add at least one essential skill."));
        if (job->n_skills > JOBS_MAX_SKILLS)
                jobs_problem_add(p, "skills", N_("Too many skills: keep the ones the job really needs."));
}

static bool lang_code_ok(const char *c) {
        return strlen(c) == 2 && c[0] >= 'a' && c[0] <= 'z' && c[1] >= 'a' && c[1] <= 'z';
}

static void check_languages(Problems *p, const Job *job) {
        if (job->n_languages > JOBS_MAX_LANGUAGES)
                jobs_problem_add(p, "languages", N_("Too many languages."));
        for (size_t i = 0; i < job->n_languages && i < JOBS_MAX_LANGUAGES; i++)
                if (!lang_code_ok(job->languages[i].code) || (unsigned)job->languages[i].level >= CEFR_MAX)
                        jobs_problem_add(p, "languages", N_("Give each language with a CEFR level from A1 to C2."));
}

static bool country_ok(const char *c) {
        return c && strlen(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z';
}

static void check_place(Problems *p, const Job *job) {
        if ((unsigned)job->remote >= JOB_REMOTE_MAX)
                jobs_problem_add(p, "remote", N_("Choose on site, hybrid or remote."));
        else if (job->remote != JOB_REMOTE && blank(job->city))
                jobs_problem_add(p, "city", N_("Enter the city, or mark the job as remote."));
        if (job->city && strlen(job->city) > JOBS_MAX_CITY)
                jobs_problem_add(p, "city", N_("The city name is too long."));
        if (job->remote != JOB_REMOTE && !country_ok(job->country))
                jobs_problem_add(p, "country", N_("Choose the country of the workplace."));
        if (job->remote == JOB_REMOTE && job->n_applicant_countries == 0)
                jobs_problem_add(p, "applicant_countries", N_("Say from which countries people can apply to a remote job."));
        if (job->n_applicant_countries > JOBS_MAX_COUNTRIES)
                jobs_problem_add(p, "applicant_countries", N_("Too many countries."));
        for (size_t i = 0; i < job->n_applicant_countries && i < JOBS_MAX_COUNTRIES; i++)
                if (!country_ok(job->applicant_countries[i]))
                        jobs_problem_add(p, "applicant_countries", N_("Use two-letter country codes, for example IT."));
}

static void check_terms(Problems *p, const Job *job, int64_t now) {
        if ((unsigned)job->hours >= JOB_HOURS_MAX)
                jobs_problem_add(p, "hours", N_("Choose full-time or part-time."));
        if (job->hours_per_week > JOBS_MAX_HOURS_PER_WEEK)
                jobs_problem_add(p, "hours_per_week", N_("Weekly hours above the legal maximum."));
        if ((unsigned)job->contract >= JOB_CONTRACT_MAX)
                jobs_problem_add(p, "contract", N_("Choose the type of contract."));
        if (job->deadline <= 0)
                jobs_problem_add(p, "deadline", N_("Enter the application deadline."));
        else if (job->deadline <= now)
                jobs_problem_add(p, "deadline", N_("The application deadline must be in the future."));
        if (job->n_questions == 0)
                jobs_problem_add(p, "questions", N_("Add at least one work-sample question for the blind review."));
        if (job->n_questions > JOBS_MAX_QUESTIONS)
                jobs_problem_add(p, "questions", N_("Too many work-sample questions."));
        for (size_t i = 0; i < job->n_questions && i < JOBS_MAX_QUESTIONS; i++)
                text_field(p, "questions", job->questions[i], JOBS_MAX_QUESTION,
                           N_("A work-sample question is empty."), N_("A work-sample question is too long."));
}

static const JobJustification *justification(const Job *job, AdcheckCategory c) {
        for (size_t i = 0; i < job->n_justifications; i++)
                if (job->justifications[i].category == c)
                        return &job->justifications[i];
        return NULL;
}

static void check_findings(Problems *p, const Job *job, const AdcheckResult *check) {
        if (!check) {
                jobs_problem_add(p, "description", N_("The ad has not been checked yet."));
                return;
        }
        bool done[ADCHECK_CATEGORY_MAX] = { false };
        for (size_t i = 0; i < check->n_findings; i++) {
                AdcheckCategory c = check->findings[i].category;
                if (check->findings[i].severity != ADCHECK_BLOCK || c == ADCHECK_PAY_MISSING || done[c])
                        continue;
                done[c] = true;
                const JobJustification *j = justification(job, c);
                const char *field = arena_printf(p->a, "justification.%s", adcheck_category_name(c));
                if (!field) {
                        p->err = -ENOMEM;
                        return;
                }
                if (!j || blank(j->text))
                        jobs_problem_add(p, field, N_("Fix this finding of the checker, or explain why the job needs it."));
                else if (strlen(j->text) < JOBS_MIN_JUSTIFICATION)
                        jobs_problem_add(p, field, N_("The justification is too short to explain why the job needs it."));
                else if (strlen(j->text) > JOBS_MAX_JUSTIFICATION)
                        jobs_problem_add(p, field, N_("The justification is too long."));
        }
}

static int validate(const Job *job, const AdcheckResult *check, int64_t now, Arena *a, bool publishing,
                    JobProblem **ret_problems, size_t *ret_n) {
        if (!job || !a || !ret_problems || !ret_n)
                return -EINVAL;
        Problems p = { .a = a };
        if (publishing && job->status != JOB_DRAFT)
                jobs_problem_add(&p, "status", N_("Only a draft can be published."));
        text_field(&p, "title", job->title, JOBS_MAX_TITLE, N_("Enter a job title."), N_("The title is too long."));
        text_field(&p, "description", job->description, JOBS_MAX_DESCRIPTION, N_("Enter a description."),
                   N_("The description is too long."));
        if (blank(job->employer_name))
                jobs_problem_add(&p, "employer", N_("Enter the employer's name."));
        check_skills(&p, job);
        check_languages(&p, job);
        check_place(&p, job);
        check_terms(&p, job, now);
        check_pay(&p, &job->pay);
        check_findings(&p, job, check);
        if (p.err)
                return p.err;
        *ret_problems = p.v;
        *ret_n = p.n;
        return 0;
}

int jobs_validate_for_publish(const Job *job, const AdcheckResult *check, int64_t now, Arena *a,
                              JobProblem **ret_problems, size_t *ret_n) {
        return validate(job, check, now, a, true, ret_problems, ret_n);
}

int jobs_validate(const Job *job, const AdcheckResult *check, int64_t now, Arena *a, JobProblem **ret_problems,
                  size_t *ret_n) {
        return validate(job, check, now, a, false, ret_problems, ret_n);
}
