"""The agency overview page: all clients for a period, the ones needing attention first to see.

Opened from View > Agency Overview (Ctrl+0); a double click (or Enter) on a client opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError
from app.ui.errors import show_error
from app.ui.overview.overview_table_model import OverviewColumn, OverviewTableModel
from app.ui.reports.dashboard_tab import DASHBOARD_PRESETS, REPORTS_QUEUE
from app.ui.reports.period import PeriodSelector, Preset, core_period
from app.ui.tasks import Task
from app.ui.widgets import EmptyState, heading, muted

if TYPE_CHECKING:
    from app.core.reports.model import OverviewRow
    from app.core.reports.overview import OverviewService


class OverviewPage(QWidget):
    """Clients with this period's leads against the previous period's, and warnings."""

    client_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview: OverviewService | None = None
        self.rows: list[OverviewRow] | None = None
        self.loading = False
        self._stale = False
        self._generation = 0
        self.title = heading(self.tr("Agency Overview"))
        self.period = PeriodSelector(DASHBOARD_PRESETS)
        self.period.set_period(Preset.THIS_MONTH)
        self.period.changed.connect(self.reload)
        self.summary_label = muted(QLabel())
        self.summary_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(self.summary_label, 1)
        self.model = OverviewTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        # Few rows (one per client): long names and warnings wrap instead of being cut.
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(OverviewColumn.WARNINGS, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(OverviewColumn.CLIENT, 260)
        for column in (OverviewColumn.LEADS, OverviewColumn.CHANGE):
            header.resizeSection(column, 100)
        header.resizeSection(OverviewColumn.COST_PER_LEAD, 130)
        header.resizeSection(OverviewColumn.MEDIAN_REPLY, 120)
        self.view.activated.connect(self._on_view_activated)
        self.view.doubleClicked.connect(self._on_view_activated)
        self.empty = EmptyState(
            self.tr("No clients yet"),
            self.tr("Create a client for each customer of the agency; they appear here together."),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        hint = muted(QLabel(self.tr("Double-click a client to open it.")))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(hint)

    def attach(self, overview: OverviewService) -> None:
        self.overview = overview

    def reload(self, *_args: object) -> None:
        if self.overview is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        overview = self.overview
        period = core_period(self.period.period())
        self._generation += 1
        generation = self._generation
        self.loading = True
        self.summary_label.setText(self.tr("Counting…"))
        Task(lambda _p, _t: overview.overview(period), name="overview", context=self).on_success(
            lambda rows: self._on_rows(generation, rows)
        ).on_failure(lambda exc: self._on_failed(generation, exc)).start(REPORTS_QUEUE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.summary_label.setText("")
        if isinstance(exc, AppError):
            show_error(self, exc)
            return
        from app.ui.crash import report_bug

        report_bug(type(exc), exc, exc.__traceback__)

    def _on_rows(self, generation: int, rows: list[OverviewRow]) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.rows = rows
        self.model.set_rows(rows)
        self.view.resizeRowsToContents()
        self.stack.setCurrentWidget(self.view if rows else self.empty)
        leads = sum(r.leads for r in rows)
        warned = sum(1 for r in rows if r.warnings)
        text = self.period.period().label() + " · " + self.tr("%Ln lead(s)", "", leads)
        if warned:
            text += " · " + self.tr("%n client(s) need attention", "", warned)
        self.summary_label.setText(text)

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.client_requested.emit(self.model.overview_row(index.row()).client_id)
