"""Visits import on PostgreSQL (team mode): ``mailsource visits import`` vs ``psql \\copy``.

Starts the tests' throwaway PostgreSQL server (``tests/postgres.py``: initdb + postgres on a
free loopback port; as root it runs as ``postgres`` or ``nobody``), generates the same realistic
Metrica TSV as ``bench/visits.py`` (``--rows``, 1,000,000 by default) and, alternating
``--runs`` times, measures:

(a) the baseline: ``psql -c "\\copy v FROM file"`` of the same rows into a table of text
    columns, then the same three indexes we keep (natural key, pool covering index, token);
(b) ``mailsource --db-url URL visits import FILE --client NAME`` as a fresh process into a
    migrated Mailsource database on the same server (our import uses ``COPY`` there).

Both run on the same server with the same settings (``fsync=off`` as in the tests: the
figures compare the two loads, not the disk). Each run line ends with the 1-minute load
average (other work on the machine moves both figures). Medians are reported; the last line reads
``visits import (PostgreSQL): <s> vs <s> = ratio <R> (target 0.5)`` (baseline time / ours).

    .venv/bin/python bench/visits_pg.py [--rows 1000000] [--runs 2]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from visits import CLIENT, HOLD_MINUTES, POOL_SIZE, TARGET, run_measured  # noqa: E402
from visits_data import write_metrica  # noqa: E402

from tests.postgres import running_postgres  # noqa: E402

PG_INDEXES = (
    'CREATE UNIQUE INDEX k ON v("ym:s:date", "ym:s:counterID", "ym:s:visitID")',
    'CREATE INDEX p ON v("ym:s:parsedParamsKey2", "ym:s:dateTime", "ym:s:visitID")',
    'CREATE INDEX t ON v("ym:s:parsedParamsKey1")',
)


@contextlib.contextmanager
def postgres() -> Iterator[tuple[str, dict[str, str]]]:
    """The tests' throwaway server; yields its URL prefix (no database) and psql's environment."""
    with running_postgres() as server:
        env = {**os.environ, "PGPASSWORD": server.password, "PGHOST": server.host}
        env.update(PGPORT=str(server.port), PGUSER=server.user)
        yield f"postgresql://{server.user}:{server.password}@{server.host}:{server.port}", env


def psql(env: dict[str, str], database: str, sql: str) -> None:
    subprocess.run(
        ["psql", "-v", "ON_ERROR_STOP=1", "-q", "-d", database, "-c", sql],
        env=env,
        check=True,
        capture_output=True,
    )


def baseline(tsv: Path, body: Path, env: dict[str, str], run: int) -> float:
    """``\\copy`` of the rows (no header line) into text columns, then the same indexes."""
    database = f"shell{run}"
    psql(env, "postgres", f"CREATE DATABASE {database}")
    header = tsv.open(encoding="utf-8").readline().rstrip("\n").split("\t")
    columns = ", ".join(f'"{name}" text' for name in header)
    psql(env, database, f"CREATE TABLE v ({columns})")
    script = f"\\copy v FROM '{body}'\n" + ";\n".join(PG_INDEXES) + ";\n"
    cmd = ["psql", "-v", "ON_ERROR_STOP=1", "-q", "-d", database]
    started = time.perf_counter()
    subprocess.run(cmd, input=script, text=True, env=env, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    psql(env, "postgres", f"DROP DATABASE {database}")
    return seconds


def ours(tsv: Path, work: Path, url: str, env: dict[str, str], run: int) -> tuple[float, float]:
    from app.core.clients.model import ClientFields
    from app.core.paths import resolve_location
    from app.core.visits.service import VisitSettings
    from app.core.workspace import Workspace

    database = f"mailsource{run}"
    psql(env, "postgres", f"CREATE DATABASE {database}")
    data = work / f"data{run}"
    db_url = f"{url}/{database}"
    with Workspace.open(resolve_location(str(data)), database_url=db_url) as ws:
        client = ws.clients.create(
            ClientFields(name=CLIENT, main_address="info@ulybka-dent.ru")
        ).value
        pool = tuple(f"site{i:04d}@ulybka-dent.ru" for i in range(POOL_SIZE))
        ws.visits.save_settings(
            client.id,
            VisitSettings(site_timezone="Europe/Moscow", hold_minutes=HOLD_MINUTES, pool=pool),
        )
    cmd = [sys.executable, "-m", "app", "--data-dir", str(data), "--db-url", db_url]
    cmd += ["visits", "import", str(tsv), "--client", CLIENT]
    seconds, rss, output = run_measured(cmd)
    if "new visits" not in output:
        raise SystemExit(output)
    psql(env, "postgres", f"DROP DATABASE {database}")
    return seconds, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if shutil.which("psql") is None:
        raise SystemExit("psql is needed: apt-get install postgresql-client")
    work = Path(tempfile.mkdtemp(prefix="bench-visits-pg-"))
    os.chmod(work, 0o755)  # the server (another user) reads the baseline's file
    try:
        tsv = work / "visits.tsv"
        started = time.perf_counter()
        write_metrica(tsv, args.rows, pool_size=POOL_SIZE, with_tokens=True)
        body = work / "body.tsv"
        with tsv.open("rb") as src, body.open("wb") as dst:
            src.readline()
            shutil.copyfileobj(src, dst, 1 << 20)
        print(f"generated {args.rows:,} visits in {time.perf_counter() - started:.1f} s")
        base_times, our_times, memory = [], [], []
        with postgres() as (url, env):
            for run in range(args.runs):
                base_times.append(baseline(tsv, body, env, run))
                seconds, rss = ours(tsv, work, url, env, run)
                our_times.append(seconds)
                memory.append(rss)
                print(
                    f"run {run + 1}: psql \\copy + indexes {base_times[-1]:.2f} s, "
                    f"mailsource visits import {seconds:.2f} s, peak memory {rss:.0f} MB, "
                    f"load average {os.getloadavg()[0]:.1f}"
                )
        base, our = statistics.median(base_times), statistics.median(our_times)
        print(f"peak memory of the import: {max(memory):.0f} MB (target < 300 MB)")
        print(
            f"visits import (PostgreSQL): {base:.2f} vs {our:.2f} = ratio {base / our:.2f} "
            f"(target {TARGET})"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
