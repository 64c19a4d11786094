/* The plan's records: bilingual texts and stale translations, progress
 * roll-up, indicator status and the minimum group size rule, the minutes
 * state machine, and field-level validation with hostile inputs. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domain/iap/plan.h"
#include "iap_fixture.h"
#include "test.h"

static void test_text(void) {
        Arena *a = arena_new();
        IapText t = {.local_lang = LANG_PL};
        CHECK(iap_text_empty(&t), "new text is empty");
        CHECK_INTEQ(iap_text_set(a, &t, LANG_PL, "Więcej kobiet w IT"), 0, "write Polish");
        CHECK(t.source == LANG_PL && !t.stale, "first text becomes the source");
        CHECK_INTEQ(iap_text_set(a, &t, LANG_EN, "More women in IT"), 0, "write the translation");
        CHECK(t.source == LANG_PL && !t.stale, "writing the translation keeps it fresh");
        CHECK_INTEQ(iap_text_set(a, &t, LANG_PL, "Więcej kobiet i osób młodych w IT"), 0, "edit the source");
        CHECK(t.stale, "editing the source marks the translation stale");
        CHECK_INTEQ(iap_text_set(a, &t, LANG_EN, "More women and young people in IT"), 0, "update the translation");
        CHECK(!t.stale, "editing the translation clears stale");
        CHECK_INTEQ(iap_text_set(a, &t, LANG_EL, "Ελληνικά"), -EINVAL, "a third language is refused");
        IapText before = t;
        CHECK_INTEQ(iap_text_set(a, &t, LANG_EN, "bad \xc3\x28 utf8"), -EINVAL, "invalid UTF-8 refused");
        CHECK(t.en == before.en && t.stale == before.stale, "text unchanged after a refusal");
        char *big = malloc(IAP_TEXT_MAX + 2);
        memset(big, 'a', IAP_TEXT_MAX + 1);
        big[IAP_TEXT_MAX + 1] = '\0';
        CHECK_INTEQ(iap_text_set(a, &t, LANG_EN, big), -E2BIG, "over IAP_TEXT_MAX is -E2BIG");
        free(big);
        bool fb;
        CHECK_STREQ(iap_text_get(&t, LANG_PL, &fb), "Więcej kobiet i osób młodych w IT", "get Polish");
        CHECK(!fb, "no fallback");
        CHECK_STREQ(iap_text_get(&t, LANG_IT, &fb), "More women and young people in IT", "other language gets English");
        IapText only_local = {.local_lang = LANG_SL};
        iap_text_set(a, &only_local, LANG_SL, "Več žensk");
        CHECK_STREQ(iap_text_get(&only_local, LANG_EN, &fb), "Več žensk", "English missing: local shown");
        CHECK(fb, "and flagged as a fallback");
        IapText en_first = {.local_lang = LANG_RO};
        iap_text_set(a, &en_first, LANG_EN, "Jobs for all");
        iap_text_set(a, &en_first, LANG_RO, "Locuri de muncă pentru toți");
        iap_text_set(a, &en_first, LANG_EN, "Jobs for everyone");
        CHECK(en_first.source == LANG_EN && en_first.stale, "English as source: editing it marks Romanian stale");
        iap_text_set(a, &en_first, LANG_EN, "Jobs for everyone!");
        iap_text_set(a, &en_first, LANG_RO, "Locuri de muncă pentru toată lumea");
        CHECK(!en_first.stale, "translating clears it");
        IapText cr = {.local_lang = LANG_EL};
        CHECK_INTEQ(iap_text_set(a, &cr, LANG_EL, "γραμμή 1\r\nγραμμή 2 <script>"), 0, "CR/LF and markup are stored as text");
        CHECK_STREQ(iap_text_get(&cr, LANG_EL, NULL), "γραμμή 1\r\nγραμμή 2 <script>", "stored verbatim (escaped by writers)");
        CHECK_STREQ(iap_text_get(NULL, LANG_EL, NULL), "", "NULL text reads as empty");
        arena_free(a);
}

static void test_progress(void) {
        Arena *a = arena_new();
        IapMilestone ms[] = {{.id = "m1", .done = true, .weight = 1}, {.id = "m2", .done = false, .weight = 3}};
        IapAction acts[] = {
                {.id = "a", .objective_id = "o1", .weight = 1, .milestones = ms, .n_milestones = 2},
                {.id = "b", .objective_id = "o1", .weight = 1},
                {.id = "b1", .parent_id = "b", .weight = 2, .own_progress = 1000},
                {.id = "b2", .parent_id = "b", .weight = 1, .own_progress = 0},
                {.id = "c", .objective_id = "o2", .weight = 1, .own_progress = 1500},
        };
        IapObjective objs[] = {{.id = "o1"}, {.id = "o2", .parent_id = "o1"}};
        IapPlan p = {.actions = acts, .n_actions = 5, .objectives = objs, .n_objectives = 2};
        int v;
        CHECK_INTEQ(iap_action_progress(&p, 0, &v), 0, "milestones roll up");
        CHECK_INTEQ(v, 250, "1 of weight 4 done = 250 permille");
        iap_action_progress(&p, 1, &v);
        CHECK_INTEQ(v, 667, "sub-actions 2×1000 + 1×0 over 3 = 666.7 -> 667 (half up)");
        iap_action_progress(&p, 4, &v);
        CHECK_INTEQ(v, 1000, "own progress clamped to 1000");
        CHECK_INTEQ(iap_objective_progress(&p, "o1", &v), 0, "objective progress");
        CHECK_INTEQ(v, 639, "o1 = (250 + 667 + 1000) / 3 = 639 (includes its specific objective o2)");
        CHECK_INTEQ(iap_objective_progress(&p, "nothing", &v), -ENOENT, "objective without actions: -ENOENT");
        CHECK_INTEQ(iap_action_progress(&p, 99, &v), -EINVAL, "bad index");
        /* A cycle must not loop forever. */
        IapAction cyc[] = {{.id = "x", .parent_id = "y", .objective_id = "o1"}, {.id = "y", .parent_id = "x"}};
        IapPlan pc = {.actions = cyc, .n_actions = 2, .objectives = objs, .n_objectives = 1};
        CHECK_INTEQ(iap_action_progress(&pc, 0, &v), -ELOOP, "cycle detected");
        int64_t cents;
        acts[0].budget_cents = 150000;
        acts[1].budget_cents = 2599;
        CHECK_INTEQ(iap_plan_budget(&p, &cents), 0, "budget sum");
        CHECK_INTEQ(cents, 152599, "exact cents");
        acts[2].budget_cents = INT64_MAX;
        CHECK_INTEQ(iap_plan_budget(&p, &cents), -E2BIG, "overflow detected");
        arena_free(a);
}

static void test_indicators(void) {
        IapPeriodValue tg[] = {{.period = "2025Q4", .value = 20}, {.period = "2026Q4", .value = 40}};
        IapPeriodValue ac[] = {{.period = "2025Q2", .value = 12}, {.period = "2025Q4", .value = 22}, {.period = "2026Q2", .value = 41}};
        IapIndicator d = {.id = "i", .baseline = 10, .targets = tg, .n_targets = 2, .actuals = ac, .n_actuals = 3};
        int pm;
        CHECK_INTEQ(iap_indicator_status(&d, "2025Q4", false, &pm), IAP_IND_ON_TRACK, "22 >= 20: on track");
        CHECK_INTEQ(pm, 400, "(22-10)/(40-10) = 400 permille");
        CHECK_INTEQ(iap_indicator_status(&d, "2025Q2", false, &pm), IAP_IND_BEHIND, "no target that period, below final: behind");
        CHECK_INTEQ(iap_indicator_status(&d, "2026Q2", false, &pm), IAP_IND_ACHIEVED, "41 >= final 40: achieved");
        CHECK_INTEQ(pm, 1000, "progress capped at 1000");
        CHECK_INTEQ(iap_indicator_status(&d, "2027Q1", false, &pm), IAP_IND_NO_DATA, "no actual: no data");
        CHECK_INTEQ(iap_indicator_status(&d, "2025Q4", true, &pm), IAP_IND_INSUFFICIENT, "below min group: insufficient");
        ac[1].insufficient = true;
        CHECK_INTEQ(iap_indicator_status(&d, "2025Q4", false, &pm), IAP_IND_INSUFFICIENT, "flag on the actual: insufficient");
        ac[1].insufficient = false;
        IapPeriodValue tgd[] = {{.period = "2026", .value = 5}};
        IapPeriodValue acd[] = {{.period = "2025", .value = 8}};
        IapIndicator dec = {.id = "d", .decrease = true, .baseline = 12, .targets = tgd, .n_targets = 1, .actuals = acd, .n_actuals = 1};
        CHECK_INTEQ(iap_indicator_status(&dec, "2025", false, &pm), IAP_IND_BEHIND, "decreasing: 8 > 5 is behind");
        CHECK_INTEQ(pm, 571, "(8-12)/(5-12) = 571 permille");
        CHECK_STREQ(iap_indicator_status_msgid(IAP_IND_INSUFFICIENT), "insufficient data", "msgid");
        int64_t v = -1;
        IapPlatformFigure small = {.value = 3, .group_size = 9}, ok = {.value = 4, .group_size = 10};
        CHECK_INTEQ(iap_platform_actual(&small, 10, &v), -ENODATA, "group of 9 < 10: insufficient data");
        CHECK_INTEQ(v, -1, "no value leaked below the minimum");
        CHECK_INTEQ(iap_platform_actual(&ok, 10, &v), 0, "group of 10: shown");
        CHECK_INTEQ(v, 4, "value");
        CHECK_INTEQ(iap_platform_actual(&small, 0, &v), -ENODATA, "0 means the default minimum");
        IapPlatformFigure neg = {.value = -1, .group_size = 50}, more = {.value = 60, .group_size = 50};
        CHECK_INTEQ(iap_platform_actual(&neg, 10, &v), -EINVAL, "negative refused");
        CHECK_INTEQ(iap_platform_actual(&more, 10, &v), -EINVAL, "more placements than people refused");
}

static void test_minutes(void) {
        IapMeeting m = {.minutes_status = IAP_MINUTES_DRAFT};
        CHECK(iap_minutes_editable(&m, IAP_ROLE_ATTENDEE) && !iap_minutes_editable(&m, IAP_ROLE_VIEWER), "draft editable by attendees");
        CHECK_INTEQ(iap_minutes_transition(&m, IAP_MINUTES_FINAL, IAP_ROLE_COORDINATOR), -EINVAL, "draft cannot jump to final");
        CHECK_INTEQ(iap_minutes_transition(&m, IAP_MINUTES_AMENDED, IAP_ROLE_MEMBER), -EACCES, "a member who was not there may not amend");
        CHECK_INTEQ(iap_minutes_transition(&m, IAP_MINUTES_AMENDED, IAP_ROLE_ATTENDEE), 0, "attendee amends");
        CHECK_INTEQ(iap_minutes_transition(&m, IAP_MINUTES_AMENDED, IAP_ROLE_COORDINATOR), 0, "amended again");
        CHECK_INTEQ(iap_minutes_transition(&m, IAP_MINUTES_FINAL, IAP_ROLE_ATTENDEE), -EACCES, "attendee may not finalise");
        CHECK_INTEQ(m.minutes_status, IAP_MINUTES_AMENDED, "state unchanged after refusal");
        CHECK_INTEQ(iap_minutes_transition(&m, IAP_MINUTES_FINAL, IAP_ROLE_COORDINATOR), 0, "coordinator finalises");
        CHECK(!iap_minutes_editable(&m, IAP_ROLE_COORDINATOR), "final minutes are not editable");
        CHECK_INTEQ(iap_minutes_transition(&m, IAP_MINUTES_AMENDED, IAP_ROLE_COORDINATOR), -EINVAL, "final is terminal");
        CHECK_INTEQ(iap_minutes_transition(&m, (IapMinutesStatus)7, IAP_ROLE_COORDINATOR), -EINVAL, "unknown state");
        CHECK_INTEQ(iap_minutes_transition(NULL, IAP_MINUTES_FINAL, IAP_ROLE_COORDINATOR), -EINVAL, "NULL meeting");
}

static bool has_problem(const IapProblem *ps, size_t n, const char *record, const char *field, const char *msgid) {
        for (size_t i = 0; i < n; i++)
                if (strcmp(ps[i].record, record) == 0 && strcmp(ps[i].field, field) == 0 && strcmp(ps[i].msgid, msgid) == 0)
                        return true;
        return false;
}

static void test_validation(void) {
        Arena *a = arena_new();
        IapPlan *p = fixture_plan(a, 30, 40);
        IapProblem ps[IAP_PROBLEMS_MAX];
        size_t n = 0;
        int r = iap_plan_validate(p, ps, IAP_PROBLEMS_MAX, &n);
        for (size_t i = 0; i < n && i < 5; i++)
                printf("# %s %s %s: %s\n", ps[i].record, ps[i].id ? ps[i].id : "-", ps[i].field, ps[i].msgid);
        CHECK(r == 0 && n == 0, "the demo plan validates");
        /* Break it in many ways at once. */
        p->actions[0].title = (IapText){.local_lang = LANG_EL};
        p->actions[1].budget_cents = -5;
        p->actions[2].start = "2026-01-01";
        p->actions[2].end = "2025-01-01";
        p->actions[3].objective_id = "missing";
        p->actions[4].risks[0].likelihood = 6;
        p->actions[5].end = "2025-13-01";
        p->actions[6].id = p->actions[7].id;
        p->actions[8].description.en = "bad \xff utf8";
        p->indicators[0].targets[0].period = "2025Q5";
        p->indicators[1].unit = NULL;
        p->indicators[2].platform_metric = NULL;
        p->meetings[0].date = "yesterday";
        p->objectives[9].parent_id = "sp1"; /* specific under specific */
        char *huge = arena_alloc(a, IAP_TEXT_MAX + 2);
        memset(huge, 'x', IAP_TEXT_MAX + 1);
        p->actions[9].implementation.en = huge;
        p->stakeholders[0].influence = 0;
        IapPractice gp = {.id = "gp1", .kind = IAP_GOOD_PRACTICE, .title = "Jobs4all", .email = "not-an-address",
                          .abstract = {.local_lang = LANG_EL, .en = "ok \xc0\x80 overlong"}};
        p->practices = &gp;
        p->n_practices = 1;
        r = iap_plan_validate(p, ps, IAP_PROBLEMS_MAX, &n);
        CHECK_INTEQ(r, -EINVAL, "broken plan refused");
        CHECK(has_problem(ps, n, "action", "title", "required field is missing"), "missing title");
        CHECK(has_problem(ps, n, "action", "budget", "must not be negative"), "negative budget");
        CHECK(has_problem(ps, n, "action", "end", "end date is before the start date"), "end before start");
        CHECK(has_problem(ps, n, "action", "objective", "refers to a record that does not exist"), "dangling objective");
        CHECK(has_problem(ps, n, "risk", "likelihood", "must be from 1 to 5"), "likelihood 6");
        CHECK(has_problem(ps, n, "action", "end", "date must be YYYY-MM-DD"), "month 13");
        CHECK(has_problem(ps, n, "action", "id", "duplicate identifier"), "duplicate id");
        CHECK(has_problem(ps, n, "action", "description", "text is not valid UTF-8"), "invalid UTF-8");
        CHECK(has_problem(ps, n, "indicator", "targets", "period must be YYYY, YYYYQn or YYYY-MM"), "Q5");
        CHECK(has_problem(ps, n, "indicator", "unit", "required field is missing"), "unit missing");
        CHECK(has_problem(ps, n, "indicator", "platform_metric", "required field is missing"), "platform metric missing");
        CHECK(has_problem(ps, n, "meeting", "date", "date must be YYYY-MM-DD"), "meeting date");
        CHECK(has_problem(ps, n, "objective", "parent", "must refer to a strategic objective"), "objective nesting");
        CHECK(has_problem(ps, n, "action", "implementation", "text is too long"), "oversized text");
        CHECK(has_problem(ps, n, "stakeholder", "influence", "must be from 1 to 5"), "influence 0");
        CHECK(has_problem(ps, n, "practice", "email", "not an e-mail address"), "good practice e-mail");
        CHECK(has_problem(ps, n, "practice", "text", "text is not valid UTF-8"), "overlong UTF-8 refused");
        size_t n_small;
        CHECK_INTEQ(iap_plan_validate(p, ps, 2, &n_small), -EINVAL, "small output buffer");
        CHECK_INTEQ(n_small, n, "count still complete when the buffer is small");
        CHECK_INTEQ(iap_plan_validate(NULL, ps, 2, &n_small), -EINVAL, "NULL plan");
        IapPlan empty = {0};
        iap_plan_validate(&empty, ps, IAP_PROBLEMS_MAX, &n);
        CHECK(has_problem(ps, n, "plan", "city", "required field is missing"), "empty plan: city required");
        arena_free(a);
}

static void test_risk(void) {
        IapRisk r = {.likelihood = 2, .impact = 3};
        CHECK_INTEQ(iap_risk_level(&r), IAP_RISK_LOW, "2×3 low");
        r.likelihood = 3;
        r.impact = 3;
        CHECK_INTEQ(iap_risk_level(&r), IAP_RISK_MEDIUM, "3×3 medium");
        r.likelihood = 5;
        CHECK_INTEQ(iap_risk_level(&r), IAP_RISK_HIGH, "5×3 high");
        CHECK_STREQ(iap_risk_level_msgid(IAP_RISK_HIGH), "high", "msgid");
        CHECK_STREQ(iap_decision_msgid(IAP_DECISION_ADAPT), "adapt", "decision msgid");
}

int main(void) {
        fixture_register_catalogues();
        test_text();
        test_progress();
        test_indicators();
        test_minutes();
        test_validation();
        test_risk();
        return test_done();
}
