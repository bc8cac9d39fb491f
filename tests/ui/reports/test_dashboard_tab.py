"""The Reports tab: key figures and charts from the core's numbers; a bar click filters the
journal; a period without leads says so."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from matplotlib.colors import to_hex

from app.core.clients.model import ChannelFields, ClientFields
from app.core.leads.model import LeadQuery
from app.core.reports.model import CostFields
from app.core.workspace import Workspace
from app.ui.charts.series import ChartHit
from app.ui.leads.filters import JournalFilters
from app.ui.reports.dashboard_tab import DashboardTab
from app.ui.reports.period import Preset
from tests.ui.leads.fake_leads import T0, seed_leads

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


def _client(ws: Workspace) -> tuple[int, list]:
    client = ws.clients.create(ClientFields(name="Стоматология «Улыбка»")).value.id
    for name, color in (("Билборд", "#e74c3c"), ("Радио", "#2980b9")):
        ws.channels.create(client, ChannelFields(name=name, color=color))
    channels = ws.channels.list(client)
    # 60 leads, one every 6 hours back from 27 Nov: all in November.
    seed_leads(ws, client, 60, [c.id for c in channels], step=timedelta(hours=6))
    ws.costs.add(client, CostFields.for_month(channels[0].id, 2026, 11, Decimal("24000")))
    ids = ws.leads.ids(LeadQuery(client))
    ws.leads.set_deal(ids[0], Decimal("50000"))
    return client, channels


@pytest.fixture
def dashboard(qtbot, sqlite_workspace: Workspace) -> DashboardTab:
    tab = DashboardTab()
    tab.attach(sqlite_workspace.reports)
    qtbot.addWidget(tab)
    tab.resize(1200, 900)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _show(qtbot, tab: DashboardTab, client: int, first: date, last: date) -> None:
    tab.period.set_period(Preset.CUSTOM, first, last)
    tab.show_client(client)
    qtbot.waitUntil(
        lambda: not tab.loading and tab.report is not None and not tab.charts_pending,
        timeout=15_000,
    )


def test_key_figures_and_charts(qtbot, dashboard: DashboardTab, sqlite_workspace) -> None:
    client, _channels = _client(sqlite_workspace)
    _show(qtbot, dashboard, client, *NOVEMBER)
    report = dashboard.report
    assert report is not None and report.total.leads == 60
    tiles = {key: tile.value_label.text() for key, tile in dashboard.tiles.items()}
    assert tiles["leads"] == "60"
    assert tiles["tracked"] == "80%"  # every fifth lead is untracked
    assert tiles["deals"] == "1"
    assert "24" in tiles["cost"] and "RUB" in tiles["cost"]
    assert tiles["unreplied"] == "40"  # every third lead has a reply
    assert tiles["median"] not in ("", "—")
    assert dashboard.body_stack.currentWidget() is dashboard.charts_box

    bars = dashboard.channel_chart
    bars.canvas.draw()
    colors = [to_hex(p.get_facecolor()) for p in bars.patches]
    assert colors[:2] == ["#e74c3c", "#2980b9"]  # the channels' own colours, biggest first
    assert len(bars.patches) == 3  # two channels and the untracked mail
    cpl = dashboard.cpl_chart
    cpl.canvas.draw()
    assert len(cpl.patches) == 1  # only the billboard has a cost
    assert cpl.patches[0].get_width() == pytest.approx(24000 / 24)
    time_chart = dashboard.time_chart
    time_chart.canvas.draw()
    assert len(time_chart.axes.containers) == 3
    days = {p.get_x() for c in time_chart.axes.containers for p in c.patches}
    assert len(days) == 30  # every day of November, empty ones included
    response = dashboard.response_chart
    response.canvas.draw()
    # Answered leads by band (every third lead has a reply); the unanswered are a tile.
    assert sum(p.get_height() for p in response.patches) == 20
    assert not dashboard.visit_charts.isVisible()  # no visits imported for this client


def test_clicking_a_bar_asks_for_the_journal_filtered(
    qtbot, dashboard: DashboardTab, sqlite_workspace
) -> None:
    client, channels = _client(sqlite_workspace)
    _show(qtbot, dashboard, client, *NOVEMBER)
    radio = channels[1].id
    with qtbot.waitSignal(dashboard.journal_filter_requested) as blocker:
        dashboard.channel_chart.bar_clicked.emit(ChartHit(radio, "Радио", 24, "24"))
    filters = blocker.args[0]
    assert filters == JournalFilters(
        preset="custom", first_day="2026-11-01", last_day="2026-11-30", channel_id=radio
    )
    with qtbot.waitSignal(dashboard.journal_filter_requested) as blocker:
        dashboard.time_chart.bar_clicked.emit(
            ChartHit(radio, "Радио", 2, "2", date(2026, 11, 20), date(2026, 11, 21))
        )
    filters = blocker.args[0]
    assert (filters.first_day, filters.last_day, filters.channel_id) == (
        "2026-11-20",
        "2026-11-20",
        radio,
    )
    with qtbot.waitSignal(dashboard.journal_filter_requested) as blocker:
        dashboard.response_chart.bar_clicked.emit(ChartHit(False, "Not replied", 40, "40"))
    assert blocker.args[0].replied is False


def test_a_period_without_leads_shows_an_empty_state(
    qtbot, dashboard: DashboardTab, sqlite_workspace
) -> None:
    client, _ = _client(sqlite_workspace)
    _show(qtbot, dashboard, client, date(2020, 1, 1), date(2020, 1, 31))
    assert dashboard.body_stack.currentWidget() is dashboard.empty
    assert dashboard.tiles["leads"].value_label.text() == "0"
    assert dashboard.tiles["cpl"].value_label.text() == "—"


def test_chart_click_opens_the_journal_in_the_window(qtbot, window, sqlite_workspace) -> None:
    ws = sqlite_workspace
    client, channels = _client(ws)
    window.reload_clients()
    window.client_list.select(client)
    page = window.page
    page.reports.period.set_period(Preset.CUSTOM, *NOVEMBER)
    page.tabs.setCurrentWidget(page.reports)
    qtbot.waitUntil(
        lambda: page.reports.report is not None and not page.reports.loading, timeout=15_000
    )
    assert page.reports.report.client_id == client
    billboard = channels[0].id
    with qtbot.waitSignal(page.leads.model.loaded, timeout=10_000):
        page.reports.channel_chart.bar_clicked.emit(ChartHit(billboard, "Билборд", 24, "24"))
    assert page.tabs.currentWidget() is page.leads
    assert page.leads.channel_combo.currentData() == billboard
    assert page.leads.filter_bar.period.combo.currentData() == "custom"
    expected = ws.leads.count(LeadQuery(client, channel_id=billboard))
    assert page.leads.model.rowCount() == expected == 24
    assert T0.month == 11
