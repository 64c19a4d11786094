#include "domain/iap/plan.h"

#include <errno.h>
#include <string.h>

#include "core/utf8.h"

static bool has(const char *s) {
        return s && *s;
}

int iap_text_set(Arena *a, IapText *t, Lang lang, const char *s) {
        if (!t || (lang != LANG_EN && lang != t->local_lang))
                return -EINVAL;
        if (!s)
                s = "";
        size_t n = strlen(s);
        if (n > IAP_TEXT_MAX)
                return -E2BIG;
        if (!utf8_valid(s, n))
                return -EINVAL;
        char *copy = arena_strndup(a, s, n);
        if (!copy)
                return -ENOMEM;
        bool was_empty = iap_text_empty(t);
        const char **side = lang == t->local_lang ? &t->local : &t->en;
        if (lang == LANG_EN && t->local_lang == LANG_EN)
                side = &t->en;
        *side = copy;
        if (was_empty) {
                t->source = lang;
                t->stale = false;
        } else if (lang == t->source) {
                const char *other = lang == LANG_EN ? t->local : t->en;
                t->stale = t->local_lang != LANG_EN && has(other);
        } else {
                t->stale = false;
        }
        return 0;
}

bool iap_text_empty(const IapText *t) {
        return !t || (!has(t->local) && !has(t->en));
}

const char *iap_text_get(const IapText *t, Lang lang, bool *ret_fallback) {
        bool fb = false;
        const char *s = "";
        if (t) {
                const char *want = lang == LANG_EN ? t->en : lang == t->local_lang ? t->local : t->en;
                const char *other = want == t->en ? t->local : t->en;
                if (has(want))
                        s = want;
                else if (has(other)) {
                        s = other;
                        fb = true;
                }
        }
        if (ret_fallback)
                *ret_fallback = fb;
        return s;
}

IapRiskLevel iap_risk_level(const IapRisk *r) {
        int v = r ? r->likelihood * r->impact : 0;
        return v >= 15 ? IAP_RISK_HIGH : v >= 8 ? IAP_RISK_MEDIUM : IAP_RISK_LOW;
}

const char *iap_risk_level_msgid(IapRiskLevel l) {
        static const char *const m[IAP_RISK_LEVEL_MAX] = {N_("low"), N_("medium"), N_("high")};
        return (unsigned)l < IAP_RISK_LEVEL_MAX ? m[l] : "";
}

const char *iap_indicator_status_msgid(IapIndicatorStatus s) {
        static const char *const m[IAP_IND_STATUS_MAX] = {N_("no data yet"), N_("insufficient data"),
                                                          N_("behind target"), N_("on track"), N_("achieved")};
        return (unsigned)s < IAP_IND_STATUS_MAX ? m[s] : "";
}

const char *iap_decision_msgid(IapDecision d) {
        static const char *const m[IAP_DECISION_MAX] = {N_("not decided"), N_("scale up"), N_("adapt"),
                                                        N_("drop")};
        return (unsigned)d < IAP_DECISION_MAX ? m[d] : "";
}

const char *iap_minutes_status_msgid(IapMinutesStatus s) {
        static const char *const m[IAP_MINUTES_STATUS_MAX] = {N_("draft"), N_("amended"), N_("final")};
        return (unsigned)s < IAP_MINUTES_STATUS_MAX ? m[s] : "";
}

int iap_platform_actual(const IapPlatformFigure *f, int min_group, int64_t *ret_value) {
        if (!f || f->value < 0 || f->group_size < 0 || f->value > f->group_size)
                return -EINVAL;
        if (min_group < 1)
                min_group = IAP_MIN_GROUP_SIZE_DEFAULT;
        if (f->group_size < min_group)
                return -ENODATA;
        *ret_value = f->value;
        return 0;
}

static const IapPeriodValue *find_period(const IapPeriodValue *v, size_t n, const char *period) {
        for (size_t i = 0; i < n; i++)
                if (v[i].period && period && strcmp(v[i].period, period) == 0)
                        return &v[i];
        return NULL;
}

static const IapPeriodValue *last_period(const IapPeriodValue *v, size_t n) {
        const IapPeriodValue *best = NULL;
        for (size_t i = 0; i < n; i++)
                if (v[i].period && (!best || strcmp(v[i].period, best->period) > 0))
                        best = &v[i];
        return best;
}

static bool meets(const IapIndicator *ind, int64_t actual, int64_t target) {
        return ind->decrease ? actual <= target : actual >= target;
}

/* (actual - baseline) / (final - baseline) in permille, clamped; integer. */
static int progress_to(const IapIndicator *ind, int64_t actual, int64_t final) {
        __int128 span = (__int128)final - ind->baseline, done = (__int128)actual - ind->baseline;
        if (span == 0)
                return meets(ind, actual, final) ? 1000 : 0;
        __int128 pm = done * 1000 / span;
        return pm < 0 ? 0 : pm > 1000 ? 1000 : (int)pm;
}

IapIndicatorStatus iap_indicator_status(const IapIndicator *ind, const char *period, bool insufficient,
                                        int *ret_progress) {
        if (ret_progress)
                *ret_progress = 0;
        if (!ind)
                return IAP_IND_NO_DATA;
        if (insufficient)
                return IAP_IND_INSUFFICIENT;
        const IapPeriodValue *act = find_period(ind->actuals, ind->n_actuals, period);
        const IapPeriodValue *fin = last_period(ind->targets, ind->n_targets);
        if (!act)
                return IAP_IND_NO_DATA;
        if (act->insufficient)
                return IAP_IND_INSUFFICIENT;
        if (fin && ret_progress)
                *ret_progress = progress_to(ind, act->value, fin->value);
        if (fin && meets(ind, act->value, fin->value))
                return IAP_IND_ACHIEVED;
        const IapPeriodValue *tgt = find_period(ind->targets, ind->n_targets, period);
        if (!tgt)
                return fin ? IAP_IND_BEHIND : IAP_IND_NO_DATA;
        return meets(ind, act->value, tgt->value) ? IAP_IND_ON_TRACK : IAP_IND_BEHIND;
}

int iap_minutes_transition(IapMeeting *m, IapMinutesStatus to, IapRole who) {
        if (!m || (unsigned)to >= IAP_MINUTES_STATUS_MAX || (unsigned)who >= IAP_ROLE_MAX)
                return -EINVAL;
        IapMinutesStatus from = m->minutes_status;
        bool exists = (from == IAP_MINUTES_DRAFT && to == IAP_MINUTES_AMENDED) ||
                      (from == IAP_MINUTES_AMENDED && (to == IAP_MINUTES_AMENDED || to == IAP_MINUTES_FINAL));
        if (!exists)
                return -EINVAL;
        if (to == IAP_MINUTES_FINAL ? who != IAP_ROLE_COORDINATOR
                                    : who != IAP_ROLE_ATTENDEE && who != IAP_ROLE_COORDINATOR)
                return -EACCES;
        m->minutes_status = to;
        return 0;
}

bool iap_minutes_editable(const IapMeeting *m, IapRole who) {
        return m && m->minutes_status != IAP_MINUTES_FINAL &&
               (who == IAP_ROLE_ATTENDEE || who == IAP_ROLE_COORDINATOR);
}

long iap_find_action(const IapPlan *p, const char *id) {
        for (size_t i = 0; p && id && i < p->n_actions; i++)
                if (p->actions[i].id && strcmp(p->actions[i].id, id) == 0)
                        return (long)i;
        return -1;
}

long iap_find_objective(const IapPlan *p, const char *id) {
        for (size_t i = 0; p && id && i < p->n_objectives; i++)
                if (p->objectives[i].id && strcmp(p->objectives[i].id, id) == 0)
                        return (long)i;
        return -1;
}

static int clamp_weight(int w) {
        return w < 1 ? 1 : w > IAP_WEIGHT_MAX ? IAP_WEIGHT_MAX : w;
}

static int progress_rec(const IapPlan *p, size_t idx, int depth, int *ret) {
        if (depth > IAP_DEPTH_MAX)
                return -ELOOP;
        const IapAction *a = &p->actions[idx];
        long long sum = 0, wsum = 0;
        for (size_t i = 0; i < p->n_actions; i++) {
                const IapAction *c = &p->actions[i];
                if (i == idx || !c->parent_id || !a->id || strcmp(c->parent_id, a->id) != 0)
                        continue;
                int cp, r = progress_rec(p, i, depth + 1, &cp);
                if (r < 0)
                        return r;
                sum += (long long)clamp_weight(c->weight) * cp;
                wsum += clamp_weight(c->weight);
        }
        for (size_t i = 0; i < a->n_milestones; i++) {
                int w = clamp_weight(a->milestones[i].weight);
                sum += a->milestones[i].done ? 1000LL * w : 0;
                wsum += w;
        }
        if (wsum == 0) {
                int own = a->own_progress;
                *ret = own < 0 ? 0 : own > 1000 ? 1000 : own;
        } else {
                *ret = (int)((2 * sum + wsum) / (2 * wsum));
        }
        return 0;
}

int iap_action_progress(const IapPlan *p, size_t idx, int *ret_permille) {
        if (!p || idx >= p->n_actions)
                return -EINVAL;
        return progress_rec(p, idx, 0, ret_permille);
}

static bool action_under(const IapPlan *p, const IapAction *a, const char *objective_id) {
        if (!a->objective_id || a->parent_id)
                return false;
        if (strcmp(a->objective_id, objective_id) == 0)
                return true;
        long o = iap_find_objective(p, a->objective_id);
        return o >= 0 && p->objectives[o].parent_id && strcmp(p->objectives[o].parent_id, objective_id) == 0;
}

int iap_objective_progress(const IapPlan *p, const char *objective_id, int *ret_permille) {
        if (!p || !objective_id)
                return -EINVAL;
        long long sum = 0, wsum = 0;
        for (size_t i = 0; i < p->n_actions; i++) {
                if (!action_under(p, &p->actions[i], objective_id))
                        continue;
                int v, r = iap_action_progress(p, i, &v);
                if (r < 0)
                        return r;
                sum += (long long)clamp_weight(p->actions[i].weight) * v;
                wsum += clamp_weight(p->actions[i].weight);
        }
        if (wsum == 0)
                return -ENOENT;
        *ret_permille = (int)((2 * sum + wsum) / (2 * wsum));
        return 0;
}

int iap_plan_budget(const IapPlan *p, int64_t *ret_cents) {
        if (!p)
                return -EINVAL;
        int64_t total = 0;
        for (size_t i = 0; i < p->n_actions; i++)
                if (__builtin_add_overflow(total, p->actions[i].budget_cents, &total))
                        return -E2BIG;
        *ret_cents = total;
        return 0;
}
