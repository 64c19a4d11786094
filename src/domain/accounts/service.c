/* Account operations (see service.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "core/i18n.h"
#include "domain/accounts/service.h"

int64_t acct_now(void) { return (int64_t)time(NULL); }

int acct_audit(const AcctCtx *x, int64_t actor, int64_t subject, const char *action, const char *detail) {
        StoreConn *c;
        int r = store_begin(x->store, &c);
        if (r < 0)
                return r;
        r = store_audit_add(c, acct_now(), actor, subject, action, detail);
        return store_end(c, r);
}

int acct_mail_queue(const AcctCtx *x, StoreConn *c, Arena *a, int64_t user_id, const char *rcpt, const char *subject,
                    const char *body) {
        const char *r_enc, *s_enc, *b_enc;
        int r = vault_encrypt(x->vault, a, rcpt, &r_enc);
        if (r == 0)
                r = vault_encrypt(x->vault, a, subject, &s_enc);
        if (r == 0)
                r = vault_encrypt(x->vault, a, body, &b_enc);
        return r < 0 ? r : store_outbox_add(c, acct_now(), user_id, r_enc, s_enc, b_enc);
}

int acct_user_plain(const AcctCtx *x, Arena *a, const UserRow *u, const char **ret_email, const char **ret_name) {
        const char *e = NULL, *n = NULL;
        int r = 0;
        if (u->email_enc)
                r = vault_decrypt(x->vault, a, u->email_enc, &e);
        if (r == 0 && u->name_enc)
                r = vault_decrypt(x->vault, a, u->name_enc, &n);
        if (r < 0)
                return r;
        *ret_email = e;
        *ret_name = n;
        return 0;
}

int acct_check_new_user(const NewUser *nu, char email[EMAIL_MAX + 1], const char **ret_msgid) {
        if (email_normalize(nu->email, email) < 0) {
                *ret_msgid = N_("Please enter a valid e-mail address.");
                return -EINVAL;
        }
        if (nu->name && strlen(nu->name) > NAME_MAX_BYTES) {
                *ret_msgid = N_("The name is too long.");
                return -EINVAL;
        }
        if ((role_needs_org(nu->role) && !nu->org_slug) || (role_needs_city(nu->role) && !nu->city_slug)) {
                *ret_msgid = N_("This role needs an organisation or a city.");
                return -EINVAL;
        }
        return pwpolicy_check(nu->password, email, ret_msgid);
}

int acct_insert_user(const AcctCtx *x, Arena *a, StoreConn *c, const NewUser *nu, const char *email,
                       int64_t org_id, int64_t actor, int64_t *ret_id) {
        char hash[AUTH_PW_HASH_MAX], bidx[AUTH_HASH_HEXLEN];
        const char *e_enc, *n_enc = NULL;
        vault_blind_index(x->vault, email, bidx);
        int r = auth_password_hash(nu->password, hash);
        if (r == 0)
                r = vault_encrypt(x->vault, a, email, &e_enc);
        if (r == 0 && nu->name && *nu->name)
                r = vault_encrypt(x->vault, a, nu->name, &n_enc);
        int64_t now = acct_now(), id = 0;
        if (r == 0)
                r = store_user_create(c, bidx, e_enc, n_enc, hash, nu->lang, now, &id);
        if (r == 0)
                r = store_membership_add(c, id, role_name(nu->role), org_id, nu->city_slug, now);
        if (r == 0)
                r = store_audit_add(c, now, actor ? actor : id, id, "account.created", "");
        if (r == 0)
                r = store_audit_add(c, now, actor ? actor : id, id, "permission.granted", role_name(nu->role));
        if (r == 0 && nu->consent_matching)
                r = store_consent_give(c, id, 0, CONSENT_MATCHING, CONSENT_MATCHING_VERSION, now);
        if (r == 0)
                *ret_id = id;
        return r;
}

int acct_create_user(const AcctCtx *x, Arena *a, const NewUser *nu, int64_t actor, int64_t *ret_id,
                     const char **ret_msgid) {
        char email[EMAIL_MAX + 1];
        int r = acct_check_new_user(nu, email, ret_msgid);
        if (r < 0)
                return r;
        OrgRow o = { 0 };
        if (nu->org_slug && (r = store_org_get(x->store, a, nu->org_slug, &o)) < 0) {
                if (r == -ENOENT)
                        *ret_msgid = N_("This organisation does not exist.");
                return r == -ENOENT ? -EINVAL : r;
        }
        StoreConn *c;
        /* No pooled look-up inside the transaction: it holds a connection. */
        r = store_begin(x->store, &c);
        if (r < 0)
                return r;
        int64_t id = 0;
        r = acct_insert_user(x, a, c, nu, email, o.id, actor, &id);
        r = store_end(c, r);
        if (r == 0)
                *ret_id = id;
        return r;
}

/* ---- sign-in ---- */

static void throttle_key(const AcctCtx *x, const char *prefix, const char *v, char out[AUTH_HASH_HEXLEN + 8]) {
        char buf[EMAIL_MAX + 16], h[AUTH_HASH_HEXLEN];
        snprintf(buf, sizeof(buf), "%s:%s", prefix, v ? v : "");
        vault_blind_index(x->vault, buf, h);
        snprintf(out, AUTH_HASH_HEXLEN + 8, "%s:%s", prefix, h);
}

static int64_t locked_for(const AcctCtx *x, const char *key, int64_t now) {
        int64_t f = 0, until = 0;
        if (store_throttle_get(x->store, key, &f, &until) < 0)
                return 0;
        return until > now ? until - now : 0;
}

static void note_failure(const AcctCtx *x, const char *key, int64_t free_failures, int64_t now) {
        int64_t f = 0, until = 0;
        (void)store_throttle_get(x->store, key, &f, &until);
        f++;
        int64_t lock = throttle_lock_seconds(f, free_failures);
        (void)store_throttle_set(x->store, key, f, lock ? now + lock : 0, now);
}

int acct_authenticate(const AcctCtx *x, Arena *a, const char *email_in, const char *pw, const char *addr,
                      int64_t *ret_user_id, int64_t *ret_retry) {
        char email[EMAIL_MAX + 1], kacc[AUTH_HASH_HEXLEN + 8], kaddr[AUTH_HASH_HEXLEN + 8];
        if (email_normalize(email_in, email) < 0)
                snprintf(email, sizeof(email), "-");
        throttle_key(x, "acct", email, kacc);
        throttle_key(x, "addr", addr, kaddr);
        int64_t now = acct_now();
        int64_t wait = locked_for(x, kacc, now), w2 = locked_for(x, kaddr, now);
        if (w2 > wait)
                wait = w2;
        if (wait > 0) {
                *ret_retry = wait;
                return -EAGAIN;
        }
        char bidx[AUTH_HASH_HEXLEN];
        vault_blind_index(x->vault, email, bidx);
        UserRow u;
        int r = store_user_by_email_hash(x->store, a, bidx, &u);
        if (r < 0 && r != -ENOENT)
                return r;
        if (r == -ENOENT || !u.pw_hash)
                auth_password_dummy_verify(pw);
        else if (auth_password_verify(u.pw_hash, pw ? pw : "") == 0) {
                (void)store_throttle_clear(x->store, kacc);
                *ret_user_id = u.id;
                return 0;
        }
        note_failure(x, kacc, THROTTLE_ACCOUNT_FREE, now);
        note_failure(x, kaddr, THROTTLE_ADDRESS_FREE, now);
        if (r == 0)
                (void)acct_audit(x, 0, u.id, "signin.failed", "");
        return -EACCES;
}

int acct_principal(const AcctCtx *x, Arena *a, int64_t user_id, const char *only_role, Principal *ret) {
        MemberRow *m;
        size_t n;
        int r = store_membership_list(x->store, a, user_id, &m, &n);
        if (r < 0)
                return r;
        Principal p = { .user_id = user_id };
        for (size_t i = 0; i < n && p.ngrants < PRINCIPAL_GRANTS_MAX; i++) {
                Role role;
                if (role_parse(m[i].role, &role) < 0 || (only_role && strcmp(only_role, m[i].role) != 0))
                        continue;
                p.grants[p.ngrants++] = (Grant){ role, m[i].org_slug, m[i].city_slug };
        }
        *ret = p;
        return 0;
}

int acct_session_start(const AcctCtx *x, Arena *a, int64_t user_id, int64_t max_age, const char **ret_token,
                       const char **ret_csrf) {
        char tok[AUTH_TOKEN_STRLEN], csrf[AUTH_TOKEN_STRLEN], h[AUTH_HASH_HEXLEN];
        auth_token_new(tok);
        auth_token_new(csrf);
        auth_token_hash(tok, h);
        int64_t now = acct_now();
        SessionRow s = { h, user_id, csrf, now, now, now + max_age };
        int r = store_session_create(x->store, &s);
        if (r == 0)
                r = store_user_signed_in(x->store, user_id, now);
        if (r == 0)
                r = acct_audit(x, user_id, user_id, "signin", "");
        if (r < 0)
                return r;
        *ret_token = arena_strdup(a, tok);
        *ret_csrf = arena_strdup(a, csrf);
        return *ret_token && *ret_csrf ? 0 : -ENOMEM;
}

/* ---- passwords ---- */

static int set_password(const AcctCtx *x, StoreConn *c, int64_t user_id, const char *pw, const char *why) {
        char hash[AUTH_PW_HASH_MAX];
        int r = auth_password_hash(pw, hash);
        if (r == 0)
                r = store_user_set_password(c, user_id, hash);
        if (r == 0)
                r = store_session_delete_user(c, user_id);
        if (r == 0)
                r = store_audit_add(c, acct_now(), user_id, user_id, why, "");
        return r;
}

static int email_of(const AcctCtx *x, Arena *a, const UserRow *u, const char **ret) {
        const char *e, *n;
        int r = acct_user_plain(x, a, u, &e, &n);
        if (r == 0)
                *ret = e;
        return r;
}

int acct_change_password(const AcctCtx *x, Arena *a, int64_t user_id, const char *old_pw, const char *new_pw,
                         const char **ret_msgid) {
        UserRow u;
        const char *email = NULL;
        int r = store_user_get(x->store, a, user_id, &u);
        if (r == 0)
                r = email_of(x, a, &u, &email);
        if (r < 0)
                return r;
        if (!u.pw_hash || auth_password_verify(u.pw_hash, old_pw ? old_pw : "") != 0) {
                *ret_msgid = N_("The current password is not correct.");
                return -EACCES;
        }
        if ((r = pwpolicy_check(new_pw, email, ret_msgid)) < 0)
                return r;
        StoreConn *c;
        if ((r = store_begin(x->store, &c)) < 0)
                return r;
        r = set_password(x, c, user_id, new_pw, "password.changed");
        return store_end(c, r);
}

int acct_reset_request(const AcctCtx *x, Arena *a, const char *email_in, const char *base_url, Lang lang) {
        char email[EMAIL_MAX + 1], bidx[AUTH_HASH_HEXLEN], tok[AUTH_TOKEN_STRLEN], h[AUTH_HASH_HEXLEN];
        if (email_normalize(email_in, email) < 0)
                return 0;
        vault_blind_index(x->vault, email, bidx);
        UserRow u;
        int r = store_user_by_email_hash(x->store, a, bidx, &u);
        if (r == -ENOENT)
                return 0;
        if (r < 0)
                return r;
        auth_token_new(tok);
        auth_token_hash(tok, h);
        const char *body = arena_printf(
                a, i18n_gettext(lang, "Someone asked to reset the password of your TechDiversity account. To "
                                      "choose a new password, open this link within one hour:\n\n%s/password/reset?token=%s\n\n"
                                      "If it was not you, ignore this message: your password stays as it is.\n"),
                base_url, tok);
        StoreConn *c;
        if (!body || (r = store_begin(x->store, &c)) < 0)
                return body ? r : -ENOMEM;
        r = store_reset_create(c, h, u.id, acct_now() + RESET_TTL);
        if (r == 0)
                r = acct_mail_queue(x, c, a, u.id, email, i18n_gettext(lang, "Reset your TechDiversity password"), body);
        if (r == 0)
                r = store_audit_add(c, acct_now(), 0, u.id, "password.reset_requested", "");
        return store_end(c, r);
}

int acct_reset_finish(const AcctCtx *x, Arena *a, const char *token, const char *new_pw, const char **ret_msgid) {
        char h[AUTH_HASH_HEXLEN];
        if (!token || strlen(token) != AUTH_TOKEN_STRLEN - 1)
                return -ENOENT;
        auth_token_hash(token, h);
        int r = store_reset_valid(x->store, h, acct_now());
        if (r < 0)
                return r;
        if ((r = pwpolicy_check(new_pw, NULL, ret_msgid)) < 0)
                return r;
        StoreConn *c;
        if ((r = store_begin(x->store, &c)) < 0)
                return r;
        int64_t uid = 0;
        r = store_reset_use(c, h, acct_now(), &uid);
        if (r == 0)
                r = set_password(x, c, uid, new_pw, "password.reset");
        return store_end(c, r);
}

int acct_token_create(const AcctCtx *x, Arena *a, int64_t user_id, const char *role, const char **ret_token,
                      int64_t *ret_id) {
        char tok[AUTH_TOKEN_STRLEN], h[AUTH_HASH_HEXLEN];
        auth_token_new(tok);
        auth_token_hash(tok, h);
        StoreConn *c;
        int r = store_begin(x->store, &c);
        if (r < 0)
                return r;
        int64_t id = 0;
        r = store_token_create(c, h, user_id, role, acct_now(), &id);
        if (r == 0)
                r = store_audit_add(c, acct_now(), user_id, user_id, "token.created", role ? role : "");
        if (r < 0) {
                store_rollback(c);
                return r;
        }
        if ((r = store_commit(c)) < 0)
                return r;
        *ret_token = arena_strdup(a, tok);
        *ret_id = id;
        return *ret_token ? 0 : -ENOMEM;
}

int acct_erase(const AcctCtx *x, Arena *a, int64_t user_id) { return acct_erase_by(x, a, user_id, user_id, "erasure"); }

int acct_erase_by(const AcctCtx *x, Arena *a, int64_t user_id, int64_t actor, const char *action) {
        (void)a;
        StoreConn *c;
        int r = store_begin(x->store, &c);
        if (r < 0)
                return r;
        r = store_user_erase(c, user_id, acct_now());
        if (r == 0)
                r = store_counter_add(c, "accounts_erased", 1);
        if (r == 0)
                r = store_audit_add(c, acct_now(), actor, user_id, action, "");
        return store_end(c, r);
}

int acct_erase_inactive(const AcctCtx *x, Arena *a, int64_t inactive_days, int64_t *ret_n) {
        int64_t *ids;
        size_t n = 0;
        int r = store_user_inactive(x->store, a, acct_now() - inactive_days * 86400, &ids, &n);
        for (size_t i = 0; r == 0 && i < n; i++) {
                r = acct_erase_by(x, a, ids[i], 0, "erasure.retention");
        }
        if (r == 0)
                *ret_n = (int64_t)n;
        return r;
}

static int slug_ok(const char *s) {
        size_t n = s ? strlen(s) : 0;
        if (n == 0 || n > 64)
                return 0;
        for (; *s; s++)
                if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
                        return 0;
        return 1;
}

int acct_org_save(const AcctCtx *x, const char *slug, const char *name, const char *kind, int64_t actor) {
        if (!slug_ok(slug) || !name || !*name || strlen(name) > 200 || !kind ||
            (strcmp(kind, "employer") != 0 && strcmp(kind, "ngo") != 0))
                return -EINVAL;
        StoreConn *c;
        int r = store_begin(x->store, &c);
        if (r < 0)
                return r;
        r = store_org_upsert(c, slug, name, kind, acct_now());
        if (r == 0)
                r = store_audit_add(c, acct_now(), actor, actor, "organisation.saved", slug);
        return store_end(c, r);
}
