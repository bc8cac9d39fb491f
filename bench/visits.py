"""Visits benchmark: importing a Metrica export and attributing leads, against SQLite's own tools.

In one run, on a generated realistic Logs API visits TSV (``--rows``, 1,000,000 by default;
Cyrillic keywords and cities, 64-bit ids, per-visit tokens and pool indexes in the params):

(a) the ``sqlite3`` shell's ``.import`` of the same file, then the same three indexes we keep
    (natural key, pool covering index, token), in a fresh database;
(b) ``mailsource visits import FILE --client NAME`` as a fresh process (peak memory measured);
(c) our attribution of ``--leads`` (100,000) pool leads against those visits
    (``app.core.attribution.visits.attribute_visits``: matches, collision counts, waiting and
    stored links; the first run writes every link, re-runs, as after each routine import,
    only the links that changed);
(d) the baseline: one SQL SELECT with a correlated subquery over the covering index.

(a)/(b) alternate ``--runs`` times and (c)/(d) ``--runs`` + 2 times; medians are reported.
PostgreSQL (COPY vs ``psql \\copy``) is ``bench/visits_pg.py``.

    .venv/bin/python bench/visits.py [--rows 1000000] [--leads 100000] [--runs 1]

The last lines read ``attribution: <s> vs <s> = ratio <R> (target 0.5)`` and
``visits import: <s> vs <s> = ratio <R> (target 0.5)``; a ratio is baseline time / our time.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from visits_data import write_metrica  # noqa: E402

TARGET = 0.5
CLIENT = "Стоматология «Улыбка»"
POOL_SIZE = 2000
HOLD_MINUTES = 24 * 60
SHELL_INDEXES = (
    'CREATE UNIQUE INDEX k ON v("ym:s:date", "ym:s:counterID", "ym:s:visitID");',
    'CREATE INDEX p ON v("ym:s:parsedParamsKey2", "ym:s:dateTime", "ym:s:visitID");',
    'CREATE INDEX t ON v("ym:s:parsedParamsKey1");',
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    env.pop("MAILSOURCE_DB_URL", None)
    return env


def run_measured(cmd: list[str], stdin: str = "") -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and output of a child process (os.wait4 gives its rusage)."""
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as in_file:
        in_file.write(stdin)
        in_file.seek(0)
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=out_file, stderr=subprocess.STDOUT, env=_env(), stdin=in_file
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out_file.seek(0)
        output = out_file.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:5])} failed ({proc.returncode}):\n{output}")
    return seconds, usage.ru_maxrss / 1024, output


def shell_import(tsv: Path, work: Path) -> float:
    db = work / "shell.sqlite3"
    db.unlink(missing_ok=True)
    script = f".mode tabs\n.import '{tsv}' v\n" + "\n".join(SHELL_INDEXES) + "\n"
    seconds, _, _ = run_measured(["sqlite3", str(db)], script)
    return seconds


def prepare_data_dir(work: Path) -> Path:
    from app.core.clients.model import ClientFields
    from app.core.paths import resolve_location
    from app.core.visits.service import VisitSettings
    from app.core.workspace import Workspace

    data = work / "data"
    shutil.rmtree(data, ignore_errors=True)
    with Workspace.open(resolve_location(str(data))) as ws:
        client = ws.clients.create(
            ClientFields(name=CLIENT, main_address="info@ulybka-dent.ru")
        ).value
        pool = tuple(f"site{i:04d}@ulybka-dent.ru" for i in range(POOL_SIZE))
        ws.visits.save_settings(
            client.id,
            VisitSettings(site_timezone="Europe/Moscow", hold_minutes=HOLD_MINUTES, pool=pool),
        )
    return data


def our_import(tsv: Path, work: Path) -> tuple[float, float, Path]:
    data = prepare_data_dir(work)
    cmd = [sys.executable, "-m", "app", "--data-dir", str(data), "visits", "import", str(tsv)]
    seconds, rss, output = run_measured([*cmd, "--client", CLIENT])
    if "new visits" not in output:
        raise SystemExit(output)
    return seconds, rss, data


def add_leads(db_file: Path, samples: list, leads: int) -> None:
    """Insert pool leads: each written 0-90 minutes after a sampled visit to its address."""
    rnd = random.Random(7)
    conn = sqlite3.connect(db_file)
    rows = []
    for i in range(leads):
        _, index, utc = samples[i % len(samples)]
        received = utc + timedelta(minutes=rnd.randint(0, 90))
        rows.append(
            (
                1,
                f"<bench-{i}@x>",
                f"<bench-{i}@x>",
                f"site{index:04d}@ulybka-dent.ru",
                received.strftime("%Y-%m-%d %H:%M:%S.%f"),
            )
        )
    conn.executemany(
        'INSERT INTO leads (client_id, dedup_key, message_id, in_reply_to, "references", '
        "sender_name, sender_address, subject, received_at, text, attachment_names, recipients, "
        "tracking_address, match_kind, token, filtered_detail, is_repeat, created_at, folder) "
        "VALUES (?, ?, ?, '', '[]', '', 'someone@example.ru', 'Вопрос', ?, '', '[]', '[]', "
        "?, 'tracking', '', '', 0, '2026-03-01 00:00:00.000000', 'INBOX')",
        [(c, k, m, received, address) for c, k, m, address, received in rows],
    )
    conn.commit()
    conn.close()


BASELINE = """
SELECT l.id,
       (SELECT v.id FROM visits v
        WHERE v.client_id = l.client_id AND v.shown_address = l.tracking_address
          AND v.started_at <= l.received_at
        ORDER BY v.started_at DESC, v.id DESC LIMIT 1)
FROM leads l WHERE l.client_id = 1
"""


def baseline(db_file: Path) -> float:
    conn = sqlite3.connect(db_file)
    started = time.perf_counter()
    rows = conn.execute(BASELINE).fetchall()
    seconds = time.perf_counter() - started
    conn.close()
    assert rows
    return seconds


def ours(data: Path) -> tuple[float, object]:
    from app.core.attribution.visits import attribute_visits
    from app.core.paths import resolve_location
    from app.core.workspace import Workspace

    with Workspace.open(resolve_location(str(data))) as ws:
        settings = ws.visits.settings(1)
        started = time.perf_counter()
        result = attribute_visits(ws.db, 1, pool=settings.pool, hold_minutes=settings.hold_minutes)
        return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the files")
    args = parser.parse_args()
    if shutil.which("sqlite3") is None:
        raise SystemExit("the sqlite3 shell is needed: apt-get install sqlite3")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-visits-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        tsv = work / "visits.tsv"
        started = time.perf_counter()
        samples = write_metrica(tsv, args.rows, pool_size=POOL_SIZE, with_tokens=True)
        size = tsv.stat().st_size
        print(
            f"generated {args.rows:,} visits, {size / 1e6:.0f} MB "
            f"in {time.perf_counter() - started:.1f} s"
        )
        shell_times, our_times, memory = [], [], []
        data = work
        for run in range(args.runs):
            shell_times.append(shell_import(tsv, work))
            seconds, rss, data = our_import(tsv, work)
            our_times.append(seconds)
            memory.append(rss)
            print(
                f"run {run + 1}: sqlite3 .import + indexes {shell_times[-1]:.2f} s, "
                f"mailsource visits import {seconds:.2f} s, peak memory {rss:.0f} MB"
            )
        (work / "shell.sqlite3").unlink(missing_ok=True)
        db_file = data / "mailsource.sqlite3"
        add_leads(db_file, samples, args.leads)
        base_times, attr_times = [], []
        result = None
        for _ in range(args.runs + 2):
            base_times.append(baseline(db_file))
            seconds, result = ours(data)
            attr_times.append(seconds)
        assert result is not None
        print(
            f"attribution of {args.leads:,} pool leads against {args.rows:,} visits: "
            f"{result.pool_matched:,} matched, {result.collisions:,} with collisions, "
            f"{result.waiting:,} waiting, {result.unmatched:,} without a visit; "
            f"first run (every link written) {attr_times[0]:.2f} s, "
            f"re-runs {', '.join(f'{t:.2f}' for t in attr_times[1:])} s"
        )
        print(f"peak memory of the import: {max(memory):.0f} MB (target < 300 MB)")
        shell, our = statistics.median(shell_times), statistics.median(our_times)
        base, attr = statistics.median(base_times), statistics.median(attr_times)
        print(f"attribution: {base:.2f} vs {attr:.2f} = ratio {base / attr:.2f} (target {TARGET})")
        print(
            f"visits import: {shell:.2f} vs {our:.2f} = ratio {shell / our:.2f} (target {TARGET})"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
