"""The website snippet: its settings, the script to copy (readable or minified), installation
steps, and the GA4 BigQuery query to copy."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError
from app.core.snippet import AddressStyle, SnippetSettings, installation_steps, render_script
from app.core.visits import ga4_export_sql
from app.core.visits.service import VisitSettings


class SnippetDialog(QDialog):
    """Settings on the left, the code and how to install it on the right."""

    def __init__(
        self,
        settings: SnippetSettings,
        visit_settings: VisitSettings,
        save: Callable[[VisitSettings], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Website snippet"))
        self.resize(980, 640)
        self._base = settings
        self._visit_settings = visit_settings
        self._save = save

        self.mode = QComboBox()
        self.mode.addItem(self.tr("Per-visit tokens (recommended)"), "token")
        self.mode.addItem(self.tr("Fixed pool of addresses"), "pool")
        self.mode.setCurrentIndex(1 if settings.style is AddressStyle.POOL else 0)
        self.example = QLabel()
        self.example.setWordWrap(True)
        self.pool = QPlainTextEdit("\n".join(settings.pool))
        self.pool.setPlaceholderText(self.tr("One address per line, in the order of the pool"))
        self.pool.setMaximumHeight(90)
        self.hold = QSpinBox()
        self.hold.setRange(1, 720)
        self.hold.setSuffix(self.tr(" h"))
        self.hold.setValue(max(1, visit_settings.hold_minutes // 60))
        self.selector = QLineEdit(settings.selector)
        self.selector.setPlaceholderText(self.tr("Whole page"))
        self.days = QSpinBox()
        self.days.setRange(1, 730)
        self.days.setValue(settings.storage_days)
        self.days.setSuffix(self.tr(" days"))
        self.metrica = QLineEdit(str(settings.metrica_counter_id or ""))
        self.metrica.setPlaceholderText(self.tr("Counter id, e.g. 44147844"))
        self.ga4 = QCheckBox(self.tr("Send to GA4 (gtag)"))
        self.ga4.setChecked(settings.ga4)
        self.ga4_id = QLineEdit(settings.ga4_measurement_id)
        self.ga4_id.setPlaceholderText("G-XXXXXXX")
        self.matomo = QCheckBox(self.tr("Send to Matomo"))
        self.matomo.setChecked(settings.matomo)
        self.matomo_dimension = QSpinBox()
        self.matomo_dimension.setRange(0, 999)
        self.matomo_dimension.setSpecialValueText(self.tr("none"))
        self.matomo_dimension.setValue(settings.matomo_dimension_id or 0)
        form = QFormLayout()
        form.addRow(self.tr("Shown address"), self.mode)
        form.addRow("", self.example)
        form.addRow(self.tr("Pool"), self.pool)
        form.addRow(self.tr("Hold time"), self.hold)
        form.addRow(self.tr("Elements to rewrite"), self.selector)
        form.addRow(self.tr("Keep a token for"), self.days)
        form.addRow(self.tr("Yandex Metrica"), self.metrica)
        form.addRow(self.tr("Google Analytics 4"), self.ga4)
        form.addRow("", self.ga4_id)
        form.addRow(self.tr("Matomo"), self.matomo)
        form.addRow(self.tr("Matomo dimension"), self.matomo_dimension)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.error)
        left.addStretch(1)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.minified = QCheckBox(self.tr("Minified"))
        self.minified.setChecked(True)
        self.code = QPlainTextEdit()
        self.code.setReadOnly(True)
        self.code.setFont(mono)
        self.copy_button = QPushButton(self.tr("Copy Code"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        code_page = QWidget()
        code_bar = QHBoxLayout()
        code_bar.addWidget(self.minified)
        code_bar.addStretch(1)
        code_bar.addWidget(self.copy_button)
        code_layout = QVBoxLayout(code_page)
        code_layout.addLayout(code_bar)
        code_layout.addWidget(self.code, 1)
        code_layout.addWidget(self.steps)

        self.project = QLineEdit()
        self.project.setPlaceholderText(self.tr("BigQuery project"))
        self.property_id = QLineEdit()
        self.property_id.setPlaceholderText(self.tr("GA4 property id"))
        self.sql = QPlainTextEdit()
        self.sql.setReadOnly(True)
        self.sql.setFont(mono)
        self.sql.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.copy_sql_button = QPushButton(self.tr("Copy Query"))
        self.copy_sql_button.clicked.connect(self._on_copy_sql_button_clicked)
        sql_page = QWidget()
        sql_bar = QHBoxLayout()
        sql_bar.addWidget(self.project)
        sql_bar.addWidget(self.property_id)
        sql_bar.addWidget(self.copy_sql_button)
        sql_layout = QVBoxLayout(sql_page)
        sql_layout.addWidget(
            QLabel(
                self.tr(
                    "Run this query in BigQuery and save the result as CSV: Mailsource imports "
                    "it as “GA4 BigQuery query (CSV)”."
                )
            )
        )
        sql_layout.addLayout(sql_bar)
        sql_layout.addWidget(self.sql, 1)

        self.pages = QTabWidget()
        self.pages.addTab(code_page, self.tr("Code and installation"))
        self.pages.addTab(sql_page, self.tr("GA4 BigQuery query"))

        body = QHBoxLayout()
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMaximumWidth(400)
        body.addWidget(left_widget)
        body.addWidget(self.pages, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.addButton(
            self.tr("Save Settings"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.clicked.connect(self._on_save_button_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        for widget in (self.selector, self.metrica, self.ga4_id, self.project, self.property_id):
            widget.textChanged.connect(self.refresh)
        self.pool.textChanged.connect(self.refresh)
        for box in (self.days, self.matomo_dimension, self.hold):
            box.valueChanged.connect(self.refresh)
        for check in (self.ga4, self.matomo, self.minified):
            check.toggled.connect(self.refresh)
        self.mode.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def current(self) -> SnippetSettings:
        pool = tuple(a.strip() for a in self.pool.toPlainText().splitlines() if a.strip())
        counter = self.metrica.text().strip()
        if self.mode.currentData() == "pool":
            style = AddressStyle.POOL
        elif self._base.style is AddressStyle.POOL:
            style = AddressStyle.PLUS
        else:
            style = self._base.style
        return dataclasses.replace(
            self._base,
            style=style,
            pool=pool,
            selector=self.selector.text().strip(),
            storage_days=self.days.value(),
            metrica_counter_id=int(counter) if counter.isdigit() else None,
            ga4=self.ga4.isChecked(),
            ga4_measurement_id=self.ga4_id.text().strip(),
            matomo=self.matomo.isChecked(),
            matomo_dimension_id=self.matomo_dimension.value() or None,
        )

    def refresh(self) -> None:
        settings = self.current()
        pool_mode = settings.style is AddressStyle.POOL
        self.pool.setEnabled(pool_mode)
        self.hold.setEnabled(pool_mode)
        self.ga4_id.setEnabled(settings.ga4)
        self.matomo_dimension.setEnabled(settings.matomo)
        counter = self.metrica.text().strip()
        try:
            if counter and not counter.isdigit():
                raise AppError(self.tr("The Metrica counter id is a number"))
            code = render_script(settings, minify=self.minified.isChecked())
            steps = installation_steps(settings)
        except AppError as exc:
            self.error.setText(exc.message)
            self.code.setPlainText("")
            self.steps.setText("")
            self.copy_button.setEnabled(False)
            self.save_button.setEnabled(False)
        else:
            self.error.setText("")
            # One long line wraps; the readable source keeps its indentation unwrapped.
            self.code.setLineWrapMode(
                QPlainTextEdit.LineWrapMode.WidgetWidth
                if self.minified.isChecked()
                else QPlainTextEdit.LineWrapMode.NoWrap
            )
            with QSignalBlocker(self.code):
                self.code.setPlainText(f"<script>{code}</script>")
            self.steps.setText(
                "<ol>" + "".join(f"<li>{_escape(step)}</li>" for step in steps) + "</ol>"
            )
            self.copy_button.setEnabled(True)
            self.save_button.setEnabled(True)
        self.example.setText(
            self.tr("Visitors see: %1").replace("%1", settings.example_address() or "—")
        )
        self.sql.setPlainText(
            ga4_export_sql(self.project.text(), self.property_id.text(), "20240101", "20241231")
        )

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.code.toPlainText())

    def _on_copy_sql_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.sql.toPlainText())

    def _on_save_button_clicked(self) -> None:
        settings = self.current()
        options = {
            "mode": "pool" if settings.style is AddressStyle.POOL else "token",
            "selector": settings.selector,
            "storage_days": settings.storage_days,
            "metrica_counter_id": settings.metrica_counter_id,
            "ga4": settings.ga4,
            "ga4_measurement_id": settings.ga4_measurement_id,
            "matomo": settings.matomo,
            "matomo_dimension_id": settings.matomo_dimension_id,
        }
        updated = dataclasses.replace(
            self._visit_settings,
            pool=tuple(a.lower() for a in settings.pool),
            hold_minutes=self.hold.value() * 60,
            snippet=tuple(sorted(options.items())),
        )
        try:
            self._save(updated)
        except AppError as exc:
            self.error.setText(exc.message)
            return
        self._visit_settings = updated
        self.error.setText(self.tr("Saved."))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
