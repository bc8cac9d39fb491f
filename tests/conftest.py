"""Root fixtures: a temp data folder, workspaces on SQLite and PostgreSQL, a real PostgreSQL server.

No Qt here: ``tests/ui/conftest.py`` adds the Qt fixtures. The PostgreSQL server is Debian's
``postgresql`` package, started once per session on a free loopback port in a temp folder. On CI
(``CI=true``) a missing server is a failure; on a developer's machine the tests that need it skip
with the reason.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import pytest

from app.core.paths import DATA_DIR_ENV, DB_URL_ENV, Location, resolve_location
from app.core.workspace import Workspace

ON_CI = os.environ.get("CI", "").lower() == "true"
PG_SUPERUSER = "postgres"
PG_START_DEADLINE_S = 60.0


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


@dataclass
class PostgresServer:
    """A running throwaway PostgreSQL server on loopback, password authentication over TCP."""

    host: str
    port: int
    user: str
    password: str
    root: Path
    process: subprocess.Popen[bytes]

    def url(self, database: str = "postgres", *, password: str | None = None) -> str:
        pw = self.password if password is None else password
        return f"postgresql://{self.user}:{pw}@{self.host}:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        ) as conn:
            conn.execute(sql.encode())


def find_pg_bindir() -> Path | None:
    """Debian keeps the server binaries out of PATH, in /usr/lib/postgresql/<major>/bin."""
    env = os.environ.get("MAILSOURCE_PG_BINDIR")
    candidates = [env] if env else []
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    which = shutil.which("initdb")
    if which:
        candidates.append(str(Path(which).parent))
    for folder in candidates:
        if folder and (Path(folder) / "initdb").is_file() and (Path(folder) / "postgres").is_file():
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_user() -> tuple[int, int] | None:
    """PostgreSQL refuses to run as root: as root, run it as ``postgres`` (or ``nobody``)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return entry.pw_uid, entry.pw_gid
    raise RuntimeError("running as root, but there is no 'postgres' or 'nobody' user")


def _wait_ready(server: PostgresServer, log_file: Path) -> None:
    import psycopg

    deadline = time.monotonic() + PG_START_DEADLINE_S
    last: Exception | None = None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"PostgreSQL exited with {server.process.returncode}:\n"
                + log_file.read_text(errors="replace")[-4000:]
            )
        try:
            with psycopg.connect(
                host=server.host,
                port=server.port,
                user=server.user,
                password=server.password,
                dbname="postgres",
                connect_timeout=2,
            ):
                return
        except psycopg.OperationalError as exc:
            last = exc
        # Still starting: wait on the process itself, so an early exit is noticed at once.
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.process.wait(timeout=0.1)
    raise RuntimeError(f"PostgreSQL did not accept connections in time: {last}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """initdb + postgres into a temp folder on a free loopback port; stopped at session end."""
    bindir = find_pg_bindir()
    if bindir is None:
        missing(
            "PostgreSQL server binaries (initdb, postgres) not found: install Debian's "
            "'postgresql' package (./scripts/setup.sh --test does) or set MAILSOURCE_PG_BINDIR"
        )
        raise AssertionError  # unreachable: missing() skips or fails
    ids = _server_user()
    root = Path(tempfile.mkdtemp(prefix="mailsource-pg-"))
    data = root / "data"
    log_file = root / "server.log"
    password = secrets.token_urlsafe(16)
    pwfile = root / "pw"
    pwfile.write_text(password + "\n")
    run_as: dict[str, object] = {}
    if ids is not None:
        uid, gid = ids
        os.chown(root, uid, gid)
        os.chown(pwfile, uid, gid)
        run_as = {"user": uid, "group": gid, "extra_groups": []}
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    subprocess.run(
        [
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            PG_SUPERUSER,
            "--pwfile",
            str(pwfile),
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        cwd=root,
        env=env,
        **run_as,
    )
    pwfile.unlink()
    port = free_port()
    with open(log_file, "wb") as log:
        if ids is not None:
            os.chown(log_file, *ids)
        # We start ``postgres`` ourselves (not via pg_ctl) so it stays our child: we reap it at
        # the end and never leave an orphan or a zombie behind.
        process = subprocess.Popen(
            [
                str(bindir / "postgres"),
                "-D",
                str(data),
                "-p",
                str(port),
                "-k",
                str(root),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=50",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=root,
            env=env,
            start_new_session=True,
            **run_as,
        )
    server = PostgresServer("127.0.0.1", port, PG_SUPERUSER, password, root, process)
    try:
        _wait_ready(server, log_file)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)  # "fast" shutdown: ends sessions, then exits
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)


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
