/* Subcommands of `techdiv`. Each lives in its own file src/cli/cmd_NAME.c
 * and returns a process exit status (0 ok, 1 failure, 2 usage error). */
#ifndef TD_CLI_CLI_H
#define TD_CLI_CLI_H

typedef struct CliCommand {
        const char *name;
        const char *summary; /* one line for `techdiv --help` (translated) */
        int (*run)(int argc, char **argv);
} CliCommand;

int cmd_serve(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_anonymize(int argc, char **argv);
int cmd_check_ad(int argc, char **argv);

/* Exit codes shared by all commands. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

#endif
