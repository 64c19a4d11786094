/* Accounts, sessions, tokens, consent, audit log, outbox (see accounts.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "store/accounts.h"
#include "store/backend.h"

/* Runs one statement on a pooled connection. */
static int run(Store *s, const char *sql, const StoreValue *args, int n, StoreRowFn fn, void *ud,
               int64_t *ret_changes) {
        StoreConn *c;
        int r = store_acquire(s, &c);
        if (r < 0)
                return r;
        r = store_q(c, sql, args, n, fn, ud, ret_changes);
        store_release(c);
        return r;
}

static int first_int(void *ud, const StoreRow *row) {
        *(int64_t *)ud = row_int(row, 0);
        return 1;
}


/* Collects rows with fill; -ENOENT when single and none. */
static int collect(Store *s, Arena *a, const char *sql, const StoreValue *args, int n, size_t size,
                   int (*fill)(Arena *, const StoreRow *, void *), void **ret, size_t *ret_n) {
        RowVec v = { .arena = a, .item_size = size, .fill = fill };
        int r = run(s, sql, args, n, rowvec_collect, &v, NULL);
        if (r < 0)
                return r;
        if (!ret_n && v.n == 0)
                return -ENOENT;
        *ret = v.items;
        if (ret_n)
                *ret_n = v.n;
        return 0;
}

/* ---- organisations ---- */

static const char SQL_ORG_UPSERT[] =
        "INSERT INTO organisation (slug, name, kind, created_at) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (slug) DO UPDATE SET name = excluded.name, kind = excluded.kind";
static const char SQL_ORG_GET[] = "SELECT id, slug, name, kind FROM organisation WHERE slug = $1";
static const char SQL_ORG_LIST[] = "SELECT id, slug, name, kind FROM organisation ORDER BY name, slug";

int store_org_upsert(StoreConn *c, const char *slug, const char *name, const char *kind, int64_t now) {
        if (!slug || !*slug || !name || !*name || !kind)
                return -EINVAL;
        StoreValue a[] = { SV_S(slug), SV_S(name), SV_S(kind), SV_I(now) };
        return store_q(c, SQL_ORG_UPSERT, a, 4, NULL, NULL, NULL);
}

static int org_fill(Arena *a, const StoreRow *r, void *item) {
        *(OrgRow *)item = (OrgRow){ row_int(r, 0), row_text(a, r, 1), row_text(a, r, 2), row_text(a, r, 3) };
        return 0;
}

int store_org_get(Store *s, Arena *a, const char *slug, OrgRow *ret) {
        StoreValue args[] = { SV_S(slug) };
        OrgRow *o;
        int r = collect(s, a, SQL_ORG_GET, args, 1, sizeof(OrgRow), org_fill, (void **)&o, NULL);
        if (r == 0)
                *ret = *o;
        return r;
}

int store_org_list(Store *s, Arena *a, OrgRow **ret, size_t *ret_n) {
        return collect(s, a, SQL_ORG_LIST, NULL, 0, sizeof(OrgRow), org_fill, (void **)ret, ret_n);
}

/* ---- users ---- */

static const char SQL_USER_CREATE[] =
        "INSERT INTO app_user (email_hash, email_enc, name_enc, pw_hash, lang, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
static const char SQL_USER_BY_HASH[] =
        "SELECT id, email_enc, name_enc, pw_hash, lang, created_at, erased_at FROM app_user WHERE email_hash = $1";
static const char SQL_USER_GET[] =
        "SELECT id, email_enc, name_enc, pw_hash, lang, created_at, erased_at FROM app_user WHERE id = $1";
static const char SQL_USER_SET_NAME[] = "UPDATE app_user SET name_enc = $2 WHERE id = $1 AND erased_at IS NULL";
static const char SQL_USER_SIGNED_IN[] = "UPDATE app_user SET last_signin_at = $2 WHERE id = $1";
static const char SQL_USER_INACTIVE[] =
        "SELECT id FROM app_user u WHERE erased_at IS NULL AND COALESCE(last_signin_at, created_at) < $1 "
        "AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.user_id = u.id AND m.role = 'admin') ORDER BY id";
static const char SQL_USER_SET_PW[] = "UPDATE app_user SET pw_hash = $2 WHERE id = $1 AND erased_at IS NULL";
static const char SQL_USER_ERASE[] =
        "UPDATE app_user SET email_hash = NULL, email_enc = NULL, name_enc = NULL, pw_hash = NULL, "
        "erased_at = $2 WHERE id = $1";
static const char SQL_ERASE_SESSIONS[] = "DELETE FROM session WHERE user_id = $1";
static const char SQL_ERASE_TOKENS[] = "DELETE FROM api_token WHERE user_id = $1";
static const char SQL_ERASE_RESETS[] = "DELETE FROM password_reset WHERE user_id = $1";
static const char SQL_ERASE_CONSENTS[] = "DELETE FROM consent WHERE user_id = $1";
static const char SQL_ERASE_MEMBERS[] = "DELETE FROM membership WHERE user_id = $1";
static const char SQL_ERASE_OUTBOX[] = "DELETE FROM outbox WHERE user_id = $1";
static const char SQL_ERASE_PROFILE[] = "DELETE FROM profile WHERE user_id = $1";
/* The profile's skills-only mirror used for matching and aggregates. */
static const char SQL_ERASE_MIRROR[] = "DELETE FROM candidate WHERE external_id = 'user:' || $1";
static const char SQL_MEMBER_ADD[] =
        "INSERT INTO membership (user_id, role, org_id, city_slug, created_at) VALUES ($1, $2, $3, $4, $5)";
static const char SQL_MEMBER_LIST[] =
        "SELECT m.id, m.role, m.org_id, o.slug, m.city_slug FROM membership m "
        "LEFT JOIN organisation o ON o.id = m.org_id WHERE m.user_id = $1 ORDER BY m.id";

int store_user_create(StoreConn *c, const char *email_hash, const char *email_enc, const char *name_enc,
                      const char *pw_hash, const char *lang, int64_t now, int64_t *ret_id) {
        if (!email_hash || !email_enc)
                return -EINVAL;
        StoreValue a[] = { SV_S(email_hash), SV_S(email_enc), SV_S(name_enc),
                           SV_S(pw_hash),    SV_S(lang ? lang : "en"), SV_I(now) };
        int64_t id = 0;
        int r = store_q(c, SQL_USER_CREATE, a, 6, first_int, &id, NULL);
        if (r == 0)
                *ret_id = id;
        return r;
}

static int user_fill(Arena *a, const StoreRow *r, void *item) {
        *(UserRow *)item = (UserRow){
                .id = row_int(r, 0),          .email_enc = row_text(a, r, 1), .name_enc = row_text(a, r, 2),
                .pw_hash = row_text(a, r, 3), .lang = row_text(a, r, 4),      .created_at = row_int(r, 5),
                .erased_at = row_int(r, 6),
        };
        return 0;
}

int store_user_by_email_hash(Store *s, Arena *a, const char *email_hash, UserRow *ret) {
        StoreValue args[] = { SV_S(email_hash) };
        UserRow *u;
        int r = collect(s, a, SQL_USER_BY_HASH, args, 1, sizeof(UserRow), user_fill, (void **)&u, NULL);
        if (r == 0)
                *ret = *u;
        return r;
}

int store_user_get(Store *s, Arena *a, int64_t id, UserRow *ret) {
        StoreValue args[] = { SV_I(id) };
        UserRow *u;
        int r = collect(s, a, SQL_USER_GET, args, 1, sizeof(UserRow), user_fill, (void **)&u, NULL);
        if (r == 0)
                *ret = *u;
        return r;
}

int store_user_set_password(StoreConn *c, int64_t id, const char *pw_hash) {
        StoreValue a[] = { SV_I(id), SV_S(pw_hash) };
        int64_t n = 0;
        int r = store_q(c, SQL_USER_SET_PW, a, 2, NULL, NULL, &n);
        return r < 0 ? r : n ? 0 : -ENOENT;
}

int store_user_set_name(StoreConn *c, int64_t id, const char *name_enc) {
        StoreValue a[] = { SV_I(id), SV_S(name_enc) };
        int64_t n = 0;
        int r = store_q(c, SQL_USER_SET_NAME, a, 2, NULL, NULL, &n);
        return r < 0 ? r : n ? 0 : -ENOENT;
}

int store_user_signed_in(Store *s, int64_t id, int64_t now) {
        StoreValue a[] = { SV_I(id), SV_I(now) };
        return run(s, SQL_USER_SIGNED_IN, a, 2, NULL, NULL, NULL);
}

static int id_fill(Arena *a, const StoreRow *r, void *item) {
        (void)a;
        *(int64_t *)item = row_int(r, 0);
        return 0;
}

int store_user_inactive(Store *s, Arena *a, int64_t cutoff, int64_t **ret_ids, size_t *ret_n) {
        StoreValue args[] = { SV_I(cutoff) };
        return collect(s, a, SQL_USER_INACTIVE, args, 1, sizeof(int64_t), id_fill, (void **)ret_ids, ret_n);
}

int store_user_erase(StoreConn *c, int64_t id, int64_t now) {
        static const char *const dels[] = { SQL_ERASE_SESSIONS, SQL_ERASE_TOKENS, SQL_ERASE_RESETS,
                                            SQL_ERASE_CONSENTS, SQL_ERASE_MEMBERS, SQL_ERASE_OUTBOX,
                                            SQL_ERASE_PROFILE, SQL_ERASE_MIRROR };
        StoreValue a[] = { SV_I(id), SV_I(now) };
        int r = 0;
        for (size_t i = 0; i < sizeof(dels) / sizeof(dels[0]) && r == 0; i++)
                r = store_q(c, dels[i], a, 1, NULL, NULL, NULL);
        return r < 0 ? r : store_q(c, SQL_USER_ERASE, a, 2, NULL, NULL, NULL);
}

int store_membership_add(StoreConn *c, int64_t user_id, const char *role, int64_t org_id, const char *city_slug,
                         int64_t now) {
        StoreValue a[] = { SV_I(user_id), SV_S(role), org_id ? SV_I(org_id) : SV_S(NULL), SV_S(city_slug),
                           SV_I(now) };
        return store_q(c, SQL_MEMBER_ADD, a, 5, NULL, NULL, NULL);
}

static int member_fill(Arena *a, const StoreRow *r, void *item) {
        *(MemberRow *)item = (MemberRow){ row_int(r, 0), row_text(a, r, 1), row_int(r, 2), row_text(a, r, 3),
                                          row_text(a, r, 4) };
        return 0;
}

int store_membership_list(Store *s, Arena *a, int64_t user_id, MemberRow **ret, size_t *ret_n) {
        StoreValue args[] = { SV_I(user_id) };
        return collect(s, a, SQL_MEMBER_LIST, args, 1, sizeof(MemberRow), member_fill, (void **)ret, ret_n);
}

/* ---- sessions ---- */

static const char SQL_SESSION_CREATE[] =
        "INSERT INTO session (token_hash, user_id, csrf, created_at, last_seen, expires_at) "
        "VALUES ($1, $2, $3, $4, $5, $6)";
static const char SQL_SESSION_GET[] =
        "SELECT token_hash, user_id, csrf, created_at, last_seen, expires_at FROM session WHERE token_hash = $1";
static const char SQL_SESSION_TOUCH[] = "UPDATE session SET last_seen = $2 WHERE token_hash = $1";
static const char SQL_SESSION_DELETE[] = "DELETE FROM session WHERE token_hash = $1";
static const char SQL_SESSION_DELETE_OTHERS[] = "DELETE FROM session WHERE user_id = $1 AND token_hash <> $2";
static const char SQL_SESSION_LIST[] =
        "SELECT token_hash, user_id, '', created_at, last_seen, expires_at FROM session WHERE user_id = $1 "
        "ORDER BY created_at";

int store_session_create(Store *s, const SessionRow *w) {
        StoreValue a[] = { SV_S(w->token_hash), SV_I(w->user_id),   SV_S(w->csrf),
                           SV_I(w->created_at), SV_I(w->last_seen), SV_I(w->expires_at) };
        return run(s, SQL_SESSION_CREATE, a, 6, NULL, NULL, NULL);
}

static int session_fill(Arena *a, const StoreRow *r, void *item) {
        *(SessionRow *)item = (SessionRow){ row_text(a, r, 0), row_int(r, 1), row_text(a, r, 2),
                                            row_int(r, 3),     row_int(r, 4), row_int(r, 5) };
        return 0;
}

int store_session_get(Store *s, Arena *a, const char *token_hash, SessionRow *ret) {
        StoreValue args[] = { SV_S(token_hash) };
        SessionRow *row;
        int r = collect(s, a, SQL_SESSION_GET, args, 1, sizeof(SessionRow), session_fill, (void **)&row, NULL);
        if (r == 0)
                *ret = *row;
        return r;
}

int store_session_touch(Store *s, const char *token_hash, int64_t now) {
        StoreValue a[] = { SV_S(token_hash), SV_I(now) };
        return run(s, SQL_SESSION_TOUCH, a, 2, NULL, NULL, NULL);
}

int store_session_delete(Store *s, const char *token_hash) {
        StoreValue a[] = { SV_S(token_hash) };
        return run(s, SQL_SESSION_DELETE, a, 1, NULL, NULL, NULL);
}

int store_session_delete_user(StoreConn *c, int64_t user_id) {
        StoreValue a[] = { SV_I(user_id) };
        return store_q(c, SQL_ERASE_SESSIONS, a, 1, NULL, NULL, NULL);
}

int store_session_delete_others(Store *s, int64_t user_id, const char *keep_hash, int64_t *ret_n) {
        StoreValue a[] = { SV_I(user_id), SV_S(keep_hash ? keep_hash : "") };
        int64_t n = 0;
        int r = run(s, SQL_SESSION_DELETE_OTHERS, a, 2, NULL, NULL, &n);
        if (r == 0)
                *ret_n = n;
        return r;
}

int store_session_list_user(Store *s, Arena *a, int64_t user_id, SessionRow **ret, size_t *ret_n) {
        StoreValue args[] = { SV_I(user_id) };
        return collect(s, a, SQL_SESSION_LIST, args, 1, sizeof(SessionRow), session_fill, (void **)ret, ret_n);
}

/* ---- API tokens ---- */

static const char SQL_TOKEN_CREATE[] =
        "INSERT INTO api_token (token_hash, user_id, role, created_at) VALUES ($1, $2, $3, $4) RETURNING id";
static const char SQL_TOKEN_GET[] =
        "SELECT id, user_id, role, created_at, revoked_at FROM api_token WHERE token_hash = $1 "
        "AND revoked_at IS NULL";
static const char SQL_TOKEN_REVOKE[] =
        "UPDATE api_token SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL";
static const char SQL_TOKEN_LIST[] =
        "SELECT id, user_id, role, created_at, revoked_at FROM api_token WHERE user_id = $1 ORDER BY id";

int store_token_create(StoreConn *c, const char *token_hash, int64_t user_id, const char *role, int64_t now,
                       int64_t *ret_id) {
        StoreValue a[] = { SV_S(token_hash), SV_I(user_id), SV_S(role), SV_I(now) };
        int64_t id = 0;
        int r = store_q(c, SQL_TOKEN_CREATE, a, 4, first_int, &id, NULL);
        if (r == 0)
                *ret_id = id;
        return r;
}

static int token_fill(Arena *a, const StoreRow *r, void *item) {
        *(TokenRow *)item = (TokenRow){ row_int(r, 0), row_int(r, 1), row_text(a, r, 2), row_int(r, 3),
                                        row_int(r, 4) };
        return 0;
}

int store_token_get(Store *s, Arena *a, const char *token_hash, TokenRow *ret) {
        StoreValue args[] = { SV_S(token_hash) };
        TokenRow *t;
        int r = collect(s, a, SQL_TOKEN_GET, args, 1, sizeof(TokenRow), token_fill, (void **)&t, NULL);
        if (r == 0)
                *ret = *t;
        return r;
}

int store_token_revoke(StoreConn *c, int64_t id, int64_t user_id, int64_t now) {
        StoreValue a[] = { SV_I(id), SV_I(user_id), SV_I(now) };
        int64_t n = 0;
        int r = store_q(c, SQL_TOKEN_REVOKE, a, 3, NULL, NULL, &n);
        return r < 0 ? r : n ? 0 : -ENOENT;
}

int store_token_list_user(Store *s, Arena *a, int64_t user_id, TokenRow **ret, size_t *ret_n) {
        StoreValue args[] = { SV_I(user_id) };
        return collect(s, a, SQL_TOKEN_LIST, args, 1, sizeof(TokenRow), token_fill, (void **)ret, ret_n);
}

/* ---- password resets and invitations ---- */

static const char SQL_RESET_CREATE[] =
        "INSERT INTO password_reset (token_hash, user_id, expires_at) VALUES ($1, $2, $3)";
static const char SQL_RESET_USE[] =
        "UPDATE password_reset SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 "
        "RETURNING user_id";
static const char SQL_RESET_VALID[] =
        "SELECT COUNT(*) FROM password_reset WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2";
static const char SQL_INVITE_CREATE[] =
        "INSERT INTO invitation (token_hash, org_id, role, email_enc, created_by, expires_at) "
        "VALUES ($1, $2, $3, $4, $5, $6)";
static const char SQL_INVITE_USE[] =
        "UPDATE invitation SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 "
        "RETURNING org_id, role, email_enc";

int store_reset_create(StoreConn *c, const char *token_hash, int64_t user_id, int64_t expires_at) {
        StoreValue a[] = { SV_S(token_hash), SV_I(user_id), SV_I(expires_at) };
        return store_q(c, SQL_RESET_CREATE, a, 3, NULL, NULL, NULL);
}

int store_reset_use(StoreConn *c, const char *token_hash, int64_t now, int64_t *ret_user_id) {
        StoreValue a[] = { SV_S(token_hash), SV_I(now) };
        int64_t uid = 0;
        int r = store_q(c, SQL_RESET_USE, a, 2, first_int, &uid, NULL);
        if (r < 0)
                return r;
        if (uid == 0)
                return -ENOENT;
        *ret_user_id = uid;
        return 0;
}

int store_reset_valid(Store *s, const char *token_hash, int64_t now) {
        StoreValue a[] = { SV_S(token_hash), SV_I(now) };
        int64_t n = 0;
        int r = run(s, SQL_RESET_VALID, a, 2, first_int, &n, NULL);
        return r < 0 ? r : n ? 0 : -ENOENT;
}

int store_invite_create(StoreConn *c, const char *token_hash, int64_t org_id, const char *role,
                        const char *email_enc, int64_t by, int64_t expires_at) {
        StoreValue a[] = { SV_S(token_hash), SV_I(org_id), SV_S(role), SV_S(email_enc), SV_I(by), SV_I(expires_at) };
        return store_q(c, SQL_INVITE_CREATE, a, 6, NULL, NULL, NULL);
}

typedef struct InviteOut {
        Arena *a;
        int64_t org_id;
        const char *role, *email_enc;
} InviteOut;

static int invite_row(void *ud, const StoreRow *row) {
        InviteOut *o = ud;
        o->org_id = row_int(row, 0);
        o->role = row_text(o->a, row, 1);
        o->email_enc = row_text(o->a, row, 2);
        return 1;
}

int store_invite_use(StoreConn *c, const char *token_hash, int64_t now, int64_t *ret_org_id, const char **ret_role,
                     const char **ret_email_enc, Arena *a) {
        StoreValue args[] = { SV_S(token_hash), SV_I(now) };
        InviteOut o = { .a = a };
        int r = store_q(c, SQL_INVITE_USE, args, 2, invite_row, &o, NULL);
        if (r < 0)
                return r;
        if (!o.role || !o.email_enc)
                return -ENOENT;
        *ret_org_id = o.org_id;
        *ret_role = o.role;
        *ret_email_enc = o.email_enc;
        return 0;
}

/* ---- consent ---- */

static const char SQL_CONSENT_GIVE[] =
        "INSERT INTO consent (user_id, org_id, purpose, text_version, given_at) VALUES ($1, $2, $3, $4, $5)";
static const char SQL_CONSENT_WITHDRAW[] =
        "UPDATE consent SET withdrawn_at = $3 WHERE id = $2 AND user_id = $1 AND withdrawn_at IS NULL";
static const char SQL_CONSENT_LIST[] =
        "SELECT id, org_id, purpose, text_version, given_at, withdrawn_at FROM consent WHERE user_id = $1 "
        "ORDER BY id";
static const char SQL_CONSENT_SUBJECTS[] =
        "SELECT DISTINCT user_id FROM consent WHERE org_id = $1 AND purpose = $2 AND withdrawn_at IS NULL "
        "ORDER BY user_id";
static const char SQL_CONSENT_ACTIVE_ORG[] =
        "SELECT COUNT(*) FROM consent c JOIN organisation o ON o.id = c.org_id WHERE c.user_id = $1 "
        "AND o.slug = $2 AND c.purpose = $3 AND c.withdrawn_at IS NULL";
static const char SQL_CONSENT_ACTIVE[] =
        "SELECT COUNT(*) FROM consent WHERE user_id = $1 AND purpose = $2 AND withdrawn_at IS NULL";

int store_consent_give(StoreConn *c, int64_t user_id, int64_t org_id, const char *purpose, const char *version,
                       int64_t now) {
        StoreValue a[] = { SV_I(user_id), org_id ? SV_I(org_id) : SV_S(NULL), SV_S(purpose), SV_S(version),
                           SV_I(now) };
        return store_q(c, SQL_CONSENT_GIVE, a, 5, NULL, NULL, NULL);
}

int store_consent_withdraw(StoreConn *c, int64_t user_id, int64_t id, int64_t now) {
        StoreValue a[] = { SV_I(user_id), SV_I(id), SV_I(now) };
        int64_t n = 0;
        int r = store_q(c, SQL_CONSENT_WITHDRAW, a, 3, NULL, NULL, &n);
        return r < 0 ? r : n ? 0 : -ENOENT;
}

static int consent_fill(Arena *a, const StoreRow *r, void *item) {
        *(ConsentRow *)item = (ConsentRow){ row_int(r, 0), row_int(r, 1), row_text(a, r, 2), row_text(a, r, 3),
                                            row_int(r, 4), row_int(r, 5) };
        return 0;
}

int store_consent_list(Store *s, Arena *a, int64_t user_id, ConsentRow **ret, size_t *ret_n) {
        StoreValue args[] = { SV_I(user_id) };
        return collect(s, a, SQL_CONSENT_LIST, args, 1, sizeof(ConsentRow), consent_fill, (void **)ret, ret_n);
}

static int id_only(Arena *a, const StoreRow *r, void *item) {
        (void)a;
        *(int64_t *)item = row_int(r, 0);
        return 0;
}

int store_consent_subjects(Store *s, Arena *a, int64_t org_id, const char *purpose, int64_t **ret_ids, size_t *ret_n) {
        StoreValue args[] = { SV_I(org_id), SV_S(purpose) };
        return collect(s, a, SQL_CONSENT_SUBJECTS, args, 2, sizeof(int64_t), id_only, (void **)ret_ids, ret_n);
}

int store_consent_active_org(Store *s, int64_t user_id, const char *org_slug, const char *purpose, int *ret_active) {
        StoreValue a[] = { SV_I(user_id), SV_S(org_slug), SV_S(purpose) };
        int64_t n = 0;
        int r = run(s, SQL_CONSENT_ACTIVE_ORG, a, 3, first_int, &n, NULL);
        if (r == 0)
                *ret_active = n > 0;
        return r;
}

int store_consent_active(Store *s, int64_t user_id, const char *purpose, int *ret_active) {
        StoreValue a[] = { SV_I(user_id), SV_S(purpose) };
        int64_t n = 0;
        int r = run(s, SQL_CONSENT_ACTIVE, a, 2, first_int, &n, NULL);
        if (r == 0)
                *ret_active = n > 0;
        return r;
}

/* ---- audit log (no UPDATE or DELETE statement exists for it) ---- */

static const char SQL_AUDIT_ADD[] =
        "INSERT INTO audit_log (at, actor_id, subject_id, action, detail) VALUES ($1, $2, $3, $4, $5)";
static const char SQL_AUDIT_LIST[] =
        "SELECT id, at, actor_id, subject_id, action, detail FROM audit_log WHERE subject_id = $1 "
        "ORDER BY id DESC";

int store_audit_add(StoreConn *c, int64_t at, int64_t actor_id, int64_t subject_id, const char *action,
                    const char *detail) {
        if (!action || !*action)
                return -EINVAL;
        StoreValue a[] = { SV_I(at), actor_id ? SV_I(actor_id) : SV_S(NULL),
                           subject_id ? SV_I(subject_id) : SV_S(NULL), SV_S(action), SV_S(detail ? detail : "") };
        return store_q(c, SQL_AUDIT_ADD, a, 5, NULL, NULL, NULL);
}

static int audit_fill(Arena *a, const StoreRow *r, void *item) {
        *(AuditRow *)item = (AuditRow){ row_int(r, 0), row_int(r, 1), row_int(r, 2), row_int(r, 3),
                                        row_text(a, r, 4), row_text(a, r, 5) };
        return 0;
}

int store_audit_list_subject(Store *s, Arena *a, int64_t subject_id, AuditRow **ret, size_t *ret_n) {
        StoreValue args[] = { SV_I(subject_id) };
        return collect(s, a, SQL_AUDIT_LIST, args, 1, sizeof(AuditRow), audit_fill, (void **)ret, ret_n);
}

/* ---- outbox ---- */

static const char SQL_OUTBOX_ADD[] =
        "INSERT INTO outbox (created_at, user_id, rcpt_enc, subject_enc, body_enc) VALUES ($1, $2, $3, $4, $5)";
static const char SQL_OUTBOX_PENDING[] =
        "SELECT id, created_at, rcpt_enc, subject_enc, body_enc FROM outbox WHERE sent_at IS NULL ORDER BY id";
static const char SQL_OUTBOX_SENT[] = "UPDATE outbox SET sent_at = $2 WHERE id = $1";

int store_outbox_add(StoreConn *c, int64_t now, int64_t user_id, const char *rcpt_enc, const char *subject_enc,
                     const char *body_enc) {
        StoreValue a[] = { SV_I(now), user_id ? SV_I(user_id) : SV_S(NULL), SV_S(rcpt_enc), SV_S(subject_enc),
                           SV_S(body_enc) };
        return store_q(c, SQL_OUTBOX_ADD, a, 5, NULL, NULL, NULL);
}

static int outbox_fill(Arena *a, const StoreRow *r, void *item) {
        *(OutboxRow *)item = (OutboxRow){ row_int(r, 0), row_int(r, 1), row_text(a, r, 2), row_text(a, r, 3),
                                          row_text(a, r, 4) };
        return 0;
}

int store_outbox_pending(Store *s, Arena *a, OutboxRow **ret, size_t *ret_n) {
        return collect(s, a, SQL_OUTBOX_PENDING, NULL, 0, sizeof(OutboxRow), outbox_fill, (void **)ret, ret_n);
}

int store_outbox_mark_sent(Store *s, int64_t id, int64_t now) {
        StoreValue a[] = { SV_I(id), SV_I(now) };
        return run(s, SQL_OUTBOX_SENT, a, 2, NULL, NULL, NULL);
}

/* ---- throttle and counters ---- */

static const char SQL_THROTTLE_GET[] = "SELECT failures, locked_until FROM throttle WHERE key = $1";
static const char SQL_THROTTLE_SET[] =
        "INSERT INTO throttle (key, failures, locked_until, updated_at) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, "
        "updated_at = excluded.updated_at";
static const char SQL_THROTTLE_CLEAR[] = "DELETE FROM throttle WHERE key = $1";
static const char SQL_COUNTER_ADD[] =
        "INSERT INTO stat_counter (name, n) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET n = stat_counter.n + "
        "excluded.n";
static const char SQL_COUNTER_GET[] = "SELECT n FROM stat_counter WHERE name = $1";

typedef struct Pair {
        int64_t a, b;
} Pair;

static int pair_row(void *ud, const StoreRow *row) {
        *(Pair *)ud = (Pair){ row_int(row, 0), row_int(row, 1) };
        return 1;
}

int store_throttle_get(Store *s, const char *key, int64_t *ret_failures, int64_t *ret_locked_until) {
        StoreValue a[] = { SV_S(key) };
        Pair p = { 0, 0 };
        int r = run(s, SQL_THROTTLE_GET, a, 1, pair_row, &p, NULL);
        if (r == 0) {
                *ret_failures = p.a;
                *ret_locked_until = p.b;
        }
        return r;
}

int store_throttle_set(Store *s, const char *key, int64_t failures, int64_t locked_until, int64_t now) {
        StoreValue a[] = { SV_S(key), SV_I(failures), SV_I(locked_until), SV_I(now) };
        return run(s, SQL_THROTTLE_SET, a, 4, NULL, NULL, NULL);
}

int store_throttle_clear(Store *s, const char *key) {
        StoreValue a[] = { SV_S(key) };
        return run(s, SQL_THROTTLE_CLEAR, a, 1, NULL, NULL, NULL);
}

int store_counter_add(StoreConn *c, const char *name, int64_t delta) {
        StoreValue a[] = { SV_S(name), SV_I(delta) };
        return store_q(c, SQL_COUNTER_ADD, a, 2, NULL, NULL, NULL);
}

int store_counter_get(Store *s, const char *name, int64_t *ret) {
        StoreValue a[] = { SV_S(name) };
        int64_t n = 0;
        int r = run(s, SQL_COUNTER_GET, a, 1, first_int, &n, NULL);
        if (r == 0)
                *ret = n;
        return r;
}

/* ---- retention ---- */

static const char SQL_PURGE_SESSIONS[] = "DELETE FROM session WHERE expires_at <= $1";
static const char SQL_PURGE_RESETS[] = "DELETE FROM password_reset WHERE expires_at <= $1 OR used_at IS NOT NULL";
static const char SQL_PURGE_INVITES[] = "DELETE FROM invitation WHERE expires_at <= $1 OR used_at IS NOT NULL";
static const char SQL_PURGE_OUTBOX[] = "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at <= $1";
static const char SQL_PURGE_THROTTLE[] = "DELETE FROM throttle WHERE locked_until <= $1 AND updated_at <= $1 - 86400";

int store_purge(StoreConn *c, int64_t now, int64_t outbox_sent_before, int64_t *ret_deleted) {
        const char *const sql[] = { SQL_PURGE_SESSIONS, SQL_PURGE_RESETS, SQL_PURGE_INVITES, SQL_PURGE_OUTBOX,
                                    SQL_PURGE_THROTTLE };
        int64_t total = 0;
        for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
                StoreValue a[] = { SV_I(sql[i] == SQL_PURGE_OUTBOX ? outbox_sent_before : now) };
                int64_t n = 0;
                int r = store_q(c, sql[i], a, 1, NULL, NULL, &n);
                if (r < 0)
                        return r;
                total += n;
        }
        *ret_deleted = total;
        return 0;
}

/* ---- key rotation ---- */

static const char *const SQL_VC_SELECT[VAULT_COLUMN_MAX] = {
        "SELECT id, email_enc FROM app_user WHERE email_enc IS NOT NULL",
        "SELECT id, name_enc FROM app_user WHERE name_enc IS NOT NULL",
        "SELECT id, rcpt_enc FROM outbox",
        "SELECT id, subject_enc FROM outbox",
        "SELECT id, body_enc FROM outbox",
        "SELECT token_hash, email_enc FROM invitation",
        "SELECT user_id, doc_enc FROM profile",
        "SELECT user_id, identity_enc FROM profile WHERE identity_enc IS NOT NULL",
        "SELECT user_id, cv_enc FROM profile WHERE cv_enc IS NOT NULL",
        "SELECT user_id, marks_enc FROM profile WHERE marks_enc IS NOT NULL",
        "SELECT user_id, approved_enc FROM profile WHERE approved_enc IS NOT NULL",
        "SELECT id, contact_enc FROM stakeholder_contact",
};
static const char *const SQL_VC_UPDATE[VAULT_COLUMN_MAX] = {
        "UPDATE app_user SET email_enc = $2 WHERE id = $1",
        "UPDATE app_user SET name_enc = $2 WHERE id = $1",
        "UPDATE outbox SET rcpt_enc = $2 WHERE id = $1",
        "UPDATE outbox SET subject_enc = $2 WHERE id = $1",
        "UPDATE outbox SET body_enc = $2 WHERE id = $1",
        "UPDATE invitation SET email_enc = $2 WHERE token_hash = $1",
        "UPDATE profile SET doc_enc = $2 WHERE user_id = $1",
        "UPDATE profile SET identity_enc = $2 WHERE user_id = $1",
        "UPDATE profile SET cv_enc = $2 WHERE user_id = $1",
        "UPDATE profile SET marks_enc = $2 WHERE user_id = $1",
        "UPDATE profile SET approved_enc = $2 WHERE user_id = $1",
        "UPDATE stakeholder_contact SET contact_enc = $2 WHERE id = $1",
};

typedef struct KV {
        const char *key, *val;
} KV;

static int kv_fill(Arena *a, const StoreRow *r, void *item) {
        *(KV *)item = (KV){ row_text(a, r, 0), row_text(a, r, 1) };
        return 0;
}

int store_vault_rewrite(StoreConn *c, Arena *a, VaultColumn col, VaultRewriteFn fn, void *ud, int64_t *ret_rows) {
        if ((unsigned)col >= VAULT_COLUMN_MAX)
                return -EINVAL;
        RowVec v = { .arena = a, .item_size = sizeof(KV), .fill = kv_fill };
        int r = store_q(c, SQL_VC_SELECT[col], NULL, 0, rowvec_collect, &v, NULL);
        KV *kv = v.items;
        for (size_t i = 0; r == 0 && i < v.n; i++) {
                const char *out;
                r = fn(ud, kv[i].val, &out);
                if (r < 0)
                        break;
                int is_int = col != VC_INVITE_EMAIL;
                StoreValue args[] = { is_int ? SV_I(strtoll(kv[i].key, NULL, 10)) : SV_S(kv[i].key), SV_S(out) };
                r = store_q(c, SQL_VC_UPDATE[col], args, 2, NULL, NULL, NULL);
        }
        if (r == 0)
                *ret_rows = (int64_t)v.n;
        return r;
}
