"""Qt fixtures: a workspace on a temp SQLite file, the window's state file, modal dialog helpers."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.core.workspace import Workspace
from app.ui.main_window import MainWindow


@pytest.fixture
def state(tmp_path: Path) -> QSettings:
    """The window's saved state (geometry, last client) in a temp INI file."""
    return QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, sqlite_workspace: Workspace, state: QSettings) -> Iterator[MainWindow]:
    win = MainWindow(sqlite_workspace, state)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


ModalHandler = Callable[[QWidget], None]


@pytest.fixture
def on_modal(qtbot) -> Callable[[ModalHandler], list[QWidget]]:
    """Answer the next modal dialog: ``on_modal(handler)`` then trigger what opens it.

    The handler runs inside the dialog's own event loop, once the dialog is shown; the returned
    list receives the dialog so a test can assert it appeared.
    """

    def arm(handler: ModalHandler) -> list[QWidget]:
        seen: list[QWidget] = []

        def poll() -> None:
            widget = QApplication.activeModalWidget()
            if widget is None or not widget.isVisible():
                QTimer.singleShot(10, poll)
                return
            seen.append(widget)
            handler(widget)

        QTimer.singleShot(0, poll)
        return seen

    return arm


@pytest.fixture
def keyring_backend() -> str:
    """The real OS keyring (Secret Service here); fails on CI when it is not reachable."""
    import keyring
    import keyring.errors

    from tests.conftest import missing

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    try:
        keyring.set_password("Mailsource-test", "probe", "x")
        keyring.delete_password("Mailsource-test", "probe")
    except keyring.errors.KeyringError as exc:
        missing(f"no usable keyring ({name}: {exc}); run under scripts/test.sh")
    return name
