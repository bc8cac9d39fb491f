"""Export Report… and Export Offline Conversions…: the options, then a task with progress.

The dialogs only collect what to write; :func:`start_report_export` and
:func:`start_conversions_export` run the core's exporters on a worker with a progress dialog and
Cancel, and explain a file that cannot be written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError
from app.ui.errors import show_error
from app.ui.reports.dashboard_tab import DASHBOARD_PRESETS
from app.ui.reports.period import Period, PeriodSelector, Preset, core_period, local_zone
from app.ui.tasks import Task
from app.ui.widgets import muted

if TYPE_CHECKING:
    from app.core.reports.exports.bundle import ExportRequest, ExportResult
    from app.core.reports.exports.conversions import ConversionExport
    from app.core.workspace import Workspace

EXPORT_QUEUE = "exports"
"""Exports run on their own queue: a big one never holds up the journal or the dashboard."""

SUFFIX = {"pdf": ".pdf", "xlsx": ".xlsx", "csv": ".csv"}


def interface_language() -> str:
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


def safe_file_name(text: str) -> str:
    """A client's name as part of a file name: no slashes, quotes or colons."""
    cleaned = re.sub(r'[\\/:*?"<>|«»“”]+', "", text).strip()
    return re.sub(r"\s+", " ", cleaned) or "report"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class _PathRow(QWidget):
    """A path field with a "Choose…" button."""

    def __init__(self, chooser: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.button = QPushButton(QCoreApplication.translate("ExportDialog", "Choose…"))
        self.button.clicked.connect(chooser)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)


class ExportReportDialog(QDialog):
    """Format, CSV delimiter, period, language, lead list, agency name and the file."""

    def __init__(
        self,
        client_id: int,
        client_name: str,
        period: Period | None = None,
        agency: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Report"))
        self.setMinimumWidth(560)
        self.client_id = client_id
        self.client_name = client_name
        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("PDF report for the client"), "pdf")
        self.format_combo.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.format_combo.addItem(self.tr("CSV files, one per table"), "csv")
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.delimiter_combo = QComboBox()
        self.delimiter_combo.addItem(self.tr("Semicolon “;” (Excel in Russian)"), ";")
        self.delimiter_combo.addItem(self.tr("Comma “,”"), ",")
        self.period = PeriodSelector(DASHBOARD_PRESETS)
        if period is not None:
            last = None if period.end is None else date.fromordinal(period.end.toordinal() - 1)
            self.period.set_period(period.preset, period.start, last)
        else:
            self.period.set_period(Preset.LAST_MONTH)
        self.period.changed.connect(self._suggest_path)
        self.language_combo = QComboBox()
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("Русский", "ru")
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(interface_language()), 0)
        )
        self.agency_edit = QLineEdit(agency)
        self.agency_edit.setPlaceholderText(self.tr("Shown on the cover"))
        self.leads_check = QCheckBox(self.tr("Include the list of leads"))
        self.leads_check.setChecked(True)
        self.leads_note = muted(QLabel(self.tr("The PDF lists at most 1,000 leads.")))
        self.path_row = _PathRow(self._on_choose_clicked)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Format:"), self.format_combo)
        self.form.addRow(self.tr("Delimiter:"), self.delimiter_combo)
        self.form.addRow(self.tr("Period:"), self.period)
        self.form.addRow(self.tr("Language:"), self.language_combo)
        self.form.addRow(self.tr("Agency:"), self.agency_edit)
        self.form.addRow("", self.leads_check)
        self.form.addRow("", self.leads_note)
        self.form.addRow(self.tr("Save to:"), self.path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._suggested = ""
        self._on_format_changed()

    @property
    def format(self) -> str:
        return str(self.format_combo.currentData())

    def _on_format_changed(self, *_args: object) -> None:
        pdf, csv = self.format == "pdf", self.format == "csv"
        self.form.setRowVisible(self.delimiter_combo, csv)
        self.form.setRowVisible(self.agency_edit, pdf)
        self.form.setRowVisible(self.leads_note, pdf)
        self._suggest_path()

    def _suggest_path(self, *_args: object) -> None:
        """A file name from the client and period, unless the user typed one."""
        current = self.path_row.edit.text()
        if current and current != self._suggested:
            path = Path(current)
            self.path_row.edit.setText(str(path.with_suffix(SUFFIX[self.format])))
            return
        period = core_period(self.period.period())
        name = f"{safe_file_name(self.client_name)} {period.start:%Y-%m-%d}–{period.end:%Y-%m-%d}"
        self._suggested = str(documents_folder() / (name + SUFFIX[self.format]))
        self.path_row.edit.setText(self._suggested)

    def _on_choose_clicked(self) -> None:
        filters = {
            "pdf": self.tr("PDF files (*.pdf)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "csv": self.tr("CSV files (*.csv)"),
        }
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Report"), self.path_row.edit.text(), filters[self.format]
        )
        if name:
            self.path_row.edit.setText(name)

    def request(self) -> ExportRequest:
        from app.core.reports.exports.bundle import ExportRequest, ReportFormat

        return ExportRequest(
            client_id=self.client_id,
            period=core_period(self.period.period()),
            format=ReportFormat(self.format),
            path=Path(self.path_row.edit.text().strip()).expanduser(),
            language=str(self.language_combo.currentData()),
            delimiter=str(self.delimiter_combo.currentData()),
            agency=self.agency_edit.text().strip(),
            include_leads=self.leads_check.isChecked(),
        )


def _failed(parent: QWidget | None, path: Path) -> Callable[[BaseException], None]:
    def show(exc: BaseException) -> None:
        if isinstance(exc, AppError):
            show_error(parent, exc)
        elif isinstance(exc, OSError):
            show_error(
                parent,
                QCoreApplication.translate(
                    "ExportDialog", "Could not write {path}: {reason}"
                ).format(path=path, reason=exc.strerror or exc),
            )
        else:
            from app.ui.crash import report_bug

            report_bug(type(exc), exc, exc.__traceback__)

    return show


def start_report_export(
    ws: Workspace,
    request: ExportRequest,
    parent: QWidget | None,
    done: Callable[[ExportResult], None] | None = None,
) -> Task:
    """Write the report on a worker, with progress and Cancel."""
    from app.core.reports.exports.bundle import export_report

    task = Task(
        lambda progress, token: export_report(ws, request, progress=progress, token=token),
        name="export-report",
    )
    if done is not None:
        task.on_success(done)
    task.on_failure(_failed(parent, request.path))
    task.with_progress(QCoreApplication.translate("ExportDialog", "Exporting the report…"), parent)
    return task.start(EXPORT_QUEUE)


class ExportConversionsDialog(QDialog):
    """Yandex Metrica (by ClientID) or Google Ads (by GCLID), period, goal name, file."""

    def __init__(
        self, client_name: str, period: Period | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Offline Conversions"))
        self.setMinimumWidth(560)
        self.client_name = client_name
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Yandex Metrica (by ClientID)"), "metrica")
        self.kind_combo.addItem(self.tr("Google Ads (by GCLID)"), "google-ads")
        self.kind_combo.currentIndexChanged.connect(self._suggest_path)
        self.period = PeriodSelector(DASHBOARD_PRESETS)
        self.period.set_period(period.preset if period is not None else Preset.LAST_30)
        self.goal_edit = QLineEdit("email_lead")
        self.goal_edit.setToolTip(
            self.tr("The goal identifier (Metrica) or conversion name (Google Ads) to report")
        )
        self.deals_check = QCheckBox(self.tr("Only leads that became deals"))
        self.path_row = _PathRow(self._on_choose_clicked)
        note = muted(
            QLabel(
                self.tr(
                    "Only leads matched to a website visit that carries the id are written; "
                    "deal amounts go in as the conversion value."
                )
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Ad system:"), self.kind_combo)
        form.addRow(self.tr("Period:"), self.period)
        form.addRow(self.tr("Goal:"), self.goal_edit)
        form.addRow("", self.deals_check)
        form.addRow(self.tr("Save to:"), self.path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._suggest_path()

    def _suggest_path(self, *_args: object) -> None:
        kind = str(self.kind_combo.currentData())
        name = f"{safe_file_name(self.client_name)} {kind} conversions.csv"
        self.path_row.edit.setText(str(documents_folder() / name))

    def _on_choose_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.path_row.edit.text(), self.tr("CSV files (*.csv)")
        )
        if name:
            self.path_row.edit.setText(name)

    def options(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind_combo.currentData()),
            "period": core_period(self.period.period()),
            "goal": self.goal_edit.text().strip() or "email_lead",
            "deals_only": self.deals_check.isChecked(),
            "path": Path(self.path_row.edit.text().strip()).expanduser(),
        }


def start_conversions_export(
    ws: Workspace,
    client_id: int,
    options: dict[str, Any],
    parent: QWidget | None,
    done: Callable[[ConversionExport], None] | None = None,
) -> Task:
    from app.core.reports.exports.conversions import ConversionKind, write_conversions

    path: Path = options["path"]

    def job(progress: Any, token: Any) -> ConversionExport:
        return write_conversions(
            ws.db,
            client_id,
            ConversionKind(options["kind"]),
            path,
            goal=options["goal"],
            period=options["period"],
            tz=local_zone(),
            deals_only=options["deals_only"],
            progress=progress,
            token=token,
        )

    task = Task(job, name="export-conversions")
    if done is not None:
        task.on_success(done)
    task.on_failure(_failed(parent, path))
    task.with_progress(QCoreApplication.translate("ExportDialog", "Exporting conversions…"), parent)
    return task.start(EXPORT_QUEUE)
