#!/usr/bin/env bash
# Install what is missing, run the linters, then the whole test suite on SQLite and on a real PostgreSQL
# server that this script starts and stops itself. Qt runs offscreen.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
export QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=1
export JINGWU_HOME="$(mktemp -d /tmp/jingwu-test-home.XXXXXX)"
PGTEST_DIR=""
cleanup() {
  [ -n "$PGTEST_DIR" ] && bash "$ROOT/scripts/pg_test_server.sh" stop "$PGTEST_DIR"
  rm -rf "$JINGWU_HOME"
}
trap cleanup EXIT

echo "== ruff"
"$PY" -m ruff check app tests bench main.py
echo "== mypy (models, services, printing, core)"
"$PY" -m mypy
echo "== import-linter (layers)"
"$ROOT/.venv/bin/lint-imports" --no-cache

echo "== tests on SQLite"
"$PY" -m pytest "$@"

echo "== tests on PostgreSQL"
eval "$(bash "$ROOT/scripts/pg_test_server.sh" start)"
"$PY" -m pytest "$@"
