#!/usr/bin/env bash
# Stop the cluster that scripts/start-postgres.sh started for this checkout and remove its folder.
# Running it when no cluster is there does nothing.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
state="${TMPDIR:-/tmp}/ecoplan-postgres-$(printf '%s' "$root" | cksum | cut -d' ' -f1)"

if [ ! -d "$state" ]; then
  exit 0
fi

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -n "$bin" ] && [ -f "$state/data/postmaster.pid" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" stop -w -m fast -D "$state/data" >/dev/null 2>&1 || true
  else
    "$bin/pg_ctl" stop -w -m fast -D "$state/data" >/dev/null 2>&1 || true
  fi
fi

rm -rf "$state"
echo "stop-postgres: stopped and removed $state" >&2
