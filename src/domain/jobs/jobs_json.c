/* The JSON form of a job: written for GET, read (strictly) for POST/PATCH. */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/jobs/jobs_internal.h"

/* ---- writing ---- */

static json_t *opt_str(const char *s) { return s && *s ? json_string(s) : json_null(); }

static json_t *time_json(int64_t t) {
        if (t <= 0)
                return json_null();
        time_t tt = (time_t)t;
        struct tm tm;
        char buf[32];
        if (!gmtime_r(&tt, &tm) || !strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm))
                return json_null();
        return json_string(buf);
}

static json_t *money_json(int64_t minor) {
        return minor % 100 == 0 ? json_integer((json_int_t)(minor / 100)) : json_real((double)minor / 100.0);
}

static json_t *skills_json(const Job *job) {
        json_t *a = json_array();
        for (size_t i = 0; a && i < job->n_skills; i++)
                json_array_append_new(a, json_pack("{s:o, s:o, s:b}", "uri", opt_str(job->skills[i].uri), "label",
                                                   opt_str(job->skills[i].label), "essential",
                                                   job->skills[i].essential));
        return a;
}

static json_t *langs_json(const Job *job) {
        json_t *a = json_array();
        for (size_t i = 0; a && i < job->n_languages; i++)
                json_array_append_new(a, json_pack("{s:s, s:o}", "code", job->languages[i].code, "level",
                                                   opt_str(jobs_cefr_name(job->languages[i].level))));
        return a;
}

static json_t *location_json(const Job *job) {
        json_t *c = json_array();
        for (size_t i = 0; c && i < job->n_applicant_countries; i++)
                json_array_append_new(c, json_string(job->applicant_countries[i]));
        return json_pack("{s:o, s:o, s:o, s:o}", "city", opt_str(job->city), "country", opt_str(job->country),
                         "remote", opt_str(jobs_remote_name(job->remote)), "applicant_countries", c);
}

static json_t *pay_json(const JobPay *p) {
        if (p->min_minor <= 0)
                return json_null();
        return json_pack("{s:o, s:o, s:o, s:o, s:b}", "min", money_json(p->min_minor), "max",
                         money_json(p->max_minor), "currency", opt_str(p->currency), "period",
                         opt_str(jobs_pay_period_name(p->period)), "gross", p->gross);
}

static json_t *extras_json(const Job *job, json_t *o) {
        json_t *acc = json_array(), *q = json_array(), *just = json_object();
        for (int i = 0; acc && i < JOB_ACC_MAX; i++)
                if (job->accommodations & (1u << i))
                        json_array_append_new(acc, json_string(jobs_accommodation_name((JobAccommodation)i)));
        for (size_t i = 0; q && i < job->n_questions; i++)
                json_array_append_new(q, opt_str(job->questions[i]));
        for (size_t i = 0; just && i < job->n_justifications; i++) {
                const char *name = adcheck_category_name(job->justifications[i].category);
                if (name)
                        json_object_set_new(just, name, opt_str(job->justifications[i].text));
        }
        json_object_set_new(o, "accommodations", acc);
        json_object_set_new(o, "accommodations_note", opt_str(job->accommodations_note));
        json_object_set_new(o, "questions", q);
        json_object_set_new(o, "justifications", just);
        return o;
}

struct json_t *jobs_to_json(const Job *job) {
        if (!job)
                return NULL;
        json_t *o = json_pack(
                "{s:I, s:o, s:s, s:o, s:o, s:{s:o, s:o}, s:{s:o, s:o}, s:o, s:o, s:o, s:o, s:I, s:o, s:I, s:o}", "id",
                (json_int_t)job->id, "status", opt_str(jobs_status_name(job->status)), "lang", lang_code(job->lang),
                "title", opt_str(job->title), "description", opt_str(job->description), "employer", "name",
                opt_str(job->employer_name), "url", opt_str(job->employer_url), "occupation", "uri",
                opt_str(job->esco_occupation_uri), "label", opt_str(job->esco_occupation_label), "skills",
                skills_json(job), "languages", langs_json(job), "location", location_json(job), "hours",
                opt_str(jobs_hours_name(job->hours)), "hours_per_week", (json_int_t)job->hours_per_week,
                "contract", opt_str(jobs_contract_name(job->contract)), "experience_months",
                (json_int_t)job->experience_months, "pay", pay_json(&job->pay));
        if (!o)
                return NULL;
        json_object_set_new(o, "deadline", time_json(job->deadline));
        json_object_set_new(o, "created_at", time_json(job->created_at));
        json_object_set_new(o, "published_at", time_json(job->published_at));
        json_object_set_new(o, "closed_at", time_json(job->closed_at));
        json_object_set_new(o, "updated_at", time_json(job->updated_at));
        return extras_json(job, o);
}

/* ---- reading ---- */

#define MSG_TYPE N_("Wrong type of value for this job field.")
#define MSG_VALUE N_("Unknown value for this job field.")
#define MSG_TOO_MANY N_("Too many items in this job field.")

typedef struct Reader {
        Arena *a;
        Problems p;
        Job job; /* the copy being changed */
} Reader;

static void bad(Reader *r, const char *field, const char *msgid) { jobs_problem_add(&r->p, field, msgid); }

/* Copies a JSON string (or null -> NULL) into the arena. */
static bool get_str(Reader *r, const json_t *v, const char *field, const char **out) {
        if (json_is_null(v)) {
                *out = NULL;
                return true;
        }
        if (!json_is_string(v)) {
                bad(r, field, MSG_TYPE);
                return false;
        }
        char *s = arena_strndup(r->a, json_string_value(v), json_string_length(v));
        if (!s)
                r->p.err = -ENOMEM;
        *out = s;
        return s != NULL;
}

static bool get_uint(Reader *r, const json_t *v, const char *field, unsigned max, unsigned *out) {
        if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > (json_int_t)max) {
                bad(r, field, json_is_integer(v) ? MSG_VALUE : MSG_TYPE);
                return false;
        }
        *out = (unsigned)json_integer_value(v);
        return true;
}

/* Parses a JSON string with a jobs_*_parse function into *target. */
#define GET_ENUM(r, v, field, parse, target)                                                              \
        (!json_is_string(v)                                   ? (bad(r, field, MSG_TYPE), false)          \
         : parse(json_string_value(v), (target)) < 0 ? (bad(r, field, MSG_VALUE), false)                  \
                                                             : true)

/* "2026-10-21T14:13:20Z" or "2026-10-21" (then the end of that day, UTC). */
static bool get_time(Reader *r, const json_t *v, const char *field, int64_t *out) {
        if (json_is_null(v)) {
                *out = 0;
                return true;
        }
        const char *s = json_string_value(v);
        struct tm tm = { 0 };
        const char *end = s ? strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
        bool date_only = false;
        if (!end || *end) {
                memset(&tm, 0, sizeof(tm));
                end = s ? strptime(s, "%Y-%m-%d", &tm) : NULL;
                date_only = true;
        }
        if (!end || *end || tm.tm_year < 100 || tm.tm_year > 1100) {
                bad(r, field, N_("Not a valid date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ."));
                return false;
        }
        struct tm want = tm, got;
        time_t t = timegm(&tm);
        if (!gmtime_r(&t, &got) || got.tm_mday != want.tm_mday || got.tm_mon != want.tm_mon) {
                bad(r, field, N_("Not a valid date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ."));
                return false; /* 2026-02-30 */
        }
        *out = (int64_t)t + (date_only ? 86399 : 0);
        return true;
}

static bool get_money(Reader *r, const json_t *v, const char *field, int64_t *out) {
        double d = json_is_number(v) ? json_number_value(v) : -1;
        if (!isfinite(d) || d <= 0 || d * 100 > (double)JOBS_MAX_PAY_MINOR) {
                bad(r, field, N_("Not a valid amount."));
                return false;
        }
        *out = (int64_t)llround(d * 100);
        return true;
}

static void read_employer(Reader *r, const json_t *v) {
        if (!json_is_object(v)) {
                bad(r, "employer", MSG_TYPE);
                return;
        }
        const json_t *x;
        if ((x = json_object_get(v, "name")))
                get_str(r, x, "employer", &r->job.employer_name);
        if ((x = json_object_get(v, "url")))
                get_str(r, x, "employer", &r->job.employer_url);
}

static void read_occupation(Reader *r, const json_t *v) {
        if (!json_is_object(v)) {
                bad(r, "occupation", MSG_TYPE);
                return;
        }
        const json_t *x;
        if ((x = json_object_get(v, "uri")))
                get_str(r, x, "occupation", &r->job.esco_occupation_uri);
        if ((x = json_object_get(v, "label")))
                get_str(r, x, "occupation", &r->job.esco_occupation_label);
}

/* Checks an array field against its limit; returns its size or -1. */
static long array_of(Reader *r, const json_t *v, const char *field, size_t max) {
        if (!json_is_array(v)) {
                bad(r, field, MSG_TYPE);
                return -1;
        }
        if (json_array_size(v) > max) {
                bad(r, field, MSG_TOO_MANY);
                return -1;
        }
        return (long)json_array_size(v);
}

static void read_skills(Reader *r, const json_t *v) {
        long n = array_of(r, v, "skills", JOBS_MAX_SKILLS);
        JobSkill *sk = n > 0 ? arena_alloc(r->a, (size_t)n * sizeof(*sk)) : NULL;
        if (n > 0 && !sk) {
                r->p.err = -ENOMEM;
                return;
        }
        for (long i = 0; i < n; i++) {
                const json_t *e = json_array_get(v, (size_t)i), *ess = json_object_get(e, "essential");
                if (!json_is_object(e) || !json_is_string(json_object_get(e, "uri")) || (ess && !json_is_boolean(ess))) {
                        bad(r, "skills", MSG_TYPE);
                        return;
                }
                get_str(r, json_object_get(e, "uri"), "skills", &sk[i].uri);
                if (json_object_get(e, "label"))
                        get_str(r, json_object_get(e, "label"), "skills", &sk[i].label);
                sk[i].essential = json_is_true(ess);
        }
        if (n >= 0) {
                r->job.skills = sk;
                r->job.n_skills = (size_t)n;
        }
}

static void read_languages(Reader *r, const json_t *v) {
        long n = array_of(r, v, "languages", JOBS_MAX_LANGUAGES);
        JobLanguage *l = n > 0 ? arena_alloc(r->a, (size_t)n * sizeof(*l)) : NULL;
        if (n > 0 && !l) {
                r->p.err = -ENOMEM;
                return;
        }
        for (long i = 0; i < n; i++) {
                const json_t *e = json_array_get(v, (size_t)i);
                const char *code = json_string_value(json_object_get(e, "code"));
                if (!code || strlen(code) != 2) {
                        bad(r, "languages", MSG_VALUE);
                        return;
                }
                memcpy(l[i].code, code, 3);
                if (!GET_ENUM(r, json_object_get(e, "level"), "languages", jobs_cefr_parse, &l[i].level))
                        return;
        }
        if (n >= 0) {
                r->job.languages = l;
                r->job.n_languages = (size_t)n;
        }
}

/* A JSON array of strings into an arena array (NULL-free). */
static bool str_list(Reader *r, const json_t *v, const char *field, size_t max, const char *const **out,
                     size_t *out_n) {
        long n = array_of(r, v, field, max);
        const char **l = n > 0 ? arena_alloc(r->a, (size_t)n * sizeof(*l)) : NULL;
        if (n < 0 || (n > 0 && !l)) {
                if (n > 0)
                        r->p.err = -ENOMEM;
                return false;
        }
        for (long i = 0; i < n; i++) {
                const json_t *e = json_array_get(v, (size_t)i);
                if (!json_is_string(e)) {
                        bad(r, field, MSG_TYPE);
                        return false;
                }
                get_str(r, e, field, &l[i]);
        }
        *out = l;
        *out_n = (size_t)n;
        return true;
}

static void read_location(Reader *r, const json_t *v) {
        if (!json_is_object(v)) {
                bad(r, "location", MSG_TYPE);
                return;
        }
        const json_t *x;
        if ((x = json_object_get(v, "city")))
                get_str(r, x, "city", &r->job.city);
        if ((x = json_object_get(v, "country"))) {
                const char *c = json_string_value(x);
                if (c && strlen(c) == 2)
                        memcpy(r->job.country, c, 3);
                else if (json_is_null(x))
                        r->job.country[0] = '\0';
                else
                        bad(r, "country", MSG_VALUE);
        }
        if ((x = json_object_get(v, "remote")))
                GET_ENUM(r, x, "remote", jobs_remote_parse, &r->job.remote);
        if ((x = json_object_get(v, "applicant_countries")))
                str_list(r, x, "applicant_countries", JOBS_MAX_COUNTRIES, &r->job.applicant_countries,
                         &r->job.n_applicant_countries);
}

static void read_pay(Reader *r, const json_t *v) {
        if (json_is_null(v)) {
                memset(&r->job.pay, 0, sizeof(r->job.pay));
                return;
        }
        if (!json_is_object(v)) {
                bad(r, "pay.min", MSG_TYPE);
                return;
        }
        JobPay *p = &r->job.pay;
        const json_t *x;
        if ((x = json_object_get(v, "min")))
                get_money(r, x, "pay.min", &p->min_minor);
        if ((x = json_object_get(v, "max")))
                get_money(r, x, "pay.max", &p->max_minor);
        if ((x = json_object_get(v, "currency"))) {
                const char *c = json_string_value(x);
                if (c && strlen(c) == 3)
                        memcpy(p->currency, c, 4);
                else
                        bad(r, "pay.currency", MSG_VALUE);
        }
        if ((x = json_object_get(v, "period")))
                GET_ENUM(r, x, "pay.period", jobs_pay_period_parse, &p->period);
        if ((x = json_object_get(v, "gross"))) {
                if (json_is_boolean(x))
                        p->gross = json_is_true(x);
                else
                        bad(r, "pay.gross", MSG_TYPE);
        }
}

static void read_accommodations(Reader *r, const json_t *v) {
        if (array_of(r, v, "accommodations", JOB_ACC_MAX) < 0)
                return;
        unsigned bits = 0;
        for (size_t i = 0; i < json_array_size(v); i++) {
                JobAccommodation acc;
                if (!GET_ENUM(r, json_array_get(v, i), "accommodations", jobs_accommodation_parse, &acc))
                        return;
                bits |= 1u << acc;
        }
        r->job.accommodations = bits;
}

static void read_justifications(Reader *r, const json_t *v) {
        if (!json_is_object(v)) {
                bad(r, "justifications", MSG_TYPE);
                return;
        }
        size_t n = json_object_size(v), i = 0;
        JobJustification *js = n ? arena_alloc(r->a, n * sizeof(*js)) : NULL;
        if (n && !js) {
                r->p.err = -ENOMEM;
                return;
        }
        const char *key;
        json_t *val;
        json_object_foreach((json_t *)v, key, val) {
                if (adcheck_category_parse(key, &js[i].category) < 0) {
                        bad(r, "justifications", MSG_VALUE);
                        return;
                }
                if (!json_is_string(val) || json_string_length(val) > JOBS_MAX_JUSTIFICATION) {
                        bad(r, "justifications", json_is_string(val) ? N_("The justification is too long.") : MSG_TYPE);
                        return;
                }
                get_str(r, val, "justifications", &js[i].text);
                i++;
        }
        r->job.justifications = js;
        r->job.n_justifications = n;
}

#define MSG_TOO_LONG N_("This job field is too long.")
/* Longest experience accepted, in months (50 years). */
#define JOBS_MAX_EXPERIENCE_MONTHS 600

static void text(Reader *r, const json_t *v, const char *field, size_t max, const char **out) {
        if (json_is_string(v) && json_string_length(v) > max)
                bad(r, field, MSG_TOO_LONG);
        else
                get_str(r, v, field, out);
}

static void read_questions(Reader *r, const json_t *v) {
        const char *const *q;
        size_t n;
        if (!str_list(r, v, "questions", JOBS_MAX_QUESTIONS, &q, &n))
                return;
        for (size_t i = 0; i < n; i++)
                if (strlen(q[i]) > JOBS_MAX_QUESTION) {
                        bad(r, "questions", MSG_TOO_LONG);
                        return;
                }
        r->job.questions = q;
        r->job.n_questions = n;
}

static bool read_scalar(Reader *r, const char *key, const json_t *v) {
        Job *j = &r->job;
        if (strcmp(key, "title") == 0)
                text(r, v, "title", JOBS_MAX_TITLE, &j->title);
        else if (strcmp(key, "description") == 0)
                text(r, v, "description", JOBS_MAX_DESCRIPTION, &j->description);
        else if (strcmp(key, "accommodations_note") == 0)
                text(r, v, "accommodations_note", JOBS_MAX_JUSTIFICATION, &j->accommodations_note);
        else if (strcmp(key, "lang") == 0)
                GET_ENUM(r, v, "lang", lang_parse, &j->lang);
        else if (strcmp(key, "hours") == 0)
                GET_ENUM(r, v, "hours", jobs_hours_parse, &j->hours);
        else if (strcmp(key, "contract") == 0)
                GET_ENUM(r, v, "contract", jobs_contract_parse, &j->contract);
        else if (strcmp(key, "hours_per_week") == 0)
                get_uint(r, v, "hours_per_week", JOBS_MAX_HOURS_PER_WEEK, &j->hours_per_week);
        else if (strcmp(key, "experience_months") == 0)
                get_uint(r, v, "experience_months", JOBS_MAX_EXPERIENCE_MONTHS, &j->experience_months);
        else if (strcmp(key, "deadline") == 0)
                get_time(r, v, "deadline", &j->deadline);
        else
                return false;
        return true;
}

static void read_field(Reader *r, const char *key, const json_t *v) {
        static const char *const read_only[] = { "id", "status", "created_at", "published_at", "closed_at",
                                                 "updated_at" };
        static const struct {
                const char *key;
                void (*fn)(Reader *r, const json_t *v);
        } objects[] = {
                { "employer", read_employer }, { "occupation", read_occupation }, { "skills", read_skills },
                { "languages", read_languages }, { "location", read_location }, { "pay", read_pay },
                { "accommodations", read_accommodations }, { "justifications", read_justifications },
                { "questions", read_questions },
        };
        if (read_scalar(r, key, v))
                return;
        for (size_t i = 0; i < sizeof(objects) / sizeof(objects[0]); i++)
                if (strcmp(key, objects[i].key) == 0) {
                        objects[i].fn(r, v);
                        return;
                }
        for (size_t i = 0; i < sizeof(read_only) / sizeof(read_only[0]); i++)
                if (strcmp(key, read_only[i]) == 0)
                        return;
        const char *field = arena_strdup(r->a, key);
        if (!field)
                r->p.err = -ENOMEM;
        else
                bad(r, field, N_("Unknown job field."));
}

int jobs_from_json(Arena *a, const struct json_t *j, Job *job, JobProblem **ret_problems, size_t *ret_n) {
        if (!a || !job || !ret_problems || !ret_n || !json_is_object(j))
                return -EINVAL;
        Reader r = { .a = a, .p = { .a = a }, .job = *job };
        const char *key;
        json_t *v;
        json_object_foreach((json_t *)j, key, v) {
                read_field(&r, key, v);
                if (r.p.err)
                        return r.p.err;
        }
        if (r.p.n == 0)
                *job = r.job;
        *ret_problems = r.p.v;
        *ret_n = r.p.n;
        return 0;
}
