"""Small shared widgets: the empty-state panel and section headings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """A centred title, an explanation and optionally one action button."""

    MAX_TEXT_WIDTH = 520

    def __init__(
        self, title: str, text: str, button_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        self.text_label = QLabel(text)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setWordWrap(True)
        self.button = QPushButton(button_text) if button_text else None
        # Word-wrapped labels get their height for the width the layout gives them; added with
        # an alignment flag they would be sized to one line and clipped. So they fill a column
        # of bounded width, and the column is centred.
        column = QWidget()
        column.setMaximumWidth(self.MAX_TEXT_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title_label)
        inner.addSpacing(6)
        inner.addWidget(self.text_label)
        if self.button is not None:
            inner.addSpacing(14)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.button)
            row.addStretch(1)
            inner.addLayout(row)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(column, 10)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(middle)
        layout.addStretch(3)


def heading(text: str, scale: float = 1.6) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(
        label.foregroundRole(), palette.color(palette.ColorGroup.Disabled, palette.ColorRole.Text)
    )
    label.setPalette(palette)
    return label
