"""Guards against a broken Qt binding release.

PySide6 6.12.0 dropped a reference to ``None`` in every void method call; on Python 3.11 the
process aborted after a few thousand calls (a printed address sheet costs ~70). The pin in
pyproject.toml excludes it; this test catches the next such release before users do.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_calls_do_not_leak_none_references() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        obj.setObjectName("x")
    assert abs(sys.getrefcount(None) - before) < 100
