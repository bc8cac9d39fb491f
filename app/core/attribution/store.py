"""Filing attributed mail as leads: the lead rules that need stored mail, and bulk writes.

One :class:`LeadStore` serves one client during one sync (or the demo). Each call works inside
the caller's transaction (a SQLAlchemy ``Connection``), so a batch of leads and the folder's
watermark commit together. Rows go in through the driver with tuples and
``INSERT ... ON CONFLICT (client_id, dedup_key) DO NOTHING`` (SQLite and PostgreSQL alike): a
re-run after a crash, a second folder holding the same email or a rescan after a UIDVALIDITY
change never stores an email twice.

Rules applied here: automatic mail (auto-replies, bounces, reports) and mail from the client's
own domains are filtered with the reason; a reply in a thread that already has a lead is
filtered as ``thread_reply`` pointing at that lead; a lead is a *repeat contact* when the same
sender has an earlier lead with the client (recomputed for the batch's senders, so mail synced
out of order still ends up right).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from app.core.addresses.matching import AddressBook
from app.core.attribution.rules import MESSAGE_COLUMNS, LeadDraft, clean
from app.core.mail.classify import NotLeadReason, classify

_IN_CHUNK = 500  # ids per IN (...) list: far below SQLite's and PostgreSQL's limits

LEAD_COLUMNS = (
    "client_id",
    "mailbox_id",
    "folder",
    "uidvalidity",
    *MESSAGE_COLUMNS,
    "received_at",
    "sent_at",
    "filtered_reason",
    "filtered_detail",
    "thread_lead_id",
    "is_repeat",
    "created_at",
)


@dataclass(frozen=True)
class BatchCounts:
    """What one batch added: leads, filtered mail, and emails already stored."""

    stored: int = 0
    filtered: int = 0
    duplicates: int = 0


class Sql:
    """The few dialect differences of the bulk path: placeholders and timestamps."""

    def __init__(self, conn: Connection) -> None:
        self.sqlite = conn.dialect.name == "sqlite"
        self.p = "?" if self.sqlite else "%s"

    def ts(self, moment: dt.datetime | None) -> Any:
        """A UTC timestamp as the ORM stores it (SQLite: its text form; PostgreSQL: aware)."""
        if moment is None:
            return None
        utc = moment if moment.tzinfo is dt.UTC else moment.astimezone(dt.UTC)
        if self.sqlite:
            if utc.year >= 1000:  # isoformat is the same text, several times faster
                return utc.isoformat(" ", "microseconds")[:-6]  # without "+00:00"
            return utc.strftime("%Y-%m-%d %H:%M:%S.%f")
        return utc

    @staticmethod
    def read_ts(value: Any) -> dt.datetime | None:
        if value is None:
            return None
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        assert isinstance(moment, dt.datetime)
        return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment

    def marks(self, n: int) -> str:
        return ", ".join([self.p] * n)


def _chunks(values: Sequence[Any], size: int = _IN_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class LeadStore:
    """Files one client's mail (see the module docstring)."""

    def __init__(
        self,
        client_id: int,
        *,
        own_domains: Collection[str],
        book: AddressBook,
        mailbox_id: int | None = None,
    ) -> None:
        self.client_id = client_id
        self.own_domains = tuple(own_domains)
        self.book = book
        self.mailbox_id = mailbox_id

    # ---- leads ---------------------------------------------------------------------------------

    def add(
        self,
        conn: Connection,
        drafts: Sequence[LeadDraft],
        *,
        folder: str = "",
        uidvalidity: int | None = None,
    ) -> BatchCounts:
        """Classify and insert ``drafts`` in the caller's transaction."""
        if not drafts:
            return BatchCounts()
        sql = Sql(conn)
        existing = self._existing_keys(conn, sql, [d.dedup_key for d in drafts])
        fresh: list[LeadDraft] = []
        seen: set[str] = set()
        duplicates = 0
        for item in drafts:
            if item.dedup_key in existing or item.dedup_key in seen:
                duplicates += 1
                continue
            seen.add(item.dedup_key)
            fresh.append(item)
        threads = self._thread_roots(conn, sql, fresh)
        batch_leads: dict[str, str] = {}  # Message-ID -> dedup key of a lead in this batch
        for item in fresh:
            self._classify(item, threads, batch_leads)
        now = sql.ts(dt.datetime.now(dt.UTC))
        folder = clean(folder, 500)
        rows = [self._row(item, sql, folder, uidvalidity, now) for item in fresh]
        columns = ", ".join(LEAD_COLUMNS)
        inserted = 0
        if rows:
            cursor = conn.exec_driver_sql(
                f"INSERT INTO leads ({columns}) VALUES ({sql.marks(len(LEAD_COLUMNS))}) "
                "ON CONFLICT (client_id, dedup_key) DO NOTHING",
                rows,
            )
            inserted = max(cursor.rowcount, 0) if cursor.rowcount is not None else len(rows)
            pending = [
                (self.client_id, d.thread_root_key, self.client_id, d.dedup_key)
                for d in fresh
                if d.thread_root_key
            ]
            if pending:
                conn.exec_driver_sql(
                    f"UPDATE leads SET thread_lead_id = (SELECT l2.id FROM leads l2 "
                    f"WHERE l2.client_id = {sql.p} AND l2.dedup_key = {sql.p}) "
                    f"WHERE client_id = {sql.p} AND dedup_key = {sql.p}",
                    pending,
                )
            self.refresh_repeats(conn, {d.sender for d in fresh if d.filtered_reason is None})
        # A concurrent writer may have stored a few between the check and the insert.
        lost = len(rows) - inserted
        filtered = sum(1 for d in fresh if d.filtered_reason is not None)
        stored = max(0, len(fresh) - filtered - lost)
        return BatchCounts(stored=stored, filtered=filtered, duplicates=duplicates + lost)

    def _existing_keys(self, conn: Connection, sql: Sql, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(keys))):
            result = conn.exec_driver_sql(
                f"SELECT dedup_key FROM leads WHERE client_id = {sql.p} "
                f"AND dedup_key IN ({sql.marks(len(chunk))})",
                (self.client_id, *chunk),
            )
            found.update(str(r[0]) for r in result)
        return found

    def _thread_roots(
        self, conn: Connection, sql: Sql, drafts: Sequence[LeadDraft]
    ) -> dict[str, int]:
        """Message-ID -> id of the lead whose thread it belongs to, for referenced stored mail."""
        wanted = list(dict.fromkeys(i for d in drafts for i in d.thread_ids))
        roots: dict[str, int] = {}
        for chunk in _chunks(wanted):
            result = conn.exec_driver_sql(
                "SELECT message_id, id, filtered_reason, thread_lead_id FROM leads "
                f"WHERE client_id = {sql.p} AND message_id IN ({sql.marks(len(chunk))})",
                (self.client_id, *chunk),
            )
            for message_id, lead_id, reason, thread_lead_id in result:
                if reason is None:
                    roots[str(message_id)] = int(lead_id)
                elif reason == NotLeadReason.THREAD_REPLY.value and thread_lead_id is not None:
                    roots.setdefault(str(message_id), int(thread_lead_id))
        return roots

    def _classify(
        self, item: LeadDraft, threads: dict[str, int], batch_leads: dict[str, str]
    ) -> None:
        root_key = ""
        root_id: int | None = None

        def thread_has_lead(ids: Sequence[str]) -> bool:
            nonlocal root_key, root_id
            for message_id in ids:
                if message_id in threads:
                    root_id = threads[message_id]
                    return True
                if message_id in batch_leads:
                    root_key = batch_leads[message_id]
                    return True
            return False

        verdict = classify(item, self.own_domains, thread_has_lead=thread_has_lead)
        if verdict is None:
            if item.message_id:
                batch_leads.setdefault(item.message_id, item.dedup_key)
            return
        item.filtered_reason = verdict.reason.value
        item.filtered_detail = clean(verdict.text(), 2000)
        if verdict.reason is NotLeadReason.THREAD_REPLY:
            item.thread_lead_id = root_id
            item.thread_root_key = root_key if root_id is None else ""
            if item.message_id:
                # Replies to this reply belong to the same lead.
                if root_id is not None:
                    threads.setdefault(item.message_id, root_id)
                elif root_key:
                    batch_leads.setdefault(item.message_id, root_key)

    def _row(
        self,
        item: LeadDraft,
        sql: Sql,
        folder: str,
        uidvalidity: int | None,
        now: Any,
    ) -> tuple[Any, ...]:
        """The row of ``item``; ``folder`` is already cleaned (it is the batch's)."""
        return (
            self.client_id,
            self.mailbox_id,
            folder,
            uidvalidity,
            *item.values,
            sql.ts(item.received_at),
            sql.ts(item.date),
            item.filtered_reason,
            item.filtered_detail,
            item.thread_lead_id,
            False,
            now,
        )

    # ---- repeat contacts -----------------------------------------------------------------------

    def refresh_repeats(self, conn: Connection, senders: Collection[str]) -> int:
        """Set ``is_repeat`` right for the leads of ``senders``: all but each one's first.

        Invariant: a sender has at most one lead with ``is_repeat`` false (its first), plus the
        leads just inserted. So only those few rows are read, however much mail a sender sent
        (reading all of them made a big first sync quadratic).
        """
        senders = [s for s in senders if s]
        if not senders:
            return 0
        sql = Sql(conn)
        changes: list[tuple[bool, int]] = []
        for chunk in _chunks(sorted(senders)):
            result = conn.exec_driver_sql(
                "SELECT id, sender_address, received_at FROM leads "
                f"WHERE client_id = {sql.p} AND filtered_reason IS NULL AND is_repeat = {sql.p} "
                f"AND sender_address IN ({sql.marks(len(chunk))})",
                (self.client_id, False, *chunk),
            )
            by_sender: dict[str, list[tuple[Any, int]]] = {}
            read_ts = sql.read_ts
            for lead_id, sender, received in result.all():
                by_sender.setdefault(sender, []).append((read_ts(received), lead_id))
            for leads in by_sender.values():
                leads.sort()
                changes.extend((True, lead_id) for _, lead_id in leads[1:])
        if changes:
            conn.exec_driver_sql(
                f"UPDATE leads SET is_repeat = {sql.p} WHERE id = {sql.p}", changes
            )
        return len(changes)

    # ---- replies from the Sent folder ----------------------------------------------------------

    def apply_replies(
        self, conn: Connection, replies: Sequence[tuple[Sequence[str], dt.datetime]]
    ) -> int:
        """Record replies: each is (Message-IDs it answers, when it was sent).

        A lead's first reply time is the earliest reply sent after it arrived; the response
        time follows from it. Returns how many leads changed.
        """
        if not replies:
            return 0
        sql = Sql(conn)
        wanted = list(dict.fromkeys(i for ids, _ in replies for i in ids))
        target: dict[str, int] = {}
        leads: dict[int, tuple[dt.datetime, dt.datetime | None]] = {}
        for chunk in _chunks(wanted):
            result = conn.exec_driver_sql(
                "SELECT message_id, id, filtered_reason, thread_lead_id FROM leads "
                f"WHERE client_id = {sql.p} AND message_id IN ({sql.marks(len(chunk))})",
                (self.client_id, *chunk),
            )
            for message_id, lead_id, reason, thread_lead_id in result:
                if reason is None:
                    target[str(message_id)] = int(lead_id)
                elif reason == NotLeadReason.THREAD_REPLY.value and thread_lead_id is not None:
                    target.setdefault(str(message_id), int(thread_lead_id))
        ids = sorted(set(target.values()))
        for chunk in _chunks(ids):
            result = conn.exec_driver_sql(
                "SELECT id, received_at, first_reply_at FROM leads "
                f"WHERE id IN ({sql.marks(len(chunk))})",
                tuple(chunk),
            )
            for lead_id, received, first in result:
                received_at = sql.read_ts(received)
                assert received_at is not None
                leads[int(lead_id)] = (received_at, sql.read_ts(first))
        best: dict[int, dt.datetime] = {}
        for message_ids, sent_at in replies:
            for lead_id in {target[i] for i in message_ids if i in target}:
                received_at, first = leads[lead_id]
                if sent_at < received_at:
                    continue  # a clock gone wrong, or not a reply to this email
                current = best.get(lead_id, first)
                if current is None or sent_at < current:
                    best[lead_id] = sent_at
        updates = [
            (sql.ts(at), max(0, int((at - leads[i][0]).total_seconds())), i)
            for i, at in best.items()
            if leads[i][1] is None or at < leads[i][1]  # type: ignore[operator]
        ]
        if updates:
            conn.exec_driver_sql(
                f"UPDATE leads SET first_reply_at = {sql.p}, response_seconds = {sql.p} "
                f"WHERE id = {sql.p}",
                updates,
            )
        return len(updates)
