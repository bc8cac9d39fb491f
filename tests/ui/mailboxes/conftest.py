"""Fixtures for the mailbox GUI tests: keyrings in memory or missing, typed modal answers.

The keyring backend is chosen through keyring's own ``set_keyring`` for the test only and put
back afterwards; the real Secret Service is exercised by the integration tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import keyring
import keyring.backends.fail
import keyring.errors
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.mailboxes.keyrings import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """No usable keyring, as on a Linux desktop without a Secret Service."""
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def on_dialog() -> Callable[[type, Callable[[Any], None]], list[QWidget]]:
    """``on_dialog(Kind, handler)``: answer the next modal dialog of that class when it shows.

    Unlike ``on_modal`` this waits for the right class, so a handler can open a second modal
    (an error on top of a form) and answer that one too.
    """

    def arm(kind: type, handler: Callable[[Any], None]) -> list[QWidget]:
        seen: list[QWidget] = []

        def poll() -> None:
            widget = QApplication.activeModalWidget()
            if not isinstance(widget, kind) or not widget.isVisible():
                QTimer.singleShot(10, poll)
                return
            seen.append(widget)
            handler(widget)

        QTimer.singleShot(0, poll)
        return seen

    return arm
