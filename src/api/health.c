/* GET /healthz (JSON) and GET /metrics (Prometheus text). */
#include <errno.h>
#include <stdlib.h>

#include <jansson.h>

#include "config.h"
#include "web/web.h"

int api_healthz(HttpRequest *req) {
        Store *s = APP(req)->store;
        int db_ok = store_ping(s) == 0;
        int version = 0;
        if (db_ok)
                (void)store_schema_version(s, &version);
        json_t *o = json_pack("{s:s,s:{s:b,s:s,s:i},s:s}", "status", db_ok ? "ok" : "degraded", "database",
                              "reachable", db_ok, "backend", store_backend(s), "schema_version", version,
                              "version", TECHDIV_VERSION);
        return web_json(req, o, db_ok ? 200 : 503);
}

int api_metrics(HttpRequest *req) {
        StrBuf *b = resp_body(req);
        req->resp.content_type = "text/plain; version=0.0.4; charset=utf-8";
        http_metrics_write(APP(req)->server, b);
        strbuf_puts(b, "# HELP techdiv_db_errors_total Database errors since start.\n"
                       "# TYPE techdiv_db_errors_total counter\n");
        strbuf_printf(b, "techdiv_db_errors_total %llu\n", (unsigned long long)store_error_count(APP(req)->store));
        return 0;
}
