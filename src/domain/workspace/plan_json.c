#include "domain/workspace/plan_json.h"

#include <errno.h>
#include <string.h>

#include "domain/workspace/selfcheck.h"

static const char *const kind_names[WS_KIND_MAX] = {
        "plan", "problem", "objective", "action", "indicator", "testing", "practice", "meeting", "stakeholder", "round",
};

const char *ws_kind_name(WsKind k) { return k < WS_KIND_MAX ? kind_names[k] : NULL; }

int ws_kind_parse(const char *s, WsKind *ret) {
        for (int i = 0; s && i < WS_KIND_MAX; i++)
                if (strcmp(s, kind_names[i]) == 0) {
                        *ret = (WsKind)i;
                        return 0;
                }
        return -EINVAL;
}

/* Decoding context: the arena, the local language, the first bad field. */
typedef struct Dec {
        Arena *a;
        Lang local;
        const char *bad;
} Dec;

static const char *str(Dec *d, json_t *o, const char *k) {
        json_t *v = json_object_get(o, k);
        if (!v || json_is_null(v))
                return NULL;
        if (!json_is_string(v)) {
                d->bad = d->bad ? d->bad : k;
                return NULL;
        }
        return arena_strdup(d->a, json_string_value(v));
}

static int64_t num(Dec *d, json_t *o, const char *k, int64_t def) {
        json_t *v = json_object_get(o, k);
        if (!v)
                return def;
        if (!json_is_integer(v)) {
                d->bad = d->bad ? d->bad : k;
                return def;
        }
        return json_integer_value(v);
}

static bool flag(json_t *o, const char *k) { return json_is_true(json_object_get(o, k)); }

static IapText text(Dec *d, json_t *o, const char *k) {
        IapText t = { .local_lang = d->local, .source = LANG_EN };
        json_t *v = json_object_get(o, k);
        if (json_is_string(v)) {
                t.en = arena_strdup(d->a, json_string_value(v));
        } else if (json_is_object(v)) {
                t.en = str(d, v, "en");
                t.local = str(d, v, "local");
                const char *src = json_string_value(json_object_get(v, "source"));
                t.source = src && strcmp(src, "local") == 0 ? d->local : LANG_EN;
                t.stale = flag(v, "stale");
        } else if (v && !json_is_null(v)) {
                d->bad = d->bad ? d->bad : k;
        }
        return t;
}

/* Grows *arr (of *n items of size sz) by one zeroed item in the arena. */
static void *grow(Arena *a, void **arr, size_t *n, size_t sz) {
        if (*n >= IAP_RECORDS_MAX)
                return NULL;
        void *bigger = arena_alloc(a, (*n + 1) * sz);
        if (!bigger)
                return NULL;
        if (*n)
                memcpy(bigger, *arr, *n * sz);
        *arr = bigger;
        return (char *)bigger + (*n)++ * sz;
}
#define GROW(d, arr, n) grow((d)->a, (void **)&(arr), &(n), sizeof(*(arr)))

static int enum_of(Dec *d, json_t *o, const char *k, const char *const *names, int count, int def) {
        const char *s = json_string_value(json_object_get(o, k));
        if (!s)
                return def;
        for (int i = 0; i < count; i++)
                if (names[i] && strcmp(s, names[i]) == 0)
                        return i;
        d->bad = d->bad ? d->bad : k;
        return def;
}

static void dec_plan(Dec *d, IapPlan *p, json_t *o) {
        p->title = text(d, o, "title");
        p->theme = text(d, o, "theme");
        p->current_situation = text(d, o, "current_situation");
        p->related_strategies = text(d, o, "related_strategies");
        json_t *v = json_object_get(o, "vision");
        p->vision.headline = text(d, v, "headline");
        p->vision.date = str(d, v, "date");
        p->vision.story = text(d, v, "story");
        p->integration_challenges = text(d, o, "integration_challenges");
        p->overall_logic = text(d, o, "overall_logic");
        p->integrated_approach = text(d, o, "integrated_approach");
        p->governance = text(d, o, "governance");
        p->monitoring = text(d, o, "monitoring");
        p->funding = text(d, o, "funding");
        p->communication = text(d, o, "communication");
}

static int dec_problem(Dec *d, IapPlan *p, json_t *o) {
        static const char *const kinds[] = { "problem", "cause", "effect" };
        IapProblemNode *n = GROW(d, p->problems, p->n_problems);
        if (!n)
                return -E2BIG;
        n->id = str(d, o, "id");
        n->parent_id = str(d, o, "parent");
        n->kind = (IapNodeKind)enum_of(d, o, "kind", kinds, 3, IAP_NODE_CAUSE);
        n->text = text(d, o, "text");
        return 0;
}

static int dec_objective(Dec *d, IapPlan *p, json_t *o) {
        IapObjective *ob = GROW(d, p->objectives, p->n_objectives);
        if (!ob)
                return -E2BIG;
        ob->id = str(d, o, "id");
        ob->parent_id = str(d, o, "parent");
        ob->title = text(d, o, "title");
        ob->description = text(d, o, "description");
        return 0;
}

static int dec_milestones_risks(Dec *d, IapAction *ac, json_t *o) {
        size_t i;
        json_t *v;
        json_array_foreach(json_object_get(o, "milestones"), i, v) {
                IapMilestone *m = GROW(d, ac->milestones, ac->n_milestones);
                if (!m)
                        return -E2BIG;
                *m = (IapMilestone){ .id = str(d, v, "id"), .title = text(d, v, "title"), .due = str(d, v, "due"),
                                     .done = flag(v, "done"), .weight = (int)num(d, v, "weight", 1) };
        }
        json_array_foreach(json_object_get(o, "risks"), i, v) {
                IapRisk *r = GROW(d, ac->risks, ac->n_risks);
                if (!r)
                        return -E2BIG;
                *r = (IapRisk){ .description = text(d, v, "description"), .mitigation = text(d, v, "mitigation"),
                                .likelihood = (int)num(d, v, "likelihood", 1), .impact = (int)num(d, v, "impact", 1) };
        }
        return 0;
}

static int dec_action(Dec *d, IapPlan *p, json_t *o) {
        IapAction *ac = GROW(d, p->actions, p->n_actions);
        if (!ac)
                return -E2BIG;
        ac->id = str(d, o, "id");
        ac->objective_id = str(d, o, "objective");
        ac->parent_id = str(d, o, "parent");
        ac->weight = (int)num(d, o, "weight", 1);
        ac->own_progress = (int)num(d, o, "progress", 0);
        ac->title = text(d, o, "title");
        ac->description = text(d, o, "description");
        ac->intended_results = text(d, o, "intended_results");
        ac->resources = text(d, o, "resources");
        ac->main_outputs = text(d, o, "main_outputs");
        ac->long_term_change = text(d, o, "long_term_change");
        ac->start = str(d, o, "start");
        ac->end = str(d, o, "end");
        ac->responsible = text(d, o, "responsible");
        ac->funding_source = text(d, o, "funding_source");
        ac->outputs = text(d, o, "outputs");
        ac->connected = text(d, o, "connected");
        ac->implementation = text(d, o, "implementation");
        ac->budget_cents = num(d, o, "budget_cents", 0);
        return dec_milestones_risks(d, ac, o);
}

static int dec_periods(Dec *d, json_t *o, const char *k, IapPeriodValue **arr, size_t *n) {
        const char *key;
        json_t *v;
        json_t *obj = json_object_get(o, k);
        if (obj && !json_is_object(obj)) {
                d->bad = d->bad ? d->bad : k;
                return 0;
        }
        json_object_foreach(obj, key, v) {
                if (*n >= IAP_PERIODS_MAX)
                        return -E2BIG;
                IapPeriodValue *pv = grow(d->a, (void **)arr, n, sizeof(**arr));
                if (!pv)
                        return -ENOMEM;
                pv->period = arena_strdup(d->a, key);
                if (!json_is_integer(v))
                        d->bad = d->bad ? d->bad : k;
                pv->value = json_integer_value(v);
        }
        return 0;
}

static int dec_indicator(Dec *d, IapPlan *p, json_t *o) {
        IapIndicator *in = GROW(d, p->indicators, p->n_indicators);
        if (!in)
                return -E2BIG;
        in->id = str(d, o, "id");
        in->objective_id = str(d, o, "objective");
        in->action_id = str(d, o, "action");
        in->name = text(d, o, "name");
        in->source = text(d, o, "source");
        in->unit = str(d, o, "unit");
        in->decrease = flag(o, "decrease");
        in->baseline = num(d, o, "baseline", 0);
        in->platform_metric = str(d, o, "platform_metric");
        in->from_platform = in->platform_metric != NULL;
        int r = dec_periods(d, o, "targets", &in->targets, &in->n_targets);
        return r ? r : dec_periods(d, o, "actuals", &in->actuals, &in->n_actuals);
}

static int dec_testing(Dec *d, IapPlan *p, json_t *o) {
        static const char *const decisions[] = { "none", "scale-up", "adapt", "drop" };
        IapTestingAction *t = GROW(d, p->testing, p->n_testing);
        if (!t)
                return -E2BIG;
        t->id = str(d, o, "id");
        t->action_id = str(d, o, "action");
        t->challenge = text(d, o, "challenge");
        t->what_if = text(d, o, "what_if");
        t->test_if = text(d, o, "test_if");
        t->idea = text(d, o, "idea");
        t->measurement = text(d, o, "measurement");
        t->what_happened = text(d, o, "what_happened");
        t->result = text(d, o, "result");
        t->decision = (IapDecision)enum_of(d, o, "decision", decisions, 4, IAP_DECISION_NONE);
        return 0;
}

static int dec_practice(Dec *d, IapPlan *p, json_t *o) {
        static const char *const kinds[] = { "good-practice", "case-example" };
        IapPractice *pr = GROW(d, p->practices, p->n_practices);
        if (!pr)
                return -E2BIG;
        pr->id = str(d, o, "id");
        pr->kind = (IapPracticeKind)enum_of(d, o, "kind", kinds, 2, IAP_GOOD_PRACTICE);
        pr->partner = str(d, o, "partner");
        pr->email = str(d, o, "email");
        pr->author = str(d, o, "author");
        pr->body_in_charge = str(d, o, "body_in_charge");
        pr->title = str(d, o, "title");
        pr->link = str(d, o, "link");
        pr->timescale = str(d, o, "timescale");
        pr->thematic_objectives = text(d, o, "thematic_objectives");
        pr->abstract = text(d, o, "abstract");
        pr->activities = text(d, o, "activities");
        pr->what_worked = text(d, o, "what_worked");
        pr->useful_exchanges = text(d, o, "useful_exchanges");
        pr->useful_iap = text(d, o, "useful_iap");
        pr->people = text(d, o, "people");
        pr->testing_action = flag(o, "testing_action");
        pr->study_visit = flag(o, "study_visit");
        return 0;
}

static int dec_meeting(Dec *d, IapPlan *p, json_t *o) {
        static const char *const kinds[] = { "ulg", "network", "online" };
        static const char *const status[] = { "draft", "amended", "final" };
        IapMeeting *m = GROW(d, p->meetings, p->n_meetings);
        if (!m)
                return -E2BIG;
        m->id = str(d, o, "id");
        m->kind = (IapMeetingKind)enum_of(d, o, "kind", kinds, 3, IAP_MEETING_ULG);
        m->title = text(d, o, "title");
        m->agenda = text(d, o, "agenda");
        m->minutes = text(d, o, "minutes");
        m->date = str(d, o, "date");
        m->location = str(d, o, "location");
        m->registered = (int)num(d, o, "registered", 0);
        m->attended = (int)num(d, o, "attended", 0);
        m->minutes_status = (IapMinutesStatus)enum_of(d, o, "minutes_status", status, 3, IAP_MINUTES_DRAFT);
        size_t i;
        json_t *v;
        json_array_foreach(json_object_get(o, "decisions"), i, v) {
                IapText *t = GROW(d, m->decisions, m->n_decisions);
                if (!t)
                        return -E2BIG;
                json_t *wrap = json_pack("{s:O}", "t", v);
                *t = text(d, wrap, "t");
                json_decref(wrap);
        }
        return 0;
}

static int dec_stakeholder(Dec *d, IapPlan *p, json_t *o) {
        IapStakeholder *s = GROW(d, p->stakeholders, p->n_stakeholders);
        if (!s)
                return -E2BIG;
        *s = (IapStakeholder){ .id = str(d, o, "id"), .organisation = str(d, o, "organisation"),
                               .sector = str(d, o, "sector"), .role = str(d, o, "role"),
                               .influence = (int)num(d, o, "influence", 1), .interest = (int)num(d, o, "interest", 1) };
        json_t *ulg = json_object_get(o, "ulg");
        const char *v = json_string_value(ulg);
        s->ulg_member = json_is_true(ulg) || (v && strcmp(v, "yes") == 0);
        if (ulg && !v && !json_is_boolean(ulg))
                d->bad = d->bad ? d->bad : "ulg";
        return 0;
}

int ws_plan_add(Arena *a, IapPlan *p, WsKind k, json_t *rec, const char **ret_field) {
        if (!json_is_object(rec)) {
                if (ret_field)
                        *ret_field = ws_kind_name(k);
                return -EINVAL;
        }
        Dec d = { .a = a, .local = p->lang };
        int r = 0;
        switch (k) {
        case WS_PLAN: dec_plan(&d, p, rec); break;
        case WS_PROBLEM: r = dec_problem(&d, p, rec); break;
        case WS_OBJECTIVE: r = dec_objective(&d, p, rec); break;
        case WS_ACTION: r = dec_action(&d, p, rec); break;
        case WS_INDICATOR: r = dec_indicator(&d, p, rec); break;
        case WS_TESTING: r = dec_testing(&d, p, rec); break;
        case WS_PRACTICE: r = dec_practice(&d, p, rec); break;
        case WS_MEETING: r = dec_meeting(&d, p, rec); break;
        case WS_STAKEHOLDER: r = dec_stakeholder(&d, p, rec); break;
        case WS_ROUND: /* rubric rounds are read by rounds.c; the latest self-assessment goes in section 2 */
                r = ws_selfcheck_is(rec) ? ws_selfcheck_plan_add(a, p, rec) : 0;
                if (r == -EINVAL)
                        d.bad = "round";
                break;
        default: r = -EINVAL;
        }
        if (r == 0 && d.bad)
                r = -EINVAL;
        if (r < 0 && ret_field)
                *ret_field = d.bad ? d.bad : ws_kind_name(k);
        return r;
}
