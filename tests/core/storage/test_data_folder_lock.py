"""The data-folder lock: one writer per folder, and no stale lock after a crash."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from app.core.errors import DataInUseError
from app.core.paths import Location
from app.core.storage.lock import DataFolderLock
from app.core.workspace import Workspace

HOLDER = """
import sys
from pathlib import Path
from app.core.storage.lock import DataFolderLock

lock = DataFolderLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
sys.stdin.read()  # hold the lock until killed or stdin closes
"""


@pytest.fixture
def holder(location: Location) -> Iterator[subprocess.Popen[str]]:
    """Another process that holds the lock on the data folder."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(location.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "locked"
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()


def test_second_copy_is_told_the_data_is_open_elsewhere(
    location: Location, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(DataInUseError) as caught:
        DataFolderLock(location.data_dir).acquire()
    message = str(caught.value)
    assert str(location.data_dir) in message
    assert f"pid {holder.pid}" in message

    with pytest.raises(DataInUseError):
        Workspace.open(location)


def test_lock_is_gone_after_the_holder_is_killed(
    location: Location, holder: subprocess.Popen[str]
) -> None:
    holder.send_signal(signal.SIGKILL)
    assert holder.wait(timeout=30) == -signal.SIGKILL
    with Workspace.open(location) as ws:
        assert ws.clients.list() == []


def test_lock_is_released_on_close(location: Location) -> None:
    ws = Workspace.open(location)
    ws.close()
    with DataFolderLock(location.data_dir) as lock:
        assert lock.held
