/* One line of the candidates JSONL file. A small JSON reader for exactly
 * this schema: no document tree, strings unescaped into one scratch
 * buffer, unknown values skipped (jansson builds a tree of hash tables per
 * line, which made bulk loading slower than the 20,000 profiles/s needed). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "domain/profiles/candidates.h"

struct CandidateLineState {
        char *scratch; /* unescaped strings of the current line */
        size_t used, cap;
};

#define JSON_MAX_DEPTH 32

typedef struct P {
        const char *s, *start, *end;
        CandidateLineState *st;
        CandidatesError *err;
} P;

static int fail(CandidatesError *err, int rc, const char *msgid, const char *detail) {
        if (err) {
                err->msgid = msgid;
                snprintf(err->detail, sizeof err->detail, "%s", detail ? detail : "");
        }
        return rc;
}

static int syntax(P *p, const char *what) {
        char d[96];
        snprintf(d, sizeof d, "%s at column %zu", what, (size_t)(p->s - p->start) + 1);
        return fail(p->err, -EINVAL, N_("This line is not valid JSON."), d);
}

static void ws(P *p) {
        while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\r' || *p->s == '\n'))
                p->s++;
}

static bool eat(P *p, char c) {
        ws(p);
        if (p->s < p->end && *p->s == c) {
                p->s++;
                return true;
        }
        return false;
}

static bool at(P *p, char c) {
        ws(p);
        return p->s < p->end && *p->s == c;
}

static int hex4(const char *s, uint32_t *ret) {
        uint32_t v = 0;
        for (int i = 0; i < 4; i++) {
                char c = s[i];
                v <<= 4;
                if (c >= '0' && c <= '9')
                        v |= (uint32_t)(c - '0');
                else if ((c | 32) >= 'a' && (c | 32) <= 'f')
                        v |= (uint32_t)((c | 32) - 'a' + 10);
                else
                        return -1;
        }
        *ret = v;
        return 0;
}

/* \uXXXX (or a surrogate pair) -> code point; advances p->s past it. */
static int unicode_escape(P *p, uint32_t *ret) {
        uint32_t cp, lo;
        if (p->end - p->s < 6 || hex4(p->s + 2, &cp) < 0)
                return syntax(p, "bad \\u escape");
        p->s += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (p->end - p->s < 6 || p->s[0] != '\\' || p->s[1] != 'u' || hex4(p->s + 2, &lo) < 0 || lo < 0xDC00 ||
                    lo > 0xDFFF)
                        return syntax(p, "unpaired surrogate");
                p->s += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0) {
                return syntax(p, cp ? "unpaired surrogate" : "NUL in a string");
        }
        *ret = cp;
        return 0;
}

/* Reads a string into scratch; *ret points at it (NUL-terminated). */
static int str(P *p, const char **ret, size_t *ret_len) {
        static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
        if (!eat(p, '"'))
                return syntax(p, "expected a string");
        char *o = p->st->scratch + p->st->used, *o0 = o;
        while (p->s < p->end && *p->s != '"') {
                unsigned char c = (unsigned char)*p->s;
                if (c < 0x20)
                        return syntax(p, "control character in a string");
                if (c != '\\') {
                        *o++ = (char)c, p->s++;
                        continue;
                }
                const char *k = p->end - p->s >= 2 && p->s[1] ? strchr(from, p->s[1]) : NULL;
                if (k) {
                        *o++ = to[k - from], p->s += 2;
                        continue;
                }
                uint32_t cp = 0;
                if (p->end - p->s < 2 || p->s[1] != 'u')
                        return syntax(p, "bad escape");
                if (unicode_escape(p, &cp) < 0)
                        return -EINVAL;
                o += utf8_encode(cp, o);
        }
        if (p->s >= p->end)
                return syntax(p, "unterminated string");
        p->s++;
        if (!utf8_valid(o0, (size_t)(o - o0)))
                return fail(p->err, -EINVAL, N_("This line is not valid JSON."), "invalid UTF-8");
        *o++ = '\0';
        p->st->used = (size_t)(o - p->st->scratch);
        *ret = o0;
        if (ret_len)
                *ret_len = (size_t)(o - o0) - 1;
        return 0;
}

static bool word(P *p, const char *w) {
        size_t n = strlen(w);
        ws(p);
        if ((size_t)(p->end - p->s) >= n && memcmp(p->s, w, n) == 0) {
                p->s += n;
                return true;
        }
        return false;
}

static size_t digits(P *p) {
        size_t n = 0;
        while (p->s < p->end && *p->s >= '0' && *p->s <= '9')
                p->s++, n++;
        return n;
}

/* A JSON number; *ret_int is set when it is a small plain integer. */
static int number(P *p, long *ret_int, bool *ret_is_int) {
        ws(p);
        const char *b = p->s;
        if (p->s < p->end && *p->s == '-')
                p->s++;
        const char *first = p->s;
        size_t n = digits(p);
        if (!n || (n > 1 && *first == '0'))
                return syntax(p, "bad number");
        bool is_int = true;
        if (p->s < p->end && *p->s == '.') {
                p->s++, is_int = false;
                if (!digits(p))
                        return syntax(p, "bad number");
        }
        if (p->s < p->end && (*p->s == 'e' || *p->s == 'E')) {
                p->s++, is_int = false;
                if (p->s < p->end && (*p->s == '+' || *p->s == '-'))
                        p->s++;
                if (!digits(p))
                        return syntax(p, "bad number");
        }
        *ret_is_int = is_int && p->s - b <= 9;
        long v = 0; /* the line is not NUL-terminated: no strtol */
        for (const char *d = first; *ret_is_int && d < p->s; d++)
                v = v * 10 + (*d - '0');
        *ret_int = *b == '-' ? -v : v;
        return 0;
}

static int skip_value(P *p, int depth);

static int skip_container(P *p, int depth, char close, bool keys) {
        if (depth > JSON_MAX_DEPTH)
                return fail(p->err, -E2BIG, N_("This line is nested too deeply."), NULL);
        if (eat(p, close))
                return 0;
        do {
                const char *k;
                if (keys && str(p, &k, NULL) < 0)
                        return -EINVAL;
                if (keys && !eat(p, ':'))
                        return syntax(p, "expected ':'");
                int rc = skip_value(p, depth + 1);
                if (rc)
                        return rc;
        } while (eat(p, ','));
        return eat(p, close) ? 0 : syntax(p, "expected ',' or a closing bracket");
}

static int skip_value(P *p, int depth) {
        const char *s;
        long l;
        bool b;
        ws(p);
        if (p->s >= p->end)
                return syntax(p, "unexpected end");
        if (*p->s == '"')
                return str(p, &s, NULL);
        if (*p->s == '{' || *p->s == '[') {
                char close = *p->s == '{' ? '}' : ']';
                p->s++;
                return skip_container(p, depth, close, close == '}');
        }
        if (word(p, "true") || word(p, "false") || word(p, "null"))
                return 0;
        return number(p, &l, &b);
}

typedef int (*MemberFn)(P *p, const char *key, void *ud);

/* Iterates the members of an object, calling fn per key. */
static int object(P *p, MemberFn fn, void *ud) {
        if (!eat(p, '{'))
                return syntax(p, "expected an object");
        if (eat(p, '}'))
                return 0;
        do {
                const char *key;
                int rc = str(p, &key, NULL);
                if (rc)
                        return rc;
                if (!eat(p, ':'))
                        return syntax(p, "expected ':'");
                if ((rc = fn(p, key, ud)))
                        return rc;
        } while (eat(p, ','));
        return eat(p, '}') ? 0 : syntax(p, "expected ',' or '}'");
}

/* Iterates array elements; fn parses one. */
static int array(P *p, const char *field, size_t max, int (*fn)(P *p, void *ud), void *ud) {
        if (!eat(p, '['))
                return fail(p->err, -EINVAL, N_("This field must be a list."), field);
        if (eat(p, ']'))
                return 0;
        size_t n = 0;
        do {
                if (n++ >= max)
                        return fail(p->err, -E2BIG, N_("Too many items in a list."), field);
                int rc = fn(p, ud);
                if (rc)
                        return rc;
        } while (eat(p, ','));
        return eat(p, ']') ? 0 : syntax(p, "expected ',' or ']'");
}

/* A known key seen twice is an error (which value would be meant?). */
static int once(P *p, unsigned *seen, unsigned bit, const char *key) {
        if (*seen & bit)
                return fail(p->err, -EINVAL, N_("A field appears twice."), key);
        *seen |= bit;
        return 0;
}

/* A string value, or NULL (value skipped) when it is of another type. */
static int opt_str(P *p, const char **dst, size_t *len) {
        return at(p, '"') ? str(p, dst, len) : skip_value(p, 1);
}

typedef struct Item {
        unsigned seen;
        const char *a, *b; /* uri or code; language level */
        long level;
        bool has_level, level_int;
} Item;

static int skill_member(P *p, const char *key, void *ud) {
        Item *it = ud;
        if (strcmp(key, "uri") == 0)
                return once(p, &it->seen, 1, key) ? -EINVAL : opt_str(p, &it->a, NULL);
        if (strcmp(key, "level") != 0)
                return skip_value(p, 1);
        if (once(p, &it->seen, 2, key))
                return -EINVAL;
        it->has_level = true;
        ws(p);
        if (p->s < p->end && (*p->s == '-' || (*p->s >= '0' && *p->s <= '9')))
                return number(p, &it->level, &it->level_int);
        it->level_int = false;
        return skip_value(p, 1);
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

static int skill_item(P *p, void *ud) {
        CandidateRecord *r = ud;
        Item it = {0};
        int rc = object(p, skill_member, &it);
        if (rc)
                return rc;
        size_t n = it.a ? strlen(it.a) : 0, pl = strlen(CANDIDATES_ESCO_SKILL_PREFIX);
        if (n <= pl || n > CANDIDATES_MAX_URI_BYTES || strncmp(it.a, CANDIDATES_ESCO_SKILL_PREFIX, pl) != 0)
                return fail(p->err, -EINVAL, N_("A skill needs an ESCO skill URI."), "skills[].uri");
        if (it.has_level && (!it.level_int || it.level < PROFILE_SKILL_LEVEL_MIN || it.level > PROFILE_SKILL_LEVEL_MAX))
                return fail(p->err, -EINVAL, N_("A skill level must be a whole number from 1 to 4."), "skills[].level");
        r->skills[r->n_skills++] = (CandidateSkill){it.a, it.has_level ? (int)it.level : 0};
        return 0;
}

static int lang_member(P *p, const char *key, void *ud) {
        Item *it = ud;
        bool code = strcmp(key, "code") == 0;
        if (!code && strcmp(key, "level") != 0)
                return skip_value(p, 1);
        if (once(p, &it->seen, code ? 1 : 2, key))
                return -EINVAL;
        return opt_str(p, code ? &it->a : &it->b, NULL);
}

static int lang_item(P *p, void *ud) {
        CandidateRecord *r = ud;
        Item it = {0};
        int rc = object(p, lang_member, &it);
        if (rc)
                return rc;
        ProfileLanguage *l = &r->languages[r->n_languages];
        memset(l, 0, sizeof *l);
        if (!lang_code_ok(it.a))
                return fail(p->err, -EINVAL, N_("A language needs a two- or three-letter code such as \"en\"."),
                            "languages[].code");
        snprintf(l->code, sizeof l->code, "%s", it.a);
        if (it.b && strcmp(it.b, "native") == 0)
                l->native = true, l->level = CEFR_C2;
        else if (cefr_parse(it.b, &l->level) < 0)
                return fail(p->err, -EINVAL, N_("A language level must be A1, A2, B1, B2, C1, C2 or native."),
                            "languages[].level");
        r->n_languages++;
        return 0;
}

static int city_item(P *p, void *ud) {
        CandidateRecord *r = ud;
        const char *c = NULL;
        size_t n = 0;
        if (!at(p, '"') || str(p, &c, &n) < 0 || n < 1 || n > CANDIDATES_MAX_CITY_BYTES || memchr(c, '\n', n))
                return fail(p->err, -EINVAL, N_("A city must be a short piece of text."), "cities[]");
        r->cities[r->n_cities++] = c;
        return 0;
}

static int remote_value(P *p, CandidateRecord *r) {
        static const char *const names[REMOTE_MAX] = {"any", "no", "hybrid", "only"};
        const char *s;
        if (word(p, "true")) {
                r->remote = REMOTE_ANY;
                return 0;
        }
        if (word(p, "false")) {
                r->remote = REMOTE_NO;
                return 0;
        }
        if (at(p, '"') && str(p, &s, NULL) == 0)
                for (int i = 0; i < REMOTE_MAX; i++)
                        if (strcmp(s, names[i]) == 0) {
                                r->remote = (RemotePreference)i;
                                return 0;
                        }
        return fail(p->err, -EINVAL, N_("\"remote\" must be no, hybrid, only, any, true or false."), "remote");
}

typedef struct Top {
        CandidateRecord *r;
        unsigned seen;
} Top;

static int external_id(P *p, CandidateRecord *r) {
        size_t n = 0;
        if (at(p, '"') && str(p, &r->external_id, &n) < 0)
                return -EINVAL;
        if (!r->external_id || n < 1 || n > CANDIDATES_MAX_ID_BYTES || memchr(r->external_id, '\n', n))
                return fail(p->err, -EINVAL, N_("\"external_id\" is missing or too long."), "external_id");
        return 0;
}

static int top_member(P *p, const char *key, void *ud) {
        static const char *const keys[] = {"external_id", "skills", "languages", "cities", "remote"};
        Top *t = ud;
        int k = -1;
        for (int i = 0; i < 5 && k < 0; i++)
                if (strcmp(key, keys[i]) == 0)
                        k = i;
        if (k < 0)
                return skip_value(p, 1);
        if (once(p, &t->seen, 1u << k, key))
                return -EINVAL;
        switch (k) {
        case 0:
                return external_id(p, t->r);
        case 1:
                return array(p, "skills", PROFILE_MAX_SKILLS, skill_item, t->r);
        case 2:
                return array(p, "languages", PROFILE_MAX_LANGUAGES, lang_item, t->r);
        case 3:
                return array(p, "cities", PROFILE_MAX_CITIES, city_item, t->r);
        default:
                return remote_value(p, t->r);
        }
}

int candidates_parse_line(CandidateLineState **state, const char *line, size_t len, CandidateRecord *r,
                          CandidatesError *err) {
        if (!*state && !(*state = calloc(1, sizeof **state)))
                return -ENOMEM;
        CandidateLineState *st = *state;
        if (len > CANDIDATES_MAX_LINE_BYTES)
                return fail(err, -E2BIG, N_("A line of the candidates file is too long."), NULL);
        if (st->cap < len + 1) { /* unescaped strings never outgrow their line */
                char *s = realloc(st->scratch, len + 1);
                if (!s)
                        return -ENOMEM;
                st->scratch = s, st->cap = len + 1;
        }
        st->used = 0;
        unsigned long keep = r->line;
        r->external_id = NULL;
        r->n_skills = r->n_languages = r->n_cities = 0;
        r->remote = REMOTE_ANY;
        r->line = keep;
        P p = {line, line, line + len, st, err};
        Top t = {r, 0};
        if (!at(&p, '{'))
                return fail(err, -EINVAL, N_("Each line must be one JSON object."), NULL);
        int rc = object(&p, top_member, &t);
        if (rc)
                return rc;
        ws(&p);
        if (p.s != p.end)
                return syntax(&p, "text after the object");
        if (!r->external_id)
                return fail(err, -EINVAL, N_("\"external_id\" is missing or too long."), "external_id");
        return 0;
}

void candidates_line_free(CandidateLineState *state) {
        if (!state)
                return;
        free(state->scratch);
        free(state);
}
