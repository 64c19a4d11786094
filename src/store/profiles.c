/* Candidate profiles: one row per user, every personal field as vault
 * ciphertext (the domain encrypts; the store never sees plaintext). */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "store/backend.h"

static const char SQL_PROFILE_INSERT[] =
        "INSERT INTO profile (user_id, doc_enc, identity_enc, cv_enc, marks_enc, approved_enc, approved_at, "
        "version, created_at, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8, $9) "
        "ON CONFLICT (user_id) DO NOTHING";
static const char SQL_PROFILE_UPDATE[] =
        "UPDATE profile SET doc_enc = $2, identity_enc = $3, cv_enc = $4, marks_enc = $5, approved_enc = $6, "
        "approved_at = $7, updated_at = $8, updated_by = $9, version = version + 1 "
        "WHERE user_id = $1 AND version = $10";
static const char SQL_PROFILE_GET[] =
        "SELECT user_id, doc_enc, identity_enc, cv_enc, marks_enc, approved_enc, approved_at, version, "
        "created_at, updated_at, updated_by FROM profile WHERE user_id = $1";
static const char SQL_PROFILE_DELETE[] = "DELETE FROM profile WHERE user_id = $1";
static const char SQL_CANDIDATE_DELETE[] = "DELETE FROM candidate WHERE external_id = $1";

static int too_long(const char *s) { return s && strlen(s) > STORE_PROFILE_FIELD_MAX; }

int store_profile_put(StoreConn *c, const ProfileRow *row, int64_t expected_version) {
        if (row->user_id <= 0 || !row->doc_enc || too_long(row->doc_enc) || too_long(row->identity_enc) ||
            too_long(row->cv_enc) || too_long(row->marks_enc) || too_long(row->approved_enc) || expected_version < 0)
                return -EINVAL;
        StoreValue a[] = { SV_I(row->user_id),    SV_S(row->doc_enc),      SV_S(row->identity_enc),
                           SV_S(row->cv_enc),     SV_S(row->marks_enc),    SV_S(row->approved_enc),
                           SV_I(row->approved_at), SV_I((int64_t)time(NULL)), SV_I(row->updated_by),
                           SV_I(expected_version) };
        int64_t changed = 0;
        int r = store_q(c, expected_version ? SQL_PROFILE_UPDATE : SQL_PROFILE_INSERT, a, expected_version ? 10 : 9,
                        NULL, NULL, &changed);
        if (r < 0)
                return r;
        return changed == 1 ? 0 : -EEXIST;
}

static int profile_fill(Arena *a, const StoreRow *r, void *item) {
        ProfileRow *p = item;
        *p = (ProfileRow){
                .user_id = row_int(r, 0), .doc_enc = row_text(a, r, 1), .identity_enc = row_text(a, r, 2),
                .cv_enc = row_text(a, r, 3), .marks_enc = row_text(a, r, 4), .approved_enc = row_text(a, r, 5),
                .approved_at = row_int(r, 6), .version = row_int(r, 7), .created_at = row_int(r, 8),
                .updated_at = row_int(r, 9), .updated_by = row_int(r, 10),
        };
        return p->doc_enc ? 0 : -ENOMEM;
}

int store_profile_get(Store *s, Arena *a, int64_t user_id, ProfileRow *ret) {
        RowVec v = { .arena = a, .item_size = sizeof(ProfileRow), .fill = profile_fill };
        StoreValue args[] = { SV_I(user_id) };
        return store_collect_one(s, SQL_PROFILE_GET, args, 1, &v, ret);
}

int store_profile_delete(StoreConn *c, int64_t user_id) {
        StoreValue a[] = { SV_I(user_id) };
        return store_q(c, SQL_PROFILE_DELETE, a, 1, NULL, NULL, NULL);
}

int store_candidate_delete(StoreConn *c, const char *external_id) {
        StoreValue a[] = { SV_S(external_id) };
        return store_q(c, SQL_CANDIDATE_DELETE, a, 1, NULL, NULL, NULL);
}
