"""A small client whose report figures are computed by hand in the tests that use it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import insert, select

from app.core.clients.model import ChannelFields, ClientFields
from app.core.reports.model import CostFields
from app.core.storage.models import LeadRow, LeadVisitRow, VisitRow
from app.core.workspace import Workspace


def at(day: int, hour: int = 10, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@dataclass(frozen=True)
class Seeded:
    client: int
    tv: int
    site: int


def seed(ws: Workspace) -> Seeded:
    """TV: 4 leads (responses 60/120/300/none, one repeat, a 10,000.00 deal); Site: 3 leads
    (600/1200/none, one repeat, a 5,000.50 deal, two from Yandex visits); one untracked lead
    (30 s); a bounce and an April lead outside. Costs: TV 31,000 for March; Site 3,000 for
    15 Feb - 16 Mar (16 of its 30 days in March: 1,600)."""
    client = ws.clients.create(ClientFields(name="Клиника «Тест»", currency="RUB")).value.id
    tv = ws.channels.create(client, ChannelFields(name="ТВ", color="#e15759")).value.id
    site = ws.channels.create(client, ChannelFields(name="Сайт", color="#4e79a7")).value.id

    def lead(key: str, when: datetime, channel: int | None, response: int | None, **kw: object):
        row: dict[str, object] = {
            "client_id": client,
            "dedup_key": key,
            "sender_address": f"{key}@mail.ru",
            "sender_name": f"Отправитель {key}",
            "subject": f"Заявка {key}",
            "received_at": when,
            "channel_id": channel,
            "response_seconds": response,
            "first_reply_at": when + timedelta(seconds=response) if response else None,
            "is_repeat": False,
            "status": "new",
        }
        row.update(kw)
        return row

    rows = [
        lead("t1", at(1, 9), tv, 60),
        lead("t2", at(1, 15), tv, 120, is_repeat=True),
        lead("t3", at(2), tv, 300, status="deal", deal_amount_minor=1_000_000),
        lead("t4", at(31, 23, 30), tv, None),
        lead("s1", at(10), site, 600, status="deal", deal_amount_minor=500_050),
        lead("s2", at(11), site, 1200, is_repeat=True),
        lead("s3", at(20), site, None, status="spam"),
        lead("u1", at(5), None, 30),
        lead("bounce", at(6), None, None, filtered_reason="bounce"),
        lead("april", at(1, month=4), tv, 10),
    ]
    with ws.db.session() as s:
        s.execute(insert(LeadRow), rows)
        ids = dict(s.execute(select(LeadRow.dedup_key, LeadRow.id)).all())
        visits = [
            {
                "client_id": client,
                "visit_key": f"v{n}",
                "source_format": "metrica",
                "analytics_visit_id": str(n),
                "started_at": at(8 + n),
                "source": source,
                "medium": "cpc" if source == "yandex" else "organic",
                "city": "Москва",
                "metrica_client_id": f"17000000{n}",
                "gclid": f"gclid-{n}" if source == "google" else None,
            }
            for n, source in enumerate(["yandex", "yandex", "yandex", "yandex", "google"])
        ]
        s.execute(insert(VisitRow), visits)
        vid = dict(s.execute(select(VisitRow.visit_key, VisitRow.id)).all())
        s.execute(
            insert(LeadVisitRow),
            [
                {"lead_id": ids["s1"], "client_id": client, "visit_id": vid["v1"],
                 "kind": "token", "status": "matched", "confidence": 1.0, "candidates": 1},
                {"lead_id": ids["s2"], "client_id": client, "visit_id": vid["v2"],
                 "kind": "token", "status": "matched", "confidence": 1.0, "candidates": 1},
            ],
        )  # fmt: skip
    ws.costs.add(client, CostFields.for_month(tv, 2026, 3, Decimal("31000")))
    ws.costs.add(client, CostFields(site, date(2026, 2, 15), date(2026, 3, 16), Decimal("3000")))
    return Seeded(client, tv, site)
