#!/usr/bin/env bash
# Set up what the app needs (./scripts/setup.sh --app), then start Mailsource with the given
# arguments:   ./scripts/run.sh --demo      ./scripts/run.sh clients list
# On a Linux machine without a display the GUI runs on a virtual screen (Xvfb).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./scripts/setup.sh --app

APP="$ROOT/.venv/bin/mailsource"
if [[ $(uname -s) == Linux && -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]] &&
    command -v xvfb-run >/dev/null 2>&1; then
    echo "run: no display here; running on a virtual screen (Xvfb)" >&2
    exec xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" "$APP" "$@"
fi
exec "$APP" "$@"
