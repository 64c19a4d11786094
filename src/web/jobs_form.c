#include "web/jobs_form.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "domain/esco/esco.h"
#include "domain/jobs/board.h"

#define P(n, t, max) { .name = n, .in = PARAM_FORM, .type = t, .max_len = max }
const ParamSpec jobs_form_params[] = {
        { .name = "org", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "id", .in = PARAM_PATH, .type = PT_INT },
        P("title", PT_STRING, JOBS_MAX_TITLE), P("description", PT_TEXT, JOBS_MAX_DESCRIPTION),
        P("adlang", PT_LANG, 5), P("occupation", PT_STRING, 300),
        P("skills_essential", PT_TEXT, 20000), P("skills_optional", PT_TEXT, 20000),
        P("languages", PT_TEXT, 2000), P("city", PT_STRING, JOBS_MAX_CITY), P("country", PT_STRING, 2),
        P("remote", PT_STRING, 10), P("hours", PT_STRING, 12), P("hours_per_week", PT_INT, 3),
        P("contract", PT_STRING, 16), P("experience_months", PT_INT, 4), P("pay_min", PT_STRING, 16),
        P("pay_max", PT_STRING, 16), P("currency", PT_STRING, 3), P("period", PT_STRING, 8),
        P("gross", PT_STRING, 3), P("accommodations_note", PT_TEXT, 2000), P("deadline", PT_DATE, 10),
        P("questions", PT_TEXT, 20000), P("action", PT_STRING, 10),
        P("just_age", PT_TEXT, JOBS_MAX_JUSTIFICATION), P("just_photo", PT_TEXT, JOBS_MAX_JUSTIFICATION),
        P("just_nationality", PT_TEXT, JOBS_MAX_JUSTIFICATION),
        P("just_family-status", PT_TEXT, JOBS_MAX_JUSTIFICATION),
        P("just_appearance", PT_TEXT, JOBS_MAX_JUSTIFICATION), P("just_health", PT_TEXT, JOBS_MAX_JUSTIFICATION),
        P("just_salary-history", PT_TEXT, JOBS_MAX_JUSTIFICATION),
        { 0 },
};

static const AdcheckCategory justifiable[] = {
        ADCHECK_AGE, ADCHECK_PHOTO, ADCHECK_NATIONALITY, ADCHECK_FAMILY_STATUS, ADCHECK_APPEARANCE,
        ADCHECK_HEALTH, ADCHECK_SALARY_HISTORY,
};
#define N_JUSTIFIABLE (sizeof(justifiable) / sizeof(justifiable[0]))

const char *const jobs_remote_labels[JOB_REMOTE_MAX] = { N_("On site"), N_("Hybrid"), N_("Remote") };
const char *const jobs_hours_labels[JOB_HOURS_MAX] = { N_("Full time"), N_("Part time") };
const char *const jobs_contract_labels[JOB_CONTRACT_MAX] = {
        N_("Permanent"), N_("Fixed term"), N_("Temporary"), N_("Apprenticeship"), N_("Internship"), N_("Freelance"),
};
const char *const jobs_period_labels[JOB_PAY_PERIOD_MAX] = {
        N_("per hour"), N_("per day"), N_("per week"), N_("per month"), N_("per year"),
};

const char *jobs_form_status_label(JobStatus s) {
        static const char *const labels[JOB_STATUS_MAX] = { N_("Draft"), N_("Published"), N_("Closed") };
        return s < JOB_STATUS_MAX ? labels[s] : "";
}

static const char *field(HttpRequest *req, const char *name) {
        const char *v = req_param(req, name);
        return v ? v : "";
}

/* Copies each non-empty line of text into a new arena string array. */
static size_t lines(Arena *a, const char *text, const char ***ret) {
        size_t n = 0, cap = 1;
        for (const char *p = text; *p; p++)
                cap += *p == '\n';
        const char **out = arena_alloc(a, sizeof(*out) * cap);
        for (const char *p = text; out && *p;) {
                size_t len = strcspn(p, "\r\n");
                while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
                        len--;
                const char *s = p;
                while (len && (*s == ' ' || *s == '\t'))
                        s++, len--;
                if (len)
                        out[n++] = arena_strndup(a, s, len);
                p += strcspn(p, "\r\n");
                p += strspn(p, "\r\n");
        }
        *ret = out;
        return n;
}

static void add_problem(HttpRequest *req, JobProblem **probs, size_t *np, const char *fieldname, const char *msgid) {
        JobProblem *bigger = arena_alloc(req->arena, sizeof(*bigger) * (*np + 1));
        if (!bigger)
                return;
        if (*np)
                memcpy(bigger, *probs, sizeof(*bigger) * *np);
        bigger[(*np)++] = (JobProblem){ fieldname, msgid };
        *probs = bigger;
}

/* Skills typed as ESCO labels or URIs, one per line. */
static void read_skills(HttpRequest *req, json_t *arr, const char *name, bool essential, JobProblem **probs,
                        size_t *np) {
        const char **ls;
        size_t n = lines(req->arena, field(req, name), &ls);
        for (size_t i = 0; i < n; i++) {
                uint32_t id;
                int r = strncmp(ls[i], "http", 4) == 0 ? esco_index_skill_id(APP(req)->esco, ls[i], &id)
                                                       : esco_index_find_label(APP(req)->esco, ls[i], &id);
                if (r < 0) {
                        add_problem(req, probs, np, name, N_("A skill is not in ESCO: use its name as the skill search shows it."));
                        continue;
                }
                const EscoSkill *s = esco_index_skill(APP(req)->esco, id);
                json_array_append_new(arr, json_pack("{s:s,s:s,s:b}", "uri", s->uri, "label", s->label, "essential",
                                                     essential));
        }
}

static void read_languages(HttpRequest *req, json_t *arr, JobProblem **probs, size_t *np) {
        const char **ls;
        size_t n = lines(req->arena, field(req, "languages"), &ls);
        for (size_t i = 0; i < n; i++) {
                char code[8], level[8];
                if (sscanf(ls[i], "%7s %7s", code, level) != 2) {
                        add_problem(req, probs, np, "languages", N_("Write each language as its code and level, e.g. \"en B2\"."));
                        continue;
                }
                json_array_append_new(arr, json_pack("{s:s,s:s}", "code", code, "level", level));
        }
}

static json_t *money(const char *s) {
        char *end;
        double v = strtod(s, &end);
        if (!*s || *end)
                return json_string(s); /* the domain reports the wrong type */
        return v == (double)(long long)v ? json_integer((long long)v) : json_real(v);
}

static void read_occupation(HttpRequest *req, json_t *o, JobProblem **probs, size_t *np) {
        const char *v = field(req, "occupation");
        if (!*v)
                return;
        uint32_t id;
        EscoOccupationHit hit;
        size_t n = 0;
        const EscoOccupation *occ = NULL;
        if (strncmp(v, "http", 4) == 0 && esco_index_occupation_id(APP(req)->esco, v, &id) == 0)
                occ = esco_index_occupation(APP(req)->esco, id);
        else if (esco_search_occupations(APP(req)->esco, v, &hit, 1, &n) == 0 && n == 1)
                occ = hit.occupation;
        if (!occ) {
                add_problem(req, probs, np, "occupation", N_("This occupation is not in ESCO."));
                return;
        }
        json_object_set_new(o, "occupation", json_pack("{s:s,s:s}", "uri", occ->uri, "label", occ->label));
}

static json_t *form_json(HttpRequest *req, const char *employer, JobProblem **probs, size_t *np) {
        json_t *o = json_pack("{s:s,s:s,s:s,s:{s:s}}", "title", field(req, "title"), "description",
                              field(req, "description"), "lang", *field(req, "adlang") ? field(req, "adlang") : "en",
                              "employer", "name", employer);
        json_t *skills = json_array(), *langs = json_array(), *acc = json_array(), *qs = json_array(),
               *just = json_object();
        read_occupation(req, o, probs, np);
        read_skills(req, skills, "skills_essential", true, probs, np);
        read_skills(req, skills, "skills_optional", false, probs, np);
        read_languages(req, langs, probs, np);
        for (int i = 0; i < req->nform; i++)
                if (strcmp(req->form[i].key, "acc") == 0)
                        json_array_append_new(acc, json_string(req->form[i].value));
        const char **ls;
        size_t nq = lines(req->arena, field(req, "questions"), &ls);
        for (size_t i = 0; i < nq; i++)
                json_array_append_new(qs, json_string(ls[i]));
        for (size_t i = 0; i < N_JUSTIFIABLE; i++) {
                const char *name = adcheck_category_name(justifiable[i]);
                const char *v = req_param(req, arena_printf(req->arena, "just_%s", name));
                if (v)
                        json_object_set_new(just, name, json_string(v));
        }
        json_object_set_new(o, "skills", skills);
        json_object_set_new(o, "languages", langs);
        json_object_set_new(o, "location", json_pack("{s:s,s:s,s:s}", "city", field(req, "city"), "country",
                                                     field(req, "country"), "remote", field(req, "remote")));
        json_object_set_new(o, "hours", json_string(field(req, "hours")));
        json_object_set_new(o, "hours_per_week", json_integer(req_param_int(req, "hours_per_week", 0)));
        json_object_set_new(o, "contract", json_string(field(req, "contract")));
        json_object_set_new(o, "experience_months", json_integer(req_param_int(req, "experience_months", 0)));
        json_object_set_new(o, "pay", json_pack("{s:o,s:o,s:s,s:s,s:b}", "min", money(field(req, "pay_min")), "max",
                                                money(field(req, "pay_max")), "currency", field(req, "currency"),
                                                "period", field(req, "period"), "gross", *field(req, "gross") != 0));
        json_object_set_new(o, "accommodations", acc);
        json_object_set_new(o, "accommodations_note", json_string(field(req, "accommodations_note")));
        const char *d = req_param(req, "deadline");
        json_object_set_new(o, "deadline", d ? json_string(arena_printf(req->arena, "%sT23:59:59Z", d)) : json_null());
        json_object_set_new(o, "questions", qs);
        json_object_set_new(o, "justifications", just);
        return o;
}

int jobs_form_read(HttpRequest *req, const char *employer, Job *job, JobProblem **ret_problems, size_t *ret_n) {
        JobProblem *probs = NULL;
        size_t np = 0;
        json_t *o = form_json(req, employer, &probs, &np);
        if (!o)
                return -ENOMEM;
        JobProblem *more;
        size_t nmore = 0;
        int r = jobs_from_json(req->arena, o, job, &more, &nmore);
        json_decref(o);
        for (size_t i = 0; r == 0 && i < nmore; i++)
                add_problem(req, &probs, &np, more[i].field, more[i].msgid);
        if (r == 0) {
                *ret_problems = probs;
                *ret_n = np;
        }
        return r;
}

/* ---- rendering ---- */

typedef struct Form {
        HttpRequest *req;
        StrBuf *b;
        const Job *job;
        int posted; /* values come from the submitted form */
        const JobProblem *probs;
        size_t np;
} Form;

static const char *form_id(Arena *a, const char *fieldname) {
        static const char *const map[][2] = {
                { "pay.min", "pay_min" },   { "pay.max", "pay_max" },       { "pay.currency", "currency" },
                { "pay.period", "period" }, { "pay", "pay_min" },           { "location.city", "city" },
                { "location.country", "country" }, { "location.remote", "remote" }, { "location", "city" },
                { "skills", "skills_essential" }, { "languages", "languages" }, { "questions", "questions" },
                { "occupation", "occupation" }, { "lang", "adlang" },       { "accommodations", "acc-0" },
        };
        if (strncmp(fieldname, "justification.", 14) == 0)
                return arena_printf(a, "f-just_%s", fieldname + 14);
        for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
                if (strncmp(fieldname, map[i][0], strlen(map[i][0])) == 0)
                        return arena_printf(a, "f-%s", map[i][1]);
        return arena_printf(a, "f-%s", fieldname);
}

static const char *problem_for(const Form *f, const char *name) {
        for (size_t i = 0; i < f->np; i++)
                if (strcmp(form_id(f->req->arena, f->probs[i].field) + 2, name) == 0)
                        return f->probs[i].msgid;
        return NULL;
}

/* Label, the error message if any, and the start of the control's tag with
 * its id, name and aria attributes; the caller closes the tag. */
static void control_start(Form *f, const char *name, const char *label, const char *tag_lit_open) {
        HttpRequest *req = f->req;
        StrBuf *b = f->b;
        const char *err = problem_for(f, name);
        html_lit(b, "<p class=\"field\"><label");
        html_attrf(b, "for", "f-%s", name);
        html_lit(b, ">");
        html_text(b, label);
        html_lit(b, "</label>");
        if (err) {
                html_lit(b, "<span class=\"error\"");
                html_attrf(b, "id", "e-%s", name);
                html_lit(b, ">");
                html_text(b, T(req, err));
                html_lit(b, "</span>");
        }
        html_lit_(b, tag_lit_open);
        html_attrf(b, "id", "f-%s", name);
        html_attr(b, "name", name);
        if (err) {
                html_lit(b, " aria-invalid=\"true\"");
                html_attrf(b, "aria-describedby", "e-%s", name);
        }
}

static const char *job_value(Form *f, const char *name);

static const char *value(Form *f, const char *name) {
        if (f->posted) {
                const char *v = req_param(f->req, name);
                return v ? v : "";
        }
        return f->job ? job_value(f, name) : "";
}

static void input(Form *f, const char *name, const char *label, const char *type_lit) {
        control_start(f, name, label, "<input");
        html_attr(f->b, "type", type_lit);
        html_attr(f->b, "value", value(f, name));
        html_lit(f->b, "></p>");
}

static void textarea(Form *f, const char *name, const char *label, int rows) {
        control_start(f, name, label, "<textarea");
        html_attrf(f->b, "rows", "%d", rows);
        html_lit(f->b, ">");
        html_text(f->b, value(f, name));
        html_lit(f->b, "</textarea></p>");
}

static void select_box(Form *f, const char *name, const char *label, const char *const *values,
                       const char *const *labels, size_t n) {
        control_start(f, name, label, "<select");
        html_lit(f->b, ">");
        const char *cur = value(f, name);
        for (size_t i = 0; i < n; i++) {
                form_option(f->b, values[i], T(f->req, labels[i]), cur);
        }
        html_lit(f->b, "</select></p>");
}

static const char *join_skills(Arena *a, const Job *j, bool essential) {
        StrBuf s = STRBUF_INIT;
        for (size_t i = 0; i < j->n_skills; i++)
                if (j->skills[i].essential == essential) {
                        strbuf_puts(&s, j->skills[i].label ? j->skills[i].label : j->skills[i].uri);
                        strbuf_putc(&s, '\n');
                }
        const char *out = arena_strdup(a, strbuf_str(&s));
        strbuf_free(&s);
        return out;
}

static const char *job_value(Form *f, const char *name) {
        const Job *j = f->job;
        Arena *a = f->req->arena;
        StrBuf s = STRBUF_INIT;
        const char *out = NULL;
        char t[32];
        if (strcmp(name, "title") == 0) out = j->title;
        else if (strcmp(name, "description") == 0) out = j->description;
        else if (strcmp(name, "adlang") == 0) out = lang_code(j->lang);
        else if (strcmp(name, "occupation") == 0) out = j->esco_occupation_label;
        else if (strcmp(name, "skills_essential") == 0) out = join_skills(a, j, true);
        else if (strcmp(name, "skills_optional") == 0) out = join_skills(a, j, false);
        else if (strcmp(name, "languages") == 0) {
                for (size_t i = 0; i < j->n_languages; i++)
                        strbuf_printf(&s, "%s %s\n", j->languages[i].code, jobs_cefr_name(j->languages[i].level));
        } else if (strcmp(name, "city") == 0) out = j->city;
        else if (strcmp(name, "country") == 0) out = arena_strdup(a, j->country);
        else if (strcmp(name, "remote") == 0) out = jobs_remote_name(j->remote);
        else if (strcmp(name, "hours") == 0) out = jobs_hours_name(j->hours);
        else if (strcmp(name, "hours_per_week") == 0 && j->hours_per_week) strbuf_printf(&s, "%u", j->hours_per_week);
        else if (strcmp(name, "contract") == 0) out = jobs_contract_name(j->contract);
        else if (strcmp(name, "experience_months") == 0) strbuf_printf(&s, "%u", j->experience_months);
        else if (strcmp(name, "pay_min") == 0 && j->pay.min_minor) strbuf_printf(&s, "%lld", (long long)(j->pay.min_minor / 100));
        else if (strcmp(name, "pay_max") == 0 && j->pay.max_minor) strbuf_printf(&s, "%lld", (long long)(j->pay.max_minor / 100));
        else if (strcmp(name, "currency") == 0) out = arena_strdup(a, j->pay.currency);
        else if (strcmp(name, "period") == 0) out = jobs_pay_period_name(j->pay.period);
        else if (strcmp(name, "accommodations_note") == 0) out = j->accommodations_note;
        else if (strcmp(name, "deadline") == 0 && j->deadline) out = arena_strndup(a, board_time(j->deadline, t), 10);
        else if (strcmp(name, "questions") == 0) {
                for (size_t i = 0; i < j->n_questions; i++)
                        strbuf_printf(&s, "%s\n", j->questions[i]);
        } else if (strncmp(name, "just_", 5) == 0) {
                for (size_t i = 0; i < j->n_justifications; i++)
                        if (strcmp(adcheck_category_name(j->justifications[i].category), name + 5) == 0)
                                out = j->justifications[i].text;
        }
        if (!out)
                out = arena_strdup(a, strbuf_str(&s));
        strbuf_free(&s);
        return out ? out : "";
}

static void error_summary(Form *f) {
        if (!f->np)
                return;
        StrBuf *b = f->b;
        html_lit(b, "<div class=\"errors\" role=\"alert\"><h2 id=\"problems\" tabindex=\"-1\">");
        html_text(b, T(f->req, "Please fix these before saving"));
        html_lit(b, "</h2><ul>");
        for (size_t i = 0; i < f->np; i++) {
                html_lit(b, "<li><a");
                html_attrf(b, "href", "#%s", form_id(f->req->arena, f->probs[i].field));
                html_lit(b, ">");
                html_text(b, T(f->req, f->probs[i].msgid));
                html_lit(b, "</a></li>");
        }
        html_lit(b, "</ul></div>");
}

static void findings(Form *f, const AdcheckResult *check) {
        if (!check || !check->n_findings)
                return;
        StrBuf *b = f->b;
        html_lit(b, "<section aria-labelledby=\"checker\"><h2 id=\"checker\">");
        html_text(b, T(f->req, "What the checker found"));
        html_lit(b, "</h2><ul class=\"findings\">");
        for (size_t i = 0; i < check->n_findings; i++) {
                const AdcheckFinding *x = &check->findings[i];
                html_lit(b, "<li><strong>");
                html_text(b, x->severity == ADCHECK_BLOCK ? T(f->req, "Must be fixed or justified:") : T(f->req, "Consider:"));
                html_lit(b, "</strong> ");
                if (x->text && *x->text) {
                        html_lit(b, "“");
                        html_text(b, x->text);
                        html_lit(b, "” — ");
                }
                html_text(b, T(f->req, x->message));
                if (x->suggestion && *x->suggestion) {
                        html_lit(b, " ");
                        html_text(b, x->suggestion_is_msgid ? T(f->req, x->suggestion) : x->suggestion);
                }
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul></section>");
}

static void accommodations(Form *f) {
        StrBuf *b = f->b;
        html_lit(b, "<fieldset><legend>");
        html_text(b, T(f->req, "Accommodations offered"));
        html_lit(b, "</legend>");
        for (int i = 0; i < JOB_ACC_MAX; i++) {
                const char *name = jobs_accommodation_name((JobAccommodation)i);
                int on = 0;
                if (f->posted) {
                        for (int k = 0; k < f->req->nform; k++)
                                on |= strcmp(f->req->form[k].key, "acc") == 0 && strcmp(f->req->form[k].value, name) == 0;
                } else if (f->job) {
                        on = (f->job->accommodations >> i) & 1;
                }
                html_lit(b, "<p class=\"check\"><input type=\"checkbox\" name=\"acc\"");
                html_attrf(b, "id", "f-acc-%d", i);
                html_attr(b, "value", name);
                if (on)
                        html_lit(b, " checked");
                html_lit(b, "><label");
                html_attrf(b, "for", "f-acc-%d", i);
                html_lit(b, ">");
                html_text(b, T(f->req, jobs_accommodation_label((JobAccommodation)i)));
                html_lit(b, "</label></p>");
        }
        html_lit(b, "</fieldset>");
}

static void basics(Form *f) {
        HttpRequest *req = f->req;
        static const char *const langs_v[] = { "en", "el", "it", "pt", "pl", "ro", "sl" };
        const char *langs_l[LANG_MAX];
        for (int i = 0; i < LANG_MAX; i++)
                langs_l[i] = lang_native_name((Lang)i);
        input(f, "title", T(req, "Job title (name both genders or use a neutral title)"), "text");
        select_box(f, "adlang", T(req, "Language of the ad"), langs_v, langs_l, LANG_MAX);
        textarea(f, "description", T(req, "Description"), 12);
        /* With JavaScript the checker's summary updates as the employer types. */
        html_lit(f->b, "<p class=\"live\" aria-live=\"polite\" data-adcheck-live");
        html_attr(f->b, "data-template", T(req, "While you type: {block} to fix before publishing, {warn} suggestions."));
        html_lit(f->b, "></p>");
        input(f, "occupation", T(req, "ESCO occupation"), "text");
        textarea(f, "skills_essential", T(req, "Essential skills (ESCO names, one per line)"), 5);
        textarea(f, "skills_optional", T(req, "Optional skills (one per line)"), 4);
        textarea(f, "languages", T(req, "Languages and CEFR levels, one per line (e.g. en B2)"), 3);
}

static void conditions(Form *f) {
        HttpRequest *req = f->req;
        const char *remote_v[JOB_REMOTE_MAX], *hours_v[JOB_HOURS_MAX], *contract_v[JOB_CONTRACT_MAX],
                *period_v[JOB_PAY_PERIOD_MAX];
        for (int i = 0; i < JOB_REMOTE_MAX; i++)
                remote_v[i] = jobs_remote_name((JobRemote)i);
        for (int i = 0; i < JOB_HOURS_MAX; i++)
                hours_v[i] = jobs_hours_name((JobHours)i);
        for (int i = 0; i < JOB_CONTRACT_MAX; i++)
                contract_v[i] = jobs_contract_name((JobContract)i);
        for (int i = 0; i < JOB_PAY_PERIOD_MAX; i++)
                period_v[i] = jobs_pay_period_name((JobPayPeriod)i);
        static const char *const country_v[] = { "", "GR", "PT", "IT", "PL", "RO", "SI", "CY" };
        static const char *const country_l[] = { N_("None (fully remote)"), N_("Greece"), N_("Portugal"), N_("Italy"),
                                                  N_("Poland"), N_("Romania"), N_("Slovenia"), N_("Cyprus") };
        static const char *const cur_v[] = { "EUR", "PLN", "RON" };
        input(f, "city", T(req, "City"), "text");
        select_box(f, "country", T(req, "Country"), country_v, country_l, 8);
        select_box(f, "remote", T(req, "Where"), remote_v, jobs_remote_labels, JOB_REMOTE_MAX);
        select_box(f, "hours", T(req, "Hours"), hours_v, jobs_hours_labels, JOB_HOURS_MAX);
        input(f, "hours_per_week", T(req, "Hours per week"), "number");
        select_box(f, "contract", T(req, "Contract"), contract_v, jobs_contract_labels, JOB_CONTRACT_MAX);
        input(f, "experience_months", T(req, "Experience needed, in months (0 for none)"), "number");
        input(f, "pay_min", T(req, "Pay from"), "number");
        input(f, "pay_max", T(req, "Pay up to"), "number");
        select_box(f, "currency", T(req, "Currency"), cur_v, cur_v, 3);
        select_box(f, "period", T(req, "Pay period"), period_v, jobs_period_labels, JOB_PAY_PERIOD_MAX);
        html_lit(f->b, "<p class=\"check\"><input type=\"checkbox\" id=\"f-gross\" name=\"gross\" value=\"on\"");
        if ((f->posted && *value(f, "gross")) || (!f->posted && (!f->job || f->job->pay.gross)))
                html_lit(f->b, " checked");
        html_lit(f->b, "><label for=\"f-gross\">");
        html_text(f->b, T(req, "The pay is gross (before tax)"));
        html_lit(f->b, "</label></p>");
}

static void review_and_justify(Form *f) {
        HttpRequest *req = f->req;
        accommodations(f);
        textarea(f, "accommodations_note", T(req, "More about accommodations"), 2);
        input(f, "deadline", T(req, "Apply by"), "date");
        textarea(f, "questions", T(req, "Work-sample questions for blind review, one per line"), 4);
        html_lit(f->b, "<fieldset><legend>");
        html_text(f->b, T(req, "Only if the job truly requires what the checker blocks: explain why"));
        html_lit(f->b, "</legend>");
        static const char *const just_names[] = { "just_age", "just_photo", "just_nationality", "just_family-status",
                                                  "just_appearance", "just_health", "just_salary-history" };
        static const char *const just_labels[] = { N_("Age"), N_("Photo requested"), N_("Nationality or origin"),
                                                   N_("Family status"), N_("Appearance"), N_("Health or disability"),
                                                   N_("Salary history") };
        for (size_t i = 0; i < N_JUSTIFIABLE; i++)
                textarea(f, just_names[i], T(req, just_labels[i]), 2);
        html_lit(f->b, "</fieldset>");
}

int jobs_form_page(HttpRequest *req, const Job *job, const JobProblem *problems, const AdcheckResult *check,
                   size_t n_problems) {
        const char *org = req_param(req, "org");
        Form f = { .req = req, .job = job, .posted = strcmp(req->method, "POST") == 0, .probs = problems,
                   .np = n_problems };
        page_begin(req, job && job->id ? T(req, "Edit the job posting") : T(req, "New job posting"));
        StrBuf *b = f.b = resp_body(req);
        html_lit(b, "<p class=\"crumbs\"><a");
        html_attrf(b, "href", "/orgs/%s/jobs", org);
        html_lit(b, ">");
        html_text(b, T(req, "Your job postings"));
        html_lit(b, "</a></p><h1>");
        html_text(b, job && job->id ? T(req, "Edit the job posting") : T(req, "New job posting"));
        html_lit(b, "</h1>");
        if (req_query_raw(req, "saved")) {
                html_lit(b, "<p class=\"notice\" role=\"status\">");
                html_text(b, T(req, "Saved."));
                html_lit(b, "</p>");
        }
        if (job && job->id && job->status != JOB_DRAFT) {
                html_lit(b, "<p class=\"tag\">");
                html_text(b, T(req, jobs_form_status_label(job->status)));
                html_lit(b, "</p>");
        }
        error_summary(&f);
        findings(&f, check);
        html_lit(b, "<form method=\"post\" class=\"jobform\" data-adcheck");
        if (job && job->id)
                html_attrf(b, "action", "/orgs/%s/jobs/%lld", org, (long long)job->id);
        else
                html_attrf(b, "action", "/orgs/%s/jobs", org);
        html_lit(b, ">");
        web_csrf_field(req, b);
        basics(&f);
        conditions(&f);
        review_and_justify(&f);
        html_lit(b, "<p><button type=\"submit\" name=\"action\" value=\"save\" class=\"secondary\">");
        html_text(b, job && job->status == JOB_PUBLISHED ? T(req, "Save changes") : T(req, "Save draft"));
        html_lit(b, "</button> ");
        if (!job || job->status == JOB_DRAFT) {
                html_lit(b, "<button type=\"submit\" name=\"action\" value=\"publish\">");
                html_text(b, T(req, "Check and publish"));
                html_lit(b, "</button>");
        }
        html_lit(b, "</p></form>");
        if (job && job->id && job->status == JOB_PUBLISHED) {
                html_lit(b, "<form method=\"post\"");
                html_attrf(b, "action", "/orgs/%s/jobs/%lld/close", org, (long long)job->id);
                html_lit(b, ">");
                web_csrf_field(req, b);
                html_lit(b, "<p><button type=\"submit\" class=\"secondary\">");
                html_text(b, T(req, "Close this posting"));
                html_lit(b, "</button> <a");
                html_attrf(b, "href", "/jobs/%lld", (long long)job->id);
                html_lit(b, ">");
                html_text(b, T(req, "See the public page"));
                html_lit(b, "</a></p></form>");
        }
        page_end(req);
        if (n_problems)
                req->resp.status = 422;
        return 0;
}
