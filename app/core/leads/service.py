"""Reading leads for the views: an ordered id list per query, rows fetched by page.

A million leads stay fast: the list model asks for the ids once (one indexed query), then for
the rows of the visible page only. Sorting and filtering re-run the SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, delete, exists, func, insert, select, update

from app.core.changes import Changes
from app.core.errors import NotFoundError, ValidationError
from app.core.i18n import translate
from app.core.leads.model import (
    UNTRACKED,
    FilterReason,
    Lead,
    LeadCounts,
    LeadQuery,
    LeadSort,
    LeadStatus,
    LeadSummary,
    LeadView,
)
from app.core.money import from_minor, to_minor
from app.core.storage.database import Database
from app.core.storage.models import (
    ChannelRow,
    ClientRow,
    LeadRow,
    LeadTagRow,
    LeadVisitRow,
    VisitRow,
)

PAGE_LIMIT = 2000

TAG_MAX = 64
SEARCH_FILL_BATCH = 5000

_SUMMARY_COLUMNS = (
    LeadRow.id,
    LeadRow.received_at,
    LeadRow.sender_name,
    LeadRow.sender_address,
    LeadRow.subject,
    LeadRow.channel_id,
    func.coalesce(ChannelRow.name, ""),
    func.coalesce(ChannelRow.color, ""),
    LeadRow.tracking_address,
    LeadRow.match_kind,
    LeadRow.token,
    LeadRow.is_repeat,
    LeadRow.first_reply_at,
    LeadRow.response_seconds,
    LeadRow.filtered_reason,
    LeadRow.status,
    LeadRow.deal_amount_minor,
    ClientRow.currency,
)


def fold(text: str) -> str:
    """Text as the search compares it: lower case (Cyrillic too), ``ё`` as ``е``, one space."""
    return " ".join(text.lower().replace("ё", "е").split())


def search_key(sender_name: str, sender_address: str, subject: str, text: str) -> str:
    """What :attr:`LeadRow.search_key` holds for a lead (one string, fields split by newlines)."""
    return "\n".join(fold(part) for part in (sender_name, sender_address, subject, text))


def normalise_tag(tag: str) -> str:
    """A tag as stored: trimmed, single spaces, lower case, at most 64 characters."""
    return " ".join(tag.split()).lower()[:TAG_MAX]


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags normalised, empty ones dropped, duplicates removed, in the order given.

    A comma inside one entry separates tags, so "vip, repeat" typed in one field is two tags.
    """
    seen: dict[str, None] = {}
    for tag in tags:
        for part in re.split(r"[,;]", tag):
            norm = normalise_tag(part)
            if norm:
                seen.setdefault(norm, None)
    return tuple(seen)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _visit_condition(query: LeadQuery) -> Any:
    """EXISTS over the lead's matched visit, for the source/medium/campaign/keyword filters."""
    wanted = [
        (VisitRow.source, query.source),
        (VisitRow.medium, query.medium),
        (VisitRow.campaign, query.campaign),
        (VisitRow.keyword, query.keyword),
    ]
    conditions = [column == value for column, value in wanted if value is not None]
    if not conditions:
        return None
    return exists(
        select(1)
        .select_from(LeadVisitRow)
        .join(VisitRow, VisitRow.id == LeadVisitRow.visit_id)
        .where(LeadVisitRow.lead_id == LeadRow.id, LeadVisitRow.status == "matched", *conditions)
    )


def _where(query: LeadQuery) -> list[Any]:
    conditions: list[Any] = [LeadRow.client_id == query.client_id]
    if query.view is LeadView.LEADS:
        conditions.append(LeadRow.filtered_reason.is_(None))
    elif query.view is LeadView.FILTERED:
        conditions.append(LeadRow.filtered_reason.is_not(None))
    if query.channel_id == UNTRACKED:
        conditions.append(LeadRow.channel_id.is_(None))
    elif query.channel_id is not None:
        conditions.append(LeadRow.channel_id == query.channel_id)
    if query.since is not None:
        conditions.append(LeadRow.received_at >= query.since)
    if query.until is not None:
        conditions.append(LeadRow.received_at < query.until)
    if query.repeat is not None:
        conditions.append(LeadRow.is_repeat.is_(query.repeat))
    if query.replied is True:
        conditions.append(LeadRow.first_reply_at.is_not(None))
    elif query.replied is False:
        conditions.append(LeadRow.first_reply_at.is_(None))
    if query.statuses:
        conditions.append(LeadRow.status.in_([str(s) for s in query.statuses]))
    for tag in normalise_tags(query.tags):
        conditions.append(
            exists(
                select(1).where(
                    LeadTagRow.client_id == query.client_id,
                    LeadTagRow.tag == tag,
                    LeadTagRow.lead_id == LeadRow.id,
                )
            )
        )
    visit = _visit_condition(query)
    if visit is not None:
        conditions.append(visit)
    needle = fold(query.search)
    if needle:
        # The folded column makes the search case-blind for Cyrillic on SQLite too, whose own
        # LIKE folds ASCII only; it is filled before a search (see fill_search_keys).
        conditions.append(LeadRow.search_key.like(_like(needle), escape="\\"))
    return conditions


def _order(query: LeadQuery) -> list[Any]:
    column: Any = {
        LeadSort.RECEIVED: LeadRow.received_at,
        LeadSort.SENDER: LeadRow.sender_address,
        LeadSort.SUBJECT: LeadRow.subject,
        LeadSort.CHANNEL: LeadRow.channel_id,
        LeadSort.RESPONSE: LeadRow.response_seconds,
        LeadSort.STATUS: LeadRow.status,
        LeadSort.DEAL: LeadRow.deal_amount_minor,
    }[query.sort]
    if query.sort is LeadSort.RESPONSE:
        # Unanswered leads last whichever the direction.
        nulls_last = case((LeadRow.response_seconds.is_(None), 1), else_=0)
        return [nulls_last, column.desc() if query.descending else column.asc(), LeadRow.id]
    direction = column.desc() if query.descending else column.asc()
    tiebreak = LeadRow.id.desc() if query.descending else LeadRow.id.asc()
    return [direction, tiebreak]


def _money(minor: int | None, currency: str) -> Decimal | None:
    return None if minor is None else from_minor(int(minor), currency)


def _summary(row: Sequence[Any], tags: Sequence[str]) -> LeadSummary:
    *head, status, deal_minor, currency = row
    values = (
        *head,
        _status(status),
        _money(deal_minor, currency),
        currency,
        tuple(tags),
    )
    return LeadSummary(*values)


def _status(value: str) -> LeadStatus:
    try:
        return LeadStatus(value)
    except ValueError:
        return LeadStatus.NEW


def _tags_of(s: Any, ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    stmt = (
        select(LeadTagRow.lead_id, LeadTagRow.tag)
        .where(LeadTagRow.lead_id.in_(list(ids)))
        .order_by(LeadTagRow.lead_id, LeadTagRow.tag)
    )
    for lead_id, tag in s.execute(stmt):
        found.setdefault(lead_id, []).append(tag)
    return found


def fill_search_keys(db: Database, client_id: int) -> int:
    """Fill the folded search column of a client's leads that have none yet; returns how many.

    New mail is stored by the sync without it; the first search afterwards fills the few new
    rows (a million at once takes a while: the demo and the benchmark fill it when they load).
    """
    done = 0
    while True:
        with db.session() as s:
            rows = s.execute(
                select(
                    LeadRow.id,
                    LeadRow.sender_name,
                    LeadRow.sender_address,
                    LeadRow.subject,
                    LeadRow.text,
                )
                .where(LeadRow.client_id == client_id, LeadRow.search_key.is_(None))
                .limit(SEARCH_FILL_BATCH)
            ).all()
            if not rows:
                return done
            s.execute(
                update(LeadRow),
                [{"id": r[0], "search_key": search_key(r[1], r[2], r[3], r[4])} for r in rows],
            )
            done += len(rows)


class LeadService:
    """Queries over a client's stored mail, and the journal's edits (status, tags, deals)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def ids(self, query: LeadQuery) -> list[int]:
        """The ids of every lead the query selects, in its order."""
        if fold(query.search):
            fill_search_keys(self._db, query.client_id)
        stmt = select(LeadRow.id).where(and_(*_where(query))).order_by(*_order(query))
        with self._db.session() as s:
            result = s.connection().execute(stmt)
            # A million ids: reading the driver's rows directly skips SQLAlchemy's per-row
            # Row objects (1.0 s instead of 1.8 s at 1M leads); the ids are plain integers.
            return [int(row[0]) for row in result.cursor.fetchall()]

    def count(self, query: LeadQuery) -> int:
        if fold(query.search):
            fill_search_keys(self._db, query.client_id)
        stmt = select(func.count(LeadRow.id)).where(and_(*_where(query)))
        with self._db.session() as s:
            return int(s.scalar(stmt) or 0)

    def summaries(self, ids: Sequence[int]) -> list[LeadSummary]:
        """Rows for ``ids`` (one page), returned in the order of ``ids``; missing ids skipped."""
        if not ids:
            return []
        if len(ids) > PAGE_LIMIT:
            raise ValueError(f"at most {PAGE_LIMIT} rows per page")
        stmt = (
            select(*_SUMMARY_COLUMNS)
            .join(ClientRow, ClientRow.id == LeadRow.client_id)
            .outerjoin(ChannelRow, ChannelRow.id == LeadRow.channel_id)
            .where(LeadRow.id.in_(list(ids)))
        )
        with self._db.session() as s:
            rows = s.execute(stmt).all()
            tags = _tags_of(s, ids)
        by_id = {row[0]: _summary(row, tags.get(row[0], ())) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def get(self, lead_id: int) -> Lead:
        stmt = (
            select(
                LeadRow,
                func.coalesce(ChannelRow.name, ""),
                func.coalesce(ChannelRow.color, ""),
                ClientRow.currency,
            )
            .join(ClientRow, ClientRow.id == LeadRow.client_id)
            .outerjoin(ChannelRow, ChannelRow.id == LeadRow.channel_id)
            .where(LeadRow.id == lead_id)
        )
        with self._db.session() as s:
            found = s.execute(stmt).first()
            if found is None:
                raise _missing(lead_id)
            row, channel_name, channel_color, currency = found
            tags = _tags_of(s, [lead_id]).get(lead_id, [])
            return Lead(
                id=row.id,
                received_at=row.received_at,
                sender_name=row.sender_name,
                sender_address=row.sender_address,
                subject=row.subject,
                channel_id=row.channel_id,
                channel_name=channel_name,
                channel_color=channel_color,
                tracking_address=row.tracking_address,
                match_kind=row.match_kind,
                token=row.token,
                is_repeat=row.is_repeat,
                first_reply_at=row.first_reply_at,
                response_seconds=row.response_seconds,
                filtered_reason=row.filtered_reason,
                status=_status(row.status),
                deal_amount=_money(row.deal_amount_minor, currency),
                currency=currency,
                tags=tuple(tags),
                deal_date=row.deal_date,
                client_id=row.client_id,
                mailbox_id=row.mailbox_id,
                folder=row.folder,
                message_id=row.message_id,
                sent_at=row.sent_at,
                text=row.text,
                attachment_names=tuple(row.attachment_names or ()),
                recipients=tuple((str(h), str(a)) for h, a in row.recipients or ()),
                filtered_detail=row.filtered_detail,
                thread_lead_id=row.thread_lead_id,
            )

    def counts(self, client_id: int) -> LeadCounts:
        is_lead = LeadRow.filtered_reason.is_(None)
        stmt = select(
            func.count(case((is_lead, 1))),
            func.count(case((and_(is_lead, LeadRow.channel_id.is_not(None)), 1))),
            func.count(case((and_(is_lead, LeadRow.is_repeat.is_(True)), 1))),
            func.count(case((LeadRow.filtered_reason.is_not(None), 1))),
            func.count(case((and_(is_lead, LeadRow.first_reply_at.is_not(None)), 1))),
        ).where(LeadRow.client_id == client_id)
        with self._db.session() as s:
            leads, tracked, repeat, filtered, replied = s.execute(stmt).one()
        return LeadCounts(int(leads), int(tracked), int(repeat), int(filtered), int(replied))

    # --- the journal's edits --------------------------------------------------------------

    def tags(self, client_id: int) -> list[tuple[str, int]]:
        """Every tag the client's leads carry, with how many leads carry it, by name."""
        stmt = (
            select(LeadTagRow.tag, func.count())
            .where(LeadTagRow.client_id == client_id)
            .group_by(LeadTagRow.tag)
            .order_by(LeadTagRow.tag)
        )
        with self._db.session() as s:
            return [(str(t), int(n)) for t, n in s.execute(stmt)]

    def set_status(self, lead_ids: Sequence[int], status: LeadStatus) -> Changes:
        """Give every lead in ``lead_ids`` the status (a selection of the journal)."""
        status = LeadStatus(status)
        with self._db.session() as s:
            clients = _clients_of(s, lead_ids)
            for chunk in _chunks(lead_ids):
                s.execute(update(LeadRow).where(LeadRow.id.in_(chunk)).values(status=str(status)))
        return Changes(lead_clients=clients)

    def set_tags(self, lead_id: int, tags: Iterable[str]) -> Changes:
        """Replace the lead's tags (normalised: trimmed, lower case; a comma separates two)."""
        wanted = normalise_tags(tags)
        with self._db.session() as s:
            client_id = _client_of(s, lead_id)
            s.execute(delete(LeadTagRow).where(LeadTagRow.lead_id == lead_id))
            for tag in wanted:
                s.add(LeadTagRow(lead_id=lead_id, tag=tag, client_id=client_id))
        return Changes(lead_clients=frozenset({client_id}))

    def add_tags(self, lead_ids: Sequence[int], tags: Iterable[str]) -> Changes:
        """Bulk-tag a selection: add the tags to every lead (tags already there stay once)."""
        wanted = normalise_tags(tags)
        if not wanted or not lead_ids:
            return Changes()
        with self._db.session() as s:
            clients = _clients_of(s, lead_ids)
            for chunk in _chunks(lead_ids):
                have = set(
                    s.execute(
                        select(LeadTagRow.lead_id, LeadTagRow.tag).where(
                            LeadTagRow.lead_id.in_(chunk), LeadTagRow.tag.in_(wanted)
                        )
                    ).all()
                )
                rows = s.execute(
                    select(LeadRow.id, LeadRow.client_id).where(LeadRow.id.in_(chunk))
                ).all()
                new = [
                    {"lead_id": lead_id, "tag": tag, "client_id": client_id}
                    for lead_id, client_id in rows
                    for tag in wanted
                    if (lead_id, tag) not in have
                ]
                if new:
                    s.execute(insert(LeadTagRow), new)
        return Changes(lead_clients=clients)

    def remove_tags(self, lead_ids: Sequence[int], tags: Iterable[str]) -> Changes:
        """Take the tags off every lead of a selection."""
        wanted = normalise_tags(tags)
        if not wanted or not lead_ids:
            return Changes()
        with self._db.session() as s:
            clients = _clients_of(s, lead_ids)
            for chunk in _chunks(lead_ids):
                s.execute(
                    delete(LeadTagRow).where(
                        LeadTagRow.lead_id.in_(chunk), LeadTagRow.tag.in_(wanted)
                    )
                )
        return Changes(lead_clients=clients)

    def set_deal(
        self, lead_id: int, amount: Decimal | None, deal_date: date | None = None
    ) -> Changes:
        """Record the deal a lead brought (client's currency), or clear it with ``None``.

        An amount makes the lead's status "deal"; clearing it puts a "deal" lead back to
        "in progress" (other statuses stay).
        """
        if amount is not None and amount < 0:
            raise ValidationError(
                translate("leads", "A deal amount cannot be negative."), field="amount"
            )
        with self._db.session() as s:
            row = s.get(LeadRow, lead_id)
            if row is None:
                raise _missing(lead_id)
            currency = s.scalar(select(ClientRow.currency).where(ClientRow.id == row.client_id))
            if amount is None:
                row.deal_amount_minor = None
                row.deal_date = None
                if row.status == LeadStatus.DEAL:
                    row.status = str(LeadStatus.IN_PROGRESS)
            else:
                row.deal_amount_minor = to_minor(amount, currency or "RUB")
                row.deal_date = deal_date
                row.status = str(LeadStatus.DEAL)
            return Changes(lead_clients=frozenset({row.client_id}))

    def mark_as_lead(self, lead_id: int) -> Changes:
        """Turn a filtered-out email into a lead by hand (the old reason stays in the detail)."""
        with self._db.session() as s:
            row = s.get(LeadRow, lead_id)
            if row is None:
                raise _missing(lead_id)
            if row.filtered_reason is not None:
                previous = f"{row.filtered_reason}: {row.filtered_detail}".rstrip(": ")
                row.filtered_detail = f"manual lead (was {previous})"
                row.filtered_reason = None
            return Changes(lead_clients=frozenset({row.client_id}))

    def mark_not_lead(self, lead_id: int) -> Changes:
        """Move a lead to the filtered-out mail by hand (reason ``manual``)."""
        with self._db.session() as s:
            row = s.get(LeadRow, lead_id)
            if row is None:
                raise _missing(lead_id)
            if row.filtered_reason is None:
                row.filtered_reason = str(FilterReason.MANUAL)
                row.filtered_detail = "marked by hand"
            return Changes(lead_clients=frozenset({row.client_id}))


def _missing(lead_id: int) -> NotFoundError:
    return NotFoundError(
        translate("leads", "Lead #{id} does not exist (any more).").format(id=lead_id)
    )


def _chunks(ids: Sequence[int], size: int = 900) -> Iterable[list[int]]:
    # SQLite limits bound parameters per statement; 900 stays well inside every version's cap.
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _clients_of(s: Any, lead_ids: Sequence[int]) -> frozenset[int]:
    clients: set[int] = set()
    for chunk in _chunks(lead_ids):
        clients.update(s.scalars(select(LeadRow.client_id).where(LeadRow.id.in_(chunk)).distinct()))
    if len(lead_ids) == 1 and not clients:
        raise _missing(lead_ids[0])
    return frozenset(clients)


def _client_of(s: Any, lead_id: int) -> int:
    client_id = s.scalar(select(LeadRow.client_id).where(LeadRow.id == lead_id))
    if client_id is None:
        raise _missing(lead_id)
    return int(client_id)
