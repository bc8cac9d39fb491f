"""What a chart draws: plain, frozen series a test (or a core report) can build by hand.

The widgets never query anything; the dashboard turns the core's report numbers into these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Bar:
    """One bar: what it is, its value, and what a click on it means."""

    key: object
    """Handed back on click (a channel id, ``"new"``, a source name, ...)."""
    label: str
    value: float
    color: str = ""
    """``#rrggbb``; empty takes the palette's highlight colour."""
    text: str = ""
    """The value as people read it ("1 250 ₽", "3 h"); empty shows the number."""


@dataclass(frozen=True)
class BarSeries:
    """Bars in the order they are drawn (top to bottom, or left to right)."""

    bars: tuple[Bar, ...]

    @property
    def empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


@dataclass(frozen=True)
class Layer:
    """One stacked layer of a time chart (a channel), a value per bucket."""

    key: object
    label: str
    color: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class TimeSeries:
    """Buckets of time (their first days) with one stacked layer per channel.

    ``ends`` holds each bucket's day after its last, so a click can filter exactly that bucket.
    """

    starts: tuple[date, ...]
    ends: tuple[date, ...]
    layers: tuple[Layer, ...]
    bucket: str = "day"
    """``day``, ``week`` or ``month``: how the axis labels its buckets."""

    @property
    def empty(self) -> bool:
        return not any(any(layer.values) for layer in self.layers)


@dataclass(frozen=True)
class ChartHit:
    """What the pointer is on: the bar's key, its label and value, and its bucket if any."""

    key: object
    label: str
    value: float
    text: str
    start: date | None = None
    end: date | None = None
