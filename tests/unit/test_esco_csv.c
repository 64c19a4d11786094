/* ESCO CSV reader: edge cases, malformed files, the real v1.1.1 export and
 * the shipped copy. Run from the repository root (../shared/data beside). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domain/esco/esco.h"
#include "domain/esco/esco_csv.h"
#include "test.h"

#define ESCO_DIR "../shared/data/esco/v1.1.1_en"

typedef struct Seen {
        int concepts, skills, occs, rels, essential, colls, broader, skill_skill;
        char first_label[128], first_alt[8][128], last_desc[256];
        size_t n_alt;
        int stop_after;
} Seen;

static int on_concept(void *ud, const EscoConcept *c) {
        Seen *s = ud;
        if (s->concepts == 0) {
                snprintf(s->first_label, sizeof s->first_label, "%s", c->preferred_label);
                s->n_alt = c->n_alt_labels;
                for (size_t i = 0; i < c->n_alt_labels && i < 8; i++)
                        snprintf(s->first_alt[i], sizeof s->first_alt[i], "%s", c->alt_labels[i]);
        }
        snprintf(s->last_desc, sizeof s->last_desc, "%s", c->description);
        s->concepts++;
        s->skills += c->type == ESCO_CONCEPT_SKILL;
        s->occs += c->type == ESCO_CONCEPT_OCCUPATION;
        if (s->stop_after && s->concepts >= s->stop_after)
                return 7;
        return 0;
}

static int on_rel(void *ud, const EscoOccSkillRelation *r) {
        Seen *s = ud;
        s->rels++;
        s->essential += r->relation == ESCO_RELATION_ESSENTIAL;
        return 0;
}

static int on_coll(void *ud, EscoCollection c, const char *uri) {
        Seen *s = ud;
        (void)uri;
        s->colls += c == ESCO_COLLECTION_DIGITAL;
        return 0;
}

static int on_broader(void *ud, const EscoBroaderRelation *r) {
        ((Seen *)ud)->broader++;
        (void)r;
        return 0;
}

static int on_ss(void *ud, const EscoSkillSkillRelation *r) {
        ((Seen *)ud)->skill_skill++;
        (void)r;
        return 0;
}

static EscoCallbacks cbs(Seen *s) {
        memset(s, 0, sizeof *s);
        return (EscoCallbacks){on_concept, on_rel, on_ss, on_broader, on_coll, NULL, s};
}

static const char HDR[] = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\n";

static void test_edge_cases(void) {
        Seen s;
        EscoCallbacks cb = cbs(&s);
        EscoError err;
        char buf[2048];

        snprintf(buf, sizeof buf, "\xEF\xBB\xBF%sKnowledgeSkillCompetence,u:1,knowledge,transversal,"
                                  "\"Python, the \"\"language\"\"\",\"py\r\npython 3 | CPython\n\n\",\"two\nlines\"\r\n",
                 HDR);
        int rc = esco_csv_read_buffer("t.csv", buf, strlen(buf), ESCO_FILE_CONCEPTS, 0, &cb, &err);
        CHECK_INTEQ(rc, 0, "BOM, quotes, CRLF and embedded newlines parse");
        CHECK_INTEQ(s.skills, 1, "one skill record");
        CHECK_STREQ(s.first_label, "Python, the \"language\"", "doubled quotes and comma inside quotes");
        CHECK_INTEQ(s.n_alt, 3, "alt labels split on newline and ' | ', CR and empties dropped");
        CHECK_STREQ(s.first_alt[0], "py", "first alt label without CR");
        CHECK_STREQ(s.first_alt[2], "CPython", "' | ' separator");
        CHECK_STREQ(s.last_desc, "two\nlines", "newline inside a field kept");

        /* header-driven: columns in another order, extra unknown columns */
        const char *reordered = "preferredLabel,extra,conceptUri\nweb design,x,http://e/skill/1\n";
        cb = cbs(&s);
        rc = esco_csv_read_buffer("r.csv", reordered, strlen(reordered), ESCO_FILE_CONCEPTS, 0, &cb, &err);
        CHECK(rc == 0 && s.concepts == 1 && strcmp(s.first_label, "web design") == 0, "columns found by name");
}

typedef struct Bad {
        const char *name, *data;
        int rc;
        unsigned long line;
} Bad;

static void test_malformed(void) {
        static const Bad bad[] = {
                {"stray quote", "conceptUri,preferredLabel\nu:1,ok\nu:2,bad\"quote\n", -EINVAL, 3},
                {"unclosed quote", "conceptUri,preferredLabel\nu:1,ok\nu:2,\"never\nclosed\n", -EINVAL, 3},
                {"text after closing quote", "conceptUri,preferredLabel\nu:1,\"a\"b\n", -EINVAL, 2},
                {"too few columns", "conceptUri,preferredLabel\nu:1,ok\n\nu:2\n", -EINVAL, 4},
                {"too many columns", "conceptUri,preferredLabel\nu:1,a,b\n", -EINVAL, 2},
                {"missing column", "conceptUri,label\nu:1,a\n", -EINVAL, 1},
                {"empty file", "", -EINVAL, 1},
                {"invalid UTF-8", "conceptUri,preferredLabel\nu:1,caf\xC3\n", -EINVAL, 2},
                {"empty preferred label", "conceptUri,preferredLabel\nu:1,\n", -EINVAL, 2},
                {"line after multi-line record", "conceptUri,preferredLabel\nu:1,\"a\nb\nc\"\nu:2,x,y\n", -EINVAL, 5},
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
                Seen s;
                EscoCallbacks cb = cbs(&s);
                EscoError err = {0};
                int rc = esco_csv_read_buffer("bad.csv", bad[i].data, strlen(bad[i].data), ESCO_FILE_CONCEPTS, 0,
                                              &cb, &err);
                CHECK_INTEQ(rc, bad[i].rc, "%s: error code", bad[i].name);
                CHECK_INTEQ(err.line, bad[i].line, "%s: line number", bad[i].name);
                CHECK(err.msgid && *err.msgid && strcmp(err.file, "bad.csv") == 0, "%s: message and file (%s)",
                      bad[i].name, err.msgid ? err.msgid : "");
        }
        Seen s;
        EscoCallbacks cb = cbs(&s);
        EscoError err;
        const char *rel = "occupationUri,relationType,skillType,skillUri\no:1,maybe,knowledge,s:1\n";
        CHECK_INTEQ(esco_csv_read_buffer("rel.csv", rel, strlen(rel), ESCO_FILE_OCC_SKILL_RELATIONS, 0, &cb, &err),
                    -EINVAL, "unknown relation type rejected");
        CHECK_STREQ(err.detail, "maybe", "error detail names the bad value");
        s.stop_after = 1;
        const char *two = "conceptUri,preferredLabel\nu:1,a\nu:2,b\n";
        CHECK_INTEQ(esco_csv_read_buffer("s.csv", two, strlen(two), ESCO_FILE_CONCEPTS, 0, &cb, &err), -ECANCELED,
                    "callback can stop the read");
        CHECK_INTEQ(s.concepts, 1, "no record after the stop");
        CHECK_INTEQ(esco_csv_read_file("../shared/data/esco/does-not-exist.csv", ESCO_FILE_CONCEPTS, 0, &cb, &err),
                    -ENOENT, "missing file -> -ENOENT");
}

static void test_limits(void) {
        size_t big = ESCO_CSV_MAX_FIELD_BYTES + 100;
        char *data = malloc(big + 64);
        strcpy(data, "conceptUri,preferredLabel\nu:1,\"");
        size_t n = strlen(data);
        memset(data + n, 'x', big);
        strcpy(data + n + big, "\"\n");
        Seen s;
        EscoCallbacks cb = cbs(&s);
        EscoError err;
        CHECK_INTEQ(esco_csv_read_buffer("big.csv", data, strlen(data), ESCO_FILE_CONCEPTS, 0, &cb, &err), -E2BIG,
                    "field over ESCO_CSV_MAX_FIELD_BYTES -> -E2BIG");
        CHECK_INTEQ(err.line, 2, "limit error has the line");
        free(data);

        size_t cols = ESCO_CSV_MAX_FIELDS + 1, k = 0;
        char *hdr = malloc(cols * 8 + 64);
        k += (size_t)sprintf(hdr, "conceptUri,preferredLabel");
        for (size_t i = 2; i < cols; i++)
                k += (size_t)sprintf(hdr + k, ",c%zu", i);
        hdr[k++] = '\n';
        hdr[k] = '\0';
        CHECK_INTEQ(esco_csv_read_buffer("wide.csv", hdr, k, ESCO_FILE_CONCEPTS, 0, &cb, &err), -E2BIG,
                    "more than ESCO_CSV_MAX_FIELDS columns -> -E2BIG");
        free(hdr);

        size_t fields = ESCO_CSV_MAX_LINE_BYTES / (ESCO_CSV_MAX_FIELD_BYTES / 2) + 2, fl = ESCO_CSV_MAX_FIELD_BYTES / 2;
        char *wide = malloc(fields * (fl + 1) + 64);
        k = (size_t)sprintf(wide, "conceptUri,preferredLabel");
        for (size_t i = 2; i < fields; i++)
                k += (size_t)sprintf(wide + k, ",c%zu", i);
        wide[k++] = '\n';
        for (size_t i = 0; i < fields; i++) {
                memset(wide + k, 'y', fl);
                k += fl;
                wide[k++] = i + 1 < fields ? ',' : '\n';
        }
        CHECK_INTEQ(esco_csv_read_buffer("line.csv", wide, k, ESCO_FILE_CONCEPTS, 0, &cb, &err), -E2BIG,
                    "physical line over ESCO_CSV_MAX_LINE_BYTES -> -E2BIG");
        CHECK_INTEQ(err.line, 2, "on line 2");
        free(wide);

        char labels[ESCO_CSV_MAX_ALT_LABELS * 3 + 128];
        k = (size_t)sprintf(labels, "conceptUri,preferredLabel,altLabels\nu:1,a,\"");
        for (size_t i = 0; i <= ESCO_CSV_MAX_ALT_LABELS; i++)
                k += (size_t)sprintf(labels + k, "x\n");
        k += (size_t)sprintf(labels + k, "\"\n");
        CHECK_INTEQ(esco_csv_read_buffer("alts.csv", labels, k, ESCO_FILE_CONCEPTS, 0, &cb, &err), -E2BIG,
                    "more than ESCO_CSV_MAX_ALT_LABELS alternative labels -> -E2BIG");
}

static void test_real_export(void) {
        Seen s;
        EscoCallbacks cb = cbs(&s);
        EscoError err;
        int rc = esco_csv_read_file(ESCO_DIR "/skills_en.csv", ESCO_FILE_CONCEPTS, 0, &cb, &err);
        CHECK_INTEQ(rc, 0, "skills_en.csv parses (%s line %lu)", err.msgid ? err.msgid : "", err.line);
        CHECK_INTEQ(s.skills, 13896, "13,896 skills");
        cb = cbs(&s);
        rc = esco_csv_read_file(ESCO_DIR "/occupations_en.csv", ESCO_FILE_CONCEPTS, 0, &cb, &err);
        CHECK(rc == 0 && s.occs == 3007, "3,007 occupations (%d)", s.occs);
        cb = cbs(&s);
        rc = esco_csv_read_file(ESCO_DIR "/occupationSkillRelations.csv", ESCO_FILE_OCC_SKILL_RELATIONS, 0, &cb, &err);
        CHECK(rc == 0 && s.rels == 123855, "123,855 occupation-skill relations (%d)", s.rels);
        cb = cbs(&s);
        rc = esco_csv_read_file(ESCO_DIR "/digitalSkillsCollection_en.csv", ESCO_FILE_COLLECTION,
                                ESCO_COLLECTION_DIGITAL, &cb, &err);
        CHECK(rc == 0 && s.colls == 1201, "1,201 digital skills (%d)", s.colls);
        cb = cbs(&s);
        rc = esco_csv_read_file(ESCO_DIR "/broaderRelationsSkillPillar.csv", ESCO_FILE_BROADER_RELATIONS, 0, &cb, &err);
        CHECK(rc == 0 && s.broader == 20656, "20,656 broader relations (%d)", s.broader);
        cb = cbs(&s);
        rc = esco_csv_read_file(ESCO_DIR "/skillSkillRelations.csv", ESCO_FILE_SKILL_SKILL_RELATIONS, 0, &cb, &err);
        CHECK(rc == 0 && s.skill_skill == 5899, "5,899 skill-skill relations (%d)", s.skill_skill);
}

static void test_load_dirs(void) {
        static const char *const dirs[] = {ESCO_DIR, "data/esco"};
        for (size_t i = 0; i < 2; i++) {
                Seen s;
                EscoCallbacks cb = cbs(&s);
                EscoError err;
                int rc = esco_load_dir(dirs[i], "en", true, &cb, &err);
                CHECK_INTEQ(rc, 0, "esco_load_dir %s", dirs[i]);
                CHECK(s.skills == 13896 && s.occs == 3007, "%s: 13,896 skills and 3,007 occupations", dirs[i]);
                CHECK(s.rels == 123855 && s.essential > 60000, "%s: all relations (%d)", dirs[i], s.rels);
                CHECK_INTEQ(s.colls, 1201, "%s: digital collection", dirs[i]);
        }
        Seen s;
        EscoCallbacks cb = cbs(&s);
        EscoError err;
        CHECK_INTEQ(esco_load_dir(ESCO_DIR, "it", false, &cb, &err), -ENOENT, "missing language pack -> -ENOENT");
        CHECK_INTEQ(esco_load_dir(ESCO_DIR, "../x", false, &cb, &err), -EINVAL, "language code with a path refused");
}

int main(void) {
        test_edge_cases();
        test_malformed();
        test_limits();
        test_real_export();
        test_load_dirs();
        return test_done();
}
