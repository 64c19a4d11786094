/* Accounts: roles and the permission decision, who may decrypt what,
 * password and e-mail rules, throttling, tokens and the vault. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auth/auth.h"
#include "core/paths.h"
#include "domain/accounts/accounts.h"
#include "test.h"

static Principal one(Role r, const char *org, const char *city) {
        Principal p = { .user_id = 7, .ngrants = 1 };
        p.grants[0] = (Grant){ r, org, city };
        return p;
}

static void test_perm(void) {
        const unsigned city_rule = ROLE_BIT(ROLE_CITY) | ROLE_BIT(ROLE_NETWORK);
        const unsigned org_rule = ROLE_BIT(ROLE_EMPLOYER) | ROLE_BIT(ROLE_NGO) | ROLE_BIT(ROLE_ADMIN);
        Owner idrija = { .city_slug = "idrija" }, acme = { .org_slug = "acme" };
        struct {
                Principal p;
                unsigned roles;
                const Owner *o;
                PermDecision want;
                const char *what;
        } cases[] = {
                { { 0 }, city_rule, &idrija, PERM_NEED_LOGIN, "anonymous must sign in" },
                { one(ROLE_CITY, NULL, "idrija"), city_rule, &idrija, PERM_ALLOW, "officer of the city" },
                { one(ROLE_CITY, NULL, "arezzo"), city_rule, &idrija, PERM_DENY, "another city's plan" },
                { one(ROLE_CITY, NULL, NULL), city_rule, &idrija, PERM_DENY, "city grant without a city" },
                { one(ROLE_NETWORK, NULL, NULL), city_rule, &idrija, PERM_ALLOW, "network reads every city" },
                { one(ROLE_ADMIN, NULL, NULL), city_rule, &idrija, PERM_DENY, "admin does not edit plans" },
                { one(ROLE_EMPLOYER, "acme", NULL), org_rule, &acme, PERM_ALLOW, "employer of the organisation" },
                { one(ROLE_EMPLOYER, "beta", NULL), org_rule, &acme, PERM_DENY, "another employer's organisation" },
                { one(ROLE_NGO, "acme-ngo", NULL), org_rule, &acme, PERM_DENY, "ngo of another organisation" },
                { one(ROLE_ADMIN, NULL, NULL), org_rule, &acme, PERM_ALLOW, "admin manages organisations" },
                { one(ROLE_CANDIDATE, NULL, NULL), org_rule, &acme, PERM_DENY, "candidate is no member" },
                { one(ROLE_CANDIDATE, NULL, NULL), ROLES_ALL, NULL, PERM_ALLOW, "any signed-in role" },
                { one(ROLE_CANDIDATE, NULL, NULL), ROLE_BIT(ROLE_ADMIN), NULL, PERM_DENY, "admin-only route" },
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
                CHECK_INTEQ(perm_decide(cases[i].roles, &cases[i].p, cases[i].o), cases[i].want, "perm: %s",
                            cases[i].what);
        Principal two = one(ROLE_CITY, NULL, "arezzo");
        two.grants[two.ngrants++] = (Grant){ ROLE_CITY, NULL, "idrija" };
        CHECK(perm_decide(city_rule, &two, &idrija) == PERM_ALLOW, "perm: any one matching grant suffices");
        Role r;
        CHECK(role_parse("admin", &r) == 0 && r == ROLE_ADMIN, "role_parse admin");
        CHECK(role_parse("Admin", &r) == -EINVAL && role_parse("", &r) == -EINVAL && role_parse(NULL, &r) == -EINVAL,
              "role_parse refuses case variants, empty and NULL");
}

static void test_decrypt_rule(void) {
        const unsigned admin = ROLE_BIT(ROLE_ADMIN), ngo = ROLE_BIT(ROLE_NGO), emp = ROLE_BIT(ROLE_EMPLOYER);
        CHECK(!perm_may_decrypt(admin, DATA_SPECIAL, 1), "admin never sees special-category data, even consented");
        CHECK(!perm_may_decrypt(admin | ngo, DATA_SPECIAL, 1), "admin with an ngo grant still does not");
        CHECK(!perm_may_decrypt(admin, DATA_IDENTITY, 1), "admin does not see candidates' identities");
        CHECK(perm_may_decrypt(ngo, DATA_SPECIAL, 1), "consented ngo sees special-category data");
        CHECK(!perm_may_decrypt(ngo, DATA_SPECIAL, 0), "no consent, no decryption");
        CHECK(!perm_may_decrypt(emp, DATA_SPECIAL, 1), "employers never see special-category data");
        CHECK(perm_may_decrypt(emp, DATA_IDENTITY, 1) && !perm_may_decrypt(emp, DATA_IDENTITY, 0),
              "employers see an identity only after a consented reveal");
        CHECK(perm_may_decrypt(admin, DATA_OWN, 0), "everyone sees their own data");
}

static void test_pwpolicy(void) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/auth/common-passwords.txt", paths_datadir());
        CHECK(pwpolicy_load(path) == 0 && pwpolicy_count() == 30000, "common-password list loads (%zu)",
              pwpolicy_count());
        char big[PW_MAX_BYTES + 2];
        memset(big, 'a', sizeof(big) - 1);
        big[sizeof(big) - 1] = '\0';
        struct {
                const char *pw;
                int ok;
        } cases[] = {
                { "correct horse battery staple", 1 }, { "short", 0 },          { "", 0 },
                { "elevenchars", 0 },                  { "twelve chars", 1 },  { "ąćęłńóśźżąćę", 1 },
                { "ąćęłńóś", 0 },                      { "password1234", 0 },  { "PASSWORD1234", 0 },
                { "1Q2W3E4R5T6Y", 0 },                 { "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4", 0 },
                { big, 0 },                            { "<script>alert(1)</script>", 1 },
                { "zofia@example.org", 0 },
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                const char *msg = NULL;
                int r = pwpolicy_check(cases[i].pw, "zofia@example.org", &msg);
                CHECK((r == 0) == cases[i].ok && (r == 0 || msg), "password case %zu (%.20s) %s", i, cases[i].pw,
                      cases[i].ok ? "accepted" : "refused with a message");
        }
        big[PW_MAX_BYTES] = '\0';
        const char *msg;
        CHECK(pwpolicy_check(big, NULL, &msg) == 0, "exactly PW_MAX_BYTES is accepted");
}

static void test_email(void) {
        char out[EMAIL_MAX + 1];
        CHECK(email_normalize("  Zofia@Example.ORG ", out) == 0 && strcmp(out, "zofia@example.org") == 0,
              "e-mail trimmed and lower-cased");
        const char *bad[] = { "", "a", "no-at.example.org", "a@b", "two@@example.org", "a@b@c.org", "x@example.org.",
                              "<script>@x.org", "a b@example.org", "a@example.org\r\nBcc: x@y.org", "\xff@x.org",
                              "@example.org", NULL };
        for (int i = 0; bad[i]; i++)
                CHECK(email_normalize(bad[i], out) == -EINVAL, "e-mail refused: case %d", i);
        char big[EMAIL_MAX + 10];
        memset(big, 'a', sizeof(big) - 1);
        big[sizeof(big) - 1] = '\0';
        big[3] = '@';
        big[8] = '.';
        CHECK(email_normalize(big, out) == -EINVAL, "e-mail over EMAIL_MAX refused");
        CHECK(email_normalize(NULL, out) == -EINVAL, "NULL e-mail refused");
}

static void test_throttle_session(void) {
        CHECK_INTEQ(throttle_lock_seconds(THROTTLE_ACCOUNT_FREE, THROTTLE_ACCOUNT_FREE), 0, "free failures: no lock");
        CHECK_INTEQ(throttle_lock_seconds(THROTTLE_ACCOUNT_FREE + 1, THROTTLE_ACCOUNT_FREE), THROTTLE_BASE_LOCK,
                    "first extra failure: base lock");
        CHECK_INTEQ(throttle_lock_seconds(THROTTLE_ACCOUNT_FREE + 3, THROTTLE_ACCOUNT_FREE), 4 * THROTTLE_BASE_LOCK,
                    "lock doubles per failure");
        CHECK_INTEQ(throttle_lock_seconds(1000000, THROTTLE_ACCOUNT_FREE), THROTTLE_MAX_LOCK, "lock is capped");
        CHECK(session_alive(0, 100, 1000, 150, 60), "active session alive");
        CHECK(!session_alive(0, 100, 1000, 161, 60), "idle session expired");
        CHECK(!session_alive(0, 990, 1000, 1000, 60), "absolute expiry");
}

static void test_tokens_passwords(void) {
        char a[AUTH_TOKEN_STRLEN], b[AUTH_TOKEN_STRLEN], ha[AUTH_HASH_HEXLEN], hb[AUTH_HASH_HEXLEN];
        auth_token_new(a);
        auth_token_new(b);
        CHECK(strlen(a) == 43 && strcmp(a, b) != 0, "tokens are 43 base64url characters and differ");
        auth_token_hash(a, ha);
        auth_token_hash(a, hb);
        CHECK(strlen(ha) == 64 && strcmp(ha, hb) == 0 && strcmp(ha, a) != 0, "token hash is stable hex, not the token");
        CHECK(auth_str_equal(a, a) && !auth_str_equal(a, b) && !auth_str_equal(a, NULL) && !auth_str_equal("ab", "abc"),
              "constant-time comparison");
        char h[AUTH_PW_HASH_MAX];
        CHECK(auth_password_hash("correct horse battery staple", h) == 0 && strncmp(h, "$argon2id$", 10) == 0,
              "Argon2id hash");
        CHECK(auth_password_verify(h, "correct horse battery staple") == 0, "right password verifies");
        CHECK(auth_password_verify(h, "correct horse battery stapl") == -EACCES, "wrong password refused");
        CHECK(auth_password_verify("$2y$10$notargon", "x") == -EINVAL && auth_password_verify(NULL, "x") == -EINVAL,
              "foreign or missing hash refused");
}

static void test_vault(void) {
        char dir[] = "/tmp/td-vault-XXXXXX";
        CHECK(mkdtemp(dir) != NULL, "temporary directory");
        char keys[64];
        snprintf(keys, sizeof(keys), "%s/keys", dir);
        Vault *v = NULL;
        CHECK(vault_open(keys, 0, &v) < 0, "no key directory, no vault");
        CHECK(vault_open(keys, 1, &v) == 0 && vault_current_key(v) == 1, "vault created with key 1");
        struct stat st;
        CHECK(stat(keys, &st) == 0 && (st.st_mode & 0777) == 0700, "key directory is 0700");
        char kf[96];
        snprintf(kf, sizeof(kf), "%s/data-1.key", keys);
        CHECK(stat(kf, &st) == 0 && (st.st_mode & 0777) == 0600, "key file is 0600");
        Arena *a = arena_new();
        const char *ct, *pt, *ct2;
        const char *plain = "Zofia Kowalska <zofia@example.org>\n\xc5\xbc";
        CHECK(vault_encrypt(v, a, plain, &ct) == 0 && strncmp(ct, "v1.1.", 5) == 0 && !strstr(ct, "Zofia"),
              "ciphertext carries the key id and no clear text");
        CHECK(vault_encrypt(v, a, plain, &ct2) == 0 && strcmp(ct, ct2) != 0, "random nonces: same text, new ciphertext");
        CHECK(vault_decrypt(v, a, ct, &pt) == 0 && strcmp(pt, plain) == 0, "round trip");
        char *bad = arena_strdup(a, ct);
        bad[strlen(bad) - 2] ^= 1;
        CHECK(vault_decrypt(v, a, bad, &pt) == -EBADMSG, "a changed byte is detected");
        char *moved = arena_strdup(a, ct);
        moved[3] = '2';
        CHECK(vault_decrypt(v, a, moved, &pt) == -ENOKEY, "unknown key id");
        const char *junk[] = { "", "v1.", "v1.1.", "v1.1.!!!!", "v2.1.abc", "v1.0.abc", "v1.99999.abc", "<script>", NULL };
        for (int i = 0; junk[i]; i++)
                CHECK(vault_decrypt(v, a, junk[i], &pt) < 0, "malformed ciphertext %d refused", i);
        CHECK(vault_encrypt(v, a, "", &ct2) == 0 && vault_decrypt(v, a, ct2, &pt) == 0 && *pt == '\0', "empty value");
        char i1[AUTH_HASH_HEXLEN], i2[AUTH_HASH_HEXLEN], th[AUTH_HASH_HEXLEN];
        vault_blind_index(v, "zofia@example.org", i1);
        vault_blind_index(v, "zofia@example.org", i2);
        auth_token_hash("zofia@example.org", th);
        CHECK(strcmp(i1, i2) == 0 && strcmp(i1, th) != 0, "blind index is stable and keyed");
        CHECK(vault_add_key(v) == 0 && vault_current_key(v) == 2, "rotation adds key 2");
        CHECK(vault_decrypt(v, a, ct, &pt) == 0 && strcmp(pt, plain) == 0, "old ciphertext still decrypts");
        CHECK(vault_encrypt(v, a, plain, &ct2) == 0 && strncmp(ct2, "v1.2.", 5) == 0, "new ciphertext uses key 2");
        vault_free(v);
        chmod(kf, 0644);
        CHECK(vault_open(keys, 0, &v) == -EACCES, "a key file readable by others is refused");
        arena_free(a);
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
        CHECK(system(cmd) == 0, "clean up");
}

int main(void) {
        CHECK(auth_init() == 0, "libsodium initialised");
        test_perm();
        test_decrypt_rule();
        test_pwpolicy();
        test_email();
        test_throttle_session();
        test_tokens_passwords();
        test_vault();
        return test_done();
}
