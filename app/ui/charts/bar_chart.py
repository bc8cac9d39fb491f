"""A bar chart of labelled values: leads or cost per lead by channel, top sources, new vs repeat,
the response-time distribution."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.ui.charts.chart_view import ChartColors, ChartView
from app.ui.charts.series import BarSeries, ChartHit

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def _number(value: float) -> str:
    from PySide6.QtCore import QLocale

    if float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", 1)


class BarChart(ChartView):
    """Horizontal bars (long labels such as channel and campaign names read best that way), or
    vertical ones for an ordered scale such as response-time buckets."""

    MAX_LABEL = 28
    """Longer labels are cut with an ellipsis (the hover shows them whole)."""

    def __init__(
        self,
        title: str,
        empty_title: str,
        empty_text: str,
        *,
        horizontal: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, empty_title, empty_text, parent)
        self.horizontal = horizontal
        self.patches: list[object] = []

    def _plot(self, axes: Axes, series: BarSeries, colors: ChartColors) -> None:
        from matplotlib.ticker import MaxNLocator

        bars = series.bars
        labels = [
            b.label if len(b.label) <= self.MAX_LABEL else b.label[: self.MAX_LABEL - 1] + "…"
            for b in bars
        ]
        values = [b.value for b in bars]
        fills = [b.color or colors.accent for b in bars]
        positions = list(range(len(bars)))
        if self.horizontal:
            container = axes.barh(positions, values, color=fills, height=0.66)
            axes.set_yticks(positions, labels)
            # The first bar on top; room for at least four, so two bars are not two slabs.
            axes.set_ylim(max(len(bars), 4) - 0.5, -0.5)
            axes.grid(axis="x", color=colors.grid, linewidth=0.8)
            axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
            axes.set_xlim(0, max(values) * 1.18)
        else:
            container = axes.bar(positions, values, color=fills, width=0.7)
            # Two short lines read better than a rotated or overlapping long one.
            axes.set_xticks(positions, [textwrap.fill(b.label, 12) for b in bars])
            axes.grid(axis="y", color=colors.grid, linewidth=0.8)
            axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
            axes.set_ylim(0, max(values) * 1.22)  # room for the value above the tallest
            if len(bars) > 6:
                for tick in axes.get_xticklabels():
                    tick.set_rotation(30)
                    tick.set_horizontalalignment("right")
        texts = [b.text or _number(b.value) for b in bars]
        axes.bar_label(container, texts, padding=3, color=colors.text, fontsize=8)
        self.patches = list(container.patches)

    def _hit(self, x: float, y: float, series: BarSeries) -> ChartHit | None:
        along, across = (x, y) if self.horizontal else (y, x)
        index = round(across)
        if not 0 <= index < len(series.bars) or abs(across - index) > 0.4:
            return None
        bar = series.bars[index]
        if along < 0:
            return None  # the whole band of a bar counts: short bars are easy to hit
        return ChartHit(bar.key, bar.label, bar.value, bar.text or _number(bar.value))
