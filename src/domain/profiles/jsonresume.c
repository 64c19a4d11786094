/* JSON Resume (jsonresume.org, schema v1) <-> Profile + ProfileIdentity. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "core/i18n.h"
#include "domain/profiles/profile_internal.h"

/* English language names JSON Resume files use, to ISO 639-1. */
static const struct {
        const char *name, *code;
} lang_names[] = {
        {"english", "en"},    {"greek", "el"},      {"italian", "it"},  {"portuguese", "pt"}, {"polish", "pl"},
        {"romanian", "ro"},   {"slovenian", "sl"},  {"slovene", "sl"}, {"german", "de"},     {"french", "fr"},
        {"spanish", "es"},    {"dutch", "nl"},      {"turkish", "tr"},  {"arabic", "ar"},     {"ukrainian", "uk"},
        {"russian", "ru"},    {"romani", "rom"},    {"hungarian", "hu"}, {"bulgarian", "bg"}, {"croatian", "hr"},
        {"serbian", "sr"},    {"albanian", "sq"},   {"czech", "cs"},    {"slovak", "sk"},     {"chinese", "zh"},
        {"hindi", "hi"},      {"urdu", "ur"},       {"persian", "fa"},  {"farsi", "fa"},      {"tigrinya", "ti"},
        {"somali", "so"},     {"swedish", "sv"},    {"danish", "da"},   {"finnish", "fi"},    {"japanese", "ja"},
};

typedef struct Ctx {
        Arena *a;
        const ProfileImportOptions *opt;
        Profile p;
        ProfileIdentity id;
        int rc;
} Ctx;

static const char *str(Ctx *c, const json_t *o, const char *key) {
        const char *s = json_string_value(json_object_get(o, key));
        return c->rc ? NULL : profile_io_text(c->a, s, &c->rc);
}

static void add_str(Ctx *c, const char ***arr, size_t *n, size_t max, const char *s) {
        if (!s || c->rc)
                return;
        const char **slot = profile_io_push(c->a, arr, n, max, sizeof *slot, &c->rc);
        if (slot)
                *slot = s;
}

static void basics(Ctx *c, const json_t *b) {
        c->id.name = str(c, b, "name");
        c->id.email = str(c, b, "email");
        add_str(c, &c->id.phones, &c->id.n_phones, 20, str(c, b, "phone"));
        add_str(c, &c->id.websites, &c->id.n_websites, 20, str(c, b, "url"));
        const json_t *loc = json_object_get(b, "location");
        c->id.address = str(c, loc, "address");
        c->id.postal_code = str(c, loc, "postalCode");
        c->id.city = str(c, loc, "city");
        c->id.country_code = str(c, loc, "countryCode");
        size_t i;
        const json_t *v;
        json_array_foreach(json_object_get(b, "profiles"), i, v) add_str(c, &c->id.websites, &c->id.n_websites, 20,
                                                                          str(c, v, "url"));
        c->p.headline = str(c, b, "label");
        c->p.summary = str(c, b, "summary");
        /* basics.image (a photo) is deliberately never read. */
}

/* summary + highlights, one per line. */
static const char *work_text(Ctx *c, const json_t *w) {
        StrBuf b;
        strbuf_init(&b, PROFILE_MAX_TEXT_BYTES);
        const char *s = json_string_value(json_object_get(w, "summary"));
        if (s)
                strbuf_puts(&b, s);
        size_t i;
        const json_t *h;
        json_array_foreach(json_object_get(w, "highlights"), i, h) if (json_is_string(h)) {
                strbuf_puts(&b, b.len ? "\n" : "");
                strbuf_puts(&b, json_string_value(h));
        }
        if (strbuf_error(&b) && !c->rc)
                c->rc = strbuf_error(&b);
        const char *r = c->rc ? NULL : profile_io_text(c->a, strbuf_str(&b), &c->rc);
        strbuf_free(&b);
        return r;
}

static void work(Ctx *c, const json_t *arr, const char *employer_key) {
        size_t i;
        const json_t *w;
        json_array_foreach(arr, i, w) {
                if (!json_is_object(w) || c->rc)
                        continue;
                ProfileExperience *e = profile_io_push(c->a, &c->p.experience, &c->p.n_experience, PROFILE_MAX_EXPERIENCE, sizeof *e, &c->rc);
                if (!e)
                        return;
                e->role = str(c, w, "position");
                e->employer = str(c, w, employer_key);
                e->start = str(c, w, "startDate");
                e->end = str(c, w, "endDate");
                e->occupation_uri = str(c, w, "x-escoOccupationUri");
                e->description = work_text(c, w);
                e->months = profile_io_months(e->start, e->end, c->opt);
        }
}

static int eqf_of(const char *study) {
        static const struct {
                const char *word;
                int eqf;
        } t[] = {{"phd", 8}, {"doctor", 8}, {"master", 7}, {"msc", 7}, {"bachelor", 6}, {"bsc", 6}, {"licen", 6},
                 {"associate", 5}, {"diploma", 4}, {"high school", 4}, {"secondary", 4}};
        for (size_t i = 0; study && i < sizeof t / sizeof t[0]; i++)
                if (strcasestr(study, t[i].word))
                        return t[i].eqf;
        return 0;
}

static void education(Ctx *c, const json_t *arr) {
        size_t i;
        const json_t *v;
        json_array_foreach(arr, i, v) {
                if (!json_is_object(v) || c->rc)
                        continue;
                ProfileEducation *e = profile_io_push(c->a, &c->p.education, &c->p.n_education, PROFILE_MAX_EDUCATION, sizeof *e, &c->rc);
                if (!e)
                        return;
                e->title = str(c, v, "studyType");
                e->field = str(c, v, "area");
                e->institution = str(c, v, "institution");
                e->start = str(c, v, "startDate");
                e->end = str(c, v, "endDate");
                e->eqf_level = eqf_of(e->title);
                e->kind = e->title && strcasestr(e->title, "bootcamp")   ? EDUCATION_BOOTCAMP
                          : e->title && strcasestr(e->title, "course") ? EDUCATION_COURSE
                                                                        : EDUCATION_FORMAL;
        }
}

static int skill_level(const char *s) {
        static const char *const words[] = {"beginner", "intermediate", "advanced", "master"};
        for (int i = 0; s && i < 4; i++)
                if (strcasecmp(s, words[i]) == 0 || (i == 3 && strcasecmp(s, "expert") == 0))
                        return i + 1;
        return 0;
}

static void skills(Ctx *c, const json_t *arr) {
        size_t i, k;
        const json_t *v, *kw;
        json_array_foreach(arr, i, v) {
                if (!json_is_object(v) || c->rc)
                        continue;
                int level = skill_level(json_string_value(json_object_get(v, "level")));
                int rc = profile_io_add_skill(c->a, &c->p, c->opt, json_string_value(json_object_get(v, "name")),
                                       json_string_value(json_object_get(v, "x-escoUri")), level, true);
                json_array_foreach(json_object_get(v, "keywords"), k, kw) if (!rc) rc =
                        profile_io_add_skill(c->a, &c->p, c->opt, json_string_value(kw), NULL, level, true);
                if (rc)
                        c->rc = rc;
        }
}

static void language(Ctx *c, const json_t *v) {
        const char *name = json_string_value(json_object_get(v, "language"));
        const char *fl = json_string_value(json_object_get(v, "fluency"));
        const char *code = NULL;
        for (size_t i = 0; name && i < sizeof lang_names / sizeof lang_names[0]; i++)
                if (strcasecmp(name, lang_names[i].name) == 0 || strcasecmp(name, lang_names[i].code) == 0)
                        code = lang_names[i].code;
        if (!code || profile_language_find(&c->p, code) >= 0)
                return;
        ProfileLanguage *l = profile_io_push(c->a, &c->p.languages, &c->p.n_languages, PROFILE_MAX_LANGUAGES, sizeof *l, &c->rc);
        if (!l)
                return;
        snprintf(l->code, sizeof l->code, "%s", code);
        l->native = fl && strcasestr(fl, "native");
        if (l->native || cefr_parse(fl, &l->level) == 0)
                l->level = l->native ? CEFR_C2 : l->level;
        else if (fl && (strcasestr(fl, "fluent") || strcasestr(fl, "advanced")))
                l->level = CEFR_C1;
        else if (fl && strcasestr(fl, "intermediate"))
                l->level = CEFR_B1;
        else
                l->level = CEFR_A2;
}

static void rest(Ctx *c, const json_t *root) {
        size_t i;
        const json_t *v;
        json_array_foreach(json_object_get(root, "languages"), i, v) if (json_is_object(v) && !c->rc) language(c, v);
        json_array_foreach(json_object_get(root, "projects"), i, v) {
                if (!json_is_object(v) || c->rc)
                        continue;
                ProfileProject *pr = profile_io_push(c->a, &c->p.projects, &c->p.n_projects, PROFILE_MAX_PROJECTS, sizeof *pr, &c->rc);
                if (pr) {
                        pr->name = str(c, v, "name");
                        pr->description = str(c, v, "description");
                }
        }
}

static int depth_of(const json_t *j, int d) {
        int m = d;
        size_t i;
        const char *k;
        const json_t *v;
        if (d > JSONRESUME_MAX_DEPTH)
                return d;
        if (json_is_object(j))
                json_object_foreach((json_t *)j, k, v) {
                        int x = depth_of(v, d + 1);
                        m = x > m ? x : m;
                }
        else if (json_is_array(j))
                json_array_foreach(j, i, v) {
                        int x = depth_of(v, d + 1);
                        m = x > m ? x : m;
                }
        return m;
}

int jsonresume_import(Arena *a, const char *json, size_t len, const ProfileImportOptions *opt, Profile *ret_profile,
                      ProfileIdentity *ret_identity, ProfileIoError *err) {
        if (!a || (!json && len) || !ret_profile)
                return profile_io_fail(err, -EINVAL, N_("The CV file is not valid JSON."), NULL);
        if (len > JSONRESUME_MAX_BYTES)
                return profile_io_fail(err, -E2BIG, N_("The CV file is too large."), NULL);
        json_error_t je;
        json_t *root = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES, &je);
        if (!root) {
                int rc = profile_io_fail(err, -EINVAL, N_("The CV file is not valid JSON."), je.text);
                if (err)
                        err->line = je.line;
                return rc;
        }
        if (!json_is_object(root) || !json_is_object(json_object_get(root, "basics"))) {
                json_decref(root);
                return profile_io_fail(err, -EINVAL, N_("This is not a JSON Resume (no \"basics\" object)."), NULL);
        }
        if (depth_of(root, 1) > JSONRESUME_MAX_DEPTH) {
                json_decref(root);
                return profile_io_fail(err, -E2BIG, N_("The JSON file is nested too deeply."), NULL);
        }
        Ctx c = {.a = a, .opt = opt};
        basics(&c, json_object_get(root, "basics"));
        work(&c, json_object_get(root, "work"), "name");
        work(&c, json_object_get(root, "volunteer"), "organization");
        education(&c, json_object_get(root, "education"));
        skills(&c, json_object_get(root, "skills"));
        rest(&c, root);
        json_decref(root);
        if (c.rc)
                return profile_io_fail(err, c.rc,
                                c.rc == -E2BIG ? N_("The CV has more entries than a profile can hold.")
                                : c.rc == -EINVAL ? N_("The CV contains text that is not valid UTF-8.")
                                                  : N_("Out of memory while reading the CV."),
                                NULL);
        *ret_profile = c.p;
        if (ret_identity)
                *ret_identity = c.id;
        if (err)
                memset(err, 0, sizeof *err);
        return 0;
}
