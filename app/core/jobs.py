"""What every long core job takes: a progress callback and a cancel token.

Long core functions are plain blocking functions. They report progress through a callback
(``done``, ``total``, ``message``) and call ``token.raise_if_cancelled()`` between batches. The
GUI runs them on a worker thread (``app.ui.tasks``); the CLI runs them directly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from app.core.errors import Cancelled


class ProgressCallback(Protocol):
    """Receives ``done`` of ``total`` units (``total`` 0 when unknown) and a short message."""

    def __call__(self, done: int, total: int, message: str = "") -> None: ...


def no_progress(done: int, total: int, message: str = "") -> None:
    """A progress callback that ignores everything."""


class CancelToken:
    """A thread-safe flag a job checks between batches."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled


ProgressFn = Callable[[int, int, str], None]
