"""Bad storage input: each case gets a clear message naming what and where, and loses nothing.

Issue 2's list: a database file that is corrupt, read-only, locked by another program or on a
full disk; a PostgreSQL URL that is malformed, unreachable or has a wrong password.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from app.core.clients.model import ClientFields
from app.core.clients.service import ClientService
from app.core.errors import StorageError
from app.core.paths import Location, resolve_location
from app.core.storage.database import Database, sqlite_target
from app.core.storage.lock import DataFolderLock
from app.core.workspace import Workspace


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_client(
    location: Location, name: str = "Ромашка", database_url: str | None = None
) -> None:
    with Workspace.open(location, database_url=database_url) as ws:
        ws.clients.create(ClientFields(name=name, main_address="info@romashka.ru"))


def client_names(location: Location, database_url: str | None = None) -> list[str]:
    with Workspace.open(location, database_url=database_url) as ws:
        return [c.name for c in ws.clients.list(include_archived=True)]


def assert_folder_unlocked(location: Location) -> None:
    """A failed open must not keep the data folder locked: the app can try again."""
    with DataFolderLock(location.data_dir) as lock:
        assert lock.held


# --- SQLite -------------------------------------------------------------------------------------


def _garbage(path: Path) -> None:
    path.write_bytes(b"This is a spreadsheet, not a database.\n" * 200)


def _header_then_garbage(path: Path) -> None:
    # A real SQLite header with the pages after it overwritten (a half-synced copy, a bad disk).
    data = bytearray(path.read_bytes())
    data[100:] = os.urandom(len(data) - 100)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_garbage, _header_then_garbage], ids=["garbage", "pages"])
def test_corrupt_sqlite_file(location: Location, tmp_path: Path, damage: Any) -> None:
    store_client(location)
    damage(location.database_file)
    before = digest(location.database_file)

    with pytest.raises(StorageError) as caught:
        Workspace.open(location)

    message = str(caught.value)
    assert str(location.database_file) in message
    assert "damaged" in message
    assert digest(location.database_file) == before, "a damaged file must be left as it was"
    assert_folder_unlocked(location)
    # The app stays usable: another data folder opens and works.
    other = resolve_location(tmp_path / "other")
    store_client(other, "Лютик")
    assert client_names(other) == ["Лютик"]


READ_ONLY_PROBE = textwrap.dedent(
    """
    import json, os, sys, tempfile
    from pathlib import Path
    from app.core.clients.model import ClientFields
    from app.core.clients.service import ClientService
    from app.core.errors import AppError
    from app.core.paths import resolve_location
    from app.core.storage.database import Database, sqlite_target
    from app.core.workspace import Workspace

    folder, scratch = Path(sys.argv[1]), Path(sys.argv[2])

    def use(loc):
        with Workspace.open(loc) as ws:
            ws.clients.create(ClientFields(name="Лютик"))
            return [c.name for c in ws.clients.list()]

    # The interpreter lives under /root, which "nobody" cannot read: load every module the
    # scenario needs while still root, then drop the privileges.
    with tempfile.TemporaryDirectory() as warm:
        use(resolve_location(warm))
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)

    out = {"uid": os.geteuid()}
    try:
        Workspace.open(resolve_location(folder))
    except AppError as exc:
        out["workspace"] = [type(exc).__name__, str(exc)]
    db = Database(sqlite_target(folder / "mailsource.sqlite3"))
    try:
        ClientService(db).create(ClientFields(name="Новый"))
    except AppError as exc:
        out["database"] = [type(exc).__name__, str(exc)]
    finally:
        db.dispose()
    out["other_folder"] = use(resolve_location(scratch))
    print(json.dumps(out))
    """
)


def test_read_only_database() -> None:
    # pytest's tmp_path sits in a folder only root may enter; "nobody" needs a way in.
    root = Path(tempfile.mkdtemp(prefix="mailsource-ro-"))
    try:
        root.chmod(0o755)
        location = resolve_location(root / "data")
        scratch = root / "scratch"
        scratch.mkdir()
        scratch.chmod(0o777)
        store_client(location)
        before = digest(location.database_file)
        if os.geteuid() != 0:
            # Root ignores permissions, so as root the probe drops to "nobody" instead.
            location.database_file.chmod(0o444)
            location.data_dir.chmod(0o555)
        try:
            result = subprocess.run(
                [sys.executable, "-c", READ_ONLY_PROBE, str(location.data_dir), str(scratch)],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        finally:
            location.data_dir.chmod(0o755)
            location.database_file.chmod(0o644)
        assert result.returncode == 0, result.stderr
        out = json.loads(result.stdout)
        assert out["uid"] != 0

        kind, message = out["workspace"]
        assert kind == "StorageError"
        assert str(location.data_dir) in message

        kind, message = out["database"]
        assert kind == "StorageError"
        assert str(location.database_file) in message
        assert "read-only" in message

        assert out["other_folder"] == ["Лютик"], "the app stays usable on a writable folder"
        assert digest(location.database_file) == before
        assert client_names(location) == ["Ромашка"]
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_database_locked_by_another_program(location: Location) -> None:
    store_client(location)
    other_program = sqlite3.connect(location.database_file, isolation_level=None)
    try:
        other_program.execute("BEGIN EXCLUSIVE")
        db = Database(sqlite_target(location.database_file), busy_timeout_ms=200)
        try:
            clients = ClientService(db)
            with pytest.raises(StorageError) as caught:
                clients.create(ClientFields(name="Лютик"))
            message = str(caught.value)
            assert str(location.database_file) in message
            assert "locked by another program" in message
            # Reading still works while the other program writes (WAL).
            assert [c.name for c in clients.list()] == ["Ромашка"]

            other_program.execute("ROLLBACK")
            # Once the other program lets go, the same open database saves again.
            clients.create(ClientFields(name="Лютик"))
        finally:
            db.dispose()
    finally:
        other_program.close()
    assert client_names(location) == ["Лютик", "Ромашка"]


def test_disk_full(location: Location) -> None:
    store_client(location)
    db = Database(sqlite_target(location.database_file))
    disk = {"full": True}

    @event.listens_for(db.engine, "connect")
    def _small_disk(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # SQLITE_FULL for real: the file may grow only a few pages past its size now.
        if disk["full"]:
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 3}")

    saved: list[str] = []
    try:
        clients = ClientService(db)
        with pytest.raises(StorageError) as caught:
            for n in range(100):
                name = f"Клиент {n}"
                clients.create(ClientFields(name=name, notes="заметка " * 1000))
                saved.append(name)
        message = str(caught.value)
        assert str(location.database_file) in message
        assert "full" in message
        assert "nothing was saved" in message
        # Everything saved before the disk filled up is still there, and readable right away.
        assert sorted(c.name for c in clients.list()) == sorted(["Ромашка", *saved])
    finally:
        db.dispose()

    disk["full"] = False  # space was freed
    failed = f"Клиент {len(saved)}"
    store_client(location, failed)
    assert sorted(client_names(location)) == sorted(["Ромашка", *saved, failed])


# --- PostgreSQL URLs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://mailsource:s3cret-pw@db.example:port/mailsource",
        "not a url at all s3cret-pw",
        "mysql://mailsource:s3cret-pw@db.example/mailsource",
    ],
    ids=["bad-port", "not-a-url", "not-postgresql"],
)
def test_malformed_database_url(location: Location, url: str) -> None:
    store_client(location)
    with pytest.raises(StorageError) as caught:
        Workspace.open(location, database_url=url)
    message = str(caught.value)
    assert "URL" in message or "mysql" in message
    assert "s3cret-pw" not in message, "a password must never be shown"
    assert_folder_unlocked(location)
    assert client_names(location) == ["Ромашка"], "the SQLite data is untouched"


def _closed_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed as soon as the block ends: nothing listens


def test_unreachable_server(location: Location) -> None:
    port = _closed_loopback_port()
    url = f"postgresql://mailsource:s3cret-pw@127.0.0.1:{port}/mailsource"
    with pytest.raises(StorageError) as caught:
        Workspace.open(location, database_url=url)
    message = str(caught.value)
    assert "Cannot reach the PostgreSQL server" in message
    assert f"127.0.0.1:{port}" in message
    assert "s3cret-pw" not in message
    assert "s3cret-pw" not in caught.value.details
    assert_folder_unlocked(location)


@pytest.mark.postgres
def test_wrong_password(location: Location, pg_url: str, postgres_server: Any) -> None:
    store_client(location, "Командный клиент", database_url=pg_url)
    database = pg_url.rsplit("/", 1)[1]
    wrong = postgres_server.url(database, password="not-the-pw-42")

    with pytest.raises(StorageError) as caught:
        Workspace.open(location, database_url=wrong)
    message = str(caught.value)
    assert "refused the user name or password" in message
    assert f"{postgres_server.host}:{postgres_server.port}" in message
    assert "not-the-pw-42" not in message
    assert "not-the-pw-42" not in caught.value.details
    assert_folder_unlocked(location)
    assert client_names(location, database_url=pg_url) == ["Командный клиент"]


def test_a_bulk_import_into_a_locked_database_says_so_and_runs_again(
    location: Location, tmp_path: Path
) -> None:
    """The bulk paths write through the driver connection: its own errors get the same clear
    message, and running the job again once the database is free completes it."""
    from app.core.visits.importer import import_visits
    from tests.core.visits.test_visits_importer import big_metrica, new_client

    export = big_metrica(tmp_path / "visits.tsv", 50)
    with Workspace.open(location) as ws:
        client_id = new_client(ws)
    other_program = sqlite3.connect(location.database_file, isolation_level=None)
    try:
        with Workspace.open(location) as ws:
            other_program.execute("BEGIN EXCLUSIVE")
            with pytest.raises(StorageError) as caught:
                import_visits(ws, client_id, export)
            message = str(caught.value)
            assert str(location.database_file) in message
            assert "locked by another program" in message
            other_program.execute("ROLLBACK")
            result = import_visits(ws, client_id, export)
            assert result.imported == 50
            assert ws.visits.count(client_id) == 50
    finally:
        other_program.close()
