"""The Leads tab as a user works it: totals, channel filter, search, filtered-out mail, details."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app.core.clients.model import ChannelFields, ClientFields
from app.core.leads.model import UNTRACKED
from app.core.workspace import Workspace
from app.ui.leads.lead_table_model import LeadColumn
from app.ui.leads.leads_tab import LeadsTab
from tests.ui.leads.fake_leads import seed_leads


@pytest.fixture
def tab(qtbot, sqlite_workspace: Workspace) -> Iterator[LeadsTab]:
    widget = LeadsTab()
    widget.attach(sqlite_workspace.leads)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _seeded(ws: Workspace, count: int = 60, **kwargs: object) -> tuple[int, list]:
    client = ws.clients.create(ClientFields(name="Стоматология «Улыбка»")).value.id
    for name, color in (("Билборд", "#e74c3c"), ("Радио", "#2980b9")):
        ws.channels.create(client, ChannelFields(name=name, color=color))
    channels = ws.channels.list(client)
    seed_leads(
        ws,
        client,
        count,
        [c.id for c in channels],
        tracking=["info+bill@ulybka.ru", "info+radio@ulybka.ru"],
        **kwargs,  # type: ignore[arg-type]
    )
    return client, channels


def _open(qtbot, tab: LeadsTab, client: int, channels: list) -> None:
    with qtbot.waitSignals([tab.model.loaded, tab.counts_loaded], timeout=10_000):
        tab.show_client(client, channels)


def test_counts_and_rows_of_a_client(qtbot, tab: LeadsTab, sqlite_workspace: Workspace) -> None:
    client, channels = _seeded(sqlite_workspace, 60, filtered_every=10)
    _open(qtbot, tab, client, channels)
    assert tab.stack.currentWidget() is tab.list_page
    assert tab.model.rowCount() == 54
    text = tab.counts_label.text()
    assert text.startswith("54 lead"), text
    assert "tracked" in text and "repeat" in text and "replied" in text
    assert tab.filtered_button.text() == "Filtered out (6)"
    assert tab.view.isColumnHidden(LeadColumn.REASON)
    assert not tab.view.isColumnHidden(LeadColumn.RESPONSE)


def test_channel_filter_and_untracked(qtbot, tab: LeadsTab, sqlite_workspace: Workspace) -> None:
    client, channels = _seeded(sqlite_workspace, 50)
    _open(qtbot, tab, client, channels)
    combo = tab.channel_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All channels",
        "Билборд",
        "Радио",
        "Untracked",
    ]
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        combo.setCurrentIndex(combo.findData(UNTRACKED))
    assert tab.model.rowCount() == 10
    assert {tab.model.index(r, LeadColumn.CHANNEL).data() for r in range(10)} == {"Untracked"}
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        combo.setCurrentIndex(combo.findText("Радио"))
    rows = tab.model.rowCount()
    assert rows > 0
    assert {tab.model.index(r, LeadColumn.CHANNEL).data() for r in range(rows)} == {"Радио"}


def test_search_waits_for_the_typing_to_stop(
    qtbot, tab: LeadsTab, sqlite_workspace: Workspace
) -> None:
    client, channels = _seeded(sqlite_workspace, 40)
    _open(qtbot, tab, client, channels)
    queries = []
    tab.model.loaded.connect(lambda: queries.append(tab.model.query))
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        qtbot.keyClicks(tab.search_edit, "wholesale")
    assert len(queries) == 1, "each key press re-ran the query"
    assert tab.model.rowCount() == 5
    subjects = {tab.model.index(r, LeadColumn.SUBJECT).data() for r in range(5)}
    assert subjects == {"Price request for a wholesale order"}
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        tab.search_edit.setText("в субботу")
    assert tab.model.rowCount() == 5
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        tab.search_edit.setText("nobody-wrote-this")
    assert tab.model.rowCount() == 0
    assert tab.no_match.isVisible() and "nobody-wrote-this" in tab.no_match.text()


def test_filtered_out_view_shows_the_reason(
    qtbot, tab: LeadsTab, sqlite_workspace: Workspace
) -> None:
    client, channels = _seeded(sqlite_workspace, 40, filtered_every=4)
    _open(qtbot, tab, client, channels)
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        tab.filtered_button.click()
    assert tab.model.rowCount() == 10
    assert not tab.view.isColumnHidden(LeadColumn.REASON)
    assert tab.view.isColumnHidden(LeadColumn.RESPONSE)
    assert tab.model.index(0, LeadColumn.REASON).data() == "Auto-reply"
    tab.select_row(0)
    assert tab.detail.reason_label.text() == "Auto-reply"
    assert tab.detail.form.isRowVisible(tab.detail.reason_label)


def test_selecting_a_lead_shows_the_email(
    qtbot, tab: LeadsTab, sqlite_workspace: Workspace
) -> None:
    client, channels = _seeded(sqlite_workspace, 10)
    _open(qtbot, tab, client, channels)
    assert tab.detail.stack.currentWidget() is tab.detail.placeholder
    tab.select_row(0)
    detail = tab.detail
    assert detail.stack.currentWidget() is detail.content
    assert detail.subject_label.text() == "Заявка на консультацию"
    assert detail.text_view.toPlainText().startswith("Здравствуйте!")
    assert detail.attachments_label.text() == "Техническое задание.pdf"
    assert detail.tracking_label.text() == "info+bill@ulybka.ru"
    assert detail.recipients_label.text() == "To: info@client.ru"
    assert "after 10 min" in detail.reply_label.text()
    assert not detail.form.isRowVisible(detail.reason_label)
    tab.select_row(1)
    assert detail.reply_label.text() == "No reply found yet"


def test_header_click_sorts_in_sql(qtbot, tab: LeadsTab, sqlite_workspace: Workspace) -> None:
    client, channels = _seeded(sqlite_workspace, 30)
    _open(qtbot, tab, client, channels)
    header = tab.view.horizontalHeader()
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        header.setSortIndicator(LeadColumn.SUBJECT, Qt.SortOrder.AscendingOrder)
    subjects = [tab.model.index(r, LeadColumn.SUBJECT).data() for r in range(30)]
    assert subjects == sorted(subjects)
    # Repeat is no SQL order: the arrow goes back to where the rows are ordered.
    header.setSortIndicator(LeadColumn.REPEAT, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == LeadColumn.SUBJECT


def test_client_without_leads_explains_where_they_come_from(
    qtbot, tab: LeadsTab, sqlite_workspace: Workspace
) -> None:
    client = sqlite_workspace.clients.create(ClientFields(name="Пусто")).value.id
    asked = []
    tab.add_mailbox_requested.connect(lambda: asked.append(True))
    _open(qtbot, tab, client, [])
    assert tab.stack.currentWidget() is tab.empty
    assert tab.empty.button is not None
    tab.empty.button.click()
    assert asked == [True]


def test_hidden_tab_loads_when_shown(qtbot, sqlite_workspace: Workspace) -> None:
    client, channels = _seeded(sqlite_workspace, 5)
    tab = LeadsTab()
    tab.attach(sqlite_workspace.leads)
    qtbot.addWidget(tab)
    tab.show_client(client, channels)
    assert tab.model.query is None  # not visible: nothing read yet
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        tab.show()
    assert tab.model.rowCount() == 5
