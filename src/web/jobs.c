/* The public job board: GET /jobs (filters), GET /jobs/{id} (with
 * schema.org JobPosting JSON-LD), GET /cities/{slug}/jobs.atom. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/esco/esco.h"
#include "domain/jobs/board.h"
#include "render/atom.h"
#include "render/jsonld.h"
#include "web/jobs_form.h"
#include "web/web.h"


void web_job_pay(HttpRequest *req, StrBuf *b, const Job *j) {
        html_textf(b, "%lld–%lld %s ", (long long)(j->pay.min_minor / 100), (long long)(j->pay.max_minor / 100),
                   j->pay.currency);
        html_text(b, T(req, jobs_period_labels[j->pay.period < JOB_PAY_PERIOD_MAX ? j->pay.period : JOB_PAY_MONTH]));
        html_lit(b, " ");
        html_text(b, j->pay.gross ? T(req, "(gross)") : T(req, "(net)"));
}


static void filters(HttpRequest *req, StrBuf *b, City *cities, size_t nc) {
        const char *city = req_param(req, "city"), *remote = req_param(req, "remote");
        const char *hours = req_param(req, "hours"), *acc = req_param(req, "accommodation");
        html_lit(b, "<form method=\"get\" action=\"/jobs\" class=\"filter\"><label for=\"f-city\">");
        html_text(b, T(req, "City"));
        html_lit(b, "</label><select id=\"f-city\" name=\"city\">");
        form_option(b, "", T(req, "All cities"), city);
        for (size_t i = 0; i < nc; i++)
                form_option(b, cities[i].name, cities[i].name, city);
        html_lit(b, "</select><label for=\"f-remote\">");
        html_text(b, T(req, "Where"));
        html_lit(b, "</label><select id=\"f-remote\" name=\"remote\">");
        form_option(b, "", T(req, "Any"), remote);
        for (int i = 0; i < JOB_REMOTE_MAX; i++)
                form_option(b, jobs_remote_name((JobRemote)i), T(req, jobs_remote_labels[i]), remote);
        html_lit(b, "</select><label for=\"f-hours\">");
        html_text(b, T(req, "Hours"));
        html_lit(b, "</label><select id=\"f-hours\" name=\"hours\">");
        form_option(b, "", T(req, "Any"), hours);
        for (int i = 0; i < JOB_HOURS_MAX; i++)
                form_option(b, jobs_hours_name((JobHours)i), T(req, jobs_hours_labels[i]), hours);
        html_lit(b, "</select><label for=\"f-acc\">");
        html_text(b, T(req, "Accommodation offered"));
        html_lit(b, "</label><select id=\"f-acc\" name=\"accommodation\">");
        form_option(b, "", T(req, "Any"), acc);
        for (int i = 0; i < JOB_ACC_MAX; i++)
                form_option(b, jobs_accommodation_name((JobAccommodation)i),
                           T(req, jobs_accommodation_label((JobAccommodation)i)), acc);
        html_lit(b, "</select><label for=\"f-skill\">");
        html_text(b, T(req, "Skill"));
        html_lit(b, "</label><input id=\"f-skill\" name=\"skill\" type=\"search\" maxlength=\"256\"");
        html_attr(b, "value", req_param(req, "skill") ? req_param(req, "skill") : "");
        html_lit(b, "> <button type=\"submit\">");
        html_text(b, T(req, "Show"));
        html_lit(b, "</button></form>");
}

/* Builds the filter from the query; -EINVAL names the bad field. */
static int job_filter(HttpRequest *req, JobFilter *f, const char **skill_uri) {
        *f = (JobFilter)JOB_FILTER_ANY;
        JobRemote rm;
        JobHours h;
        JobAccommodation a;
        const char *v;
        f->city = req_param(req, "city");
        if ((v = req_param(req, "remote")) && jobs_remote_parse(v, &rm) == 0)
                f->remote = (int)rm;
        if ((v = req_param(req, "hours")) && jobs_hours_parse(v, &h) == 0)
                f->hours = (int)h;
        if ((v = req_param(req, "accommodation")) && jobs_accommodation_parse(v, &a) == 0)
                f->accommodations = 1u << a;
        *skill_uri = NULL;
        if ((v = req_param(req, "skill"))) {
                EscoSearchHit hit;
                size_t n = 0;
                if (strncmp(v, "http://data.europa.eu/esco/skill/", 33) == 0)
                        *skill_uri = v;
                else if (esco_search(APP(req)->esco, v, &hit, 1, &n) == 0 && n == 1)
                        *skill_uri = hit.skill->uri;
                else
                        *skill_uri = "none"; /* matches no job */
                f->skills = skill_uri;
                f->n_skills = 1;
        }
        return 0;
}

static void job_item(HttpRequest *req, StrBuf *b, const Job *j) {
        html_lit(b, "<li class=\"card\"><h3><a");
        html_attrf(b, "href", "/jobs/%lld", (long long)j->id);
        html_attr(b, "lang", lang_code(j->lang));
        html_lit(b, ">");
        html_text(b, j->title);
        html_lit(b, "</a></h3><p class=\"meta\">");
        html_text(b, j->employer_name);
        html_lit(b, " · ");
        html_text(b, j->city && *j->city ? j->city : T(req, "Remote"));
        html_lit(b, " · ");
        html_text(b, T(req, jobs_remote_labels[j->remote]));
        html_lit(b, "</p><p>");
        web_job_pay(req, b, j);
        html_lit(b, "</p></li>");
}

int page_jobs(HttpRequest *req) {
        City *cities;
        size_t nc, n;
        JobFilter f;
        const char *skill;
        Job *jobs;
        int r = store_city_list(APP(req)->store, req->arena, &cities, &nc);
        if (r == 0)
                r = job_filter(req, &f, &skill);
        if (r == 0)
                r = board_list_open(APP(req)->store, req->arena, &f, (int64_t)time(NULL), &jobs, &n);
        if (r < 0)
                return r;
        StrBuf *b = page_head(req, T(req, "Jobs"), NULL, NULL);
        html_lit(b, "<p>");
        html_text(b, T(req, "Every job here states its pay range and has been checked for wording that excludes people."));
        html_lit(b, "</p>");
        filters(req, b, cities, nc);
        html_lit(b, "<h2 id=\"found\">");
        html_textf(b, i18n_ngettext(req->lang, "%zu open job", "%zu open jobs", n), n);
        html_lit(b, "</h2><ul class=\"cards\" aria-labelledby=\"found\">");
        for (size_t i = 0; i < n; i++)
                job_item(req, b, &jobs[i]);
        html_lit(b, "</ul><p><a href=\"/jobs/check\">");
        html_text(b, T(req, "Check a job ad"));
        html_lit(b, "</a></p>");
        page_end(req);
        return 0;
}

static void fact(StrBuf *b, const char *label, const char *value) {
        html_lit(b, "<div><dt>");
        html_text(b, label);
        html_lit(b, "</dt><dd>");
        html_text(b, value);
        html_lit(b, "</dd></div>");
}

static void skills_list(HttpRequest *req, StrBuf *b, const Job *j, bool essential) {
        html_lit(b, "<h3>");
        html_text(b, essential ? T(req, "Essential skills") : T(req, "Optional skills"));
        html_lit(b, "</h3><ul>");
        for (size_t i = 0; i < j->n_skills; i++) {
                if (j->skills[i].essential != essential)
                        continue;
                html_lit(b, "<li lang=\"en\">");
                html_text(b, j->skills[i].label ? j->skills[i].label : j->skills[i].uri);
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
}

static void job_facts(HttpRequest *req, StrBuf *b, const Job *j) {
        html_lit(b, "<dl class=\"facts\">");
        fact(b, T(req, "Employer"), j->employer_name);
        fact(b, T(req, "City"), j->city && *j->city ? j->city : T(req, "Remote"));
        fact(b, T(req, "Where"), T(req, jobs_remote_labels[j->remote]));
        fact(b, T(req, "Hours"), T(req, jobs_hours_labels[j->hours]));
        fact(b, T(req, "Contract"), T(req, jobs_contract_labels[j->contract]));
        StrBuf pay = STRBUF_INIT;
        web_job_pay(req, &pay, j);
        html_lit(b, "<div><dt>");
        html_text(b, T(req, "Pay"));
        html_lit(b, "</dt><dd>");
        strbuf_append(b, pay.data, pay.len); /* already escaped by web_job_pay */
        html_lit(b, "</dd></div>");
        strbuf_free(&pay);
        if (j->deadline) {
                char d[32];
                fact(b, T(req, "Apply by"), arena_strndup(req->arena, board_time(j->deadline, d), 10));
        }
        html_lit(b, "</dl>");
}

static void job_lists(HttpRequest *req, StrBuf *b, const Job *j) {
        skills_list(req, b, j, true);
        skills_list(req, b, j, false);
        html_lit(b, "<h3>");
        html_text(b, T(req, "Languages"));
        html_lit(b, "</h3><ul>");
        for (size_t i = 0; i < j->n_languages; i++) {
                Lang l;
                html_lit(b, "<li>");
                html_text(b, lang_parse(j->languages[i].code, &l) == 0 ? lang_native_name(l) : j->languages[i].code);
                html_lit(b, " — ");
                html_text(b, jobs_cefr_name(j->languages[i].level));
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul><h3>");
        html_text(b, T(req, "Accommodations offered"));
        html_lit(b, "</h3><ul>");
        for (int i = 0; i < JOB_ACC_MAX; i++)
                if (j->accommodations & (1u << i)) {
                        html_lit(b, "<li>");
                        html_text(b, T(req, jobs_accommodation_label((JobAccommodation)i)));
                        html_lit(b, "</li>");
                }
        html_lit(b, "</ul>");
}

static int load_public_job(HttpRequest *req, Job *ret) {
        JobRow row;
        int r = store_job_get(APP(req)->store, req->arena, req_param_int(req, "id", 0), &row);
        if (r == 0)
                r = board_decode(req->arena, &row, ret);
        if (r == 0 && ret->status == JOB_DRAFT)
                r = -ENOENT; /* drafts are the employer's own */
        return r;
}

int page_job(HttpRequest *req) {
        Job j;
        int r = load_public_job(req, &j);
        if (r < 0)
                return r;
        page_begin(req, j.title);
        StrBuf *b = resp_body(req);
        html_lit(b, "<p class=\"crumbs\"><a href=\"/jobs\">");
        html_text(b, T(req, "Jobs"));
        html_lit(b, "</a></p><h1");
        html_attr(b, "lang", lang_code(j.lang));
        html_lit(b, ">");
        html_text(b, j.title);
        html_lit(b, "</h1>");
        if (j.status == JOB_CLOSED) {
                html_lit(b, "<p class=\"tag\">");
                html_text(b, T(req, "This job is closed."));
                html_lit(b, "</p>");
        }
        job_facts(req, b, &j);
        html_lit(b, "<h2>");
        html_text(b, T(req, "About the job"));
        html_lit(b, "</h2><div class=\"admarked\"");
        html_attr(b, "lang", lang_code(j.lang));
        html_lit(b, ">");
        html_text(b, j.description);
        html_lit(b, "</div>");
        job_lists(req, b, &j);
        JsonldSite site = { .base_url = APP(req)->base_url, .site_name = "TechDiversity" };
        char *heap = jsonld_job_posting_script(&j, &site);
        char *ld = web_own(req, heap, heap ? strlen(heap) : 0);
        if (ld) {
                /* Data block, not script: CSP does not run it. The writer escapes
                 * <, > and & so the JSON cannot end the element. */
                html_lit(b, "<script type=\"application/ld+json\">");
                strbuf_puts(b, ld);
                html_lit(b, "</script>");
        }
        page_end(req);
        return 0;
}

int page_city_jobs_atom(HttpRequest *req) {
        City city;
        Job *jobs;
        size_t n;
        JobFilter f = JOB_FILTER_ANY;
        int r = store_city_get(APP(req)->store, req->arena, req_param(req, "slug"), &city);
        if (r < 0)
                return r;
        f.city = city.name;
        r = board_list_open(APP(req)->store, req->arena, &f, (int64_t)time(NULL), &jobs, &n);
        if (r < 0)
                return r;
        const Job **ptrs = arena_alloc(req->arena, sizeof(*ptrs) * (n ? n : 1));
        for (size_t i = 0; ptrs && i < n; i++)
                ptrs[i] = &jobs[i];
        const char *base = APP(req)->base_url;
        AtomFeedInfo info = {
                .id = arena_printf(req->arena, "%s/cities/%s/jobs.atom", base, city.slug),
                .title = arena_printf(req->arena, T(req, "Jobs in %s"), city.name),
                .self_url = arena_printf(req->arena, "%s/cities/%s/jobs.atom", base, city.slug),
                .alternate_url = arena_printf(req->arena, "%s/jobs?city=%s", base, city.name),
                .base_url = base, .author = "TechDiversity", .lang = req->lang,
        };
        char *xml;
        size_t len;
        r = ptrs ? atom_jobs_feed(&info, ptrs, n, &xml, &len) : -ENOMEM;
        if (r < 0)
                return r;
        xml = web_own(req, xml, len);
        if (!xml)
                return -ENOMEM;
        strbuf_append(resp_body(req), xml, len);
        req->resp.content_type = "application/atom+xml; charset=utf-8";
        req->resp.cache_control = "public, max-age=300";
        return 0;
}
