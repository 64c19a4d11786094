/* Storage of accounts, sessions, tokens, consent, the audit log and the
 * mail outbox. Personal data arrives here already encrypted (vault
 * ciphertext, *_enc) and leaves encrypted: this layer never sees clear
 * text. Token columns hold hashes, never tokens. Times are Unix seconds.
 * Strings in results are owned by the Arena passed in. */
#ifndef TD_STORE_ACCOUNTS_H
#define TD_STORE_ACCOUNTS_H

#include "store/store.h"

typedef struct UserRow {
        int64_t id;
        const char *email_enc, *name_enc, *pw_hash, *lang; /* NULL after erasure */
        int64_t created_at, erased_at;
} UserRow;

typedef struct MemberRow {
        int64_t id;
        const char *role;
        int64_t org_id;        /* 0: none */
        const char *org_slug;  /* NULL: none */
        const char *city_slug; /* NULL: none */
} MemberRow;

typedef struct OrgRow {
        int64_t id;
        const char *slug, *name, *kind;
} OrgRow;

typedef struct SessionRow {
        const char *token_hash;
        int64_t user_id;
        const char *csrf;
        int64_t created_at, last_seen, expires_at;
} SessionRow;

typedef struct ConsentRow {
        int64_t id, org_id;
        const char *purpose, *text_version;
        int64_t given_at, withdrawn_at;
} ConsentRow;

typedef struct AuditRow {
        int64_t id, at, actor_id, subject_id;
        const char *action, *detail;
} AuditRow;

typedef struct OutboxRow {
        int64_t id, created_at;
        const char *rcpt_enc, *subject_enc, *body_enc;
} OutboxRow;

typedef struct TokenRow {
        int64_t id, user_id;
        const char *role; /* NULL: the user's roles */
        int64_t created_at, revoked_at;
} TokenRow;

/* Organisations. */
int store_org_upsert(StoreConn *c, const char *slug, const char *name, const char *kind, int64_t now);
int store_org_get(Store *s, Arena *a, const char *slug, OrgRow *ret);
/* All organisations by name. */
int store_org_list(Store *s, Arena *a, OrgRow **ret, size_t *ret_n);

/* Users: -EEXIST when email_hash is taken. */
int store_user_create(StoreConn *c, const char *email_hash, const char *email_enc, const char *name_enc,
                      const char *pw_hash, const char *lang, int64_t now, int64_t *ret_id);
int store_user_by_email_hash(Store *s, Arena *a, const char *email_hash, UserRow *ret);
int store_user_get(Store *s, Arena *a, int64_t id, UserRow *ret);
int store_user_set_password(StoreConn *c, int64_t id, const char *pw_hash);
int store_user_set_name(StoreConn *c, int64_t id, const char *name_enc);
int store_user_signed_in(Store *s, int64_t id, int64_t now);
/* Live accounts without a sign-in (or, never signed in, created) before
 * cutoff, administrators excepted: candidates for retention erasure. */
int store_user_inactive(Store *s, Arena *a, int64_t cutoff, int64_t **ret_ids, size_t *ret_n);
/* Removes every personal datum of the user: clears the account's columns,
 * deletes sessions, tokens, resets, consents, memberships and mail. */
int store_user_erase(StoreConn *c, int64_t id, int64_t now);
int store_membership_add(StoreConn *c, int64_t user_id, const char *role, int64_t org_id, const char *city_slug,
                         int64_t now);
int store_membership_list(Store *s, Arena *a, int64_t user_id, MemberRow **ret, size_t *ret_n);

/* Sessions, keyed by the token's hash. */
int store_session_create(Store *s, const SessionRow *row);
int store_session_get(Store *s, Arena *a, const char *token_hash, SessionRow *ret);
int store_session_touch(Store *s, const char *token_hash, int64_t now);
int store_session_delete(Store *s, const char *token_hash);
int store_session_delete_user(StoreConn *c, int64_t user_id);
/* Deletes the user's sessions except keep_hash; *ret_n counts them. */
int store_session_delete_others(Store *s, int64_t user_id, const char *keep_hash, int64_t *ret_n);
int store_session_list_user(Store *s, Arena *a, int64_t user_id, SessionRow **ret, size_t *ret_n);

/* API bearer tokens. */
int store_token_create(StoreConn *c, const char *token_hash, int64_t user_id, const char *role, int64_t now,
                       int64_t *ret_id);
int store_token_get(Store *s, Arena *a, const char *token_hash, TokenRow *ret); /* live tokens only */
int store_token_revoke(StoreConn *c, int64_t id, int64_t user_id, int64_t now);
int store_token_list_user(Store *s, Arena *a, int64_t user_id, TokenRow **ret, size_t *ret_n);

/* Password reset tokens: store_reset_use marks an unused, unexpired token
 * used and gives its user; -ENOENT otherwise (also on reuse). */
int store_reset_create(StoreConn *c, const char *token_hash, int64_t user_id, int64_t expires_at);
int store_reset_use(StoreConn *c, const char *token_hash, int64_t now, int64_t *ret_user_id);
int store_reset_valid(Store *s, const char *token_hash, int64_t now);

/* Invitations to an organisation. */
int store_invite_create(StoreConn *c, const char *token_hash, int64_t org_id, const char *role,
                        const char *email_enc, int64_t by, int64_t expires_at);
/* Marks an unused, unexpired invitation used; gives its organisation, role
 * and encrypted address. -ENOENT otherwise. */
int store_invite_use(StoreConn *c, const char *token_hash, int64_t now, int64_t *ret_org_id, const char **ret_role,
                     const char **ret_email_enc, Arena *a);

/* Consent: purpose and text version; withdrawal keeps the record. */
int store_consent_give(StoreConn *c, int64_t user_id, int64_t org_id, const char *purpose, const char *version,
                       int64_t now);
int store_consent_withdraw(StoreConn *c, int64_t user_id, int64_t id, int64_t now);
int store_consent_list(Store *s, Arena *a, int64_t user_id, ConsentRow **ret, size_t *ret_n);
/* Users with an active consent for purpose given to the organisation. */
int store_consent_subjects(Store *s, Arena *a, int64_t org_id, const char *purpose, int64_t **ret_ids, size_t *ret_n);
/* 1 when user_id has an active consent for purpose to the organisation slug. */
int store_consent_active_org(Store *s, int64_t user_id, const char *org_slug, const char *purpose, int *ret_active);
/* 1 when the user has an unwithdrawn consent for purpose, else 0. */
int store_consent_active(Store *s, int64_t user_id, const char *purpose, int *ret_active);

/* Audit log: append and read only. */
int store_audit_add(StoreConn *c, int64_t at, int64_t actor_id, int64_t subject_id, const char *action,
                    const char *detail);
int store_audit_list_subject(Store *s, Arena *a, int64_t subject_id, AuditRow **ret, size_t *ret_n);

/* Outbox of mail; user_id (0: none) is the account the message concerns. */
int store_outbox_add(StoreConn *c, int64_t now, int64_t user_id, const char *rcpt_enc, const char *subject_enc,
                     const char *body_enc);
int store_outbox_pending(Store *s, Arena *a, OutboxRow **ret, size_t *ret_n);
int store_outbox_mark_sent(Store *s, int64_t id, int64_t now);

/* Throttle counters (key is already a blind index). */
int store_throttle_get(Store *s, const char *key, int64_t *ret_failures, int64_t *ret_locked_until);
int store_throttle_set(Store *s, const char *key, int64_t failures, int64_t locked_until, int64_t now);
int store_throttle_clear(Store *s, const char *key);

/* Anonymous aggregate counters. */
int store_counter_add(StoreConn *c, const char *name, int64_t delta);
int store_counter_get(Store *s, const char *name, int64_t *ret);

/* Retention: deletes expired sessions, resets, invitations, old sent mail
 * and stale throttle rows. *ret_deleted counts rows. */
int store_purge(StoreConn *c, int64_t now, int64_t outbox_sent_before, int64_t *ret_deleted);

/* Key rotation: every vault ciphertext column, one at a time. */
typedef enum VaultColumn {
        VC_USER_EMAIL,
        VC_USER_NAME,
        VC_OUTBOX_RCPT,
        VC_OUTBOX_SUBJECT,
        VC_OUTBOX_BODY,
        VC_INVITE_EMAIL,
        VC_PROFILE_DOC, /* candidate profiles (store/profiles.c) */
        VC_PROFILE_IDENTITY,
        VC_PROFILE_CV,
        VC_PROFILE_MARKS,
        VC_PROFILE_APPROVED,
        VC_STAKEHOLDER_CONTACT, /* local-group stakeholders' contacts (store/contacts.c) */
        VAULT_COLUMN_MAX
} VaultColumn;
/* Calls fn(ud, key, ciphertext) for each non-NULL value; fn returns the
 * replacement in *ret (arena) and the row is updated inside c. */
typedef int (*VaultRewriteFn)(void *ud, const char *ct, const char **ret);
int store_vault_rewrite(StoreConn *c, Arena *a, VaultColumn col, VaultRewriteFn fn, void *ud, int64_t *ret_rows);

#endif
