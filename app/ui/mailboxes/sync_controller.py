"""Running mailbox syncs from the GUI: one at a time per mailbox, by hand or on a timer.

Each sync is a :class:`~app.ui.tasks.Task` on the mailbox's own serial queue
(``mailbox-<id>``), so two syncs of one mailbox never overlap, while different mailboxes sync
side by side. Auto-sync is a ``QTimer`` per active mailbox with an interval, alive while the app
is open; a tick while that mailbox is still syncing is skipped, not queued.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.core.changes import Changes
from app.core.errors import AppError
from app.core.jobs import CancelToken, ProgressFn
from app.core.mailboxes.model import Mailbox, SyncStatus
from app.ui.errors import show_error
from app.ui.tasks import Task

if TYPE_CHECKING:
    from app.core.mail.sync import SyncResult
    from app.core.workspace import Workspace

log = logging.getLogger(__name__)

SyncFn = Callable[["Workspace", int, ProgressFn, CancelToken], "SyncResult"]


def _default_sync(ws: Workspace, mailbox_id: int, progress: ProgressFn, token: CancelToken) -> Any:
    from app.core.mail.sync import sync_mailbox

    return sync_mailbox(ws, mailbox_id, progress, token)


def queue_of(mailbox_id: int) -> str:
    """The serial queue of a mailbox: its syncs and connection tests run one after another."""
    return f"mailbox-{mailbox_id}"


class SyncController(QObject):
    """Starts, cancels and schedules mailbox syncs and reports how they went."""

    sync_started = Signal(int)
    sync_progressed = Signal(int, str)
    """Mailbox id and a line like "INBOX: 500 of 20000"."""
    sync_finished = Signal(int, object)
    """Mailbox id and the ``SyncResult``, None when cancelled, or the ``AppError``."""
    changes_made = Signal(object)

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        parent: QWidget,
        sync_fn: SyncFn | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._parent = parent
        self.sync_fn: SyncFn = sync_fn or _default_sync
        """The core job a sync runs (tests hand in their own)."""
        self.tasks: dict[int, Task] = {}
        self.timers: dict[int, QTimer] = {}

    # -- running -------------------------------------------------------------------------------
    def is_running(self, mailbox_id: int) -> bool:
        return mailbox_id in self.tasks

    def sync(self, mailbox: Mailbox, *, interactive: bool = False) -> Task | None:
        """Start syncing ``mailbox``; None when it is already syncing.

        ``interactive`` (the user asked): a progress dialog with Cancel after half a second, and
        a failure comes up as a message. Otherwise (auto-sync, Sync All) only the mailbox's row
        tells the progress and the outcome.
        """
        if mailbox.id in self.tasks:
            return None
        ws = self._workspace()
        sync_fn = self.sync_fn
        mailbox_id, client_id = mailbox.id, mailbox.client_id
        task = Task(
            lambda progress, token: sync_fn(ws, mailbox_id, progress, token),
            name=f"sync-{mailbox_id}",
            context=self,
        )
        task.on_progress(lambda done, total, message: self._on_progress(mailbox_id, message))
        task.on_success(lambda result: self._on_done(mailbox, result, interactive))
        task.on_failure(lambda exc: self._on_failed(mailbox, exc, interactive))
        task.on_cancelled(lambda: self._on_cancelled(mailbox_id, client_id))
        if interactive:
            task.with_progress(
                self.tr("Syncing {mailbox}…").format(mailbox=mailbox.display_name), self._parent
            )
        self.tasks[mailbox_id] = task
        self.sync_started.emit(mailbox_id)
        task.start(queue_of(mailbox_id))
        log.info("Sync of mailbox %s started (%s)", mailbox_id, "user" if interactive else "auto")
        return task

    def cancel(self, mailbox_id: int) -> None:
        task = self.tasks.get(mailbox_id)
        if task is not None:
            task.cancel()

    def cancel_all(self) -> None:
        for task in list(self.tasks.values()):
            task.cancel()

    def _on_progress(self, mailbox_id: int, message: str) -> None:
        self.sync_progressed.emit(mailbox_id, message)

    def _on_done(self, mailbox: Mailbox, result: SyncResult, interactive: bool) -> None:
        self.tasks.pop(mailbox.id, None)
        self.sync_finished.emit(mailbox.id, result)
        self.changes_made.emit(result.changes)
        if interactive and result.status in (SyncStatus.FAILED, SyncStatus.PARTIAL):
            show_error(self._parent, result.message, result.details)

    def _on_failed(self, mailbox: Mailbox, exc: BaseException, interactive: bool) -> None:
        self.tasks.pop(mailbox.id, None)
        if not isinstance(exc, AppError):
            self.sync_finished.emit(mailbox.id, None)
            from app.ui.crash import report_bug

            report_bug(type(exc), exc, exc.__traceback__)
            return
        # E.g. the keyring is locked: the core could not even start, so it recorded nothing.
        # Record it ourselves so the row says what is wrong until the next sync.
        changes = Changes(mailboxes=frozenset({mailbox.id}))
        try:
            changes = self._workspace().mailboxes.record_sync(
                mailbox.id, SyncStatus.FAILED, exc.message, datetime.now(UTC)
            )
        except AppError:
            log.warning("Could not record the failed sync of mailbox %s", mailbox.id)
        self.sync_finished.emit(mailbox.id, exc)
        self.changes_made.emit(changes)
        if interactive:
            show_error(self._parent, exc)

    def _on_cancelled(self, mailbox_id: int, client_id: int) -> None:
        self.tasks.pop(mailbox_id, None)
        self.sync_finished.emit(mailbox_id, None)
        # The batches committed before Cancel are kept: show them.
        self.changes_made.emit(
            Changes(mailboxes=frozenset({mailbox_id}), lead_clients=frozenset({client_id}))
        )

    # -- auto-sync -----------------------------------------------------------------------------
    def schedule(self, mailboxes: Iterable[Mailbox]) -> None:
        """Keep one timer per active mailbox with an interval; drop the others."""
        wanted = {
            box.id: box.auto_sync_minutes * 60_000
            for box in mailboxes
            if box.active and box.auto_sync_minutes > 0
        }
        for mailbox_id in list(self.timers):
            if wanted.get(mailbox_id) != self.timers[mailbox_id].interval():
                self.timers.pop(mailbox_id).stop()
        for mailbox_id, interval in wanted.items():
            if mailbox_id in self.timers:
                continue
            timer = QTimer(self)
            timer.setInterval(interval)
            timer.timeout.connect(lambda mailbox_id=mailbox_id: self._on_timer(mailbox_id))
            timer.start()
            self.timers[mailbox_id] = timer

    def _on_timer(self, mailbox_id: int) -> None:
        if mailbox_id in self.tasks:
            log.info("Auto-sync of mailbox %s skipped: still syncing", mailbox_id)
            return
        try:
            mailbox = self._workspace().mailboxes.get(mailbox_id)
        except AppError:
            timer = self.timers.pop(mailbox_id, None)
            if timer is not None:
                timer.stop()
            return
        self.sync(mailbox, interactive=False)

    def shutdown(self) -> None:
        """Stop the timers and ask running syncs to stop at their next batch."""
        for timer in self.timers.values():
            timer.stop()
        self.timers.clear()
        self.cancel_all()
