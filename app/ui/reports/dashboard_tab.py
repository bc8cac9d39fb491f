"""The client's Reports tab: key figures and charts for a period, and the way to export them.

The numbers come from the core's :class:`~app.core.reports.numbers.ReportService`, computed in
SQL on a worker; the tab only turns them into tiles and chart series. A click on a bar opens
the journal filtered to what the bar counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError
from app.ui.charts.bar_chart import BarChart
from app.ui.charts.chart_view import ChartView
from app.ui.charts.series import ChartHit
from app.ui.charts.time_chart import TimeChart
from app.ui.errors import show_error
from app.ui.leads.filters import JournalFilters
from app.ui.reports import report_series as rs
from app.ui.reports.period import Period, PeriodSelector, Preset, core_period
from app.ui.tasks import Task
from app.ui.widgets import EmptyState, muted

if TYPE_CHECKING:
    from app.core.reports.model import ClientReport
    from app.core.reports.numbers import ReportService

REPORTS_QUEUE = "reports"
CHART_SPACING_MS = 60
"""Report numbers run on their own queue: a long aggregate never delays the journal."""

DASHBOARD_PRESETS = (
    Preset.THIS_MONTH,
    Preset.LAST_MONTH,
    Preset.LAST_30,
    Preset.LAST_90,
    Preset.THIS_YEAR,
    Preset.CUSTOM,
)


def _preload_matplotlib() -> None:
    """Import matplotlib on the worker: the first chart would otherwise hold the window for
    over half a second while it loads."""
    try:
        import matplotlib.figure  # noqa: F401
        from matplotlib.backends import backend_qtagg  # noqa: F401
    except ImportError:  # the chart shows the error when it is drawn
        return


class FigureTile(QFrame):
    """One key figure: a big value over its caption."""

    def __init__(self, caption: str, tooltip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Palette roles, not a style sheet: a theme change repaints the tile in its colours.
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.value_label = QLabel("—")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption_label = muted(QLabel(caption))
        self.caption_label.setWordWrap(True)
        self.setToolTip(tooltip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, text: str) -> None:
        self.value_label.setText(text)


class DashboardTab(QWidget):
    """Period, key figures, the charts; loads while visible."""

    journal_filter_requested = Signal(object)
    """Show the journal with these :class:`JournalFilters` (a bar was clicked)."""
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports: ReportService | None = None
        self.client_id: int | None = None
        self.report: ClientReport | None = None
        self.period_shown: Period | None = None
        self.loading = False
        self._stale = False
        self._generation = 0
        self._pending: list[tuple[ChartView, Callable[[], object]]] = []

        self.period = PeriodSelector(DASHBOARD_PRESETS)
        self.period.set_period(Preset.LAST_30)
        self.period.changed.connect(self.reload)
        self.bucket_combo = QComboBox()
        self.bucket_combo.addItem(self.tr("Auto step"), "")
        self.bucket_combo.addItem(self.tr("By day"), "day")
        self.bucket_combo.addItem(self.tr("By week"), "week")
        self.bucket_combo.addItem(self.tr("By month"), "month")
        self.bucket_combo.currentIndexChanged.connect(self.reload)
        self.status_label = muted(QLabel())
        self.export_button = QPushButton(self.tr("Export Report…"))
        self.export_button.clicked.connect(self.export_requested)
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(self.bucket_combo)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.export_button)

        self.tiles = {
            "leads": FigureTile(self.tr("Leads")),
            "tracked": FigureTile(
                self.tr("Tracked"), self.tr("Leads that came through a tracking address")
            ),
            "cost": FigureTile(self.tr("Cost")),
            "cpl": FigureTile(self.tr("Cost per lead")),
            "deals": FigureTile(self.tr("Deals")),
            "revenue": FigureTile(self.tr("Revenue")),
            "roas": FigureTile(self.tr("ROAS"), self.tr("Revenue divided by cost")),
            "median": FigureTile(self.tr("Median reply")),
            "p90": FigureTile(
                self.tr("90% replied within"), self.tr("The 90th percentile of the reply time")
            ),
            "unreplied": FigureTile(self.tr("Not replied")),
        }
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for i, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, i // 5, i % 5)

        nothing = self.tr("No leads in this period")
        self.time_chart = TimeChart(
            self.tr("Leads over time, by channel"),
            nothing,
            self.tr("Pick a longer period or check that the mailbox syncs."),
        )
        self.channel_chart = BarChart(
            self.tr("Leads by channel"), nothing, self.tr("No lead came in this period.")
        )
        self.cpl_chart = BarChart(
            self.tr("Cost per lead by channel"),
            self.tr("No costs entered"),
            self.tr("Enter what each channel cost on the Costs tab to see the cost per lead."),
        )
        self.repeat_chart = BarChart(
            self.tr("New and repeat contacts"), nothing, self.tr("No lead came in this period.")
        )
        self.response_chart = BarChart(
            self.tr("Reply time"),
            self.tr("No replies yet"),
            self.tr("Reply times appear once the client answers leads from the synced mailbox."),
            horizontal=False,
        )
        self.source_chart = BarChart(
            self.tr("Top sources"), self.tr("No visits matched"), self.tr("No source known.")
        )
        self.campaign_chart = BarChart(
            self.tr("Top campaigns"), self.tr("No visits matched"), self.tr("No campaign known.")
        )
        self.keyword_chart = BarChart(
            self.tr("Top keywords"), self.tr("No visits matched"), self.tr("No keyword known.")
        )
        self.time_chart.bar_clicked.connect(self._on_time_chart_bar_clicked)
        self.channel_chart.bar_clicked.connect(self._on_channel_bar_clicked)
        self.cpl_chart.bar_clicked.connect(self._on_channel_bar_clicked)
        self.repeat_chart.bar_clicked.connect(self._on_repeat_chart_bar_clicked)
        self.response_chart.bar_clicked.connect(self._on_response_chart_bar_clicked)
        for chart in (self.source_chart, self.campaign_chart, self.keyword_chart):
            chart.bar_clicked.connect(self._on_visit_bar_clicked)
        charts = QGridLayout()
        charts.setHorizontalSpacing(16)
        charts.setVerticalSpacing(16)
        charts.addWidget(self.time_chart, 0, 0, 1, 2)
        charts.addWidget(self.channel_chart, 1, 0)
        charts.addWidget(self.cpl_chart, 1, 1)
        charts.addWidget(self.repeat_chart, 2, 0)
        charts.addWidget(self.response_chart, 2, 1)
        self.visit_charts = QWidget()
        visit_row = QHBoxLayout(self.visit_charts)
        visit_row.setContentsMargins(0, 0, 0, 0)
        visit_row.setSpacing(16)
        for chart in (self.source_chart, self.campaign_chart, self.keyword_chart):
            visit_row.addWidget(chart)
        charts.addWidget(self.visit_charts, 3, 0, 1, 2)
        self.visit_charts.hide()
        self.charts_box = QWidget()
        self.charts_box.setLayout(charts)

        self.empty = EmptyState(
            self.tr("No leads in this period"),
            self.tr(
                "Nothing was received in the chosen period. Pick a longer period, or check the "
                "Mailboxes tab: leads appear once the client's mailbox is synced."
            ),
        )
        self.body_stack = QStackedWidget()
        self.body_stack.addWidget(self.charts_box)
        self.body_stack.addWidget(self.empty)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 8, 12, 12)
        column.setSpacing(12)
        column.addLayout(tiles)
        column.addWidget(self.body_stack, 1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)

    # -- data ----------------------------------------------------------------------------------
    def attach(self, reports: ReportService) -> None:
        self.reports = reports

    def show_client(self, client_id: int) -> None:
        if client_id != self.client_id:
            self.client_id = client_id
            self.report = None
        self.reload()

    def reload(self, *_args: object) -> None:
        """Compute the numbers again: now when visible, else when the tab is next shown."""
        if self.client_id is None or self.reports is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        reports, client_id = self.reports, self.client_id
        period = self.period.period()
        bucket_value = self.bucket_combo.currentData()
        self._generation += 1
        generation = self._generation
        self.loading = True
        self.status_label.setText(self.tr("Counting…"))

        def job(_progress: object, _token: object) -> ClientReport:
            from app.core.reports.model import Bucket

            _preload_matplotlib()

            bucket = Bucket(bucket_value) if bucket_value else None
            return reports.report(client_id, core_period(period), bucket=bucket)

        Task(job, name="dashboard", context=self).on_success(
            lambda report: self._on_report(generation, period, report)
        ).on_failure(lambda exc: self._on_failed(generation, exc)).start(REPORTS_QUEUE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.status_label.setText("")
        if isinstance(exc, AppError):
            show_error(self, exc)
            return
        from app.ui.crash import report_bug

        report_bug(type(exc), exc, exc.__traceback__)

    def _on_report(self, generation: int, period: Period, report: ClientReport) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.report = report
        self.period_shown = period
        self.status_label.setText(period.label())
        self.show_report(report)

    def show_report(self, report: ClientReport) -> None:
        """Fill the tiles and charts from ``report``."""
        total, currency = report.total, report.currency
        self.tiles["leads"].set_value(rs.count_text(total.leads))
        self.tiles["tracked"].set_value(rs.share_text(total.tracked_share))
        self.tiles["cost"].set_value(rs.money_or_dash(total.cost, currency))
        self.tiles["cpl"].set_value(rs.money_or_dash(total.cost_per_lead, currency))
        self.tiles["deals"].set_value(rs.count_text(total.deals))
        self.tiles["revenue"].set_value(rs.money_or_dash(total.revenue, currency))
        self.tiles["roas"].set_value(rs.roas_text(total.roas))
        self.tiles["median"].set_value(rs.duration_text(total.median_response_s))
        self.tiles["p90"].set_value(rs.duration_text(total.p90_response_s))
        self.tiles["unreplied"].set_value(rs.count_text(total.unreplied))
        if report.empty:
            self._pending = []
            self.body_stack.setCurrentWidget(self.empty)
            return
        self.body_stack.setCurrentWidget(self.charts_box)
        self.visit_charts.setVisible(report.has_visits)
        from app.core.reports.model import Dimension

        jobs = [
            (self.time_chart, lambda: rs.time_series(report)),
            (self.channel_chart, lambda: rs.channel_leads(report)),
            (self.cpl_chart, lambda: rs.channel_cost_per_lead(report)),
            (self.repeat_chart, lambda: rs.new_vs_repeat(report)),
            (self.response_chart, lambda: rs.response_times(report)),
        ]
        if report.has_visits:
            jobs += [
                (self.source_chart, lambda: rs.top(report, Dimension.SOURCE)),
                (self.campaign_chart, lambda: rs.top(report, Dimension.CAMPAIGN)),
                (self.keyword_chart, lambda: rs.top(report, Dimension.KEYWORD)),
            ]
        # One chart per turn of the event loop: eight figures built in one go would hold the
        # window for longer than a frame.
        starting = not self._pending
        self._pending = jobs
        if starting:
            QTimer.singleShot(0, self, self._draw_next_chart)

    @property
    def charts_pending(self) -> bool:
        """Charts of the last report still waiting for their turn to draw."""
        charts = (
            self.time_chart,
            self.channel_chart,
            self.cpl_chart,
            self.repeat_chart,
            self.response_chart,
            self.source_chart,
            self.campaign_chart,
            self.keyword_chart,
        )
        return bool(self._pending) or any(c.redraw_pending for c in charts)

    def _draw_next_chart(self) -> None:
        if not self._pending:
            return
        chart, series = self._pending.pop(0)
        chart.set_series(series(), defer=True)
        if self._pending:
            # A pause between charts lets each one's build and render fall on turns of their
            # own rather than one long pass of queued work.
            QTimer.singleShot(CHART_SPACING_MS, self, self._draw_next_chart)

    # -- clicks --------------------------------------------------------------------------------
    def _period_filters(self) -> JournalFilters:
        period = self.period_shown
        if period is None or period.start is None or period.end is None:
            return JournalFilters()
        return JournalFilters(
            preset=Preset.CUSTOM.value,
            first_day=period.start.isoformat(),
            last_day=(period.end - timedelta(days=1)).isoformat(),
        )

    def _on_time_chart_bar_clicked(self, hit: ChartHit) -> None:
        filters = self._period_filters()
        if hit.start is not None and hit.end is not None:
            filters = replace(
                filters,
                first_day=hit.start.isoformat(),
                last_day=(hit.end - timedelta(days=1)).isoformat(),
            )
        if isinstance(hit.key, int):
            filters = replace(filters, channel_id=hit.key)
        self.journal_filter_requested.emit(filters)

    def _on_channel_bar_clicked(self, hit: ChartHit) -> None:
        if isinstance(hit.key, int):
            self.journal_filter_requested.emit(replace(self._period_filters(), channel_id=hit.key))

    def _on_repeat_chart_bar_clicked(self, hit: ChartHit) -> None:
        self.journal_filter_requested.emit(replace(self._period_filters(), repeat=bool(hit.key)))

    def _on_response_chart_bar_clicked(self, hit: ChartHit) -> None:
        self.journal_filter_requested.emit(replace(self._period_filters(), replied=bool(hit.key)))

    def _on_visit_bar_clicked(self, hit: ChartHit) -> None:
        from app.core.reports.model import Dimension

        if not isinstance(hit.key, tuple):
            return
        dimension, value = hit.key
        filters = self._period_filters()
        if dimension is Dimension.SOURCE:
            filters = replace(filters, source=str(value))
        elif dimension is Dimension.CAMPAIGN:
            filters = replace(filters, campaign=str(value))
        elif dimension is Dimension.KEYWORD:
            filters = replace(filters, keyword=str(value))
        else:
            return
        self.journal_filter_requested.emit(filters)
