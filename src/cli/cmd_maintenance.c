/* techdiv maintenance: enforces the retention periods. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "domain/accounts/service.h"

#define OUTBOX_DAYS_DEFAULT 30

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv maintenance [--outbox-days N] [--db URL]"));
        fprintf(out, "%s\n", _("Deletes expired sessions, used or expired reset links and invitations, stale sign-in counters and mail sent more than N days ago (default: 30)."));
}

int cmd_maintenance(int argc, char **argv) {
        static const struct option opts[] = {
                { "outbox-days", required_argument, NULL, 'o' }, { "db", required_argument, NULL, 'd' },
                { "help", no_argument, NULL, 'h' },              { 0 },
        };
        const char *db = NULL;
        long days = OUTBOX_DAYS_DEFAULT;
        char *end;
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                switch (c) {
                case 'o':
                        days = strtol(optarg, &end, 10);
                        if (*end || days < 0 || days > 36500) {
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
        StoreConn *conn;
        int64_t n = 0, now = acct_now();
        int r = cli_migrate(s) < 0 ? -EIO : store_begin(s, &conn);
        if (r == 0) {
                r = store_purge(conn, now, now - (int64_t)days * 86400, &n);
                if (r < 0)
                        store_rollback(conn);
                else
                        r = store_commit(conn);
        }
        store_close(s);
        if (r < 0) {
                fprintf(stderr, "%s\n", _("techdiv: maintenance failed, nothing was changed"));
                return CLI_FAIL;
        }
        printf(_("Retention enforced: %lld expired rows deleted.\n"), (long long)n);
        return CLI_OK;
}
