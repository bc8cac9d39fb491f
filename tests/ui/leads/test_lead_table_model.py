"""The lazy lead model: pages on demand, a bounded cache, SQL sorting, Qt's model rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt

from app.core.clients.model import ChannelFields, ClientFields
from app.core.leads.model import LeadQuery, LeadView
from app.core.workspace import Workspace
from app.ui.leads.lead_table_model import LeadColumn, LeadTableModel, format_duration
from tests.ui.leads.fake_leads import seed_leads

pytestmark = pytest.mark.usefixtures("qapp")  # pixmaps (channel swatches) need a GUI app


def _client(ws: Workspace, leads: int, **kwargs: object) -> tuple[int, list[int]]:
    client = ws.clients.create(ClientFields(name="Клиент")).value.id
    channels = [
        ws.channels.create(client, ChannelFields(name=name)).value.id
        for name in ("Билборд", "Радио")
    ]
    seed_leads(ws, client, leads, channels, **kwargs)  # type: ignore[arg-type]
    return client, channels


def _texts(model: LeadTableModel, column: LeadColumn) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_model_passes_the_qt_model_tester(qtmodeltester, sqlite_workspace: Workspace) -> None:
    client, _ = _client(sqlite_workspace, 450, filtered_every=9)
    model = LeadTableModel(sqlite_workspace.leads)
    model.set_query(LeadQuery(client), background=False)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 400  # 50 of the 450 are filtered out


def test_rows_show_what_a_user_reads(sqlite_workspace: Workspace) -> None:
    client, _ = _client(sqlite_workspace, 10)
    model = LeadTableModel(sqlite_workspace.leads)
    model.set_query(LeadQuery(client), background=False)
    assert model.headerData(LeadColumn.RESPONSE, Qt.Orientation.Horizontal) == "Response time"
    first = model.summary(0)
    assert first is not None and first.sender_name == "Анна Смирнова"
    assert model.index(0, LeadColumn.SENDER).data() == "Анна Смирнова"
    tooltip = model.index(0, LeadColumn.SENDER).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == f"Анна Смирнова <{first.sender_address}>"
    assert model.index(0, LeadColumn.CHANNEL).data() == "Билборд"
    assert model.index(0, LeadColumn.CHANNEL).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(4, LeadColumn.CHANNEL).data() == "Untracked"
    assert model.index(0, LeadColumn.REPEAT).data() == "✓"  # every 7th is a repeat
    assert model.index(1, LeadColumn.REPEAT).data() == ""
    assert model.index(0, LeadColumn.RESPONSE).data() == "10 min"
    assert model.index(1, LeadColumn.RESPONSE).data() == "—"  # not answered


def test_durations_read_like_speech() -> None:
    assert format_duration(None) == "—"
    assert format_duration(20) == "< 1 min"
    assert format_duration(2 * 3600 + 15 * 60 + 40) == "2 h 15 min"
    assert format_duration(3 * 3600) == "3 h"
    assert format_duration(3 * 86400 + 4 * 3600 + 59) == "3 d 4 h"
    assert format_duration(86400) == "1 d"


def test_rows_are_fetched_by_page_into_a_bounded_cache(sqlite_workspace: Workspace) -> None:
    client, _ = _client(sqlite_workspace, 12_000)
    model = LeadTableModel(sqlite_workspace.leads)
    model.set_query(LeadQuery(client), background=False)
    assert model.rowCount() == 12_000
    assert model.pages_fetched == 0  # ids only until something is shown
    assert model.index(11_999, LeadColumn.SUBJECT).data()
    assert (model.pages_fetched, model.rows_fetched) == (1, model.PAGE_SIZE)
    model.index(11_990, LeadColumn.SENDER).data()
    assert model.pages_fetched == 1  # same page, from the cache
    for row in range(0, 12_000, 100):
        model.index(row, LeadColumn.SENDER).data()
    assert model.cached_rows() <= model.MAX_PAGES * model.PAGE_SIZE


def test_sorting_reruns_the_query_and_keeps_the_selected_lead(
    qtbot, sqlite_workspace: Workspace
) -> None:
    client, _ = _client(sqlite_workspace, 30)
    model = LeadTableModel(sqlite_workspace.leads)
    model.set_query(LeadQuery(client), background=False)
    selection = QItemSelectionModel(model)
    selection.select(
        model.index(3, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    chosen = model.lead_id(3)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(LeadColumn.SENDER, Qt.SortOrder.AscendingOrder)
    senders = [s.sender_address for r in range(30) if (s := model.summary(r)) is not None]
    assert senders == sorted(senders)
    assert model.lead_id(selection.selectedRows()[0].row()) == chosen
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(LeadColumn.RESPONSE, Qt.SortOrder.AscendingOrder)
    responses = [s.response_seconds for r in range(30) if (s := model.summary(r)) is not None]
    answered = [r for r in responses if r is not None]
    assert answered == sorted(answered) and responses[-1] is None  # unanswered last
    model.sort(LeadColumn.REPEAT, Qt.SortOrder.AscendingOrder)  # not an SQL order: ignored
    QCoreApplication.processEvents()  # nothing queued may change the rows
    assert model.query is not None and model.query.sort.value == "response"


def test_filtered_view_names_the_reason(sqlite_workspace: Workspace) -> None:
    client, _ = _client(sqlite_workspace, 40, filtered_every=4)
    model = LeadTableModel(sqlite_workspace.leads)
    model.set_query(LeadQuery(client, view=LeadView.FILTERED), background=False)
    assert model.rowCount() == 10
    reasons = set(_texts(model, LeadColumn.REASON))
    assert reasons == {"Auto-reply"} or reasons <= {
        "Auto-reply",
        "Bounce or delivery report",
        "From the client's own domain",
        "Reply in an existing thread",
    }
    assert "" not in reasons
