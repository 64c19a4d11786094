/* Private layout of EscoIndex, shared by the files of this module only. */
#ifndef TD_DOMAIN_ESCO_INTERNAL_H
#define TD_DOMAIN_ESCO_INTERNAL_H

#include "core/arena.h"
#include "domain/esco/esco.h"

/* Open-addressing map from a 64-bit key to a uint32 value. Several
 * entries may share a key (the deletion index is a multimap). */
typedef struct HashEntry {
        uint64_t key;
        uint32_t value;
        uint32_t used;
} HashEntry;

typedef struct HashMap {
        HashEntry *e;
        size_t mask, count;
} HashMap;

int esco_hmap_init(HashMap *m, size_t expected);
void esco_hmap_free(HashMap *m);
int esco_hmap_put(HashMap *m, uint64_t key, uint32_t value); /* no growth: size it first */
/* Iterates entries with key: *pos starts at 0; returns false at the end. */
bool esco_hmap_next(const HashMap *m, uint64_t key, size_t *pos, uint32_t *ret_value);
uint64_t esco_hash_bytes(const void *p, size_t n);

typedef struct Label {
        uint32_t concept; /* skill or occupation id */
        const char *text; /* as in ESCO */
        const char *norm; /* normalised words joined by ' ' */
        uint16_t nwords;  /* content (non-stop) words */
        bool preferred;
} Label;

typedef struct PendingRel {
        const char *occ_uri, *skill_uri; /* arena; NULL once resolved */
        uint32_t occ, skill;
        uint8_t type;
} PendingRel;

typedef struct PendingColl {
        const char *uri;
        uint8_t coll;
} PendingColl;

/* Search structures over the labels of one kind of concept. */
typedef struct SearchSet {
        Label *labels;
        size_t n_labels;
        char **vocab; /* sorted */
        uint32_t n_vocab;
        uint32_t *post_off, *postings; /* CSR: word -> label ids */
        HashMap deletes;               /* hash of deletion variant -> word */
        HashMap label_by_norm;         /* hash of norm -> label */
} SearchSet;

enum { ESCO_SET_SKILLS, ESCO_SET_OCCUPATIONS, ESCO_SET_MAX };

struct EscoIndex {
        Arena *arena;
        EscoSkill *skills;
        size_t n_skills, cap_skills;
        EscoOccupation *occs;
        size_t n_occs, cap_occs;
        HashMap skill_by_uri, occ_by_uri; /* grown by rehash while loading */
        PendingRel *rels;
        size_t n_rels, cap_rels, dropped;
        PendingColl *colls;
        size_t n_colls, cap_colls;
        uint32_t *rel_ids; /* essential/optional arrays point in here */
        bool finished;
        SearchSet search[ESCO_SET_MAX]; /* esco_search.c */
};

int esco_search_build(EscoIndex *idx);
void esco_search_free(EscoIndex *idx);
int esco_set_find_norm(const SearchSet *ss, const char *norm, uint32_t *ret_label);
int esco_uri_lookup(const HashMap *m, const void *base, size_t stride, size_t n, const char *uri, uint32_t *ret);

#endif
