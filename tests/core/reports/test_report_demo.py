"""Demo clients get costs and deals, so their reports show real-looking numbers; idempotent."""

from __future__ import annotations

from datetime import timedelta

from app.core.demo import generate_demo
from app.core.reports.model import Period
from app.core.workspace import Workspace


def test_demo_reports_have_costs_deals_and_are_idempotent(sqlite_workspace: Workspace) -> None:
    ws = sqlite_workspace
    generate_demo(ws)
    client = next(c for c in ws.clients.list() if c.name == "СтройДом")
    created = client.created_at.date()
    period = Period(created - timedelta(days=90), created)
    report = ws.reports.report(client.id, period)
    assert report.total.leads > 50
    assert report.total.cost is not None and report.total.cost > 0
    assert report.total.deals > 3 and report.total.revenue > 0
    assert report.total.roas is not None and report.total.median_response_s is not None
    costs_before = len(ws.costs.list(client.id))
    assert costs_before >= 6
    assert ws.leads.tags(client.id)
    again = generate_demo(ws)
    assert len(ws.costs.list(client.id)) == costs_before
    assert again.cost_clients == frozenset()
    assert ws.reports.report(client.id, period).total == report.total
