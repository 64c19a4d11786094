/* libmicrohttpd glue: request assembly, limits, dispatch, responses. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "core/log.h"
#include "http/http.h"
#include "http/metrics.h"
#include "http/multipart.h"

struct HttpServer {
        struct MHD_Daemon *d;
        HttpServerConfig cfg;
        Metrics *metrics;
};

typedef struct ConnState {
        HttpRequest req;
        StrBuf body;
        size_t body_max;
        int too_big;
        struct timespec t0;
} ConnState;

static const char *const security_headers[][2] = {
        { "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'" },
        { "X-Content-Type-Options", "nosniff" },
        { "Referrer-Policy", "same-origin" },
        { "X-Frame-Options", "DENY" },
        { "Cross-Origin-Opener-Policy", "same-origin" },
        { "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
};

const char *req_header(HttpRequest *req, const char *name) {
        const char *v = MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
        return v ? arena_strdup(req->arena, v) : NULL;
}

const char *req_cookie(HttpRequest *req, const char *name) {
        const char *v = MHD_lookup_connection_value(req->conn, MHD_COOKIE_KIND, name);
        return v ? arena_strdup(req->arena, v) : NULL;
}

static int header_ok(const char *s) {
        for (; *s; s++)
                if (*s == '\r' || *s == '\n')
                        return 0;
        return 1;
}

int resp_header(HttpRequest *req, const char *name, const char *value) {
        if (!name || !value || !*name || !header_ok(name) || !header_ok(value))
                return -EINVAL;
        if (req->resp.nheaders >= HTTP_RESP_HEADERS_MAX)
                return -E2BIG;
        req->resp.headers[req->resp.nheaders++] =
                (HttpKV){ arena_strdup(req->arena, name), arena_strdup(req->arena, value) };
        return 0;
}

void resp_html(HttpRequest *req) { req->resp.content_type = "text/html; charset=utf-8"; }
void resp_json_text(HttpRequest *req) { req->resp.content_type = "application/json"; }
StrBuf *resp_body(HttpRequest *req) { return &req->resp.body; }

int resp_redirect(HttpRequest *req, int status, const char *location) {
        int r = resp_header(req, "Location", location);
        if (r == 0)
                req->resp.status = status;
        return r;
}

/* ---- request assembly ---- */

typedef struct KVCollect {
        HttpRequest *req;
        HttpKV *kv;
        int n;
        int overflow;
} KVCollect;

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
        (void)kind;
        KVCollect *c = cls;
        if (c->n >= HTTP_PARAMS_MAX) {
                c->overflow = 1;
                return MHD_NO;
        }
        c->kv[c->n++] = (HttpKV){ key, value ? value : "" };
        return MHD_YES;
}

static int hexval(int c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes one application/x-www-form-urlencoded component into the arena. */
static char *form_decode(Arena *a, const char *s, size_t n) {
        char *out = arena_alloc(a, n + 1);
        if (!out)
                return NULL;
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
                if (s[i] == '+') {
                        out[o++] = ' ';
                } else if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
                        out[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
                        i += 2;
                } else {
                        out[o++] = s[i];
                }
        }
        out[o] = '\0';
        return out;
}

static int parse_form(HttpRequest *req) {
        const char *ct = req_header(req, "Content-Type");
        if (ct && strncasecmp(ct, "multipart/form-data", 19) == 0 && req->body)
                return http_multipart_parse(req);
        if (!ct || strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0 || !req->body)
                return 0;
        req->form = arena_alloc(req->arena, sizeof(HttpKV) * HTTP_FORM_FIELDS_MAX);
        if (!req->form)
                return -ENOMEM;
        const char *p = req->body, *end = req->body + req->body_len;
        while (p < end) {
                const char *amp = memchr(p, '&', (size_t)(end - p));
                const char *e = amp ? amp : end;
                const char *eq = memchr(p, '=', (size_t)(e - p));
                if (e > p) {
                        if (req->nform >= HTTP_FORM_FIELDS_MAX)
                                return -E2BIG;
                        const char *kend = eq ? eq : e;
                        char *k = form_decode(req->arena, p, (size_t)(kend - p));
                        char *v = eq ? form_decode(req->arena, eq + 1, (size_t)(e - eq - 1)) : arena_strdup(req->arena, "");
                        if (!k || !v)
                                return -ENOMEM;
                        req->form[req->nform++] = (HttpKV){ k, v };
                }
                p = e + 1;
        }
        return 0;
}

static int parse_query(HttpRequest *req) {
        KVCollect c = { .req = req, .kv = arena_alloc(req->arena, sizeof(HttpKV) * HTTP_PARAMS_MAX) };
        if (!c.kv)
                return -ENOMEM;
        MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, collect_arg, &c);
        if (c.overflow)
                return -E2BIG;
        for (int i = 0; i < c.n; i++) {
                c.kv[i].key = arena_strdup(req->arena, c.kv[i].key);
                c.kv[i].value = arena_strdup(req->arena, c.kv[i].value);
        }
        req->query = c.kv;
        req->nquery = c.n;
        return 0;
}

/* ---- dispatch ---- */

const char *req_query_raw(const HttpRequest *req, const char *name) {
        for (int i = 0; i < req->nquery; i++)
                if (strcmp(req->query[i].key, name) == 0)
                        return req->query[i].value;
        return NULL;
}

const char *req_form_raw(const HttpRequest *req, const char *name) {
        for (int i = 0; i < req->nform; i++)
                if (strcmp(req->form[i].key, name) == 0)
                        return req->form[i].value;
        return NULL;
}

static void fail(HttpServer *s, HttpRequest *req, int err) {
        strbuf_reset(&req->resp.body);
        req->resp.status = http_status_for(err);
        req->resp.nheaders = 0;
        req->resp.content_type = NULL;
        s->cfg.render_error(req, req->resp.status);
}

static void dispatch(HttpServer *s, ConnState *st) {
        HttpRequest *req = &st->req;
        if (st->too_big) {
                fail(s, req, -E2BIG);
                return;
        }
        int r = parse_query(req);
        if (r == 0)
                r = parse_form(req);
        if (r == 0 && s->cfg.before)
                r = s->cfg.before(req);
        if (r == 0 && !req->route)
                r = req->route_index == -2 ? -ENOSYS : -ENOENT;
        if (r == 0)
                r = router_validate(req);
        if (r == 0)
                r = req->route->handler(req);
        if (r == 0 && strbuf_error(&req->resp.body) < 0)
                r = strbuf_error(&req->resp.body);
        if (r < 0)
                fail(s, req, r);
}

static enum MHD_Result send_response(HttpServer *s, ConnState *st) {
        HttpRequest *req = &st->req;
        size_t len;
        char *body = strbuf_detach(&req->resp.body, &len);
        if (!body)
                return MHD_NO;
        struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(len, body, free);
        if (!resp) {
                free(body);
                return MHD_NO;
        }
        for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
                MHD_add_response_header(resp, security_headers[i][0], security_headers[i][1]);
        if (req->is_https)
                MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
        MHD_add_response_header(resp, "Content-Type", req->resp.content_type ? req->resp.content_type : "text/plain; charset=utf-8");
        MHD_add_response_header(resp, "Cache-Control", req->resp.cache_control ? req->resp.cache_control : "no-store");
        for (int i = 0; i < req->resp.nheaders; i++)
                MHD_add_response_header(resp, req->resp.headers[i].key, req->resp.headers[i].value);
        int status = req->resp.status ? req->resp.status : 200;
        enum MHD_Result ok = MHD_queue_response(req->conn, (unsigned)status, resp);
        MHD_destroy_response(resp);
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double secs = (double)(t1.tv_sec - st->t0.tv_sec) + (double)(t1.tv_nsec - st->t0.tv_nsec) / 1e9;
        metrics_observe(s->metrics, req->route_index, status, secs);
        if (s->cfg.access_log) {
                char q[600];
                log_info("request", "method=%s path=%s route=%s status=%d bytes=%zu dur_ms=%.3f", req->method,
                         log_quote(req->path, q, sizeof(q)), req->route ? req->route->pattern : "-", status, len,
                         secs * 1000.0);
        }
        return ok;
}

static const char *client_addr(Arena *a, struct MHD_Connection *conn) {
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        char buf[INET6_ADDRSTRLEN] = "";
        if (ci && ci->client_addr) {
                const struct sockaddr *sa = ci->client_addr;
                if (sa->sa_family == AF_INET)
                        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, buf, sizeof(buf));
                else if (sa->sa_family == AF_INET6)
                        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, buf, sizeof(buf));
        }
        return arena_strdup(a, buf);
}

static ConnState *conn_new(HttpServer *s, struct MHD_Connection *conn, const char *url, const char *method) {
        ConnState *st = calloc(1, sizeof(*st));
        if (!st)
                return NULL;
        st->req.arena = arena_new();
        if (!st->req.arena) {
                free(st);
                return NULL;
        }
        clock_gettime(CLOCK_MONOTONIC, &st->t0);
        HttpRequest *req = &st->req;
        req->conn = conn;
        req->app = s->cfg.app;
        req->method = arena_strdup(req->arena, method);
        req->path = arena_strdup(req->arena, url);
        req->route_index = -1;
        strbuf_init(&req->resp.body, HTTP_RESPONSE_MAX);
        strbuf_init(&st->body, 0);
        const char *xfp = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Forwarded-Proto");
        req->is_https = s->cfg.trust_proxy && xfp && strcasecmp(xfp, "https") == 0;
        req->remote_addr = client_addr(req->arena, conn);
        int mismatch = 0;
        if (router_match(s->cfg.routes, s->cfg.nroutes, req, &mismatch) < 0 && mismatch)
                req->route_index = -2;
        st->body_max = req->route && req->route->body_max ? req->route->body_max : HTTP_BODY_MAX_DEFAULT;
        return st;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_size,
                                  void **con_cls) {
        (void)version;
        HttpServer *s = cls;
        ConnState *st = *con_cls;
        if (!st) {
                st = conn_new(s, conn, url, method);
                if (!st)
                        return MHD_NO;
                *con_cls = st;
                const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
                if (cl && strtoull(cl, NULL, 10) > st->body_max) {
                        st->too_big = 1; /* answer now; the body is never read */
                        dispatch(s, st);
                        return send_response(s, st);
                }
                return MHD_YES;
        }
        if (*upload_size) {
                if (!st->too_big && st->body.len + *upload_size > st->body_max)
                        st->too_big = 1;
                if (!st->too_big)
                        strbuf_append(&st->body, upload_data, *upload_size);
                *upload_size = 0;
                return MHD_YES;
        }
        if (st->body.len) {
                st->req.body = arena_memdup(st->req.arena, st->body.data, st->body.len);
                st->req.body_len = st->body.len;
                strbuf_free(&st->body);
        }
        dispatch(s, st);
        return send_response(s, st);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
        (void)cls, (void)conn, (void)toe;
        ConnState *st = *con_cls;
        if (!st)
                return;
        strbuf_free(&st->body);
        strbuf_free(&st->req.resp.body);
        arena_free(st->req.arena);
        free(st);
        *con_cls = NULL;
}

/* ---- lifecycle ---- */

/* Parses "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080", ":8080"). */
static int parse_listen(const char *listen, struct sockaddr_storage *ss, int *ret_v6) {
        const char *colon = strrchr(listen, ':');
        if (!colon || !colon[1])
                return -EINVAL;
        char *end;
        long port = strtol(colon + 1, &end, 10);
        if (*end || port < 0 || port > 65535)
                return -EINVAL;
        char host[64];
        size_t hl = (size_t)(colon - listen);
        if (hl >= sizeof(host))
                return -EINVAL;
        memcpy(host, listen, hl);
        host[hl] = '\0';
        memset(ss, 0, sizeof(*ss));
        if (hl > 2 && host[0] == '[' && host[hl - 1] == ']') {
                struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
                host[hl - 1] = '\0';
                a6->sin6_family = AF_INET6;
                a6->sin6_port = htons((uint16_t)port);
                *ret_v6 = 1;
                return inet_pton(AF_INET6, host + 1, &a6->sin6_addr) == 1 ? 0 : -EINVAL;
        }
        struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)port);
        *ret_v6 = 0;
        if (hl == 0)
                return 0;
        return inet_pton(AF_INET, host, &a4->sin_addr) == 1 ? 0 : -EINVAL;
}

int http_server_start(const HttpServerConfig *cfg, HttpServer **ret) {
        struct sockaddr_storage ss;
        int v6;
        if (!cfg->render_error || parse_listen(cfg->listen, &ss, &v6) < 0)
                return -EINVAL;
        HttpServer *s = calloc(1, sizeof(*s));
        if (!s)
                return -ENOMEM;
        s->cfg = *cfg;
        s->metrics = metrics_new(cfg->routes, cfg->nroutes);
        if (!s->metrics) {
                free(s);
                return -ENOMEM;
        }
        unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | (v6 ? MHD_USE_IPv6 : 0);
        s->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s,
                                MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                                MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads ? cfg->threads : 4),
                                MHD_OPTION_CONNECTION_LIMIT, (unsigned)(cfg->max_connections ? cfg->max_connections : 512),
                                MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(cfg->timeout_s ? cfg->timeout_s : 30),
                                MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
                                MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
                                MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
                                MHD_OPTION_END);
        if (!s->d) {
                metrics_free(s->metrics);
                free(s);
                return -EADDRINUSE;
        }
        *ret = s;
        return 0;
}

void http_server_stop(HttpServer *s) {
        if (!s)
                return;
        /* Stop accepting, then let the workers finish what they are doing:
         * a handler that committed a write always gets to send its answer. */
        MHD_socket fd = MHD_quiesce_daemon(s->d);
        MHD_stop_daemon(s->d);
        if (fd != MHD_INVALID_SOCKET)
                close(fd);
        metrics_free(s->metrics);
        free(s);
}

void http_metrics_write(HttpServer *s, StrBuf *out) { metrics_write(s->metrics, out); }
