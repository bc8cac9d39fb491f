"""Syncing from the window: progress on the row, Cancel, errors in words, auto-sync, Sync All.

The sync job here is a stand-in with the core's signature and result type, so the GUI's side can
be driven step by step; the real engine against a real Dovecot is in
``tests/integration/test_ui_sync_dovecot.py``.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from app.core.changes import Changes
from app.core.clients.model import ClientFields
from app.core.credentials import KeyringError
from app.core.jobs import CancelToken, ProgressFn
from app.core.mail.sync import SyncResult
from app.core.mailboxes.model import Mailbox, MailboxFields, SyncStatus
from app.core.workspace import Workspace
from app.ui.errors import ErrorDialog
from app.ui.mailboxes.mailbox_table_model import MailboxColumn
from app.ui.main_window import MainWindow
from tests.ui.leads.fake_leads import seed_leads


class FakeSync:
    """Reports progress, waits for the test to open the gate, then ends as told."""

    def __init__(self, outcome: str = "ok", leads: int = 2) -> None:
        self.gate = threading.Event()
        self.calls: list[int] = []
        self.outcome = outcome
        self.leads = leads

    def __call__(
        self, ws: Workspace, mailbox_id: int, progress: ProgressFn, token: CancelToken
    ) -> SyncResult:
        self.calls.append(mailbox_id)
        box = ws.mailboxes.get(mailbox_id)
        progress(0, self.leads, f"INBOX: 0 of {self.leads}")
        while not self.gate.wait(0.01):
            if token.cancelled:
                ws.mailboxes.record_sync(
                    mailbox_id, SyncStatus.CANCELLED, "Cancelled.", datetime.now(UTC)
                )
                token.raise_if_cancelled()
        if self.outcome == "keyring":
            raise KeyringError("The system keyring is not available.", details="NoKeyringError")
        if self.outcome == "auth":
            status, message = SyncStatus.FAILED, f"{box.host} wants an app password."
        else:
            seed_leads(ws, box.client_id, self.leads)
            status, message = SyncStatus.OK, f"{self.leads} new leads, 0 replies found."
        changes = ws.mailboxes.record_sync(mailbox_id, status, message, datetime.now(UTC))
        if status is SyncStatus.OK:
            changes |= Changes(lead_clients=frozenset({box.client_id}))
        return SyncResult(
            mailbox_id=mailbox_id,
            status=status,
            folders=(),
            new_leads=self.leads if status is SyncStatus.OK else 0,
            replies_found=0,
            message=message,
            changes=changes,
            details="LOGIN failed: [AUTHENTICATIONFAILED]" if status is SyncStatus.FAILED else "",
            error_kind="auth" if status is SyncStatus.FAILED else "",
        )


def _mailbox(window: MainWindow, fake: FakeSync, auto: int = 0, name: str = "Улыбка") -> Mailbox:
    ws = window.ws
    client_id = ws.clients.create(ClientFields(name=name)).value.id
    result = ws.mailboxes.create(
        client_id,
        MailboxFields(
            host="imap.yandex.ru", username=f"info@{client_id}.ru", auto_sync_minutes=auto
        ),
    )
    window.mailboxes.sync.sync_fn = fake
    window.reload_clients()
    window.client_list.select(client_id)
    window.apply_changes(result.changes)
    window.page.tabs.setCurrentWidget(window.page.mailboxes)
    window.page.mailboxes.select_mailbox(result.value.id)
    return result.value


def _result_text(window: MainWindow) -> Any:
    return window.page.mailboxes.model.index(0, MailboxColumn.RESULT).data()


def test_sync_now_shows_progress_then_the_new_leads(qtbot, window: MainWindow) -> None:
    fake = FakeSync()
    box = _mailbox(window, fake)
    tab = window.page.mailboxes
    window.act_sync_now.trigger()  # F5 on the Mailboxes tab: the selected mailbox
    qtbot.waitUntil(lambda: _result_text(window) == "Syncing INBOX: 0 of 2", timeout=10_000)
    assert not tab.sync_button.isEnabled() and tab.cancel_button.isVisible()
    assert window.mailboxes.sync.sync(box) is None, "a second sync of the mailbox started"
    with qtbot.waitSignal(window.mailboxes.sync.sync_finished, timeout=10_000):
        fake.gate.set()
    assert fake.calls == [box.id]
    assert _result_text(window) == "2 new leads, 0 replies found."
    assert tab.model.index(0, MailboxColumn.LAST_SYNC).data() != "—"
    assert tab.sync_button.isEnabled() and not tab.cancel_button.isVisible()
    leads = window.page.leads
    with qtbot.waitSignal(leads.model.loaded, timeout=10_000):
        window.page.tabs.setCurrentWidget(leads)
    assert leads.model.rowCount() == 2


def test_failed_sync_says_why_on_the_row_and_in_a_message(
    qtbot, window: MainWindow, on_dialog
) -> None:
    fake = FakeSync("auth")
    fake.gate.set()
    _mailbox(window, fake)
    shown: list[ErrorDialog] = []

    def answer(dialog: ErrorDialog) -> None:
        shown.append(dialog)
        dialog.copy_button.click()
        dialog.reject()

    on_dialog(ErrorDialog, answer)
    window.page.mailboxes.sync_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].message == "imap.yandex.ru wants an app password."
    assert "AUTHENTICATIONFAILED" in shown[0].copied_text()
    qtbot.waitUntil(lambda: str(_result_text(window)).startswith("Failed:"), timeout=10_000)
    assert _result_text(window) == "Failed: imap.yandex.ru wants an app password."
    index = window.page.mailboxes.model.index(0, MailboxColumn.RESULT)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None  # shown in red
    # the whole sentence under the table, where it is not cut off
    assert window.page.mailboxes.result_label.text().endswith(
        "Failed: imap.yandex.ru wants an app password."
    )


def test_locked_keyring_during_sync_is_shown_and_recorded(
    qtbot, window: MainWindow, on_dialog
) -> None:
    fake = FakeSync("keyring")
    fake.gate.set()
    box = _mailbox(window, fake)
    shown: list[str] = []
    on_dialog(ErrorDialog, lambda d: (shown.append(d.message), d.reject()))
    window.page.mailboxes.sync_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "keyring" in shown[0]
    qtbot.waitUntil(lambda: "keyring" in str(_result_text(window)), timeout=10_000)
    assert window.ws.mailboxes.get(box.id).last_sync_status is SyncStatus.FAILED


def test_cancel_stops_the_sync(qtbot, window: MainWindow) -> None:
    fake = FakeSync()
    box = _mailbox(window, fake)
    tab = window.page.mailboxes
    tab.sync_button.click()
    qtbot.waitUntil(tab.cancel_button.isVisible, timeout=10_000)
    with qtbot.waitSignal(window.mailboxes.sync.sync_finished, timeout=10_000):
        tab.cancel_button.click()
    assert not window.mailboxes.sync.is_running(box.id)
    assert _result_text(window) == "Cancelled."
    assert tab.sync_button.isEnabled()


def test_auto_sync_never_runs_two_syncs_of_one_mailbox(qtbot, window: MainWindow) -> None:
    fake = FakeSync()
    box = _mailbox(window, fake, auto=15)
    timer = window.mailboxes.sync.timers[box.id]
    assert timer.isActive() and timer.interval() == 15 * 60_000
    timer.timeout.emit()  # the interval elapsed
    qtbot.waitUntil(lambda: fake.calls == [box.id], timeout=10_000)
    timer.timeout.emit()  # elapsed again while the first sync still runs: skipped
    timer.timeout.emit()
    with qtbot.waitSignal(window.mailboxes.sync.sync_finished, timeout=10_000):
        fake.gate.set()
    assert fake.calls == [box.id]
    assert _result_text(window) == "2 new leads, 0 replies found."


def test_sync_all_starts_every_active_mailbox(qtbot, window: MainWindow) -> None:
    fake = FakeSync()
    fake.gate.set()
    first = _mailbox(window, fake, name="Первый")
    second = _mailbox(window, fake, name="Второй")
    ws = window.ws
    paused = ws.mailboxes.update(
        second.id, MailboxFields(host="imap.yandex.ru", username="x@y.ru", active=False)
    ).value
    third = _mailbox(window, fake, name="Третий")
    done: list[int] = []
    window.mailboxes.sync.sync_finished.connect(lambda mailbox_id, _r: done.append(mailbox_id))
    notes: list[str] = []
    window.mailboxes.message.connect(notes.append)
    window.act_sync_all.trigger()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10_000)
    assert sorted(fake.calls) == sorted([first.id, third.id])
    assert paused.id not in fake.calls
    assert notes[0].startswith("Syncing 2 mailbox")


def test_match_again_reattributes_stored_mail(qtbot, window: MainWindow) -> None:
    from app.core.addresses.model import AddressFields
    from app.core.addresses.styles import AddressStyle
    from app.core.clients.model import ChannelFields
    from app.core.leads.model import UNTRACKED, LeadQuery

    ws = window.ws
    client_id = ws.clients.create(
        ClientFields(name="Ромашка", domains=("client.ru",), main_address="info@client.ru")
    ).value.id
    # Mail stored before the address existed: untracked.
    seed_leads(ws, client_id, 6, recipient="info+site@client.ru")
    channel = ws.channels.create(client_id, ChannelFields(name="Сайт")).value.id
    address = ws.addresses.create(
        client_id, AddressFields(channel_id=channel, style=AddressStyle.PLUS, tag="site")
    ).value
    assert address.address == "info+site@client.ru"
    window.reload_clients()
    window.client_list.select(client_id)
    leads = window.page.leads
    with qtbot.waitSignal(leads.model.loaded, timeout=10_000):
        window.page.tabs.setCurrentWidget(leads)
    assert {leads.model.index(r, 3).data() for r in range(6)} == {"Untracked"}
    notes: list[str] = []
    window.mailboxes.message.connect(notes.append)
    with qtbot.waitSignal(leads.model.loaded, timeout=30_000):
        leads.reattribute_button.click()
    assert notes == ["Leads matched again: channels updated."]
    assert ws.leads.count(LeadQuery(client_id, channel_id=channel)) == 6
    assert ws.leads.count(LeadQuery(client_id, channel_id=UNTRACKED)) == 0
    assert {leads.model.index(r, 3).data() for r in range(6)} == {"Сайт"}
