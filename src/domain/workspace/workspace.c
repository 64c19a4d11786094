#include "domain/workspace/workspace.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void plan_init(IapPlan *p, const City *city) {
        Lang l = LANG_EN;
        (void)lang_parse(city->lang, &l);
        *p = (IapPlan){ .city_slug = city->slug, .city_name = city->name, .lang = l };
}

int ws_load(Store *s, Arena *a, const City *city, IapPlan *ret) {
        IapRecordRow *rows;
        size_t n;
        int r = store_iap_list(s, a, city->slug, &rows, &n);
        if (r < 0)
                return r;
        IapPlan p;
        plan_init(&p, city);
        for (size_t i = 0; i < n && r == 0; i++) {
                WsKind k;
                json_t *doc = json_loads(rows[i].doc, JSON_REJECT_DUPLICATES, NULL);
                r = doc && ws_kind_parse(rows[i].kind, &k) == 0 ? ws_plan_add(a, &p, k, doc, NULL) : -EINVAL;
                json_decref(doc);
        }
        if (r == 0)
                *ret = p;
        return r;
}

/* Record arrays of a demo file, by kind (the "plan" object stands alone). */
static const char *const demo_keys[WS_KIND_MAX] = {
        "plan", "problems", "objectives", "actions", "indicators", "testing", "practices", "meetings", "stakeholders",
        "rounds",
};

static int demo_put(StoreConn *c, const char *slug, WsKind k, json_t *rec, int64_t pos, int *count) {
        char id[STORE_IAP_ID_MAX + 1];
        const char *rid = k == WS_PLAN ? "plan" : json_string_value(json_object_get(rec, "id"));
        if (!rid)
                return -EINVAL;
        snprintf(id, sizeof(id), "%s", rid);
        char *doc = json_dumps(rec, JSON_COMPACT);
        if (!doc)
                return -ENOMEM;
        IapRecordRow row = { .city_slug = slug, .kind = ws_kind_name(k), .rec_id = id, .position = pos, .doc = doc };
        int r = store_iap_put(c, &row, 0);
        free(doc);
        if (r == 0)
                (*count)++;
        return r;
}

/* Decodes every record of one city file into a scratch plan and validates
 * it; then stores the records. */
static int demo_city(StoreConn *c, const City *cities, size_t ncities, Arena *a, json_t *root, int *count,
                     const char **ret_field) {
        const char *slug = json_string_value(json_object_get(root, "city"));
        const City *city = NULL;
        for (size_t i = 0; slug && i < ncities; i++)
                if (strcmp(cities[i].slug, slug) == 0)
                        city = &cities[i];
        if (!city) {
                *ret_field = "city";
                return -EINVAL;
        }
        IapPlan p;
        plan_init(&p, city);
        for (int k = 0; k < WS_KIND_MAX; k++) {
                json_t *v = json_object_get(root, demo_keys[k]), *rec;
                size_t i;
                int r = 0;
                if (k == WS_PLAN)
                        r = v ? ws_plan_add(a, &p, WS_PLAN, v, ret_field) : 0;
                else
                        json_array_foreach(v, i, rec) if (r == 0) r = ws_plan_add(a, &p, (WsKind)k, rec, ret_field);
                if (r < 0)
                        return r;
        }
        IapProblem probs[4];
        size_t np = 0;
        if (iap_plan_validate(&p, probs, 4, &np) < 0) {
                *ret_field = arena_printf(a, "%s %s: %s", probs[0].record, probs[0].id ? probs[0].id : "",
                                          probs[0].field);
                return -EINVAL;
        }
        for (int k = 0; k < WS_KIND_MAX; k++) {
                json_t *v = json_object_get(root, demo_keys[k]), *rec;
                size_t i;
                int r = 0;
                if (k == WS_PLAN)
                        r = v ? demo_put(c, slug, WS_PLAN, v, 0, count) : 0;
                else
                        json_array_foreach(v, i, rec) if (r == 0) r = demo_put(c, slug, (WsKind)k, rec, (int64_t)i, count);
                if (r < 0)
                        return r;
        }
        return 0;
}

static int is_json(const struct dirent *e) {
        size_t n = strlen(e->d_name);
        return n > 5 && strcmp(e->d_name + n - 5, ".json") == 0;
}

/* Where a demo import failed, kept past the arena (static per thread). */
static void demo_error(const char *file, const char *field, const char **ret_file, const char **ret_field) {
        static __thread char f[256], fl[256];
        snprintf(f, sizeof(f), "%s", file);
        snprintf(fl, sizeof(fl), "%s", field ? field : "");
        *ret_file = f;
        *ret_field = fl;
}

int ws_import_demo(Store *s, const char *dir, int *ret_records, const char **ret_file, const char **ret_field) {
        struct dirent **list;
        int nfiles = scandir(dir, &list, is_json, alphasort);
        if (nfiles < 0)
                return -ENOENT;
        Arena *a = arena_new();
        StoreConn *c = NULL;
        City *cities = NULL;
        size_t ncities = 0;
        /* Cities first: the transaction below holds the only connection a
         * command's pool may have. */
        int r = a ? store_city_list(s, a, &cities, &ncities) : -ENOMEM, count = 0;
        if (r == 0)
                r = store_begin(s, &c);
        for (int i = 0; i < nfiles; i++) {
                if (r == 0) {
                        char path[4096];
                        const char *field = NULL;
                        snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
                        json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, NULL);
                        r = root ? demo_city(c, cities, ncities, a, root, &count, &field) : -EINVAL;
                        if (r < 0)
                                demo_error(list[i]->d_name, field, ret_file, ret_field);
                        json_decref(root);
                }
                free(list[i]);
        }
        free(list);
        if (r == 0)
                r = store_commit(c);
        else if (c)
                store_rollback(c);
        arena_free(a);
        if (r == 0)
                *ret_records = count;
        return r;
}
