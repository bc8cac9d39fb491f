"""About Mailsource: version, where the data and logs are, and the software it ships.

The "Third-party software" tab lists every component of the program with its license and the
full license text, and says where the Qt libraries are and that the user may replace them (the
LGPL-3.0 lets them; a one-folder bundle keeps them as separate files for that reason).
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.ui.licenses import Component, shipped_components
from app.ui.resources import icon_path, resources_dir
from app.ui.widgets import heading, muted

if TYPE_CHECKING:
    from app.core.workspace import Workspace


def qt_library_dir() -> Path:
    """Where the Qt libraries this process loaded live (in a bundle: inside ``_internal``)."""
    package = Path(PySide6.__file__).resolve().parent
    # PySide6 wheels keep the DLLs beside the package on Windows, in Qt/lib elsewhere.
    return package if sys.platform == "win32" else package / "Qt" / "lib"


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    """Version and locations, the licenses of what ships, and folder buttons."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("About Mailsource"))
        self.setMinimumSize(640, 520)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_tab(), self.tr("About"))
        self.components = shipped_components(resources_dir() / "licenses")
        self.tabs.addTab(self._licenses_tab(), self.tr("Third-Party Software"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_data = QPushButton(self.tr("Open Data Folder"))
        open_data.clicked.connect(lambda: self._open(ws.location.data_dir))
        open_logs = QPushButton(self.tr("Open Log Folder"))
        open_logs.clicked.connect(lambda: self._open(ws.location.log_dir))
        buttons.addButton(open_data, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    @staticmethod
    def _open(folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _about_tab(self) -> QWidget:
        ws = self.ws
        page = QWidget()
        title = heading(f"{APP_NAME} {__version__}", 1.4)
        blurb = QLabel(
            self.tr(
                "Which advertising channel each inbound email came from, per client. "
                "Offline-first: the customers' mail never leaves this computer."
            )
        )
        blurb.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Version:"), _selectable(__version__))
        form.addRow(
            self.tr("Built with:"),
            _selectable(
                self.tr("Python {python}, Qt {qt}, PySide6 {pyside}").format(
                    python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__
                )
            ),
        )
        form.addRow(self.tr("Database:"), _selectable(ws.db.describe()))
        form.addRow(self.tr("Data folder:"), _selectable(str(ws.location.data_dir)))
        form.addRow(self.tr("Logs:"), _selectable(str(ws.location.log_dir)))
        program = Path(sys.executable).resolve().parent if getattr(sys, "frozen", False) else None
        if program is not None:
            form.addRow(self.tr("Program folder:"), _selectable(str(program)))
        license_note = muted(
            QLabel(
                self.tr(
                    "Mailsource is free software under the GNU Lesser General Public License, "
                    "version 3 or later. The Third-Party Software tab lists what it includes."
                )
            )
        )
        license_note.setWordWrap(True)
        icon = QLabel()
        icon.setPixmap(QIcon(str(icon_path("mailsource.svg"))).pixmap(64, 64))
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(8)
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(blurb)
        top.addLayout(words, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(license_note)
        layout.addStretch(1)
        return page

    def _licenses_tab(self) -> QWidget:
        page = QWidget()
        qt_note = QLabel(
            self.tr(
                "Qt {qt} and PySide6 {pyside} are used under the GNU Lesser General Public "
                "License, version 3 (LGPL-3.0), and you may replace them with your own build "
                "of the same version. This copy keeps the Qt libraries as separate files in:"
                "\n{folder}\n"
                "Quit Mailsource, replace the files there (and the PySide6 modules in the folder "
                "above, if you rebuilt those too), then start it again. psycopg (LGPL-3.0) can "
                "be replaced the same way. Sources: qt.io/download-open-source and "
                "code.qt.io/pyside/pyside-setup."
            ).format(qt=qVersion(), pyside=PySide6.__version__, folder=qt_library_dir())
        )
        qt_note.setWordWrap(True)
        qt_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.component_list = QTreeWidget()
        self.component_list.setRootIsDecorated(False)
        self.component_list.setUniformRowHeights(True)
        self.component_list.setHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("License")]
        )
        self.component_list.setAccessibleName(self.tr("Components"))
        for component in self.components:
            item = QTreeWidgetItem([component.name, component.version, component.license])
            item.setToolTip(0, self._describe(component))
            item.setToolTip(2, component.license)
            self.component_list.addTopLevelItem(item)
        for column in (0, 1):
            self.component_list.resizeColumnToContents(column)
        # Name, version and a license expression side by side without truncation.
        self.component_list.setMinimumWidth(360)
        self.license_text = QPlainTextEdit()
        self.license_text.setReadOnly(True)
        self.license_text.setAccessibleName(self.tr("License text"))
        self.license_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # License files are wrapped by their authors; rewrapping them garbles the layout.
        self.license_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.component_list.currentItemChanged.connect(self._on_component_list_current_changed)
        splitter = QSplitter()
        splitter.addWidget(self.component_list)
        splitter.addWidget(self.license_text)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 480])
        count = muted(QLabel(self.tr("%n component(s) in this program.", "", len(self.components))))
        layout = QVBoxLayout(page)
        layout.addWidget(qt_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(count)
        first = self.component_list.topLevelItem(0)
        if first is not None:
            self.component_list.setCurrentItem(first)
        return page

    def _describe(self, component: Component) -> str:
        lines = [f"{component.name} {component.version}", component.license]
        if component.note:
            lines.append(self.tr("Needed by: {parent}").format(parent=component.note))
        if component.url:
            lines.append(component.url)
        return "\n".join(lines)

    def _on_component_list_current_changed(self, item: QTreeWidgetItem | None) -> None:
        row = self.component_list.indexOfTopLevelItem(item) if item is not None else -1
        if not 0 <= row < len(self.components):
            self.license_text.clear()
            return
        component = self.components[row]
        parts = [self._describe(component)]
        if not component.texts:
            parts.append(self.tr("No license file ships with this component."))
        for name, text in component.texts:
            parts.append(f"── {name} " + "─" * max(0, 60 - len(name)) + "\n\n" + text.strip())
        self.license_text.setPlainText("\n\n".join(parts))
        self.license_text.moveCursor(self.license_text.textCursor().MoveOperation.Start)
