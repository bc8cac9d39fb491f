"""Exports read back: PDF with poppler, XLSX with openpyxl, CSV with csv; upload files."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from fixtures_reports import seed
from openpyxl import load_workbook

from app.core.reports.exports.bundle import ExportRequest, ReportFormat, export_report
from app.core.reports.exports.conversions import ConversionKind, write_conversions
from app.core.reports.exports.tables import ExportError
from app.core.reports.model import Period
from app.core.workspace import Workspace

MARCH = Period.month(2026, 3)
EMPTY = Period.month(2025, 1)


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    done = subprocess.run([tool, *args], capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Lead report", "Results by channel", "Results by source", "Median response"]),
        ("ru", ["Отчёт по обращениям", "Результаты по каналам", "Окупаемость рекламы", "32 600"]),
    ],
)
def test_pdf_text_fonts_and_pages(
    sqlite_workspace: Workspace, tmp_path: Path, language: str, expected: list[str]
) -> None:
    seeded = seed(sqlite_workspace)
    path = tmp_path / f"report-{language}.pdf"
    request = ExportRequest(
        seeded.client, MARCH, ReportFormat.PDF, path, language=language, agency="Точка"
    )
    export_report(sqlite_workspace, request)
    text = poppler("pdftotext", "-layout", str(path), "-")
    for snippet in expected:
        assert snippet in text.replace("\u00a0", " ")
    assert "Клиника «Тест»" in text
    fonts = poppler("pdffonts", str(path)).splitlines()[2:]
    assert fonts and all(" yes " in line.split("Identity-H", 1)[-1] for line in fonts)
    assert all("DejaVuSans" in line for line in fonts)
    assert "Pages:           4" in poppler("pdfinfo", str(path))


def test_pdf_of_an_empty_period_is_valid(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    seeded = seed(sqlite_workspace)
    path = tmp_path / "empty.pdf"
    export_report(
        sqlite_workspace, ExportRequest(seeded.client, EMPTY, ReportFormat.PDF, path, "en")
    )
    text = poppler("pdftotext", str(path), "-")
    assert "No leads in this period." in text
    assert "Pages:           3" in poppler("pdfinfo", str(path))


def test_xlsx_values_formats_panes_and_filters(workspace: Workspace, tmp_path: Path) -> None:
    seeded = seed(workspace)
    path = tmp_path / "report.xlsx"
    request = ExportRequest(seeded.client, MARCH, ReportFormat.XLSX, path, language="en")
    export_report(workspace, request)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "Channels", "Sources", "Leads"]
    summary = {row[0].value: row[1] for row in wb["Summary"].iter_rows(min_row=2)}
    assert summary["Leads"].value == 8 and summary["Leads"].number_format == "#,##0"
    assert summary["Cost"].value == 32600 and "₽" in summary["Cost"].number_format
    assert summary["Tracked share"].value == pytest.approx(0.875)
    assert summary["Tracked share"].number_format == "0.0%"
    channels = wb["Channels"]
    assert channels.freeze_panes == "A2" and channels.auto_filter.ref == "A1:M4"
    assert [c.value for c in channels[2]][:4] == ["ТВ", 4, 3, 1]
    assert channels["H2"].value == 10000 and channels["I2"].value == 31000
    assert channels.column_dimensions["A"].width == 32
    leads = wb["Leads"]
    assert leads.max_row == 9 and leads.auto_filter.ref == "A1:M9"
    first = [c.value for c in leads[2]]
    assert (
        first[1] == datetime(2026, 3, 1, 9, 0) and leads["B2"].number_format == "yyyy-mm-dd hh:mm"
    )
    deal = next(r for r in leads.iter_rows(min_row=2) if r[11].value is not None)
    assert deal[11].value == 10000 and deal[12].value is None


def test_csv_tables_with_bom_and_delimiters(workspace: Workspace, tmp_path: Path) -> None:
    seeded = seed(workspace)
    base = tmp_path / "march.csv"
    result = export_report(
        workspace, ExportRequest(seeded.client, MARCH, ReportFormat.CSV, base, language="ru")
    )
    names = [p.name for p in result.paths]
    assert names == [
        "march_summary.csv",
        "march_channels.csv",
        "march_sources.csv",
        "march_leads.csv",
    ]
    raw = (tmp_path / "march_channels.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:2] == ["Канал", "Обращения"]
    assert rows[1][:2] == ["ТВ", "4"] and rows[1][7] == "10000,00" and rows[1][8] == "31000,00"
    comma = export_report(
        workspace,
        ExportRequest(
            seeded.client, MARCH, ReportFormat.CSV, tmp_path / "en", language="en", delimiter=","
        ),
    )
    summary = list(csv.reader(comma.paths[0].read_text("utf-8-sig").splitlines()))
    assert ["Tracked share", "87.5%"] in summary and ["Cost", "32600.00"] in summary
    empty = export_report(
        workspace, ExportRequest(seeded.client, EMPTY, ReportFormat.CSV, tmp_path / "empty")
    )
    assert len((tmp_path / "empty" / "leads.csv").read_text("utf-8-sig").splitlines()) == 1
    assert len(empty.paths) == 4


def test_an_unwritable_path_is_a_clear_error(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    seeded = seed(sqlite_workspace)
    target = tmp_path / "no such folder" / "r.xlsx"
    with pytest.raises(ExportError, match=r"Cannot write .*no such folder"):
        export_report(
            sqlite_workspace, ExportRequest(seeded.client, MARCH, ReportFormat.XLSX, target)
        )
    assert not target.parent.exists()


def test_offline_conversion_uploads(workspace: Workspace, tmp_path: Path) -> None:
    seeded = seed(workspace)
    metrica = tmp_path / "metrica.csv"
    done = write_conversions(workspace.db, seeded.client, ConversionKind.METRICA, metrica)
    assert (done.conversions, done.with_value) == (2, 1)
    lines = metrica.read_text("utf-8").splitlines()
    assert lines[0] == "ClientID,Target,DateTime,Price,Currency"
    # s1 (10 March 10:00 UTC, 5,000.50 deal) came from visit v1
    stamp = int(datetime.fromisoformat("2026-03-10T10:00:00+00:00").timestamp())
    assert f"170000001,email_lead,{stamp},5000.50,RUB" in lines
    google = tmp_path / "google.csv"
    done = write_conversions(
        workspace.db, seeded.client, ConversionKind.GOOGLE_ADS, google, goal="Email lead"
    )
    assert done.conversions == 0  # the Google visit wrote no email
    assert google.read_text("utf-8").splitlines() == [
        "Parameters:TimeZone=Europe/Moscow",
        "Google Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency",
    ]


def test_dates_in_xlsx_stay_dates(workspace: Workspace, tmp_path: Path) -> None:
    seeded = seed(workspace)
    from app.core.leads.model import LeadQuery

    lead = workspace.leads.ids(LeadQuery(seeded.client, search="t1@"))[0]
    workspace.leads.set_deal(lead, Decimal("1.5"), date(2026, 3, 30))
    path = tmp_path / "r.xlsx"
    export_report(workspace, ExportRequest(seeded.client, MARCH, ReportFormat.XLSX, path))
    leads = load_workbook(path)["Leads"]
    row = next(r for r in leads.iter_rows(min_row=2) if r[0].value == lead)
    assert row[12].value == datetime(2026, 3, 30) and row[12].number_format == "yyyy-mm-dd"
    assert row[11].value == 1.5
