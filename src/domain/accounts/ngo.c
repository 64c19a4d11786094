/* Partner organisations acting for candidates who consented to it. */
#include <errno.h>
#include <string.h>

#include "domain/accounts/service.h"

static int record_consent(const AcctCtx *x, int64_t staff_id, int64_t cand, int64_t org_id) {
        StoreConn *c;
        int r = store_begin(x->store, &c);
        if (r < 0)
                return r;
        int64_t now = acct_now();
        r = store_consent_give(c, cand, org_id, CONSENT_NGO_SUPPORT, CONSENT_NGO_SUPPORT_VERSION, now);
        if (r == 0)
                r = store_audit_add(c, now, staff_id, cand, "consent.recorded", CONSENT_NGO_SUPPORT);
        return store_end(c, r);
}

int acct_ngo_register(const AcctCtx *x, Arena *a, const Principal *staff, const char *org_slug, const char *email,
                      const char *name, const char *base_url, Lang lang, int64_t *ret_id, const char **ret_msgid) {
        OrgRow o;
        int r = store_org_get(x->store, a, org_slug, &o);
        if (r < 0)
                return r;
        char pw[AUTH_TOKEN_STRLEN];
        auth_token_new(pw); /* never shown: the candidate sets their own by the reset mail */
        NewUser nu = { .email = email, .name = name, .password = pw, .lang = lang_code(lang), .role = ROLE_CANDIDATE };
        int64_t id = 0;
        r = acct_create_user(x, a, &nu, staff->user_id, &id, ret_msgid);
        if (r == 0)
                r = record_consent(x, staff->user_id, id, o.id);
        if (r == 0)
                r = acct_reset_request(x, a, email, base_url, lang);
        if (r == 0)
                *ret_id = id;
        return r;
}

int acct_ngo_set_name(const AcctCtx *x, Arena *a, int64_t staff_id, int64_t candidate_id, const char *name) {
        if (!name || !*name || strlen(name) > NAME_MAX_BYTES)
                return -EINVAL;
        const char *enc;
        int r = vault_encrypt(x->vault, a, name, &enc);
        StoreConn *c;
        if (r < 0 || (r = store_begin(x->store, &c)) < 0)
                return r;
        r = store_user_set_name(c, candidate_id, enc);
        if (r == 0)
                r = store_audit_add(c, acct_now(), staff_id, candidate_id, "profile.updated", "name");
        return store_end(c, r);
}
