"""The numbers of a client and period, computed in SQL, the same for the app, exports and CLI.

Counts and sums are one ``GROUP BY`` over the client's leads in the period (the index
``(client_id, filtered_reason, received_at)`` finds them). Percentiles of the response time use
window functions on both backends: SQLite has no ``percentile_cont``, so each group's rows are
numbered in response-time order and the two rows around the wanted rank are read; the
interpolation between them is ``percentile_cont``'s, so PostgreSQL's own function gives the same
value (a test checks it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, literal_column, or_, select
from sqlalchemy.sql.elements import ColumnElement

from app.core.i18n import translate
from app.core.leads.model import LeadStatus
from app.core.money import from_minor
from app.core.reports.costs import CostService, prorated
from app.core.reports.model import (
    Bucket,
    ChannelInfo,
    ClientReport,
    Dimension,
    Figures,
    Period,
    ResponseBucket,
    SeriesPoint,
)
from app.core.storage.database import Database
from app.core.storage.models import ChannelRow, ClientRow, LeadRow, LeadVisitRow, VisitRow

ALL_DIMENSIONS = tuple(d for d in Dimension if d is not Dimension.CHANNEL)
_VISIT_COLUMNS = {
    Dimension.SOURCE: VisitRow.source,
    Dimension.MEDIUM: VisitRow.medium,
    Dimension.CAMPAIGN: VisitRow.campaign,
    Dimension.KEYWORD: VisitRow.keyword,
    Dimension.CITY: VisitRow.city,
    Dimension.DEVICE: VisitRow.device,
}
UNTRACKED_KEY = ""
TOTAL_KEY = "\x00total"
_BANDS: tuple[tuple[int, int | None], ...] = (
    (0, 15 * 60),
    (15 * 60, 3600),
    (3600, 4 * 3600),
    (4 * 3600, 24 * 3600),
    (24 * 3600, 3 * 24 * 3600),
    (3 * 24 * 3600, None),
)


def band_labels() -> tuple[str, ...]:
    """The response-time bands, as a chart's axis shows them."""
    return (
        translate("reports", "under 15 min"),
        translate("reports", "15–60 min"),
        translate("reports", "1–4 h"),
        translate("reports", "4–24 h"),
        translate("reports", "1–3 days"),
        translate("reports", "over 3 days"),
    )


def percentile_cont(values: Sequence[float], p: float) -> float | None:
    """Linear-interpolation percentile of sorted ``values`` (PostgreSQL's ``percentile_cont``)."""
    if not values:
        return None
    position = p * (len(values) - 1)
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (position - low) * (values[high] - values[low])


@dataclass
class _Partial:
    leads: int = 0
    new: int = 0
    repeat: int = 0
    tracked: int = 0
    replied: int = 0
    deals: int = 0
    revenue_minor: int = 0
    median: float | None = None
    p90: float | None = None


def _lead_filter(client_id: int, period: Period) -> list[Any]:
    return [
        LeadRow.client_id == client_id,
        LeadRow.filtered_reason.is_(None),
        LeadRow.received_at >= period.since,
        LeadRow.received_at < period.until,
    ]


def _aggregates(group: ColumnElement[Any]) -> list[Any]:
    is_deal = LeadRow.status == str(LeadStatus.DEAL)
    return [
        group.label("g"),
        func.count().label("leads"),
        func.count(case((LeadRow.is_repeat.is_(True), 1))).label("repeat"),
        func.count(LeadRow.channel_id).label("tracked"),
        func.count(LeadRow.first_reply_at).label("replied"),
        func.count(case((is_deal, 1))).label("deals"),
        func.coalesce(func.sum(case((is_deal, LeadRow.deal_amount_minor))), 0).label("revenue"),
    ]


# Percentiles as integer ranks: p of 100, so both backends do the same integer arithmetic.
_P50, _P90 = 50, 90


def percentile_rows(
    s: Any, group: Any, base: Any, where: list[Any]
) -> dict[str, tuple[float | None, float | None]]:
    """Median and 90th percentile of the response time per group and for all (TOTAL_KEY)."""
    value = LeadRow.response_seconds
    inner = (
        base.add_columns(
            group.label("g"),
            value.label("v"),
            func.row_number().over(partition_by=group, order_by=value).label("rn"),
            func.count().over(partition_by=group).label("n"),
            func.row_number().over(order_by=value).label("rn_t"),
            func.count().over().label("n_t"),
        )
        .where(*where, value.is_not(None))
        .subquery()
    )

    def near(rank: Any, count: Any) -> Any:
        conditions = []
        for p in (_P50, _P90):
            # ``//`` is integer division in SQL on both backends (``/`` may go through floats).
            low = (count - 1) * p // 100
            high = ((count - 1) * p + 99) // 100
            conditions += [rank - 1 == low, rank - 1 == high]
        return or_(*conditions)

    stmt = select(inner.c.g, inner.c.rn, inner.c.n, inner.c.rn_t, inner.c.n_t, inner.c.v).where(
        near(inner.c.rn, inner.c.n) | near(inner.c.rn_t, inner.c.n_t)
    )
    picked: dict[str, dict[int, float]] = defaultdict(dict)
    sizes: dict[str, int] = {}
    for g, rn, n, rn_t, n_t, v in s.execute(stmt):
        key = _key(g)
        picked[key][int(rn) - 1] = float(v)
        sizes[key] = int(n)
        picked[TOTAL_KEY][int(rn_t) - 1] = float(v)
        sizes[TOTAL_KEY] = int(n_t)
    result: dict[str, tuple[float | None, float | None]] = {}
    for key, ranks in picked.items():
        n = sizes[key]
        result[key] = (_interpolate(ranks, n, _P50), _interpolate(ranks, n, _P90))
    return result


def _interpolate(ranks: dict[int, float], n: int, p: int) -> float | None:
    low = (n - 1) * p // 100
    remainder = ((n - 1) * p) % 100
    if low not in ranks:
        return None
    if remainder == 0:
        return ranks[low]
    return ranks[low] + remainder / 100 * (ranks[low + 1] - ranks[low])


def _column(column: Any) -> ColumnElement[Any]:
    return column  # type: ignore[no-any-return]


def _key(value: Any) -> str:
    return UNTRACKED_KEY if value is None else str(value)


def _day_bucket(db: Database, offset_minutes: int) -> ColumnElement[Any]:
    """The client-local day of ``received_at`` as SQL (text on SQLite, a date on PostgreSQL)."""
    if db.is_sqlite:
        return func.date(LeadRow.received_at, f"{offset_minutes:+d} minutes")
    return literal_column(
        f"CAST((leads.received_at AT TIME ZONE 'UTC') + INTERVAL '{offset_minutes:d} minutes'"
        " AS DATE)"
    )


def _as_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def bucket_start(day: date, bucket: Bucket) -> date:
    """The first day of the bucket holding ``day`` (weeks start on Monday)."""
    if bucket is Bucket.WEEK:
        return day - timedelta(days=day.weekday())
    if bucket is Bucket.MONTH:
        return day.replace(day=1)
    return day


def auto_bucket(period: Period) -> Bucket:
    """Days up to two months, weeks up to a year, months beyond."""
    if period.days <= 62:
        return Bucket.DAY
    if period.days <= 366:
        return Bucket.WEEK
    return Bucket.MONTH


class ReportService:
    """The numbers of a client and period (see the module docstring)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._costs = CostService(db)

    def report(
        self,
        client_id: int,
        period: Period,
        *,
        bucket: Bucket | None = None,
        dimensions: Iterable[Dimension] = ALL_DIMENSIONS,
    ) -> ClientReport:
        """Everything the dashboard shows: totals, channels, breakdowns, series, response."""
        bucket = bucket or auto_bucket(period)
        with self._db.session() as s:
            client = s.get(ClientRow, client_id)
            if client is None:
                from app.core.errors import NotFoundError

                raise NotFoundError(
                    translate("reports", "Client #{id} does not exist (any more).").format(
                        id=client_id
                    )
                )
            currency, client_name = str(client.currency), str(client.name)
            channels = {
                str(cid): ChannelInfo(cid, name, color)
                for cid, name, color in s.execute(
                    select(ChannelRow.id, ChannelRow.name, ChannelRow.color)
                    .where(ChannelRow.client_id == client_id)
                    .order_by(ChannelRow.id)
                )
            }
            where = _lead_filter(client_id, period)
            by_channel = self._partials(s, _column(LeadRow.channel_id), where)
            series = self._series(s, where, period, bucket)
            response = self._response(s, where)
            has_visits = bool(
                s.scalar(select(VisitRow.id).where(VisitRow.client_id == client_id).limit(1))
            )
            breakdowns: dict[Dimension, tuple[Figures, ...]] = {}
            for dimension in dimensions:
                if dimension is Dimension.CHANNEL:
                    continue
                breakdowns[dimension] = self._breakdown(
                    s,
                    client_id=client_id,
                    period=period,
                    dimension=dimension,
                    where=where,
                    currency=currency,
                    has_visits=has_visits,
                )
        costs: dict[str, Decimal] = {}
        for cost in self._costs.list(client_id, period):
            key = str(cost.channel_id)
            costs[key] = costs.get(key, Decimal(0)) + prorated(cost, period)
        untracked = ChannelInfo(None, translate("reports", "Untracked (main address)"), "#9e9e9e")
        rows: list[Figures] = []
        for key in sorted(set(by_channel) | set(costs)):
            if key == TOTAL_KEY:
                continue
            info = channels.get(key, untracked)
            rows.append(
                _figures(
                    key,
                    info.name,
                    info.color,
                    by_channel.get(key),
                    cost=costs.get(key),
                    currency=currency,
                )
            )
        rows.sort(key=lambda f: (-f.leads, -(f.cost or 0), f.label))
        total_cost = sum(costs.values(), Decimal(0)) if costs else None
        total = _figures(
            "",
            translate("reports", "Total"),
            "",
            by_channel.get(TOTAL_KEY),
            cost=total_cost,
            currency=currency,
        )
        info_list = [channels[k] for k in channels]
        if UNTRACKED_KEY in by_channel:
            info_list.append(untracked)
        return ClientReport(
            client_id=client_id,
            client_name=client_name,
            currency=currency,
            period=period,
            total=total,
            channels=tuple(rows),
            channel_info=tuple(info_list),
            series=tuple(series),
            bucket=bucket,
            response=tuple(response),
            breakdowns=breakdowns,
            has_visits=has_visits,
        )

    # --- pieces ----------------------------------------------------------------------------

    def _partials(
        self, s: Any, group: ColumnElement[Any], where: list[Any], base: Any = None
    ) -> dict[str, _Partial]:
        """Counts per group, plus the TOTAL_KEY entry, with percentiles filled in."""
        base = base if base is not None else select()
        stmt = base.add_columns(*_aggregates(group)).where(*where).group_by(group)
        partials: dict[str, _Partial] = {}
        total = _Partial()
        for g, leads, repeat, tracked, replied, deals, revenue in s.execute(stmt):
            part = _Partial(
                leads=int(leads),
                new=int(leads) - int(repeat),
                repeat=int(repeat),
                tracked=int(tracked),
                replied=int(replied),
                deals=int(deals),
                revenue_minor=int(revenue or 0),
            )
            partials[_key(g)] = part
            for name in ("leads", "new", "repeat", "tracked", "replied", "deals", "revenue_minor"):
                setattr(total, name, getattr(total, name) + getattr(part, name))
        base_p = base if base is not None else select()
        for key, (median, p90) in percentile_rows(s, group, base_p, where).items():
            target = total if key == TOTAL_KEY else partials.get(key)
            if target is not None:
                target.median, target.p90 = median, p90
        if total.leads:
            partials[TOTAL_KEY] = total
        return partials

    def _series(
        self, s: Any, where: list[Any], period: Period, bucket: Bucket
    ) -> list[SeriesPoint]:
        day = _day_bucket(self._db, period.utc_offset_minutes)
        stmt = (
            select(day.label("d"), LeadRow.channel_id, func.count())
            .where(*where)
            .group_by(day, LeadRow.channel_id)
        )
        rolled: dict[tuple[date, int | None], int] = defaultdict(int)
        for d, channel_id, n in s.execute(stmt):
            rolled[(bucket_start(_as_date(d), bucket), channel_id)] += int(n)
        return [
            SeriesPoint(start, channel_id, n)
            for (start, channel_id), n in sorted(
                rolled.items(), key=lambda item: (item[0][0], item[0][1] or 0)
            )
        ]

    def _response(self, s: Any, where: list[Any]) -> list[ResponseBucket]:
        value = LeadRow.response_seconds
        band = case(
            *[
                (value < upper, index)
                for index, (_lower, upper) in enumerate(_BANDS)
                if upper is not None
            ],
            else_=len(_BANDS) - 1,
        )
        stmt = select(band, func.count()).where(*where, value.is_not(None)).group_by(band)
        counts = {int(index): int(n) for index, n in s.execute(stmt)}
        labels = band_labels()
        return [
            ResponseBucket(labels[i], lower, upper, counts.get(i, 0))
            for i, (lower, upper) in enumerate(_BANDS)
        ]

    def _breakdown(
        self,
        s: Any,
        *,
        client_id: int,
        period: Period,
        dimension: Dimension,
        where: list[Any],
        currency: str,
        has_visits: bool,
    ) -> tuple[Figures, ...]:
        column = _VISIT_COLUMNS[dimension]
        group = func.coalesce(column, "")
        base = (
            select()
            .select_from(LeadRow)
            .join(
                LeadVisitRow,
                and_(LeadVisitRow.lead_id == LeadRow.id, LeadVisitRow.status == "matched"),
            )
            .join(VisitRow, VisitRow.id == LeadVisitRow.visit_id)
        )
        linked = s.scalar(
            select(LeadVisitRow.lead_id)
            .where(LeadVisitRow.client_id == client_id, LeadVisitRow.status == "matched")
            .limit(1)
        )
        # Without a single lead matched to a visit there is nothing to join: skip the scans.
        partials = self._partials(s, group, where, base) if linked is not None else {}
        partials.pop(TOTAL_KEY, None)
        visits: dict[str, int] = {}
        if has_visits:
            stmt = (
                select(group, func.count())
                .where(
                    VisitRow.client_id == client_id,
                    VisitRow.started_at >= period.since,
                    VisitRow.started_at < period.until,
                )
                .group_by(group)
            )
            visits = {str(g): int(n) for g, n in s.execute(stmt)}
        not_set = translate("reports", "(not set)")
        rows = [
            replace(
                _figures(key, key or not_set, "", partials.get(key), cost=None, currency=currency),
                visits=visits.get(key) if has_visits else None,
            )
            for key in set(partials) | set(visits)
        ]
        rows.sort(key=lambda f: (-f.leads, -(f.visits or 0), f.label))
        return tuple(rows)


def _figures(
    key: str,
    label: str,
    color: str,
    part: _Partial | None,
    *,
    cost: Decimal | None,
    currency: str,
) -> Figures:
    part = part or _Partial()
    if cost is not None:
        cost = cost.quantize(Decimal("0.01"))
    return Figures(
        key=key,
        label=label,
        color=color,
        leads=part.leads,
        new=part.new,
        repeat=part.repeat,
        tracked=part.tracked,
        replied=part.replied,
        unreplied=part.leads - part.replied,
        deals=part.deals,
        revenue=from_minor(part.revenue_minor, currency),
        cost=cost,
        median_response_s=part.median,
        p90_response_s=part.p90,
    )


def moment_day(moment: datetime, period: Period) -> date:
    """The client-local day of a UTC moment (what the series buckets use)."""
    return (moment + timedelta(minutes=period.utc_offset_minutes)).date()
