/* Cities and the network calendar. */
#include <errno.h>
#include <string.h>

#include "store/backend.h"

static const char SQL_CITY_UPSERT[] =
        "INSERT INTO city (slug, name, name_local, country, lang, population, is_lead, focus_en, focus_local, "
        "partner) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "ON CONFLICT (slug) DO UPDATE SET name = excluded.name, name_local = excluded.name_local, "
        "country = excluded.country, lang = excluded.lang, population = excluded.population, "
        "is_lead = excluded.is_lead, focus_en = excluded.focus_en, focus_local = excluded.focus_local, "
        "partner = excluded.partner";
static const char SQL_CITY_COLS_LIST[] =
        "SELECT id, slug, name, name_local, country, lang, population, is_lead, focus_en, focus_local, partner "
        "FROM city ORDER BY is_lead DESC, name";
static const char SQL_CITY_GET[] =
        "SELECT id, slug, name, name_local, country, lang, population, is_lead, focus_en, focus_local, partner "
        "FROM city WHERE slug = $1";

static const char SQL_EVENT_UPSERT[] =
        "INSERT INTO cal_event (uid, city_id, kind, title, starts_on, ends_on, location, details, done) "
        "VALUES ($1, (SELECT id FROM city WHERE slug = $2), $3, $4, $5, $6, $7, $8, $9) "
        "ON CONFLICT (uid) DO UPDATE SET city_id = excluded.city_id, kind = excluded.kind, "
        "title = excluded.title, starts_on = excluded.starts_on, ends_on = excluded.ends_on, "
        "location = excluded.location, details = excluded.details, done = excluded.done, "
        "version = cal_event.version + 1";
#define EVENT_COLS                                                                                                     \
        "SELECT e.id, e.uid, c.slug, e.kind, e.title, e.starts_on, e.ends_on, e.location, e.details, e.version, "     \
        "e.done FROM cal_event e LEFT JOIN city c ON c.id = e.city_id "
static const char SQL_EVENT_LIST_ALL[] = EVENT_COLS "ORDER BY e.starts_on, e.id";
static const char SQL_EVENT_LIST_CITY[] =
        EVENT_COLS "WHERE e.city_id IS NULL OR c.slug = $1 ORDER BY e.starts_on, e.id";
static const char SQL_EVENT_GET[] = EVENT_COLS "WHERE e.id = $1";
static const char SQL_EVENT_COUNT[] = "SELECT COUNT(*) FROM cal_event";
static const char SQL_CITY_HAS[] = "SELECT COUNT(*) FROM city WHERE slug = $1";
/* Insert-only: a taken uid returns no row, and nothing is overwritten. */
static const char SQL_EVENT_INSERT[] =
        "INSERT INTO cal_event (uid, city_id, kind, title, starts_on, ends_on, location, details, done) "
        "VALUES ($1, (SELECT id FROM city WHERE slug = $2), $3, $4, $5, $6, $7, $8, $9) "
        "ON CONFLICT (uid) DO NOTHING RETURNING id";
static const char SQL_EVENT_UPDATE[] =
        "UPDATE cal_event SET city_id = (SELECT id FROM city WHERE slug = $2), kind = $3, title = $4, "
        "starts_on = $5, ends_on = $6, location = $7, details = $8, done = $9, version = version + 1 "
        "WHERE id = $1 AND version = $10";
static const char SQL_EVENT_DELETE_AT[] = "DELETE FROM cal_event WHERE id = $1 AND version = $2";

static int is_date(const char *s) {
        if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
                return 0;
        for (int i = 0; i < 10; i++)
                if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
                        return 0;
        return 1;
}

int store_city_upsert(StoreConn *c, const City *city) {
        if (!city->slug || !*city->slug || !city->name || !city->name_local || !city->country || !city->lang)
                return -EINVAL;
        StoreValue a[] = {
                SV_S(city->slug),     SV_S(city->name),         SV_S(city->name_local),
                SV_S(city->country),  SV_S(city->lang),         SV_I(city->population),
                SV_I(!!city->is_lead), SV_S(city->focus_en ? city->focus_en : ""), SV_S(city->focus_local),
                SV_S(city->partner),
        };
        return store_q(c, SQL_CITY_UPSERT, a, 10, NULL, NULL, NULL);
}

static int city_fill(Arena *a, const StoreRow *r, void *item) {
        City *c = item;
        *c = (City){
                .id = row_int(r, 0),
                .slug = row_text(a, r, 1),
                .name = row_text(a, r, 2),
                .name_local = row_text(a, r, 3),
                .country = row_text(a, r, 4),
                .lang = row_text(a, r, 5),
                .population = row_int(r, 6),
                .is_lead = (int)row_int(r, 7),
                .focus_en = row_text(a, r, 8),
                .focus_local = row_text(a, r, 9),
                .partner = row_text(a, r, 10),
        };
        return c->slug ? 0 : -ENOMEM;
}

int store_city_list(Store *s, Arena *a, City **ret, size_t *ret_n) {
        RowVec v = { .arena = a, .item_size = sizeof(City), .fill = city_fill };
        int r = store_collect(s, SQL_CITY_COLS_LIST, NULL, 0, &v);
        if (r < 0)
                return r;
        *ret = v.items;
        *ret_n = v.n;
        return 0;
}

int store_city_get(Store *s, Arena *a, const char *slug, City *ret) {
        RowVec v = { .arena = a, .item_size = sizeof(City), .fill = city_fill };
        StoreValue args[] = { SV_S(slug) };
        return store_collect_one(s, SQL_CITY_GET, args, 1, &v, ret);
}

static int event_ok(const CalEvent *ev) {
        return ev->uid && *ev->uid && ev->kind && *ev->kind && ev->title && *ev->title && is_date(ev->starts_on) &&
               is_date(ev->ends_on) && strcmp(ev->ends_on, ev->starts_on) >= 0;
}

int store_event_upsert(StoreConn *c, const CalEvent *ev) {
        if (!event_ok(ev))
                return -EINVAL;
        StoreValue a[] = {
                SV_S(ev->uid),       SV_S(ev->city_slug), SV_S(ev->kind),     SV_S(ev->title),
                SV_S(ev->starts_on), SV_S(ev->ends_on),   SV_S(ev->location), SV_S(ev->details),
                SV_I(!!ev->done),
        };
        return store_q(c, SQL_EVENT_UPSERT, a, 9, NULL, NULL, NULL);
}

static int event_fill(Arena *a, const StoreRow *r, void *item) {
        CalEvent *e = item;
        *e = (CalEvent){
                .id = row_int(r, 0),
                .uid = row_text(a, r, 1),
                .city_slug = row_text(a, r, 2),
                .kind = row_text(a, r, 3),
                .title = row_text(a, r, 4),
                .starts_on = row_text(a, r, 5),
                .ends_on = row_text(a, r, 6),
                .location = row_text(a, r, 7),
                .details = row_text(a, r, 8),
                .version = row_int(r, 9),
                .done = (int)row_int(r, 10),
        };
        return e->uid ? 0 : -ENOMEM;
}

int store_event_list(Store *s, Arena *a, const char *city_slug, CalEvent **ret, size_t *ret_n) {
        RowVec v = { .arena = a, .item_size = sizeof(CalEvent), .fill = event_fill };
        StoreValue args[] = { SV_S(city_slug) };
        int r = city_slug ? store_collect(s, SQL_EVENT_LIST_CITY, args, 1, &v)
                          : store_collect(s, SQL_EVENT_LIST_ALL, NULL, 0, &v);
        if (r < 0)
                return r;
        *ret = v.items;
        *ret_n = v.n;
        return 0;
}

int store_event_get(Store *s, Arena *a, int64_t id, CalEvent *ret) {
        RowVec v = { .arena = a, .item_size = sizeof(CalEvent), .fill = event_fill };
        StoreValue args[] = { SV_I(id) };
        return store_collect_one(s, SQL_EVENT_GET, args, 1, &v, ret);
}

static int first_int(void *ud, const StoreRow *row) {
        *(int64_t *)ud = row_int(row, 0);
        return 1;
}

int store_event_count(Store *s, int64_t *ret_n) {
        StoreConn *c;
        int64_t n = 0;
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = store_q(c, SQL_EVENT_COUNT, NULL, 0, first_int, &n, NULL);
        store_release(c);
        if (r == 0)
                *ret_n = n;
        return r;
}

/* -ENOENT when the event names a city that does not exist (the statements
 * would otherwise make it a network-wide event). */
static int city_known(StoreConn *c, const char *slug) {
        int64_t n = 0;
        StoreValue a[] = { SV_S(slug) };
        if (!slug)
                return 0;
        int r = store_q(c, SQL_CITY_HAS, a, 1, first_int, &n, NULL);
        return r < 0 ? r : n ? 0 : -ENOENT;
}

int store_event_insert(StoreConn *c, const CalEvent *ev, int64_t *ret_id) {
        if (!event_ok(ev))
                return -EINVAL;
        int r = city_known(c, ev->city_slug);
        if (r < 0)
                return r;
        StoreValue a[] = {
                SV_S(ev->uid),       SV_S(ev->city_slug), SV_S(ev->kind),     SV_S(ev->title),
                SV_S(ev->starts_on), SV_S(ev->ends_on),   SV_S(ev->location), SV_S(ev->details),
                SV_I(!!ev->done),
        };
        int64_t id = 0;
        r = store_q(c, SQL_EVENT_INSERT, a, 9, first_int, &id, NULL);
        if (r < 0)
                return r;
        if (id <= 0)
                return -EEXIST;
        *ret_id = id;
        return 0;
}

int store_event_update(StoreConn *c, const CalEvent *ev, int64_t expected_version) {
        if (!event_ok(ev) || ev->id <= 0 || expected_version <= 0)
                return -EINVAL;
        int r = city_known(c, ev->city_slug);
        if (r < 0)
                return r;
        StoreValue a[] = {
                SV_I(ev->id),        SV_S(ev->city_slug), SV_S(ev->kind),     SV_S(ev->title),
                SV_S(ev->starts_on), SV_S(ev->ends_on),   SV_S(ev->location), SV_S(ev->details),
                SV_I(!!ev->done),    SV_I(expected_version),
        };
        int64_t changes = 0;
        r = store_q(c, SQL_EVENT_UPDATE, a, 10, NULL, NULL, &changes);
        return r < 0 ? r : changes ? 0 : -EEXIST;
}

int store_event_delete_at(StoreConn *c, int64_t id, int64_t expected_version) {
        StoreValue a[] = { SV_I(id), SV_I(expected_version) };
        int64_t changes = 0;
        int r = store_q(c, SQL_EVENT_DELETE_AT, a, 2, NULL, NULL, &changes);
        return r < 0 ? r : changes ? 0 : -EEXIST;
}
