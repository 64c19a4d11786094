#!/bin/bash
# A throw-away PostgreSQL cluster for the tests, on 127.0.0.1 and a free port.
#   tests/pg.sh start DIR   prints the connection URL
#   tests/pg.sh createdb DIR NAME   prints the URL of another empty database
#   tests/pg.sh stop DIR
set -eu
cmd=$1; dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found" >&2; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg "$bin/initdb" -D "$dir/data" -U techdiv --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U techdiv techdiv_test
  echo "postgresql://techdiv@127.0.0.1:$port/techdiv_test"
  ;;
createdb) # tests/pg.sh createdb DIR NAME -> URL of a new empty database
  port=$(sed -n '4p' "$dir/data/postmaster.pid")
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U techdiv "$3"
  echo "postgresql://techdiv@127.0.0.1:$port/$3"
  ;;
stop)
  [ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  ;;
esac
