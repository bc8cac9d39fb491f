"""Root fixtures: a temp data folder, workspaces on SQLite and PostgreSQL, a real PostgreSQL server.

No Qt here: ``tests/ui/conftest.py`` adds the Qt fixtures. The PostgreSQL server is Debian's
``postgresql`` package, started once per session on a free loopback port in a temp folder. On CI
(``CI=true``) a missing server is a failure; on a developer's machine the tests that need it skip
with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest

from app.core.paths import DATA_DIR_ENV, DB_URL_ENV, Location, resolve_location
from app.core.workspace import Workspace
from tests.postgres import MISSING, PostgresServer, find_pg_bindir, free_port, running_postgres

__all__ = ["free_port", "missing"]  # imported by tests that need a free port or a server

ON_CI = os.environ.get("CI", "").lower() == "true"


def missing(reason: str) -> None:
    """Skip locally, fail on CI: a CI run that silently skipped a backend proves nothing."""
    if ON_CI:
        pytest.fail(f"{reason} (CI=true: this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _no_mailsource_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own data folder or team database must never leak into a test."""
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.delenv(DB_URL_ENV, raising=False)


@pytest.fixture
def location(tmp_path: Path) -> Location:
    """A fresh, empty data folder."""
    return resolve_location(tmp_path / "data")


@pytest.fixture
def sqlite_workspace(location: Location) -> Iterator[Workspace]:
    """A workspace on a fresh SQLite file, migrated to the newest schema."""
    ws = Workspace.open(location)
    try:
        yield ws
    finally:
        ws.close()


# --- PostgreSQL ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway server for the session (see :mod:`tests.postgres`)."""
    if find_pg_bindir() is None:
        missing(MISSING)
    with running_postgres() as server:
        yield server


_db_numbers = count(1)


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A URL to a fresh, empty database on the session's server, dropped after the test."""
    name = f"mailsource_test_{os.getpid()}_{next(_db_numbers)}"
    # FILE_COPY: for a tiny template it is faster than PostgreSQL 15's default WAL_LOG.
    postgres_server.admin(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY')
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """The name of the database backend a parametrized test runs on."""
    return str(request.param)


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest) -> str | None:
    """None for the SQLite file in the data folder, else a fresh PostgreSQL database's URL."""
    if backend == "sqlite":
        return None
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def workspace(location: Location, database_url: str | None) -> Iterator[Workspace]:
    """A migrated workspace, once on SQLite and once on PostgreSQL."""
    ws = Workspace.open(location, database_url=database_url)
    try:
        yield ws
    finally:
        ws.close()
