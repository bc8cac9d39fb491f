"""The Costs tab: costs entered, edited in place, deleted, imported from CSV; CRM deals imported
with a report of the lines that matched nothing."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.core.clients.model import ChannelFields, ClientFields
from app.core.leads.model import LeadQuery
from app.core.reports.model import CostFields
from app.core.workspace import Workspace
from app.ui.costs.cost_dialog import CostDialog
from app.ui.costs.cost_table_model import CostColumn, CostTableModel
from app.ui.costs.costs_tab import CostsTab
from app.ui.costs.import_report_dialog import ImportReportDialog, RejectedLineModel
from tests.ui.leads.fake_leads import seed_leads


@pytest.fixture
def tab(qtbot, sqlite_workspace: Workspace) -> CostsTab:
    widget = CostsTab()
    widget.workspace = lambda: sqlite_workspace
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _client(ws: Workspace):
    client = ws.clients.create(ClientFields(name="Стоматология «Улыбка»")).value
    for name in ("Билборд на Садовом", "Радио «Европа Плюс»"):
        ws.channels.create(client.id, ChannelFields(name=name))
    return client, ws.channels.list(client.id)


def test_empty_then_add_a_cost(qtbot, tab: CostsTab, sqlite_workspace, on_modal) -> None:
    ws = sqlite_workspace
    client, channels = _client(ws)
    tab.show_client(client, channels)
    assert tab.stack.currentWidget() is tab.empty

    def fill(dialog) -> None:
        assert isinstance(dialog, CostDialog)
        dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findText("Радио «Европа Плюс»"))
        dialog.amount_edit.setText("не число")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert dialog.isVisible() and dialog.error_label.isVisible()  # stays open, says why
        dialog.amount_edit.setText("45 000,50")
        dialog.note_edit.setText("Эфир в ноябре")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    seen = on_modal(fill)
    tab.add_button.click()
    assert seen
    costs = ws.costs.list(client.id)
    assert len(costs) == 1
    assert costs[0].amount == Decimal("45000.50") and costs[0].note == "Эфир в ноябре"
    assert costs[0].period_start.day == 1  # a whole month by default
    assert tab.stack.currentWidget() is tab.view
    assert tab.model.index(0, CostColumn.CHANNEL).data() == "Радио «Европа Плюс»"
    assert "RUB" in tab.model.index(0, CostColumn.AMOUNT).data()


def test_edit_in_place_and_delete(qtbot, tab: CostsTab, sqlite_workspace, on_modal) -> None:
    ws = sqlite_workspace
    client, channels = _client(ws)
    ws.costs.add(client.id, CostFields.for_month(channels[0].id, 2026, 10, Decimal("1000")))
    tab.show_client(client, channels)
    assert tab.model.index(0, CostColumn.PERIOD).data() == "October 2026"
    changes = []
    tab.changes_made.connect(changes.append)
    assert tab.model.setData(tab.model.index(0, CostColumn.AMOUNT), "1 500")
    assert ws.costs.list(client.id)[0].amount == Decimal("1500")
    assert changes and client.id in changes[0].cost_clients
    tab.select_cost(ws.costs.list(client.id)[0].id)

    def confirm(box) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    on_modal(confirm)
    tab.delete_button.click()
    assert ws.costs.list(client.id) == []
    assert tab.stack.currentWidget() is tab.empty


def test_a_cost_in_another_currency_is_refused(qtbot, tab: CostsTab, sqlite_workspace) -> None:
    ws = sqlite_workspace
    client, channels = _client(ws)
    ws.costs.add(client.id, CostFields.for_month(channels[0].id, 2026, 10, Decimal("1000")))
    tab.show_client(client, channels)
    failures = []
    tab.model.edit_failed.disconnect()
    tab.model.edit_failed.connect(failures.append)
    dialog = CostDialog(channels, "RUB", parent=tab)
    dialog.amount_edit.setText("100")
    dialog.currency_combo.setCurrentText("USD")
    dialog.saver = lambda: ws.costs.add(client.id, dialog.cost_fields())
    dialog.show()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.error_label.isVisible()
    assert "USD" in dialog.error_label.text() or "RUB" in dialog.error_label.text()
    dialog.close()


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)
    return path


def test_import_costs_reports_unused_lines(
    qtbot, tab: CostsTab, sqlite_workspace, on_modal, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    client, channels = _client(ws)
    tab.show_client(client, channels)
    source = _write(
        tmp_path / "расходы.csv",
        [
            ["Канал", "Период", "Сумма"],
            ["Билборд на Садовом", "2026-10", "30000"],
            ["Радио «Европа Плюс»", "01.10.2026..15.10.2026", "12 000,00"],
            ["Телевидение", "2026-10", "99000"],
        ],
    )
    exported = tmp_path / "unused.csv"
    reports: list[ImportReportDialog] = []

    def read(dialog) -> None:
        assert isinstance(dialog, ImportReportDialog)
        reports.append(dialog)
        assert dialog.model.rowCount() == 1
        assert dialog.export_to(exported)
        dialog.accept()

    on_modal(read)
    task = tab.import_costs(source)
    assert task is not None
    qtbot.waitUntil(lambda: bool(reports) and not reports[0].isVisible(), timeout=10_000)
    report = reports[0].report
    assert (report.rows, report.added, len(report.rejected)) == (3, 2, 1)
    assert report.rejected[0].line == 4
    assert len(ws.costs.list(client.id)) == 2
    assert tab.model.rowCount() == 2
    text = exported.read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "Line;Why it was not used"
    assert text[1].startswith("4;") and "Телевидение" in text[1]


def test_import_deals_from_a_crm_export(
    qtbot, tab: CostsTab, sqlite_workspace, on_modal, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    client, channels = _client(ws)
    seed_leads(ws, client.id, 10, [c.id for c in channels])
    ids = ws.leads.ids(LeadQuery(client.id))
    tab.show_client(client, channels)
    source = _write(
        tmp_path / "crm.csv",
        [
            ["ID лида", "Сумма сделки"],
            [str(ids[0]), "150 000"],
            [str(ids[1]), "7 500,50"],
            ["999999", "100"],
        ],
    )
    reports: list[ImportReportDialog] = []

    def read(dialog) -> None:
        reports.append(dialog)
        dialog.accept()

    on_modal(read)
    tab.import_deals(source)
    qtbot.waitUntil(lambda: bool(reports) and not reports[0].isVisible(), timeout=10_000)
    report = reports[0].report
    assert (report.added, len(report.rejected)) == (2, 1)
    assert report.rejected[0].line == 4
    assert ws.leads.get(ids[1]).deal_amount == Decimal("7500.50")


def test_models_pass_the_qt_model_tester(qtmodeltester, sqlite_workspace) -> None:
    ws = sqlite_workspace
    client, channels = _client(ws)
    for month in (9, 10, 11):
        ws.costs.add(client.id, CostFields.for_month(channels[0].id, 2026, month, Decimal(month)))
    model = CostTableModel()
    model.costs = ws.costs
    model.set_records(ws.costs.list(client.id))
    qtmodeltester.check(model, force_py=True)
    from app.core.reports.csvfile import RejectedLine

    rejected = RejectedLineModel((RejectedLine(2, "Нет такого канала"), RejectedLine(5, "x")))
    qtmodeltester.check(rejected, force_py=True)
