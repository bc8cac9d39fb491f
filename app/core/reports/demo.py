"""Demo costs and deals, so every chart and report of a demo client shows real-looking numbers.

Costs: each channel gets a monthly cost over the months its demo mail covers (offline channels
cost more than online ones). Deals: some leads become deals with amounts of the client's trade,
others are in progress, lost or spam; a few carry tags. Idempotent: a client that already has
costs gets no more, and leads that already have a status are left alone.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select, update

from app.core.changes import Changes
from app.core.clients.model import Client
from app.core.leads.model import LeadStatus
from app.core.leads.service import fill_search_keys
from app.core.money import to_minor
from app.core.reports.costs import month_periods
from app.core.reports.model import CostFields
from app.core.storage.models import CostRow, LeadRow, LeadTagRow
from app.core.workspace import Workspace

# A typical deal of each demo client's trade (the amounts vary around it).
DEAL_SIZE = {
    "Стоматология «Улыбка»": 28_000,
    "СтройДом": 2_400_000,
    "Автосалон «Север»": 1_900_000,
    "Юридическая фирма «Право и Дело»": 65_000,
    "Luna Coffee Roasters": 90,
    "Агентство недвижимости «Квадрат»": 180_000,
}
DEFAULT_DEAL = 40_000
TAGS = ("vip", "повторный клиент", "по рекомендации", "срочно", "опт")


def generate_demo_reports(ws: Workspace, client: Client) -> Changes:
    """Give a demo client monthly channel costs and deals on its leads (idempotent)."""
    rng = random.Random(f"mailsource-demo-reports-{client.name}")
    changes = Changes()
    deal = DEAL_SIZE.get(client.name, DEFAULT_DEAL)
    with ws.db.session() as s:
        first, last = s.execute(
            select(func.min(LeadRow.received_at), func.max(LeadRow.received_at)).where(
                LeadRow.client_id == client.id
            )
        ).one()
        has_costs = bool(s.scalar(select(func.count()).where(CostRow.client_id == client.id)))
    if first is None:
        return changes
    if not has_costs:
        start = first.date()
        end = max(last.date(), start + timedelta(days=1))
        for channel in ws.channels.list(client.id):
            # Monthly budgets proportionate to the deal size: what such a client might spend.
            base = deal * (0.9 if channel.kind == "offline" else 0.35) * rng.uniform(0.6, 1.6)
            base = max(base, 3_000 if client.currency == "RUB" else 150)
            for month_start, month_end in month_periods(start, end):
                amount = Decimal(round(base * rng.uniform(0.85, 1.15), -2 if base > 1000 else 0))
                fields = CostFields(channel.id, month_start, month_end, amount)
                changes |= ws.costs.add(client.id, fields).changes
    changes |= _demo_deals(ws, client, rng, deal)
    fill_search_keys(ws.db, client.id)
    return changes


def _demo_deals(ws: Workspace, client: Client, rng: random.Random, deal: int) -> Changes:
    with ws.db.session() as s:
        touched = s.scalar(
            select(func.count()).where(
                LeadRow.client_id == client.id, LeadRow.status != str(LeadStatus.NEW)
            )
        )
        if touched:
            return Changes()
        leads = list(
            s.execute(
                select(LeadRow.id, LeadRow.received_at)
                .where(LeadRow.client_id == client.id, LeadRow.filtered_reason.is_(None))
                .order_by(LeadRow.id)
            )
        )
        updates = []
        tags = []
        for lead_id, received in leads:
            roll = rng.random()
            row: dict[str, object] = {"id": lead_id}
            if roll < 0.16:
                amount = Decimal(
                    round(deal * rng.lognormvariate(0, 0.45), 2 if deal < 1000 else -2)
                )
                row.update(
                    status=str(LeadStatus.DEAL),
                    deal_amount_minor=to_minor(amount, client.currency),
                    deal_date=_later(received.date(), rng),
                )
            elif roll < 0.36:
                row["status"] = str(LeadStatus.IN_PROGRESS)
            elif roll < 0.52:
                row["status"] = str(LeadStatus.NO_DEAL)
            elif roll < 0.55:
                row["status"] = str(LeadStatus.SPAM)
            else:
                continue
            updates.append(row)
            if rng.random() < 0.25:
                tags.append({"lead_id": lead_id, "tag": rng.choice(TAGS), "client_id": client.id})
        if updates:
            s.execute(update(LeadRow), updates)
        if tags:
            s.execute(LeadTagRow.__table__.insert(), tags)  # type: ignore[attr-defined]
    return Changes(lead_clients=frozenset({client.id})) if updates else Changes()


def _later(day: date, rng: random.Random) -> date:
    return day + timedelta(days=rng.randrange(1, 21))
