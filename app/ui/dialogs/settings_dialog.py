"""Settings: interface language and where the data lives (this computer or a team server)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.credentials import set_password
from app.core.errors import AppError
from app.core.paths import Location, default_data_dir
from app.core.settings import Settings
from app.core.storage.database import Database, password_key, server_target, split_password
from app.ui.errors import show_error
from app.ui.i18n import LANGUAGES
from app.ui.tasks import Task


def probe_server(url: str) -> str:
    """Connect to a team server and say what is there (runs on a worker thread)."""
    from sqlalchemy import text

    from app.core.storage.migrate import current_revision

    db = Database(server_target(url))
    try:
        db.check()
        with db.translate_errors(), db.engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar_one())
        return f"{version}|{current_revision(db) or ''}"
    finally:
        db.dispose()


class SettingsDialog(QDialog):
    """Edits :class:`~app.core.settings.Settings`; says when a restart is needed."""

    def __init__(
        self, settings: Settings, location: Location, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self.original = settings
        self.location = location
        self.test_task: Task | None = None

        # Language
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("Same as the system"), "")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(settings.language), 0))
        general = QGroupBox(self.tr("Interface"))
        general_form = QFormLayout(general)
        general_form.addRow(self.tr("&Language:"), self.language_combo)

        # Agency: printed on address sheets
        agency = QGroupBox(self.tr("Agency (printed on address sheets)"))
        self.agency_edit = QLineEdit(settings.agency_name)
        self.agency_edit.setMaxLength(200)
        self.agency_edit.setPlaceholderText(self.tr("e.g. Tochka Advertising Agency"))
        self.logo_edit = QLineEdit(str(settings.extra.get("agency_logo", "") or ""))
        self.logo_edit.setPlaceholderText(self.tr("PNG or JPEG file (optional)"))
        self.logo_button = QPushButton(self.tr("Choose…"))
        self.logo_button.clicked.connect(self._on_logo_button_clicked)
        logo_row = QWidget()
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        logo_layout.addWidget(self.logo_edit, 1)
        logo_layout.addWidget(self.logo_button)
        logo_row.setFocusProxy(self.logo_edit)
        self.logo_error = QLabel()
        self.logo_error.setWordWrap(True)
        self.logo_error.setStyleSheet("color: #c0392b;")
        self.logo_error.hide()
        agency_form = QFormLayout(agency)
        agency_form.addRow(self.tr("Agency &name:"), self.agency_edit)
        agency_form.addRow(self.tr("&Logo:"), logo_row)
        agency_form.addRow("", self.logo_error)

        # Storage
        storage = QGroupBox(self.tr("Data"))
        self.local_radio = QRadioButton(self.tr("On this computer (embedded database)"))
        self.server_radio = QRadioButton(self.tr("On a team server (PostgreSQL)"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.local_radio)
        self.mode_group.addButton(self.server_radio)
        self.folder_edit = QLineEdit(settings.data_dir or str(location.data_dir))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        folder_row = QWidget()
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder_edit, 1)
        folder_layout.addWidget(self.browse_button)
        folder_row.setFocusProxy(self.folder_edit)
        self.url_edit = QLineEdit(settings.database_url)
        self.url_edit.setPlaceholderText("postgresql://user@server:5432/mailsource")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Stored in the system keyring"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        form = QFormLayout()
        form.addRow(self.tr("Data &folder:"), folder_row)
        form.addRow(self.tr("Server &URL:"), self.url_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow("", test_row)
        self.explicit_note = QLabel()
        self.explicit_note.setWordWrap(True)
        if location.explicit:
            self.explicit_note.setText(
                self.tr(
                    "This session uses the data folder given on the command line ({folder}); "
                    "the folder chosen here applies to normal starts."
                ).format(folder=location.data_dir)
            )
        else:
            self.explicit_note.hide()
        storage_layout = QVBoxLayout(storage)
        storage_layout.addWidget(self.local_radio)
        storage_layout.addWidget(self.server_radio)
        storage_layout.addLayout(form)
        storage_layout.addWidget(self.explicit_note)
        note = QLabel(
            self.tr("Changes to the language or the data location apply when Mailsource restarts.")
        )
        note.setWordWrap(True)
        (self.server_radio if settings.database_url else self.local_radio).setChecked(True)
        self.mode_group.buttonToggled.connect(self._update_enabled)
        self._update_enabled()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(agency)
        layout.addWidget(storage)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.result_settings = settings

    # -- helpers -------------------------------------------------------------------------------
    def _update_enabled(self, *_args: object) -> None:
        server = self.server_radio.isChecked()
        self.folder_edit.setEnabled(not server)
        self.browse_button.setEnabled(not server)
        for widget in (self.url_edit, self.password_edit, self.test_button):
            widget.setEnabled(server)

    def edited_settings(self) -> Settings:
        """The settings as edited (the URL without its password)."""
        url = ""
        if self.server_radio.isChecked() and self.url_edit.text().strip():
            url, _ = split_password(self.url_edit.text())
        folder = self.folder_edit.text().strip()
        if folder and Path(folder) == default_data_dir():
            folder = ""
        if self.location.explicit and folder == str(self.location.data_dir):
            # The field shows this session's --data-dir; leave the saved choice alone.
            folder = self.original.data_dir
        extra = dict(self.original.extra)
        logo = self.logo_edit.text().strip()
        if logo:
            extra["agency_logo"] = logo
        else:
            extra.pop("agency_logo", None)
        return replace(
            self.original,
            language=str(self.language_combo.currentData()),
            database_url=url,
            data_dir=folder,
            agency_name=" ".join(self.agency_edit.text().split()),
            extra=extra,
        )

    def logo_problem(self) -> str:
        """Why the logo file cannot be used, or "" (none chosen, or a readable image)."""
        path = self.logo_edit.text().strip()
        if not path:
            return ""
        if not Path(path).is_file():
            return self.tr("The logo file {file} does not exist.").format(file=path)
        if QImage(path).isNull():
            return self.tr("{file} is not a PNG or JPEG image that can be printed.").format(
                file=path
            )
        return ""

    def requires_restart(self) -> bool:
        new = self.result_settings
        old = self.original
        return (new.language, new.database_url, new.data_dir) != (
            old.language,
            old.database_url,
            old.data_dir,
        )

    def _full_url(self) -> tuple[str, str]:
        url, password = split_password(self.url_edit.text())
        return url, self.password_edit.text() or password

    # -- slots ---------------------------------------------------------------------------------
    def _on_browse_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the data folder"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def _on_logo_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the agency's logo"),
            self.logo_edit.text(),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if path:
            self.logo_edit.setText(path)

    def _on_test_button_clicked(self) -> None:
        try:
            url, password = self._full_url()
            target = server_target(url)
        except AppError as exc:
            self.test_result.setText(exc.message)
            return
        if password:
            target = type(target)(target.url.set(password=password), None)
        full = target.url.render_as_string(hide_password=False)
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        self.test_task = (
            Task(lambda _progress, _token: probe_server(full), name="test-connection", context=self)
            .on_success(self._on_test_succeeded)
            .on_failure(self._on_test_failed)
            .start(queue="probe")
        )

    def _on_test_succeeded(self, result: str) -> None:
        version, _, schema = result.partition("|")
        if schema:
            text = self.tr("Connected: PostgreSQL {version}, Mailsource data (schema {schema}).")
        else:
            text = self.tr("Connected: PostgreSQL {version}, empty database (set up on first use).")
        self.test_result.setText(text.format(version=version, schema=schema))
        self.test_button.setEnabled(True)

    def _on_test_failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, AppError) else str(exc)
        self.test_result.setText(message)
        self.test_button.setEnabled(True)

    def _on_buttons_accepted(self) -> None:
        problem = self.logo_problem()
        self.logo_error.setText(problem)
        self.logo_error.setVisible(bool(problem))
        if problem:
            self.logo_edit.setFocus()
            return
        try:
            settings = self.edited_settings()
            if self.server_radio.isChecked():
                url, password = self._full_url()
                if not url:
                    self.test_result.setText(self.tr("Enter the server URL."))
                    return
                if password:
                    set_password(password_key(server_target(url).url), password)
        except AppError as exc:
            show_error(self, exc)
            return
        self.result_settings = settings
        self.accept()
