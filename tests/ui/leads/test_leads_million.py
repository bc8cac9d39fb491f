"""A client with a million leads: the view fills quickly and scrolling reads one page.

The timings are printed (run with ``-s``), not asserted tightly: the machine is shared. The bound
below only catches a model that reads the whole journal.
"""

from __future__ import annotations

import time

import pytest

from app.core.clients.model import ChannelFields, ClientFields
from app.core.workspace import Workspace
from app.ui.leads.lead_table_model import LeadColumn
from app.ui.leads.leads_tab import LeadsTab
from tests.ui.leads.fake_leads import seed_leads

MILLION = 1_000_000


@pytest.mark.slow
def test_a_million_leads_show_fast_and_scroll_lazily(qtbot, sqlite_workspace: Workspace) -> None:
    ws = sqlite_workspace
    client = ws.clients.create(ClientFields(name="Федеральная сеть «Большой клиент»")).value.id
    channels = [
        ws.channels.create(client, ChannelFields(name=f"Канал {n}")).value.id for n in range(12)
    ]
    started = time.perf_counter()
    seed_leads(ws, client, MILLION, channels, filtered_every=0)
    seeded = time.perf_counter() - started

    tab = LeadsTab()
    tab.attach(ws.leads)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)
    started = time.perf_counter()
    with qtbot.waitSignal(tab.model.loaded, timeout=120_000):
        tab.show_client(client, ws.channels.list(client))
    tab.view.viewport().grab()  # paints the visible rows, as the screen would
    first_paint = time.perf_counter() - started
    assert tab.model.rowCount() == MILLION
    assert tab.model.index(0, LeadColumn.SENDER).data()
    pages_at_top = tab.model.pages_fetched
    assert pages_at_top <= 2

    started = time.perf_counter()
    tab.view.scrollToBottom()
    tab.view.viewport().grab()
    to_the_end = time.perf_counter() - started
    last = tab.model.index(MILLION - 1, LeadColumn.SUBJECT)
    assert last.data()
    # The end of the list needs the last page (and at most the one before it), nothing between.
    assert tab.model.pages_fetched - pages_at_top <= 2
    assert tab.model.rows_fetched <= 4 * tab.model.PAGE_SIZE
    assert tab.model.cached_rows() <= tab.model.MAX_PAGES * tab.model.PAGE_SIZE
    qtbot.waitUntil(lambda: tab.counts is not None, timeout=120_000)
    assert tab.counts is not None and tab.counts.leads == MILLION
    print(
        f"\n1,000,000 leads: seeded in {seeded:.1f} s; first paint {first_paint:.2f} s "
        f"(ids query + first page); scroll to the end {to_the_end * 1000:.0f} ms; "
        f"rows read {tab.model.rows_fetched}"
    )
    assert first_paint < 60  # generous: only a model reading every row would break it
