/* techdiv import esco DIR ... | techdiv import candidates FILE.jsonl */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/profiles/candidates.h"
#include "domain/skills/skills.h"

static void usage(FILE *out) {
        fprintf(out, "%s\n", _("Usage: techdiv import esco DIR [--lang LANG] [--labels-only] [--db URL]"));
        fprintf(out, "%s\n\n", _("       techdiv import candidates FILE.jsonl [--db URL]"));
        fprintf(out, "%s\n", _("candidates: one JSON object per line (external_id, skills as ESCO URIs with levels, languages, cities, remote); all lines or none are stored."));
        fprintf(out, "%s\n\n", _("Loads the ESCO classification from its CSV export (or the shipped copy) into the database. Importing again updates in place."));
        fprintf(out, "  --lang LANG     %s\n", _("language of the files to read, e.g. en or pl (default: en)"));
        fprintf(out, "  --labels-only   %s\n", _("read labels only: for a language pack added after English"));
        fprintf(out, "  --db URL        %s\n", _("sqlite:PATH or postgresql://... (default: $TECHDIV_DB, else sqlite:var/techdiv.db)"));
        fprintf(out, "  --help          %s\n", _("show this help"));
}

/* A progress bar on a terminal; nothing when output is redirected. */
static void progress(void *ud, const char *file, size_t done, size_t total) {
        (void)ud;
        if (!isatty(STDERR_FILENO) || total == 0)
                return;
        int pct = (int)(done * 100 / total), bar = pct / 5;
        const char *base = strrchr(file, '/');
        fprintf(stderr, "\r[%.*s%*s] %3d%% %-40.40s", bar, "####################", 20 - bar, "", pct,
                base ? base + 1 : file);
        if (done >= total)
                fputc('\n', stderr);
}

int cli_import_esco(const char *db, const char *dir, const char *lang, bool relations, int quiet) {
        Store *s;
        if (cli_open_store(cli_db_url(db), 1, 1, &s) < 0)
                return CLI_FAIL;
        if (cli_migrate(s) < 0) {
                store_close(s);
                return CLI_FAIL;
        }
        EscoError err = { 0 };
        SkillsImportCounts n = { 0 };
        int r = skills_import(s, dir, lang, relations, quiet ? NULL : progress, NULL, &err, &n);
        store_close(s);
        if (r < 0) {
                if (err.line)
                        fprintf(stderr, _("techdiv: %s, line %lu: %s %s\n"), err.file, err.line,
                                err.msgid ? _(err.msgid) : "", err.detail);
                else
                        fprintf(stderr, _("techdiv: cannot import ESCO from %s: %s %s\n"), err.file[0] ? err.file : dir,
                                err.msgid ? _(err.msgid) : "", err.detail);
                fprintf(stderr, "%s\n", _("Nothing was stored."));
                return CLI_FAIL;
        }
        if (!quiet)
                printf(_("ESCO imported: %zu concepts, %zu relations, %zu collection memberships.\n"), n.concepts,
                       n.relations, n.collection_members);
        return CLI_OK;
}

/* ---- import candidates ---- */

#define IMPORT_BATCH 1000

typedef struct CandBatch {
        StoreConn *conn;
        Arena *arena;
        CandidateRow rows[IMPORT_BATCH];
        size_t n;
        unsigned long total;
        FILE *f;
        long size;
        int err;
} CandBatch;

static const char *const remote_names[REMOTE_MAX] = { "any", "no", "hybrid", "only" };

static int cand_flush(CandBatch *b) {
        int r = store_candidates_put(b->conn, b->rows, b->n);
        b->n = 0;
        arena_free(b->arena);
        b->arena = arena_new();
        return r < 0 ? r : b->arena ? 0 : -ENOMEM;
}

static void cand_progress(CandBatch *b) {
        if (!isatty(STDERR_FILENO) || b->size <= 0 || b->total % 5000)
                return;
        long pos = ftell(b->f);
        int pct = pos > 0 ? (int)(pos * 100 / b->size) : 0, bar = pct / 5;
        fprintf(stderr, "\r[%.*s%*s] %3d%% %lu", bar, "####################", 20 - bar, "", pct, b->total);
}

static int on_candidate(void *ud, const CandidateRecord *rec) {
        CandBatch *b = ud;
        Arena *a = b->arena;
        CandidateRowSkill *sk = arena_alloc(a, sizeof(*sk) * (rec->n_skills + 1));
        CandidateRowLanguage *lg = arena_alloc(a, sizeof(*lg) * (rec->n_languages + 1));
        const char **ci = arena_alloc(a, sizeof(*ci) * (rec->n_cities + 1));
        if (!sk || !lg || !ci)
                return b->err = -ENOMEM;
        for (size_t i = 0; i < rec->n_skills; i++)
                sk[i] = (CandidateRowSkill){ arena_strdup(a, rec->skills[i].uri), rec->skills[i].level };
        for (size_t i = 0; i < rec->n_languages; i++)
                lg[i] = (CandidateRowLanguage){ arena_strdup(a, rec->languages[i].code),
                                                rec->languages[i].native ? "native" : cefr_name(rec->languages[i].level) };
        for (size_t i = 0; i < rec->n_cities; i++)
                ci[i] = arena_strdup(a, rec->cities[i]);
        b->rows[b->n++] = (CandidateRow){
                .external_id = arena_strdup(a, rec->external_id),
                .remote = rec->remote < REMOTE_MAX ? remote_names[rec->remote] : "any",
                .skills = sk, .n_skills = rec->n_skills, .languages = lg, .n_languages = rec->n_languages,
                .cities = ci, .n_cities = rec->n_cities,
        };
        b->total++;
        cand_progress(b);
        if (b->n == IMPORT_BATCH && (b->err = cand_flush(b)) < 0)
                return b->err;
        return 0;
}

static int import_candidates(const char *db, const char *path) {
        FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        if (!f) {
                fprintf(stderr, _("techdiv: cannot read %s\n"), path);
                return CLI_FAIL;
        }
        Store *s;
        if (cli_open_store(cli_db_url(db), 1, 1, &s) < 0 || cli_migrate(s) < 0) {
                if (f != stdin)
                        fclose(f);
                return CLI_FAIL;
        }
        CandBatch *b = calloc(1, sizeof(*b));
        CandidatesError err = { 0 };
        unsigned long count = 0;
        int r = b && (b->arena = arena_new()) ? store_begin(s, &b->conn) : -ENOMEM;
        if (r == 0) {
                b->f = f;
                if (f != stdin && fseek(f, 0, SEEK_END) == 0) {
                        b->size = ftell(f);
                        rewind(f);
                }
                r = candidates_read_file(f, on_candidate, b, &count, &err);
                if (r == 0)
                        r = cand_flush(b);
                if (r == 0)
                        r = store_commit(b->conn);
                else
                        store_rollback(b->conn);
        }
        if (b && b->size > 0 && isatty(STDERR_FILENO))
                fputc('\n', stderr);
        if (r < 0 && err.msgid)
                fprintf(stderr, _("techdiv: %s, line %lu: %s %s\n"), path, err.line, _(err.msgid), err.detail);
        else if (r < 0)
                fprintf(stderr, "%s\n", _("techdiv: the candidates could not be stored"));
        if (r < 0)
                fprintf(stderr, "%s\n", _("Nothing was stored."));
        else
                printf(i18n_ngettext(cli_lang(), "%lu candidate profile imported.\n",
                                     "%lu candidate profiles imported.\n", count), count);
        if (b)
                arena_free(b->arena);
        free(b);
        if (f != stdin)
                fclose(f);
        store_close(s);
        return r < 0 ? CLI_FAIL : CLI_OK;
}

int cmd_import(int argc, char **argv) {
        static const struct option opts[] = {
                { "lang", required_argument, NULL, 'l' },    { "labels-only", no_argument, NULL, 'L' },
                { "db", required_argument, NULL, 'd' },      { "help", no_argument, NULL, 'h' },
                { 0 },
        };
        const char *db = NULL, *lang = "en";
        bool relations = true;
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                switch (c) {
                case 'l': lang = optarg; break;
                case 'L': relations = false; break;
                case 'd': db = optarg; break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        if (argc - optind == 2 && strcmp(argv[optind], "candidates") == 0)
                return import_candidates(db, argv[optind + 1]);
        if (argc - optind != 2 || strcmp(argv[optind], "esco") != 0) {
                usage(stderr);
                return CLI_USAGE;
        }
        return cli_import_esco(db, argv[optind + 1], lang, relations, 0);
}
