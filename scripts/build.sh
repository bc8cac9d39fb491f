#!/usr/bin/env bash
# Build the desktop bundle for this platform: dist/Mailsource/ (one folder, start
# dist/Mailsource/mailsource), plus dist/Mailsource.app on macOS. Sets the project up first
# (scripts/setup.sh), installs PyInstaller (the "build" extra) into .venv when missing, writes
# the third-party license list, runs build_spec/mailsource.spec and prints the bundle's size.
#
#   ./scripts/build.sh
#
# Environment: MAILSOURCE_NO_STRIP=1 keeps the symbols in the Linux extension modules.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { printf 'build: %s\n' "$*" >&2; }

./scripts/setup.sh
VENV="$ROOT/.venv"
if ! "$VENV/bin/python" -c 'import PyInstaller' >/dev/null 2>&1; then
    say "installing PyInstaller (the build extra) into $VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[build]"
fi

start=$SECONDS
"$VENV/bin/python" build_spec/collect_licenses.py >/dev/null
say "running PyInstaller (a minute or two)"
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller build_spec/mailsource.spec
say "built dist/Mailsource in $((SECONDS - start)) s"
# MiB, as du counts them; the figure the benchmark compares with its target.
size_kib="$(du -sk dist/Mailsource | cut -f1)"
echo "bundle size: $((size_kib / 1024)) MiB (dist/Mailsource)"
