/* Rubric rounds and confidence polls: integer arithmetic only, so totals
 * and medians are identical on every machine. */
#include <errno.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/iap/date.h"
#include "domain/iap/tools.h"

bool iap_score_valid(int score) {
        return score == 0 || score == 1 || score == 3 || score == 5;
}

static int round_problem(const char *ind, const char *msgid, const char **problem_indicator,
                         const char **problem_msgid, int rc) {
        if (problem_indicator)
                *problem_indicator = ind;
        if (problem_msgid)
                *problem_msgid = msgid;
        return rc;
}

int iap_round_check(const IapTool *rubric, const IapRound *r, const char **problem_indicator,
                    const char **problem_msgid) {
        if (!rubric || !r || (r->n_scores && !r->scores))
                return round_problem(NULL, N_("no round given"), problem_indicator, problem_msgid, -EINVAL);
        if (!iap_date_valid(r->date))
                return round_problem(NULL, N_("date must be YYYY-MM-DD"), problem_indicator, problem_msgid, -EINVAL);
        if (r->tool_version < 1)
                return round_problem(NULL, N_("version must be a whole number from 1"), problem_indicator,
                                     problem_msgid, -EINVAL);
        for (size_t i = 0; i < r->n_scores; i++) {
                const IapScore *s = &r->scores[i];
                if (!s->indicator || !iap_tool_find_item(rubric, s->indicator, NULL))
                        return round_problem(s->indicator, N_("unknown indicator"), problem_indicator, problem_msgid,
                                             -EINVAL);
                for (size_t j = 0; j < i; j++)
                        if (strcmp(r->scores[j].indicator, s->indicator) == 0)
                                return round_problem(s->indicator, N_("indicator scored twice"), problem_indicator,
                                                     problem_msgid, -EINVAL);
                if (!iap_score_valid(s->score))
                        return round_problem(s->indicator, N_("score must be 1, 3 or 5"), problem_indicator,
                                             problem_msgid, -EINVAL);
                if (s->evidence) {
                        size_t n = strlen(s->evidence);
                        if (n > IAP_EVIDENCE_MAX)
                                return round_problem(s->indicator, N_("text is too long"), problem_indicator,
                                                     problem_msgid, -E2BIG);
                        if (!utf8_valid(s->evidence, n))
                                return round_problem(s->indicator, N_("text is not valid UTF-8"),
                                                     problem_indicator, problem_msgid, -EINVAL);
                }
        }
        return 0;
}

static int score_of(const IapRound *r, const char *id) {
        for (size_t i = 0; i < r->n_scores; i++)
                if (strcmp(r->scores[i].indicator, id) == 0)
                        return r->scores[i].score;
        return IAP_SCORE_UNSCORED;
}

int iap_round_totals(const IapTool *rubric, const IapRound *r, IapSectionTotal *out, size_t cap,
                     IapSectionTotal *ret_grand) {
        if (iap_round_check(rubric, r, NULL, NULL) < 0)
                return -EINVAL;
        if (cap < rubric->n_sections || (!out && rubric->n_sections))
                return -E2BIG;
        IapSectionTotal g = {0};
        for (size_t s = 0; s < rubric->n_sections; s++) {
                const IapSection *sec = &rubric->sections[s];
                IapSectionTotal t = {.section = sec->id, .n = sec->n_items, .max = (int)sec->n_items * IAP_SCORE_TOP};
                for (size_t i = 0; i < sec->n_items; i++) {
                        int v = score_of(r, sec->items[i].id);
                        t.total += v;
                        t.scored += v != IAP_SCORE_UNSCORED;
                }
                out[s] = t;
                g.total += t.total;
                g.max += t.max;
                g.scored += t.scored;
                g.n += t.n;
        }
        if (ret_grand)
                *ret_grand = g;
        return 0;
}

int iap_round_compare(Arena *a, const IapTool *rubric, const IapRound *before,
                      const IapRound *after, IapComparison **ret) {
        if (iap_round_check(rubric, before, NULL, NULL) < 0 || iap_round_check(rubric, after, NULL, NULL) < 0)
                return -EINVAL;
        size_t nrows = 0;
        for (size_t s = 0; s < rubric->n_sections; s++)
                nrows += rubric->sections[s].n_items;
        size_t ns = rubric->n_sections ? rubric->n_sections : 1;
        IapComparison *c = arena_alloc(a, sizeof *c);
        IapCompareRow *rows = arena_alloc(a, (nrows ? nrows : 1) * sizeof *rows);
        IapSectionTotal *bt = arena_alloc(a, ns * sizeof *bt), *at = arena_alloc(a, ns * sizeof *at);
        if (!c || !rows || !bt || !at)
                return -ENOMEM;
        size_t k = 0;
        for (size_t s = 0; s < rubric->n_sections; s++)
                for (size_t i = 0; i < rubric->sections[s].n_items; i++, k++) {
                        const char *id = rubric->sections[s].items[i].id;
                        rows[k].section = rubric->sections[s].id;
                        rows[k].indicator = id;
                        rows[k].before = score_of(before, id);
                        rows[k].after = score_of(after, id);
                        rows[k].delta = rows[k].after - rows[k].before;
                }
        iap_round_totals(rubric, before, bt, ns, &c->before_grand);
        iap_round_totals(rubric, after, at, ns, &c->after_grand);
        c->rows = rows;
        c->n_rows = nrows;
        c->before = bt;
        c->after = at;
        c->n_sections = rubric->n_sections;
        c->version_differs = before->tool_version != after->tool_version;
        *ret = c;
        return 0;
}

/* The k-th smallest answer (0-based) from the distribution. */
static int kth(const size_t *dist, int lo, int hi, size_t k) {
        size_t seen = 0;
        for (int v = lo; v <= hi; v++) {
                seen += dist[v];
                if (seen > k)
                        return v;
        }
        return hi;
}

int iap_poll_stats(int lo, int hi, const int *answers, size_t n, IapPollStats *ret) {
        if (lo < 1 || hi <= lo || hi > IAP_POLL_SCALE_MAX || (n && !answers) || !ret)
                return -EINVAL;
        IapPollStats st = {.n = n};
        unsigned long long sum = 0;
        for (size_t i = 0; i < n; i++) {
                if (answers[i] < lo || answers[i] > hi)
                        return -EINVAL;
                st.dist[answers[i]]++;
                sum += (unsigned long long)answers[i];
        }
        if (n) {
                st.mean_x10 = (int)((sum * 20 + n) / (2 * n));
                int m1 = kth(st.dist, lo, hi, (n - 1) / 2), m2 = kth(st.dist, lo, hi, n / 2);
                st.median_x10 = (m1 + m2) * 5;
        }
        *ret = st;
        return 0;
}
