/* Saving an edited record: the submitted values are applied to a copy of
 * the stored record, the whole plan with that copy must still validate,
 * and the store writes it only over the version the editor started from. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/workspace/actions.h"
#include "domain/workspace/edit.h"
#include "domain/workspace/workspace.h"

json_t *ws_row_doc(const IapRecordRow *row) {
        return row && row->doc ? json_loads(row->doc, JSON_REJECT_DUPLICATES, NULL) : NULL;
}

int ws_rows(Store *s, Arena *a, const char *city_slug, WsKind kind, IapRecordRow **ret, size_t *ret_n) {
        IapRecordRow *rows;
        size_t n, k = 0;
        int r = store_iap_list(s, a, city_slug, &rows, &n);
        if (r < 0)
                return r;
        const char *name = ws_kind_name(kind);
        for (size_t i = 0; i < n; i++)
                if (strcmp(rows[i].kind, name) == 0)
                        rows[k++] = rows[i];
        *ret = rows;
        *ret_n = k;
        return 0;
}

static void res_problem(WsSaveResult *res, const char *field, const char *msgid) {
        if (res->n_problems < WS_PROBLEMS_MAX)
                res->problems[res->n_problems] = (WsProblem){ field, msgid };
        res->n_problems++;
}

/* Builds city's plan from rows, with rec (kind k, id) in place of the
 * stored one, added when absent, or left out when rec is NULL (id NULL:
 * the plan as stored). */
static int build(Arena *a, const City *city, const IapRecordRow *rows, size_t n, WsKind k, const char *id, json_t *rec,
                 IapPlan *ret) {
        IapPlan p = { .city_slug = city->slug, .city_name = city->name, .lang = LANG_EN };
        (void)lang_parse(city->lang, &p.lang);
        bool placed = false;
        int r = 0;
        for (size_t i = 0; i < n && r == 0; i++) {
                WsKind rk;
                if (ws_kind_parse(rows[i].kind, &rk) < 0)
                        return -EINVAL;
                bool this = rk == k && id && strcmp(rows[i].rec_id, id) == 0;
                json_t *doc = this ? json_incref(rec) : ws_row_doc(&rows[i]);
                placed |= this;
                if (doc || !this)
                        r = doc ? ws_plan_add(a, &p, rk, doc, NULL) : -EINVAL;
                json_decref(doc);
        }
        if (r == 0 && !placed && rec)
                r = ws_plan_add(a, &p, k, rec, NULL);
        if (r == 0)
                *ret = p;
        return r;
}

static size_t plan_problems(const IapPlan *p, IapProblem *out, size_t cap) {
        size_t n = 0;
        (void)iap_plan_validate(p, out, cap, &n);
        return n;
}

/* Whole-plan problems the change brings: those of the record itself by
 * field, else one for the record as a whole. */
static void plan_check(Arena *a, const City *city, const IapRecordRow *rows, size_t n, WsKind k, const char *id,
                       json_t *rec, WsSaveResult *res) {
        IapPlan before, after;
        IapProblem pb[IAP_PROBLEMS_MAX], pa[IAP_PROBLEMS_MAX];
        if (build(a, city, rows, n, k, NULL, NULL, &before) < 0 || build(a, city, rows, n, k, id, rec, &after) < 0) {
                res_problem(res, NULL, N_("the plan could not be checked"));
                return;
        }
        size_t nb = plan_problems(&before, pb, IAP_PROBLEMS_MAX), na = plan_problems(&after, pa, IAP_PROBLEMS_MAX);
        if (na <= nb)
                return;
        for (size_t i = 0; i < na && i < IAP_PROBLEMS_MAX; i++)
                if (rec && pa[i].id && strcmp(pa[i].id, id) == 0)
                        res_problem(res, strcmp(pa[i].record, "risk") == 0 ? "risk1_description" : pa[i].field,
                                    pa[i].msgid);
        if (res->n_problems == 0)
                res_problem(res, NULL, rec ? N_("this change would leave the plan inconsistent")
                                           : N_("other records still refer to this one"));
}

static const IapRecordRow *find(const IapRecordRow *rows, size_t n, WsKind k, const char *id, size_t *ret_count) {
        const IapRecordRow *hit = NULL;
        size_t count = 0;
        for (size_t i = 0; i < n; i++)
                if (strcmp(rows[i].kind, ws_kind_name(k)) == 0) {
                        count++;
                        if (id && strcmp(rows[i].rec_id, id) == 0)
                                hit = &rows[i];
                }
        *ret_count = count;
        return hit;
}

/* Every reference names an existing record of its kind (the plan's own
 * validation does not look at every link, e.g. a cause's problem). */
static void refs_exist(const WsForm *form, json_t *rec, const IapRecordRow *rows, size_t n, WsSaveResult *res) {
        for (size_t i = 0; i < form->n_fields; i++) {
                const WsField *f = &form->fields[i];
                const char *v = f->type == WS_FT_REF ? json_string_value(json_object_get(rec, f->key)) : NULL;
                size_t count;
                if (v && !find(rows, n, f->ref, v, &count))
                        res_problem(res, f->key, N_("refers to a record that does not exist"));
        }
}

/* Whether a reference field of any editable record names (kind, id), e.g.
 * a cause its problem (which the plan's validation does not look at). */
static bool referred(const IapRecordRow *rows, size_t n, WsKind kind, const char *id) {
        size_t nf;
        const WsForm *forms = ws_forms(&nf);
        for (size_t i = 0; i < n; i++) {
                WsKind rk;
                json_t *doc = NULL;
                for (size_t f = 0; f < nf && ws_kind_parse(rows[i].kind, &rk) == 0; f++) {
                        if (forms[f].kind != rk)
                                continue;
                        for (size_t k = 0; k < forms[f].n_fields; k++) {
                                const WsField *fd = &forms[f].fields[k];
                                if (fd->type != WS_FT_REF || fd->ref != kind)
                                        continue;
                                doc = doc ? doc : ws_row_doc(&rows[i]);
                                const char *v = json_string_value(json_object_get(doc, fd->key));
                                if (v && strcmp(v, id) == 0)
                                        return json_decref(doc), true;
                        }
                }
                json_decref(doc);
        }
        return false;
}

/* A fresh id "<kind>-<n>" not used by any record of the kind. */
static const char *new_id(Arena *a, WsKind k, const IapRecordRow *rows, size_t n, int64_t *ret_pos) {
        long max = 0;
        int64_t pos = -1;
        const char *name = ws_kind_name(k);
        size_t len = strlen(name);
        for (size_t i = 0; i < n; i++) {
                if (strcmp(rows[i].kind, name) != 0)
                        continue;
                pos = rows[i].position > pos ? rows[i].position : pos;
                const char *rid = rows[i].rec_id;
                if (strncmp(rid, name, len) == 0 && rid[len] == '-')
                        max = strtol(rid + len + 1, NULL, 10) > max ? strtol(rid + len + 1, NULL, 10) : max;
        }
        *ret_pos = pos + 1;
        return arena_printf(a, "%s-%ld", name, max + 1);
}

/* Writes row over version, or adds it (version 0) without ever replacing
 * a record someone else created meanwhile. */
static int store_put(Store *s, const IapRecordRow *row, int64_t version, const WsSaveHook *hook, const City *city) {
        StoreConn *c;
        int r = store_begin(s, &c);
        if (r < 0)
                return r;
        r = version > 0 ? store_iap_put(c, row, version) : store_iap_insert(c, row);
        if (r == 0 && hook && hook->write)
                r = hook->write(hook->ctx, c, city, row->rec_id);
        return store_end(c, r);
}

static int prepare(Store *s, Arena *a, const City *city, const WsForm *form, const char *rec_id,
                   int64_t expected_version, IapRecordRow **rows, size_t *n, const IapRecordRow **ret_old,
                   WsSaveResult *res) {
        *res = (WsSaveResult){ 0 };
        int r = store_iap_list(s, a, city->slug, rows, n);
        if (r < 0)
                return r;
        size_t count;
        *ret_old = find(*rows, *n, form->kind, rec_id, &count);
        if (rec_id && !*ret_old)
                return -ENOENT;
        if (rec_id && (*ret_old)->version != expected_version)
                return -EEXIST;
        if (!rec_id && form->singleton && find(*rows, *n, form->kind, form->singleton, &count))
                return -EEXIST; /* the kind's one record was made meanwhile */
        if (!rec_id && count >= WS_KIND_RECORDS_MAX) {
                res_problem(res, NULL, N_("this city has reached the most records of this kind"));
                return -E2BIG;
        }
        return 0;
}

/* The common end of a save: the whole plan with rec must still validate,
 * then rec is written over version (0: added). */
static int finish(Store *s, Arena *a, const City *city, WsKind kind, const IapRecordRow *rows, size_t n,
                  const char *id, int64_t pos, json_t *rec, int64_t version, const WsSaveHook *hook,
                  WsSaveResult *ret) {
        if (ret->n_problems == 0)
                plan_check(a, city, rows, n, kind, id, rec, ret);
        if (ret->n_problems)
                return -EINVAL;
        char *doc = json_dumps(rec, JSON_COMPACT);
        if (!doc)
                return -ENOMEM;
        IapRecordRow row = { .city_slug = city->slug, .kind = ws_kind_name(kind), .rec_id = id, .position = pos,
                             .doc = arena_strdup(a, doc) };
        free(doc);
        return row.doc ? store_put(s, &row, version, hook, city) : -ENOMEM;
}

int ws_save(Store *s, Arena *a, const City *city, const WsForm *form, const char *rec_id, int64_t expected_version,
            WsGetFn get, void *ctx, WsSaveResult *ret) {
        return ws_save_ex(s, a, city, form, rec_id, expected_version, get, ctx, NULL, ret);
}

int ws_save_ex(Store *s, Arena *a, const City *city, const WsForm *form, const char *rec_id, int64_t expected_version,
               WsGetFn get, void *ctx, const WsSaveHook *hook, WsSaveResult *ret) {
        IapRecordRow *rows;
        const IapRecordRow *old;
        size_t n;
        int r = prepare(s, a, city, form, rec_id, expected_version, &rows, &n, &old, ret);
        if (r < 0)
                return r;
        Lang local = LANG_EN;
        (void)lang_parse(city->lang, &local);
        int64_t pos = old ? old->position : 0;
        const char *id = rec_id ? rec_id : form->singleton ? form->singleton : new_id(a, form->kind, rows, n, &pos);
        json_t *rec = old ? ws_row_doc(old) : json_pack("{s:s}", "id", id);
        if (!rec || !id) {
                json_decref(rec);
                return old && !rec ? -EINVAL : -ENOMEM;
        }
        r = ws_form_apply(a, form, rec, local, get, ctx, ret->problems, &ret->n_problems);
        if (r == 0)
                refs_exist(form, rec, rows, n, ret);
        if (r == 0 && form->kind == WS_ACTION && ret->n_problems == 0 && ws_action_parent_cycle(rec, rows, n))
                res_problem(ret, "parent", N_("this action cannot be a sub-action of one of its own sub-actions"));
        if ((r == 0 || r == -EINVAL) && hook && hook->check)
                hook->check(hook->ctx, ret); /* all problems of the form at once */
        r = r == 0 ? finish(s, a, city, form->kind, rows, n, id, pos, rec, old ? expected_version : 0, hook, ret) : r;
        json_decref(rec);
        if (r == 0)
                ret->rec_id = id;
        return r;
}

int ws_change(Store *s, Arena *a, const City *city, const WsForm *form, const char *rec_id, int64_t expected_version,
              WsChangeFn fn, void *ctx, WsSaveResult *ret) {
        IapRecordRow *rows;
        const IapRecordRow *old;
        size_t n;
        if (!rec_id || !fn)
                return -EINVAL;
        int r = prepare(s, a, city, form, rec_id, expected_version, &rows, &n, &old, ret);
        if (r < 0)
                return r;
        Lang local = LANG_EN;
        (void)lang_parse(city->lang, &local);
        json_t *rec = ws_row_doc(old);
        if (!rec)
                return -EINVAL;
        r = fn(a, rec, local, ctx, ret);
        if (r == 0)
                r = finish(s, a, city, form->kind, rows, n, rec_id, old->position, rec, expected_version, NULL, ret);
        json_decref(rec);
        return r;
}

int ws_delete(Store *s, Arena *a, const City *city, const WsForm *form, const char *rec_id, int64_t expected_version,
              WsSaveResult *ret) {
        IapRecordRow *rows;
        const IapRecordRow *old;
        size_t n;
        if (!rec_id)
                return -EINVAL;
        int r = prepare(s, a, city, form, rec_id, expected_version, &rows, &n, &old, ret);
        if (r < 0)
                return r;
        if (form->singleton) {
                res_problem(ret, NULL, N_("this record cannot be deleted"));
                return -EINVAL;
        }
        json_t *doc = ws_row_doc(old);
        bool final = form->kind == WS_MEETING && ws_meeting_final(doc);
        json_decref(doc);
        if (final)
                return -EACCES;
        if (referred(rows, n, form->kind, rec_id))
                res_problem(ret, NULL, N_("other records still refer to this one"));
        else
                plan_check(a, city, rows, n, form->kind, rec_id, NULL, ret);
        if (ret->n_problems)
                return -EINVAL;
        StoreConn *c;
        if ((r = store_begin(s, &c)) < 0)
                return r;
        r = store_iap_delete_at(c, city->slug, ws_kind_name(form->kind), rec_id, expected_version);
        return store_end(c, r);
}
