/* Account operations shared by the web pages, the API and the CLI: they
 * join the rules (accounts.h), the vault (auth/auth.h) and the store
 * (store/accounts.h). Clear-text personal data exists only in the Arena
 * passed in; the store sees ciphertext and blind indexes. Every operation
 * that the audit needs writes its audit entry in the same transaction. */
#ifndef TD_DOMAIN_ACCOUNTS_SERVICE_H
#define TD_DOMAIN_ACCOUNTS_SERVICE_H

#include "auth/auth.h"
#include "core/i18n.h"
#include "domain/accounts/accounts.h"
#include "store/accounts.h"

typedef struct AcctCtx {
        Store *store;
        const Vault *vault;
} AcctCtx;

#define RESET_TTL (60 * 60)           /* a reset link lives one hour */
#define INVITE_TTL (7 * 24 * 60 * 60) /* an invitation one week */

/* Seconds since the epoch (wall clock). */
int64_t acct_now(void);

/* Creates a user with one role grant. On -EINVAL *ret_msgid says why (N_()
 * message); -EEXIST when the address is taken. actor 0: self-service. */
typedef struct NewUser {
        const char *email, *name, *password, *lang;
        Role role;
        const char *org_slug, *city_slug;
        int consent_matching; /* record the blind-matching consent */
} NewUser;
int acct_create_user(const AcctCtx *x, Arena *a, const NewUser *nu, int64_t actor, int64_t *ret_id,
                     const char **ret_msgid);

/* Checks e-mail and password with throttling per account and per address.
 * 0 and *ret_user_id; -EACCES for any wrong pair (unknown address
 * included, in the same time); -EAGAIN when throttled, *ret_retry seconds. */
int acct_authenticate(const AcctCtx *x, Arena *a, const char *email, const char *pw, const char *addr,
                      int64_t *ret_user_id, int64_t *ret_retry);

/* The user's grants; with only_role (bearer token), that role's only. */
int acct_principal(const AcctCtx *x, Arena *a, int64_t user_id, const char *only_role, Principal *ret);

/* A new session: *token for the cookie and *csrf for forms (arena). */
int acct_session_start(const AcctCtx *x, Arena *a, int64_t user_id, int64_t max_age, const char **ret_token,
                       const char **ret_csrf);

/* Verifies old, sets new, revokes every session of the user. */
int acct_change_password(const AcctCtx *x, Arena *a, int64_t user_id, const char *old_pw, const char *new_pw,
                         const char **ret_msgid);

/* Queues a reset mail when the address has an account; always 0 unless
 * the store fails, so callers cannot tell whether it exists. */
int acct_reset_request(const AcctCtx *x, Arena *a, const char *email, const char *base_url, Lang lang);
/* Uses the token once: sets the password and revokes all sessions.
 * -ENOENT for an unknown, used or expired token. */
int acct_reset_finish(const AcctCtx *x, Arena *a, const char *token, const char *new_pw, const char **ret_msgid);

/* All own data as a JSON document (GDPR Art. 15/20), audited. */
int acct_export(const AcctCtx *x, Arena *a, int64_t user_id, const char **ret_json);
/* Erases all personal data of the user (Art. 17), keeping anonymous
 * counts; audited. */
int acct_erase(const AcctCtx *x, Arena *a, int64_t user_id);
/* The same by someone else (actor 0: the system), audited as action. */
int acct_erase_by(const AcctCtx *x, Arena *a, int64_t user_id, int64_t actor, const char *action);
/* Retention: erases accounts not signed into for inactive_days (admins
 * excepted). *ret_n counts them. */
int acct_erase_inactive(const AcctCtx *x, Arena *a, int64_t inactive_days, int64_t *ret_n);

/* A bearer token for the JSON API; *ret_token shown once (arena). */
int acct_token_create(const AcctCtx *x, Arena *a, int64_t user_id, const char *role, const char **ret_token,
                      int64_t *ret_id);

/* Appends an audit entry (own transaction). detail holds no personal data. */
int acct_audit(const AcctCtx *x, int64_t actor, int64_t subject, const char *action, const char *detail);

/* Queues a mail about user_id (0: none); recipient, subject and body are
 * stored encrypted. */
int acct_mail_queue(const AcctCtx *x, StoreConn *c, Arena *a, int64_t user_id, const char *rcpt, const char *subject,
                    const char *body);

/* Invitations to an organisation (role: its kind, employer or ngo): a
 * mail with a one-time link, valid INVITE_TTL. -EINVAL for a bad address,
 * -ENOENT for an unknown organisation. */
int acct_invite(const AcctCtx *x, Arena *a, const char *org_slug, const char *email, int64_t by,
                const char *base_url, Lang lang);
/* Creates the invited account; the address must be the invited one.
 * -ENOENT for an unknown, used, expired or someone else's invitation. */
int acct_invite_accept(const AcctCtx *x, Arena *a, const char *token, const NewUser *nu, int64_t *ret_id,
                       const char **ret_msgid);

/* Shared by service.c and invite.c: validation (email normalised into
 * email) and the inserts of a new account inside c. */
int acct_check_new_user(const NewUser *nu, char email[EMAIL_MAX + 1], const char **ret_msgid);
int acct_insert_user(const AcctCtx *x, Arena *a, StoreConn *c, const NewUser *nu, const char *email, int64_t org_id,
                     int64_t actor, int64_t *ret_id);

/* Decrypts another person's data for viewer: refused (-EACCES) unless
 * perm_may_decrypt allows the viewer's roles for cls (with the recorded
 * consent or reveal `consented`); every view of someone else's data is
 * written to the audit log that the data subject sees. Own data passes
 * unaudited. *ret_plain in the arena. */
int acct_reveal(const AcctCtx *x, Arena *a, const Principal *viewer, int64_t subject_id, DataClass cls,
                int consented, const char *ciphertext, const char **ret_plain);
/* 0 when user_id has an active consent for purpose, -EACCES when none or
 * withdrawn: processing that needs consent calls this first, every time. */
int acct_consent_required(const AcctCtx *x, int64_t user_id, const char *purpose);

/* A partner organisation's staff member registers a candidate who gave
 * the organisation their consent (recorded, purpose CONSENT_NGO_SUPPORT):
 * a candidate account with an unusable random password, and a reset mail
 * so the candidate can choose their own. */
int acct_ngo_register(const AcctCtx *x, Arena *a, const Principal *staff, const char *org_slug, const char *email,
                      const char *name, const char *base_url, Lang lang, int64_t *ret_id, const char **ret_msgid);
/* Updates the candidate's name on their behalf (audited). */
int acct_ngo_set_name(const AcctCtx *x, Arena *a, int64_t staff_id, int64_t candidate_id, const char *name);

/* Creates or renames an organisation (kind "employer" or "ngo", slug
 * [a-z0-9-]{1,64}, name 1..200 bytes); audited. -EINVAL otherwise. */
int acct_org_save(const AcctCtx *x, const char *slug, const char *name, const char *kind, int64_t actor);

/* Decrypts a user's e-mail and name (NULL when erased). */
int acct_user_plain(const AcctCtx *x, Arena *a, const UserRow *u, const char **ret_email, const char **ret_name);

#endif
