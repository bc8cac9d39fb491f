"""The Linux desktop bundle: it starts on a clean environment and carries nothing private.

Builds ``dist/Mailsource`` with ``scripts/build.sh`` once per session (about a minute and a
half here), or uses the build ``MAILSOURCE_BUNDLE_DIR`` names when it is newer than the code.
The bundle runs with a bare environment: no virtualenv on ``PATH``, no ``PYTHONPATH``, a
throwaway home, offscreen.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]

# The desktop's own libraries the bundle leaves to the system (build_spec/mailsource.spec),
# plus the C library family PyInstaller never bundles.
SYSTEM_LIBS = re.compile(
    r"^(ld-linux[-\w.]*|lib(c|m|dl|pthread|rt|util|resolv|X11|X11-xcb|Xau|Xdmcp|Xext|Xrender"
    r"|Xfixes|Xi|Xrandr|xcb(-[a-z-]+)?|xkbcommon(-x11)?|fontconfig|freetype|glib-2\.0"
    r"|gobject-2\.0|gio-2\.0|gmodule-2\.0|gthread-2\.0|dbus-1|EGL|GL|GLX|OpenGL|cups"
    r"|stdc\+\+|gcc_s))\.so[.\d]*$"
)


def _newest_source() -> float:
    files = [*REPO.glob("app/**/*.py"), *REPO.glob("build_spec/*"), *REPO.glob("resources/**/*")]
    return max(f.stat().st_mtime for f in files if f.is_file())


@pytest.fixture(scope="session")
def bundle() -> Path:
    """The one-folder bundle, built now unless a fresh one is named."""
    named = os.environ.get("MAILSOURCE_BUNDLE_DIR")
    if named:
        folder = Path(named).resolve()
        program = folder / "mailsource"
        assert program.is_file(), f"MAILSOURCE_BUNDLE_DIR={named} holds no mailsource program"
        assert program.stat().st_mtime >= _newest_source(), (
            f"{folder} is older than the code; rebuild it (scripts/build.sh) or unset "
            "MAILSOURCE_BUNDLE_DIR"
        )
        return folder
    done = subprocess.run(
        [str(REPO / "scripts" / "build.sh")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "bundle size:" in done.stdout
    return REPO / "dist" / "Mailsource"


def _clean_env(home: Path) -> dict[str, str]:
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    # scripts/test.sh runs the suite in a private D-Bus session with an unlocked keyring: let
    # the bundle reach that Secret Service too, so its keyring backend is really exercised.
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        env["DBUS_SESSION_BUS_ADDRESS"] = os.environ["DBUS_SESSION_BUS_ADDRESS"]
    (home / "runtime").mkdir(parents=True, mode=0o700)
    return env


def test_bundle_smoke_test_passes_on_a_clean_environment(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data folder"
    done = subprocess.run(
        [str(bundle / "mailsource"), "--data-dir", str(data), "--smoke-test"],
        cwd=tmp_path,
        env=_clean_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    lines = out.splitlines()
    assert lines[0] == "smoke test: window shown"
    assert lines[-1].startswith("smoke test: ok (database ")
    assert "FAILED" not in out
    checks = {line.split(":")[1].strip(): line for line in lines[1:-1]}
    assert set(checks) == {
        "database", "icon", "translations", "chart", "pdf", "keyring", "parser process",
    }  # fmt: skip
    assert "schema 0" in checks["database"]
    assert (data / "mailsource.sqlite3").is_file()
    assert "loaded en, ru" in checks["translations"]
    assert "FigureCanvasQTAgg" in checks["chart"]
    assert "QPdfWriter" in checks["pdf"]
    assert "2 batches parsed by the helper process" in checks["parser process"]
    if "DBUS_SESSION_BUS_ADDRESS" in os.environ:
        assert "SecretService" in checks["keyring"], checks["keyring"]
        assert "lookup answered" in checks["keyring"]
    else:
        assert "keyring.backends.SecretService" in checks["keyring"]


def test_bundle_needs_only_the_desktops_own_libraries(bundle: Path) -> None:
    """Every library the bundle's binaries link is inside it, or one a Linux desktop has."""
    inside = {p.name for p in bundle.rglob("*.so*")}
    outside: dict[str, str] = {}
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        dynamic = subprocess.run(
            ["readelf", "-d", str(path)], capture_output=True, text=True, check=True
        ).stdout
        for needed in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic):
            if needed not in inside and not SYSTEM_LIBS.match(needed):
                outside[needed] = str(path.relative_to(bundle))
    assert outside == {}, "libraries neither bundled nor part of the desktop"


def _test_secrets() -> set[bytes]:
    """The passwords the test suite uses, read from the tests themselves."""
    found = {"app-pass-Зх7", "not-the-pw-42", "s3cret-pw", "hunter2", "mailsource-tests"}
    pattern = re.compile(r"""(?i)\bpassw(?:or)?d\w*\s*[=:]\s*["']([^"'{}]{6,})["']""")
    for test in (REPO / "tests").rglob("*.py"):
        if test.name != Path(__file__).name:
            found.update(pattern.findall(test.read_text(encoding="utf-8")))
    return {s.encode("utf-8") for s in found}


def test_bundle_carries_no_secrets_databases_or_local_paths(bundle: Path) -> None:
    venv = str(REPO / ".venv").encode()
    needles = {
        b"/work/shared": "a path into ../shared",
        str(REPO.parent / "shared").encode(): "a path into ../shared",
        venv: "the build machine's .venv path",
        **dict.fromkeys(_test_secrets(), "a test password"),
    }
    problems: list[str] = []
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        rel = str(path.relative_to(bundle))
        if path.suffix in {".sqlite3", ".sqlite", ".db"} or ".sqlite3" in path.name:
            problems.append(f"{rel}: a database")
            continue
        if path.name in {"IMAP_NOTES.md", "PRODUCT.md", "STORAGE_NOTES.md", "VISIT_FORMATS.md"}:
            problems.append(f"{rel}: a file from ../shared")
        data = path.read_bytes()
        problems += [f"{rel}: {why}" for needle, why in needles.items() if needle in data]
    assert problems == []
