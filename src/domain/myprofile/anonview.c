/* The anonymised view of a profile: the profile written as text in the
 * candidate's language (no employers, schools or dates, only durations),
 * then the CV's text, through the anonymiser with the known values and the
 * candidate's own marks. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "domain/myprofile/myprofile.h"

#define G(lang, s) i18n_gettext((lang), (s))

static const char *const level_msgids[] = { NULL, N_("basic"), N_("independent"), N_("proficient"),
                                            N_("expert") };

static void heading(StrBuf *out, Lang lang, const char *msgid) {
        strbuf_printf(out, "\n%s\n", G(lang, msgid));
}

static void text_line(StrBuf *out, const char *s) {
        if (s && *s)
                strbuf_printf(out, "%s\n", s);
}

static void duration(StrBuf *out, Lang lang, int months) {
        int y = months / 12, m = months % 12;
        if (y)
                strbuf_printf(out, i18n_ngettext(lang, "%d year", "%d years", (unsigned long)y), y);
        if (y && m)
                strbuf_puts(out, " ");
        if (m)
                strbuf_printf(out, i18n_ngettext(lang, "%d month", "%d months", (unsigned long)m), m);
}

static void skills_text(const Profile *p, Lang lang, StrBuf *out) {
        bool any = false;
        for (size_t i = 0; i < p->n_skills; i++) {
                const ProfileSkill *s = &p->skills[i];
                if (s->proposed || !s->label)
                        continue;
                if (!any)
                        heading(out, lang, N_("Skills"));
                any = true;
                strbuf_printf(out, "- %s", s->label);
                if (s->level >= PROFILE_SKILL_LEVEL_MIN && s->level <= PROFILE_SKILL_LEVEL_MAX)
                        strbuf_printf(out, " (%s)", G(lang, level_msgids[s->level]));
                strbuf_puts(out, "\n");
        }
}

static void experience_text(const Profile *p, Lang lang, StrBuf *out) {
        if (p->n_experience)
                heading(out, lang, N_("Experience"));
        for (size_t i = 0; i < p->n_experience; i++) {
                const ProfileExperience *e = &p->experience[i];
                strbuf_printf(out, "- %s", e->role && *e->role ? e->role : G(lang, N_("Role not given")));
                if (e->sector && *e->sector)
                        strbuf_printf(out, ", %s", e->sector);
                if (e->months > 0) {
                        strbuf_puts(out, ", ");
                        duration(out, lang, e->months);
                }
                strbuf_puts(out, "\n");
                text_line(out, e->description);
        }
}

static void education_text(const Profile *p, Lang lang, StrBuf *out) {
        if (p->n_education)
                heading(out, lang, N_("Education and training"));
        for (size_t i = 0; i < p->n_education; i++) {
                const ProfileEducation *e = &p->education[i];
                strbuf_printf(out, "- %s", e->title && *e->title ? e->title : G(lang, N_("Course")));
                if (e->field && *e->field)
                        strbuf_printf(out, ", %s", e->field);
                if (e->eqf_level > 0)
                        strbuf_printf(out, G(lang, N_(" (EQF level %d)")), e->eqf_level);
                if (e->kind == EDUCATION_BOOTCAMP)
                        strbuf_printf(out, ", %s", G(lang, N_("bootcamp")));
                strbuf_puts(out, "\n");
        }
}

static void languages_text(const Profile *p, Lang lang, StrBuf *out) {
        if (p->n_languages)
                heading(out, lang, N_("Languages"));
        for (size_t i = 0; i < p->n_languages; i++) {
                const ProfileLanguage *l = &p->languages[i];
                const char *name = profile_language_msgid(l->code);
                strbuf_printf(out, "- %s: %s\n", name ? G(lang, name) : l->code,
                              l->native ? G(lang, N_("native")) : cefr_name(l->level));
        }
}

static void projects_text(const Profile *p, Lang lang, StrBuf *out) {
        if (p->n_projects)
                heading(out, lang, N_("Projects"));
        for (size_t i = 0; i < p->n_projects; i++) {
                strbuf_printf(out, "- %s\n", p->projects[i].name ? p->projects[i].name : "");
                text_line(out, p->projects[i].description);
        }
}

/* The profile as the text employers would see, before the anonymiser. */
static void profile_text(const MyProfile *mp, Lang lang, StrBuf *out) {
        const Profile *p = &mp->p;
        text_line(out, p->headline);
        text_line(out, p->summary);
        skills_text(p, lang, out);
        experience_text(p, lang, out);
        education_text(p, lang, out);
        languages_text(p, lang, out);
        projects_text(p, lang, out);
        if (p->career_goals && *p->career_goals) {
                heading(out, lang, N_("Career goals"));
                text_line(out, p->career_goals);
        }
        if (mp->cv_text && *mp->cv_text) {
                heading(out, lang, N_("CV"));
                text_line(out, mp->cv_text);
        }
}

/* Every occurrence (ASCII case-insensitive) of each text, as spans. */
static int spans_of(Arena *a, const char *src, const char *const *texts, size_t n, AnonSpan **ret, size_t *ret_n) {
        AnonSpan *v = arena_alloc(a, sizeof(AnonSpan) * ANON_MAX_SPANS);
        size_t k = 0;
        if (!v)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                size_t len = strlen(texts[i]);
                for (const char *q = len ? strcasestr(src, texts[i]) : NULL; q && k < ANON_MAX_SPANS;
                     q = strcasestr(q + len, texts[i]))
                        v[k++] = (AnonSpan){ (size_t)(q - src), (size_t)(q - src) + len };
        }
        *ret = v;
        *ret_n = k;
        return 0;
}

static void add_known(const char **v, size_t *n, const char *s) {
        if (s && *s && *n < ANON_MAX_KNOWN && strlen(s) <= ANON_MAX_KNOWN_LEN)
                v[(*n)++] = s;
}

static void known_values(Arena *a, const MyProfile *mp, const char *name, const char *email, AnonKnown *k) {
        const ProfileIdentity *id = &mp->identity;
        const char **names = arena_alloc(a, sizeof(char *) * ANON_MAX_KNOWN);
        const char **emails = arena_alloc(a, sizeof(char *) * ANON_MAX_KNOWN);
        *k = (AnonKnown){ .names = names, .emails = emails, .phones = id->phones,
                          .n_phones = id->n_phones < ANON_MAX_KNOWN ? id->n_phones : ANON_MAX_KNOWN };
        if (!names || !emails) {
                *k = (AnonKnown){ 0 };
                return;
        }
        add_known(names, &k->n_names, name);
        add_known(names, &k->n_names, id->name);
        if (id->given_name && id->family_name)
                add_known(names, &k->n_names, arena_printf(a, "%s %s", id->given_name, id->family_name));
        add_known(emails, &k->n_emails, email);
        add_known(emails, &k->n_emails, id->email);
}

/* A pseudonym key only the vault's holder can reproduce. */
static void pseudonym_key(const Vault *v, uint8_t key[ANON_KEY_BYTES]) {
        char hex[AUTH_HASH_HEXLEN];
        vault_blind_index(v, "anonymiser pseudonym key", hex);
        for (size_t i = 0; i < ANON_KEY_BYTES; i++) {
                unsigned b = 0;
                sscanf(hex + 2 * i, "%2x", &b);
                key[i] = (uint8_t)b;
        }
}

int myp_view(const MypCtx *x, Arena *a, const MyProfile *mp, const char *account_name, const char *account_email,
             Lang lang, MypView *ret) {
        StrBuf src;
        strbuf_init(&src, ANON_MAX_INPUT);
        profile_text(mp, lang, &src);
        int r = strbuf_error(&src);
        const char *text = r == 0 ? arena_strdup(a, strbuf_str(&src)) : NULL;
        size_t len = src.len;
        strbuf_free(&src);
        if (r < 0 || !text)
                return r < 0 ? r : -ENOMEM;
        AnonInput in = { .text = text, .len = len, .opt = { .lang = lang, .first_name_is_candidate = true } };
        known_values(a, mp, account_name, account_email, &in.opt.known);
        pseudonym_key(x->vault, in.opt.key);
        AnonSpan *force, *keep;
        r = spans_of(a, text, mp->remove, mp->n_remove, &force, &in.n_force);
        if (r == 0)
                r = spans_of(a, text, mp->keep, mp->n_keep, &keep, &in.n_keep);
        if (r < 0)
                return r;
        in.force = force;
        in.keep = keep;
        AnonResult *res;
        r = anon_run(x->anon, a, &in, &res);
        if (r < 0)
                return r;
        *ret = (MypView){ .source = text, .source_len = len, .result = res,
                          .approved_current = mp->approved && strcmp(mp->approved, res->text) == 0 };
        return 0;
}

static int mark_check(const MypView *v, bool remove, const char *text, const char **ret_msgid) {
        size_t n = text ? strlen(text) : 0;
        if (n < MYP_MARK_MIN_BYTES) {
                *ret_msgid = N_("Type at least two characters.");
                return -EINVAL;
        }
        if (n > MYP_MARK_MAX_BYTES) {
                *ret_msgid = N_("That text is too long: mark at most 200 characters at a time.");
                return -EINVAL;
        }
        if (remove && !strcasestr(v->source, text)) {
                *ret_msgid = N_("That text does not appear in your profile or CV. Copy it exactly as it is written.");
                return -EINVAL;
        }
        return 0;
}

int myp_mark(MyProfile *mp, Arena *a, const MypView *v, bool remove, const char *text, const char **ret_msgid) {
        int r = mark_check(v, remove, text, ret_msgid);
        if (r < 0)
                return r;
        const char ***list = remove ? &mp->remove : &mp->keep;
        size_t *n = remove ? &mp->n_remove : &mp->n_keep;
        for (size_t i = 0; i < *n; i++)
                if (strcasecmp((*list)[i], text) == 0)
                        return 0; /* already marked */
        if (*n >= MYP_MAX_MARKS) {
                *ret_msgid = N_("You have marked the most texts possible. Remove a mark first.");
                return -E2BIG;
        }
        const char **nv = arena_alloc(a, sizeof(char *) * (*n + 1));
        const char *copy = arena_strdup(a, text);
        if (!nv || !copy)
                return -ENOMEM;
        if (*n)
                memcpy(nv, *list, sizeof(char *) * *n);
        nv[(*n)++] = copy;
        *list = nv;
        return 0;
}

int myp_unmark(MyProfile *mp, bool remove, size_t i) {
        const char **list = remove ? mp->remove : mp->keep;
        size_t *n = remove ? &mp->n_remove : &mp->n_keep;
        if (i >= *n)
                return -ENOENT;
        memmove(&list[i], &list[i + 1], sizeof(char *) * (*n - i - 1));
        (*n)--;
        return 0;
}

void myp_approve(MyProfile *mp, const MypView *v, int64_t now) {
        mp->approved = v->result->text;
        mp->approved_at = now;
}
