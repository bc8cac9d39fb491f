"""The background task runner: results, errors, cancel and throttled progress on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from app.core.demo import DEMO_CLIENTS, generate_demo
from app.core.errors import StorageError
from app.core.jobs import CancelToken
from app.core.workspace import Workspace
from app.ui.tasks import Task


def _gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_result_arrives_on_the_gui_thread(qtbot) -> None:
    worker_threads: list[threading.Thread] = []
    received: list[tuple[object, bool]] = []

    def job(progress, token: CancelToken) -> int:
        worker_threads.append(threading.current_thread())
        return 42

    task = Task(job).on_success(
        lambda r: received.append((r, QThread.currentThread() is _gui_thread()))
    )
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start(queue="test")
    assert received == [(42, True)]
    assert worker_threads and worker_threads[0] is not threading.main_thread()


def test_app_error_goes_to_the_failure_handler(qtbot) -> None:
    errors: list[BaseException] = []

    def job(progress, token):
        raise StorageError("The disk holding /data is full.")

    task = Task(job).on_failure(errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start(queue="test")
    assert [str(e) for e in errors] == ["The disk holding /data is full."]


def test_cancel_is_seen_by_the_job_between_batches(qtbot) -> None:
    started = threading.Event()
    batches: list[int] = []
    cancelled: list[bool] = []

    def job(progress, token: CancelToken) -> None:
        started.set()
        for batch in range(10_000):
            token.raise_if_cancelled()
            batches.append(batch)
            # wait for the GUI to cancel instead of sleeping a fixed time
            token._event.wait(0.01)

    task = Task(job).on_cancelled(lambda: cancelled.append(True))
    task.start(queue="test")
    qtbot.waitUntil(started.is_set, timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert cancelled == [True]
    assert len(batches) < 10_000


def test_progress_is_throttled_but_the_last_report_arrives(qtbot) -> None:
    seen: list[tuple[int, int]] = []

    def job(progress, token) -> None:
        for i in range(1, 100_001):
            progress(i, 100_000, "")

    task = Task(job).on_progress(lambda done, total, _msg: seen.append((done, total)))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start(queue="test")
    assert seen[-1] == (100_000, 100_000)
    assert len(seen) < 100  # 10 Hz at most, plus the final report


def test_demo_generation_runs_as_a_task_with_a_progress_dialog(
    qtbot, sqlite_workspace: Workspace
) -> None:
    task = Task(lambda progress, token: generate_demo(sqlite_workspace, progress, token))
    task.with_progress("Preparing demo data…")
    with qtbot.waitSignal(task.finished, timeout=20_000):
        task.start()
    assert task.error is None
    names = {c.name for c in sqlite_workspace.clients.list(include_archived=True)}
    assert names == {d.fields.name for d in DEMO_CLIENTS}
    # running it again adds nothing (idempotent)
    again = Task(lambda progress, token: generate_demo(sqlite_workspace, progress, token))
    with qtbot.waitSignal(again.finished, timeout=20_000):
        again.start()
    assert again.result.empty


@pytest.mark.parametrize("cancel_first", [True])
def test_cancelled_demo_leaves_a_consistent_database(
    qtbot, sqlite_workspace: Workspace, cancel_first: bool
) -> None:
    token = CancelToken()
    token.cancel()
    from app.core.errors import Cancelled

    with pytest.raises(Cancelled):
        generate_demo(sqlite_workspace, token=token)
    assert sqlite_workspace.clients.list(include_archived=True) == []


def test_callbacks_are_dropped_when_their_owner_is_gone(qtbot) -> None:
    from PySide6.QtCore import QObject

    owner = QObject()
    release = threading.Event()
    called: list[object] = []

    def job(progress, token) -> int:
        release.wait(10)
        return 1

    task = Task(job, context=owner).on_success(called.append)
    task.start(queue="test")
    owner.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(owner), timeout=5000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    assert called == []
