"""A client's address style settings: default style, plus delimiter, alias form and the
per-visit token settings used by dynamic tracking."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from app.core.addresses.service import AddressService
from app.core.addresses.styles import (
    DEFAULT_TOKEN_SUBDOMAIN,
    PLUS_DELIMITERS,
    AddressSettings,
    AddressStyle,
    AliasForm,
    TokenMode,
    split_address,
    token_pattern,
)
from app.core.addresses.tokens import MAX_TOKEN_LENGTH, MIN_TOKEN_LENGTH
from app.core.clients.model import Client
from app.core.clients.validation import domain_to_unicode
from app.ui.addresses.address_dialog import style_explanation
from app.ui.addresses.address_table_model import style_label
from app.ui.dialogs.form import FormDialog


class AddressSettingsDialog(FormDialog):
    """Edits a client's :class:`~app.core.addresses.styles.AddressSettings`."""

    def __init__(
        self, service: AddressService, client: Client, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Address style — {client}").format(client=client.name), parent)
        self.setMinimumWidth(600)
        self.client = client
        current = service.settings(client.id)
        local, domain = split_address(client.main_address or "info@client.ru")
        shown_domain = domain_to_unicode(domain)

        self.style_combo = QComboBox()
        for style in AddressStyle:
            self.style_combo.addItem(style_label(style), style.value)
        self.style_combo.setCurrentIndex(self.style_combo.findData(current.style.value))
        self.style_note = QLabel()
        self.style_note.setWordWrap(True)
        self.style_note.setMinimumWidth(380)
        self.delimiter_combo = QComboBox()
        for delimiter in PLUS_DELIMITERS:
            self.delimiter_combo.addItem(
                f"{delimiter}   ({local}{delimiter}tv@{shown_domain})", delimiter
            )
        self.delimiter_combo.setCurrentIndex(
            max(self.delimiter_combo.findData(current.plus_delimiter), 0)
        )
        self.alias_combo = QComboBox()
        self.alias_combo.addItem(f"tv@{shown_domain}", AliasForm.TAG.value)
        self.alias_combo.addItem(f"{local}.tv@{shown_domain}", AliasForm.LOCAL_DOT_TAG.value)
        self.alias_combo.setCurrentIndex(self.alias_combo.findData(current.alias_form.value))
        self.token_combo = QComboBox()
        self.token_combo.addItem(self.tr("Off (static addresses only)"), TokenMode.OFF.value)
        self.token_combo.addItem(
            self.tr("Plus tokens ({example})").format(example=f"{local}+k7x2m@{shown_domain}"),
            TokenMode.PLUS.value,
        )
        self.token_combo.addItem(
            self.tr("Catch-all subdomain ({example})").format(
                example=f"k7x2m@{DEFAULT_TOKEN_SUBDOMAIN}.{shown_domain}"
            ),
            TokenMode.SUBDOMAIN.value,
        )
        self.token_combo.setCurrentIndex(self.token_combo.findData(current.token_mode.value))
        self.token_domain_edit = QLineEdit(domain_to_unicode(current.token_domain))
        self.token_domain_edit.setPlaceholderText(f"{DEFAULT_TOKEN_SUBDOMAIN}.{shown_domain}")
        self.token_length_spin = QSpinBox()
        self.token_length_spin.setRange(MIN_TOKEN_LENGTH, MAX_TOKEN_LENGTH)
        self.token_length_spin.setValue(current.token_length)
        self.token_example = QLabel()
        self.token_example.setWordWrap(True)
        self.token_example.setMinimumWidth(380)

        self.add_field("style", self.tr("&Default style:"), self.style_combo)
        self.form.addRow("", self.style_note)
        self.add_field("plus_delimiter", self.tr("Plus &delimiter:"), self.delimiter_combo)
        self.add_field("alias_form", self.tr("&Alias form:"), self.alias_combo)
        self.add_field("token_mode", self.tr("Per-visit &tokens:"), self.token_combo)
        self.add_field("token_domain", self.tr("Token &subdomain:"), self.token_domain_edit)
        self.add_field("token_length", self.tr("Token &length:"), self.token_length_spin)
        self.form.addRow("", self.token_example)
        for combo in (self.style_combo, self.delimiter_combo, self.token_combo):
            combo.currentIndexChanged.connect(self._update)
        self.token_domain_edit.textChanged.connect(self._update)
        self.token_length_spin.valueChanged.connect(self._update)
        self.saver = lambda: service.save_settings(client.id, self.edited_settings())
        self._update()

    def edited_settings(self) -> AddressSettings:
        mode = TokenMode(self.token_combo.currentData())
        return AddressSettings(
            style=AddressStyle(self.style_combo.currentData()),
            plus_delimiter=str(self.delimiter_combo.currentData()),
            alias_form=AliasForm(self.alias_combo.currentData()),
            token_mode=mode,
            token_domain=self.token_domain_edit.text().strip()
            if mode is TokenMode.SUBDOMAIN
            else "",
            token_length=self.token_length_spin.value(),
        )

    def _update(self, *_args: object) -> None:
        settings = self.edited_settings()
        self.style_note.setText(style_explanation(settings.style))
        subdomain = settings.token_mode is TokenMode.SUBDOMAIN
        self.token_domain_edit.setEnabled(subdomain)
        self.token_length_spin.setEnabled(settings.token_mode is not TokenMode.OFF)
        if settings.token_mode is TokenMode.OFF:
            self.token_example.setText(
                self.tr("The website shows the static address of its channel.")
            )
            return
        pattern = token_pattern(self.client.main_address or "info@client.ru", settings)
        example = pattern.replace("{token}", "x" * settings.token_length)
        note = self.tr("The website shows each visitor an address like {example}.").format(
            example=example if not subdomain or settings.token_domain else "…"
        )
        if subdomain:
            note += " " + self.tr(
                "The subdomain needs an MX record and a catch-all on the mail server."
            )
        self.token_example.setText(note)
