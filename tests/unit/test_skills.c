/* ESCO import into the store and index loading, against $TECHDIV_TEST_DB
 * (SQLite in a temp file when unset): the same checks for both backends. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/skills/skills.h"
#include "test.h"

static void write_file(const char *path, const char *text) {
        FILE *f = fopen(path, "w");
        if (f) {
                fputs(text, f);
                fclose(f);
        }
}

static void test_import(Store *s, const char *datadir) {
        EscoError err = { 0 };
        SkillsImportCounts n1 = { 0 }, n2 = { 0 };
        EscoCounts c1, c2;
        CHECK(skills_import(s, datadir, "en", true, NULL, NULL, &err, &n1) == 0, "import the shipped ESCO copy");
        CHECK(store_esco_counts(s, &c1) == 0 && c1.skills == 13896 && c1.occupations == 3007,
              "13,896 skills and 3,007 occupations stored (%lld, %lld)", (long long)c1.skills, (long long)c1.occupations);
        CHECK(c1.relations == 123855, "123,855 occupation-skill relations stored (%lld)", (long long)c1.relations);
        CHECK(skills_import(s, datadir, "en", true, NULL, NULL, &err, &n2) == 0 && store_esco_counts(s, &c2) == 0 &&
                      c2.skills == c1.skills && c2.occupations == c1.occupations && c2.relations == c1.relations,
              "importing again is idempotent");
        char dir[] = "/tmp/techdiv-esco-bad-XXXXXX";
        if (!mkdtemp(dir))
                return;
        char path[256];
        snprintf(path, sizeof(path), "%s/skills_en.csv", dir);
        write_file(path, "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels\n"
                         "KnowledgeSkillCompetence,http://example.org/new-skill,skill/competence,transversal,new "
                         "skill,\"\"\nKnowledgeSkillCompetence,http://example.org/bad,knowledge,x,\"unterminated\n");
        snprintf(path, sizeof(path), "%s/occupations_en.csv", dir);
        write_file(path, "conceptType,conceptUri,preferredLabel\n");
        memset(&err, 0, sizeof(err));
        int r = skills_import(s, dir, "en", true, NULL, NULL, &err, NULL);
        CHECK(r < 0 && err.msgid != NULL, "a malformed CSV file is an error with a message (%d)", r);
        CHECK(store_esco_counts(s, &c2) == 0 && c2.skills == c1.skills, "nothing of the malformed import is stored");
        CHECK(skills_import(s, "/nonexistent", "en", true, NULL, NULL, &err, NULL) == -ENOENT,
              "a missing directory is -ENOENT");
        CHECK(skills_import(s, datadir, "../x", true, NULL, NULL, &err, NULL) == -EINVAL, "a hostile language is refused");
        snprintf(path, sizeof(path), "%s/skills_en.csv", dir);
        unlink(path);
        snprintf(path, sizeof(path), "%s/occupations_en.csv", dir);
        unlink(path);
        rmdir(dir);
}

static void test_load(Store *s) {
        EscoIndex *idx = NULL;
        CHECK(skills_load(s, &idx) == 0 && idx, "index built from the store");
        if (!idx)
                return;
        CHECK_INTEQ(esco_index_skill_count(idx), 13896, "every skill in the index");
        EscoSearchHit hits[5];
        size_t n = 0;
        CHECK(esco_search(idx, "python", hits, 5, &n) == 0 && n > 0 &&
                      strcmp(hits[0].skill->label, "Python (computer programming)") == 0,
              "search over the loaded index finds Python first");
        uint32_t id;
        CHECK(esco_index_occupation_id(idx, "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1",
                                       &id) == 0,
              "occupation 'software developer' is loaded");
        const EscoOccupation *o = esco_index_occupation(idx, id);
        CHECK(o && o->n_essential > 5, "its essential skills are linked (%zu)", o ? o->n_essential : 0);
        esco_index_free(idx);
}

int main(int argc, char **argv) {
        const char *url = getenv("TECHDIV_TEST_DB");
        const char *datadir = argc > 1 ? argv[1] : "data/esco";
        char tmp[256];
        if (!url || !*url) {
                snprintf(tmp, sizeof(tmp), "sqlite:/tmp/techdiv-skills-%d.db", (int)getpid());
                url = tmp;
        }
        Store *s = NULL;
        int applied;
        CHECK(store_open(url, 2, &s) == 0 && store_migrate(s, &applied) == 0, "open and migrate");
        if (s) {
                test_import(s, datadir);
                test_load(s);
                store_close(s);
        }
        if (url == tmp) {
                char p[300];
                unlink(tmp + 7);
                snprintf(p, sizeof(p), "%s-wal", tmp + 7);
                unlink(p);
                snprintf(p, sizeof(p), "%s-shm", tmp + 7);
                unlink(p);
        }
        return test_done();
}
