"""Channel costs: entered by hand or imported from CSV, one currency per client.

A cost in another currency than the client's is refused with a message that says so: the app
converts no currencies (rates change daily, and an agency's invoice is the truth), so a report
never mixes roubles with dollars.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select

from app.core.changes import Changes, OpResult
from app.core.errors import NotFoundError, ValidationError
from app.core.i18n import translate
from app.core.money import from_minor, parse_amount, to_minor
from app.core.reports.csvfile import RejectedLine, read_rows
from app.core.reports.model import Cost, CostFields, ImportReport, Period
from app.core.storage.database import Database
from app.core.storage.models import ChannelRow, ClientRow, CostRow

COST_COLUMNS = {
    "channel": ("channel", "канал"),
    "period": ("period", "month", "период", "месяц"),
    "from": ("from", "start", "date from", "с", "начало", "дата начала"),
    "to": ("to", "end", "date to", "по", "конец", "дата окончания"),
    "amount": ("amount", "cost", "sum", "сумма", "стоимость", "расход"),
    "currency": ("currency", "валюта"),
    "note": ("note", "notes", "comment", "комментарий", "примечание"),
}

_MONTH = re.compile(r"^(\d{4})[-./](\d{1,2})$|^(\d{1,2})[-./](\d{4})$")
_RANGE = re.compile(r"\s*(?:\.\.|—|–|\s-\s|/)\s*")


def parse_date(text: str) -> date:
    """``2026-03-15``, ``15.03.2026`` or ``15/03/2026``; raises ``ValueError``."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_period(text: str) -> tuple[date, date]:
    """A month (``2026-03``, ``03.2026``) or a range (``2026-03-01..2026-03-15``)."""
    text = text.strip()
    month = _MONTH.match(text)
    if month:
        year = int(month.group(1) or month.group(4))
        number = int(month.group(2) or month.group(3))
        if not 1 <= number <= 12:
            raise ValueError(text)
        return Period.month(year, number).start, Period.month(year, number).end
    parts = [p for p in _RANGE.split(text) if p]
    if len(parts) == 2:
        return parse_date(parts[0]), parse_date(parts[1])
    day = parse_date(text)
    return day, day


def _cost(row: CostRow, channel_name: str) -> Cost:
    return Cost(
        id=row.id,
        client_id=row.client_id,
        channel_id=row.channel_id,
        channel_name=channel_name,
        period_start=row.period_start,
        period_end=row.period_end,
        amount=from_minor(row.amount_minor, row.currency),
        currency=row.currency,
        note=row.note,
    )


def prorated(cost: Cost, period: Period) -> Decimal:
    """The part of ``cost`` that falls into ``period``, by days (a month's rent over half of
    the month counts half)."""
    first = max(cost.period_start, period.start)
    last = min(cost.period_end, period.end)
    if last < first:
        return Decimal(0)
    overlap = (last - first).days + 1
    length = (cost.period_end - cost.period_start).days + 1
    return cost.amount * overlap / length


class CostService:
    """Costs per channel and period for a client (add, edit, delete, list, import)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(
        self, client_id: int, period: Period | None = None, channel_id: int | None = None
    ) -> list[Cost]:
        """The client's costs, those overlapping ``period`` when given, by start then channel."""
        conditions: list[Any] = [CostRow.client_id == client_id]
        if period is not None:
            conditions += [CostRow.period_start <= period.end, CostRow.period_end >= period.start]
        if channel_id is not None:
            conditions.append(CostRow.channel_id == channel_id)
        stmt = (
            select(CostRow, ChannelRow.name)
            .join(ChannelRow, ChannelRow.id == CostRow.channel_id)
            .where(and_(*conditions))
            .order_by(CostRow.period_start, ChannelRow.name, CostRow.id)
        )
        with self._db.session() as s:
            return [_cost(row, name) for row, name in s.execute(stmt)]

    def add(self, client_id: int, fields: CostFields) -> OpResult[Cost]:
        with self._db.session() as s:
            currency, channel_name = self._check(s, client_id, fields)
            row = CostRow(
                client_id=client_id,
                channel_id=fields.channel_id,
                period_start=fields.period_start,
                period_end=fields.period_end,
                amount_minor=to_minor(fields.amount, currency),
                currency=currency,
                note=fields.note.strip(),
            )
            s.add(row)
            s.flush()
            return OpResult(_cost(row, channel_name), Changes(cost_clients=frozenset({client_id})))

    def edit(self, cost_id: int, fields: CostFields) -> OpResult[Cost]:
        with self._db.session() as s:
            row = s.get(CostRow, cost_id)
            if row is None:
                raise _missing(cost_id)
            currency, channel_name = self._check(s, row.client_id, fields)
            row.channel_id = fields.channel_id
            row.period_start = fields.period_start
            row.period_end = fields.period_end
            row.amount_minor = to_minor(fields.amount, currency)
            row.currency = currency
            row.note = fields.note.strip()
            s.flush()
            changes = Changes(cost_clients=frozenset({row.client_id}))
            return OpResult(_cost(row, channel_name), changes)

    def delete(self, cost_id: int) -> Changes:
        with self._db.session() as s:
            row = s.get(CostRow, cost_id)
            if row is None:
                raise _missing(cost_id)
            client_id = row.client_id
            s.delete(row)
        return Changes(cost_clients=frozenset({client_id}))

    def import_csv(self, client_id: int, source: Path | str) -> OpResult[ImportReport]:
        """Import costs from a CSV file (or its text): channel, period, amount, currency.

        The period is a month (``2026-03``) or a range (``01.03.2026..15.03.2026``), or two
        columns "from" and "to". A line for a channel and period already stored replaces its
        amount, so importing the same file twice changes nothing. Lines that cannot be used
        are reported with their number and reason; the others are imported.
        """
        _names, rows = read_rows(
            source,
            COST_COLUMNS,
            required=(("channel",), ("period", "from"), ("amount",)),
        )
        rejected: list[RejectedLine] = []
        added = updated = unchanged = total = 0
        with self._db.session() as s:
            client = s.get(ClientRow, client_id)
            if client is None:
                raise _no_client(client_id)
            channels = {
                _fold(name): cid
                for cid, name in s.execute(
                    select(ChannelRow.id, ChannelRow.name).where(ChannelRow.client_id == client_id)
                )
            }
            for row in rows:
                total += 1
                try:
                    fields = self._fields(row.cells, channels, client.currency)
                except ValidationError as exc:
                    rejected.append(RejectedLine(row.line, exc.message))
                    continue
                minor = to_minor(fields.amount, client.currency)
                existing = s.scalar(
                    select(CostRow).where(
                        CostRow.channel_id == fields.channel_id,
                        CostRow.period_start == fields.period_start,
                        CostRow.period_end == fields.period_end,
                    )
                )
                if existing is None:
                    s.add(
                        CostRow(
                            client_id=client_id,
                            channel_id=fields.channel_id,
                            period_start=fields.period_start,
                            period_end=fields.period_end,
                            amount_minor=minor,
                            currency=client.currency,
                            note=fields.note,
                        )
                    )
                    s.flush()
                    added += 1
                elif existing.amount_minor == minor and existing.note == fields.note:
                    unchanged += 1
                else:
                    existing.amount_minor = minor
                    existing.note = fields.note
                    updated += 1
        report = ImportReport(total, added, updated, unchanged, tuple(rejected))
        changes = Changes(cost_clients=frozenset({client_id})) if added or updated else Changes()
        return OpResult(report, changes)

    # --- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _fields(cells: dict[str, str], channels: dict[str, int], currency: str) -> CostFields:
        name = cells.get("channel", "")
        channel_id = channels.get(_fold(name))
        if channel_id is None:
            raise ValidationError(
                translate("reports", "There is no channel “{name}” in this client.").format(
                    name=name
                )
            )
        try:
            if cells.get("period"):
                start, end = parse_period(cells["period"])
            else:
                start = parse_date(cells.get("from", ""))
                end = parse_date(cells.get("to", "") or cells.get("from", ""))
        except ValueError:
            shown = cells.get("period") or f"{cells.get('from', '')} {cells.get('to', '')}"
            raise ValidationError(
                translate(
                    "reports",
                    "“{period}” is not a period: write a month (2026-03) or two dates "
                    "(2026-03-01..2026-03-15).",
                ).format(period=shown.strip())
            ) from None
        given = cells.get("currency", "").strip().upper()
        fields = CostFields(channel_id, start, end, parse_amount(cells.get("amount", "")), given)
        _check_fields(fields, currency)
        return CostFields(channel_id, start, end, fields.amount, currency, cells.get("note", ""))

    @staticmethod
    def _check(s: Any, client_id: int, fields: CostFields) -> tuple[str, str]:
        client = s.get(ClientRow, client_id)
        if client is None:
            raise _no_client(client_id)
        channel = s.get(ChannelRow, fields.channel_id)
        if channel is None or channel.client_id != client_id:
            raise NotFoundError(
                translate("reports", "Channel #{id} is not a channel of this client.").format(
                    id=fields.channel_id
                )
            )
        _check_fields(fields, client.currency)
        return str(client.currency), str(channel.name)


def _check_fields(fields: CostFields, client_currency: str) -> None:
    if fields.period_end < fields.period_start:
        raise ValidationError(
            translate("reports", "The period ends ({end}) before it starts ({start}).").format(
                start=fields.period_start.isoformat(), end=fields.period_end.isoformat()
            ),
            field="period",
        )
    if fields.amount < 0:
        raise ValidationError(translate("reports", "A cost cannot be negative."), field="amount")
    given = fields.currency.strip().upper()
    if given and given != client_currency.upper():
        raise ValidationError(
            translate(
                "reports",
                "The cost is in {given}, but this client's reports are in {currency}. "
                "Mailsource does not convert currencies: enter the amount in {currency}.",
            ).format(given=given, currency=client_currency),
            field="currency",
        )


def _fold(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def _missing(cost_id: int) -> NotFoundError:
    return NotFoundError(
        translate("reports", "Cost #{id} does not exist (any more).").format(id=cost_id)
    )


def _no_client(client_id: int) -> NotFoundError:
    return NotFoundError(
        translate("reports", "Client #{id} does not exist (any more).").format(id=client_id)
    )


def month_periods(first: date, last: date) -> Iterable[tuple[date, date]]:
    """Calendar months from the one holding ``first`` to the one holding ``last``."""
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
