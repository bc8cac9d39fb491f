"""The journal's filters and edits: status, tags, deals, manual leads, Cyrillic search."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from fixtures_reports import at, seed
from sqlalchemy import text

from app.core.errors import NotFoundError, ValidationError
from app.core.leads.model import LeadQuery, LeadStatus, LeadView
from app.core.workspace import Workspace


def _subjects(ws: Workspace, query: LeadQuery) -> list[str]:
    return sorted(s.subject for s in ws.leads.summaries(ws.leads.ids(query)))


def test_filters_combine(workspace: Workspace) -> None:
    seeded = seed(workspace)
    c = seeded.client
    march = {"since": at(1, 0), "until": at(1, 0, month=4)}
    assert len(workspace.leads.ids(LeadQuery(c, **march))) == 8
    assert _subjects(workspace, LeadQuery(c, repeat=True)) == ["Заявка s2", "Заявка t2"]
    assert _subjects(workspace, LeadQuery(c, replied=False, **march)) == [
        "Заявка s3", "Заявка t4",
    ]  # fmt: skip
    assert _subjects(workspace, LeadQuery(c, statuses=(LeadStatus.DEAL, LeadStatus.SPAM))) == [
        "Заявка s1", "Заявка s3", "Заявка t3",
    ]  # fmt: skip
    assert _subjects(workspace, LeadQuery(c, source="yandex")) == ["Заявка s1", "Заявка s2"]
    assert _subjects(workspace, LeadQuery(c, source="yandex", repeat=False)) == ["Заявка s1"]
    assert workspace.leads.ids(LeadQuery(c, source="google")) == []
    assert _subjects(workspace, LeadQuery(c, channel_id=seeded.tv, replied=True, **march)) == [
        "Заявка t1", "Заявка t2", "Заявка t3",
    ]  # fmt: skip


def test_search_folds_cyrillic_case_and_yo(workspace: Workspace) -> None:
    seeded = seed(workspace)
    c = seeded.client
    assert len(workspace.leads.ids(LeadQuery(c, search="ЗАЯВКА T1"))) == 1
    assert len(workspace.leads.ids(LeadQuery(c, search="отправитель"))) == 9
    assert len(workspace.leads.ids(LeadQuery(c, search="S2@MAIL.RU"))) == 1
    assert workspace.leads.ids(LeadQuery(c, search="100%")) == []
    ids = workspace.leads.ids(LeadQuery(c, search="t1@"))
    workspace.leads.set_tags(ids[0], ["Ёлка"])
    with workspace.db.session() as s:
        s.execute(text("UPDATE leads SET subject = 'Ёжик в тумане', search_key = NULL"))
    assert len(workspace.leads.ids(LeadQuery(c, search="ежик В ТУМАНЕ"))) == 9


def test_status_tags_and_deal_edits_return_changes(workspace: Workspace) -> None:
    seeded = seed(workspace)
    c = seeded.client
    ids = workspace.leads.ids(LeadQuery(c))
    changes = workspace.leads.add_tags(ids[:3], ["VIP ", "повторный, vip"])
    assert changes.lead_clients == {c}
    assert workspace.leads.tags(c) == [("vip", 3), ("повторный", 3)]
    assert len(workspace.leads.ids(LeadQuery(c, tags=("VIP", "Повторный")))) == 3
    workspace.leads.add_tags(ids[:4], ["vip"])  # a second time adds only the new one
    assert workspace.leads.tags(c)[0] == ("vip", 4)
    workspace.leads.remove_tags(ids[:1], ["vip"])
    assert len(workspace.leads.ids(LeadQuery(c, tags=("vip",)))) == 3
    workspace.leads.set_tags(ids[0], ["a", "b"])
    assert set(workspace.leads.get(ids[0]).tags) == {"a", "b"}

    assert workspace.leads.set_status(ids[:2], LeadStatus.IN_PROGRESS).lead_clients == {c}
    assert workspace.leads.get(ids[1]).status is LeadStatus.IN_PROGRESS
    workspace.leads.set_deal(ids[1], Decimal("1234.565"), date(2026, 3, 20))
    lead = workspace.leads.get(ids[1])
    assert (lead.status, lead.deal_amount, lead.deal_date) == (
        LeadStatus.DEAL, Decimal("1234.57"), date(2026, 3, 20),
    )  # fmt: skip
    summary = workspace.leads.summaries([ids[1]])[0]
    assert (summary.deal_amount, summary.currency) == (Decimal("1234.57"), "RUB")
    workspace.leads.set_deal(ids[1], None)
    assert workspace.leads.get(ids[1]).status is LeadStatus.IN_PROGRESS
    with pytest.raises(ValidationError):
        workspace.leads.set_deal(ids[1], Decimal("-1"))
    with pytest.raises(NotFoundError):
        workspace.leads.set_status([10**9], LeadStatus.SPAM)
    assert LeadStatus.NO_DEAL.label == "No deal"


def test_filtered_mail_becomes_a_lead_by_hand_and_back(workspace: Workspace) -> None:
    seeded = seed(workspace)
    c = seeded.client
    bounce = workspace.leads.ids(LeadQuery(c, view=LeadView.FILTERED))[0]
    assert workspace.leads.mark_as_lead(bounce).lead_clients == {c}
    lead = workspace.leads.get(bounce)
    assert lead.filtered_reason is None and "bounce" in lead.filtered_detail
    assert bounce in workspace.leads.ids(LeadQuery(c))
    workspace.leads.mark_not_lead(bounce)
    assert workspace.leads.get(bounce).filtered_reason == "manual"
    assert bounce not in workspace.leads.ids(LeadQuery(c))
