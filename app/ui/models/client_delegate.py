"""How a client is drawn in the client list: its name, and a muted subtitle below."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.models.client_list_model import ClientRole

Index = QModelIndex | QPersistentModelIndex


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
