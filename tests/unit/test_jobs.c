/* Job rules: publishing, workflow, filters, names. */
#include <errno.h>
#include <string.h>

#include "core/paths.h"
#include "domain/jobs/jobs.h"
#include "job_fixture.h"
#include "test.h"

static AdcheckEngine *E;

static bool has_problem(const JobProblem *p, size_t n, const char *field) {
        for (size_t i = 0; i < n; i++)
                if (strcmp(p[i].field, field) == 0)
                        return true;
        return false;
}

/* Validates job (checked by the engine) and returns the problem count. */
static size_t validate(Arena *a, const Job *job, JobProblem **p) {
        AdcheckResult *r = NULL;
        size_t n = 999;
        if (jobs_check(E, a, job, &r) == 0 && jobs_validate_for_publish(job, r, FIXTURE_NOW, a, p, &n) == 0)
                return n;
        return 999;
}

static void test_publishable(void) {
        Arena *a = arena_new();
        Job j = fixture_job();
        JobProblem *p = NULL;
        size_t n = validate(a, &j, &p);
        CHECK(n == 0, "fixture job is publishable (%zu problems)", n);
        for (size_t i = 0; n != 999 && i < n; i++)
                printf("#   %s: %s\n", p[i].field, p[i].msgid);
        CHECK_STREQ(jobs_ad_text(a, &j), "Sviluppatore/Sviluppatrice Java (m/f)\n\nCerchiamo una persona che sviluppi servizi web in Java.",
                    "ad text is title, blank line, description");
        arena_free(a);
}

typedef void (*Mutate)(Job *j);
static void m_title(Job *j) { j->title = "  "; }
static void m_desc(Job *j) { j->description = NULL; }
static void m_pay(Job *j) { j->pay.min_minor = 0; }
static void m_pay_order(Job *j) { j->pay.min_minor = 5000000; }
static void m_currency(Job *j) { strcpy(j->pay.currency, "eu"); }
static void m_period(Job *j) { j->pay.period = JOB_PAY_PERIOD_MAX; }
static void m_deadline_past(Job *j) { j->deadline = FIXTURE_NOW - 1; }
static void m_deadline_none(Job *j) { j->deadline = 0; }
static void m_occupation(Job *j) { j->esco_occupation_uri = "https://evil.example/occupation"; }
static void m_no_essential(Job *j) { j->n_skills = 0; }
static void m_city(Job *j) { j->city = ""; }
static void m_remote_countries(Job *j) { j->remote = JOB_REMOTE; j->city = NULL; }
static void m_questions(Job *j) { j->n_questions = 0; }
static void m_status(Job *j) { j->status = JOB_PUBLISHED; }
static void m_lang(Job *j) {
        static const JobLanguage bad[] = { { "EN", CEFR_C1 } };
        j->languages = bad;
        j->n_languages = 1;
}
static void m_hours(Job *j) { j->hours_per_week = 70; }
static void m_title_long(Job *j) {
        static char t[JOBS_MAX_TITLE + 2];
        memset(t, 'x', sizeof(t) - 1);
        j->title = t;
}
static void m_bad_utf8(Job *j) { j->title = "Dev \xff\xfe"; }
static void m_age(Job *j) { j->description = "Età massima 35 anni."; }
static void m_employer(Job *j) { j->employer_name = ""; }
static void m_too_many_questions(Job *j) {
        static const char *q[JOBS_MAX_QUESTIONS + 1];
        for (size_t i = 0; i < JOBS_MAX_QUESTIONS + 1; i++)
                q[i] = "Explain how you would design a cache.";
        j->questions = q;
        j->n_questions = JOBS_MAX_QUESTIONS + 1;
}
static void m_long_question(Job *j) {
        static char q[JOBS_MAX_QUESTION + 2];
        static const char *qs[1] = { q };
        memset(q, 'q', sizeof(q) - 1);
        j->questions = qs;
}
static void m_too_many_skills(Job *j) {
        static JobSkill sk[JOBS_MAX_SKILLS + 1];
        for (size_t i = 0; i < JOBS_MAX_SKILLS + 1; i++)
                sk[i] = fixture_skills[0];
        j->skills = sk;
        j->n_skills = JOBS_MAX_SKILLS + 1;
}
static void m_too_many_langs(Job *j) {
        static JobLanguage l[JOBS_MAX_LANGUAGES + 1];
        for (size_t i = 0; i < JOBS_MAX_LANGUAGES + 1; i++)
                l[i] = fixture_langs[0];
        j->languages = l;
        j->n_languages = JOBS_MAX_LANGUAGES + 1;
}
static void m_long_city(Job *j) {
        static char c[JOBS_MAX_CITY + 2];
        memset(c, 'c', sizeof(c) - 1);
        j->city = c;
}
static void m_too_many_countries(Job *j) {
        static const char *c[JOBS_MAX_COUNTRIES + 1];
        for (size_t i = 0; i < JOBS_MAX_COUNTRIES + 1; i++)
                c[i] = "IT";
        j->applicant_countries = c;
        j->n_applicant_countries = JOBS_MAX_COUNTRIES + 1;
}
static void m_bad_country(Job *j) {
        static const char *c[] = { "Italy" };
        j->applicant_countries = c;
        j->n_applicant_countries = 1;
}
static void m_pay_huge(Job *j) { j->pay.max_minor = JOBS_MAX_PAY_MINOR + 1; }
static void m_long_justification(Job *j) {
        static char t[JOBS_MAX_JUSTIFICATION + 2];
        static JobJustification js[1] = { { ADCHECK_AGE, t } };
        memset(t, 'j', sizeof(t) - 1);
        j->description = "Età massima 35 anni.";
        j->justifications = js;
        j->n_justifications = 1;
}
static void m_script_title(Job *j) { j->title = "<script>alert(1)</script>"; j->description = "\r\n"; }

static void test_problems(void) {
        static const struct {
                Mutate m;
                const char *field;
        } cases[] = {
                { m_title, "title" }, { m_desc, "description" }, { m_pay, "pay.min" }, { m_pay_order, "pay.max" },
                { m_currency, "pay.currency" }, { m_period, "pay.period" }, { m_deadline_past, "deadline" },
                { m_deadline_none, "deadline" }, { m_occupation, "occupation" }, { m_no_essential, "skills" },
                { m_city, "city" }, { m_remote_countries, "applicant_countries" }, { m_questions, "questions" },
                { m_status, "status" }, { m_lang, "languages" }, { m_hours, "hours_per_week" },
                { m_title_long, "title" }, { m_bad_utf8, "title" }, { m_age, "justification.age" },
                { m_employer, "employer" }, { m_too_many_questions, "questions" },
                { m_long_question, "questions" }, { m_too_many_skills, "skills" },
                { m_too_many_langs, "languages" }, { m_long_city, "city" },
                { m_too_many_countries, "applicant_countries" }, { m_bad_country, "applicant_countries" },
                { m_pay_huge, "pay.max" }, { m_long_justification, "justification.age" },
                { m_script_title, "description" },
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                Arena *a = arena_new();
                Job j = fixture_job();
                cases[i].m(&j);
                JobProblem *p = NULL;
                size_t n = validate(a, &j, &p);
                CHECK(n != 999 && n >= 1 && has_problem(p, n, cases[i].field), "case %zu reports %s", i,
                      cases[i].field);
                arena_free(a);
        }
}

static void test_justification(void) {
        Arena *a = arena_new();
        Job j = fixture_job();
        j.description = "Richiesta sana e robusta costituzione per il lavoro in quota.";
        JobProblem *p = NULL;
        size_t n = validate(a, &j, &p);
        CHECK(n == 1 && has_problem(p, n, "justification.health"), "health finding blocks without justification");
        JobJustification short_j[] = { { ADCHECK_HEALTH, "needed" } };
        j.justifications = short_j;
        j.n_justifications = 1;
        n = validate(a, &j, &p);
        CHECK(n == 1 && has_problem(p, n, "justification.health"), "too-short justification is refused");
        JobJustification ok[] = { { ADCHECK_HEALTH, "Il lavoro si svolge su tralicci a 30 metri di altezza." } };
        j.justifications = ok;
        n = validate(a, &j, &p);
        CHECK(n == 0, "justified finding no longer blocks");
        CHECK(jobs_validate_for_publish(&j, NULL, FIXTURE_NOW, a, &p, &n) == 0 && has_problem(p, n, "description"),
              "an unchecked ad is a problem");
        CHECK(jobs_validate_for_publish(NULL, NULL, 0, a, &p, &n) == -EINVAL, "NULL job");
        Job pub = fixture_job();
        pub.status = JOB_PUBLISHED;
        AdcheckResult *r = NULL;
        CHECK(jobs_check(E, a, &pub, &r) == 0 && jobs_validate(&pub, r, FIXTURE_NOW, a, &p, &n) == 0 && n == 0,
              "an edit of a published job validates without the status rule");
        pub.description = "Età massima 35 anni.";
        CHECK(jobs_check(E, a, &pub, &r) == 0 && jobs_validate(&pub, r, FIXTURE_NOW, a, &p, &n) == 0 &&
                      has_problem(p, n, "justification.age"),
              "an edit cannot bring back a blocked finding");
        Job nopay = fixture_job();
        nopay.description = "Stipendio competitivo.";
        n = validate(a, &nopay, &p);
        CHECK(n == 0, "pay-missing in the text is satisfied by the pay fields");
        arena_free(a);
}

static void test_transitions(void) {
        CHECK(jobs_transition_check(JOB_DRAFT, JOB_PUBLISHED) == 0, "draft -> published");
        CHECK(jobs_transition_check(JOB_DRAFT, JOB_CLOSED) == 0, "draft -> closed");
        CHECK(jobs_transition_check(JOB_PUBLISHED, JOB_CLOSED) == 0, "published -> closed");
        CHECK(jobs_transition_check(JOB_CLOSED, JOB_PUBLISHED) == -EINVAL, "closed stays closed");
        CHECK(jobs_transition_check(JOB_PUBLISHED, JOB_DRAFT) == -EINVAL, "no way back to draft");
        CHECK(jobs_transition_check(JOB_DRAFT, JOB_DRAFT) == -EINVAL, "no self transition");
        CHECK(jobs_transition_check(JOB_STATUS_MAX, JOB_CLOSED) == -EINVAL, "bad status");
        Job j = fixture_job();
        CHECK(jobs_transition(&j, JOB_PUBLISHED, FIXTURE_NOW) == 0 && j.status == JOB_PUBLISHED &&
                      j.published_at == FIXTURE_NOW,
              "publish sets published_at");
        CHECK(jobs_transition(&j, JOB_PUBLISHED, FIXTURE_NOW + 1) == -EINVAL && j.published_at == FIXTURE_NOW,
              "refused transition changes nothing");
        CHECK(jobs_transition(&j, JOB_CLOSED, FIXTURE_NOW + 5) == 0 && j.closed_at == FIXTURE_NOW + 5, "close");
}

static void test_filters(void) {
        Job j = fixture_job();
        JobFilter any = JOB_FILTER_ANY;
        CHECK(!jobs_filter_match(&j, &any, FIXTURE_NOW), "a draft is not listed");
        j.status = JOB_PUBLISHED;
        CHECK(jobs_filter_match(&j, &any, FIXTURE_NOW), "published job is listed");
        CHECK(!jobs_filter_match(&j, &any, j.deadline + 1), "past the deadline it is not");
        JobFilter f = JOB_FILTER_ANY;
        f.city = "AREZZO";
        CHECK(jobs_filter_match(&j, &f, FIXTURE_NOW), "city is case-insensitive");
        f.city = "Trikala";
        CHECK(!jobs_filter_match(&j, &f, FIXTURE_NOW), "other city");
        Job g = j;
        g.city = "Τρίκαλα";
        f.city = "ΤΡΙΚΑΛΑ";
        CHECK(jobs_filter_match(&g, &f, FIXTURE_NOW), "Greek city, accents and case ignored");
        f = (JobFilter)JOB_FILTER_ANY;
        f.remote = JOB_REMOTE;
        CHECK(!jobs_filter_match(&j, &f, FIXTURE_NOW), "hybrid is not remote");
        f.remote = JOB_HYBRID;
        f.hours = JOB_HOURS_FULL_TIME;
        CHECK(jobs_filter_match(&j, &f, FIXTURE_NOW), "hybrid, full-time");
        f.hours = JOB_HOURS_PART_TIME;
        CHECK(!jobs_filter_match(&j, &f, FIXTURE_NOW), "not part-time");
        f = (JobFilter)JOB_FILTER_ANY;
        f.accommodations = 1u << JOB_ACC_STEP_FREE;
        CHECK(jobs_filter_match(&j, &f, FIXTURE_NOW), "offers step-free access");
        f.accommodations |= 1u << JOB_ACC_SIGN_LANGUAGE;
        CHECK(!jobs_filter_match(&j, &f, FIXTURE_NOW), "all accommodations must be offered");
        f = (JobFilter)JOB_FILTER_ANY;
        const char *skills[] = { fixture_skills[1].uri };
        f.skills = skills;
        f.n_skills = 1;
        CHECK(jobs_filter_match(&j, &f, FIXTURE_NOW), "optional skill matches too");
        const char *other[] = { "http://data.europa.eu/esco/skill/none" };
        f.skills = other;
        CHECK(!jobs_filter_match(&j, &f, FIXTURE_NOW), "missing skill");
        CHECK(!jobs_filter_match(NULL, &f, FIXTURE_NOW), "NULL job");
}

static void test_names(void) {
        JobContract c;
        Cefr l;
        JobAccommodation acc;
        CHECK_STREQ(jobs_status_name(JOB_PUBLISHED), "published", "status name");
        CHECK(jobs_contract_parse("fixed-term", &c) == 0 && c == JOB_CONTRACT_FIXED_TERM, "contract parse");
        CHECK(jobs_contract_parse("<script>", &c) == -EINVAL, "bad contract");
        CHECK(jobs_cefr_parse("C1", &l) == 0 && l == CEFR_C1, "CEFR parse");
        CHECK(jobs_cefr_parse("c1", &l) == -EINVAL, "CEFR is upper case");
        CHECK(jobs_cefr_name(CEFR_MAX) == NULL, "CEFR out of range");
        CHECK(jobs_accommodation_parse("sign-language", &acc) == 0 && acc == JOB_ACC_SIGN_LANGUAGE,
              "accommodation parse");
        CHECK(jobs_accommodation_label(JOB_ACC_QUIET_SPACE) != NULL, "accommodation label");
        CHECK_STREQ(jobs_pay_period_name(JOB_PAY_MONTH), "month", "pay period");
        CHECK_STREQ(jobs_remote_name(JOB_REMOTE), "remote", "remote");
        CHECK_STREQ(jobs_hours_name(JOB_HOURS_PART_TIME), "part-time", "hours");
}

int main(void) {
        int rc = adcheck_engine_load(paths_datadir(), &E);
        CHECK(rc == 0, "engine loads");
        if (rc < 0)
                return test_done();
        test_publishable();
        test_problems();
        test_justification();
        test_transitions();
        test_filters();
        test_names();
        adcheck_engine_free(E);
        return test_done();
}
