#!/usr/bin/env bash
# Refresh resources/i18n/app_en.ts from the source (Chinese source strings) and compile app_en.qm.
# Translate new entries in the .ts (Qt Linguist: .venv/bin/pyside6-linguist, or by hand), then run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(find app -name "*.py" | sort)
.venv/bin/pyside6-lupdate "${files[@]}" -ts resources/i18n/app_en.ts -no-obsolete -source-language zh_CN -target-language en
.venv/bin/pyside6-lrelease resources/i18n/app_en.ts -qm resources/i18n/app_en.qm
