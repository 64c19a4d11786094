/* Shared by the anonymiser tests: one engine and one arena per test
 * binary, and the anonymised text of a string (a fresh arena per call). */
#ifndef TD_TEST_ANON_FIXTURE_H
#define TD_TEST_ANON_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/paths.h"
#include "domain/anonymize/anonymize.h"
#include "test.h"

static AnonEngine *eng;
static Arena *arena;

/* Loads eng from the data directory, with a check that says why not. */
static inline bool engine_open(void) {
        int err = 0;
        eng = anon_engine_new(paths_datadir(), &err);
        CHECK(eng != NULL, "engine loads from %s (%d)", paths_datadir(), err);
        return eng != NULL;
}

/* The result of in, NULL on error; owned by arena until the next call. */
static inline AnonResult *run_in(AnonInput *in) {
        arena_free(arena);
        arena = arena_new();
        AnonResult *r = NULL;
        return anon_run(eng, arena, in, &r) == 0 ? r : NULL;
}

/* The anonymised text of text in lang ("(error)" on failure). */
static inline const char *run(Lang lang, const char *text) {
        AnonInput in = { .opt.lang = lang, .text = text, .len = strlen(text) };
        AnonResult *r = run_in(&in);
        return r ? r->text : "(error)";
}

/* A text whose kept words must all stay and whose gone words must all
 * be gone from the output. */
typedef struct KeptGone {
        Lang lang;
        const char *in;
        const char *kept[4];
        const char *gone[4];
} KeptGone;

static inline void check_kept_gone(const KeptGone *c, size_t n) {
        for (size_t i = 0; i < n; i++) {
                const char *out = run(c[i].lang, c[i].in);
                CHECK(strcmp(out, "(error)") != 0, "case %zu runs", i);
                for (size_t k = 0; k < 4 && c[i].kept[k]; k++)
                        CHECK(strstr(out, c[i].kept[k]) != NULL, "%s kept: %s", c[i].kept[k], out);
                for (size_t k = 0; k < 4 && c[i].gone[k]; k++)
                        CHECK(strstr(out, c[i].gone[k]) == NULL, "%s removed: %s", c[i].gone[k], out);
        }
}

/* A text whose listed words must all be gone from the output. */
typedef struct GoneCase {
        Lang lang;
        const char *in;
        const char *gone[3];
} GoneCase;

static inline void check_gone(const GoneCase *c, size_t n) {
        for (size_t i = 0; i < n; i++) {
                const char *out = run(c[i].lang, c[i].in);
                for (int k = 0; k < 3 && c[i].gone[k]; k++)
                        CHECK(!strstr(out, c[i].gone[k]), "%s removed: %s -> %s", c[i].gone[k], c[i].in, out);
        }
}

static inline Lang lang_of(const char *code) {
        Lang l = LANG_EN;
        CHECK_INTEQ(lang_parse(code, &l), 0, "language %s", code);
        return l;
}

/* Texts ({language code, text}) that must come out unchanged. */
static inline void check_survive(const char *const (*c)[2], size_t n) {
        for (size_t i = 0; i < n; i++)
                CHECK_STREQ(run(lang_of(c[i][0]), c[i][1]), c[i][1], "survives: %s", c[i][1]);
}

/* Links dir/anonymize/<sub>/<name> (or dir/anonymize/<sub> when name is
 * NULL) to the real data. Returns false when it cannot. */
static inline bool link_data(const char *dir, const char *sub, const char *name) {
        char src[512], dst[512];
        snprintf(src, sizeof(src), "%s/anonymize/%s%s%s", paths_datadir(), sub, name ? "/" : "", name ? name : "");
        snprintf(dst, sizeof(dst), "%s/anonymize/%s%s%s", dir, sub, name ? "/" : "", name ? name : "");
        return symlink(src, dst) == 0;
}

/* A data directory whose anonymize/<lang>/<file> holds body; every other
 * file links to the real data. Returns the directory (static buffer), or
 * NULL. */
static inline const char *data_with_file(const char *lang, const char *file, const char *body) {
        static const char *const langs[] = { "en", "it", "pt", "pl", "ro", "el", "sl" };
        static const char *const files[] = { "first_names.tsv", "surnames.tsv", "lexicon.tsv", "names_model.tsv" };
        static char dir[64];
        char path[512];
        snprintf(dir, sizeof(dir), "/tmp/td-anon-XXXXXX");
        if (!mkdtemp(dir))
                return NULL;
        snprintf(path, sizeof(path), "%s/anonymize", dir);
        mkdir(path, 0700);
        if (!link_data(dir, "common", NULL))
                return NULL;
        for (size_t l = 0; l < sizeof(langs) / sizeof(*langs); l++) {
                if (strcmp(langs[l], lang)) {
                        if (!link_data(dir, langs[l], NULL))
                                return NULL;
                        continue;
                }
                snprintf(path, sizeof(path), "%s/anonymize/%s", dir, lang);
                mkdir(path, 0700);
                for (size_t k = 0; k < sizeof(files) / sizeof(*files); k++) {
                        snprintf(path, sizeof(path), "%s/anonymize/%s/%s", paths_datadir(), lang, files[k]);
                        if (strcmp(files[k], file) && access(path, R_OK) == 0 && !link_data(dir, lang, files[k]))
                                return NULL;
                }
        }
        snprintf(path, sizeof(path), "%s/anonymize/%s/%s", dir, lang, file);
        FILE *f = fopen(path, "w");
        if (!f)
                return NULL;
        fputs(body, f);
        fclose(f);
        return dir;
}

static inline void remove_data(const char *dir) {
        char cmd[256];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        CHECK(system(cmd) == 0, "removed %s", dir);
}

#endif
