#!/usr/bin/env bash
# Refresh the translation sources from the code: every tr()/translate() string of app/ lands in
# resources/translations/mailsource_{ru,en}.ts (new ones marked unfinished, vanished ones kept as
# obsolete until -no-obsolete). Translate the Russian file in Qt Linguist
# (.venv/bin/pyside6-linguist) or any .ts editor; the English file only carries plural forms.
# scripts/setup.sh compiles the .ts files into the .qm files the app loads.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mapfile -t sources < <(git ls-files 'app/*.py'; git ls-files --others --exclude-standard 'app/*.py')
.venv/bin/pyside6-lupdate -no-obsolete -locations relative "${sources[@]}" \
    -ts resources/translations/mailsource_ru.ts
.venv/bin/pyside6-lupdate -no-obsolete -locations relative -pluralonly "${sources[@]}" \
    -ts resources/translations/mailsource_en.ts
