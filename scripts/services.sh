#!/usr/bin/env bash
# Starts and stops the servers the tests talk to, on loopback only.
#   scripts/services.sh start   prints `export VAR=...` lines to eval (JOBSMITH_TEST_POSTGRES, JOBSMITH_TEST_SMTP and
#                               JOBSMITH_TEST_SMTP_FOLDER, where the SMTP server saves each message it accepts)
#   scripts/services.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."
state=.cache/services
mkdir -p "$state"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

free_port() { # FIRST LAST WHAT
  local port
  for port in $(seq "$1" "$2"); do
    (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null || { echo "$port"; return; }
  done
  echo "services: no free port for $3" >&2; exit 1
}

start_postgres() {
  local bin dir port as
  bin=$(pg_bin); [ -n "$bin" ] || { echo "services: PostgreSQL is not installed (scripts/setup.sh --test)" >&2; exit 1; }
  # A pid file left by a server that no longer runs (after a reboot) must not count as running.
  if [ -f "$state/pg.dir" ] && [ -f "$state/pg.port" ] && (echo >/dev/tcp/127.0.0.1/"$(cat "$state/pg.port")") 2>/dev/null; then
    port=$(cat "$state/pg.port")
  else
    [ -f "$state/pg.dir" ] && rm -rf "$(cat "$state/pg.dir")"
    dir=$(mktemp -d /tmp/jobsmith-pg.XXXXXX)
    port=$(free_port 55432 55532 PostgreSQL)
    as=""
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; as="runuser -u postgres --"; fi
    $as "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >"$state/pg.init.log" 2>&1
    $as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >"$state/pg.start.log" 2>&1
    echo "$dir" >"$state/pg.dir"; echo "$port" >"$state/pg.port"
  fi
  echo "export JOBSMITH_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50'"
}

stop_postgres() {
  [ -f "$state/pg.dir" ] || return 0
  local dir bin as=""
  dir=$(cat "$state/pg.dir"); bin=$(pg_bin)
  [ "$(id -u)" -eq 0 ] && as="runuser -u postgres --"
  [ -f "$dir/data/postmaster.pid" ] && $as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$state/pg.dir" "$state/pg.port"
}

# A real SMTP server (python3-aiosmtpd, Debian's python) that saves what it receives: scripts/smtp-sink.py.
start_smtp() {
  local dir port
  /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || { echo "services: python3-aiosmtpd is not installed (scripts/setup.sh --test)" >&2; exit 1; }
  if [ -f "$state/smtp.pid" ] && [ -f "$state/smtp.port" ] && kill -0 "$(cat "$state/smtp.pid")" 2>/dev/null \
     && (echo >/dev/tcp/127.0.0.1/"$(cat "$state/smtp.port")") 2>/dev/null; then
    port=$(cat "$state/smtp.port"); dir=$(cat "$state/smtp.dir")
  else
    [ -f "$state/smtp.dir" ] && rm -rf "$(cat "$state/smtp.dir")"
    dir=$(mktemp -d /tmp/jobsmith-smtp.XXXXXX)
    port=$(free_port 52525 52625 SMTP)
    # Detached, with no handle on this script's output, so `$(scripts/services.sh start)` returns at once.
    setsid /usr/bin/python3 scripts/smtp-sink.py --host 127.0.0.1 --port "$port" --folder "$dir/mail" \
      </dev/null >"$dir/server.log" 2>&1 &
    echo $! >"$state/smtp.pid"; echo "$dir" >"$state/smtp.dir"; echo "$port" >"$state/smtp.port"
    for _ in $(seq 1 100); do
      (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
      sleep 0.1
    done
    (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null || { echo "services: the SMTP server did not start: $(cat "$dir/server.log")" >&2; exit 1; }
  fi
  echo "export JOBSMITH_TEST_SMTP='127.0.0.1:$port'"
  echo "export JOBSMITH_TEST_SMTP_FOLDER='$dir/mail'"
}

stop_smtp() {
  [ -f "$state/smtp.pid" ] && kill "$(cat "$state/smtp.pid")" 2>/dev/null || true
  [ -f "$state/smtp.dir" ] && rm -rf "$(cat "$state/smtp.dir")"
  rm -f "$state/smtp.pid" "$state/smtp.dir" "$state/smtp.port"
}

case "${1:-}" in
  start) start_postgres; start_smtp ;;
  stop) stop_postgres; stop_smtp ;;
  *) echo "usage: scripts/services.sh start|stop" >&2; exit 2 ;;
esac
