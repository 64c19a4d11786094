/* Streaming reader for the ESCO CSV export (RFC 4180, fields may hold
 * newlines) and for the compact copy shipped in data/esco/.
 *
 * Columns are found by their header name, so the official export, the
 * language packs (skills_it.csv, ... with the same columns) and the trimmed
 * shipped files (fewer columns, gzip) all load through the same code. Files
 * may be plain or gzip-compressed (zlib reads both transparently).
 *
 * Every record is handed to a callback as soon as it is parsed; the strings
 * in the structs passed to callbacks are owned by the reader and valid only
 * during the call (copy what you keep). */
#ifndef TD_DOMAIN_ESCO_CSV_H
#define TD_DOMAIN_ESCO_CSV_H

#include <stdbool.h>
#include <stddef.h>

/* Limits on what one file may hold. Over a limit the read stops with
 * -E2BIG and an error naming the file and line. */
#define ESCO_CSV_MAX_FIELD_BYTES   (256 * 1024) /* one field */
#define ESCO_CSV_MAX_FIELDS        64           /* columns per record */
#define ESCO_CSV_MAX_RECORDS       2000000      /* records per file */
#define ESCO_CSV_MAX_ALT_LABELS    512          /* alternative labels per concept */
#define ESCO_CSV_MAX_LINE_BYTES    (1024 * 1024) /* one physical line */

typedef enum EscoFileKind {
        ESCO_FILE_CONCEPTS,           /* skills_*.csv, occupations_*.csv, ISCOGroups, skillGroups */
        ESCO_FILE_OCC_SKILL_RELATIONS, /* occupationSkillRelations.csv */
        ESCO_FILE_SKILL_SKILL_RELATIONS, /* skillSkillRelations.csv */
        ESCO_FILE_BROADER_RELATIONS,  /* broaderRelations{Skill,Occ}Pillar.csv */
        ESCO_FILE_COLLECTION,         /* *Collection_*.csv (membership by conceptUri) */
        ESCO_FILE_KIND_MAX
} EscoFileKind;

typedef enum EscoConceptType {
        ESCO_CONCEPT_SKILL,      /* "KnowledgeSkillCompetence" */
        ESCO_CONCEPT_OCCUPATION, /* "Occupation" */
        ESCO_CONCEPT_ISCO_GROUP, /* "ISCOGroup" */
        ESCO_CONCEPT_SKILL_GROUP, /* "SkillGroup" */
        ESCO_CONCEPT_OTHER,
        ESCO_CONCEPT_TYPE_MAX
} EscoConceptType;

typedef enum EscoRelationType { ESCO_RELATION_ESSENTIAL, ESCO_RELATION_OPTIONAL, ESCO_RELATION_TYPE_MAX } EscoRelationType;

/* Thematic collections we recognise from the file name. */
typedef enum EscoCollection {
        ESCO_COLLECTION_DIGITAL,
        ESCO_COLLECTION_DIGCOMP,
        ESCO_COLLECTION_TRANSVERSAL,
        ESCO_COLLECTION_LANGUAGE,
        ESCO_COLLECTION_GREEN,
        ESCO_COLLECTION_RESEARCH,
        ESCO_COLLECTION_OTHER,
        ESCO_COLLECTION_MAX
} EscoCollection;

/* One concept row. Empty columns are "" (never NULL), except alt_labels
 * which may be an empty array. alt_labels merges altLabels and hiddenLabels
 * split on newlines or " | ", trimmed, empties dropped. */
typedef struct EscoConcept {
        EscoConceptType type;
        const char *uri;
        const char *preferred_label;
        const char *const *alt_labels;
        size_t n_alt_labels;
        size_t n_hidden_labels; /* the last n_hidden_labels of alt_labels are hiddenLabels */
        const char *skill_type;  /* "skill/competence", "knowledge", ... (skills) */
        const char *reuse_level; /* "transversal", "cross-sector", ... (skills) */
        const char *isco_group;  /* ISCO-08 unit group code, e.g. "2512" (occupations) */
        const char *code;        /* ESCO code, e.g. "2512.4" (occupations, groups) */
        const char *description;
} EscoConcept;

typedef struct EscoOccSkillRelation {
        const char *occupation_uri;
        EscoRelationType relation;
        const char *skill_type;
        const char *skill_uri;
} EscoOccSkillRelation;

typedef struct EscoSkillSkillRelation {
        const char *original_uri;
        const char *relation_type; /* "essential" / "optional" */
        const char *related_uri;
} EscoSkillSkillRelation;

typedef struct EscoBroaderRelation {
        const char *concept_type, *concept_uri;
        const char *broader_type, *broader_uri;
} EscoBroaderRelation;

/* Callbacks; any may be NULL (records of that kind are then skipped). A
 * non-zero return stops the read and is returned by the reader. */
typedef struct EscoCallbacks {
        int (*concept)(void *userdata, const EscoConcept *c);
        int (*occ_skill)(void *userdata, const EscoOccSkillRelation *r);
        int (*skill_skill)(void *userdata, const EscoSkillSkillRelation *r);
        int (*broader)(void *userdata, const EscoBroaderRelation *r);
        int (*collection)(void *userdata, EscoCollection coll, const char *concept_uri);
        /* Called now and then with the bytes of the current file consumed
         * so far (compressed bytes for .gz) and its size; for progress bars. */
        void (*progress)(void *userdata, const char *file, size_t done, size_t total);
        void *userdata;
} EscoCallbacks;

/* Where and why a read failed. msgid is an English N_() message for
 * i18n_gettext (static); detail is untranslated context (a column name). */
typedef struct EscoError {
        char file[256];
        unsigned long line; /* 1-based line where the bad record starts; 0 = whole file */
        const char *msgid;
        char detail[128];
} EscoError;

/* Reads one file of the given kind. coll is used for ESCO_FILE_COLLECTION.
 * Returns 0, -ENOENT (cannot open), -EINVAL (malformed: bad quoting, wrong
 * column count, missing required column, invalid UTF-8), -E2BIG (a limit),
 * -ENOMEM, -EIO, or a callback's non-zero return. err may be NULL. */
int esco_csv_read_file(const char *path, EscoFileKind kind, EscoCollection coll, const EscoCallbacks *cb,
                       EscoError *err);
/* Same, from memory; name is used in errors only. */
int esco_csv_read_buffer(const char *name, const char *data, size_t len, EscoFileKind kind, EscoCollection coll,
                         const EscoCallbacks *cb, EscoError *err);

/* Loads a directory: either the official export (v1.1.1_en: skills_en.csv,
 * occupations_en.csv, occupationSkillRelations.csv, ...) or the shipped
 * copy (the same names with .csv.gz). lang is the label language ("en",
 * "it", ...); the language-neutral relation files are read only when
 * with_relations is true, so a language pack can be added on top of an
 * English load. Order: concepts (skills, occupations), collections,
 * occupation-skill, skill-skill and broader relations. Files other than
 * skills and occupations are optional. Returns as esco_csv_read_file. */
int esco_load_dir(const char *dir, const char *lang, bool with_relations, const EscoCallbacks *cb, EscoError *err);

/* "KnowledgeSkillCompetence" -> ESCO_CONCEPT_SKILL, ... (unknown: OTHER). */
EscoConceptType esco_concept_type_parse(const char *s);

#endif
