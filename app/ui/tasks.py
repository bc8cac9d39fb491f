"""Background work for the GUI.

A core job is a blocking function ``fn(progress, token) -> result``. :class:`Task` runs it on a
worker thread of a serial :class:`TaskQueue` and delivers progress, the result or the error back
on the GUI thread through queued signals::

    Task(lambda progress, token: sync(ws, progress, token))
        .on_success(self._on_sync_done)
        .with_progress(self.tr("Syncing mailbox…"), parent=self)
        .start()

Progress reaches the GUI at most 10 times a second; a progress dialog appears only when the job
takes longer than half a second; Cancel sets the token the job checks between batches. An
``AppError`` is shown as a message; anything else is a bug and goes to the crash handler.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import Shiboken

from app.core.errors import AppError, Cancelled
from app.core.jobs import CancelToken

log = logging.getLogger(__name__)

JobFn = Callable[[Callable[[int, int, str], None], CancelToken], Any]
PROGRESS_INTERVAL_S = 0.1
DIALOG_DELAY_MS = 500


class TaskQueue:
    """A serial queue: tasks on one queue run one after another on a single worker thread."""

    _queues: ClassVar[dict[str, TaskQueue]] = {}

    def __init__(self, name: str) -> None:
        self.name = name
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self.pool.setObjectName(f"tasks-{name}")

    @classmethod
    def named(cls, name: str) -> TaskQueue:
        """The process-wide queue of that name (``"db"`` for database writes, one per mailbox)."""
        queue = cls._queues.get(name)
        if queue is None:
            queue = cls._queues[name] = TaskQueue(name)
        return queue

    @classmethod
    def wait_all(cls, timeout_ms: int = 30_000) -> bool:
        """Wait for every queue to drain (used when the app quits)."""
        return all(q.pool.waitForDone(timeout_ms) for q in cls._queues.values())


class _Bridge(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the calls to the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Reporter:
    """The progress callback a job gets: throttled to 10 Hz, holding no reference to the Task."""

    def __init__(self, bridge: _Bridge) -> None:
        self._bridge = bridge
        self._lock = threading.Lock()
        self._last_emit = 0.0

    def __call__(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        with self._lock:
            final = total > 0 and done >= total
            if not final and now - self._last_emit < PROGRESS_INTERVAL_S:
                return
            self._last_emit = now
        self._bridge.progressed.emit(int(done), int(total), message)


class _Runnable(QRunnable):
    """Runs a task's job on a pool thread.

    The worker must never drop the last reference to a Qt object (the task, its bridge, a
    widget the job's closure holds): Qt objects must be destroyed on their own thread. So it
    lets go of everything before it says it is done, and the GUI releases the task only after.
    """

    def __init__(self, task: Task) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task: Task | None = task

    def run(self) -> None:
        task = self._task
        self._task = None
        if task is None:
            return
        fn, token, bridge, done = task._fn, task.token, task._bridge, task._worker_done
        report = _Reporter(bridge)
        del task
        ok = False
        try:
            result = fn(report, token)
            ok = True
        except BaseException as exc:  # delivered to the GUI thread, never lost
            result = exc
        del fn, report
        if ok:
            bridge.succeeded.emit(result)
        else:
            bridge.failed.emit(result)
        del bridge, result
        done.set()


class Task(QObject):
    """One background job with its callbacks; create, configure, ``start()``."""

    finished = Signal()
    """Emitted on the GUI thread after the success, failure or cancel callbacks ran."""

    _running: ClassVar[set[Task]] = set()

    def __init__(self, fn: JobFn, *, name: str = "", context: QObject | None = None) -> None:
        """``context`` is the widget or model the callbacks belong to: if it is deleted before
        the job ends (a tab closed, a test finished), the callbacks are dropped instead of
        touching a deleted object. ``with_progress(parent=...)`` sets it when not given."""
        super().__init__()
        self._fn = fn
        self._context = context
        self.name = name or getattr(fn, "__name__", "task")
        self.token = CancelToken()
        self._bridge = _Bridge()
        self._bridge.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        self._bridge.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._bridge.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._success: list[Callable[[Any], None]] = []
        self._failure: list[Callable[[BaseException], None]] = []
        self._cancelled: list[Callable[[], None]] = []
        self._progress_cbs: list[Callable[[int, int, str], None]] = []
        self._dialog: QProgressDialog | None = None
        self._label = ""
        self._dialog_parent: QWidget | None = None
        self._worker_done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False

    # -- configuration -------------------------------------------------------------------------
    def on_success(self, callback: Callable[[Any], None]) -> Task:
        self._success.append(callback)
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Task:
        """Handle errors yourself; without a handler an AppError is shown, a bug is reported."""
        self._failure.append(callback)
        return self

    def on_cancelled(self, callback: Callable[[], None]) -> Task:
        self._cancelled.append(callback)
        return self

    def on_progress(self, callback: Callable[[int, int, str], None]) -> Task:
        self._progress_cbs.append(callback)
        return self

    def with_progress(self, label: str, parent: QWidget | None = None) -> Task:
        """Show a progress dialog with Cancel if the job runs longer than half a second."""
        self._label = label
        self._dialog_parent = parent
        if self._context is None:
            self._context = parent
        return self

    # -- running -------------------------------------------------------------------------------
    def start(self, queue: str = "db") -> Task:
        Task._running.add(self)
        if self._label:
            self._make_dialog()
        # Keep the runnable's Python wrapper alive while the pool runs it: collected early (the
        # cyclic GC on the GUI thread), PySide frees what the worker is executing: a segfault.
        self._runnable = _Runnable(self)
        TaskQueue.named(queue).pool.start(self._runnable)
        return self

    def cancel(self) -> None:
        self.token.cancel()

    def _make_dialog(self) -> None:
        dialog = QProgressDialog(self._label, self.tr("Cancel"), 0, 0, self._dialog_parent)
        dialog.setWindowTitle(self._label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(DIALOG_DELAY_MS)
        dialog.canceled.connect(self._on_dialog_canceled)
        self._dialog = dialog
        # QProgressDialog only shows itself from setValue(); make sure it does after the delay
        # even when the job reports no progress.
        QTimer.singleShot(DIALOG_DELAY_MS, self, self._maybe_show_dialog)

    def _maybe_show_dialog(self) -> None:
        if self._dialog is not None and not self.done and not self._dialog.isVisible():
            self._dialog.show()

    def _on_dialog_canceled(self) -> None:
        self.token.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))

    # -- GUI thread ----------------------------------------------------------------------------
    def _context_alive(self) -> bool:
        return self._context is None or Shiboken.isValid(self._context)

    def _on_progressed(self, done: int, total: int, message: str) -> None:
        if not self._context_alive():
            return
        if self._dialog is not None and Shiboken.isValid(self._dialog):
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total) if total else 0)
            if message and not self.token.cancelled:
                self._dialog.setLabelText(f"{self._label}\n{message}")
        for callback in self._progress_cbs:
            callback(done, total, message)

    def _on_succeeded(self, result: Any) -> None:
        self.result = result
        self._finish()
        if self._context_alive():
            for callback in self._success:
                callback(result)
        else:
            log.debug("Task %s finished after its owner was closed", self.name)
        self.finished.emit()
        self._release()

    def _on_failed(self, exc: BaseException) -> None:
        self.error = exc
        self._finish()
        alive = self._context_alive()
        if isinstance(exc, Cancelled) or (not alive and isinstance(exc, AppError)):
            log.info("Task %s ended (%s) with its owner gone or cancelled", self.name, exc)
            if not alive:
                self.finished.emit()
                self._release()
                return
            log.info("Task %s cancelled", self.name)
            for cancel_cb in self._cancelled:
                cancel_cb()
        elif self._failure and alive:
            for callback in self._failure:
                callback(exc)
        elif isinstance(exc, AppError):
            from app.ui.errors import show_error

            show_error(self._dialog_parent, exc)
        else:
            from app.ui.crash import report_bug

            report_bug(type(exc), exc, exc.__traceback__)
        self.finished.emit()
        self._release()

    def _release(self) -> None:
        """Let the task go once its worker has let go of everything (see :class:`_Runnable`),
        and never inside its own slot."""
        if self._worker_done.is_set():
            QTimer.singleShot(0, lambda: Task._running.discard(self))
        else:
            QTimer.singleShot(5, self._release)

    def _finish(self) -> None:
        self.done = True
        if self._dialog is not None:
            if Shiboken.isValid(self._dialog):
                self._dialog.hide()
                self._dialog.deleteLater()
            self._dialog = None
