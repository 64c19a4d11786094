/* techdiv org add --slug SLUG --name NAME --kind employer|ngo */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/accounts/service.h"

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv org add --slug SLUG --name NAME --kind employer|ngo [--db URL]"));
        fprintf(out, "%s\n", _("Creates or renames an organisation: an employer or a partner organisation (ngo)."));
}

static int valid_slug(const char *s) {
        if (!s || !*s || strlen(s) > 64)
                return 0;
        for (; *s; s++)
                if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
                        return 0;
        return 1;
}

int cmd_org(int argc, char **argv) {
        static const struct option opts[] = {
                { "slug", required_argument, NULL, 's' }, { "name", required_argument, NULL, 'n' },
                { "kind", required_argument, NULL, 'k' }, { "db", required_argument, NULL, 'd' },
                { "help", no_argument, NULL, 'h' },       { 0 },
        };
        const char *slug = NULL, *name = NULL, *kind = NULL, *db = NULL;
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                switch (c) {
                case 's': slug = optarg; break;
                case 'n': name = optarg; break;
                case 'k': kind = optarg; break;
                case 'd': db = optarg; break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        if (optind != argc - 1 || strcmp(argv[optind], "add") != 0 || !valid_slug(slug) || !name || !*name ||
            !kind || (strcmp(kind, "employer") != 0 && strcmp(kind, "ngo") != 0)) {
                usage(stderr);
                return CLI_USAGE;
        }
        Store *s;
        if (cli_open_store(cli_db_url(db), 1, 1, &s) < 0)
                return CLI_FAIL;
        AcctCtx x = { s, NULL };
        int r = cli_migrate(s) < 0 ? -EIO : acct_org_save(&x, slug, name, kind, 0);
        store_close(s);
        if (r < 0) {
                fprintf(stderr, "%s\n", _("techdiv: the organisation could not be saved"));
                return CLI_FAIL;
        }
        printf(_("Organisation %s saved.\n"), slug);
        return CLI_OK;
}
