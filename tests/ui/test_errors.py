"""User-facing errors show a message with "Copy details"; bugs reach the crash handler."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from app.core.errors import StorageError
from app.core.logs import setup_logging
from app.ui.crash import CrashDialog, CrashHandler
from app.ui.errors import ErrorDialog


def test_error_dialog_copies_message_and_details(qtbot) -> None:
    error = StorageError(
        "The database file /data/mailsource.sqlite3 is locked by another program.",
        details="OperationalError: database is locked (password=hunter2)",
    )
    dialog = ErrorDialog(error.message, error.details)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details_view.isVisible()
    dialog.toggle_button.click()
    assert dialog.details_view.isVisible()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("The database file /data/mailsource.sqlite3 is locked")
    assert "database is locked" in copied
    assert "hunter2" not in copied  # secrets never reach the clipboard
    assert dialog.copy_button.text() == "Copied"


def test_bug_in_a_thread_is_logged_and_reported(qtbot, tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path / "logs")
    try:
        handler = CrashHandler(log_file, show_dialog=False)

        def boom() -> None:
            try:
                raise RuntimeError("token=abc123 went wrong")
            except RuntimeError as exc:
                handler.handle(type(exc), exc, exc.__traceback__)

        with qtbot.waitSignal(handler.bug_reported, timeout=5000) as blocker:
            thread = threading.Thread(target=boom)
            thread.start()
            thread.join()
        summary, report = blocker.args
        assert summary == "RuntimeError: token=*** went wrong"
        assert "abc123" not in report
        for h in logging.getLogger().handlers:
            h.flush()
        assert log_file is not None
        text = log_file.read_text(encoding="utf-8")
        assert "Unhandled exception" in text and "RuntimeError" in text
        assert "abc123" not in text
    finally:
        setup_logging(None)


def test_crash_dialog_shows_the_report(qtbot, tmp_path: Path) -> None:
    dialog = CrashDialog("RuntimeError: boom", "Traceback…\n--- log ---\nline", tmp_path / "x.log")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Traceback" in dialog.view.toPlainText()
