#include "domain/skills/skills.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

typedef struct Importer {
        StoreConn *conn;
        Arena *arena; /* strings of the pending batches; reset after each flush */
        EscoConceptRow concepts[SKILLS_BATCH_CONCEPTS];
        size_t nconcepts;
        EscoRelationRow relations[SKILLS_BATCH_RELATIONS];
        size_t nrelations;
        const char *members[SKILLS_BATCH_CONCEPTS];
        size_t nmembers;
        int member_coll;
        const char *lang;
        int err;
        SkillsImportCounts counts;
        SkillsProgressFn progress;
        void *userdata;
} Importer;

static int reset_arena(Importer *im) {
        if (im->nconcepts || im->nrelations || im->nmembers)
                return 0;
        arena_free(im->arena);
        im->arena = arena_new();
        return im->arena ? 0 : -ENOMEM;
}

static int flush(Importer *im) {
        int r = 0;
        if (im->nconcepts)
                r = store_esco_put_concepts(im->conn, im->concepts, im->nconcepts);
        if (r == 0 && im->nrelations)
                r = store_esco_put_relations(im->conn, im->relations, im->nrelations);
        if (r == 0 && im->nmembers)
                r = store_esco_put_collection(im->conn, im->member_coll, im->members, im->nmembers);
        im->counts.concepts += im->nconcepts;
        im->counts.relations += im->nrelations;
        im->counts.collection_members += im->nmembers;
        im->nconcepts = im->nrelations = im->nmembers = 0;
        if (r == 0)
                r = reset_arena(im);
        return r;
}

static const char *join_alt(Arena *a, const EscoConcept *c) {
        StrBuf b = STRBUF_INIT;
        for (size_t i = 0; i < c->n_alt_labels; i++) {
                if (i)
                        strbuf_putc(&b, '\n');
                strbuf_puts(&b, c->alt_labels[i]);
        }
        const char *s = arena_strdup(a, strbuf_str(&b));
        strbuf_free(&b);
        return s;
}

static int on_concept(void *ud, const EscoConcept *c) {
        Importer *im = ud;
        if (c->type != ESCO_CONCEPT_SKILL && c->type != ESCO_CONCEPT_OCCUPATION)
                return 0;
        if (im->nconcepts == SKILLS_BATCH_CONCEPTS && (im->err = flush(im)) < 0)
                return im->err;
        Arena *a = im->arena;
        im->concepts[im->nconcepts++] = (EscoConceptRow){
                .uri = arena_strdup(a, c->uri),
                .kind = c->type == ESCO_CONCEPT_SKILL ? 0 : 1,
                .skill_type = arena_strdup(a, c->skill_type),
                .reuse_level = arena_strdup(a, c->reuse_level),
                .isco_group = arena_strdup(a, c->isco_group),
                .code = arena_strdup(a, c->code),
                .lang = im->lang,
                .preferred = arena_strdup(a, c->preferred_label ? c->preferred_label : ""),
                .alt = join_alt(a, c),
                .description = arena_strdup(a, c->description),
        };
        return 0;
}

static int on_relation(void *ud, const EscoOccSkillRelation *r) {
        Importer *im = ud;
        if (im->nrelations == SKILLS_BATCH_RELATIONS && (im->err = flush(im)) < 0)
                return im->err;
        im->relations[im->nrelations++] = (EscoRelationRow){
                .occupation_uri = arena_strdup(im->arena, r->occupation_uri),
                .skill_uri = arena_strdup(im->arena, r->skill_uri),
                .essential = r->relation == ESCO_RELATION_ESSENTIAL,
        };
        return 0;
}

static int on_collection(void *ud, EscoCollection coll, const char *uri) {
        Importer *im = ud;
        if ((im->nmembers == SKILLS_BATCH_CONCEPTS || (im->nmembers && im->member_coll != (int)coll)) &&
            (im->err = flush(im)) < 0)
                return im->err;
        im->member_coll = (int)coll;
        im->members[im->nmembers++] = arena_strdup(im->arena, uri);
        return 0;
}

static void on_progress(void *ud, const char *file, size_t done, size_t total) {
        Importer *im = ud;
        if (im->progress)
                im->progress(im->userdata, file, done, total);
}

int skills_import(Store *s, const char *dir, const char *lang, bool relations, SkillsProgressFn progress,
                  void *userdata, EscoError *err, SkillsImportCounts *ret_counts) {
        Importer *im = calloc(1, sizeof(*im));
        if (!im || !(im->arena = arena_new())) {
                free(im);
                return -ENOMEM;
        }
        im->lang = lang;
        im->progress = progress;
        im->userdata = userdata;
        EscoCallbacks cb = { .concept = on_concept, .occ_skill = on_relation, .collection = on_collection,
                             .progress = on_progress, .userdata = im };
        int r = store_begin(s, &im->conn);
        if (r == 0) {
                r = esco_load_dir(dir, lang, relations, &cb, err);
                if (r == 0)
                        r = flush(im);
                r = store_end(im->conn, r);
        }
        if (r == 0 && ret_counts)
                *ret_counts = im->counts;
        arena_free(im->arena);
        free(im);
        return r;
}

/* ---- loading the index ---- */

#define SKILLS_MAX_ALT ESCO_CSV_MAX_ALT_LABELS

static int load_concept(void *ud, const EscoConceptRow *row) {
        const char *alt[SKILLS_MAX_ALT];
        size_t n = 0;
        char *copy = strdup(row->alt ? row->alt : "");
        if (!copy)
                return -ENOMEM;
        for (char *save = NULL, *tok = strtok_r(copy, "\n", &save); tok && n < SKILLS_MAX_ALT;
             tok = strtok_r(NULL, "\n", &save))
                alt[n++] = tok;
        EscoConcept c = {
                .type = row->kind == 0 ? ESCO_CONCEPT_SKILL : ESCO_CONCEPT_OCCUPATION,
                .uri = row->uri, .preferred_label = row->preferred, .alt_labels = alt, .n_alt_labels = n,
                .skill_type = row->skill_type, .reuse_level = row->reuse_level, .isco_group = row->isco_group,
                .code = row->code, .description = row->description,
        };
        int r = esco_index_add_concept(ud, &c);
        free(copy);
        return r;
}

static int load_relation(void *ud, const EscoRelationRow *row) {
        EscoOccSkillRelation r = { .occupation_uri = row->occupation_uri, .skill_uri = row->skill_uri,
                                   .relation = row->essential ? ESCO_RELATION_ESSENTIAL : ESCO_RELATION_OPTIONAL };
        return esco_index_add_relation(ud, &r);
}

static int load_collection(void *ud, int coll, const char *uri) {
        if (coll < 0 || coll >= ESCO_COLLECTION_MAX)
                return 0;
        return esco_index_add_collection(ud, (EscoCollection)coll, uri);
}

int skills_load(Store *s, EscoIndex **ret) {
        EscoIndex *idx = esco_index_new();
        if (!idx)
                return -ENOMEM;
        EscoScan scan = { .concept = load_concept, .relation = load_relation, .collection = load_collection,
                          .userdata = idx };
        int r = store_esco_scan(s, &scan);
        if (r == 0)
                r = esco_index_finish(idx);
        if (r < 0) {
                esco_index_free(idx);
                return r;
        }
        *ret = idx;
        return 0;
}
