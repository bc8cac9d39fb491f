"""The Visits tab: import visit exports (drop a file or choose one), the import history with its
rejected rows, pool health, and the website snippet.

The tab calls the core through the workspace the main window lends it (``workspace``). Imports
run as a Task on the database queue with a progress dialog and Cancel; Cancel leaves nothing of
the import (the core imports in one transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.errors import AppError
from app.core.jobs import CancelToken
from app.core.visits import ImportOptions, detect
from app.core.visits.importer import ImportResult, import_visits
from app.core.visits.service import PoolHealth, snippet_settings
from app.ui.errors import show_error
from app.ui.tasks import Task
from app.ui.visits.history_model import (
    HistoryColumn,
    ImportHistoryTableModel,
    RejectedRowsTableModel,
)
from app.ui.visits.import_dialog import ImportDialog
from app.ui.visits.snippet_dialog import SnippetDialog
from app.ui.widgets import EmptyState

if TYPE_CHECKING:
    from app.core.workspace import Workspace


class PoolHealthBox(QGroupBox):
    """Peak traffic, recommended pool size and collisions, with a warning when the pool is small."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pool health"), parent)
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        rows = (
            ("visits", self.tr("Visits stored")),
            ("peak", self.tr("Peak visits per minute")),
            ("concurrent", self.tr("Peak concurrent visitors")),
            ("pool", self.tr("Pool size / recommended")),
            ("collisions", self.tr("Collision rate")),
        )
        for row, (key, label) in enumerate(rows):
            grid.addWidget(QLabel(label), row // 3, (row % 3) * 2)
            value = QLabel("—")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(value, row // 3, (row % 3) * 2 + 1)
            self.values[key] = value
        grid.setColumnStretch(5, 1)
        self.warning = QLabel()
        self.warning.setObjectName("poolWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "#poolWarning { background: #fdecea; color: #7a1c14; border-radius: 4px; "
            "padding: 6px 8px; }"
        )
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.warning)

    def show_health(self, health: PoolHealth) -> None:
        v = self.values
        v["visits"].setText(f"{health.visits:,}".replace(",", "\u202f"))
        v["peak"].setText(f"{health.peak_per_minute:g}")
        v["concurrent"].setText(f"{health.peak_concurrent:,}".replace(",", "\u202f"))
        if health.pool_size:
            v["pool"].setText(f"{health.pool_size} / {health.recommended}")
        else:
            v["pool"].setText(
                self.tr("tokens · %1 if pooled").replace("%1", str(health.recommended))
            )
        rate = health.collision_rate
        v["collisions"].setText(
            "—"
            if rate is None
            else self.tr("%1 of %n pool lead(s)", "", health.pool_leads).replace(
                "%1", f"{rate:.0%}"
            )
        )
        text = health.warning()
        self.warning.setText(text)
        self.warning.setVisible(bool(text))


class VisitsTab(QWidget):
    """Imports, history, rejected rows and pool health of one client."""

    changes_made = Signal(object)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Callable[[], Workspace] | None = None
        self.client_id: int | None = None
        self.task: Task | None = None
        self.setAcceptDrops(True)

        self.import_button = QPushButton(self.tr("Import Visits…"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.snippet_button = QPushButton(self.tr("Website Snippet…"))
        self.snippet_button.clicked.connect(self._on_snippet_button_clicked)
        self.drop_hint = QLabel(
            self.tr("or drop a Yandex Metrica, GA4, Matomo or other CSV export here")
        )
        self.drop_hint.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addWidget(self.drop_hint, 1)
        bar.addWidget(self.snippet_button)

        self.health = PoolHealthBox()
        self.history_model = ImportHistoryTableModel(self)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.verticalHeader().setVisible(False)
        self.history.setAlternatingRowColors(True)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryColumn.FILE, QHeaderView.ResizeMode.Stretch)
        self.history.selectionModel().selectionChanged.connect(self._on_history_selection_changed)

        self.rejects_model = RejectedRowsTableModel(self)
        self.rejects = QTableView()
        self.rejects.setModel(self.rejects_model)
        self.rejects.verticalHeader().setVisible(False)
        self.rejects.setWordWrap(False)
        rheader = self.rejects.horizontalHeader()
        rheader.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rheader.setStretchLastSection(True)
        self.rejects_title = QLabel(self.tr("Rejected rows"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.export_button.setEnabled(False)
        rejects_bar = QHBoxLayout()
        rejects_bar.addWidget(self.rejects_title, 1)
        rejects_bar.addWidget(self.export_button)
        rejects_box = QWidget()
        rejects_layout = QVBoxLayout(rejects_box)
        rejects_layout.setContentsMargins(0, 0, 0, 0)
        rejects_layout.addLayout(rejects_bar)
        rejects_layout.addWidget(self.rejects)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.history)
        split.addWidget(rejects_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.health)
        content_layout.addWidget(split, 1)

        self.empty = EmptyState(
            self.tr("No visits imported yet"),
            self.tr(
                "Install the website snippet, then import the visits your web analytics "
                "exported: a Yandex Metrica Logs API file, a GA4 BigQuery or report export, a "
                "Matomo visits log, or any CSV. Each email sent to a tracking token or pool "
                "address then shows the visit it came from: source, campaign, keyword, city "
                "and device."
            ),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(content)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    # --- public ---------------------------------------------------------------------------
    def show_client(self, client_id: int) -> None:
        self.client_id = client_id
        self.reload()

    def reload(self) -> None:
        if self.workspace is None or self.client_id is None:
            return
        ws = self.workspace()
        try:
            records = ws.visits.history(self.client_id)
            health = ws.visits.pool_health(self.client_id)
        except AppError as exc:
            show_error(self, exc)
            return
        self.history_model.set_records(records)
        self.health.show_health(health)
        self.stack.setCurrentIndex(1 if records or health.visits else 0)
        if records:
            self.history.selectRow(0)
        else:
            self.rejects_model.set_rows([])
            self.export_button.setEnabled(False)

    def apply_changes(self, changes: Changes) -> None:
        if self.client_id is not None and (
            self.client_id in changes.visit_clients or self.client_id in changes.lead_clients
        ):
            self.reload()

    def import_file(self, path: Path) -> None:
        """Detect, ask (time zone, mapping), then import with progress and Cancel."""
        if self.workspace is None or self.client_id is None:
            return
        ws = self.workspace()
        client_id = self.client_id
        try:
            detection = detect(path)
            settings = ws.visits.settings(client_id)
            mappings = ws.visits.mappings(client_id)
        except AppError as exc:
            show_error(self, exc)
            return
        dialog = ImportDialog(
            detection, timezone=settings.site_timezone, mappings=mappings, parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        timezone = dialog.timezone
        mapping = dialog.mapping
        new_mapping = dialog.new_mapping

        def job(progress: Callable[[int, int, str], None], token: CancelToken) -> ImportResult:
            if new_mapping is not None:
                ws.visits.save_mapping(client_id, new_mapping)
            if timezone and timezone != settings.site_timezone:
                import dataclasses

                ws.visits.save_settings(
                    client_id, dataclasses.replace(settings, site_timezone=timezone)
                )
            return import_visits(
                ws,
                client_id,
                path,
                ImportOptions(site_timezone=timezone or None),
                progress,
                token,
                detection=detection,
                mapping=mapping,
            )

        self.import_button.setEnabled(False)
        self.task = (
            Task(job, name="visit import", context=self)
            .on_success(self._on_import_succeeded)
            .on_failure(self._on_import_failed)
            .on_cancelled(self._on_import_cancelled)
            .with_progress(self.tr("Importing %1…").replace("%1", path.name), self)
            .start()
        )

    # --- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.import_file(Path(urls[0].toLocalFile()))

    # --- slots ----------------------------------------------------------------------------
    def _on_import_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import visits"),
            "",
            self.tr("Visit exports (*.tsv *.csv *.txt *.json *.ndjson *.jsonl);;All files (*)"),
        )
        if name:
            self.import_file(Path(name))

    def _on_import_succeeded(self, result: ImportResult) -> None:
        self.import_button.setEnabled(True)
        self.message.emit(
            self.tr("Imported %1 new and %2 updated visits, %3 rows rejected; %4 leads matched.")
            .replace("%1", str(result.imported))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.rejected))
            .replace("%4", str(result.attributed))
        )
        self.reload()
        self.changes_made.emit(result.changes)

    def _on_import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.reload()
        if not isinstance(exc, AppError):
            raise exc  # a bug: the crash handler reports it
        show_error(self, exc)

    def _on_import_cancelled(self) -> None:
        self.import_button.setEnabled(True)
        self.message.emit(self.tr("Import cancelled: nothing of it was kept."))
        self.reload()

    def _on_history_selection_changed(self, *_args: QItemSelection) -> None:
        rows = self.history.selectionModel().selectedRows()
        record = self.history_model.record(rows[0].row()) if rows else None
        if record is None or self.workspace is None:
            self.rejects_model.set_rows([])
            self.export_button.setEnabled(False)
            return
        try:
            rejected = self.workspace().visits.rejects(record.id, limit=5000)
        except AppError as exc:
            show_error(self, exc)
            return
        self.rejects_model.set_rows(rejected)
        self.rejects_title.setText(
            self.tr("Rejected rows of %1 (%n)", "", record.rejected + record.bots).replace(
                "%1", record.file_name
            )
        )
        self.export_button.setEnabled(bool(rejected))

    def _on_export_button_clicked(self) -> None:
        rows = self.history.selectionModel().selectedRows()
        record = self.history_model.record(rows[0].row()) if rows else None
        if record is None or self.workspace is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export rejected rows"),
            f"{Path(record.file_name).stem}-rejected.csv",
            self.tr("CSV files (*.csv)"),
        )
        if not name:
            return
        try:
            count = self.workspace().visits.export_rejects(record.id, Path(name))
        except AppError as exc:
            show_error(self, exc)
            return
        self.message.emit(self.tr("%n rejected row(s) saved.", "", count))

    def _on_snippet_button_clicked(self) -> None:
        if self.workspace is None or self.client_id is None:
            return
        ws = self.workspace()
        client_id = self.client_id
        try:
            settings = snippet_settings(ws, client_id)
            visit_settings = ws.visits.settings(client_id)
        except AppError as exc:
            show_error(self, exc)
            return

        def save(updated: object) -> None:
            changes = ws.visits.save_settings(client_id, updated)  # type: ignore[arg-type]
            self.changes_made.emit(changes)

        self.snippet_dialog = SnippetDialog(settings, visit_settings, save, self)
        self.snippet_dialog.exec()
        self.reload()
