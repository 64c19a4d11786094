/* techdiv maintenance: enforces the retention periods. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "domain/accounts/service.h"

#define OUTBOX_DAYS_DEFAULT 30

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv maintenance [--outbox-days N] [--inactive-days N] [--db URL]"));
        fprintf(out, "%s\n", _("Deletes expired sessions, used or expired reset links and invitations, stale sign-in counters and mail sent more than N days ago (default: 30)."));
        fprintf(out, "  --inactive-days N  %s\n", _("also erase accounts nobody signed into for N days, administrators excepted (default: 0, off)"));
}

static int parse_days(const char *s, long *ret) {
        char *end;
        long v = strtol(s, &end, 10);
        if (!*s || *end || v < 0 || v > 36500)
                return -1;
        *ret = v;
        return 0;
}

static int purge(Store *s, long outbox_days, long inactive_days, int64_t *ret_rows, int64_t *ret_accounts) {
        StoreConn *conn;
        int64_t now = acct_now();
        int r = store_begin(s, &conn);
        if (r < 0)
                return r;
        r = store_purge(conn, now, now - (int64_t)outbox_days * 86400, ret_rows);
        if (r < 0) {
                store_rollback(conn);
                return r;
        }
        if ((r = store_commit(conn)) < 0 || inactive_days == 0)
                return r;
        Arena *a = arena_new();
        AcctCtx x = { s, NULL }; /* erasure decrypts nothing */
        r = a ? acct_erase_inactive(&x, a, inactive_days, ret_accounts) : -ENOMEM;
        arena_free(a);
        return r;
}

int cmd_maintenance(int argc, char **argv) {
        static const struct option opts[] = {
                { "outbox-days", required_argument, NULL, 'o' }, { "db", required_argument, NULL, 'd' },
                { "inactive-days", required_argument, NULL, 'i' },
                { "help", no_argument, NULL, 'h' },              { 0 },
        };
        const char *db = NULL;
        long days = OUTBOX_DAYS_DEFAULT, inactive = 0;
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                switch (c) {
                case 'o':
                case 'i':
                        if (parse_days(optarg, c == 'o' ? &days : &inactive) < 0) {
                                usage(stderr);
                                return CLI_USAGE;
                        }
                        break;
                case 'd': db = optarg; break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        if (optind != argc) {
                usage(stderr);
                return CLI_USAGE;
        }
        Store *s;
        if (cli_open_store(cli_db_url(db), 1, 1, &s) < 0)
                return CLI_FAIL;
        int64_t n = 0, accounts = 0;
        int r = cli_migrate(s) < 0 ? -EIO : purge(s, days, inactive, &n, &accounts);
        store_close(s);
        if (r < 0) {
                fprintf(stderr, "%s\n", _("techdiv: maintenance failed, nothing was changed"));
                return CLI_FAIL;
        }
        printf(_("Retention enforced: %lld expired rows deleted.\n"), (long long)n);
        if (inactive)
                printf(_("Inactive accounts erased: %lld.\n"), (long long)accounts);
        return CLI_OK;
}
