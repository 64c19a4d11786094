/* Actions in the workspace: the action form's new fields (own progress in
 * per cent, weight, sub-action links, risk mitigation), milestones added,
 * edited, ticked and removed (limits, hostile input, stable ids), saving
 * them over the action's version in a real store, sub-action cycles, and
 * the progress roll-up after each change. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/workspace/actions.h"
#include "domain/workspace/workspace.h"
#include "test.h"
#include "ws_fixture.h"

static const WsField *field(const WsForm *f, const char *key) {
        for (size_t i = 0; i < f->n_fields; i++)
                if (strcmp(f->fields[i].key, key) == 0)
                        return &f->fields[i];
        return NULL;
}

static int apply_action(Arena *a, json_t *rec, const char *const *kv, WsProblem *p, size_t *n) {
        Kv ctx = { kv };
        return ws_form_apply(a, ws_form_by_slug("actions"), rec, LANG_SL, kv_get, &ctx, p, n);
}

static void test_action_fields(Arena *a) {
        const WsForm *f = ws_form_by_slug("actions");
        const char *const keys[] = { "parent", "weight", "progress", "outputs", "connected", "implementation",
                                     "risk1_mitigation", "risk2_mitigation" };
        for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
                CHECK(field(f, keys[i]) != NULL, "the action form edits \"%s\"", keys[i]);
        CHECK(field(f, "parent")->type == WS_FT_REF && field(f, "parent")->ref == WS_ACTION,
              "\"sub-action of\" refers to another action");
        CHECK(field(f, "outputs")->type == WS_FT_LONG && field(f, "implementation")->type == WS_FT_LONG,
              "outputs and implementation details are bilingual long texts");
        CHECK(field(f, "weight")->max == IAP_WEIGHT_MAX, "weight up to IAP_WEIGHT_MAX");
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        struct {
                const char *in;
                int ok;
                long long permille;
        } pct[] = { { "47", 1, 470 },    { "47.5", 1, 475 },  { "100", 1, 1000 },  { "0", 1, 0 },      { "0.1", 1, 1 },
                    { "100.1", 0, 0 },   { "101", 0, 0 },     { "-1", 0, 0 },      { "1e2", 0, 0 },    { " 5", 0, 0 },
                    { "47,5", 0, 0 },    { "47.55", 0, 0 },   { "47.", 0, 0 },     { ".5", 0, 0 },     { "+5", 0, 0 },
                    { "<script>", 0, 0 }, { "5\r\n", 0, 0 },  { "1000", 0, 0 },    { "\xc3\x28", 0, 0 } };
        for (size_t i = 0; i < sizeof pct / sizeof *pct; i++) {
                json_t *rec = json_object();
                const char *const kv[] = { "title_local", "A", "objective", "o1", "progress", pct[i].in, NULL };
                int r = apply_action(a, rec, kv, p, &n);
                CHECK(pct[i].ok ? r == 0 && json_integer_value(json_object_get(rec, "progress")) == pct[i].permille
                                : r == -EINVAL && n >= 1 && strcmp(p[0].field, "progress") == 0,
                      "own progress case %zu (\"%s\") %s", i, strchr(pct[i].in, '\r') ? "CR LF" : pct[i].in,
                      pct[i].ok ? "accepted" : "refused");
                json_decref(rec);
        }
        json_t *rec = json_pack("{s:i}", "progress", 475);
        CHECK_STREQ(ws_form_value(a, field(f, "progress"), rec, LANG_SL, WS_SIDE_PLAIN), "47.5", "475 ‰ shows as 47.5");
        json_object_set_new(rec, "progress", json_integer(1000));
        CHECK_STREQ(ws_form_value(a, field(f, "progress"), rec, LANG_SL, WS_SIDE_PLAIN), "100", "1000 ‰ shows as 100");
        json_decref(rec);
        struct {
                const char *w;
                int want;
        } weights[] = { { "1", 0 }, { "1000", 0 }, { "0", -EINVAL }, { "1001", -EINVAL }, { "-1", -EINVAL }, { "", 0 } };
        for (size_t i = 0; i < sizeof weights / sizeof *weights; i++) {
                rec = json_object();
                const char *const kv[] = { "title_local", "A", "parent", "action-1", "weight", weights[i].w, NULL };
                CHECK_INTEQ(apply_action(a, rec, kv, p, &n), weights[i].want, "weight \"%s\"", weights[i].w);
                json_decref(rec);
        }
}

static void test_action_links(Arena *a) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        json_t *rec = json_pack("{s:s}", "id", "action-2");
        const char *const both[] = { "title_local", "A", "objective", "o1", "parent", "action-1", NULL };
        CHECK(apply_action(a, rec, both, p, &n) == -EINVAL && strcmp(p[0].field, "parent") == 0,
              "an action under an objective and a parent action at once is refused");
        const char *const neither[] = { "title_local", "A", NULL };
        CHECK(apply_action(a, rec, neither, p, &n) == -EINVAL && strcmp(p[0].field, "objective") == 0,
              "an action under neither is refused");
        const char *const self[] = { "title_local", "A", "parent", "action-2", NULL };
        CHECK(apply_action(a, rec, self, p, &n) == -EINVAL && strcmp(p[0].field, "parent") == 0 &&
                      strstr(p[0].msgid, "itself"),
              "an action under itself is refused");
        const char *const sub[] = { "title_local", "A", "parent", "action-1", "weight", "3", NULL };
        CHECK(apply_action(a, rec, sub, p, &n) == 0 && json_integer_value(json_object_get(rec, "weight")) == 3,
              "a sub-action with its weight");
        const char *const mit[] = { "title_local", "A", "objective", "o1", "risk1_description_local", "Malo prijav",
                                    "risk1_likelihood", "3", "risk1_impact", "4", "risk1_mitigation_local",
                                    "Obvestila v šolah", "risk1_mitigation_en", "Notices in schools", NULL };
        json_decref(rec);
        rec = json_object();
        CHECK(apply_action(a, rec, mit, p, &n) == 0 &&
                      strcmp(json_string_value(json_object_get(
                                     json_object_get(json_array_get(json_object_get(rec, "risks"), 0), "mitigation"),
                                     "en")),
                             "Notices in schools") == 0,
              "a risk's mitigation is kept with the risk, in both languages");
        const char *const alone[] = { "title_local", "A", "objective", "o1", "risk2_mitigation_local", "Nekaj", NULL };
        json_decref(rec);
        rec = json_object();
        CHECK(apply_action(a, rec, alone, p, &n) == -EINVAL && strcmp(p[0].field, "risk2_description") == 0,
              "a mitigation without its risk is refused, not dropped");
        json_decref(rec);
}

static int ms(Arena *a, json_t *act, WsMilestoneOp op, const char *id, const char *const *kv, WsProblem *p, size_t *n,
              const char **ret_id) {
        Kv ctx = { kv };
        return ws_milestone_apply(a, act, LANG_SL, op, id, kv_get, &ctx, p, n, ret_id);
}

static void test_milestones(Arena *a) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        const char *id = NULL;
        json_t *act = json_pack("{s:s, s:s}", "id", "action-1", "objective", "o1");
        char *over = repeat('t', WS_TITLE_MAX + 1), *at = repeat('t', WS_TITLE_MAX);
        struct {
                const char *const kv[8];
                int want;
                const char *field, *what;
        } bad[] = {
                { { "title_local", "a\r\nb", "due", "2025-06-01", NULL }, -EINVAL, "title", "CR/LF in a title" },
                { { "title_local", "bad \xc3\x28", "due", "2025-06-01", NULL }, -EINVAL, "title", "invalid UTF-8" },
                { { "title_local", over, "due", "2025-06-01", NULL }, -EINVAL, "title", "a title over WS_TITLE_MAX" },
                { { "title_local", "", "title_en", "", "due", "2025-06-01", NULL }, -EINVAL, "title", "no title" },
                { { "title_local", "x", NULL }, -EINVAL, "due", "no due date" },
                { { "title_local", "x", "due", "2025-02-30", NULL }, -EINVAL, "due", "an impossible due date" },
                { { "title_local", "x", "due", "2025-06-01", "weight", "0", NULL }, -EINVAL, "weight", "weight 0" },
                { { "title_local", "x", "due", "2025-06-01", "weight", "1001", NULL }, -EINVAL, "weight", "weight 1001" },
        };
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
                int r = ms(a, act, WS_MS_ADD, NULL, bad[i].kv, p, &n, &id);
                CHECK(r == bad[i].want && n >= 1 && p[0].field && strcmp(p[0].field, bad[i].field) == 0 &&
                              json_array_size(json_object_get(act, "milestones")) == 0,
                      "a milestone with %s is refused, none added", bad[i].what);
        }
        const char *const m1[] = { "title_local", "<script>Razpis</script>", "title_en", "Call", "due", "2025-03-01",
                                   "weight", "2", NULL };
        CHECK(ms(a, act, WS_MS_ADD, NULL, m1, p, &n, &id) == 0 && strcmp(id, "m1") == 0, "a first milestone is m1");
        const char *const m2[] = { "title_local", at, "due", "2025-06-01", NULL };
        CHECK(ms(a, act, WS_MS_ADD, NULL, m2, p, &n, &id) == 0 && strcmp(id, "m2") == 0,
              "a second, its title at WS_TITLE_MAX, is m2");
        json_t *got = ws_milestone_get(act, "m1");
        CHECK(got && json_integer_value(json_object_get(got, "weight")) == 2 && json_is_false(json_object_get(got, "done")) &&
                      strcmp(json_string_value(json_object_get(json_object_get(got, "title"), "local")),
                             "<script>Razpis</script>") == 0,
              "kept with its weight, not done, markup as plain text");
        const char *const tick[] = { "done", "1", NULL }, *const untick[] = { "done", "0", NULL },
                          *const odd[] = { "done", "yes", NULL };
        CHECK(ms(a, act, WS_MS_DONE, "m1", tick, p, &n, &id) == 0 && json_is_true(json_object_get(got, "done")),
              "m1 is ticked done");
        CHECK(ms(a, act, WS_MS_DONE, "m1", odd, p, &n, &id) == -EINVAL && json_is_true(json_object_get(got, "done")),
              "\"done=yes\" is refused and changes nothing");
        const char *const ed[] = { "title_local", "Razpis objavljen", "due", "2025-03-15", "weight", "", NULL };
        CHECK(ms(a, act, WS_MS_EDIT, "m1", ed, p, &n, &id) == 0 && json_is_true(json_object_get(got, "done")) &&
                      strcmp(json_string_value(json_object_get(got, "due")), "2025-03-15") == 0 &&
                      !json_object_get(got, "weight") && strcmp(json_string_value(json_object_get(got, "id")), "m1") == 0,
              "editing m1 keeps its id and its done mark; an empty weight means 1");
        CHECK(ms(a, act, WS_MS_DONE, "m1", untick, p, &n, &id) == 0 && json_is_false(json_object_get(got, "done")),
              "m1 is unticked");
        CHECK_INTEQ(ms(a, act, WS_MS_DONE, "m9", tick, p, &n, &id), -ENOENT, "an unknown milestone");
        char *long_id = repeat('m', WS_MILESTONE_ID_MAX + 1);
        json_t *odd_ids = json_pack("{s:[{s:s, s:b}]}", "milestones", "id", long_id, "done", 0);
        CHECK(ms(a, odd_ids, WS_MS_DONE, long_id, tick, p, &n, &id) == -ENOENT &&
                      json_is_false(json_object_get(json_array_get(json_object_get(odd_ids, "milestones"), 0), "done")),
              "an id over WS_MILESTONE_ID_MAX bytes is never found");
        long_id[WS_MILESTONE_ID_MAX] = '\0';
        json_object_set_new(json_array_get(json_object_get(odd_ids, "milestones"), 0), "id", json_string(long_id));
        CHECK_INTEQ(ms(a, odd_ids, WS_MS_DONE, long_id, tick, p, &n, &id), 0, "one of WS_MILESTONE_ID_MAX bytes is");
        json_decref(odd_ids);
        free(long_id);
        CHECK(ms(a, act, WS_MS_REMOVE, "m2", NULL, p, &n, &id) == 0 && !ws_milestone_get(act, "m2") &&
                      json_array_size(json_object_get(act, "milestones")) == 1,
              "m2 is removed");
        CHECK(ms(a, act, WS_MS_ADD, NULL, m2, p, &n, &id) == 0 && strcmp(id, "m3") == 0,
              "the next milestone is m3: a removed id is never given again");
        json_t *demo = json_loads("{\"id\":\"a1\",\"milestones\":[{\"id\":\"m1\"},{\"id\":\"m2\"}]}", 0, NULL);
        CHECK(ms(a, demo, WS_MS_ADD, NULL, m2, p, &n, &id) == 0 && strcmp(id, "m3") == 0,
              "a demo action's milestones m1, m2 get m3 next");
        json_decref(demo);
        size_t k = json_array_size(json_object_get(act, "milestones"));
        int r = 0;
        while (r == 0 && k < WS_MILESTONES_MAX + 2)
                if ((r = ms(a, act, WS_MS_ADD, NULL, m2, p, &n, &id)) == 0)
                        k++;
        CHECK(r == -E2BIG && k == WS_MILESTONES_MAX && n == 1 && p[0].field == NULL,
              "an action keeps WS_MILESTONES_MAX milestones; one more is refused with a message");
        CHECK_INTEQ(json_array_size(json_object_get(act, "milestones")), WS_MILESTONES_MAX, "and nothing was added");
        json_t *broken = json_pack("{s:s}", "milestones", "x");
        CHECK_INTEQ(ms(a, broken, WS_MS_ADD, NULL, m2, p, &n, &id), -EINVAL, "milestones that are not a list");
        json_decref(broken);
        free(over);
        free(at);
        json_decref(act);
}

/* The roll-up of action id in the city's stored plan. */
static WsRollup rollup(Store *s, Arena *a, const City *c, const char *id) {
        IapPlan p;
        WsRollup ru = { .permille = -1 };
        if (ws_load(s, a, c, &p) == 0)
                (void)ws_action_rollup(&p, id, &ru);
        return ru;
}

static int64_t version_of(Store *s, Arena *a, const char *id) {
        IapRecordRow *rows;
        size_t n;
        ws_rows(s, a, "idrija", WS_ACTION, &rows, &n);
        for (size_t i = 0; i < n; i++)
                if (strcmp(rows[i].rec_id, id) == 0)
                        return rows[i].version;
        return -1;
}

static void test_store_links(Store *s, Arena *a, const City *c) {
        const WsForm *af = ws_form_by_slug("actions");
        WsSaveResult res;
        Kv top = { (const char *const[]){ "title_local", "Poletna šola", "objective", "objective-1", NULL } };
        Kv sub = { (const char *const[]){ "title_local", "Mentorji", "parent", "action-1", "weight", "3", NULL } };
        Kv subsub = { (const char *const[]){ "title_local", "Gradiva", "parent", "action-2", NULL } };
        CHECK(ws_save(s, a, c, af, NULL, 0, kv_get, &top, &res) == 0 && ws_save(s, a, c, af, NULL, 0, kv_get, &sub, &res) == 0 &&
                      ws_save(s, a, c, af, NULL, 0, kv_get, &subsub, &res) == 0,
              "an action, its sub-action and a sub-sub-action");
        Kv cyc = { (const char *const[]){ "title_local", "Poletna šola", "parent", "action-3", NULL } };
        int r = ws_save(s, a, c, af, "action-1", version_of(s, a, "action-1"), kv_get, &cyc, &res);
        CHECK(r == -EINVAL && res.n_problems == 1 && strcmp(res.problems[0].field, "parent") == 0 &&
                      strstr(res.problems[0].msgid, "its own sub-actions"),
              "putting an action under its own sub-sub-action is refused with a clear message");
        CHECK_INTEQ(version_of(s, a, "action-1"), 1, "and nothing was stored");
        CHECK_INTEQ(ws_delete(s, a, c, af, "action-2", 1, &res), -EINVAL, "an action with sub-actions cannot be deleted");
        WsRollup ru = rollup(s, a, c, "action-1");
        CHECK(ru.permille == 0 && ru.n_sub == 1 && !ru.own, "action-1 rolls up from its one direct sub-action");
        Kv own = { (const char *const[]){ "title_local", "Gradiva", "parent", "action-2", "progress", "60", NULL } };
        CHECK_INTEQ(ws_save(s, a, c, af, "action-3", 1, kv_get, &own, &res), 0, "the leaf's own progress: 60 %%");
        ru = rollup(s, a, c, "action-3");
        CHECK(ru.permille == 600 && ru.own, "the leaf shows its own progress");
        CHECK_INTEQ(rollup(s, a, c, "action-1").permille, 600, "and it rolls up through two levels");
}

static void test_store_milestones(Store *s, Arena *a, const City *c) {
        WsSaveResult res;
        Kv m1 = { (const char *const[]){ "title_local", "Razpis", "due", "2025-03-01", "weight", "1", NULL } };
        Kv m2 = { (const char *const[]){ "title_en", "Workshops held", "due", "2025-08-31", "weight", "3", NULL } };
        int64_t v = version_of(s, a, "action-2");
        CHECK(ws_milestone_save(s, a, c, "action-2", v, WS_MS_ADD, NULL, kv_get, &m1, &res) == 0 &&
                      strcmp(res.rec_id, "m1") == 0,
              "a milestone is added to the sub-action over its version");
        CHECK_INTEQ(ws_milestone_save(s, a, c, "action-2", v, WS_MS_ADD, NULL, kv_get, &m2, &res), -EEXIST,
                    "a second add over the same (now stale) version is refused");
        WsRollup ru = rollup(s, a, c, "action-2");
        CHECK(ru.n_milestones == 1 && ru.n_sub == 1 && ru.permille == 300,
              "nothing was added by the stale post; action-2 = (60 %% + 0) / 2 = 30 %%");
        CHECK_INTEQ(ws_milestone_save(s, a, c, "action-2", v + 1, WS_MS_ADD, NULL, kv_get, &m2, &res), 0,
                    "added over the new version");
        Kv tick = { (const char *const[]){ "done", "1", NULL } };
        CHECK_INTEQ(ws_milestone_save(s, a, c, "action-2", v + 2, WS_MS_DONE, "m2", kv_get, &tick, &res), 0, "m2 ticked");
        ru = rollup(s, a, c, "action-2");
        /* sub-action 600 × 1, m1 0 × 1, m2 1000 × 3 → 3600 / 5 = 720 */
        CHECK(ru.permille == 720 && ru.n_done == 1 && ru.n_milestones == 2, "roll-up after the tick: 72 %% (got %d)",
              ru.permille);
        CHECK_INTEQ(rollup(s, a, c, "action-1").permille, 720, "and the parent follows");
        Kv bad = { (const char *const[]){ "title_local", "Razpis", "due", "2025-13-01", NULL } };
        CHECK(ws_milestone_save(s, a, c, "action-2", v + 3, WS_MS_EDIT, "m1", kv_get, &bad, &res) == -EINVAL &&
                      res.n_problems == 1 && strcmp(res.problems[0].field, "due") == 0 &&
                      version_of(s, a, "action-2") == v + 3,
              "a bad due date is refused and nothing stored");
        Kv wt = { (const char *const[]){ "title_local", "Razpis", "due", "2025-03-01", "weight", "5", NULL } };
        CHECK_INTEQ(ws_milestone_save(s, a, c, "action-2", v + 3, WS_MS_EDIT, "m1", kv_get, &wt, &res), 0, "m1 weighs 5");
        CHECK_INTEQ(rollup(s, a, c, "action-2").permille, 400, "roll-up after the edit: 3600 / 9 = 40 %%");
        CHECK_INTEQ(ws_milestone_save(s, a, c, "action-2", v + 4, WS_MS_REMOVE, "m9", kv_get, &tick, &res), -ENOENT,
                    "removing an unknown milestone");
        CHECK_INTEQ(ws_milestone_save(s, a, c, "action-2", v + 3, WS_MS_REMOVE, "m2", kv_get, &tick, &res), -EEXIST,
                    "a stale remove");
        CHECK_INTEQ(ws_milestone_save(s, a, c, "action-2", v + 4, WS_MS_REMOVE, "m2", kv_get, &tick, &res), 0, "m2 removed");
        CHECK_INTEQ(rollup(s, a, c, "action-2").permille, 100, "roll-up after the removal: 600 / 6 = 10 %%");
        CHECK_INTEQ(ws_milestone_save(s, a, c, "action-9", 1, WS_MS_ADD, NULL, kv_get, &m1, &res), -ENOENT,
                    "an unknown action");
        IapPlan plan;
        CalEvent *ev;
        size_t nev = 0;
        CHECK(ws_load(s, a, c, &plan) == 0 && ws_milestone_events(&plan, LANG_EN, a, &ev, &nev) == 0 && nev == 1 &&
                      strcmp(ev[0].uid, "idrija-milestone-action-2-m1") == 0 && strcmp(ev[0].starts_on, "2025-03-01") == 0 &&
                      strcmp(ev[0].title, "Idrija: Razpis") == 0 && strcmp(ev[0].kind, "milestone") == 0,
              "the milestone is a calendar event whose uid names the city, action and milestone");
        const WsForm *af = ws_form_by_slug("actions");
        Kv same = { (const char *const[]){ "title_local", "Mentorji", "parent", "action-1", "weight", "3", NULL } };
        CHECK(ws_save(s, a, c, af, "action-2", v + 5, kv_get, &same, &res) == 0 && rollup(s, a, c, "action-2").n_milestones == 1,
              "saving the action's form keeps its milestones");
}

static void test_store(Arena *a) {
        char path[] = "/tmp/td-wsactions-XXXXXX";
        int fd = mkstemp(path);
        close(fd);
        Store *s;
        char url[64];
        int applied;
        snprintf(url, sizeof url, "sqlite:%s", path);
        CHECK(store_open(url, 2, &s) == 0 && store_migrate(s, &applied) == 0, "a fresh store");
        City city = { .slug = "idrija", .name = "Idrija", .name_local = "Idrija", .country = "SI", .lang = "sl",
                      .population = 11800 };
        StoreConn *c;
        store_begin(s, &c);
        store_city_upsert(c, &city);
        store_commit(c);
        WsSaveResult res;
        Kv obj = { (const char *const[]){ "title_local", "Cilj", NULL } };
        CHECK_INTEQ(ws_save(s, a, &city, ws_form_by_slug("objectives"), NULL, 0, kv_get, &obj, &res), 0, "an objective");
        test_store_links(s, a, &city);
        test_store_milestones(s, a, &city);
        store_close(s);
        unlink(path);
}

int main(void) {
        Arena *a = arena_new();
        test_action_fields(a);
        test_action_links(a);
        test_milestones(a);
        test_store(a);
        arena_free(a);
        return test_done();
}
