#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "domain/profiles/profile_internal.h"

static const char *const cefr_names[CEFR_MAX] = {"A1", "A2", "B1", "B2", "C1", "C2"};

int cefr_parse(const char *s, CefrLevel *ret) {
        for (int i = 0; s && i < CEFR_MAX; i++)
                if (strcasecmp(s, cefr_names[i]) == 0) {
                        *ret = (CefrLevel)i;
                        return 0;
                }
        return -EINVAL;
}

const char *cefr_name(CefrLevel level) { return (unsigned)level < CEFR_MAX ? cefr_names[level] : "?"; }

size_t profile_bootcamp_count(const Profile *p) {
        size_t n = 0;
        for (size_t i = 0; i < p->n_education; i++)
                n += p->education[i].kind == EDUCATION_BOOTCAMP;
        return n;
}

int profile_language_find(const Profile *p, const char *code) {
        for (size_t i = 0; code && i < p->n_languages; i++)
                if (strcasecmp(p->languages[i].code, code) == 0)
                        return (int)i;
        return -1;
}

/* "YYYY", "YYYY-MM", "YYYY-MM-DD..." -> months since year 0. */
static int parse_month(const char *s, int *ret) {
        int y = 0, m = 1, k = 0;
        if (!s)
                return -EINVAL;
        for (; k < 4; k++) {
                if (!isdigit((unsigned char)s[k]))
                        return -EINVAL;
                y = y * 10 + (s[k] - '0');
        }
        if (s[4] == '-') {
                if (!isdigit((unsigned char)s[5]) || !isdigit((unsigned char)s[6]))
                        return -EINVAL;
                m = (s[5] - '0') * 10 + (s[6] - '0');
                if (m < 1 || m > 12)
                        return -EINVAL;
        } else if (s[4] != '\0' && s[4] != 'T') {
                return -EINVAL;
        }
        *ret = y * 12 + (m - 1);
        return 0;
}

int profile_months_between(const char *start, const char *end, int *ret_months) {
        int a, b;
        if (parse_month(start, &a) < 0 || parse_month(end, &b) < 0 || b < a)
                return -EINVAL;
        *ret_months = b - a + 1; /* both months count: Jan..Jan is one month */
        return 0;
}

void *profile_io_push(Arena *a, void *arrp, size_t *n, size_t max, size_t elem, int *rc) {
        char **arr = arrp;
        if (*n >= max) {
                *rc = -E2BIG;
                return NULL;
        }
        if (!*arr && !(*arr = arena_alloc(a, max * elem))) {
                *rc = -ENOMEM;
                return NULL;
        }
        return *arr + elem * (*n)++;
}

const char *profile_io_text(Arena *a, const char *s, int *rc) {
        if (!s)
                return NULL;
        while (*s && isspace((unsigned char)*s))
                s++;
        size_t n = strlen(s);
        while (n && isspace((unsigned char)s[n - 1]))
                n--;
        if (!n)
                return NULL;
        if (n > PROFILE_MAX_TEXT_BYTES) {
                *rc = -E2BIG;
                return NULL;
        }
        if (!utf8_valid(s, n)) {
                *rc = -EINVAL;
                return NULL;
        }
        const char *r = arena_strndup(a, s, n);
        if (!r)
                *rc = -ENOMEM;
        return r;
}

int profile_io_fail(ProfileIoError *err, int rc, const char *msgid, const char *detail) {
        if (err) {
                memset(err, 0, sizeof *err);
                err->msgid = msgid;
                snprintf(err->detail, sizeof err->detail, "%s", detail ? detail : "");
        }
        return rc;
}

static bool has_skill(const Profile *p, const char *uri, const char *label) {
        for (size_t i = 0; i < p->n_skills; i++) {
                const ProfileSkill *s = &p->skills[i];
                if (uri ? s->uri && strcmp(s->uri, uri) == 0 : !s->uri && strcasecmp(s->label, label) == 0)
                        return true;
        }
        return false;
}

int profile_io_add_skill(Arena *a, Profile *p, const ProfileImportOptions *opt, const char *name, const char *uri, int level,
                  bool proposed) {
        int rc = 0;
        const char *label = profile_io_text(a, name, &rc);
        if (rc || !label)
                return rc;
        uint32_t id;
        if (!uri && opt && opt->esco && esco_index_find_label(opt->esco, label, &id) == 0)
                uri = esco_index_skill(opt->esco, id)->uri;
        if (has_skill(p, uri, label))
                return 0;
        ProfileSkill *s = profile_io_push(a, &p->skills, &p->n_skills, PROFILE_MAX_SKILLS, sizeof *s, &rc);
        if (!s)
                return rc;
        s->uri = uri ? arena_strdup(a, uri) : NULL;
        s->label = label;
        s->level = level >= PROFILE_SKILL_LEVEL_MIN && level <= PROFILE_SKILL_LEVEL_MAX ? level : 0;
        s->proposed = proposed;
        return uri && !s->uri ? -ENOMEM : 0;
}

int profile_io_months(const char *start, const char *end, const ProfileImportOptions *opt) {
        int m = 0;
        if (!end)
                end = opt ? opt->today : NULL;
        if (start && end && profile_months_between(start, end, &m) == 0)
                return m;
        return 0;
}

int profile_propose_skills(Arena *a, Profile *p, const EscoIndex *esco, const char *text, size_t len) {
        EscoMention *m = NULL;
        size_t n = 0;
        if (!a || !p || !esco)
                return -EINVAL;
        int rc = esco_extract(esco, text, len, &m, &n);
        if (rc < 0)
                return rc;
        /* Re-home the array in this arena when it is not at full capacity. */
        if (p->skills && p->n_skills < PROFILE_MAX_SKILLS) {
                ProfileSkill *copy = arena_alloc(a, PROFILE_MAX_SKILLS * sizeof *copy);
                if (!copy) {
                        free(m);
                        return -ENOMEM;
                }
                memcpy(copy, p->skills, p->n_skills * sizeof *copy);
                p->skills = copy;
        }
        int added = 0;
        for (size_t i = 0; i < n && rc == 0; i++) {
                const EscoSkill *s = esco_index_skill(esco, m[i].skill_id);
                size_t before = p->n_skills;
                rc = profile_io_add_skill(a, p, NULL, s->label, s->uri, 0, true);
                added += p->n_skills > before;
        }
        free(m);
        return rc < 0 ? rc : added;
}
