/* techdiv init [--db URL] [--demo] */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/paths.h"
#include "domain/network/demo.h"
#include "domain/jobs/board.h"
#include "domain/workspace/workspace.h"

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv init [--db URL] [--demo] [--data-dir DIR] [--keys-dir DIR]"));
        fprintf(out, "%s\n\n", _("Creates the database or brings its schema up to date."));
        fprintf(out, "  --db URL        %s\n", _("sqlite:PATH or postgresql://... (default: $TECHDIV_DB, else sqlite:var/techdiv.db)"));
        fprintf(out, "  --demo          %s\n", _("load the demo network: eight partner cities and the 2024 calendar"));
        fprintf(out, "  --data-dir DIR  %s\n", _("where the shipped data files are (default: built-in)"));
        fprintf(out, "  --keys-dir DIR  %s\n", _("where the encryption keys are (default: $TECHDIV_KEYS, else keys/ beside the SQLite file, else var/keys)"));
        fprintf(out, "  --help          %s\n", _("show this help"));
}

/* The demo job postings go through the checker and the publishing rules
 * like any employer's. */
static int load_demo_jobs(Store *s) {
        AdcheckEngine *e;
        char path[4096];
        const char *err = NULL;
        int n = 0;
        if (adcheck_engine_load(paths_datadir(), &e) < 0) {
                fprintf(stderr, "%s\n", _("techdiv: the job-ad checker's word lists could not be loaded"));
                return -1;
        }
        snprintf(path, sizeof(path), "%s/demo/jobs.json", paths_datadir());
        int r = board_load_demo(s, e, path, (int64_t)time(NULL), &n, &err);
        adcheck_engine_free(e);
        if (r < 0) {
                fprintf(stderr, _("techdiv: the demo job postings could not be loaded: %s\n"), err ? _(err) : "");
                return -1;
        }
        printf(i18n_ngettext(cli_lang(), "Demo job postings loaded: %d.\n", "Demo job postings loaded: %d.\n",
                             (unsigned long)n), n);
        return 0;
}

int cmd_init(int argc, char **argv) {
        static const struct option opts[] = {
                { "db", required_argument, NULL, 'd' },      { "demo", no_argument, NULL, 'D' },
                { "data-dir", required_argument, NULL, 'A' }, { "help", no_argument, NULL, 'h' },
                { "keys-dir", required_argument, NULL, 'K' },
                { 0 },
        };
        const char *db = NULL, *keys = NULL;
        int demo = 0, c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                switch (c) {
                case 'd': db = optarg; break;
                case 'D': demo = 1; break;
                case 'A': paths_set_datadir(optarg); break;
                case 'K': keys = optarg; break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        if (optind < argc) {
                usage(stderr);
                return CLI_USAGE;
        }
        Store *s;
        if (cli_open_store(cli_db_url(db), 1, 1, &s) < 0)
                return CLI_FAIL;
        Vault *v;
        if (cli_open_vault(keys, cli_db_url(db), 1, &v) < 0) {
                store_close(s);
                return CLI_FAIL;
        }
        vault_free(v);
        int applied = cli_migrate(s);
        if (applied < 0) {
                store_close(s);
                return CLI_FAIL;
        }
        printf(i18n_ngettext(cli_lang(), "Database ready (%d migration applied).\n",
                             "Database ready (%d migrations applied).\n", (unsigned long)applied),
               applied);
        int rc = CLI_OK;
        if (demo) {
                char path[4096];
                snprintf(path, sizeof(path), "%s/demo/network.json", paths_datadir());
                int nc, ne;
                const char *err = NULL;
                if (network_load_demo(s, path, &nc, &ne, &err) < 0) {
                        fprintf(stderr, _("techdiv: cannot load the demo network from %s: %s\n"), path,
                                err ? _(err) : "");
                        rc = CLI_FAIL;
                } else {
                        printf(_("Demo network loaded: %d cities, %d calendar events.\n"), nc, ne);
                        snprintf(path, sizeof(path), "%s/esco", paths_datadir());
                        snprintf(path, sizeof(path), "%s/demo/plans", paths_datadir());
                        int nrec = 0;
                        const char *file = NULL, *field = NULL;
                        if (ws_import_demo(s, path, &nrec, &file, &field) < 0) {
                                fprintf(stderr, _("techdiv: the demo action plans could not be loaded (%s: %s)\n"),
                                        file ? file : path, field ? field : "");
                                rc = CLI_FAIL;
                        } else {
                                printf(_("Demo action plans loaded: %d records.\n"), nrec);
                        }
                        snprintf(path, sizeof(path), "%s/esco", paths_datadir());
                        if (load_demo_jobs(s) < 0)
                                rc = CLI_FAIL;
                        printf("%s\n", _("Loading the ESCO classification..."));
                        if (cli_import_esco(db, path, "en", true, 0) != CLI_OK)
                                rc = CLI_FAIL;
                }
        }
        store_close(s);
        return rc;
}
