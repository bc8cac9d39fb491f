"""Reading leads for the views: an ordered id list per query, rows fetched by page.

A million leads stay fast: the list model asks for the ids once (one indexed query), then for
the rows of the visible page only. Sorting and filtering re-run the SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, case, func, or_, select

from app.core.errors import NotFoundError
from app.core.i18n import translate
from app.core.leads.model import (
    UNTRACKED,
    Lead,
    LeadCounts,
    LeadQuery,
    LeadSort,
    LeadSummary,
    LeadView,
)
from app.core.storage.database import Database
from app.core.storage.models import ChannelRow, LeadRow

PAGE_LIMIT = 2000

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
)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


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
    needle = query.search.strip()
    if needle:
        pattern = _like(needle)
        # SQLite's LIKE folds ASCII only; the lower-cased and the typed form cover Cyrillic
        # input typed in the case it was written, which is the common case.
        patterns = {pattern, _like(needle.lower())}
        conditions.append(
            or_(
                *[
                    column.like(p, escape="\\")
                    for p in patterns
                    for column in (LeadRow.sender_address, LeadRow.sender_name, LeadRow.subject)
                ]
            )
        )
    return conditions


def _order(query: LeadQuery) -> list[Any]:
    column: Any = {
        LeadSort.RECEIVED: LeadRow.received_at,
        LeadSort.SENDER: LeadRow.sender_address,
        LeadSort.SUBJECT: LeadRow.subject,
        LeadSort.CHANNEL: LeadRow.channel_id,
        LeadSort.RESPONSE: LeadRow.response_seconds,
    }[query.sort]
    if query.sort is LeadSort.RESPONSE:
        # Unanswered leads last whichever the direction.
        nulls_last = case((LeadRow.response_seconds.is_(None), 1), else_=0)
        return [nulls_last, column.desc() if query.descending else column.asc(), LeadRow.id]
    direction = column.desc() if query.descending else column.asc()
    tiebreak = LeadRow.id.desc() if query.descending else LeadRow.id.asc()
    return [direction, tiebreak]


def _summary(row: Sequence[Any]) -> LeadSummary:
    return LeadSummary(*row)


class LeadService:
    """Queries over a client's stored mail."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def ids(self, query: LeadQuery) -> list[int]:
        """The ids of every lead the query selects, in its order."""
        stmt = select(LeadRow.id).where(and_(*_where(query))).order_by(*_order(query))
        with self._db.session() as s:
            return list(s.scalars(stmt))

    def count(self, query: LeadQuery) -> int:
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
            .outerjoin(ChannelRow, ChannelRow.id == LeadRow.channel_id)
            .where(LeadRow.id.in_(list(ids)))
        )
        with self._db.session() as s:
            by_id = {row[0]: _summary(row) for row in s.execute(stmt)}
        return [by_id[i] for i in ids if i in by_id]

    def get(self, lead_id: int) -> Lead:
        stmt = (
            select(LeadRow, func.coalesce(ChannelRow.name, ""), func.coalesce(ChannelRow.color, ""))
            .outerjoin(ChannelRow, ChannelRow.id == LeadRow.channel_id)
            .where(LeadRow.id == lead_id)
        )
        with self._db.session() as s:
            found = s.execute(stmt).first()
            if found is None:
                raise NotFoundError(
                    translate("leads", "Lead #{id} does not exist (any more).").format(id=lead_id)
                )
            row, channel_name, channel_color = found
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
