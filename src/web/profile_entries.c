/* The repeating parts of a profile: experience, education and training,
 * languages, projects. One page per part lists the entries (each with its
 * own remove button) and a form to add one; the rules are the JSON
 * profile's (prof_validate). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "web/profile.h"

typedef struct Section Section;
struct Section {
        const char *slug, *title;
        size_t (*count)(const Profile *p);
        void (*item)(HttpRequest *req, StrBuf *b, const Profile *p, size_t i);
        void (*form)(HttpRequest *req, StrBuf *b);
        int (*add)(HttpRequest *req, Profile *p, const char **ret_msgid);
        void (*remove)(Profile *p, size_t i);
};

/* Copies an array into the arena with room for one more element. */
static void *grow(HttpRequest *req, const void *v, size_t n, size_t sz) {
        char *out = arena_alloc(req->arena, sz * (n + 1));
        if (out && n)
                memcpy(out, v, sz * n);
        return out;
}

static void drop(void *v, size_t *n, size_t sz, size_t i) {
        memmove((char *)v + sz * i, (char *)v + sz * (i + 1), sz * (*n - i - 1));
        (*n)--;
}

static const char *field(HttpRequest *req, const char *name) { return req_param(req, name); }

static void meta(StrBuf *b, const char *s) {
        if (s && *s) {
                html_lit(b, " <span class=\"meta\">");
                html_text(b, s);
                html_lit(b, "</span>");
        }
}

/* ---- experience ---- */

static size_t exp_count(const Profile *p) { return p->n_experience; }

static const char *occupation_label(HttpRequest *req, const char *uri) {
        uint32_t id;
        if (!uri || !APP(req)->esco || esco_index_occupation_id(APP(req)->esco, uri, &id) < 0)
                return NULL;
        return esco_index_occupation(APP(req)->esco, id)->label;
}

static void exp_item(HttpRequest *req, StrBuf *b, const Profile *p, size_t i) {
        const ProfileExperience *e = &p->experience[i];
        html_text(b, e->role ? e->role : "");
        meta(b, occupation_label(req, e->occupation_uri));
        meta(b, e->employer);
        if (e->start)
                meta(b, arena_printf(req->arena, "%s – %s", e->start, e->end ? e->end : T(req, "now")));
}

static void exp_form(HttpRequest *req, StrBuf *b) {
        form_field(req, b, "role", T(req, "Job title"), "text", "organization-title", field(req, "role"), NULL);
        form_field(req, b, "occupation", T(req, "Occupation in the European list (optional)"), "text", "off",
                   field(req, "occupation"),
                   T(req, "Type the occupation, e.g. \"web developer\": we take the closest ESCO occupation."));
        form_field(req, b, "sector", T(req, "Sector (optional)"), "text", "off", field(req, "sector"),
                   T(req, "For example: information and communication, retail, health."));
        form_field(req, b, "employer", T(req, "Employer (optional)"), "text", "organization", field(req, "employer"),
                   T(req, "Kept for you; employers reviewing blind profiles do not see it."));
        form_field(req, b, "start", T(req, "From"), "text", "off", field(req, "start"),
                   T(req, "Year and month, e.g. 2021-03."));
        form_field(req, b, "end", T(req, "To (leave empty if you still work there)"), "text", "off", field(req, "end"),
                   T(req, "Year and month, e.g. 2023-06."));
        form_textarea(req, b, "description", T(req, "What you did (optional)"), field(req, "description"), NULL, 4);
}

static const char *today(HttpRequest *req) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        return arena_printf(req->arena, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1);
}

static int exp_add(HttpRequest *req, Profile *p, const char **ret_msgid) {
        ProfileExperience e = { .role = field(req, "role"), .sector = field(req, "sector"),
                                .employer = field(req, "employer"), .start = field(req, "start"),
                                .end = field(req, "end"), .description = field(req, "description") };
        if (!e.role) {
                *ret_msgid = N_("Please give the job title.");
                return -EINVAL;
        }
        const char *occ = field(req, "occupation");
        EscoOccupationHit hit;
        size_t n = 0;
        if (occ && (!APP(req)->esco || esco_search_occupations(APP(req)->esco, occ, &hit, 1, &n) < 0 || n == 0)) {
                *ret_msgid = N_("No occupation matches. Try another word.");
                return -EINVAL;
        }
        if (occ)
                e.occupation_uri = hit.occupation->uri;
        if (e.start && profile_months_between(e.start, e.end ? e.end : today(req), &e.months) < 0) {
                *ret_msgid = N_("Write dates as year and month (2021-03), and the end after the start.");
                return -EINVAL;
        }
        ProfileExperience *v = grow(req, p->experience, p->n_experience, sizeof e);
        if (!v)
                return -ENOMEM;
        v[p->n_experience++] = e;
        p->experience = v;
        return 0;
}

static void exp_remove(Profile *p, size_t i) { drop(p->experience, &p->n_experience, sizeof(ProfileExperience), i); }

/* ---- education ---- */

static const char *const kind_opts[] = { N_("School or university"), N_("Bootcamp"), N_("Course or certificate") };
static const char *const eqf_opts[] = { N_("Not sure"), "1", "2", "3", "4", "5", "6", "7", "8" };

static size_t edu_count(const Profile *p) { return p->n_education; }

static void edu_item(HttpRequest *req, StrBuf *b, const Profile *p, size_t i) {
        const ProfileEducation *e = &p->education[i];
        html_text(b, e->title ? e->title : "");
        meta(b, e->institution);
        meta(b, T(req, kind_opts[(unsigned)e->kind < EDUCATION_KIND_MAX ? e->kind : 0]));
}

static void edu_form(HttpRequest *req, StrBuf *b) {
        form_field(req, b, "title", T(req, "Title of the course or qualification"), "text", "off", field(req, "title"),
                   NULL);
        form_field(req, b, "field", T(req, "Field (optional)"), "text", "off", field(req, "field"), NULL);
        form_field(req, b, "institution", T(req, "School or provider (optional)"), "text", "off",
                   field(req, "institution"), T(req, "Kept for you; employers reviewing blind profiles do not see it."));
        prof_select(req, b, "kind", T(req, "Kind"), kind_opts, EDUCATION_KIND_MAX, 0);
        prof_select(req, b, "eqf_level", T(req, "European Qualifications Framework level"), eqf_opts, 9, 0);
        form_field(req, b, "start", T(req, "From (optional)"), "text", "off", field(req, "start"),
                   T(req, "Year and month, e.g. 2021-03."));
        form_field(req, b, "end", T(req, "To (optional)"), "text", "off", field(req, "end"), NULL);
}

static int edu_add(HttpRequest *req, Profile *p, const char **ret_msgid) {
        int64_t kind = req_param_int(req, "kind", 0), eqf = req_param_int(req, "eqf_level", 0);
        if (!field(req, "title")) {
                *ret_msgid = N_("Please give the title of the course or qualification.");
                return -EINVAL;
        }
        if (kind < 0 || kind >= EDUCATION_KIND_MAX || eqf < 0 || eqf > 8) {
                *ret_msgid = N_("Please choose one of the options.");
                return -EINVAL;
        }
        ProfileEducation *v = grow(req, p->education, p->n_education, sizeof(ProfileEducation));
        if (!v)
                return -ENOMEM;
        v[p->n_education++] = (ProfileEducation){ .title = field(req, "title"), .field = field(req, "field"),
                                                  .institution = field(req, "institution"), .eqf_level = (int)eqf,
                                                  .kind = (EducationKind)kind, .start = field(req, "start"),
                                                  .end = field(req, "end") };
        p->education = v;
        return 0;
}

static void edu_remove(Profile *p, size_t i) { drop(p->education, &p->n_education, sizeof(ProfileEducation), i); }

/* ---- languages ---- */

static const char *const cefr_opts[] = { "A1", "A2", "B1", "B2", "C1", "C2" };

static const char *language_name(HttpRequest *req, const char *code) {
        const char *msgid = profile_language_msgid(code);
        return msgid ? T(req, msgid) : code;
}

static size_t lang_count(const Profile *p) { return p->n_languages; }

static void lang_item(HttpRequest *req, StrBuf *b, const Profile *p, size_t i) {
        const ProfileLanguage *l = &p->languages[i];
        html_text(b, language_name(req, l->code));
        meta(b, l->native ? T(req, "native") : cefr_name(l->level));
}

static void lang_form(HttpRequest *req, StrBuf *b) {
        html_lit(b, "<div class=\"field\"><label for=\"code\">");
        html_text(b, T(req, "Language"));
        html_lit(b, "</label><select id=\"code\" name=\"code\">");
        size_t n;
        const ProfileLanguageName *names = profile_language_names(&n);
        for (size_t i = 0; i < n; i++) {
                html_lit(b, "<option");
                html_attr(b, "value", names[i].code);
                html_lit(b, ">");
                html_text(b, T(req, names[i].msgid));
                html_lit(b, "</option>");
        }
        html_lit(b, "</select></div>");
        prof_select(req, b, "level", T(req, "Level (CEFR: A1 beginner … C2 mastery)"), cefr_opts, CEFR_MAX, 2);
        html_lit(b, "<div class=\"field\"><input type=\"checkbox\" id=\"native\" name=\"native\" value=\"yes\"> <label for=\"native\">");
        html_text(b, T(req, "It is my mother tongue"));
        html_lit(b, "</label></div>");
}

static int lang_add(HttpRequest *req, Profile *p, const char **ret_msgid) {
        const char *code = field(req, "code");
        int64_t level = req_param_int(req, "level", -1);
        if (!profile_language_msgid(code) || level < 0 || level >= CEFR_MAX) {
                *ret_msgid = N_("Please choose one of the options.");
                return -EINVAL;
        }
        if (profile_language_find(p, code) >= 0) {
                *ret_msgid = N_("That language is already in your profile. Remove it first to change its level.");
                return -EINVAL;
        }
        ProfileLanguage *v = grow(req, p->languages, p->n_languages, sizeof(ProfileLanguage));
        if (!v)
                return -ENOMEM;
        ProfileLanguage l = { .native = field(req, "native") != NULL, .level = (CefrLevel)level };
        snprintf(l.code, sizeof l.code, "%s", code);
        v[p->n_languages++] = l;
        p->languages = v;
        return 0;
}

static void lang_remove(Profile *p, size_t i) { drop(p->languages, &p->n_languages, sizeof(ProfileLanguage), i); }

/* ---- projects ---- */

static size_t proj_count(const Profile *p) { return p->n_projects; }

static void proj_item(HttpRequest *req, StrBuf *b, const Profile *p, size_t i) {
        (void)req;
        html_text(b, p->projects[i].name ? p->projects[i].name : "");
}

static void proj_form(HttpRequest *req, StrBuf *b) {
        form_field(req, b, "name", T(req, "Project name"), "text", "off", field(req, "name"), NULL);
        form_textarea(req, b, "description", T(req, "What you built or did, and with which tools"),
                      field(req, "description"), NULL, 4);
}

static int proj_add(HttpRequest *req, Profile *p, const char **ret_msgid) {
        if (!field(req, "name")) {
                *ret_msgid = N_("Please give the project a name.");
                return -EINVAL;
        }
        ProfileProject *v = grow(req, p->projects, p->n_projects, sizeof(ProfileProject));
        if (!v)
                return -ENOMEM;
        v[p->n_projects++] = (ProfileProject){ field(req, "name"), field(req, "description") };
        p->projects = v;
        return 0;
}

static void proj_remove(Profile *p, size_t i) { drop(p->projects, &p->n_projects, sizeof(ProfileProject), i); }

static const Section sections[] = {
        { "experience", N_("Experience"), exp_count, exp_item, exp_form, exp_add, exp_remove },
        { "education", N_("Education and training"), edu_count, edu_item, edu_form, edu_add, edu_remove },
        { "languages", N_("Languages"), lang_count, lang_item, lang_form, lang_add, lang_remove },
        { "projects", N_("Projects"), proj_count, proj_item, proj_form, proj_add, proj_remove },
};

static const Section *section_of(HttpRequest *req) {
        const char *s = req_param(req, "section");
        for (size_t i = 0; s && i < sizeof sections / sizeof sections[0]; i++)
                if (strcmp(sections[i].slug, s) == 0)
                        return &sections[i];
        return NULL;
}

static void entry_list(HttpRequest *req, StrBuf *b, const Section *s, const MyProfile *mp) {
        size_t n = s->count(&mp->p);
        if (n == 0) {
                html_lit(b, "<p>");
                html_text(b, T(req, "Nothing here yet."));
                html_lit(b, "</p>");
                return;
        }
        html_lit(b, "<ul class=\"entries\">");
        for (size_t i = 0; i < n; i++) {
                html_lit(b, "<li>");
                s->item(req, b, &mp->p, i);
                const char *hidden[] = { "index", arena_printf(req->arena, "%zu", i), NULL };
                html_lit(b, " ");
                prof_button_form(req, b, mp, arena_printf(req->arena, "/%s/remove", s->slug), hidden,
                                 T(req, "Remove"), arena_printf(req->arena, "%zu", i + 1));
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
}

static int entries_page(HttpRequest *req, const Section *s, const MyProfile *mp, const char *error_msgid) {
        prof_page_begin(req, T(req, s->title), error_msgid);
        StrBuf *b = resp_body(req);
        entry_list(req, b, s, mp);
        html_lit(b, "<section aria-labelledby=\"h-new\"><h2 id=\"h-new\">");
        html_text(b, T(req, "Add"));
        html_lit(b, "</h2><form method=\"post\"");
        html_url(b, "action", arena_printf(req->arena, "%s/%s", prof_base(req), s->slug));
        html_lit(b, ">");
        web_csrf_field(req, b);
        prof_version_field(req, b, mp);
        s->form(req, b);
        html_lit(b, "<p><button type=\"submit\">");
        html_text(b, T(req, "Add"));
        html_lit(b, "</button></p></form></section>");
        page_end(req);
        return 0;
}

static int prof_entries_with(HttpRequest *req, const char *error_msgid) {
        const Section *s = section_of(req);
        MyProfile mp;
        int r = s ? prof_load(req, &mp) : -ENOENT;
        return r < 0 ? r : entries_page(req, s, &mp, error_msgid);
}

int page_profile_entries(HttpRequest *req) { return prof_entries_with(req, NULL); }

int post_profile_entry_add(HttpRequest *req) {
        const Section *s = section_of(req);
        MyProfile mp;
        int r = s ? prof_load_for_edit(req, &mp) : -ENOENT;
        if (r == -EEXIST)
                return entries_page(req, s, &mp, PROF_STALE);
        if (r < 0)
                return r;
        MyProfile before = mp;
        const char *msgid = NULL;
        r = s->add(req, &mp.p, &msgid);
        if (r == 0)
                r = prof_validate(req, &mp.p, &msgid);
        if (r == -EINVAL)
                return entries_page(req, s, &before, msgid);
        return r < 0 ? r : prof_save_redirect(req, &mp, arena_printf(req->arena, "/%s", s->slug));
}

int post_profile_entry_remove(HttpRequest *req) {
        const Section *s = section_of(req);
        MyProfile mp;
        int r = s ? prof_load_for_edit(req, &mp) : -ENOENT;
        if (r == -EEXIST)
                return entries_page(req, s, &mp, PROF_STALE);
        if (r < 0)
                return r;
        int64_t i = req_param_int(req, "index", -1);
        if (i < 0 || (size_t)i >= s->count(&mp.p))
                return entries_page(req, s, &mp, N_("That entry is no longer in your profile."));
        /* The loaded arrays are this request's own copies: edit in place. */
        s->remove(&mp.p, (size_t)i);
        return prof_save_redirect(req, &mp, arena_printf(req->arena, "/%s", s->slug));
}
