#include "domain/profiles/candidates.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/i18n.h"
#include "core/utf8.h"

struct CandidateLineState {
        json_t *root; /* the current line's document: record strings point in here */
};

static int fail(CandidatesError *err, int rc, const char *msgid, const char *detail) {
        if (err) {
                err->msgid = msgid;
                snprintf(err->detail, sizeof err->detail, "%s", detail ? detail : "");
        }
        return rc;
}

/* A string of 1..max bytes (jansson guarantees valid UTF-8). */
static const char *bounded(const json_t *v, size_t max) {
        const char *s = json_string_value(v);
        size_t n = s ? json_string_length(v) : 0;
        return n >= 1 && n <= max && !memchr(s, '\n', n) ? s : NULL;
}

static int skills(const json_t *arr, CandidateRecord *r, CandidatesError *err) {
        size_t i;
        const json_t *v;
        if (arr && !json_is_array(arr))
                return fail(err, -EINVAL, N_("\"skills\" must be a list."), "skills");
        if (json_array_size(arr) > PROFILE_MAX_SKILLS)
                return fail(err, -E2BIG, N_("Too many skills for one candidate."), "skills");
        json_array_foreach(arr, i, v) {
                const char *uri = bounded(json_object_get(v, "uri"), CANDIDATES_MAX_URI_BYTES);
                const json_t *lv = json_object_get(v, "level");
                if (!uri || strncmp(uri, CANDIDATES_ESCO_SKILL_PREFIX, strlen(CANDIDATES_ESCO_SKILL_PREFIX)) != 0)
                        return fail(err, -EINVAL, N_("A skill needs an ESCO skill URI."), "skills[].uri");
                if (lv && (!json_is_integer(lv) || json_integer_value(lv) < PROFILE_SKILL_LEVEL_MIN ||
                           json_integer_value(lv) > PROFILE_SKILL_LEVEL_MAX))
                        return fail(err, -EINVAL, N_("A skill level must be a whole number from 1 to 4."), "skills[].level");
                r->skills[r->n_skills++] = (CandidateSkill){uri, lv ? (int)json_integer_value(lv) : 0};
        }
        return 0;
}

static bool lang_code_ok(const char *s) {
        size_t n = s ? strlen(s) : 0;
        if (n < 2 || n > 3)
                return false;
        for (size_t i = 0; i < n; i++)
                if (s[i] < 'a' || s[i] > 'z')
                        return false;
        return true;
}

static int languages(const json_t *arr, CandidateRecord *r, CandidatesError *err) {
        size_t i;
        const json_t *v;
        if (arr && !json_is_array(arr))
                return fail(err, -EINVAL, N_("\"languages\" must be a list."), "languages");
        if (json_array_size(arr) > PROFILE_MAX_LANGUAGES)
                return fail(err, -E2BIG, N_("Too many languages for one candidate."), "languages");
        json_array_foreach(arr, i, v) {
                const char *code = json_string_value(json_object_get(v, "code"));
                const char *level = json_string_value(json_object_get(v, "level"));
                ProfileLanguage *l = &r->languages[r->n_languages];
                memset(l, 0, sizeof *l);
                if (!lang_code_ok(code))
                        return fail(err, -EINVAL, N_("A language needs a two- or three-letter code such as \"en\"."),
                                    "languages[].code");
                strcpy(l->code, code);
                if (level && strcmp(level, "native") == 0)
                        l->native = true, l->level = CEFR_C2;
                else if (cefr_parse(level, &l->level) < 0)
                        return fail(err, -EINVAL, N_("A language level must be A1, A2, B1, B2, C1, C2 or native."),
                                    "languages[].level");
                r->n_languages++;
        }
        return 0;
}

static int cities(const json_t *arr, CandidateRecord *r, CandidatesError *err) {
        size_t i;
        const json_t *v;
        if (arr && !json_is_array(arr))
                return fail(err, -EINVAL, N_("\"cities\" must be a list."), "cities");
        if (json_array_size(arr) > PROFILE_MAX_CITIES)
                return fail(err, -E2BIG, N_("Too many cities for one candidate."), "cities");
        json_array_foreach(arr, i, v) {
                const char *c = bounded(v, CANDIDATES_MAX_CITY_BYTES);
                if (!c)
                        return fail(err, -EINVAL, N_("A city must be a short piece of text."), "cities[]");
                r->cities[r->n_cities++] = c;
        }
        return 0;
}

static int remote(const json_t *v, CandidateRecord *r, CandidatesError *err) {
        static const char *const names[REMOTE_MAX] = {"any", "no", "hybrid", "only"};
        r->remote = REMOTE_ANY;
        if (!v)
                return 0;
        if (json_is_boolean(v)) {
                r->remote = json_is_true(v) ? REMOTE_ANY : REMOTE_NO;
                return 0;
        }
        for (int i = 0; json_is_string(v) && i < REMOTE_MAX; i++)
                if (strcmp(json_string_value(v), names[i]) == 0) {
                        r->remote = (RemotePreference)i;
                        return 0;
                }
        return fail(err, -EINVAL, N_("\"remote\" must be no, hybrid, only, any, true or false."), "remote");
}

int candidates_parse_line(CandidateLineState **state, const char *line, size_t len, CandidateRecord *r,
                          CandidatesError *err) {
        if (!*state && !(*state = calloc(1, sizeof **state)))
                return -ENOMEM;
        json_decref((*state)->root);
        (*state)->root = NULL;
        json_error_t je;
        json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
        if (!root)
                return fail(err, -EINVAL, N_("This line is not valid JSON."), je.text);
        (*state)->root = root;
        if (!json_is_object(root))
                return fail(err, -EINVAL, N_("Each line must be one JSON object."), NULL);
        unsigned long keep = r->line;
        memset(r, 0, offsetof(CandidateRecord, skills));
        r->line = keep;
        r->n_skills = r->n_languages = r->n_cities = 0;
        r->external_id = bounded(json_object_get(root, "external_id"), CANDIDATES_MAX_ID_BYTES);
        if (!r->external_id)
                return fail(err, -EINVAL, N_("\"external_id\" is missing or too long."), "external_id");
        int rc = skills(json_object_get(root, "skills"), r, err);
        if (!rc)
                rc = languages(json_object_get(root, "languages"), r, err);
        if (!rc)
                rc = cities(json_object_get(root, "cities"), r, err);
        if (!rc)
                rc = remote(json_object_get(root, "remote"), r, err);
        return rc;
}

void candidates_line_free(CandidateLineState *state) {
        if (!state)
                return;
        json_decref(state->root);
        free(state);
}

typedef struct Reader {
        CandidateFn fn;
        void *ud;
        CandidatesError *err;
        CandidateLineState *state;
        CandidateRecord *rec;
        unsigned long line, count;
} Reader;

static int one_line(Reader *rd, const char *s, size_t n) {
        rd->line++;
        if (n && s[n - 1] == '\r')
                n--;
        if (n > CANDIDATES_MAX_LINE_BYTES)
                return fail(rd->err, -E2BIG, N_("A line is too long."), NULL);
        size_t blank = 0;
        while (blank < n && (s[blank] == ' ' || s[blank] == '\t'))
                blank++;
        if (blank == n)
                return 0;
        if (++rd->count > CANDIDATES_MAX_RECORDS)
                return fail(rd->err, -E2BIG, N_("The file has too many lines."), NULL);
        rd->rec->line = rd->line;
        int rc = candidates_parse_line(&rd->state, s, n, rd->rec, rd->err);
        if (rc == 0 && rd->fn)
                rc = rd->fn(rd->ud, rd->rec);
        return rc;
}

static int reader_init(Reader *rd, CandidateFn fn, void *ud, CandidatesError *err) {
        memset(rd, 0, sizeof *rd);
        rd->fn = fn, rd->ud = ud, rd->err = err;
        rd->rec = malloc(sizeof *rd->rec);
        if (err)
                memset(err, 0, sizeof *err);
        return rd->rec ? 0 : -ENOMEM;
}

static int reader_done(Reader *rd, int rc, unsigned long *ret_count) {
        if (rc && rd->err)
                rd->err->line = rd->line;
        else if (rd->err)
                memset(rd->err, 0, sizeof *rd->err);
        if (!rc && ret_count)
                *ret_count = rd->count;
        candidates_line_free(rd->state);
        free(rd->rec);
        return rc;
}

int candidates_read_buffer(const char *data, size_t len, CandidateFn fn, void *ud, unsigned long *ret_count,
                           CandidatesError *err) {
        Reader rd;
        int rc = reader_init(&rd, fn, ud, err);
        while (rc == 0 && len) {
                const char *nl = memchr(data, '\n', len);
                size_t n = nl ? (size_t)(nl - data) : len;
                rc = one_line(&rd, data, n);
                data += n + (nl != NULL);
                len -= n + (nl != NULL);
        }
        return reader_done(&rd, rc, ret_count);
}

int candidates_read_file(FILE *f, CandidateFn fn, void *ud, unsigned long *ret_count, CandidatesError *err) {
        Reader rd;
        int rc = reader_init(&rd, fn, ud, err);
        char *buf = NULL;
        size_t cap = 0;
        ssize_t n;
        while (rc == 0 && (n = getline(&buf, &cap, f)) > 0)
                rc = one_line(&rd, buf, (size_t)n - (buf[n - 1] == '\n'));
        if (rc == 0 && ferror(f))
                rc = fail(err, -EIO, N_("The file could not be read."), NULL);
        free(buf);
        return reader_done(&rd, rc, ret_count);
}
