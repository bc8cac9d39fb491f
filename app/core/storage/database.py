"""Opening the database: the embedded SQLite file or a PostgreSQL server (team mode).

One :class:`Database` per process. ``session()`` is the unit of work: one transaction, committed
when the block ends, rolled back on any error, with driver errors turned into
:class:`~app.core.errors.StorageError` messages that say what and where.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import StorageError
from app.core.i18n import translate

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class DatabaseTarget:
    """Which database to open: a SQLite file or a server URL."""

    url: URL
    sqlite_path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.sqlite_path is not None

    def describe(self) -> str:
        """Where the data is, for messages; never shows a password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)


def sqlite_target(path: Path) -> DatabaseTarget:
    return DatabaseTarget(URL.create("sqlite+pysqlite", database=str(path)), path)


def server_target(url: str) -> DatabaseTarget:
    """Parse a team-mode URL; ``postgresql://`` uses psycopg 3."""
    try:
        parsed = make_url(url.strip())
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        raise StorageError(
            translate("storage", "The database URL is not valid: {url}").format(url=_mask(url)),
            details=str(exc),
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = Path(parsed.database or "").expanduser()
        return sqlite_target(path)
    if backend not in {"postgresql", "postgres"}:
        raise StorageError(
            translate(
                "storage", "Unsupported database “{backend}”: use a postgresql:// URL."
            ).format(backend=backend)
        )
    return DatabaseTarget(parsed.set(drivername="postgresql+psycopg"), None)


def password_key(url: URL) -> str:
    """The keyring entry name for a team database's password (never the password itself)."""
    user, host = url.username or "", url.host or "localhost"
    return f"database:{user}@{host}:{url.port or 5432}/{url.database or ''}"


def split_password(url: str) -> tuple[str, str]:
    """Return the URL without its password (safe to store in Settings) and the password."""
    target = server_target(url)
    password = target.url.password or ""
    if target.is_sqlite or not password:
        return url.strip(), password
    u = target.url
    bare = URL.create("postgresql", u.username, None, u.host, u.port, u.database, u.query)
    return bare.render_as_string(hide_password=False), str(password)


def _mask(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "…"


def _sqlite_connect_listener(busy_timeout_ms: int) -> Callable[[sqlite3.Connection, Any], None]:
    def on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        _on_sqlite_connect(dbapi_conn, busy_timeout_ms)

    return on_connect


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    # Let SQLAlchemy manage transactions; the pragmas must run outside one.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
    finally:
        cur.close()


def _on_sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


class Database:
    """An open database with a session factory and clear error messages."""

    def __init__(self, target: DatabaseTarget, *, busy_timeout_ms: int | None = None) -> None:
        self.target = target
        if target.is_sqlite:
            assert target.sqlite_path is not None
            _check_sqlite_folder(target.sqlite_path)
            timeout_ms = busy_timeout_ms or SQLITE_BUSY_TIMEOUT_MS
            self.engine: Engine = create_engine(
                target.url, connect_args={"timeout": timeout_ms / 1000}, pool_pre_ping=False
            )
            # The PRAGMA is what SQLite obeys; it must carry the caller's timeout, not the default.
            event.listen(self.engine, "connect", _sqlite_connect_listener(timeout_ms))
            event.listen(self.engine, "begin", _on_sqlite_begin)
        else:
            self.engine = create_engine(
                target.url,
                connect_args={"connect_timeout": 5, "application_name": "Mailsource"},
                pool_pre_ping=True,
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.target.is_sqlite

    def describe(self) -> str:
        return self.target.describe()

    def check(self) -> None:
        """Connect and read the schema table: fails clearly on a corrupt file or a bad server."""
        with self.translate_errors(), self.engine.connect() as conn:
            if self.is_sqlite:
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
            else:
                conn.execute(text("SELECT 1")).scalar_one()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit at the end, roll back on error, driver errors translated."""
        with self.translate_errors():
            session = self._sessions()
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    @contextmanager
    def translate_errors(self) -> Iterator[None]:
        """Database errors inside become a :class:`StorageError` that says what to do: those
        SQLAlchemy raises, and the driver's own (``sqlite3``, ``psycopg``) from the bulk paths
        that write through the driver connection."""
        try:
            yield
        except DBAPIError as exc:
            raise describe_db_error(exc, self.describe(), sqlite=self.is_sqlite) from exc
        except SQLAlchemyError as exc:
            raise StorageError(
                translate("storage", "Database error in {where}.").format(where=self.describe()),
                details=str(exc),
            ) from exc
        except Exception as exc:
            driver_error = getattr(self.engine.dialect.loaded_dbapi, "Error", None)
            if driver_error is None or not isinstance(exc, driver_error):
                raise
            raise describe_db_error(exc, self.describe(), sqlite=self.is_sqlite) from exc

    def dispose(self) -> None:
        self.engine.dispose()


def _check_sqlite_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            translate("storage", "Cannot create the data folder {folder}: {reason}").format(
                folder=path.parent, reason=exc.strerror or exc
            ),
            details=str(exc),
        ) from exc


def describe_db_error(exc: Exception, where: str, *, sqlite: bool) -> StorageError:
    """Turn a driver error (SQLAlchemy's wrapper, or the driver's own) into a message a user
    can act on."""
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    raw = str(orig) if orig is not None else str(exc)
    low = raw.lower()
    if sqlite:
        if "file is not a database" in low or "malformed" in low:
            msg = translate(
                "storage",
                "The database file {where} is damaged or is not a Mailsource database. "
                "Restore it from a backup (Mailsource keeps .bak copies beside it) or choose "
                "another data folder.",
            )
        elif "readonly" in low or "read-only" in low:
            msg = translate(
                "storage",
                "The database file {where} is read-only. Give your user write access to it and "
                "its folder, or choose another data folder.",
            )
        elif "locked" in low or "busy" in low:
            msg = translate(
                "storage",
                "The database file {where} is locked by another program. Close the program "
                "using it (a backup or sync tool, a database browser) and try again.",
            )
        elif "disk is full" in low or "database or disk is full" in low:
            msg = translate(
                "storage",
                "The disk holding {where} is full. Free some space and try again; nothing "
                "was saved from this operation.",
            )
        elif "unable to open" in low:
            msg = translate(
                "storage",
                "Cannot open the database file {where}. Check that the folder exists and is "
                "writable.",
            )
        else:
            msg = translate("storage", "Database error in {where}.")
    elif "password authentication failed" in low or "authentication" in low:
        msg = translate(
            "storage", "The PostgreSQL server at {where} refused the user name or password."
        )
    elif "does not exist" in low and "database" in low:
        msg = translate("storage", "The database in {where} does not exist on the server.")
    elif (
        "connection refused" in low
        or "could not connect" in low
        or "timeout" in low
        or "name or service not known" in low
        or "could not translate host name" in low
        or "connection failed" in low
        or "connection to server" in low
    ):
        msg = translate(
            "storage",
            "Cannot reach the PostgreSQL server at {where}. Check the address and that the "
            "server is running.",
        )
    else:
        msg = translate("storage", "Database error in {where}.")
    return StorageError(msg.format(where=where), details=raw)
