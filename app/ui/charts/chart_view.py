"""The base of every chart: a lazily created matplotlib canvas, palette colours, hover and click.

A chart shows an :class:`~app.ui.widgets.EmptyState` instead of empty axes when its series has
nothing to draw. The canvas (and matplotlib with it) is created the first time there is
something to draw. Colours come from the widget's ``QPalette``, so a dark theme gets light text
and a dark background; a palette change redraws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QToolTip, QVBoxLayout, QWidget

from app.ui.charts.series import ChartHit
from app.ui.widgets import EmptyState

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def _hex(color: QColor) -> str:
    return color.name(QColor.NameFormat.HexRgb)


def blend(a: QColor, b: QColor, share: float) -> str:
    """``a`` moved ``share`` of the way to ``b``, as ``#rrggbb`` (grid lines, muted text)."""
    mix = QColor(
        round(a.red() + (b.red() - a.red()) * share),
        round(a.green() + (b.green() - a.green()) * share),
        round(a.blue() + (b.blue() - a.blue()) * share),
    )
    return _hex(mix)


class ChartColors:
    """The colours a chart takes from a palette."""

    def __init__(self, palette: QPalette) -> None:
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        self.background = _hex(window)
        self.text = _hex(text)
        self.muted = blend(text, window, 0.45)
        self.grid = blend(text, window, 0.85)
        self.accent = _hex(palette.color(QPalette.ColorRole.Highlight))
        self.dark = window.lightness() < 128


class ChartView(QWidget):
    """A title, then either the chart or an empty state; subclasses implement :meth:`_plot`."""

    bar_clicked = Signal(object)
    """A bar was clicked: a :class:`ChartHit` (the dashboard filters the journal by it)."""

    MIN_HEIGHT = 240

    def __init__(
        self, title: str, empty_title: str, empty_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.empty = EmptyState(empty_title, empty_text)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.setMinimumHeight(self.MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.stack, 1)
        self.canvas: Any = None
        """The ``FigureCanvasQTAgg``, created on the first draw."""
        self.figure: Figure | None = None
        self.axes: Axes | None = None
        self.hover_text = ""
        """What the pointer shows now ("" off the bars); tests read it."""
        self._series: Any = None
        self.draws = 0
        self.redraw_pending = False

    # -- public --------------------------------------------------------------------------------
    @property
    def showing_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def set_series(self, series: Any, *, defer: bool = False) -> None:
        """Draw ``series`` (``None`` or an empty one shows the empty state).

        ``defer`` builds the figure on the next turn of the event loop: a canvas that just
        became visible then paints its old figure at once, and the new one is built and
        rendered on turns of their own instead of all in one long paint.
        """
        self._series = series
        if series is None or series.empty:
            self.redraw_pending = False
            self.stack.setCurrentWidget(self.empty)
            return
        self._ensure_canvas()
        self.stack.setCurrentWidget(self.canvas)
        if not defer:
            self.redraw_pending = False
            self.redraw()
        elif not self.redraw_pending:
            self.redraw_pending = True
            # With self as context the call is dropped if the chart is deleted first.
            QTimer.singleShot(0, self, self._on_deferred_redraw)

    def _on_deferred_redraw(self) -> None:
        if self.redraw_pending:
            self.redraw_pending = False
            self.redraw()

    def redraw(self) -> None:
        if self.canvas is None or self._series is None or self._series.empty:
            return
        assert self.figure is not None
        colors = ChartColors(self.palette())
        self.figure.clear()
        self.figure.set_facecolor(colors.background)
        axes = self.figure.add_subplot()
        axes.set_facecolor(colors.background)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            axes.spines[side].set_color(colors.grid)
        axes.tick_params(colors=colors.muted, labelcolor=colors.text, labelsize=8.5)
        axes.set_axisbelow(True)
        self.axes = axes
        self._plot(axes, self._series, colors)
        self.hover_text = ""
        self.draws += 1
        self.canvas.draw_idle()

    def hit_at(self, x: float, y: float) -> ChartHit | None:
        """The bar under display point (``x``, ``y``) in pixels from the figure's bottom left."""
        if self.axes is None or self._series is None:
            return None
        if not self.axes.bbox.contains(x, y):
            return None
        data_x, data_y = self.axes.transData.inverted().transform((x, y))
        return self._hit(float(data_x), float(data_y), self._series)

    # -- subclass hooks ------------------------------------------------------------------------
    def _plot(self, axes: Axes, series: Any, colors: ChartColors) -> None:
        raise NotImplementedError

    def _hit(self, x: float, y: float, series: Any) -> ChartHit | None:
        raise NotImplementedError

    def _hover(self, hit: ChartHit) -> str:
        return f"{hit.label}: {hit.text}"

    # -- matplotlib ----------------------------------------------------------------------------
    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        # Lazily: the first chart drawn pays for matplotlib, start-up does not.
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(5, 3), dpi=100, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setMinimumHeight(self.MIN_HEIGHT - 20)
        self.canvas.mpl_connect("motion_notify_event", self._on_canvas_motion)
        self.canvas.mpl_connect("button_press_event", self._on_canvas_press)
        self.canvas.mpl_connect("figure_leave_event", self._on_canvas_leave)
        self.stack.addWidget(self.canvas)

    def _on_canvas_motion(self, event: Any) -> None:
        hit = self.hit_at(event.x, event.y) if event.x is not None else None
        text = self._hover(hit) if hit is not None else ""
        if text == self.hover_text:
            return
        self.hover_text = text
        # The widget's tooltip shows after the usual delay; one already open follows the pointer
        # from bar to bar at once.
        self.canvas.setToolTip(text)
        if text:
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
            if QToolTip.isVisible():
                QToolTip.showText(QCursor.pos(), text, self.canvas)
        else:
            self.canvas.unsetCursor()
            if QToolTip.isVisible():
                QToolTip.hideText()

    def _on_canvas_leave(self, _event: Any) -> None:
        self.hover_text = ""
        self.canvas.setToolTip("")

    def _on_canvas_press(self, event: Any) -> None:
        if event.button != 1 or event.x is None:
            return
        hit = self.hit_at(event.x, event.y)
        if hit is not None:
            self.bar_clicked.emit(hit)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.redraw()
