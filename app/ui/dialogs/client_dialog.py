"""Creating and editing a client project."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.core.clients.model import Client, ClientFields
from app.core.clients.validation import CURRENCIES, address_to_unicode, domain_to_unicode
from app.ui.dialogs.form import FormDialog


class ClientDialog(FormDialog):
    """Name, main address, email domains, currency and notes of a client."""

    def __init__(self, client: Client | None = None, parent: QWidget | None = None) -> None:
        title = self.tr("New client") if client is None else self.tr("Edit client")
        super().__init__(title, parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Dental clinic “Smile”"))
        self.name_edit.setMaxLength(200)
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText("info@client.ru")
        self.domains_edit = QLineEdit()
        self.domains_edit.setPlaceholderText(self.tr("client.ru, client.рф"))
        self.domains_edit.setToolTip(
            self.tr(
                "The client's own email domains, separated by commas. Mail from these domains "
                "is not counted as a lead. The main address's domain is added automatically."
            )
        )
        self.currency_combo = QComboBox()
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(CURRENCIES)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Contract, contacts, reporting schedule…"))
        self.notes_edit.setFixedHeight(90)
        self.add_field("name", self.tr("&Name:"), self.name_edit)
        self.add_field("main_address", self.tr("Main &address:"), self.address_edit)
        self.add_field("domains", self.tr("Email &domains:"), self.domains_edit)
        self.add_field("currency", self.tr("&Currency:"), self.currency_combo)
        self.add_field("notes", self.tr("N&otes:"), self.notes_edit)
        if client is not None:
            self.name_edit.setText(client.name)
            self.address_edit.setText(address_to_unicode(client.main_address))
            self.domains_edit.setText(", ".join(domain_to_unicode(d) for d in client.domains))
            self.currency_combo.setCurrentText(client.currency)
            self.notes_edit.setPlainText(client.notes)
        else:
            self.currency_combo.setCurrentText("RUB")
        self.name_edit.setFocus()

    def client_fields(self) -> ClientFields:
        domains = tuple(d for d in re.split(r"[,;\s]+", self.domains_edit.text()) if d)
        return ClientFields(
            name=self.name_edit.text(),
            domains=domains,
            main_address=self.address_edit.text(),
            currency=self.currency_combo.currentText(),
            notes=self.notes_edit.toPlainText(),
        )
