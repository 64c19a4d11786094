/* techdiv serve [--listen ADDR] [--db URL] ... */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/log.h"
#include "core/paths.h"
#include "domain/adcheck/adcheck.h"
#include "domain/anonymize/anonymize.h"
#include "domain/iap/tools.h"
#include "domain/skills/skills.h"
#include "web/web.h"

#define SERVE_THREADS_MAX 64

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv serve [--listen ADDR:PORT] [--db URL] [OPTIONS]"));
        fprintf(out, "%s\n\n", _("Serves the platform over HTTP; migrates the schema on start; stops cleanly on SIGTERM or SIGINT."));
        fprintf(out, "  --listen ADDR:PORT %s\n", _("address to listen on (default: 127.0.0.1:8080)"));
        fprintf(out, "  --db URL           %s\n", _("sqlite:PATH or postgresql://... (default: $TECHDIV_DB, else sqlite:var/techdiv.db)"));
        fprintf(out, "  --threads N        %s\n", _("worker threads (default: 4)"));
        fprintf(out, "  --max-connections N %s\n", _("connections served at once (default: 512)"));
        fprintf(out, "  --timeout S        %s\n", _("idle connection timeout in seconds (default: 30)"));
        fprintf(out, "  --trust-proxy      %s\n", _("honour X-Forwarded-Proto from a reverse proxy"));
        fprintf(out, "  --quiet            %s\n", _("no access log"));
        fprintf(out, "  --public-url URL   %s\n", _("the address people use, for links in feeds and job data (default: http://ADDR:PORT)"));
        fprintf(out, "  --data-dir DIR     %s\n", _("where the shipped data files are (default: built-in)"));
        fprintf(out, "  --keys-dir DIR     %s\n", _("where the encryption keys are (default: $TECHDIV_KEYS, else keys/ beside the SQLite file, else var/keys)"));
        fprintf(out, "  --session-idle S   %s\n", _("sign out after S seconds without a request (default: 1800)"));
        fprintf(out, "  --session-max S    %s\n", _("sign out S seconds after signing in (default: 43200)"));
        fprintf(out, "  --help             %s\n", _("show this help"));
}

typedef struct ServeOpts {
        const char *listen, *db, *keys, *public_url;
        unsigned idle, max_age;
        unsigned threads, max_conn, timeout;
        int quiet, trust_proxy;
} ServeOpts;

static int parse_uint(const char *s, unsigned min, unsigned max, unsigned *ret) {
        char *end;
        unsigned long v = strtoul(s, &end, 10);
        if (!*s || *end || v < min || v > max)
                return -1;
        *ret = (unsigned)v;
        return 0;
}

static int parse_opts(int argc, char **argv, ServeOpts *o) {
        static const struct option opts[] = {
                { "listen", required_argument, NULL, 'l' },   { "db", required_argument, NULL, 'd' },
                { "threads", required_argument, NULL, 't' },  { "max-connections", required_argument, NULL, 'm' },
                { "timeout", required_argument, NULL, 'T' },  { "quiet", no_argument, NULL, 'q' },
                { "trust-proxy", no_argument, NULL, 'p' },    { "data-dir", required_argument, NULL, 'A' },
                { "help", no_argument, NULL, 'h' },           { "keys-dir", required_argument, NULL, 'K' },
                { "session-idle", required_argument, NULL, 'I' }, { "session-max", required_argument, NULL, 'M' },
                { "public-url", required_argument, NULL, 'U' },
                { 0 },
        };
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                int bad = 0;
                switch (c) {
                case 'l': o->listen = optarg; break;
                case 'd': o->db = optarg; break;
                case 't': bad = parse_uint(optarg, 1, SERVE_THREADS_MAX, &o->threads); break;
                case 'm': bad = parse_uint(optarg, 1, 100000, &o->max_conn); break;
                case 'T': bad = parse_uint(optarg, 1, 3600, &o->timeout); break;
                case 'q': o->quiet = 1; break;
                case 'p': o->trust_proxy = 1; break;
                case 'A': paths_set_datadir(optarg); break;
                case 'K': o->keys = optarg; break;
                case 'U':
                        bad = strncmp(optarg, "http://", 7) != 0 && strncmp(optarg, "https://", 8) != 0;
                        o->public_url = optarg;
                        break;
                case 'I': bad = parse_uint(optarg, 1, 7 * 86400, &o->idle); break;
                case 'M': bad = parse_uint(optarg, 1, 30 * 86400, &o->max_age); break;
                case 'h': usage(stdout); return 1;
                default: bad = 1;
                }
                if (bad) {
                        usage(stderr);
                        return -1;
                }
        }
        return optind < argc ? -1 : 0;
}

/* Read-only data every request shares: ESCO index, ad-checker word lists,
 * anonymiser lists, URBACT tool definitions. */
static int load_shared(App *app, Store *s) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        if (skills_load(s, &app->esco) < 0) {
                fprintf(stderr, "%s\n", _("techdiv: the ESCO skills could not be loaded from the database"));
                return -1;
        }
        if (adcheck_engine_load(paths_datadir(), &app->adcheck) < 0) {
                fprintf(stderr, "%s\n", _("techdiv: the job-ad checker's word lists could not be loaded"));
                return -1;
        }
        int aerr = 0;
        if (!(app->anon = anon_engine_new(paths_datadir(), &aerr))) {
                fprintf(stderr, "%s\n", _("techdiv: the anonymiser's word lists could not be loaded"));
                return -1;
        }
        IapLoadError terr = { 0 };
        if (iap_tools_load(NULL, &app->tools, &terr) < 0) {
                fprintf(stderr, _("techdiv: the URBACT tool definitions could not be loaded (%s: %s %s)\n"), terr.file,
                        terr.field, terr.msgid ? _(terr.msgid) : "");
                return -1;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        log_info("esco loaded", "skills=%zu occupations=%zu ms=%ld", esco_index_skill_count(app->esco),
                 esco_index_occupation_count(app->esco),
                 (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000));
        return 0;
}

static void free_shared(App *app) {
        esco_index_free(app->esco);
        adcheck_engine_free(app->adcheck);
        iap_tools_free(app->tools);
        anon_engine_free(app->anon);
}

static int serve(ServeOpts *o, Store *s, Vault *v) {
        App app = { .store = s, .vault = v, .session_idle = o->idle, .session_max = o->max_age,
                    .base_url = o->public_url };
        if (load_shared(&app, s) < 0) {
                free_shared(&app);
                return CLI_FAIL;
        }
        HttpServerConfig cfg = {
                .listen = o->listen,
                .threads = o->threads,
                .max_connections = o->max_conn,
                .timeout_s = o->timeout,
                .access_log = !o->quiet,
                .trust_proxy = o->trust_proxy,
                .routes = web_routes,
                .nroutes = web_nroutes,
                .app = &app,
                .render_error = web_render_error,
                .before = web_before,
        };
        /* Block the stop signals in every thread; the main thread waits. */
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGINT);
        pthread_sigmask(SIG_BLOCK, &set, NULL);
        signal(SIGPIPE, SIG_IGN);
        if (http_server_start(&cfg, &app.server) < 0) {
                fprintf(stderr, _("techdiv: cannot listen on %s\n"), o->listen);
                free_shared(&app);
                return CLI_FAIL;
        }
        log_info("listening", "addr=%s db=%s", o->listen, store_backend(s));
        int sig = 0;
        sigwait(&set, &sig);
        log_info("stopping", "signal=%d", sig);
        http_server_stop(app.server);
        free_shared(&app);
        return CLI_OK;
}

int cmd_serve(int argc, char **argv) {
        ServeOpts o = { .listen = "127.0.0.1:8080", .threads = 4, .max_conn = 512, .timeout = 30,
                        .idle = SESSION_IDLE_DEFAULT, .max_age = SESSION_ABSOLUTE_DEFAULT };
        int r = parse_opts(argc, argv, &o);
        if (r != 0)
                return r > 0 ? CLI_OK : CLI_USAGE;
        char url[300];
        if (!o.public_url) {
                snprintf(url, sizeof(url), "http://%s%s", o.listen[0] == ':' ? "localhost" : "", o.listen);
                o.public_url = url;
        }
        if (web_static_init() < 0)
                return CLI_FAIL;
        Store *s;
        if (cli_open_store(cli_db_url(o.db), o.threads + 1, 1, &s) < 0)
                return CLI_FAIL;
        Vault *v;
        if (cli_open_vault(o.keys, cli_db_url(o.db), 1, &v) < 0) {
                store_close(s);
                return CLI_FAIL;
        }
        int rc = cli_migrate(s) < 0 ? CLI_FAIL : serve(&o, s, v);
        store_close(s);
        vault_free(v);
        if (rc == CLI_OK)
                log_info("stopped", "%s", "clean=1");
        return rc;
}
