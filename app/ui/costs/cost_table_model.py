"""Costs of a client's channels as a table; amount and note can be edited in place."""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.core.errors import AppError
from app.core.reports.model import Cost, CostFields
from app.ui.leads.lead_table_model import money_text
from app.ui.models.record_list import RecordTableModel

if TYPE_CHECKING:
    from app.core.reports.costs import CostService

Index = QModelIndex | QPersistentModelIndex


class CostColumn(IntEnum):
    CHANNEL = 0
    PERIOD = 1
    AMOUNT = 2
    NOTE = 3


def period_text(cost: Cost) -> str:
    """ "March 2026" for a whole month, else "1 Mar 2026 – 15 Mar 2026"."""
    locale = QLocale()
    first, last = cost.period_start, cost.period_end
    next_day = QDate(last.year, last.month, last.day).addDays(1)
    if (
        first.day == 1
        and next_day.day() == 1
        and (first.year, first.month)
        == (
            last.year,
            last.month,
        )
    ):
        month = locale.standaloneMonthName(first.month, QLocale.FormatType.LongFormat)
        return f"{month} {first.year}"
    fmt = QLocale.FormatType.ShortFormat
    start = locale.toString(QDate(first.year, first.month, first.day), fmt)
    end = locale.toString(QDate(last.year, last.month, last.day), fmt)
    return f"{start} – {end}"


class CostTableModel(RecordTableModel[Cost]):
    """One row per cost; editing a cell saves through :class:`CostService` at once."""

    edit_failed = Signal(object)
    """Saving an in-place edit failed with this ``AppError`` (the tab shows it)."""
    edited = Signal(object)
    """A cell edit was saved: the :class:`~app.core.changes.Changes`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.costs: CostService | None = None

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(CostColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(CostColumn):
            return None
        return {
            CostColumn.CHANNEL: self.tr("Channel"),
            CostColumn.PERIOD: self.tr("Period"),
            CostColumn.AMOUNT: self.tr("Amount"),
            CostColumn.NOTE: self.tr("Note"),
        }[CostColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if not 0 <= index.column() < len(CostColumn):
            return None
        cost = self.record(index.row())
        column = CostColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                CostColumn.CHANNEL: cost.channel_name,
                CostColumn.PERIOD: period_text(cost),
                CostColumn.AMOUNT: money_text(cost.amount, cost.currency),
                CostColumn.NOTE: cost.note,
            }[column]
        if role == Qt.ItemDataRole.EditRole:
            if column == CostColumn.AMOUNT:
                return money_text(cost.amount, "").strip()
            if column == CostColumn.NOTE:
                return cost.note
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CostColumn.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return cost.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (CostColumn.AMOUNT, CostColumn.NOTE) and self.costs is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.costs is None:
            return False
        if not 0 <= index.row() < self.rowCount():
            return False
        cost = self.record(index.row())
        column = CostColumn(index.column())
        from app.core.money import parse_amount

        try:
            if column == CostColumn.AMOUNT:
                fields = _fields(cost, amount=parse_amount(str(value)))
            elif column == CostColumn.NOTE:
                fields = _fields(cost, note=str(value).strip())
            else:
                return False
            result = self.costs.edit(cost.id, fields)
        except AppError as exc:
            self.edit_failed.emit(exc)
            return False
        self._rows[index.row()] = result.value
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), len(CostColumn) - 1)
        )
        self.edited.emit(result.changes)
        return True


def _fields(cost: Cost, **changes: Any) -> CostFields:
    fields = CostFields(
        cost.channel_id, cost.period_start, cost.period_end, cost.amount, cost.currency, cost.note
    )
    return replace(fields, **changes)
