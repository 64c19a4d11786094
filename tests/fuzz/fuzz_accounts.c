/* Fuzz target for the account parsers: vault ciphertext, e-mail
 * normalisation and the password rules. libFuzzer entry point, plus a
 * standalone driver (without -DFUZZ_LIBFUZZER) that runs the files given
 * on the command line, so gcc builds can replay a corpus. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "domain/accounts/accounts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static Vault *vault;
static char dir[] = "/tmp/td-fuzz-XXXXXX";

static void setup(void) {
        char keys[64];
        if (vault || auth_init() < 0 || !mkdtemp(dir))
                return;
        snprintf(keys, sizeof(keys), "%s/keys", dir);
        (void)vault_open(keys, 1, &vault);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        setup();
        char *s = malloc(size + 1);
        if (!s)
                return 0;
        memcpy(s, data, size);
        s[size] = '\0';
        char email[EMAIL_MAX + 1];
        if (email_normalize(s, email) == 0 && (strlen(email) > EMAIL_MAX || !strchr(email, '@')))
                abort();
        const char *msg = NULL;
        if (pwpolicy_check(s, NULL, &msg) < 0 && !msg)
                abort();
        Arena *a = arena_new();
        const char *pt, *ct;
        if (a && vault) {
                (void)vault_decrypt(vault, a, s, &pt);
                if (vault_encrypt(vault, a, s, &ct) == 0 && (vault_decrypt(vault, a, ct, &pt) != 0 || strcmp(pt, s) != 0))
                        abort(); /* every text round-trips */
        }
        arena_free(a);
        free(s);
        return 0;
}

#ifndef FUZZ_LIBFUZZER
int main(int argc, char **argv) {
        for (int i = 1; i < argc; i++) {
                FILE *f = fopen(argv[i], "rb");
                if (!f)
                        return 1;
                static uint8_t buf[1 << 20];
                size_t n = fread(buf, 1, sizeof(buf), f);
                fclose(f);
                LLVMFuzzerTestOneInput(buf, n);
        }
        printf("ok 1 - fuzz_accounts replayed %d inputs\n1..1\n", argc - 1);
        vault_free(vault);
        char cmd[64];
        snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
        return strchr(dir, 'X') ? 0 : system(cmd) == 0 ? 0 : 1;
}
#endif
