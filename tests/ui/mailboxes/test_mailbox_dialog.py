"""Adding, editing and removing mailboxes through the window, as a user does it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.core.clients.model import ClientFields
from app.core.credentials import SERVICE
from app.core.leads.model import LeadQuery
from app.core.mailboxes.model import MailboxFields, Security
from app.core.mailboxes.presets import presets
from app.ui.errors import ErrorDialog
from app.ui.mailboxes.mailbox_dialog import MailboxDialog
from app.ui.mailboxes.mailbox_table_model import MailboxColumn
from app.ui.main_window import MainWindow
from tests.ui.leads.fake_leads import seed_leads

PASSWORD = "app-pass-Зх7"


def _client(window: MainWindow, name: str = "Стоматология «Улыбка»") -> int:
    client_id = window.ws.clients.create(ClientFields(name=name)).value.id
    window.reload_clients()
    window.client_list.select(client_id)
    window.page.tabs.setCurrentWidget(window.page.mailboxes)
    return client_id


def _fill_gmail(dialog: MailboxDialog) -> None:
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("gmail"))
    dialog.username_edit.setText("info@ulybka-dent.ru")
    dialog.password_edit.setText(PASSWORD)


def _button(box: QWidget, text: str) -> QPushButton:
    assert isinstance(box, QMessageBox)
    for button in box.buttons():
        if button.text() == text:
            assert isinstance(button, QPushButton)
            return button
    raise AssertionError(f"no button {text!r}")


def test_empty_client_invites_to_add_a_mailbox(window: MainWindow) -> None:
    _client(window)
    tab = window.page.mailboxes
    assert tab.stack.currentWidget() is tab.empty
    assert window.page.tabs.tabText(window.page.tabs.indexOf(tab)) == "Mailboxes"
    assert window.act_add_mailbox.isEnabled() and window.act_sync_now.isEnabled()


def test_presets_fill_the_server_and_explain_the_password(qtbot) -> None:
    dialog = MailboxDialog()
    qtbot.addWidget(dialog)
    assert dialog.host_edit.text() == "imap.yandex.ru"  # the first preset
    seen = {}
    for item in presets():
        dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData(item.key))
        seen[item.key] = (dialog.host_edit.text(), dialog.port_spin.value())
        assert dialog.current_security() is item.security
        assert dialog.username_edit.placeholderText() == item.username_hint
        if item.key != "other":
            assert "password" in dialog.note_label.text().lower(), item.key
    assert seen["gmail"] == ("imap.gmail.com", 993)
    assert seen["mailru"] == ("imap.mail.ru", 993)
    assert seen["microsoft365"][0] == "outlook.office365.com"
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("microsoft365"))
    assert "#c0392b" in dialog.note_label.text()  # password logins are off: shown as a warning
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    assert dialog.checked_folders() == ["INBOX"]
    # STARTTLS moves the port to 143 when it was the default
    dialog.security_combo.setCurrentIndex(dialog.security_combo.findData(Security.STARTTLS))
    assert dialog.port_spin.value() == 143


def test_add_from_a_preset_stores_the_password_in_the_keyring_only(
    window: MainWindow, on_modal, memory_keyring, state: QSettings
) -> None:
    client_id = _client(window)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MailboxDialog)
        _fill_gmail(dialog)
        dialog.auto_spin.setValue(30)
        dialog.buttons.accepted.emit()

    seen = on_modal(fill)
    window.act_add_mailbox.trigger()
    assert seen, "the mailbox dialog did not open"
    [box] = window.ws.mailboxes.list(client_id)
    assert (box.host, box.port, box.security, box.preset) == (
        "imap.gmail.com",
        993,
        Security.SSL,
        "gmail",
    )
    assert box.folders == ("INBOX",) and box.auto_sync_minutes == 30
    assert box.sync_since is not None
    assert memory_keyring.entries == {(SERVICE, f"mailbox:{box.id}"): PASSWORD}
    tab = window.page.mailboxes
    assert tab.stack.currentWidget() is tab.list_page
    assert tab.model.index(0, MailboxColumn.ACCOUNT).data() == "info@ulybka-dent.ru"
    assert tab.model.index(0, MailboxColumn.SERVER).data() == "imap.gmail.com:993 · SSL/TLS"
    assert tab.model.index(0, MailboxColumn.RESULT).data() == "Not synced yet"
    assert window.page.tabs.tabText(window.page.tabs.indexOf(tab)) == "Mailboxes (1)"
    assert window.mailboxes.sync.timers[box.id].interval() == 30 * 60_000
    window.save_state()
    assert PASSWORD not in Path(state.fileName()).read_text(encoding="utf-8")
    location = window.ws.location
    for path in (location.database_file, location.settings_file, *location.log_dir.glob("*")):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_a_new_mailbox_needs_its_password(window: MainWindow, on_modal, memory_keyring) -> None:
    client_id = _client(window)
    messages = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MailboxDialog)
        _fill_gmail(dialog)
        dialog.password_edit.clear()
        dialog.buttons.accepted.emit()
        messages.append(dialog.error_label.text())
        assert dialog.isVisible()
        dialog.reject()

    on_modal(fill)
    window.act_add_mailbox.trigger()
    assert "password" in messages[0]
    assert window.ws.mailboxes.list(client_id) == []


def test_no_encryption_needs_the_warning_ticked(
    window: MainWindow, on_modal, memory_keyring
) -> None:
    client_id = _client(window)
    states = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MailboxDialog)
        dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("other"))
        dialog.host_edit.setText("mail.local")
        dialog.username_edit.setText("office")
        dialog.password_edit.setText(PASSWORD)
        assert not dialog.form.isRowVisible(dialog.plaintext_box)
        dialog.security_combo.setCurrentIndex(dialog.security_combo.findData(Security.PLAIN))
        assert dialog.form.isRowVisible(dialog.plaintext_box)
        dialog.buttons.accepted.emit()
        states.append((dialog.isVisible(), dialog.error_label.text()))
        dialog.plaintext_check.setChecked(True)
        dialog.buttons.accepted.emit()

    on_modal(fill)
    window.act_add_mailbox.trigger()
    still_open, message = states[0]
    assert still_open and "unencrypted" in message
    [box] = window.ws.mailboxes.list(client_id)
    assert box.security is Security.PLAIN and box.port == 143


def test_missing_keyring_is_explained_and_nothing_is_saved(
    window: MainWindow, on_modal, on_dialog, no_keyring
) -> None:
    client_id = _client(window)
    errors: list[str] = []

    def answer_error(box: ErrorDialog) -> None:
        errors.append(box.message)
        box.reject()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MailboxDialog)
        _fill_gmail(dialog)
        on_dialog(ErrorDialog, answer_error)
        dialog.buttons.accepted.emit()
        assert dialog.isVisible(), "the form closed: what the user typed would be lost"
        dialog.reject()

    on_modal(fill)
    window.act_add_mailbox.trigger()
    assert errors and "keyring" in errors[0]
    assert window.ws.mailboxes.list(client_id) == []


def test_edit_keeps_the_stored_password_unless_a_new_one_is_typed(
    window: MainWindow, on_modal, memory_keyring
) -> None:
    client_id = _client(window)
    box = window.ws.mailboxes.create(
        client_id,
        MailboxFields(host="imap.yandex.ru", username="zakaz@stroydom.ru", preset="yandex"),
        PASSWORD,
    ).value
    window.apply_changes(
        window.ws.mailboxes.update(
            box.id,
            MailboxFields(host="imap.yandex.ru", username="zakaz@stroydom.ru", preset="yandex"),
        ).changes
    )
    tab = window.page.mailboxes
    tab.select_mailbox(box.id)

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, MailboxDialog)
        assert dialog.username_edit.text() == "zakaz@stroydom.ru"
        assert dialog.password_edit.text() == ""
        assert "keyring" in dialog.password_edit.placeholderText()
        dialog.name_edit.setText("Отдел продаж")
        dialog.auto_spin.setValue(0)
        dialog.buttons.accepted.emit()

    on_modal(edit)
    tab.edit_button.click()
    edited = window.ws.mailboxes.get(box.id)
    assert edited.name == "Отдел продаж" and edited.auto_sync_minutes == 0
    assert memory_keyring.entries[(SERVICE, f"mailbox:{box.id}")] == PASSWORD
    assert box.id not in window.mailboxes.sync.timers  # auto-sync turned off
    assert tab.model.index(0, MailboxColumn.ACCOUNT).data() == "Отдел продаж (zakaz@stroydom.ru)"

    def new_password(dialog: QWidget) -> None:
        assert isinstance(dialog, MailboxDialog)
        dialog.password_edit.setText("new-app-password")
        dialog.buttons.accepted.emit()

    on_modal(new_password)
    tab.edit_button.click()
    assert memory_keyring.entries[(SERVICE, f"mailbox:{box.id}")] == "new-app-password"


def test_remove_asks_first_and_keeps_the_leads(
    window: MainWindow, on_modal, memory_keyring
) -> None:
    client_id = _client(window)
    box = window.ws.mailboxes.create(
        client_id, MailboxFields(host="imap.mail.ru", username="a@b.ru"), PASSWORD
    ).value
    seed_leads(window.ws, client_id, 5)
    window.apply_changes(
        window.ws.mailboxes.update(
            box.id, MailboxFields(host="imap.mail.ru", username="a@b.ru")
        ).changes
    )
    tab = window.page.mailboxes
    tab.select_mailbox(box.id)
    texts = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        texts.append(dialog.informativeText())
        dialog.reject()

    on_modal(cancel)
    tab.remove_button.click()
    assert "stay with the client" in texts[0]
    assert window.ws.mailboxes.list(client_id) != []

    on_modal(lambda box_: _button(box_, "Remove").click())
    tab.remove_button.click()
    assert window.ws.mailboxes.list(client_id) == []
    assert memory_keyring.entries == {}
    assert window.ws.leads.count(LeadQuery(client_id)) == 5
    assert tab.stack.currentWidget() is tab.empty


@pytest.mark.parametrize("security", [Security.SSL, Security.STARTTLS])
def test_test_connection_reports_an_unreachable_server_in_words(qtbot, security: Security) -> None:
    from tests.conftest import free_port

    dialog = MailboxDialog()
    qtbot.addWidget(dialog)
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("other"))
    dialog.host_edit.setText("127.0.0.1")
    dialog.security_combo.setCurrentIndex(dialog.security_combo.findData(security))
    dialog.port_spin.setValue(free_port())  # nothing listens there
    dialog.username_edit.setText("info@client.ru")
    dialog.password_edit.setText(PASSWORD)
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled()  # running in the background
    assert dialog.test_task is not None
    with qtbot.waitSignal(dialog.test_task.finished, timeout=30_000):
        pass
    assert dialog.test_button.isEnabled()
    assert "refused the connection" in dialog.test_label.text()
    assert PASSWORD not in dialog.test_label.text() + dialog.test_label.toolTip()
    assert dialog.checked_folders() == ["INBOX"]  # nothing changed


def test_folder_list_is_checkable_and_read_back(qtbot) -> None:
    dialog = MailboxDialog()
    qtbot.addWidget(dialog)
    dialog._set_folders(["INBOX", "Spam"], checked={"INBOX"})
    dialog.folders_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.mailbox_fields().folders == ("INBOX", "Spam")
