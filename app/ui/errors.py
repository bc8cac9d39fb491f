"""Showing a user-facing error: the message, optional details and a "Copy details" button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError
from app.core.logs import redact


class ErrorDialog(QDialog):
    """A clear message, the technical details on demand, and a way to copy both."""

    def __init__(
        self, message: str, details: str = "", parent: QWidget | None = None, title: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Mailsource"))
        self.setMinimumWidth(460)
        self.message = message
        self.details = redact(details)

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QLabel(message)
        text.setObjectName("errorMessage")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(text, 1)

        self.details_view = QPlainTextEdit(self.details)
        self.details_view.setReadOnly(True)
        self.details_view.setVisible(False)
        self.details_view.setMinimumHeight(140)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        if self.details:
            self.toggle_button = QPushButton(self.tr("Show details"))
            self.toggle_button.setCheckable(True)
            buttons.addButton(self.toggle_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.toggle_button.toggled.connect(self._on_toggle_toggled)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view)
        layout.addWidget(buttons)

    def copied_text(self) -> str:
        return f"{self.message}\n\n{self.details}".strip()

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.copied_text())
        self.copy_button.setText(self.tr("Copied"))

    def _on_toggle_toggled(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.toggle_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()


def show_error(parent: QWidget | None, error: AppError | str, details: str = "") -> None:
    """Show an error modally; an ``AppError`` brings its own details."""
    if isinstance(error, AppError):
        message, details = error.message, details or error.details
    else:
        message = error
    ErrorDialog(message, details, parent).exec()
