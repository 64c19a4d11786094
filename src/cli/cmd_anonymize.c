/* techdiv anonymize: blind-CV anonymiser on a file or standard input. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/paths.h"
#include "core/utf8.h"
#include "domain/anonymize/anonymize.h"
#include "domain/doctext/doctext.h"

#define ANON_CLI_MAX_KNOWN 16 /* --name/--email/--phone/--id, each */

typedef struct Opts {
        AnonOptions ao;
        bool json;
        const char *file;
        const char *names[ANON_CLI_MAX_KNOWN], *emails[ANON_CLI_MAX_KNOWN];
        const char *phones[ANON_CLI_MAX_KNOWN], *ids[ANON_CLI_MAX_KNOWN];
        AnonSpan keep[ANON_CLI_MAX_KNOWN], force[ANON_CLI_MAX_KNOWN];
        size_t n_keep, n_force;
} Opts;

static void usage(FILE *out) {
        fprintf(out, "%s\n\n%s\n\n%s\n", _("Usage: techdiv anonymize [OPTIONS] [FILE|-]"),
                _("Removes names, contacts, identifiers and protected characteristics from a CV "
                  "and writes the anonymised text to standard output. FILE may be UTF-8 text, "
                  ".pdf, .docx or .odt (the format is recognised from its content; images are "
                  "never passed on). Without FILE, or with -, text is read from standard input "
                  "and processed in bounded chunks, so input of any size fits in little memory."),
                _("Options:"));
        fprintf(out, "  --lang en|el|it|pt|pl|ro|sl|auto  %s\n", _("language of the text (default: auto)"));
        fprintf(out, "  --format text|json   %s\n",
                _("json: {\"text\", \"lang\", \"images_dropped\", \"findings\": [{\"start\", \"end\", "
                  "\"category\", \"original_length\", \"replacement\"}]} with byte offsets into the "
                  "UTF-8 input"));
        fprintf(out, "  --key-file FILE      %s\n",
                _("secret for pseudonyms (hashed with BLAKE2b); without it a random key is used, "
                  "so codes are consistent within one run only"));
        fprintf(out, "  --pool ID            %s\n", _("candidate pool (job) the pseudonyms belong to"));
        fprintf(out, "  --name NAME          %s\n", _("the candidate's name, searched in every variant (repeatable)"));
        fprintf(out, "  --email, --phone, --id VALUE  %s\n", _("the candidate's known values (repeatable)"));
        fprintf(out, "  --remove START:END   %s\n", _("also remove these bytes of the input (repeatable)"));
        fprintf(out, "  --keep START:END     %s\n", _("never remove these bytes of the input (repeatable)"));
        fprintf(out, "  --data-dir DIR       %s\n", _("where the word lists are (default: built-in path)"));
        fprintf(out, "  -h, --help           %s\n", _("show this help"));
        fprintf(out, "\n%s\n", _("Exit status: 0 success, 1 error (unreadable file, unsupported "
                                  "format, over a size limit), 2 bad usage."));
}

static int add_value(const char **arr, size_t *n, const char *v) {
        if (*n >= ANON_CLI_MAX_KNOWN) {
                fprintf(stderr, _("techdiv anonymize: at most %d values per option\n"), ANON_CLI_MAX_KNOWN);
                return -1;
        }
        arr[(*n)++] = v;
        return 0;
}

static int add_span(AnonSpan *arr, size_t *n, const char *v) {
        char *end;
        unsigned long long a = strtoull(v, &end, 10), b;
        if (*n >= ANON_CLI_MAX_KNOWN || *end != ':' || (b = strtoull(end + 1, &end, 10), *end) || a >= b) {
                fprintf(stderr, _("techdiv anonymize: bad span '%s' (want START:END)\n"), v);
                return -1;
        }
        arr[(*n)++] = (AnonSpan){ (size_t)a, (size_t)b };
        return 0;
}

static int read_key(const char *path, uint8_t key[ANON_KEY_BYTES]) {
        FILE *f = fopen(path, "rb");
        unsigned char buf[4096];
        size_t n = f ? fread(buf, 1, sizeof(buf), f) : 0;
        if (!f || ferror(f) || n < 16) {
                fprintf(stderr, _("techdiv anonymize: cannot read key file '%s' (need at least 16 bytes)\n"), path);
                if (f)
                        fclose(f);
                return -1;
        }
        fclose(f);
        crypto_generichash(key, ANON_KEY_BYTES, buf, n, NULL, 0);
        sodium_memzero(buf, sizeof(buf));
        return 0;
}

static int parse_args(int argc, char **argv, Opts *o) {
        enum { O_LANG = 256, O_FORMAT, O_KEY, O_POOL, O_NAME, O_EMAIL, O_PHONE, O_ID, O_REMOVE, O_KEEP, O_DATA };
        static const struct option lo[] = {
                { "lang", 1, 0, O_LANG },     { "format", 1, 0, O_FORMAT }, { "key-file", 1, 0, O_KEY },
                { "pool", 1, 0, O_POOL },     { "name", 1, 0, O_NAME },     { "email", 1, 0, O_EMAIL },
                { "phone", 1, 0, O_PHONE },   { "id", 1, 0, O_ID },         { "remove", 1, 0, O_REMOVE },
                { "keep", 1, 0, O_KEEP },     { "data-dir", 1, 0, O_DATA }, { "help", 0, 0, 'h' },
                { 0, 0, 0, 0 },
        };
        size_t nn = 0, ne = 0, np = 0, ni = 0;
        bool have_key = false;
        o->ao.lang_auto = true;
        o->ao.first_name_is_candidate = true;
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
                int r = 0;
                switch (c) {
                case 'h':
                        usage(stdout);
                        return 1;
                case O_LANG:
                        if (strcmp(optarg, "auto") == 0)
                                o->ao.lang_auto = true;
                        else if (lang_parse(optarg, &o->ao.lang) == 0)
                                o->ao.lang_auto = false;
                        else
                                r = (fprintf(stderr, _("techdiv anonymize: unknown language '%s'\n"), optarg), -1);
                        break;
                case O_FORMAT:
                        if (strcmp(optarg, "json") && strcmp(optarg, "text"))
                                r = (fprintf(stderr, _("techdiv anonymize: unknown format '%s'\n"), optarg), -1);
                        o->json = strcmp(optarg, "json") == 0;
                        break;
                case O_KEY: r = read_key(optarg, o->ao.key); have_key = true; break;
                case O_POOL: o->ao.pool_id = optarg; break;
                case O_NAME: r = add_value(o->names, &nn, optarg); break;
                case O_EMAIL: r = add_value(o->emails, &ne, optarg); break;
                case O_PHONE: r = add_value(o->phones, &np, optarg); break;
                case O_ID: r = add_value(o->ids, &ni, optarg); break;
                case O_REMOVE: r = add_span(o->force, &o->n_force, optarg); break;
                case O_KEEP: r = add_span(o->keep, &o->n_keep, optarg); break;
                case O_DATA: paths_set_datadir(optarg); break;
                default: r = -1;
                }
                if (r < 0)
                        return -1;
        }
        if (argc - optind > 1)
                return -1;
        o->file = optind < argc ? argv[optind] : "-";
        if (!have_key)
                randombytes_buf(o->ao.key, ANON_KEY_BYTES);
        o->ao.known = (AnonKnown){ o->names, nn, o->emails, ne, o->phones, np, o->ids, ni };
        return 0;
}

/* Reads all of f up to limit. Returns 0, -E2BIG or -EIO; *ret is malloc'ed. */
static int slurp(FILE *f, size_t limit, char **ret, size_t *ret_len) {
        size_t cap = 65536, n = 0;
        char *buf = malloc(cap);
        while (buf) {
                if (n == cap) {
                        char *nb = cap > limit ? NULL : realloc(buf, cap * 2);
                        if (!nb)
                                break;
                        buf = nb, cap *= 2;
                }
                size_t k = fread(buf + n, 1, cap - n, f);
                n += k;
                if (k == 0) {
                        if (ferror(f))
                                break;
                        if (n > limit)
                                break;
                        *ret = buf, *ret_len = n;
                        return 0;
                }
        }
        int r = !buf || ferror(f) ? -EIO : -E2BIG;
        if (buf && n > limit)
                r = -E2BIG;
        free(buf);
        return r;
}


static void report(const char *file, int r) {
        if (r == -E2BIG)
                fprintf(stderr, _("techdiv anonymize: '%s' is over the size limit\n"), file);
        else if (r == -EINVAL)
                fprintf(stderr, _("techdiv anonymize: '%s' is not a supported document (UTF-8 text, .pdf, .docx, .odt)\n"), file);
        else
                fprintf(stderr, _("techdiv anonymize: cannot process '%s': %s\n"), file, strerror(-r));
}

static int write_json(const AnonResult *r, size_t images) {
        json_t *root = json_object(), *arr = json_array();
        if (!root || !arr)
                return -ENOMEM;
        json_object_set_new(root, "text", json_stringn(r->text, r->len));
        json_object_set_new(root, "lang", json_string(lang_code(r->lang)));
        json_object_set_new(root, "images_dropped", json_integer((json_int_t)images));
        for (size_t i = 0; i < r->n_findings; i++) {
                const AnonFinding *f = &r->findings[i];
                json_t *o = json_pack("{s:I,s:I,s:s,s:I,s:s}", "start", (json_int_t)f->start,
                                      "end", (json_int_t)f->end, "category",
                                      anon_category_name(f->category), "original_length",
                                      (json_int_t)f->original_length, "replacement", f->replacement);
                if (!o || json_array_append_new(arr, o) < 0) {
                        json_decref(root);
                        json_decref(arr);
                        return -ENOMEM;
                }
        }
        json_object_set_new(root, "findings", arr);
        int w = json_dumpf(root, stdout, JSON_COMPACT);
        json_decref(root);
        putchar('\n');
        return w < 0 ? -EIO : 0;
}

/* Whole-document path: documents, and text when JSON is wanted. */
static int run_whole(const AnonEngine *e, Opts *o, const char *data, size_t len) {
        Arena *a = arena_new();
        if (!a)
                return -ENOMEM;
        arena_set_limit(a, 0);
        DocText *d;
        int r = doctext_extract(a, data, len, &d);
        if (r == 0 && d->len > ANON_MAX_INPUT)
                r = -E2BIG;
        AnonResult *res = NULL;
        if (r == 0) {
                AnonInput in = { .opt = o->ao, .text = d->text, .len = d->len, .force = o->force,
                                 .n_force = o->n_force, .keep = o->keep, .n_keep = o->n_keep };
                r = anon_run(e, a, &in, &res);
        }
        if (r == 0 && o->json)
                r = write_json(res, d->images_dropped);
        else if (r == 0 && fwrite(res->text, 1, res->len, stdout) != res->len)
                r = -EIO;
        arena_free(a);
        return r;
}

/* Streaming path for plain text: chunks of at most ANON_CHUNK_MAX, cut at
 * paragraph or line ends, so memory stays bounded for any input size. */
static int run_stream(const AnonEngine *e, Opts *o, FILE *in, char *buf, size_t have, size_t cap) {
        int r;
        AnonSession *s = anon_session_new(e, &o->ao, &r);
        if (!s)
                return r;
        AnonInput spans = { .force = o->force, .n_force = o->n_force, .keep = o->keep, .n_keep = o->n_keep };
        size_t base = 0;
        bool eof = false, warned = false;
        r = 0;
        while (r == 0 && (have || !eof)) {
                while (!eof && have < cap) {
                        size_t k = fread(buf + have, 1, cap - have, in);
                        have += k;
                        if (k == 0)
                                eof = true;
                }
                if (ferror(in)) {
                        r = -EIO;
                        break;
                }
                size_t cut = eof && have <= ANON_CHUNK_MAX ? have : anon_chunk_cut(buf, have, ANON_CHUNK_MAX);
                Arena *a = arena_new();
                const char *text = buf;
                size_t len = cut;
                AnonResult *res;
                r = !a ? -ENOMEM : anon_session_run(s, a, text, len, base, &spans, &res);
                if (r == -EINVAL && !utf8_valid(buf, cut)) { /* the library validates first */
                        if (!warned)
                                fprintf(stderr, "%s", _("techdiv anonymize: input is not valid UTF-8; invalid bytes were replaced\n"));
                        warned = true;
                        text = utf8_sanitize(a, buf, cut);
                        len = text ? strlen(text) : 0;
                        r = !text ? -ENOMEM : anon_session_run(s, a, text, len, base, &spans, &res);
                }
                if (r == 0 && fwrite(res->text, 1, res->len, stdout) != res->len)
                        r = -EIO;
                arena_free(a);
                base += len;
                memmove(buf, buf + cut, have - cut);
                have -= cut;
        }
        anon_session_free(s);
        return r;
}

static bool is_document(const char *buf, size_t n) {
        return (n >= 5 && memcmp(buf, "%PDF-", 5) == 0) || (n >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0);
}

static int process(const AnonEngine *e, Opts *o, FILE *in) {
        size_t cap = 2 * ANON_CHUNK_MAX, have = 0;
        char *buf = malloc(cap);
        if (!buf)
                return -ENOMEM;
        have = fread(buf, 1, 4096, in);
        int r;
        if (!is_document(buf, have) && memchr(buf, 0, have)) {
                r = -EINVAL; /* binary, and not a format we read */
        } else if (is_document(buf, have) || o->json) {
                size_t limit = is_document(buf, have) ? DOCTEXT_MAX_INPUT : ANON_MAX_INPUT;
                char *rest = NULL, *all = NULL;
                size_t rl = 0;
                r = slurp(in, limit, &rest, &rl);
                if (r == 0 && rl + have > limit)
                        r = -E2BIG;
                if (r == 0 && !(all = malloc(have + rl + 1)))
                        r = -ENOMEM;
                if (r == 0) {
                        memcpy(all, buf, have);
                        memcpy(all + have, rest, rl);
                        r = run_whole(e, o, all, have + rl);
                }
                free(rest);
                free(all);
        } else {
                r = run_stream(e, o, in, buf, have, cap);
        }
        free(buf);
        return r;
}

int cmd_anonymize(int argc, char **argv) {
        Opts o;
        memset(&o, 0, sizeof(o));
        if (sodium_init() < 0) {
                fprintf(stderr, "%s", _("techdiv anonymize: cannot initialise libsodium\n"));
                return CLI_FAIL;
        }
        int p = parse_args(argc, argv, &o);
        if (p > 0)
                return CLI_OK;
        if (p < 0) {
                usage(stderr);
                return CLI_USAGE;
        }
        FILE *in = strcmp(o.file, "-") == 0 ? stdin : fopen(o.file, "rb");
        if (!in) {
                fprintf(stderr, _("techdiv anonymize: cannot open '%s': %s\n"), o.file, strerror(errno));
                return CLI_FAIL;
        }
        int err;
        AnonEngine *e = anon_engine_new(paths_datadir(), &err);
        if (!e) {
                fprintf(stderr, _("techdiv anonymize: cannot load word lists from '%s': %s\n"),
                        paths_datadir(), strerror(-err));
                if (in != stdin)
                        fclose(in);
                return CLI_FAIL;
        }
        int r = process(e, &o, in);
        if (in != stdin)
                fclose(in);
        anon_engine_free(e);
        sodium_memzero(o.ao.key, sizeof(o.ao.key));
        if (fflush(stdout) != 0 && r == 0)
                r = -EIO;
        if (r < 0) {
                report(strcmp(o.file, "-") == 0 ? _("standard input") : o.file, r);
                return CLI_FAIL;
        }
        return CLI_OK;
}
