"""The tracking addresses table of a client."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.core.addresses.model import TrackingAddress
from app.core.addresses.styles import AddressStyle
from app.ui.models.record_list import RecordTableModel

Index = QModelIndex | QPersistentModelIndex


class AddressColumn(IntEnum):
    """Columns of :class:`AddressTableModel`."""

    ADDRESS = 0
    CHANNEL = 1
    STYLE = 2
    STATUS = 3
    CREATED = 4
    RETIRED = 5
    NOTES = 6


def style_label(style: AddressStyle) -> str:
    labels = {
        AddressStyle.PLUS: QCoreApplication.translate("AddressStyle", "Plus address"),
        AddressStyle.ALIAS: QCoreApplication.translate("AddressStyle", "Alias"),
        AddressStyle.CUSTOM: QCoreApplication.translate("AddressStyle", "Custom"),
    }
    return labels[style]


def short_date(value: datetime | None) -> str:
    if value is None:
        return ""
    day = value.astimezone().date()
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


class AddressTableModel(RecordTableModel[TrackingAddress]):
    """One row per tracking address; the channel's name comes from :meth:`set_channel_names`."""

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    CHANNEL_ROLE = Qt.ItemDataRole.UserRole + 2
    """The channel id (or None for an address whose channel was deleted)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._channel_names: dict[int, str] = {}

    def set_channel_names(self, names: dict[int, str]) -> None:
        self._channel_names = dict(names)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, AddressColumn.CHANNEL),
                self.index(self.rowCount() - 1, AddressColumn.CHANNEL),
            )

    def channel_name(self, address: TrackingAddress) -> str:
        if address.channel_id is None:
            return self.tr("(deleted channel)")
        return self._channel_names.get(address.channel_id, "")

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AddressColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(AddressColumn):
            return None
        return {
            AddressColumn.ADDRESS: self.tr("Address"),
            AddressColumn.CHANNEL: self.tr("Channel"),
            AddressColumn.STYLE: self.tr("Style"),
            AddressColumn.STATUS: self.tr("Status"),
            AddressColumn.CREATED: self.tr("Created"),
            AddressColumn.RETIRED: self.tr("Retired"),
            AddressColumn.NOTES: self.tr("Notes"),
        }[AddressColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        a = self.record(index.row())
        col = AddressColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, col)
        if role == self.SORT_ROLE:
            if col == AddressColumn.CREATED:
                return a.created_at.timestamp()
            if col == AddressColumn.RETIRED:
                return a.retired_at.timestamp() if a.retired_at else 0.0
            return self._display(a, col).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == AddressColumn.ADDRESS and a.display != a.address:
                return self.tr("Stored as {address}").format(address=a.address)
            if col == AddressColumn.NOTES and a.notes:
                return a.notes
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not a.active:
            return QColor(Qt.GlobalColor.gray)
        if role == Qt.ItemDataRole.FontRole and col == AddressColumn.ADDRESS:
            font = QFont()
            font.setStyleHint(QFont.StyleHint.Monospace)
            font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
            font.setStrikeOut(not a.active)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        if role == self.CHANNEL_ROLE:
            return a.channel_id
        return None

    def _display(self, a: TrackingAddress, col: AddressColumn) -> str:
        if col == AddressColumn.ADDRESS:
            return a.display
        if col == AddressColumn.CHANNEL:
            return self.channel_name(a)
        if col == AddressColumn.STYLE:
            return style_label(a.style)
        if col == AddressColumn.STATUS:
            return self.tr("Active") if a.active else self.tr("Retired")
        if col == AddressColumn.CREATED:
            return short_date(a.created_at)
        if col == AddressColumn.RETIRED:
            return short_date(a.retired_at)
        return a.notes.splitlines()[0] if a.notes else ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
