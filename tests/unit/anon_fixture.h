/* Shared by the anonymiser tests: one engine and one arena per test
 * binary, and the anonymised text of a string (a fresh arena per call). */
#ifndef TD_TEST_ANON_FIXTURE_H
#define TD_TEST_ANON_FIXTURE_H

#include <string.h>

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

#endif
