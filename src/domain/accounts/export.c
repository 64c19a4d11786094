/* GDPR Art. 15/20 export: every datum the platform holds about a user. */
#include <errno.h>
#include <stdlib.h>

#include <jansson.h>

#include "domain/accounts/service.h"

static json_t *account_json(const AcctCtx *x, Arena *a, int64_t user_id) {
        UserRow u;
        const char *email = NULL, *name = NULL;
        if (store_user_get(x->store, a, user_id, &u) < 0 || acct_user_plain(x, a, &u, &email, &name) < 0)
                return NULL;
        return json_pack("{s:I,s:s?,s:s?,s:s?,s:I}", "id", (json_int_t)u.id, "email", email, "name", name,
                         "language", u.lang, "created_at", (json_int_t)u.created_at);
}

static json_t *roles_json(const AcctCtx *x, Arena *a, int64_t user_id) {
        MemberRow *m;
        size_t n;
        json_t *arr = json_array();
        if (!arr || store_membership_list(x->store, a, user_id, &m, &n) < 0)
                return arr;
        for (size_t i = 0; i < n; i++)
                json_array_append_new(arr, json_pack("{s:s,s:s?,s:s?}", "role", m[i].role, "organisation",
                                                     m[i].org_slug, "city", m[i].city_slug));
        return arr;
}

static json_t *consents_json(const AcctCtx *x, Arena *a, int64_t user_id) {
        ConsentRow *c;
        size_t n;
        json_t *arr = json_array();
        if (!arr || store_consent_list(x->store, a, user_id, &c, &n) < 0)
                return arr;
        for (size_t i = 0; i < n; i++) {
                json_t *o = json_pack("{s:I,s:s,s:s,s:I}", "id", (json_int_t)c[i].id, "purpose", c[i].purpose,
                                      "text_version", c[i].text_version, "given_at", (json_int_t)c[i].given_at);
                json_object_set_new(o, "withdrawn_at", c[i].withdrawn_at ? json_integer(c[i].withdrawn_at) : json_null());
                json_array_append_new(arr, o);
        }
        return arr;
}

static json_t *sessions_json(const AcctCtx *x, Arena *a, int64_t user_id) {
        SessionRow *s;
        size_t n;
        json_t *arr = json_array();
        if (!arr || store_session_list_user(x->store, a, user_id, &s, &n) < 0) /* hashes stay out */
                return arr;
        for (size_t i = 0; i < n; i++)
                json_array_append_new(arr, json_pack("{s:I,s:I,s:I}", "created_at", (json_int_t)s[i].created_at,
                                                     "last_seen", (json_int_t)s[i].last_seen, "expires_at",
                                                     (json_int_t)s[i].expires_at));
        return arr;
}

static json_t *tokens_json(const AcctCtx *x, Arena *a, int64_t user_id) {
        TokenRow *t;
        size_t n;
        json_t *arr = json_array();
        if (!arr || store_token_list_user(x->store, a, user_id, &t, &n) < 0)
                return arr;
        for (size_t i = 0; i < n; i++) {
                json_t *o = json_pack("{s:I,s:s?,s:I}", "id", (json_int_t)t[i].id, "role", t[i].role, "created_at",
                                      (json_int_t)t[i].created_at);
                json_object_set_new(o, "revoked_at", t[i].revoked_at ? json_integer(t[i].revoked_at) : json_null());
                json_array_append_new(arr, o);
        }
        return arr;
}

static json_t *audit_json(const AcctCtx *x, Arena *a, int64_t user_id) {
        AuditRow *e;
        size_t n;
        json_t *arr = json_array();
        if (!arr || store_audit_list_subject(x->store, a, user_id, &e, &n) < 0)
                return arr;
        for (size_t i = 0; i < n; i++)
                json_array_append_new(arr, json_pack("{s:I,s:s,s:s,s:b}", "at", (json_int_t)e[i].at, "action",
                                                     e[i].action, "detail", e[i].detail, "by_you",
                                                     e[i].actor_id == user_id));
        return arr;
}

/* A ciphertext holding JSON, as JSON (null when absent or unreadable). */
static json_t *sealed_json(const AcctCtx *x, Arena *a, const char *ct) {
        const char *plain;
        if (!ct || vault_decrypt(x->vault, a, ct, &plain) < 0)
                return json_null();
        json_t *o = json_loads(plain, 0, NULL);
        return o ? o : json_null();
}

static json_t *sealed_text(const AcctCtx *x, Arena *a, const char *ct) {
        const char *plain;
        return ct && vault_decrypt(x->vault, a, ct, &plain) == 0 ? json_string(plain) : json_null();
}

/* The candidate profile with everything kept beside it. */
static json_t *profile_json(const AcctCtx *x, Arena *a, int64_t user_id) {
        ProfileRow p;
        if (store_profile_get(x->store, a, user_id, &p) < 0)
                return json_null();
        return json_pack("{s:o,s:o,s:o,s:o,s:o,s:I,s:I}", "profile", sealed_json(x, a, p.doc_enc), "identity_from_cv",
                         sealed_json(x, a, p.identity_enc), "cv_text", sealed_text(x, a, p.cv_enc),
                         "anonymised_view_marks", sealed_json(x, a, p.marks_enc), "approved_anonymised_view",
                         sealed_text(x, a, p.approved_enc), "approved_at", (json_int_t)p.approved_at, "updated_at",
                         (json_int_t)p.updated_at);
}

int acct_export(const AcctCtx *x, Arena *a, int64_t user_id, const char **ret_json) {
        int r = acct_audit(x, user_id, user_id, "export", "");
        if (r < 0)
                return r;
        json_t *acc = account_json(x, a, user_id);
        if (!acc)
                return -ENOENT;
        json_t *doc = json_pack("{s:s,s:I,s:o,s:o,s:o,s:o,s:o,s:o}", "format", "techdiv-export-1", "exported_at",
                                (json_int_t)acct_now(), "account", acc, "roles", roles_json(x, a, user_id),
                                "consents", consents_json(x, a, user_id), "sessions", sessions_json(x, a, user_id),
                                "api_tokens", tokens_json(x, a, user_id), "audit_log", audit_json(x, a, user_id));
        if (doc)
                json_object_set_new(doc, "profile", profile_json(x, a, user_id));
        char *s = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_SORT_KEYS) : NULL;
        json_decref(doc);
        if (!s)
                return -ENOMEM;
        *ret_json = arena_strdup(a, s);
        free(s);
        return *ret_json ? 0 : -ENOMEM;
}
