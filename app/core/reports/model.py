"""Plain types of the reports: periods, costs, deal imports and the figures themselves."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.core.reports.csvfile import RejectedLine


@dataclass(frozen=True)
class Period:
    """A report period: whole days from ``start`` to ``end`` (both included) in ``tz``."""

    start: date
    end: date
    tz: str = "UTC"
    """IANA zone whose days the period and the chart buckets follow (the client's days)."""

    @classmethod
    def month(cls, year: int, month: int, tz: str = "UTC") -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), tz)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def since(self) -> datetime:
        """The first moment of the period, in UTC."""
        return datetime.combine(self.start, time(), ZoneInfo(self.tz)).astimezone(UTC)

    @property
    def until(self) -> datetime:
        """The first moment after the period, in UTC (exclusive)."""
        after = self.end + timedelta(days=1)
        return datetime.combine(after, time(), ZoneInfo(self.tz)).astimezone(UTC)

    @property
    def utc_offset_minutes(self) -> int:
        """The zone's offset at the start (day buckets use it; a DST change moves one hour)."""
        offset = self.since.astimezone(ZoneInfo(self.tz)).utcoffset()
        return int(offset.total_seconds() // 60) if offset else 0

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        length = timedelta(days=self.days)
        return Period(self.start - length, self.end - length, self.tz)


@dataclass(frozen=True)
class Cost:
    """What a channel cost over a period (both ends included)."""

    id: int
    client_id: int
    channel_id: int
    channel_name: str
    period_start: date
    period_end: date
    amount: Decimal
    currency: str
    note: str


@dataclass(frozen=True)
class CostFields:
    """A cost as entered. An empty ``currency`` means the client's own."""

    channel_id: int
    period_start: date
    period_end: date
    amount: Decimal
    currency: str = ""
    note: str = ""

    @classmethod
    def for_month(
        cls, channel_id: int, year: int, month: int, amount: Decimal, currency: str = ""
    ) -> CostFields:
        period = Period.month(year, month)
        return cls(channel_id, period.start, period.end, amount, currency)


@dataclass(frozen=True)
class ImportReport:
    """What a CSV import (costs or deals) did, line by line for what it could not use."""

    rows: int
    """Data lines read (the header and blank lines not counted)."""
    added: int
    updated: int
    unchanged: int
    """Lines that matched what was already stored (a re-import changes nothing)."""
    rejected: tuple[RejectedLine, ...] = ()

    @property
    def used(self) -> int:
        return self.added + self.updated + self.unchanged


class Dimension(StrEnum):
    """What a breakdown groups leads by."""

    CHANNEL = "channel"
    SOURCE = "source"
    MEDIUM = "medium"
    CAMPAIGN = "campaign"
    KEYWORD = "keyword"
    CITY = "city"
    DEVICE = "device"


class Bucket(StrEnum):
    """The width of a chart's time step."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class Figures:
    """The numbers of one group of leads (a channel, a source, ... or the whole client).

    Money is in the client's currency; ``None`` means "not known" (no cost entered, no replies
    to take a median of), which a report shows as a dash, never as 0.
    """

    key: str
    """The group's value (channel id as text, a source name, ...); empty for the total."""
    label: str
    color: str
    leads: int
    new: int
    repeat: int
    tracked: int
    replied: int
    unreplied: int
    deals: int
    revenue: Decimal
    cost: Decimal | None
    median_response_s: float | None
    p90_response_s: float | None
    visits: int | None = None
    """Visits in the period (sources with imported visits only)."""

    @property
    def tracked_share(self) -> float | None:
        return self.tracked / self.leads if self.leads else None

    @property
    def cost_per_lead(self) -> Decimal | None:
        if self.cost is None or not self.leads:
            return None
        return (self.cost / self.leads).quantize(Decimal("0.01"))

    @property
    def roas(self) -> float | None:
        """Revenue / cost (2.5 = every rouble spent brought 2.5 back)."""
        if self.cost is None or not self.cost:
            return None
        return float(self.revenue / self.cost)

    @property
    def conversion(self) -> float | None:
        """Leads per visit."""
        return self.leads / self.visits if self.visits else None


@dataclass(frozen=True)
class SeriesPoint:
    """Leads of one channel in one time bucket (the stacked chart's data)."""

    bucket_start: date
    channel_id: int | None
    leads: int


@dataclass(frozen=True)
class ChannelInfo:
    """A channel as charts and tables show it."""

    id: int | None
    """None: leads sent to no tracking address."""
    name: str
    color: str


@dataclass(frozen=True)
class ResponseBucket:
    """How many leads were answered within a band of time (``upper_s`` None: no upper bound)."""

    label: str
    lower_s: int
    upper_s: int | None
    leads: int


@dataclass(frozen=True)
class ClientReport:
    """Everything the dashboard, the exports and the CLI show for a client and period."""

    client_id: int
    client_name: str
    currency: str
    period: Period
    total: Figures
    channels: tuple[Figures, ...]
    channel_info: tuple[ChannelInfo, ...]
    series: tuple[SeriesPoint, ...]
    bucket: Bucket
    response: tuple[ResponseBucket, ...]
    breakdowns: dict[Dimension, tuple[Figures, ...]] = field(default_factory=dict)
    has_visits: bool = False

    @property
    def empty(self) -> bool:
        return self.total.leads == 0


@dataclass(frozen=True)
class OverviewRow:
    """One client on the agency overview."""

    client_id: int
    client_name: str
    currency: str
    leads: int
    previous_leads: int
    cost: Decimal | None
    median_response_s: float | None
    warnings: tuple[str, ...]

    @property
    def change(self) -> float | None:
        """Relative change against the previous period (0.25 = +25 %)."""
        if not self.previous_leads:
            return None
        return (self.leads - self.previous_leads) / self.previous_leads

    @property
    def cost_per_lead(self) -> Decimal | None:
        if self.cost is None or not self.leads:
            return None
        return (self.cost / self.leads).quantize(Decimal("0.01"))
