/* techdiv user add --email E --role R [--org SLUG | --city SLUG] [--name N] [--password-stdin] */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/accounts/service.h"

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv user add --email EMAIL --role ROLE [--org SLUG | --city SLUG] [OPTIONS]"));
        fprintf(out, "%s\n\n", _("Creates an account with one role. Without --password-stdin a random password is made and printed once."));
        fprintf(out, "  --role ROLE       %s\n", "candidate, ngo, employer, city, network, admin");
        fprintf(out, "  --org SLUG        %s\n", _("the organisation of an employer or ngo account"));
        fprintf(out, "  --city SLUG       %s\n", _("the city of a city account"));
        fprintf(out, "  --name NAME       %s\n", _("the person's name (stored encrypted)"));
        fprintf(out, "  --password-stdin  %s\n", _("read the password from the first line of standard input"));
        fprintf(out, "  --db URL          %s\n", _("sqlite:PATH or postgresql://... (default: $TECHDIV_DB, else sqlite:var/techdiv.db)"));
        fprintf(out, "  --keys-dir DIR    %s\n", _("where the encryption keys are (default: $TECHDIV_KEYS, else keys/ beside the SQLite file, else var/keys)"));
}

static int read_password(char *buf, size_t n) {
        if (!fgets(buf, (int)n, stdin))
                return -1;
        buf[strcspn(buf, "\r\n")] = '\0';
        return 0;
}

static int add(NewUser *nu, const char *db, const char *keys, int pw_stdin) {
        char pw[PW_MAX_BYTES + 2], tok[AUTH_TOKEN_STRLEN];
        if (pw_stdin && read_password(pw, sizeof(pw)) < 0)
                return CLI_USAGE;
        Store *s;
        Vault *v;
        if (cli_open_store_vault(db, keys, &s, &v) < 0)
                return CLI_FAIL;
        if (cli_migrate(s) < 0) {
                cli_close_store_vault(s, v);
                return CLI_FAIL;
        }
        if (!pw_stdin) {
                auth_token_new(tok);
                snprintf(pw, sizeof(pw), "%.24s", tok);
        }
        nu->password = pw;
        Arena *a = arena_new();
        AcctCtx x = { s, v };
        const char *msgid = N_("Please fill in every required field.");
        int64_t id = 0;
        int r = a ? acct_create_user(&x, a, nu, 0, &id, &msgid) : -ENOMEM;
        if (r == 0) {
                printf(_("User %lld created with role %s.\n"), (long long)id, role_name(nu->role));
                if (!pw_stdin)
                        printf(_("Password (shown once): %s\n"), pw);
        } else if (r == -EEXIST) {
                fprintf(stderr, "%s\n", _("techdiv: an account with this e-mail address exists already"));
        } else {
                fprintf(stderr, "techdiv: %s\n", r == -EINVAL ? _(msgid) : strerror(-r));
        }
        arena_free(a);
        cli_close_store_vault(s, v);
        return r == 0 ? CLI_OK : CLI_FAIL;
}

int cmd_user(int argc, char **argv) {
        static const struct option opts[] = {
                { "email", required_argument, NULL, 'e' },  { "role", required_argument, NULL, 'r' },
                { "org", required_argument, NULL, 'o' },    { "city", required_argument, NULL, 'c' },
                { "name", required_argument, NULL, 'n' },   { "password-stdin", no_argument, NULL, 'p' },
                { "db", required_argument, NULL, 'd' },     { "keys-dir", required_argument, NULL, 'K' },
                { "help", no_argument, NULL, 'h' },         { 0 },
        };
        NewUser nu = { .lang = "en" };
        const char *db = NULL, *keys = NULL, *role = NULL;
        int pw_stdin = 0, c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                switch (c) {
                case 'e': nu.email = optarg; break;
                case 'r': role = optarg; break;
                case 'o': nu.org_slug = optarg; break;
                case 'c': nu.city_slug = optarg; break;
                case 'n': nu.name = optarg; break;
                case 'p': pw_stdin = 1; break;
                case 'd': db = optarg; break;
                case 'K': keys = optarg; break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        if (optind != argc - 1 || strcmp(argv[optind], "add") != 0 || !nu.email || role_parse(role, &nu.role) < 0) {
                usage(stderr);
                return CLI_USAGE;
        }
        return add(&nu, db, keys, pw_stdin);
}
