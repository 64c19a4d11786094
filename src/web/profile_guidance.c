/* Career guidance from the platform's own data: choose an ESCO occupation
 * (search, or one of your goals), then see its essential skills you have
 * and lack, the open jobs that fit, and what published jobs pay. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "domain/jobs/board.h"
#include "domain/profiles/guidance.h"
#include "web/profile.h"

#define GUIDE_HITS 10     /* occupations shown for a search */
#define GUIDE_FITS_SHOWN 10 /* best-fitting jobs listed */

static void occupation_search(HttpRequest *req, StrBuf *b) {
        const char *q = req_param(req, "q");
        prof_search_form(req, b, "/guidance", T(req, "Find an occupation"),
                         T(req, "For example: web developer, software tester, ICT help desk agent."));
        EscoOccupationHit hits[GUIDE_HITS];
        size_t n = 0;
        if (!q || !APP(req)->esco || esco_search_occupations(APP(req)->esco, q, hits, GUIDE_HITS, &n) < 0)
                return;
        if (n == 0) {
                html_lit(b, "<p>");
                html_text(b, T(req, "No occupation matches. Try another word."));
                html_lit(b, "</p>");
        }
        html_lit(b, "<ul>");
        for (size_t i = 0; i < n; i++) {
                html_lit(b, "<li><a");
                html_url(b, "href", arena_printf(req->arena, "%s/guidance?occupation=%s", prof_base(req),
                                                 hits[i].occupation->uri));
                html_lit(b, ">");
                html_text(b, hits[i].occupation->label);
                html_lit(b, "</a></li>");
        }
        html_lit(b, "</ul>");
}

static void goal_button(HttpRequest *req, StrBuf *b, const MyProfile *mp, const char *uri, const char *action,
                        const char *label) {
        const char *hidden[] = { "occupation", uri, "action", action, NULL };
        prof_button_form(req, b, mp, "/guidance/goals", hidden, label, NULL);
}

static void goals(HttpRequest *req, StrBuf *b, const MyProfile *mp) {
        const Profile *p = &mp->p;
        if (p->n_goal_occupations == 0 || !APP(req)->esco)
                return;
        html_lit(b, "<h2>");
        html_text(b, T(req, "Occupations you aim for"));
        html_lit(b, "</h2><ul>");
        for (size_t i = 0; i < p->n_goal_occupations; i++) {
                uint32_t id;
                if (esco_index_occupation_id(APP(req)->esco, p->goal_occupations[i], &id) < 0)
                        continue;
                html_lit(b, "<li><a");
                html_url(b, "href", arena_printf(req->arena, "%s/guidance?occupation=%s", prof_base(req),
                                                 p->goal_occupations[i]));
                html_lit(b, ">");
                html_text(b, esco_index_occupation(APP(req)->esco, id)->label);
                html_lit(b, "</a></li>");
        }
        html_lit(b, "</ul>");
}

/* Open jobs as guidance input (pay in whole units per month). */
static int open_jobs(HttpRequest *req, GuidanceJob **ret, Job **ret_jobs, size_t *ret_n) {
        Job *jobs;
        size_t n = 0;
        JobFilter f = JOB_FILTER_ANY;
        int r = board_list_open(APP(req)->store, req->arena, &f, (int64_t)time(NULL), &jobs, &n);
        if (r < 0)
                return r;
        GuidanceJob *g = arena_alloc(req->arena, sizeof(GuidanceJob) * (n + 1));
        if (!g)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                const char **uris = arena_alloc(req->arena, sizeof(char *) * (jobs[i].n_skills + 1));
                if (!uris)
                        return -ENOMEM;
                for (size_t k = 0; k < jobs[i].n_skills; k++)
                        uris[k] = jobs[i].skills[k].uri;
                const JobPay *pay = &jobs[i].pay;
                /* Yearly pay counts per month; hourly, daily, weekly pay is left out. */
                int64_t div = pay->period == JOB_PAY_MONTH ? 100 : pay->period == JOB_PAY_YEAR ? 1200 : 0;
                g[i] = (GuidanceJob){ .id = arena_printf(req->arena, "%lld", (long long)jobs[i].id),
                                      .occupation_uri = jobs[i].esco_occupation_uri, .city = jobs[i].city,
                                      .skill_uris = uris, .n_skill_uris = jobs[i].n_skills,
                                      .pay_min = div ? (long)(pay->min_minor / div) : 0,
                                      .pay_max = div ? (long)(pay->max_minor / div) : 0,
                                      .currency = pay->currency, .period = PAY_PER_MONTH };
        }
        *ret = g;
        *ret_jobs = jobs;
        *ret_n = n;
        return 0;
}

static void skill_list(HttpRequest *req, StrBuf *b, const uint32_t *ids, size_t n, const char *title, int add_links) {
        html_lit(b, "<h3>");
        html_textf(b, "%s (%zu)", title, n);
        html_lit(b, "</h3><ul>");
        for (size_t i = 0; i < n; i++) {
                const EscoSkill *s = esco_index_skill(APP(req)->esco, ids[i]);
                html_lit(b, "<li>");
                if (add_links) {
                        html_lit(b, "<a");
                        html_url(b, "href", arena_printf(req->arena, "%s/skills?q=%s", prof_base(req), s->label));
                        html_lit(b, ">");
                }
                html_text(b, s->label);
                if (add_links)
                        html_lit(b, "</a>");
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
}

static void fits(HttpRequest *req, StrBuf *b, const Guidance *g, const GuidanceJob *jobs, const Job *full) {
        html_lit(b, "<h3>");
        html_text(b, T(req, "Open jobs for this occupation"));
        html_lit(b, "</h3>");
        if (g->n_fits == 0) {
                html_lit(b, "<p>");
                html_text(b, T(req, "No open job for this occupation right now."));
                html_lit(b, "</p>");
                return;
        }
        html_lit(b, "<ul>");
        for (size_t i = 0; i < g->n_fits && i < GUIDE_FITS_SHOWN; i++) {
                const GuidanceFit *f = &g->fits[i];
                html_lit(b, "<li><a");
                html_url(b, "href", arena_printf(req->arena, "/jobs/%s", jobs[f->job].id));
                html_lit(b, ">");
                html_text(b, full[f->job].title);
                html_lit(b, "</a> (");
                html_text(b, jobs[f->job].city && *jobs[f->job].city ? jobs[f->job].city : T(req, "Remote"));
                html_lit(b, ") — ");
                html_textf(b, T(req, "you have %zu of the %zu skills it asks for"), f->covered, f->required);
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
}

static void city_form(HttpRequest *req, StrBuf *b, const char *uri, const char *city) {
        html_lit(b, "<form method=\"get\"");
        html_url(b, "action", arena_printf(req->arena, "%s/guidance", prof_base(req)));
        html_lit(b, "><input type=\"hidden\" name=\"occupation\"");
        html_attr(b, "value", uri);
        html_lit(b, ">");
        form_field(req, b, "city", T(req, "Pay in one city (empty: all cities)"), "text", "address-level2", city, NULL);
        html_lit(b, "<p><button type=\"submit\">");
        html_text(b, T(req, "Show"));
        html_lit(b, "</button></p></form>");
}

static void pay(HttpRequest *req, StrBuf *b, const Guidance *g, const char *city) {
        html_lit(b, "<h3>");
        html_text(b, city ? arena_printf(req->arena, T(req, "Pay in %s"), city) : T(req, "Pay in all cities"));
        html_lit(b, "</h3><p>");
        if (!g->pay.sufficient) {
                html_text(b, T(req, guidance_insufficient_msgid()));
                html_textf(b, " (%zu)", g->pay.n);
        } else {
                html_textf(b, T(req, "Gross per month, EUR: a quarter of jobs pay under %.0f, half under %.0f, three quarters under %.0f."),
                           g->pay.p25, g->pay.p50, g->pay.p75);
                html_lit(b, " ");
                html_textf(b, i18n_ngettext(req->lang, "Based on %zu published job.", "Based on %zu published jobs.",
                                            g->pay.n),
                           g->pay.n);
        }
        html_lit(b, "</p>");
}

static int occupation_result(HttpRequest *req, StrBuf *b, const MyProfile *mp, const char *uri) {
        uint32_t oid;
        if (!APP(req)->esco || esco_index_occupation_id(APP(req)->esco, uri, &oid) < 0) {
                form_error(req, b, N_("That is not an occupation of the European list (ESCO)."));
                return 0;
        }
        GuidanceJob *jobs = NULL;
        Job *full = NULL;
        size_t n = 0;
        int r = open_jobs(req, &jobs, &full, &n);
        const char *city = req_param(req, "city");
        GuidanceRequest gr = { .occupation_uri = uri, .city = city, .currency = "EUR", .period = PAY_PER_MONTH };
        Guidance g;
        if (r == 0)
                r = guidance_compute(req->arena, APP(req)->esco, &mp->p, &gr, jobs, n, &g);
        if (r < 0)
                return r;
        html_lit(b, "<section aria-labelledby=\"h-occ\"><h2 id=\"h-occ\">");
        html_text(b, esco_index_occupation(APP(req)->esco, oid)->label);
        html_lit(b, "</h2>");
        bool is_goal = false;
        for (size_t i = 0; i < mp->p.n_goal_occupations; i++)
                is_goal |= strcmp(mp->p.goal_occupations[i], uri) == 0;
        goal_button(req, b, mp, uri, is_goal ? "remove" : "add",
                    is_goal ? T(req, "Remove from my goals") : T(req, "Make this my goal"));
        skill_list(req, b, g.had, g.n_had, T(req, "Essential skills you have"), 0);
        skill_list(req, b, g.lacking, g.n_lacking, T(req, "Essential skills to learn or add"), 1);
        fits(req, b, &g, jobs, full);
        pay(req, b, &g, city);
        city_form(req, b, uri, city);
        html_lit(b, "</section>");
        return 0;
}

int page_profile_guidance(HttpRequest *req) {
        MyProfile mp;
        int r = prof_load(req, &mp);
        if (r < 0)
                return r;
        prof_page_begin(req, T(req, "Career guidance"), NULL);
        StrBuf *b = resp_body(req);
        html_lit(b, "<p>");
        html_text(b, T(req, "Figures come from the jobs published on this platform; pay is shown only when enough jobs publish it."));
        html_lit(b, "</p>");
        goals(req, b, &mp);
        const char *occ = req_param(req, "occupation");
        if (occ && (r = occupation_result(req, b, &mp, occ)) < 0)
                return r;
        occupation_search(req, b);
        page_end(req);
        return 0;
}

int post_profile_goal(HttpRequest *req) {
        MyProfile mp;
        int r = prof_load(req, &mp);
        if (r < 0)
                return r;
        const char *uri = req_param(req, "occupation"), *action = req_param(req, "action");
        uint32_t oid;
        if (prof_version_check(req, &mp) < 0)
                return prof_overview_with(req, PROF_STALE);
        if (!uri || !action || !APP(req)->esco || esco_index_occupation_id(APP(req)->esco, uri, &oid) < 0)
                return prof_overview_with(req, N_("That is not an occupation of the European list (ESCO)."));
        Profile *p = &mp.p;
        const char **v = arena_alloc(req->arena, sizeof(char *) * (p->n_goal_occupations + 1));
        size_t n = 0;
        if (!v)
                return -ENOMEM;
        for (size_t i = 0; i < p->n_goal_occupations; i++)
                if (strcmp(p->goal_occupations[i], uri) != 0)
                        v[n++] = p->goal_occupations[i];
        if (strcmp(action, "add") == 0) {
                if (n >= PROFILE_MAX_GOAL_OCCUPATIONS)
                        return prof_overview_with(req, N_("You can aim for at most 20 occupations. Remove one first."));
                v[n++] = uri;
        }
        p->goal_occupations = v;
        p->n_goal_occupations = n;
        return prof_save_redirect(req, &mp, arena_printf(req->arena, "/guidance?occupation=%s", uri));
}
