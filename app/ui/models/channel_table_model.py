"""The channels table of a client."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from app.core.clients.model import Channel, ChannelKind
from app.ui.models.record_list import RecordTableModel

Index = QModelIndex | QPersistentModelIndex


class ChannelColumn(IntEnum):
    """Columns of :class:`ChannelTableModel`."""

    NAME = 0
    KIND = 1
    STATUS = 2
    NOTES = 3
    CREATED = 4


def kind_label(kind: ChannelKind) -> str:
    labels = {
        ChannelKind.OFFLINE: QCoreApplication.translate("ChannelKind", "Offline"),
        ChannelKind.ONLINE: QCoreApplication.translate("ChannelKind", "Online"),
        ChannelKind.OTHER: QCoreApplication.translate("ChannelKind", "Other"),
    }
    return labels[kind]


class ChannelTableModel(RecordTableModel[Channel]):
    """One row per channel, with its colour as the name's icon."""

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._swatches: dict[str, QIcon] = {}

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ChannelColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(ChannelColumn):
            return None
        return {
            ChannelColumn.NAME: self.tr("Channel"),
            ChannelColumn.KIND: self.tr("Kind"),
            ChannelColumn.STATUS: self.tr("Status"),
            ChannelColumn.NOTES: self.tr("Placement notes"),
            ChannelColumn.CREATED: self.tr("Created"),
        }[ChannelColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        ch = self.record(index.row())
        col = ChannelColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == ChannelColumn.NAME:
                return ch.name
            if col == ChannelColumn.KIND:
                return kind_label(ch.kind)
            if col == ChannelColumn.STATUS:
                return self.tr("Active") if ch.active else self.tr("Paused")
            if col == ChannelColumn.NOTES:
                return ch.notes.splitlines()[0] if ch.notes else ""
            day = ch.created_at.astimezone().date()
            local = QDate(day.year, day.month, day.day)
            return QLocale().toString(local, QLocale.FormatType.ShortFormat)
        if role == self.SORT_ROLE:
            if col == ChannelColumn.NAME:
                return ch.name.casefold()
            if col == ChannelColumn.CREATED:
                return ch.created_at.timestamp()
            return str(self.data(index, Qt.ItemDataRole.DisplayRole)).casefold()
        if role == Qt.ItemDataRole.DecorationRole and col == ChannelColumn.NAME:
            return self._swatch(ch.color)
        if role == Qt.ItemDataRole.ToolTipRole and col == ChannelColumn.NOTES and ch.notes:
            return ch.notes
        if role == Qt.ItemDataRole.ForegroundRole and not ch.active:
            return QColor(Qt.GlobalColor.gray)
        if role == Qt.ItemDataRole.UserRole:
            return ch.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _swatch(self, color: str) -> QIcon:
        icon = self._swatches.get(color)
        if icon is None:
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(color))
            icon = self._swatches[color] = QIcon(pixmap)
        return icon
