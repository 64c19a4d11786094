/* JSON form of a job: round trip and strict reading. */
#include <errno.h>
#include <jansson.h>
#include <string.h>

#include "domain/jobs/jobs.h"
#include "job_fixture.h"
#include "test.h"

static const JobJustification fixture_just[] = { { ADCHECK_HEALTH, "Work on pylons 30 metres above ground." } };

static void test_roundtrip(void) {
        Arena *a = arena_new();
        Job j = fixture_job();
        j.justifications = fixture_just;
        j.n_justifications = 1;
        j.applicant_countries = fixture_countries;
        j.n_applicant_countries = 2;
        j.pay.min_minor = 2800050; /* 28000.50 */
        json_t *o = jobs_to_json(&j);
        CHECK(o != NULL, "job to JSON");
        CHECK_STREQ(json_string_value(json_object_get(o, "status")), "draft", "status name");
        CHECK_STREQ(json_string_value(json_object_get(json_object_get(o, "location"), "remote")), "hybrid", "remote");
        CHECK(json_real_value(json_object_get(json_object_get(o, "pay"), "min")) == 28000.5, "pay in major units");
        CHECK_STREQ(json_string_value(json_object_get(o, "deadline")), "2026-10-21T14:13:20Z", "deadline RFC 3339");
        CHECK_STREQ(json_string_value(json_object_get(json_object_get(o, "justifications"), "health")),
                    fixture_just[0].text, "justification keyed by category");
        Job back = { 0 };
        JobProblem *p = NULL;
        size_t n = 99;
        CHECK(jobs_from_json(a, o, &back, &p, &n) == 0 && n == 0, "JSON back to a job (%zu problems)", n);
        for (size_t i = 0; i < n && p; i++)
                printf("#   %s: %s\n", p[i].field, p[i].msgid);
        back.id = j.id; /* read-only fields are not read */
        back.created_at = j.created_at;
        json_t *o2 = jobs_to_json(&back);
        CHECK(json_equal(o, o2), "round trip is lossless");
        CHECK(back.pay.min_minor == 2800050 && back.deadline == j.deadline && back.n_skills == 2 &&
                      back.accommodations == j.accommodations,
              "values survive");
        json_decref(o);
        json_decref(o2);
        arena_free(a);
}

static void test_bad_input(void) {
        static const struct {
                const char *json;
                const char *field;
        } cases[] = {
                { "{\"titel\": \"typo\"}", "titel" },
                { "{\"title\": 42}", "title" },
                { "{\"hours\": \"sometimes\"}", "hours" },
                { "{\"contract\": null}", "contract" },
                { "{\"pay\": {\"min\": -5}}", "pay.min" },
                { "{\"pay\": {\"min\": 1e300}}", "pay.min" },
                { "{\"pay\": {\"currency\": \"EURO\"}}", "pay.currency" },
                { "{\"pay\": {\"period\": \"fortnight\"}}", "pay.period" },
                { "{\"deadline\": \"tomorrow\"}", "deadline" },
                { "{\"deadline\": \"2026-02-30T25:00:00Z\"}", "deadline" },
                { "{\"deadline\": \"2026-02-30\"}", "deadline" },
                { "{\"languages\": [{\"code\": \"en\", \"level\": \"C3\"}]}", "languages" },
                { "{\"skills\": [{\"uri\": 5}]}", "skills" },
                { "{\"skills\": \"java\"}", "skills" },
                { "{\"accommodations\": [\"jetpack\"]}", "accommodations" },
                { "{\"justifications\": {\"vibes\": \"because\"}}", "justifications" },
                { "{\"location\": {\"country\": \"Italy\"}}", "country" },
                { "{\"hours_per_week\": 200}", "hours_per_week" },
                { "{\"lang\": \"xx\"}", "lang" },
                { "{\"questions\": [\"ok\", 3]}", "questions" },
                { "{\"employer\": \"ACME\"}", "employer" },
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                Arena *a = arena_new();
                json_t *o = json_loads(cases[i].json, 0, NULL);
                Job j = fixture_job(), before = j;
                JobProblem *p = NULL;
                size_t n = 0;
                int rc = jobs_from_json(a, o, &j, &p, &n);
                CHECK(rc == 0 && n >= 1 && strcmp(p[0].field, cases[i].field) == 0, "%s -> problem on %s", cases[i].json,
                      cases[i].field);
                CHECK(memcmp(&j, &before, sizeof(j)) == 0, "job unchanged after a problem (%zu)", i);
                json_decref(o);
                arena_free(a);
        }
}

static void test_limits(void) {
        Arena *a = arena_new();
        json_t *qs = json_array();
        for (int i = 0; i < JOBS_MAX_QUESTIONS + 1; i++)
                json_array_append_new(qs, json_string("q"));
        json_t *o = json_pack("{s:o}", "questions", qs);
        Job j = fixture_job();
        JobProblem *p = NULL;
        size_t n = 0;
        CHECK(jobs_from_json(a, o, &j, &p, &n) == 0 && n == 1 && strcmp(p[0].field, "questions") == 0,
              "JOBS_MAX_QUESTIONS + 1 questions refused");
        json_decref(o);
        char *title = arena_alloc(a, JOBS_MAX_TITLE + 2);
        memset(title, 't', JOBS_MAX_TITLE + 1);
        o = json_pack("{s:s}", "title", title);
        CHECK(jobs_from_json(a, o, &j, &p, &n) == 0 && n == 1, "title over JOBS_MAX_TITLE refused");
        json_decref(o);
        o = json_pack("{s:s, s:s, s:s, s:i}", "title", "<script>alert(1)</script>", "deadline", "2026-12-31",
                      "status", "published", "id", 7);
        CHECK(jobs_from_json(a, o, &j, &p, &n) == 0 && n == 0, "markup is data; read-only fields ignored");
        CHECK_STREQ(j.title, "<script>alert(1)</script>", "title kept as written");
        CHECK(j.deadline == 1798761599 && j.status == JOB_DRAFT && j.id == 42, "date-only deadline is end of day UTC");
        json_decref(o);
        o = json_pack("{s:{s:f, s:f, s:s, s:s}}", "pay", "min", 18.505, "max", 22.0, "currency", "EUR", "period",
                      "hour");
        CHECK(jobs_from_json(a, o, &j, &p, &n) == 0 && n == 0 && j.pay.min_minor == 1851 && j.pay.max_minor == 2200 &&
                      j.pay.period == JOB_PAY_HOUR,
              "amounts rounded to cents");
        json_decref(o);
        o = json_array();
        CHECK(jobs_from_json(a, o, &j, &p, &n) == -EINVAL, "not an object");
        json_decref(o);
        CHECK(jobs_from_json(a, NULL, &j, &p, &n) == -EINVAL, "NULL");
        CHECK(jobs_to_json(NULL) == NULL, "NULL job");
        arena_free(a);
}

int main(void) {
        test_roundtrip();
        test_bad_input();
        test_limits();
        return test_done();
}
