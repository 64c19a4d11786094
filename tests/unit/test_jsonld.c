/* schema.org JobPosting JSON-LD: parsed back with jansson. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "job_fixture.h"
#include "render/jsonld.h"
#include "test.h"

static const JsonldSite site = { "https://jobs.example.org", "techdiv" };

static json_t *roundtrip(const Job *j) {
        char *s = jsonld_job_posting_script(j, &site);
        json_t *o = s ? json_loads(s, 0, NULL) : NULL;
        free(s);
        return o;
}

static const char *str_at(json_t *o, const char *path) {
        /* "a.b.c" walk of objects */
        char buf[128];
        snprintf(buf, sizeof(buf), "%s", path);
        json_t *cur = o;
        for (char *save = NULL, *k = strtok_r(buf, ".", &save); k && cur; k = strtok_r(NULL, ".", &save))
                cur = json_object_get(cur, k);
        return json_string_value(cur);
}

static void test_fields(void) {
        Job j = fixture_job();
        j.status = JOB_PUBLISHED;
        j.published_at = FIXTURE_NOW;
        json_t *o = roundtrip(&j);
        CHECK(o != NULL, "output parses as JSON");
        CHECK_STREQ(str_at(o, "@context"), "https://schema.org", "@context");
        CHECK_STREQ(str_at(o, "@type"), "JobPosting", "@type");
        CHECK_STREQ(str_at(o, "title"), j.title, "title");
        CHECK_STREQ(str_at(o, "datePosted"), "2026-09-21", "datePosted");
        CHECK_STREQ(str_at(o, "validThrough"), "2026-10-21T14:13:20Z", "validThrough");
        CHECK_STREQ(str_at(o, "url"), "https://jobs.example.org/jobs/42", "url");
        CHECK_STREQ(str_at(o, "hiringOrganization.name"), "Arezzo Digitale Srl", "hiringOrganization");
        CHECK_STREQ(str_at(o, "baseSalary.@type"), "MonetaryAmount", "baseSalary type");
        CHECK_STREQ(str_at(o, "baseSalary.currency"), "EUR", "currency");
        json_t *v = json_object_get(json_object_get(o, "baseSalary"), "value");
        CHECK(json_integer_value(json_object_get(v, "minValue")) == 28000 &&
                      json_integer_value(json_object_get(v, "maxValue")) == 34000,
              "minValue/maxValue in major units");
        CHECK_STREQ(json_string_value(json_object_get(v, "unitText")), "YEAR", "unitText");
        CHECK_STREQ(str_at(o, "occupationalCategory.codeValue"), j.esco_occupation_uri, "occupationalCategory ESCO URI");
        CHECK(json_integer_value(json_object_get(json_object_get(o, "experienceRequirements"), "monthsOfExperience")) == 24,
              "experienceRequirements months");
        CHECK_STREQ(json_string_value(json_array_get(json_object_get(o, "employmentType"), 0)), "FULL_TIME",
                    "employmentType");
        CHECK_STREQ(str_at(o, "jobLocation.address.addressLocality"), "Arezzo", "jobLocation city");
        CHECK(json_object_get(o, "jobLocationType") == NULL, "hybrid job is not TELECOMMUTE");
        CHECK(json_array_size(json_object_get(o, "skills")) == 2, "skills listed");
        json_decref(o);
}

static void test_remote(void) {
        Job j = fixture_job();
        j.remote = JOB_REMOTE;
        j.city = NULL;
        j.applicant_countries = fixture_countries;
        j.n_applicant_countries = 2;
        j.pay = (JobPay){ 1850, 2250, "EUR", JOB_PAY_HOUR, true };
        j.contract = JOB_CONTRACT_FREELANCE;
        json_t *o = roundtrip(&j);
        CHECK_STREQ(str_at(o, "jobLocationType"), "TELECOMMUTE", "remote is TELECOMMUTE");
        json_t *req = json_object_get(o, "applicantLocationRequirements");
        CHECK(json_array_size(req) == 2, "two applicant countries");
        CHECK_STREQ(json_string_value(json_object_get(json_array_get(req, 1), "name")), "PL", "country name");
        CHECK(json_object_get(o, "jobLocation") == NULL, "no jobLocation for a fully remote job without city");
        json_t *v = json_object_get(json_object_get(o, "baseSalary"), "value");
        CHECK(json_real_value(json_object_get(v, "minValue")) == 18.5, "decimal pay as a real");
        CHECK_STREQ(json_string_value(json_object_get(v, "unitText")), "HOUR", "per hour");
        CHECK_STREQ(json_string_value(json_array_get(json_object_get(o, "employmentType"), 1)), "CONTRACTOR",
                    "freelance is CONTRACTOR");
        json_decref(o);
}

static void test_script_safe(void) {
        Job j = fixture_job();
        j.title = "</script><script>alert(1)</script> & <!-- \xe2\x80\xa8";
        char *s = jsonld_job_posting_script(&j, &site);
        CHECK(s && !strchr(s, '<') && !strchr(s, '>') && !strchr(s, '&'), "no < > & in the script text");
        CHECK(s && !strstr(s, "\xe2\x80\xa8"), "no raw U+2028");
        json_t *o = s ? json_loads(s, 0, NULL) : NULL;
        CHECK_STREQ(str_at(o, "title"), j.title, "escapes decode back to the original title");
        json_decref(o);
        free(s);
        j.title = "bad \xff utf-8";
        s = jsonld_job_posting_script(&j, &site);
        o = s ? json_loads(s, 0, NULL) : NULL;
        CHECK(o && json_object_get(o, "title") == NULL, "invalid UTF-8 title is left out, output still valid");
        json_decref(o);
        free(s);
        CHECK(jsonld_job_posting(NULL, &site) == NULL, "NULL job");
        CHECK(jsonld_dumps_script_safe(NULL) == NULL, "NULL json");
}

int main(void) {
        test_fields();
        test_remote();
        test_script_safe();
        return test_done();
}
