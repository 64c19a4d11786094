/* Route matching and declared-parameter validation. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "http/http.h"

static size_t default_max(ParamType t) {
        switch (t) {
        case PT_INT:
                return 20;
        case PT_SLUG:
                return 64;
        case PT_LANG:
                return 5;
        case PT_DATE:
                return 10;
        case PT_TEXT:
                return 20000;
        default:
                return 500;
        }
}

static int check_int(const char *v) {
        const char *p = v;
        if (*p == '-')
                p++;
        if (!*p)
                return -EINVAL;
        for (; *p; p++)
                if (*p < '0' || *p > '9')
                        return -EINVAL;
        errno = 0;
        (void)strtoll(v, NULL, 10);
        return errno ? -EINVAL : 0;
}

static int check_date(const char *v) {
        if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
                return -EINVAL;
        for (int i = 0; i < 10; i++)
                if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9'))
                        return -EINVAL;
        int y = atoi(v), m = atoi(v + 5), d = atoi(v + 8);
        static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
        if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
                return -EINVAL;
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (m == 2 && d == 29 && !leap)
                return -EINVAL;
        return 0;
}

static int check_chars(const char *v, int multiline) {
        for (const unsigned char *p = (const unsigned char *)v; *p; p++)
                if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7F)
                        return -EINVAL;
        return 0;
}

int param_check(const ParamSpec *spec, const char *v) {
        size_t n = strlen(v);
        size_t max = spec->max_len ? spec->max_len : default_max(spec->type);
        if (n > max)
                return -E2BIG;
        if (!utf8_valid(v, n))
                return -EINVAL;
        Lang l;
        switch (spec->type) {
        case PT_INT:
                return check_int(v);
        case PT_SLUG:
                if (n == 0)
                        return -EINVAL;
                for (const char *p = v; *p; p++)
                        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
                                return -EINVAL;
                return 0;
        case PT_LANG:
                return lang_parse(v, &l);
        case PT_DATE:
                return check_date(v);
        case PT_TEXT:
                return check_chars(v, 1);
        default:
                return check_chars(v, 0);
        }
}

/* Matches "/cities/{slug}" against a path, binding {name} segments. */
static int pattern_match(const char *pat, const char *path, HttpRequest *req) {
        int np = 0;
        while (*pat && *path) {
                if (*pat == '{') {
                        const char *pend = strchr(pat, '}');
                        size_t seg = strcspn(path, "/");
                        if (!pend || seg == 0 || np >= ROUTE_SEGMENTS_MAX)
                                return 0;
                        /* "{quarter}.pdf": the value stops before the literal
                         * that ends the segment. */
                        size_t suffix = strcspn(pend + 1, "/");
                        if (suffix) {
                                if (seg <= suffix || strncmp(path + seg - suffix, pend + 1, suffix) != 0)
                                        return 0;
                                seg -= suffix;
                        }
                        req->path_params[np].key = arena_strndup(req->arena, pat + 1, (size_t)(pend - pat - 1));
                        req->path_params[np].value = arena_strndup(req->arena, path, seg);
                        np++;
                        pat = pend + 1;
                        path += seg;
                        continue;
                }
                if (*pat != *path)
                        return 0;
                pat++, path++;
        }
        if (*pat || *path)
                return 0;
        req->npath = np;
        return 1;
}

int router_match(const Route *routes, int nroutes, HttpRequest *req, int *ret_method_mismatch) {
        int mismatch = 0;
        for (int i = 0; i < nroutes; i++) {
                if (!pattern_match(routes[i].pattern, req->path, req))
                        continue;
                int same = strcmp(routes[i].method, req->method) == 0 ||
                           (strcmp(req->method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0);
                if (!same) {
                        mismatch = 1;
                        continue;
                }
                req->route = &routes[i];
                req->route_index = i;
                return 0;
        }
        req->npath = 0;
        *ret_method_mismatch = mismatch;
        return -ENOENT;
}

static const char *lookup(const HttpKV *kv, int n, const char *key, int *ret_count) {
        const char *found = NULL;
        int count = 0;
        for (int i = 0; i < n; i++)
                if (strcmp(kv[i].key, key) == 0) {
                        if (!found)
                                found = kv[i].value;
                        count++;
                }
        *ret_count = count;
        return found;
}

int router_validate(HttpRequest *req) {
        const ParamSpec *p = req->route->params;
        for (int i = 0; p && p[i].name; i++) {
                if (i >= ROUTE_PARAMS_MAX)
                        return -E2BIG;
                int count = 0;
                const char *v = p[i].in == PARAM_QUERY ? lookup(req->query, req->nquery, p[i].name, &count)
                                : p[i].in == PARAM_FORM ? lookup(req->form, req->nform, p[i].name, &count)
                                                        : lookup(req->path_params, req->npath, p[i].name, &count);
                if (v && *v == '\0' && p[i].in != PARAM_PATH)
                        v = NULL; /* an empty field counts as absent */
                int r = 0;
                if (!v && p[i].required)
                        r = -EINVAL;
                else if (v)
                        r = param_check(&p[i], v);
                if (r < 0) {
                        req->error_detail = p[i].name;
                        return r;
                }
                req->values[i] = v;
        }
        return 0;
}

const char *req_param(const HttpRequest *req, const char *name) {
        const ParamSpec *p = req->route ? req->route->params : NULL;
        for (int i = 0; p && p[i].name && i < ROUTE_PARAMS_MAX; i++)
                if (strcmp(p[i].name, name) == 0)
                        return req->values[i];
        return NULL;
}

int64_t req_param_int(const HttpRequest *req, const char *name, int64_t def) {
        const char *v = req_param(req, name);
        return v ? strtoll(v, NULL, 10) : def;
}

int http_status_for(int err) {
        switch (err) {
        case -EINVAL:
                return 400;
        case -EPERM:
                return 401;
        case -EACCES:
                return 403;
        case -ENOENT:
                return 404;
        case -ENOSYS:
                return 405;
        case -EEXIST:
                return 409;
        case -E2BIG:
                return 413;
        case -EMSGSIZE:
                return 414;
        case -ENOTSUP:
                return 415;
        case -EAGAIN:
                return 429;
        default:
                return 500;
        }
}

const char *http_reason(int status) {
        switch (status) {
        case 200: return "OK";
        case 201: return "Created";
        case 204: return "No Content";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 409: return "Conflict";
        case 413: return "Content Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 422: return "Unprocessable Content";
        case 429: return "Too Many Requests";
        case 503: return "Service Unavailable";
        default: return "Internal Server Error";
        }
}
