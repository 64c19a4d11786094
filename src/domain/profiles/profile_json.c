#include "domain/profiles/profile_json.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/i18n.h"
#include "domain/profiles/profile_internal.h"

static const char *const remote_names[REMOTE_MAX] = {"any", "no", "hybrid", "only"};
static const char *const hours_names[HOURS_MAX] = {"any", "full_time", "part_time"};
static const char *const kind_names[EDUCATION_KIND_MAX] = {"formal", "bootcamp", "course"};

/* ---- writing ---- */

static void set_str(json_t *o, const char *k, const char *v) {
        json_object_set_new(o, k, v ? json_string(v) : json_null());
}

static json_t *str_array(const char *const *v, size_t n) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
                json_array_append_new(a, json_string(v[i]));
        return a;
}

static json_t *w_skills(const Profile *p) {
        json_t *a = json_array();
        for (size_t i = 0; i < p->n_skills; i++) {
                const ProfileSkill *s = &p->skills[i];
                json_t *o = json_object();
                set_str(o, "uri", s->uri);
                set_str(o, "label", s->label);
                json_object_set_new(o, "level", json_integer(s->level));
                json_object_set_new(o, "proposed", json_boolean(s->proposed));
                json_array_append_new(a, o);
        }
        return a;
}

static json_t *w_experience(const Profile *p) {
        json_t *a = json_array();
        for (size_t i = 0; i < p->n_experience; i++) {
                const ProfileExperience *e = &p->experience[i];
                json_t *o = json_object();
                set_str(o, "role", e->role);
                set_str(o, "occupation_uri", e->occupation_uri);
                set_str(o, "sector", e->sector);
                set_str(o, "employer", e->employer);
                set_str(o, "start", e->start);
                set_str(o, "end", e->end);
                json_object_set_new(o, "months", json_integer(e->months));
                set_str(o, "description", e->description);
                json_array_append_new(a, o);
        }
        return a;
}

static json_t *w_education(const Profile *p) {
        json_t *a = json_array();
        for (size_t i = 0; i < p->n_education; i++) {
                const ProfileEducation *e = &p->education[i];
                json_t *o = json_object();
                set_str(o, "title", e->title);
                set_str(o, "field", e->field);
                set_str(o, "institution", e->institution);
                json_object_set_new(o, "eqf_level", json_integer(e->eqf_level));
                set_str(o, "kind", (unsigned)e->kind < EDUCATION_KIND_MAX ? kind_names[e->kind] : NULL);
                set_str(o, "start", e->start);
                set_str(o, "end", e->end);
                json_array_append_new(a, o);
        }
        return a;
}

static json_t *w_languages(const Profile *p) {
        json_t *a = json_array();
        for (size_t i = 0; i < p->n_languages; i++) {
                const ProfileLanguage *l = &p->languages[i];
                json_t *o = json_object();
                set_str(o, "code", l->code);
                set_str(o, "level", l->native ? NULL : cefr_name(l->level));
                json_object_set_new(o, "native", json_boolean(l->native));
                json_array_append_new(a, o);
        }
        return a;
}

static json_t *w_rest(const Profile *p, json_t *root) {
        json_t *a = json_array();
        for (size_t i = 0; i < p->n_projects; i++) {
                json_t *o = json_object();
                set_str(o, "name", p->projects[i].name);
                set_str(o, "description", p->projects[i].description);
                json_array_append_new(a, o);
        }
        json_object_set_new(root, "projects", a);
        json_t *pr = json_object();
        json_object_set_new(pr, "cities", str_array(p->prefs.cities, p->prefs.n_cities));
        set_str(pr, "remote", (unsigned)p->prefs.remote < REMOTE_MAX ? remote_names[p->prefs.remote] : NULL);
        set_str(pr, "hours", (unsigned)p->prefs.hours < HOURS_MAX ? hours_names[p->prefs.hours] : NULL);
        json_object_set_new(pr, "hours_per_week", json_integer(p->prefs.hours_per_week));
        set_str(pr, "start_date", p->prefs.start_date);
        return pr;
}

int profile_json_write(const Profile *p, StrBuf *out) {
        if (!p || !out)
                return -EINVAL;
        json_t *root = json_object();
        if (!root)
                return -ENOMEM;
        set_str(root, "headline", p->headline);
        set_str(root, "summary", p->summary);
        set_str(root, "skills_text", p->skills_text);
        json_object_set_new(root, "skills", w_skills(p));
        json_object_set_new(root, "experience", w_experience(p));
        json_object_set_new(root, "education", w_education(p));
        json_object_set_new(root, "languages", w_languages(p));
        json_object_set_new(root, "preferences", w_rest(p, root));
        set_str(root, "accommodations", p->accommodations);
        json_object_set_new(root, "share_accommodations", json_boolean(p->share_accommodations));
        set_str(root, "career_goals", p->career_goals);
        json_object_set_new(root, "goal_occupations", str_array(p->goal_occupations, p->n_goal_occupations));
        char *s = json_dumps(root, JSON_PRESERVE_ORDER | JSON_COMPACT);
        json_decref(root);
        if (!s)
                return -ENOMEM;
        strbuf_puts(out, s);
        free(s);
        return strbuf_error(out);
}

/* ---- reading ---- */

typedef struct R {
        Arena *a;
        const EscoIndex *esco;
        ProfileIoError *err;
        int rc;
        char path[96];
} R;

static int bad(R *r, int rc, const char *msgid) {
        if (!r->rc) {
                r->rc = profile_io_fail(r->err, rc, msgid, r->path);
        }
        return r->rc;
}

static void at(R *r, const char *list, size_t i, const char *key) {
        if (list)
                snprintf(r->path, sizeof r->path, "%s[%zu].%s", list, i, key);
        else
                snprintf(r->path, sizeof r->path, "%s", key);
}

/* Refuses members not in the NULL-terminated allowed list. */
static void known_keys(R *r, const json_t *o, const char *const *allowed, const char *where) {
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)o, k, v) {
                bool ok = false;
                for (size_t i = 0; allowed[i] && !ok; i++)
                        ok = strcmp(k, allowed[i]) == 0;
                if (!ok && !r->rc) {
                        snprintf(r->path, sizeof r->path, "%s%s%s", where, *where ? "." : "", k);
                        bad(r, -EINVAL, N_("The profile has an unknown field."));
                }
        }
}

static const char *text(R *r, const json_t *o, const char *list, size_t i, const char *key) {
        const json_t *v = json_object_get(o, key);
        if (r->rc || !v || json_is_null(v))
                return NULL;
        at(r, list, i, key);
        if (!json_is_string(v)) {
                bad(r, -EINVAL, N_("A field of the profile has the wrong type."));
                return NULL;
        }
        int rc = 0;
        const char *s = profile_io_text(r->a, json_string_value(v), &rc);
        if (rc)
                bad(r, rc, rc == -E2BIG ? N_("A text of the profile is too long.") : N_("A field of the profile has the wrong type."));
        return s;
}

static bool date_ok(const char *s) {
        size_t n = strlen(s);
        if (n != 4 && n != 7 && n != 10)
                return false;
        for (size_t i = 0; i < n; i++)
                if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
                        return false;
        int m = n >= 7 ? (s[5] - '0') * 10 + (s[6] - '0') : 1, d = n == 10 ? (s[8] - '0') * 10 + (s[9] - '0') : 1;
        return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static const char *date(R *r, const json_t *o, const char *list, size_t i, const char *key) {
        const char *s = text(r, o, list, i, key);
        if (s && !date_ok(s))
                bad(r, -EINVAL, N_("A date must look like 2024, 2024-05 or 2024-05-31."));
        return s;
}

/* Integer in [lo, hi]; absent or null = 0. */
static int integer(R *r, const json_t *o, const char *list, size_t i, const char *key, int lo, int hi, const char *msgid) {
        const json_t *v = json_object_get(o, key);
        if (r->rc || !v || json_is_null(v))
                return 0;
        at(r, list, i, key);
        if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi) {
                bad(r, -EINVAL, msgid);
                return 0;
        }
        return (int)json_integer_value(v);
}

static bool boolean(R *r, const json_t *o, const char *list, size_t i, const char *key) {
        const json_t *v = json_object_get(o, key);
        if (r->rc || !v || json_is_null(v))
                return false;
        at(r, list, i, key);
        if (!json_is_boolean(v))
                bad(r, -EINVAL, N_("A field of the profile has the wrong type."));
        return json_is_true(v);
}

/* Index of a name in a table, or -1 (then an error). */
static int choice(R *r, const json_t *o, const char *list, size_t i, const char *key, const char *const *names, int n,
                  const char *msgid) {
        const char *s = text(r, o, list, i, key);
        if (!s)
                return 0;
        for (int k = 0; k < n; k++)
                if (strcmp(s, names[k]) == 0)
                        return k;
        at(r, list, i, key);
        bad(r, -EINVAL, msgid);
        return 0;
}

/* The array under key (absent/null: empty) after checking its size. */
static const json_t *list(R *r, const json_t *o, const char *key, size_t max) {
        const json_t *v = json_object_get(o, key);
        if (r->rc || !v || json_is_null(v))
                return NULL;
        at(r, NULL, 0, key);
        if (!json_is_array(v)) {
                bad(r, -EINVAL, N_("A field of the profile has the wrong type."));
                return NULL;
        }
        if (json_array_size(v) > max) {
                bad(r, -E2BIG, N_("The profile has too many entries in a list."));
                return NULL;
        }
        return v;
}

static void *alloc(R *r, size_t n, size_t size) {
        void *p = n ? arena_alloc(r->a, n * size) : NULL;
        if (n && !p)
                bad(r, -ENOMEM, N_("Out of memory while reading the CV."));
        return p;
}

static const char *esco_uri(R *r, const json_t *o, const char *l, size_t i, const char *key, bool skill) {
        const char *uri = text(r, o, l, i, key);
        uint32_t id;
        if (uri && r->esco &&
            (skill ? esco_index_skill_id(r->esco, uri, &id) : esco_index_occupation_id(r->esco, uri, &id)) < 0)
                bad(r, -EINVAL, skill ? N_("This ESCO skill is not known.") : N_("This ESCO occupation is not known."));
        return uri;
}

static void r_skills(R *r, const json_t *root, Profile *p) {
        static const char *const keys[] = {"uri", "label", "level", "proposed", NULL};
        const json_t *a = list(r, root, "skills", PROFILE_MAX_SKILLS), *v;
        size_t i;
        p->skills = alloc(r, json_array_size(a), sizeof *p->skills);
        json_array_foreach(a, i, v) {
                if (r->rc)
                        return;
                ProfileSkill *s = &p->skills[p->n_skills++];
                at(r, "skills", i, "");
                if (!json_is_object(v) && bad(r, -EINVAL, N_("A field of the profile has the wrong type.")))
                        return;
                known_keys(r, v, keys, "skills[]");
                s->uri = esco_uri(r, v, "skills", i, "uri", true);
                s->label = text(r, v, "skills", i, "label");
                s->level = integer(r, v, "skills", i, "level", 0, PROFILE_SKILL_LEVEL_MAX,
                                   N_("A skill level must be a whole number from 0 to 4."));
                s->proposed = boolean(r, v, "skills", i, "proposed");
                uint32_t id;
                if (!s->label && s->uri && r->esco && esco_index_skill_id(r->esco, s->uri, &id) == 0)
                        s->label = esco_index_skill(r->esco, id)->label;
                at(r, "skills", i, "label");
                if (!s->label && !r->rc)
                        bad(r, -EINVAL, N_("A skill needs an ESCO skill URI or a label."));
        }
}

static void r_experience(R *r, const json_t *root, Profile *p) {
        static const char *const keys[] = {"role", "occupation_uri", "sector", "employer", "start", "end", "months",
                                           "description", NULL};
        const json_t *a = list(r, root, "experience", PROFILE_MAX_EXPERIENCE), *v;
        size_t i;
        p->experience = alloc(r, json_array_size(a), sizeof *p->experience);
        json_array_foreach(a, i, v) {
                if (r->rc || (!json_is_object(v) && bad(r, -EINVAL, N_("A field of the profile has the wrong type."))))
                        return;
                ProfileExperience *e = &p->experience[p->n_experience++];
                known_keys(r, v, keys, "experience[]");
                e->role = text(r, v, "experience", i, "role");
                e->occupation_uri = esco_uri(r, v, "experience", i, "occupation_uri", false);
                e->sector = text(r, v, "experience", i, "sector");
                e->employer = text(r, v, "experience", i, "employer");
                e->start = date(r, v, "experience", i, "start");
                e->end = date(r, v, "experience", i, "end");
                e->months = integer(r, v, "experience", i, "months", 0, 1200,
                                    N_("Months must be a whole number from 0 to 1200."));
                e->description = text(r, v, "experience", i, "description");
        }
}

static void r_education(R *r, const json_t *root, Profile *p) {
        static const char *const keys[] = {"title", "field", "institution", "eqf_level", "kind", "start", "end", NULL};
        const json_t *a = list(r, root, "education", PROFILE_MAX_EDUCATION), *v;
        size_t i;
        p->education = alloc(r, json_array_size(a), sizeof *p->education);
        json_array_foreach(a, i, v) {
                if (r->rc || (!json_is_object(v) && bad(r, -EINVAL, N_("A field of the profile has the wrong type."))))
                        return;
                ProfileEducation *e = &p->education[p->n_education++];
                known_keys(r, v, keys, "education[]");
                e->title = text(r, v, "education", i, "title");
                e->field = text(r, v, "education", i, "field");
                e->institution = text(r, v, "education", i, "institution");
                e->eqf_level = integer(r, v, "education", i, "eqf_level", 0, 8,
                                       N_("The EQF level must be a whole number from 0 to 8."));
                e->kind = (EducationKind)choice(r, v, "education", i, "kind", kind_names, EDUCATION_KIND_MAX,
                                                N_("Unknown kind of education (formal, bootcamp or course)."));
                e->start = date(r, v, "education", i, "start");
                e->end = date(r, v, "education", i, "end");
        }
}

static void r_languages(R *r, const json_t *root, Profile *p) {
        static const char *const keys[] = {"code", "level", "native", NULL};
        const json_t *a = list(r, root, "languages", PROFILE_MAX_LANGUAGES), *v;
        size_t i;
        p->languages = alloc(r, json_array_size(a), sizeof *p->languages);
        json_array_foreach(a, i, v) {
                if (r->rc || (!json_is_object(v) && bad(r, -EINVAL, N_("A field of the profile has the wrong type."))))
                        return;
                ProfileLanguage *l = &p->languages[p->n_languages];
                known_keys(r, v, keys, "languages[]");
                const char *code = text(r, v, "languages", i, "code"), *level = text(r, v, "languages", i, "level");
                l->native = boolean(r, v, "languages", i, "native");
                at(r, "languages", i, "code");
                size_t n = code ? strlen(code) : 0;
                bool code_ok = n >= 2 && n <= 3 && strspn(code, "abcdefghijklmnopqrstuvwxyz") == n;
                if (!r->rc && (!code_ok || profile_language_find(p, code) >= 0))
                        bad(r, -EINVAL, N_("A language needs a two- or three-letter code such as \"en\"."));
                if (r->rc)
                        return;
                snprintf(l->code, sizeof l->code, "%s", code);
                at(r, "languages", i, "level");
                if (l->native && !level)
                        l->level = CEFR_C2;
                else if (cefr_parse(level, &l->level) < 0)
                        bad(r, -EINVAL, N_("A language level must be A1, A2, B1, B2, C1 or C2."));
                p->n_languages++;
        }
}

static const char **r_strings(R *r, const json_t *o, const char *key, size_t max, size_t *ret_n, bool occupations) {
        const json_t *a = list(r, o, key, max), *v;
        const char **out = alloc(r, json_array_size(a), sizeof *out);
        size_t i;
        *ret_n = 0;
        json_array_foreach(a, i, v) {
                json_t *wrap = json_pack("{sO}", "v", v);
                const char *s = occupations ? esco_uri(r, wrap, key, i, "v", false) : text(r, wrap, key, i, "v");
                json_decref(wrap);
                at(r, key, i, "");
                if (!r->rc && !s)
                        bad(r, -EINVAL, N_("A field of the profile has the wrong type."));
                if (r->rc)
                        return NULL;
                out[(*ret_n)++] = s;
        }
        return out;
}

static void r_rest(R *r, const json_t *root, Profile *p) {
        static const char *const pkeys[] = {"cities", "remote", "hours", "hours_per_week", "start_date", NULL};
        static const char *const prkeys[] = {"name", "description", NULL};
        const json_t *a = list(r, root, "projects", PROFILE_MAX_PROJECTS), *v;
        size_t i;
        p->projects = alloc(r, json_array_size(a), sizeof *p->projects);
        json_array_foreach(a, i, v) {
                if (r->rc || (!json_is_object(v) && bad(r, -EINVAL, N_("A field of the profile has the wrong type."))))
                        return;
                known_keys(r, v, prkeys, "projects[]");
                p->projects[p->n_projects].name = text(r, v, "projects", i, "name");
                p->projects[p->n_projects++].description = text(r, v, "projects", i, "description");
        }
        const json_t *pr = json_object_get(root, "preferences");
        if (!pr || json_is_null(pr) || r->rc)
                return;
        at(r, NULL, 0, "preferences");
        if (!json_is_object(pr) && bad(r, -EINVAL, N_("A field of the profile has the wrong type.")))
                return;
        known_keys(r, pr, pkeys, "preferences");
        p->prefs.cities = r_strings(r, pr, "cities", PROFILE_MAX_CITIES, &p->prefs.n_cities, false);
        p->prefs.remote = (RemotePreference)choice(r, pr, NULL, 0, "remote", remote_names, REMOTE_MAX,
                                                   N_("Unknown remote preference (any, no, hybrid or only)."));
        p->prefs.hours = (HoursPreference)choice(r, pr, NULL, 0, "hours", hours_names, HOURS_MAX,
                                                 N_("Unknown working hours preference (any, full_time or part_time)."));
        p->prefs.hours_per_week = integer(r, pr, NULL, 0, "hours_per_week", 0, PROFILE_MAX_HOURS_PER_WEEK,
                                          N_("Hours per week must be a whole number from 0 to 80."));
        p->prefs.start_date = date(r, pr, NULL, 0, "start_date");
}

int profile_json_read(Arena *a, const char *json, size_t len, const EscoIndex *esco, Profile *ret_profile,
                      ProfileIoError *err) {
        static const char *const keys[] = {"headline", "summary", "skills_text", "skills", "experience", "education",
                                           "languages", "projects", "preferences", "accommodations",
                                           "share_accommodations", "career_goals", "goal_occupations", NULL};
        if (!a || (!json && len) || !ret_profile)
                return profile_io_fail(err, -EINVAL, N_("The profile is not valid JSON."), NULL);
        if (len > PROFILE_JSON_MAX_BYTES)
                return profile_io_fail(err, -E2BIG, N_("The profile is too large."), NULL);
        json_error_t je;
        json_t *root = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES, &je);
        if (!root || !json_is_object(root)) {
                json_decref(root);
                int rc = profile_io_fail(err, -EINVAL, N_("The profile is not valid JSON."), root ? "" : je.text);
                if (err)
                        err->line = root ? 0 : je.line;
                return rc;
        }
        R r = {.a = a, .esco = esco, .err = err};
        Profile p;
        memset(&p, 0, sizeof p);
        known_keys(&r, root, keys, "");
        p.headline = text(&r, root, NULL, 0, "headline");
        p.summary = text(&r, root, NULL, 0, "summary");
        p.skills_text = text(&r, root, NULL, 0, "skills_text");
        p.accommodations = text(&r, root, NULL, 0, "accommodations");
        p.share_accommodations = boolean(&r, root, NULL, 0, "share_accommodations");
        p.career_goals = text(&r, root, NULL, 0, "career_goals");
        r_skills(&r, root, &p);
        r_experience(&r, root, &p);
        r_education(&r, root, &p);
        r_languages(&r, root, &p);
        r_rest(&r, root, &p);
        p.goal_occupations = r_strings(&r, root, "goal_occupations", PROFILE_MAX_GOAL_OCCUPATIONS, &p.n_goal_occupations, true);
        json_decref(root);
        if (r.rc)
                return r.rc;
        *ret_profile = p;
        if (err)
                memset(err, 0, sizeof *err);
        return 0;
}
