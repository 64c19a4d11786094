/* Integration self-assessment rounds (the 12 aspects and the integration
 * grid): reading a round from the form (hostile input, limits, bilingual
 * source and stale marks over the previous round), decoding, what changed
 * between two rounds, saving in a real store (a repeated submit, a stale
 * form, the rounds limit, the rubric's rounds kept apart), the latest
 * round in the plan and in its export. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/iap/export.h"
#include "domain/workspace/rounds.h"
#include "domain/workspace/selfcheck.h"
#include "domain/workspace/workspace.h"
#include "render/doc_html.h"
#include "test.h"
#include "ws_fixture.h"

static const IapTool *tools2[WS_SELF_TOOL_MAX];

static int read_kv(Arena *a, json_t *base, const char *const *kv, json_t **doc, WsProblem *p, size_t *n) {
        Kv ctx = { kv };
        return ws_selfcheck_read(a, tools2, LANG_IT, base, kv_get, &ctx, doc, p, n);
}

static bool has_problem(const WsProblem *p, size_t n, const char *field, const char *msgid) {
        for (size_t i = 0; i < n && i < WS_PROBLEMS_MAX; i++)
                if ((field ? p[i].field && strcmp(p[i].field, field) == 0 : !p[i].field) && strcmp(p[i].msgid, msgid) == 0)
                        return true;
        return false;
}

static void test_fields(Arena *a) {
        CHECK_STREQ(ws_self_field(a, WS_SELF_ASPECTS, "funding", "why"), "a_funding_why", "aspect field name");
        CHECK_STREQ(ws_self_field(a, WS_SELF_GRID, "vertical", "current_level"), "g_vertical_current_level",
                    "grid field name");
        CHECK(ws_self_tool_id(WS_SELF_ASPECTS) == IAP_TOOL_ASPECTS12 && ws_self_tool_id(WS_SELF_GRID) ==
                      IAP_TOOL_INTEGRATION_GRID, "the two tools of a round");
}

static void test_hostile(Arena *a) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        json_t *doc = NULL;
        char *over = repeat('x', WS_SELFCHECK_TEXT_MAX + 1), *at = repeat('y', WS_SELFCHECK_TEXT_MAX);
        static const struct {
                const char *name, *value, *field, *msgid;
        } bad[] = {
                { "date", "2024-02-30", "date", "date must be YYYY-MM-DD" },
                { "date", "2024-06-01\r\nX-Evil: 1", "date", "date must be YYYY-MM-DD" },
                { "a_funding_relevant", "maybe", "a_funding_relevant", "unknown value" },
                { "a_funding_relevant", "<script>alert(1)</script>", "a_funding_relevant", "unknown value" },
                { "g_vertical_current_level", "HIGH", "g_vertical_current_level", "unknown value" },
                { "a_funding_why_en", "\xff\xfe", "a_funding_why", "text is not valid UTF-8" },
                { "a_funding_why_local", "bell \x07", "a_funding_why", "text contains control characters" },
        };
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
                const char *kv[] = { "date", "2024-06-01", "a_spatial_relevant", "yes", bad[i].name, bad[i].value, NULL };
                if (strcmp(bad[i].name, "date") == 0)
                        kv[1] = bad[i].value;
                n = 0;
                CHECK(read_kv(a, NULL, kv, &doc, p, &n) == -EINVAL && has_problem(p, n, bad[i].field, bad[i].msgid),
                      "refused: case %zu, %s (%s)", i, bad[i].name, bad[i].msgid);
        }
        const char *big[] = { "date", "2024-06-01", "a_funding_why_en", over, NULL };
        CHECK(read_kv(a, NULL, big, &doc, p, &n) == -EINVAL && has_problem(p, n, "a_funding_why", "text is too long"),
              "a text over WS_SELFCHECK_TEXT_MAX bytes is refused");
        const char *fits[] = { "date", "2024-06-01", "a_funding_why_en", at, NULL };
        CHECK_INTEQ(read_kv(a, NULL, fits, &doc, p, &n), 0, "a text of WS_SELFCHECK_TEXT_MAX bytes is taken");
        json_decref(doc);
        const char *empty[] = { "date", "2024-06-01", "a_funding_relevant", "", "a_funding_why_en", "  \r\n", NULL };
        CHECK(read_kv(a, NULL, empty, &doc, p, &n) == -EINVAL &&
                      has_problem(p, n, NULL, "answer at least one aspect or one type of integration"),
              "a round with only blanks is refused");
        const char *none[] = { NULL };
        CHECK(read_kv(a, NULL, none, &doc, p, &n) == -EINVAL && has_problem(p, n, "date", "date must be YYYY-MM-DD"),
              "an empty submit is refused");
        const char *many[] = { "date", "x", "a_funding_relevant", "x", "a_spatial_relevant", "x", "a_sectoral_relevant",
                               "x", "a_territorial_relevant", "x", "a_funding_baseline_level", "x",
                               "a_spatial_baseline_level", "x", "a_sectoral_baseline_level", "x",
                               "a_territorial_baseline_level", "x", "g_vertical_current_level", "x",
                               "g_horizontal_current_level", "x", "g_territorial_current_level", "x",
                               "g_policy_sector_current_level", "x", "g_hard_soft_current_level", "x",
                               "a_cross_cutting_relevant", "x", "a_integration_over_time_relevant", "x",
                               "a_multilevel_governance_relevant", "x", "a_investment_types_relevant", "x", NULL };
        CHECK(read_kv(a, NULL, many, &doc, p, &n) == -EINVAL && n > WS_PROBLEMS_MAX,
              "more problems than WS_PROBLEMS_MAX are counted, not written past the array");
        free(over);
        free(at);
}

static void test_bilingual_over_base(Arena *a) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        json_t *r1, *r2;
        const char *f1[] = { "date", "2024-06-01", "a_funding_relevant", "yes", "a_funding_baseline_level", "low",
                             "a_funding_why_local", "FSE+ e fondi regionali\r\ninsieme", "a_funding_why_en",
                             "ESF+ and regional funds", "g_horizontal_current_level", "partial", NULL };
        CHECK_INTEQ(read_kv(a, NULL, f1, &r1, p, &n), 0, "a first round");
        json_t *why = json_object_get(json_object_get(json_object_get(r1, "aspects12"), "funding"), "why");
        CHECK(why && strcmp(json_string_value(json_object_get(why, "source")), "local") == 0 &&
                      strcmp(json_string_value(json_object_get(why, "local")), "FSE+ e fondi regionali\ninsieme") == 0,
              "the city's language written first is the source; CR LF becomes LF");
        CHECK(json_object_size(json_object_get(r1, "aspects12")) == 1 &&
                      json_object_size(json_object_get(r1, "integration_grid")) == 1,
              "items left empty are not stored");
        CHECK_INTEQ(json_integer_value(json_object_get(json_object_get(r1, "versions"), "aspects12")),
                    tools2[WS_SELF_ASPECTS]->version, "the round keeps the tool's version");
        const char *f2[] = { "date", "2024-11-20", "a_funding_relevant", "yes", "a_funding_baseline_level", "partial",
                             "a_funding_why_local", "FSE+, FESR e fondi regionali", "a_funding_why_en",
                             "ESF+ and regional funds", "g_horizontal_current_level", "partial", NULL };
        CHECK_INTEQ(read_kv(a, r1, f2, &r2, p, &n), 0, "a second round over the first");
        why = json_object_get(json_object_get(json_object_get(r2, "aspects12"), "funding"), "why");
        CHECK(json_is_true(json_object_get(why, "stale")), "a changed original marks the unchanged English out of date");

        Lang it = LANG_IT;
        WsSelfCheck w1, w2;
        json_object_set_new(r1, "id", json_string("integration-1"));
        json_object_set_new(r2, "id", json_string("integration-2"));
        CHECK(ws_selfcheck_decode(a, r1, it, &w1) == 0 && ws_selfcheck_decode(a, r2, it, &w2) == 0 &&
                      strcmp(w2.sc.date, "2024-11-20") == 0 && strcmp(w1.id, "integration-1") == 0,
              "both rounds decode");
        const IapCell *c = iap_answers_cell(&w2.sc.aspects, "funding", "why");
        CHECK(c && c->text.stale && strcmp(c->text.local, "FSE+, FESR e fondi regionali") == 0 && c->text.local_lang == it,
              "a decoded text keeps both sides and its mark");
        CHECK_STREQ(iap_answers_choice(&w2.sc.grid, "horizontal", "current_level"), "partial", "a decoded choice");
        CHECK_STREQ(iap_answers_choice(&w2.sc.grid, "vertical", "current_level"), "", "an unanswered choice is empty");
        CHECK_INTEQ(iap_answers_count(tools2[WS_SELF_ASPECTS], &w2.sc.aspects, "relevant", "yes"), 1,
                    "one relevant aspect");
        IapAnswerChange *ch;
        size_t nch;
        CHECK(iap_answers_compare(a, tools2[WS_SELF_ASPECTS], &w1.sc.aspects, &w2.sc.aspects, &ch, &nch) == 0 &&
                      nch == 2 && strcmp(ch[0].column->id, "why") == 0 && strcmp(ch[1].column->id, "baseline_level") == 0 &&
                      strcmp(ch[1].before, "low") == 0 && strcmp(ch[1].after, "partial") == 0,
              "what changed: the reason and the level, in the tool's order");
        CHECK(iap_answers_compare(a, tools2[WS_SELF_GRID], &w1.sc.grid, &w2.sc.grid, &ch, &nch) == 0 && nch == 0 &&
                      ch == NULL, "an unchanged grid shows no change");
        IapAnswers none = { 0 };
        CHECK(iap_answers_compare(a, tools2[WS_SELF_GRID], &none, &w2.sc.grid, &ch, &nch) == 0 && nch == 1 &&
                      strcmp(ch[0].before, "") == 0, "from no round: every answer is new");
        CHECK(iap_answers_empty(&none) && !iap_answers_empty(&w1.sc.aspects), "empty answers");

        IapPlan plan = { .lang = it };
        CHECK(ws_selfcheck_plan_add(a, &plan, r2) == 0 && ws_selfcheck_plan_add(a, &plan, r1) == 0 &&
                      strcmp(plan.selfcheck->date, "2024-11-20") == 0,
              "the plan keeps the latest round by date, whatever the order saved");
        json_t *broken = json_pack("{s:s, s:s, s:{s:i}}", "tool", "integration", "date", "2024-12-01", "aspects12",
                                   "funding", 7);
        CHECK_INTEQ(ws_selfcheck_plan_add(a, &plan, broken), -EINVAL, "a round of the wrong shape is refused");
        json_object_set_new(broken, "aspects12", json_object());
        json_object_set_new(broken, "date", json_string("1 June"));
        CHECK_INTEQ(ws_selfcheck_plan_add(a, &plan, broken), -EINVAL, "so is one without a date");
        json_decref(broken);
        json_t *wide = json_pack("{s:s, s:s, s:{s:{}}}", "tool", "integration", "date", "2024-12-02", "aspects12", "funding");
        json_t *item = json_object_get(json_object_get(wide, "aspects12"), "funding");
        for (int k = 0; k < IAP_ANSWER_COLUMNS_MAX; k++)
                json_object_set_new(item, arena_printf(a, "c%d", k), json_string("yes"));
        WsSelfCheck ww;
        CHECK_INTEQ(ws_selfcheck_decode(a, wide, it, &ww), 0, "an item with IAP_ANSWER_COLUMNS_MAX answers decodes");
        json_object_set_new(item, "one_more", json_string("yes"));
        CHECK_INTEQ(ws_selfcheck_decode(a, wide, it, &ww), -EINVAL, "one more column is refused");
        json_decref(wide);
        CHECK(ws_selfcheck_is(r1) && !ws_selfcheck_is(json_object_get(r1, "versions")), "a self-assessment record");
        json_decref(r1);
        json_decref(r2);
}

static int save_kv(Store *s, Arena *a, const City *c, const char *const *kv, WsSaveResult *res) {
        Kv ctx = { kv };
        return ws_selfcheck_save(s, a, c, tools2, kv_get, &ctx, res);
}

static size_t stored_rounds(Store *s, Arena *a, const City *c) {
        WsSelfCheck *w;
        size_t n = 0;
        return ws_selfchecks_load(s, a, c, &w, &n) == 0 ? n : 9999;
}

static void test_store(Arena *a, const IapTools *tools) {
        char path[] = "/tmp/td-selfcheck-XXXXXX";
        int fd = mkstemp(path);
        close(fd);
        Store *s;
        char url[64];
        snprintf(url, sizeof url, "sqlite:%s", path);
        int applied;
        CHECK(store_open(url, 2, &s) == 0 && store_migrate(s, &applied) == 0, "a fresh store");
        StoreConn *c;
        City city = { .slug = "arezzo", .name = "Arezzo", .name_local = "Arezzo", .country = "IT", .lang = "it",
                      .population = 97000 };
        store_begin(s, &c);
        store_city_upsert(c, &city);
        store_commit(c);
        WsSaveResult res;
        const char *r1[] = { "base", "", "date", "2024-06-01", "a_funding_relevant", "yes", NULL };
        CHECK(save_kv(s, a, &city, r1, &res) == 0 && strcmp(res.rec_id, "integration-1") == 0, "a first round is saved");
        CHECK(save_kv(s, a, &city, r1, &res) == 0 && strcmp(res.rec_id, "integration-1") == 0 &&
                      stored_rounds(s, a, &city) == 1, "the same submit again stores nothing");
        const char *stale[] = { "base", "", "date", "2024-07-01", "a_funding_relevant", "no", NULL };
        CHECK(save_kv(s, a, &city, stale, &res) == -EEXIST && stored_rounds(s, a, &city) == 1,
              "a form filled in before that round is refused, nothing stored");
        const char *bad[] = { "base", "integration-1", "date", "2024-07-01", "a_funding_relevant", "perhaps", NULL };
        CHECK(save_kv(s, a, &city, bad, &res) == -EINVAL && res.n_problems == 1 && stored_rounds(s, a, &city) == 1,
              "bad input stores nothing");
        const char *r2[] = { "base", "integration-1", "date", "2024-07-01", "a_funding_relevant", "no", NULL };
        CHECK(save_kv(s, a, &city, r2, &res) == 0 && strcmp(res.rec_id, "integration-2") == 0, "a second round");
        const char *rb[] = { "date", "2024-07-02", "score_strategic_goal", "3", NULL };
        Kv rbk = { rb };
        CHECK_INTEQ(ws_round_save(s, a, &city, iap_tools_get(tools, IAP_TOOL_RUBRIC),
                                  iap_tools_get(tools, IAP_TOOL_CONFIDENCE_POLL), kv_get, &rbk, &res), 0,
                    "a rubric round beside them");
        CHECK_STREQ(res.rec_id, "round-3", "the rubric round takes the next position");
        WsRound *wr;
        size_t nr;
        CHECK(ws_rounds_load(s, a, &city, LANG_EN, &wr, &nr) == 0 && nr == 1 && wr[0].round.n_scores == 1,
              "the rubric's rounds leave the self-assessments out");
        CHECK_INTEQ(stored_rounds(s, a, &city), 2, "and the self-assessments the rubric's rounds");
        const char *back[] = { "base", "integration-2", "date", "2024-01-15", "a_spatial_relevant", "yes", NULL };
        CHECK(save_kv(s, a, &city, back, &res) == 0 && strcmp(res.rec_id, "integration-4") == 0,
              "an earlier-dated baseline added afterwards");
        WsSelfCheck *w;
        size_t n;
        CHECK(ws_selfchecks_load(s, a, &city, &w, &n) == 0 && n == 3 && strcmp(w[0].sc.date, "2024-01-15") == 0 &&
                      strcmp(w[2].id, "integration-2") == 0, "rounds come by date");
        json_t *latest;
        const char *lid;
        CHECK(ws_selfcheck_latest(s, a, &city, &latest, &lid) == 0 && strcmp(lid, "integration-2") == 0 &&
                      strcmp(json_string_value(json_object_get(latest, "date")), "2024-07-01") == 0,
              "the latest round by date is the next form's base");
        json_decref(latest);
        IapPlan plan;
        CHECK(ws_load(s, a, &city, &plan) == 0 && plan.selfcheck && strcmp(plan.selfcheck->date, "2024-07-01") == 0 &&
                      strcmp(iap_answers_choice(&plan.selfcheck->aspects, "funding", "relevant"), "no") == 0,
              "the plan carries the latest round");
        const char *base = "integration-2";
        int ok = 3;
        for (int i = 0; ok < WS_SELFCHECK_ROUNDS_MAX + 3; i++) {
                const char *kv[] = { "base", base, "date", arena_printf(a, "2025-%02d-%02d", 1 + i / 28, 1 + i % 28),
                                     "a_funding_why_en", arena_printf(a, "round %d", i), NULL };
                if (save_kv(s, a, &city, kv, &res) != 0)
                        break;
                base = res.rec_id;
                ok++;
        }
        CHECK_INTEQ(ok, WS_SELFCHECK_ROUNDS_MAX, "a city keeps WS_SELFCHECK_ROUNDS_MAX self-assessment rounds");
        const char *more[] = { "base", base, "date", "2026-01-01", "a_funding_relevant", "yes", NULL };
        CHECK(save_kv(s, a, &city, more, &res) == -E2BIG && res.n_problems == 1 &&
                      stored_rounds(s, a, &city) == WS_SELFCHECK_ROUNDS_MAX,
              "one more is refused with a problem, nothing stored");
        Kv rbk2 = { (const char *const[]){ "date", "2026-01-02", "score_strategic_goal", "5", NULL } };
        CHECK_INTEQ(ws_round_save(s, a, &city, iap_tools_get(tools, IAP_TOOL_RUBRIC),
                                  iap_tools_get(tools, IAP_TOOL_CONFIDENCE_POLL), kv_get, &rbk2, &res), 0,
                    "the self-assessments do not count against the rubric's rounds");
        store_close(s);
        unlink(path);
}

/* The latest round in section 2 of the plan's document, in Italian. */
static void test_export(Arena *a, const IapTools *tools) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        json_t *doc;
        const char *kv[] = { "date", "2024-11-20", "a_funding_relevant", "yes", "a_funding_why_local", "<b>FSE+</b>",
                             "g_vertical_current_level", "high", NULL };
        CHECK_INTEQ(read_kv(a, NULL, kv, &doc, p, &n), 0, "a round to export");
        json_object_set_new(doc, "id", json_string("integration-1"));
        IapPlan plan = { .city_slug = "arezzo", .city_name = "Arezzo", .lang = LANG_IT };
        plan.title.en = "Plan";
        plan.title.local_lang = LANG_IT;
        plan.title.source = LANG_EN;
        CHECK_INTEQ(ws_selfcheck_plan_add(a, &plan, doc), 0, "the round reaches the plan");
        Doc *d;
        CHECK_INTEQ(iap_plan_doc(&plan, tools, LANG_IT, NULL, a, &d), 0, "the plan's document");
        StrBuf b = STRBUF_INIT;
        doc_render_html(d, 0, &b);
        const char *h = strbuf_str(&b);
        CHECK(h && strstr(h, "I 12 aspetti dello sviluppo urbano integrato") && strstr(h, "&lt;b&gt;FSE+&lt;/b&gt;") &&
                      strstr(h, "Ben integrato") && strstr(h, "Mobilitare tutti i finanziamenti disponibili"),
              "both tables with the answers (escaped) and the options' labels in Italian");
        const char *logic = h ? strstr(h, "Approccio integrato") : NULL, *aspects = h ? strstr(h, "I 12 aspetti") : NULL;
        CHECK(logic && aspects && aspects > logic, "in section 2, after the integrated approach");
        strbuf_free(&b);
        json_decref(doc);
        plan.selfcheck = NULL;
        CHECK(iap_plan_doc(&plan, tools, LANG_IT, NULL, a, &d) == 0, "a plan without a round");
        b = (StrBuf)STRBUF_INIT;
        doc_render_html(d, 0, &b);
        CHECK(strstr(strbuf_str(&b), "I 12 aspetti") == NULL, "shows no empty table");
        strbuf_free(&b);
}

int main(void) {
        Arena *a = arena_new();
        IapTools *tools = NULL;
        IapLoadError err;
        CHECK(iap_tools_load(NULL, &tools, &err) == 0, "tools load");
        if (!tools)
                return test_done();
        for (int t = 0; t < WS_SELF_TOOL_MAX; t++)
                tools2[t] = iap_tools_get(tools, ws_self_tool_id((WsSelfTool)t));
        test_fields(a);
        test_hostile(a);
        test_bilingual_over_base(a);
        test_store(a, tools);
        test_export(a, tools);
        iap_tools_free(tools);
        arena_free(a);
        return test_done();
}
