/* Subcommands of `techdiv`. Each lives in its own file src/cli/cmd_NAME.c
 * and returns a process exit status (0 ok, 1 failure, 2 usage error). */
#ifndef TD_CLI_CLI_H
#define TD_CLI_CLI_H

typedef struct CliCommand {
        const char *name;
        const char *summary; /* one line for `techdiv --help` (translated) */
        int (*run)(int argc, char **argv);
} CliCommand;

/* one declaration per subcommand */
int cmd_anonymize(int argc, char **argv);

/* Exit codes shared by all commands. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };



#include "core/i18n.h"

/* Language of command output: $LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG
 * (first supported), else English. */
Lang cli_lang(void);
#define _(s) i18n_gettext(cli_lang(), s)
#endif
