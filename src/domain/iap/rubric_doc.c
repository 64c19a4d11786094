/* Action Planning Table rounds as documents: a city's before/after and the
 * network's side-by-side view. Scores and totals come from scoring.c. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "domain/iap/export.h"

static const char *score_str(Arena *a, Lang lang, int v) {
        return v == IAP_SCORE_UNSCORED ? i18n_gettext(lang, N_("not scored")) : arena_printf(a, "%d", v);
}

static const char *evidence_of(const IapRound *r, const char *id) {
        for (size_t i = 0; r && i < r->n_scores; i++)
                if (strcmp(r->scores[i].indicator, id) == 0)
                        return r->scores[i].evidence ? r->scores[i].evidence : "";
        return "";
}

static const char *total_str(Arena *a, const IapSectionTotal *t) {
        return arena_printf(a, "%d / %d", t->total, t->max);
}

static int compare_rows(Doc *d, const IapTool *ru, const IapComparison *c, const IapRound *after, Lang lang,
                        DocTable *t) {
        Arena *a = d->arena;
        int e = 0;
        for (size_t i = 0; e == 0 && i < c->n_rows; i++) {
                const IapCompareRow *r = &c->rows[i];
                const IapItem *it = iap_tool_find_item(ru, r->indicator, NULL);
                const char *row[] = {iap_label(&it->label, lang), score_str(a, lang, r->before),
                                     score_str(a, lang, r->after), arena_printf(a, "%+d", r->delta),
                                     evidence_of(after, r->indicator)};
                e = doc_table_row(d, t, row);
        }
        for (size_t s = 0; e == 0 && s <= c->n_sections; s++) {
                bool grand = s == c->n_sections;
                const IapSectionTotal *b = grand ? &c->before_grand : &c->before[s];
                const IapSectionTotal *f = grand ? &c->after_grand : &c->after[s];
                const char *label = grand ? i18n_gettext(lang, N_("Total"))
                                          : arena_printf(a, "%s — %s", iap_label(&ru->sections[s].label, lang),
                                                         i18n_gettext(lang, N_("Total")));
                const char *row[] = {label, total_str(a, b), total_str(a, f), arena_printf(a, "%+d", f->total - b->total), ""};
                e = doc_table_row(d, t, row);
        }
        return e;
}

int iap_round_compare_doc(const IapTool *rubric, const char *city, const IapRound *before, const IapRound *after,
                          Lang lang, Arena *a, Doc **ret) {
        if (!rubric || !a || !ret || !city || (unsigned)lang >= LANG_MAX)
                return -EINVAL;
        IapComparison *c;
        int e = iap_round_compare(a, rubric, before, after, &c);
        if (e < 0)
                return e;
        const char *title = arena_printf(a, "%s — %s", iap_label(&rubric->title, lang), city);
        Doc *d = title ? doc_new(a, title, lang_code(lang)) : NULL;
        if (!d)
                return -ENOMEM;
        e = doc_heading(d, 1, title);
        if (e == 0 && c->version_differs)
                e = doc_paragraph(d, arena_printf(a, i18n_gettext(lang, N_("Rounds scored against different versions of the tool: %d and %d")),
                                                  before->tool_version, after->tool_version));
        const char *hdr[] = {i18n_gettext(lang, N_("Indicator")), before->date, after->date,
                             i18n_gettext(lang, N_("Change")), i18n_gettext(lang, N_("Evidence"))};
        DocTable *t;
        if (e == 0)
                e = doc_table(d, NULL, 5, hdr, &t);
        if (e == 0) {
                static const int w[] = {4, 1, 1, 1, 4};
                memcpy(t->col_width, w, sizeof w);
                e = compare_rows(d, rubric, c, after, lang, t);
        }
        if (e < 0)
                return e;
        *ret = d;
        return 0;
}

/* One row per indicator, then section and grand totals. */
static int side_rows(Doc *d, const IapTool *ru, const IapRound *const *rounds, size_t n, IapSectionTotal (*tot)[IAP_TOOL_SECTIONS_MAX + 1],
                     Lang lang, DocTable *t) {
        Arena *a = d->arena;
        const char *row[DOC_TABLE_COLS_MAX];
        int e = 0;
        for (size_t s = 0; e == 0 && s < ru->n_sections; s++)
                for (size_t i = 0; e == 0 && i < ru->sections[s].n_items; i++) {
                        const IapItem *it = &ru->sections[s].items[i];
                        row[0] = iap_label(&it->label, lang);
                        for (size_t k = 0; k < n; k++) {
                                int v = IAP_SCORE_UNSCORED;
                                for (size_t j = 0; rounds[k] && j < rounds[k]->n_scores; j++)
                                        if (strcmp(rounds[k]->scores[j].indicator, it->id) == 0)
                                                v = rounds[k]->scores[j].score;
                                row[k + 1] = rounds[k] ? score_str(a, lang, v) : "";
                        }
                        e = doc_table_row(d, t, row);
                }
        for (size_t s = 0; e == 0 && s <= ru->n_sections; s++) {
                row[0] = s == ru->n_sections ? i18n_gettext(lang, N_("Total"))
                                             : arena_printf(a, "%s — %s", iap_label(&ru->sections[s].label, lang),
                                                            i18n_gettext(lang, N_("Total")));
                for (size_t k = 0; k < n; k++)
                        row[k + 1] = rounds[k] ? total_str(a, &tot[k][s]) : "";
                e = doc_table_row(d, t, row);
        }
        return e;
}

static int side_chart(Doc *d, const IapTool *ru, const char *const *cities, const IapRound *const *rounds, size_t n,
                      IapSectionTotal (*tot)[IAP_TOOL_SECTIONS_MAX + 1], Lang lang) {
        const char *series[DOC_CHART_SERIES_MAX];
        size_t ns = ru->n_sections < DOC_CHART_SERIES_MAX ? ru->n_sections : DOC_CHART_SERIES_MAX;
        for (size_t s = 0; s < ns; s++)
                series[s] = iap_label(&ru->sections[s].label, lang);
        DocChart *c;
        int e = ns ? doc_chart(d, iap_label(&ru->title, lang), "", ns, series, &c) : 0;
        for (size_t k = 0; e == 0 && ns && k < n; k++) {
                int64_t v[DOC_CHART_SERIES_MAX] = {0};
                bool has[DOC_CHART_SERIES_MAX] = {false};
                for (size_t s = 0; s < ns; s++) {
                        v[s] = tot[k][s].total;
                        has[s] = rounds[k] != NULL;
                }
                e = doc_chart_add(d, c, cities[k], v, has);
        }
        return e;
}

int iap_rounds_side_by_side_doc(const IapTool *rubric, const char *const *cities, const IapRound *const *rounds,
                                size_t n, Lang lang, Arena *a, Doc **ret) {
        if (!rubric || !a || !ret || !cities || !rounds || n == 0 || (unsigned)lang >= LANG_MAX ||
            rubric->n_sections > IAP_TOOL_SECTIONS_MAX)
                return -EINVAL;
        if (n > DOC_TABLE_COLS_MAX - 1)
                return -E2BIG;
        IapSectionTotal (*tot)[IAP_TOOL_SECTIONS_MAX + 1] = arena_alloc(a, n * sizeof *tot);
        if (!tot)
                return -ENOMEM;
        for (size_t k = 0; k < n; k++)
                if (rounds[k] && iap_round_totals(rubric, rounds[k], tot[k], IAP_TOOL_SECTIONS_MAX, &tot[k][rubric->n_sections]) < 0)
                        return -EINVAL;
        const char *title = arena_printf(a, "%s — %s", iap_label(&rubric->title, lang),
                                         i18n_gettext(lang, N_("Rubric scores by city")));
        Doc *d = title ? doc_new(a, title, lang_code(lang)) : NULL;
        if (!d)
                return -ENOMEM;
        const char *hdr[DOC_TABLE_COLS_MAX];
        hdr[0] = i18n_gettext(lang, N_("Indicator"));
        for (size_t k = 0; k < n; k++)
                hdr[k + 1] = cities[k] ? cities[k] : "";
        DocTable *t;
        int e = doc_heading(d, 1, title);
        if (e == 0)
                e = doc_table(d, NULL, n + 1, hdr, &t);
        if (e == 0) {
                t->col_width[0] = (int)n > 3 ? (int)n : 3;
                e = side_rows(d, rubric, rounds, n, tot, lang, t);
        }
        if (e == 0)
                e = side_chart(d, rubric, cities, rounds, n, tot, lang);
        if (e < 0)
                return e;
        *ret = d;
        return 0;
}
