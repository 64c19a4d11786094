/* Milestones of an action, sub-action links and the progress roll-up as
 * the pages tell it. */
#include "domain/workspace/actions.h"
#include "domain/workspace/workspace.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

json_t *ws_milestone_get(json_t *action, const char *ms_id) {
        size_t i;
        json_t *m;
        json_array_foreach(json_object_get(action, "milestones"), i, m) {
                const char *id = json_string_value(json_object_get(m, "id"));
                if (id && ms_id && strcmp(id, ms_id) == 0)
                        return m;
        }
        return NULL;
}

/* The highest milestone number the action has used: its counter, or the
 * ids of milestones written before there was one (the demo plans' "m2"). */
static long seq_of(json_t *action) {
        long seq = (long)json_integer_value(json_object_get(action, "milestone_seq"));
        size_t i;
        json_t *m;
        json_array_foreach(json_object_get(action, "milestones"), i, m) {
                const char *id = json_string_value(json_object_get(m, "id"));
                char *end = "";
                long k = id && id[0] == 'm' ? strtol(id + 1, &end, 10) : 0;
                if (k > seq && *end == '\0')
                        seq = k;
        }
        return seq < 0 ? 0 : seq;
}

static int one_problem(WsProblem *out, size_t *ret_n, const char *field, const char *msgid, int r) {
        out[0] = (WsProblem){ field, msgid };
        *ret_n = 1;
        return r;
}

static int add(Arena *a, json_t *action, Lang local, WsGetFn get, void *ctx, WsProblem *out, size_t *ret_n,
               const char **ret_id) {
        json_t *arr = json_object_get(action, "milestones");
        if (json_array_size(arr) >= WS_MILESTONES_MAX)
                return one_problem(out, ret_n, NULL, N_("this action already has the most milestones it may have"),
                                   -E2BIG);
        long next = seq_of(action) + 1;
        const char *id = arena_printf(a, "m%ld", next);
        json_t *m = id ? json_pack("{s:s, s:b}", "id", id, "done", 0) : NULL;
        if (!m)
                return -ENOMEM;
        int r = ws_form_apply(a, ws_milestone_form(), m, local, get, ctx, out, ret_n);
        if (r == 0 && !json_is_array(arr)) {
                arr = json_array();
                r = arr && json_object_set_new(action, "milestones", arr) == 0 ? 0 : -ENOMEM;
        }
        if (r == 0)
                r = json_array_append(arr, m) == 0 &&
                                    json_object_set_new(action, "milestone_seq", json_integer(next)) == 0
                            ? 0
                            : -ENOMEM;
        json_decref(m);
        if (r == 0 && ret_id)
                *ret_id = id;
        return r;
}

static int remove_one(json_t *action, const char *ms_id) {
        json_t *arr = json_object_get(action, "milestones");
        for (size_t i = 0; i < json_array_size(arr); i++)
                if (json_array_get(arr, i) == ws_milestone_get(action, ms_id))
                        return json_array_remove(arr, i) == 0 ? 0 : -ENOMEM;
        return -ENOENT;
}

int ws_milestone_apply(Arena *a, json_t *action, Lang local, WsMilestoneOp op, const char *ms_id, WsGetFn get,
                       void *ctx, WsProblem *out, size_t *ret_n, const char **ret_id) {
        *ret_n = 0;
        json_t *arr = json_object_get(action, "milestones");
        if (!json_is_object(action) || !get || op >= WS_MS_OP_MAX || (arr && !json_is_array(arr)))
                return -EINVAL;
        if (op == WS_MS_ADD)
                return add(a, action, local, get, ctx, out, ret_n, ret_id);
        if (!ms_id || strlen(ms_id) > WS_MILESTONE_ID_MAX)
                return -ENOENT;
        json_t *m = ws_milestone_get(action, ms_id);
        if (!m)
                return -ENOENT;
        if (ret_id)
                *ret_id = json_string_value(json_object_get(m, "id"));
        if (op == WS_MS_REMOVE)
                return remove_one(action, ms_id);
        if (op == WS_MS_EDIT)
                return ws_form_apply(a, ws_milestone_form(), m, local, get, ctx, out, ret_n);
        const char *done = get(ctx, "done");
        if (!done || (strcmp(done, "1") != 0 && strcmp(done, "0") != 0))
                return one_problem(out, ret_n, NULL, N_("unknown value"), -EINVAL);
        return json_object_set_new(m, "done", json_boolean(done[0] == '1')) == 0 ? 0 : -ENOMEM;
}

typedef struct MsChange {
        WsMilestoneOp op;
        const char *ms_id, *id;
        WsGetFn get;
        void *ctx;
} MsChange;

static int ms_change(Arena *a, json_t *rec, Lang local, void *ctx, WsSaveResult *res) {
        MsChange *c = ctx;
        return ws_milestone_apply(a, rec, local, c->op, c->ms_id, c->get, c->ctx, res->problems, &res->n_problems,
                                  &c->id);
}

int ws_milestone_save(Store *s, Arena *a, const City *city, const char *action_id, int64_t expected_version,
                      WsMilestoneOp op, const char *ms_id, WsGetFn get, void *ctx, WsSaveResult *ret) {
        MsChange c = { .op = op, .ms_id = ms_id, .get = get, .ctx = ctx };
        const WsForm *form = ws_form_by_slug("actions");
        int r = ws_change(s, a, city, form, action_id, expected_version, ms_change, &c, ret);
        if (r == 0)
                ret->rec_id = c.id;
        return r;
}

/* The "parent" of the stored action id (copied into buf), or NULL. */
static const char *parent_of(const IapRecordRow *rows, size_t n, const char *id, char *buf, size_t cap) {
        for (size_t i = 0; i < n; i++) {
                if (strcmp(rows[i].kind, "action") != 0 || strcmp(rows[i].rec_id, id) != 0)
                        continue;
                json_t *doc = ws_row_doc(&rows[i]);
                const char *p = json_string_value(json_object_get(doc, "parent"));
                int w = p ? snprintf(buf, cap, "%s", p) : -1;
                json_decref(doc);
                return w >= 0 && (size_t)w < cap ? buf : NULL;
        }
        return NULL;
}

bool ws_action_parent_cycle(json_t *rec, const IapRecordRow *rows, size_t n) {
        const char *id = json_string_value(json_object_get(rec, "id"));
        const char *cur = json_string_value(json_object_get(rec, "parent"));
        char buf[2][IAP_REC_ID_MAX * 4 + 1];
        /* Each step goes one action up; more steps than actions is a loop
         * among the others, which the plan's own check reports. */
        for (size_t step = 0; id && cur && step <= n; step++) {
                if (strcmp(cur, id) == 0)
                        return true;
                cur = parent_of(rows, n, cur, buf[step % 2], sizeof buf[0]);
        }
        return false;
}

int ws_action_rollup(const IapPlan *p, const char *action_id, WsRollup *ret) {
        long idx = iap_find_action(p, action_id);
        if (idx < 0)
                return -ENOENT;
        WsRollup ru = { 0 };
        int r = iap_action_progress(p, (size_t)idx, &ru.permille);
        if (r < 0)
                return r;
        for (size_t i = 0; i < p->n_actions; i++)
                ru.n_sub += p->actions[i].parent_id && strcmp(p->actions[i].parent_id, action_id) == 0 &&
                            i != (size_t)idx;
        const IapAction *ac = &p->actions[idx];
        ru.n_milestones = ac->n_milestones;
        for (size_t i = 0; i < ac->n_milestones; i++)
                ru.n_done += ac->milestones[i].done;
        ru.own = ru.n_sub == 0 && ru.n_milestones == 0;
        *ret = ru;
        return 0;
}

int ws_milestone_events(const IapPlan *p, Lang lang, Arena *a, CalEvent **ret, size_t *ret_n) {
        size_t total = 0, k = 0;
        for (size_t i = 0; i < p->n_actions; i++)
                total += p->actions[i].n_milestones;
        CalEvent *ev = arena_alloc(a, (total ? total : 1) * sizeof *ev);
        if (!ev)
                return -ENOMEM;
        const char *city = p->city_name ? p->city_name : p->city_slug;
        for (size_t i = 0; i < p->n_actions; i++) {
                const IapAction *ac = &p->actions[i];
                for (size_t m = 0; m < ac->n_milestones; m++) {
                        const IapMilestone *ms = &ac->milestones[m];
                        if (!ms->due || !ms->id || !ac->id)
                                continue;
                        ev[k] = (CalEvent){ .city_slug = p->city_slug, .kind = "milestone", .starts_on = ms->due,
                                            .ends_on = ms->due, .details = iap_text_get(&ac->title, lang, NULL) };
                        ev[k].uid = arena_printf(a, "%s-milestone-%s-%s", p->city_slug, ac->id, ms->id);
                        ev[k].title = arena_printf(a, "%s: %s", city, iap_text_get(&ms->title, lang, NULL));
                        if (!ev[k].uid || !ev[k].title)
                                return -ENOMEM;
                        k++;
                }
        }
        *ret = ev;
        *ret_n = k;
        return 0;
}

int ws_calendar_add_milestones(Store *s, Arena *a, const City *city, Lang lang, CalEvent **ev, size_t *n) {
        IapPlan plan;
        CalEvent *ms;
        size_t k;
        int r = ws_load(s, a, city, &plan);
        if (r == 0)
                r = ws_milestone_events(&plan, lang, a, &ms, &k);
        CalEvent *all = r == 0 ? arena_alloc(a, (*n + k + 1) * sizeof *all) : NULL;
        if (r < 0 || !all)
                return r < 0 ? r : -ENOMEM;
        if (*n)
                memcpy(all, *ev, *n * sizeof *all);
        if (k)
                memcpy(all + *n, ms, k * sizeof *all);
        *ev = all;
        *n += k;
        return 0;
}
