/* Passwords with Argon2id and random tokens. */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include <sodium.h>

#include "auth/auth.h"

int auth_init(void) { return sodium_init() < 0 ? -EIO : 0; }

int auth_password_hash(const char *pw, char out[AUTH_PW_HASH_MAX]) {
        _Static_assert(AUTH_PW_HASH_MAX >= crypto_pwhash_STRBYTES, "hash buffer");
        if (!pw)
                return -EINVAL;
        if (crypto_pwhash_str_alg(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
                return -ENOMEM;
        return 0;
}

int auth_password_verify(const char *hash, const char *pw) {
        if (!hash || !pw || strncmp(hash, "$argon2id$", 10) != 0)
                return -EINVAL;
        return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0 ? 0 : -EACCES;
}

static char dummy_hash[AUTH_PW_HASH_MAX];
static int dummy_ready;
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void) { dummy_ready = auth_password_hash("dummy password for timing", dummy_hash) == 0; }

void auth_password_dummy_verify(const char *pw) {
        pthread_once(&dummy_once, dummy_make);
        if (dummy_ready)
                (void)auth_password_verify(dummy_hash, pw ? pw : "");
}

void auth_token_new(char out[AUTH_TOKEN_STRLEN]) {
        unsigned char raw[AUTH_TOKEN_BYTES];
        randombytes_buf(raw, sizeof(raw));
        sodium_bin2base64(out, AUTH_TOKEN_STRLEN, raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        sodium_memzero(raw, sizeof(raw));
}

void auth_token_hash(const char *token, char out[AUTH_HASH_HEXLEN]) {
        unsigned char h[32];
        crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
        sodium_bin2hex(out, AUTH_HASH_HEXLEN, h, sizeof(h));
}

int auth_str_equal(const char *a, const char *b) {
        if (!a || !b)
                return 0;
        size_t n = strlen(a);
        if (n != strlen(b))
                return 0;
        return sodium_memcmp(a, b, n) == 0;
}
