"""The PDF client report, drawn with matplotlib's PDF backend.

Why matplotlib and not Qt's ``QPdfWriter``: the app's charts are matplotlib already, its PDF
backend writes true vector charts and embeds DejaVu (Cyrillic included) as TrueType (Type 42)
subsets, and it needs no ``QApplication``, so the CLI and a worker thread can write a report.
Only :class:`matplotlib.figure.Figure` is used (never ``pyplot``, which keeps global state).

Pages: a cover with the key figures and the leads-over-time chart; channel charts (leads and
cost per lead, response times, new vs repeat); the table by channel; tables by source, campaign
and keyword when visits are imported; optionally the lead list (at most
:data:`MAX_PDF_LEADS` rows: the full list belongs in the XLSX).
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Rectangle
from matplotlib.ticker import MaxNLocator

from app.core.i18n import translate
from app.core.jobs import CancelToken, ProgressFn, no_progress
from app.core.reports.exports.tables import atomic_output, iter_leads
from app.core.reports.lang import in_language
from app.core.reports.model import Bucket, ClientReport, Dimension, Figures
from app.core.reports.numbers import UNTRACKED_KEY, band_labels, bucket_start
from app.core.storage.database import Database

A4 = (8.27, 11.69)
MAX_PDF_LEADS = 1000
INK = "#1f2933"
MUTED = "#6b7785"
ACCENT = "#33475b"
RULE = "#d5dbe1"
ZEBRA = "#f3f5f7"
LEFT, RIGHT = 0.07, 0.93
_SIGNS = {"RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸", "GBP": "£", "UAH": "₴"}


@dataclass(frozen=True)
class PdfOptions:
    """What the PDF shows besides the figures."""

    agency: str = ""
    logo: Path | None = None
    language: str | None = None
    """``en`` or ``ru``; None: the interface's language."""
    include_leads: bool = False


class _Fmt:
    """Numbers as the report's language writes them."""

    def __init__(self, language: str, currency: str) -> None:
        self.ru = language == "ru"
        self.sign = _SIGNS.get(currency.upper(), currency.upper())

    def number(self, value: float, decimals: int = 0) -> str:
        text = f"{value:,.{decimals}f}"
        if self.ru:
            text = text.replace(",", "\u00a0").replace(".", ",")
        return text

    def int(self, value: int | None) -> str:
        return "—" if value is None else self.number(value)

    def money(self, value: Decimal | None) -> str:
        if value is None:
            return "—"
        decimals = 0 if abs(value) >= 100 or value == 0 else 2
        text = self.number(float(value), decimals)
        return f"{text}\u00a0{self.sign}" if self.ru or len(self.sign) > 1 else f"{self.sign}{text}"

    def percent(self, value: float | None) -> str:
        return "—" if value is None else f"{self.number(value * 100, 1)}\u00a0%"

    def ratio(self, value: float | None) -> str:
        return "—" if value is None else self.number(value, 2)

    def duration(self, seconds: float | None) -> str:
        if seconds is None:
            return "—"
        if seconds < 60:
            return translate("reports", "{n} s").format(n=self.number(seconds, 0))
        minutes = seconds / 60
        if minutes < 60:
            return translate("reports", "{n} min").format(n=self.number(minutes, 0))
        hours = minutes / 60
        if hours < 48:
            return translate("reports", "{n} h").format(n=self.number(hours, 1))
        return translate("reports", "{n} days").format(n=self.number(hours / 24, 1))

    def day(self, value: date) -> str:
        return f"{value:%d.%m.%Y}" if self.ru else f"{value:%d %b %Y}"


def write_pdf(
    db: Database,
    report: ClientReport,
    path: Path,
    options: PdfOptions = PdfOptions(),
    *,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> Path:
    """Write the client report as a PDF at ``path`` (atomically) and return it."""
    token = token or CancelToken()
    with in_language(options.language), matplotlib.rc_context({"pdf.fonttype": 42}):
        language = options.language or _interface_language()
        fmt = _Fmt(language, report.currency)
        pages: list[Callable[[], Figure]] = [
            lambda: _cover(report, options, fmt),
            lambda: _charts(report, fmt),
        ]
        blocks = [
            _Block(
                translate("reports", "Results by channel"),
                _channel_columns(fmt),
                [_channel_cells(f, fmt) for f in report.channels],
                [f.color for f in report.channels],
            )
        ]
        if report.has_visits:
            for dimension in (Dimension.SOURCE, Dimension.CAMPAIGN, Dimension.KEYWORD):
                found = report.breakdowns.get(dimension, ())[:40]
                if found:
                    blocks.append(
                        _Block(
                            _breakdown_title(dimension),
                            _source_columns(dimension, fmt),
                            [_source_cells(f, fmt) for f in found],
                        )
                    )
        if options.include_leads and not report.empty:
            blocks.append(_lead_block(db, report, fmt))
        pages += _flow(blocks, report, fmt)
        metadata = {
            "Title": translate("reports", "Lead report") + f": {report.client_name}",
            "Author": options.agency or "Mailsource",
            "Creator": "Mailsource",
        }
        with atomic_output(path, "wb") as handle, PdfPages(handle, metadata=metadata) as pdf:
            total = len(pages)
            for number, make in enumerate(pages, 1):
                token.raise_if_cancelled()
                figure = make()
                _footer(figure, report, options, fmt, number=number, total=total)
                pdf.savefig(figure)
                progress(number, total, "")
    return path


# --- pieces of a page --------------------------------------------------------------------------


def _interface_language() -> str:
    # The interface's translator gives Russian for a Russian interface; numbers follow it.
    return "ru" if translate("reports", "Leads") != "Leads" else "en"


def _page() -> Figure:
    return Figure(figsize=A4)


def _footer(
    fig: Figure, report: ClientReport, options: PdfOptions, fmt: _Fmt, *, number: int, total: int
) -> None:
    fig.add_artist(Line2D([LEFT, RIGHT], [0.045, 0.045], color=RULE, linewidth=0.6))
    left = f"{report.client_name} · {_period(report, fmt)}"
    if options.agency:
        left = f"{options.agency} · {left}"
    fig.text(LEFT, 0.03, left, fontsize=7.5, color=MUTED, va="center")
    page = translate("reports", "Page {n} of {total}").format(n=number, total=total)
    fig.text(RIGHT, 0.03, page, fontsize=7.5, color=MUTED, va="center", ha="right")


def _period(report: ClientReport, fmt: _Fmt) -> str:
    return f"{fmt.day(report.period.start)} – {fmt.day(report.period.end)}"


def _heading(fig: Figure, y: float, text: str, sub: str = "") -> float:
    fig.text(LEFT, y, text, fontsize=15, fontweight="bold", color=INK, va="top")
    if sub:
        fig.text(LEFT, y - 0.027, sub, fontsize=9, color=MUTED, va="top")
        return y - 0.05
    return y - 0.035


def _cover(report: ClientReport, options: PdfOptions, fmt: _Fmt) -> Figure:
    fig = _page()
    fig.patches.append(
        Rectangle((0, 0.80), 1, 0.20, transform=fig.transFigure, color=ACCENT, zorder=-1)
    )
    if options.agency:
        fig.text(LEFT, 0.955, options.agency.upper(), fontsize=10, color="#c9d3dd", va="top")
    if options.logo is not None:
        _logo(fig, options.logo)
    fig.text(
        LEFT, 0.915, translate("reports", "Lead report"), fontsize=13, color="#e6ebf0", va="top"
    )
    fig.text(
        LEFT, 0.885, report.client_name, fontsize=26, fontweight="bold", color="white", va="top"
    )
    fig.text(LEFT, 0.825, _period(report, fmt), fontsize=12, color="#e6ebf0", va="bottom")
    t = report.total
    tiles = [
        (translate("reports", "Leads"), fmt.int(t.leads), _new_repeat(t, fmt)),
        (
            translate("reports", "Cost"),
            fmt.money(t.cost),
            translate("reports", "per lead: {value}").format(value=fmt.money(t.cost_per_lead)),
        ),
        (
            translate("reports", "Deals"),
            fmt.int(t.deals),
            translate("reports", "revenue: {value}").format(value=fmt.money(t.revenue)),
        ),
        (
            translate("reports", "Return on ad spend"),
            fmt.ratio(t.roas),
            translate("reports", "revenue ÷ cost"),
        ),
        (
            translate("reports", "Median response"),
            fmt.duration(t.median_response_s),
            translate("reports", "90% within {value}").format(value=fmt.duration(t.p90_response_s)),
        ),
        (
            translate("reports", "Unreplied"),
            fmt.int(t.unreplied),
            translate("reports", "tracked: {value}").format(value=fmt.percent(t.tracked_share)),
        ),
    ]
    width, height, gap = 0.27, 0.085, 0.0225
    for index, (label, value, sub) in enumerate(tiles):
        x = LEFT + (index % 3) * (width + gap)
        y = 0.66 - (index // 3) * (height + 0.02)
        fig.patches.append(
            FancyBboxPatch(
                (x, y),
                width,
                height,
                boxstyle="round,pad=0,rounding_size=0.008",
                transform=fig.transFigure,
                facecolor=ZEBRA,
                edgecolor=RULE,
                linewidth=0.6,
            )
        )
        fig.text(x + 0.015, y + height - 0.014, label, fontsize=8.5, color=MUTED, va="top")
        fig.text(x + 0.015, y + 0.036, value, fontsize=17, fontweight="bold", color=INK)
        fig.text(x + 0.015, y + 0.013, sub, fontsize=7.5, color=MUTED)
    top = 0.50
    fig.text(
        LEFT,
        top,
        translate("reports", "Leads over time by channel"),
        fontsize=12,
        fontweight="bold",
        color=INK,
        va="top",
    )
    ax = fig.add_axes((LEFT + 0.03, 0.10, RIGHT - LEFT - 0.03, top - 0.16))
    if report.empty:
        _empty(ax)
    else:
        _stacked_series(ax, report, fmt)
    return fig


def _new_repeat(t: Figures, fmt: _Fmt) -> str:
    return translate("reports", "new {new} · repeat {repeat}").format(
        new=fmt.int(t.new), repeat=fmt.int(t.repeat)
    )


def _logo(fig: Figure, path: Path) -> None:
    from matplotlib import image

    try:
        picture = image.imread(str(path))
    except (OSError, ValueError, SyntaxError):
        return  # a broken logo must not cost the whole report
    height = 0.07
    ratio = picture.shape[1] / max(1, picture.shape[0])
    width = min(0.3, height * ratio * A4[1] / A4[0])
    ax = fig.add_axes((RIGHT - width, 0.905, width, height))
    ax.imshow(picture)
    ax.set_axis_off()


def _empty(ax: Any) -> None:
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        translate("reports", "No leads in this period."),
        ha="center",
        va="center",
        fontsize=11,
        color=MUTED,
        transform=ax.transAxes,
    )


def _style(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(RULE)
    ax.tick_params(colors=MUTED, labelsize=8, length=0)
    ax.grid(axis="y", color=RULE, linewidth=0.5)
    ax.set_axisbelow(True)


def _stacked_series(ax: Any, report: ClientReport, fmt: _Fmt) -> None:
    buckets = _all_buckets(report)
    index = {b: i for i, b in enumerate(buckets)}
    by_channel: dict[int | None, list[int]] = defaultdict(lambda: [0] * len(buckets))
    for point in report.series:
        by_channel[point.channel_id][index[point.bucket_start]] += point.leads
    info = {c.id: c for c in report.channel_info}
    order = sorted(by_channel, key=lambda c: -sum(by_channel[c]))
    bottom = [0] * len(buckets)
    for channel_id in order:
        values = by_channel[channel_id]
        channel = info.get(channel_id)
        ax.bar(
            range(len(buckets)),
            values,
            bottom=bottom,
            width=0.8,
            color=channel.color if channel else "#9e9e9e",
            label=channel.name
            if channel and channel.id is not None
            else translate("reports", "Untracked (main address)"),
            linewidth=0,
        )
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    _style(ax)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    step = max(1, len(buckets) // 8)
    ticks = list(range(0, len(buckets), step))
    ax.set_xticks(ticks)
    label = "%d.%m" if report.bucket is not Bucket.MONTH else "%m.%Y"
    ax.set_xticklabels([buckets[i].strftime(label) for i in ticks])
    ax.set_ylabel(translate("reports", "leads"), color=MUTED, fontsize=8)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.07),
        ncol=3,
        frameon=False,
        fontsize=7.5,
        labelcolor=INK,
    )


def _all_buckets(report: ClientReport) -> list[date]:
    """Every bucket of the period, empty ones included, so the time axis is even."""
    found: list[date] = []
    day = report.period.start
    while day <= report.period.end:
        start = bucket_start(day, report.bucket)
        if not found or found[-1] != start:
            found.append(start)
        day += timedelta(days=1)
    return found


def _charts(report: ClientReport, fmt: _Fmt) -> Figure:
    fig = _page()
    y = _heading(fig, 0.95, translate("reports", "Channels"), _period(report, fmt))
    channels = [f for f in report.channels if f.leads or f.cost]
    fig.text(
        LEFT,
        y,
        translate("reports", "Leads and cost per lead"),
        fontsize=11,
        fontweight="bold",
        color=INK,
        va="top",
    )
    ax = fig.add_axes((LEFT + 0.25, y - 0.34, RIGHT - LEFT - 0.37, 0.31))
    if not channels:
        _empty(ax)
    else:
        shown = channels[:12]
        positions = list(range(len(shown)))[::-1]
        ax.barh(
            positions,
            [f.leads for f in shown],
            color=[f.color or "#9e9e9e" for f in shown],
            height=0.65,
        )
        ax.set_yticks(positions)
        ax.set_yticklabels(
            [_clip(_label(f, channel=True), 34) for f in shown], fontsize=8, color=INK
        )
        top = max(f.leads for f in shown) or 1
        for pos, f in zip(positions, shown, strict=True):
            note = fmt.int(f.leads)
            if f.cost_per_lead is not None:
                note += "  ·  " + translate("reports", "{value} per lead").format(
                    value=fmt.money(f.cost_per_lead)
                )
            elif f.cost:
                note += "  ·  " + translate("reports", "cost {value}, no leads").format(
                    value=fmt.money(f.cost)
                )
            ax.text(f.leads + top * 0.02, pos, note, va="center", fontsize=7.5, color=INK)
        ax.set_xlim(0, top * 1.55)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        _style(ax)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", color=RULE, linewidth=0.5)
    y2 = y - 0.41
    fig.text(
        LEFT,
        y2,
        translate("reports", "Response time"),
        fontsize=11,
        fontweight="bold",
        color=INK,
        va="top",
    )
    ax2 = fig.add_axes((LEFT + 0.03, y2 - 0.27, 0.46, 0.22))
    if not any(b.leads for b in report.response):
        _empty(ax2)
    else:
        ax2.bar(
            range(len(report.response)),
            [b.leads for b in report.response],
            color=ACCENT,
            width=0.7,
        )
        ax2.set_xticks(range(len(report.response)))
        ax2.set_xticklabels(band_labels(), fontsize=7, rotation=30, ha="right")
        _style(ax2)
        ax2.set_ylabel(translate("reports", "leads"), color=MUTED, fontsize=8)
        ax2.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.text(
        0.58,
        y2,
        translate("reports", "New and repeat contacts"),
        fontsize=11,
        fontweight="bold",
        color=INK,
        va="top",
    )
    ax3 = fig.add_axes((0.62, y2 - 0.27, 0.26, 0.22))
    t = report.total
    if not t.leads:
        _empty(ax3)
    else:
        _wedges, _texts, percents = ax3.pie(
            [t.new, t.repeat],
            labels=[translate("reports", "new"), translate("reports", "repeat")],
            colors=[ACCENT, "#9fb3c8"],
            autopct=lambda pct: f"{pct:.0f}%" if pct >= 4 else "",
            startangle=90,
            counterclock=False,
            wedgeprops={"width": 0.45, "linewidth": 1, "edgecolor": "white"},
            textprops={"fontsize": 8, "color": INK},
            pctdistance=0.78,
        )
        for text in percents:
            text.set_color("white")
        ax3.set_aspect("equal")
    unreplied = translate(
        "reports", "Leads without a reply: {n}. Median response: {median}; 90% within {p90}."
    ).format(
        n=fmt.int(t.unreplied),
        median=fmt.duration(t.median_response_s),
        p90=fmt.duration(t.p90_response_s),
    )
    fig.text(LEFT, y2 - 0.33, unreplied, fontsize=9, color=INK, va="top")
    return fig


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- tables --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Col:
    title: str
    width: float
    right: bool = True


def _channel_columns(fmt: _Fmt) -> list[_Col]:
    return [
        _Col(translate("reports", "Channel"), 0.21, right=False),
        _Col(translate("reports", "Leads"), 0.095),
        _Col(translate("reports", "Repeat"), 0.10),
        _Col(translate("reports", "Cost"), 0.10),
        _Col(translate("reports", "Per lead"), 0.10),
        _Col(translate("reports", "Deals"), 0.075),
        _Col(translate("reports", "Revenue"), 0.10),
        _Col(translate("reports", "ROAS"), 0.07),
        _Col(translate("reports", "Median reply"), 0.10),
    ]


def _label(f: Figures, *, channel: bool) -> str:
    """The group's name in the report's language (the numbers may come from another one)."""
    if channel and f.key == UNTRACKED_KEY:
        return translate("reports", "Untracked (main address)")
    if not channel and not f.key:
        return translate("reports", "(not set)")
    return f.label


def _channel_cells(f: Figures, fmt: _Fmt) -> list[str]:
    return [
        _label(f, channel=True),
        fmt.int(f.leads),
        fmt.int(f.repeat),
        fmt.money(f.cost),
        fmt.money(f.cost_per_lead),
        fmt.int(f.deals),
        fmt.money(f.revenue),
        fmt.ratio(f.roas),
        fmt.duration(f.median_response_s),
    ]


def _breakdown_title(dimension: Dimension) -> str:
    return {
        Dimension.SOURCE: translate("reports", "Results by source"),
        Dimension.CAMPAIGN: translate("reports", "Results by campaign"),
        Dimension.KEYWORD: translate("reports", "Results by keyword"),
    }.get(dimension, translate("reports", "Results by source"))


def _source_columns(dimension: Dimension, fmt: _Fmt) -> list[_Col]:
    first = {
        Dimension.SOURCE: translate("reports", "Source"),
        Dimension.CAMPAIGN: translate("reports", "Campaign"),
        Dimension.KEYWORD: translate("reports", "Keyword"),
    }.get(dimension, translate("reports", "Source"))
    return [
        _Col(first, 0.30, right=False),
        _Col(translate("reports", "Visits"), 0.09),
        _Col(translate("reports", "Leads"), 0.10),
        _Col(translate("reports", "Leads per visit"), 0.12),
        _Col(translate("reports", "Deals"), 0.08),
        _Col(translate("reports", "Revenue"), 0.11),
        _Col(translate("reports", "Median reply"), 0.12),
    ]


def _source_cells(f: Figures, fmt: _Fmt) -> list[str]:
    return [
        _label(f, channel=False),
        fmt.int(f.visits),
        fmt.int(f.leads),
        fmt.percent(f.conversion),
        fmt.int(f.deals),
        fmt.money(f.revenue),
        fmt.duration(f.median_response_s),
    ]


ROW_H = 0.0235


@dataclass(frozen=True)
class _Block:
    """A titled table that flows over as many pages as it needs."""

    title: str
    columns: Sequence[_Col]
    rows: Sequence[list[str]]
    colors: Sequence[str] = ()


TOP = 0.95
BOTTOM = 0.075


def _flow(blocks: Sequence[_Block], report: ClientReport, fmt: _Fmt) -> list[Callable[[], Figure]]:
    """Lay the tables out one after another, starting a page when one is full."""
    # Plan first (cheap), draw each page only when the writer asks for it.
    plans: list[list[tuple[_Block, int, int, bool]]] = [[]]
    y = TOP - 0.05
    for block in blocks:
        done = 0
        rows = len(block.rows)
        while True:
            room = int((y - 0.05 - ROW_H * 1.4 - BOTTOM) / ROW_H)
            if room < min(3, max(rows - done, 1)):
                plans.append([])
                y = TOP - 0.05
                continue
            take = min(room, rows - done)
            plans[-1].append((block, done, done + take, done > 0))
            y -= 0.05 + ROW_H * (1.4 + take) + (0.04 if not rows else 0.03)
            done += take
            if done >= rows:
                break
            plans.append([])
            y = TOP - 0.05

    def page(plan: list[tuple[_Block, int, int, bool]]) -> Callable[[], Figure]:
        def make() -> Figure:
            fig = _page()
            fig.text(LEFT, TOP, report.client_name, fontsize=9, color=MUTED, va="top")
            y = TOP - 0.03
            for block, first, last, continued in plan:
                title = block.title
                if continued:
                    title += " " + translate("reports", "(continued)")
                fig.text(LEFT, y, title, fontsize=13, fontweight="bold", color=INK, va="top")
                y -= 0.035
                if not block.rows:
                    fig.text(
                        LEFT, y, translate("reports", "No leads in this period."),
                        fontsize=9, color=MUTED, va="top",
                    )  # fmt: skip
                    y -= 0.04
                    continue
                y = _table(fig, y, block.columns, block.rows[first:last], block.colors[first:last])
                y -= 0.03
            return fig

        return make

    return [page(plan) for plan in plans if plan]


def _table(
    fig: Figure, top: float, columns: Sequence[_Col], rows: Sequence[list[str]],
    colors: Sequence[str] = (),
) -> float:  # fmt: skip
    scale = (RIGHT - LEFT) / sum(c.width for c in columns)
    xs = [LEFT]
    for c in columns:
        xs.append(xs[-1] + c.width * scale)
    y = top
    fig.patches.append(
        Rectangle(
            (LEFT, y - ROW_H * 1.4), RIGHT - LEFT, ROW_H * 1.4,
            transform=fig.transFigure, color=ACCENT, linewidth=0,
        )
    )  # fmt: skip
    for c, x0, x1 in zip(columns, xs, xs[1:], strict=False):
        # Long titles (Russian ones especially) wrap onto a second line instead of overlapping.
        title = "\n".join(textwrap.wrap(c.title, max(6, int((x1 - x0 - 0.01) * 125))) or [""])
        fig.text(
            x1 - 0.006 if c.right else x0 + 0.006, y - ROW_H * 0.7, title,
            ha="right" if c.right else "left", va="center", fontsize=7,
            fontweight="bold", color="white", linespacing=1.1,
            multialignment="right" if c.right else "left",
        )  # fmt: skip
    y -= ROW_H * 1.4
    for n, row in enumerate(rows):
        if n % 2:
            fig.patches.append(
                Rectangle(
                    (LEFT, y - ROW_H), RIGHT - LEFT, ROW_H,
                    transform=fig.transFigure, color=ZEBRA, linewidth=0,
                )
            )  # fmt: skip
        offset = 0.0
        if n < len(colors) and colors[n]:
            fig.patches.append(
                Rectangle(
                    (LEFT + 0.004, y - ROW_H * 0.72), 0.009, ROW_H * 0.44,
                    transform=fig.transFigure, color=colors[n], linewidth=0,
                )
            )  # fmt: skip
            offset = 0.014
        for i, (c, x0, x1) in enumerate(zip(columns, xs, xs[1:], strict=False)):
            limit = int((x1 - x0) * 150) - (2 if i == 0 and offset else 0)
            fig.text(
                x1 - 0.006 if c.right else x0 + 0.006 + (offset if i == 0 else 0),
                y - ROW_H / 2, _clip(row[i], max(4, limit)),
                ha="right" if c.right else "left", va="center", fontsize=7.5, color=INK,
            )  # fmt: skip
        y -= ROW_H
    fig.add_artist(Line2D([LEFT, RIGHT], [y, y], color=RULE, linewidth=0.6))
    return y


def _lead_block(db: Database, report: ClientReport, fmt: _Fmt) -> _Block:
    columns = [
        _Col(translate("reports", "Received"), 0.15, right=False),
        _Col(translate("reports", "Sender"), 0.21, right=False),
        _Col(translate("reports", "Subject"), 0.26, right=False),
        _Col(translate("reports", "Channel"), 0.16, right=False),
        _Col(translate("reports", "Status"), 0.10, right=False),
        _Col(translate("reports", "Deal"), 0.10),
    ]
    rows: list[list[str]] = []
    for lead in iter_leads(db, report.client_id, report.period):
        if len(rows) >= MAX_PDF_LEADS:
            break
        received: datetime = lead[1]
        rows.append(
            [
                received.strftime("%d.%m.%Y %H:%M"),
                lead[2] or lead[3],
                lead[4],
                lead[5] or "—",
                lead[8],
                fmt.money(lead[11]),
            ]
        )
    title = translate("reports", "Leads")
    if report.total.leads > len(rows):
        title = translate("reports", "Leads (first {n} of {total})").format(
            n=fmt.int(len(rows)), total=fmt.int(report.total.leads)
        )
    return _Block(title, columns, rows)


def generated_on() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")
