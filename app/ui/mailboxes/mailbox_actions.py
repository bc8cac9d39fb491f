"""What the user does with mailboxes, wired between the main window, the tabs and the core.

The main window owns one :class:`MailboxActions`: it opens the mailbox dialog, removes, tests and
syncs mailboxes, keeps the auto-sync timers in step with the saved mailboxes, and reloads the
Leads tab when a sync brought new leads. Every change goes back to the window as ``Changes``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.changes import Changes
from app.core.errors import AppError
from app.core.mailboxes.model import Mailbox
from app.ui.errors import show_error
from app.ui.mailboxes.mailbox_dialog import MailboxDialog
from app.ui.mailboxes.sync_controller import SyncController, SyncFn, queue_of
from app.ui.tasks import Task

if TYPE_CHECKING:
    from app.core.workspace import Workspace
    from app.ui.leads.leads_tab import LeadsTab
    from app.ui.mailboxes.mailboxes_tab import MailboxesTab

log = logging.getLogger(__name__)


class MailboxActions(QObject):
    """Add, edit, remove, test and sync mailboxes; auto-sync while the app is open."""

    changes_made = Signal(object)
    """A :class:`Changes` the window should apply."""
    message = Signal(str)
    """A short note for the status bar."""

    def __init__(
        self,
        window: QWidget,
        workspace: Callable[[], Workspace],
        client_id: Callable[[], int | None],
        mailboxes_tab: MailboxesTab,
        leads_tab: LeadsTab,
        *,
        sync_fn: SyncFn | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._workspace = workspace
        self._client_id = client_id
        self.tab = mailboxes_tab
        self.leads_tab = leads_tab
        self.sync = SyncController(workspace, window, sync_fn)
        self.sync.changes_made.connect(self.changes_made)
        self.sync.sync_started.connect(self._on_sync_started)
        self.sync.sync_progressed.connect(self._on_sync_progressed)
        self.sync.sync_finished.connect(self._on_sync_finished)
        self.tab.workspace = workspace
        self.tab.running = self.sync.is_running
        self.tab.add_requested.connect(self.add_mailbox)
        self.tab.edit_requested.connect(self.edit_mailbox)
        self.tab.test_requested.connect(self.test_mailbox)
        self.tab.sync_requested.connect(self.sync_mailbox)
        self.tab.cancel_requested.connect(self.sync.cancel)
        self.tab.remove_requested.connect(self.remove_mailbox)
        self.leads_tab.add_mailbox_requested.connect(self.add_mailbox)
        self.leads_tab.reattribute_requested.connect(self.reattribute)

    def attach(self, ws: Workspace) -> None:
        """The workspace is open: give the Leads tab its service and start the timers."""
        self.leads_tab.attach(ws.leads)
        self.reschedule()

    def reschedule(self) -> None:
        try:
            self.sync.schedule(self._workspace().mailboxes.list())
        except AppError as exc:
            log.warning("Auto-sync not scheduled: %s", exc)

    def apply_changes(self, changes: Changes) -> None:
        """Follow changes the window applied: timers for edited mailboxes, new leads."""
        if changes.mailboxes or changes.deleted_mailboxes or changes.deleted_clients:
            self.reschedule()
        client_id = self._client_id()
        if client_id is not None and client_id in changes.lead_clients:
            self.leads_tab.reload()

    def shutdown(self) -> None:
        self.sync.shutdown()

    # -- dialog flows --------------------------------------------------------------------------
    def add_mailbox(self) -> None:
        client_id = self._client_id()
        if client_id is None:
            return
        ws = self._workspace()
        dialog = MailboxDialog(parent=self.window)

        def save() -> Any:
            dialog.validate()
            return ws.mailboxes.create(client_id, dialog.mailbox_fields(), dialog.password())

        dialog.saver = save
        if dialog.exec():
            mailbox: Mailbox = dialog.result_value.value
            self.changes_made.emit(dialog.result_value.changes)
            self.tab.select_mailbox(mailbox.id)
            self.message.emit(
                self.tr("Mailbox {name} added. Sync it to read its mail.").format(
                    name=mailbox.display_name
                )
            )

    def edit_mailbox(self, mailbox_id: int) -> None:
        ws = self._workspace()
        try:
            mailbox = ws.mailboxes.get(mailbox_id)
        except AppError as exc:
            show_error(self.window, exc)
            return
        dialog = MailboxDialog(
            mailbox,
            stored_password=lambda: ws.mailboxes.password(mailbox_id),
            parent=self.window,
        )
        dialog.saver = lambda: ws.mailboxes.update(
            mailbox_id, dialog.mailbox_fields(), dialog.password() or None
        )
        if dialog.exec():
            self.changes_made.emit(dialog.result_value.changes)
            self.tab.select_mailbox(mailbox_id)

    def remove_mailbox(self, mailbox_id: int) -> None:
        ws = self._workspace()
        try:
            mailbox = ws.mailboxes.get(mailbox_id)
        except AppError as exc:
            show_error(self.window, exc)
            return
        if self.sync.is_running(mailbox_id):
            show_error(
                self.window,
                self.tr(
                    "{name} is syncing. Cancel the sync or wait for it, then remove it."
                ).format(name=mailbox.display_name),
            )
            return
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Remove mailbox"))
        box.setText(self.tr("Remove the mailbox {name}?").format(name=mailbox.display_name))
        box.setInformativeText(
            self.tr(
                "The leads already read from it stay with the client. Its password is deleted "
                "from the system keyring; nothing on the mail server changes."
            )
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is not remove:
            return
        try:
            changes = ws.mailboxes.delete(mailbox_id)
        except AppError as exc:
            show_error(self.window, exc)
            return
        self.changes_made.emit(changes)
        self.message.emit(self.tr("Mailbox {name} removed.").format(name=mailbox.display_name))

    def test_mailbox(self, mailbox_id: int) -> Task | None:
        """Log in with the saved settings and password; report what the server has."""
        from app.core.mail.imap import ConnectionReport, test_connection

        ws = self._workspace()
        try:
            mailbox = ws.mailboxes.get(mailbox_id)
        except AppError as exc:
            show_error(self.window, exc)
            return None

        def job(_progress: object, _token: object) -> ConnectionReport:
            password = ws.mailboxes.password(mailbox_id) or ""
            return test_connection(mailbox, password)

        def done(report: ConnectionReport) -> None:
            text = self.tr("Connected to {host} as {user}.").format(
                host=mailbox.host, user=mailbox.username
            )
            text += " " + self.tr("%Ln message(s) in the inbox", "", report.inbox_messages)
            text += "; " + self.tr("folders: {names}.").format(
                names=", ".join(f.name for f in report.folders)
            )
            QMessageBox.information(self.window, self.tr("Test connection"), text)

        return (
            Task(job, name="test-connection", context=self)
            .on_success(done)
            .with_progress(self.tr("Connecting to {host}…").format(host=mailbox.host), self.window)
            .start(queue_of(mailbox_id))
        )

    def reattribute(self, client_id: int) -> Task:
        """Match the client's stored mail again (after its addresses changed), in the background."""
        from app.core.attribution.reattribute import reattribute

        ws = self._workspace()

        def done(changes: Changes) -> None:
            self.changes_made.emit(changes)
            self.message.emit(
                self.tr("Leads matched again: channels updated.")
                if changes.lead_clients
                else self.tr("Leads matched again: nothing changed.")
            )

        return (
            Task(lambda progress, token: reattribute(ws, client_id, progress, token))
            .on_success(done)
            .with_progress(self.tr("Matching the stored mail again…"), self.window)
            .start("db")
        )

    # -- syncing -------------------------------------------------------------------------------
    def sync_mailbox(self, mailbox_id: int) -> None:
        try:
            mailbox = self._workspace().mailboxes.get(mailbox_id)
        except AppError as exc:
            show_error(self.window, exc)
            return
        if self.sync.sync(mailbox, interactive=True) is None:
            self.message.emit(
                self.tr("{name} is already syncing.").format(name=mailbox.display_name)
            )

    def sync_now(self) -> None:
        """F5: the selected mailbox on the Mailboxes tab, else every mailbox of the client."""
        client_id = self._client_id()
        if client_id is None:
            return
        selected = self.tab.current_mailbox() if self.tab.isVisible() else None
        if selected is not None:
            self.sync_mailbox(selected.id)
            return
        try:
            mailboxes = [m for m in self._workspace().mailboxes.list(client_id) if m.active]
        except AppError as exc:
            show_error(self.window, exc)
            return
        if not mailboxes:
            self.message.emit(self.tr("This client has no mailbox to sync yet."))
            return
        if len(mailboxes) == 1:
            self.sync_mailbox(mailboxes[0].id)
            return
        for mailbox in mailboxes:
            self.sync.sync(mailbox)

    def sync_all(self) -> int:
        """Every active mailbox of every client, each on its own queue; returns how many."""
        try:
            mailboxes = [m for m in self._workspace().mailboxes.list() if m.active]
        except AppError as exc:
            show_error(self.window, exc)
            return 0
        started = sum(1 for m in mailboxes if self.sync.sync(m) is not None)
        self.message.emit(self.tr("Syncing %n mailbox(es)…", "", started))
        return started

    def _on_sync_started(self, mailbox_id: int) -> None:
        self.tab.model.set_progress(mailbox_id, self.tr("Syncing…"))

    def _on_sync_progressed(self, mailbox_id: int, message: str) -> None:
        text = self.tr("Syncing {what}").format(what=message) if message else self.tr("Syncing…")
        self.tab.model.set_progress(mailbox_id, text)

    def _on_sync_finished(self, mailbox_id: int, _outcome: object) -> None:
        self.tab.model.set_progress(mailbox_id, None)
