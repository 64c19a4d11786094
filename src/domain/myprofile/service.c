/* Loading and saving a candidate's profile: JSON documents encrypted by
 * the vault, one row per candidate, plus the skills-only mirror that
 * matching and aggregates read. */
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "domain/myprofile/myprofile.h"
#include "domain/profiles/profile_json.h"
#include "store/accounts.h"

static const char *const remote_names[REMOTE_MAX] = { "any", "no", "hybrid", "only" };

/* ---- small JSON documents: identity and marks ---- */

static json_t *str_array(const char *const *v, size_t n) {
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < n; i++)
                json_array_append_new(arr, json_string(v[i]));
        return arr;
}

static const char **arena_str_array(Arena *a, json_t *arr, size_t max, size_t *ret_n) {
        size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
        if (n > max)
                n = max;
        const char **v = arena_alloc(a, sizeof(char *) * (n ? n : 1));
        size_t k = 0;
        for (size_t i = 0; v && i < n; i++) {
                const char *s = json_string_value(json_array_get(arr, i));
                if (s)
                        v[k++] = arena_strdup(a, s);
        }
        *ret_n = k;
        return v;
}

static const char *opt_str(Arena *a, json_t *o, const char *key) {
        const char *s = json_string_value(json_object_get(o, key));
        return s ? arena_strdup(a, s) : NULL;
}

static char *identity_json(const ProfileIdentity *id) {
        json_t *o = json_pack("{s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:s?}", "name", id->name, "given_name", id->given_name,
                              "family_name", id->family_name, "email", id->email, "address", id->address,
                              "postal_code", id->postal_code, "city", id->city);
        if (!o)
                return NULL;
        json_object_set_new(o, "phones", str_array(id->phones, id->n_phones));
        json_object_set_new(o, "websites", str_array(id->websites, id->n_websites));
        char *s = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        return s;
}

static void identity_read(Arena *a, json_t *o, ProfileIdentity *id) {
        *id = (ProfileIdentity){
                .name = opt_str(a, o, "name"), .given_name = opt_str(a, o, "given_name"),
                .family_name = opt_str(a, o, "family_name"), .email = opt_str(a, o, "email"),
                .address = opt_str(a, o, "address"), .postal_code = opt_str(a, o, "postal_code"),
                .city = opt_str(a, o, "city"),
        };
        id->phones = arena_str_array(a, json_object_get(o, "phones"), ANON_MAX_KNOWN, &id->n_phones);
        id->websites = arena_str_array(a, json_object_get(o, "websites"), ANON_MAX_KNOWN, &id->n_websites);
}

static char *marks_json(const MyProfile *mp) {
        json_t *o = json_pack("{s:o,s:o}", "remove", str_array(mp->remove, mp->n_remove), "keep",
                              str_array(mp->keep, mp->n_keep));
        char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
        json_decref(o);
        return s;
}

/* ---- encryption ---- */

static int open_json(const MypCtx *x, Arena *a, const char *ct, json_t **ret) {
        const char *plain;
        if (vault_decrypt(x->vault, a, ct, &plain) < 0)
                return -EIO;
        json_t *o = json_loads(plain, 0, NULL);
        if (!o)
                return -EIO;
        *ret = o;
        return 0;
}

/* Encrypts a heap string from json_dumps (freed here) into the arena. */
static int seal(const MypCtx *x, Arena *a, char *heap, const char **ret) {
        if (!heap)
                return -ENOMEM;
        int r = vault_encrypt(x->vault, a, heap, ret);
        free(heap);
        return r;
}

static int seal_opt(const MypCtx *x, Arena *a, const char *plain, const char **ret) {
        *ret = NULL;
        return plain ? vault_encrypt(x->vault, a, plain, ret) : 0;
}

/* ---- load ---- */

static int load_doc(const MypCtx *x, Arena *a, const ProfileRow *row, MyProfile *mp) {
        const char *plain;
        if (vault_decrypt(x->vault, a, row->doc_enc, &plain) < 0)
                return -EIO;
        ProfileIoError err;
        /* No ESCO check on load: a concept that left ESCO must not lock the
         * candidate out of their own profile. */
        return profile_json_read(a, plain, strlen(plain), NULL, &mp->p, &err) < 0 ? -EIO : 0;
}

static int load_extras(const MypCtx *x, Arena *a, const ProfileRow *row, MyProfile *mp) {
        json_t *o = NULL;
        if (row->identity_enc) {
                if (open_json(x, a, row->identity_enc, &o) < 0)
                        return -EIO;
                identity_read(a, o, &mp->identity);
                json_decref(o);
        }
        if (row->marks_enc) {
                if (open_json(x, a, row->marks_enc, &o) < 0)
                        return -EIO;
                mp->remove = arena_str_array(a, json_object_get(o, "remove"), MYP_MAX_MARKS, &mp->n_remove);
                mp->keep = arena_str_array(a, json_object_get(o, "keep"), MYP_MAX_MARKS, &mp->n_keep);
                json_decref(o);
        }
        if (row->cv_enc && vault_decrypt(x->vault, a, row->cv_enc, &mp->cv_text) < 0)
                return -EIO;
        if (row->approved_enc && vault_decrypt(x->vault, a, row->approved_enc, &mp->approved) < 0)
                return -EIO;
        return 0;
}

int myp_load(const MypCtx *x, Arena *a, int64_t user_id, MyProfile *ret) {
        MyProfile mp = { .user_id = user_id };
        ProfileRow row;
        int r = store_profile_get(x->store, a, user_id, &row);
        if (r == -ENOENT) {
                *ret = mp;
                return 0;
        }
        if (r < 0)
                return r;
        r = load_doc(x, a, &row, &mp);
        if (r == 0)
                r = load_extras(x, a, &row, &mp);
        if (r < 0)
                return r;
        mp.exists = true;
        mp.version = row.version;
        mp.approved_at = row.approved_at;
        mp.updated_at = row.updated_at;
        mp.updated_by = row.updated_by;
        *ret = mp;
        return 0;
}

/* ---- save ---- */

static int seal_all(const MypCtx *x, Arena *a, const MyProfile *mp, ProfileRow *row) {
        StrBuf doc;
        strbuf_init(&doc, PROFILE_JSON_MAX_BYTES);
        int r = profile_json_write(&mp->p, &doc);
        if (r == 0)
                r = strbuf_error(&doc);
        if (r == 0)
                r = vault_encrypt(x->vault, a, strbuf_str(&doc), &row->doc_enc);
        strbuf_free(&doc);
        if (r == 0)
                r = seal(x, a, identity_json(&mp->identity), &row->identity_enc);
        if (r == 0)
                r = seal(x, a, marks_json(mp), &row->marks_enc);
        if (r == 0)
                r = seal_opt(x, a, mp->cv_text, &row->cv_enc);
        if (r == 0)
                r = seal_opt(x, a, mp->approved, &row->approved_enc);
        return r;
}

/* The skills-only mirror: what matching and the aggregates may read. */
static int mirror(StoreConn *c, Arena *a, const MyProfile *mp) {
        const Profile *p = &mp->p;
        CandidateRowSkill *sk = arena_alloc(a, sizeof(*sk) * (p->n_skills + 1));
        CandidateRowLanguage *lg = arena_alloc(a, sizeof(*lg) * (p->n_languages + 1));
        if (!sk || !lg)
                return -ENOMEM;
        size_t ns = 0;
        for (size_t i = 0; i < p->n_skills; i++)
                if (p->skills[i].uri && !p->skills[i].proposed)
                        sk[ns++] = (CandidateRowSkill){ p->skills[i].uri, p->skills[i].level };
        for (size_t i = 0; i < p->n_languages; i++)
                lg[i] = (CandidateRowLanguage){ p->languages[i].code,
                                                p->languages[i].native ? "native" : cefr_name(p->languages[i].level) };
        CandidateRow row = {
                .external_id = arena_printf(a, "user:%lld", (long long)mp->user_id),
                .remote = (unsigned)p->prefs.remote < REMOTE_MAX ? remote_names[p->prefs.remote] : "any",
                .skills = sk, .n_skills = ns, .languages = lg, .n_languages = p->n_languages,
                .cities = p->prefs.cities, .n_cities = p->prefs.n_cities,
        };
        return row.external_id ? store_candidates_put(c, &row, 1) : -ENOMEM;
}

int myp_save(const MypCtx *x, Arena *a, int64_t actor, MyProfile *mp) {
        ProfileRow row = { .user_id = mp->user_id, .approved_at = mp->approved_at, .updated_by = actor };
        int r = seal_all(x, a, mp, &row);
        if (r < 0)
                return r;
        StoreConn *c;
        r = store_begin(x->store, &c);
        if (r < 0)
                return r;
        r = store_profile_put(c, &row, mp->exists ? mp->version : 0);
        if (r == 0)
                r = mirror(c, a, mp);
        if (r == 0 && actor != mp->user_id)
                r = store_audit_add(c, (int64_t)time(NULL), actor, mp->user_id, "profile.saved_for_candidate", "");
        r = store_end(c, r);
        if (r == 0) {
                mp->version = mp->exists ? mp->version + 1 : 1;
                mp->exists = true;
        }
        return r;
}

int myp_employer_text(const MypCtx *x, Arena *a, int64_t user_id, const char **ret_text) {
        ProfileRow row;
        int r = store_profile_get(x->store, a, user_id, &row);
        if (r < 0)
                return r;
        if (!row.approved_enc)
                return -ENOENT;
        return vault_decrypt(x->vault, a, row.approved_enc, ret_text) < 0 ? -EIO : 0;
}
