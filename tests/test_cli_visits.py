"""``mailsource visits import|history|rejects|health`` and ``mailsource snippet`` as a script uses
them: what they print and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import run
from tests.core.visits.test_visits_metrica import HEADER, row


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def export(path: Path) -> Path:
    lines = [HEADER, row(), row(visitID="2", browser="headlesschrome"), "7\tbroken"]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_import_history_rejects_and_health(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    assert cli(capsys, data, "clients", "add", "Окна", "--address", "info@client.ru")[0] == 0
    file = export(tmp_path / "visits.tsv")

    code, out, err = cli(capsys, data, "visits", "import", str(file), "--client", "Окна")
    assert code == 10  # local times and no time zone known yet
    assert "time zone" in err

    code, out, _ = cli(
        capsys, data, "visits", "import", str(file), "--client", "Окна",
        "--timezone", "Europe/Moscow",
    )  # fmt: skip
    assert code == 0
    assert "detected: Yandex Metrica Logs API (visits) · UTF-8" in out
    assert "1 new visits, 0 updated, 1 rejected, 1 robot visits skipped" in out
    assert "line 4: expected" in out

    code, out, _ = cli(
        capsys, data, "visits", "import", str(file), "--client", "Окна", "--json"
    )  # the zone is remembered for the client
    result = json.loads(out)
    assert (code, result["imported"], result["updated"]) == (0, 0, 1)

    code, out, _ = cli(capsys, data, "visits", "history", "Окна")
    assert code == 0
    assert len(out.strip().splitlines()) == 2  # the refused attempt is not an import
    code, out, _ = cli(capsys, data, "visits", "rejects", "1", "-o", str(tmp_path / "r.csv"))
    assert code == 0 and (tmp_path / "r.csv").read_text("utf-8-sig").count("\n") == 3
    code, out, _ = cli(capsys, data, "visits", "health", "Окна")
    assert code == 0 and "visits: 1" in out


def test_snippet_and_a_file_of_another_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    cli(capsys, data, "clients", "add", "Окна", "--address", "info@client.ru")
    code, out, _ = cli(capsys, data, "snippet", "--client", "Окна", "--minified", "--steps")
    assert code == 0
    assert out.startswith("<script>") and "info@client.ru" in out
    assert "1. Paste the code" in out
    code, out, _ = cli(capsys, data, "snippet", "--client", "Окна")
    assert code == 0 and out.count("\n") > 50  # the readable version
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01\x02" * 100)
    code, _, err = cli(capsys, data, "visits", "import", str(pdf), "--client", "Окна")
    assert code == 10 and "report.pdf" in err and "not a text file" in err
