/* techdiv: one binary, one subcommand per file in src/cli/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "config.h"
#include "core/embed.h"
#include "core/i18n.h"

extern const EmbeddedFile td_catalogues[];

static int cmd_help(int argc, char **argv);

static const CliCommand commands[] = {
        /* one line per subcommand, kept in this order in --help */
        { "serve", N_("Serve the web platform over HTTP"), cmd_serve },
        { "init", N_("Create or migrate a database; --demo loads the demo network"), cmd_init },
        { "import", N_("Import ESCO (import esco DIR) or candidate profiles (import candidates FILE.jsonl)"), cmd_import },
        { "export", N_("Export the calendar (iCalendar), a city's action plan or the quarterly report"), cmd_export },
        { "check-ad", N_("Check a job ad for excluding wording and EU rules"), cmd_check_ad },
        { "anonymize", N_("Remove personal data from a CV (blind pairing)"), cmd_anonymize },
        { "user", N_("Add an account: user add --email E --role R [--org O | --city C]"), cmd_user },
        { "org", N_("Add an organisation: org add --slug S --name N --kind employer|ngo"), cmd_org },
        { "token", N_("Create or revoke an API token: token create --user EMAIL [--role R]"), cmd_token },
        { "mail", N_("Deliver the mail outbox (SMTP, or print it)"), cmd_mail },
        { "keys", N_("Rotate the encryption key: keys rotate"), cmd_keys },
        { "maintenance", N_("Enforce the retention periods"), cmd_maintenance },
        { "routes", N_("List every URL and who may use it"), cmd_routes },
        { "help", N_("Show this help"), cmd_help },
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

Lang cli_lang(void) {
        static int done;
        static Lang lang = LANG_EN;
        if (done)
                return lang;
        const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
        for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
                const char *v = getenv(vars[i]);
                if (v && *v && lang_parse(v, &lang) == 0)
                        break;
                lang = LANG_EN;
        }
        done = 1;
        return lang;
}

static void register_catalogues(void) {
        for (const EmbeddedFile *f = td_catalogues; f->name; f++) {
                Lang l;
                if (lang_parse(f->name, &l) == 0)
                        (void)i18n_register(l, f->data, f->len);
        }
}

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv COMMAND [OPTIONS]"));
        fprintf(out, "%s\n", _("Commands:"));
        for (size_t i = 0; i < N_COMMANDS; i++)
                fprintf(out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
        fprintf(out, "\n%s\n", _("Run 'techdiv COMMAND --help' for the options of a command."));
}

static int cmd_help(int argc, char **argv) {
        usage(stdout);
        return CLI_OK;
}

int main(int argc, char **argv) {
        register_catalogues();
        if (argc < 2) {
                usage(stderr);
                return CLI_USAGE;
        }
        if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
                usage(stdout);
                return CLI_OK;
        }
        if (strcmp(argv[1], "--version") == 0) {
                printf("techdiv %s\n", TECHDIV_VERSION);
                return CLI_OK;
        }
        for (size_t i = 0; i < N_COMMANDS; i++)
                if (strcmp(argv[1], commands[i].name) == 0)
                        return commands[i].run(argc - 1, argv + 1);
        fprintf(stderr, _("techdiv: unknown command '%s'\n"), argv[1]);
        usage(stderr);
        return CLI_USAGE;
}
