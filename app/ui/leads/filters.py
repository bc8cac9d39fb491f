"""The journal's filters: what the user picked, kept per client, and the widgets to pick it.

:class:`JournalFilters` is plain data: it turns into a :class:`LeadQuery` and into JSON for the
window's state file, so each client reopens with the filters it was left with.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.core.leads.model import LeadQuery, LeadStatus, LeadView, status_label
from app.ui.reports.period import PeriodSelector, Preset, resolve, utc_bounds

log = logging.getLogger(__name__)

ANY = None


@dataclass(frozen=True)
class JournalFilters:
    """Everything the journal can be filtered by; the defaults show every lead."""

    preset: str = Preset.ALL.value
    first_day: str = ""
    """ISO date of a custom range's first day (and ``last_day`` its last, inclusive)."""
    last_day: str = ""
    channel_id: int | None = None
    search: str = ""
    source: str = ""
    medium: str = ""
    campaign: str = ""
    keyword: str = ""
    repeat: bool | None = None
    replied: bool | None = None
    status: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    filtered_out: bool = False

    # -- state file ----------------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: object) -> JournalFilters:
        """Read what :meth:`to_json` wrote; anything unreadable or unknown falls back to defaults
        (a state file from another version must not break the journal)."""
        try:
            data = json.loads(str(text)) if text else {}
        except ValueError:
            log.warning("Ignoring unreadable journal filters in the state file")
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if isinstance(values.get("tags"), list):
            values["tags"] = tuple(str(t) for t in values["tags"])
        try:
            filters = cls(**values)
            Preset(filters.preset)
        except (TypeError, ValueError):
            return cls()
        return filters

    # -- meaning -------------------------------------------------------------------------------
    @property
    def narrowing(self) -> bool:
        """Something beyond the defaults is set (the empty message and Reset depend on it)."""
        return replace(self, filtered_out=False) != JournalFilters()

    def custom_range(self) -> tuple[date | None, date | None]:
        try:
            first = date.fromisoformat(self.first_day) if self.first_day else None
            last = date.fromisoformat(self.last_day) if self.last_day else None
        except ValueError:
            return None, None
        return first, last

    def query(self, client_id: int, today: date) -> LeadQuery:
        """The lead query these filters ask for, with periods seen from ``today``."""
        first, last = self.custom_range()
        since, until = utc_bounds(resolve(Preset(self.preset), today, first, last))
        statuses: tuple[LeadStatus, ...] = ()
        if self.status:
            try:
                statuses = (LeadStatus(self.status),)
            except ValueError:
                statuses = ()
        return LeadQuery(
            client_id,
            view=LeadView.FILTERED if self.filtered_out else LeadView.LEADS,
            channel_id=self.channel_id,
            search=self.search.strip(),
            since=since,
            until=until,
            source=self.source.strip() or None,
            medium=self.medium.strip() or None,
            campaign=self.campaign.strip() or None,
            keyword=self.keyword.strip() or None,
            repeat=self.repeat,
            replied=self.replied,
            statuses=statuses,
            tags=self.tags,
        )


def parse_tags(text: str) -> tuple[str, ...]:
    """ "VIP, опт;  звонок " -> ("vip", "опт", "звонок"): commas or semicolons separate tags."""
    seen: dict[str, None] = {}
    for part in text.replace(";", ",").split(","):
        tag = " ".join(part.split()).casefold()
        if tag:
            seen[tag] = None
    return tuple(seen)


class FilterBar(QWidget):
    """Period, new/repeat, replied, status and tags; the visit's source, medium, campaign and
    keyword on a second row shown on demand."""

    changed = Signal()
    """A combo changed: re-run the query now."""
    typed = Signal()
    """Text changed in a field: re-run after the typing pause."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = PeriodSelector()
        self.period.changed.connect(self.changed)
        self.repeat_combo = QComboBox()
        self.repeat_combo.addItem(self.tr("New and repeat"), ANY)
        self.repeat_combo.addItem(self.tr("New contacts"), False)
        self.repeat_combo.addItem(self.tr("Repeat contacts"), True)
        self.replied_combo = QComboBox()
        self.replied_combo.addItem(self.tr("Replied or not"), ANY)
        self.replied_combo.addItem(self.tr("Replied"), True)
        self.replied_combo.addItem(self.tr("Not replied"), False)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Any status"), "")
        for status in LeadStatus:
            self.status_combo.addItem(status_label(status), status.value)
        for combo in (self.repeat_combo, self.replied_combo, self.status_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Tags, comma-separated"))
        self.tags_edit.setClearButtonEnabled(True)
        self.tags_edit.setToolTip(self.tr("Leads carrying every one of these tags"))
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("Source"))
        self.medium_edit = QLineEdit()
        self.medium_edit.setPlaceholderText(self.tr("Medium"))
        self.campaign_edit = QLineEdit()
        self.campaign_edit.setPlaceholderText(self.tr("Campaign"))
        self.keyword_edit = QLineEdit()
        self.keyword_edit.setPlaceholderText(self.tr("Keyword"))
        for edit in self._visit_edits():
            edit.setToolTip(
                self.tr("Only leads whose website visit has exactly this value (dynamic tracking)")
            )
        for edit in (self.tags_edit, *self._visit_edits()):
            edit.textChanged.connect(self.typed)
        self.visit_button = QPushButton(self.tr("Visit filters"))
        self.visit_button.setCheckable(True)
        self.visit_button.setToolTip(
            self.tr("Filter by the source, medium, campaign or keyword of the website visit")
        )
        self.visit_button.toggled.connect(self._on_visit_button_toggled)
        self.reset_button = QPushButton(self.tr("Reset filters"))
        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        first.addWidget(self.period)
        first.addWidget(self.repeat_combo)
        first.addWidget(self.replied_combo)
        first.addWidget(self.status_combo)
        first.addWidget(self.tags_edit, 1)
        first.addWidget(self.visit_button)
        first.addWidget(self.reset_button)
        self.visit_row = QWidget()
        second = QHBoxLayout(self.visit_row)
        second.setContentsMargins(0, 0, 0, 0)
        for edit in self._visit_edits():
            second.addWidget(edit, 1)
        self.visit_row.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addWidget(self.visit_row)

    def _visit_edits(self) -> tuple[QLineEdit, ...]:
        return (self.source_edit, self.medium_edit, self.campaign_edit, self.keyword_edit)

    def _on_visit_button_toggled(self, shown: bool) -> None:
        self.visit_row.setVisible(shown)

    def values(self, base: JournalFilters) -> JournalFilters:
        """``base`` (channel, search, filtered-out) with this bar's fields filled in."""
        period = self.period
        custom = period.preset is Preset.CUSTOM
        first, last = period.from_edit.date().toPython(), period.to_edit.date().toPython()
        return replace(
            base,
            preset=period.preset.value,
            first_day=first.isoformat() if custom and isinstance(first, date) else "",
            last_day=last.isoformat() if custom and isinstance(last, date) else "",
            repeat=self.repeat_combo.currentData(),
            replied=self.replied_combo.currentData(),
            status=str(self.status_combo.currentData() or ""),
            tags=parse_tags(self.tags_edit.text()),
            source=self.source_edit.text().strip(),
            medium=self.medium_edit.text().strip(),
            campaign=self.campaign_edit.text().strip(),
            keyword=self.keyword_edit.text().strip(),
        )

    def show_values(self, filters: JournalFilters) -> None:
        """Put ``filters`` into the widgets without emitting anything."""
        widgets: list[Any] = [
            self,
            self.repeat_combo,
            self.replied_combo,
            self.status_combo,
            self.tags_edit,
            *self._visit_edits(),
        ]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            first, last = filters.custom_range()
            self.period.set_period(Preset(filters.preset), first, last)
            for combo, value in (
                (self.repeat_combo, filters.repeat),
                (self.replied_combo, filters.replied),
                (self.status_combo, filters.status),
            ):
                index = next((i for i in range(combo.count()) if combo.itemData(i) == value), 0)
                combo.setCurrentIndex(index)
            self.tags_edit.setText(", ".join(filters.tags))
            self.source_edit.setText(filters.source)
            self.medium_edit.setText(filters.medium)
            self.campaign_edit.setText(filters.campaign)
            self.keyword_edit.setText(filters.keyword)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        visit = any((filters.source, filters.medium, filters.campaign, filters.keyword))
        if visit:
            self.visit_button.setChecked(True)
