/* Contacts of local-group stakeholders: one vault ciphertext per
 * stakeholder record of a city (the domain encrypts; the store never sees
 * clear text). The row goes with its record: deleting the record deletes
 * it (a foreign key with ON DELETE CASCADE). */
#ifndef TD_STORE_CONTACTS_H
#define TD_STORE_CONTACTS_H

#include <stdint.h>

#include "store/store.h"

#define STORE_CONTACT_ENC_MAX ((size_t)16 << 10) /* bytes of one ciphertext */

typedef struct ContactRow {
        const char *contact_enc;
        int64_t updated_at, updated_by;
} ContactRow;

/* Writes the contact of stakeholder rec_id of city_slug (replacing any).
 * The record must exist (in c's transaction): -EIO otherwise from the
 * foreign key; -EINVAL for missing or oversized values. */
int store_contact_put(StoreConn *c, const char *city_slug, const char *rec_id, const char *contact_enc, int64_t now,
                      int64_t actor);
/* The contact of rec_id (strings in a); -ENOENT when none. */
int store_contact_get(Store *s, Arena *a, const char *city_slug, const char *rec_id, ContactRow *ret);
/* Erases it; *ret_deleted (may be NULL) is 1 when there was one. */
int store_contact_delete(StoreConn *c, const char *city_slug, const char *rec_id, int64_t *ret_deleted);

#endif
