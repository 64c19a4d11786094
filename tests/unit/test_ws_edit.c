/* Editing the workspace's records: form values onto a record (limits,
 * hostile input, bilingual source and stale marks, the minutes' states and
 * history), periods, poll answers and euro amounts, rubric rounds, saving
 * over a version in a real store, the platform figure's minimum group, and
 * the HTML writer's language spans. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/workspace/edit.h"
#include "domain/workspace/platform.h"
#include "domain/workspace/rounds.h"
#include "render/doc_html.h"
#include "test.h"
#include "ws_fixture.h"

/* A submitted form: NULL-terminated name/value pairs. */
static int apply(Arena *a, WsKind kind, json_t *rec, const char *const *kv, WsProblem *p, size_t *n) {
        Kv ctx = { kv };
        size_t nf;
        const WsForm *forms = ws_forms(&nf);
        for (size_t i = 0; i < nf; i++)
                if (forms[i].kind == kind)
                        return ws_form_apply(a, &forms[i], rec, LANG_SL, kv_get, &ctx, p, n);
        return -ENOENT;
}

static void test_forms(void) {
        size_t n;
        const WsForm *f = ws_forms(&n);
        CHECK(n == WS_FORMS_MAX, "five editable kinds");
        for (size_t i = 0; i < n; i++)
                CHECK(ws_form_by_slug(f[i].slug) == &f[i] && f[i].n_fields > 0, "form %s has fields", f[i].slug);
        CHECK(ws_form_by_slug("rubric") == NULL && ws_form_by_slug(NULL) == NULL, "unknown slugs are NULL");
}

static void test_meeting_fields(Arena *a) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n = 0;
        char *title_max = repeat('t', WS_TITLE_MAX), *title_over = repeat('t', WS_TITLE_MAX + 1);
        char *long_over = repeat('l', WS_LONG_MAX + 1);
        struct {
                const char *const kv[12];
                int want;
                const char *field, *what;
        } cases[] = {
                { { "title_local", "<script>alert(1)</script>", "date", "2024-05-14", NULL }, 0, NULL, "markup kept as text" },
                { { "title_local", "a\r\nb", "date", "2024-05-14", NULL }, -EINVAL, "title", "CR/LF in a title" },
                { { "title_local", "bad \xc3\x28", "date", "2024-05-14", NULL }, -EINVAL, "title", "invalid UTF-8" },
                { { "title_local", title_over, "date", "2024-05-14", NULL }, -EINVAL, "title", "title over the limit" },
                { { "title_local", title_max, "date", "2024-05-14", NULL }, 0, NULL, "title at the limit" },
                { { "title_local", "", "date", "2024-05-14", NULL }, -EINVAL, "title", "empty required title" },
                { { "title_local", "x", "date", "2024-02-30", NULL }, -EINVAL, "date", "impossible date" },
                { { "title_local", "x", "date", "2024-05-14", "attended", "10001", NULL }, -EINVAL, "attended",
                  "attendance over the limit" },
                { { "title_local", "x", "date", "2024-05-14", "attended", "1e3", NULL }, -EINVAL, "attended",
                  "attendance not a whole number" },
                { { "title_local", "x", "date", "2024-05-14", "agenda_local", long_over, NULL }, -EINVAL, "agenda",
                  "agenda over the limit" },
                { { "title_local", "x", "date", "2024-05-14", "minutes_action", "final", NULL }, -EINVAL, "minutes",
                  "draft made final at once" },
        };
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
                json_t *rec = json_object();
                int r = apply(a, WS_MEETING, rec, cases[i].kv, p, &n);
                CHECK_INTEQ(r, cases[i].want, "meeting: %s", cases[i].what);
                if (cases[i].field)
                        CHECK(n >= 1 && p[0].field && strcmp(p[0].field, cases[i].field) == 0, "  names field %s",
                              cases[i].field);
                json_decref(rec);
        }
        json_t *rec = json_object();
        const char *const ok[] = { "title_local", "<script>x</script>", "date", "2024-05-14", "agenda_local",
                                   "1. a\r\n2. b  ", "decisions_local", "Prva\nDruga", "decisions_en", "First", NULL };
        CHECK_INTEQ(apply(a, WS_MEETING, rec, ok, p, &n), 0, "a meeting with agenda and decisions");
        CHECK_STREQ(ws_text_of(a, rec, "title", LANG_SL).local, "<script>x</script>", "markup stored as text");
        CHECK_STREQ(ws_text_of(a, rec, "agenda", LANG_SL).local, "1. a\n2. b", "CR LF made LF, trailing blanks gone");
        CHECK(json_array_size(json_object_get(rec, "decisions")) == 2, "two decisions, one per line");
        CHECK_STREQ(json_string_value(json_object_get(rec, "minutes_status")), "draft", "minutes start as a draft");
        json_decref(rec);
        free(title_max);
        free(title_over);
        free(long_over);
}

static void test_bilingual(Arena *a) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        json_t *rec = json_object();
        const char *const v1[] = { "title_local", "Več žensk v IT", NULL };
        CHECK_INTEQ(apply(a, WS_OBJECTIVE, rec, v1, p, &n), 0, "local text first");
        IapText t = ws_text_of(a, rec, "title", LANG_SL);
        CHECK(t.source == LANG_SL && !t.stale, "the first side written is the source");
        const char *const v2[] = { "title_local", "Več žensk v IT", "title_en", "More women in IT", NULL };
        apply(a, WS_OBJECTIVE, rec, v2, p, &n);
        t = ws_text_of(a, rec, "title", LANG_SL);
        CHECK(t.source == LANG_SL && !t.stale && strcmp(t.en, "More women in IT") == 0, "translation added, fresh");
        const char *const v3[] = { "title_local", "Več žensk in mladih v IT", "title_en", "More women in IT", NULL };
        apply(a, WS_OBJECTIVE, rec, v3, p, &n);
        t = ws_text_of(a, rec, "title", LANG_SL);
        CHECK(t.source == LANG_SL && t.stale, "changing the source marks the translation stale");
        const char *const v4[] = { "title_local", "Več žensk in mladih v IT", "title_en", "More women and young people", NULL };
        apply(a, WS_OBJECTIVE, rec, v4, p, &n);
        t = ws_text_of(a, rec, "title", LANG_SL);
        CHECK(!t.stale, "updating the translation clears the mark");
        const char *const v5[] = { "title_local", "Nova", "title_en", "New", NULL };
        apply(a, WS_OBJECTIVE, rec, v5, p, &n);
        t = ws_text_of(a, rec, "title", LANG_SL);
        CHECK(t.source == LANG_SL && !t.stale, "both sides changed together: fresh");
        const char *const v6[] = { "title_local", "", "title_en", "New", NULL };
        apply(a, WS_OBJECTIVE, rec, v6, p, &n);
        t = ws_text_of(a, rec, "title", LANG_SL);
        CHECK(t.source == LANG_EN && !t.stale, "emptying the source makes the other side the source");
        json_decref(rec);
}

static void test_minutes(Arena *a) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        json_t *rec = json_object();
        const char *const d[] = { "title_local", "ULG", "date", "2024-05-14", "minutes_local", "Osnutek", NULL };
        CHECK_INTEQ(apply(a, WS_MEETING, rec, d, p, &n), 0, "draft minutes");
        const char *const am[] = { "title_local", "ULG", "date", "2024-05-14", "minutes_local", "Popravek",
                                   "minutes_action", "amended", NULL };
        CHECK_INTEQ(apply(a, WS_MEETING, rec, am, p, &n), 0, "draft -> amended");
        json_t *h = json_object_get(rec, "minutes_history");
        CHECK(json_array_size(h) == 1 &&
                      strcmp(json_string_value(json_object_get(json_object_get(json_array_get(h, 0), "minutes"),
                                                               "local")), "Osnutek") == 0,
              "the replaced draft is kept as history");
        const char *const back[] = { "title_local", "ULG", "date", "2024-05-14", "minutes_action", "draft", NULL };
        CHECK_INTEQ(apply(a, WS_MEETING, rec, back, p, &n), -EINVAL, "amended -> draft is refused");
        for (int i = 0; i < WS_HISTORY_MAX + 3; i++) {
                char text[32];
                snprintf(text, sizeof text, "Popravek %d", i);
                const char *const again[] = { "title_local", "ULG", "date", "2024-05-14", "minutes_local", text,
                                              "minutes_action", "amended", NULL };
                apply(a, WS_MEETING, rec, again, p, &n);
        }
        CHECK_INTEQ(json_array_size(json_object_get(rec, "minutes_history")), WS_HISTORY_MAX,
                    "history keeps at most WS_HISTORY_MAX versions");
        const char *const fin[] = { "title_local", "ULG", "date", "2024-05-14", "minutes_local", "Konec",
                                    "minutes_action", "final", NULL };
        CHECK_INTEQ(apply(a, WS_MEETING, rec, fin, p, &n), 0, "amended -> final");
        CHECK(ws_meeting_final(rec), "final");
        char *before = json_dumps(rec, JSON_SORT_KEYS);
        CHECK_INTEQ(apply(a, WS_MEETING, rec, am, p, &n), -EACCES, "final minutes refuse every edit");
        char *after = json_dumps(rec, JSON_SORT_KEYS);
        CHECK_STREQ(after, before, "and stay as they were");
        free(before);
        free(after);
        json_decref(rec);
}

static void test_action_and_indicator(Arena *a) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        struct {
                const char *budget;
                int ok;
                long long cents;
        } money[] = { { "12000", 1, 1200000 }, { "12000.5", 1, 1200050 }, { "0.05", 1, 5 }, { "1000000000", 1, 100000000000LL },
                      { "1000000001", 0, 0 }, { "-1", 0, 0 }, { "12,000", 0, 0 }, { "1e3", 0, 0 }, { "1.234", 0, 0 },
                      { " 5", 0, 0 } };
        for (size_t i = 0; i < sizeof money / sizeof *money; i++) {
                json_t *rec = json_object();
                const char *const kv[] = { "title_local", "A", "objective", "o1", "budget", money[i].budget, NULL };
                int r = apply(a, WS_ACTION, rec, kv, p, &n);
                CHECK(money[i].ok ? r == 0 && json_integer_value(json_object_get(rec, "budget_cents")) == money[i].cents
                                  : r == -EINVAL,
                      "budget \"%s\" %s", money[i].budget, money[i].ok ? "accepted" : "refused");
                json_decref(rec);
        }
        const WsForm *af = ws_form_by_slug("actions");
        size_t risks = 0;
        for (size_t i = 0; i < af->n_fields; i++)
                risks += strstr(af->fields[i].key, "_description") != NULL;
        CHECK_INTEQ(risks, WS_RISKS_MAX, "the action form edits WS_RISKS_MAX risks");
        json_t *rec = json_object();
        const char *const risk[] = { "title_local", "A", "objective", "o1", "risk1_description_local", "Malo prijav",
                                     "risk1_likelihood", "6", "risk1_impact", "2", NULL };
        CHECK_INTEQ(apply(a, WS_ACTION, rec, risk, p, &n), -EINVAL, "likelihood 6 is refused");
        const char *const risk_ok[] = { "title_local", "A", "objective", "o1", "risk1_description_local", "Malo prijav",
                                        "risk1_likelihood", "3", "risk1_impact", "4", NULL };
        json_decref(rec);
        rec = json_object();
        CHECK_INTEQ(apply(a, WS_ACTION, rec, risk_ok, p, &n), 0, "a rated risk");
        CHECK(json_array_size(json_object_get(rec, "risks")) == 1, "stored in the action's risks");
        const WsForm *act = ws_form_by_slug("actions");
        const WsField *lik = NULL;
        for (size_t i = 0; i < act->n_fields; i++)
                if (strcmp(act->fields[i].key, "risk1_likelihood") == 0)
                        lik = &act->fields[i];
        CHECK(lik && strcmp(ws_form_value(a, lik, rec, LANG_SL, WS_SIDE_PLAIN), "3") == 0, "shown again in the form");
        json_decref(rec);
        rec = json_object();
        const char *const none[] = { "name_local", "Dekleta", "unit", "dekleta", NULL };
        CHECK_INTEQ(apply(a, WS_INDICATOR, rec, none, p, &n), -EINVAL, "an indicator measuring nothing is refused");
        const char *const ind[] = { "name_local", "Dekleta", "unit", "dekleta", "objective", "o1", "targets",
                                    "2025: 10, 2026Q2: 15", "platform_metric", "jobs.published", NULL };
        CHECK_INTEQ(apply(a, WS_INDICATOR, rec, ind, p, &n), 0, "an indicator with targets on the platform");
        const WsForm *fi = ws_form_by_slug("indicators");
        CHECK_STREQ(ws_form_value(a, &fi->fields[5], rec, LANG_SL, WS_SIDE_PLAIN), "2025: 10, 2026Q2: 15",
                    "targets shown again as typed");
        char *per_over = repeat(' ', WS_PERIODS_TEXT_MAX + 1);
        memcpy(per_over, "2025: 1", 7);
        per_over[WS_PERIODS_TEXT_MAX] = '1';
        const char *const too_long[] = { "name_local", "D", "unit", "u", "objective", "o1", "targets", per_over, NULL };
        CHECK_INTEQ(apply(a, WS_INDICATOR, rec, too_long, p, &n), -EINVAL, "targets over WS_PERIODS_TEXT_MAX bytes");
        free(per_over);
        const char *const bad_metric[] = { "name_local", "D", "unit", "u", "objective", "o1", "platform_metric",
                                           "candidates.all", NULL };
        CHECK_INTEQ(apply(a, WS_INDICATOR, rec, bad_metric, p, &n), -EINVAL, "an unknown platform metric is refused");
        json_decref(rec);
}

static void test_vision(Arena *a) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        json_t *rec = json_pack("{s:s, s:{s:s}}", "title", "Načrt", "vision", "headline", "Star naslov");
        const char *const kv[] = { "headline_local", "Idrija, mesto digitalnih talentov", "date", "2030-05-01",
                                   "story_en", "In 2030 half of the new coders are women.", NULL };
        CHECK_INTEQ(apply(a, WS_PLAN, rec, kv, p, &n), 0, "the vision is edited in the plan record");
        json_t *v = json_object_get(rec, "vision");
        CHECK(strcmp(json_string_value(json_object_get(rec, "title")), "Načrt") == 0 &&
                      strcmp(json_string_value(json_object_get(v, "date")), "2030-05-01") == 0 &&
                      strcmp(ws_text_of(a, v, "headline", LANG_SL).local, "Idrija, mesto digitalnih talentov") == 0,
              "its fields land in the record's vision object; the rest of the record stays");
        const char *const bad[] = { "date", "2030-02-30", NULL };
        CHECK_INTEQ(apply(a, WS_PLAN, rec, bad, p, &n), -EINVAL, "an impossible newspaper date is refused");
        json_decref(rec);
}

static void test_periods_and_poll(Arena *a) {
        struct {
                const char *in;
                int want;
        } cases[] = { { "2025: 10", 0 }, { " 2025 : 10 , 2026Q1: 12 ,", 0 }, { "", 0 }, { "2025Q5: 1", -EINVAL },
                      { "2025-13: 1", -EINVAL }, { "2025 10", -EINVAL }, { "2025: x", -EINVAL }, { "2025: -1", -EINVAL },
                      { "2025: 1, 2025: 2", -EINVAL }, { "2025: 1000000001", -EINVAL }, { ":5", -EINVAL } };
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
                json_t *o = NULL;
                const char *msgid = NULL;
                int r = ws_periods_parse(cases[i].in, &o, &msgid);
                CHECK(r == cases[i].want && (r == 0 ? o != NULL : msgid != NULL), "periods \"%s\"", cases[i].in);
                json_decref(o);
        }
        char big[IAP_PERIODS_MAX * 12 + 32] = "";
        for (int y = 0; y <= IAP_PERIODS_MAX; y++)
                snprintf(big + strlen(big), sizeof big - strlen(big), "%d: 1,", 2000 + y);
        json_t *o = NULL;
        const char *msgid;
        CHECK_INTEQ(ws_periods_parse(big, &o, &msgid), -E2BIG, "more than IAP_PERIODS_MAX periods");
        int *v;
        size_t n;
        CHECK(ws_poll_parse(a, "7, 8 6;10", 1, 10, &v, &n, &msgid) == 0 && n == 4 && v[3] == 10, "poll answers");
        CHECK_INTEQ(ws_poll_parse(a, "0", 1, 10, &v, &n, &msgid), -EINVAL, "an answer below the scale");
        CHECK_INTEQ(ws_poll_parse(a, "5x", 1, 10, &v, &n, &msgid), -EINVAL, "not a number");
        char many[WS_POLL_ANSWERS_MAX * 2 + 8] = "";
        for (int i = 0; i <= WS_POLL_ANSWERS_MAX; i++)
                strcat(many, "5,");
        CHECK_INTEQ(ws_poll_parse(a, many, 1, 10, &v, &n, &msgid), -E2BIG, "more than WS_POLL_ANSWERS_MAX answers");
        char *poll_over = repeat(' ', WS_POLL_TEXT_MAX + 1);
        poll_over[0] = '5';
        CHECK_INTEQ(ws_poll_parse(a, poll_over, 1, 10, &v, &n, &msgid), -E2BIG, "answers over WS_POLL_TEXT_MAX bytes");
        free(poll_over);
}

static void test_round(Arena *a, const IapTools *tools) {
        const IapTool *ru = iap_tools_get(tools, IAP_TOOL_RUBRIC), *poll = iap_tools_get(tools, IAP_TOOL_CONFIDENCE_POLL);
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        json_t *doc = NULL;
        Kv bad = { (const char *const[]){ "date", "2024-06-01", "score_strategic_goal", "4", NULL } };
        CHECK_INTEQ(ws_round_read(a, ru, poll, LANG_SL, kv_get, &bad, &doc, p, &n), -EINVAL, "score 4 refused");
        Kv ev = { (const char *const[]){ "date", "2024-06-01", "evidence_strategic_goal_local", "x", NULL } };
        CHECK_INTEQ(ws_round_read(a, ru, poll, LANG_SL, kv_get, &ev, &doc, p, &n), -EINVAL, "evidence without a score refused");
        char *ev_over = repeat('e', IAP_EVIDENCE_MAX + 1);
        Kv big = { (const char *const[]){ "date", "2024-06-01", "score_strategic_goal", "5", "evidence_strategic_goal_local",
                                          ev_over, NULL } };
        CHECK_INTEQ(ws_round_read(a, ru, poll, LANG_SL, kv_get, &big, &doc, p, &n), -EINVAL, "evidence over IAP_EVIDENCE_MAX");
        free(ev_over);
        Kv ok = { (const char *const[]){ "date", "2024-06-01", "score_strategic_goal", "5", "evidence_strategic_goal_local",
                                         "<b>SMART</b>", "poll_integration", "6, 7", NULL } };
        CHECK_INTEQ(ws_round_read(a, ru, poll, LANG_SL, kv_get, &ok, &doc, p, &n), 0, "a round with a score and poll answers");
        CHECK(json_array_size(json_object_get(doc, "scores")) == 1 &&
                      json_array_size(json_object_get(json_object_get(doc, "poll"), "integration")) == 2,
              "scores and answers kept");
        json_t *evj = json_object_get(json_array_get(json_object_get(doc, "scores"), 0), "evidence");
        CHECK(json_is_object(evj) && strcmp(json_string_value(json_object_get(evj, "source")), "local") == 0 &&
                      strcmp(json_string_value(json_object_get(evj, "local")), "<b>SMART</b>") == 0,
              "evidence kept in the city's language, marked as the source");
        json_decref(doc);
        Kv en = { (const char *const[]){ "date", "2024-06-01", "score_strategic_goal", "3", "evidence_strategic_goal_en",
                                         "Measurable", NULL } };
        CHECK_INTEQ(ws_round_read(a, ru, poll, LANG_SL, kv_get, &en, &doc, p, &n), 0, "evidence in English only");
        evj = json_object_get(json_array_get(json_object_get(doc, "scores"), 0), "evidence");
        CHECK_STREQ(json_string_value(json_object_get(evj, "source")), "en", "English is then the source");
        json_decref(doc);
}

static const IapTools *g_tools;

static void test_rounds_limit(Store *s, Arena *a, const City *city) {
        const IapTool *ru = iap_tools_get(g_tools, IAP_TOOL_RUBRIC), *poll = iap_tools_get(g_tools, IAP_TOOL_CONFIDENCE_POLL);
        Kv r1 = { (const char *const[]){ "date", "2024-06-01", "score_strategic_goal", "3", NULL } };
        WsSaveResult res;
        StoreConn *c;
        IapRecordRow taken = { .city_slug = city->slug, .kind = "round", .rec_id = "round-2", .position = 0,
                               .doc = "{\"date\": \"2024-01-01\", \"tool_version\": 1, \"scores\": []}" };
        store_begin(s, &c);
        store_iap_insert(c, &taken);
        store_commit(c);
        CHECK(ws_round_save(s, a, city, ru, poll, kv_get, &r1, &res) == 0 && strcmp(res.rec_id, "round-3") == 0,
              "a round whose id was taken meanwhile gets the next one");
        int ok = 2;
        while (ok < WS_ROUNDS_MAX + 5 && ws_round_save(s, a, city, ru, poll, kv_get, &r1, &res) == 0)
                ok++;
        CHECK_INTEQ(ok, WS_ROUNDS_MAX, "a city keeps WS_ROUNDS_MAX rounds");
        CHECK_INTEQ(ws_round_save(s, a, city, ru, poll, kv_get, &r1, &res), -E2BIG, "one more round is refused");
        WsRound *w;
        size_t n;
        CHECK(ws_rounds_load(s, a, city, LANG_EN, &w, &n) == 0 && n == WS_ROUNDS_MAX && w[1].round.n_scores == 1 &&
                      w[1].round.scores[0].score == 3,
              "every round is kept with its scores");
}

static void test_store(Arena *a) {
        char path[] = "/tmp/td-wsedit-XXXXXX";
        int fd = mkstemp(path);
        close(fd);
        Store *s;
        char url[64];
        snprintf(url, sizeof url, "sqlite:%s", path);
        int applied;
        CHECK(store_open(url, 2, &s) == 0 && store_migrate(s, &applied) == 0, "a fresh store");
        StoreConn *c;
        City city = { .slug = "idrija", .name = "Idrija", .name_local = "Idrija", .country = "SI", .lang = "sl",
                      .population = 11800 };
        store_begin(s, &c);
        store_city_upsert(c, &city);
        store_commit(c);
        const WsForm *obj = ws_form_by_slug("objectives");
        WsSaveResult res;
        Kv v1 = { (const char *const[]){ "title_local", "Cilj", NULL } };
        CHECK(ws_save(s, a, &city, obj, NULL, 0, kv_get, &v1, &res) == 0 && strcmp(res.rec_id, "objective-1") == 0,
              "a new record gets an id");
        Kv v2 = { (const char *const[]){ "title_local", "Cilj 2", NULL } };
        CHECK_INTEQ(ws_save(s, a, &city, obj, "objective-1", 1, kv_get, &v2, &res), 0, "saved over version 1");
        CHECK_INTEQ(ws_save(s, a, &city, obj, "objective-1", 1, kv_get, &v1, &res), -EEXIST, "version 1 again is stale");
        IapRecordRow *rows;
        size_t n;
        ws_rows(s, a, "idrija", WS_OBJECTIVE, &rows, &n);
        CHECK(n == 1 && rows[0].version == 2 && strstr(rows[0].doc, "Cilj 2"), "the stale save changed nothing");
        Kv spec = { (const char *const[]){ "title_local", "Specifičen", "parent", "objective-1", NULL } };
        CHECK_INTEQ(ws_save(s, a, &city, obj, NULL, 0, kv_get, &spec, &res), 0, "a specific objective");
        Kv dangling = { (const char *const[]){ "title_local", "X", "parent", "objective-9", NULL } };
        CHECK_INTEQ(ws_save(s, a, &city, obj, NULL, 0, kv_get, &dangling, &res), -EINVAL, "a dangling link is refused");
        CHECK_INTEQ(ws_delete(s, a, &city, obj, "objective-1", 2, &res), -EINVAL, "a referred-to record stays");
        const WsForm *pf = ws_form_by_slug("problems");
        Kv core = { (const char *const[]){ "kind", "problem", "text_local", "Jedro", NULL } };
        Kv cause = { (const char *const[]){ "kind", "cause", "parent", "problem-1", "text_local", "Vzrok", NULL } };
        CHECK(ws_save(s, a, &city, pf, NULL, 0, kv_get, &core, &res) == 0 && ws_save(s, a, &city, pf, NULL, 0, kv_get, &cause, &res) == 0,
              "a problem and its cause");
        CHECK_INTEQ(ws_delete(s, a, &city, pf, "problem-1", 1, &res), -EINVAL,
                    "a problem with causes under it cannot be deleted");
        CHECK_INTEQ(ws_delete(s, a, &city, pf, "problem-2", 1, &res), 0, "its cause can");
        CHECK_INTEQ(ws_delete(s, a, &city, obj, "objective-2", 9, &res), -EEXIST, "a delete over a wrong version");
        CHECK_INTEQ(ws_delete(s, a, &city, obj, "objective-2", 1, &res), 0, "a delete over the right version");
        CHECK_INTEQ(ws_save(s, a, &city, obj, "objective-7", 1, kv_get, &v1, &res), -ENOENT, "an unknown record");
        const WsForm *vf = ws_form_by_slug("vision");
        Kv vis = { (const char *const[]){ "headline_local", "Naslov", NULL } };
        CHECK(ws_save(s, a, &city, vf, NULL, 0, kv_get, &vis, &res) == 0 && strcmp(res.rec_id, "plan") == 0,
              "the vision makes the plan record when there is none");
        CHECK_INTEQ(ws_save(s, a, &city, vf, NULL, 0, kv_get, &vis, &res), -EEXIST, "a second one is refused");
        CHECK_INTEQ(ws_delete(s, a, &city, vf, "plan", 1, &res), -EINVAL, "the plan record cannot be deleted");
        IapRecordRow dup = { .city_slug = "idrija", .kind = "objective", .rec_id = "objective-1", .doc = "{}" };
        store_begin(s, &c);
        CHECK_INTEQ(store_iap_insert(c, &dup), -EEXIST, "adding a record whose id exists never replaces it");
        store_rollback(c);
        char q[8];
        ws_quarter_of(1717200000, q); /* 2024-06-01 */
        CHECK_STREQ(q, "2024Q2", "the quarter of a date");
        int64_t v = -1;
        for (int i = 0; i < WS_PLATFORM_MIN_GROUP; i++) {
                CHECK_INTEQ(ws_platform_figure(s, &city, WS_METRIC_JOBS, "2024Q2", &v), -ENODATA,
                            "%d postings: not enough data", i);
                JobRow j = { .status = "published", .lang = "sl", .city = "Idrija", .remote = "no", .doc = "{}",
                             .published_at = "2024-05-02T10:00:00Z" };
                store_begin(s, &c);
                store_job_put(c, &j, 0, NULL);
                store_commit(c);
        }
        CHECK(ws_platform_figure(s, &city, WS_METRIC_JOBS, "2024Q2", &v) == 0 && v == WS_PLATFORM_MIN_GROUP,
              "at WS_PLATFORM_MIN_GROUP postings the figure is shown");
        CHECK_INTEQ(ws_platform_figure(s, &city, WS_METRIC_JOBS, "2024Q3", &v), -ENODATA, "another quarter: none");
        CHECK_INTEQ(ws_platform_figure(s, &city, "placements", "2024Q2", &v), -ENOENT, "an unknown metric");
        IapIndicator ind = { .id = "i1", .platform_metric = WS_METRIC_JOBS, .from_platform = true };
        IapPlan plan = { .indicators = &ind, .n_indicators = 1 };
        CHECK(ws_platform_fill(s, a, &city, &plan, "2024Q2") == 0 && ind.n_actuals == 1 &&
                      ind.actuals[0].value == WS_PLATFORM_MIN_GROUP && !ind.actuals[0].insufficient,
              "the plan's platform indicator gets the quarter's figure");
        CHECK(ws_platform_fill(s, a, &city, &plan, "2024Q3") == 0 && ind.n_actuals == 2 && ind.actuals[1].insufficient,
              "below the minimum group it is marked insufficient, without a figure");
        IapPeriodValue full[IAP_PERIODS_MAX];
        for (int i = 0; i < IAP_PERIODS_MAX; i++)
                full[i] = (IapPeriodValue){ .period = arena_printf(a, "%d", 1990 + i), .value = i };
        IapIndicator fullind = { .platform_metric = WS_METRIC_JOBS, .actuals = full, .n_actuals = IAP_PERIODS_MAX };
        IapPlan fullplan = { .indicators = &fullind, .n_indicators = 1 };
        CHECK(ws_platform_fill(s, a, &city, &fullplan, "2024Q2") == 0 && fullind.n_actuals == IAP_PERIODS_MAX,
              "an indicator with IAP_PERIODS_MAX actuals keeps them");
        if (g_tools)
                test_rounds_limit(s, a, &city);
        store_close(s);
        unlink(path);
}

static void test_lang_spans(Arena *a) {
        CHECK(doc_lang_span(a, "EN", "x") == NULL && doc_lang_span(a, "e\"n", "x") == NULL, "bad codes refused");
        Doc *d = doc_new(a, "t", "sl");
        doc_paragraph(d, doc_lang_span(a, "en", "<Coding> club"));
        doc_paragraph(d, "stray " DOC_LANG_OPEN "en no close");
        doc_paragraph(d, DOC_LANG_OPEN "e1" DOC_LANG_SEP "x" DOC_LANG_CLOSE);
        StrBuf b = STRBUF_INIT;
        doc_render_html(d, 0, &b);
        const char *h = strbuf_str(&b);
        CHECK(strstr(h, "<p><span lang=\"en\">&lt;Coding&gt; club</span></p>") != NULL, "a span carries lang, escaped");
        CHECK(strstr(h, "<span lang=\"e1\"") == NULL && strstr(h, "stray") != NULL, "malformed marks make no span");
        strbuf_free(&b);
}

int main(void) {
        Arena *a = arena_new();
        IapTools *tools = NULL;
        IapLoadError err;
        test_forms();
        test_meeting_fields(a);
        test_bilingual(a);
        test_minutes(a);
        test_action_and_indicator(a);
        test_periods_and_poll(a);
        test_vision(a);
        CHECK(iap_tools_load(NULL, &tools, &err) == 0, "tools load");
        if (tools)
                test_round(a, tools);
        g_tools = tools;
        test_store(a);
        test_lang_spans(a);
        iap_tools_free(tools);
        arena_free(a);
        return test_done();
}
