"""The alias set-up export: the CSV for the client's mail admin and instructions per provider."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.addresses import alias_export
from app.core.addresses.alias_export import Provider, provider_name
from app.core.addresses.service import AddressService
from app.core.addresses.styles import AddressStyle, TokenMode
from app.core.clients.model import Client
from app.core.errors import AppError
from app.ui.errors import show_error


def _safe_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in text).strip() or "client"


class AliasExportDialog(QDialog):
    """Shows what the mail admin must set up and saves the CSV and the instructions."""

    def __init__(
        self, service: AddressService, client: Client, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the alias list — {client}").format(client=client.name))
        self.setMinimumSize(620, 520)
        self.client = client
        self.rows = service.alias_rows(client.id)
        settings = service.settings(client.id)
        self.plus = settings.style is AddressStyle.PLUS or any(
            a.style is AddressStyle.PLUS and a.active for a in service.list(client.id)
        )
        self.token_domain = (
            settings.token_domain if settings.token_mode is TokenMode.SUBDOMAIN else ""
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        if self.rows:
            self.summary.setText(
                self.tr(
                    "%n alias or custom address(es) must be delivered to the main mailbox. Send "
                    "the CSV file and the instructions below to the client's mail administrator.",
                    "",
                    len(self.rows),
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "This client has no active alias or custom addresses, so there is no alias "
                    "list to set up. The instructions below still say how to check the addresses."
                )
            )
        self.provider_combo = QComboBox()
        for provider in Provider:
            self.provider_combo.addItem(
                provider_name(provider) or self.tr("Other mail server"), provider.value
            )
        self.provider_combo.currentIndexChanged.connect(self._update)
        self.instructions_view = QPlainTextEdit()
        self.instructions_view.setReadOnly(True)
        self.csv_button = QPushButton(self.tr("Save CSV…"))
        self.csv_button.setEnabled(bool(self.rows))
        self.csv_button.clicked.connect(self._on_csv_button_clicked)
        self.save_text_button = QPushButton(self.tr("Save instructions…"))
        self.save_text_button.clicked.connect(self._on_save_text_button_clicked)
        self.copy_button = QPushButton(self.tr("Copy instructions"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.csv_button, self.save_text_button, self.copy_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Mail &provider:"), self.provider_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.instructions_view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._update()

    def provider(self) -> Provider:
        return Provider(self.provider_combo.currentData())

    def instructions(self) -> str:
        return alias_export.instructions(
            self.provider(),
            main_address=self.client.main_address,
            alias_count=len(self.rows),
            plus_addressing=self.plus,
            token_domain=self.token_domain,
        )

    def _update(self, *_args: object) -> None:
        self.instructions_view.setPlainText(self.instructions())

    def save_csv(self, path: Path) -> None:
        self._write(path, alias_export.alias_csv(self.rows))

    def save_instructions(self, path: Path) -> None:
        self._write(path, self.instructions().replace("\n", "\r\n").encode("utf-8-sig"))

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.write_bytes(data)
        except OSError as exc:
            show_error(
                self,
                AppError(
                    self.tr("Could not save {file}: {reason}").format(
                        file=path, reason=exc.strerror or exc
                    ),
                    details=str(exc),
                ),
            )
            return
        self.status.setText(self.tr("Saved {file}.").format(file=path))

    def _ask_path(self, title: str, name: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, name, filters)
        return Path(path) if path else None

    def _on_csv_button_clicked(self) -> None:
        path = self._ask_path(
            self.tr("Save the alias list"),
            f"{_safe_name(self.client.name)} aliases.csv",
            self.tr("CSV files (*.csv)"),
        )
        if path is not None:
            self.save_csv(path)

    def _on_save_text_button_clicked(self) -> None:
        path = self._ask_path(
            self.tr("Save the instructions"),
            f"{_safe_name(self.client.name)} mail setup.txt",
            self.tr("Text files (*.txt)"),
        )
        if path is not None:
            self.save_instructions(path)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.instructions())
        self.status.setText(self.tr("Instructions copied to the clipboard."))
