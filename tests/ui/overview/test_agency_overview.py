"""The agency overview: every client with this period's leads against the previous period's,
cost per lead, reply time and warnings; a double click opens the client."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.core.clients.model import ChannelFields, ClientFields
from app.core.reports.model import OverviewRow
from app.ui.overview.overview_table_model import OverviewColumn, OverviewTableModel, change_text
from app.ui.reports.period import Preset, today
from tests.ui.leads.fake_leads import seed_leads


def _row(**kwargs) -> OverviewRow:
    values = {
        "client_id": 1,
        "client_name": "Стоматология «Улыбка»",
        "currency": "RUB",
        "leads": 30,
        "previous_leads": 20,
        "cost": Decimal("60000"),
        "median_response_s": 3600.0,
        "warnings": (),
    }
    values.update(kwargs)
    return OverviewRow(**values)


def test_rows_show_change_cost_per_lead_and_warnings(qtmodeltester) -> None:
    model = OverviewTableModel()
    model.set_rows(
        [
            _row(),
            _row(client_id=2, client_name="СтройДом", leads=8, previous_leads=10, cost=None),
            _row(
                client_id=3,
                client_name="Юридическая фирма «Право и Дело»",
                leads=0,
                previous_leads=0,
                median_response_s=None,
                warnings=(
                    "Mailbox info@pravo.ru: the last sync failed.",
                    "No visits imported yet.",
                ),
            ),
        ]
    )
    qtmodeltester.check(model, force_py=True)

    def cell(row: int, column: OverviewColumn, role=Qt.ItemDataRole.DisplayRole):
        return model.index(row, column).data(role)

    assert cell(0, OverviewColumn.CHANGE) == "▲ 50%"
    assert cell(0, OverviewColumn.CHANGE, Qt.ItemDataRole.ForegroundRole) == QColor("#2e7d32")
    assert cell(1, OverviewColumn.CHANGE) == "▼ 20%"
    assert cell(1, OverviewColumn.CHANGE, Qt.ItemDataRole.ForegroundRole) == QColor("#c62828")
    assert "2" in cell(0, OverviewColumn.COST_PER_LEAD)  # 60 000 / 30 = 2 000 RUB
    assert "RUB" in cell(0, OverviewColumn.COST_PER_LEAD)
    assert cell(1, OverviewColumn.COST_PER_LEAD) == "—"
    assert cell(0, OverviewColumn.MEDIAN_REPLY) == "1 h"
    assert cell(2, OverviewColumn.MEDIAN_REPLY) == "—"
    assert cell(2, OverviewColumn.WARNINGS).startswith("Mailbox info@pravo.ru")
    assert "No visits imported yet." in cell(
        2, OverviewColumn.WARNINGS, Qt.ItemDataRole.ToolTipRole
    )
    assert change_text(_row(previous_leads=0)) == "▲"


def test_overview_in_the_window_opens_a_client(qtbot, window, sqlite_workspace) -> None:
    ws = sqlite_workspace
    now = today()
    clients = []
    for name, count in (("Стоматология «Улыбка»", 12), ("СтройДом", 5)):
        client = ws.clients.create(ClientFields(name=name)).value.id
        channel = ws.channels.create(client, ChannelFields(name="Радио")).value.id
        start = datetime(now.year, now.month, now.day, 12, tzinfo=UTC)
        seed_leads(ws, client, count, [channel], start=start, step=timedelta(minutes=30))
        clients.append(client)
    window.reload_clients()
    window.act_agency_overview.trigger()
    page = window.agency_overview
    assert page is not None and window.right.currentWidget() is page
    page.period.set_period(Preset.CUSTOM, date(now.year, 1, 1), now)
    page.reload()
    qtbot.waitUntil(lambda: page.rows is not None and not page.loading, timeout=15_000)
    names = [
        page.model.index(r, OverviewColumn.CLIENT).data() for r in range(page.model.rowCount())
    ]
    assert names == ["Стоматология «Улыбка»", "СтройДом"]  # by name
    assert page.model.index(0, OverviewColumn.LEADS).data() == "12"
    assert "17" in page.summary_label.text()
    assert not window.act_export_report.isEnabled()  # no client page on screen
    page.view.doubleClicked.emit(page.model.index(0, OverviewColumn.CLIENT))
    assert window.right.currentWidget() is window.page
    assert window.page.client is not None and window.page.client.id == clients[0]
    assert window.act_export_report.isEnabled()
