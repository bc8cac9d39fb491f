"""The journal as an analyst works it: filters that combine and stay per client, edits in the
detail pane, bulk tags, and filtered-out mail turned into a lead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, QSettings
from PySide6.QtWidgets import QInputDialog

from app.core.clients.model import ChannelFields, ClientFields
from app.core.leads.model import LeadQuery, LeadStatus, LeadView
from app.core.workspace import Workspace
from app.ui.leads.filters import JournalFilters, parse_tags
from app.ui.leads.lead_table_model import LeadColumn
from app.ui.leads.leads_tab import LeadsTab
from app.ui.reports.period import Preset
from tests.ui.leads.fake_leads import T0, seed_leads

DAY = timedelta(days=1)


@pytest.fixture
def state(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)


def _tab(qtbot, ws: Workspace, state: QSettings) -> LeadsTab:
    widget = LeadsTab()
    widget.attach(ws.leads)
    widget.visits = ws.visits
    widget.state = state
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def tab(qtbot, sqlite_workspace: Workspace, state: QSettings) -> Iterator[LeadsTab]:
    yield _tab(qtbot, sqlite_workspace, state)


def _client(ws: Workspace, name: str, count: int = 60, **kwargs: object) -> tuple[int, list]:
    client = ws.clients.create(ClientFields(name=name)).value.id
    for channel, color in (("Билборд", "#e74c3c"), ("Радио", "#2980b9")):
        ws.channels.create(client, ChannelFields(name=channel, color=color))
    channels = ws.channels.list(client)
    seed_leads(ws, client, count, [c.id for c in channels], step=DAY, **kwargs)  # type: ignore[arg-type]
    return client, channels


def _open(qtbot, tab: LeadsTab, client: int, channels: list) -> None:
    with qtbot.waitSignals([tab.model.loaded, tab.counts_loaded], timeout=10_000):
        tab.show_client(client, channels)


def _received_day(i: int):
    return (T0 - DAY * i).astimezone().date()


def test_filters_combine(qtbot, tab: LeadsTab, sqlite_workspace: Workspace) -> None:
    client, channels = _client(sqlite_workspace, "Стоматология «Улыбка»")
    _open(qtbot, tab, client, channels)
    assert tab.model.rowCount() == 60
    bar = tab.filter_bar
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        tab.channel_combo.setCurrentIndex(tab.channel_combo.findText("Билборд"))
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        bar.replied_combo.setCurrentIndex(bar.replied_combo.findText("Replied"))
    # fake_leads: channel i % 2 (untracked when i % 5 == 4), replied when i % 3 == 0
    expected = [i for i in range(60) if i % 2 == 0 and i % 5 != 4 and i % 3 == 0]
    assert tab.model.rowCount() == len(expected) == 8
    assert tab.shown_label.text() == "8 match the filters"
    first, last = _received_day(29), _received_day(0)
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        bar.period.combo.setCurrentIndex(bar.period.combo.findData(Preset.CUSTOM.value))
    bar.period.from_edit.setDate(QDate(first.year, first.month, first.day))
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        bar.period.to_edit.setDate(QDate(last.year, last.month, last.day))
    expected = [i for i in expected if first <= _received_day(i) <= last]
    assert tab.model.rowCount() == len(expected) == 4
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        bar.repeat_combo.setCurrentIndex(bar.repeat_combo.findText("Repeat contacts"))
    # repeat when i % 7 == 0: only lead 0 is left
    assert tab.model.rowCount() == 1
    assert tab.model.lead_id(0) == tab.model.lead_ids(0, 1)[0]
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        bar.reset_button.click()
    assert tab.model.rowCount() == 60
    assert not bar.reset_button.isEnabled()


def test_filters_are_remembered_per_client(
    qtbot, tab: LeadsTab, sqlite_workspace: Workspace, state: QSettings
) -> None:
    smile, smile_channels = _client(sqlite_workspace, "Стоматология «Улыбка»", 30)
    law, law_channels = _client(sqlite_workspace, "Юридическая фирма «Право и Дело»", 20)
    _open(qtbot, tab, smile, smile_channels)
    bar = tab.filter_bar
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        bar.status_combo.setCurrentIndex(bar.status_combo.findData(LeadStatus.NEW.value))
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        tab.search_edit.setText("wholesale")
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        bar.period.combo.setCurrentIndex(bar.period.combo.findData(Preset.LAST_90.value))
    remembered = tab.filters()
    assert remembered.search == "wholesale" and remembered.preset == "last_90"
    _open(qtbot, tab, law, law_channels)
    assert tab.filters() == JournalFilters()  # the other client starts unfiltered
    assert tab.search_edit.text() == ""
    _open(qtbot, tab, smile, smile_channels)
    assert tab.filters() == remembered
    assert tab.model.query is not None and tab.model.query.search == "wholesale"
    # ... and after a restart (a new tab on the same state file).
    state.sync()
    again = _tab(qtbot, sqlite_workspace, QSettings(state.fileName(), QSettings.Format.IniFormat))
    _open(qtbot, again, smile, smile_channels)
    assert again.filters() == remembered
    assert again.filter_bar.period.combo.currentData() == "last_90"
    assert again.filter_bar.status_combo.currentData() == "new"


def test_unreadable_saved_filters_fall_back_to_defaults() -> None:
    assert JournalFilters.from_json("{not json") == JournalFilters()
    assert JournalFilters.from_json('{"preset": "next_century"}') == JournalFilters()
    kept = JournalFilters(tags=("vip", "опт"), repeat=False, channel_id=3)
    assert JournalFilters.from_json(kept.to_json()) == kept
    assert parse_tags(" VIP, опт;  ; Звонок ") == ("vip", "опт", "звонок")


def test_detail_pane_edits_reach_the_database(
    qtbot, tab: LeadsTab, sqlite_workspace: Workspace
) -> None:
    ws = sqlite_workspace
    client, channels = _client(ws, "Стоматология «Улыбка»", 10)
    _open(qtbot, tab, client, channels)
    tab.select_row(1)
    detail = tab.detail
    lead_id = tab.model.lead_id(1)
    assert detail.lead is not None and detail.lead.id == lead_id
    assert not detail.save_button.isEnabled()
    detail.status_combo.setCurrentIndex(detail.status_combo.findData("in_progress"))
    detail.status_combo.activated.emit(detail.status_combo.currentIndex())
    qtbot.keyClicks(detail.tags_edit, "VIP, ")  # QTest types Latin keys only
    detail.tags_edit.insert("опт")
    assert detail.save_button.isEnabled()
    changes = []
    tab.changes_made.connect(changes.append)
    detail.save_button.click()
    lead = ws.leads.get(lead_id)
    assert lead.status == LeadStatus.IN_PROGRESS
    assert set(lead.tags) == {"vip", "опт"}
    assert changes and client in changes[0].lead_clients
    assert tab.model.index(1, LeadColumn.STATUS).data() == "In progress"
    # A deal amount as typed in Russian: the lead becomes a deal.
    detail.deal_edit.setText("12 500,50")
    detail._on_edited()
    detail.save_button.click()
    lead = ws.leads.get(lead_id)
    assert lead.deal_amount == Decimal("12500.50")
    assert lead.status == LeadStatus.DEAL
    assert "12" in tab.model.index(1, LeadColumn.DEAL).data()
    assert detail.deal_edit.text()  # the pane shows the saved amount again


def test_bulk_tag_a_selection(qtbot, tab: LeadsTab, sqlite_workspace: Workspace, on_modal) -> None:
    ws = sqlite_workspace
    client, channels = _client(ws, "Стоматология «Улыбка»", 40)
    _open(qtbot, tab, client, channels)
    model = tab.model
    selection = QItemSelection(model.index(2, 0), model.index(6, LeadColumn.SUBJECT))
    tab.view.selectionModel().select(
        selection,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert tab.bulk_bar.isVisible()
    assert tab.selection_label.text() == "5 lead(s) selected"
    picked = [model.lead_id(r) for r in range(2, 7)]
    assert sorted(tab.selected_ids()) == sorted(picked)

    def answer(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Акция, осень")
        dialog.accept()

    seen = on_modal(answer)
    tab.tag_button.click()
    assert seen
    qtbot.waitUntil(lambda: tab.bulk_task is not None and tab.bulk_task.done, timeout=10_000)
    tagged = ws.leads.ids(LeadQuery(client, tags=("акция", "осень")))
    assert sorted(tagged) == sorted(picked)
    qtbot.waitUntil(lambda: model.index(2, LeadColumn.TAGS).data() == "акция, осень")
    # Bulk status on the same selection.
    tab.status_button.setCurrentIndex(tab.status_button.findData("spam"))
    tab.status_button.activated.emit(tab.status_button.currentIndex())
    qtbot.waitUntil(lambda: tab.bulk_task is not None and tab.bulk_task.done, timeout=10_000)
    assert all(ws.leads.get(i).status == LeadStatus.SPAM for i in picked)
    assert tab.status_button.currentIndex() == 0


def test_filtered_out_mail_becomes_a_lead(
    qtbot, tab: LeadsTab, sqlite_workspace: Workspace
) -> None:
    ws = sqlite_workspace
    client, channels = _client(ws, "Стоматология «Улыбка»", 40, filtered_every=4)
    _open(qtbot, tab, client, channels)
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        tab.filtered_button.click()
    assert tab.model.rowCount() == 10
    tab.select_row(0)
    detail = tab.detail
    assert detail.mark_lead_button.isVisible()
    assert not detail.edit_box.isEnabled()
    assert detail.reason_label.text() == "Auto-reply"
    lead_id = tab.model.lead_id(0)
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        detail.mark_lead_button.click()
    assert tab.model.rowCount() == 9
    assert lead_id in ws.leads.ids(LeadQuery(client, view=LeadView.LEADS))


def test_model_with_status_deal_and_tags_passes_the_tester(
    qtmodeltester, sqlite_workspace: Workspace
) -> None:
    from app.ui.leads.lead_table_model import LeadTableModel

    ws = sqlite_workspace
    client, _ = _client(ws, "Клиент", 120)
    ids = ws.leads.ids(LeadQuery(client))
    ws.leads.add_tags(ids[:10], ["vip"])
    ws.leads.set_deal(ids[0], Decimal("990.00"))
    model = LeadTableModel(ws.leads)
    model.set_query(LeadQuery(client), background=False)
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, LeadColumn.TAGS).data() == "vip"
    assert model.index(0, LeadColumn.STATUS).data() == "Deal"


def test_optional_columns_are_the_users_choice(
    qtbot, tab: LeadsTab, sqlite_workspace: Workspace, state: QSettings
) -> None:
    client, channels = _client(sqlite_workspace, "Клиент", 5)
    _open(qtbot, tab, client, channels)
    view = tab.view
    assert view.isColumnHidden(LeadColumn.TAGS) and view.isColumnHidden(LeadColumn.DEAL)
    assert not view.isColumnHidden(LeadColumn.STATUS)
    tab.set_column_shown(LeadColumn.TAGS, True)
    tab.set_column_shown(LeadColumn.REPEAT, False)
    assert not view.isColumnHidden(LeadColumn.TAGS)
    assert view.isColumnHidden(LeadColumn.REPEAT)
    again = _tab(qtbot, sqlite_workspace, state)
    _open(qtbot, again, client, channels)
    assert not again.view.isColumnHidden(LeadColumn.TAGS)
    assert again.view.isColumnHidden(LeadColumn.REPEAT)
    with qtbot.waitSignal(again.model.loaded, timeout=10_000):
        again.filtered_button.click()
    assert again.view.isColumnHidden(LeadColumn.TAGS)  # filtered-out mail has no tags
    assert not again.view.isColumnHidden(LeadColumn.REASON)


def test_the_detail_pane_shows_the_visit_of_a_dynamic_lead(
    qtbot, tab: LeadsTab, sqlite_workspace: Workspace
) -> None:
    from datetime import UTC, datetime

    ws = sqlite_workspace
    client, channels = _client(ws, "Стоматология «Улыбка»", 3)
    lead_id = ws.leads.ids(LeadQuery(client))[0]
    with ws.db.engine.begin() as conn:  # what a visits import and its attribution leave behind
        conn.exec_driver_sql(
            "INSERT INTO visits (client_id, visit_key, source_format, analytics_visit_id, "
            "started_at, source, medium, campaign, keyword, city, device, gclid) "
            "VALUES (?, 'k1', 'metrica', '9001', ?, 'yandex', 'cpc', 'implant_msk', "
            "'имплантация зубов цена', 'Москва', 'mobile', NULL)",
            (client, datetime(2026, 11, 27, 9, 0, tzinfo=UTC).replace(tzinfo=None)),
        )
        visit_id = conn.exec_driver_sql("SELECT max(id) FROM visits").scalar()
        conn.exec_driver_sql(
            "INSERT INTO lead_visits (lead_id, client_id, visit_id, kind, status, confidence, "
            "candidates, attributed_at) VALUES (?, ?, ?, 'token', 'matched', 1.0, 1, ?)",
            (lead_id, client, visit_id, datetime(2026, 11, 27, tzinfo=UTC).replace(tzinfo=None)),
        )
    _open(qtbot, tab, client, channels)
    tab.select_row(tab.model.row_of(lead_id))
    detail = tab.detail
    assert detail.visit_label.text() == "matched by token"
    assert detail.middle.isTabEnabled(detail.visit_tab)
    shown = detail.visit_fields
    assert shown["Source:"] == "yandex"
    assert shown["Campaign:"] == "implant_msk"
    assert shown["Keyword:"] == "имплантация зубов цена"
    assert shown["City:"] == "Москва"
    assert "GCLID:" not in shown  # empty fields are left out
    tab.select_row(tab.model.row_of(lead_id) + 1)
    assert not detail.form.isRowVisible(detail.visit_label)
    assert not detail.middle.isTabEnabled(detail.visit_tab)
