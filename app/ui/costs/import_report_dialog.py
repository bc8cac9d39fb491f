"""What a CSV import did: counts, and every line it could not use with the reason, exportable."""

from __future__ import annotations

import csv
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.reports.csvfile import RejectedLine
from app.core.reports.model import ImportReport
from app.ui.errors import show_error

Index = QModelIndex | QPersistentModelIndex


class RejectedColumn(IntEnum):
    LINE = 0
    REASON = 1


class RejectedLineModel(QAbstractTableModel):
    """The lines an import did not use."""

    def __init__(self, lines: tuple[RejectedLine, ...] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self.lines = lines

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RejectedColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == RejectedColumn.LINE:
            return self.tr("Line")
        if section == RejectedColumn.REASON:
            return self.tr("Why it was not used")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == RejectedColumn.LINE:
                return str(line.line)
            if index.column() == RejectedColumn.REASON:
                return line.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == RejectedColumn.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def write_rejected(path: Path, lines: tuple[RejectedLine, ...], header: tuple[str, str]) -> None:
    """The unused lines as CSV (UTF-8 with BOM and ``;``, so Excel opens it as is)."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(header)
        for line in lines:
            writer.writerow((line.line, line.reason))


class ImportReportDialog(QDialog):
    """The result of a costs or deals import."""

    def __init__(
        self, title: str, source: str, report: ImportReport, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(560, 360)
        self.report = report
        summary = self.tr("%n line(s) read from {file}.", "", report.rows).format(file=source)
        used = self.tr(
            "Added: {added} · updated: {updated} · unchanged: {unchanged} · not used: {rejected}"
        ).format(
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
            rejected=len(report.rejected),
        )
        self.summary_label = QLabel(f"{summary}\n{used}")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = RejectedLineModel(report.rejected, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(
            RejectedColumn.REASON, QHeaderView.ResizeMode.Stretch
        )
        self.view.horizontalHeader().resizeSection(RejectedColumn.LINE, 70)
        self.all_used = QLabel(self.tr("Every line was used."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(self.tr("Export Unused Lines…"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.all_used)
        layout.addWidget(buttons)
        rejected = bool(report.rejected)
        self.view.setVisible(rejected)
        self.export_button.setVisible(rejected)
        self.all_used.setVisible(not rejected)

    def export_to(self, path: Path) -> bool:
        """Write the unused lines to ``path``; a path that cannot be written is explained."""
        try:
            write_rejected(
                path, self.report.rejected, (self.tr("Line"), self.tr("Why it was not used"))
            )
        except OSError as exc:
            show_error(
                self,
                self.tr("Could not write {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                ),
            )
            return False
        return True

    def _on_export_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Unused Lines"), "unused-lines.csv", self.tr("CSV files (*.csv)")
        )
        if name:
            self.export_to(Path(name))
