/* Completeness, career guidance and the bulk candidates JSONL parser. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "domain/profiles/candidates.h"
#include "domain/profiles/completeness.h"
#include "domain/profiles/guidance.h"
#include "test.h"

static void test_completeness(void) {
        Profile p;
        memset(&p, 0, sizeof p);
        Completeness c;
        profile_completeness(&p, &c);
        CHECK_INTEQ(c.score, 0, "empty profile scores 0");
        CHECK(c.n_steps == COMPLETENESS_STEP_MAX - 1 && c.steps[0] == COMPLETENESS_SKILLS,
              "first step: add 5 skills (%zu steps)", c.n_steps);
        CHECK_STREQ(completeness_step_msgid(c.steps[0]), "Add at least 5 skills for the roles you want.", "msgid");
        CHECK(c.steps[1] == COMPLETENESS_EXPERIENCE && c.missing_points[1] == 15, "then experience (15 points)");
        CHECK(c.steps[2] == COMPLETENESS_GOAL, "ties in enum order");

        ProfileSkill sk[6];
        for (int i = 0; i < 6; i++)
                sk[i] = (ProfileSkill){"http://data.europa.eu/esco/skill/x", "x", i < 3 ? 2 : 0, i == 5};
        p.skills = sk;
        p.n_skills = 3;
        profile_completeness(&p, &c);
        CHECK_INTEQ(c.score, 15 + 5, "3 rated skills: 15 of 25 skill points + 5 for levels");
        CHECK(c.steps[0] == COMPLETENESS_EXPERIENCE, "15 missing experience points before 10 missing skill points");
        p.n_skills = 6;
        profile_completeness(&p, &c);
        CHECK(c.steps[0] == COMPLETENESS_CONFIRM_SKILLS, "unconfirmed CV skills come first");
        CHECK_INTEQ(c.score, 25, "5 confirmed skills, not all rated");

        ProfileLanguage langs[2] = {{"en", false, CEFR_B1}, {"ro", true, CEFR_C2}};
        ProfileExperience ex = {"Tester", NULL, NULL, NULL, "2020-01", NULL, 12, NULL};
        ProfileEducation ed = {"Bootcamp", "ICT", NULL, 0, EDUCATION_BOOTCAMP, NULL, NULL};
        ProfileProject pr = {"Site", "Built a booking site for a bakery with HTML and CSS."};
        const char *cities[] = {"Idrija"}, *goals[] = {"http://data.europa.eu/esco/occupation/x"};
        for (int i = 0; i < 6; i++)
                sk[i].level = 3, sk[i].proposed = false;
        p.languages = langs, p.n_languages = 2;
        p.experience = &ex, p.n_experience = 1;
        p.education = &ed, p.n_education = 1;
        p.projects = &pr, p.n_projects = 1;
        p.prefs.cities = cities, p.prefs.n_cities = 1;
        p.prefs.start_date = "2027-01-01", p.prefs.hours = HOURS_PART_TIME;
        p.goal_occupations = goals, p.n_goal_occupations = 1;
        profile_completeness(&p, &c);
        CHECK(c.score == 100 && c.n_steps == 0, "complete profile: 100, no steps (%d)", c.score);
        pr.description = "short";
        profile_completeness(&p, &c);
        CHECK(c.score == 90 && c.steps[0] == COMPLETENESS_PROJECT, "a project needs a real description");
        CHECK_STREQ(completeness_step_msgid(COMPLETENESS_STEP_MAX), "", "out-of-range step");
}

#define OCC "http://data.europa.eu/esco/occupation/o1"
#define SK(n) "http://data.europa.eu/esco/skill/s" #n

static EscoIndex *small_index(void) {
        EscoIndex *idx = esco_index_new();
        static const char *const uris[] = {SK(1), SK(2), SK(3), SK(4), SK(5)};
        for (int i = 0; i < 5; i++) {
                EscoConcept c = {ESCO_CONCEPT_SKILL, uris[i], uris[i] + 33, NULL, 0, 0, "", "", "", "", ""};
                esco_index_add_concept(idx, &c);
        }
        EscoConcept o = {ESCO_CONCEPT_OCCUPATION, OCC, "web developer", NULL, 0, 0, "", "", "2513", "", ""};
        esco_index_add_concept(idx, &o);
        for (int i = 0; i < 4; i++) {
                EscoOccSkillRelation r = {OCC, ESCO_RELATION_ESSENTIAL, "", uris[i]};
                esco_index_add_relation(idx, &r);
        }
        EscoOccSkillRelation r = {OCC, ESCO_RELATION_OPTIONAL, "", uris[4]};
        esco_index_add_relation(idx, &r);
        esco_index_finish(idx);
        return idx;
}

static void test_guidance(void) {
        EscoIndex *idx = small_index();
        Arena *a = arena_new();
        ProfileSkill sk[3] = {{SK(1), "s1", 3, false}, {SK(2), "s2", 0, true}, {SK(5), "s5", 2, false}};
        Profile p;
        memset(&p, 0, sizeof p);
        p.skills = sk, p.n_skills = 3;
        const char *j2skills[] = {SK(1), SK(5)};
        GuidanceJob jobs[] = {
                {"a", OCC, "Arezzo", NULL, 0, 1000, 1000, "EUR", PAY_PER_MONTH},
                {"b", OCC, "arezzo", j2skills, 2, 1500, 1500, "EUR", PAY_PER_MONTH},
                {"c", OCC, "Arezzo", NULL, 0, 1800, 2200, "EUR", PAY_PER_MONTH},
                {"d", OCC, "Arezzo", NULL, 0, 2000, 3000, "EUR", PAY_PER_MONTH},
                {"e", OCC, "Arezzo", NULL, 0, 3000, 3000, "EUR", PAY_PER_MONTH},
                {"f", OCC, "Arezzo", NULL, 0, 3000, 5000, "EUR", PAY_PER_MONTH},
                {"g", OCC, "Trikala", NULL, 0, 900, 900, "EUR", PAY_PER_MONTH},
                {"h", OCC, "Arezzo", NULL, 0, 40000, 50000, "EUR", PAY_PER_YEAR},
                {"i", OCC, "Arezzo", NULL, 0, 5000, 6000, "PLN", PAY_PER_MONTH},
                {"j", OCC, "Arezzo", NULL, 0, 0, 0, "EUR", PAY_PER_MONTH},
                {"k", OCC, "Arezzo", NULL, 0, 3000, 2000, "EUR", PAY_PER_MONTH},
                {"l", "http://data.europa.eu/esco/occupation/other", "Arezzo", NULL, 0, 9000, 9000, "EUR", PAY_PER_MONTH},
        };
        GuidanceRequest req = {OCC, "Arezzo", "EUR", PAY_PER_MONTH};
        Guidance g;
        CHECK_INTEQ(guidance_compute(a, idx, &p, &req, jobs, 12, &g), 0, "guidance");
        CHECK(g.n_had == 1 && g.n_lacking == 3, "has 1 of 4 essential skills; a proposed one does not count");
        CHECK_STREQ(esco_index_skill(idx, g.had[0])->uri, SK(1), "the one it has");
        CHECK_INTEQ(g.n_fits, 11, "every job of the occupation");
        CHECK(g.fits[0].job == 1 && g.fits[0].covered == 2 && g.fits[0].required == 2, "job with its own list first");
        CHECK(g.fits[1].job == 0 && g.fits[1].covered == 1 && g.fits[1].required == 4, "then 1/4, input order");
        /* midpoints 1000 1500 2000 2500 3000 4000 (Trikala, yearly, PLN, none, inverted, other occupation out) */
        CHECK_INTEQ(g.pay.n, 6, "six ranges count");
        CHECK(g.pay.sufficient, "six >= GUIDANCE_MIN_PAY_JOBS");
        CHECK(g.pay.p25 == 1625.0 && g.pay.p50 == 2250.0 && g.pay.p75 == 2875.0, "p25/50/75 = 1625/2250/2875 (%g %g %g)",
              g.pay.p25, g.pay.p50, g.pay.p75);
        req.city = NULL;
        guidance_compute(a, idx, &p, &req, jobs, 12, &g);
        CHECK(g.pay.n == 7 && g.pay.p50 == 2000.0, "all cities: 7 ranges, median 2000 (%g)", g.pay.p50);
        req.city = "Arezzo";
        guidance_compute(a, idx, &p, &req, jobs, GUIDANCE_MIN_PAY_JOBS - 1, &g);
        CHECK(!g.pay.sufficient && g.pay.n == GUIDANCE_MIN_PAY_JOBS - 1 && g.pay.p50 == 0.0,
              "below the minimum count: n given, no figures");
        CHECK(strlen(guidance_insufficient_msgid()) > 0, "insufficient-data message");
        guidance_compute(a, idx, &p, &req, jobs, GUIDANCE_MIN_PAY_JOBS, &g);
        CHECK(g.pay.sufficient && g.pay.n == GUIDANCE_MIN_PAY_JOBS, "exactly the minimum is enough");
        req.occupation_uri = "http://nope";
        CHECK_INTEQ(guidance_compute(a, idx, &p, &req, jobs, 12, &g), -ENOENT, "unknown occupation");
        req.occupation_uri = OCC;
        req.period = PAY_PERIOD_MAX;
        CHECK_INTEQ(guidance_compute(a, idx, &p, &req, jobs, 12, &g), -EINVAL, "bad period");
        req.period = PAY_PER_MONTH;
        CHECK_INTEQ(guidance_compute(a, idx, &p, &req, jobs, GUIDANCE_MAX_JOBS + 1, &g), -E2BIG,
                    "more than GUIDANCE_MAX_JOBS -> -E2BIG");
        double one[] = {7.0};
        CHECK(guidance_percentile(one, 1, 75) == 7.0, "percentile of one value");
        arena_free(a);
        esco_index_free(idx);
}

typedef struct Got {
        int n;
        char first_id[64];
        size_t skills, langs, cities;
        int level;
        RemotePreference remote;
        CefrLevel lang_level;
        bool native;
} Got;

static int on_cand(void *ud, const CandidateRecord *r) {
        Got *g = ud;
        if (g->n++ == 0) {
                snprintf(g->first_id, sizeof g->first_id, "%s", r->external_id);
                g->skills = r->n_skills, g->langs = r->n_languages, g->cities = r->n_cities;
                g->level = r->n_skills ? r->skills[0].level : -1;
                g->remote = r->remote;
                g->lang_level = r->n_languages ? r->languages[0].level : CEFR_MAX;
                g->native = r->n_languages > 1 && r->languages[1].native;
        }
        return 0;
}

typedef struct BadLine {
        const char *name, *data;
        int rc;
        unsigned long line;
} BadLine;

static void test_candidates(void) {
        const char *ok = "{\"external_id\":\"c-1\",\"skills\":[{\"uri\":\"" SK(1) "\",\"level\":3},{\"uri\":\"" SK(2)
                         "\"}],\"languages\":[{\"code\":\"en\",\"level\":\"B2\"},{\"code\":\"ro\",\"level\":\"native\"}],"
                         "\"cities\":[\"Arezzo\",\"Ιδρια\"],\"remote\":\"hybrid\",\"future_key\":1}\r\n"
                         "\n   \n{\"external_id\":\"c-2\",\"remote\":true}";
        Got g = {0};
        unsigned long n = 0;
        CandidatesError err;
        CHECK_INTEQ(candidates_read_buffer(ok, strlen(ok), on_cand, &g, &n, &err), 0, "valid JSONL");
        CHECK(n == 2 && g.n == 2, "two records, blank lines skipped");
        CHECK_STREQ(g.first_id, "c-1", "external id");
        CHECK(g.skills == 2 && g.level == 3 && g.langs == 2 && g.cities == 2, "skills, languages, cities");
        CHECK(g.remote == REMOTE_HYBRID && g.lang_level == CEFR_B2 && g.native, "remote, CEFR, native");
        const char *esc = "{\"x\":{\"y\":[1,-2.5e3,true,null,\"z\"]},\"external_id\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\"}";
        memset(&g, 0, sizeof g);
        CHECK_INTEQ(candidates_read_buffer(esc, strlen(esc), on_cand, &g, &n, &err), 0, "escapes and unknown values");
        CHECK_STREQ(g.first_id, "café 😀 \"q\"", "\\u escapes and surrogate pairs decoded");

        static const BadLine bad[] = {
                {"not JSON", "{\"external_id\":\"a\"}\n{oops}\n", -EINVAL, 2},
                {"not an object", "[1,2]\n", -EINVAL, 1},
                {"no id", "{\"skills\":[]}\n", -EINVAL, 1},
                {"empty id", "{\"external_id\":\"\"}\n", -EINVAL, 1},
                {"bad uri", "{\"external_id\":\"a\",\"skills\":[{\"uri\":\"<script>\"}]}\n", -EINVAL, 1},
                {"level 5", "{\"external_id\":\"a\",\"skills\":[{\"uri\":\"" SK(1) "\",\"level\":5}]}\n", -EINVAL, 1},
                {"level string", "{\"external_id\":\"a\",\"skills\":[{\"uri\":\"" SK(1) "\",\"level\":\"3\"}]}\n", -EINVAL, 1},
                {"skills not list", "{\"external_id\":\"a\",\"skills\":{}}\n", -EINVAL, 1},
                {"bad language", "{\"external_id\":\"a\",\"languages\":[{\"code\":\"EN\",\"level\":\"B2\"}]}\n", -EINVAL, 1},
                {"bad CEFR", "{\"external_id\":\"a\",\"languages\":[{\"code\":\"en\",\"level\":\"D1\"}]}\n", -EINVAL, 1},
                {"bad remote", "{\"external_id\":\"a\",\"remote\":\"sometimes\"}\n", -EINVAL, 1},
                {"city not text", "{\"external_id\":\"a\",\"cities\":[3]}\n", -EINVAL, 1},
                {"duplicate key", "{\"external_id\":\"a\",\"external_id\":\"b\"}\n", -EINVAL, 1},
                {"invalid UTF-8", "{\"external_id\":\"caf\xC3\"}\n", -EINVAL, 1},
                {"level 3.0", "{\"external_id\":\"a\",\"skills\":[{\"uri\":\"" SK(1) "\",\"level\":3.0}]}\n", -EINVAL, 1},
                {"unpaired surrogate", "{\"external_id\":\"\\ud800\"}\n", -EINVAL, 1},
                {"NUL escape", "{\"external_id\":\"a\\u0000\"}\n", -EINVAL, 1},
                {"raw control char", "{\"external_id\":\"a\tb\"}\n", -EINVAL, 1},
                {"trailing text", "{\"external_id\":\"a\"} x\n", -EINVAL, 1},
                {"two objects", "{\"external_id\":\"a\"}{\"external_id\":\"b\"}\n", -EINVAL, 1},
                {"trailing comma", "{\"external_id\":\"a\",}\n", -EINVAL, 1},
                {"leading zero", "{\"external_id\":\"a\",\"x\":01}\n", -EINVAL, 1},
                {"deep unknown value", "{\"external_id\":\"a\",\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}\n", -E2BIG, 1},
                {"unterminated", "{\"external_id\":\"a\n", -EINVAL, 1},
                {"line 3 after blank", "{\"external_id\":\"a\"}\n\n{\"external_id\":1}\n", -EINVAL, 3},
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
                memset(&err, 0, sizeof err);
                int rc = candidates_read_buffer(bad[i].data, strlen(bad[i].data), NULL, NULL, NULL, &err);
                CHECK_INTEQ(rc, bad[i].rc, "%s rejected", bad[i].name);
                CHECK(err.line == bad[i].line && err.msgid, "%s: line %lu (%s)", bad[i].name, err.line,
                      err.msgid ? err.msgid : "");
        }
        StrBuf b;
        strbuf_init(&b, 0);
        strbuf_puts(&b, "{\"external_id\":\"a\",\"skills\":[");
        for (int i = 0; i <= PROFILE_MAX_SKILLS; i++)
                strbuf_printf(&b, "%s{\"uri\":\"" SK(1) "\"}", i ? "," : "");
        strbuf_puts(&b, "]}\n");
        CHECK_INTEQ(candidates_read_buffer(strbuf_str(&b), b.len, NULL, NULL, NULL, &err), -E2BIG,
                    "more than PROFILE_MAX_SKILLS skills -> -E2BIG");
        strbuf_reset(&b);
        strbuf_puts(&b, "{\"external_id\":\"");
        for (int i = 0; i < CANDIDATES_MAX_LINE_BYTES; i++)
                strbuf_putc(&b, 'x');
        strbuf_puts(&b, "\"}\n");
        CHECK_INTEQ(candidates_read_buffer(strbuf_str(&b), b.len, NULL, NULL, NULL, &err), -E2BIG,
                    "line over CANDIDATES_MAX_LINE_BYTES -> -E2BIG");
        strbuf_free(&b);
        strbuf_init(&b, 0);
        strbuf_puts(&b, "{\"external_id\":\"");
        for (int i = 0; i <= CANDIDATES_MAX_ID_BYTES; i++)
                strbuf_putc(&b, 'i');
        strbuf_puts(&b, "\"}\n");
        CHECK_INTEQ(candidates_read_buffer(strbuf_str(&b), b.len, NULL, NULL, NULL, &err), -EINVAL,
                    "external_id over CANDIDATES_MAX_ID_BYTES refused");
        strbuf_free(&b);
        FILE *f = fmemopen((void *)ok, strlen(ok), "r");
        memset(&g, 0, sizeof g);
        CHECK(candidates_read_file(f, on_cand, &g, &n, &err) == 0 && n == 2 && g.n == 2, "file reader");
        fclose(f);
}

int main(void) {
        test_completeness();
        test_guidance();
        test_candidates();
        return test_done();
}
