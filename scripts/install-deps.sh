#!/bin/sh
# Installs the Debian packages techdiv needs to build, run and test, if any
# are missing. Usage: scripts/install-deps.sh [build|test|bench]
set -eu
want="${1:-build}"

build_pkgs="gcc make meson ninja-build pkg-config gettext python3
 libmicrohttpd-dev libsqlite3-dev libpq-dev libsodium-dev libjansson-dev
 libxml2-dev libzip-dev libpoppler-glib-dev libcairo2-dev libpango1.0-dev
 libxlsxwriter-dev libical-dev libcsv-dev libutf8proc-dev libcmark-dev
 libpcre2-dev zlib1g-dev libfontconfig-dev fonts-dejavu-core libcurl4-openssl-dev"
test_pkgs="postgresql chromium nodejs npm poppler-utils libxml2-utils unzip curl sqlite3"
bench_pkgs="wrk nginx-light hyperfine time"

pkgs="$build_pkgs"
case "$want" in
  test) pkgs="$build_pkgs $test_pkgs" ;;
  bench) pkgs="$build_pkgs $test_pkgs $bench_pkgs" ;;
esac

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js may come from elsewhere than Debian; accept any working node/npm.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  missing=$(echo "$missing" | tr ' ' '\n' | grep -v -x -e nodejs -e npm | tr '\n' ' ')
fi
missing=$(echo "$missing" | xargs)
[ -z "$missing" ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing: $missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
