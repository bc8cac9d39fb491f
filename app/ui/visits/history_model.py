"""Table models of the import history and of one import's rejected rows."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette

from app.core.visits.model import RejectedRow, RejectKind
from app.core.visits.service import ImportRecord

Index = QModelIndex | QPersistentModelIndex


class HistoryColumn(IntEnum):
    """Columns of the import history."""

    STARTED = 0
    FILE = 1
    FORMAT = 2
    STATUS = 3
    READ = 4
    NEW = 5
    UPDATED = 6
    REJECTED = 7
    ROBOTS = 8
    PERIOD = 9


class ImportHistoryTableModel(QAbstractTableModel):
    """A client's visit imports, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[ImportRecord] = []

    def set_records(self, records: list[ImportRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> ImportRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(HistoryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(HistoryColumn):
            return None
        return {
            HistoryColumn.STARTED: self.tr("Imported"),
            HistoryColumn.FILE: self.tr("File"),
            HistoryColumn.FORMAT: self.tr("Format"),
            HistoryColumn.STATUS: self.tr("Result"),
            HistoryColumn.READ: self.tr("Rows"),
            HistoryColumn.NEW: self.tr("New"),
            HistoryColumn.UPDATED: self.tr("Updated"),
            HistoryColumn.REJECTED: self.tr("Rejected"),
            HistoryColumn.ROBOTS: self.tr("Robots"),
            HistoryColumn.PERIOD: self.tr("Visits from – to"),
        }[HistoryColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        r = self._records[index.row()]
        column = HistoryColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is HistoryColumn.FILE:
                return r.file_path
            if column is HistoryColumn.STATUS and (r.message or r.warnings):
                return "\n".join([r.message, *r.warnings]).strip()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            HistoryColumn.READ,
            HistoryColumn.NEW,
            HistoryColumn.UPDATED,
            HistoryColumn.REJECTED,
            HistoryColumn.ROBOTS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, r: ImportRecord, column: HistoryColumn) -> str:
        if column is HistoryColumn.STARTED:
            return r.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column is HistoryColumn.FILE:
            return r.file_name
        if column is HistoryColumn.FORMAT:
            return f"{r.format} · {r.encoding}" if r.encoding else r.format
        if column is HistoryColumn.STATUS:
            return {
                "ok": self.tr("Imported"),
                "failed": self.tr("Failed, nothing kept"),
                "cancelled": self.tr("Cancelled, nothing kept"),
            }.get(r.status, r.status)
        if column is HistoryColumn.READ:
            return f"{r.rows_read:,}".replace(",", "\u202f")
        if column is HistoryColumn.NEW:
            return f"{r.imported:,}".replace(",", "\u202f")
        if column is HistoryColumn.UPDATED:
            return f"{r.updated:,}".replace(",", "\u202f")
        if column is HistoryColumn.REJECTED:
            return f"{r.rejected:,}".replace(",", "\u202f")
        if column is HistoryColumn.ROBOTS:
            return f"{r.bots:,}".replace(",", "\u202f")
        if r.first_visit_at is None or r.last_visit_at is None:
            return ""
        first = r.first_visit_at.astimezone().strftime("%Y-%m-%d")
        last = r.last_visit_at.astimezone().strftime("%Y-%m-%d")
        return first if first == last else f"{first} – {last}"


class RejectColumn(IntEnum):
    """Columns of the rejected-rows table."""

    LINE = 0
    REASON = 1
    ROW = 2


class RejectedRowsTableModel(QAbstractTableModel):
    """The rows one import skipped: line, reason and the start of the row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RejectedRow] = []

    def set_rows(self, rows: list[RejectedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(RejectColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(RejectColumn):
            return None
        return {
            RejectColumn.LINE: self.tr("Line"),
            RejectColumn.REASON: self.tr("Reason"),
            RejectColumn.ROW: self.tr("Row"),
        }[RejectColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = RejectColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is RejectColumn.LINE:
                return str(r.line)
            if column is RejectColumn.REASON:
                return r.reason
            return r.excerpt.replace("\t", " ⇥ ")
        if role == Qt.ItemDataRole.ToolTipRole and column is RejectColumn.ROW:
            return r.excerpt
        if role == Qt.ItemDataRole.ForegroundRole and r.kind is RejectKind.BOT:
            # Robots are skipped on purpose: shown, but quieter than broken rows.
            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is RejectColumn.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
