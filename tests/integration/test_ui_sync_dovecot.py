"""The GUI against a real Dovecot: add a mailbox with Test connection, sync, see the leads.

What a user does on the first day: pick "Other", type the server, test the connection (the folder
list and the Sent folder come from the server), save (the password goes to the keyring), press
Sync Now and find the leads with their channels in the Leads tab. Then the failures a user meets:
a wrong password and a self-signed certificate without its CA file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dovecot import DovecotServer, MailUser
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from sync_helpers import make_client, message

from app.core.mailboxes.model import SyncStatus
from app.core.workspace import Workspace
from app.ui.errors import ErrorDialog
from app.ui.leads.lead_table_model import LeadColumn
from app.ui.mailboxes.mailbox_dialog import MailboxDialog
from app.ui.mailboxes.mailbox_table_model import MailboxColumn
from app.ui.main_window import MainWindow
from tests.ui.mailboxes.keyrings import MemoryKeyring

pytestmark = pytest.mark.imap


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def window(qtbot, sqlite_workspace: Workspace, tmp_path: Path) -> Iterator[MainWindow]:
    state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    win = MainWindow(sqlite_workspace, state)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _fill(dialog: MailboxDialog, server: DovecotServer, user: MailUser, password: str) -> None:
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("other"))
    dialog.host_edit.setText("localhost")
    dialog.port_spin.setValue(server.imaps_port)
    dialog.username_edit.setText(user.name)
    dialog.password_edit.setText(password)


def _active_modal() -> QWidget | None:
    return QApplication.activeModalWidget()


def test_add_test_sync_and_see_the_leads(
    qtbot,
    window: MainWindow,
    dovecot_server: DovecotServer,
    imap_user: MailUser,
    memory_keyring: MemoryKeyring,
) -> None:
    ws = window.ws
    setup = make_client(ws)
    dovecot_server.deliver(
        imap_user,
        [message(1, to=setup.tv_address), message(2, to=setup.avito_address), message(3)],
    )
    dovecot_server.create_folder(imap_user, "Sent")
    dovecot_server.create_folder(imap_user, "Junk")
    window.reload_clients()
    window.client_list.select(setup.client_id)
    window.page.tabs.setCurrentWidget(window.page.mailboxes)

    # The dialog, driven directly: it is modal in real use, which only changes who waits.
    dialog = MailboxDialog(parent=window)
    qtbot.addWidget(dialog)
    _fill(dialog, dovecot_server, imap_user, imap_user.password)
    dialog.ca_edit.setText(str(dovecot_server.ca_file))
    dialog.test_button.click()
    assert dialog.test_task is not None
    with qtbot.waitSignal(dialog.test_task.finished, timeout=30_000):
        pass
    assert dialog.test_label.text().startswith("Connected. 3 message"), dialog.test_label.text()
    assert "INBOX" in dialog.folder_names() and "Junk" in dialog.folder_names()
    assert "Sent" not in dialog.folder_names()  # read for replies, not offered as a lead folder
    assert dialog.checked_folders() == ["INBOX"]  # spam stays optional
    assert dialog.sent_combo.currentText() == "Sent"  # from \Sent
    mailbox = ws.mailboxes.create(setup.client_id, dialog.mailbox_fields(), dialog.password()).value
    window.apply_changes(ws.mailboxes.update(mailbox.id, dialog.mailbox_fields()).changes)
    assert memory_keyring.entries  # the password went to the keyring
    assert mailbox.sent_folder == "Sent" and mailbox.ca_file == str(dovecot_server.ca_file)

    tab = window.page.mailboxes
    tab.select_mailbox(mailbox.id)
    with qtbot.waitSignal(window.mailboxes.sync.sync_finished, timeout=60_000) as finished:
        window.act_sync_now.trigger()
    result = finished.args[1]
    assert result.status is SyncStatus.OK, result.message
    assert tab.model.index(0, MailboxColumn.RESULT).data() == result.message
    assert [tab.folders.item(r, 0).text() for r in range(tab.folders.rowCount())] == [
        "INBOX",
        "Sent",
    ]

    leads = window.page.leads
    with qtbot.waitSignal(leads.model.loaded, timeout=10_000):
        window.page.tabs.setCurrentWidget(leads)
    qtbot.waitUntil(lambda: leads.counts is not None, timeout=10_000)
    assert leads.model.rowCount() == 3
    channels = {leads.model.index(r, LeadColumn.CHANNEL).data() for r in range(3)}
    assert channels == {"ТВ", "Авито", "Untracked"}
    assert leads.counts_label.text().startswith("3 lead")


@pytest.mark.usefixtures("memory_keyring")
def test_wrong_password_and_untrusted_certificate_in_words(
    qtbot,
    window: MainWindow,
    on_error_dialog,
    dovecot_server: DovecotServer,
    imap_user: MailUser,
) -> None:
    ws = window.ws
    setup = make_client(ws)
    window.reload_clients()
    window.client_list.select(setup.client_id)
    window.page.tabs.setCurrentWidget(window.page.mailboxes)

    dialog = MailboxDialog(parent=window)
    qtbot.addWidget(dialog)
    _fill(dialog, dovecot_server, imap_user, imap_user.password)  # no CA file
    dialog.test_button.click()
    assert dialog.test_task is not None
    with qtbot.waitSignal(dialog.test_task.finished, timeout=30_000):
        pass
    assert "certificate" in dialog.test_label.text(), dialog.test_label.text()
    assert "CA certificate file" in dialog.test_label.text()

    dialog.ca_edit.setText(str(dovecot_server.ca_file))
    dialog.password_edit.setText("not-the-password")
    mailbox = ws.mailboxes.create(setup.client_id, dialog.mailbox_fields(), dialog.password()).value
    window.apply_changes(ws.mailboxes.update(mailbox.id, dialog.mailbox_fields()).changes)
    window.page.mailboxes.select_mailbox(mailbox.id)
    shown = on_error_dialog()
    with qtbot.waitSignal(window.mailboxes.sync.sync_finished, timeout=60_000):
        window.page.mailboxes.sync_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    row = window.page.mailboxes.model.index(0, MailboxColumn.RESULT).data()
    assert row.startswith("Failed: "), row
    assert shown[0] in row
    assert "not-the-password" not in row
    assert ws.mailboxes.get(mailbox.id).last_sync_status is SyncStatus.FAILED


@pytest.fixture
def on_error_dialog():
    """Close the next ErrorDialog and remember its message."""
    from PySide6.QtCore import QTimer

    def arm() -> list[str]:
        seen: list[str] = []

        def poll() -> None:
            widget = _active_modal()
            if not isinstance(widget, ErrorDialog) or not widget.isVisible():
                QTimer.singleShot(10, poll)
                return
            seen.append(widget.message)
            widget.reject()

        QTimer.singleShot(0, poll)
        return seen

    return arm


@pytest.mark.usefixtures("memory_keyring")
def test_a_big_first_sync_from_the_window_parses_in_the_helper_process(  # noqa: PLR0917 - fixtures
    qtbot,
    window: MainWindow,
    dovecot_server: DovecotServer,
    imap_user: MailUser,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Sync Now on a folder big enough for the parser process (spawned from the window's
    worker thread): every lead arrives, and no process is left behind."""
    import logging
    import multiprocessing

    from sync_helpers import add_mailbox

    from app.core.mail import batch
    from app.core.mail.sync import HELPER_FROM

    started = batch._Helper.check_started
    # The folder syncs in about a second: wait for the helper instead of parsing here meanwhile.
    monkeypatch.setattr(batch._Helper, "check_started", lambda self, timeout=0.0: started(self, 60))
    ws = window.ws
    setup = make_client(ws)
    count = HELPER_FROM + 500
    dovecot_server.write_maildir(
        imap_user,
        [message(n, to=setup.tv_address if n % 2 else setup.avito_address) for n in range(count)],
    )
    mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id)
    ws.mailboxes.set_password(mailbox.id, imap_user.password)
    window.reload_clients()
    window.client_list.select(setup.client_id)
    window.page.tabs.setCurrentWidget(window.page.mailboxes)
    window.page.mailboxes.select_mailbox(mailbox.id)
    sync_finished = window.mailboxes.sync.sync_finished
    with (
        caplog.at_level(logging.DEBUG, logger="app.core.mail.sync"),
        qtbot.waitSignal(sync_finished, timeout=120_000) as finished,
    ):
        window.act_sync_now.trigger()
    result = finished.args[1]
    assert result.status is SyncStatus.OK, result.message
    assert result.new_leads == count
    assert "INBOX: 3 of 3 batches parsed by the helper process" in caplog.messages
    assert multiprocessing.active_children() == []
