#!/usr/bin/env bash
# Install what is missing, then open the application on the embedded SQLite database.
#   ./run.sh                 open the application (first start asks for the administrator; tick demo data there)
#   ./run.sh demo            load Langao County demo data from the command line
#   ./run.sh --db URL        use another database (PostgreSQL: postgresql+psycopg://host/dbname)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] && [ "$(uname)" = Linux ] && [ $# -eq 0 ]; then
  echo "run.sh: no display found; set DISPLAY, or QT_QPA_PLATFORM=offscreen to run without a screen." >&2
fi
exec "$ROOT/.venv/bin/python" main.py "$@"
