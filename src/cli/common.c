/* Helpers shared by subcommands: database URL, opening the store. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

const char *cli_db_url(const char *opt) {
        if (opt && *opt)
                return opt;
        const char *env = getenv("TECHDIV_DB");
        return env && *env ? env : CLI_DB_DEFAULT;
}

/* mkdir -p for the directory part of path. */
static int mkdirs_for(const char *path) {
        char buf[STORE_URL_MAX];
        if (strlen(path) >= sizeof(buf))
                return -E2BIG;
        snprintf(buf, sizeof(buf), "%s", path);
        for (char *p = buf + 1; *p; p++) {
                if (*p != '/')
                        continue;
                *p = '\0';
                if (mkdir(buf, 0750) < 0 && errno != EEXIST)
                        return -errno;
                *p = '/';
        }
        return 0;
}

int cli_open_store(const char *url, unsigned pool, int create_dirs, Store **ret) {
        if (create_dirs && strncmp(url, "sqlite:", 7) == 0) {
                int r = mkdirs_for(url + 7);
                if (r < 0) {
                        fprintf(stderr, _("techdiv: cannot create the directory for %s: %s\n"), url + 7, strerror(-r));
                        return r;
                }
        }
        int r = store_open(url, pool, ret);
        if (r == -EINVAL)
                fprintf(stderr, "%s\n", _("techdiv: the database URL must be sqlite:PATH or postgresql://..."));
        else if (r < 0)
                fprintf(stderr, _("techdiv: cannot open the database %s\n"), strncmp(url, "sqlite:", 7) == 0 ? url : "(postgresql)");
        return r;
}

int cli_migrate(Store *s) {
        int applied = 0, r = store_migrate(s, &applied);
        if (r < 0) {
                fprintf(stderr, "%s\n", _("techdiv: the database schema could not be migrated"));
                return r;
        }
        return applied;
}

#include "core/paths.h"
#include "domain/accounts/accounts.h"

const char *cli_keys_dir(const char *opt, const char *db_url) {
        static char buf[STORE_URL_MAX];
        if (opt && *opt)
                return opt;
        const char *env = getenv("TECHDIV_KEYS");
        if (env && *env)
                return env;
        if (strncmp(db_url, "sqlite:", 7) == 0) {
                const char *slash = strrchr(db_url + 7, '/');
                if (!slash)
                        return "keys";
                snprintf(buf, sizeof(buf), "%.*s/keys", (int)(slash - db_url - 7), db_url + 7);
                return buf;
        }
        return "var/keys";
}

int cli_open_vault(const char *opt, const char *db_url, int create, Vault **ret) {
        const char *dir = cli_keys_dir(opt, db_url);
        if (auth_init() < 0) {
                fprintf(stderr, "%s\n", _("techdiv: the cryptography library could not start"));
                return -EIO;
        }
        if (create && strncmp(dir, "var/", 4) == 0)
                (void)mkdir("var", 0750);
        int r = vault_open(dir, create, ret);
        if (r < 0) {
                fprintf(stderr, _("techdiv: cannot use the key directory %s: %s\n"), dir, strerror(-r));
                return r;
        }
        char path[4096];
        snprintf(path, sizeof(path), "%s/auth/common-passwords.txt", paths_datadir());
        r = pwpolicy_load(path);
        if (r < 0) {
                fprintf(stderr, _("techdiv: cannot read %s: %s\n"), path, strerror(-r));
                vault_free(*ret);
        }
        return r;
}

int cli_open_store_vault(const char *db, const char *keys, Store **ret_store, Vault **ret_vault) {
        Store *s;
        int r = cli_open_store(cli_db_url(db), 1, 1, &s);
        if (r < 0)
                return r;
        r = cli_open_vault(keys, cli_db_url(db), 0, ret_vault);
        if (r < 0) {
                store_close(s);
                return r;
        }
        *ret_store = s;
        return 0;
}

void cli_close_store_vault(Store *s, Vault *v) {
        vault_free(v);
        store_close(s);
}
