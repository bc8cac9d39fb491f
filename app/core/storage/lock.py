"""One writer per data folder.

The first copy of Mailsource takes an exclusive OS lock on ``mailsource.lock`` in the data folder
and keeps it while it runs; a second copy sees the lock and says the data is open elsewhere. The
OS drops the lock when the process dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from app.core.errors import DataInUseError, StorageError
from app.core.i18n import translate

LOCK_FILE = "mailsource.lock"


class DataFolderLock:
    """An exclusive, process-lifetime lock on a data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_FILE
        self._fh: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
        except OSError as exc:
            raise StorageError(
                translate("storage", "Cannot use the data folder {folder}: {reason}").format(
                    folder=self.folder, reason=exc.strerror or exc
                ),
                details=str(exc),
            ) from exc
        try:
            _lock(fh)
        except OSError as exc:
            fh.seek(0)
            holder = fh.read().strip()
            fh.close()
            raise DataInUseError(
                translate(
                    "storage",
                    "The data in {folder} is open in another Mailsource window{holder}. Switch "
                    "to that window, or close it first.",
                ).format(folder=self.folder, holder=f" (pid {holder})" if holder else ""),
                details=str(exc),
            ) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            _unlock(self._fh)
        finally:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> DataFolderLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
