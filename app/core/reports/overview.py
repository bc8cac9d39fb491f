"""The agency overview: every active client on one page, with what needs attention."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from app.core.i18n import translate
from app.core.reports.costs import CostService, prorated
from app.core.reports.model import OverviewRow, Period
from app.core.reports.numbers import TOTAL_KEY, percentile_rows
from app.core.storage.database import Database
from app.core.storage.models import (
    AddressSettingsRow,
    ClientRow,
    LeadRow,
    MailboxRow,
    VisitImportRow,
    VisitSettingsRow,
)

VISITS_STALE_AFTER = timedelta(days=7)


class OverviewService:
    """Leads this period vs the previous one, cost per lead, response time and warnings."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._costs = CostService(db)

    def overview(self, period: Period, *, now: datetime | None = None) -> list[OverviewRow]:
        """One row per active client, by name."""
        now = now or datetime.now(UTC)
        previous = period.previous()
        with self._db.session() as s:
            clients = list(
                s.execute(
                    select(ClientRow.id, ClientRow.name, ClientRow.currency)
                    .where(ClientRow.archived.is_(False))
                    .order_by(ClientRow.name)
                )
            )
            base = [LeadRow.filtered_reason.is_(None)]
            counts: dict[tuple[int, bool], int] = {}
            for current, p in ((True, period), (False, previous)):
                stmt = (
                    select(LeadRow.client_id, func.count())
                    .where(*base, LeadRow.received_at >= p.since, LeadRow.received_at < p.until)
                    .group_by(LeadRow.client_id)
                )
                for client_id, n in s.execute(stmt):
                    counts[(int(client_id), current)] = int(n)
            medians: dict[int, float | None] = {}
            for client_id, _name, _currency in clients:
                if counts.get((client_id, True)):
                    where = [
                        *base,
                        LeadRow.client_id == client_id,
                        LeadRow.received_at >= period.since,
                        LeadRow.received_at < period.until,
                    ]
                    found = percentile_rows(s, LeadRow.client_id, select(), where)
                    medians[client_id] = found.get(TOTAL_KEY, (None, None))[0]
            warnings = self._warnings(s, [c[0] for c in clients], now)
        rows = []
        for client_id, name, currency in clients:
            costs = self._costs.list(client_id, period)
            cost = sum((prorated(c, period) for c in costs), Decimal(0)) if costs else None
            rows.append(
                OverviewRow(
                    client_id=client_id,
                    client_name=name,
                    currency=currency,
                    leads=counts.get((client_id, True), 0),
                    previous_leads=counts.get((client_id, False), 0),
                    cost=cost.quantize(Decimal("0.01")) if cost is not None else None,
                    median_response_s=medians.get(client_id),
                    warnings=tuple(warnings.get(client_id, ())),
                )
            )
        return rows

    def _warnings(self, s: Any, client_ids: list[int], now: datetime) -> dict[int, list[str]]:
        found: dict[int, list[str]] = defaultdict(list)
        failing = s.execute(
            select(MailboxRow.client_id, MailboxRow.name, MailboxRow.username).where(
                MailboxRow.active.is_(True), MailboxRow.last_sync_status == "failed"
            )
        )
        for client_id, name, username in failing:
            found[client_id].append(
                translate("reports", "Mailbox {name}: the last sync failed.").format(
                    name=name or username
                )
            )
        # Dynamic clients: a pool, or per-visit tokens switched on.
        dynamic = set(
            s.scalars(
                select(AddressSettingsRow.client_id).where(AddressSettingsRow.token_mode != "off")
            )
        )
        pools = {
            int(cid): len(pool or [])
            for cid, pool in s.execute(select(VisitSettingsRow.client_id, VisitSettingsRow.pool))
        }
        dynamic |= {cid for cid, size in pools.items() if size}
        last_import = dict(
            s.execute(
                select(VisitImportRow.client_id, func.max(VisitImportRow.finished_at))
                .where(VisitImportRow.status == "ok")
                .group_by(VisitImportRow.client_id)
            ).all()
        )
        for client_id in client_ids:
            if client_id not in dynamic:
                continue
            last = last_import.get(client_id)
            if last is None:
                found[client_id].append(translate("reports", "No visits imported yet."))
            elif now - _aware(last) > VISITS_STALE_AFTER:
                found[client_id].append(
                    translate("reports", "Visits not imported for {days} days.").format(
                        days=(now - _aware(last)).days
                    )
                )
        if pools:
            from app.core.visits.service import VisitService

            visits = VisitService(self._db)
            for client_id, size in pools.items():
                if size and client_id in client_ids:
                    warning = visits.pool_health(client_id).warning()
                    if warning:
                        found[client_id].append(warning)
        return found


def _aware(moment: Any) -> datetime:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    assert isinstance(moment, datetime)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
