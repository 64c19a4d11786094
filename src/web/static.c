/* GET /static/{file} — embedded assets with strong ETags. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/embed.h"
#include "web/web.h"

extern const EmbeddedFile td_static[];

#define STATIC_MAX 16

static char etags[STATIC_MAX][20];

/* FNV-1a 64: content hash for ETag and cache-busting version. */
static unsigned long long fnv1a(const unsigned char *p, size_t n) {
        unsigned long long h = 1469598103934665603ULL;
        for (size_t i = 0; i < n; i++)
                h = (h ^ p[i]) * 1099511628211ULL;
        return h;
}

int web_static_init(void) {
        int i = 0;
        for (; td_static[i].name; i++) {
                if (i >= STATIC_MAX)
                        return -E2BIG;
                snprintf(etags[i], sizeof(etags[i]), "%016llx", fnv1a(td_static[i].data, td_static[i].len));
        }
        return 0;
}

static int find(const char *name) {
        for (int i = 0; td_static[i].name && i < STATIC_MAX; i++)
                if (strcmp(td_static[i].name, name) == 0)
                        return i;
        return -1;
}

const char *web_static_version(const char *name) {
        int i = find(name);
        return i >= 0 ? etags[i] : "0";
}

static const char *mime(const char *name) {
        const char *dot = strrchr(name, '.');
        if (dot && strcmp(dot, ".css") == 0)
                return "text/css; charset=utf-8";
        if (dot && strcmp(dot, ".js") == 0)
                return "text/javascript; charset=utf-8";
        if (dot && strcmp(dot, ".svg") == 0)
                return "image/svg+xml";
        return "application/octet-stream";
}

int page_static(HttpRequest *req) {
        int i = find(req_param(req, "file"));
        if (i < 0)
                return -ENOENT;
        char etag[24];
        snprintf(etag, sizeof(etag), "\"%s\"", etags[i]);
        (void)resp_header(req, "ETag", etag);
        const char *v = req_query_raw(req, "v");
        req->resp.cache_control = v && strcmp(v, etags[i]) == 0 ? "public, max-age=31536000, immutable"
                                                                : "public, max-age=3600";
        req->resp.content_type = mime(td_static[i].name);
        const char *inm = req_header(req, "If-None-Match");
        if (inm && strstr(inm, etag)) {
                req->resp.status = 304;
                return 0;
        }
        strbuf_append(resp_body(req), td_static[i].data, td_static[i].len);
        return 0;
}
