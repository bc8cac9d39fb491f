"""The ``mailsource`` command line: what scripts rely on (output, exit codes, idempotence)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run
from app.core.paths import resolve_location
from app.core.storage.lock import DataFolderLock

REPO = Path(__file__).resolve().parents[1]


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_clients_lifecycle(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = cli(
        capsys, tmp_path, "clients", "add", "Стоматология «Улыбка»", "--address", "info@улыбка.рф"
    )
    assert code == 0 and out.startswith("created client 1: Стоматология «Улыбка»")
    assert cli(capsys, tmp_path, "channels", "add", "1", "Билборд", "--kind", "offline")[0] == 0
    code, out, _ = cli(capsys, tmp_path, "clients", "list", "--json")
    (client,) = json.loads(out)
    assert client["main_address"] == "info@улыбка.рф"
    assert client["channel_count"] == 1

    assert cli(capsys, tmp_path, "clients", "rename", "1", "Улыбка")[0] == 0
    assert cli(capsys, tmp_path, "clients", "archive", "Улыбка")[0] == 0
    assert cli(capsys, tmp_path, "clients", "list")[1] == ""
    assert "[archived]" in cli(capsys, tmp_path, "clients", "list", "--archived")[1]
    assert cli(capsys, tmp_path, "clients", "restore", "улыбка")[0] == 0
    code, out, _ = cli(capsys, tmp_path, "clients", "delete", "1", "--yes")
    assert code == 0 and "deleted client 1" in out
    assert cli(capsys, tmp_path, "clients", "list", "--archived")[1] == ""


def test_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli(capsys, tmp_path, "clients", "add", "Клиент")[0] == 0
    code, _, err = cli(capsys, tmp_path, "clients", "add", "КЛИЕНТ")
    assert code == 2 and "A client named “Клиент” already exists." in err
    code, _, err = cli(capsys, tmp_path, "clients", "add", " ")
    assert code == 2 and "The name cannot be empty." in err
    code, _, err = cli(capsys, tmp_path, "clients", "add", "x" * 201)
    assert code == 2 and "too long" in err
    code, _, err = cli(capsys, tmp_path, "clients", "archive", "Нет такого")
    assert code == 3 and "No client “Нет такого”." in err
    code, _, err = cli(capsys, tmp_path, "clients", "add", "Y", "--address", "not-an-address")
    assert code == 2 and "not a valid email address" in err
    with pytest.raises(SystemExit) as usage:
        run(["clients", "frobnicate"])
    assert usage.value.code == 2


def test_delete_without_yes_and_without_a_terminal_refuses(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cli(capsys, tmp_path, "clients", "add", "Клиент")
    code, _, err = cli(capsys, tmp_path, "clients", "delete", "1")
    assert code == 2 and "--yes" in err
    assert "Клиент" in cli(capsys, tmp_path, "clients", "list")[1]


def test_data_in_use_by_another_copy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with DataFolderLock(resolve_location(tmp_path).data_dir):
        code, _, err = cli(capsys, tmp_path, "clients", "add", "Клиент")
        assert code == 5 and "open in another Mailsource window" in err
        # reading is fine beside an open window
        assert cli(capsys, tmp_path, "clients", "list")[0] == 0


def test_corrupt_database_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "mailsource.sqlite3").write_bytes(b"this is not a database" * 100)
    code, _, err = cli(capsys, tmp_path, "clients", "list")
    assert code == 4
    assert str(tmp_path / "mailsource.sqlite3") in err and "damaged" in err


def test_demo_is_idempotent(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = cli(capsys, tmp_path, "demo")
    assert code == 0 and out.startswith("demo data: 6 clients")
    code, out, _ = cli(capsys, tmp_path, "demo")
    assert code == 0 and out.startswith("demo data: 0 clients")


def test_db_info_and_environment_data_dir(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("MAILSOURCE_DATA_DIR", str(tmp_path / "portable"))
    assert run(["db", "info"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "portable" / "mailsource.sqlite3") in out
    assert "schema: " in out


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILSOURCE_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_entry_point_and_smoke_test(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path), "--smoke-test"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert "smoke test: ok" in done.stdout
    assert (tmp_path / "mailsource.sqlite3").exists()
    assert (tmp_path / "logs" / "mailsource.log").exists()


def test_second_window_on_the_same_data_is_refused(tmp_path: Path) -> None:
    """The second copy says the data is open elsewhere and asks the first window forward."""
    first = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path)],
        env=_env(),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        log = tmp_path / "logs" / "mailsource.log"
        deadline = 60.0
        import time

        start = time.monotonic()
        while time.monotonic() - start < deadline:
            if log.exists() and "Main window shown" in log.read_text(encoding="utf-8"):
                break
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            time.sleep(0.05)
        second = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(tmp_path)],
            capture_output=True,
            text=True,
            env=_env(),
            timeout=60,
            check=False,
            cwd=REPO,
        )
        assert second.returncode == 5
        assert "already open" in second.stderr
        start = time.monotonic()
        while time.monotonic() - start < deadline:
            if "Activated by another start" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the first window was not asked to come forward")
    finally:
        first.terminate()
        first.wait(timeout=30)
        if first.stderr:
            first.stderr.close()


def test_gui_start_on_a_damaged_database_says_what_and_where(tmp_path: Path) -> None:
    damaged = tmp_path / "mailsource.sqlite3"
    damaged.write_bytes(b"not a database at all" * 200)
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path), "--smoke-test"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 4
    assert "smoke test: window shown" in done.stdout
    assert f"The database file {damaged} is damaged" in done.stderr
    assert damaged.read_bytes() == b"not a database at all" * 200  # left as it was
