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
        "INSERT INTO cal_event (uid, city_id, kind, title, starts_on, ends_on, location, details) "
        "VALUES ($1, (SELECT id FROM city WHERE slug = $2), $3, $4, $5, $6, $7, $8) "
        "ON CONFLICT (uid) DO UPDATE SET city_id = excluded.city_id, kind = excluded.kind, "
        "title = excluded.title, starts_on = excluded.starts_on, ends_on = excluded.ends_on, "
        "location = excluded.location, details = excluded.details";
static const char SQL_EVENT_LIST_ALL[] =
        "SELECT e.id, e.uid, c.slug, e.kind, e.title, e.starts_on, e.ends_on, e.location, e.details "
        "FROM cal_event e LEFT JOIN city c ON c.id = e.city_id ORDER BY e.starts_on, e.id";
static const char SQL_EVENT_LIST_CITY[] =
        "SELECT e.id, e.uid, c.slug, e.kind, e.title, e.starts_on, e.ends_on, e.location, e.details "
        "FROM cal_event e LEFT JOIN city c ON c.id = e.city_id "
        "WHERE e.city_id IS NULL OR c.slug = $1 ORDER BY e.starts_on, e.id";

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

static int list_query(Store *s, const char *sql, const StoreValue *args, int nargs, RowVec *v) {
        StoreConn *c;
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = store_q(c, sql, args, nargs, rowvec_collect, v, NULL);
        store_release(c);
        return r;
}

int store_city_list(Store *s, Arena *a, City **ret, size_t *ret_n) {
        RowVec v = { .arena = a, .item_size = sizeof(City), .fill = city_fill };
        int r = list_query(s, SQL_CITY_COLS_LIST, NULL, 0, &v);
        if (r < 0)
                return r;
        *ret = v.items;
        *ret_n = v.n;
        return 0;
}

int store_city_get(Store *s, Arena *a, const char *slug, City *ret) {
        RowVec v = { .arena = a, .item_size = sizeof(City), .fill = city_fill };
        StoreValue args[] = { SV_S(slug) };
        int r = list_query(s, SQL_CITY_GET, args, 1, &v);
        if (r < 0)
                return r;
        if (v.n == 0)
                return -ENOENT;
        *ret = *(City *)v.items;
        return 0;
}

int store_event_upsert(StoreConn *c, const CalEvent *ev) {
        if (!ev->uid || !*ev->uid || !ev->kind || !ev->title || !*ev->title || !is_date(ev->starts_on) ||
            !is_date(ev->ends_on) || strcmp(ev->ends_on, ev->starts_on) < 0)
                return -EINVAL;
        StoreValue a[] = {
                SV_S(ev->uid),       SV_S(ev->city_slug), SV_S(ev->kind),     SV_S(ev->title),
                SV_S(ev->starts_on), SV_S(ev->ends_on),   SV_S(ev->location), SV_S(ev->details),
        };
        return store_q(c, SQL_EVENT_UPSERT, a, 8, NULL, NULL, NULL);
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
        };
        return e->uid ? 0 : -ENOMEM;
}

int store_event_list(Store *s, Arena *a, const char *city_slug, CalEvent **ret, size_t *ret_n) {
        RowVec v = { .arena = a, .item_size = sizeof(CalEvent), .fill = event_fill };
        StoreValue args[] = { SV_S(city_slug) };
        int r = city_slug ? list_query(s, SQL_EVENT_LIST_CITY, args, 1, &v)
                          : list_query(s, SQL_EVENT_LIST_ALL, NULL, 0, &v);
        if (r < 0)
                return r;
        *ret = v.items;
        *ret_n = v.n;
        return 0;
}
