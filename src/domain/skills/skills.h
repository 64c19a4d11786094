/* The platform's ESCO skills: importing the classification into the store
 * and building the in-memory search index from it. The index itself (search,
 * extraction) is src/domain/esco. */
#ifndef TD_DOMAIN_SKILLS_H
#define TD_DOMAIN_SKILLS_H

#include "domain/esco/esco.h"
#include "store/store.h"

/* Rows written per statement. */
#define SKILLS_BATCH_CONCEPTS 1000
#define SKILLS_BATCH_RELATIONS 5000

typedef struct SkillsImportCounts {
        size_t concepts, relations, collection_members;
} SkillsImportCounts;

typedef void (*SkillsProgressFn)(void *userdata, const char *file, size_t done, size_t total);

/* Imports an ESCO CSV directory (the official export or the shipped copy)
 * for one language in a single transaction: all of it or nothing. Upserts,
 * so importing again changes nothing. Relations and collections are read
 * with the English (or first) import; a language pack adds labels only when
 * relations is false. On error *err says where (file, line, msgid).
 * Returns 0 or a negative errno. */
int skills_import(Store *s, const char *dir, const char *lang, bool relations, SkillsProgressFn progress,
                  void *userdata, EscoError *err, SkillsImportCounts *ret_counts);

/* Builds a finished index from the store (caller owns it: esco_index_free).
 * An empty store gives an empty, usable index. */
int skills_load(Store *s, EscoIndex **ret);

#endif
