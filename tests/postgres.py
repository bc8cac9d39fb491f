"""A throwaway PostgreSQL server: initdb + postgres in a temp folder on a free loopback port.

Used by the tests' session fixture (``tests/conftest.py``) and by ``bench/visits_pg.py``. As
root the server runs as ``postgres`` (or ``nobody``): PostgreSQL refuses to run as root.
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
from pathlib import Path

PG_SUPERUSER = "postgres"
PG_START_DEADLINE_S = 60.0


MISSING = (
    "PostgreSQL server binaries (initdb, postgres) not found: install Debian's "
    "'postgresql' package (./scripts/setup.sh --test does) or set MAILSOURCE_PG_BINDIR"
)


class PostgresMissingError(RuntimeError):
    """The server binaries are not installed."""


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


@contextlib.contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """Start a server, yield it, stop it and remove its folder."""
    bindir = find_pg_bindir()
    if bindir is None:
        raise PostgresMissingError(MISSING)
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
