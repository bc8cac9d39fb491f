"""Lead lists: ids in SQL order, pages of rows, views and counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from app.core.clients.model import ChannelFields, ClientFields
from app.core.leads.model import UNTRACKED, LeadQuery, LeadSort, LeadView
from app.core.storage.models import LeadRow
from app.core.workspace import Workspace

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def _seed(ws: Workspace) -> tuple[int, int]:
    client = ws.clients.create(ClientFields(name="Клиент")).value.id
    tv = ws.channels.create(client, ChannelFields(name="ТВ")).value.id
    rows = [
        {"client_id": client, "dedup_key": "a", "sender_address": "anna@mail.ru",
         "sender_name": "Анна", "subject": "Заявка на ремонт", "received_at": T0,
         "channel_id": tv, "response_seconds": 600, "first_reply_at": T0 + timedelta(minutes=10)},
        {"client_id": client, "dedup_key": "b", "sender_address": "boris@ya.ru",
         "subject": "Price list", "received_at": T0 + timedelta(hours=1), "is_repeat": True},
        {"client_id": client, "dedup_key": "c", "sender_address": "mailer-daemon@x.ru",
         "subject": "Undelivered", "received_at": T0 + timedelta(hours=2),
         "filtered_reason": "bounce"},
    ]  # fmt: skip
    with ws.db.session() as s:
        s.execute(insert(LeadRow), rows)
    return client, tv


def test_views_order_pages_and_counts(workspace: Workspace) -> None:
    client, tv = _seed(workspace)
    leads = workspace.leads
    newest_first = leads.ids(LeadQuery(client))
    assert len(newest_first) == 2
    page = leads.summaries(newest_first)
    assert [r.sender_address for r in page] == ["boris@ya.ru", "anna@mail.ru"]
    assert page[1].channel_name == "ТВ" and page[1].response_seconds == 600
    assert [
        r.subject for r in leads.summaries(leads.ids(LeadQuery(client, view=LeadView.FILTERED)))
    ] == ["Undelivered"]
    assert leads.count(LeadQuery(client, view=LeadView.ALL)) == 3
    assert leads.count(LeadQuery(client, channel_id=tv)) == 1
    assert leads.count(LeadQuery(client, channel_id=UNTRACKED)) == 1
    assert leads.count(LeadQuery(client, search="Заявка")) == 1
    assert leads.count(LeadQuery(client, search="BORIS")) == 1
    by_response = leads.summaries(leads.ids(LeadQuery(client, sort=LeadSort.RESPONSE)))
    assert by_response[-1].response_seconds is None  # unanswered last
    counts = leads.counts(client)
    assert (counts.leads, counts.tracked, counts.repeat, counts.filtered, counts.replied) == (
        2, 1, 1, 1, 1,
    )  # fmt: skip
    detail = leads.get(newest_first[1])
    assert detail.sender_name == "Анна" and detail.channel_name == "ТВ"
    # deleting the channel keeps the lead, untracked
    workspace.channels.delete(tv)
    assert leads.count(LeadQuery(client, channel_id=UNTRACKED)) == 2
