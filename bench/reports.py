"""Reports benchmark: a client with 1,000,000 leads in SQLite.

Loads the leads with ``executemany`` tuples straight into a migrated workspace's file (indexes
dropped during the load and rebuilt after, as for any first big load), then times in one run:
the dashboard numbers (``ws.reports.report``: channel table with percentiles, chart series,
response buckets, costs) against the baseline, the same channel aggregate and percentiles as one
hand-written SQL statement run through the driver; the journal's first page (``ids()`` + one
``summaries()`` page); filter changes; a text search; the summary PDF and XLSX exports.

    .venv/bin/python bench/reports.py [--leads 1000000] [--runs 3] [--keep DIR]

Last line: ``dashboard: <ms> vs <ms> = ratio <R> (target 2.0)``.

For the GUI's event-loop stall measurement: :func:`build_dataset` makes (or reuses) the data
folder and :func:`workloads` returns the operations as zero-argument callables to run under a
``QTimer`` probe.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.clients.model import ChannelFields, ClientFields
from app.core.leads.model import LeadQuery, LeadStatus
from app.core.leads.service import search_key
from app.core.paths import resolve_location
from app.core.reports.exports.bundle import ExportRequest, ReportFormat, export_report
from app.core.reports.model import CostFields, Period
from app.core.workspace import Workspace

CLIENT = "Бенчмарк"
CHANNELS = 12
PERIOD = Period(date(2025, 1, 1), date(2025, 12, 31))
BATCH = 10_000
NAMES = ["Анна", "Борис", "Виктория", "Григорий", "Дарья", "Евгений", "Жанна", "Зоя"]
SUBJECTS = ["Заявка на ремонт", "Вопрос о цене", "Price list", "Запись на приём", "Доставка"]


def _ts(moment: datetime) -> str:
    # The text SQLAlchemy's DateTime writes on SQLite (UTC, naive, microseconds).
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def build_dataset(folder: Path, leads: int) -> tuple[Path, int]:
    """Create (or reuse) a data folder holding one client with ``leads`` leads; returns the
    folder and the client id."""
    location = resolve_location(folder)
    with Workspace.open(location) as ws:
        existing = [c for c in ws.clients.list() if c.name == CLIENT]
        if (
            existing
            and ws.leads.counts(existing[0].id).leads + ws.leads.counts(existing[0].id).filtered
            >= leads
        ):
            return folder, existing[0].id
        client = ws.clients.create(ClientFields(name=CLIENT)).value.id
        channels = [
            ws.channels.create(client, ChannelFields(name=f"Канал {n}")).value.id
            for n in range(CHANNELS)
        ]
        for channel in channels:
            for month in range(1, 13):
                ws.costs.add(
                    client, CostFields.for_month(channel, 2025, month, Decimal(20_000 + channel))
                )
        db_path = location.database_file
    rng = random.Random(7)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA cache_size=-65536")
    conn.execute("PRAGMA temp_store=MEMORY")
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='leads'"
        " AND sql IS NOT NULL"
    ).fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    created = _ts(datetime.now(UTC))
    columns = (
        'client_id, folder, dedup_key, message_id, in_reply_to, "references", sender_name,'
        " sender_address, subject, received_at, text, attachment_names, recipients,"
        " tracking_address, channel_id, match_kind, token, filtered_reason, filtered_detail,"
        " is_repeat, first_reply_at, response_seconds, created_at, status, deal_amount_minor,"
        " search_key"
    )
    sql = f"INSERT INTO leads ({columns}) VALUES ({', '.join('?' * 26)})"
    rows = []
    conn.execute("BEGIN")
    for n in range(leads):
        received = start + timedelta(seconds=int(n * 365 * 86400 / leads))
        name = f"{rng.choice(NAMES)} {n % 997}"
        address = f"client{n % 300_000}@mail.ru"
        subject = rng.choice(SUBJECTS)
        text = f"Здравствуйте! {subject}, номер {n}."
        channel = (
            channels[min(CHANNELS - 1, int(rng.expovariate(0.35)))] if rng.random() < 0.85 else None
        )
        filtered = "auto_reply" if n % 40 == 7 else None
        replied = rng.random() < 0.7
        response = int(rng.lognormvariate(7.5, 1.3)) if replied else None
        deal = rng.random() < 0.1
        rows.append(
            (
                1 if False else 0,
                "INBOX",
                f"bench-{n}",
                f"bench-{n}@x",
                "",
                "[]",
                name,
                address,
                subject,
                _ts(received),
                text,
                "[]",
                "[]",
                "",
                channel,
                "tracking" if channel else "none",
                "",
                filtered,
                "",
                n % 3 == 0,
                _ts(received + timedelta(seconds=response)) if response is not None else None,
                response,
                created,
                str(LeadStatus.DEAL if deal else LeadStatus.NEW),
                rng.randrange(1_000_000, 50_000_000) if deal else None,
                search_key(name, address, subject, text),
            )
        )
        if len(rows) >= BATCH:
            conn.executemany(sql, [(client, *r[1:]) for r in rows])
            rows.clear()
    if rows:
        conn.executemany(sql, [(client, *r[1:]) for r in rows])
    conn.execute("COMMIT")
    for _name, index_sql in indexes:
        conn.execute(index_sql)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return folder, client


BASELINE_SQL = """
WITH base AS (
    SELECT channel_id, is_repeat, first_reply_at, status, deal_amount_minor, response_seconds
    FROM leads
    WHERE client_id = :c AND filtered_reason IS NULL AND received_at >= :a AND received_at < :b
),
agg AS (
    SELECT channel_id, count(*) AS leads, sum(is_repeat) AS repeat,
           count(first_reply_at) AS replied, sum(status = 'deal') AS deals,
           sum(CASE WHEN status = 'deal' THEN deal_amount_minor END) AS revenue
    FROM base GROUP BY channel_id
),
ranked AS (
    SELECT channel_id, response_seconds AS v,
           row_number() OVER (PARTITION BY channel_id ORDER BY response_seconds) AS rn,
           count(*) OVER (PARTITION BY channel_id) AS n
    FROM base WHERE response_seconds IS NOT NULL
)
SELECT a.channel_id, a.leads, a.repeat, a.replied, a.deals, a.revenue,
       (SELECT avg(v) FROM ranked r WHERE r.channel_id IS a.channel_id
          AND r.rn IN ((r.n + 1) / 2, (r.n + 2) / 2)) AS median,
       (SELECT min(v) FROM ranked r WHERE r.channel_id IS a.channel_id
          AND r.rn >= (r.n - 1) * 90 / 100 + 1) AS p90
FROM agg a
"""


def workloads(ws: Workspace, client_id: int) -> dict[str, Callable[[], object]]:
    """The GUI-facing operations, each a zero-argument callable (for the stall probe)."""
    channel = ws.channels.list(client_id)[1].id

    def page(query: LeadQuery) -> object:
        ids = ws.leads.ids(query)
        return ws.leads.summaries(ids[:100])

    return {
        "dashboard": lambda: ws.reports.report(client_id, PERIOD, dimensions=()),
        "journal first page": lambda: page(LeadQuery(client_id)),
        "filter: channel + unreplied": lambda: page(
            LeadQuery(client_id, channel_id=channel, replied=False)
        ),
        "filter: deals in March": lambda: page(
            LeadQuery(
                client_id,
                statuses=(LeadStatus.DEAL,),
                since=datetime(2025, 3, 1, tzinfo=UTC),
                until=datetime(2025, 4, 1, tzinfo=UTC),
            )
        ),
        "text search (Cyrillic, any case)": lambda: page(LeadQuery(client_id, search="ЗАЯВКА")),
    }


def _time(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="data folder to create or reuse")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="mailsource-bench-")) / "data"
    t0 = time.perf_counter()
    folder, client = build_dataset(folder, args.leads)
    print(f"data: {args.leads:,} leads in {time.perf_counter() - t0:.1f} s ({folder})")
    with Workspace.open(resolve_location(folder)) as ws:
        db_file = resolve_location(folder).database_file
        raw = sqlite3.connect(db_file)
        params = {"c": client, "a": _ts(PERIOD.since), "b": _ts(PERIOD.until)}
        jobs = workloads(ws, client)
        jobs["dashboard"]()  # warm the page cache once for both sides
        dashboard = baseline = 0.0
        for _ in range(args.runs):  # alternate, so neither side gets a warmer cache
            dashboard += _time(jobs["dashboard"], 1)
            baseline += _time(lambda: raw.execute(BASELINE_SQL, params).fetchall(), 1)
        dashboard /= args.runs
        baseline /= args.runs
        for name, job in jobs.items():
            if name != "dashboard":
                print(f"{name}: {_time(job, args.runs):.0f} ms")
        out = Path(tempfile.mkdtemp(prefix="mailsource-bench-out-"))
        for fmt in (ReportFormat.PDF, ReportFormat.XLSX):
            request = ExportRequest(
                client, PERIOD, fmt, out / f"summary.{fmt.value}", language="ru",
                include_leads=False,
            )  # fmt: skip
            took = _time(lambda r=request: export_report(ws, r), 1)
            print(f"export summary {fmt.value}: {took:.0f} ms")
        raw.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB")
    ratio = dashboard / baseline
    print(f"dashboard: {dashboard:.0f} vs {baseline:.0f} = ratio {ratio:.2f} (target 2.0)")


if __name__ == "__main__":
    main()
