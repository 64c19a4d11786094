/* Ad checker: API, offsets, pay formats, suppression rules, hostile input,
 * limits and the data loader. Per-language cases: test_adcheck_langs.c. */
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/paths.h"
#include "domain/adcheck/adcheck.h"
#include "test.h"

static AdcheckEngine *E;

static AdcheckResult *check(Arena *a, const char *text, int lang) {
        AdcheckResult *r = NULL;
        int rc = adcheck_run(E, a, text, strlen(text), lang, &r);
        return rc == 0 ? r : NULL;
}

static const AdcheckFinding *find(const AdcheckResult *r, AdcheckCategory c) {
        for (size_t i = 0; r && i < r->n_findings; i++)
                if (r->findings[i].category == c)
                        return &r->findings[i];
        return NULL;
}

static size_t count(const AdcheckResult *r, AdcheckCategory c) {
        size_t n = 0;
        for (size_t i = 0; r && i < r->n_findings; i++)
                n += r->findings[i].category == c;
        return n;
}

static void test_names(void) {
        static const char *const names[] = { "gendered-wording", "gendered-title", "age", "native-language",
                                             "photo", "nationality", "family-status", "appearance", "health",
                                             "salary-history", "pay-missing" };
        for (int i = 0; i < ADCHECK_CATEGORY_MAX; i++) {
                AdcheckCategory c;
                CHECK_STREQ(adcheck_category_name((AdcheckCategory)i), names[i], "category name %d", i);
                CHECK(adcheck_category_parse(names[i], &c) == 0 && c == (AdcheckCategory)i, "parse %s", names[i]);
        }
        AdcheckCategory c;
        CHECK(adcheck_category_parse("Age", &c) == -EINVAL, "category names are exact");
        CHECK(adcheck_category_parse(NULL, &c) == -EINVAL, "NULL category name");
        CHECK(adcheck_category_name(ADCHECK_CATEGORY_MAX) == NULL, "out-of-range category");
        static const AdcheckCategory warn[] = { ADCHECK_GENDERED_WORDING, ADCHECK_GENDERED_TITLE,
                                                ADCHECK_NATIVE_LANGUAGE };
        for (size_t i = 0; i < 3; i++)
                CHECK(adcheck_category_severity(warn[i]) == ADCHECK_WARN, "%s warns",
                      adcheck_category_name(warn[i]));
        for (int i = ADCHECK_AGE; i < ADCHECK_CATEGORY_MAX; i++)
                if (i != ADCHECK_NATIVE_LANGUAGE)
                        CHECK(adcheck_category_severity((AdcheckCategory)i) == ADCHECK_BLOCK, "%s blocks",
                              adcheck_category_name((AdcheckCategory)i));
        CHECK_STREQ(adcheck_severity_name(ADCHECK_BLOCK), "block", "severity name");
        CHECK_STREQ(adcheck_period_name(ADCHECK_PERIOD_YEAR), "year", "period name");
}

static void test_offsets(void) {
        Arena *a = arena_new();
        /* "Ä" is two bytes: offsets are bytes, not characters. */
        const char *ad = "Ä salesman.\nNative speaker of English.\nSalary EUR 40,000 - 50,000 per year.";
        AdcheckResult *r = check(a, ad, LANG_EN);
        CHECK(r != NULL, "English ad runs");
        const AdcheckFinding *t = find(r, ADCHECK_GENDERED_TITLE);
        CHECK(t && t->start == 3 && t->end == 11, "title at bytes 3..11");
        CHECK_STREQ(t ? t->text : NULL, "salesman", "title text");
        CHECK_STREQ(t ? t->suggestion : NULL, "salesperson", "title suggestion comes from the data");
        CHECK(t && !t->suggestion_is_msgid, "data suggestion is not a msgid");
        const AdcheckFinding *n = find(r, ADCHECK_NATIVE_LANGUAGE);
        CHECK(n && n->start == 13 && n->end == 27, "native speaker at bytes 13..27");
        CHECK(n && n->severity == ADCHECK_WARN && n->suggestion_is_msgid, "native-language warns, msgid suggestion");
        CHECK(find(r, ADCHECK_PAY_MISSING) == NULL, "pay range found");
        CHECK(r && r->pay.found && r->pay.min == 40000 && r->pay.max == 50000, "pay range 40000..50000");
        CHECK_STREQ(r ? r->pay.currency : NULL, "EUR", "currency");
        CHECK(r && r->pay.period == ADCHECK_PERIOD_YEAR, "per year");
        CHECK(r && !adcheck_result_blocks(r), "warnings alone do not block");
        arena_free(a);
}

static void test_pay_formats(void) {
        static const struct {
                const char *text;
                int lang;
                double min, max;
                const char *cur;
        } ok[] = {
                { "RAL 28.000-34.000 €", LANG_IT, 28000, 34000, "EUR" },
                { "Wynagrodzenie: 7 000–9 000 zł brutto", LANG_PL, 7000, 9000, "PLN" },
                { "Wynagrodzenie: 7\xc2\xa0" "000–9\xc2\xa0" "000 PLN", LANG_PL, 7000, 9000, "PLN" },
                { "Wynagrodzenie: 7\xe2\x80\xaf" "000 – 9\xe2\x80\xaf" "000 PLN", LANG_PL, 7000, 9000, "PLN" },
                { "Salariu 4500-6000 lei net", LANG_RO, 4500, 6000, "RON" },
                { "Salariu între 4500 și 6000 RON", LANG_RO, 4500, 6000, "RON" },
                { "Wynagrodzenie od 8000 do 12000 PLN", LANG_PL, 8000, 12000, "PLN" },
                { "Retribuzione da 1.800 a 2.200 euro netti al mese", LANG_IT, 1800, 2200, "EUR" },
                { "Salary: €45,000 to €55,000 a year", LANG_EN, 45000, 55000, "EUR" },
                { "Salary 40-50k EUR", LANG_EN, 40000, 50000, "EUR" },
                { "Pay: EUR 18.50 per hour", LANG_EN, 18.5, 18.5, "EUR" },
                { "Μισθός 1.200 - 1.500 ευρώ μικτά", LANG_EL, 1200, 1500, "EUR" },
                { "Plača od 2.000 do 2.800 EUR bruto", LANG_SL, 2000, 2800, "EUR" },
                { "Salário: 1500 a 2000 euros brutos por mês", LANG_PT, 1500, 2000, "EUR" },
        };
        for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
                Arena *a = arena_new();
                AdcheckResult *r = check(a, ok[i].text, ok[i].lang);
                CHECK(r && r->pay.found && !find(r, ADCHECK_PAY_MISSING), "pay found: %s", ok[i].text);
                CHECK(r && r->pay.min == ok[i].min && r->pay.max == ok[i].max, "pay values: %s (%g..%g)", ok[i].text,
                      r ? r->pay.min : -1, r ? r->pay.max : -1);
                CHECK_STREQ(r ? r->pay.currency : NULL, ok[i].cur, "pay currency: %s", ok[i].text);
                arena_free(a);
        }
        static const char *const missing[] = {
                "We offer a competitive salary.",
                "Attractive salary and pension scheme.",
                "3-5 years of experience with Java.",
                "Founded 2015-2019, 200-300 employees.",
                "An annual budget of EUR 840 million.",
                "Our annual development budget of 1,000 euros for conferences.",
                "In 2019 we raised €30M in Series B funding.",
                "Company size: 501–1k people.",
                "",
        };
        for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++) {
                Arena *a = arena_new();
                AdcheckResult *r = check(a, missing[i], LANG_EN);
                const AdcheckFinding *f = find(r, ADCHECK_PAY_MISSING);
                CHECK(f && f->severity == ADCHECK_BLOCK && f->start == 0 && f->end == 0, "pay-missing: '%s'",
                      missing[i]);
                arena_free(a);
        }
}

static void test_suppression(void) {
        Arena *a = arena_new();
        const char *ad = "We especially welcome applications from women and people with disabilities.\n"
                         "We are a young company founded in 2019.\n"
                         "You will build native mobile apps and photo editing tools for health-tech.\n"
                         "Responsibilities: fast responses to customers.\n"
                         "We do not discriminate on the basis of age, marital status, pregnancy or nationality.\n"
                         "Salary EUR 40,000-50,000.";
        AdcheckResult *r = check(a, ad, LANG_EN);
        CHECK(r && r->n_findings == 0, "positive action, look-alikes and exceptions: no finding (got %zu)",
              r ? r->n_findings : 99);
        for (size_t i = 0; r && i < r->n_findings; i++)
                printf("#   unexpected %s '%s'\n", adcheck_category_name(r->findings[i].category), r->findings[i].text);
        CHECK(r && r->feminine == 0 && r->masculine == 0, "respon does not hit responsibilities");
        arena_free(a);
}

static void test_coded_balance(void) {
        Arena *a = arena_new();
        AdcheckResult *r =
                check(a, "An ambitious, competitive and decisive leader who is warm, responsible and supportive.", LANG_EN);
        CHECK(r && r->masculine == 4 && r->feminine == 3, "coded counts 4/3 (got %u/%u)", r ? r->masculine : 0,
              r ? r->feminine : 0);
        CHECK(r && count(r, ADCHECK_GENDERED_WORDING) == 7, "seven coded findings");
        const AdcheckFinding *f = find(r, ADCHECK_GENDERED_WORDING);
        CHECK(f && f->severity == ADCHECK_WARN && f->coded == 1 && f->start == 3 && f->end == 12,
              "first coded word 'ambitious' at 3..12, masculine, warn");
        arena_free(a);
}

static void test_hostile(void) {
        static const struct {
                const char *text;
                size_t len;
        } in[] = {
                { "", 0 },
                { "<script>alert('native speaker')</script>", 40 },
                { "native\r\nspeaker\r\n", 17 },
                { "\xff\xfe native \xc3 speaker \xed\xa0\x80", 23 },
                { "aged\0 25-35", 11 },
                { "\xe2\x80\x8b\xc2\xad native\xc2\xadspeaker", 21 },
        };
        for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
                Arena *a = arena_new();
                AdcheckResult *r = NULL;
                int rc = adcheck_run(E, a, in[i].text, in[i].len, ADCHECK_LANG_AUTO, &r);
                int ok = rc == 0 && r;
                for (size_t j = 0; ok && j < r->n_findings; j++)
                        ok = r->findings[j].end <= in[i].len && r->findings[j].start <= r->findings[j].end &&
                             r->findings[j].text;
                CHECK(ok, "hostile input %zu: runs, offsets inside", i);
                arena_free(a);
        }
        Arena *a = arena_new();
        AdcheckResult *r = check(a, "<script>x</script> native speaker", LANG_EN);
        const AdcheckFinding *f = find(r, ADCHECK_NATIVE_LANGUAGE);
        CHECK(f && f->start == 19, "markup is text: native speaker still found at 19");
        r = check(a, "native\r\nspeaker", LANG_EN);
        CHECK(find(r, ADCHECK_NATIVE_LANGUAGE) == NULL, "a phrase never spans a line break");
        r = check(a, "\xff native speaker", LANG_EN);
        CHECK(find(r, ADCHECK_NATIVE_LANGUAGE) != NULL, "invalid byte before a phrase is a separator");
        r = check(a, "NATIVE SPEAKER", LANG_EN);
        CHECK(find(r, ADCHECK_NATIVE_LANGUAGE) != NULL, "upper case matches");
        arena_free(a);
}

static void test_limits(void) {
        Arena *a = arena_new();
        AdcheckResult *r = (AdcheckResult *)1;
        size_t big = ADCHECK_MAX_AD_BYTES + 1;
        char *s = malloc(big + 1);
        memset(s, 'a', big);
        s[big] = '\0';
        CHECK(adcheck_run(E, a, s, big, LANG_EN, &r) == -E2BIG && r == (AdcheckResult *)1,
              "ADCHECK_MAX_AD_BYTES + 1 is -E2BIG, output untouched");
        CHECK(adcheck_run(E, a, s, ADCHECK_MAX_AD_BYTES, LANG_EN, &r) == 0, "ADCHECK_MAX_AD_BYTES is accepted");
        /* More coded words than ADCHECK_MAX_FINDINGS. */
        size_t n = 0;
        for (int i = 0; i < ADCHECK_MAX_FINDINGS + 50; i++)
                n += (size_t)snprintf(s + n, big + 1 - n, "ambitious ");
        r = NULL;
        CHECK(adcheck_run(E, a, s, n, LANG_EN, &r) == 0 && r->truncated && r->n_findings == ADCHECK_MAX_FINDINGS,
              "findings capped at ADCHECK_MAX_FINDINGS and flagged truncated");
        CHECK(r && r->masculine == ADCHECK_MAX_FINDINGS + 50, "counts go on past the cap");
        CHECK(adcheck_run(NULL, a, "x", 1, LANG_EN, &r) == -EINVAL, "NULL engine");
        CHECK(adcheck_run(E, a, NULL, 1, LANG_EN, &r) == -EINVAL, "NULL text with length");
        CHECK(adcheck_run(E, a, "x", 1, 99, &r) == -EINVAL, "bad language");
        free(s);
        arena_free(a);
}

static void test_json(void) {
        Arena *a = arena_new();
        AdcheckResult *r = check(a, "Native speaker wanted. Send a recent photo.", LANG_EN);
        json_t *j = adcheck_result_to_json(r, LANG_IT);
        CHECK(j != NULL, "json built");
        CHECK_STREQ(json_string_value(json_object_get(j, "lang")), "en", "json lang");
        json_t *fs = json_object_get(j, "findings");
        CHECK(json_array_size(fs) == 3, "three findings (native, photo, pay-missing)");
        json_t *f0 = json_array_get(fs, 0);
        CHECK_STREQ(json_string_value(json_object_get(f0, "category")), "native-language", "json category");
        CHECK(json_integer_value(json_object_get(f0, "start")) == 0 && json_integer_value(json_object_get(f0, "end")) == 14,
              "json offsets");
        CHECK_STREQ(json_string_value(json_object_get(f0, "severity")), "warn", "json severity");
        CHECK(json_is_string(json_object_get(f0, "message")) && json_is_string(json_object_get(f0, "suggestion")),
              "json message and suggestion");
        json_t *coded = json_object_get(j, "coded");
        CHECK(json_is_integer(json_object_get(coded, "masculine")) && json_is_integer(json_object_get(coded, "feminine")),
              "json coded counts");
        json_decref(j);
        arena_free(a);
}

static void test_detect(void) {
        static const struct {
                const char *text;
                Lang lang;
        } in[] = {
                { "We are looking for a developer to join our team and work with you.", LANG_EN },
                { "Cerchiamo uno sviluppatore per la nostra azienda con esperienza nel settore.", LANG_IT },
                { "Procuramos um programador para a nossa equipa com experiência em Java.", LANG_PT },
                { "Poszukujemy programisty do naszego zespołu, oferujemy pracę zdalną.", LANG_PL },
                { "Căutăm un programator pentru echipa noastră, cu experiență în Java.", LANG_RO },
                { "Ζητείται προγραμματιστής για την ομάδα μας με εμπειρία σε Java.", LANG_EL },
                { "Zaposlimo programerja za delo v naši ekipi, nudimo delo na daljavo.", LANG_SL },
                { "Cercasi programmatore, età massima 35 anni. RAL 28.000-34.000 €", LANG_IT },
                { "Programista Java. Wynagrodzenie 7 000–9 000 zł brutto.", LANG_PL },
                { "", LANG_EN },
        };
        for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++)
                CHECK(adcheck_detect_lang(E, in[i].text, strlen(in[i].text)) == in[i].lang, "detect %s",
                      lang_code(in[i].lang));
}

typedef struct ThreadAd {
        const char *text;
        int lang;
} ThreadAd;

static void *thread_run(void *arg) {
        const ThreadAd *ad = arg;
        long ok = 1;
        for (int i = 0; i < 200 && ok; i++) {
                Arena *a = arena_new();
                AdcheckResult *r = check(a, ad->text, ad->lang);
                ok = r && find(r, ADCHECK_AGE) != NULL;
                arena_free(a);
        }
        return (void *)ok;
}

static void test_threads(void) {
        pthread_t th[4];
        static const ThreadAd ads[4] = { { "aged 25-35", LANG_EN }, { "età massima 35 anni", LANG_IT },
                                         { "wiek do 35 lat", LANG_PL }, { "vârsta maximă 35 de ani", LANG_RO } };
        for (int i = 0; i < 4; i++)
                pthread_create(&th[i], NULL, thread_run, (void *)&ads[i]);
        long all = 1;
        for (int i = 0; i < 4; i++) {
                void *ret;
                pthread_join(th[i], &ret);
                all &= (long)ret;
        }
        CHECK(all, "one engine, four threads, same results");
}

static int write_file(const char *dir, const char *name, const char *text) {
        char path[512];
        snprintf(path, sizeof(path), "%s/%s", dir, name);
        FILE *f = fopen(path, "w");
        if (!f)
                return -1;
        fputs(text, f);
        return fclose(f);
}

/* Writes a data tree under root where every language has empty lists and
 * the given patterns file. */
static void write_tree(const char *root, const char *patterns) {
        char dir[300];
        snprintf(dir, sizeof(dir), "%s/adcheck", root);
        mkdir(dir, 0700);
        for (int l = 0; l < LANG_MAX; l++) {
                char ld[400];
                snprintf(ld, sizeof(ld), "%s/%s", dir, lang_code((Lang)l));
                mkdir(ld, 0700);
                const char *files[] = { "masculine.txt", "feminine.txt", "exceptions.txt", "stopwords.txt",
                                        "titles.tsv", "pay.tsv" };
                for (size_t k = 0; k < 6; k++)
                        write_file(ld, files[k], "# empty\n");
                write_file(ld, "patterns.tsv", patterns);
        }
}

static void test_loader(void) {
        AdcheckEngine *e = (AdcheckEngine *)1;
        CHECK(adcheck_engine_load("/nonexistent-techdiv", &e) == -ENOENT && e == (AdcheckEngine *)1,
              "missing data dir is -ENOENT, output untouched");
        CHECK(adcheck_engine_load(NULL, &e) == -EINVAL, "NULL datadir");
        char tmpl[256];
        const char *tmpdir = getenv("TMPDIR");
        snprintf(tmpl, sizeof(tmpl), "%s/adcheck-test-XXXXXX", tmpdir && *tmpdir ? tmpdir : P_tmpdir);
        char *root = mkdtemp(tmpl);
        CHECK(root != NULL, "temp dir");
        if (!root)
                return;
        static const char *const bad[] = {
                "nosuchcategory\tfoo\n", "age\t...\n", "age\tfoo ...\n", "age\tfoo|(m/f)\n", "age\t? foo\n",
                "age\ta b c d e f g h i j k l m\n", /* ADCHECK_MAX_PATTERN_TOKENS + 1 */
                "age\n",
        };
        for (size_t b = 0; b < sizeof(bad) / sizeof(bad[0]); b++) {
                write_tree(root, bad[b]);
                CHECK(adcheck_engine_load(root, &e) == -EINVAL, "malformed pattern %zu rejected", b);
        }
        write_tree(root, "age\ta b c d e f g h i j k l\nage\tstart ... end\n");
        e = NULL;
        CHECK(adcheck_engine_load(root, &e) == 0, "ADCHECK_MAX_PATTERN_TOKENS tokens load");
        Arena *a = arena_new();
        AdcheckResult *r = NULL;
        const char *four = "start w1 w2 w3 w4 end", *five = "start w1 w2 w3 w4 w5 end";
        CHECK(e && adcheck_run(e, a, four, strlen(four), LANG_EN, &r) == 0 && find(r, ADCHECK_AGE),
              "a gap of ADCHECK_MAX_GAP_WORDS words matches");
        CHECK(e && adcheck_run(e, a, five, strlen(five), LANG_EN, &r) == 0 && !find(r, ADCHECK_AGE),
              "a longer gap does not");
        arena_free(a);
        adcheck_engine_free(e);
        /* A data file over ADCHECK_MAX_DATA_FILE. */
        char *big = malloc(ADCHECK_MAX_DATA_FILE + 100);
        size_t n = 0;
        while (n + 12 < ADCHECK_MAX_DATA_FILE + 50)
                n += (size_t)sprintf(big + n, "age\tfoo %02zu\n", n % 100);
        write_tree(root, big);
        free(big);
        CHECK(adcheck_engine_load(root, &e) == -E2BIG, "data file over ADCHECK_MAX_DATA_FILE is -E2BIG");
        char cmd[300];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
        CHECK(system(cmd) == 0, "clean up");
}

/* Every language folder names its source, licence and maintainer: lists
 * without a maintainer are how the English tools died. */
static void test_data_readmes(void) {
        for (int l = 0; l < LANG_MAX; l++) {
                char path[4096];
                snprintf(path, sizeof(path), "%s/adcheck/%s/README.md", paths_datadir(), lang_code((Lang)l));
                FILE *f = fopen(path, "r");
                char buf[8192] = "";
                size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
                buf[n] = '\0';
                if (f)
                        fclose(f);
                CHECK(strstr(buf, "\nmaintainer: ") != NULL, "%s README has a maintainer line", lang_code((Lang)l));
                CHECK(strstr(buf, "icence") != NULL, "%s README names the licence", lang_code((Lang)l));
                CHECK(strstr(buf, "Gaucher") != NULL, "%s README cites the source of the coded lists", lang_code((Lang)l));
        }
}

int main(void) {
        int rc = adcheck_engine_load(paths_datadir(), &E);
        CHECK(rc == 0, "engine loads from %s (%d)", paths_datadir(), rc);
        if (rc < 0)
                return test_done();
        test_names();
        test_offsets();
        test_pay_formats();
        test_suppression();
        test_coded_balance();
        test_hostile();
        test_limits();
        test_json();
        test_detect();
        test_threads();
        test_loader();
        test_data_readmes();
        adcheck_engine_free(E);
        adcheck_engine_free(NULL);
        return test_done();
}
