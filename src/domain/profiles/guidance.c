#include "domain/profiles/guidance.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"

const char *guidance_insufficient_msgid(void) { return N_("Not enough published jobs to show a pay range."); }

double guidance_percentile(const double *x, size_t n, unsigned pct) {
        size_t num = (n - 1) * pct, lo = num / 100, rem = num % 100;
        if (rem == 0 || lo + 1 >= n)
                return x[lo];
        return x[lo] + (x[lo + 1] - x[lo]) * (double)rem / 100.0;
}

static bool has_skill(const Profile *p, const char *uri) {
        for (size_t i = 0; uri && i < p->n_skills; i++)
                if (!p->skills[i].proposed && p->skills[i].uri && strcmp(p->skills[i].uri, uri) == 0)
                        return true;
        return false;
}

static int essentials(Arena *a, const EscoIndex *idx, const Profile *p, const EscoOccupation *o, Guidance *g) {
        g->had = arena_alloc(a, (o->n_essential + 1) * sizeof *g->had);
        g->lacking = arena_alloc(a, (o->n_essential + 1) * sizeof *g->lacking);
        if (!g->had || !g->lacking)
                return -ENOMEM;
        for (size_t i = 0; i < o->n_essential; i++) {
                uint32_t s = o->essential[i];
                if (has_skill(p, esco_index_skill(idx, s)->uri))
                        g->had[g->n_had++] = s;
                else
                        g->lacking[g->n_lacking++] = s;
        }
        return 0;
}

static GuidanceFit fit_of(const EscoIndex *idx, const Profile *p, const EscoOccupation *o, const GuidanceJob *j,
                          size_t k) {
        GuidanceFit f = {k, 0, 0};
        if (j->n_skill_uris) {
                for (size_t i = 0; i < j->n_skill_uris; i++)
                        f.covered += has_skill(p, j->skill_uris[i]);
                f.required = j->n_skill_uris;
        } else {
                for (size_t i = 0; i < o->n_essential; i++)
                        f.covered += has_skill(p, esco_index_skill(idx, o->essential[i])->uri);
                f.required = o->n_essential;
        }
        return f;
}

static int fit_cmp(const void *a, const void *b) {
        const GuidanceFit *x = a, *y = b;
        /* share x = cx/rx vs cy/ry, compared as cx*ry vs cy*rx (no floats) */
        unsigned long long rx = x->required ? x->required : 1, ry = y->required ? y->required : 1;
        unsigned long long cx = x->required ? x->covered : 1, cy = y->required ? y->covered : 1;
        if (cx * ry != cy * rx)
                return cx * ry > cy * rx ? -1 : 1;
        if (x->covered != y->covered)
                return x->covered > y->covered ? -1 : 1;
        return x->job < y->job ? -1 : x->job > y->job;
}

static int dbl_cmp(const void *a, const void *b) {
        double x = *(const double *)a, y = *(const double *)b;
        return x < y ? -1 : x > y;
}

static bool pay_counts(const GuidanceJob *j, const GuidanceRequest *req) {
        if (j->pay_min <= 0 || j->pay_max < j->pay_min || j->period != req->period)
                return false;
        if (!j->currency || !req->currency || strcasecmp(j->currency, req->currency) != 0)
                return false;
        return !req->city || (j->city && strcasecmp(j->city, req->city) == 0);
}

static int pay(Arena *a, const GuidanceRequest *req, const GuidanceJob *jobs, size_t n_jobs, Guidance *g) {
        double *v = arena_alloc(a, (n_jobs + 1) * sizeof *v);
        size_t n = 0;
        if (!v)
                return -ENOMEM;
        for (size_t i = 0; i < n_jobs; i++)
                if (jobs[i].occupation_uri && strcmp(jobs[i].occupation_uri, req->occupation_uri) == 0 &&
                    pay_counts(&jobs[i], req))
                        v[n++] = ((double)jobs[i].pay_min + (double)jobs[i].pay_max) / 2.0;
        g->pay.n = n;
        g->pay.sufficient = n >= GUIDANCE_MIN_PAY_JOBS;
        if (!g->pay.sufficient)
                return 0;
        qsort(v, n, sizeof *v, dbl_cmp);
        g->pay.p25 = guidance_percentile(v, n, 25);
        g->pay.p50 = guidance_percentile(v, n, 50);
        g->pay.p75 = guidance_percentile(v, n, 75);
        return 0;
}

int guidance_compute(Arena *a, const EscoIndex *idx, const Profile *p, const GuidanceRequest *req,
                     const GuidanceJob *jobs, size_t n_jobs, Guidance *ret) {
        Guidance g;
        uint32_t oid;
        if (!a || !idx || !p || !req || !req->occupation_uri || (!jobs && n_jobs) || req->period >= PAY_PERIOD_MAX)
                return -EINVAL;
        if (n_jobs > GUIDANCE_MAX_JOBS)
                return -E2BIG;
        if (esco_index_occupation_id(idx, req->occupation_uri, &oid) < 0)
                return -ENOENT;
        memset(&g, 0, sizeof g);
        g.occupation_id = oid;
        const EscoOccupation *o = esco_index_occupation(idx, oid);
        int rc = essentials(a, idx, p, o, &g);
        if (rc)
                return rc;
        g.fits = arena_alloc(a, (n_jobs + 1) * sizeof *g.fits);
        if (!g.fits)
                return -ENOMEM;
        for (size_t i = 0; i < n_jobs; i++)
                if (jobs[i].occupation_uri && strcmp(jobs[i].occupation_uri, req->occupation_uri) == 0)
                        g.fits[g.n_fits++] = fit_of(idx, p, o, &jobs[i], i);
        qsort(g.fits, g.n_fits, sizeof *g.fits, fit_cmp);
        if ((rc = pay(a, req, jobs, n_jobs, &g)))
                return rc;
        *ret = g;
        return 0;
}
