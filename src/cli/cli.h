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
int cmd_serve(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_check_ad(int argc, char **argv);
int cmd_anonymize(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_org(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_mail(int argc, char **argv);
int cmd_keys(int argc, char **argv);
int cmd_maintenance(int argc, char **argv);
int cmd_routes(int argc, char **argv);

/* Exit codes shared by all commands. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };



#include "core/i18n.h"

/* Language of command output: $LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG
 * (first supported), else English. */
Lang cli_lang(void);
#define _(s) i18n_gettext(cli_lang(), s)
#include <stdbool.h>

#include "core/strbuf.h"
#include "store/store.h"

#define CLI_DB_DEFAULT "sqlite:var/techdiv.db"

/* --db value, else $TECHDIV_DB, else CLI_DB_DEFAULT (static or argv). */
const char *cli_db_url(const char *opt);
/* Opens the store (creating the SQLite file's directory when asked) and
 * prints a translated error on failure. */
int cli_open_store(const char *url, unsigned pool, int create_dirs, Store **ret);
/* Migrates; returns the number of migrations applied or a negative errno
 * (after printing an error). */
int cli_migrate(Store *s);

/* Writes b to path ('-': standard output); prints an error on failure. */
int cli_write_output(const char *path, const StrBuf *b);

/* Imports an ESCO directory into the store at db (see skills_import). */
int cli_import_esco(const char *db, const char *dir, const char *lang, bool relations, int quiet);
#include "auth/auth.h"
/* Key directory: --keys-dir, else $TECHDIV_KEYS, else the keys/ folder
 * beside an SQLite file, else var/keys (static, argv or env). */
const char *cli_keys_dir(const char *opt, const char *db_url);
/* Initialises libsodium, opens (with create: makes) the key directory and
 * loads the common-password list; prints a translated error on failure. */
int cli_open_vault(const char *opt, const char *db_url, int create, Vault **ret);
/* The store (--db value db) and its existing key vault (--keys-dir value
 * keys), for commands that read or write encrypted data. On failure an
 * error is printed and nothing stays open; on success both are the
 * caller's (cli_close_store_vault). */
int cli_open_store_vault(const char *db, const char *keys, Store **ret_store, Vault **ret_vault);
void cli_close_store_vault(Store *s, Vault *v);

#endif
