/* techdiv token create --user EMAIL [--role ROLE] | token revoke --user EMAIL --id N */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/accounts/service.h"

static void usage(FILE *out) {
        fprintf(out, "%s\n", _("Usage: techdiv token create --user EMAIL [--role ROLE] [--db URL] [--keys-dir DIR]"));
        fprintf(out, "%s\n\n", _("       techdiv token revoke --user EMAIL --id N [--db URL] [--keys-dir DIR]"));
        fprintf(out, "%s\n", _("Creates a bearer token for the JSON API (printed once; only its hash is stored), or revokes one."));
}

typedef struct TokOpts {
        const char *user, *role, *db, *keys;
        long long id;
} TokOpts;

static int find_user(AcctCtx *x, Arena *a, const char *email_in, int64_t *ret) {
        char email[EMAIL_MAX + 1], bidx[AUTH_HASH_HEXLEN];
        if (email_normalize(email_in, email) < 0)
                return -EINVAL;
        vault_blind_index(x->vault, email, bidx);
        UserRow u;
        int r = store_user_by_email_hash(x->store, a, bidx, &u);
        if (r == 0)
                *ret = u.id;
        return r;
}

static int run_token(int create, const TokOpts *o) {
        Store *s;
        Vault *v;
        if (cli_open_store_vault(o->db, o->keys, &s, &v) < 0)
                return CLI_FAIL;
        AcctCtx x = { s, v };
        Arena *a = arena_new();
        int64_t uid = 0, id = 0;
        const char *tok = NULL;
        int r = a ? find_user(&x, a, o->user, &uid) : -ENOMEM;
        if (r == 0 && create) {
                r = acct_token_create(&x, a, uid, o->role, &tok, &id);
                if (r == 0)
                        printf("%s\n", tok);
        } else if (r == 0) {
                StoreConn *c = NULL;
                r = store_begin(s, &c);
                if (r == 0) {
                        if ((r = store_token_revoke(c, o->id, uid, acct_now())) == 0)
                                r = store_audit_add(c, acct_now(), 0, uid, "token.revoked", "");
                        r = store_end(c, r);
                }
        }
        if (r < 0)
                fprintf(stderr, "%s\n", _("techdiv: no such user or token"));
        arena_free(a);
        cli_close_store_vault(s, v);
        return r < 0 ? CLI_FAIL : CLI_OK;
}

int cmd_token(int argc, char **argv) {
        static const struct option opts[] = {
                { "user", required_argument, NULL, 'u' }, { "role", required_argument, NULL, 'r' },
                { "id", required_argument, NULL, 'i' },   { "db", required_argument, NULL, 'd' },
                { "keys-dir", required_argument, NULL, 'K' }, { "help", no_argument, NULL, 'h' },
                { 0 },
        };
        TokOpts o = { 0 };
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                switch (c) {
                case 'u': o.user = optarg; break;
                case 'r': o.role = optarg; break;
                case 'i': o.id = atoll(optarg); break;
                case 'd': o.db = optarg; break;
                case 'K': o.keys = optarg; break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        Role role;
        int create = optind == argc - 1 && strcmp(argv[optind], "create") == 0;
        int revoke = optind == argc - 1 && strcmp(argv[optind], "revoke") == 0;
        if (!o.user || (!create && !revoke) || (revoke && o.id <= 0) || (o.role && role_parse(o.role, &role) < 0)) {
                usage(stderr);
                return CLI_USAGE;
        }
        return run_token(create, &o);
}
