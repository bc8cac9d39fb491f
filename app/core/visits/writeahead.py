"""A writer thread with a short queue: the import's database writes overlap with its parsing.

:class:`WriteAhead` runs the calls it is given, in order, on one thread of its own, with at
most ``depth`` of them waiting; the caller goes on parsing the next batch meanwhile. It pays
when the calls release the GIL for most of their work (``sqlite3_step``, a socket send).

- A call that raises stops the work: the calls after it are dropped, and the exception is
  raised in the caller's thread by the next :meth:`~WriteAhead.put` or by
  :meth:`~WriteAhead.finish`.
- :meth:`~WriteAhead.finish` waits for every call; :meth:`~WriteAhead.stop` (before a
  rollback) drops the waiting ones and waits for the one running. After either, no thread is
  left and the connection the calls used is the caller's again.
- Memory stays bounded: ``put`` blocks while ``depth`` calls wait.

The thread only pays when a core is idle: then the writer's GIL-free steps run beside the
parsing. On a busy machine every hand-over of the GIL between the two threads waits for the
scheduler, and the same import measured slower (and used more CPU) than writing in the caller's
thread. So by default (``threaded=None``) :func:`idle_core` decides, once per import; the calls
then run in the caller's thread, with the same semantics, when no core is idle.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any

Call = tuple[Callable[..., object], tuple[Any, ...]]


def idle_core() -> bool:
    """Whether this process can count on a core nobody uses (the last minute's load average).

    True where the load average is unknown (Windows).
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return cores > 1
    return cores - load >= IDLE_CORE


IDLE_CORE = 1.0
"""Cores minus the load average needed for :func:`idle_core`: one core's worth unused."""


class WriteAhead:
    """Runs calls on a thread of its own, in order, at most ``depth`` of them waiting.

    ``threaded`` False (or None when :func:`idle_core` says no) runs each call in ``put``.
    """

    def __init__(
        self, depth: int = 2, name: str = "visits-write", *, threaded: bool | None = None
    ) -> None:
        self.threaded = idle_core() if threaded is None else threaded
        self._queue: queue.Queue[Call | None] = queue.Queue(maxsize=max(1, depth))
        self._name = name
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None
        self._discard = False

    @property
    def running(self) -> bool:
        """Whether the thread is there (from the first put until finish or stop)."""
        return self._thread is not None

    def put(self, function: Callable[..., object], *args: Any) -> None:
        """Queue ``function(*args)`` (blocks while ``depth`` wait); raises the exception of one
        that failed."""
        self.raise_failure()
        if not self.threaded:
            function(*args)
            return
        if self._thread is None:
            self._discard = False
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()
        self._queue.put((function, args))

    def finish(self) -> None:
        """Wait until every queued call ran; raise the exception of one that failed."""
        self._end(discard=False)
        self.raise_failure()

    def stop(self) -> None:
        """Drop the waiting calls and wait for the running one (nothing raised)."""
        self._end(discard=True)

    def raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure

    def _end(self, *, discard: bool) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        if discard:
            self._discard = True
        # Ctrl+C here must not hand the connection back while the thread still uses it.
        interrupted: KeyboardInterrupt | None = None
        while True:
            try:
                self._queue.put(None)  # the thread keeps taking calls: never blocks for long
                break
            except KeyboardInterrupt as exc:
                interrupted = exc
        while thread.is_alive():
            try:
                thread.join()
            except KeyboardInterrupt as exc:
                interrupted = exc
        if interrupted is not None:
            raise interrupted

    def _run(self) -> None:
        while (call := self._queue.get()) is not None:
            if self._failure is not None or self._discard:
                continue  # keep taking calls so the caller never blocks on a full queue
            function, args = call
            try:
                function(*args)
            except BaseException as exc:  # raised again in the caller's thread
                self._failure = exc


class RowInserts:
    """Inserts rows with multi-row ``INSERT ... VALUES`` statements (sqlite3).

    ``executemany`` releases the GIL for each row's ``sqlite3_step`` and takes it back a few
    microseconds later: on a writer thread, while the parsing thread holds the GIL, every row
    would wait up to the interpreter's switch interval (5 ms) for it. A statement of a thousand
    rows binds them all, then runs one long step without the GIL. A batch that does not fill
    whole statements ends with one padded with NULL rows that a WHERE leaves out, so there are
    only two statements to prepare (a row's first value must never be None).

    ``insert`` is ``INSERT INTO t (a, b, c)``; each row binds ``width`` values after the
    ``leading`` literals (e.g. ``"7, "``, values the same for every row); ``tail`` follows the
    rows (an upsert clause).
    """

    def __init__(
        self,
        conn: Any,
        insert: str,
        width: int,
        tail: str = "",
        *,
        leading: str = "",
        rows_per_statement: int = 1000,
    ) -> None:
        self._conn = conn
        limit = int(conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
        per = self.rows_per_statement = max(1, min(rows_per_statement, limit // width))
        marks = ", ".join(["?"] * width)
        self._full = f"{insert} VALUES {', '.join([f'({leading}{marks})'] * per)} {tail}"
        # INSERT ... SELECT needs its WHERE before an ON CONFLICT clause anyway.
        self._padded = (
            f"{insert} SELECT {leading}* FROM (VALUES {', '.join([f'({marks})'] * per)}) "
            f"WHERE column1 IS NOT NULL {tail}"
        )
        self._padding = (None,) * width
        self._width = width

    def insert(self, rows: Sequence[Sequence[Any]]) -> None:
        # The rows are bound as one flat list: a row of another length would shift every value
        # after it into the wrong column (executemany would have refused it).
        if not set(map(len, rows)) <= {self._width}:
            raise ValueError(f"every row must hold {self._width} values")
        per = self.rows_per_statement
        execute = self._conn.execute
        whole = len(rows) - len(rows) % per
        for start in range(0, whole, per):
            execute(self._full, list(chain.from_iterable(rows[start : start + per])))
        if whole < len(rows):
            values = list(chain.from_iterable(rows[whole:]))
            values += self._padding * (per - (len(rows) - whole))
            execute(self._padded, values)
