"""Reporting periods as people pick them: this month, last month, the last 30 days, a range.

A period is a half-open range of local dates ``[start, end)``; :func:`utc_bounds` turns it into
the UTC instants the lead queries compare ``received_at`` with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

if TYPE_CHECKING:
    from app.core.reports.model import Period as CorePeriod


class Preset(StrEnum):
    """The periods the selectors offer (stored by value in the window's state)."""

    ALL = "all"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    LAST_30 = "last_30"
    LAST_90 = "last_90"
    THIS_YEAR = "this_year"
    CUSTOM = "custom"


def preset_label(preset: Preset) -> str:
    labels = {
        Preset.ALL: QCoreApplication.translate("PeriodSelector", "All time"),
        Preset.THIS_MONTH: QCoreApplication.translate("PeriodSelector", "This month"),
        Preset.LAST_MONTH: QCoreApplication.translate("PeriodSelector", "Last month"),
        Preset.LAST_30: QCoreApplication.translate("PeriodSelector", "Last 30 days"),
        Preset.LAST_90: QCoreApplication.translate("PeriodSelector", "Last 90 days"),
        Preset.THIS_YEAR: QCoreApplication.translate("PeriodSelector", "This year"),
        Preset.CUSTOM: QCoreApplication.translate("PeriodSelector", "Custom range"),
    }
    return labels[preset]


@dataclass(frozen=True)
class Period:
    """``[start, end)`` in local dates; both None for all time."""

    preset: Preset
    start: date | None = None
    end: date | None = None

    @property
    def days(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days

    def previous(self) -> Period:
        """The period of the same length just before (for ▲▼ comparisons)."""
        if self.start is None or self.end is None:
            return self
        if self.preset in (Preset.THIS_MONTH, Preset.LAST_MONTH):
            start = _add_months(self.start, -1)
            return Period(Preset.CUSTOM, start, self.start)
        return Period(Preset.CUSTOM, self.start - (self.end - self.start), self.start)

    def label(self) -> str:
        """ "1 Nov 2026 – 30 Nov 2026" (the last day shown inclusive), or the preset's name."""
        if self.start is None or self.end is None:
            return preset_label(Preset.ALL)
        locale = QLocale()
        last = self.end - timedelta(days=1)
        fmt = "d MMM yyyy"  # unambiguous in every locale, unlike 10/11/26
        first_text = locale.toString(QDate(self.start.year, self.start.month, self.start.day), fmt)
        last_text = locale.toString(QDate(last.year, last.month, last.day), fmt)
        return f"{first_text} – {last_text}"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def resolve(
    preset: Preset, today: date, start: date | None = None, end: date | None = None
) -> Period:
    """The dates of ``preset`` seen from ``today`` (custom takes ``start``..``end`` inclusive)."""
    tomorrow = today + timedelta(days=1)
    month = today.replace(day=1)
    if preset is Preset.THIS_MONTH:
        return Period(preset, month, _add_months(month, 1))
    if preset is Preset.LAST_MONTH:
        return Period(preset, _add_months(month, -1), month)
    if preset is Preset.LAST_30:
        return Period(preset, tomorrow - timedelta(days=30), tomorrow)
    if preset is Preset.LAST_90:
        return Period(preset, tomorrow - timedelta(days=90), tomorrow)
    if preset is Preset.THIS_YEAR:
        return Period(preset, date(today.year, 1, 1), date(today.year + 1, 1, 1))
    if preset is Preset.CUSTOM and start is not None and end is not None:
        first, last = min(start, end), max(start, end)
        return Period(preset, first, last + timedelta(days=1))
    return Period(Preset.ALL)


def utc_bounds(period: Period) -> tuple[datetime | None, datetime | None]:
    """Local midnights of the period's ends as UTC instants (None for an open end)."""

    def instant(day: date | None) -> datetime | None:
        if day is None:
            return None
        local = datetime(day.year, day.month, day.day).astimezone()  # the machine's zone
        return local.astimezone(UTC)

    return instant(period.start), instant(period.end)


def local_zone() -> str:
    """The machine's IANA time zone ("Europe/Moscow"), "UTC" when it has none Python knows."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from PySide6.QtCore import QTimeZone

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


def core_period(period: Period, *, on: date | None = None) -> CorePeriod:
    """The core's report period (both ends included, in the local zone) for ``period``.

    All time has no dates of its own: it becomes the last ten years up to ``on``.
    """
    from app.core.reports.model import Period as CorePeriod

    end = period.end or (on or today()) + timedelta(days=1)
    start = period.start or date(end.year - 10, 1, 1)
    return CorePeriod(start, end - timedelta(days=1), local_zone())


def today() -> date:
    return datetime.now().astimezone().date()


class PeriodSelector(QWidget):
    """A preset combo, and two date fields when "Custom range" is picked."""

    changed = Signal()

    def __init__(
        self, presets: tuple[Preset, ...] = tuple(Preset), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        for preset in presets:
            self.combo.addItem(preset_label(preset), preset.value)
        self.combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
        now = today()
        self.from_edit = QDateEdit(QDate(now.year, now.month, 1))
        self.to_edit = QDateEdit(QDate(now.year, now.month, now.day))
        self.dash = QLabel("–")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._on_date_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.from_edit)
        layout.addWidget(self.dash)
        layout.addWidget(self.to_edit)
        self._show_range()

    @property
    def preset(self) -> Preset:
        return Preset(self.combo.currentData())

    def period(self, on: date | None = None) -> Period:
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return resolve(self.preset, on or today(), start, end)

    def set_period(
        self, preset: Preset, start: date | None = None, end: date | None = None
    ) -> None:
        """Select ``preset`` (and, for a custom range, its first and last day) without signals."""
        self.blockSignals(True)
        try:
            index = self.combo.findData(preset.value)
            self.combo.setCurrentIndex(max(index, 0))
            if start is not None:
                self.from_edit.setDate(QDate(start.year, start.month, start.day))
            if end is not None:
                self.to_edit.setDate(QDate(end.year, end.month, end.day))
        finally:
            self.blockSignals(False)
        self._show_range()

    def _show_range(self) -> None:
        custom = self.preset is Preset.CUSTOM
        for widget in (self.from_edit, self.dash, self.to_edit):
            widget.setVisible(custom)

    def _on_combo_current_index_changed(self, _index: int) -> None:
        self._show_range()
        self.changed.emit()

    def _on_date_changed(self, _date: QDate) -> None:
        if self.preset is Preset.CUSTOM:
            self.changed.emit()
