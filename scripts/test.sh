#!/usr/bin/env bash
# Run every check: lint, format, types, then the whole test suite against a fresh PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
eval "$(bash scripts/start-postgres.sh)"
trap 'bash scripts/stop-postgres.sh' EXIT
$bin/ruff check src tests bench
$bin/ruff format --check src tests bench
$bin/mypy
$bin/python -m pytest -q -p no:cacheprovider "$@"
