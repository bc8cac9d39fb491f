"""Bringing a database to the newest schema, with a safety copy for SQLite files.

Before a SQLite file is migrated it is copied beside itself as ``<file>.bak-<revision>`` with
SQLite's online backup (so the copy includes what is still in the WAL). If the migration fails
the copy is put back and the user is told.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.core.errors import MigrationError, StorageError
from app.core.i18n import translate
from app.core.storage.database import Database, describe_db_error
from app.core.storage.migrations import SCHEMA_HEAD

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class MigrationResult:
    """What :func:`upgrade` did."""

    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def current_revision(db: Database) -> str | None:
    """The schema revision stored in the database, or None for an empty one."""
    with db.translate_errors(), db.engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        row = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).first()
        return None if row is None else str(row[0])


def _alembic_config(connection: object, script_location: Path | None = None) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions(script_location: Path | None = None) -> set[str]:
    """Every revision in the migrations folder (``script_location``, default the app's own)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy a live SQLite file (including its WAL) beside itself."""
    target = path.with_name(f"{path.name}.bak-{revision or 'empty'}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _restore_sqlite(path: Path, backup: Path) -> None:
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(backup, path)


def upgrade(
    db: Database, *, target: str = "head", script_location: Path | None = None
) -> MigrationResult:
    """Migrate ``db`` to ``target``; a no-op (and no Alembic import) when it is already current.

    ``script_location`` is the migrations folder, the app's own by default (tests pass a copy
    with extra revisions).
    """
    before = current_revision(db)
    if before == SCHEMA_HEAD and target == "head" and script_location is None:
        return MigrationResult(before, before, None)
    if before is not None and before not in known_revisions(script_location):
        raise StorageError(
            translate(
                "storage",
                "The database {where} was written by a newer version of Mailsource (schema "
                "{revision}). Update Mailsource to open it.",
            ).format(where=db.describe(), revision=before)
        )

    backup: Path | None = None
    path = db.target.sqlite_path
    if path is not None and before is not None:
        try:
            backup = backup_sqlite(path, before)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(
                translate(
                    "storage",
                    "Could not make a safety copy of {where} before upgrading it: {reason}",
                ).format(where=path, reason=exc),
                details=str(exc),
            ) from exc
        log.info("Backed up %s to %s before migrating from %s", path, backup, before)

    from alembic import command

    try:
        with db.engine.begin() as conn:
            command.upgrade(_alembic_config(conn, script_location), target)  # type: ignore[arg-type]
    except Exception as exc:
        log.exception("Migration of %s from %s failed", db.describe(), before)
        db.dispose()
        if backup is not None and path is not None:
            _restore_sqlite(path, backup)
            raise MigrationError(
                translate(
                    "storage",
                    "Upgrading the database {where} failed. The previous copy was restored "
                    "from {backup}; nothing was lost.",
                ).format(where=path, backup=backup),
                details=str(exc),
            ) from exc
        if isinstance(exc, DBAPIError):
            raise describe_db_error(exc, db.describe(), sqlite=db.is_sqlite) from exc
        if isinstance(exc, SQLAlchemyError):
            raise MigrationError(
                translate("storage", "Upgrading the database {where} failed.").format(
                    where=db.describe()
                ),
                details=str(exc),
            ) from exc
        raise
    after = current_revision(db)
    log.info("Database %s migrated from %s to %s", db.describe(), before, after)
    return MigrationResult(before, after or target, backup)
