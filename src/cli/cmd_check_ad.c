/* techdiv check-ad: checks a job ad for excluding wording and for the EU
 * pay-transparency and equal-treatment rules. Exit status: 0 no blocking
 * finding, 1 blocking findings (or the ad could not be read), 2 usage. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/paths.h"
#include "domain/adcheck/adcheck.h"

static void check_ad_usage(FILE *out) {
        fprintf(out, "%s\n\n%s\n", _("Usage: techdiv check-ad [--lang en|it|pt|pl|ro|el|sl|auto] [--format text|json] [FILE|-]"),
                _("Checks a job ad for gender-coded wording, one-gender job titles, age, nationality, photo, family, appearance and health requirements, \"native speaker\", salary-history questions and a missing pay range."));
        fprintf(out, "\n%s\n", _("Exit status: 0 no blocking finding, 1 blocking findings or error, 2 usage error."));
}

typedef struct Opts {
        int lang;
        bool json;
        const char *file;
} Opts;

/* Returns 0, 1 for --help, or -EINVAL. */
static int parse_opts(int argc, char **argv, Opts *o) {
        *o = (Opts){ .lang = ADCHECK_LANG_AUTO, .file = "-" };
        int n_files = 0;
        for (int i = 1; i < argc; i++) {
                const char *arg = argv[i], *val = NULL;
                if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
                        return 1;
                if ((strcmp(arg, "--lang") == 0 || strcmp(arg, "--format") == 0) && i + 1 < argc)
                        val = argv[++i];
                else if (strncmp(arg, "--lang=", 7) == 0 || strncmp(arg, "--format=", 9) == 0)
                        val = strchr(arg, '=') + 1;
                if (val && strncmp(arg, "--lang", 6) == 0) {
                        Lang l;
                        if (strcmp(val, "auto") == 0)
                                o->lang = ADCHECK_LANG_AUTO;
                        else if (strlen(val) == 2 && lang_parse(val, &l) == 0)
                                o->lang = (int)l;
                        else
                                return -EINVAL;
                } else if (val) {
                        if (strcmp(val, "json") != 0 && strcmp(val, "text") != 0)
                                return -EINVAL;
                        o->json = strcmp(val, "json") == 0;
                } else if ((arg[0] == '-' && arg[1]) || ++n_files > 1) {
                        return -EINVAL;
                } else {
                        o->file = arg;
                }
        }
        return 0;
}

/* Reads the whole ad; returns a heap buffer (caller frees) or NULL with
 * errno set (E2BIG when over the limit). */
static char *read_ad(const char *file, size_t *ret_len) {
        FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
        if (!f)
                return NULL;
        char *buf = malloc(ADCHECK_MAX_AD_BYTES + 1);
        size_t n = buf ? fread(buf, 1, ADCHECK_MAX_AD_BYTES + 1, f) : 0;
        int err = !buf ? ENOMEM : ferror(f) ? EIO : n > ADCHECK_MAX_AD_BYTES ? E2BIG : 0;
        if (f != stdin)
                fclose(f);
        if (err) {
                free(buf);
                errno = err;
                return NULL;
        }
        *ret_len = n;
        return buf;
}

/* The quoted ad text, with control characters (escape sequences, CR) shown
 * as spaces so that an ad cannot drive the terminal. */
static void print_quoted(const char *s) {
        putchar('"');
        for (; *s; s++)
                putchar((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
        putchar('"');
}

static void print_text(const AdcheckResult *r) {
        Lang ui = cli_lang();
        printf("%s: %s\n", _("Language of the ad"), lang_code(r->lang));
        for (size_t i = 0; i < r->n_findings; i++) {
                const AdcheckFinding *f = &r->findings[i];
                const char *sugg = f->suggestion_is_msgid ? i18n_gettext(ui, f->suggestion) : f->suggestion;
                printf("%zu-%zu %s %s", f->start, f->end, adcheck_severity_name(f->severity),
                       adcheck_category_name(f->category));
                if (f->end > f->start) {
                        putchar(' ');
                        print_quoted(f->text);
                }
                printf("\n  %s\n  %s %s\n", i18n_gettext(ui, f->message), _("Suggested change:"), sugg);
        }
        printf(_("Coded words: %u masculine, %u feminine\n"), r->masculine, r->feminine);
}

static int print_json(const AdcheckResult *r) {
        json_t *j = adcheck_result_to_json(r, cli_lang());
        int ok = j && json_dumpf(j, stdout, JSON_INDENT(2)) == 0;
        json_decref(j);
        if (ok)
                putchar('\n');
        return ok ? 0 : -ENOMEM;
}

static int check_ad_run(const Opts *o, const char *text, size_t len) {
        AdcheckEngine *e = NULL;
        int r = adcheck_engine_load(paths_datadir(), &e);
        if (r < 0) {
                fprintf(stderr, _("techdiv check-ad: cannot load the checker data in %s: %s\n"), paths_datadir(),
                        strerror(-r));
                return CLI_FAIL;
        }
        Arena *a = arena_new();
        AdcheckResult *res = NULL;
        r = a ? adcheck_run(e, a, text, len, o->lang, &res) : -ENOMEM;
        if (r == 0)
                r = o->json ? print_json(res) : (print_text(res), 0);
        int status = r < 0 ? CLI_FAIL : adcheck_result_blocks(res) ? CLI_FAIL : CLI_OK;
        if (r < 0)
                fprintf(stderr, "techdiv check-ad: %s\n", strerror(-r));
        arena_free(a);
        adcheck_engine_free(e);
        return status;
}

int cmd_check_ad(int argc, char **argv) {
        Opts o;
        int r = parse_opts(argc, argv, &o);
        if (r != 0) {
                check_ad_usage(r > 0 ? stdout : stderr);
                return r > 0 ? CLI_OK : CLI_USAGE;
        }
        size_t len = 0;
        char *text = read_ad(o.file, &len);
        if (!text) {
                fprintf(stderr, _("techdiv check-ad: cannot read %s: %s\n"), o.file, strerror(errno));
                return CLI_FAIL;
        }
        int status = check_ad_run(&o, text, len);
        free(text);
        return status;
}
