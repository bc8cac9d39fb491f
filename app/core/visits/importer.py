"""Import a visit file into a client's stored visits: streaming, one unit, then re-attribution.

The parsers (:class:`~app.core.visits.reader.VisitReader`) hand out batches of visits; this
module writes them through the database driver as tuples (the ORM is for editing, not for
loading a million rows, see ``STORAGE_NOTES.md``):

- SQLite: ``executemany`` inside one ``BEGIN IMMEDIATE`` transaction with a big page cache; the
  secondary indexes are dropped for a load larger than what is stored and built again at the end
  (DDL is transactional in SQLite, so a rollback brings them back); ``wal_checkpoint(TRUNCATE)``
  afterwards gives the WAL's disk space back.
- PostgreSQL: psycopg 3 ``COPY`` from a thread of its own while the next batch is parsed:
  visits new to the database straight into ``visits``, the others (an overlapping period, a
  visit the file repeats) through a temporary table and an ``INSERT ... SELECT ... ON
  CONFLICT`` upsert, batch by batch (see :class:`_PostgresWriter`).

Either way the import is one transaction: Cancel, a bad file found midway or a crash leave the
stored visits exactly as they were. The natural key (format, start date, counter, the analytics'
visit id) makes a re-import of an overlapping period update visits instead of duplicating them.
Memory stays flat: one batch of visits and a bounded number of rejected rows at a time.
"""

from __future__ import annotations

import codecs
import dataclasses
import gc
import logging
import queue
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.changes import Changes
from app.core.errors import AppError, Cancelled
from app.core.i18n import translate
from app.core.jobs import CancelToken, ProgressFn, no_progress
from app.core.storage.database import Database
from app.core.storage.models import VisitImportRow
from app.core.visits.detect import Detection, detect
from app.core.visits.errors import ImportFileError
from app.core.visits.mapping import ColumnMapping
from app.core.visits.model import ImportReport, RejectedRow, VisitFormat
from app.core.visits.options import ImportOptions
from app.core.visits.pool import TrafficProfile
from app.core.visits.reader import VisitReader
from app.core.visits.rows import COLUMNS, ROW_COLUMNS, STARTED, UPDATED_COLUMNS, profile_rows

if TYPE_CHECKING:
    from app.core.workspace import Workspace

log = logging.getLogger(__name__)

MAX_STORED_REJECTS = 100_000
"""Rejected rows written to the history per import; beyond it they are only counted."""
KEPT_REJECTS = 200
"""Rejected rows an :class:`ImportResult` carries (the rest are in the history)."""
DISK_FACTOR = 2.5
"""Free disk an SQLite import needs per byte of file: the rows, their indexes and the WAL."""
BIG_LOAD_ROWS = 50_000
"""Above this (and above the rows already stored) secondary indexes are rebuilt, not updated."""
BYTES_PER_ROW = 400
"""A Metrica visit row's typical size, to estimate a file's rows before reading it."""

SECONDARY_INDEXES = {
    "ix_visits_shown_address_client_id_started_at_id": (
        "visits (shown_address, client_id, started_at, id)"
    ),
    "ix_visits_token_client_id": "visits (token, client_id)",
}


@dataclass(frozen=True)
class ImportResult:
    """What one import did (the CLI prints it, the GUI shows it and refreshes)."""

    import_id: int
    detection: Detection
    rows_read: int
    imported: int
    """Visits new to the database."""
    updated: int
    """Visits already stored and updated in place (an overlapping period)."""
    rejected: int
    bots: int
    rejected_rows: tuple[RejectedRow, ...]
    """The first rejected rows (all of them are in the import history)."""
    warnings: tuple[str, ...]
    first_visit_at: datetime | None
    last_visit_at: datetime | None
    seconds: float
    attributed: int = 0
    """Dynamic-tracking leads matched to a visit after the import."""
    waiting: int = 0
    """Dynamic-tracking leads still waiting for their visit."""
    changes: Changes = field(default_factory=Changes)


def check_free_space(folder: Path, needed: int, file: Path) -> None:
    """Raise ImportFileError when ``folder``'s disk has less than ``needed`` bytes free."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed:
        raise ImportFileError(
            file,
            translate(
                "visits",
                "importing it needs about {needed} free on the disk of {folder}, which has "
                "{free}: free some space first (nothing was imported)",
            ).format(needed=_gigabytes(needed), folder=folder, free=_gigabytes(free)),
        )


def _gigabytes(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GB"
    return f"{size / (1 << 20):.0f} MB"


class _Rejects:
    """Collects rejected rows for the history in bounded batches."""

    def __init__(self) -> None:
        self.pending: list[RejectedRow] = []
        self.stored = 0
        self.first: list[RejectedRow] = []

    def __call__(self, row: RejectedRow) -> None:
        if len(self.first) < KEPT_REJECTS:
            self.first.append(row)
        if self.stored + len(self.pending) < MAX_STORED_REJECTS:
            self.pending.append(row)

    def take(self) -> list[RejectedRow]:
        rows, self.pending = self.pending, []
        self.stored += len(rows)
        return rows


def load_visits(
    db: Database,
    client_id: int,
    path: Path,
    options: ImportOptions | None = None,
    *,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
    detection: Detection | None = None,
    forced_format: VisitFormat | None = None,
    mapping: ColumnMapping | None = None,
    pool: tuple[str, ...] = (),
    profile: TrafficProfile | None = None,
) -> ImportResult:
    """Import one file into ``client_id``'s visits as a single unit (see the module doc).

    ``pool`` is the client's fixed pool in index order: a visit's pool index becomes the address
    it was shown. ``profile``, when given, sees every visit (pool-health numbers).
    Raises ImportFileError for a file that cannot be imported, Cancelled when ``token`` is set;
    either way nothing of this import is kept and a failed or cancelled entry is added to the
    import history.
    """
    path = Path(path)
    options = options or ImportOptions()
    started = time.perf_counter()
    detection = detection or detect(path, forced_format)
    if forced_format is not None and detection.format is not forced_format:
        detection = detect(path, forced_format)
    if db.is_sqlite:
        assert db.target.sqlite_path is not None
        check_free_space(
            db.target.sqlite_path.parent, int(detection.size * DISK_FACTOR) + (64 << 20), path
        )
    collector = _Rejects()
    report = ImportReport(on_reject=collector, max_kept=KEPT_REJECTS)
    reader = VisitReader(path, options, detection=detection, mapping=mapping, report=report)
    history = VisitImportRow(
        client_id=client_id,
        file_name=path.name,
        file_path=str(path),
        file_size=detection.size,
        format=detection.format.value,
        encoding=detection.encoding.label,
        delimiter=detection.delimiter or "",
        site_timezone=options.site_timezone or "",
        started_at=datetime.now(UTC),
        warnings=[],
    )
    pool_keys = tuple(a.strip().lower() for a in pool)
    with _no_cycle_collection():
        try:
            with db.translate_errors():
                writer = _SqliteWriter(db) if db.is_sqlite else _PostgresWriter(db)
                try:
                    import_id = writer.begin(history, detection.size // BYTES_PER_ROW)
                    rows = reader.storage_rows(pool_keys, progress, token)
                    if profile is not None:
                        rows = profile_rows(rows, profile)
                    for chunk in rows:
                        writer.write(chunk)
                        rejects = collector.take()
                        if rejects:
                            writer.write_rejects(import_id, rejects)
                    rejects = collector.take()
                    if rejects:
                        writer.write_rejects(import_id, rejects)
                    if token is not None:
                        token.raise_if_cancelled()
                    progress(
                        detection.size, detection.size, translate("visits", "Building indexes")
                    )
                    imported, updated = writer.finish()
                    _finish_history(writer, history, report, imported, updated, "ok", "")
                    writer.commit()
                except BaseException:
                    writer.rollback()
                    raise
                finally:
                    writer.close()
        except Cancelled:
            _record_failure(db, history, report, "cancelled", translate("visits", "Cancelled"))
            raise
        except AppError as exc:
            _record_failure(db, history, report, "failed", exc.message)
            raise
    if db.is_sqlite:
        _checkpoint(db)
    seconds = time.perf_counter() - started
    log.info(
        "Imported %s for client %d: %d new, %d updated, %d rejected in %.1f s",
        path.name,
        client_id,
        imported,
        updated,
        report.bad_rows,
        seconds,
    )
    return ImportResult(
        import_id=import_id,
        detection=detection,
        rows_read=report.rows_read,
        imported=imported,
        updated=updated,
        rejected=report.bad_rows,
        bots=report.bots,
        rejected_rows=tuple(collector.first),
        warnings=tuple(report.warnings),
        first_visit_at=report.first_started_at,
        last_visit_at=report.last_started_at,
        seconds=seconds,
        changes=Changes(visit_clients=frozenset({client_id})),
    )


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off for a bulk load, back as it was afterwards.

    A load makes tens of millions of short-lived tuples and lists and holds a batch of ten
    thousand: the collector would walk them, and on its full collections every long-lived
    object, for nothing (up to a quarter of the parsing CPU in some runs; the machine's noise
    hides it in others). Reference counting still frees all of it; nothing in a load makes
    reference cycles.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _finish_history(  # noqa: PLR0917 - private, fills one record
    writer: _Writer,
    history: VisitImportRow,
    report: ImportReport,
    imported: int,
    updated: int,
    status: str,
    message: str,
) -> None:
    history.finished_at = datetime.now(UTC)
    history.status = status
    history.message = message
    history.rows_read = report.rows_read
    history.imported = imported
    history.updated = updated
    history.rejected = report.bad_rows
    history.bots = report.bots
    history.first_visit_at = report.first_started_at
    history.last_visit_at = report.last_started_at
    history.warnings = list(report.warnings)
    writer.update_history(history)


def _record_failure(
    db: Database, history: VisitImportRow, report: ImportReport, status: str, message: str
) -> None:
    # The import's transaction is gone; the history still tells the user what happened.
    try:
        with db.session() as s:
            row = VisitImportRow(
                **{
                    c.key: getattr(history, c.key)
                    for c in VisitImportRow.__table__.columns
                    if c.key != "id"
                }
            )
            row.finished_at = datetime.now(UTC)
            row.status = status
            row.message = message
            row.rows_read = report.rows_read
            row.rejected = report.bad_rows
            row.bots = report.bots
            row.warnings = list(report.warnings)
            s.add(row)
    except AppError:
        log.exception("Could not record the failed import of %s", history.file_name)


def _checkpoint(db: Database) -> None:
    # One big transaction grows the WAL to about the data's size; give that space back now.
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    except Exception:  # a busy reader only delays the truncation
        log.debug("WAL checkpoint postponed", exc_info=True)
    finally:
        raw.close()


class _Writer:
    """The driver-level write path of one import (one transaction)."""

    def begin(self, history: VisitImportRow, estimated_rows: int) -> int:
        raise NotImplementedError

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def write_rejects(self, import_id: int, rows: list[RejectedRow]) -> None:
        raise NotImplementedError

    def finish(self) -> tuple[int, int]:
        raise NotImplementedError

    def update_history(self, history: VisitImportRow) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError

    def rollback(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


_HISTORY_COLUMNS = [c.key for c in VisitImportRow.__table__.columns if c.key != "id"]
_HISTORY_UPDATE = [
    "finished_at",
    "status",
    "message",
    "rows_read",
    "imported",
    "updated",
    "rejected",
    "bots",
    "first_visit_at",
    "last_visit_at",
    "warnings",
]


def _history_values(history: VisitImportRow, names: list[str], sqlite: bool) -> list[Any]:
    import json

    values: list[Any] = []
    columns = VisitImportRow.__table__.columns
    for name in names:
        value = getattr(history, name)
        default = columns[name].default
        if value is None and default is not None and not callable(default.arg):
            # The ORM fills defaults at flush; this row is written through the driver.
            value = default.arg
        if name == "warnings":
            value = json.dumps(value or [], ensure_ascii=False)
        elif isinstance(value, datetime) and sqlite:
            value = _sqlite_time(value)
        values.append(value)
    return values


def _sqlite_time(value: datetime) -> str:
    """The text SQLAlchemy's DateTime writes on SQLite, so ORM reads and comparisons agree."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


class _SqliteWriter(_Writer):
    """executemany through sqlite3 in one IMMEDIATE transaction."""

    def __init__(self, db: Database) -> None:
        self._raw = db.engine.raw_connection()
        conn = self._raw.driver_connection
        assert conn is not None
        self._conn: Any = conn
        self._rebuild: list[str] = []
        self._before = 0
        self._accepted = 0
        self._client_id = 0
        self._import_id = 0
        self._insert = ""

    def begin(self, history: VisitImportRow, estimated_rows: int) -> int:
        c = self._conn
        # A big page cache for the load; temporary files (not memory) for sorting the index
        # builds, which would otherwise hold the whole index in RAM.
        c.execute("PRAGMA cache_size = -65536")
        c.execute("BEGIN IMMEDIATE")
        self._client_id = history.client_id
        cols = ", ".join(_HISTORY_COLUMNS)
        marks = ", ".join("?" for _ in _HISTORY_COLUMNS)
        cur = c.execute(
            f"INSERT INTO visit_imports ({cols}) VALUES ({marks})",
            _history_values(history, _HISTORY_COLUMNS, True),
        )
        import_id = self._import_id = int(cur.lastrowid)
        # The import's ids are the same for every row: literals in the statement, not values
        # bound a million times (both are integers from this database).
        placeholders = ", ".join("?" for _ in ROW_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in UPDATED_COLUMNS)
        self._insert = (
            f"INSERT INTO visits ({', '.join(COLUMNS)}) "
            f"VALUES ({int(self._client_id)}, {int(import_id)}, {placeholders}) "
            f"ON CONFLICT (client_id, visit_key) DO UPDATE SET {updates}"
        )
        # New rows get ids above the largest one (this transaction is the only writer), so
        # the ids tell how many were new without counting the client's visits twice.
        stored = self._before = c.execute("SELECT max(id) FROM visits").fetchone()[0] or 0
        if estimated_rows > BIG_LOAD_ROWS and estimated_rows > stored:
            # Filling indexes row by row in random key order is what makes big loads slow;
            # building them once at the end is several times faster.
            for name in SECONDARY_INDEXES:
                c.execute(f"DROP INDEX IF EXISTS {name}")
                self._rebuild.append(name)
        return import_id

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        self._accepted += len(rows)
        self._conn.executemany(self._insert, rows)

    def write_rejects(self, import_id: int, rows: list[RejectedRow]) -> None:
        self._conn.executemany(
            "INSERT INTO visit_import_rejects (import_id, line, kind, reason, excerpt) "
            "VALUES (?, ?, ?, ?, ?)",
            [(import_id, r.line, r.kind.value, r.reason, r.excerpt) for r in rows],
        )

    def finish(self) -> tuple[int, int]:
        c = self._conn
        for name in self._rebuild:
            c.execute(f"CREATE INDEX {name} ON {SECONDARY_INDEXES[name]}")
        self._rebuild = []
        after = c.execute("SELECT max(id) FROM visits").fetchone()[0] or 0
        imported = after - self._before
        return imported, max(0, self._accepted - imported)

    def update_history(self, history: VisitImportRow) -> None:
        sets = ", ".join(f"{name} = ?" for name in _HISTORY_UPDATE)
        self._conn.execute(
            f"UPDATE visit_imports SET {sets} WHERE id = ?",
            [*_history_values(history, _HISTORY_UPDATE, True), self._import_id],
        )

    def commit(self) -> None:
        self._conn.execute("COMMIT")

    def rollback(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def close(self) -> None:
        try:
            self._conn.execute("PRAGMA cache_size = -2000")
        finally:
            self._raw.close()


def _fewer_stored(cur: Any, rows: int) -> bool:
    """Whether the visits table holds fewer than ``rows`` rows (counting no further)."""
    cur.execute("SELECT count(*) FROM (SELECT 1 FROM visits LIMIT %s) AS stored", (rows,))
    return int(cur.fetchone()[0]) < rows


_KEY = ROW_COLUMNS.index("visit_key")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
"""What COPY's text format escapes inside a value (tab and newline end fields and rows)."""
_NULLS = {None: "\\N"}
"""``_NULLS.get(value, value)``: COPY text's NULL marker for None, the value itself otherwise."""
_PLAIN_TYPES = frozenset({str, int, type(None)})
"""Types whose ``str()`` is their COPY text (bool is not: its own type, ``t`` or ``f``)."""


def _copy_value(value: Any) -> str:
    """One value as COPY text: the general path, for a column holding something unusual."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value).translate(_COPY_ESCAPES)


def _copy_column(column: tuple[Any, ...]) -> tuple[str, ...]:
    """One column of a batch as COPY text values, in C loops for the usual cases."""
    try:
        blob = "".join(column)  # every value text: the usual case, checked in one call
    except TypeError:
        nulls = column.count(None)
        text: tuple[Any, ...] = tuple(map(_NULLS.get, column, column)) if nulls else column
        try:
            blob = "".join(text)
        except TypeError:  # numbers
            if not _PLAIN_TYPES.issuperset(map(type, column)):
                return tuple(map(_copy_value, column))
            text = tuple(map(str, text))
            blob = "".join(text)
        # Each NULL marker holds one backslash; any other is in a value and needs escaping.
        if blob.count("\\") != nulls or "\t" in blob or "\n" in blob or "\r" in blob:
            return tuple(map(_copy_value, column))
        return text
    if "\\" in blob or "\t" in blob or "\n" in blob or "\r" in blob:
        return tuple(map(_copy_value, column))
    return column


def copy_text_lines(
    rows: list[tuple[Any, ...]], lead: tuple[str, ...] = (), encoding: str = "utf-8"
) -> tuple[tuple[Any, ...], list[bytes]]:
    """A batch of import rows (:data:`ROW_COLUMNS`) as lines of ``COPY ... FROM STDIN`` text.

    Returns the batch's visit keys and one encoded line per row, without its line end, that
    starts with the ``lead`` values (the import's client and import ids: the same text for every
    row, not escaped). Values are escaped as COPY's text format needs, None is NULL and the
    start time gets its ``+00`` (it is UTC text without an offset). Done column by column, so
    the usual case (all text, nothing to escape) costs a few C loops per column instead of a
    Python call per value; each line is encoded on its own, as joining them into one text first
    widens every ASCII line to the Cyrillic ones' width and costs about twice as much.
    """
    columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True))
    keys = columns[_KEY]
    for position, column in enumerate(columns):
        text = _copy_column(column)
        if position == STARTED:
            text = tuple(map("{}+00".format, text))
        columns[position] = text
    constant = [repeat(value, len(rows)) for value in lead]
    lines = map("\t".join, zip(*constant, *columns, strict=True))
    if codecs.lookup(encoding).name == "utf-8":
        return keys, list(map(str.encode, lines))
    return keys, [line.encode(encoding) for line in lines]


NATURAL_KEY = "uq_visits_client_id_visit_key"
"""The unique constraint on ``visits (client_id, visit_key)`` (a first big load rebuilds it)."""
_IMPORT_LOCK = 0x56495349
"""First key of the advisory lock that serializes PostgreSQL imports of one client (the second
is the client's id)."""


@dataclass
class _Batch:
    keys: tuple[Any, ...]
    lines: list[bytes]


class _PostgresWriter(_Writer):
    """COPY from a thread of its own (psycopg 3): a first import straight into ``visits``, a
    re-import through a temporary table and one upsert.

    Each batch is formatted as COPY text by the caller (:func:`copy_text_lines`) and handed to
    the writer's thread, which sends it while the caller parses the next batch: the server
    inserts, indexes and checks the foreign key of one batch while Python reads the next (they
    are separate processes, and the thread waits for the server without holding the GIL).

    Re-import (the client has visits): every row goes to the temporary table ``visits_in`` and
    :meth:`finish` merges it with ``INSERT ... SELECT DISTINCT ON ... ON CONFLICT DO UPDATE``:
    the last copy of a visit in the file wins, visits stored before count as updated.

    First import (the client has none): a row goes straight into ``visits`` (``COPY``, no merge)
    unless it repeats a visit from earlier in the file: its key is above every key written so
    far, or an index lookup of its key finds nothing. Repeats go through ``visits_in`` and the
    upsert batch by batch, after the batch's straight rows, so the last copy wins as in the
    merge, and they count as neither new nor updated a second time (the lookup tells which
    visits this import wrote). A big first import (more rows than the table holds) drops even
    the natural key's index and builds it at the end (:meth:`_restore_key`). Imports of one
    client take a transaction advisory lock, so that whether the client has visits, and what a
    lookup finds, cannot change under an import (a second one waits for the first to end).

    The connection is used by one thread at a time: the writer's thread from the first
    :meth:`write` until :meth:`finish` (rejects are queued to it too), the caller otherwise.
    """

    def __init__(self, db: Database) -> None:
        self._raw = db.engine.raw_connection()
        conn = self._raw.driver_connection
        assert conn is not None
        self._conn: Any = conn
        self._cur: Any = conn.cursor()
        self._import_id = 0
        self._client_id = 0
        self._rebuild: list[str] = []
        self._lead: tuple[str, ...] = ()
        self._encoding = "utf-8"
        self._stored = False
        """Whether the client had visits before this import."""
        self._top: str | None = None
        """The greatest key (Python order) this import wrote straight into ``visits``."""
        self._bulk = False
        """A first big load: every row straight in, the natural key restored at the end."""
        self._inserted = 0
        self._updated = 0
        self._deferred = False
        """Rows wait in ``visits_in`` for one merge in :meth:`finish` (a re-import)."""
        self._merge_table = False
        self._queue: queue.Queue[_Batch | list[RejectedRow] | None] = queue.Queue(maxsize=2)
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None
        self._discard = False

    def begin(self, history: VisitImportRow, estimated_rows: int) -> int:
        cur = self._cur
        self._client_id = history.client_id
        # Another import of this client waits here until that one commits or rolls back:
        # deciding which keys are new needs to see what it stored.
        cur.execute("SELECT pg_advisory_xact_lock(%s, %s)", (_IMPORT_LOCK, self._client_id))
        cols = ", ".join(_HISTORY_COLUMNS)
        marks = ", ".join("%s" for _ in _HISTORY_COLUMNS)
        cur.execute(
            f"INSERT INTO visit_imports ({cols}) VALUES ({marks}) RETURNING id",
            _history_values(history, _HISTORY_COLUMNS, False),
        )
        self._import_id = int(cur.fetchone()[0])
        self._lead = (str(int(self._client_id)), str(self._import_id))
        self._encoding = str(self._conn.info.encoding)
        cur.execute("SELECT EXISTS (SELECT 1 FROM visits WHERE client_id = %s)", (self._client_id,))
        self._stored = bool(cur.fetchone()[0])
        if estimated_rows > BIG_LOAD_ROWS and _fewer_stored(cur, estimated_rows):
            # As on SQLite: a load bigger than what is stored builds the secondary indexes once
            # at the end instead of updating them row by row (several times faster). DROP INDEX
            # locks the table until the commit, so only for such a load (a first or catch-up
            # import), never for the routine re-import of the last days.
            for name in SECONDARY_INDEXES:
                cur.execute(f"DROP INDEX IF EXISTS {name}")
                self._rebuild.append(name)
            if not self._stored:
                # A first import: nothing of the client's can collide, so the natural key's
                # unique index is built at the end too (a third of the server's work per row),
                # after dropping the copies of a visit the file repeats (see _restore_key).
                cur.execute(f"ALTER TABLE visits DROP CONSTRAINT {NATURAL_KEY}")
                self._bulk = True
        return self._import_id

    # --- the caller's side ----------------------------------------------------------------

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        self._raise_failure()
        if not rows:
            return
        keys, lines = copy_text_lines(rows, self._lead, self._encoding)
        self._put(_Batch(keys, lines))

    def write_rejects(self, import_id: int, rows: list[RejectedRow]) -> None:
        self._raise_failure()
        self._put(list(rows))

    def _put(self, item: _Batch | list[RejectedRow]) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="visits-copy", daemon=True)
            self._thread.start()
        self._queue.put(item)

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure

    def _stop(self, *, discard: bool) -> None:
        """End the thread and wait for it: after sending what is queued, or (``discard``,
        for a rollback) after the batch it is sending."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._discard = discard
        # The connection is not the caller's again until the thread has ended: Ctrl+C while
        # waiting drops what is queued, waits on, and is raised afterwards.
        interrupted: KeyboardInterrupt | None = None
        sent = False
        while thread.is_alive():
            try:
                if not sent:
                    self._queue.put(None)
                    sent = True
                thread.join()
            except KeyboardInterrupt as exc:
                interrupted = exc
                self._discard = True
        if interrupted is not None:
            raise interrupted

    # --- the writer's thread --------------------------------------------------------------

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._failure is not None or self._discard:
                continue  # keep taking items so the caller never blocks on a full queue
            try:
                if isinstance(item, _Batch):
                    self._send(item)
                else:
                    self._send_rejects(item)
            except BaseException as exc:  # re-raised on the caller's side
                self._failure = exc

    def _send(self, batch: _Batch) -> None:
        lines = batch.lines
        if self._stored:
            # A re-import: most of its visits are usually stored already, so every row goes
            # through the temporary table and one merge at the end, with no lookups.
            self._copy("visits_in", lines, temporary=True)
            self._deferred = True
            return
        straight, merged, rewrites = self._split(batch.keys)
        # Straight rows first: a visit's later copies in the batch (merged) must win.
        if straight is None:
            self._copy("visits", lines)
            self._inserted += len(lines)
        elif straight:
            self._copy("visits", [lines[i] for i in straight])
            self._inserted += len(straight)
        if merged:
            self._copy("visits_in", [lines[i] for i in merged], temporary=True)
            inserted, updated = self._merge()
            self._inserted += inserted
            self._updated += updated - rewrites

    def _split(self, keys: tuple[Any, ...]) -> tuple[list[int] | None, list[int], int]:
        """Which rows go straight into ``visits`` (None: all) and which through the merge, and
        how many of the merged visits this import wrote before (they are not updates)."""
        if self._bulk:
            return None, [], 0
        top = self._top
        suspects = [] if top is None else [key for key in keys if key <= top]
        found: dict[Any, bool] = {}
        """A visit stored now: whether this import wrote it."""
        if suspects:
            # One index probe per key (LIMIT keeps the subquery from being flattened): with
            # ``visit_key = ANY(...)`` the planner reads all of the client's visits instead,
            # a cost that grows with what is stored.
            self._cur.execute(
                "SELECT k.key, v.mine FROM unnest(%s::text[]) AS k (key) CROSS JOIN LATERAL "
                "(SELECT import_id IS NOT DISTINCT FROM %s AS mine FROM visits "
                "WHERE client_id = %s AND visit_key = k.key LIMIT 1) AS v",
                (suspects, self._import_id, self._client_id),
            )
            found = dict(self._cur.fetchall())
        if not found and len(set(keys)) == len(keys):
            highest = max(keys)
            self._top = highest if top is None or highest > top else top
            return None, [], 0
        straight: list[int] = []
        merged: list[int] = []
        rewritten: set[Any] = set()
        for position, key in enumerate(keys):
            ours = found.get(key)
            if ours is None:
                found[key] = True  # a later copy in this batch goes through the merge
                straight.append(position)
            else:
                merged.append(position)
                if ours:
                    rewritten.add(key)
        if straight:
            highest = max(keys[i] for i in straight)
            self._top = highest if top is None or highest > top else top
        return straight, merged, len(rewritten)

    def _copy(self, table: str, lines: list[bytes], *, temporary: bool = False) -> None:
        if temporary and not self._merge_table:
            self._cur.execute(
                "CREATE TEMP TABLE visits_in ON COMMIT DROP AS "
                f"SELECT {', '.join(COLUMNS)} FROM visits WITH NO DATA"
            )
            # The order rows arrived in, for the last copy of a visit to win.
            self._cur.execute("ALTER TABLE visits_in ADD COLUMN seq bigserial")
            self._merge_table = True
        data = b"\n".join(lines) + b"\n"
        with self._cur.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            copy.write(data)

    def _send_rejects(self, rows: list[RejectedRow]) -> None:
        with self._cur.copy(
            "COPY visit_import_rejects (import_id, line, kind, reason, excerpt) FROM STDIN"
        ) as copy:
            for r in rows:
                copy.write_row((self._import_id, r.line, r.kind.value, r.reason, r.excerpt))

    # --- the end ---------------------------------------------------------------------------

    def finish(self) -> tuple[int, int]:
        self._stop(discard=False)
        self._raise_failure()
        inserted, updated = self._inserted, self._updated
        if self._rebuild:
            # Enough memory for the index builds to sort in memory and, where the server allows
            # parallel maintenance workers (32 MB each at least), to use them: the builds are
            # the end of the import, with nothing else left to overlap (about a third faster
            # for a million rows on two cores). For this transaction only.
            self._cur.execute("SET LOCAL maintenance_work_mem = '256MB'")
        if self._bulk:
            inserted -= self._restore_key()
        if self._deferred:
            merged_in, merged_up = self._merge()
            inserted += merged_in
            updated += merged_up
        for name in self._rebuild:
            self._cur.execute(f"CREATE INDEX {name} ON {SECONDARY_INDEXES[name]}")
        self._rebuild = []
        return inserted, updated

    def _restore_key(self) -> int:
        """Build the natural key's unique index again after a bulk load; the number of rows
        dropped first as earlier copies of a visit the file repeats.

        Ids follow the file's order (one sequence, one session), so the last copy of a visit,
        which wins as in the merge, is the one with the greatest id. Only this client's rows can
        repeat: the others were unique when the index was dropped, in this transaction.
        """
        from psycopg.errors import UniqueViolation

        add = f"ALTER TABLE visits ADD CONSTRAINT {NATURAL_KEY} UNIQUE (client_id, visit_key)"
        cur = self._cur
        cur.execute("SAVEPOINT natural_key")
        try:
            cur.execute(add)
        except UniqueViolation:
            cur.execute("ROLLBACK TO SAVEPOINT natural_key")
        else:
            cur.execute("RELEASE SAVEPOINT natural_key")
            return 0
        cur.execute(
            "DELETE FROM visits v USING visits w WHERE v.client_id = %s "
            "AND w.client_id = v.client_id AND w.visit_key = v.visit_key AND w.id > v.id",
            (self._client_id,),
        )
        dropped = int(cur.rowcount)
        cur.execute("RELEASE SAVEPOINT natural_key")
        cur.execute(add)
        return dropped

    def _merge(self) -> tuple[int, int]:
        """Upsert the rows in ``visits_in`` and empty it: (visits inserted, updated)."""
        cols = ", ".join(COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in UPDATED_COLUMNS)
        # DISTINCT ON keeps the last copy of a visit the rows repeat (ON CONFLICT may not
        # touch one row twice); xmax = 0 tells an inserted row from an updated one.
        self._cur.execute(
            f"WITH src AS (SELECT DISTINCT ON (client_id, visit_key) {cols} "
            f"FROM visits_in ORDER BY client_id, visit_key, seq DESC), "
            f"up AS (INSERT INTO visits ({cols}) SELECT {cols} FROM src "
            f"ON CONFLICT (client_id, visit_key) DO UPDATE SET {updates} "
            f"RETURNING (xmax = 0) AS inserted) "
            f"SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) "
            f"FROM up"
        )
        inserted, updated = self._cur.fetchone()
        self._cur.execute("TRUNCATE visits_in")
        return int(inserted), int(updated)

    def update_history(self, history: VisitImportRow) -> None:
        sets = ", ".join(f"{name} = %s" for name in _HISTORY_UPDATE)
        self._cur.execute(
            f"UPDATE visit_imports SET {sets} WHERE id = %s",
            [*_history_values(history, _HISTORY_UPDATE, False), self._import_id],
        )

    def commit(self) -> None:
        # synchronous_commit stays as the server has it: the commit waits for one WAL flush,
        # most of the import's WAL is on disk by then (the WAL writer flushes as it fills), and
        # turning it off would let a server crash right after lose an import the user was told
        # had finished, for no time this load would notice.
        self._conn.commit()

    def rollback(self) -> None:
        try:
            self._stop(discard=True)
        finally:
            self._conn.rollback()

    def close(self) -> None:
        try:
            self._stop(discard=True)
            self._cur.close()
        finally:
            self._raw.close()


def import_visits(  # noqa: PLR0917 - the long-job signature: options, progress, token
    ws: Workspace,
    client_id: int,
    path: Path,
    options: ImportOptions | None = None,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
    *,
    detection: Detection | None = None,
    forced_format: VisitFormat | None = None,
    mapping: ColumnMapping | None = None,
) -> ImportResult:
    """Import a visit file for a client with its settings, then re-attribute its leads.

    ``options.site_timezone`` overrides the client's site time zone for this file. The client's
    fixed pool turns reported pool indexes into shown addresses. Afterwards every token and pool
    lead of the client is matched again, so leads that waited for this period get their visit.
    """
    from app.core.attribution.visits import attribute_visits

    ws.clients.get(client_id)  # NotFoundError for a wrong id
    settings = ws.visits.settings(client_id)
    options = options or ImportOptions()
    if not options.site_timezone and settings.site_timezone:
        options = dataclasses.replace(options, site_timezone=settings.site_timezone)
    result = load_visits(
        ws.db,
        client_id,
        path,
        options,
        progress=progress,
        token=token,
        detection=detection,
        forced_format=forced_format,
        mapping=mapping,
        pool=settings.pool,
    )
    progress(1, 1, translate("visits", "Matching leads to visits"))
    found = attribute_visits(
        ws.db, client_id, pool=settings.pool, hold_minutes=settings.hold_minutes
    )
    return dataclasses.replace(
        result,
        attributed=found.matched,
        waiting=found.waiting,
        changes=result.changes | found.changes,
    )
