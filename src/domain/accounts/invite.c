/* Invitations to join an organisation: sent by e-mail, used once. */
#include <errno.h>
#include <string.h>

#include "domain/accounts/service.h"

/* The role an organisation's members hold. */
static int org_role(const OrgRow *o, Role *ret) {
        return role_parse(o->kind, ret); /* "employer" or "ngo" */
}

int acct_invite(const AcctCtx *x, Arena *a, const char *org_slug, const char *email_in, int64_t by,
                const char *base_url, Lang lang) {
        char email[EMAIL_MAX + 1], tok[AUTH_TOKEN_STRLEN], h[AUTH_HASH_HEXLEN];
        OrgRow o;
        Role role;
        if (email_normalize(email_in, email) < 0)
                return -EINVAL;
        int r = store_org_get(x->store, a, org_slug, &o);
        if (r < 0 || (r = org_role(&o, &role)) < 0)
                return r;
        auth_token_new(tok);
        auth_token_hash(tok, h);
        const char *e_enc, *body = arena_printf(
                a, i18n_gettext(lang, "You are invited to join %s on TechDiversity. To create your account, open this "
                                      "link within seven days:\n\n%s/invite?token=%s\n"),
                o.name, base_url, tok);
        if (!body)
                return -ENOMEM;
        if ((r = vault_encrypt(x->vault, a, email, &e_enc)) < 0)
                return r;
        StoreConn *c;
        if ((r = store_begin(x->store, &c)) < 0)
                return r;
        r = store_invite_create(c, h, o.id, role_name(role), e_enc, by, acct_now() + INVITE_TTL);
        if (r == 0)
                r = acct_mail_queue(x, c, a, 0, email, i18n_gettext(lang, "Your invitation to TechDiversity"), body);
        if (r == 0)
                r = store_audit_add(c, acct_now(), by, by, "invitation.sent", o.slug);
        return store_end(c, r);
}

/* Inside c: uses the invitation and checks it was sent to email. */
static int take_invite(const AcctCtx *x, Arena *a, StoreConn *c, const char *token, const char *email,
                       int64_t *ret_org, Role *ret_role) {
        char h[AUTH_HASH_HEXLEN];
        const char *role_s, *e_enc, *sent_to;
        auth_token_hash(token, h);
        int r = store_invite_use(c, h, acct_now(), ret_org, &role_s, &e_enc, a);
        if (r == 0)
                r = vault_decrypt(x->vault, a, e_enc, &sent_to);
        if (r == 0 && strcmp(sent_to, email) != 0)
                r = -ENOENT; /* someone else's invitation */
        if (r == 0)
                r = role_parse(role_s, ret_role);
        return r;
}

int acct_invite_accept(const AcctCtx *x, Arena *a, const char *token, const NewUser *in, int64_t *ret_id,
                       const char **ret_msgid) {
        char email[EMAIL_MAX + 1];
        NewUser nu = *in;
        nu.role = ROLE_CANDIDATE; /* validated as an unscoped role; the invitation's role is set below */
        int r = acct_check_new_user(&nu, email, ret_msgid);
        if (r < 0)
                return r;
        if (!token || strlen(token) != AUTH_TOKEN_STRLEN - 1)
                return -ENOENT;
        StoreConn *c;
        if ((r = store_begin(x->store, &c)) < 0)
                return r;
        int64_t org_id = 0, id = 0;
        r = take_invite(x, a, c, token, email, &org_id, &nu.role);
        if (r == 0)
                r = acct_insert_user(x, a, c, &nu, email, org_id, 0, &id);
        r = store_end(c, r);
        if (r == 0)
                *ret_id = id;
        return r;
}
