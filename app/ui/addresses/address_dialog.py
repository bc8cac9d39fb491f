"""Dialogs that create tracking addresses: generate one for a channel, import a custom list, and
edit an address's notes.

The dialogs talk to the core's :class:`~app.core.addresses.service.AddressService` directly, so
they can be tested without the main window; the caller applies the returned ``Changes``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.core.addresses.custom_list import ListImportError, parse_list, read_list_file
from app.core.addresses.model import AddressFields, TrackingAddress
from app.core.addresses.service import AddressService
from app.core.addresses.styles import AddressStyle, compose
from app.core.addresses.tags import clean_tag
from app.core.addresses.validation import parse_address
from app.core.clients.model import Channel, Client
from app.core.clients.validation import domain_to_unicode
from app.core.errors import AppError, ValidationError
from app.ui.dialogs.form import FormDialog
from app.ui.errors import show_error
from app.ui.tasks import Task


def style_explanation(style: AddressStyle) -> str:
    """One sentence on what a style needs from the client's mail server."""
    if style is AddressStyle.PLUS:
        return QCoreApplication.translate(
            "AddressStyle",
            "Plus addresses reach the main mailbox with no set-up on most mail services "
            "(Gmail, Yandex, Mail.ru, Microsoft 365).",
        )
    if style is AddressStyle.ALIAS:
        return QCoreApplication.translate(
            "AddressStyle",
            "Alias addresses have no “+”, so every sender's form accepts them, but the mail "
            "admin must create each one as an alias of the main mailbox: export the alias list.",
        )
    return QCoreApplication.translate(
        "AddressStyle",
        "Custom addresses are ones the client already has; they are entered or imported.",
    )


def _channel_combo(
    channels: list[Channel], selected: int | None, *, none_text: str = ""
) -> QComboBox:
    combo = QComboBox()
    if none_text:
        combo.addItem(none_text, None)
    for channel in channels:
        combo.addItem(channel.name, channel.id)
    index = combo.findData(selected) if selected is not None else -1
    combo.setCurrentIndex(max(index, 0))
    return combo


class GenerateAddressDialog(FormDialog):
    """A new plus or alias address for a channel, from a suggested tag the user may edit."""

    def __init__(
        self,
        service: AddressService,
        client: Client,
        channels: list[Channel],
        channel_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Generate a tracking address"), parent)
        self.setMinimumWidth(560)
        self.service = service
        self.client = client
        self.settings = service.settings(client.id)
        self._taken = {a.address.lower() for a in service.list(client.id)}
        self.channel_combo = _channel_combo(channels, channel_id)
        self.style_combo = QComboBox()
        self.style_combo.addItem(self.tr("Plus address (info+tag@…)"), AddressStyle.PLUS.value)
        self.style_combo.addItem(self.tr("Alias (without “+”)"), AddressStyle.ALIAS.value)
        default = self.settings.style if self.settings.style is not AddressStyle.CUSTOM else None
        self.style_combo.setCurrentIndex(
            max(self.style_combo.findData((default or AddressStyle.PLUS).value), 0)
        )
        self.style_note = QLabel()
        self.style_note.setWordWrap(True)
        self.style_note.setMinimumWidth(380)
        self.tag_edit = QLineEdit()
        self.tag_edit.setMaxLength(40)
        self.tag_edit.setPlaceholderText(self.tr("latin letters, digits, - or _"))
        self.preview_label = QLabel()
        self.preview_label.setObjectName("addressPreview")
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.preview_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.preview_label.setFont(font)
        self.preview_problem = QLabel()
        self.preview_problem.setWordWrap(True)
        self.preview_problem.setStyleSheet("color: #c0392b;")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Which billboard, issue or print run…"))
        self.notes_edit.setFixedHeight(70)
        self.add_field("channel", self.tr("&Channel:"), self.channel_combo)
        self.add_field("style", self.tr("&Style:"), self.style_combo)
        self.form.addRow("", self.style_note)
        self.add_field("tag", self.tr("&Tag:"), self.tag_edit)
        self.add_field("address", self.tr("Address:"), self.preview_label)
        self.form.addRow("", self.preview_problem)
        self.add_field("notes", self.tr("&Notes:"), self.notes_edit)
        self.channel_combo.currentIndexChanged.connect(self._suggest)
        self.style_combo.currentIndexChanged.connect(self._on_style_combo_changed)
        self.tag_edit.textChanged.connect(self._update_preview)
        self.saver = self._save
        self._on_style_combo_changed()
        self.tag_edit.setFocus()

    def chosen_style(self) -> AddressStyle:
        return AddressStyle(self.style_combo.currentData())

    def channel_id(self) -> int | None:
        data = self.channel_combo.currentData()
        return int(data) if data is not None else None

    def address_fields(self) -> AddressFields:
        return AddressFields(
            channel_id=self.channel_id(),
            style=self.chosen_style(),
            tag=self.tag_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def _save(self) -> object:
        return self.service.create(self.client.id, self.address_fields())

    def _on_style_combo_changed(self, *_args: object) -> None:
        self.style_note.setText(style_explanation(self.chosen_style()))
        self._suggest()

    def _suggest(self, *_args: object) -> None:
        channel_id = self.channel_id()
        if channel_id is None:
            self._update_preview()
            return
        try:
            suggestion = self.service.suggest(channel_id, style=self.chosen_style())[0]
        except ValidationError as exc:
            self.tag_edit.clear()
            self.show_rule_error(exc.message, exc.field)
            self.preview_problem.clear()
            return
        except AppError as exc:
            show_error(self, exc)
            return
        self.error_label.hide()
        self.tag_edit.setText(suggestion.tag)

    def _update_preview(self, *_args: object) -> None:
        """Compose and validate the address as the user types; OK only when it is valid."""
        ok_button = self.buttons.button(self.buttons.StandardButton.Ok)
        try:
            if not self.client.main_address:
                raise ValidationError(
                    self.tr("The client has no main address to make plus or alias addresses from.")
                )
            tag = clean_tag(self.tag_edit.text())
            address = parse_address(
                compose(self.chosen_style(), tag, self.client.main_address, self.settings)
            )
            if address.key in self._taken:
                raise ValidationError(
                    self.tr("{address} already exists for this client; choose another tag.").format(
                        address=address.unicode
                    )
                )
        except ValidationError as exc:
            self.preview_label.setText("—")
            self.preview_problem.setText(exc.message)
            self.preview_problem.show()
            ok_button.setEnabled(False)
            return
        self.preview_label.setText(address.unicode)
        self.preview_problem.clear()
        self.preview_problem.hide()
        ok_button.setEnabled(True)


class CustomListDialog(FormDialog):
    """Paste or load the client's own addresses; all or nothing, bad lines listed by number."""

    def __init__(
        self,
        service: AddressService,
        client: Client,
        channels: list[Channel],
        channel_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Add custom addresses"), parent)
        self.setMinimumSize(620, 480)
        self.service = service
        self.client = client
        self.task: Task | None = None
        self.channel_combo = _channel_combo(
            channels, channel_id, none_text=self.tr("As named on each line (or none)")
        )
        domains = ", ".join(domain_to_unicode(d) for d in client.domains) or "—"
        intro = QLabel(
            self.tr(
                "One address per line, on the client's domains ({domains}). A line may name its "
                "channel after a comma or semicolon: “tv1@client.ru; TV”. Lines starting with # "
                "are skipped. Nothing is saved until every line is right."
            ).format(domains=domains)
        )
        intro.setWordWrap(True)
        self.list_edit = QPlainTextEdit()
        self.list_edit.setPlaceholderText("billboard1@client.ru\nbillboard2@client.ru; Billboard")
        self.list_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.load_button = QPushButton(self.tr("Load TXT or CSV file…"))
        self.load_button.clicked.connect(self._on_load_button_clicked)
        self.count_label = QLabel()
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.load_button)
        row_layout.addStretch(1)
        row_layout.addWidget(self.count_label)
        self.problems_view = QPlainTextEdit()
        self.problems_view.setObjectName("listProblems")
        self.problems_view.setReadOnly(True)
        self.problems_view.setFixedHeight(110)
        self.problems_view.hide()
        self.form.addRow(intro)
        self.add_field("channel", self.tr("&Channel:"), self.channel_combo)
        self.add_field("list", self.tr("&Addresses:"), self.list_edit)
        self.form.addRow("", row)
        self.form.addRow(self.problems_view)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(250)
        self._count_timer.timeout.connect(self._update_count)
        self.list_edit.textChanged.connect(self._count_timer.start)
        self._update_count()

    def channel_id(self) -> int | None:
        data = self.channel_combo.currentData()
        return int(data) if data is not None else None

    def load_file(self, path: Path) -> None:
        """Put a list file's text in the editor (its encoding detected)."""
        try:
            self.list_edit.setPlainText(read_list_file(path))
        except AppError as exc:
            self.show_rule_error(exc.message, "list")
            return
        self.error_label.hide()

    def _on_load_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load an address list"),
            "",
            self.tr("Address lists (*.txt *.csv);;All files (*)"),
        )
        if path:
            self.load_file(Path(path))

    def _update_count(self) -> None:
        text = self.list_edit.toPlainText()
        if not text.strip():
            self.count_label.setText("")
            return
        try:
            parsed = parse_list(
                text, domains=self.client.domains, main_address=self.client.main_address
            )
        except ValidationError as exc:
            self.count_label.setText(exc.message)
            return
        good = self.tr("%n address(es)", "", len(parsed.lines))
        if parsed.problems:
            good += " · " + self.tr("%n bad line(s)", "", len(parsed.problems))
        self.count_label.setText(good)

    def _on_buttons_accepted(self) -> None:
        """Import on the database queue; the dialog closes only when every line was saved."""
        if self.task is not None:
            return
        text = self.list_edit.toPlainText()
        client_id, channel_id = self.client.id, self.channel_id()
        self.buttons.setEnabled(False)
        self.problems_view.hide()
        self.error_label.hide()
        self.task = (
            Task(
                lambda _progress, _token: self.service.import_custom(
                    client_id, text, channel_id=channel_id
                ),
                name="import-address-list",
                context=self,
            )
            .on_success(self._on_import_succeeded)
            .on_failure(self._on_import_failed)
            .with_progress(self.tr("Importing addresses…"), self)
            .start()
        )

    def _on_import_succeeded(self, result: object) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        self.result_value = result
        self.accept()

    def _on_import_failed(self, exc: BaseException) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        if isinstance(exc, ListImportError):
            self.show_rule_error(
                self.tr("Nothing was imported: %n line(s) need fixing.", "", len(exc.problems)),
                "list",
            )
            self.problems_view.setPlainText(
                "\n".join(f"{p}   ·   {p.text.strip()}" for p in exc.problems)
            )
            self.problems_view.show()
            return
        if isinstance(exc, ValidationError):
            self.show_rule_error(exc.message, exc.field)
            return
        if isinstance(exc, AppError):
            show_error(self, exc)
            return
        from app.ui.crash import report_bug

        report_bug(type(exc), exc, exc.__traceback__)


class NotesDialog(FormDialog):
    """Where an address is placed; the address itself never changes once it may be printed."""

    def __init__(
        self, service: AddressService, address: TrackingAddress, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Notes on {address}").format(address=address.display), parent)
        self.address_label = QLabel(address.display)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_edit = QPlainTextEdit(address.notes)
        self.notes_edit.setPlaceholderText(self.tr("Which billboard, issue or print run…"))
        self.add_field("address", self.tr("Address:"), self.address_label)
        self.add_field("notes", self.tr("&Notes:"), self.notes_edit)
        self.saver = lambda: service.update_notes(address.id, self.notes_edit.toPlainText())
        self.notes_edit.setFocus()
