#!/bin/sh
# Fails on the patterns STYLE.md forbids. Run by tests/run.
#  - raw HTML built with printf-style calls outside the html writer
#  - SQL outside src/store
#  - libmicrohttpd outside src/http, SQLite/libpq outside src/store
#  - domain code including HTTP, SQL or HTML headers
#  - html_lit with a non-literal (caught by the compiler) and free() in handlers
set -u
cd "$(dirname "$0")/.."
fail=0
report() { echo "not ok - lint: $1"; echo "$2" | sed 's/^/#   /'; fail=1; }
ok() { echo "ok - lint: $1"; }

hits=$(grep -rnE '(strbuf_printf|strbuf_puts|printf)\([^;]*"[^"]*<[a-zA-Z/!]' src/web src/api src/render 2>/dev/null | grep -v 'src/render/html.c' || true)
[ -n "$hits" ] && report "markup must go through html_lit/html_text" "$hits" || ok "no raw HTML via printf"

hits=$(grep -rnEi '"\s*(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE TABLE)\b' src --include=*.c | grep -v '^src/store/' || true)
[ -n "$hits" ] && report "SQL only in src/store" "$hits" || ok "SQL only in src/store"

hits=$(grep -rln 'microhttpd.h' src | grep -v '^src/http/' || true)
[ -n "$hits" ] && report "libmicrohttpd only in src/http" "$hits" || ok "libmicrohttpd only in src/http"

hits=$(grep -rlnE '(sqlite3|libpq-fe)\.h' src | grep -v '^src/store/' || true)
[ -n "$hits" ] && report "database engines only in src/store" "$hits" || ok "database engines only in src/store"

hits=$(grep -rnE '#include "(http|web|api)/|#include <(microhttpd|sqlite3|libpq-fe)\.h>|render/html\.h' src/domain 2>/dev/null || true)
[ -n "$hits" ] && report "domain code is rules only" "$hits" || ok "domain code includes no HTTP, SQL engine or HTML"

hits=$(grep -rnE '\bfree\(' src/web src/api 2>/dev/null | grep -vE 'free\((text|s|body)\);|web_own' || true)
[ -n "$hits" ] && report "handlers allocate from the request arena" "$hits" || ok "handlers do not free() arena memory"

hits=$(grep -rnE 'MHD_create_response_from_buffer\s*\(|MHD_RESPMEM_PERSISTENT' src || true)
[ -n "$hits" ] && report "responses are handed over with a free callback" "$hits" || ok "no static responses on request memory"

hits=$(grep -rnE '\b(strcpy|strcat|sprintf|vsprintf|gets)\(' src || true)
[ -n "$hits" ] && report "no unbounded string calls (snprintf or the string builder)" "$hits" || ok "no unbounded string calls"

exit $fail
