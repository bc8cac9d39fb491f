"""Deals from a CRM export (CSV): matched to leads by lead id, or by sender address and date.

A CRM knows the customer's email and when the deal was made; the lead that brought it is the
sender's lead closest to that date within a window (three days by default). Lines that match no
lead are reported with their line number and reason. Importing the same file again changes
nothing: a lead whose deal already has that amount and date counts as unchanged.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.core.changes import Changes, OpResult
from app.core.errors import NotFoundError, ValidationError
from app.core.i18n import translate
from app.core.leads.model import LeadStatus
from app.core.money import parse_amount, to_minor
from app.core.reports.costs import parse_date
from app.core.reports.csvfile import RejectedLine, read_rows
from app.core.reports.model import ImportReport
from app.core.storage.database import Database
from app.core.storage.models import ClientRow, LeadRow

DEFAULT_WINDOW_DAYS = 3

DEAL_COLUMNS = {
    "lead_id": ("lead id", "lead", "mailsource id", "id лида", "лид", "номер лида"),
    "email": ("email", "e-mail", "e mail", "sender", "почта", "адрес", "электронная почта"),
    "date": ("date", "lead date", "created", "дата", "дата обращения", "дата создания"),
    "amount": ("amount", "revenue", "sum", "deal amount", "сумма", "сумма сделки", "выручка"),
    "deal_date": ("deal date", "closed", "дата сделки", "дата закрытия"),
}


def _parse_moment(text: str) -> datetime:
    text = text.strip()
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    try:
        moment = datetime.fromisoformat(text)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    except ValueError:
        pass
    # A bare date: its middle, so the window reaches equally to both sides.
    return datetime.combine(parse_date(text), time(12), UTC)


class DealImporter:
    """Imports a CRM export's deals into a client's leads."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def import_csv(
        self, client_id: int, source: Path | str, *, window_days: int = DEFAULT_WINDOW_DAYS
    ) -> OpResult[ImportReport]:
        """Match each line to a lead and record its deal; see the module docstring."""
        _names, rows = read_rows(source, DEAL_COLUMNS, required=(("lead_id", "email"), ("amount",)))
        window = timedelta(days=window_days)
        rejected: list[RejectedLine] = []
        added = updated = unchanged = total = 0
        with self._db.session() as s:
            client = s.get(ClientRow, client_id)
            if client is None:
                raise NotFoundError(
                    translate("reports", "Client #{id} does not exist (any more).").format(
                        id=client_id
                    )
                )
            for row in rows:
                total += 1
                try:
                    lead = self._match(s, client_id, row.cells, window)
                    amount = parse_amount(row.cells.get("amount", ""))
                    deal_text = row.cells.get("deal_date", "")
                    deal_day = parse_date(deal_text) if deal_text else None
                except ValidationError as exc:
                    rejected.append(RejectedLine(row.line, exc.message))
                    continue
                except ValueError as exc:
                    rejected.append(
                        RejectedLine(
                            row.line,
                            translate("reports", "“{text}” is not a date.").format(text=exc),
                        )
                    )
                    continue
                minor = to_minor(amount, client.currency)
                if (
                    lead.deal_amount_minor == minor
                    and lead.deal_date == deal_day
                    and lead.status == LeadStatus.DEAL
                ):
                    unchanged += 1
                    continue
                if lead.deal_amount_minor is None:
                    added += 1
                else:
                    updated += 1
                lead.deal_amount_minor = minor
                lead.deal_date = deal_day
                lead.status = str(LeadStatus.DEAL)
                s.flush()
        report = ImportReport(total, added, updated, unchanged, tuple(rejected))
        changes = Changes(lead_clients=frozenset({client_id})) if added or updated else Changes()
        return OpResult(report, changes)

    @staticmethod
    def _match(s: Any, client_id: int, cells: dict[str, str], window: timedelta) -> LeadRow:
        lead_text = cells.get("lead_id", "").lstrip("#").strip()
        if lead_text:
            if not lead_text.isdigit():
                raise ValidationError(
                    translate("reports", "“{text}” is not a lead number.").format(text=lead_text)
                )
            lead = s.get(LeadRow, int(lead_text))
            if lead is None or lead.client_id != client_id:
                raise ValidationError(
                    translate("reports", "Lead #{id} is not a lead of this client.").format(
                        id=lead_text
                    )
                )
            return lead  # type: ignore[no-any-return]
        address = cells.get("email", "").strip().lower()
        if "@" not in address:
            raise ValidationError(
                translate("reports", "No lead number and no email address on this line.")
            )
        stmt = select(LeadRow).where(
            LeadRow.client_id == client_id,
            LeadRow.sender_address == address,
            LeadRow.filtered_reason.is_(None),
        )
        when_text = cells.get("date", "")
        when: datetime | None = None
        if when_text:
            when = _parse_moment(when_text)
            stmt = stmt.where(
                LeadRow.received_at >= when - window, LeadRow.received_at <= when + window
            )
        candidates = list(s.scalars(stmt.order_by(LeadRow.received_at.desc()).limit(200)))
        if not candidates:
            if when is None:
                reason = translate("reports", "No lead from {email}.").format(email=address)
            else:
                reason = translate(
                    "reports", "No lead from {email} within {days} days of {date}."
                ).format(email=address, days=window.days, date=when_text)
            raise ValidationError(reason)
        if when is None:
            return candidates[0]  # type: ignore[no-any-return]
        pivot = when
        return min(candidates, key=lambda lead: abs(lead.received_at - pivot))  # type: ignore[no-any-return]
