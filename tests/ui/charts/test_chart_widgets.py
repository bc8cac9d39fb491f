"""Chart widgets draw the series they are given, in its colours, and answer hover and clicks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.colors import to_hex
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette

from app.ui.charts.bar_chart import BarChart
from app.ui.charts.series import Bar, BarSeries, ChartHit, Layer, TimeSeries
from app.ui.charts.time_chart import TimeChart


def _bars() -> BarSeries:
    return BarSeries(
        (
            Bar(11, "Билборд на Садовом кольце", 42, "#e74c3c"),
            Bar(12, "Радио «Европа Плюс»", 17, "#2980b9"),
            Bar(-1, "Untracked", 5, "#9e9e9e"),
        )
    )


def _days(n: int) -> TimeSeries:
    start = date(2026, 11, 1)
    starts = tuple(start + timedelta(days=i) for i in range(n))
    ends = tuple(d + timedelta(days=1) for d in starts)
    return TimeSeries(
        starts,
        ends,
        (
            Layer(11, "Билборд", "#e74c3c", tuple(float(i % 4 + 1) for i in range(n))),
            Layer(12, "Радио", "#2980b9", tuple(float(2) for _ in range(n))),
        ),
        "day",
    )


@pytest.fixture
def shown(qtbot):
    def show(widget):
        qtbot.addWidget(widget)
        widget.resize(640, 360)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return show


def _centre(patch) -> tuple[float, float]:
    box = patch.get_window_extent()
    return (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2


def _move(chart, x: float, y: float) -> None:
    event = MouseEvent("motion_notify_event", chart.canvas, x, y)
    chart.canvas.callbacks.process("motion_notify_event", event)


def _qt_point(chart, x: float, y: float) -> QPoint:
    # matplotlib counts pixels from the bottom left in device pixels; Qt from the top left.
    ratio = chart.canvas.devicePixelRatioF()
    return QPoint(round(x / ratio), round(chart.canvas.height() - y / ratio))


def test_bar_chart_draws_each_bar_in_its_channel_colour(shown) -> None:
    chart = shown(BarChart("Leads by channel", "No leads", "Nothing in this period."))
    assert chart.canvas is None  # nothing drawn yet: matplotlib not even needed
    chart.set_series(_bars())
    assert not chart.showing_empty
    chart.canvas.draw()
    assert len(chart.patches) == 3
    assert [to_hex(p.get_facecolor()) for p in chart.patches] == ["#e74c3c", "#2980b9", "#9e9e9e"]
    widths = [p.get_width() for p in chart.patches]
    assert widths == [42, 17, 5]
    labels = [t.get_text() for t in chart.axes.get_yticklabels()]
    assert labels[0] == "Билборд на Садовом кольце"
    assert labels[1] == "Радио «Европа Плюс»"


def test_hover_names_the_bar_and_its_value(shown) -> None:
    chart = shown(BarChart("Leads by channel", "No leads", "Nothing in this period."))
    chart.set_series(_bars())
    chart.canvas.draw()
    _move(chart, *_centre(chart.patches[1]))
    assert chart.hover_text == "Радио «Европа Плюс»: 17"
    box = chart.axes.bbox
    _move(chart, box.x0 - 30, box.y0 - 30)  # outside the axes
    assert chart.hover_text == ""


def test_clicking_a_bar_reports_its_key(qtbot, shown) -> None:
    chart = shown(BarChart("Leads by channel", "No leads", "Nothing in this period."))
    chart.set_series(_bars())
    chart.canvas.draw()
    with qtbot.waitSignal(chart.bar_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(
            chart.canvas,
            Qt.MouseButton.LeftButton,
            pos=_qt_point(chart, *_centre(chart.patches[0])),
        )
    hit = blocker.args[0]
    assert isinstance(hit, ChartHit)
    assert (hit.key, hit.value) == (11, 42)


def test_vertical_bars_use_the_given_text(shown) -> None:
    chart = shown(BarChart("Response", "No replies", "…", horizontal=False))
    chart.set_series(
        BarSeries(
            (Bar("15m", "< 15 min", 8, text="8 (40%)"), Bar("1h", "15–60 min", 12, text="12 (60%)"))
        )
    )
    chart.canvas.draw()
    assert [p.get_height() for p in chart.patches] == [8, 12]
    painted = {t.get_text() for t in chart.axes.texts}
    assert {"8 (40%)", "12 (60%)"} <= painted
    _move(chart, *_centre(chart.patches[0]))
    assert chart.hover_text == "< 15 min: 8 (40%)"


def test_an_empty_series_shows_the_empty_state_not_axes(shown) -> None:
    chart = shown(BarChart("Leads by channel", "No leads in this period", "Pick a longer period."))
    chart.set_series(BarSeries((Bar(1, "Радио", 0),)))
    assert chart.showing_empty
    assert chart.canvas is None
    assert chart.empty.title_label.text() == "No leads in this period"
    chart.set_series(_bars())
    assert not chart.showing_empty
    chart.set_series(None)
    assert chart.showing_empty


def test_time_chart_stacks_channels_and_hovers_a_bucket(qtbot, shown) -> None:
    chart = shown(TimeChart("Leads over time", "No leads", "…"))
    series = _days(10)
    chart.set_series(series)
    chart.canvas.draw()
    containers = chart.axes.containers
    assert len(containers) == 2
    assert all(len(c.patches) == 10 for c in containers)
    assert to_hex(containers[0].patches[0].get_facecolor()) == "#e74c3c"
    assert to_hex(containers[1].patches[0].get_facecolor()) == "#2980b9"
    # Radio sits on top of Billboard.
    assert containers[1].patches[3].get_y() == series.layers[0].values[3]
    _move(chart, *_centre(containers[1].patches[3]))
    assert chart.hover_text.startswith("Радио · ")
    assert chart.hover_text.endswith(": 2 lead(s)")  # no translator loaded in tests
    with qtbot.waitSignal(chart.bar_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(
            chart.canvas,
            Qt.MouseButton.LeftButton,
            pos=_qt_point(chart, *_centre(containers[0].patches[2])),
        )
    hit = blocker.args[0]
    assert (hit.key, hit.start, hit.end) == (11, date(2026, 11, 3), date(2026, 11, 4))
    legend = [t.get_text() for t in chart.axes.get_legend().get_texts()]
    assert legend == ["Билборд", "Радио"]


def test_many_channels_fold_into_other(shown) -> None:
    starts = (date(2026, 1, 1), date(2026, 2, 1))
    ends = (date(2026, 2, 1), date(2026, 3, 1))
    layers = tuple(Layer(i, f"Канал {i}", "#123456", (float(i), 1.0)) for i in range(12))
    chart = shown(TimeChart("Leads over time", "No leads", "…"))
    chart.set_series(TimeSeries(starts, ends, layers, "month"))
    chart.canvas.draw()
    legend = [t.get_text() for t in chart.axes.get_legend().get_texts()]
    assert len(legend) == 8 and legend[-1] == "Other channels"
    assert "Канал 11" in legend and "Канал 0" not in legend
    other = chart.axes.containers[-1].patches[0]
    assert other.get_height() == 0 + 1 + 2 + 3 + 4  # channels 0..4 summed


def test_charts_follow_a_dark_palette(shown) -> None:
    chart = shown(BarChart("Leads by channel", "No leads", "…"))
    chart.set_series(_bars())
    first = chart.draws
    palette = QPalette(chart.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    chart.setPalette(palette)
    assert chart.draws > first  # a palette change redraws
    assert to_hex(chart.figure.get_facecolor()) == "#202124"
    assert to_hex(chart.axes.get_yticklabels()[0].get_color()) == "#e8eaed"
