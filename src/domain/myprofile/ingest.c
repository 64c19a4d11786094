/* Bringing a CV in: a Europass or JSON Resume file merged into the
 * profile, or a CV document whose text is kept and whose skills are
 * proposed for the candidate to confirm. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/doctext/doctext.h"
#include "domain/myprofile/myprofile.h"

/* Appends n items of size sz from src to the array *dst of *dst_n, up to
 * max in all (the rest is dropped: the limit is named in profile.h). */
static int append(Arena *a, void **dst, size_t *dst_n, const void *src, size_t n, size_t sz, size_t max) {
        if (*dst_n + n > max)
                n = max > *dst_n ? max - *dst_n : 0;
        if (n == 0)
                return 0;
        char *v = arena_alloc(a, sz * (*dst_n + n));
        if (!v)
                return -ENOMEM;
        if (*dst_n)
                memcpy(v, *dst, sz * *dst_n);
        memcpy(v + sz * *dst_n, src, sz * n);
        *dst = v;
        *dst_n += n;
        return 0;
}

static bool has_skill(const Profile *p, const ProfileSkill *s) {
        for (size_t i = 0; i < p->n_skills; i++) {
                const ProfileSkill *o = &p->skills[i];
                if (s->uri ? o->uri && strcmp(o->uri, s->uri) == 0 : !o->uri && o->label && s->label &&
                                                                          strcasecmp(o->label, s->label) == 0)
                        return true;
        }
        return false;
}

static int merge_skills(Arena *a, Profile *dst, const Profile *src) {
        for (size_t i = 0; i < src->n_skills; i++) {
                if (has_skill(dst, &src->skills[i]))
                        continue;
                ProfileSkill s = src->skills[i];
                s.proposed = true; /* the candidate confirms what a file says */
                int r = append(a, (void **)&dst->skills, &dst->n_skills, &s, 1, sizeof s, PROFILE_MAX_SKILLS);
                if (r < 0)
                        return r;
        }
        return 0;
}

static int merge_languages(Arena *a, Profile *dst, const Profile *src) {
        for (size_t i = 0; i < src->n_languages; i++) {
                if (profile_language_find(dst, src->languages[i].code) >= 0)
                        continue;
                int r = append(a, (void **)&dst->languages, &dst->n_languages, &src->languages[i], 1,
                               sizeof(ProfileLanguage), PROFILE_MAX_LANGUAGES);
                if (r < 0)
                        return r;
        }
        return 0;
}

static int merge(Arena *a, Profile *dst, const Profile *src) {
        int r = merge_skills(a, dst, src);
        if (r == 0)
                r = merge_languages(a, dst, src);
        if (r == 0)
                r = append(a, (void **)&dst->experience, &dst->n_experience, src->experience, src->n_experience,
                           sizeof(ProfileExperience), PROFILE_MAX_EXPERIENCE);
        if (r == 0)
                r = append(a, (void **)&dst->education, &dst->n_education, src->education, src->n_education,
                           sizeof(ProfileEducation), PROFILE_MAX_EDUCATION);
        if (r == 0)
                r = append(a, (void **)&dst->projects, &dst->n_projects, src->projects, src->n_projects,
                           sizeof(ProfileProject), PROFILE_MAX_PROJECTS);
        if (r < 0)
                return r;
        if ((!dst->headline || !*dst->headline) && src->headline)
                dst->headline = src->headline;
        if ((!dst->summary || !*dst->summary) && src->summary)
                dst->summary = src->summary;
        if ((!dst->skills_text || !*dst->skills_text) && src->skills_text)
                dst->skills_text = src->skills_text;
        return 0;
}

/* Skills named in the file's free text (skills section, descriptions of
 * work and projects) are proposed too. */
static int propose_from_text(const MypCtx *x, Arena *a, Profile *dst, const Profile *in) {
        if (!x->esco)
                return 0;
        StrBuf t;
        strbuf_init(&t, ESCO_EXTRACT_MAX_TEXT_BYTES);
        if (in->skills_text)
                strbuf_printf(&t, "%s\n", in->skills_text);
        for (size_t i = 0; i < in->n_experience; i++)
                if (in->experience[i].description)
                        strbuf_printf(&t, "%s\n", in->experience[i].description);
        for (size_t i = 0; i < in->n_projects; i++)
                if (in->projects[i].description)
                        strbuf_printf(&t, "%s\n", in->projects[i].description);
        int r = strbuf_error(&t) == 0 && t.len ? profile_propose_skills(a, dst, x->esco, t.data, t.len) : 0;
        strbuf_free(&t);
        return r == -E2BIG ? 0 : r < 0 ? r : 0; /* an overlong text proposes nothing, it is no error */
}

static const char *today(Arena *a) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        return arena_printf(a, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int myp_import(const MypCtx *x, Arena *a, MyProfile *mp, const char *data, size_t len, ProfileIoError *err) {
        ProfileImportOptions opt = { .today = today(a), .esco = x->esco };
        Profile in;
        ProfileIdentity id;
        size_t i = 0;
        while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
                i++;
        if (i + 3 <= len && (unsigned char)data[i] == 0xEF && (unsigned char)data[i + 1] == 0xBB)
                i += 3; /* a byte-order mark */
        int r;
        if (i < len && data[i] == '{')
                r = jsonresume_import(a, data, len, &opt, &in, &id, err);
        else
                r = europass_import(a, data, len, &opt, &in, &id, err);
        if (r < 0)
                return r;
        Profile merged = mp->p;
        r = merge(a, &merged, &in);
        if (r == 0)
                r = propose_from_text(x, a, &merged, &in);
        if (r < 0)
                return r;
        mp->p = merged;
        mp->identity = id;
        return 0;
}

int myp_take_cv(const MypCtx *x, Arena *a, MyProfile *mp, const char *data, size_t len, int *ret_proposed,
                size_t *ret_images) {
        if (len > MYP_CV_MAX_BYTES)
                return -E2BIG;
        DocText *dt;
        int r = doctext_extract(a, data, len, &dt);
        if (r < 0)
                return r;
        if (dt->len > MYP_CV_TEXT_MAX)
                return -E2BIG;
        if (dt->len == 0)
                return -EINVAL; /* a scanned CV without text: nothing to work with */
        Profile p = mp->p;
        int n = 0;
        if (x->esco) {
                n = profile_propose_skills(a, &p, x->esco, dt->text, dt->len);
                if (n < 0)
                        return n;
        }
        mp->p = p;
        mp->cv_text = dt->text;
        if (ret_proposed)
                *ret_proposed = n;
        if (ret_images)
                *ret_images = dt->images_dropped;
        return 0;
}
