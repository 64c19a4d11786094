/* schema.org JobPosting JSON-LD. */
#include "render/jsonld.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/strbuf.h"

/* Sets key to a string only when s is non-empty (jansson refuses invalid
 * UTF-8, in which case the key is left out rather than failing the page). */
static void set_str(json_t *o, const char *key, const char *s) {
        if (s && *s)
                json_object_set_new(o, key, json_string(s));
}

static void set_time(json_t *o, const char *key, int64_t t, bool date_only) {
        if (t <= 0)
                return;
        time_t tt = (time_t)t;
        struct tm tm;
        char buf[32];
        if (!gmtime_r(&tt, &tm) ||
            !strftime(buf, sizeof(buf), date_only ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%SZ", &tm))
                return;
        set_str(o, key, buf);
}

/* Minor units as a JSON number in major units: 2800000 -> 28000. */
static json_t *money(int64_t minor) {
        if (minor % 100 == 0)
                return json_integer((json_int_t)(minor / 100));
        return json_real((double)minor / 100.0);
}

static json_t *base_salary(const JobPay *pay) {
        static const char *const units[JOB_PAY_PERIOD_MAX] = { "HOUR", "DAY", "WEEK", "MONTH", "YEAR" };
        if (pay->min_minor <= 0)
                return NULL;
        json_t *v = json_pack("{s:s, s:o, s:o, s:s}", "@type", "QuantitativeValue", "minValue", money(pay->min_minor),
                              "maxValue", money(pay->max_minor > 0 ? pay->max_minor : pay->min_minor), "unitText",
                              (unsigned)pay->period < JOB_PAY_PERIOD_MAX ? units[pay->period] : "YEAR");
        json_t *m = json_pack("{s:s, s:s, s:o}", "@type", "MonetaryAmount", "currency", pay->currency, "value", v);
        return m;
}

static json_t *employment_type(const Job *job) {
        json_t *a = json_array();
        json_array_append_new(a, json_string(job->hours == JOB_HOURS_PART_TIME ? "PART_TIME" : "FULL_TIME"));
        const char *extra = NULL;
        switch (job->contract) {
        case JOB_CONTRACT_FIXED_TERM:
        case JOB_CONTRACT_TEMPORARY: extra = "TEMPORARY"; break;
        case JOB_CONTRACT_INTERNSHIP: extra = "INTERN"; break;
        case JOB_CONTRACT_FREELANCE: extra = "CONTRACTOR"; break;
        case JOB_CONTRACT_APPRENTICESHIP: extra = "OTHER"; break;
        default: break;
        }
        if (extra)
                json_array_append_new(a, json_string(extra));
        return a;
}

static void add_place(json_t *o, const Job *job) {
        if (job->remote == JOB_REMOTE) {
                json_object_set_new(o, "jobLocationType", json_string("TELECOMMUTE"));
                json_t *req = json_array();
                for (size_t i = 0; i < job->n_applicant_countries; i++)
                        json_array_append_new(req, json_pack("{s:s, s:s}", "@type", "Country", "name",
                                                             job->applicant_countries[i]));
                json_object_set_new(o, "applicantLocationRequirements", req);
        }
        if (job->remote == JOB_REMOTE && !(job->city && *job->city))
                return;
        json_t *addr = json_pack("{s:s}", "@type", "PostalAddress");
        set_str(addr, "addressLocality", job->city);
        set_str(addr, "addressCountry", job->country);
        json_object_set_new(o, "jobLocation", json_pack("{s:s, s:o}", "@type", "Place", "address", addr));
}

static void add_occupation(json_t *o, const Job *job) {
        if (!job->esco_occupation_uri || !*job->esco_occupation_uri)
                return;
        json_t *c = json_pack("{s:s, s:s, s:s}", "@type", "CategoryCode", "codeValue", job->esco_occupation_uri,
                              "inCodeSet", "http://data.europa.eu/esco/occupation");
        set_str(c, "name", job->esco_occupation_label);
        json_object_set_new(o, "occupationalCategory", c);
        json_t *skills = json_array();
        for (size_t i = 0; i < job->n_skills; i++) {
                json_t *s = json_pack("{s:s, s:s, s:s}", "@type", "DefinedTerm", "inDefinedTermSet",
                                      "http://data.europa.eu/esco/skill", "description",
                                      job->skills[i].essential ? "essential" : "optional");
                set_str(s, "termCode", job->skills[i].uri);
                set_str(s, "name", job->skills[i].label);
                json_array_append_new(skills, s);
        }
        json_object_set_new(o, "skills", skills);
}

static void add_identity(json_t *o, const Job *job, const JsonldSite *site) {
        if (site && site->base_url) {
                char url[1024];
                snprintf(url, sizeof(url), "%s/jobs/%lld", site->base_url, (long long)job->id);
                set_str(o, "url", url);
        }
        char id[32];
        snprintf(id, sizeof(id), "%lld", (long long)job->id);
        json_t *ident = json_pack("{s:s, s:s}", "@type", "PropertyValue", "value", id);
        set_str(ident, "name", site ? site->site_name : NULL);
        json_object_set_new(o, "identifier", ident);
        json_t *org = json_pack("{s:s}", "@type", "Organization");
        set_str(org, "name", job->employer_name);
        set_str(org, "sameAs", job->employer_url);
        json_object_set_new(o, "hiringOrganization", org);
}

struct json_t *jsonld_job_posting(const Job *job, const JsonldSite *site) {
        if (!job)
                return NULL;
        json_t *o = json_pack("{s:s, s:s}", "@context", "https://schema.org", "@type", "JobPosting");
        if (!o)
                return NULL;
        set_str(o, "title", job->title);
        set_str(o, "description", job->description);
        set_str(o, "inLanguage", lang_code(job->lang));
        set_time(o, "datePosted", job->published_at, true);
        set_time(o, "validThrough", job->deadline, false);
        json_object_set_new(o, "employmentType", employment_type(job));
        add_identity(o, job, site);
        add_place(o, job);
        add_occupation(o, job);
        json_t *salary = base_salary(&job->pay);
        if (salary)
                json_object_set_new(o, "baseSalary", salary);
        json_object_set_new(o, "experienceRequirements",
                            json_pack("{s:s, s:I}", "@type", "OccupationalExperienceRequirements",
                                      "monthsOfExperience", (json_int_t)job->experience_months));
        if (job->hours_per_week) {
                char h[48];
                snprintf(h, sizeof(h), "%u hours per week", job->hours_per_week);
                set_str(o, "workHours", h);
        }
        json_object_set_new(o, "directApply", json_true());
        return o;
}

char *jsonld_dumps_script_safe(const struct json_t *j) {
        char *raw = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
        if (!raw)
                return NULL;
        StrBuf b;
        strbuf_init(&b, 0);
        for (const char *p = raw; *p; p++) {
                if (*p == '<')
                        strbuf_puts(&b, "\\u003c");
                else if (*p == '>')
                        strbuf_puts(&b, "\\u003e");
                else if (*p == '&')
                        strbuf_puts(&b, "\\u0026");
                else if (p[0] == '\xe2' && p[1] == '\x80' && (p[2] == '\xa8' || p[2] == '\xa9')) {
                        strbuf_puts(&b, p[2] == '\xa8' ? "\\u2028" : "\\u2029");
                        p += 2;
                } else
                        strbuf_putc(&b, *p);
        }
        free(raw);
        if (strbuf_error(&b)) {
                strbuf_free(&b);
                return NULL;
        }
        return strbuf_detach(&b, NULL);
}

char *jsonld_job_posting_script(const Job *job, const JsonldSite *site) {
        json_t *j = jsonld_job_posting(job, site);
        char *s = jsonld_dumps_script_safe(j);
        json_decref(j);
        return s;
}
