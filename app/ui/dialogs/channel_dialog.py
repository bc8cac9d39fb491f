"""Creating and editing an advertising channel."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.core.clients.model import PALETTE, Channel, ChannelFields, ChannelKind
from app.ui.dialogs.form import FormDialog
from app.ui.models.channel_table_model import kind_label


class ChannelDialog(FormDialog):
    """Name, kind, chart colour, placement notes and whether the channel is active."""

    def __init__(
        self, channel: Channel | None = None, parent: QWidget | None = None, *, color: str = ""
    ) -> None:
        title = self.tr("New channel") if channel is None else self.tr("Edit channel")
        super().__init__(title, parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Billboard on Lenin avenue"))
        self.name_edit.setMaxLength(200)
        self.kind_combo = QComboBox()
        for kind in ChannelKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self._color = color or (channel.color if channel else PALETTE[0])
        self.color_button = QPushButton()
        self.color_button.setToolTip(self.tr("Colour of this channel in charts"))
        self.color_button.clicked.connect(self._on_color_button_clicked)
        color_row = QWidget()
        row = QHBoxLayout(color_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.color_button)
        row.addStretch(1)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Where and when the ad runs, size, contract…"))
        self.notes_edit.setFixedHeight(90)
        self.active_check = QCheckBox(self.tr("Active (new leads are expected from it)"))
        self.active_check.setChecked(True)
        self.add_field("name", self.tr("&Name:"), self.name_edit)
        self.add_field("kind", self.tr("&Kind:"), self.kind_combo)
        self.add_field("color", self.tr("C&olour:"), color_row)
        self.add_field("notes", self.tr("&Placement notes:"), self.notes_edit)
        self.add_field("active", "", self.active_check)
        if channel is not None:
            self.name_edit.setText(channel.name)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(channel.kind.value))
            self.notes_edit.setPlainText(channel.notes)
            self.active_check.setChecked(channel.active)
        self._update_color_button()
        self.name_edit.setFocus()

    def channel_fields(self) -> ChannelFields:
        return ChannelFields(
            name=self.name_edit.text(),
            kind=ChannelKind(self.kind_combo.currentData()),
            color=self._color,
            notes=self.notes_edit.toPlainText(),
            active=self.active_check.isChecked(),
        )

    def set_color(self, color: str) -> None:
        self._color = color
        self._update_color_button()

    def _update_color_button(self) -> None:
        pixmap = QPixmap(16, 16)
        pixmap.fill(QColor(self._color))
        self.color_button.setIcon(QIcon(pixmap))
        self.color_button.setText(self._color)

    def _on_color_button_clicked(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, self.tr("Channel colour"))
        if chosen.isValid():
            self.set_color(chosen.name())
