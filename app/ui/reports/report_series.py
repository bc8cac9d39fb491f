"""The core's report numbers turned into chart series and key-figure texts.

Pure functions over :class:`~app.core.reports.model.ClientReport`: the dashboard, the tests and
the screenshot script all draw the same thing from the same numbers.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.leads.model import UNTRACKED
from app.core.reports.model import Bucket, ClientReport, Dimension, Figures
from app.core.reports.numbers import bucket_start
from app.ui.charts.series import Bar, BarSeries, Layer, TimeSeries
from app.ui.leads.lead_table_model import format_duration, money_text

UNTRACKED_COLOR = "#9e9e9e"
TOP = 10
"""Bars in a "top sources / campaigns / keywords" chart."""


def channel_key(figures: Figures) -> int:
    """The journal's channel filter value of a channel row ("" is the untracked mail)."""
    return int(figures.key) if figures.key else UNTRACKED


def next_bucket(start: date, bucket: Bucket) -> date:
    if bucket is Bucket.DAY:
        return start + timedelta(days=1)
    if bucket is Bucket.WEEK:
        return start + timedelta(days=7)
    index = start.year * 12 + start.month
    return date(index // 12, index % 12 + 1, 1)


def time_series(report: ClientReport) -> TimeSeries:
    """Leads per bucket and channel, every bucket of the period present (empty ones as 0)."""
    period, bucket = report.period, report.bucket
    starts: list[date] = []
    cursor = bucket_start(period.start, bucket)
    while cursor <= period.end:
        starts.append(cursor)
        cursor = next_bucket(cursor, bucket)
    ends = [min(next_bucket(s, bucket), period.end + timedelta(days=1)) for s in starts]
    first = [max(s, period.start) for s in starts]
    index = {s: i for i, s in enumerate(starts)}
    counts: dict[int | None, list[float]] = {}
    for point in report.series:
        values = counts.setdefault(point.channel_id, [0.0] * len(starts))
        at = index.get(bucket_start(point.bucket_start, bucket))
        if at is not None:
            values[at] += point.leads
    layers = []
    for info in report.channel_info:
        if info.id in counts and any(counts[info.id]):
            key = info.id if info.id is not None else UNTRACKED
            color = info.color or UNTRACKED_COLOR
            layers.append(Layer(key, info.name, color, tuple(counts[info.id])))
    return TimeSeries(tuple(first), tuple(ends), tuple(layers), bucket.value)


def channel_leads(report: ClientReport) -> BarSeries:
    return BarSeries(
        tuple(
            Bar(channel_key(f), f.label, f.leads, f.color or UNTRACKED_COLOR)
            for f in report.channels
            if f.leads
        )
    )


def channel_cost_per_lead(report: ClientReport) -> BarSeries:
    """Channels with a cost and leads; a cost without leads is in the key figures, not here."""
    bars = []
    for f in report.channels:
        cpl = f.cost_per_lead
        if cpl is None:
            continue
        bars.append(
            Bar(
                channel_key(f),
                f.label,
                float(cpl),
                f.color or UNTRACKED_COLOR,
                money_text(cpl, report.currency),
            )
        )
    bars.sort(key=lambda b: b.value)
    return BarSeries(tuple(bars))


def new_vs_repeat(report: ClientReport) -> BarSeries:
    total = report.total
    return BarSeries(
        (
            Bar(False, QCoreApplication.translate("Dashboard", "New contacts"), total.new),
            Bar(True, QCoreApplication.translate("Dashboard", "Repeat contacts"), total.repeat),
        )
    )


def response_times(report: ClientReport) -> BarSeries:
    """Answered leads by how fast they were answered, with each band's share.

    The unanswered ones are a key figure of their own: as a bar they would usually dwarf the
    distribution this chart is for.
    """
    answered = sum(b.leads for b in report.response)
    return BarSeries(
        tuple(Bar(True, b.label, b.leads, "", _share(b.leads, answered)) for b in report.response)
    )


def _share(part: int, whole: int) -> str:
    if not whole:
        return QLocale().toString(part)
    return f"{QLocale().toString(part)} ({round(100 * part / whole)}%)"


def top(report: ClientReport, dimension: Dimension) -> BarSeries:
    rows = [f for f in report.breakdowns.get(dimension, ()) if f.leads and f.key]
    return BarSeries(tuple(Bar((dimension, f.key), f.label, f.leads) for f in rows[:TOP]))


# -- key figures -------------------------------------------------------------------------------
def count_text(value: int) -> str:
    return QLocale().toString(value)


def share_text(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


def money_or_dash(value: Decimal | None, currency: str) -> str:
    return "—" if value is None else money_text(value, currency)


def roas_text(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


def duration_text(seconds: float | None) -> str:
    return "—" if seconds is None else format_duration(round(seconds))
