/* The word and phrase lists mean one thing per language: a lexicon line
 * that gives a phrase a second kind (or a label another category) would
 * silently replace the first, so the shipped lists must have none, and a
 * list that has one is reported with the phrase, the language and both
 * kinds. */
#include <string.h>

#include "domain/anonymize/anon_internal.h"
#include "anon_fixture.h"
#include "test.h"

static void test_shipped_lists(void) {
        const char *const *clash;
        size_t n = anon_lex_clashes(eng, &clash);
        for (size_t i = 0; i < n && i < ANON_CLASH_KEEP; i++)
                printf("#   clash: %s\n", clash[i]);
        CHECK_INTEQ((long long)n, 0, "no phrase of the shipped lexicons has two meanings in one language");
}

static void test_clash_reported(void) {
        static const struct {
                const char *body;
                size_t clashes;
                const char *first;
        } cases[] = {
                { "namectx\tdomnul\nsays\tdomnul\n", 1, "ro: domnul (namectx, then says)" },
                { "label\tcetățenie\tnationality\nlabel\tcetățenie\taddress\n", 1, "ro: cetatenie (label, then label)" },
                { "namectx\tdomnul\nnamectx\tdomnul\n", 0, NULL }, /* the same line twice: one meaning */
                { "namectx\tinginer\ngender\tinginer\tinginer/ă\n", 0, NULL }, /* a title that is also a context */
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
                const char *dir = data_with_file("ro", "lexicon.tsv", cases[i].body);
                CHECK(dir != NULL, "data directory %zu", i);
                if (!dir)
                        continue;
                int err = 0;
                AnonEngine *e = anon_engine_new(dir, &err);
                CHECK(e != NULL, "lexicon %zu loads (%d)", i, err);
                if (e) {
                        const char *const *clash;
                        size_t n = anon_lex_clashes(e, &clash);
                        CHECK_INTEQ((long long)n, (long long)cases[i].clashes, "clashes in lexicon %zu", i);
                        if (cases[i].first && n)
                                CHECK_STREQ(clash[0], cases[i].first, "lexicon %zu", i);
                }
                anon_engine_free(e);
                remove_data(dir);
        }
}

/* A phrase that is removed and also announces a name: both happen. */
static void test_phrase_and_context(void) {
        static const struct {
                Lang lang;
                const char *in, *want;
        } cases[] = {
                { LANG_EN, "I moved here with my wife Anna Kowalska.", "I moved here with [family] " },
                { LANG_EN, "I am a father of two and a keen cyclist.", "I am a [family] and a keen cyclist." },
                { LANG_EN, "I am a father of 2 and a keen cyclist.", "I am a [family] and a keen cyclist." },
                { LANG_IT, "Sono madre di Luca e vivo a Roma.", "Sono [family] " },
                { LANG_PT, "Sou mãe de dois filhos.", "Sou [family]." }, /* one finding: mother and children */
                { LANG_PL, "Pracuje tu panna Maria Kowalska.", "Pracuje tu [family] " },
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
                const char *out = run(cases[i].lang, cases[i].in);
                CHECK(!strncmp(out, cases[i].want, strlen(cases[i].want)) && !strstr(out, "Kowalska") &&
                              !strstr(out, "Luca"),
                      "%s -> %s", cases[i].in, out);
        }
}

int main(void) {
        if (!engine_open())
                return 1;
        test_shipped_lists();
        test_clash_reported();
        test_phrase_and_context();
        arena_free(arena);
        anon_engine_free(eng);
        return test_done();
}
