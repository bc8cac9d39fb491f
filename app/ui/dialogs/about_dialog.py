"""About Mailsource: version, where the data and logs are."""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.ui.widgets import heading

if TYPE_CHECKING:
    from app.core.workspace import Workspace


class AboutDialog(QDialog):
    """Version and locations, with buttons to open the data and log folders."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Mailsource"))
        self.setMinimumWidth(520)
        title = heading(f"{APP_NAME} {__version__}", 1.4)
        blurb = QLabel(
            self.tr(
                "Which advertising channel each inbound email came from, per client. "
                "Offline-first: the customers' mail never leaves this computer."
            )
        )
        blurb.setWordWrap(True)
        form = QFormLayout()
        database = QLabel(ws.db.describe())
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        database.setWordWrap(True)
        form.addRow(self.tr("Database:"), database)
        data_folder = QLabel(str(ws.location.data_dir))
        data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        data_folder.setWordWrap(True)
        form.addRow(self.tr("Data folder:"), data_folder)
        logs = QLabel(str(ws.location.log_dir))
        logs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        logs.setWordWrap(True)
        form.addRow(self.tr("Logs:"), logs)
        form.addRow(
            self.tr("Built with:"),
            QLabel(
                f"Python {platform.python_version()}, Qt {qVersion()}, "
                f"PySide6 {PySide6.__version__}"
            ),
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_data = QPushButton(self.tr("Open Data Folder"))
        open_data.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ws.location.data_dir)))
        )
        open_logs = QPushButton(self.tr("Open Log Folder"))
        open_logs.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ws.location.log_dir)))
        )
        buttons.addButton(open_data, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(buttons)
