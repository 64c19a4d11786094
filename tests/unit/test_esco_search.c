/* EscoIndex, skill search and skill extraction on the shipped ESCO copy
 * (the same data as the official export; test_esco_csv checks both). */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "domain/esco/esco.h"
#include "test.h"

static EscoIndex *idx;

/* True when a skill whose preferred label is want is among the first top hits. */
static bool finds(const char *q, const char *want, size_t top) {
        EscoSearchHit hits[20];
        size_t n = 0;
        if (esco_search(idx, q, hits, top, &n) < 0)
                return false;
        for (size_t i = 0; i < n; i++)
                if (strcmp(hits[i].skill->label, want) == 0)
                        return true;
        printf("# query \"%s\": want \"%s\" in top %zu, got:", q, want, top);
        for (size_t i = 0; i < n && i < 5; i++)
                printf(" [%s via %s]", hits[i].skill->label, hits[i].matched_label);
        printf("\n");
        return false;
}

static void test_index(void) {
        CHECK_INTEQ(esco_index_skill_count(idx), 13896, "13,896 skills in the index");
        CHECK_INTEQ(esco_index_occupation_count(idx), 3007, "3,007 occupations");
        /* v1.1.1 relates 67 skills to one occupation URI missing from occupations_en.csv */
        CHECK_INTEQ(esco_index_dropped_relations(idx), 67, "relations to unknown concepts dropped");
        uint32_t id;
        CHECK_INTEQ(esco_index_occupation_id(idx, "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1", &id), 0,
                    "software developer occupation by URI");
        const EscoOccupation *o = esco_index_occupation(idx, id);
        CHECK(o && strcmp(o->label, "software developer") == 0, "its label");
        CHECK(o && o->n_essential > 5 && o->n_optional > 5, "it has essential (%zu) and optional (%zu) skills",
              o ? o->n_essential : 0, o ? o->n_optional : 0);
        bool sorted = true;
        for (size_t i = 1; o && i < o->n_essential; i++)
                sorted &= o->essential[i - 1] < o->essential[i];
        CHECK(sorted, "essential skill ids ascending and unique");
        CHECK_INTEQ(esco_index_find_label(idx, "PYTHON", &id), 0, "exact label lookup is case-blind");
        CHECK_STREQ(esco_index_skill(idx, id)->label, "Python (computer programming)", "python -> Python skill");
        CHECK(esco_index_skill(idx, id)->digital, "Python is in the digital collection");
        CHECK_INTEQ(esco_index_skill_id(idx, "http://nope", &id), -ENOENT, "unknown URI -> -ENOENT");
        CHECK(esco_index_skill(idx, 999999) == NULL, "out-of-range id -> NULL");
}

typedef struct Q {
        const char *query, *want;
        size_t top;
} Q;

static void test_search(void) {
        static const Q qs[] = {
                {"python", "Python (computer programming)", 1},
                {"pyhton", "Python (computer programming)", 1},
                {"JAVASCRIPT", "JavaScript", 1},
                {"javascrpt", "JavaScript", 1},
                {"javas", "JavaScript", 3},
                {"  Python\t", "Python (computer programming)", 1},
                {"project management", "project management", 1},
                {"management project", "project management", 3},
                {"projet managment", "project management", 3},
                {"sql", "SQL", 1},
                {"C++", "C++", 1},
                {"c#", "C#", 1},
                {"teamwork", "teamwork principles", 5},
                {"team work", "teamwork principles", 5},
                {"Ｐｙｔｈｏｎ", "Python (computer programming)", 1},
                {"pýthón", "Python (computer programming)", 1},
                {"machine learning", "machine learning", 1},
                {"web develop", "web programming", 10},
        };
        for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++)
                CHECK(finds(qs[i].query, qs[i].want, qs[i].top), "\"%s\" finds \"%s\" in top %zu", qs[i].query,
                      qs[i].want, qs[i].top);

        EscoSearchHit hits[10];
        size_t n = 99;
        CHECK(esco_search(idx, "", hits, 10, &n) == 0 && n == 0, "empty query: no hits");
        CHECK(esco_search(idx, "of the", hits, 10, &n) == 0 && n == 0, "only function words: no hits");
        CHECK(esco_search(idx, "<script>alert(1)</script>", hits, 10, &n) == 0, "markup is just words");
        CHECK(esco_search(idx, "\xff\xfe python", hits, 10, &n) == 0 && n >= 1, "invalid UTF-8 bytes are separators");
        CHECK(esco_search(idx, "qqqqzzzzxxxx", hits, 10, &n) == 0 && n == 0, "nonsense: no hits");
        char long_q[ESCO_SEARCH_MAX_QUERY_BYTES + 2];
        memset(long_q, 'a', sizeof long_q - 1);
        long_q[sizeof long_q - 1] = '\0';
        CHECK_INTEQ(esco_search(idx, long_q, hits, 10, &n), -E2BIG, "query over the limit -> -E2BIG");
        CHECK(esco_search(idx, "management", hits, 10, &n) == 0 && n == 10, "max hits respected");
        EscoSearchHit many[ESCO_SEARCH_MAX_HITS + 5];
        CHECK(esco_search(idx, "management", many, ESCO_SEARCH_MAX_HITS + 5, &n) == 0 && n == ESCO_SEARCH_MAX_HITS,
              "at most ESCO_SEARCH_MAX_HITS (%zu)", n);
        CHECK(esco_search(idx, "a b c d e f g h python java sql", hits, 10, &n) == 0,
              "more than ESCO_SEARCH_MAX_WORDS words: the rest ignored, no error");
        bool ordered = true;
        for (size_t i = 1; i < n; i++)
                ordered &= hits[i - 1].score >= hits[i].score;
        CHECK(ordered, "hits ordered by score");
        CHECK(esco_search(idx, "python", hits, 1, &n) == 0 && n == 1 && hits[0].matched_label &&
                      strcmp(hits[0].matched_label, "Python") == 0,
              "matched label reported (%s)", n ? hits[0].matched_label : "");
}

static void test_occupations(void) {
        static const struct {
                const char *q, *want;
        } qs[] = {
                {"software developer", "software developer"},
                {"web develper", "web developer"},
                {"help desk", "ICT help desk agent"},
                {"DATA SCIENTIST", "data scientist"},
                {"nurse", "specialist nurse"},
        };
        for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
                EscoOccupationHit h[10];
                size_t n = 0;
                bool found = false;
                CHECK_INTEQ(esco_search_occupations(idx, qs[i].q, h, 10, &n), 0, "occupation search \"%s\"", qs[i].q);
                for (size_t k = 0; k < n; k++)
                        found |= strcmp(h[k].occupation->label, qs[i].want) == 0;
                CHECK(found, "\"%s\" finds occupation \"%s\" in the top 10", qs[i].q, qs[i].want);
        }
        EscoOccupationHit h[2];
        size_t n = 0;
        CHECK(esco_search_occupations(idx, "", h, 2, &n) == 0 && n == 0, "empty occupation query");
}

static void test_small_index(void) {
        EscoIndex *s = esco_index_new();
        const char *alts[] = {"gestão de projetos", "Ελληνικά κείμενα"};
        EscoConcept c = {ESCO_CONCEPT_SKILL, "u:1", "project management", alts, 2, 0, "", "", "", "", ""};
        CHECK_INTEQ(esco_index_add_concept(s, &c), 0, "add skill");
        const char *it_alts[] = {"project management (PM)"};
        EscoConcept it = {ESCO_CONCEPT_SKILL, "u:1", "gestione dei progetti", it_alts, 1, 0, "", "", "", "", ""};
        CHECK_INTEQ(esco_index_add_concept(s, &it), 0, "a language pack row for the same URI");
        EscoOccSkillRelation r = {"o:1", ESCO_RELATION_ESSENTIAL, "", "u:1"};
        CHECK_INTEQ(esco_index_add_relation(s, &r), 0, "relation before its occupation");
        EscoConcept o = {ESCO_CONCEPT_OCCUPATION, "o:1", "project manager", NULL, 0, 0, "", "", "1213", "", ""};
        CHECK_INTEQ(esco_index_add_concept(s, &o), 0, "add occupation");
        EscoOccSkillRelation bad = {"o:unknown", ESCO_RELATION_ESSENTIAL, "", "u:1"};
        esco_index_add_relation(s, &bad);
        CHECK_INTEQ(esco_index_finish(s), 0, "finish");
        CHECK_INTEQ(esco_index_finish(s), -EINVAL, "finish twice -> -EINVAL");
        CHECK_INTEQ(esco_index_add_concept(s, &c), -EINVAL, "frozen after finish");
        CHECK_INTEQ(esco_index_dropped_relations(s), 1, "unknown occupation dropped and counted");
        uint32_t id;
        esco_index_occupation_id(s, "o:1", &id);
        CHECK_INTEQ(esco_index_occupation(s, id)->n_essential, 1, "late relation resolved");
        EscoSearchHit h[4];
        size_t n = 0;
        CHECK(esco_search(s, "gestao de projetos", h, 4, &n) == 0 && n == 1, "accents stripped, 'de' ignored");
        CHECK(n == 1 && strcmp(h[0].matched_label, "gestão de projetos") == 0, "matched label is the original");
        CHECK(esco_search(s, "ΕΛΛΗΝΙΚΆ", h, 4, &n) == 0 && n == 1, "Greek upper case with tonos");
        CHECK_INTEQ(esco_index_skill_count(s), 1, "language pack joins on conceptUri (no new skill)");
        CHECK(esco_search(s, "gestione progetti", h, 4, &n) == 0 && n == 1 &&
                      strcmp(h[0].skill->label, "project management") == 0,
              "Italian label finds the skill, preferred label stays English");
        esco_index_free(s);
        esco_index_free(NULL);
}

static void test_extract(void) {
        const char *text = "I wrote Python scripts and SQL queries, did project management in Agile teams.\n"
                           "Design and management of <b>JavaScript</b> apps; machine learning.";
        EscoMention *m = NULL;
        size_t n = 0;
        CHECK_INTEQ(esco_extract(idx, text, strlen(text), &m, &n), 0, "extract");
        const char *want[] = {"Python (computer programming)", "SQL", "project management", "JavaScript",
                              "machine learning"};
        for (size_t w = 0; w < 5; w++) {
                bool found = false;
                for (size_t i = 0; i < n; i++)
                        found |= strcmp(esco_index_skill(idx, m[i].skill_id)->label, want[w]) == 0;
                CHECK(found, "extracts %s", want[w]);
        }
        bool generic = false;
        for (size_t i = 0; i < n; i++) {
                const char *l = esco_index_skill(idx, m[i].skill_id)->label;
                generic |= strcmp(m[i].matched_label, "design") == 0 || strcmp(l, "management") == 0;
        }
        CHECK(!generic, "generic one-word labels skipped");
        CHECK(n > 0 && strncmp(text + m[0].start, "Python", 6) == 0, "span points into the text");
        free(m);
        m = NULL;
        CHECK(esco_extract(idx, "", 0, &m, &n) == 0 && n == 0 && m == NULL, "empty text");
        CHECK_INTEQ(esco_extract(idx, "caf\xC3", 4, &m, &n), -EINVAL, "invalid UTF-8 -> -EINVAL");
        char *big = malloc(ESCO_EXTRACT_MAX_TEXT_BYTES + 1);
        memset(big, 'a', ESCO_EXTRACT_MAX_TEXT_BYTES + 1);
        CHECK_INTEQ(esco_extract(idx, big, ESCO_EXTRACT_MAX_TEXT_BYTES + 1, &m, &n), -E2BIG,
                    "text over ESCO_EXTRACT_MAX_TEXT_BYTES -> -E2BIG");
        free(big);
}

/* A language pack (skills_it.csv, occupations_it.csv) loaded on top of
 * the shipped English copy joins on conceptUri. */
static void test_language_pack(void) {
        char dir[256], path[300];
        snprintf(dir, sizeof dir, "%s/techdiv-esco-XXXXXX", P_tmpdir);
        if (!mkdtemp(dir)) {
                CHECK(0, "temporary directory");
                return;
        }
        static const char *const files[][2] = {
                {"skills_it.csv", "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\n"
                                  "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d,"
                                  "knowledge,sector-specific,Python (programmazione informatica),\"Python\nprogrammare in Python\",\n"},
                {"occupations_it.csv", "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,code\n"
                                       "Occupation,http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1,"
                                       "2512,sviluppatore di software/sviluppatrice di software,,2512.4\n"},
        };
        for (size_t i = 0; i < 2; i++) {
                snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
                FILE *f = fopen(path, "w");
                fputs(files[i][1], f);
                fclose(f);
        }
        EscoIndex *x = esco_index_new();
        EscoCallbacks cb = esco_index_callbacks(x);
        EscoError err;
        CHECK_INTEQ(esco_load_dir("data/esco", "en", true, &cb, &err), 0, "English copy");
        CHECK_INTEQ(esco_load_dir(dir, "it", false, &cb, &err), 0, "Italian pack from another directory");
        CHECK_INTEQ(esco_index_finish(x), 0, "finish");
        CHECK_INTEQ(esco_index_skill_count(x), 13896, "no skill added by the pack");
        EscoSearchHit h[5];
        size_t n = 0;
        CHECK(esco_search(x, "programmazione", h, 5, &n) == 0 && n >= 1 &&
                      strcmp(h[0].skill->label, "Python (computer programming)") == 0,
              "Italian label finds the English concept");
        EscoOccupationHit oh[5];
        CHECK(esco_search_occupations(x, "sviluppatrice software", oh, 5, &n) == 0 && n >= 1 &&
                      strcmp(oh[0].occupation->label, "software developer") == 0,
              "Italian occupation label (feminine form) finds it");
        esco_index_free(x);
        for (size_t i = 0; i < 2; i++) {
                snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
                unlink(path);
        }
        rmdir(dir);
}

int main(void) {
        EscoError err;
        int rc = esco_index_load_dir("data/esco", &idx, &err);
        CHECK_INTEQ(rc, 0, "shipped copy loads (%s)", err.msgid ? err.msgid : "");
        if (rc)
                return test_done();
        test_index();
        test_search();
        test_occupations();
        test_small_index();
        test_extract();
        test_language_pack();
        esco_index_free(idx);
        return test_done();
}
