"""Small shared widgets: the empty-state panel and section headings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """A centred title, an explanation and optionally one action button."""

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
        self.text_label.setMaximumWidth(480)
        self.text_label.setForegroundRole(self.text_label.foregroundRole())
        self.button = QPushButton(button_text) if button_text else None
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(6)
        layout.addWidget(self.text_label, 0, Qt.AlignmentFlag.AlignHCenter)
        if self.button is not None:
            layout.addSpacing(14)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
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
