/* Profile (+ optional identity) -> JSON Resume. */
#include <errno.h>
#include <stdlib.h>

#include <jansson.h>

#include "domain/profiles/profile_io.h"

static const char *const level_words[] = {NULL, "Beginner", "Intermediate", "Advanced", "Master"};

static void set(json_t *o, const char *k, const char *v) {
        if (v)
                json_object_set_new(o, k, json_string(v));
}

static json_t *basics(const Profile *p, const ProfileIdentity *id) {
        json_t *b = json_object();
        set(b, "label", p->headline);
        set(b, "summary", p->summary);
        if (!id)
                return b;
        set(b, "name", id->name);
        set(b, "email", id->email);
        if (id->n_phones)
                set(b, "phone", id->phones[0]);
        if (id->n_websites)
                set(b, "url", id->websites[0]);
        json_t *loc = json_object();
        set(loc, "address", id->address);
        set(loc, "postalCode", id->postal_code);
        set(loc, "city", id->city);
        set(loc, "countryCode", id->country_code);
        json_object_set_new(b, "location", loc);
        return b;
}

static json_t *work(const Profile *p) {
        json_t *a = json_array();
        for (size_t i = 0; i < p->n_experience; i++) {
                const ProfileExperience *e = &p->experience[i];
                json_t *w = json_object();
                set(w, "name", e->employer);
                set(w, "position", e->role);
                set(w, "startDate", e->start);
                set(w, "endDate", e->end);
                set(w, "summary", e->description);
                set(w, "x-escoOccupationUri", e->occupation_uri);
                json_array_append_new(a, w);
        }
        return a;
}

static json_t *education(const Profile *p) {
        json_t *a = json_array();
        for (size_t i = 0; i < p->n_education; i++) {
                const ProfileEducation *e = &p->education[i];
                json_t *o = json_object();
                set(o, "institution", e->institution);
                set(o, "area", e->field);
                set(o, "studyType", e->title);
                set(o, "startDate", e->start);
                set(o, "endDate", e->end);
                json_array_append_new(a, o);
        }
        return a;
}

static json_t *skills(const Profile *p) {
        json_t *a = json_array();
        for (size_t i = 0; i < p->n_skills; i++) {
                const ProfileSkill *s = &p->skills[i];
                json_t *o = json_object();
                set(o, "name", s->label);
                if (s->level >= PROFILE_SKILL_LEVEL_MIN && s->level <= PROFILE_SKILL_LEVEL_MAX)
                        set(o, "level", level_words[s->level]);
                set(o, "x-escoUri", s->uri);
                json_array_append_new(a, o);
        }
        return a;
}

static json_t *languages(const Profile *p) {
        json_t *a = json_array();
        for (size_t i = 0; i < p->n_languages; i++) {
                const ProfileLanguage *l = &p->languages[i];
                json_t *o = json_object();
                set(o, "language", l->code);
                set(o, "fluency", l->native ? "Native speaker" : cefr_name(l->level));
                json_array_append_new(a, o);
        }
        return a;
}

static json_t *projects(const Profile *p) {
        json_t *a = json_array();
        for (size_t i = 0; i < p->n_projects; i++) {
                json_t *o = json_object();
                set(o, "name", p->projects[i].name);
                set(o, "description", p->projects[i].description);
                json_array_append_new(a, o);
        }
        return a;
}

int jsonresume_export(const Profile *p, const ProfileIdentity *identity, StrBuf *out) {
        if (!p || !out)
                return -EINVAL;
        json_t *root = json_object();
        if (!root)
                return -ENOMEM;
        json_object_set_new(root, "basics", basics(p, identity));
        json_object_set_new(root, "work", work(p));
        json_object_set_new(root, "education", education(p));
        json_object_set_new(root, "skills", skills(p));
        json_object_set_new(root, "languages", languages(p));
        json_object_set_new(root, "projects", projects(p));
        char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        json_decref(root);
        if (!s)
                return -ENOMEM;
        strbuf_puts(out, s);
        strbuf_putc(out, '\n');
        free(s);
        return strbuf_error(out);
}
