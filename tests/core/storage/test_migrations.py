"""Schema migrations: fresh databases, no-op reopen, models vs migrations, safety copies."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.core.clients.model import ChannelFields, ClientFields
from app.core.errors import MigrationError
from app.core.paths import Location
from app.core.storage.database import Database, sqlite_target
from app.core.storage.migrate import MIGRATIONS_DIR, current_revision, upgrade
from app.core.storage.migrations import SCHEMA_HEAD
from app.core.storage.models import Base
from app.core.workspace import Workspace

FIRST_REVISION = "0001"

BROKEN_0999 = '''"""Wipes the clients, changes the schema, then fails: as bad as it gets."""

import sqlalchemy as sa
from alembic import op

revision = "0999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM channels")
    op.execute("DELETE FROM clients")
    op.add_column("clients", sa.Column("broken", sa.Integer(), nullable=True))
    raise RuntimeError("revision 0999 is broken on purpose")


def downgrade() -> None:
    pass
'''


def migrations_with(tmp_path: Path, name: str, source: str) -> Path:
    """A copy of the app's migrations folder with one extra revision after the real head."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / name).write_text(source.replace("{head}", SCHEMA_HEAD), "utf-8")
    return folder


def sqlite_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def fill(location: Location) -> None:
    """A database at the current head with a client and a channel in it."""
    with Workspace.open(location) as ws:
        client = ws.clients.create(ClientFields(name="Ромашка", domains=("romashka.ru",))).value
        ws.channels.create(client.id, ChannelFields(name="Билборд на МКАД"))


def test_schema_head_is_alembics_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_heads() == [SCHEMA_HEAD]


def test_fresh_database_migrates_to_head(workspace: Workspace) -> None:
    assert workspace.migration is not None
    assert workspace.migration.from_revision is None
    assert workspace.migration.to_revision == SCHEMA_HEAD
    assert workspace.migration.backup is None
    assert current_revision(workspace.db) == SCHEMA_HEAD


def test_models_agree_with_migrations(workspace: Workspace) -> None:
    with workspace.db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_second_open_is_a_no_op(location: Location) -> None:
    fill(location)
    before = location.database_file.stat().st_size
    with Workspace.open(location) as ws:
        assert ws.migration is not None
        assert not ws.migration.changed
        assert ws.migration.backup is None
        assert [c.name for c in ws.clients.list()] == ["Ромашка"]
    assert not list(location.data_dir.glob("*.bak-*"))
    assert location.database_file.stat().st_size == before


def test_upgrading_an_older_file_leaves_a_safety_copy(location: Location) -> None:
    # A file as the first release wrote it: schema 0001 with a client and a channel in it.
    db = Database(sqlite_target(location.database_file))
    try:
        upgrade(db, target=FIRST_REVISION)
    finally:
        db.dispose()
    conn = sqlite3.connect(location.database_file)
    try:
        with conn:
            conn.execute(
                "INSERT INTO clients (id, name, name_key, domains, main_address, currency, notes,"
                " archived, created_at, updated_at) VALUES (1, 'Ромашка', 'ромашка',"
                " '[\"romashka.ru\"]', 'info@romashka.ru', 'RUB', '', 0,"
                " '2026-01-02 03:04:05', '2026-01-02 03:04:05')"
            )
            conn.execute(
                "INSERT INTO channels (id, client_id, name, name_key, kind, color, notes, active,"
                " created_at, updated_at) VALUES (7, 1, 'ТВ', 'тв', 'offline', '#4e79a7', '', 1,"
                " '2026-01-02 03:04:05', '2026-01-02 03:04:05')"
            )
    finally:
        conn.close()

    with Workspace.open(location) as ws:
        assert ws.migration is not None
        assert (ws.migration.from_revision, ws.migration.to_revision) == (
            FIRST_REVISION,
            SCHEMA_HEAD,
        )
        backup = location.data_dir / f"mailsource.sqlite3.bak-{FIRST_REVISION}"
        assert ws.migration.backup == backup
        client = ws.clients.find("ромашка")
        assert (client.name, client.domains, client.main_address) == (
            "Ромашка",
            ("romashka.ru",),
            "info@romashka.ru",
        )
        assert [ch.name for ch in ws.channels.list(client.id)] == ["ТВ"]

    # The copy is the file as it was before: old schema, same data.
    assert backup.is_file()
    assert sqlite_rows(backup, "SELECT version_num FROM alembic_version") == [(FIRST_REVISION,)]
    assert sqlite_rows(backup, "SELECT name FROM clients") == [("Ромашка",)]
    assert sqlite_rows(backup, "SELECT name FROM channels") == [("ТВ",)]


def test_failed_migration_restores_the_copy_and_loses_nothing(
    location: Location, tmp_path: Path
) -> None:
    fill(location)
    broken = migrations_with(tmp_path, "0999_broken.py", BROKEN_0999)
    db = Database(sqlite_target(location.database_file))
    try:
        with pytest.raises(MigrationError) as caught:
            upgrade(db, script_location=broken)
    finally:
        db.dispose()
    message = str(caught.value)
    assert str(location.database_file) in message
    assert "restored" in message
    assert "broken on purpose" in caught.value.details
    assert (location.data_dir / f"mailsource.sqlite3.bak-{SCHEMA_HEAD}").is_file()

    # The app opens the restored file as if nothing happened.
    with Workspace.open(location) as ws:
        assert current_revision(ws.db) == SCHEMA_HEAD
        clients = ws.clients.list()
        assert [c.name for c in clients] == ["Ромашка"]
        assert [ch.name for ch in ws.channels.list(clients[0].id)] == ["Билборд на МКАД"]
    columns = [row[1] for row in sqlite_rows(location.database_file, "PRAGMA table_info(clients)")]
    assert "broken" not in columns
