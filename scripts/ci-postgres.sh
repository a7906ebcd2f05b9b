#!/usr/bin/env bash
# A PostgreSQL server for the store's tests: installs Debian's `postgresql` when it is missing (as
# root, or with sudo), starts a cluster of its own on 127.0.0.1 (no other address), and prints the
# DATABASE_URL to use as its last line. Idempotent and safe to run from several processes at once:
# a server it started before is reused.
#
#   export DATABASE_URL="$(bash scripts/ci-postgres.sh)"
#
# GRIDSAFE_PG_DIR (default /tmp/gridsafe-postgres) and GRIDSAFE_PG_PORT (default 55432) choose
# where. Any failure exits non-zero with one line saying what to install or what went wrong.
set -euo pipefail
PGDIR="${GRIDSAFE_PG_DIR:-/tmp/gridsafe-postgres}"
PORT="${GRIDSAFE_PG_PORT:-55432}"
URL="postgres://postgres@127.0.0.1:${PORT}/postgres"
fail() { echo "ci-postgres: $*" >&2; exit 1; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

exec 9>"${PGDIR}.lock"
flock -w 600 9 || fail "another ci-postgres.sh has held ${PGDIR}.lock for 10 minutes"

if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/postgres" ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null || fail "PostgreSQL is not installed and this is not root: install Debian's postgresql (apt-get install -y postgresql)"
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y --no-install-recommends postgresql >/dev/null 2>&1 \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends postgresql >/dev/null; } \
    || fail "apt-get install postgresql failed"
fi
BIN="$(bindir)"
[ -x "$BIN/postgres" ] || fail "no PostgreSQL server binary under /usr/lib/postgresql/*/bin"

# The server runs as an unprivileged user: postgres, which the Debian package creates.
RUNAS=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || fail "no postgres user to run the server as"
  RUNAS=(runuser -u postgres --)
fi

if "${RUNAS[@]}" "$BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
  :
else
  mkdir -p "$PGDIR"
  if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$PGDIR"; fi
  if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    "${RUNAS[@]}" "$BIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
      || fail "initdb failed: see $PGDIR/initdb.log"
  fi
  "${RUNAS[@]}" "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c max_connections=200 -c fsync=on" start >/dev/null 9>&- \
    || fail "the server did not start: see $PGDIR/server.log"
fi
"$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -t 30 >/dev/null || fail "the server on 127.0.0.1:$PORT does not answer"
flock -u 9
echo "$URL"
