"""Export Report… and Export Offline Conversions…: the files are written (and read back), a path
that cannot be written is explained."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.core.clients.model import ChannelFields, ClientFields
from app.core.leads.model import LeadQuery
from app.core.reports.model import CostFields
from app.core.workspace import Workspace
from app.ui.errors import ErrorDialog
from app.ui.reports.export_dialog import (
    ExportConversionsDialog,
    ExportReportDialog,
    start_conversions_export,
    start_report_export,
)
from app.ui.reports.period import Period, Preset
from tests.ui.leads.fake_leads import seed_leads

NOVEMBER = Period(Preset.CUSTOM, date(2026, 11, 1), date(2026, 12, 1))


def _client(ws: Workspace) -> int:
    client = ws.clients.create(ClientFields(name="Стоматология «Улыбка»")).value.id
    channels = [
        ws.channels.create(client, ChannelFields(name=name, color=color)).value.id
        for name, color in (("Билборд", "#e74c3c"), ("Радио", "#2980b9"))
    ]
    seed_leads(ws, client, 40, channels, step=timedelta(hours=6))
    ws.costs.add(client, CostFields.for_month(channels[0], 2026, 11, Decimal("16000")))
    ws.leads.set_deal(ws.leads.ids(LeadQuery(client))[0], Decimal("50000"))
    return client


def _dialog(qtbot, client: int, fmt: str, path: Path) -> ExportReportDialog:
    dialog = ExportReportDialog(client, "Стоматология «Улыбка»", NOVEMBER, agency="Точка")
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    dialog.path_row.edit.setText(str(path))
    return dialog


def _run(qtbot, task) -> None:
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert task.error is None, task.error


def test_the_dialog_suggests_a_file_and_shows_what_the_format_needs(qtbot) -> None:
    dialog = ExportReportDialog(7, "Стоматология «Улыбка»", NOVEMBER)
    qtbot.addWidget(dialog)
    suggested = Path(dialog.path_row.edit.text())
    assert suggested.name == "Стоматология Улыбка 2026-11-01–2026-11-30.pdf"
    assert not dialog.form.isRowVisible(dialog.delimiter_combo)
    assert dialog.form.isRowVisible(dialog.agency_edit)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    assert dialog.form.isRowVisible(dialog.delimiter_combo)
    assert not dialog.form.isRowVisible(dialog.agency_edit)
    assert dialog.path_row.edit.text().endswith("2026-11-30.csv")
    request = dialog.request()
    assert (request.period.start, request.period.end) == (date(2026, 11, 1), date(2026, 11, 30))
    assert request.delimiter == ";" and request.include_leads


def test_xlsx_export_reads_back(qtbot, sqlite_workspace: Workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    client = _client(sqlite_workspace)
    dialog = _dialog(qtbot, client, "xlsx", tmp_path / "отчёт.xlsx")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    results = []
    task = start_report_export(sqlite_workspace, dialog.request(), None, results.append)
    _run(qtbot, task)
    path = results[0].paths[0]
    book = load_workbook(path)
    assert len(book.sheetnames) >= 3
    values = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert 40 in values


def test_csv_export_with_a_delimiter(qtbot, sqlite_workspace: Workspace, tmp_path: Path) -> None:
    client = _client(sqlite_workspace)
    dialog = _dialog(qtbot, client, "csv", tmp_path / "report.csv")
    dialog.delimiter_combo.setCurrentIndex(dialog.delimiter_combo.findData(","))
    results = []
    _run(qtbot, start_report_export(sqlite_workspace, dialog.request(), None, results.append))
    paths = results[0].paths
    assert len(paths) >= 2
    raw = paths[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM for Excel
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=","))
    assert len(rows) > 1 and len(rows[0]) >= 2


def test_pdf_export_in_russian(qtbot, sqlite_workspace: Workspace, tmp_path: Path) -> None:
    client = _client(sqlite_workspace)
    dialog = _dialog(qtbot, client, "pdf", tmp_path / "report.pdf")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
    dialog.leads_check.setChecked(False)
    results = []
    _run(qtbot, start_report_export(sqlite_workspace, dialog.request(), None, results.append))
    data = results[0].paths[0].read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000


def test_an_unwritable_path_is_explained(
    qtbot, sqlite_workspace: Workspace, tmp_path: Path, on_modal
) -> None:
    client = _client(sqlite_workspace)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog = _dialog(qtbot, client, "xlsx", blocker / "report.xlsx")
    shown: list[str] = []

    def read(box) -> None:
        assert isinstance(box, ErrorDialog)
        shown.append(box.message)
        box.reject()

    seen = on_modal(read)
    task = start_report_export(sqlite_workspace, dialog.request(), None)
    qtbot.waitUntil(lambda: task.done and bool(seen) and not seen[0].isVisible(), timeout=60_000)
    assert "report.xlsx" in shown[0] or "a-file" in shown[0]


@pytest.mark.parametrize("kind", ["metrica", "google-ads"])
def test_offline_conversions_file(qtbot, sqlite_workspace: Workspace, tmp_path: Path, kind) -> None:
    client = _client(sqlite_workspace)
    dialog = ExportConversionsDialog("Стоматология «Улыбка»", NOVEMBER)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
    dialog.path_row.edit.setText(str(tmp_path / f"{kind}.csv"))
    results = []
    task = start_conversions_export(
        sqlite_workspace, client, dialog.options(), None, results.append
    )
    _run(qtbot, task)
    text = (tmp_path / f"{kind}.csv").read_text(encoding="utf-8")
    header = "ClientID" if kind == "metrica" else "Google Click ID"
    assert header in text
    assert results[0].conversions == 0  # these leads came from no website visit
