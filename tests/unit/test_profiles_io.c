/* Europass XML and JSON Resume import/export; CV skill proposals.
 * Run from the repository root (../shared/data beside it). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "domain/profiles/profile_io.h"
#include "domain/profiles/profile_json.h"
#include "test.h"

#define CVS "../shared/data/cvs/"

static EscoIndex *esco;

static char *slurp(const char *path, size_t *ret_len) {
        FILE *f = fopen(path, "rb");
        if (!f)
                return NULL;
        StrBuf b;
        strbuf_init(&b, 0);
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
                strbuf_append(&b, buf, n);
        fclose(f);
        return strbuf_detach(&b, ret_len);
}

static const ProfileImportOptions opts = {"2020-01-01", NULL};

static void test_europass_examples(void) {
        static const char *const files[] = {"Europass_CV_V3.4.0_Example.xml", "Europass_CVwithCL_V3.4.0_Example.xml",
                                            "Europass_CV_ESP_CL_LP_V3.4.0_Example.xml"};
        for (size_t i = 0; i < 3; i++) {
                char path[256];
                snprintf(path, sizeof path, CVS "europass_examples/%s", files[i]);
                size_t len;
                char *xml = slurp(path, &len);
                CHECK(xml != NULL, "read %s", files[i]);
                Arena *a = arena_new();
                Profile p;
                ProfileIdentity id;
                ProfileIoError err;
                int rc = europass_import(a, xml, len, &opts, &p, &id, &err);
                CHECK_INTEQ(rc, 0, "%s imports (%s %s)", files[i], err.msgid ? err.msgid : "", err.detail);
                if (rc == 0) {
                        CHECK_STREQ(id.given_name, "Chuck", "%s: first name goes to the identity", files[i]);
                        CHECK_STREQ(id.family_name, "NORRIS", "%s: surname", files[i]);
                        CHECK(id.email && strstr(id.email, "@"), "%s: e-mail in identity", files[i]);
                        CHECK(p.n_experience >= 1 && p.experience[0].role, "%s: work experience", files[i]);
                        CHECK(p.n_education >= 1, "%s: education", files[i]);
                        CHECK(p.n_languages >= 2, "%s: languages (%zu)", files[i], p.n_languages);
                }
                if (i == 0 && rc == 0) {
                        CHECK_STREQ(p.experience[0].role, "Martial Arts Instructor", "role");
                        CHECK_STREQ(p.experience[0].sector, "Human health and social work", "sector");
                        CHECK_INTEQ(p.experience[0].months, 229, "current job 2001 .. 2020-01 = 229 months");
                        CHECK(p.experience[0].end == NULL, "current job has no end");
                        CHECK(strstr(p.experience[0].description, "Preparing class plans") &&
                                      !strchr(p.experience[0].description, '<'),
                              "activities as plain text");
                        CHECK_INTEQ(p.education[0].eqf_level, 6, "EQF level 6");
                        CHECK_STREQ(p.education[0].field, "Arts", "field of study");
                        int en = profile_language_find(&p, "en"), ja = profile_language_find(&p, "ja");
                        CHECK(en >= 0 && p.languages[en].native, "English mother tongue");
                        CHECK(ja >= 0 && !p.languages[ja].native && p.languages[ja].level == CEFR_C1, "Japanese C1");
                        CHECK_INTEQ(id.n_phones, 2, "two phone numbers");
                        CHECK_STREQ(id.city, "London", "city in identity");
                        CHECK(p.skills_text && strstr(p.skills_text, "Business Processes"), "skills text kept");
                        CHECK(p.n_projects == 1 && strcmp(p.projects[0].description, "Bla Bla my projects.") == 0,
                              "projects achievement");
                        CHECK_STREQ(p.headline, "Chuck Norris law enforcement", "headline");
                }
                if (i == 2 && rc == 0) {
                        CHECK_STREQ(id.birthdate, "1940-03-10", "birthdate from year/--month/---day");
                        CHECK(id.gender != NULL, "gender in identity, not in profile");
                        CHECK(id.n_nationalities >= 2, "nationalities in identity");
                        StrBuf out;
                        strbuf_init(&out, 0);
                        CHECK(europass_export(&p, &id, &out) == 0 && !strstr(strbuf_str(&out), "Photo"),
                              "the photo is never kept");
                        strbuf_free(&out);
                }
                arena_free(a);
                free(xml);
        }
}

typedef struct BadDoc {
        const char *name, *doc;
        int rc;
} BadDoc;

static void test_europass_hostile(void) {
        static const BadDoc bad[] = {
                {"empty", "", -EINVAL},
                {"not XML", "hello", -EINVAL},
                {"truncated", "<SkillsPassport><LearnerInfo><Identification>", -EINVAL},
                {"wrong root", "<html><LearnerInfo/></html>", -EINVAL},
                {"no LearnerInfo", "<SkillsPassport/>", -EINVAL},
                {"billion laughs",
                 "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                 "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><SkillsPassport><LearnerInfo><Headline><Description>"
                 "<Label>&lol2;</Label></Description></Headline></LearnerInfo></SkillsPassport>",
                 -EINVAL},
                {"XXE", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        "<SkillsPassport><LearnerInfo><Headline><Description><Label>&xxe;</Label></Description>"
                        "</Headline></LearnerInfo></SkillsPassport>",
                 -EINVAL},
                {"external DTD", "<!DOCTYPE SkillsPassport SYSTEM \"http://example.com/x.dtd\"><SkillsPassport/>", -EINVAL},
                {"undeclared entity", "<SkillsPassport><LearnerInfo><Headline>&foo;</Headline></LearnerInfo></SkillsPassport>",
                 -EINVAL},
                {"invalid UTF-8", "<SkillsPassport><LearnerInfo><Headline><Description><Label>caf\xC3</Label>"
                                  "</Description></Headline></LearnerInfo></SkillsPassport>",
                 -EINVAL},
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
                Arena *a = arena_new();
                Profile p;
                memset(&p, 0x5A, sizeof p);
                ProfileIdentity id;
                memset(&id, 0x5A, sizeof id);
                Profile p0 = p;
                ProfileIoError err = {0};
                int rc = europass_import(a, bad[i].doc, strlen(bad[i].doc), &opts, &p, &id, &err);
                CHECK_INTEQ(rc, bad[i].rc, "europass %s rejected", bad[i].name);
                CHECK(err.msgid && *err.msgid, "%s: has a message (%s)", bad[i].name, err.msgid ? err.msgid : "");
                CHECK(memcmp(&p, &p0, sizeof p) == 0, "%s: profile left untouched", bad[i].name);
                arena_free(a);
        }
        /* nesting over EUROPASS_MAX_DEPTH */
        StrBuf b;
        strbuf_init(&b, 0);
        strbuf_puts(&b, "<SkillsPassport><LearnerInfo>");
        for (int i = 0; i < EUROPASS_MAX_DEPTH; i++)
                strbuf_puts(&b, "<x>");
        for (int i = 0; i < EUROPASS_MAX_DEPTH; i++)
                strbuf_puts(&b, "</x>");
        strbuf_puts(&b, "</LearnerInfo></SkillsPassport>");
        Arena *a = arena_new();
        Profile p;
        ProfileIoError err;
        CHECK_INTEQ(europass_import(a, strbuf_str(&b), b.len, &opts, &p, NULL, &err), -E2BIG,
                    "nesting over EUROPASS_MAX_DEPTH -> -E2BIG");
        strbuf_free(&b);
        char *big = calloc(1, EUROPASS_MAX_BYTES + 2);
        memset(big, ' ', EUROPASS_MAX_BYTES + 1);
        CHECK_INTEQ(europass_import(a, big, EUROPASS_MAX_BYTES + 1, &opts, &p, NULL, &err), -E2BIG,
                    "file over EUROPASS_MAX_BYTES -> -E2BIG");
        free(big);
        const char *xss = "<SkillsPassport><LearnerInfo><Headline><Description><Label>&lt;script&gt;alert(1)&lt;/script&gt;"
                          "</Label></Description></Headline></LearnerInfo></SkillsPassport>";
        CHECK(europass_import(a, xss, strlen(xss), &opts, &p, NULL, &err) == 0 &&
                      strcmp(p.headline, "<script>alert(1)</script>") == 0,
              "markup in text is kept as text (escaped by whoever renders it)");
        arena_free(a);
}

static Profile sample_profile(Arena *a, ProfileIdentity *id) {
        Profile p;
        memset(&p, 0, sizeof p);
        p.skills = arena_alloc(a, 3 * sizeof *p.skills);
        p.skills[0] = (ProfileSkill){"http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
                                     "Python (computer programming)", 3, false};
        p.skills[1] = (ProfileSkill){NULL, "Pied-piping & <compression>", 2, false};
        p.n_skills = 2;
        p.experience = arena_alloc(a, sizeof *p.experience);
        p.experience[0] = (ProfileExperience){"Web developer", NULL, "Information and communication", "ACME",
                                              "2019-03", "2021-02", 24, "Built sites\nwith \"care\" & tests"};
        p.n_experience = 1;
        p.education = arena_alloc(a, sizeof *p.education);
        p.education[0] = (ProfileEducation){"Coding bootcamp", "ICT", "School 42", 0, EDUCATION_BOOTCAMP, "2018", "2018"};
        p.n_education = 1;
        p.languages = arena_alloc(a, 2 * sizeof *p.languages);
        p.languages[0] = (ProfileLanguage){"ro", true, CEFR_C2};
        p.languages[1] = (ProfileLanguage){"en", false, CEFR_B2};
        p.n_languages = 2;
        p.projects = arena_alloc(a, sizeof *p.projects);
        p.projects[0] = (ProfileProject){"Map app", "A map of accessible cafés in Larnaka."};
        p.n_projects = 1;
        p.headline = "Junior developer";
        p.accommodations = "PRIVATE-ACCOMMODATION-NOTE";
        memset(id, 0, sizeof *id);
        id->name = "Ana Popescu";
        id->given_name = "Ana";
        id->family_name = "Popescu";
        id->email = "ana@example.org";
        id->city = "Bucharest";
        return p;
}

static void test_europass_roundtrip(void) {
        Arena *a = arena_new();
        ProfileIdentity id;
        Profile p = sample_profile(a, &id);
        StrBuf out;
        strbuf_init(&out, 0);
        CHECK_INTEQ(europass_export(&p, &id, &out), 0, "europass export");
        CHECK(!strstr(strbuf_str(&out), "PRIVATE-ACCOMMODATION"), "accommodations never exported");
        CHECK(strstr(strbuf_str(&out), "&amp;lt;compression&amp;gt;") != NULL, "text escaped as HTML, then as XML");
        Profile q;
        ProfileIdentity qi;
        ProfileIoError err;
        ProfileImportOptions o = {NULL, esco};
        int rc = europass_import(a, strbuf_str(&out), out.len, &o, &q, &qi, &err);
        CHECK_INTEQ(rc, 0, "re-import (%s %s)", err.msgid ? err.msgid : "", err.detail);
        if (rc == 0) {
                CHECK(q.n_skills == 1 && q.skills[0].uri && strcmp(q.skills[0].uri, p.skills[0].uri) == 0 &&
                              q.skills[0].level == 3,
                      "ESCO skill and level survive");
                CHECK(q.skills_text && strstr(q.skills_text, "Pied-piping & <compression> [2/4]"),
                      "unmapped skill kept as text");
                CHECK_STREQ(q.experience[0].role, "Web developer", "role");
                CHECK_STREQ(q.experience[0].start, "2019-03", "start month");
                CHECK_STREQ(q.experience[0].end, "2021-02", "end month");
                CHECK_INTEQ(q.experience[0].months, 24, "months from dates");
                CHECK_STREQ(q.experience[0].description, "Built sites\nwith \"care\" & tests", "description");
                CHECK(q.education[0].kind == EDUCATION_BOOTCAMP && profile_bootcamp_count(&q) == 1, "bootcamp");
                int en = profile_language_find(&q, "en"), ro = profile_language_find(&q, "ro");
                CHECK(en >= 0 && q.languages[en].level == CEFR_B2 && !q.languages[en].native, "English B2");
                CHECK(ro >= 0 && q.languages[ro].native, "Romanian native");
                CHECK_STREQ(q.projects[0].description, "A map of accessible cafés in Larnaka.", "project");
                CHECK_STREQ(qi.name, "Ana Popescu", "identity name");
                CHECK_STREQ(qi.email, "ana@example.org", "identity e-mail");
                CHECK(q.accommodations == NULL, "no accommodations after import");
        }
        strbuf_reset(&out);
        CHECK(europass_export(&p, NULL, &out) == 0 && !strstr(strbuf_str(&out), "Popescu") &&
                      !strstr(strbuf_str(&out), "Identification"),
              "anonymous export has no identification");
        strbuf_free(&out);
        arena_free(a);
}

static void test_jsonresume(void) {
        size_t len;
        char *json = slurp(CVS "jsonresume/sample.resume.json", &len);
        CHECK(json != NULL, "read sample.resume.json");
        Arena *a = arena_new();
        Profile p;
        ProfileIdentity id;
        ProfileIoError err;
        ProfileImportOptions o = {"2020-01-01", esco};
        int rc = jsonresume_import(a, json, len, &o, &p, &id, &err);
        CHECK_INTEQ(rc, 0, "sample.resume.json imports (%s %s)", err.msgid ? err.msgid : "", err.detail);
        if (rc == 0) {
                CHECK_STREQ(id.name, "Richard Hendriks", "name in identity");
                CHECK_STREQ(id.city, "San Francisco", "city in identity");
                CHECK(id.n_websites == 3, "url + 2 profiles as websites (%zu)", id.n_websites);
                CHECK_INTEQ(p.n_experience, 2, "work + volunteer");
                CHECK_INTEQ(p.experience[0].months, 13, "2013-12 .. 2014-12 = 13 months");
                CHECK(p.n_education == 1 && p.education[0].eqf_level == 6, "bachelor = EQF 6");
                int js = -1;
                for (size_t i = 0; i < p.n_skills; i++)
                        if (strcmp(p.skills[i].label, "Javascript") == 0)
                                js = (int)i;
                CHECK(js >= 0 && p.skills[js].uri && p.skills[js].proposed && p.skills[js].level == 4,
                      "keyword Javascript mapped to ESCO, proposed, Master = 4");
                CHECK(p.n_languages == 1 && p.languages[0].native && strcmp(p.languages[0].code, "en") == 0,
                      "English native speaker");
                CHECK_INTEQ(p.n_projects, 1, "project");
        }
        free(json);
        static const BadDoc bad[] = {
                {"empty", "", -EINVAL},
                {"not JSON", "{basics:", -EINVAL},
                {"array", "[]", -EINVAL},
                {"no basics", "{\"work\":[]}", -EINVAL},
                {"duplicate key", "{\"basics\":{},\"basics\":{}}", -EINVAL},
                {"invalid UTF-8", "{\"basics\":{\"name\":\"caf\xC3\"}}", -EINVAL},
                {"NUL escape", "{\"basics\":{\"name\":\"a\\u0000b\"}}", -EINVAL},
                {"deep", "{\"basics\":{},\"x\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}", -E2BIG},
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
                Profile q;
                memset(&q, 0x5A, sizeof q);
                Profile q0 = q;
                memset(&err, 0, sizeof err);
                rc = jsonresume_import(a, bad[i].doc, strlen(bad[i].doc), &o, &q, NULL, &err);
                CHECK_INTEQ(rc, bad[i].rc, "json resume %s rejected", bad[i].name);
                CHECK(err.msgid && memcmp(&q, &q0, sizeof q) == 0, "%s: message, nothing filled", bad[i].name);
        }
        StrBuf b;
        strbuf_init(&b, 0);
        strbuf_puts(&b, "{\"basics\":{},\"skills\":[");
        for (int i = 0; i <= PROFILE_MAX_SKILLS; i++)
                strbuf_printf(&b, "%s{\"name\":\"s%d\"}", i ? "," : "", i);
        strbuf_puts(&b, "]}");
        CHECK_INTEQ(jsonresume_import(a, strbuf_str(&b), b.len, &o, &p, NULL, &err), -E2BIG,
                    "more than PROFILE_MAX_SKILLS skills -> -E2BIG");
        strbuf_free(&b);
        arena_free(a);
}

static void test_jsonresume_roundtrip(void) {
        Arena *a = arena_new();
        ProfileIdentity id;
        Profile p = sample_profile(a, &id);
        StrBuf out;
        strbuf_init(&out, 0);
        CHECK_INTEQ(jsonresume_export(&p, &id, &out), 0, "json resume export");
        CHECK(!strstr(strbuf_str(&out), "PRIVATE-ACCOMMODATION"), "accommodations never exported");
        Profile q;
        ProfileIdentity qi;
        ProfileIoError err;
        int rc = jsonresume_import(a, strbuf_str(&out), out.len, NULL, &q, &qi, &err);
        CHECK_INTEQ(rc, 0, "re-import");
        if (rc == 0) {
                CHECK(q.n_skills == 2 && q.skills[0].uri && strcmp(q.skills[0].uri, p.skills[0].uri) == 0 &&
                              q.skills[0].level == 3 && q.skills[1].level == 2 && !q.skills[1].uri,
                      "skills with URIs and levels survive");
                CHECK_STREQ(q.skills[1].label, "Pied-piping & <compression>", "label survives");
                CHECK(q.n_experience == 1 && q.experience[0].months == 24, "experience and months");
                CHECK_STREQ(q.experience[0].description, p.experience[0].description, "description");
                int en = profile_language_find(&q, "en"), ro = profile_language_find(&q, "ro");
                CHECK(en >= 0 && q.languages[en].level == CEFR_B2, "English B2");
                CHECK(ro >= 0 && q.languages[ro].native, "Romanian native");
                CHECK(q.education[0].kind == EDUCATION_BOOTCAMP, "bootcamp");
                CHECK_STREQ(qi.email, "ana@example.org", "e-mail");
                CHECK_STREQ(q.projects[0].name, "Map app", "project");
        }
        strbuf_free(&out);
        arena_free(a);
}

static void test_propose(void) {
        Arena *a = arena_new();
        Profile p;
        memset(&p, 0, sizeof p);
        const char *cv = "Experience: Python and SQL, some project management. Python again.";
        int n = profile_propose_skills(a, &p, esco, cv, strlen(cv));
        CHECK(n >= 3 && (size_t)n == p.n_skills, "skills proposed from CV text (%d)", n);
        bool all = true;
        for (size_t i = 0; i < p.n_skills; i++)
                all &= p.skills[i].proposed && p.skills[i].uri != NULL;
        CHECK(all, "proposed, with ESCO URIs");
        CHECK_INTEQ(profile_propose_skills(a, &p, esco, cv, strlen(cv)), 0, "no duplicates on a second run");
        CHECK_INTEQ(profile_propose_skills(a, &p, esco, "\xff", 1), -EINVAL, "invalid UTF-8 -> -EINVAL");
        arena_free(a);
}

static void test_months(void) {
        int m = -1;
        CHECK(profile_months_between("2020-01", "2020-01", &m) == 0 && m == 1, "same month = 1");
        CHECK(profile_months_between("2019", "2020-12-31", &m) == 0 && m == 24, "year start = January");
        CHECK_INTEQ(profile_months_between("2021-01", "2020-01", &m), -EINVAL, "end before start");
        CHECK_INTEQ(profile_months_between("20x1", "2022", &m), -EINVAL, "malformed");
        CHECK_INTEQ(profile_months_between("2020-13", "2022", &m), -EINVAL, "month 13");
        CefrLevel l;
        CHECK(cefr_parse("b2", &l) == 0 && l == CEFR_B2, "cefr b2");
        CHECK_INTEQ(cefr_parse("D1", &l), -EINVAL, "cefr D1 invalid");
        CHECK_STREQ(cefr_name(CEFR_MAX), "?", "cefr name out of range");
}

static void test_profile_json(void) {
        Arena *a = arena_new();
        ProfileIdentity id;
        Profile p = sample_profile(a, &id);
        const char *cities[] = {"Idrija", "Ljubljana"}, *goals[] = {"http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"};
        p.prefs.cities = cities, p.prefs.n_cities = 2;
        p.prefs.remote = REMOTE_HYBRID, p.prefs.hours = HOURS_PART_TIME, p.prefs.hours_per_week = 20;
        p.prefs.start_date = "2027-01-15";
        p.goal_occupations = goals, p.n_goal_occupations = 1;
        p.share_accommodations = true;
        p.n_skills = 1; /* the free-text skill has no URI: checked below */
        StrBuf out;
        strbuf_init(&out, 0);
        CHECK_INTEQ(profile_json_write(&p, &out), 0, "profile JSON written");
        Profile q;
        ProfileIoError err;
        int rc = profile_json_read(a, strbuf_str(&out), out.len, esco, &q, &err);
        CHECK_INTEQ(rc, 0, "profile JSON read back (%s %s)", err.msgid ? err.msgid : "", err.detail);
        StrBuf again;
        strbuf_init(&again, 0);
        profile_json_write(&q, &again);
        CHECK_STREQ(strbuf_str(&again), strbuf_str(&out), "write(read(write(p))) == write(p)");
        CHECK(rc == 0 && q.accommodations && q.share_accommodations, "accommodations kept for the candidate's own view");
        CHECK(rc == 0 && q.prefs.n_cities == 2 && q.prefs.remote == REMOTE_HYBRID && q.prefs.hours_per_week == 20,
              "preferences");
        const char *minimal = "{\"skills\":[{\"uri\":\"http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d\",\"level\":2}]}";
        CHECK(profile_json_read(a, minimal, strlen(minimal), esco, &q, &err) == 0 && q.n_skills == 1 &&
                      strcmp(q.skills[0].label, "Python (computer programming)") == 0,
              "label defaults to the ESCO preferred label");
        static const struct {
                const char *name, *doc, *path;
                int rc;
        } bad[] = {
                {"unknown field", "{\"headlin\":\"x\"}", "headlin", -EINVAL},
                {"unknown nested field", "{\"skills\":[{\"label\":\"x\",\"lvl\":2}]}", "skills[].lvl", -EINVAL},
                {"wrong type", "{\"headline\":3}", "headline", -EINVAL},
                {"level 5", "{\"skills\":[{\"label\":\"x\",\"level\":5}]}", "skills[0].level", -EINVAL},
                {"unknown skill", "{\"skills\":[{\"uri\":\"http://data.europa.eu/esco/skill/nope\"}]}", "skills[0].uri", -EINVAL},
                {"unknown occupation", "{\"goal_occupations\":[\"http://x\"]}", "goal_occupations[0].v", -EINVAL},
                {"bad date", "{\"experience\":[{\"start\":\"2020-13\"}]}", "experience[0].start", -EINVAL},
                {"bad CEFR", "{\"languages\":[{\"code\":\"en\",\"level\":\"D1\"}]}", "languages[0].level", -EINVAL},
                {"duplicate language", "{\"languages\":[{\"code\":\"en\",\"level\":\"B1\"},{\"code\":\"en\",\"level\":\"B2\"}]}",
                 "languages[1].code", -EINVAL},
                {"bad remote", "{\"preferences\":{\"remote\":\"sometimes\"}}", "remote", -EINVAL},
                {"hours 100", "{\"preferences\":{\"hours_per_week\":100}}", "hours_per_week", -EINVAL},
                {"not JSON", "{", "", -EINVAL},
                {"array", "[]", "", -EINVAL},
                {"duplicate key", "{\"headline\":\"a\",\"headline\":\"b\"}", "", -EINVAL},
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
                Profile z;
                memset(&z, 0x5A, sizeof z);
                Profile z0 = z;
                memset(&err, 0, sizeof err);
                rc = profile_json_read(a, bad[i].doc, strlen(bad[i].doc), esco, &z, &err);
                CHECK_INTEQ(rc, bad[i].rc, "profile JSON %s rejected", bad[i].name);
                CHECK(err.msgid && (!*bad[i].path || strcmp(err.detail, bad[i].path) == 0) && memcmp(&z, &z0, sizeof z) == 0,
                      "%s: message, path \"%s\", nothing filled", bad[i].name, err.detail);
        }
        StrBuf many;
        strbuf_init(&many, 0);
        strbuf_puts(&many, "{\"skills\":[");
        for (int i = 0; i <= PROFILE_MAX_SKILLS; i++)
                strbuf_printf(&many, "%s{\"label\":\"s%d\"}", i ? "," : "", i);
        strbuf_puts(&many, "]}");
        CHECK_INTEQ(profile_json_read(a, strbuf_str(&many), many.len, esco, &q, &err), -E2BIG,
                    "more than PROFILE_MAX_SKILLS -> -E2BIG");
        char *huge = calloc(1, PROFILE_JSON_MAX_BYTES + 2);
        memset(huge, ' ', PROFILE_JSON_MAX_BYTES + 1);
        CHECK_INTEQ(profile_json_read(a, huge, PROFILE_JSON_MAX_BYTES + 1, esco, &q, &err), -E2BIG,
                    "profile over PROFILE_JSON_MAX_BYTES -> -E2BIG");
        CHECK_INTEQ(jsonresume_import(a, huge, JSONRESUME_MAX_BYTES + 1, NULL, &q, NULL, &err), -E2BIG,
                    "JSON Resume over JSONRESUME_MAX_BYTES -> -E2BIG");
        free(huge);
        strbuf_reset(&many);
        strbuf_puts(&many, "{\"headline\":\"");
        for (int i = 0; i <= PROFILE_MAX_TEXT_BYTES; i++)
                strbuf_putc(&many, 'x');
        strbuf_puts(&many, "\"}");
        CHECK_INTEQ(profile_json_read(a, strbuf_str(&many), many.len, esco, &q, &err), -E2BIG,
                    "a text over PROFILE_MAX_TEXT_BYTES -> -E2BIG");
        strbuf_free(&many), strbuf_free(&out), strbuf_free(&again);
        arena_free(a);
}

int main(void) {
        EscoError e;
        if (esco_index_load_dir("data/esco", &esco, &e) < 0) {
                CHECK(0, "load data/esco");
                return test_done();
        }
        test_months();
        test_europass_examples();
        test_europass_hostile();
        test_europass_roundtrip();
        test_jsonresume();
        test_jsonresume_roundtrip();
        test_propose();
        test_profile_json();
        esco_index_free(esco);
        return test_done();
}
