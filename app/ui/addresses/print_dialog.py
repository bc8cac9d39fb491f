"""Choosing what to print: channels, layout and paper; then a print preview or a PDF file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.addresses.service import AddressService
from app.core.clients.model import Channel, Client
from app.core.errors import AppError, ValidationError
from app.ui.addresses.sheet_printing import (
    Paper,
    PrintJob,
    SheetLayout,
    default_paper,
    page_layout,
    render,
    write_pdf,
)
from app.ui.errors import show_error
from app.ui.tasks import Task


def _safe_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in text).strip() or "sheets"


class PrintSheetsDialog(QDialog):
    """Channels with active addresses to tick, the layout and the paper size."""

    pdf_saved = Signal(str)
    """The path of a PDF just written."""

    def __init__(
        self,
        service: AddressService,
        client: Client,
        channels: list[Channel],
        *,
        agency: str = "",
        logo: str = "",
        selected: list[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print address sheets — {client}").format(client=client.name))
        self.setMinimumSize(560, 480)
        self.service = service
        self.client = client
        self.agency = agency
        self.logo = logo
        self.task: Task | None = None
        self.preview: QPrintPreviewDialog | None = None
        counts: dict[int, int] = {}
        for address in service.list(client.id, include_retired=False):
            if address.channel_id is not None:
                counts[address.channel_id] = counts.get(address.channel_id, 0) + 1
        chosen = set(selected or [])
        self.channel_list = QListWidget()
        for channel in channels:
            n = counts.get(channel.id, 0)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, channel.id)
            if n:
                item.setText(f"{channel.name}  —  " + self.tr("%n address(es)", "", n))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked
                    if channel.id in chosen or not chosen
                    else Qt.CheckState.Unchecked
                )
            else:
                item.setText(f"{channel.name}  —  " + self.tr("no active address"))
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable)  # shown, but not enabled
                item.setCheckState(Qt.CheckState.Unchecked)
            self.channel_list.addItem(item)
        self.all_button = QPushButton(self.tr("Select all"))
        self.none_button = QPushButton(self.tr("Select none"))
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        pick = QHBoxLayout()
        pick.addWidget(self.all_button)
        pick.addWidget(self.none_button)
        pick.addStretch(1)

        self.sheet_radio = QRadioButton(
            self.tr("One sheet per address (for whoever places the ad)")
        )
        self.list_radio = QRadioButton(self.tr("Compact list of all chosen addresses"))
        self.layout_group = QButtonGroup(self)
        self.layout_group.addButton(self.sheet_radio)
        self.layout_group.addButton(self.list_radio)
        self.sheet_radio.setChecked(True)
        self.paper_combo = QComboBox()
        self.paper_combo.addItem(self.tr("A4 (210 × 297 mm)"), Paper.A4.value)
        self.paper_combo.addItem(self.tr("Letter (8.5 × 11 in)"), Paper.LETTER.value)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(default_paper().value))
        form = QFormLayout()
        form.addRow(self.tr("Layout:"), self.sheet_radio)
        form.addRow("", self.list_radio)
        form.addRow(self.tr("&Paper:"), self.paper_combo)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("Preview and Print…"))
        self.preview_button.setDefault(True)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.preview_button.clicked.connect(self.open_preview)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        channels_label = QLabel(self.tr("&Channels to print:"))
        channels_label.setBuddy(self.channel_list)
        layout.addWidget(channels_label)
        layout.addWidget(self.channel_list, 1)
        layout.addLayout(pick)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    # -- choices -------------------------------------------------------------------------------
    def _check_all(self, checked: bool) -> None:
        for row in range(self.channel_list.count()):
            item = self.channel_list.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_checked(self, channel_ids: list[int]) -> None:
        for row in range(self.channel_list.count()):
            item = self.channel_list.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                checked = item.data(Qt.ItemDataRole.UserRole) in channel_ids
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_channels(self) -> list[int]:
        out = []
        for row in range(self.channel_list.count()):
            item = self.channel_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def chosen_layout(self) -> SheetLayout:
        return SheetLayout.LIST if self.list_radio.isChecked() else SheetLayout.SHEET

    def paper(self) -> Paper:
        return Paper(self.paper_combo.currentData())

    def job(self) -> PrintJob:
        """The print job, or a ``ValidationError`` (nothing chosen, a channel with no address)."""
        sheets = self.service.sheets(self.client.id, self.checked_channels(), agency=self.agency)
        return PrintJob(
            tuple(sheets),
            self.chosen_layout(),
            self.paper(),
            client=self.client.name,
            agency=self.agency,
            logo=self.logo,
        )

    def _job_or_error(self) -> PrintJob | None:
        try:
            job = self.job()
        except ValidationError as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            return None
        except AppError as exc:
            show_error(self, exc)
            return None
        self.error_label.hide()
        return job

    # -- preview and print ---------------------------------------------------------------------
    def open_preview(self) -> None:
        """Qt's print preview: zoom, page through, then print (or print to a PDF file)."""
        job = self._job_or_error()
        if job is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        printer.setPageLayout(page_layout(job.paper))
        printer.setDocName(self.tr("Tracking addresses — {client}").format(client=job.client))
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(self.tr("Print preview — {client}").format(client=job.client))
        preview.resize(900, 800)
        preview.paintRequested.connect(lambda device: self._paint(device, job))
        self.preview = preview
        preview.exec()
        self.preview = None

    def _paint(self, printer: QPrinter, job: PrintJob) -> None:
        try:
            render(printer, job)
        except AppError as exc:
            show_error(self, exc)

    # -- PDF -----------------------------------------------------------------------------------
    def _on_pdf_button_clicked(self) -> None:
        job = self._job_or_error()
        if job is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save address sheets as PDF"),
            f"{_safe_name(self.client.name)}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_pdf(Path(path), job)

    def save_pdf(self, path: Path, job: PrintJob | None = None) -> None:
        """Write the PDF on a worker thread, with progress and Cancel for long jobs."""
        job = job or self._job_or_error()
        if job is None or self.task is not None:
            return
        self.pdf_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.task = (
            Task(
                lambda progress, token: write_pdf(path, job, progress, token),
                name="sheets-pdf",
                context=self,
            )
            .on_success(lambda result: self._on_pdf_saved(path, len(result.pages)))
            .on_failure(self._on_pdf_failed)
            .on_cancelled(self._on_pdf_cancelled)
            .with_progress(self.tr("Saving address sheets…"), self)
            .start(queue="print")
        )

    def _on_pdf_saved(self, path: Path, pages: int) -> None:
        self.task = None
        self.pdf_button.setEnabled(True)
        self.status.setText(self.tr("Saved %n page(s) to {file}.", "", pages).format(file=path))
        self.pdf_saved.emit(str(path))

    def _on_pdf_failed(self, exc: BaseException) -> None:
        self.task = None
        self.pdf_button.setEnabled(True)
        self.status.clear()
        if isinstance(exc, AppError):
            show_error(self, exc)
            return
        from app.ui.crash import report_bug

        report_bug(type(exc), exc, exc.__traceback__)

    def _on_pdf_cancelled(self) -> None:
        self.task = None
        self.pdf_button.setEnabled(True)
        self.status.setText(self.tr("Cancelled; no file was written."))
