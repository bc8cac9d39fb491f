"""Leads over time, stacked by channel, one bar per day, week or month."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.ui.charts.chart_view import ChartColors, ChartView
from app.ui.charts.series import ChartHit, Layer, TimeSeries

if TYPE_CHECKING:
    from matplotlib.axes import Axes

MAX_LAYERS = 8
"""More channels than this: the smallest are drawn together as "Other" (a legend stays legible
and the figure stays quick to draw)."""

MAX_TICKS = 12


def bucket_label(start: date, bucket: str) -> str:
    """A bucket's first day as its axis label: "3 Nov", "Nov 2026"."""
    locale = QLocale()
    if bucket == "month":
        month = locale.standaloneMonthName(start.month, QLocale.FormatType.ShortFormat)
        return f"{month} {start.year}"
    return locale.toString(QDate(start.year, start.month, start.day), "d MMM")


def merge_small_layers(layers: tuple[Layer, ...], limit: int = MAX_LAYERS) -> tuple[Layer, ...]:
    """The ``limit - 1`` biggest layers, then the rest summed as "Other" (key None)."""
    if len(layers) <= limit:
        return layers
    ranked = sorted(layers, key=lambda layer: sum(layer.values), reverse=True)
    kept, rest = ranked[: limit - 1], ranked[limit - 1 :]
    other = tuple(sum(values) for values in zip(*(layer.values for layer in rest), strict=True))
    label = QCoreApplication.translate("TimeChart", "Other channels")
    kept_keys = {id(layer) for layer in kept}
    ordered = [layer for layer in layers if id(layer) in kept_keys]
    return (*ordered, Layer(None, label, "#9e9e9e", other))


class TimeChart(ChartView):
    """Stacked bars per bucket; hover names the channel, the bucket and its count."""

    _layers: tuple[Layer, ...] = ()

    def _plot(self, axes: Axes, series: TimeSeries, colors: ChartColors) -> None:
        from matplotlib.ticker import MaxNLocator

        layers = merge_small_layers(series.layers)
        self._layers = layers
        positions = list(range(len(series.starts)))
        bottom = [0.0] * len(positions)
        for layer in layers:
            axes.bar(
                positions,
                layer.values,
                bottom=bottom,
                color=layer.color or colors.accent,
                width=0.8 if len(positions) > 1 else 0.4,
                label=layer.label,
                linewidth=0,
            )
            bottom = [b + v for b, v in zip(bottom, layer.values, strict=True)]
        self._totals = bottom
        step = max(1, -(-len(positions) // MAX_TICKS))
        ticks = positions[::step]
        axes.set_xticks(ticks, [bucket_label(series.starts[i], series.bucket) for i in ticks])
        axes.set_xlim(-0.6, len(positions) - 0.4)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
        axes.grid(axis="y", color=colors.grid, linewidth=0.8)
        legend = axes.legend(
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize=8,
            labelcolor=colors.text,
        )
        # Long Cyrillic channel names must not eat the plot: the legend's text is cut.
        for text in legend.get_texts():
            label = text.get_text()
            if len(label) > 24:
                text.set_text(label[:23] + "…")

    def _hit(self, x: float, y: float, series: TimeSeries) -> ChartHit | None:
        index = round(x)
        if not 0 <= index < len(series.starts) or abs(x - index) > 0.45 or y < 0:
            return None
        level = 0.0
        for layer in self._layers:
            value = layer.values[index]
            if level <= y < level + value:
                return ChartHit(
                    layer.key,
                    layer.label,
                    value,
                    QLocale().toString(int(value)),
                    series.starts[index],
                    series.ends[index],
                )
            level += value
        return None

    def _hover(self, hit: ChartHit) -> str:
        assert hit.start is not None and self._series is not None
        when = bucket_label(hit.start, self._series.bucket)
        count = self.tr("%n lead(s)", "", int(hit.value))
        return f"{hit.label} · {when}: {count}"
