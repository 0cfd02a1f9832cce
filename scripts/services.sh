#!/usr/bin/env bash
# Starts and stops the servers the tests talk to, on loopback only.
#   scripts/services.sh start   prints `export VAR=...` lines to eval (JOBSMITH_TEST_POSTGRES, JOBSMITH_TEST_SMTP and
#                               JOBSMITH_TEST_SMTP_FOLDER, where the SMTP server saves each message it accepts;
#                               JOBSMITH_TEST_IMAP, _IMAP_USER, _IMAP_PASSWORD and _IMAP_MAILDIR, the maildir it serves)
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

# A real IMAP server (dovecot-imapd) on loopback, plain text, one passwd-file user whose maildir the tests fill.
start_imap() {
  local dir port owner uid gid password
  [ -x /usr/sbin/dovecot ] || { echo "services: dovecot is not installed (scripts/setup.sh --test)" >&2; exit 1; }
  if [ -f "$state/imap.dir" ] && [ -f "$state/imap.port" ] && (echo >/dev/tcp/127.0.0.1/"$(cat "$state/imap.port")") 2>/dev/null; then
    dir=$(cat "$state/imap.dir"); port=$(cat "$state/imap.port")
  else
    [ -f "$state/imap.dir" ] && rm -rf "$(cat "$state/imap.dir")"
    dir=$(mktemp -d /tmp/jobsmith-imap.XXXXXX)
    port=$(free_port 51143 51243 IMAP)
    # As root, dovecot runs its processes and the mail user as its own "dovecot" account; otherwise as the caller.
    if [ "$(id -u)" -eq 0 ]; then owner=dovecot; else owner=$(id -un); fi
    uid=$(id -u "$owner"); gid=$(id -g "$owner")
    password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    mkdir -p "$dir/run" "$dir/state" "$dir/mail/candidate/new" "$dir/mail/candidate/cur" "$dir/mail/candidate/tmp"
    echo "candidate:{PLAIN}$password::::::" >"$dir/passwd"
    cat >"$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $owner
default_internal_group = $(id -gn "$owner")
default_login_user = $owner
first_valid_uid = $uid
first_valid_gid = $gid
mail_location = maildir:$dir/mail/%u
passdb {
  driver = passwd-file
  args = $dir/passwd
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$dir/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
CONF
    chown -R "$owner" "$dir/mail" "$dir/state"
    chmod 755 "$dir"
    /usr/sbin/dovecot -c "$dir/dovecot.conf" >"$dir/start.log" 2>&1 || { echo "services: dovecot did not start: $(cat "$dir/start.log" "$dir/dovecot.log" 2>/dev/null)" >&2; exit 1; }
    echo "$dir" >"$state/imap.dir"; echo "$port" >"$state/imap.port"; echo "$password" >"$state/imap.password"
    for _ in $(seq 1 100); do
      (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
      sleep 0.1
    done
  fi
  echo "export JOBSMITH_TEST_IMAP='127.0.0.1:$port'"
  echo "export JOBSMITH_TEST_IMAP_USER='candidate'"
  echo "export JOBSMITH_TEST_IMAP_PASSWORD='$(cat "$state/imap.password")'"
  echo "export JOBSMITH_TEST_IMAP_MAILDIR='$dir/mail/candidate'"
}

stop_imap() {
  [ -f "$state/imap.dir" ] || return 0
  local dir
  dir=$(cat "$state/imap.dir")
  [ -f "$dir/dovecot.conf" ] && /usr/sbin/dovecot -c "$dir/dovecot.conf" stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$state/imap.dir" "$state/imap.port" "$state/imap.password"
}

case "${1:-}" in
  start) start_postgres; start_smtp; start_imap ;;
  stop) stop_postgres; stop_smtp; stop_imap ;;
  *) echo "usage: scripts/services.sh start|stop" >&2; exit 2 ;;
esac
