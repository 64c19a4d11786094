/* techdiv import esco DIR ... | techdiv import candidates FILE.jsonl */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
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

/* A reader thread parses the file into batches while this thread stores the
 * previous one: parsing is about a fifth of the work, and the store's
 * connection stays on one thread. */
#define IMPORT_BATCH 5000
#define IMPORT_SLOTS 2

typedef struct CandBatch {
        Arena *arena;
        CandidateRow rows[IMPORT_BATCH];
        size_t n;
        long pos; /* file offset after the batch, for the size estimate */
} CandBatch;

typedef struct CandImport {
        pthread_mutex_t mu;
        pthread_cond_t cv;
        CandBatch slot[IMPORT_SLOTS];
        int full[IMPORT_SLOTS]; /* handed over, not yet stored */
        unsigned fill;          /* the slot the reader fills */
        int done, stop;         /* reader finished; the store failed */
        int read_result;
        FILE *f;
        long size; /* 0 when unknown (standard input) */
        unsigned long total, count;
        CandidatesError err;
} CandImport;

static const char *const remote_names[REMOTE_MAX] = { "any", "no", "hybrid", "only" };

static void cand_progress(CandImport *im) {
        if (!isatty(STDERR_FILENO) || im->size <= 0 || im->total % 5000)
                return;
        long pos = ftell(im->f);
        int pct = pos > 0 ? (int)(pos * 100 / im->size) : 0, bar = pct / 5;
        fprintf(stderr, "\r[%.*s%*s] %3d%% %lu", bar, "####################", 20 - bar, "", pct, im->total);
}

/* Passes the filled slot to the storing thread and waits for the next one
 * to be free. -ECANCELED once the store has failed. */
static int hand_over(CandImport *im) {
        CandBatch *b = &im->slot[im->fill];
        b->pos = im->f == stdin ? 0 : ftell(im->f);
        pthread_mutex_lock(&im->mu);
        im->full[im->fill] = 1;
        im->fill = (im->fill + 1) % IMPORT_SLOTS;
        pthread_cond_broadcast(&im->cv);
        while (im->full[im->fill] && !im->stop)
                pthread_cond_wait(&im->cv, &im->mu);
        int stop = im->stop;
        pthread_mutex_unlock(&im->mu);
        if (stop)
                return -ECANCELED;
        b = &im->slot[im->fill];
        arena_free(b->arena);
        b->arena = arena_new();
        b->n = 0;
        return b->arena ? 0 : -ENOMEM;
}

static int on_candidate(void *ud, const CandidateRecord *rec) {
        CandImport *im = ud;
        CandBatch *b = &im->slot[im->fill];
        Arena *a = b->arena;
        CandidateRowSkill *sk = arena_alloc(a, sizeof(*sk) * (rec->n_skills + 1));
        CandidateRowLanguage *lg = arena_alloc(a, sizeof(*lg) * (rec->n_languages + 1));
        const char **ci = arena_alloc(a, sizeof(*ci) * (rec->n_cities + 1));
        if (!sk || !lg || !ci)
                return -ENOMEM;
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
        im->total++;
        cand_progress(im);
        return b->n == IMPORT_BATCH ? hand_over(im) : 0;
}

static void *reader_main(void *ud) {
        CandImport *im = ud;
        int r = candidates_read_file(im->f, on_candidate, im, &im->count, &im->err);
        if (r == 0 && im->slot[im->fill].n > 0)
                r = hand_over(im);
        pthread_mutex_lock(&im->mu);
        im->done = 1;
        im->read_result = r;
        pthread_cond_broadcast(&im->cv);
        pthread_mutex_unlock(&im->mu);
        return NULL;
}

/* Profiles the whole file holds, judged from the first batch's bytes. */
static size_t estimate_total(const CandImport *im, const CandBatch *first) {
        if (im->size <= 0 || first->pos <= 0)
                return first->n;
        return (size_t)((double)im->size * (double)first->n / (double)first->pos);
}

/* Stores the batches as the reader hands them over, in order; after a
 * failure, only releases them so that the reader can finish. */
static int store_batches(CandImport *im, StoreConn *conn) {
        int r = 0;
        for (unsigned take = 0, first = 1;; take = (take + 1) % IMPORT_SLOTS, first = 0) {
                pthread_mutex_lock(&im->mu);
                while (!im->full[take] && !im->done)
                        pthread_cond_wait(&im->cv, &im->mu);
                int have = im->full[take];
                pthread_mutex_unlock(&im->mu);
                if (!have)
                        return r;
                CandBatch *b = &im->slot[take];
                if (r == 0 && first)
                        r = store_candidates_bulk_begin(conn, estimate_total(im, b));
                if (r == 0)
                        r = store_candidates_put(conn, b->rows, b->n);
                pthread_mutex_lock(&im->mu);
                im->full[take] = 0;
                im->stop = r < 0;
                pthread_cond_broadcast(&im->cv);
                pthread_mutex_unlock(&im->mu);
        }
}

/* Reads and stores everything in one transaction: 0, or the first error
 * (the reader's, else the store's). */
static int import_run(CandImport *im, Store *s) {
        StoreConn *conn;
        for (unsigned i = 0; i < IMPORT_SLOTS; i++)
                if (!(im->slot[i].arena = arena_new()))
                        return -ENOMEM;
        int r = store_begin(s, &conn);
        if (r < 0)
                return r;
        pthread_t reader;
        if (pthread_create(&reader, NULL, reader_main, im) != 0) {
                store_rollback(conn);
                return -ENOMEM;
        }
        r = store_batches(im, conn);
        pthread_join(reader, NULL);
        if (im->read_result < 0 && im->read_result != -ECANCELED)
                r = im->read_result;
        if (r == 0)
                r = store_candidates_bulk_end(conn);
        return store_end(conn, r);
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
        CandImport *im = calloc(1, sizeof(*im));
        int r = -ENOMEM;
        if (im) {
                pthread_mutex_init(&im->mu, NULL);
                pthread_cond_init(&im->cv, NULL);
                im->f = f;
                if (f != stdin && fseek(f, 0, SEEK_END) == 0) {
                        im->size = ftell(f);
                        rewind(f);
                }
                r = import_run(im, s);
        }
        if (im && im->size > 0 && isatty(STDERR_FILENO))
                fputc('\n', stderr);
        if (r < 0 && im && im->err.msgid)
                fprintf(stderr, _("techdiv: %s, line %lu: %s %s\n"), path, im->err.line, _(im->err.msgid),
                        im->err.detail);
        else if (r < 0)
                fprintf(stderr, "%s\n", _("techdiv: the candidates could not be stored"));
        if (r < 0)
                fprintf(stderr, "%s\n", _("Nothing was stored."));
        else
                printf(i18n_ngettext(cli_lang(), "%lu candidate profile imported.\n",
                                     "%lu candidate profiles imported.\n", im->count), im->count);
        if (im) {
                for (unsigned i = 0; i < IMPORT_SLOTS; i++)
                        arena_free(im->slot[i].arena);
                pthread_mutex_destroy(&im->mu);
                pthread_cond_destroy(&im->cv);
        }
        free(im);
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
