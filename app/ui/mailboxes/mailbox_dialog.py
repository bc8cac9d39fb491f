"""Adding or editing a mailbox: a preset, the account, the server, and what to read.

"Test connection" logs in on a worker and fills the folder list from the server's LIST, with the
special-use flags deciding which folder is spam and which holds the sent mail. The password goes
from the field to the service, which hands it to the OS keyring; it is never kept anywhere else.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError, ValidationError
from app.core.mailboxes.model import FolderRole, Mailbox, MailboxFields, Security
from app.core.mailboxes.presets import Preset, preset, presets
from app.ui.dialogs.form import FormDialog
from app.ui.mailboxes.mailbox_table_model import security_label
from app.ui.tasks import Task

DEFAULT_SINCE_DAYS = 90
DEFAULT_PORTS = {Security.SSL: 993, Security.STARTTLS: 143, Security.PLAIN: 143}
FOLDER_ROLE = Qt.ItemDataRole.UserRole


class MailboxDialog(FormDialog):
    """The fields of a mailbox account, with presets and a background connection test."""

    def __init__(
        self,
        mailbox: Mailbox | None = None,
        *,
        stored_password: Callable[[], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit mailbox") if mailbox else self.tr("Add mailbox")
        super().__init__(title, parent)
        self.setMinimumWidth(560)
        self.mailbox = mailbox
        self._stored_password = stored_password
        self._sent_touched = False
        self.test_task: Task | None = None
        self.report: object | None = None

        self.preset_combo = QComboBox()
        for item in presets():
            self.preset_combo.addItem(item.name, item.key)
        self.note_label = QLabel()
        self.note_label.setObjectName("presetNote")
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.RichText)
        self.note_label.setOpenExternalLinks(True)
        self.note_label.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding
        )
        self.note_label.setStyleSheet(
            "#presetNote { background: palette(alternate-base); border-radius: 4px; padding: 6px; }"
        )
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Optional, e.g. “Sales inbox”"))
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText("imap.example.ru")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(993)
        self.security_combo = QComboBox()
        for security in Security:
            self.security_combo.addItem(security_label(security), security)
        # A check box cannot wrap its text: the warning is a label, the consent a short box.
        self.plaintext_warning = QLabel(
            self.tr(
                "Without encryption the password and the mail travel over the network in the "
                "clear. Use it only inside a network you trust."
            )
        )
        self.plaintext_warning.setWordWrap(True)
        self.plaintext_warning.setStyleSheet("color: #c0392b;")
        self.plaintext_check = QCheckBox(self.tr("I accept this risk"))
        plaintext_box = QWidget()
        plaintext_layout = QVBoxLayout(plaintext_box)
        plaintext_layout.setContentsMargins(0, 0, 0, 0)
        plaintext_layout.addWidget(self.plaintext_warning)
        plaintext_layout.addWidget(self.plaintext_check)
        plaintext_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.plaintext_box = plaintext_box
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("Only for a server with its own certificate"))
        self.ca_button = QPushButton(self.tr("Choose…"))
        self.ca_button.clicked.connect(self._on_ca_button_clicked)
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_edit, 1)
        ca_layout.addWidget(self.ca_button)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_label = QLabel(
            self.tr("Logs in and lists the folders, so you can choose what to read.")
        )
        self.test_label.setWordWrap(True)
        self.test_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QWidget()
        test_layout = QHBoxLayout(test_row)
        test_layout.setContentsMargins(0, 0, 0, 0)
        test_layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_layout.addWidget(self.test_label, 1)
        self.folders_list = QListWidget()
        self.folders_list.setMaximumHeight(130)
        self.sent_combo = QComboBox()
        self.sent_combo.setEditable(True)
        self.sent_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sent_line = self.sent_combo.lineEdit()
        assert sent_line is not None
        sent_line.setPlaceholderText(self.tr("None: response times not measured"))
        sent_line.textEdited.connect(self._on_sent_edited)
        self.sent_combo.activated.connect(self._on_sent_edited)
        self.since_edit = QDateEdit()
        self.since_edit.setCalendarPopup(True)
        # The locale's short format may have a two-digit year; a start date deserves all four.
        short = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        self.since_edit.setDisplayFormat(short if "yyyy" in short else short.replace("yy", "yyyy"))
        self.since_edit.setMaximumDate(QDate.currentDate())
        self.auto_spin = QSpinBox()
        self.auto_spin.setRange(0, 24 * 60)
        self.auto_spin.setSingleStep(5)
        self.auto_spin.setSuffix(self.tr(" min"))
        self.auto_spin.setSpecialValueText(self.tr("Off"))
        self.active_check = QCheckBox(self.tr("Include in “Sync All” and auto-sync"))

        self.form.addRow(self._section(self.tr("Account")))
        self.add_field("preset", self.tr("Provider:"), self.preset_combo)
        self.form.addRow(self.note_label)
        self.add_field("username", self.tr("User name:"), self.username_edit)
        self.add_field("password", self.tr("Password:"), self.password_edit)
        self.add_field("name", self.tr("Display name:"), self.name_edit)
        self.form.addRow(self._section(self.tr("Server")))
        self.add_field("host", self.tr("IMAP server:"), self.host_edit)
        self.add_field("port", self.tr("Port:"), self.port_spin)
        self.add_field("security", self.tr("Security:"), self.security_combo)
        self.add_field("allow_plaintext", "", plaintext_box)
        self.add_field("ca_file", self.tr("CA certificate:"), ca_row)
        self.form.addRow(self._section(self.tr("What to read")))
        self.form.addRow("", test_row)
        self.add_field("folders", self.tr("Folders to read:"), self.folders_list)
        self.add_field("sent_folder", self.tr("Sent folder:"), self.sent_combo)
        self.add_field("sync_since", self.tr("Sync emails since:"), self.since_edit)
        self.add_field("auto_sync_minutes", self.tr("Auto-sync every:"), self.auto_spin)
        self.add_field("active", "", self.active_check)

        self._load(mailbox)
        self.preset_combo.currentIndexChanged.connect(self._on_preset_changed)
        self.security_combo.currentIndexChanged.connect(self._on_security_changed)
        self._show_note()
        self._update_plaintext()

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    # -- loading -------------------------------------------------------------------------------
    def _load(self, box: Mailbox | None) -> None:
        key = box.preset if box else "yandex"
        self.preset_combo.setCurrentIndex(max(self.preset_combo.findData(preset(key).key), 0))
        if box is None:
            self._apply_preset(self.current_preset())
            self._set_folders(["INBOX"], checked={"INBOX"})
            since = date.today() - timedelta(days=DEFAULT_SINCE_DAYS)
            self.auto_spin.setValue(15)
            self.active_check.setChecked(True)
            self.sent_combo.setEditText("")
        else:
            self.username_edit.setText(box.username)
            self.password_edit.setPlaceholderText(
                self.tr("Stored in the system keyring; type to replace it")
            )
            self.name_edit.setText(box.name if box.name != box.username else "")
            self.host_edit.setText(box.host)
            self.port_spin.setValue(box.port)
            self.security_combo.setCurrentIndex(self.security_combo.findData(box.security))
            self.plaintext_check.setChecked(box.security is Security.PLAIN)
            self.ca_edit.setText(box.ca_file)
            self._set_folders(list(box.folders), checked=set(box.folders))
            self.sent_combo.setEditText(box.sent_folder)
            self._sent_touched = bool(box.sent_folder)
            since = box.sync_since or (box.created_at.date() - timedelta(days=DEFAULT_SINCE_DAYS))
            self.auto_spin.setValue(box.auto_sync_minutes)
            self.active_check.setChecked(box.active)
        self.since_edit.setDate(QDate(since.year, since.month, since.day))

    def current_preset(self) -> Preset:
        return preset(str(self.preset_combo.currentData()))

    def _apply_preset(self, item: Preset) -> None:
        if item.host or item.key != "other":
            self.host_edit.setText(item.host)
        self.port_spin.setValue(item.port)
        self.security_combo.setCurrentIndex(self.security_combo.findData(item.security))
        self.username_edit.setPlaceholderText(item.username_hint)

    def _show_note(self) -> None:
        item = self.current_preset()
        text = html.escape(item.note)
        if item.help_url:
            link = html.escape(item.help_url, quote=True)
            help_text = html.escape(self.tr("Provider help"))
            text += f' <a href="{link}">{help_text}</a>'
        if not item.password_login_works:
            text = f'<span style="color:#c0392b">{text}</span>'
        self.note_label.setText(text)

    def _on_preset_changed(self, _index: int) -> None:
        self._apply_preset(self.current_preset())
        self._show_note()

    def _on_security_changed(self, _index: int) -> None:
        security = self.current_security()
        if self.port_spin.value() in DEFAULT_PORTS.values():
            self.port_spin.setValue(DEFAULT_PORTS[security])
        self._update_plaintext()

    def current_security(self) -> Security:
        return Security(self.security_combo.currentData())

    def _update_plaintext(self) -> None:
        plain = self.current_security() is Security.PLAIN
        self.form.setRowVisible(self.plaintext_box, plain)
        if not plain:
            self.plaintext_check.setChecked(False)

    def _on_ca_button_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate of the mail server"),
            self.ca_edit.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_edit.setText(path)

    def _on_sent_edited(self, *_args: object) -> None:
        self._sent_touched = True

    # -- folders -------------------------------------------------------------------------------
    def _set_folders(
        self,
        names: Sequence[str],
        *,
        checked: set[str],
        roles: dict[str, FolderRole | None] | None = None,
        counts: dict[str, int | None] | None = None,
        missing: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> None:
        self.folders_list.clear()
        for name in names:
            role = (roles or {}).get(name)
            text = name
            if role is FolderRole.JUNK:
                text += " — " + self.tr("spam")
            elif role is FolderRole.SENT:
                text += " — " + self.tr("sent mail")
            count = (counts or {}).get(name)
            if count is not None:
                text += " (" + self.tr("%Ln message(s)", "", count) + ")"
            if name in missing:
                text += " — " + self.tr("not found on the server")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked
            )
            self.folders_list.addItem(item)

    def checked_folders(self) -> list[str]:
        out = []
        for row in range(self.folders_list.count()):
            item = self.folders_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def folder_names(self) -> list[str]:
        return [
            str(self.folders_list.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.folders_list.count())
        ]

    # -- results -------------------------------------------------------------------------------
    def mailbox_fields(self) -> MailboxFields:
        since = self.since_edit.date()
        return MailboxFields(
            host=self.host_edit.text(),
            username=self.username_edit.text(),
            port=self.port_spin.value(),
            security=self.current_security(),
            name=self.name_edit.text(),
            preset=self.current_preset().key,
            ca_file=self.ca_edit.text(),
            folders=tuple(self.checked_folders()),
            sent_folder=self.sent_combo.currentText().strip(),
            sync_since=date(since.year(), since.month(), since.day()),
            auto_sync_minutes=self.auto_spin.value(),
            active=self.active_check.isChecked(),
            allow_plaintext=self.plaintext_check.isChecked(),
        )

    def password(self) -> str:
        """What the user typed; "" keeps the stored password when editing."""
        return self.password_edit.text()

    def validate(self) -> None:
        """Rules the service cannot check: a new mailbox needs its password."""
        if self.mailbox is None and not self.password():
            raise ValidationError(
                self.tr(
                    "Enter the password (for most providers an app password made for mail "
                    "programs). It is stored in the system keyring only."
                ),
                field="password",
            )

    # -- test connection -----------------------------------------------------------------------
    def test_connection(self) -> None:
        """Log in on a worker and show what the server has (or what went wrong)."""
        from app.core.mail.imap import ConnectionReport
        from app.core.mail.imap import test_connection as probe

        self.error_label.hide()
        fields = self.mailbox_fields()
        if fields.security is Security.PLAIN and not fields.allow_plaintext:
            self.show_rule_error(
                self.tr("Confirm the unencrypted connection first, or choose SSL/TLS or STARTTLS."),
                "allow_plaintext",
            )
            return
        if not fields.host.strip() or not fields.username.strip():
            self.show_rule_error(
                self.tr("Enter the user name and the IMAP server first."),
                "username" if not fields.username.strip() else "host",
            )
            return
        typed = self.password()
        lookup = self._stored_password
        if not typed and lookup is None:
            self.show_rule_error(self.tr("Enter the password first."), "password")
            return
        fields = MailboxFields(
            host=fields.host.strip(),
            username=fields.username.strip(),
            port=fields.port,
            security=fields.security,
            preset=fields.preset,
            ca_file=fields.ca_file.strip(),
            allow_plaintext=fields.allow_plaintext,
        )

        def job(_progress: object, _token: object) -> ConnectionReport:
            password = typed or (lookup() if lookup is not None else None) or ""
            return probe(fields, password)

        self.test_button.setEnabled(False)
        self.test_label.setStyleSheet("")
        self.test_label.setText(self.tr("Connecting to {host}…").format(host=fields.host))
        queue = f"mailbox-{self.mailbox.id}" if self.mailbox else "mailbox-new"
        self.test_task = (
            Task(job, name="test-connection", context=self)
            .on_success(self._on_test_succeeded)
            .on_failure(self._on_test_failed)
            .start(queue)
        )

    def _on_test_succeeded(self, report: object) -> None:
        from app.core.mail.imap import ConnectionReport

        assert isinstance(report, ConnectionReport)
        self.report = report
        self.test_button.setEnabled(True)
        listed = [f.name for f in report.folders]
        roles = {f.name: f.role for f in report.folders}
        counts = {f.name: f.messages for f in report.folders}
        chosen = set(self.checked_folders()) or {report.suggested_folders[0]}
        missing = {name for name in chosen if name not in roles}
        # Folders a mailbox reads for leads; the Sent folder is read for replies anyway.
        names = [n for n in listed if roles[n] is not FolderRole.SENT] + sorted(missing)
        self._set_folders(names, checked=chosen, roles=roles, counts=counts, missing=missing)
        self.sent_combo.clear()
        self.sent_combo.addItems(listed)
        if not self._sent_touched or not self.sent_combo.currentText():
            self.sent_combo.setEditText(report.sent_folder)
        found = self.tr("Connected. %Ln message(s) in the inbox", "", report.inbox_messages)
        found += ", " + self.tr("%n folder(s)", "", len(report.folders))
        if report.sent_folder:
            found += ", " + self.tr("sent mail in “{name}”").format(name=report.sent_folder)
        self.test_label.setStyleSheet("color: #1e7d32;")
        self.test_label.setText(found + ".")

    def _on_test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        if not isinstance(exc, AppError):
            from app.ui.crash import report_bug

            report_bug(type(exc), exc, exc.__traceback__)
            return
        self.test_label.setStyleSheet("color: #c0392b;")
        self.test_label.setText(exc.message)
        self.test_label.setToolTip(exc.details)
