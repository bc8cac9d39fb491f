"""Before an import: what the file was found to be, its first rows, the time zone and, for any
other CSV, the column mapping (saved per client)."""

from __future__ import annotations

import zoneinfo
from dataclasses import replace

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.core.visits import MAPPABLE_FIELDS, ColumnMapping, Detection, suggest_mapping
from app.core.visits.mapping import TIME_AUTO, TIME_EPOCH, TIME_EPOCH_MS

COMMON_ZONES = (
    "Europe/Moscow",
    "Europe/Kaliningrad",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Novosibirsk",
    "Asia/Vladivostok",
    "Europe/Minsk",
    "Asia/Almaty",
    "UTC",
)


def zone_combo(current: str) -> QComboBox:
    """An editable combo of IANA zones, the usual ones first."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    others = sorted(zoneinfo.available_timezones() - set(COMMON_ZONES))
    combo.addItems([*COMMON_ZONES, *others])
    combo.setCurrentText(current or "")
    combo.setMinimumContentsLength(22)
    return combo


class MappingDialog(QDialog):
    """Map a CSV's columns to visit fields; the mapping is named and saved for the client."""

    def __init__(
        self, header: tuple[str, ...], initial: ColumnMapping | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map the file's columns"))
        self._header = header
        start = initial or suggest_mapping(list(header))
        self.name_edit = QLineEdit(start.name or self.tr("My CSV export"))
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("Mapping name"), self.name_edit)
        labels = self._labels()
        for field in MAPPABLE_FIELDS:
            combo = QComboBox()
            combo.addItem(self.tr("(not in the file)"), "")
            for column in header:
                combo.addItem(column, column)
            chosen = start.columns.get(field, "")
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            self.combos[field] = combo
            form.addRow(labels.get(field, field), combo)
        self.time_format = QComboBox()
        for label, value in (
            (self.tr("Recognise automatically"), TIME_AUTO),
            (self.tr("Unix seconds"), TIME_EPOCH),
            (self.tr("Unix milliseconds"), TIME_EPOCH_MS),
        ):
            self.time_format.addItem(label, value)
        self.time_format.setCurrentIndex(max(0, self.time_format.findData(start.time_format)))
        form.addRow(self.tr("Date and time format"), self.time_format)
        self.error = QLabel()
        self.error.setStyleSheet("color: palette(highlight);")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 620)
        self.mapping: ColumnMapping | None = None

    def _labels(self) -> dict[str, str]:
        return {
            "started_at": self.tr("Visit date and time *"),
            "visit_id": self.tr("Visit id"),
            "token": self.tr("Tracking token"),
            "pool_index": self.tr("Pool address number"),
            "source": self.tr("Source"),
            "medium": self.tr("Medium"),
            "campaign": self.tr("Campaign"),
            "keyword": self.tr("Keyword"),
            "referrer": self.tr("Referrer"),
            "landing_page": self.tr("Landing page"),
            "city": self.tr("City"),
            "device": self.tr("Device"),
            "os": self.tr("Operating system"),
            "browser": self.tr("Browser"),
            "traffic_source": self.tr("Traffic type"),
            "content": self.tr("Ad content"),
            "country": self.tr("Country"),
            "screen": self.tr("Screen"),
            "duration_s": self.tr("Visit length, s"),
            "page_views": self.tr("Page views"),
            "metrica_client_id": self.tr("Metrica ClientID"),
            "ga_user_pseudo_id": self.tr("GA4 client id"),
            "gclid": self.tr("GCLID"),
            "matomo_visitor_id": self.tr("Matomo visitor id"),
            "contact_action": self.tr("Contact action"),
            "contact_page": self.tr("Contact page"),
        }

    def current_mapping(self) -> ColumnMapping:
        columns = {f: c.currentData() for f, c in self.combos.items() if c.currentData()}
        return ColumnMapping(
            columns=columns,
            time_format=str(self.time_format.currentData()),
            name=self.name_edit.text().strip(),
        )

    def _on_buttons_accepted(self) -> None:
        mapping = self.current_mapping()
        try:
            mapping.check_header(list(self._header))
            if not mapping.name:
                raise ValidationError(self.tr("Name the mapping to find it next time"))
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.mapping = mapping
        self.accept()


class ImportDialog(QDialog):
    """Says what a file is before importing it and asks for what the import still needs."""

    def __init__(
        self,
        detection: Detection,
        *,
        timezone: str,
        mappings: list[ColumnMapping],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.detection = detection
        self.setWindowTitle(self.tr("Import visits"))
        self.setMinimumWidth(640)
        self._mappings = {m.name: m for m in mappings}
        self.mapping: ColumnMapping | None = None

        found = QGroupBox(self.tr("Found in the file"))
        facts = QFormLayout(found)
        self.format_label = QLabel(detection.summary())
        self.format_label.setWordWrap(True)
        self.format_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts.addRow(self.tr("File"), QLabel(detection.path.name))
        facts.addRow(self.tr("Format"), self.format_label)
        facts.addRow(self.tr("Size"), QLabel(_size(detection.size)))

        self.preview = QTableWidget(len(detection.preview), len(detection.header))
        self.preview.setHorizontalHeaderLabels(list(detection.header))
        for r, row in enumerate(detection.preview):
            for c, value in enumerate(row[: len(detection.header)]):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.preview.setItem(r, c, item)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.horizontalHeader().setDefaultSectionSize(140)
        self.preview.verticalHeader().setVisible(False)
        self.preview.setMaximumHeight(170)

        needs = QFormLayout()
        self.zone = zone_combo(timezone)
        self.zone_hint = QLabel(
            self.tr("This export writes local times: choose the time zone of the analytics.")
            if detection.needs_timezone
            else self.tr("Times in this export are UTC: the time zone is not needed.")
        )
        self.zone_hint.setWordWrap(True)
        self.zone.setEnabled(detection.needs_timezone)
        needs.addRow(self.tr("Site time zone"), self.zone)
        needs.addRow("", self.zone_hint)
        self.mapping_combo = QComboBox()
        self.mapping_button = QPushButton(self.tr("Map Columns…"))
        self.mapping_button.clicked.connect(self._on_mapping_button_clicked)
        mapping_row = QHBoxLayout()
        mapping_row.addWidget(self.mapping_combo, 1)
        mapping_row.addWidget(self.mapping_button)
        self._fill_mappings()
        if detection.needs_mapping:
            needs.addRow(self.tr("Column mapping"), mapping_row)
        else:
            self.mapping_combo.hide()
            self.mapping_button.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(found)
        layout.addWidget(QLabel(self.tr("First rows")))
        layout.addWidget(self.preview)
        layout.addLayout(needs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @property
    def timezone(self) -> str:
        return self.zone.currentText().strip() if self.detection.needs_timezone else ""

    def _fill_mappings(self, select: str = "") -> None:
        self.mapping_combo.clear()
        if not self._mappings:
            self.mapping_combo.addItem(self.tr("(none saved yet: map the columns)"), "")
        for name in sorted(self._mappings):
            self.mapping_combo.addItem(name, name)
        if select:
            self.mapping_combo.setCurrentIndex(max(0, self.mapping_combo.findData(select)))

    def _on_mapping_button_clicked(self) -> None:
        current = self._mappings.get(str(self.mapping_combo.currentData() or ""))
        dialog = MappingDialog(self.detection.header, current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.mapping is not None:
            self._mappings[dialog.mapping.name] = dialog.mapping
            self.new_mapping = dialog.mapping
            self._fill_mappings(dialog.mapping.name)

    new_mapping: ColumnMapping | None = None
    """A mapping made in this dialog (the caller saves it for the client)."""

    def _on_buttons_accepted(self) -> None:
        if self.detection.needs_timezone:
            name = self.timezone
            try:
                zoneinfo.ZoneInfo(name)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                self._fail(self.tr("Unknown time zone: %1").replace("%1", name or "—"))
                return
        if self.detection.needs_mapping:
            chosen = self._mappings.get(str(self.mapping_combo.currentData() or ""))
            if chosen is None:
                self._fail(self.tr("Map the file's columns first."))
                return
            self.mapping = replace(chosen)
        self.accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def _size(size: int) -> str:
    # The locale's own units and decimal sign ("1,1 МБ" in Russian).
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
