"""``mailsource addresses`` and ``mailsource sheets``: output, exit codes, files, demo data."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run

REPO = Path(__file__).resolve().parents[1]


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def client(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A client on an IDN domain with two channels; returns the data folder."""
    args = ["clients", "add", "Улыбка", "--address", "info@улыбка.рф", "--domain", "улыбка.рф"]
    assert cli(capsys, tmp_path, *args)[0] == 0
    assert cli(capsys, tmp_path, "channels", "add", "Улыбка", "Билборд")[0] == 0
    assert cli(capsys, tmp_path, "channels", "add", "Улыбка", "Радио")[0] == 0
    return tmp_path


def test_generate_list_retire(capsys: pytest.CaptureFixture[str], client: Path) -> None:
    code, out, _ = cli(capsys, client, "addresses", "generate", "Улыбка", "Билборд")
    assert code == 0 and out.strip().endswith("info+bilbord@улыбка.рф (Билборд)")
    code, out, _ = cli(
        capsys, client, "addresses", "generate", "Улыбка", "радио", "--style", "alias",
        "--tag", "fm",
    )  # fmt: skip
    assert code == 0 and "info.fm@улыбка.рф" in out
    code, out, _ = cli(capsys, client, "addresses", "list", "Улыбка", "--json")
    rows = json.loads(out)
    assert [(r["address"], r["channel"], r["style"]) for r in rows] == [
        ("info+bilbord@улыбка.рф", "Билборд", "plus"),
        ("info.fm@улыбка.рф", "Радио", "alias"),
    ]
    assert rows[0]["address_ascii"] == "info+bilbord@xn--80ab1ac3bxc.xn--p1ai"
    assert cli(capsys, client, "addresses", "retire", "Улыбка", "INFO+BILBORD@улыбка.рф")[0] == 0
    assert "bilbord" not in cli(capsys, client, "addresses", "list", "Улыбка")[1]
    code, out, _ = cli(
        capsys, client, "addresses", "list", "Улыбка", "--retired", "--channel", "Билборд"
    )
    assert code == 0 and out.strip().endswith("[retired]")
    code, _, err = cli(capsys, client, "addresses", "generate", "Улыбка", "Радио", "--tag", "Фм!")
    assert code == 2 and "only Latin letters" in err
    code, _, err = cli(capsys, client, "addresses", "generate", "Улыбка", "Нет такого")
    assert code == 3 and "No channel “Нет такого”" in err
    code, _, err = cli(capsys, client, "addresses", "retire", "Улыбка", "nobody@улыбка.рф")
    assert code == 3


def test_import_is_all_or_nothing(
    capsys: pytest.CaptureFixture[str], client: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "list.csv"
    bad.write_text("адрес;канал\ntv1@улыбка.рф;Радио\nмусор\ntv2@other.ru\n", encoding="cp1251")
    code, _, err = cli(capsys, client, "addresses", "import", "Улыбка", str(bad))
    assert code == 2
    assert "Line 3:" in err and "Line 4:" in err
    assert cli(capsys, client, "addresses", "list", "Улыбка")[1] == ""
    good = tmp_path / "good.txt"
    good.write_text("tv1@улыбка.рф; Радио\nsite1@улыбка.рф\n", encoding="utf-8")
    code, out, _ = cli(
        capsys, client, "addresses", "import", "Улыбка", str(good), "--channel", "Билборд"
    )
    assert code == 0 and "imported 2 addresses" in out
    rows = json.loads(cli(capsys, client, "addresses", "list", "Улыбка", "--json")[1])
    assert {r["address"]: r["channel"] for r in rows} == {
        "tv1@улыбка.рф": "Радио",
        "site1@улыбка.рф": "Билборд",
    }
    out_csv = tmp_path / "aliases.csv"
    code, out, err = cli(
        capsys, client, "addresses", "export-aliases", "Улыбка", "-o", str(out_csv),
        "--provider", "cpanel",
    )  # fmt: skip
    assert code == 0 and "saved 2 aliases" in err and "Forwarders" in out
    lines = out_csv.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3 and lines[1].startswith("tv1@xn--80ab1ac3bxc.xn--p1ai,tv1@улыбка.рф,")


def test_sheets_pdf(capsys: pytest.CaptureFixture[str], client: Path, tmp_path: Path) -> None:
    cli(capsys, client, "addresses", "generate", "Улыбка", "Билборд")
    pdf = tmp_path / "sheets.pdf"
    code, out, _ = cli(
        capsys, client, "sheets", "Улыбка", "--page", "letter", "--agency", "Точка", "-o", str(pdf)
    )
    assert code == 0 and "saved 1 pages (1 addresses)" in out
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M) and "(letter)" in info
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "info+bilbord@улыбка.рф" in text.splitlines() and "Точка" in text
    code, _, err = cli(capsys, client, "sheets", "Улыбка", "--channel", "Радио", "-o", str(pdf))
    assert code == 2 and "no active address" in err
    code, _, err = cli(capsys, client, "sheets", "Улыбка", "--channel", "Нет", "-o", str(pdf))
    assert code == 3


def test_the_cli_module_imports_no_qt() -> None:
    probe = (
        "import sys, app.cli, app.cli_addresses; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=REPO
    ).stdout
    assert out.strip() == "False"


def test_demo_has_addresses_of_each_style_and_stays_idempotent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert cli(capsys, tmp_path, "demo", "--quiet")[0] == 0
    styles: set[str] = set()
    counts = {}
    for client in json.loads(cli(capsys, tmp_path, "clients", "list", "--archived", "--json")[1]):
        rows = json.loads(
            cli(capsys, tmp_path, "addresses", "list", str(client["id"]), "--retired", "--json")[1]
        )
        counts[client["name"]] = len(rows)
        styles |= {r["style"] for r in rows}
        assert rows, f"demo client {client['name']} has no addresses"
    assert styles == {"plus", "alias", "custom"}
    assert cli(capsys, tmp_path, "demo", "--quiet")[0] == 0
    again = {
        c["name"]: len(
            json.loads(
                cli(capsys, tmp_path, "addresses", "list", str(c["id"]), "--retired", "--json")[1]
            )
        )
        for c in json.loads(cli(capsys, tmp_path, "clients", "list", "--archived", "--json")[1])
    }
    assert again == counts


def test_issue_spellings_of_the_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``addresses export`` and ``sheet --client NAME`` work as the issue names them."""
    data = tmp_path / "data"
    assert run(["--data-dir", str(data), "demo", "--quiet"]) == 0
    csv_path = tmp_path / "aliases.csv"
    assert (
        run(["--data-dir", str(data), "addresses", "export", "СтройДом", "-o", str(csv_path)]) == 0
    )
    assert "zakaz@stroydom.ru" in csv_path.read_text(encoding="utf-8-sig")
    pdf = tmp_path / "sheets.pdf"
    code = run(["--data-dir", str(data), "sheet", "--client", "СтройДом", "-o", str(pdf)])
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    assert run(["--data-dir", str(data), "sheet", "-o", str(pdf)]) == 2
    capsys.readouterr()
