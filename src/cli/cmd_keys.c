/* techdiv keys rotate: a new data key, and every ciphertext re-encrypted
 * under it in one transaction. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/accounts/service.h"

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv keys rotate [--db URL] [--keys-dir DIR]"));
        fprintf(out, "%s\n", _("Makes a new data key and re-encrypts all personal data under it. Keep the old key files until backups made before the rotation have expired."));
}

typedef struct Rewrap {
        Vault *v;
        Arena *a;
} Rewrap;

static int rewrap(void *ud, const char *ct, const char **ret) {
        Rewrap *w = ud;
        const char *plain;
        int r = vault_decrypt(w->v, w->a, ct, &plain);
        return r < 0 ? r : vault_encrypt(w->v, w->a, plain, ret);
}

static int rotate(Store *s, Vault *v) {
        int r = vault_add_key(v);
        if (r < 0)
                return r;
        Arena *a = arena_new();
        StoreConn *c;
        if (!a || (r = store_begin(s, &c)) < 0) {
                arena_free(a);
                return a ? r : -ENOMEM;
        }
        Rewrap w = { v, a };
        int64_t total = 0;
        for (int col = 0; col < VAULT_COLUMN_MAX && r == 0; col++) {
                int64_t n = 0;
                r = store_vault_rewrite(c, a, (VaultColumn)col, rewrap, &w, &n);
                total += n;
        }
        if (r == 0)
                r = store_audit_add(c, acct_now(), 0, 0, "keys.rotated", "");
        r = store_end(c, r);
        arena_free(a);
        if (r == 0)
                printf(_("Key %u is now current; %lld values re-encrypted.\n"), vault_current_key(v), (long long)total);
        return r;
}

int cmd_keys(int argc, char **argv) {
        static const struct option opts[] = {
                { "db", required_argument, NULL, 'd' }, { "keys-dir", required_argument, NULL, 'K' },
                { "help", no_argument, NULL, 'h' },     { 0 },
        };
        const char *db = NULL, *keys = NULL;
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                switch (c) {
                case 'd': db = optarg; break;
                case 'K': keys = optarg; break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        if (optind != argc - 1 || strcmp(argv[optind], "rotate") != 0) {
                usage(stderr);
                return CLI_USAGE;
        }
        Store *s;
        Vault *v;
        if (cli_open_store_vault(db, keys, &s, &v) < 0)
                return CLI_FAIL;
        int r = rotate(s, v);
        if (r < 0)
                fprintf(stderr, _("techdiv: key rotation failed, nothing was changed: %s\n"), strerror(-r));
        cli_close_store_vault(s, v);
        return r < 0 ? CLI_FAIL : CLI_OK;
}
