"""Starting the GUI: the application object, language, crash handling, one window per data folder.

``run_gui`` is what ``mailsource`` (no command), ``--demo`` and ``--smoke-test`` call.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from app import APP_NAME, ORG_NAME, __version__
from app.core.errors import AppError, DataInUseError, StorageError
from app.core.logs import setup_logging
from app.core.paths import Location, resolve_location
from app.core.settings import load_settings, save_settings
from app.core.workspace import Workspace

log = logging.getLogger(__name__)


def _instance_name(location: Location) -> str:
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
    """Open the main window; returns the process exit code."""
    smoke = bool(getattr(args, "smoke_test", False))
    demo = bool(getattr(args, "demo", False))
    if smoke:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    throwaway: Path | None = None
    data_dir = args.data_dir
    if (demo or smoke) and not data_dir:
        throwaway = Path(
            tempfile.mkdtemp(prefix="mailsource-demo-" if demo else "mailsource-smoke-")
        )
        data_dir = str(throwaway)
    location = resolve_location(data_dir)
    log_file = setup_logging(
        location.log_dir, level=logging.DEBUG if args.verbose else logging.INFO
    )
    log.info("Mailsource %s starting (data %s)", __version__, location.data_dir)

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtNetwork import QLocalServer
    from PySide6.QtWidgets import QApplication

    from app.ui import crash
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
    crash.install(log_file, show_dialog=not smoke)

    ws = _open_workspace(location, args, smoke=smoke)
    if ws is None:
        return _exit_code
    from app.ui.main_window import MainWindow

    server = QLocalServer()
    name = _instance_name(location)
    QLocalServer.removeServer(name)  # a crashed run may have left its socket; we hold the lock
    server.listen(name)
    state = QSettings(str(location.config_dir / "ui-state.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, state, demo=demo)

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
    restart = {"wanted": False}

    def on_restart() -> None:
        restart["wanted"] = True
        window.close()

    window.restart_requested.connect(on_restart)
    window.show()
    log.info("Main window shown")
    if demo:
        _fill_demo(window)
    if smoke:
        QTimer.singleShot(0, lambda: _finish_smoke_test(window))
    code = app.exec()
    from app.ui.tasks import TaskQueue

    TaskQueue.wait_all()
    server.close()
    ws.close()
    if throwaway is not None and not demo:
        shutil.rmtree(throwaway, ignore_errors=True)
    if restart["wanted"]:
        from PySide6.QtCore import QProcess

        program, arguments = _restart_command()
        QProcess.startDetached(program, arguments)
    return code if not smoke else _smoke_code


_exit_code = 0
_smoke_code = 1


def _open_workspace(
    location: Location, args: argparse.Namespace, *, smoke: bool
) -> Workspace | None:
    """Open the data, letting the user fix a storage problem in Settings; None means quit."""
    global _exit_code  # noqa: PLW0603 - the exit code of this one GUI run
    while True:
        try:
            return Workspace.open(location, database_url=args.db_url)
        except DataInUseError as exc:
            _exit_code = exc.exit_code
            if _ask_running_instance_to_activate(_instance_name(location)):
                print(
                    f"Mailsource is already open for {location.data_dir}; switched to it.",
                    file=sys.stderr,
                )
                return None
            print(f"error: {exc.message}", file=sys.stderr)
            if not smoke:
                from app.ui.errors import show_error

                show_error(None, exc)
            return None
        except AppError as exc:
            _exit_code = exc.exit_code
            print(f"error: {exc.message}", file=sys.stderr)
            if smoke or not isinstance(exc, StorageError):
                return None
            if not _offer_settings(location, exc):
                return None


def _offer_settings(location: Location, exc: StorageError) -> bool:
    """Show a storage error with the way out: change Settings and retry, or quit."""
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from app.ui.dialogs.settings_dialog import SettingsDialog
    from app.ui.errors import ErrorDialog

    dialog = ErrorDialog(exc.message, exc.details)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
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
    settings_dialog = SettingsDialog(settings, location)
    if not settings_dialog.exec():
        return False
    save_settings(location.settings_file, settings_dialog.result_settings)
    return True


def _fill_demo(window: object) -> None:
    """Fill the throwaway data folder with demo data on a worker, with a progress dialog."""
    from app.core.demo import generate_demo
    from app.ui.main_window import MainWindow
    from app.ui.tasks import Task

    assert isinstance(window, MainWindow)
    ws = window.ws

    def done(changes: object) -> None:
        from app.core.changes import Changes

        assert isinstance(changes, Changes)
        window.apply_changes(changes)
        window.client_list.select_first()

    Task(lambda progress, token: generate_demo(ws, progress, token), name="demo").on_success(
        done
    ).with_progress(window.tr("Preparing demo data…"), window).start()


def _finish_smoke_test(window: object) -> None:
    from PySide6.QtWidgets import QApplication

    from app.core.storage.migrate import current_revision
    from app.ui.main_window import MainWindow

    global _smoke_code  # noqa: PLW0603
    assert isinstance(window, MainWindow)
    ok = window.isVisible() and window.centralWidget() is not None
    schema = current_revision(window.ws.db)
    verdict = "ok" if ok else "FAILED"
    print(f"smoke test: {verdict} (database {window.ws.db.describe()}, schema {schema})")
    _smoke_code = 0 if ok else 1
    QApplication.quit()
