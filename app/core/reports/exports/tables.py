"""A report as tables with typed columns: what CSV, XLSX and the PDF tables all write.

Columns carry a kind (integer, money, percent, minutes, date-time, ...) so each format can
write real numbers with its own formatting instead of pre-formatted text. The lead list is a
generator over keyset-paged SQL, so a million leads never sit in memory at once.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select

from app.core.errors import AppError
from app.core.i18n import translate
from app.core.leads.model import status_label
from app.core.money import from_minor
from app.core.reports.model import ClientReport, Dimension, Figures, Period
from app.core.storage.database import Database
from app.core.storage.models import ChannelRow, ClientRow, LeadRow, LeadTagRow

LEAD_BATCH = 5000


class ExportError(AppError):
    """An export that cannot be written (a folder that does not exist, no permission, full)."""

    exit_code = 12


class Kind(StrEnum):
    """How a column's values are written and formatted."""

    TEXT = "text"
    INT = "int"
    MONEY = "money"
    PERCENT = "percent"
    RATIO = "ratio"
    MINUTES = "minutes"
    DATETIME = "datetime"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    """A column's title (translated) and kind."""

    title: str
    kind: Kind
    width: int = 12


@dataclass(frozen=True)
class Table:
    """A named table: the file or sheet name, columns and rows (an iterator for big ones)."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: Callable[[], Iterator[Sequence[Any]]]


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def _figure_row(f: Figures) -> list[Any]:
    return [
        f.label,
        f.leads,
        f.new,
        f.repeat,
        f.replied,
        f.unreplied,
        f.deals,
        f.revenue,
        f.cost,
        f.cost_per_lead,
        f.roas,
        _minutes(f.median_response_s),
        _minutes(f.p90_response_s),
    ]


def _figure_columns(first: str) -> tuple[Column, ...]:
    return (
        Column(first, Kind.TEXT, 32),
        Column(translate("reports", "Leads"), Kind.INT, 9),
        Column(translate("reports", "New"), Kind.INT, 9),
        Column(translate("reports", "Repeat"), Kind.INT, 9),
        Column(translate("reports", "Replied"), Kind.INT, 9),
        Column(translate("reports", "Unreplied"), Kind.INT, 10),
        Column(translate("reports", "Deals"), Kind.INT, 9),
        Column(translate("reports", "Revenue"), Kind.MONEY, 15),
        Column(translate("reports", "Cost"), Kind.MONEY, 15),
        Column(translate("reports", "Cost per lead"), Kind.MONEY, 14),
        Column(translate("reports", "ROAS"), Kind.RATIO, 9),
        Column(translate("reports", "Median response, min"), Kind.MINUTES, 12),
        Column(translate("reports", "90% response, min"), Kind.MINUTES, 12),
    )


def dimension_label(dimension: Dimension) -> str:
    return {
        Dimension.CHANNEL: translate("reports", "Channel"),
        Dimension.SOURCE: translate("reports", "Source"),
        Dimension.MEDIUM: translate("reports", "Medium"),
        Dimension.CAMPAIGN: translate("reports", "Campaign"),
        Dimension.KEYWORD: translate("reports", "Keyword"),
        Dimension.CITY: translate("reports", "City"),
        Dimension.DEVICE: translate("reports", "Device"),
    }[dimension]


def period_text(period: Period) -> str:
    return f"{period.start:%d.%m.%Y} – {period.end:%d.%m.%Y}"


def summary_table(report: ClientReport) -> Table:
    t = report.total
    rows: list[tuple[str, Any, Kind]] = [
        (translate("reports", "Client"), report.client_name, Kind.TEXT),
        (translate("reports", "Period"), period_text(report.period), Kind.TEXT),
        (translate("reports", "Currency"), report.currency, Kind.TEXT),
        (translate("reports", "Leads"), t.leads, Kind.INT),
        (translate("reports", "New contacts"), t.new, Kind.INT),
        (translate("reports", "Repeat contacts"), t.repeat, Kind.INT),
        (translate("reports", "Tracked share"), t.tracked_share, Kind.PERCENT),
        (translate("reports", "Cost"), t.cost, Kind.MONEY),
        (translate("reports", "Cost per lead"), t.cost_per_lead, Kind.MONEY),
        (translate("reports", "Deals"), t.deals, Kind.INT),
        (translate("reports", "Revenue"), t.revenue, Kind.MONEY),
        (translate("reports", "ROAS"), t.roas, Kind.RATIO),
        (translate("reports", "Median response, min"), _minutes(t.median_response_s), Kind.MINUTES),
        (translate("reports", "90% response, min"), _minutes(t.p90_response_s), Kind.MINUTES),
        (translate("reports", "Unreplied leads"), t.unreplied, Kind.INT),
    ]
    # Value cells differ in kind row by row; a "kind" column lets XLSX format each one.
    return Table(
        "summary",
        translate("reports", "Summary"),
        (
            Column(translate("reports", "Figure"), Kind.TEXT, 28),
            Column(translate("reports", "Value"), Kind.TEXT, 34),
        ),
        lambda: iter([(name, value, kind) for name, value, kind in rows]),
    )


def channels_table(report: ClientReport) -> Table:
    return Table(
        "channels",
        translate("reports", "Channels"),
        _figure_columns(translate("reports", "Channel")),
        lambda: iter([_figure_row(f) for f in report.channels]),
    )


def sources_table(report: ClientReport) -> Table:
    columns = (
        Column(translate("reports", "Breakdown"), Kind.TEXT, 14),
        *_figure_columns(translate("reports", "Value")),
        Column(translate("reports", "Visits"), Kind.INT, 10),
        Column(translate("reports", "Leads per visit"), Kind.PERCENT, 12),
    )

    def rows() -> Iterator[Sequence[Any]]:
        for dimension, figures in report.breakdowns.items():
            for f in figures:
                yield [dimension_label(dimension), *_figure_row(f), f.visits, f.conversion]

    return Table("sources", translate("reports", "Sources"), columns, rows)


def lead_columns() -> tuple[Column, ...]:
    return (
        Column(translate("reports", "Lead"), Kind.INT, 9),
        Column(translate("reports", "Received"), Kind.DATETIME, 17),
        Column(translate("reports", "Sender"), Kind.TEXT, 24),
        Column(translate("reports", "Address"), Kind.TEXT, 28),
        Column(translate("reports", "Subject"), Kind.TEXT, 40),
        Column(translate("reports", "Channel"), Kind.TEXT, 24),
        Column(translate("reports", "Tracking address"), Kind.TEXT, 28),
        Column(translate("reports", "Repeat"), Kind.TEXT, 8),
        Column(translate("reports", "Status"), Kind.TEXT, 12),
        Column(translate("reports", "Tags"), Kind.TEXT, 18),
        Column(translate("reports", "Response, min"), Kind.MINUTES, 11),
        Column(translate("reports", "Deal amount"), Kind.MONEY, 14),
        Column(translate("reports", "Deal date"), Kind.DATE, 11),
    )


def iter_leads(db: Database, client_id: int, period: Period) -> Iterator[list[Any]]:
    """The period's leads, oldest first, in keyset-paged batches (bounded memory)."""
    zone = ZoneInfo(period.tz)
    yes, no = translate("reports", "yes"), translate("reports", "no")
    with db.session() as s:
        currency = str(s.scalar(select(ClientRow.currency).where(ClientRow.id == client_id)))
    after: tuple[datetime, int] | None = None
    while True:
        conditions: list[Any] = [
            LeadRow.client_id == client_id,
            LeadRow.filtered_reason.is_(None),
            LeadRow.received_at >= period.since,
            LeadRow.received_at < period.until,
        ]
        if after is not None:
            conditions.append(
                or_(
                    LeadRow.received_at > after[0],
                    and_(LeadRow.received_at == after[0], LeadRow.id > after[1]),
                )
            )
        stmt = (
            select(
                LeadRow.id,
                LeadRow.received_at,
                LeadRow.sender_name,
                LeadRow.sender_address,
                LeadRow.subject,
                func.coalesce(ChannelRow.name, ""),
                LeadRow.tracking_address,
                LeadRow.is_repeat,
                LeadRow.status,
                LeadRow.response_seconds,
                LeadRow.deal_amount_minor,
                LeadRow.deal_date,
            )
            .outerjoin(ChannelRow, ChannelRow.id == LeadRow.channel_id)
            .where(*conditions)
            .order_by(LeadRow.received_at, LeadRow.id)
            .limit(LEAD_BATCH)
        )
        with db.session() as s:
            rows = s.execute(stmt).all()
            tags: dict[int, list[str]] = {}
            if rows:
                for lead_id, tag in s.execute(
                    select(LeadTagRow.lead_id, LeadTagRow.tag)
                    .where(LeadTagRow.lead_id.in_([r[0] for r in rows]))
                    .order_by(LeadTagRow.tag)
                ):
                    tags.setdefault(lead_id, []).append(tag)
        if not rows:
            return
        for r in rows:
            yield [
                r[0],
                r[1].astimezone(zone).replace(tzinfo=None),
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                yes if r[7] else no,
                status_label(r[8]),
                ", ".join(tags.get(r[0], ())),
                _minutes(r[9]),
                None if r[10] is None else from_minor(int(r[10]), currency),
                r[11],
            ]
        last = rows[-1]
        after = (last[1], last[0])


def leads_table(db: Database, report: ClientReport) -> Table:
    return Table(
        "leads",
        translate("reports", "Leads"),
        lead_columns(),
        lambda: iter_leads(db, report.client_id, report.period),
    )


def report_tables(db: Database, report: ClientReport, *, with_leads: bool = True) -> list[Table]:
    tables = [summary_table(report), channels_table(report), sources_table(report)]
    if with_leads:
        tables.append(leads_table(db, report))
    return tables


@contextmanager
def atomic_output(path: Path, mode: str = "wb", **kwargs: Any) -> Iterator[Any]:
    """Write to a temporary file beside ``path`` and move it in place at the end.

    A failed or cancelled export leaves no half-written file; a path that cannot be written
    raises :class:`ExportError` naming it.
    """
    path = Path(path)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
        os.replace(temp, path)
    except OSError as exc:
        _discard(temp)
        raise cannot_write(path, exc) from exc
    except BaseException:
        _discard(temp)
        raise


def _discard(temp: str) -> None:
    with suppress(OSError):
        os.unlink(temp)


def cannot_write(path: Path, exc: OSError) -> ExportError:
    reason = exc.strerror or str(exc)
    return ExportError(
        translate("reports", "Cannot write {path}: {reason}").format(path=path, reason=reason),
        details=str(exc),
    )


def plain(value: Any) -> Any:
    """A value for text formats: Decimal and dates as strings, None as empty."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
