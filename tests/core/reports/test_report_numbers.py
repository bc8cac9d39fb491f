"""Report figures against a hand-computed fixture, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from fixtures_reports import seed
from sqlalchemy import text

from app.core.reports.model import Bucket, Dimension, Period
from app.core.workspace import Workspace

MARCH = Period.month(2026, 3)


def test_totals_and_channels_match_the_hand_computed_figures(workspace: Workspace) -> None:
    seeded = seed(workspace)
    report = workspace.reports.report(seeded.client, MARCH)
    total = report.total
    assert (total.leads, total.new, total.repeat, total.tracked) == (8, 6, 2, 7)
    assert (total.replied, total.unreplied, total.deals) == (6, 2, 2)
    assert total.revenue == Decimal("15000.50")
    assert total.cost == Decimal("32600.00")
    assert total.cost_per_lead == Decimal("4075.00")
    assert total.roas == pytest.approx(15000.50 / 32600)
    # responses 30, 60, 120, 300, 600, 1200: median at rank 2.5, p90 at 4.5
    assert total.median_response_s == pytest.approx(210.0)
    assert total.p90_response_s == pytest.approx(900.0)
    assert total.tracked_share == pytest.approx(7 / 8)

    by_name = {f.label: f for f in report.channels}
    tv, site = by_name["ТВ"], by_name["Сайт"]
    assert [f.label for f in report.channels][:2] == ["ТВ", "Сайт"]  # most leads first
    assert (tv.leads, tv.repeat, tv.deals, tv.revenue, tv.cost) == (
        4, 1, 1, Decimal("10000.00"), Decimal("31000.00"),
    )  # fmt: skip
    assert tv.cost_per_lead == Decimal("7750.00") and tv.color == "#e15759"
    assert (tv.median_response_s, tv.p90_response_s) == (120.0, pytest.approx(264.0))
    assert (site.leads, site.cost, site.median_response_s) == (3, Decimal("1600.00"), 900.0)
    assert site.p90_response_s == pytest.approx(1140.0)
    untracked = by_name["Untracked (main address)"]
    assert (untracked.leads, untracked.cost, untracked.roas) == (1, None, None)

    assert [(b.label, b.leads) for b in report.response[:3]] == [
        ("under 15 min", 5), ("15–60 min", 1), ("1–4 h", 0),
    ]  # fmt: skip
    assert report.bucket is Bucket.DAY
    first = [(p.bucket_start, p.channel_id, p.leads) for p in report.series[:2]]
    assert first == [(date(2026, 3, 1), seeded.tv, 2), (date(2026, 3, 2), seeded.tv, 1)]
    assert sum(p.leads for p in report.series) == 8


def test_sources_with_visits_and_conversion(workspace: Workspace) -> None:
    seeded = seed(workspace)
    report = workspace.reports.report(seeded.client, MARCH)
    assert report.has_visits
    sources = {f.label: f for f in report.breakdowns[Dimension.SOURCE]}
    assert (sources["yandex"].leads, sources["yandex"].visits) == (2, 4)
    assert sources["yandex"].conversion == pytest.approx(0.5)
    assert sources["yandex"].revenue == Decimal("5000.50")
    assert (sources["google"].leads, sources["google"].visits) == (0, 1)
    assert {f.label: f.leads for f in report.breakdowns[Dimension.CITY]} == {"Москва": 2}


def test_weeks_months_and_the_client_time_zone(workspace: Workspace) -> None:
    seeded = seed(workspace)
    weekly = workspace.reports.report(seeded.client, MARCH, bucket=Bucket.WEEK)
    assert weekly.series[0].bucket_start == date(2026, 2, 23)  # the Monday before 1 March
    # 23:30 UTC on 31 March is 1 April in Moscow: out of a Moscow March, the April lead stays out
    moscow = workspace.reports.report(seeded.client, Period.month(2026, 3, "Europe/Moscow"))
    assert moscow.total.leads == 7
    april = workspace.reports.report(seeded.client, Period.month(2026, 4, "Europe/Moscow"))
    assert april.total.leads == 2
    assert {p.bucket_start for p in april.series} == {date(2026, 4, 1)}


def test_a_period_without_leads_is_empty_but_valid(workspace: Workspace) -> None:
    seeded = seed(workspace)
    report = workspace.reports.report(seeded.client, Period(date(2025, 1, 1), date(2025, 1, 31)))
    assert report.empty and report.series == ()
    assert report.total.median_response_s is None and report.total.cost is None
    assert all(b.leads == 0 for b in report.response)


def test_percentiles_equal_postgresql_percentile_cont(workspace: Workspace, backend: str) -> None:
    seeded = seed(workspace)
    report = workspace.reports.report(seeded.client, MARCH)
    if backend != "postgresql":
        pytest.skip("percentile_cont exists on PostgreSQL only")
    with workspace.db.session() as s:
        median, p90 = s.execute(
            text(
                "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY response_seconds),"
                " percentile_cont(0.9) WITHIN GROUP (ORDER BY response_seconds) FROM leads"
                " WHERE client_id = :c AND filtered_reason IS NULL AND response_seconds IS NOT"
                " NULL AND received_at >= :a AND received_at < :b"
            ),
            {"c": seeded.client, "a": MARCH.since, "b": MARCH.until},
        ).one()
    assert (report.total.median_response_s, report.total.p90_response_s) == (
        pytest.approx(median), pytest.approx(p90),
    )  # fmt: skip


def test_agency_overview_compares_with_the_previous_period(workspace: Workspace) -> None:
    seeded = seed(workspace)
    rows = workspace.overview.overview(Period.month(2026, 4))
    row = next(r for r in rows if r.client_id == seeded.client)
    # April (30 days) vs the 30 days before it (2-31 March): 1 lead vs 6
    assert (row.leads, row.previous_leads) == (1, 6)
    assert row.change == pytest.approx((1 - 6) / 6)
    assert row.median_response_s == 10.0 and row.cost is None and row.warnings == ()
