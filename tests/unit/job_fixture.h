/* A publishable job for the jobs, JSON-LD and Atom tests. */
#ifndef TD_TEST_JOB_FIXTURE_H
#define TD_TEST_JOB_FIXTURE_H

#include "domain/jobs/jobs.h"

#define FIXTURE_NOW ((int64_t)1790000000) /* 2026-09-21 */

static const JobSkill fixture_skills[] = {
        { "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d", "Java (computer programming)", true },
        { "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43", "SQL", false },
};
static const JobLanguage fixture_langs[] = { { "it", CEFR_B2 }, { "en", CEFR_C1 } };
static const char *const fixture_questions[] = { "Describe how you would test a payment form." };
static const char *const fixture_countries[] = { "IT", "PL" };

static Job fixture_job(void) {
        Job j = {
                .id = 42,
                .status = JOB_DRAFT,
                .lang = LANG_IT,
                .title = "Sviluppatore/Sviluppatrice Java (m/f)",
                .description = "Cerchiamo una persona che sviluppi servizi web in Java.",
                .employer_name = "Arezzo Digitale Srl",
                .employer_url = "https://example.org",
                .esco_occupation_uri = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1",
                .esco_occupation_label = "software developer",
                .skills = fixture_skills,
                .n_skills = 2,
                .languages = fixture_langs,
                .n_languages = 2,
                .city = "Arezzo",
                .country = "IT",
                .remote = JOB_HYBRID,
                .hours = JOB_HOURS_FULL_TIME,
                .hours_per_week = 38,
                .contract = JOB_CONTRACT_PERMANENT,
                .experience_months = 24,
                .pay = { 2800000, 3400000, "EUR", JOB_PAY_YEAR, true },
                .accommodations = (1u << JOB_ACC_STEP_FREE) | (1u << JOB_ACC_FLEXIBLE_HOURS),
                .deadline = FIXTURE_NOW + 30 * 86400,
                .created_at = FIXTURE_NOW - 86400,
                .questions = fixture_questions,
                .n_questions = 1,
        };
        return j;
}

#endif
