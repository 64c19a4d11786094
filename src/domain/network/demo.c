#include "domain/network/demo.h"

#include <errno.h>
#include <string.h>

#include <jansson.h>

#include "core/i18n.h"

static const char *str(json_t *o, const char *key) {
        json_t *v = json_object_get(o, key);
        return json_is_string(v) ? json_string_value(v) : NULL;
}

static int load_cities(StoreConn *c, json_t *arr, int *ret_n) {
        size_t i;
        json_t *o;
        if (!json_is_array(arr))
                return -EINVAL;
        json_array_foreach(arr, i, o) {
                City city = {
                        .slug = str(o, "slug"),
                        .name = str(o, "name"),
                        .name_local = str(o, "name_local"),
                        .country = str(o, "country"),
                        .lang = str(o, "lang"),
                        .population = json_integer_value(json_object_get(o, "population")),
                        .is_lead = json_is_true(json_object_get(o, "lead")),
                        .focus_en = str(o, "focus_en"),
                        .focus_local = str(o, "focus_local"),
                        .partner = str(o, "partner"),
                };
                int r = store_city_upsert(c, &city);
                if (r < 0)
                        return r;
        }
        *ret_n = (int)json_array_size(arr);
        return 0;
}

static int load_events(StoreConn *c, json_t *arr, int *ret_n) {
        size_t i;
        json_t *o;
        if (!json_is_array(arr))
                return -EINVAL;
        json_array_foreach(arr, i, o) {
                CalEvent ev = {
                        .uid = str(o, "uid"),
                        .city_slug = str(o, "city"),
                        .kind = str(o, "kind"),
                        .title = str(o, "title"),
                        .starts_on = str(o, "starts_on"),
                        .ends_on = str(o, "ends_on"),
                        .location = str(o, "location"),
                        .details = str(o, "details"),
                        .done = json_is_true(json_object_get(o, "done")),
                };
                int r = store_event_upsert(c, &ev);
                if (r < 0)
                        return r;
        }
        *ret_n = (int)json_array_size(arr);
        return 0;
}

int network_load_demo(Store *s, const char *path, int *ret_cities, int *ret_events, const char **ret_error) {
        json_error_t jerr;
        json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
        const char *err = N_("the demo file is not valid JSON");
        if (!root) {
                if (ret_error)
                        *ret_error = err;
                return -EINVAL;
        }
        StoreConn *c;
        int nc = 0, ne = 0;
        int r = store_begin(s, &c);
        if (r == 0) {
                r = load_cities(c, json_object_get(root, "cities"), &nc);
                err = N_("a city in the demo file is incomplete");
                if (r == 0) {
                        r = load_events(c, json_object_get(root, "events"), &ne);
                        err = N_("an event in the demo file is incomplete or has invalid dates");
                }
                r = store_end(c, r);
        } else {
                err = N_("the database could not start a transaction");
        }
        json_decref(root);
        if (r < 0) {
                if (ret_error)
                        *ret_error = err;
                return r;
        }
        *ret_cities = nc;
        *ret_events = ne;
        return 0;
}
