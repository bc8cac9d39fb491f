#!/usr/bin/env bash
# Set up (./scripts/setup.sh --test) and run every quality gate and the whole test suite:
#   ruff check, ruff format --check, mypy (strict on app/core), then pytest offscreen inside a
#   private D-Bus session with an unlocked gnome-keyring, so keyring tests use the real Secret
#   Service. Extra arguments go to pytest:   ./scripts/test.sh -k clients -x
# Exits non-zero if any gate or test fails; pytest's summary line is the last line printed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./scripts/setup.sh --test || exit $?

VENV="$ROOT/.venv"
failed=()
gate() {
    local name="$1"
    shift
    echo "== $name" >&2
    "$@" || failed+=("$name")
}
gate "ruff check" "$VENV/bin/ruff" check .
gate "ruff format --check" "$VENV/bin/ruff" format --check .
gate "mypy" "$VENV/bin/mypy"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "== FAILED before the tests: ${failed[*]} (the tests run anyway)" >&2
fi

export QT_QPA_PLATFORM=offscreen
export PYTHONFAULTHANDLER=1
# The keyring daemon keeps its files in a throwaway folder, never in the user's real keyrings.
KEYRING_HOME="$(mktemp -d "${TMPDIR:-/tmp}/mailsource-keyring.XXXXXX")"
trap 'rm -rf "$KEYRING_HOME"' EXIT

# A session bus and gnome-keyring die when the session ends, but as orphans of PID 1; where PID 1
# does not reap (containers) they would stay zombies. This wrapper adopts and reaps them.
REAPER='
import ctypes, os, signal, subprocess, sys, time
try:
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
except (OSError, AttributeError):
    pass
child = subprocess.Popen(sys.argv[1:])
for sig in (signal.SIGINT, signal.SIGTERM):
    signal.signal(sig, lambda s, f: child.send_signal(s))
code = child.wait()
def orphans():
    me = str(os.getpid())
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == me:
                found.append(int(entry))
    return found
deadline = time.monotonic() + 10
while True:
    try:
        pid, _ = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        break
    if pid:
        continue
    if time.monotonic() > deadline:
        for pid in orphans():
            os.kill(pid, signal.SIGKILL)
        deadline = float("inf")
    time.sleep(0.05)
sys.exit(code)
'

run_pytest() {
    "$VENV/bin/pytest" "$@"
}

if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    "$VENV/bin/python" -c "$REAPER" dbus-run-session -- bash -c '
        export XDG_DATA_HOME="$1"
        shift
        echo -n mailsource-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        exec "$0" "$@"
    ' "$VENV/bin/pytest" "$KEYRING_HOME" "$@"
    status=$?
else
    echo "== no dbus-run-session/gnome-keyring-daemon: keyring tests use whatever is there" >&2
    run_pytest "$@"
    status=$?
fi

if [[ ${#failed[@]} -gt 0 && $status -eq 0 ]]; then
    status=1
fi
exit "$status"
