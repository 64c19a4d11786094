/* The URBACT tool definition files: the shipped ones load and carry every
 * label in all seven languages; malformed ones are refused with the file
 * and field named; rubric totals, round comparison, poll statistics. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/paths.h"
#include "domain/iap/tools.h"
#include "test.h"

static IapTools *tools;

static int check_label(const IapLabel *l, const char *what, const char *tool) {
        int missing = 0;
        for (int g = 0; g < LANG_MAX; g++)
                if (!l->s[g] || !*l->s[g]) {
                        printf("# %s: %s has no %s text\n", tool, what, lang_code((Lang)g));
                        missing++;
                }
        return missing;
}

static int check_item(const IapItem *it, const char *tool) {
        int m = check_label(&it->label, it->id, tool);
        for (size_t k = 0; k < it->n_notes; k++)
                m += check_label(&it->notes[k], it->id, tool);
        for (size_t k = 0; it->has_indications && k < 3; k++)
                m += check_label(&it->indications[k], it->id, tool);
        for (size_t k = 0; k < it->n_options; k++)
                m += check_label(&it->options[k].label, it->options[k].id, tool);
        return m;
}

static void test_shipped_files(void) {
        IapLoadError err;
        int r = iap_tools_load(NULL, &tools, &err);
        CHECK_INTEQ(r, 0, "all shipped definition files load");
        if (r < 0) {
                printf("# %s %s: %s\n", err.file, err.field, err.msgid);
                exit(test_done());
        }
        int missing = 0;
        for (int i = 0; i < IAP_TOOL_MAX; i++) {
                const IapTool *t = iap_tools_get(tools, (IapToolId)i);
                CHECK(t && strcmp(t->id, iap_tool_name((IapToolId)i)) == 0 && t->version >= 1, "tool %s present",
                      iap_tool_name((IapToolId)i));
                missing += check_label(&t->title, "title", t->id) + check_label(&t->description, "description", t->id);
                for (size_t c = 0; c < t->n_columns; c++) {
                        missing += check_label(&t->columns[c].label, t->columns[c].id, t->id);
                        if (t->columns[c].help.s[LANG_EN])
                                missing += check_label(&t->columns[c].help, t->columns[c].id, t->id);
                        for (size_t k = 0; k < t->columns[c].n_options; k++)
                                missing += check_label(&t->columns[c].options[k].label, t->columns[c].id, t->id);
                }
                for (size_t s = 0; s < t->n_sections; s++) {
                        missing += check_label(&t->sections[s].label, t->sections[s].id, t->id);
                        for (size_t k = 0; k < t->sections[s].n_items; k++)
                                missing += check_item(&t->sections[s].items[k], t->id);
                }
        }
        CHECK_INTEQ(missing, 0, "every label of every tool is present in all 7 languages");
}

static void test_tool_contents(void) {
        const IapTool *a12 = iap_tools_get(tools, IAP_TOOL_ASPECTS12);
        CHECK(a12->n_sections == 1 && a12->sections[0].n_items == 12, "aspects12 has the 12 aspects");
        CHECK_INTEQ(a12->n_columns, 5, "aspects12: relevant, why, baseline level, baseline, future actions");
        CHECK(a12->columns[2].type == IAP_FIELD_CHOICE && a12->columns[2].n_options == 3 &&
                      strcmp(a12->columns[2].id, "baseline_level") == 0,
              "aspects12: baseline level low/partial/high");
        CHECK_STREQ(iap_label(&a12->sections[0].items[11].label, LANG_EN), "Mobilising all available funding",
                    "12th aspect as in the seed");
        const IapTool *g = iap_tools_get(tools, IAP_TOOL_INTEGRATION_GRID);
        CHECK_INTEQ(g->sections[0].n_items, 5, "grid: policy/sector, horizontal, vertical, territorial, hard+soft");
        CHECK_STREQ(iap_label(&g->sections[0].items[4].notes[1], LANG_IT), "Per esempio, FESR + FSE", "grid note in Italian");
        const IapTool *ru = iap_tools_get(tools, IAP_TOOL_RUBRIC);
        CHECK(ru->n_sections == 3 && ru->sections[0].n_items == 2 && ru->sections[1].n_items == 8 &&
                      ru->sections[2].n_items == 1,
              "rubric: 2 process, 8 content, 1 integrated-approach indicators as in the seed");
        const IapItem *pa = iap_tool_find_item(ru, "problem_analysis", NULL);
        CHECK(pa && pa->has_indications, "problem_analysis has indications");
        CHECK_STREQ(iap_label(&pa->indications[IAP_INDICATION_3], LANG_EN), "Weak attempt at problem analysis",
                    "score-3 indication");
        const IapTool *poll = iap_tools_get(tools, IAP_TOOL_CONFIDENCE_POLL);
        CHECK(poll->scale_min == 1 && poll->scale_max == 10, "poll scale 1..10");
        const IapItem *dec = iap_tool_find_item(iap_tools_get(tools, IAP_TOOL_TESTING_CANVAS), "decision", NULL);
        CHECK(dec && dec->type == IAP_FIELD_CHOICE && dec->n_options == 3, "testing canvas: scale up/adapt/drop");
        const IapItem *email = iap_tool_find_item(iap_tools_get(tools, IAP_TOOL_GOOD_PRACTICE), "email", NULL);
        CHECK(email && email->personal, "good practice e-mail is marked personal");
        CHECK_INTEQ(iap_tools_get(tools, IAP_TOOL_IAP_STRUCTURE)->n_sections, 4, "IAP has 4 sections");
}

static void test_label_fallback(void) {
        IapLabel l = {{NULL}};
        l.s[LANG_EN] = "English";
        l.s[LANG_EL] = "Ελληνικά";
        l.s[LANG_PL] = "";
        CHECK_STREQ(iap_label(&l, LANG_EL), "Ελληνικά", "label in Greek");
        CHECK_STREQ(iap_label(&l, LANG_SL), "English", "missing Slovene falls back to English");
        CHECK_STREQ(iap_label(&l, LANG_PL), "English", "empty Polish falls back to English");
        CHECK_STREQ(iap_label(&l, (Lang)99), "English", "bad lang falls back to English");
        CHECK_STREQ(iap_label(NULL, LANG_EN), "", "NULL label is empty");
}

static const char base_ok[] = "{\"tool\":\"aspects12\",\"version\":1,\"title\":{\"en\":\"T\"},"
                              "\"sections\":[{\"id\":\"s\",\"label\":{\"en\":\"S\"},\"items\":[{\"id\":\"a\",\"label\":{\"en\":\"A\"}}]}]}";

static void test_malformed(void) {
        static const struct {
                const char *name, *json, *field;
                int rc;
        } cases[] = {
                {"aspects12", base_ok, "", 0},
                {"aspects12", "{\"tool\":\"aspects12\",", "", -EINVAL},
                {"aspects12", "[]", "", -EINVAL},
                {"aspects12", "{\"tool\":\"other\",\"version\":1,\"title\":{\"en\":\"T\"}}", "tool", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"version\":0,\"title\":{\"en\":\"T\"}}", "version", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"version\":1}", "title", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"version\":1,\"title\":{\"el\":\"Τ\"}}", "title.en", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"version\":1,\"title\":{\"en\":\"T\",\"xx\":\"?\"}}", "title.xx", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"version\":1,\"title\":{\"en\":\"T\"}}", "sections", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"version\":1,\"title\":{\"en\":\"T\"},\"sections\":[{\"id\":\"s\",\"label\":{\"en\":\"S\"},\"items\":[{\"id\":\"Bad Id\",\"label\":{\"en\":\"A\"}}]}]}",
                 "sections[0].items[0].id", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"version\":1,\"title\":{\"en\":\"T\"},\"sections\":[{\"id\":\"s\",\"label\":{\"en\":\"S\"},\"items\":[{\"id\":\"a\",\"label\":{\"en\":\"A\",\"el\":7}}]}]}",
                 "sections[0].items[0].label.el", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"version\":1,\"title\":{\"en\":\"T\"},\"sections\":[{\"id\":\"s\",\"label\":{\"en\":\"S\"},\"items\":[{\"id\":\"a\",\"label\":{\"en\":\"A\"}},{\"id\":\"a\",\"label\":{\"en\":\"B\"}}]}]}",
                 "sections[0].items[1].id", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"version\":1,\"title\":{\"en\":\"\\u00ff\\ud800\"}}", "", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"tool\":\"aspects12\"}", "", -EINVAL},
                {"action_planning_rubric", "{\"tool\":\"action_planning_rubric\",\"version\":1,\"title\":{\"en\":\"R\"},\"sections\":[{\"id\":\"s\",\"label\":{\"en\":\"S\"},\"items\":[{\"id\":\"i\",\"label\":{\"en\":\"I\"}}]}]}",
                 "sections[0].items[0].indications", -EINVAL},
                {"action_planning_rubric", "{\"tool\":\"action_planning_rubric\",\"version\":1,\"title\":{\"en\":\"R\"},\"sections\":[{\"id\":\"s\",\"label\":{\"en\":\"S\"},\"items\":[{\"id\":\"i\",\"label\":{\"en\":\"I\"},\"indications\":{\"1\":{\"en\":\"a\"},\"3\":{\"en\":\"b\"}}}]}]}",
                 "sections[0].items[0].indications.5", -EINVAL},
                {"confidence_poll", "{\"tool\":\"confidence_poll\",\"version\":1,\"title\":{\"en\":\"P\"},\"scale\":{\"min\":5,\"max\":5},\"sections\":[{\"id\":\"s\",\"label\":{\"en\":\"S\"},\"items\":[{\"id\":\"q\",\"label\":{\"en\":\"Q\"}}]}]}",
                 "scale", -EINVAL},
                {"testing_action_canvas", "{\"tool\":\"testing_action_canvas\",\"version\":1,\"title\":{\"en\":\"C\"},\"sections\":[{\"id\":\"s\",\"label\":{\"en\":\"S\"},\"items\":[{\"id\":\"d\",\"type\":\"choice\",\"label\":{\"en\":\"D\"}}]}]}",
                 "sections[0].items[0].options", -EINVAL},
                {"aspects12", "{\"tool\":\"aspects12\",\"version\":1,\"title\":{\"en\":\"T\"},\"columns\":[{\"id\":\"c\",\"type\":\"colour\",\"label\":{\"en\":\"C\"}}]}",
                 "columns[0].type", -EINVAL},
        };
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
                Arena *a = arena_new();
                IapTool *t = NULL;
                IapLoadError err;
                int r = iap_tool_parse(a, cases[i].name, cases[i].json, strlen(cases[i].json), &t, &err);
                CHECK_INTEQ(r, cases[i].rc, "case %zu: return code", i);
                if (cases[i].rc < 0) {
                        CHECK(err.msgid != NULL && strstr(err.file, cases[i].name), "case %zu: names file and reason (%s)",
                              i, err.msgid ? err.msgid : "none");
                        if (*cases[i].field)
                                CHECK_STREQ(err.field, cases[i].field, "case %zu: names the field", i);
                }
                arena_free(a);
        }
        /* Oversized input and a missing directory. */
        Arena *a = arena_new();
        size_t big = IAP_TOOL_FILE_MAX + 1;
        char *buf = malloc(big);
        memset(buf, ' ', big);
        IapTool *t;
        IapLoadError err;
        CHECK_INTEQ(iap_tool_parse(a, "aspects12", buf, big, &t, &err), -E2BIG, "file over the limit is -E2BIG");
        free(buf);
        arena_free(a);
        IapTools *none = NULL;
        CHECK_INTEQ(iap_tools_load("no-such-dir", &none, &err), -ENOENT, "missing directory: -ENOENT");
        CHECK(none == NULL && strcmp(err.file, "aspects12.json") == 0, "error names the missing file");
}

static IapRound mk_round(const char *date, int v, const IapScore *s, size_t n) {
        return (IapRound){date, v, s, n};
}

static void test_rubric(void) {
        const IapTool *ru = iap_tools_get(tools, IAP_TOOL_RUBRIC);
        CHECK(iap_score_valid(0) && iap_score_valid(1) && iap_score_valid(3) && iap_score_valid(5), "0,1,3,5 valid");
        CHECK(!iap_score_valid(2) && !iap_score_valid(4) && !iap_score_valid(6) && !iap_score_valid(-1), "2,4,6,-1 invalid");
        IapScore s1[] = {{"developed_with_partners", 3, "ULG met 4 times"},
                         {"consultation_meetings", 1, NULL},
                         {"problem_analysis", 3, "Problem tree done"},
                         {"three_pillars", 1, "Only social"}};
        IapScore s2[] = {{"developed_with_partners", 5, "Clear outline"},
                         {"consultation_meetings", 3, NULL},
                         {"problem_analysis", 5, "Data from the baseline study"},
                         {"indicators_used", 3, "<script>x</script>"},
                         {"three_pillars", 3, "Social and economic"}};
        IapRound before = mk_round("2024-06-12", 1, s1, 4), after = mk_round("2025-03-01", 2, s2, 5);
        IapSectionTotal tot[3], grand;
        CHECK_INTEQ(iap_round_totals(ru, &before, tot, 3, &grand), 0, "totals of round 1");
        CHECK(tot[0].total == 4 && tot[0].max == 10 && tot[0].scored == 2, "process 4/10");
        CHECK(tot[1].total == 3 && tot[1].max == 40 && tot[1].scored == 1 && tot[1].n == 8, "content 3/40, 1 of 8 scored");
        CHECK(tot[2].total == 1 && tot[2].max == 5, "integrated approach 1/5");
        CHECK(grand.total == 8 && grand.max == 55 && grand.n == 11, "grand total 8/55");
        CHECK_INTEQ(iap_round_totals(ru, &before, tot, 2, NULL), -E2BIG, "too small output is -E2BIG");
        IapComparison *c;
        Arena *a = arena_new();
        CHECK_INTEQ(iap_round_compare(a, ru, &before, &after, &c), 0, "compare rounds");
        CHECK(c->n_rows == 11 && c->n_sections == 3 && c->version_differs, "11 rows, versions differ");
        CHECK(c->before_grand.total == 8 && c->after_grand.total == 19, "grand 8 -> 19");
        int found = 0;
        for (size_t i = 0; i < c->n_rows; i++)
                if (strcmp(c->rows[i].indicator, "indicators_used") == 0)
                        found = c->rows[i].before == 0 && c->rows[i].after == 3 && c->rows[i].delta == 3;
        CHECK(found, "unscored -> 3 shows delta 3");
        arena_free(a);
        static const struct {
                IapScore s;
                const char *date;
                const char *msgid;
        } bad[] = {
                {{"problem_analysis", 4, NULL}, "2024-06-12", "score must be 1, 3 or 5"},
                {{"no_such", 3, NULL}, "2024-06-12", "unknown indicator"},
                {{"problem_analysis", 3, "\xff\xfe"}, "2024-06-12", "text is not valid UTF-8"},
                {{"problem_analysis", 3, NULL}, "2024-02-30", "date must be YYYY-MM-DD"},
                {{"problem_analysis", 3, NULL}, "12/06/2024", "date must be YYYY-MM-DD"},
        };
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
                IapRound r = mk_round(bad[i].date, 1, &bad[i].s, 1);
                const char *ind = NULL, *msg = NULL;
                CHECK_INTEQ(iap_round_check(ru, &r, &ind, &msg), -EINVAL, "bad round %zu refused", i);
                CHECK_STREQ(msg, bad[i].msgid, "bad round %zu reason", i);
        }
        IapScore twice[] = {{"problem_analysis", 3, NULL}, {"problem_analysis", 5, NULL}};
        IapRound r2 = mk_round("2024-06-12", 1, twice, 2);
        const char *msg = NULL;
        CHECK_INTEQ(iap_round_check(ru, &r2, NULL, &msg), -EINVAL, "indicator scored twice refused");
        char *longev = malloc(IAP_EVIDENCE_MAX + 2);
        memset(longev, 'x', IAP_EVIDENCE_MAX + 1);
        longev[IAP_EVIDENCE_MAX + 1] = '\0';
        IapScore ls = {"problem_analysis", 3, longev};
        IapRound r3 = mk_round("2024-06-12", 1, &ls, 1);
        CHECK_INTEQ(iap_round_check(ru, &r3, NULL, NULL), -E2BIG, "evidence over the limit is -E2BIG");
        free(longev);
}

static void test_poll(void) {
        int seed_poll[] = {3, 2, 4, 3, 1, 5, 3, 2}; /* the seed's "3 out of 10" */
        IapPollStats st;
        CHECK_INTEQ(iap_poll_stats(1, 10, seed_poll, 8, &st), 0, "poll stats");
        CHECK(st.n == 8 && st.mean_x10 == 29 && st.median_x10 == 30, "mean 2.9 (23/8 rounded), median 3.0");
        CHECK(st.dist[3] == 3 && st.dist[2] == 2 && st.dist[10] == 0, "distribution");
        int odd[] = {10, 1, 7};
        CHECK_INTEQ(iap_poll_stats(1, 10, odd, 3, &st), 0, "odd count");
        CHECK(st.median_x10 == 70 && st.mean_x10 == 60, "median 7, mean 6.0");
        int even[] = {4, 7};
        iap_poll_stats(1, 10, even, 2, &st);
        CHECK_INTEQ(st.median_x10, 55, "median of 4 and 7 is 5.5");
        IapPollStats keep = {.n = 99};
        int bad[] = {3, 11};
        CHECK_INTEQ(iap_poll_stats(1, 10, bad, 2, &keep), -EINVAL, "answer 11 on a 1-10 scale refused");
        CHECK_INTEQ(keep.n, 99, "stats untouched on error");
        int zero[] = {0};
        CHECK_INTEQ(iap_poll_stats(1, 10, zero, 1, &st), -EINVAL, "answer 0 refused");
        CHECK_INTEQ(iap_poll_stats(1, 10, NULL, 0, &st), 0, "no answers is fine");
        CHECK(st.n == 0 && st.mean_x10 == 0, "empty poll");
        CHECK_INTEQ(iap_poll_stats(5, 5, odd, 3, &st), -EINVAL, "degenerate scale refused");
        CHECK_INTEQ(iap_poll_stats(1, IAP_POLL_SCALE_MAX + 1, odd, 3, &st), -EINVAL, "scale over the limit refused");
}

int main(void) {
        test_shipped_files();
        test_tool_contents();
        test_label_fallback();
        test_malformed();
        test_rubric();
        test_poll();
        iap_tools_free(tools);
        iap_tools_free(NULL);
        return test_done();
}
