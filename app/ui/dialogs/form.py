"""A dialog base for editing a record: saves through a callback, shows rule breaks inline.

The dialog stays open when the save fails a rule, with the message under the form and the field
concerned focused, so nothing the user typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError, ValidationError
from app.ui.errors import show_error


class FormDialog(QDialog):
    """A form with OK/Cancel whose OK calls ``save()`` and closes only when it succeeds."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}
        self.saver: Callable[[], Any] | None = None
        self.result_value: Any = None

    def add_field(self, key: str, label: str, widget: QWidget) -> None:
        self.fields[key] = widget
        self.form.addRow(label, widget)

    def show_rule_error(self, message: str, field: str = "") -> None:
        self.error_label.setText(message)
        self.error_label.show()
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus()

    def _on_buttons_accepted(self) -> None:
        if self.saver is None:
            self.accept()
            return
        try:
            self.result_value = self.saver()
        except ValidationError as exc:
            self.show_rule_error(exc.message, exc.field)
            return
        except AppError as exc:
            show_error(self, exc)
            return
        self.accept()
