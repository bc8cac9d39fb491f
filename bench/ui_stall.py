"""How long the window freezes while the journal of a client with a million leads opens and filters.

Offscreen, on a fresh SQLite workspace with ``--leads`` (1,000,000) leads over 12 channels, the
Leads tab is opened, then filtered by channel, by a period, by "not replied" and by a search
text. While each step runs, a ``QTimer`` ticks every 10 ms on the GUI thread; the longest gap
between two ticks (minus the 10 ms) is the longest stall the user would feel. Each step ends
when the model reports its rows loaded and the visible rows have been painted.

    .venv/bin/python bench/ui_stall.py [--leads 1000000]

``bench/reports.py`` can call :func:`measure_journal_stall` with its own workspace and client.
The last line reads ``journal: first page <ms>, filter <ms> (worst), max stall <ms> (target 100)``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TICK_MS = 10
_KEEP: list[Any] = []
TARGET_STALL_MS = 100


@dataclass
class StallMeter:
    """Ticks every 10 ms on the GUI thread and keeps the longest gap between ticks."""

    timer: Any = None
    last: float = 0.0
    worst_ms: float = 0.0
    ticks: int = 0

    def start(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst_ms = 0.0
        self.ticks = 0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, (now - self.last) * 1000 - TICK_MS)
        self.last = now
        self.ticks += 1

    def stop(self) -> float:
        self._tick()  # the time since the last tick counts too
        self.timer.stop()
        return max(self.worst_ms, 0.0)


@dataclass
class StallReport:
    """Per step: wall time until the rows were on screen, and the longest stall meanwhile."""

    steps: dict[str, tuple[float, float]] = field(default_factory=dict)
    paint_ms: dict[str, float] = field(default_factory=dict)
    """The first paint of the rows after each step (part of the stall when it is the longest)."""

    @property
    def first_page_ms(self) -> float:
        return self.steps["open"][0]

    @property
    def filter_ms(self) -> float:
        return max(ms for name, (ms, _) in self.steps.items() if name != "open")

    @property
    def max_stall_ms(self) -> float:
        return max(stall for _, stall in self.steps.values())

    def lines(self) -> list[str]:
        out = [
            f"  {name:<14} {ms:8.0f} ms on screen, longest stall {stall:6.0f} ms "
            f"(paint {self.paint_ms.get(name, 0):4.0f} ms)"
            for name, (ms, stall) in self.steps.items()
        ]
        out.append(
            f"journal: first page {self.first_page_ms:.0f} ms, filter {self.filter_ms:.0f} ms "
            f"(worst), max stall {self.max_stall_ms:.0f} ms (target {TARGET_STALL_MS})"
        )
        return out


def _run_until_loaded(tab: Any, action: Callable[[], None], timeout_s: float = 300) -> None:
    """Do ``action`` and run the event loop until the journal's rows arrive (no processEvents:
    a nested event loop that the model's ``loaded`` signal quits)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    tab.model.loaded.connect(loop.quit)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(int(timeout_s * 1000))
    try:
        QTimer.singleShot(0, action)
        loop.exec()
    finally:
        tab.model.loaded.disconnect(loop.quit)
    if not guard.isActive():
        raise TimeoutError("the journal did not load in time")
    guard.stop()


def measure_journal_stall(ws: Any, client_id: int, warm_up: int | None = None) -> StallReport:
    """Open ``client_id``'s journal offscreen, filter it, sort it, and measure the stalls.

    ``warm_up``: a small client whose journal is shown first, unmeasured, as a user coming from
    another client would have had it.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.ui.leads.leads_tab import LeadsTab
    from app.ui.reports.period import Preset

    app = QApplication.instance() or QApplication([])
    channels = ws.channels.list(client_id)
    tab = LeadsTab()
    tab.attach(ws.leads)
    tab.visits = ws.visits
    tab.resize(1200, 800)
    tab.show()
    report = StallReport()
    meter = StallMeter()

    def step(name: str, action: Callable[[], None]) -> None:
        meter.start()
        started = time.perf_counter()
        _run_until_loaded(tab, action)
        painting = time.perf_counter()
        tab.view.viewport().grab()  # paint the visible rows: that reads their page
        report.paint_ms[name] = (time.perf_counter() - painting) * 1000
        elapsed = (time.perf_counter() - started) * 1000
        report.steps[name] = (elapsed, meter.stop())

    combo = tab.channel_combo
    bar = tab.filter_bar
    if warm_up is not None:
        # As in the running app: another client's journal was on screen before (Qt and PySide
        # set up their enum and style caches on the first painted rows, once per process).
        _run_until_loaded(tab, lambda: tab.show_client(warm_up, ws.channels.list(warm_up)))
        tab.view.viewport().grab()
    step("open", lambda: tab.show_client(client_id, channels))
    step("channel", lambda: combo.setCurrentIndex(combo.findData(channels[3].id)))
    step(
        "period",
        lambda: bar.period.combo.setCurrentIndex(bar.period.combo.findData(Preset.LAST_90.value)),
    )
    step("not replied", lambda: bar.replied_combo.setCurrentIndex(2))
    step("all channels", lambda: combo.setCurrentIndex(0))

    def search() -> None:
        tab.search_edit.setText("wholesale")
        tab.search_timer.stop()
        tab._on_filters_changed()

    step("search", search)
    header = tab.view.horizontalHeader()
    step("sort by sender", lambda: header.setSortIndicator(1, Qt.SortOrder.AscendingOrder))
    step("filtered out", lambda: tab.filtered_button.setChecked(True))
    tab.close()
    # Tasks of the last step may still be running: the tab (and the objects their callbacks
    # reach) lives until the process ends rather than being collected under them.
    _KEEP.append(tab)
    del app
    return report


def _fill_search_column(ws: Any, client_id: int) -> None:
    """``fill_search_keys`` in one statement: the core's own ``search_key`` as an SQL function."""
    from app.core.leads.service import search_key

    with ws.db.engine.begin() as conn:
        raw = conn.connection.driver_connection
        raw.create_function("search_key", 4, search_key, deterministic=True)
        conn.exec_driver_sql(
            "UPDATE leads SET search_key = search_key(sender_name, sender_address, subject, "
            "text) WHERE client_id = ? AND search_key IS NULL",
            (client_id,),
        )


def measure_dashboard_stall(ws: Any, client_id: int) -> tuple[float, float]:
    """Open the Reports tab of ``client_id`` (last 90 days) offscreen: wall time until every
    chart is drawn, and the longest stall meanwhile (matplotlib's import included)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.reports.dashboard_tab import DashboardTab
    from app.ui.reports.period import Preset

    app = QApplication.instance() or QApplication([])
    board = DashboardTab()
    board.attach(ws.reports)
    board.period.set_period(Preset.LAST_90)
    board.resize(1200, 1400)  # every chart on screen, so every chart paints
    board.show()
    meter = StallMeter()
    meter.start()
    started = time.perf_counter()
    board.show_client(client_id)
    charts = [
        board.time_chart,
        board.channel_chart,
        board.cpl_chart,
        board.repeat_chart,
        board.response_chart,
    ]

    def drawn() -> bool:
        # Each canvas renders on its own turn of the event loop (matplotlib's draw_idle), as
        # on screen; the loop runs until none has a render pending.
        return (
            board.report is not None
            and not board.loading
            and not board.charts_pending
            and all(
                c.canvas is None or (c.draws and not getattr(c.canvas, "_draw_pending", False))
                for c in charts
            )
        )

    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if drawn() else None)
    poll.start(5)
    loop.exec()
    poll.stop()
    elapsed = (time.perf_counter() - started) * 1000
    stall = meter.stop()
    board.close()
    del app
    return elapsed, stall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=1_000_000)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from app.core.clients.model import ChannelFields, ClientFields
    from app.core.paths import resolve_location
    from app.core.workspace import Workspace
    from tests.ui.leads.fake_leads import seed_leads

    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.open(resolve_location(Path(folder) / "data"))
        try:
            client = ws.clients.create(ClientFields(name="Федеральная сеть «Большой клиент»"))
            client_id = client.value.id
            channels = [
                ws.channels.create(client_id, ChannelFields(name=f"Канал {n}")).value.id
                for n in range(12)
            ]
            started = time.perf_counter()
            from datetime import timedelta

            seed_leads(ws, client_id, args.leads, channels, step=timedelta(seconds=40))
            print(f"seeded {args.leads:,} leads in {time.perf_counter() - started:.1f} s")
            # Sync stores mail without the folded search column; the first search fills it,
            # through the ORM, which takes minutes for a million. The same function in one
            # UPDATE does it in seconds here (the real journal meets a few new rows at a time).
            started = time.perf_counter()
            _fill_search_column(ws, client_id)
            print(f"search column filled in {time.perf_counter() - started:.1f} s")
            small = ws.clients.create(ClientFields(name="Кофейня")).value.id
            seed_leads(ws, small, 60, channels[:0])
            report = measure_journal_stall(ws, client_id, warm_up=small)
            dashboard_ms, dashboard_stall = measure_dashboard_stall(ws, client_id)
        finally:
            ws.close()
    for line in report.lines():
        print(line)
    print(
        f"dashboard (last 90 days, charts drawn): {dashboard_ms:.0f} ms, "
        f"max stall {dashboard_stall:.0f} ms (target {TARGET_STALL_MS})"
    )
    del app


if __name__ == "__main__":
    main()
