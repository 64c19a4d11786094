/* Field-level validation of a plan: every problem names the record, its id,
 * the field and an English msgid, so a form can show it beside the field. */
#include <errno.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/iap/date.h"
#include "domain/iap/plan.h"

typedef struct V {
        IapProblem *out;
        size_t cap, n;
} V;

static void add(V *v, const char *record, const char *id, const char *field, const char *msgid) {
        if (v->n < v->cap)
                v->out[v->n] = (IapProblem){record, id, field, msgid};
        v->n++;
}

static void check_str(V *v, const char *rec, const char *id, const char *field, const char *s, size_t max,
                      bool required) {
        if (!s || !*s) {
                if (required)
                        add(v, rec, id, field, N_("required field is missing"));
                return;
        }
        size_t n = strlen(s);
        if (n > max)
                add(v, rec, id, field, N_("text is too long"));
        else if (!utf8_valid(s, n))
                add(v, rec, id, field, N_("text is not valid UTF-8"));
}

static void check_text(V *v, const IapPlan *p, const char *rec, const char *id, const char *field,
                       const IapText *t, size_t max, bool required) {
        if (required && iap_text_empty(t)) {
                add(v, rec, id, field, N_("required field is missing"));
                return;
        }
        if (t->local_lang != p->lang && t->local_lang != LANG_EN && (t->local || t->en))
                add(v, rec, id, field, N_("text is not in the plan's language"));
        check_str(v, rec, id, field, t->local, max, false);
        check_str(v, rec, id, field, t->en, max, false);
}

static void check_id(V *v, const char *rec, const char *id) {
        if (!id || !*id)
                add(v, rec, NULL, "id", N_("required field is missing"));
        else if (strlen(id) > IAP_REC_ID_MAX || !utf8_valid(id, strlen(id)))
                add(v, rec, NULL, "id", N_("identifier is not valid"));
}

static void check_date(V *v, const char *rec, const char *id, const char *field, const char *d, bool required) {
        if (!d || !*d) {
                if (required)
                        add(v, rec, id, field, N_("required field is missing"));
        } else if (!iap_date_valid(d)) {
                add(v, rec, id, field, N_("date must be YYYY-MM-DD"));
        }
}

static void check_objectives(V *v, const IapPlan *p) {
        for (size_t i = 0; i < p->n_objectives; i++) {
                const IapObjective *o = &p->objectives[i];
                check_id(v, "objective", o->id);
                if (o->id && iap_find_objective(p, o->id) != (long)i)
                        add(v, "objective", o->id, "id", N_("duplicate identifier"));
                check_text(v, p, "objective", o->id, "title", &o->title, IAP_SHORT_MAX, true);
                check_text(v, p, "objective", o->id, "description", &o->description, IAP_TEXT_MAX, false);
                if (o->parent_id) {
                        long k = iap_find_objective(p, o->parent_id);
                        if (k < 0 || p->objectives[k].parent_id)
                                add(v, "objective", o->id, "parent", N_("must refer to a strategic objective"));
                }
        }
}

static void check_risks(V *v, const IapPlan *p, const IapAction *a) {
        for (size_t k = 0; k < a->n_risks; k++) {
                const IapRisk *r = &a->risks[k];
                check_text(v, p, "risk", a->id, "description", &r->description, IAP_TEXT_MAX, true);
                check_text(v, p, "risk", a->id, "mitigation", &r->mitigation, IAP_TEXT_MAX, false);
                if (r->likelihood < 1 || r->likelihood > IAP_RISK_SCALE)
                        add(v, "risk", a->id, "likelihood", N_("must be from 1 to 5"));
                if (r->impact < 1 || r->impact > IAP_RISK_SCALE)
                        add(v, "risk", a->id, "impact", N_("must be from 1 to 5"));
        }
}

static void check_milestones(V *v, const IapPlan *p, const IapAction *a) {
        for (size_t k = 0; k < a->n_milestones; k++) {
                const IapMilestone *m = &a->milestones[k];
                check_text(v, p, "milestone", a->id, "title", &m->title, IAP_SHORT_MAX, true);
                check_date(v, "milestone", a->id, "due", m->due, false);
                if (m->weight < 0 || m->weight > IAP_WEIGHT_MAX)
                        add(v, "milestone", a->id, "weight", N_("weight must be from 1 to 1000"));
        }
}

static void check_action_links(V *v, const IapPlan *p, size_t i) {
        const IapAction *a = &p->actions[i];
        if (!a->objective_id && !a->parent_id)
                add(v, "action", a->id, "objective", N_("required field is missing"));
        if (a->objective_id && iap_find_objective(p, a->objective_id) < 0)
                add(v, "action", a->id, "objective", N_("refers to a record that does not exist"));
        if (a->parent_id && iap_find_action(p, a->parent_id) < 0)
                add(v, "action", a->id, "parent", N_("refers to a record that does not exist"));
        int pm;
        if (iap_action_progress(p, i, &pm) == -ELOOP)
                add(v, "action", a->id, "parent", N_("sub-actions form a cycle or are nested too deeply"));
}

static void check_actions(V *v, const IapPlan *p) {
        for (size_t i = 0; i < p->n_actions; i++) {
                const IapAction *a = &p->actions[i];
                check_id(v, "action", a->id);
                if (a->id && iap_find_action(p, a->id) != (long)i)
                        add(v, "action", a->id, "id", N_("duplicate identifier"));
                check_text(v, p, "action", a->id, "title", &a->title, IAP_SHORT_MAX, true);
                const IapText *long_fields[] = {&a->description, &a->intended_results, &a->resources,
                                                &a->main_outputs, &a->long_term_change, &a->outputs,
                                                &a->connected, &a->implementation};
                static const char *const names[] = {"description", "intended_results", "resources", "main_outputs",
                                                    "long_term_change", "outputs", "connected", "implementation"};
                for (size_t k = 0; k < sizeof names / sizeof *names; k++)
                        check_text(v, p, "action", a->id, names[k], long_fields[k], IAP_TEXT_MAX, false);
                check_text(v, p, "action", a->id, "responsible", &a->responsible, IAP_SHORT_MAX, false);
                check_text(v, p, "action", a->id, "funding_source", &a->funding_source, IAP_SHORT_MAX, false);
                check_date(v, "action", a->id, "start", a->start, false);
                check_date(v, "action", a->id, "end", a->end, false);
                if (iap_date_valid(a->start) && iap_date_valid(a->end) && strcmp(a->end, a->start) < 0)
                        add(v, "action", a->id, "end", N_("end date is before the start date"));
                if (a->budget_cents < 0)
                        add(v, "action", a->id, "budget", N_("must not be negative"));
                if (a->own_progress < 0 || a->own_progress > 1000)
                        add(v, "action", a->id, "progress", N_("progress must be from 0 to 100 %"));
                if (a->weight < 0 || a->weight > IAP_WEIGHT_MAX)
                        add(v, "action", a->id, "weight", N_("weight must be from 1 to 1000"));
                check_action_links(v, p, i);
                check_milestones(v, p, a);
                check_risks(v, p, a);
        }
}

static void check_values(V *v, const char *id, const char *field, const IapPeriodValue *pv, size_t n) {
        if (n > IAP_PERIODS_MAX)
                add(v, "indicator", id, field, N_("list is too long"));
        for (size_t k = 0; k < n && k < IAP_PERIODS_MAX; k++) {
                if (!iap_period_valid(pv[k].period))
                        add(v, "indicator", id, field, N_("period must be YYYY, YYYYQn or YYYY-MM"));
                for (size_t j = 0; j < k; j++)
                        if (pv[j].period && pv[k].period && strcmp(pv[j].period, pv[k].period) == 0)
                                add(v, "indicator", id, field, N_("period given twice"));
        }
}

static void check_indicators(V *v, const IapPlan *p) {
        for (size_t i = 0; i < p->n_indicators; i++) {
                const IapIndicator *d = &p->indicators[i];
                check_id(v, "indicator", d->id);
                check_text(v, p, "indicator", d->id, "name", &d->name, IAP_SHORT_MAX, true);
                check_text(v, p, "indicator", d->id, "source", &d->source, IAP_SHORT_MAX, false);
                check_str(v, "indicator", d->id, "unit", d->unit, IAP_SHORT_MAX, true);
                if (!d->objective_id && !d->action_id)
                        add(v, "indicator", d->id, "action", N_("required field is missing"));
                if (d->objective_id && iap_find_objective(p, d->objective_id) < 0)
                        add(v, "indicator", d->id, "objective", N_("refers to a record that does not exist"));
                if (d->action_id && iap_find_action(p, d->action_id) < 0)
                        add(v, "indicator", d->id, "action", N_("refers to a record that does not exist"));
                check_values(v, d->id, "targets", d->targets, d->n_targets);
                check_values(v, d->id, "actuals", d->actuals, d->n_actuals);
                if (d->from_platform)
                        check_str(v, "indicator", d->id, "platform_metric", d->platform_metric, IAP_SHORT_MAX, true);
        }
}

static void check_meetings(V *v, const IapPlan *p) {
        for (size_t i = 0; i < p->n_meetings; i++) {
                const IapMeeting *m = &p->meetings[i];
                check_id(v, "meeting", m->id);
                check_text(v, p, "meeting", m->id, "title", &m->title, IAP_SHORT_MAX, true);
                check_text(v, p, "meeting", m->id, "minutes", &m->minutes, IAP_TEXT_MAX, false);
                check_date(v, "meeting", m->id, "date", m->date, true);
                check_str(v, "meeting", m->id, "location", m->location, IAP_SHORT_MAX, false);
                if (m->registered < 0 || m->attended < 0)
                        add(v, "meeting", m->id, "attended", N_("must not be negative"));
                if ((unsigned)m->minutes_status >= IAP_MINUTES_STATUS_MAX || (unsigned)m->kind >= IAP_MEETING_KIND_MAX)
                        add(v, "meeting", m->id, "status", N_("unknown value"));
        }
}

static void check_others(V *v, const IapPlan *p) {
        for (size_t i = 0; i < p->n_testing; i++) {
                const IapTestingAction *t = &p->testing[i];
                check_id(v, "testing_action", t->id);
                check_text(v, p, "testing_action", t->id, "challenge", &t->challenge, IAP_TEXT_MAX, true);
                if (t->action_id && iap_find_action(p, t->action_id) < 0)
                        add(v, "testing_action", t->id, "action", N_("refers to a record that does not exist"));
                if ((unsigned)t->decision >= IAP_DECISION_MAX)
                        add(v, "testing_action", t->id, "decision", N_("unknown value"));
        }
        for (size_t i = 0; i < p->n_problems; i++) {
                const IapProblemNode *n = &p->problems[i];
                check_id(v, "problem", n->id);
                check_text(v, p, "problem", n->id, "text", &n->text, IAP_TEXT_MAX, true);
                if ((unsigned)n->kind >= IAP_NODE_KIND_MAX)
                        add(v, "problem", n->id, "kind", N_("unknown value"));
        }
        for (size_t i = 0; i < p->n_stakeholders; i++) {
                const IapStakeholder *s = &p->stakeholders[i];
                check_str(v, "stakeholder", s->id, "organisation", s->organisation, IAP_SHORT_MAX, true);
                if (s->influence < 1 || s->influence > 5 || s->interest < 1 || s->interest > 5)
                        add(v, "stakeholder", s->id, "influence", N_("must be from 1 to 5"));
        }
        for (size_t i = 0; i < p->n_practices; i++) {
                const IapPractice *g = &p->practices[i];
                check_id(v, "practice", g->id);
                if ((unsigned)g->kind >= IAP_PRACTICE_KIND_MAX)
                        add(v, "practice", g->id, "kind", N_("unknown value"));
                check_str(v, "practice", g->id, "title", g->title, IAP_SHORT_MAX, true);
                const char *shorts[] = {g->partner, g->email, g->author, g->body_in_charge, g->link, g->timescale};
                static const char *const names[] = {"partner", "email", "author", "body_in_charge", "link", "timescale"};
                for (size_t k = 0; k < 6; k++)
                        check_str(v, "practice", g->id, names[k], shorts[k], IAP_SHORT_MAX, false);
                if (g->email && *g->email && !strchr(g->email, '@'))
                        add(v, "practice", g->id, "email", N_("not an e-mail address"));
                const IapText *texts[] = {&g->thematic_objectives, &g->abstract, &g->activities, &g->what_worked,
                                          &g->useful_exchanges, &g->useful_iap, &g->people};
                for (size_t k = 0; k < 7; k++)
                        check_text(v, p, "practice", g->id, "text", texts[k], IAP_TEXT_MAX, false);
        }
        for (size_t i = 0; i < p->n_meetings; i++)
                for (size_t k = 0; k < p->meetings[i].n_decisions; k++)
                        check_text(v, p, "meeting", p->meetings[i].id, "decisions", &p->meetings[i].decisions[k],
                                   IAP_TEXT_MAX, true);
        check_date(v, "vision", NULL, "date", p->vision.date, false);
        check_text(v, p, "vision", NULL, "headline", &p->vision.headline, IAP_SHORT_MAX, false);
        check_text(v, p, "vision", NULL, "story", &p->vision.story, IAP_TEXT_MAX, false);
}

int iap_plan_validate(const IapPlan *p, IapProblem *out, size_t cap, size_t *ret_n) {
        V v = {out, out ? cap : 0, 0};
        if (!p)
                return -EINVAL;
        check_str(&v, "plan", p->city_slug, "city", p->city_slug, IAP_REC_ID_MAX, true);
        check_text(&v, p, "plan", p->city_slug, "title", &p->title, IAP_SHORT_MAX, true);
        if ((unsigned)p->lang >= LANG_MAX)
                add(&v, "plan", p->city_slug, "lang", N_("unknown value"));
        if (p->n_actions > IAP_RECORDS_MAX || p->n_indicators > IAP_RECORDS_MAX ||
            p->n_objectives > IAP_RECORDS_MAX || p->n_meetings > IAP_RECORDS_MAX)
                add(&v, "plan", p->city_slug, "records", N_("list is too long"));
        else {
                check_objectives(&v, p);
                check_actions(&v, p);
                check_indicators(&v, p);
                check_meetings(&v, p);
                check_others(&v, p);
        }
        if (ret_n)
                *ret_n = v.n;
        return v.n ? -EINVAL : 0;
}
