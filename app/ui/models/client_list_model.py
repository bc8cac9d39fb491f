"""The client list on the left of the main window."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.core.clients.model import Client
from app.core.clients.validation import address_to_unicode, domain_to_unicode
from app.ui.models.record_list import RecordTableModel

Index = QModelIndex | QPersistentModelIndex


class ClientRole(IntEnum):
    """Extra data roles of :class:`ClientListModel`."""

    ID = Qt.ItemDataRole.UserRole + 1
    SUBTITLE = Qt.ItemDataRole.UserRole + 2
    ARCHIVED = Qt.ItemDataRole.UserRole + 3
    RECORD = Qt.ItemDataRole.UserRole + 4


class ClientListModel(RecordTableModel[Client]):
    """One row per client; the display is the name, the subtitle its address and channels."""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        client = self.record(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return client.name
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [client.name]
            if client.domains:
                lines.append(", ".join(domain_to_unicode(d) for d in client.domains))
            if client.archived:
                lines.append(self.tr("Archived"))
            return "\n".join(lines)
        if role == ClientRole.ID:
            return client.id
        if role == ClientRole.SUBTITLE:
            return self.subtitle(client)
        if role == ClientRole.ARCHIVED:
            return client.archived
        if role == ClientRole.RECORD:
            return client
        if role == Qt.ItemDataRole.FontRole and client.archived:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def subtitle(self, client: Client) -> str:
        count = self.tr("%n channel(s)", "", client.channel_count)
        parts = [address_to_unicode(client.main_address)] if client.main_address else []
        parts.append(count)
        if client.archived:
            parts.insert(0, self.tr("Archived"))
        return " · ".join(parts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ClientItemDelegate(QStyledItemDelegate):
    """Two lines per client: the name, and a muted subtitle."""

    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = option.fontMetrics
        return QSize(200, fm.height() * 2 + self.PADDING * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect.adjusted(
            self.PADDING + 4, self.PADDING, -self.PADDING, -self.PADDING
        )
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        main_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        font = QFont(opt.font)
        font.setBold(not index.data(ClientRole.ARCHIVED))
        font.setItalic(bool(index.data(ClientRole.ARCHIVED)))
        painter.setFont(font)
        painter.setPen(palette.color(main_role))
        fm = painter.fontMetrics()
        top = QRect(rect.left(), rect.top(), rect.width(), fm.height())
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        elide = Qt.TextElideMode.ElideRight
        painter.drawText(top, left, fm.elidedText(name, elide, rect.width()))
        small = QFont(opt.font)
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        painter.setFont(small)
        muted = palette.color(main_role)
        if not selected:
            muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        painter.setPen(muted)
        sfm = painter.fontMetrics()
        bottom = QRect(rect.left(), top.bottom() + 2, rect.width(), sfm.height())
        subtitle = str(index.data(ClientRole.SUBTITLE) or "")
        painter.drawText(bottom, left, sfm.elidedText(subtitle, elide, rect.width()))
        painter.restore()
