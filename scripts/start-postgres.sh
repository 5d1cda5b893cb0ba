#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the tests and print the line that points them at it:
#
#   eval "$(bash scripts/start-postgres.sh)"
#
# The cluster lives in a temporary folder named after this checkout, listens on 127.0.0.1 only
# (first free port from 54329 on), and has a role and database "ecoplan" with a random password.
# Run as root, it runs the server as the "postgres" user; run as another user, as that user.
# Running it again while the cluster is up prints the same line; scripts/stop-postgres.sh stops
# the cluster and removes the folder. Only the export line goes to standard output.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
state="${TMPDIR:-/tmp}/ecoplan-postgres-$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
first_port="${ECOPLAN_POSTGRES_PORT:-54329}"

log() { echo "start-postgres: $*" >&2; }

bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    log "PostgreSQL is not installed: run 'apt-get install postgresql' (or bash scripts/install-system.sh)."
    exit 1
  fi
  echo "$dir"
}

# Run a command as the cluster's owner: "postgres" when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")  # postgres may not enter the checkout
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  local port="$first_port"
  while port_in_use "$port"; do
    port=$((port + 1))
    if [ "$port" -gt $((first_port + 100)) ]; then
      log "no free port between $first_port and $port on 127.0.0.1."
      exit 1
    fi
  done
  echo "$port"
}

print_url() {
  echo "export ECOPLAN_TEST_POSTGRES_URL=postgresql+psycopg://ecoplan:$(cat "$state/password")@127.0.0.1:$(cat "$state/port")/ecoplan"
}

bin="$(bin_dir)"

# A cluster of this checkout that still accepts connections is reused as it is.
if [ -f "$state/port" ] && [ -f "$state/password" ] \
   && "$bin/pg_isready" -q -h 127.0.0.1 -p "$(cat "$state/port")" -U ecoplan -d ecoplan; then
  log "reusing the cluster in $state"
  print_url
  exit 0
fi

# Anything else left there (a stopped, killed or half-made cluster) is thrown away.
if [ -f "$state/data/postmaster.pid" ]; then
  as_owner "$bin/pg_ctl" stop -m immediate -D "$state/data" >/dev/null 2>&1 || true
fi
rm -rf "$state"
mkdir -p "$state"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$state"
fi
chmod 700 "$state"

port="$(free_port)"
password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
echo "$port" > "$state/port"
echo "$password" > "$state/password"
as_owner true  # fail early if the postgres user is missing

log "creating a cluster in $state (port $port)"
as_owner "$bin/initdb" -D "$state/data" -U postgres --auth-local=trust \
  --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
  || { cat "$state/initdb.log" >&2; exit 1; }

as_owner "$bin/pg_ctl" start -w -t 60 -D "$state/data" -l "$state/server.log" \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$state -c fsync=off" \
  >/dev/null || { cat "$state/server.log" >&2; exit 1; }

psql_admin() {
  as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$state" -p "$port" -U postgres -d postgres "$@"
}
psql_admin -c "CREATE ROLE ecoplan LOGIN PASSWORD '$password'" >&2
psql_admin -c "CREATE DATABASE ecoplan OWNER ecoplan ENCODING 'UTF8'" >&2

for _ in $(seq 1 60); do
  if PGPASSWORD="$password" "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U ecoplan -d ecoplan; then
    log "PostgreSQL accepts connections on 127.0.0.1:$port"
    print_url
    exit 0
  fi
  sleep 0.5
done
log "PostgreSQL did not accept connections within 30 s; see $state/server.log"
exit 1
