"""Bugs: anything that is not an ``AppError`` and escapes.

``sys.excepthook`` and ``threading.excepthook`` log the traceback and open a crash dialog with
the log tail, on the GUI thread. Qt's own warnings are routed into logging.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.logs import log_tail, redact

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class CrashDialog(QDialog):
    """Says that Mailsource hit a bug, shows what happened and the log tail."""

    def __init__(
        self, summary: str, report: str, log_file: Path | None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mailsource hit a problem"))
        self.setMinimumSize(620, 420)
        self.report = report
        intro = QLabel(
            self.tr(
                "Something went wrong inside Mailsource. Your data is safe: the operation was "
                "not saved. You can continue working; if it happens again, send the report "
                "below to your administrator or the developers."
            )
        )
        intro.setWordWrap(True)
        summary_label = QLabel(f"<b>{_escape(summary)}</b>")
        summary_label.setWordWrap(True)
        view = QPlainTextEdit(report)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view = view
        buttons = QDialogButtonBox()
        copy = QPushButton(self.tr("Copy report"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.report))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        if log_file is not None:
            open_logs = QPushButton(self.tr("Open log folder"))
            open_logs.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file.parent)))
            )
            buttons.addButton(open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        quit_button = buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        quit_button.clicked.connect(QApplication.quit)
        cont = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        cont.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(summary_label)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CrashHandler(QObject):
    """Receives bugs from any thread and shows them on the GUI thread, one dialog at a time."""

    bug_reported = Signal(str, str)

    def __init__(self, log_file: Path | None, *, show_dialog: bool = True) -> None:
        super().__init__()
        self.log_file = log_file
        self.show_dialog = show_dialog
        self._showing = False
        self.bug_reported.connect(self._on_bug_reported, Qt.ConnectionType.QueuedConnection)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("Unhandled exception:\n%s", text)
        summary = redact(f"{exc_type.__name__}: {exc}")
        self.bug_reported.emit(summary, redact(text))

    def _on_bug_reported(self, summary: str, text: str) -> None:
        if not self.show_dialog or self._showing:
            return
        self._showing = True
        try:
            tail = log_tail(self.log_file)
            report = f"{text}\n--- log ---\n{tail}" if tail else text
            CrashDialog(summary, report, self.log_file, QApplication.activeWindow()).exec()
        finally:
            self._showing = False


_handler: CrashHandler | None = None


def install(log_file: Path | None, *, show_dialog: bool = True) -> CrashHandler:
    """Install the exception hooks and the Qt message handler for this process."""
    global _handler  # noqa: PLW0603 - one crash handler per process, like sys.excepthook itself
    _handler = CrashHandler(log_file, show_dialog=show_dialog)
    handler = _handler
    sys.excepthook = handler.handle

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            handler.handle(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
    qInstallMessageHandler(_qt_message)
    return handler


def report_bug(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Report a bug caught by our own code (e.g. a failed background task)."""
    if _handler is not None:
        _handler.handle(exc_type, exc, tb)
    else:
        log.critical("Unhandled exception", exc_info=(exc_type, exc, tb))


def _qt_message(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(msg_type, logging.WARNING)
    qt_log.log(level, "%s", message)
