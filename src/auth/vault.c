/* Encryption of personal data at rest. Keys live in a directory outside
 * the database: data-N.key (32 bytes, one per key id N, the highest is
 * current) and index.key (32 bytes, for the blind index). The key id is
 * part of every ciphertext and of its associated data, so a value cannot
 * be moved to another key's slot, and `keys rotate` can re-encrypt row by
 * row while old ciphertext stays readable. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "auth/auth.h"

#define KEY_BYTES crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES

struct Vault {
        char dir[VAULT_DIR_MAX];
        unsigned char keys[VAULT_KEYS_MAX + 1][KEY_BYTES]; /* index = key id */
        int have[VAULT_KEYS_MAX + 1];
        unsigned current;
        unsigned char index_key[crypto_generichash_KEYBYTES];
};

static int read_key(const char *path, unsigned char *out, size_t n) {
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
                return -errno;
        struct stat st;
        int r = 0;
        if (fstat(fd, &st) < 0)
                r = -errno;
        else if (st.st_mode & 077)
                r = -EACCES; /* a key others can read is no key */
        else if (st.st_size != (off_t)n || read(fd, out, n) != (ssize_t)n)
                r = -EINVAL;
        close(fd);
        return r;
}

static int write_key(const char *path, size_t n) {
        unsigned char k[64];
        randombytes_buf(k, n);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
                return -errno;
        int r = write(fd, k, n) == (ssize_t)n && fsync(fd) == 0 ? 0 : -EIO;
        close(fd);
        sodium_memzero(k, sizeof(k));
        return r;
}

static int load_dir(Vault *v) {
        DIR *d = opendir(v->dir);
        if (!d)
                return -errno;
        struct dirent *e;
        char path[VAULT_DIR_MAX + 320];
        int r = 0;
        while (r == 0 && (e = readdir(d))) {
                unsigned id;
                char tail[8];
                if (sscanf(e->d_name, "data-%u.%7s", &id, tail) != 2 || strcmp(tail, "key") != 0)
                        continue;
                if (id == 0 || id > VAULT_KEYS_MAX) {
                        r = -E2BIG;
                        break;
                }
                snprintf(path, sizeof(path), "%s/%s", v->dir, e->d_name);
                r = read_key(path, v->keys[id], KEY_BYTES);
                if (r == 0) {
                        v->have[id] = 1;
                        if (id > v->current)
                                v->current = id;
                }
        }
        closedir(d);
        if (r == 0 && !v->current)
                r = -ENOENT;
        if (r == 0) {
                snprintf(path, sizeof(path), "%s/index.key", v->dir);
                r = read_key(path, v->index_key, sizeof(v->index_key));
        }
        return r;
}

static int create_dir(const char *dir) {
        if (mkdir(dir, 0700) < 0 && errno != EEXIST)
                return -errno;
        char path[VAULT_DIR_MAX + 320];
        snprintf(path, sizeof(path), "%s/index.key", dir);
        if (access(path, F_OK) == 0)
                return 0;
        int r = write_key(path, crypto_generichash_KEYBYTES);
        snprintf(path, sizeof(path), "%s/data-1.key", dir);
        if (r == 0)
                r = write_key(path, KEY_BYTES);
        return r;
}

int vault_open(const char *dir, int create, Vault **ret) {
        if (!dir || !*dir || strlen(dir) >= VAULT_DIR_MAX)
                return -EINVAL;
        if (create) {
                int r = create_dir(dir);
                if (r < 0)
                        return r;
        }
        Vault *v = sodium_malloc(sizeof(*v));
        if (!v)
                return -ENOMEM;
        memset(v, 0, sizeof(*v));
        snprintf(v->dir, sizeof(v->dir), "%s", dir); /* length checked above */
        int r = load_dir(v);
        if (r < 0) {
                vault_free(v);
                return r;
        }
        *ret = v;
        return 0;
}

void vault_free(Vault *v) {
        if (v)
                sodium_free(v); /* zeroes the keys */
}

unsigned vault_current_key(const Vault *v) { return v->current; }

int vault_add_key(Vault *v) {
        unsigned id = v->current + 1;
        if (id > VAULT_KEYS_MAX)
                return -E2BIG;
        char path[VAULT_DIR_MAX + 320];
        snprintf(path, sizeof(path), "%s/data-%u.key", v->dir, id);
        int r = write_key(path, KEY_BYTES);
        if (r == 0)
                r = read_key(path, v->keys[id], KEY_BYTES);
        if (r == 0) {
                v->have[id] = 1;
                v->current = id;
        }
        return r;
}

int vault_key_of(const char *ct) {
        unsigned id;
        int used = 0;
        if (!ct || sscanf(ct, "v1.%u.%n", &id, &used) != 1 || used == 0 || id == 0 || id > VAULT_KEYS_MAX)
                return -EINVAL;
        return (int)id;
}

int vault_encrypt(const Vault *v, Arena *a, const char *plain, const char **ret) {
        size_t n = plain ? strlen(plain) : 0;
        if (!plain || n > VAULT_PLAIN_MAX)
                return plain ? -E2BIG : -EINVAL;
        size_t raw_len = NONCE_BYTES + n + TAG_BYTES;
        unsigned char *raw = arena_alloc(a, raw_len);
        size_t b64_len = sodium_base64_ENCODED_LEN(raw_len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        char *out = arena_alloc(a, b64_len + 16);
        if (!raw || !out)
                return -ENOMEM;
        char ad[16];
        int adn = snprintf(ad, sizeof(ad), "v1.%u", v->current);
        randombytes_buf(raw, NONCE_BYTES);
        crypto_aead_xchacha20poly1305_ietf_encrypt(raw + NONCE_BYTES, NULL, (const unsigned char *)plain, n,
                                                   (const unsigned char *)ad, (unsigned long long)adn, NULL, raw,
                                                   v->keys[v->current]);
        int pre = snprintf(out, 16, "%s.", ad);
        sodium_bin2base64(out + pre, b64_len, raw, raw_len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        *ret = out;
        return 0;
}

int vault_decrypt(const Vault *v, Arena *a, const char *ct, const char **ret) {
        int id = vault_key_of(ct);
        if (id < 0)
                return -EBADMSG;
        if (!v->have[id])
                return -ENOKEY;
        const char *b64 = strchr(ct + 3, '.') + 1;
        size_t b64_len = strlen(b64);
        if (b64_len > VAULT_PLAIN_MAX * 2)
                return -E2BIG;
        unsigned char *raw = arena_alloc(a, b64_len);
        size_t raw_len;
        if (!raw)
                return -ENOMEM;
        if (sodium_base642bin(raw, b64_len, b64, b64_len, NULL, &raw_len, NULL,
                              sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
            raw_len < NONCE_BYTES + TAG_BYTES)
                return -EBADMSG;
        char *out = arena_alloc(a, raw_len - NONCE_BYTES - TAG_BYTES + 1);
        if (!out)
                return -ENOMEM;
        unsigned long long n;
        size_t adn = (size_t)(b64 - ct - 1);
        if (crypto_aead_xchacha20poly1305_ietf_decrypt((unsigned char *)out, &n, NULL, raw + NONCE_BYTES,
                                                       raw_len - NONCE_BYTES, (const unsigned char *)ct, adn, raw,
                                                       v->keys[id]) != 0)
                return -EBADMSG;
        out[n] = '\0';
        if (strlen(out) != n)
                return -EBADMSG; /* embedded NUL: not something we wrote */
        *ret = out;
        return 0;
}

void vault_blind_index(const Vault *v, const char *value, char out[AUTH_HASH_HEXLEN]) {
        unsigned char h[32];
        crypto_generichash(h, sizeof(h), (const unsigned char *)value, strlen(value), v->index_key,
                           sizeof(v->index_key));
        sodium_bin2hex(out, AUTH_HASH_HEXLEN, h, sizeof(h));
}
