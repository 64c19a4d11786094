/* Contacts of local-group stakeholders (see contacts.h). */
#include <errno.h>
#include <string.h>

#include "store/backend.h"
#include "store/contacts.h"

static const char SQL_CONTACT_PUT[] =
        "INSERT INTO stakeholder_contact (city_id, kind, rec_id, contact_enc, updated_at, updated_by) "
        "SELECT id, 'stakeholder', $2, $3, $4, $5 FROM city WHERE slug = $1 "
        "ON CONFLICT (city_id, kind, rec_id) DO UPDATE SET contact_enc = excluded.contact_enc, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by";
static const char SQL_CONTACT_GET[] =
        "SELECT k.contact_enc, k.updated_at, k.updated_by FROM stakeholder_contact k JOIN city c ON c.id = k.city_id "
        "WHERE c.slug = $1 AND k.kind = 'stakeholder' AND k.rec_id = $2";
static const char SQL_CONTACT_DELETE[] =
        "DELETE FROM stakeholder_contact WHERE city_id = (SELECT id FROM city WHERE slug = $1) "
        "AND kind = 'stakeholder' AND rec_id = $2";

int store_contact_put(StoreConn *c, const char *city_slug, const char *rec_id, const char *contact_enc, int64_t now,
                      int64_t actor) {
        if (!city_slug || !rec_id || !*rec_id || strlen(rec_id) > STORE_IAP_ID_MAX || !contact_enc || !*contact_enc ||
            strlen(contact_enc) > STORE_CONTACT_ENC_MAX)
                return -EINVAL;
        StoreValue a[] = { SV_S(city_slug), SV_S(rec_id), SV_S(contact_enc), SV_I(now),
                           actor > 0 ? SV_I(actor) : SV_S(NULL) };
        int64_t changed = 0;
        int r = store_q(c, SQL_CONTACT_PUT, a, 5, NULL, NULL, &changed);
        return r < 0 ? r : changed ? 0 : -ENOENT;
}

static int contact_fill(Arena *a, const StoreRow *r, void *item) {
        ContactRow *k = item;
        *k = (ContactRow){ .contact_enc = row_text(a, r, 0), .updated_at = row_int(r, 1), .updated_by = row_int(r, 2) };
        return k->contact_enc ? 0 : -ENOMEM;
}

int store_contact_get(Store *s, Arena *a, const char *city_slug, const char *rec_id, ContactRow *ret) {
        RowVec v = { .arena = a, .item_size = sizeof(ContactRow), .fill = contact_fill };
        StoreValue args[] = { SV_S(city_slug), SV_S(rec_id) };
        return store_collect_one(s, SQL_CONTACT_GET, args, 2, &v, ret);
}

int store_contact_delete(StoreConn *c, const char *city_slug, const char *rec_id, int64_t *ret_deleted) {
        StoreValue a[] = { SV_S(city_slug), SV_S(rec_id) };
        int64_t changed = 0;
        int r = store_q(c, SQL_CONTACT_DELETE, a, 2, NULL, NULL, &changed);
        if (r == 0 && ret_deleted)
                *ret_deleted = changed;
        return r;
}
