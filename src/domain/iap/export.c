/* The IAP as a document in URBACT's structure. Section and column labels
 * come from the definition files (iap_structure, city_action_table,
 * action_details), so a revised tool changes the exports too; the few
 * other labels are gettext msgids. */
#include "domain/iap/export.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "domain/iap/answers.h"

typedef struct E {
        Doc *d;
        Arena *a;
        const IapPlan *p;
        const IapTools *tools;
        Lang lang;
        const char *period;
        unsigned flags;
        int err;
} E;

static const char *tr(const E *e, const char *msgid) {
        return i18n_gettext(e->lang, msgid);
}

static void chk(E *e, int r) {
        if (r < 0 && !e->err)
                e->err = r;
}

/* Text of a bilingual field in the export language, flagged when the
 * shown side lags behind its source. */
static const char *txt(E *e, const IapText *t) {
        bool fb;
        const char *s = iap_text_get(t, e->lang, &fb);
        bool want_en = e->lang == LANG_EN || e->lang != t->local_lang;
        bool shown_en = fb ? !want_en : want_en;
        bool shown_is_source = shown_en ? t->source == LANG_EN : t->source != LANG_EN;
        Lang shown = shown_en ? LANG_EN : t->local_lang;
        const char *out = s;
        if (*s && (e->flags & IAP_DOC_LANG_SPANS) && shown != e->lang) {
                const char *span = doc_lang_span(e->a, lang_code(shown), s);
                out = span ? span : s;
        }
        if (!*s || !t->stale || shown_is_source)
                return out;
        const char *r = arena_printf(e->a, "%s [%s]", out, tr(e, N_("translation out of date")));
        return r ? r : out;
}

static const char *struct_label(E *e, const char *section, const char *item) {
        const IapTool *t = iap_tools_get(e->tools, IAP_TOOL_IAP_STRUCTURE);
        if (item) {
                const IapItem *it = iap_tool_find_item(t, item, NULL);
                return it ? iap_label(&it->label, e->lang) : item;
        }
        for (size_t i = 0; i < t->n_sections; i++)
                if (strcmp(t->sections[i].id, section) == 0)
                        return iap_label(&t->sections[i].label, e->lang);
        return section;
}

static const char *col_label(E *e, IapToolId tool, const char *id) {
        const IapTool *t = iap_tools_get(e->tools, tool);
        for (size_t i = 0; t && i < t->n_columns; i++)
                if (strcmp(t->columns[i].id, id) == 0)
                        return iap_label(&t->columns[i].label, e->lang);
        return id;
}

static void h(E *e, int level, const char *text) {
        chk(e, doc_heading(e->d, level, text));
}

static void para(E *e, const IapText *t) {
        const char *s = txt(e, t);
        if (*s)
                chk(e, doc_paragraph(e->d, s));
}

static const char *money(E *e, int64_t cents) {
        const char *s = arena_printf(e->a, "%s%" PRId64 ".%02" PRId64, cents < 0 ? "-" : "",
                                     (cents < 0 ? -cents : cents) / 100, (cents < 0 ? -cents : cents) % 100);
        return s ? s : "";
}

static const char *num(E *e, int64_t v) {
        const char *s = arena_printf(e->a, "%" PRId64, v);
        return s ? s : "";
}

static const char *pct(E *e, int permille) {
        const char *s = arena_printf(e->a, "%d.%d", permille / 10, permille % 10);
        return s ? s : "";
}

static void problem_tree(E *e) {
        const IapPlan *p = e->p;
        for (size_t i = 0; i < p->n_problems; i++) {
                const IapProblemNode *n = &p->problems[i];
                if (n->kind != IAP_NODE_PROBLEM)
                        continue;
                chk(e, doc_paragraph(e->d, arena_printf(e->a, "%s: %s", tr(e, N_("Problem")), txt(e, &n->text))));
                DocBlock *l;
                chk(e, doc_list(e->d, &l));
                for (size_t k = 0; !e->err && k < p->n_problems; k++) {
                        const IapProblemNode *c = &p->problems[k];
                        if (!c->parent_id || !n->id || strcmp(c->parent_id, n->id) != 0)
                                continue;
                        const char *kind = c->kind == IAP_NODE_CAUSE ? N_("Cause") : N_("Effect");
                        chk(e, doc_list_add(e->d, l, arena_printf(e->a, "%s: %s", tr(e, kind), txt(e, &c->text))));
                }
        }
}

static void vision(E *e) {
        const IapVision *v = &e->p->vision;
        DocBlock *kv;
        chk(e, doc_kv(e->d, &kv));
        if (kv) {
                chk(e, doc_kv_add(e->d, kv, tr(e, N_("Newspaper of Tomorrow")), txt(e, &v->headline)));
                if (v->date)
                        chk(e, doc_kv_add(e->d, kv, tr(e, N_("Date")), v->date));
        }
        para(e, &v->story);
        para(e, &e->p->integration_challenges);
}

static void testing(E *e) {
        const char *hdr[] = {tr(e, N_("Testing action")), tr(e, N_("We want to test if")), tr(e, N_("Measurement")),
                             tr(e, N_("Result")), tr(e, N_("Decision"))};
        DocTable *t;
        chk(e, doc_table(e->d, NULL, 5, hdr, &t));
        for (size_t i = 0; !e->err && i < e->p->n_testing; i++) {
                const IapTestingAction *x = &e->p->testing[i];
                const char *row[] = {txt(e, &x->idea)[0] ? txt(e, &x->idea) : txt(e, &x->challenge),
                                     txt(e, &x->test_if), txt(e, &x->measurement), txt(e, &x->result),
                                     tr(e, iap_decision_msgid(x->decision))};
                chk(e, doc_table_row(e->d, t, row));
        }
}

static void section_context(E *e) {
        const IapPlan *p = e->p;
        h(e, 1, struct_label(e, "context", NULL));
        h(e, 2, struct_label(e, NULL, "theme"));
        para(e, &p->theme);
        h(e, 2, struct_label(e, NULL, "current_situation"));
        para(e, &p->current_situation);
        para(e, &p->related_strategies);
        h(e, 2, struct_label(e, NULL, "problems"));
        problem_tree(e);
        h(e, 2, struct_label(e, NULL, "vision"));
        vision(e);
        if (p->n_testing) {
                h(e, 2, struct_label(e, NULL, "testing"));
                testing(e);
        }
}

/* One cell of the latest self-assessment: the choice's option id or the
 * text in the export language (with its marks, as every text). */
typedef struct SelfCtx {
        E *e;
        const IapAnswers *answers;
} SelfCtx;

static const char *self_value(void *ctx, const char *item, const char *column, Lang lang) {
        SelfCtx *c = ctx;
        (void)lang;
        const IapCell *cell = iap_answers_cell(c->answers, item, column);
        if (!cell)
                return NULL;
        return cell->choice ? cell->choice : txt(c->e, &cell->text);
}

/* The 12 aspects and the integration grid of the latest self-assessment
 * round, with its date. */
static void selfcheck(E *e) {
        const IapSelfCheck *sc = e->p->selfcheck;
        if (!sc || !sc->date)
                return;
        const IapAnswers *ans[] = {&sc->aspects, &sc->grid};
        const IapToolId ids[] = {IAP_TOOL_ASPECTS12, IAP_TOOL_INTEGRATION_GRID};
        for (int i = 0; i < 2 && !e->err; i++) {
                const IapTool *t = iap_tools_get(e->tools, ids[i]);
                if (!t || iap_answers_empty(ans[i]))
                        continue;
                h(e, 3, iap_label(&t->title, e->lang));
                chk(e, doc_paragraph(e->d, arena_printf(e->a, tr(e, N_("Self-assessment of %s.")), sc->date)));
                SelfCtx c = {e, ans[i]};
                chk(e, iap_table_tool_append(e->d, t, 4, self_value, &c, e->lang));
        }
}

static void section_logic(E *e) {
        const IapPlan *p = e->p;
        h(e, 1, struct_label(e, "logic", NULL));
        h(e, 2, struct_label(e, NULL, "objectives"));
        para(e, &p->overall_logic);
        for (size_t i = 0; !e->err && i < p->n_objectives; i++) {
                const IapObjective *o = &p->objectives[i];
                if (o->parent_id)
                        continue;
                h(e, 3, txt(e, &o->title));
                para(e, &o->description);
                DocBlock *l = NULL;
                for (size_t k = 0; !e->err && k < p->n_objectives; k++) {
                        const IapObjective *s = &p->objectives[k];
                        if (!s->parent_id || strcmp(s->parent_id, o->id) != 0)
                                continue;
                        if (!l)
                                chk(e, doc_list(e->d, &l));
                        if (l)
                                chk(e, doc_list_add(e->d, l, txt(e, &s->title)));
                }
        }
        h(e, 2, struct_label(e, NULL, "integrated_approach"));
        para(e, &p->integrated_approach);
        selfcheck(e);
}

static const char *timescale(E *e, const IapAction *a) {
        if (!a->start && !a->end)
                return "";
        const char *s = arena_printf(e->a, "%s – %s", a->start ? a->start : "", a->end ? a->end : "");
        return s ? s : "";
}

/* Title and description; a testing action's decision on this action is
 * shown with it, since that decision feeds the action table. */
static const char *action_title(E *e, const IapAction *a) {
        const char *t = txt(e, &a->title), *d = txt(e, &a->description);
        const char *s = *d ? arena_printf(e->a, "%s\n%s", t, d) : t;
        for (size_t i = 0; s && i < e->p->n_testing; i++) {
                const IapTestingAction *x = &e->p->testing[i];
                if (x->action_id && a->id && strcmp(x->action_id, a->id) == 0 && x->decision != IAP_DECISION_NONE)
                        s = arena_printf(e->a, "%s\n%s: %s", s, tr(e, N_("Testing action")),
                                         tr(e, iap_decision_msgid(x->decision)));
        }
        return s ? s : t;
}

/* City Action Table of one objective (its actions and those of its
 * specific objectives are listed under the specific one). */
static void city_table(E *e, const IapObjective *o) {
        static const char *const ids[] = {"title", "intended_results", "resources", "main_outputs",
                                          "long_term_change", "timescale"};
        const char *hdr[6];
        for (int i = 0; i < 6; i++)
                hdr[i] = col_label(e, IAP_TOOL_CITY_ACTION_TABLE, ids[i]);
        DocTable *t = NULL;
        for (size_t i = 0; !e->err && i < e->p->n_actions; i++) {
                const IapAction *a = &e->p->actions[i];
                if (!a->objective_id || strcmp(a->objective_id, o->id) != 0)
                        continue;
                if (!t) {
                        chk(e, doc_table(e->d, txt(e, &o->title), 6, hdr, &t));
                        if (!t)
                                return;
                        static const int w[] = {3, 3, 2, 2, 2, 2};
                        memcpy(t->col_width, w, sizeof w);
                }
                const char *row[] = {action_title(e, a), txt(e, &a->intended_results), txt(e, &a->resources),
                                     txt(e, &a->main_outputs), txt(e, &a->long_term_change), timescale(e, a)};
                chk(e, doc_table_row(e->d, t, row));
        }
}

static void details_table(E *e) {
        static const char *const ids[] = {"activity", "timescale", "responsible", "budget", "funding_source",
                                          "outputs", "connected_activities", "implementation"};
        const char *hdr[10];
        for (int i = 0; i < 8; i++)
                hdr[i] = col_label(e, IAP_TOOL_ACTION_DETAILS, ids[i]);
        hdr[3] = arena_printf(e->a, "%s (EUR)", hdr[3]);
        hdr[8] = tr(e, N_("Progress (%)"));
        DocTable *t;
        chk(e, doc_table(e->d, struct_label(e, NULL, "action_details"), 9, hdr, &t));
        if (e->err)
                return;
        static const int w[] = {3, 2, 2, 1, 2, 2, 2, 3, 1};
        memcpy(t->col_width, w, sizeof w);
        t->col_type[3] = t->col_type[8] = DOC_COL_NUMBER;
        for (size_t i = 0; !e->err && i < e->p->n_actions; i++) {
                const IapAction *a = &e->p->actions[i];
                int pm = 0;
                iap_action_progress(e->p, i, &pm);
                const char *title = a->parent_id ? arena_printf(e->a, "↳ %s", txt(e, &a->title)) : txt(e, &a->title);
                const char *row[] = {title, timescale(e, a), txt(e, &a->responsible), money(e, a->budget_cents),
                                     txt(e, &a->funding_source), txt(e, &a->outputs), txt(e, &a->connected),
                                     txt(e, &a->implementation), pct(e, pm)};
                chk(e, doc_table_row(e->d, t, row));
        }
}

static void section_actions(E *e) {
        h(e, 1, struct_label(e, "actions", NULL));
        h(e, 2, struct_label(e, NULL, "city_action_table"));
        for (size_t i = 0; !e->err && i < e->p->n_objectives; i++)
                city_table(e, &e->p->objectives[i]);
        h(e, 2, struct_label(e, NULL, "action_details"));
        details_table(e);
}


/* The URBACT Local Group: its member organisations (organisations only;
 * the plan holds no contact persons). */
static void local_group(E *e) {
        const IapPlan *p = e->p;
        DocBlock *l = NULL;
        size_t n = 0;
        for (size_t i = 0; i < p->n_stakeholders; i++)
                n += p->stakeholders[i].ulg_member;
        if (!n)
                return;
        chk(e, doc_paragraph(e->d, arena_printf(e->a, "%s (%zu):", tr(e, N_("Member organisations of the URBACT Local "
                                                                              "Group")), n)));
        chk(e, doc_list(e->d, &l));
        for (size_t i = 0; l && !e->err && i < p->n_stakeholders; i++)
                if (p->stakeholders[i].ulg_member && p->stakeholders[i].organisation)
                        chk(e, doc_list_add(e->d, l, p->stakeholders[i].organisation));
}

static void governance(E *e) {
        const IapPlan *p = e->p;
        h(e, 2, struct_label(e, NULL, "governance"));
        para(e, &p->governance);
        local_group(e);
        if (p->n_stakeholders) {
                const char *hdr[] = {tr(e, N_("Organisation")), tr(e, N_("Sector")),   tr(e, N_("Role")),
                                     tr(e, N_("Influence")),    tr(e, N_("Interest")), tr(e, N_("Local group"))};
                DocTable *t;
                chk(e, doc_table(e->d, tr(e, N_("Stakeholders")), 6, hdr, &t));
                for (size_t i = 0; !e->err && i < p->n_stakeholders; i++) {
                        const IapStakeholder *s = &p->stakeholders[i];
                        const char *row[] = {s->organisation, s->sector, s->role, num(e, s->influence),
                                             num(e, s->interest), s->ulg_member ? tr(e, N_("ULG member")) : ""};
                        chk(e, doc_table_row(e->d, t, row));
                }
                if (!e->err)
                        t->col_type[3] = t->col_type[4] = DOC_COL_NUMBER;
        }
        if (p->n_meetings) {
                const char *hdr[] = {tr(e, N_("Date")), tr(e, N_("Meeting")), tr(e, N_("Location")),
                                     tr(e, N_("Attended")), tr(e, N_("Minutes"))};
                DocTable *t;
                chk(e, doc_table(e->d, tr(e, N_("Meetings")), 5, hdr, &t));
                for (size_t i = 0; !e->err && i < p->n_meetings; i++) {
                        const IapMeeting *m = &p->meetings[i];
                        const char *row[] = {m->date, txt(e, &m->title), m->location, num(e, m->attended),
                                             tr(e, iap_minutes_status_msgid(m->minutes_status))};
                        chk(e, doc_table_row(e->d, t, row));
                }
                if (!e->err)
                        t->col_type[3] = DOC_COL_NUMBER;
        }
}

/* Latest actual (or the one of e->period) of an indicator. */
static const IapPeriodValue *shown_actual(E *e, const IapIndicator *d) {
        const IapPeriodValue *best = NULL;
        for (size_t i = 0; i < d->n_actuals; i++) {
                const IapPeriodValue *v = &d->actuals[i];
                if (e->period ? strcmp(v->period, e->period) == 0 : !best || strcmp(v->period, best->period) > 0)
                        best = v;
        }
        return best;
}

static const IapPeriodValue *final_target(const IapIndicator *d) {
        const IapPeriodValue *best = NULL;
        for (size_t i = 0; i < d->n_targets; i++)
                if (!best || strcmp(d->targets[i].period, best->period) > 0)
                        best = &d->targets[i];
        return best;
}

static void indicator_row(E *e, DocTable *t, DocChart *c, const IapIndicator *d) {
        const IapPeriodValue *act = shown_actual(e, d), *tgt = final_target(d);
        IapIndicatorStatus st = iap_indicator_status(d, act ? act->period : NULL, false, NULL);
        const char *src = txt(e, &d->source);
        if (d->from_platform)
                src = arena_printf(e->a, "%s%s%s", src, *src ? "; " : "", tr(e, N_("job platform")));
        const char *row[] = {txt(e, &d->name), d->unit, num(e, d->baseline),
                             tgt ? arena_printf(e->a, "%" PRId64 " (%s)", tgt->value, tgt->period) : "",
                             !act ? ""
                             : act->insufficient
                                     ? arena_printf(e->a, "%s (%s)", tr(e, N_("insufficient data")), act->period)
                                     : arena_printf(e->a, "%" PRId64 " (%s)", act->value, act->period),
                             src ? src : "", tr(e, iap_indicator_status_msgid(st))};
        chk(e, doc_table_row(e->d, t, row));
        if (c && c->n_cats < DOC_CHART_CATS_MAX) {
                int64_t v[3] = {d->baseline, tgt ? tgt->value : 0, act ? act->value : 0};
                bool has[3] = {true, tgt != NULL, act && !act->insufficient};
                chk(e, doc_chart_add(e->d, c, txt(e, &d->name), v, has));
        }
}

static void monitoring(E *e) {
        const IapPlan *p = e->p;
        h(e, 2, struct_label(e, NULL, "monitoring"));
        para(e, &p->monitoring);
        if (!p->n_indicators)
                return;
        const char *hdr[] = {tr(e, N_("Indicator")), tr(e, N_("Unit")),   tr(e, N_("Baseline")),
                             tr(e, N_("Target")),    tr(e, N_("Actual")), tr(e, N_("Source")),
                             tr(e, N_("Status"))};
        DocTable *t;
        chk(e, doc_table(e->d, tr(e, N_("Indicators")), 7, hdr, &t));
        if (e->err)
                return;
        static const int w[] = {4, 1, 1, 2, 2, 2, 2};
        memcpy(t->col_width, w, sizeof w);
        t->col_type[2] = DOC_COL_NUMBER;
        const char *series[] = {tr(e, N_("Baseline")), tr(e, N_("Target")), tr(e, N_("Actual"))};
        DocChart *c = NULL;
        chk(e, doc_chart(e->d, tr(e, N_("Indicators: baseline, target and latest actual")), tr(e, N_("Indicator")),
                         3, series, &c));
        for (size_t i = 0; !e->err && i < p->n_indicators; i++)
                indicator_row(e, t, c, &p->indicators[i]);
}

static void risks(E *e) {
        const IapPlan *p = e->p;
        h(e, 2, struct_label(e, NULL, "risks"));
        const char *hdr[] = {tr(e, N_("Action")),     tr(e, N_("Risk")),  tr(e, N_("Likelihood")),
                             tr(e, N_("Impact")),     tr(e, N_("Level")), tr(e, N_("Mitigation"))};
        DocTable *t;
        chk(e, doc_table(e->d, tr(e, N_("Risks")), 6, hdr, &t));
        if (e->err)
                return;
        static const int w[] = {3, 3, 1, 1, 1, 3};
        memcpy(t->col_width, w, sizeof w);
        t->col_type[2] = t->col_type[3] = DOC_COL_NUMBER;
        for (size_t i = 0; !e->err && i < p->n_actions; i++)
                for (size_t k = 0; !e->err && k < p->actions[i].n_risks; k++) {
                        const IapRisk *r = &p->actions[i].risks[k];
                        const char *row[] = {txt(e, &p->actions[i].title), txt(e, &r->description),
                                             num(e, r->likelihood), num(e, r->impact),
                                             tr(e, iap_risk_level_msgid(iap_risk_level(r))), txt(e, &r->mitigation)};
                        chk(e, doc_table_row(e->d, t, row));
                }
}

static void framework(E *e) {
        h(e, 1, struct_label(e, "implementation", NULL));
        governance(e);
        monitoring(e);
        risks(e);
        h(e, 2, struct_label(e, NULL, "funding"));
        para(e, &e->p->funding);
        int64_t total = 0;
        if (iap_plan_budget(e->p, &total) == 0) {
                DocBlock *kv;
                chk(e, doc_kv(e->d, &kv));
                if (kv)
                        chk(e, doc_kv_add(e->d, kv, tr(e, N_("Total budget")),
                                          arena_printf(e->a, "%s EUR", money(e, total))));
        }
        h(e, 2, struct_label(e, NULL, "communication"));
        para(e, &e->p->communication);
}

/* The value of a Good Practice / Case Example form item for the annex;
 * "" when empty. Items marked personal never get here. */
static const char *practice_item(E *e, const IapPractice *g, const IapItem *it) {
        const struct {
                const char *id, *plain;
                const IapText *text;
        } f[] = {
                {"partner", g->partner, NULL},       {"body_in_charge", g->body_in_charge, NULL},
                {"title", g->title, NULL},           {"name", g->title, NULL},
                {"link", g->link, NULL},             {"timescale", g->timescale, NULL},
                {"thematic_objectives", NULL, &g->thematic_objectives},
                {"abstract", NULL, &g->abstract},    {"activities", NULL, &g->activities},
                {"what_worked", NULL, &g->what_worked}, {"what_works", NULL, &g->what_worked},
                {"useful_exchanges", NULL, &g->useful_exchanges}, {"useful_iap", NULL, &g->useful_iap},
                {"people", NULL, &g->people},
        };
        for (size_t i = 0; i < sizeof f / sizeof *f; i++)
                if (strcmp(it->id, f[i].id) == 0)
                        return f[i].text ? txt(e, f[i].text) : f[i].plain ? f[i].plain : "";
        bool yes = (strcmp(it->id, "testing_action") == 0 && g->testing_action) ||
                   (strcmp(it->id, "study_visit") == 0 && g->study_visit);
        for (size_t i = 0; yes && i < it->n_options; i++)
                if (strcmp(it->options[i].id, "yes") == 0)
                        return iap_label(&it->options[i].label, e->lang);
        return "";
}

/* One practice: its title, its kind, and the filled items of its form in
 * the form's order (the definition file's labels; never the personal
 * items, such as the partner's e-mail and the author's name). */
static void practice(E *e, const IapPractice *g) {
        IapToolId id = g->kind == IAP_CASE_EXAMPLE ? IAP_TOOL_CASE_EXAMPLE : IAP_TOOL_GOOD_PRACTICE;
        const IapTool *form = iap_tools_get(e->tools, id);
        h(e, 2, g->title && *g->title ? g->title : tr(e, N_("Practice without a title")));
        chk(e, doc_paragraph(e->d, tr(e, g->kind == IAP_CASE_EXAMPLE ? N_("Case example") : N_("Good practice"))));
        DocBlock *kv = NULL;
        chk(e, doc_kv(e->d, &kv));
        for (size_t s = 0; kv && form && !e->err && s < form->n_sections; s++)
                for (size_t i = 0; !e->err && i < form->sections[s].n_items; i++) {
                        const IapItem *it = &form->sections[s].items[i];
                        const char *v = it->personal || strcmp(it->id, "title") == 0 || strcmp(it->id, "name") == 0
                                                ? ""
                                                : practice_item(e, g, it);
                        if (*v)
                                chk(e, doc_kv_add(e->d, kv, iap_label(&it->label, e->lang), v));
                }
}

/* Annex: the good practices and case examples the city drew on. */
static void practices(E *e) {
        if (!e->p->n_practices)
                return;
        h(e, 1, tr(e, N_("Annex: good practices and case examples")));
        for (int k = 0; k < IAP_PRACTICE_KIND_MAX; k++)
                for (size_t i = 0; !e->err && i < e->p->n_practices; i++)
                        if ((int)e->p->practices[i].kind == k)
                                practice(e, &e->p->practices[i]);
}

int iap_plan_doc(const IapPlan *p, const IapTools *tools, Lang lang, const char *period, Arena *a, Doc **ret) {
        return iap_plan_doc_ex(p, tools, lang, period, 0, a, ret);
}

int iap_plan_doc_ex(const IapPlan *p, const IapTools *tools, Lang lang, const char *period, unsigned flags, Arena *a,
                    Doc **ret) {
        if (!p || !a || !ret || (unsigned)lang >= LANG_MAX || !iap_tools_get(tools, IAP_TOOL_IAP_STRUCTURE))
                return -EINVAL;
        if (iap_plan_validate(p, NULL, 0, NULL) < 0)
                return -EINVAL;
        E e = {.a = a, .p = p, .tools = tools, .lang = lang, .period = period, .flags = flags};
        const char *title = iap_text_get(&p->title, lang, NULL);
        e.d = doc_new(a, title, lang_code(lang));
        if (!e.d)
                return -ENOMEM;
        e.d->subject = iap_label(&iap_tools_get(tools, IAP_TOOL_IAP_STRUCTURE)->title, lang);
        /* The heading's title carries its language when shown in another
         * (doc->title stays plain for metadata). */
        const char *head = txt(&e, &p->title);
        chk(&e, doc_heading(e.d, 1, *head ? head : title));
        DocBlock *kv;
        chk(&e, doc_kv(e.d, &kv));
        if (kv)
                chk(&e, doc_kv_add(e.d, kv, tr(&e, N_("City")), p->city_name ? p->city_name : p->city_slug));
        section_context(&e);
        section_logic(&e);
        section_actions(&e);
        framework(&e);
        practices(&e);
        if (e.err)
                return e.err;
        *ret = e.d;
        return 0;
}

int iap_export(const IapPlan *p, const IapTools *tools, Lang lang, DocFormat fmt, StrBuf *out) {
        Arena *a = arena_new();
        if (!a)
                return -ENOMEM;
        Doc *d;
        int r = iap_plan_doc(p, tools, lang, NULL, a, &d);
        if (r == 0)
                r = doc_render(d, fmt, out);
        arena_free(a);
        return r;
}
