/* ESCO in memory: skills, occupations, occupation->skill relations, the
 * digital-skills flag; skill search as you type; skill mentions in text.
 *
 * An EscoIndex is filled record by record (from the CSV reader through
 * esco_index_callbacks(), or from database rows by calling
 * esco_index_add_* directly), then frozen with esco_index_finish(). After
 * finish it is read-only and may be shared by any number of threads.
 *
 * Search and extraction compare text after the same normalisation: Unicode
 * case folding, compatibility decomposition, marks stripped ("Gestão" ->
 * "gestao"), split into words at anything that is not a letter or digit
 * ("C++" and "C#" keep their sign). */
#ifndef TD_DOMAIN_ESCO_H
#define TD_DOMAIN_ESCO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/esco/esco_csv.h"

typedef struct EscoIndex EscoIndex;

/* Everything below is owned by the index and valid until esco_index_free. */
typedef struct EscoSkill {
        const char *uri;
        const char *label; /* preferred label (English, or the first language loaded) */
        const char *const *alt_labels; /* alternative + hidden labels, + labels of later languages */
        size_t n_alt_labels;
        const char *skill_type;  /* "skill/competence", "knowledge", ... */
        const char *reuse_level; /* "transversal", "cross-sector", "sector-specific", "occupation-specific" */
        const char *description;
        bool digital;            /* member of the digital skills collection */
        uint32_t collections;    /* bit (1u << EscoCollection) per collection */
} EscoSkill;

typedef struct EscoOccupation {
        const char *uri;
        const char *label;
        const char *const *alt_labels;
        size_t n_alt_labels;
        const char *isco_group; /* ISCO-08 unit group, e.g. "2512" */
        const char *code;
        const char *description;
        const uint32_t *essential; /* skill ids, ascending (valid after finish) */
        size_t n_essential;
        const uint32_t *optional;
        size_t n_optional;
} EscoOccupation;

/* Returns a new empty index (caller frees with esco_index_free), or NULL. */
EscoIndex *esco_index_new(void);
void esco_index_free(EscoIndex *idx); /* NULL-safe */

/* Adds a skill or an occupation (other concept types are ignored). A URI
 * seen before adds its labels as alternative labels (a language pack).
 * Copies everything. Returns 0, -EINVAL (after finish / empty URI),
 * -E2BIG (ESCO_INDEX_MAX_CONCEPTS), -ENOMEM. */
int esco_index_add_concept(EscoIndex *idx, const EscoConcept *c);
/* Records a relation; URIs may refer to concepts not added yet (resolved
 * in finish; unknown ones are then dropped and counted). */
int esco_index_add_relation(EscoIndex *idx, const EscoOccSkillRelation *r);
/* Marks a skill as member of a collection (resolved in finish as above). */
int esco_index_add_collection(EscoIndex *idx, EscoCollection coll, const char *skill_uri);
/* Callbacks that feed the CSV reader into idx (concepts, relations,
 * collections). progress is left NULL: set it on the returned copy. */
EscoCallbacks esco_index_callbacks(EscoIndex *idx);
/* Resolves relations, builds the search structures, freezes the index.
 * Returns 0, -EINVAL (already finished), -ENOMEM. */
int esco_index_finish(EscoIndex *idx);
/* Convenience: new + esco_load_dir(dir, "en", relations) + finish. */
int esco_index_load_dir(const char *dir, EscoIndex **ret_idx, EscoError *err);

#define ESCO_INDEX_MAX_CONCEPTS 200000
#define ESCO_INDEX_MAX_RELATIONS 2000000

size_t esco_index_skill_count(const EscoIndex *idx);
size_t esco_index_occupation_count(const EscoIndex *idx);
/* Relations whose skill or occupation was never added (after finish). */
size_t esco_index_dropped_relations(const EscoIndex *idx);
/* By id (0 .. count-1); NULL when out of range. */
const EscoSkill *esco_index_skill(const EscoIndex *idx, uint32_t id);
const EscoOccupation *esco_index_occupation(const EscoIndex *idx, uint32_t id);
/* By URI: 0 and *ret_id, or -ENOENT. */
int esco_index_skill_id(const EscoIndex *idx, const char *uri, uint32_t *ret_id);
int esco_index_occupation_id(const EscoIndex *idx, const char *uri, uint32_t *ret_id);
/* Exact label lookup after normalisation ("python" finds the skill whose
 * preferred or alternative label normalises to "python"). After finish. */
int esco_index_find_label(const EscoIndex *idx, const char *label, uint32_t *ret_id);

/* ---- Search as you type ---- */
#define ESCO_SEARCH_MAX_QUERY_BYTES 256
#define ESCO_SEARCH_MAX_WORDS 8          /* further words are ignored */
#define ESCO_SEARCH_MAX_PREFIX_WORDS 512 /* vocabulary words one prefix may expand to */
#define ESCO_SEARCH_MAX_HITS 100

typedef struct EscoSearchHit {
        uint32_t skill_id;
        const EscoSkill *skill;
        const char *matched_label; /* the label that matched (owned by the index) */
        bool preferred;            /* matched_label is the preferred label */
        int score;                 /* higher is better; only for ordering */
} EscoSearchHit;

/* Finds up to max (<= ESCO_SEARCH_MAX_HITS) skills for a typed query. Every
 * query word must match a word of one label of the skill: exactly, as a
 * prefix (the last word, as the user is still typing), or within a small
 * edit distance (1 for words of 4-7 letters, 2 from 8; transpositions
 * count 1; a word that is itself in the vocabulary gets no typo
 * neighbours). Ranking: exact over prefix over typo matches, preferred labels
 * and labels starting with the query first, shorter labels first, digital
 * skills boosted. Word order does not matter; short function words ("of",
 * "de") are ignored. Thread-safe after finish.
 * Returns 0 with *ret_n hits written to hits (0 when nothing matches or
 * the query is empty), -EINVAL (not finished), -E2BIG (query too long),
 * -ENOMEM. */
int esco_search(const EscoIndex *idx, const char *query, EscoSearchHit *hits, size_t max, size_t *ret_n);

typedef struct EscoOccupationHit {
        uint32_t occupation_id;
        const EscoOccupation *occupation;
        const char *matched_label; /* owned by the index */
        bool preferred;
        int score;
} EscoOccupationHit;

/* The same search over occupation labels ("web developer", "ICT
 * help desk agent"), for choosing the occupation of an experience or a
 * career goal. Same contract as esco_search (no digital boost). */
int esco_search_occupations(const EscoIndex *idx, const char *query, EscoOccupationHit *hits, size_t max,
                            size_t *ret_n);

/* ---- Skills mentioned in free text (CV, job ad) ---- */
#define ESCO_EXTRACT_MAX_TEXT_BYTES (2 * 1024 * 1024)
#define ESCO_EXTRACT_MAX_LABEL_WORDS 8

typedef struct EscoMention {
        uint32_t skill_id;
        size_t start, end;         /* byte span in the text */
        const char *matched_label; /* owned by the index */
} EscoMention;

/* Proposes ESCO skills found in text: at each word, the longest label (up
 * to ESCO_EXTRACT_MAX_LABEL_WORDS words) that matches the normalised words
 * there; one-word labels that are very generic ("management", "design")
 * are skipped. Each skill is reported once (first mention), in text order.
 * Returns 0 with *ret_mentions (caller frees with free(); NULL when none)
 * and *ret_n, -EINVAL (not finished / invalid UTF-8), -E2BIG, -ENOMEM. */
int esco_extract(const EscoIndex *idx, const char *text, size_t len, EscoMention **ret_mentions, size_t *ret_n);

/* ---- Text normalisation (shared with callers that compare labels) ---- */
#define ESCO_TEXT_MAX_WORD_BYTES 64 /* longer words are cut (both sides alike) */

/* Called per word: norm is the normalised word (NUL-terminated, valid
 * during the call), [start, end) its bytes in the input. Non-zero stops. */
typedef int (*EscoWordFn)(void *userdata, const char *norm, size_t norm_len, size_t start, size_t end);
/* Splits s into normalised words. Invalid UTF-8 bytes separate words.
 * Returns 0 or the callback's non-zero return. */
int esco_text_words(const char *s, size_t n, EscoWordFn fn, void *userdata);
/* Writes the normalised words of s joined by single spaces into out
 * (NUL-terminated, cut at size). Returns the length written. */
size_t esco_text_normalize(const char *s, size_t n, char *out, size_t size);
/* True for short function words ignored by search ("of", "and", "de"). */
bool esco_text_is_stopword(const char *norm);

#endif
