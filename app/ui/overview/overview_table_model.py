"""One row per client: leads this period and the previous, cost per lead, reply time, warnings."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.reports.model import OverviewRow
from app.ui.models.record_list import RecordTableModel
from app.ui.reports.report_series import duration_text, money_or_dash

Index = QModelIndex | QPersistentModelIndex

UP = QColor("#2e7d32")
DOWN = QColor("#c62828")


class OverviewColumn(IntEnum):
    CLIENT = 0
    LEADS = 1
    CHANGE = 2
    COST_PER_LEAD = 3
    MEDIAN_REPLY = 4
    WARNINGS = 5


def change_text(row: OverviewRow) -> str:
    """ "▲ 25%", "▼ 10%", "= 0%", or "new" when the previous period had no leads."""
    change = row.change
    if change is None:
        return "—" if not row.leads else "▲"
    percent = round(100 * change)
    if percent > 0:
        return f"▲ {percent}%"
    if percent < 0:
        return f"▼ {-percent}%"
    return "= 0%"


class _Row:
    """An overview row with an ``id`` for the record model (the client's)."""

    def __init__(self, row: OverviewRow) -> None:
        self.row = row

    @property
    def id(self) -> int:
        return self.row.client_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Row) and other.row == self.row

    __hash__ = None  # type: ignore[assignment]


class OverviewTableModel(RecordTableModel[_Row]):
    """Clients of the agency overview, by name."""

    def set_rows(self, rows: list[OverviewRow]) -> None:
        self.set_records([_Row(r) for r in rows])

    def overview_row(self, row: int) -> OverviewRow:
        return self.record(row).row

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(OverviewColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(OverviewColumn):
            return None
        return {
            OverviewColumn.CLIENT: self.tr("Client"),
            OverviewColumn.LEADS: self.tr("Leads"),
            OverviewColumn.CHANGE: self.tr("vs previous"),
            OverviewColumn.COST_PER_LEAD: self.tr("Cost per lead"),
            OverviewColumn.MEDIAN_REPLY: self.tr("Median reply"),
            OverviewColumn.WARNINGS: self.tr("Needs attention"),
        }[OverviewColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if not 0 <= index.column() < len(OverviewColumn):
            return None
        row = self.overview_row(index.row())
        column = OverviewColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                OverviewColumn.CLIENT: row.client_name,
                OverviewColumn.LEADS: QLocale().toString(row.leads),
                OverviewColumn.CHANGE: change_text(row),
                OverviewColumn.COST_PER_LEAD: money_or_dash(row.cost_per_lead, row.currency),
                OverviewColumn.MEDIAN_REPLY: duration_text(row.median_response_s),
                OverviewColumn.WARNINGS: " · ".join(row.warnings),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == OverviewColumn.CHANGE:
                return self.tr("%n lead(s) in the previous period", "", row.previous_leads)
            if column == OverviewColumn.WARNINGS and row.warnings:
                return "\n".join(row.warnings)
            if column == OverviewColumn.CLIENT:
                return row.client_name
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == OverviewColumn.CHANGE and row.change:
                return UP if row.change > 0 else DOWN
            if column == OverviewColumn.WARNINGS and row.warnings:
                return DOWN
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            OverviewColumn.LEADS,
            OverviewColumn.CHANGE,
            OverviewColumn.COST_PER_LEAD,
            OverviewColumn.MEDIAN_REPLY,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.client_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
