"""``mailsource report``, ``costs``, ``deals`` and ``conversions``: files and exit codes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "core" / "reports"))

from fixtures_reports import seed

from app.cli import run
from app.core.paths import resolve_location
from app.core.workspace import Workspace


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Workspace.open(resolve_location(folder)) as ws:
        seed(ws)
    return folder


NAME = "Клиника «Тест»"


def test_report_in_each_format(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    out_dir = data.parent
    period = ["--client", NAME, "--from", "2026-03-01", "--to", "31.03.2026"]
    code, out, _ = cli(
        capsys, data, "report", *period, "--format", "pdf", "--lang", "ru",
        "-o", str(out_dir / "r.pdf"),
    )  # fmt: skip
    assert code == 0 and (out_dir / "r.pdf").read_bytes().startswith(b"%PDF")
    code, _, _ = cli(
        capsys, data, "report", *period, "--format", "xlsx", "-o", str(out_dir / "r.xlsx")
    )
    assert code == 0 and (out_dir / "r.xlsx").stat().st_size > 0
    code, out, _ = cli(
        capsys, data, "report", *period, "--format", "csv", "--delimiter", ",",
        "-o", str(out_dir / "r.csv"),
    )  # fmt: skip
    assert code == 0 and len(out.split()) == 4 and (out_dir / "r_channels.csv").exists()


def test_report_exit_codes(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    period = ["--from", "2026-03-01", "--to", "2026-03-31", "--format", "xlsx"]
    missing = str(data.parent / "nowhere" / "r.xlsx")
    code, _, err = cli(capsys, data, "report", "--client", NAME, *period, "-o", missing)
    assert code == 12 and "nowhere" in err
    code, _, _ = cli(capsys, data, "report", "--client", "Нет такого", *period, "-o", missing)
    assert code == 3
    code, _, err = cli(
        capsys, data, "report", "--client", NAME, "--from", "31.02.2026", "--to", "2026-03-31",
        "--format", "pdf", "-o", missing,
    )  # fmt: skip
    assert code == 2 and "not a date" in err
    with pytest.raises(SystemExit) as usage:
        cli(capsys, data, "report", "--client", NAME, "--format", "doc", "-o", missing)
    assert usage.value.code == 2


def test_costs_and_deals_imports(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    costs = data.parent / "costs.csv"
    costs.write_text("channel,period,amount\nТВ,2026-04,1000\n", "utf-8")
    code, out, _ = cli(capsys, data, "costs", "import", NAME, str(costs))
    assert code == 0 and "1 added" in out
    costs.write_text("channel,period,amount,currency\nТВ,2026-04,1000,USD\n", "utf-8")
    code, _, err = cli(capsys, data, "costs", "import", NAME, str(costs))
    assert code == 13 and "line 2" in err and "USD" in err
    code, _, _ = cli(capsys, data, "costs", "import", NAME, str(data.parent / "none.csv"))
    assert code == 10
    crm = data.parent / "crm.csv"
    crm.write_text("email;date;amount\nt4@mail.ru;2026-03-31;700\nx@y.ru;2026-03-01;1\n", "utf-8")
    code, out, err = cli(capsys, data, "deals", "import", NAME, str(crm))
    assert code == 13 and "1 added" in out and "x@y.ru" in err


def test_conversions(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    path = data.parent / "metrica.csv"
    code, out, _ = cli(
        capsys, data, "conversions", "--client", NAME, "--kind", "metrica", "-o", str(path)
    )
    assert code == 0 and "2 conversions" in out
    assert path.read_text("utf-8").startswith("ClientID,Target,DateTime,Price,Currency\n")
