/* techdiv import esco DIR [--lang L] [--labels-only] [--db URL] */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/skills/skills.h"

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv import esco DIR [--lang LANG] [--labels-only] [--db URL]"));
        fprintf(out, "%s\n\n", _("Loads the ESCO classification from its CSV export (or the shipped copy) into the database. Importing again updates in place."));
        fprintf(out, "  --lang LANG     %s\n", _("language of the files to read, e.g. en or pl (default: en)"));
        fprintf(out, "  --labels-only   %s\n", _("read labels only: for a language pack added after English"));
        fprintf(out, "  --db URL        %s\n", _("sqlite:PATH or postgresql://... (default: $TECHDIV_DB, else sqlite:var/techdiv.db)"));
        fprintf(out, "  --help          %s\n", _("show this help"));
}

/* A progress bar on a terminal; nothing when output is redirected. */
static void progress(void *ud, const char *file, size_t done, size_t total) {
        (void)ud;
        if (!isatty(STDERR_FILENO) || total == 0)
                return;
        int pct = (int)(done * 100 / total), bar = pct / 5;
        const char *base = strrchr(file, '/');
        fprintf(stderr, "\r[%.*s%*s] %3d%% %-40.40s", bar, "####################", 20 - bar, "", pct,
                base ? base + 1 : file);
        if (done >= total)
                fputc('\n', stderr);
}

int cli_import_esco(const char *db, const char *dir, const char *lang, bool relations, int quiet) {
        Store *s;
        if (cli_open_store(cli_db_url(db), 1, 1, &s) < 0)
                return CLI_FAIL;
        if (cli_migrate(s) < 0) {
                store_close(s);
                return CLI_FAIL;
        }
        EscoError err = { 0 };
        SkillsImportCounts n = { 0 };
        int r = skills_import(s, dir, lang, relations, quiet ? NULL : progress, NULL, &err, &n);
        store_close(s);
        if (r < 0) {
                if (err.line)
                        fprintf(stderr, _("techdiv: %s, line %lu: %s %s\n"), err.file, err.line,
                                err.msgid ? _(err.msgid) : "", err.detail);
                else
                        fprintf(stderr, _("techdiv: cannot import ESCO from %s: %s %s\n"), err.file[0] ? err.file : dir,
                                err.msgid ? _(err.msgid) : "", err.detail);
                fprintf(stderr, "%s\n", _("Nothing was stored."));
                return CLI_FAIL;
        }
        if (!quiet)
                printf(_("ESCO imported: %zu concepts, %zu relations, %zu collection memberships.\n"), n.concepts,
                       n.relations, n.collection_members);
        return CLI_OK;
}

int cmd_import(int argc, char **argv) {
        static const struct option opts[] = {
                { "lang", required_argument, NULL, 'l' },    { "labels-only", no_argument, NULL, 'L' },
                { "db", required_argument, NULL, 'd' },      { "help", no_argument, NULL, 'h' },
                { 0 },
        };
        const char *db = NULL, *lang = "en";
        bool relations = true;
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                switch (c) {
                case 'l': lang = optarg; break;
                case 'L': relations = false; break;
                case 'd': db = optarg; break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        if (argc - optind != 2 || strcmp(argv[optind], "esco") != 0) {
                usage(stderr);
                return CLI_USAGE;
        }
        return cli_import_esco(db, argv[optind + 1], lang, relations, 0);
}
