#!/usr/bin/env bash
# Set up Mailsource on this machine: system packages, the virtual environment, the project and
# its translations. Idempotent, and fast (about a second) when everything is already there.
#
#   ./scripts/setup.sh          # what the app needs to run (same as --app)
#   ./scripts/setup.sh --test   # everything the test suite needs too
#
# On Debian/Ubuntu as root it installs missing system packages with apt-get; elsewhere it prints
# exactly what is missing and how to install it. Environment:
#   PYTHON=/path/to/python3.11+       the interpreter for .venv (default: the newest python3 found)
#   MAILSOURCE_SKIP_SYSTEM_PACKAGES=1 do not check or install system packages
set -euo pipefail

MODE=app
for arg in "$@"; do
    case "$arg" in
        --app) MODE=app ;;
        --test) MODE=test ;;
        -h | --help)
            sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "setup.sh: unknown option '$arg' (use --app or --test)" >&2
            exit 2
            ;;
    esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
STAMP="$VENV/.mailsource-installed"

say() { printf 'setup: %s\n' "$*" >&2; }

# --- System packages ---------------------------------------------------------------------------

# What Qt's xcb and offscreen platform plugins load, plus a virtual screen for machines without a
# display (run.sh falls back to it).
APP_PACKAGES=(
    libgl1 libegl1 libfontconfig1 fonts-dejavu-core libglib2.0-0 libdbus-1-3
    libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
    libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0
    libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
    xvfb xauth
)
# Real components the tests run against: PDF pages to PNG, the Secret Service keyring, a
# PostgreSQL server, a Dovecot IMAP server, a headless browser and the sqlite3 shell.
TEST_PACKAGES=(
    poppler-utils gnome-keyring dbus dbus-x11 postgresql dovecot-imapd chromium chromium-driver
    sqlite3
)
# Commands that stand for the test packages where there is no dpkg to ask.
TEST_COMMANDS=(
    "pdftoppm:poppler (poppler-utils)"
    "gnome-keyring-daemon:gnome-keyring"
    "dbus-run-session:dbus"
    "initdb:postgresql server (initdb/postgres on PATH, or MAILSOURCE_PG_BINDIR)"
    "dovecot:dovecot (with imapd)"
    "sqlite3:sqlite3 shell"
)

wanted_packages() {
    printf '%s\n' "${APP_PACKAGES[@]}"
    if [[ $MODE == test ]]; then printf '%s\n' "${TEST_PACKAGES[@]}"; fi
}

missing_debian_packages() {
    local installed
    mapfile -t wanted < <(wanted_packages)
    # One dpkg-query for all of them; unknown packages print nothing (and an error we drop).
    installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null |
        awk '$2 == "installed" { sub(/:.*/, "", $1); print $1 }' || true)"
    for pkg in "${wanted[@]}"; do
        grep -qxF "$pkg" <<<"$installed" || echo "$pkg"
    done
}

apt_install() {
    local policy=/usr/sbin/policy-rc.d created_policy=0
    # Packages like postgresql and dovecot start their system-wide service on install; the tests
    # start their own servers, so keep the machine quiet (the usual policy-rc.d convention).
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && created_policy=1
    fi
    local status=0
    {
        say "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            say "apt-get install $*" &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
    } || status=$?
    if [[ $created_policy == 1 ]]; then rm -f "$policy"; fi
    return "$status"
}

check_system_packages() {
    if [[ ${MAILSOURCE_SKIP_SYSTEM_PACKAGES:-} == 1 ]]; then return 0; fi
    if command -v dpkg-query >/dev/null 2>&1; then
        local missing
        mapfile -t missing < <(missing_debian_packages)
        [[ ${#missing[@]} -eq 0 ]] && return 0
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
            apt_install "${missing[@]}"
            return 0
        fi
        say "missing system packages: ${missing[*]}"
        say "install them with:"
        say "    sudo apt-get update && sudo apt-get install --no-install-recommends ${missing[*]}"
        say "(or set MAILSOURCE_SKIP_SYSTEM_PACKAGES=1 to go on without them)"
        exit 1
    fi
    # Not Debian/Ubuntu: Qt comes with the PySide6 wheel; the tests need a few real programs.
    if [[ $MODE == test ]]; then
        local entry cmd what absent=()
        for entry in "${TEST_COMMANDS[@]}"; do
            cmd="${entry%%:*}" what="${entry#*:}"
            if [[ $cmd == initdb && -n ${MAILSOURCE_PG_BINDIR:-} ]]; then continue; fi
            command -v "$cmd" >/dev/null 2>&1 || absent+=("$cmd: $what")
        done
        if [[ ${#absent[@]} -gt 0 ]]; then
            say "this is not Debian/Ubuntu, so nothing is installed automatically. Missing:"
            printf 'setup:     %s\n' "${absent[@]}" >&2
            say "install them with your package manager (macOS: brew install poppler postgresql@15"
            say "dovecot sqlite; Fedora: dnf install poppler-utils gnome-keyring dbus-daemon"
            say "postgresql-server dovecot sqlite chromium). Tests that need them are skipped"
            say "locally, and fail when CI=true."
        fi
    fi
}

# --- Python ------------------------------------------------------------------------------------

python_ok() {
    "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

ensure_venv() {
    if [[ -x $VENV/bin/python ]]; then
        if ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
            say "$VENV uses Python < 3.11; move it away and run this again"
            exit 1
        fi
        return 0
    fi
    local py
    if ! py="$(find_python)"; then
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
            apt_install python3 python3-venv
            py="$(find_python)" || {
                say "no Python >= 3.11 with venv after installing python3 (this needs Debian 12+)"
                exit 1
            }
        else
            say "Mailsource needs Python >= 3.11 with the venv module. Install it, e.g.:"
            say "    sudo apt-get install python3 python3-venv   (Debian 12 / Ubuntu 23.04+)"
            say "    brew install python@3.12                     (macOS)"
            say "or point PYTHON=/path/to/python3.11 at one."
            exit 1
        fi
    fi
    say "creating $VENV with $py"
    "$py" -m venv "$VENV"
}

ensure_project() {
    local want hash have=""
    hash="$(sha256sum pyproject.toml | cut -d' ' -f1)"
    want="$hash $MODE"
    [[ -f $STAMP ]] && have="$(cat "$STAMP")"
    # A test install (with the dev extras) also serves the app.
    if [[ $have == "$want" || ($MODE == app && $have == "$hash test") ]]; then
        return 0
    fi
    local spec="."
    [[ $MODE == test ]] && spec=".[dev]"
    say "installing the project ($spec) into $VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$spec"
    echo "$want" >"$STAMP"
}

compile_translations() {
    shopt -s nullglob
    local ts=(resources/translations/*.ts)
    shopt -u nullglob
    [[ ${#ts[@]} -eq 0 ]] && return 0
    local lrelease="$VENV/bin/pyside6-lrelease" file qm
    for file in "${ts[@]}"; do
        qm="${file%.ts}.qm"
        if [[ ! -f $qm || $file -nt $qm ]]; then
            "$lrelease" -silent "$file" -qm "$qm"
        fi
    done
}

check_system_packages
ensure_venv
ensure_project
compile_translations
