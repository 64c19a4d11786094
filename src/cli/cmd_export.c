/* techdiv export calendar [--city SLUG] -o FILE.ics */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/network/calendar.h"

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv export calendar [--city SLUG] -o FILE.ics [--db URL]"));
        fprintf(out, "%s\n\n", _("Writes the network calendar, or one city's with the network's events, as iCalendar."));
        fprintf(out, "  --city SLUG     %s\n", _("only this city's events and the network's (e.g. idrija)"));
        fprintf(out, "  -o FILE         %s\n", _("file to write ('-' for standard output)"));
        fprintf(out, "  --db URL        %s\n", _("sqlite:PATH or postgresql://... (default: $TECHDIV_DB, else sqlite:var/techdiv.db)"));
        fprintf(out, "  --help          %s\n", _("show this help"));
}

int cli_write_output(const char *path, const StrBuf *b) {
        FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
        if (!f) {
                fprintf(stderr, _("techdiv: cannot write %s\n"), path);
                return CLI_FAIL;
        }
        int ok = fwrite(strbuf_str(b), 1, b->len, f) == b->len;
        if (f != stdout)
                ok &= fclose(f) == 0;
        else
                ok &= fflush(f) == 0;
        if (!ok) {
                fprintf(stderr, _("techdiv: cannot write %s\n"), path);
                return CLI_FAIL;
        }
        return CLI_OK;
}

static int export_calendar(const char *db, const char *slug, const char *out) {
        Store *s;
        if (cli_open_store(cli_db_url(db), 1, 0, &s) < 0)
                return CLI_FAIL;
        Arena *a = arena_new();
        City *cities, one;
        CalEvent *ev;
        size_t n, nev;
        StrBuf b = STRBUF_INIT;
        int r = store_city_list(s, a, &cities, &n);
        if (r == 0 && slug && (r = store_city_get(s, a, slug, &one)) == -ENOENT)
                fprintf(stderr, _("techdiv: no city with the slug '%s'\n"), slug);
        if (r == 0)
                r = store_event_list(s, a, slug, &ev, &nev);
        if (r == 0)
                r = calendar_ics(ev, nev, cities, n, slug ? arena_printf(a, "TechDiversity — %s", one.name) : "TechDiversity",
                                 cli_lang(), 0, &b);
        int rc = r == 0 ? cli_write_output(out, &b) : CLI_FAIL;
        if (r < 0 && r != -ENOENT)
                fprintf(stderr, "%s\n", _("techdiv: the calendar could not be exported"));
        strbuf_free(&b);
        arena_free(a);
        store_close(s);
        return rc;
}

int cmd_export(int argc, char **argv) {
        static const struct option opts[] = {
                { "city", required_argument, NULL, 'c' }, { "output", required_argument, NULL, 'o' },
                { "db", required_argument, NULL, 'd' },   { "help", no_argument, NULL, 'h' },
                { 0 },
        };
        const char *db = NULL, *slug = NULL, *out = NULL;
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
                switch (c) {
                case 'c': slug = optarg; break;
                case 'o': out = optarg; break;
                case 'd': db = optarg; break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        if (argc - optind != 1 || strcmp(argv[optind], "calendar") != 0 || !out) {
                usage(stderr);
                return CLI_USAGE;
        }
        return export_calendar(db, slug, out);
}
