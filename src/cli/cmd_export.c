/* techdiv export calendar|iap|report ... */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/iap/export.h"
#include "domain/network/calendar.h"
#include "domain/workspace/actions.h"
#include "domain/workspace/platform.h"
#include "domain/workspace/report.h"
#include "domain/workspace/workspace.h"
#include "render/doc_html.h"

static void usage(FILE *out) {
        fprintf(out, "%s\n", _("Usage: techdiv export calendar [--city SLUG] -o FILE.ics [--db URL]"));
        fprintf(out, "%s\n", _("       techdiv export iap --city SLUG --format pdf|docx|odt|xlsx|html [-o FILE] [--lang LANG]"));
        fprintf(out, "%s\n\n", _("       techdiv export report --quarter 2024Q2 --format pdf|html [-o FILE] [--lang LANG]"));
        fprintf(out, "%s\n\n", _("Writes the network calendar as iCalendar, a city's Integrated Action Plan, or the quarterly network report."));
        fprintf(out, "  --format FMT    %s\n", _("pdf, docx, odt, xlsx or html (iap); pdf or html (report)"));
        fprintf(out, "  --quarter Q     %s\n", _("the quarter of the report, e.g. 2024Q2"));
        fprintf(out, "  --lang LANG     %s\n", _("language of the document (default: the command's language)"));
        fprintf(out, "  --city SLUG     %s\n", _("only this city's events, its action plan's milestones and the network's events (e.g. idrija)"));
        fprintf(out, "  -o FILE         %s\n", _("file to write ('-' for standard output; default for iap and report: standard output)"));
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
        if (r == 0 && slug) /* a city's calendar also carries its action plan's milestones */
                r = ws_calendar_add_milestones(s, a, &one, cli_lang(), &ev, &nev);
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

/* Renders a document in fmt ("html" or a DocFormat) and writes it. */
static int write_doc(const Doc *d, const char *fmt, const char *out) {
        StrBuf b = STRBUF_INIT;
        DocFormat f;
        int r = strcmp(fmt, "html") == 0 ? doc_render_html_page(d, &b)
                : doc_format_parse(fmt, &f) == 0 ? doc_render(d, f, &b) : -EINVAL;
        int rc = r == 0 ? cli_write_output(out, &b) : CLI_FAIL;
        if (r < 0)
                fprintf(stderr, "%s\n", _("techdiv: the document could not be written"));
        strbuf_free(&b);
        return rc;
}

static int export_doc(const char *what, const char *db, const char *slug, const char *quarter, const char *fmt,
                      const char *out, Lang lang) {
        Store *s;
        if (cli_open_store(cli_db_url(db), 1, 0, &s) < 0)
                return CLI_FAIL;
        Arena *a = arena_new();
        IapTools *tools = NULL;
        IapLoadError terr = { 0 };
        Doc *d = NULL;
        City city;
        IapPlan plan;
        IapReport rep;
        int r = iap_tools_load(NULL, &tools, &terr);
        if (r == 0 && strcmp(what, "iap") == 0) {
                if ((r = store_city_get(s, a, slug, &city)) == -ENOENT)
                        fprintf(stderr, _("techdiv: no city with the slug '%s'\n"), slug);
                char q[8];
                ws_quarter_of(time(NULL), q); /* this quarter's platform figures, as on the plan page */
                if (r == 0 && (r = ws_load(s, a, &city, &plan)) == 0 && (r = ws_platform_fill(s, a, &city, &plan, q)) == 0)
                        r = iap_plan_doc(&plan, tools, lang, NULL, a, &d);
        } else if (r == 0) {
                r = ws_quarter_report(s, a, quarter, lang, &rep);
                if (r == -EINVAL)
                        fprintf(stderr, _("techdiv: '%s' is not a quarter such as 2024Q2\n"), quarter);
                if (r == 0)
                        r = iap_report_doc(&rep, lang, a, &d);
        }
        int rc = r == 0 ? write_doc(d, fmt, out) : CLI_FAIL;
        if (r < 0 && r != -ENOENT && r != -EINVAL)
                fprintf(stderr, "%s\n", _("techdiv: the document could not be written"));
        iap_tools_free(tools);
        arena_free(a);
        store_close(s);
        return rc;
}

static int valid_format(const char *what, const char *fmt) {
        static const char *const iap[] = { "pdf", "docx", "odt", "xlsx", "html" };
        if (!fmt)
                return 0;
        if (strcmp(what, "report") == 0)
                return strcmp(fmt, "pdf") == 0 || strcmp(fmt, "html") == 0;
        for (size_t i = 0; i < sizeof(iap) / sizeof(iap[0]); i++)
                if (strcmp(fmt, iap[i]) == 0)
                        return 1;
        return 0;
}

int cmd_export(int argc, char **argv) {
        static const struct option opts[] = {
                { "city", required_argument, NULL, 'c' }, { "output", required_argument, NULL, 'o' },
                { "db", required_argument, NULL, 'd' },   { "help", no_argument, NULL, 'h' },
                { "format", required_argument, NULL, 'f' }, { "quarter", required_argument, NULL, 'q' },
                { "lang", required_argument, NULL, 'l' },
                { 0 },
        };
        const char *db = NULL, *slug = NULL, *out = NULL, *fmt = NULL, *quarter = NULL;
        Lang lang = cli_lang();
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
                switch (c) {
                case 'c': slug = optarg; break;
                case 'o': out = optarg; break;
                case 'd': db = optarg; break;
                case 'f': fmt = optarg; break;
                case 'q': quarter = optarg; break;
                case 'l':
                        if (lang_parse(optarg, &lang) < 0) {
                                usage(stderr);
                                return CLI_USAGE;
                        }
                        break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        const char *what = argc - optind == 1 ? argv[optind] : "";
        if (strcmp(what, "calendar") == 0 && out)
                return export_calendar(db, slug, out);
        if ((strcmp(what, "iap") == 0 && slug && valid_format(what, fmt)) ||
            (strcmp(what, "report") == 0 && quarter && valid_format(what, fmt)))
                return export_doc(what, db, slug, quarter, fmt, out ? out : "-", lang);
        usage(stderr);
        return CLI_USAGE;
}
