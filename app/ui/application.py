"""Starting the GUI: the application object, language, crash handling, one window per data folder.

``run_gui`` is what ``mailsource`` (no command), ``--demo`` and ``--smoke-test`` call.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from app import APP_NAME, ORG_NAME, __version__
from app.core.errors import AppError, DataInUseError, StorageError
from app.core.logs import setup_logging
from app.core.paths import DB_URL_ENV, Location, resolve_location
from app.core.settings import load_settings, save_settings
from app.core.storage.lock import DataFolderLock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer
    from PySide6.QtWidgets import QWidget

    from app.core.workspace import Workspace
    from app.ui.main_window import MainWindow
    from app.ui.tasks import Task

log = logging.getLogger(__name__)


def _instance_name(location: Location) -> str:
    import hashlib  # here: its OpenSSL binding is a few ms the window need not wait for

    digest = hashlib.sha1(str(location.data_dir).encode("utf-8")).hexdigest()[:16]
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return f"mailsource-{user}-{digest}"


def _ask_running_instance_to_activate(name: str) -> bool:
    """Ask the window that holds this data folder to come forward; True when it answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(500):
        return False
    socket.write(b"activate\n")
    socket.flush()  # may already write everything, so waitForBytesWritten could wait for nothing
    ok = socket.bytesToWrite() == 0 or socket.waitForBytesWritten(500)
    socket.disconnectFromServer()
    return ok


def _restart_command() -> tuple[str, list[str]]:
    if getattr(sys, "frozen", False):
        return sys.executable, sys.argv[1:]
    return sys.executable, ["-m", "app", *sys.argv[1:]]


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window; returns the process exit code.

    The window shows first, with the data folder locked; the database is opened and migrated on
    a worker thread and shown when ready, so start-up never waits for SQLAlchemy, a migration or
    a team server's network round trips.
    """
    smoke = bool(getattr(args, "smoke_test", False))
    demo = bool(getattr(args, "demo", False))
    if smoke:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    throwaway: Path | None = None
    data_dir = args.data_dir
    if (demo or smoke) and not data_dir:
        prefix = "mailsource-demo-" if demo else "mailsource-smoke-"
        import tempfile

        throwaway = Path(tempfile.mkdtemp(prefix=prefix))
        data_dir = str(throwaway)
    location = resolve_location(data_dir)
    level = logging.DEBUG if args.verbose else logging.INFO
    log_file = setup_logging(location.log_dir, level=level)
    log.info("Mailsource %s starting (data %s)", __version__, location.data_dir)

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import install_language
    from app.ui.resources import icon_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("mailsource")
    icon = icon_path("mailsource.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    settings = load_settings(location.settings_file)
    install_language(app, args.lang or settings.language)
    # Until the crash dialog is installed (once the window shows), a bug is at least logged.
    sys.excepthook = _log_uncaught

    lock = DataFolderLock(location.data_dir)
    try:
        lock.acquire()
    except DataInUseError as exc:
        if _ask_running_instance_to_activate(_instance_name(location)):
            print(
                f"Mailsource is already open for {location.data_dir}; switched to it.",
                file=sys.stderr,
            )
        else:
            _tell(exc, smoke)
        return exc.exit_code
    except AppError as exc:
        _tell(exc, smoke)
        return exc.exit_code

    from app.ui.main_window import MainWindow

    state = QSettings(str(location.config_dir / "ui-state.ini"), QSettings.Format.IniFormat)
    team = bool(args.db_url or os.environ.get(DB_URL_ENV) or settings.database_url)
    where = app.translate("Startup", "the team server") if team else str(location.data_dir)
    window = MainWindow(None, state, demo=demo, opening=where)

    restart = {"wanted": False}

    def on_restart() -> None:
        restart["wanted"] = True
        window.close()

    window.restart_requested.connect(on_restart)
    window.show()
    log.info("Main window shown")
    opener = _WorkspaceOpener(location, args, window, smoke=smoke, demo=demo)
    servers: list[QLocalServer] = []

    def after_first_paint() -> None:
        # What the window need not wait for: the crash dialog, the local socket through which
        # another start brings this window forward, and the database (opened on a worker).
        if smoke:  # like the benchmark's bare window: once the event loop runs, window shown
            print("smoke test: window shown", flush=True)
        window.bind_shortcuts()
        from app.ui import crash

        crash.install(log_file, show_dialog=not smoke)
        servers.append(_listen_for_activation(location, window))
        opener.start()

    QTimer.singleShot(0, after_first_paint)
    code = app.exec()
    from app.ui.tasks import TaskQueue

    TaskQueue.wait_all()
    for server in servers:
        server.close()
    if window.attached:
        window.ws.close()
    lock.release()
    if throwaway is not None and not demo:
        import shutil

        shutil.rmtree(throwaway, ignore_errors=True)
    if restart["wanted"]:
        from PySide6.QtCore import QProcess

        program, arguments = _restart_command()
        QProcess.startDetached(program, arguments)
    return opener.exit_code if opener.exit_code else code


def _listen_for_activation(location: Location, window: MainWindow) -> QLocalServer:
    """Another start on this data folder asks this window forward through a local socket."""
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer(window)
    name = _instance_name(location)
    QLocalServer.removeServer(name)  # a crashed run may have left its socket; we hold the lock
    server.listen(name)

    def activate() -> None:
        while server.hasPendingConnections():
            conn = server.nextPendingConnection()
            conn.readyRead.connect(conn.readAll)
            conn.disconnected.connect(conn.deleteLater)
        log.info("Activated by another start of Mailsource")
        window.showNormal()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(activate)
    return server


def _log_uncaught(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    log.critical("Unhandled exception during start-up", exc_info=(exc_type, exc, tb))
    sys.__excepthook__(exc_type, exc, tb)


def _tell(exc: AppError, smoke: bool) -> None:
    print(f"error: {exc.message}", file=sys.stderr)
    if not smoke:
        from app.ui.errors import show_error

        show_error(None, exc)


class _WorkspaceOpener:
    """Opens the workspace on a worker thread and attaches it to the window.

    A storage problem (corrupt file, unreachable server) is shown over the window with the way
    out: Settings, Try Again or Quit.
    """

    def __init__(
        self,
        location: Location,
        args: argparse.Namespace,
        window: MainWindow,
        *,
        smoke: bool,
        demo: bool,
    ) -> None:
        self.location = location
        self.args = args
        self.window = window
        self.smoke = smoke
        self.demo = demo
        self.exit_code = 0
        self.task: Task | None = None

    def start(self) -> None:
        from app.ui.tasks import Task

        location, url = self.location, self.args.db_url

        def open_workspace(_progress: object, _token: object) -> Workspace:
            from app.core.workspace import Workspace

            return Workspace.open(location, database_url=url, lock=False)

        self.task = (
            Task(open_workspace, name="open-workspace")
            .on_success(self._on_opened)
            .on_failure(self._on_failed)
            .start(queue="open")
        )

    def _on_opened(self, ws: Workspace) -> None:
        self.window.attach(ws)
        log.info("Data shown from %s", ws.db.describe())
        if self.demo:
            _fill_demo(self.window)
        if self.smoke:
            _finish_smoke_test(self.window, self)

    def _on_failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QApplication

        if not isinstance(exc, AppError):
            from app.ui.crash import report_bug

            report_bug(type(exc), exc, exc.__traceback__)
            self.exit_code = 1
            if self.smoke:
                QApplication.quit()
            return
        self.exit_code = exc.exit_code
        print(f"error: {exc.message}", file=sys.stderr)
        if self.smoke or not isinstance(exc, StorageError):
            if not self.smoke:
                from app.ui.errors import show_error

                show_error(self.window, exc)
            QApplication.quit()
            return
        if _offer_settings(self.location, exc, self.window):
            self.exit_code = 0
            self.start()
        else:
            QApplication.quit()


def _offer_settings(location: Location, exc: StorageError, parent: QWidget | None) -> bool:
    """Show a storage error with the way out: change Settings and retry, or quit."""
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from app.ui.dialogs.settings_dialog import SettingsDialog
    from app.ui.errors import ErrorDialog

    dialog = ErrorDialog(exc.message, exc.details, parent)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    if close is not None:
        close.setText(dialog.tr("Quit"))
    settings_button = QPushButton(dialog.tr("Settings…"))
    retry_button = QPushButton(dialog.tr("Try Again"))
    buttons.addButton(settings_button, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(retry_button, QDialogButtonBox.ButtonRole.AcceptRole)
    chosen: dict[str, str] = {}

    def choose(what: str) -> None:
        chosen["b"] = what
        dialog.accept()

    settings_button.clicked.connect(lambda: choose("settings"))
    retry_button.clicked.connect(lambda: choose("retry"))
    dialog.exec()
    if chosen.get("b") == "retry":
        return True
    if chosen.get("b") != "settings":
        return False
    settings = load_settings(location.settings_file)
    settings_dialog = SettingsDialog(settings, location, parent)
    if not settings_dialog.exec():
        return False
    save_settings(location.settings_file, settings_dialog.result_settings)
    return True


def _fill_demo(window: MainWindow) -> None:
    """Fill the throwaway data folder with demo data on a worker, with a progress dialog."""
    from app.core.changes import Changes
    from app.core.demo import generate_demo
    from app.ui.tasks import Task

    ws = window.ws

    def done(changes: Changes) -> None:
        window.apply_changes(changes)
        window.client_list.select_first()

    Task(lambda progress, token: generate_demo(ws, progress, token), name="demo").on_success(
        done
    ).with_progress(window.tr("Preparing demo data…"), window).start()


def _finish_smoke_test(window: MainWindow, opener: _WorkspaceOpener) -> None:
    from PySide6.QtWidgets import QApplication

    from app.core.storage.migrate import current_revision
    from app.ui.smoke import run_checks

    checks = run_checks(window.ws)
    for check in checks:
        print(check.line(), flush=True)
    ok = window.isVisible() and window.attached and all(check.ok for check in checks)
    schema = current_revision(window.ws.db)
    verdict = "ok" if ok else "FAILED"
    print(f"smoke test: {verdict} (database {window.ws.db.describe()}, schema {schema})")
    opener.exit_code = 0 if ok else 1
    QApplication.quit()
