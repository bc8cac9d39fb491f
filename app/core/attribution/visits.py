"""Join dynamic-tracking leads to the website visits they came from.

- **Token** leads (``info+k7x2m@client.ru``, ``k7x2m@in.client.ru``): the visit whose analytics
  recorded that token; a returning visitor keeps the token, so the latest such visit that started
  before the email wins (the first one after it when the export's clocks disagree). Confidence 1.
- **Pool** leads (an address of the client's fixed pool): the latest visit shown that address
  that started before the email arrived, within the hold time (24 h by default). Other visits
  shown the same address in that window are *collisions*: the confidence is 1 / candidates.

Both are one SQL statement, one pass over the client's leads with correlated subqueries over a
covering index (``visits (shown_address, client_id, started_at, id)`` for the pool,
``(token, client_id)`` for tokens) written straight into a temporary table, the status and
confidence derived from it when the links are written: 100,000 leads against a million visits
take a fraction of a second, which is why the whole client is recomputed after every import
instead of tracking which leads an import touched.
A lead without a visit is ``waiting`` when the imported visits do not reach its time yet (the
next import will attribute it), else ``none``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Connection

from app.core.changes import Changes
from app.core.storage.database import Database

log = logging.getLogger(__name__)

MATCHED = "matched"
WAITING = "waiting"
UNMATCHED = "none"
"""No visit found although the imported visits reach the email's time."""
TOKEN = "token"
POOL = "pool"
FOUND = "found_visits"
"""Temporary table of one run's lookups; only links that differ are written to lead_visits."""
MMAP_BYTES = 1 << 30
"""Memory map of the database file while attributing (SQLite; address space, not memory)."""
_COLUMNS = "lead_id, client_id, visit_id, kind, status, confidence, candidates, attributed_at"
_RESULT_COLUMNS = ", ".join(f"f.{c}" for c in _COLUMNS.split(", "))
_FOUND_COLUMNS = "lead_id, client_id, visit_id, kind, candidates, received_at"


@dataclass(frozen=True)
class VisitAttribution:
    """What one attribution run found for a client's dynamic-tracking leads."""

    token_matched: int = 0
    pool_matched: int = 0
    collisions: int = 0
    """Pool matches where other visits were shown the same address within the hold time."""
    waiting: int = 0
    unmatched: int = 0
    seconds: float = 0.0
    changes: Changes = field(default_factory=Changes)

    @property
    def matched(self) -> int:
        return self.token_matched + self.pool_matched


def _ts(conn: Connection, moment: datetime | None) -> Any:
    if moment is None:
        return None
    utc = moment.astimezone(UTC)
    if conn.dialect.name == "sqlite":
        return utc.replace(tzinfo=None).isoformat(" ", "microseconds")
    return utc


def lookup_sql(sqlite: bool, pool_size: int) -> str:
    """Insert a row into the temporary results for every token or pool lead of a client.

    One pass over the client's leads, each lead's lowered address and window start computed
    once in a MATERIALIZED CTE. A **token** lead takes the latest visit that recorded its token
    and started before the email (else the first one after). A **pool** lead takes the latest
    visit shown its address within the hold time before the email and counts the visits shown
    it in that window (the candidates): two lookups over the covering index. Each lookup runs
    once, straight into the results (``candidates`` is 1 for a token lead, made 0 when it has
    no visit by :func:`results_sql`).
    """
    p = "?" if sqlite else "%s"
    if sqlite:
        since = f"strftime('%Y-%m-%d %H:%M:%f', l.received_at, '-' || {p} || ' minutes')"
    else:
        since = f"l.received_at - make_interval(mins => {p}::int)"
    by_token = "l.match_kind = 'token' AND l.token <> ''"
    pooled = f" OR lower(l.tracking_address) IN ({', '.join([p] * pool_size)})" if pool_size else ""
    window = (
        "v.client_id = d.client_id AND v.shown_address = d.address "
        "AND v.started_at <= d.received_at AND v.started_at > d.since"
    )
    same_token = "v.client_id = d.client_id AND v.token = d.token"
    return f"""
WITH dynamic AS MATERIALIZED (
    SELECT l.id, l.client_id, l.received_at, l.token, {by_token} AS by_token,
           lower(l.tracking_address) AS address, {since} AS since
    FROM leads l
    WHERE l.client_id = {p} AND l.filtered_reason IS NULL AND ({by_token}{pooled})
)
INSERT INTO {FOUND} ({_FOUND_COLUMNS})
SELECT d.id, d.client_id,
       CASE WHEN d.by_token THEN coalesce(
                (SELECT v.id FROM visits v
                 WHERE {same_token} AND v.started_at <= d.received_at
                 ORDER BY v.started_at DESC LIMIT 1),
                (SELECT v.id FROM visits v
                 WHERE {same_token} AND v.started_at > d.received_at
                 ORDER BY v.started_at LIMIT 1))
            ELSE (SELECT v.id FROM visits v WHERE {window}
                  ORDER BY v.started_at DESC, v.id DESC LIMIT 1) END,
       CASE WHEN d.by_token THEN '{TOKEN}' ELSE '{POOL}' END,
       CASE WHEN d.by_token THEN 1 ELSE (SELECT count(*) FROM visits v WHERE {window}) END,
       d.received_at
FROM dynamic d
"""


def results_sql(sqlite: bool) -> str:
    """The temporary results as ``lead_visits`` rows (a CTE ``f``; parameters: reached, now).

    A lead without a visit waits while the imported visits do not reach its time yet.
    """
    t = "?" if sqlite else "%s::timestamptz"
    return f"""
WITH reached AS (SELECT {t} AS at),
f AS (
    SELECT r.lead_id, r.client_id, r.visit_id, r.kind,
           CASE WHEN r.visit_id IS NOT NULL THEN '{MATCHED}'
                WHEN reached.at IS NULL OR r.received_at > reached.at THEN '{WAITING}'
                ELSE '{UNMATCHED}' END AS status,
           CASE WHEN r.visit_id IS NULL OR r.candidates = 0 THEN 0.0
                ELSE 1.0 / r.candidates END AS confidence,
           CASE WHEN r.visit_id IS NULL THEN 0 ELSE r.candidates END AS candidates,
           {t} AS attributed_at
    FROM {FOUND} r CROSS JOIN reached
)"""


def attribute_visits(
    db: Database,
    client_id: int,
    *,
    pool: Sequence[str] = (),
    hold_minutes: int = 24 * 60,
) -> VisitAttribution:
    """Recompute the visit of every token and pool lead of ``client_id`` in one transaction."""
    started = time.perf_counter()
    pool_keys = sorted({a.strip().lower() for a in pool if a.strip()})
    now = datetime.now(UTC)
    with db.translate_errors(), db.engine.begin() as conn:
        sqlite = conn.dialect.name == "sqlite"
        p = "?" if sqlite else "%s"
        reached = conn.exec_driver_sql(
            f"SELECT max(last_visit_at) FROM visit_imports WHERE client_id = {p} AND status = 'ok'",
            (client_id,),
        ).scalar()
        moments = (_ts(conn, _read_ts(reached)), _ts(conn, now))
        # Results go to a temporary table first: re-attribution after an import changes few
        # links, and writing only those skips the index and foreign-key work of the rest.
        if sqlite:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{FOUND}")
        conn.exec_driver_sql(
            f"CREATE TEMP TABLE {FOUND} (lead_id INTEGER PRIMARY KEY, client_id INTEGER, "
            "visit_id INTEGER, kind VARCHAR(8), candidates INTEGER, "
            f"received_at {'TEXT' if sqlite else 'timestamptz'})"
            + ("" if sqlite else " ON COMMIT DROP")
        )
        with _memory_mapped(conn, sqlite):
            hold = str(int(hold_minutes)) if sqlite else int(hold_minutes)
            conn.exec_driver_sql(lookup_sql(sqlite, len(pool_keys)), (hold, client_id, *pool_keys))
            differs = "IS NOT" if sqlite else "IS DISTINCT FROM"
            removed = conn.exec_driver_sql(
                f"DELETE FROM lead_visits WHERE client_id = {p} "
                f"AND lead_id NOT IN (SELECT lead_id FROM {FOUND})",
                (client_id,),
            ).rowcount
            written = conn.exec_driver_sql(
                f"{results_sql(sqlite)} "
                f"INSERT INTO lead_visits ({_COLUMNS}) SELECT {_RESULT_COLUMNS} "
                f"FROM f LEFT JOIN lead_visits lv ON lv.lead_id = f.lead_id "
                f"WHERE lv.lead_id IS NULL OR lv.visit_id {differs} f.visit_id "
                "OR lv.status <> f.status OR lv.kind <> f.kind OR lv.candidates <> f.candidates "
                "OR lv.client_id <> f.client_id "
                "ON CONFLICT (lead_id) DO UPDATE SET client_id = excluded.client_id, "
                "visit_id = excluded.visit_id, kind = excluded.kind, status = excluded.status, "
                "confidence = excluded.confidence, candidates = excluded.candidates, "
                "attributed_at = excluded.attributed_at",
                moments,
            ).rowcount
            counts = conn.exec_driver_sql(
                f"{results_sql(sqlite)} SELECT "
                f"count(CASE WHEN kind = '{TOKEN}' AND status = '{MATCHED}' THEN 1 END), "
                f"count(CASE WHEN kind = '{POOL}' AND status = '{MATCHED}' THEN 1 END), "
                f"count(CASE WHEN status = '{MATCHED}' AND candidates > 1 THEN 1 END), "
                f"count(CASE WHEN status = '{WAITING}' THEN 1 END), "
                f"count(CASE WHEN status = '{UNMATCHED}' THEN 1 END) "
                "FROM f",
                moments,
            ).one()
        if sqlite:
            conn.exec_driver_sql(f"DROP TABLE temp.{FOUND}")
    changed = bool(removed) or bool(written)
    result = VisitAttribution(
        token_matched=int(counts[0]),
        pool_matched=int(counts[1]),
        collisions=int(counts[2]),
        waiting=int(counts[3]),
        unmatched=int(counts[4]),
        seconds=time.perf_counter() - started,
        changes=Changes(lead_clients=frozenset({client_id})) if changed else Changes(),
    )
    log.info(
        "Visit attribution for client %d: %d by token, %d by pool (%d collisions), "
        "%d waiting, %d unmatched in %.2f s",
        client_id,
        result.token_matched,
        result.pool_matched,
        result.collisions,
        result.waiting,
        result.unmatched,
        result.seconds,
    )
    return result


@contextmanager
def _memory_mapped(conn: Connection, sqlite: bool) -> Iterator[None]:
    """SQLite reads the database file through a memory map while the links are worked out.

    Two index lookups per lead over the covering index, then a visit key check per written
    link: through the map they skip a read() call and a copy per page. Only for this run: the
    pooled connection goes back without it.
    """
    if not sqlite:
        yield
        return
    conn.exec_driver_sql(f"PRAGMA mmap_size = {MMAP_BYTES}")
    try:
        yield
    finally:
        conn.exec_driver_sql("PRAGMA mmap_size = 0")


def _read_ts(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(moment, datetime)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
