/* Loading a whole ESCO directory: which files, in which order. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "domain/esco/esco_csv.h"

typedef struct DirFile {
        const char *stem;  /* file name without ".csv" */
        bool per_language; /* "_LANG" is appended */
        bool required;
        bool relation;     /* language-neutral relation file */
        EscoFileKind kind;
        EscoCollection coll;
} DirFile;

static const DirFile dir_files[] = {
        {"skills", true, true, false, ESCO_FILE_CONCEPTS, ESCO_COLLECTION_OTHER},
        {"occupations", true, true, false, ESCO_FILE_CONCEPTS, ESCO_COLLECTION_OTHER},
        {"digitalSkillsCollection", true, false, false, ESCO_FILE_COLLECTION, ESCO_COLLECTION_DIGITAL},
        {"digCompSkillsCollection", true, false, false, ESCO_FILE_COLLECTION, ESCO_COLLECTION_DIGCOMP},
        {"transversalSkillsCollection", true, false, false, ESCO_FILE_COLLECTION, ESCO_COLLECTION_TRANSVERSAL},
        {"languageSkillsCollection", true, false, false, ESCO_FILE_COLLECTION, ESCO_COLLECTION_LANGUAGE},
        {"greenSkillsCollection", true, false, false, ESCO_FILE_COLLECTION, ESCO_COLLECTION_GREEN},
        {"researchSkillsCollection", true, false, false, ESCO_FILE_COLLECTION, ESCO_COLLECTION_RESEARCH},
        {"occupationSkillRelations", false, false, true, ESCO_FILE_OCC_SKILL_RELATIONS, ESCO_COLLECTION_OTHER},
        {"skillSkillRelations", false, false, true, ESCO_FILE_SKILL_SKILL_RELATIONS, ESCO_COLLECTION_OTHER},
        {"broaderRelationsSkillPillar", false, false, true, ESCO_FILE_BROADER_RELATIONS, ESCO_COLLECTION_OTHER},
        {"broaderRelationsOccPillar", false, false, true, ESCO_FILE_BROADER_RELATIONS, ESCO_COLLECTION_OTHER},
};

/* Finds DIR/STEM.csv or DIR/STEM.csv.gz; returns false when neither exists. */
static bool find_file(const char *dir, const DirFile *f, const char *lang, char *out, size_t size) {
        static const char *const exts[] = {".csv", ".csv.gz"};
        for (size_t i = 0; i < 2; i++) {
                int n = f->per_language ? snprintf(out, size, "%s/%s_%s%s", dir, f->stem, lang, exts[i])
                                        : snprintf(out, size, "%s/%s%s", dir, f->stem, exts[i]);
                if (n > 0 && (size_t)n < size && access(out, R_OK) == 0)
                        return true;
        }
        return false;
}

static bool lang_ok(const char *lang) {
        size_t n = strlen(lang);
        if (n < 2 || n > 8)
                return false;
        for (size_t i = 0; i < n; i++)
                if (!((lang[i] >= 'a' && lang[i] <= 'z') || lang[i] == '-' || lang[i] == '_'))
                        return false;
        return true;
}

int esco_load_dir(const char *dir, const char *lang, bool with_relations, const EscoCallbacks *cb, EscoError *err) {
        char path[4096];
        if (!dir || !lang || !cb || !lang_ok(lang)) {
                if (err) {
                        memset(err, 0, sizeof *err);
                        err->msgid = N_("Invalid ESCO directory or language.");
                }
                return -EINVAL;
        }
        for (size_t i = 0; i < sizeof dir_files / sizeof dir_files[0]; i++) {
                const DirFile *f = &dir_files[i];
                if (f->relation && !with_relations)
                        continue;
                if (!find_file(dir, f, lang, path, sizeof path)) {
                        if (!f->required)
                                continue;
                        if (err) {
                                memset(err, 0, sizeof *err);
                                snprintf(err->file, sizeof err->file, "%s/%s_%s.csv", dir, f->stem, lang);
                                err->msgid = N_("The ESCO file could not be opened.");
                        }
                        return -ENOENT;
                }
                int rc = esco_csv_read_file(path, f->kind, f->coll, cb, err);
                if (rc)
                        return rc;
        }
        return 0;
}
