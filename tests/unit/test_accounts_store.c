/* Account services on a real SQLite store: the decryption gate (admin
 * never sees special-category data; every view is audited) and
 * consent-gated processing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/accounts/service.h"
#include "test.h"

static int count_action(Store *s, Arena *a, int64_t subject, const char *action) {
        AuditRow *e;
        size_t n = 0, k = 0;
        if (store_audit_list_subject(s, a, subject, &e, &n) < 0)
                return -1;
        for (size_t i = 0; i < n; i++)
                k += strcmp(e[i].action, action) == 0;
        return (int)k;
}

static int64_t add(AcctCtx *x, Arena *a, const char *email, const char *name, Role role, const char *org, int consent) {
        NewUser nu = { .email = email, .name = name, .password = "correct horse battery staple", .role = role,
                       .org_slug = org, .consent_matching = consent };
        const char *msg = NULL;
        int64_t id = 0;
        int r = acct_create_user(x, a, &nu, 0, &id, &msg);
        CHECK(r == 0, "user %s created (%d %s)", email, r, msg ? msg : "");
        return id;
}

int main(void) {
        char dir[] = "/tmp/td-acct-XXXXXX", url[128], keys[96];
        CHECK(auth_init() == 0 && mkdtemp(dir) != NULL, "setup");
        snprintf(url, sizeof(url), "sqlite:%s/t.db", dir);
        snprintf(keys, sizeof(keys), "%s/keys", dir);
        Store *s = NULL;
        Vault *v = NULL;
        CHECK(store_open(url, 2, &s) == 0 && store_migrate(s, NULL) == 0, "store opened and migrated");
        CHECK(vault_open(keys, 1, &v) == 0, "vault");
        AcctCtx x = { s, v };
        Arena *a = arena_new();
        StoreConn *c;
        CHECK(store_begin(s, &c) == 0 && store_org_upsert(c, "helpers", "Helpers", "ngo", 1) == 0 && store_commit(c) == 0,
              "organisation");
        int64_t cand = add(&x, a, "cand@example.org", "Ana Candidate", ROLE_CANDIDATE, NULL, 1);
        int64_t ngo = add(&x, a, "ngo@example.org", NULL, ROLE_NGO, "helpers", 0);
        int64_t adm = add(&x, a, "adm@example.org", NULL, ROLE_ADMIN, NULL, 0);
        UserRow u;
        CHECK(store_user_get(s, a, cand, &u) == 0 && u.name_enc && !strstr(u.name_enc, "Candidate"),
              "name stored encrypted"); /* not "Ana": ciphertext text holds any three letters now and then */
        Principal p_adm, p_ngo, p_cand;
        CHECK(acct_principal(&x, a, adm, NULL, &p_adm) == 0 && acct_principal(&x, a, ngo, NULL, &p_ngo) == 0 &&
                      acct_principal(&x, a, cand, NULL, &p_cand) == 0,
              "principals loaded");
        const char *plain = NULL;
        CHECK(acct_reveal(&x, a, &p_adm, cand, DATA_SPECIAL, 1, u.name_enc, &plain) == -EACCES && !plain,
              "admin cannot decrypt special-category data, even with consent");
        CHECK(acct_reveal(&x, a, &p_adm, cand, DATA_IDENTITY, 1, u.name_enc, &plain) == -EACCES,
              "admin cannot decrypt a candidate's identity");
        CHECK(count_action(s, a, cand, "view.special") == 0, "refused views leave no view entry");
        CHECK(acct_reveal(&x, a, &p_ngo, cand, DATA_SPECIAL, 0, u.name_enc, &plain) == -EACCES,
              "no consent, no decryption for the ngo");
        CHECK(acct_reveal(&x, a, &p_ngo, cand, DATA_SPECIAL, 1, u.name_enc, &plain) == 0 && plain &&
                      strcmp(plain, "Ana Candidate") == 0,
              "consented ngo decrypts");
        CHECK(count_action(s, a, cand, "view.special") == 1, "the view is in the subject's audit log");
        CHECK(acct_reveal(&x, a, &p_cand, cand, DATA_SPECIAL, 0, u.name_enc, &plain) == 0 &&
                      count_action(s, a, cand, "view.special") == 1,
              "own data is readable and not counted as someone else's view");
        CHECK(acct_reveal(&x, a, &p_ngo, cand, DATA_SPECIAL, 1, "v1.1.forged", &plain) < 0, "forged ciphertext refused");
        CHECK(acct_consent_required(&x, cand, CONSENT_MATCHING) == 0, "matching consent active after registration");
        CHECK(acct_consent_required(&x, ngo, CONSENT_MATCHING) == -EACCES, "no consent recorded: processing refused");
        ConsentRow *cr;
        size_t n = 0;
        CHECK(store_consent_list(s, a, cand, &cr, &n) == 0 && n == 1, "one consent record");
        CHECK(n == 1 && store_begin(s, &c) == 0 && store_consent_withdraw(c, cand, cr[0].id, 2) == 0 &&
                      store_commit(c) == 0,
              "consent withdrawn");
        CHECK(acct_consent_required(&x, cand, CONSENT_MATCHING) == -EACCES, "processing stops once consent is withdrawn");
        CHECK(acct_erase(&x, a, cand) == 0 && store_user_get(s, a, cand, &u) == 0 && !u.email_enc && !u.name_enc &&
                      !u.pw_hash,
              "erasure clears the personal columns");
        int64_t erased = 0;
        CHECK(store_counter_get(s, "accounts_erased", &erased) == 0 && erased == 1, "erasure keeps an anonymous count");
        arena_free(a);
        vault_free(v);
        store_close(s);
        char cmd[96];
        snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
        CHECK(system(cmd) == 0, "clean up");
        return test_done();
}
