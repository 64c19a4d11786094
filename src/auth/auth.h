/* The libsodium users: password hashing (Argon2id), random tokens and
 * their hashes, and the vault that encrypts personal data at rest
 * (XChaCha20-Poly1305 under keys kept outside the database, with key ids
 * so that keys can be rotated) plus the keyed blind index used to look
 * encrypted values up. Call auth_init() once before anything else. */
#ifndef TD_AUTH_AUTH_H
#define TD_AUTH_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

/* 0 on success, -EIO when libsodium cannot initialise. */
int auth_init(void);

/* ---- passwords ---- */
#define AUTH_PW_HASH_MAX 128 /* >= crypto_pwhash_STRBYTES */
/* Argon2id (crypto_pwhash_str, interactive limits: t=2, m=64 MiB). */
int auth_password_hash(const char *pw, char out[AUTH_PW_HASH_MAX]);
/* 0 when pw matches hash, -EACCES when not, -EINVAL for a malformed hash. */
int auth_password_verify(const char *hash, const char *pw);
/* Spends the same time as a verification, for unknown accounts. */
void auth_password_dummy_verify(const char *pw);

/* ---- tokens ---- */
#define AUTH_TOKEN_BYTES 32                 /* 256 bits */
#define AUTH_TOKEN_STRLEN 44                /* base64url without padding + NUL */
#define AUTH_HASH_HEXLEN 65                 /* 32-byte hash as hex + NUL */
/* A fresh random token (base64url, 43 characters). */
void auth_token_new(char out[AUTH_TOKEN_STRLEN]);
/* BLAKE2b-256 of the token as hex: what the store keeps. */
void auth_token_hash(const char *token, char out[AUTH_HASH_HEXLEN]);
/* Constant-time string comparison: 1 when equal. */
int auth_str_equal(const char *a, const char *b);

/* ---- vault ---- */
#define VAULT_KEYS_MAX 64
#define VAULT_PLAIN_MAX ((size_t)8 << 20) /* largest value encrypted at once */
#define VAULT_DIR_MAX 1024

typedef struct Vault Vault;

/* Opens the key directory. With create, makes it (0700) and its first keys
 * (0600) when absent. Refuses key files readable by group or others
 * (-EACCES). *ret owned by the caller (vault_free). */
int vault_open(const char *dir, int create, Vault **ret);
void vault_free(Vault *v);
/* Id of the key new ciphertext is made with. */
unsigned vault_current_key(const Vault *v);
/* Ciphertext "v1.KID.BASE64URL(nonce|box)" of plain, in the arena. */
int vault_encrypt(const Vault *v, Arena *a, const char *plain, const char **ret);
/* Plain text of ct in the arena; -EBADMSG when forged or corrupted,
 * -ENOKEY when its key is unknown. */
int vault_decrypt(const Vault *v, Arena *a, const char *ct, const char **ret);
/* Keyed BLAKE2b-256 of value as hex, with the separate index key. */
void vault_blind_index(const Vault *v, const char *value, char out[AUTH_HASH_HEXLEN]);
/* Writes a new data key (next id) and makes it current. */
int vault_add_key(Vault *v);
/* Key id of a ciphertext, or -EINVAL. */
int vault_key_of(const char *ct);

#endif
