"""The client's Costs tab: what each channel cost per month or date range, and deal imports.

Costs are few (a few per channel and month), so they are read on the GUI thread like channels;
CSV imports run as tasks and end with a report of what was not used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.clients.model import Channel, Client
from app.core.errors import AppError
from app.core.reports.model import Cost, ImportReport
from app.ui.costs.cost_dialog import CostDialog
from app.ui.costs.cost_table_model import CostColumn, CostTableModel
from app.ui.costs.import_report_dialog import ImportReportDialog
from app.ui.errors import show_error
from app.ui.tasks import Task
from app.ui.widgets import EmptyState

if TYPE_CHECKING:
    from app.core.changes import OpResult
    from app.core.workspace import Workspace


class CostsTab(QWidget):
    """Costs table with add, edit, delete and CSV import; "Import Deals from CRM…"."""

    changes_made = Signal(object)
    """Costs or deals changed here: a :class:`Changes` for the window to spread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Callable[[], Workspace] | None = None
        self.client: Client | None = None
        self.channels: list[Channel] = []
        self.import_task: Task | None = None
        self.last_report: ImportReport | None = None

        self.model = CostTableModel(self)
        self.model.edited.connect(self.changes_made)
        self.model.edit_failed.connect(lambda exc: show_error(self, exc))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(CostColumn.NOTE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(CostColumn.CHANNEL, 240)
        header.resizeSection(CostColumn.PERIOD, 200)
        header.resizeSection(CostColumn.AMOUNT, 150)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Add Cost…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setToolTip(
            self.tr(
                "Columns: channel; period (2026-03 or 01.03.2026..15.03.2026) or from and to; "
                "amount; currency; note"
            )
        )
        self.deals_button = QPushButton(self.tr("Import Deals from CRM…"))
        self.deals_button.setToolTip(
            self.tr(
                "A CSV export of the CRM with the deal amount and either the lead number or "
                "the sender's address and date"
            )
        )
        self.add_button.clicked.connect(self.add_cost)
        self.edit_button.clicked.connect(self.edit_cost)
        self.delete_button.clicked.connect(self.delete_cost)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.deals_button.clicked.connect(self._on_deals_button_clicked)
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.import_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.deals_button)

        self.empty = EmptyState(
            self.tr("No costs yet"),
            self.tr(
                "Enter what each channel cost, for a month or any date range: the agency's "
                "ad budget, a billboard's rent, a print run, a TV slot. The reports then show "
                "the cost per lead and the return on ad spend."
            ),
            self.tr("Add the first cost…"),
        )
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.add_cost)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._update_buttons()

    # -- data ----------------------------------------------------------------------------------
    def _ws(self) -> Workspace:
        if self.workspace is None:
            raise RuntimeError("the costs tab has no workspace")
        return self.workspace()

    def show_client(self, client: Client, channels: list[Channel]) -> None:
        self.client = client
        self.channels = channels
        self.model.costs = self._ws().costs if self.workspace is not None else None
        self.reload()

    def reload(self) -> None:
        if self.client is None or self.workspace is None:
            return
        try:
            costs = self._ws().costs.list(self.client.id)
        except AppError as exc:
            show_error(self, exc)
            return
        # Newest first: this month's costs are the ones being entered.
        costs.sort(key=lambda c: (c.period_start, c.channel_name), reverse=True)
        self.model.set_records(costs)
        self.stack.setCurrentWidget(self.view if costs else self.empty)
        self._update_buttons()

    def current_cost(self) -> Cost | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_cost(self, cost_id: int) -> None:
        row = self.model.row_of(cost_id)
        if row >= 0:
            self.view.selectRow(row)

    def _update_buttons(self, *_args: object) -> None:
        selected = self.current_cost() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    # -- editing -------------------------------------------------------------------------------
    def add_cost(self) -> None:
        if self.client is None:
            return
        client_id = self.client.id
        dialog = CostDialog(self.channels, self.client.currency, parent=self)
        dialog.saver = lambda: self._ws().costs.add(client_id, dialog.cost_fields())
        if dialog.exec():
            self._saved(dialog.result_value)

    def edit_cost(self) -> None:
        cost = self.current_cost()
        if cost is None or self.client is None:
            return
        dialog = CostDialog(self.channels, self.client.currency, cost, parent=self)
        dialog.saver = lambda: self._ws().costs.edit(cost.id, dialog.cost_fields())
        if dialog.exec():
            self._saved(dialog.result_value)

    def _saved(self, result: OpResult[Cost]) -> None:
        self.reload()
        self.select_cost(result.value.id)
        self.changes_made.emit(result.changes)

    def delete_cost(self) -> None:
        cost = self.current_cost()
        if cost is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete cost"),
            self.tr("Delete the cost of “{channel}” for {period}?").format(
                channel=cost.channel_name,
                period=self.model.index(self.model.row_of(cost.id), CostColumn.PERIOD).data(),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            changes = self._ws().costs.delete(cost.id)
        except AppError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.changes_made.emit(changes)

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        # Amount and note edit in place; a double click elsewhere opens the whole cost.
        if index.isValid() and not (self.model.flags(index) & Qt.ItemFlag.ItemIsEditable):
            self.edit_cost()

    # -- imports -------------------------------------------------------------------------------
    def _on_import_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Costs"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if name:
            self.import_costs(Path(name))

    def _on_deals_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Deals from CRM"),
            "",
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if name:
            self.import_deals(Path(name))

    def import_costs(self, path: Path) -> Task | None:
        if self.client is None:
            return None
        client_id, costs = self.client.id, self._ws().costs
        return self._import(
            lambda: costs.import_csv(client_id, path),
            self.tr("Importing costs…"),
            self.tr("Costs Imported"),
            path,
        )

    def import_deals(self, path: Path) -> Task | None:
        if self.client is None:
            return None
        client_id, deals = self.client.id, self._ws().deals
        return self._import(
            lambda: deals.import_csv(client_id, path),
            self.tr("Importing deals…"),
            self.tr("Deals Imported"),
            path,
        )

    def _import(
        self, job: Callable[[], OpResult[ImportReport]], label: str, title: str, path: Path
    ) -> Task:
        def done(result: Any) -> None:
            self.last_report = result.value
            self.reload()
            self.changes_made.emit(result.changes)
            ImportReportDialog(title, path.name, result.value, self).exec()

        task = Task(lambda _p, _t: job(), name="csv-import", context=self).on_success(done)
        self.import_task = task.with_progress(label, parent=self).start("db")
        return task


def changes_affect_costs(changes: Changes, client_id: int | None) -> bool:
    return client_id is not None and (
        client_id in changes.cost_clients or bool(changes.channels or changes.deleted_channels)
    )
