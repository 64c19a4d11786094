/* HTTP layer: the only code that talks to libmicrohttpd.
 *
 * A request owns one Arena, created when the request arrives and freed when
 * libmicrohttpd reports completion; handlers allocate from req->arena and
 * never free(). A handler fills req->resp and returns 0, or returns a
 * negative errno which the server maps to a status (http_status_for) and
 * renders with the application's error page. */
#ifndef TD_HTTP_HTTP_H
#define TD_HTTP_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/i18n.h"
#include "core/strbuf.h"

/* Named limits on what a client controls. */
#define HTTP_BODY_MAX_DEFAULT ((size_t)1 << 20) /* request body, unless the route says more */
#define HTTP_URL_MAX 4096                       /* path + query */
#define HTTP_PARAMS_MAX 64                      /* query fields */
#define HTTP_FORM_FIELDS_MAX 256                /* fields of a form body (the self-assessment has 124) */
#define HTTP_PARAM_VALUE_MAX 65536              /* one field, before the route's own limit */
#define HTTP_FILES_MAX 4                        /* files in one multipart/form-data body */
#define HTTP_RESP_HEADERS_MAX 16
#define HTTP_RESPONSE_MAX ((size_t)64 << 20)
#define ROUTE_PARAMS_MAX 40
#define ROUTE_SEGMENTS_MAX 8

typedef enum ParamIn { PARAM_QUERY, PARAM_FORM, PARAM_PATH, PARAM_IN_MAX } ParamIn;
typedef enum ParamType {
        PT_STRING, /* one line: no control characters */
        PT_TEXT,   /* multi-line text: newlines and tabs allowed */
        PT_INT,    /* decimal integer within int64 */
        PT_SLUG,   /* [a-z0-9-], 1..64 */
        PT_LANG,   /* one of the interface languages */
        PT_DATE,   /* YYYY-MM-DD, a real calendar date */
        PARAM_TYPE_MAX
} ParamType;

typedef struct ParamSpec {
        const char *name;
        ParamIn in;
        ParamType type;
        int required;
        size_t max_len; /* bytes; 0 means the type's default */
} ParamSpec;

typedef struct HttpKV {
        const char *key, *value;
} HttpKV;

/* A file sent in a multipart/form-data body. Everything is in the
 * request arena; data is NUL-terminated after len bytes (it may hold NULs).
 * filename and content_type are the client's words: never trust them. */
typedef struct HttpFile {
        const char *name;     /* the form field */
        const char *filename; /* as sent, may be "" */
        const char *content_type;
        const char *data;
        size_t len;
} HttpFile;

typedef struct HttpResponse {
        int status;
        const char *content_type;
        StrBuf body;
        HttpKV headers[HTTP_RESP_HEADERS_MAX];
        int nheaders;
        const char *cache_control; /* default: "no-store" for dynamic pages */
} HttpResponse;

typedef struct HttpRequest HttpRequest;
typedef int (*HttpHandler)(HttpRequest *req);

typedef enum RouteKind { ROUTE_HTML, ROUTE_JSON, ROUTE_OTHER, ROUTE_KIND_MAX } RouteKind;

/* Who may use a route, declared in the route table and enforced by the
 * application's before hook (web/auth.c) before validation and handler.
 * A route without one is refused (403): public routes say so. */
#define PERM_F_PUBLIC 1u   /* anyone, signed in or not */
#define PERM_F_LOOPBACK 2u /* anyone from 127.0.0.1/::1, else the roles below */
#define PERM_F_NO_CSRF 4u  /* a POST that changes nothing: no CSRF token required */
typedef struct RoutePerm {
        unsigned flags;
        unsigned roles;          /* ROLE_BIT mask (domain/accounts/accounts.h) */
        int owner;               /* how to find the resource's owner (web/web.h OwnerRule) */
        const char *owner_param; /* the path parameter naming the resource */
} RoutePerm;

typedef struct Route {
        const char *method;  /* "GET", "POST", ... */
        const char *pattern; /* "/cities/{slug}": {name} segments bind PARAM_PATH specs */
        HttpHandler handler;
        RouteKind kind;
        const ParamSpec *params; /* terminated by a spec with name NULL; may be NULL */
        size_t body_max;         /* 0: HTTP_BODY_MAX_DEFAULT */
        const RoutePerm *perm;   /* NULL: refused */
} Route;

struct HttpRequest {
        Arena *arena;
        void *app; /* the application's context (see http_server_start) */
        const char *method;
        const char *path; /* decoded path, without the query */
        const Route *route;
        int route_index; /* into the route table; -1 when unmatched */
        Lang lang;
        int lang_explicit; /* ?lang= was given and valid */
        HttpKV *query;
        int nquery;
        HttpKV *form;
        int nform;
        HttpFile *files; /* multipart/form-data uploads (the route's body_max bounds them) */
        int nfiles;
        HttpKV path_params[ROUTE_SEGMENTS_MAX];
        int npath;
        const char *values[ROUTE_PARAMS_MAX]; /* validated, parallel to route->params */
        const char *body;
        size_t body_len;
        int is_https; /* TLS, or X-Forwarded-Proto: https from a trusted proxy */
        const char *remote_addr; /* client address as text ("127.0.0.1", "::1") */
        void *user; /* the application's view of who is asking (set by before) */
        HttpResponse resp;
        /* Set by the server for the error page: what was wrong with the input. */
        const char *error_detail;
        void *conn; /* opaque libmicrohttpd connection */
};

/* Value of a declared parameter after validation (NULL when absent). */
const char *req_param(const HttpRequest *req, const char *name);
/* Raw query value, declared or not (validate before use; NULL if absent). */
const char *req_query_raw(const HttpRequest *req, const char *name);
/* The uploaded file of a form field, or NULL. */
const HttpFile *req_file(const HttpRequest *req, const char *name);
/* Raw form value, declared or not, for forms whose fields come from data
 * (validate before use; NULL if absent). */
const char *req_form_raw(const HttpRequest *req, const char *name);
/* Integer value of a declared PT_INT parameter, or def when absent. */
int64_t req_param_int(const HttpRequest *req, const char *name, int64_t def);
/* Request header (arena copy; NULL when absent). */
const char *req_header(HttpRequest *req, const char *name);
/* Cookie value (arena copy; NULL when absent). */
const char *req_cookie(HttpRequest *req, const char *name);

/* Response helpers. resp_header rejects names/values with CR, LF or NUL
 * and returns -EINVAL (nothing added), -E2BIG when too many headers. */
int resp_header(HttpRequest *req, const char *name, const char *value);
void resp_html(HttpRequest *req);              /* text/html; charset=utf-8 */
void resp_json_text(HttpRequest *req);         /* application/json */
int resp_redirect(HttpRequest *req, int status, const char *location);
StrBuf *resp_body(HttpRequest *req);

/* errno → HTTP status: -EINVAL 400, -EACCES 403, -EPERM 401, -ENOENT 404,
 * -EEXIST 409, -E2BIG 413, -EMSGSIZE 414, -ENOTSUP 415, -EAGAIN 429,
 * -ENOSYS 405, anything else 500. */
int http_status_for(int err);
const char *http_reason(int status);

/* Route matching and validation (router.c). */
int router_match(const Route *routes, int nroutes, HttpRequest *req, int *ret_method_mismatch);
int router_validate(HttpRequest *req);
int param_check(const ParamSpec *spec, const char *value);

typedef struct HttpServerConfig {
        const char *listen; /* "127.0.0.1:8080", "[::1]:8080", ":8080" */
        unsigned threads;
        unsigned max_connections;
        unsigned timeout_s;
        int access_log;
        int trust_proxy; /* honour X-Forwarded-Proto */
        const Route *routes;
        int nroutes;
        void *app;
        /* Renders an error page/JSON into req->resp for status. */
        void (*render_error)(HttpRequest *req, int status);
        /* Called before validation and handler (language, sessions,
         * permissions, CSRF); a negative return ends the request with that
         * error, a positive one ends it with the response the hook set
         * (e.g. a redirect to the sign-in page). */
        int (*before)(HttpRequest *req);
} HttpServerConfig;

typedef struct HttpServer HttpServer;

/* Starts serving in background threads. *ret owned by the caller. */
int http_server_start(const HttpServerConfig *cfg, HttpServer **ret);
/* Stops accepting, lets running requests finish, frees the server. */
void http_server_stop(HttpServer *s);

/* Prometheus text of the server's metrics, appended to out. */
void http_metrics_write(HttpServer *s, StrBuf *out);

#endif
