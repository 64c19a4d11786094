/* EscoIndex: filling, relations, lookups. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domain/esco/esco_internal.h"

uint64_t esco_hash_bytes(const void *p, size_t n) {
        const unsigned char *s = p;
        uint64_t h = 1469598103934665603ULL;
        for (size_t i = 0; i < n; i++)
                h = (h ^ s[i]) * 1099511628211ULL;
        return h ^ (h >> 29);
}

int esco_hmap_init(HashMap *m, size_t expected) {
        size_t cap = 16;
        while (cap < expected * 2)
                cap *= 2;
        m->e = calloc(cap, sizeof *m->e);
        if (!m->e)
                return -ENOMEM;
        m->mask = cap - 1;
        m->count = 0;
        return 0;
}

void esco_hmap_free(HashMap *m) {
        free(m->e);
        m->e = NULL;
        m->mask = m->count = 0;
}

int esco_hmap_put(HashMap *m, uint64_t key, uint32_t value) {
        if ((m->count + 1) * 4 > (m->mask + 1) * 3)
                return -E2BIG;
        size_t i = key & m->mask;
        while (m->e[i].used)
                i = (i + 1) & m->mask;
        m->e[i] = (HashEntry){key, value, 1};
        m->count++;
        return 0;
}

bool esco_hmap_next(const HashMap *m, uint64_t key, size_t *pos, uint32_t *ret_value) {
        if (!m->e)
                return false;
        size_t i = ((key & m->mask) + *pos) & m->mask;
        for (; m->e[i].used; i = (i + 1) & m->mask, (*pos)++) {
                if (m->e[i].key == key) {
                        (*pos)++;
                        *ret_value = m->e[i].value;
                        return true;
                }
        }
        return false;
}

/* Doubles a map when it is half full (maps filled while loading). */
static int esco_hmap_put_grow(HashMap *m, uint64_t key, uint32_t value) {
        if ((m->count + 1) * 2 > m->mask + 1) {
                HashMap n;
                if (esco_hmap_init(&n, m->mask + 1) < 0)
                        return -ENOMEM;
                for (size_t i = 0; i <= m->mask; i++)
                        if (m->e[i].used)
                                esco_hmap_put(&n, m->e[i].key, m->e[i].value);
                esco_hmap_free(m);
                *m = n;
        }
        return esco_hmap_put(m, key, value);
}

int esco_uri_lookup(const HashMap *m, const void *base, size_t stride, size_t n, const char *uri, uint32_t *ret) {
        uint64_t h = esco_hash_bytes(uri, strlen(uri));
        size_t pos = 0;
        uint32_t v;
        while (esco_hmap_next(m, h, &pos, &v)) {
                const char *const *u = (const char *const *)((const char *)base + stride * v);
                if (v < n && strcmp(*u, uri) == 0) {
                        *ret = v;
                        return 0;
                }
        }
        return -ENOENT;
}

EscoIndex *esco_index_new(void) {
        EscoIndex *idx = calloc(1, sizeof *idx);
        if (!idx)
                return NULL;
        idx->arena = arena_new();
        if (!idx->arena || esco_hmap_init(&idx->skill_by_uri, 1024) < 0 || esco_hmap_init(&idx->occ_by_uri, 1024) < 0) {
                esco_index_free(idx);
                return NULL;
        }
        arena_set_limit(idx->arena, 0);
        return idx;
}

void esco_index_free(EscoIndex *idx) {
        if (!idx)
                return;
        esco_search_free(idx);
        esco_hmap_free(&idx->skill_by_uri);
        esco_hmap_free(&idx->occ_by_uri);
        free(idx->skills);
        free(idx->occs);
        free(idx->rels);
        free(idx->colls);
        free(idx->rel_ids);
        arena_free(idx->arena);
        free(idx);
}

static int grow(void **p, size_t *cap, size_t n, size_t size) {
        if (n < *cap)
                return 0;
        size_t c = *cap ? *cap * 2 : 1024;
        void *q = realloc(*p, c * size);
        if (!q)
                return -ENOMEM;
        *p = q;
        *cap = c;
        return 0;
}

/* Arena copies of labels; old (may be NULL) are kept in front. */
static int copy_labels(EscoIndex *idx, const char *const *old, size_t n_old, const char *const *add, size_t n_add,
                       const char *const **ret, size_t *ret_n) {
        const char **l = arena_alloc(idx->arena, (n_old + n_add + 1) * sizeof *l);
        if (!l)
                return -ENOMEM;
        for (size_t i = 0; i < n_old; i++)
                l[i] = old[i];
        for (size_t i = 0; i < n_add; i++)
                if (!(l[n_old + i] = arena_strdup(idx->arena, add[i])))
                        return -ENOMEM;
        *ret = l;
        *ret_n = n_old + n_add;
        return 0;
}

static const char *dup(EscoIndex *idx, const char *s) {
        static const char empty[] = "";
        return s && *s ? arena_strdup(idx->arena, s) : empty;
}

/* A second language for a known concept: its labels become alternatives. */
static int add_language(EscoIndex *idx, const char *const **alts, size_t *n_alts, const EscoConcept *c) {
        const char *extra[ESCO_CSV_MAX_ALT_LABELS + 1];
        size_t n = 0;
        extra[n++] = c->preferred_label;
        for (size_t i = 0; i < c->n_alt_labels && n <= ESCO_CSV_MAX_ALT_LABELS; i++)
                extra[n++] = c->alt_labels[i];
        return copy_labels(idx, *alts, *n_alts, extra, n, alts, n_alts);
}

static int add_skill(EscoIndex *idx, const EscoConcept *c) {
        uint32_t id;
        if (esco_uri_lookup(&idx->skill_by_uri, idx->skills, sizeof *idx->skills, idx->n_skills, c->uri, &id) == 0)
                return add_language(idx, &idx->skills[id].alt_labels, &idx->skills[id].n_alt_labels, c);
        if (grow((void **)&idx->skills, &idx->cap_skills, idx->n_skills, sizeof *idx->skills) < 0)
                return -ENOMEM;
        EscoSkill *s = &idx->skills[idx->n_skills];
        memset(s, 0, sizeof *s);
        s->uri = dup(idx, c->uri);
        s->label = dup(idx, c->preferred_label);
        s->skill_type = dup(idx, c->skill_type);
        s->reuse_level = dup(idx, c->reuse_level);
        s->description = dup(idx, c->description);
        if (!s->uri || !s->label || !s->skill_type || !s->reuse_level || !s->description ||
            copy_labels(idx, NULL, 0, c->alt_labels, c->n_alt_labels, &s->alt_labels, &s->n_alt_labels) < 0)
                return -ENOMEM;
        if (esco_hmap_put_grow(&idx->skill_by_uri, esco_hash_bytes(s->uri, strlen(s->uri)), (uint32_t)idx->n_skills) < 0)
                return -ENOMEM;
        idx->n_skills++;
        return 0;
}

static int add_occupation(EscoIndex *idx, const EscoConcept *c) {
        uint32_t id;
        if (esco_uri_lookup(&idx->occ_by_uri, idx->occs, sizeof *idx->occs, idx->n_occs, c->uri, &id) == 0)
                return add_language(idx, &idx->occs[id].alt_labels, &idx->occs[id].n_alt_labels, c);
        if (grow((void **)&idx->occs, &idx->cap_occs, idx->n_occs, sizeof *idx->occs) < 0)
                return -ENOMEM;
        EscoOccupation *o = &idx->occs[idx->n_occs];
        memset(o, 0, sizeof *o);
        o->uri = dup(idx, c->uri);
        o->label = dup(idx, c->preferred_label);
        o->isco_group = dup(idx, c->isco_group);
        o->code = dup(idx, c->code);
        o->description = dup(idx, c->description);
        if (!o->uri || !o->label || !o->isco_group || !o->code || !o->description ||
            copy_labels(idx, NULL, 0, c->alt_labels, c->n_alt_labels, &o->alt_labels, &o->n_alt_labels) < 0)
                return -ENOMEM;
        if (esco_hmap_put_grow(&idx->occ_by_uri, esco_hash_bytes(o->uri, strlen(o->uri)), (uint32_t)idx->n_occs) < 0)
                return -ENOMEM;
        idx->n_occs++;
        return 0;
}

int esco_index_add_concept(EscoIndex *idx, const EscoConcept *c) {
        if (!idx || !c || idx->finished || !c->uri || !*c->uri || !c->preferred_label)
                return -EINVAL;
        if (idx->n_skills + idx->n_occs >= ESCO_INDEX_MAX_CONCEPTS)
                return -E2BIG;
        if (c->type == ESCO_CONCEPT_SKILL)
                return add_skill(idx, c);
        if (c->type == ESCO_CONCEPT_OCCUPATION)
                return add_occupation(idx, c);
        return 0;
}

int esco_index_add_relation(EscoIndex *idx, const EscoOccSkillRelation *r) {
        if (!idx || !r || idx->finished || !r->occupation_uri || !r->skill_uri || r->relation >= ESCO_RELATION_TYPE_MAX)
                return -EINVAL;
        if (idx->n_rels >= ESCO_INDEX_MAX_RELATIONS)
                return -E2BIG;
        if (grow((void **)&idx->rels, &idx->cap_rels, idx->n_rels, sizeof *idx->rels) < 0)
                return -ENOMEM;
        PendingRel *p = &idx->rels[idx->n_rels];
        memset(p, 0, sizeof *p);
        p->type = (uint8_t)r->relation;
        /* Usually both ends are known already: keep ids, not strings. */
        if (esco_uri_lookup(&idx->occ_by_uri, idx->occs, sizeof *idx->occs, idx->n_occs, r->occupation_uri, &p->occ) < 0 &&
            !(p->occ_uri = arena_strdup(idx->arena, r->occupation_uri)))
                return -ENOMEM;
        if (esco_uri_lookup(&idx->skill_by_uri, idx->skills, sizeof *idx->skills, idx->n_skills, r->skill_uri, &p->skill) < 0 &&
            !(p->skill_uri = arena_strdup(idx->arena, r->skill_uri)))
                return -ENOMEM;
        idx->n_rels++;
        return 0;
}

int esco_index_add_collection(EscoIndex *idx, EscoCollection coll, const char *skill_uri) {
        if (!idx || idx->finished || !skill_uri || coll >= ESCO_COLLECTION_MAX)
                return -EINVAL;
        if (grow((void **)&idx->colls, &idx->cap_colls, idx->n_colls, sizeof *idx->colls) < 0)
                return -ENOMEM;
        const char *u = arena_strdup(idx->arena, skill_uri);
        if (!u)
                return -ENOMEM;
        idx->colls[idx->n_colls++] = (PendingColl){u, (uint8_t)coll};
        return 0;
}

static int cb_concept(void *ud, const EscoConcept *c) { return esco_index_add_concept(ud, c); }
static int cb_rel(void *ud, const EscoOccSkillRelation *r) { return esco_index_add_relation(ud, r); }
static int cb_coll(void *ud, EscoCollection coll, const char *uri) { return esco_index_add_collection(ud, coll, uri); }

EscoCallbacks esco_index_callbacks(EscoIndex *idx) {
        return (EscoCallbacks){.concept = cb_concept, .occ_skill = cb_rel, .collection = cb_coll, .userdata = idx};
}

static int rel_cmp(const void *a, const void *b) {
        const PendingRel *x = a, *y = b;
        if (x->occ != y->occ)
                return x->occ < y->occ ? -1 : 1;
        if (x->type != y->type)
                return x->type < y->type ? -1 : 1;
        return x->skill < y->skill ? -1 : x->skill > y->skill;
}

static void resolve_relations(EscoIndex *idx) {
        size_t k = 0;
        for (size_t i = 0; i < idx->n_rels; i++) {
                PendingRel p = idx->rels[i];
                if ((p.occ_uri && esco_uri_lookup(&idx->occ_by_uri, idx->occs, sizeof *idx->occs, idx->n_occs,
                                                  p.occ_uri, &p.occ) < 0) ||
                    (p.skill_uri && esco_uri_lookup(&idx->skill_by_uri, idx->skills, sizeof *idx->skills,
                                                    idx->n_skills, p.skill_uri, &p.skill) < 0)) {
                        idx->dropped++;
                        continue;
                }
                idx->rels[k++] = p;
        }
        idx->n_rels = k;
        if (k)
                qsort(idx->rels, idx->n_rels, sizeof *idx->rels, rel_cmp);
}

/* Points each occupation's essential/optional at one shared id array. */
static int link_relations(EscoIndex *idx) {
        idx->rel_ids = malloc((idx->n_rels + 1) * sizeof *idx->rel_ids);
        if (!idx->rel_ids)
                return -ENOMEM;
        size_t k = 0;
        for (size_t i = 0; i < idx->n_rels; i++) {
                const PendingRel *p = &idx->rels[i];
                if (i > 0 && rel_cmp(p, &idx->rels[i - 1]) == 0)
                        continue; /* duplicate row */
                EscoOccupation *o = &idx->occs[p->occ];
                idx->rel_ids[k] = p->skill;
                if (p->type == ESCO_RELATION_ESSENTIAL) {
                        if (!o->n_essential)
                                o->essential = &idx->rel_ids[k];
                        o->n_essential++;
                } else {
                        if (!o->n_optional)
                                o->optional = &idx->rel_ids[k];
                        o->n_optional++;
                }
                k++;
        }
        free(idx->rels);
        idx->rels = NULL;
        idx->n_rels = idx->cap_rels = 0;
        return 0;
}

int esco_index_finish(EscoIndex *idx) {
        if (!idx || idx->finished)
                return -EINVAL;
        resolve_relations(idx);
        int rc = link_relations(idx);
        if (rc < 0)
                return rc;
        for (size_t i = 0; i < idx->n_colls; i++) {
                uint32_t id;
                if (esco_uri_lookup(&idx->skill_by_uri, idx->skills, sizeof *idx->skills, idx->n_skills,
                                    idx->colls[i].uri, &id) < 0)
                        continue;
                idx->skills[id].collections |= 1u << idx->colls[i].coll;
                if (idx->colls[i].coll == ESCO_COLLECTION_DIGITAL)
                        idx->skills[id].digital = true;
        }
        free(idx->colls);
        idx->colls = NULL;
        idx->n_colls = idx->cap_colls = 0;
        rc = esco_search_build(idx);
        if (rc < 0)
                return rc;
        idx->finished = true;
        return 0;
}

int esco_index_load_dir(const char *dir, EscoIndex **ret_idx, EscoError *err) {
        EscoIndex *idx = esco_index_new();
        if (!idx)
                return -ENOMEM;
        EscoCallbacks cb = esco_index_callbacks(idx);
        int rc = esco_load_dir(dir, "en", true, &cb, err);
        if (rc == 0)
                rc = esco_index_finish(idx);
        if (rc) {
                esco_index_free(idx);
                return rc;
        }
        *ret_idx = idx;
        return 0;
}

size_t esco_index_skill_count(const EscoIndex *idx) { return idx ? idx->n_skills : 0; }
size_t esco_index_occupation_count(const EscoIndex *idx) { return idx ? idx->n_occs : 0; }
size_t esco_index_dropped_relations(const EscoIndex *idx) { return idx ? idx->dropped : 0; }

const EscoSkill *esco_index_skill(const EscoIndex *idx, uint32_t id) {
        return idx && id < idx->n_skills ? &idx->skills[id] : NULL;
}

const EscoOccupation *esco_index_occupation(const EscoIndex *idx, uint32_t id) {
        return idx && id < idx->n_occs ? &idx->occs[id] : NULL;
}

int esco_index_skill_id(const EscoIndex *idx, const char *uri, uint32_t *ret_id) {
        if (!idx || !uri)
                return -ENOENT;
        return esco_uri_lookup(&idx->skill_by_uri, idx->skills, sizeof *idx->skills, idx->n_skills, uri, ret_id);
}

int esco_index_occupation_id(const EscoIndex *idx, const char *uri, uint32_t *ret_id) {
        if (!idx || !uri)
                return -ENOENT;
        return esco_uri_lookup(&idx->occ_by_uri, idx->occs, sizeof *idx->occs, idx->n_occs, uri, ret_id);
}
