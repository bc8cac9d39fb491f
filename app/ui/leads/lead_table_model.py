"""A lazy table model over a client's leads, fast with a million of them.

The model holds only the ordered list of ids the query selects (one indexed SQL query, run on a
worker) and fetches the rows the view actually paints, a page at a time, into a bounded cache.
Sorting and filtering never happen in Python: they change the :class:`LeadQuery` and re-run the
SQL. Scrolling to the end of a million rows therefore reads one page, not a million rows.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from enum import Enum, IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from app.core.errors import AppError
from app.core.leads.model import FilterReason, LeadQuery, LeadSort, LeadSummary, status_label
from app.ui.tasks import Task

if TYPE_CHECKING:
    from app.core.leads.service import LeadService

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

LOAD_QUEUE = "leads"
"""Reads of the journal run on their own queue so a running sync never delays them."""


class LeadColumn(IntEnum):
    """Columns of :class:`LeadTableModel`."""

    RECEIVED = 0
    SENDER = 1
    SUBJECT = 2
    CHANNEL = 3
    REPEAT = 4
    RESPONSE = 5
    STATUS = 6
    DEAL = 7
    TAGS = 8
    REASON = 9


SORT_OF_COLUMN: dict[LeadColumn, LeadSort] = {
    LeadColumn.RECEIVED: LeadSort.RECEIVED,
    LeadColumn.SENDER: LeadSort.SENDER,
    LeadColumn.SUBJECT: LeadSort.SUBJECT,
    LeadColumn.CHANNEL: LeadSort.CHANNEL,
    LeadColumn.RESPONSE: LeadSort.RESPONSE,
    LeadColumn.STATUS: LeadSort.STATUS,
    LeadColumn.DEAL: LeadSort.DEAL,
}
"""Columns SQL can order by; the others keep the current order when clicked."""

COLUMN_OF_SORT = {sort: column for column, sort in SORT_OF_COLUMN.items()}


def format_duration(seconds: int | None) -> str:
    """A response time as people say it: "2 h 15 min", "3 d 4 h", "—" when unanswered."""
    if seconds is None:
        return "—"
    seconds = max(int(seconds), 0)
    minutes = seconds // 60
    if minutes < 1:
        return QCoreApplication.translate("LeadTableModel", "< 1 min")
    if minutes < 60:
        return QCoreApplication.translate("LeadTableModel", "{m} min").format(m=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if minutes == 0:
            return QCoreApplication.translate("LeadTableModel", "{h} h").format(h=hours)
        return QCoreApplication.translate("LeadTableModel", "{h} h {m} min").format(
            h=hours, m=minutes
        )
    days, hours = divmod(hours, 24)
    if hours == 0:
        return QCoreApplication.translate("LeadTableModel", "{d} d").format(d=days)
    return QCoreApplication.translate("LeadTableModel", "{d} d {h} h").format(d=days, h=hours)


def reason_label(reason: str | None) -> str:
    """Why an email is not a lead, in words."""
    if not reason:
        return ""
    labels = {
        FilterReason.AUTO_REPLY: QCoreApplication.translate("LeadTableModel", "Auto-reply"),
        FilterReason.BOUNCE: QCoreApplication.translate(
            "LeadTableModel", "Bounce or delivery report"
        ),
        FilterReason.OWN_DOMAIN: QCoreApplication.translate(
            "LeadTableModel", "From the client's own domain"
        ),
        FilterReason.THREAD_REPLY: QCoreApplication.translate(
            "LeadTableModel", "Reply in an existing thread"
        ),
        FilterReason.BULK: QCoreApplication.translate("LeadTableModel", "Bulk mail or newsletter"),
        FilterReason.MANUAL: QCoreApplication.translate("LeadTableModel", "Marked as not a lead"),
    }
    try:
        return labels[FilterReason(reason)]
    except ValueError:
        return reason


def money_text(amount: Decimal | None, currency: str) -> str:
    """An amount as the locale writes it, with its currency: "12 500,50 RUB"; "" for none."""
    if amount is None:
        return ""
    digits = 0 if amount == amount.to_integral_value() else 2
    number = QLocale().toString(float(amount), "f", digits)
    return f"{number} {currency}".strip()


def local_datetime(value: datetime) -> str:
    """A stored UTC time in the user's zone and locale, short form."""
    local = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def sender_text(name: str, address: str) -> str:
    if name and address and name.casefold() != address.casefold():
        return f"{name} <{address}>"
    return name or address


class _Change(Enum):
    """How a query's new ids relate to those on screen."""

    SAME = "same"
    REORDERED = "reordered"
    """The same leads in another order (a sort): the selection stays on its lead."""
    OTHER = "other"


def _compare(before: list[int], after: list[int]) -> _Change:
    if before == after:
        return _Change.SAME
    if len(before) == len(after) and after and set(before) == set(after):
        return _Change.REORDERED
    return _Change.OTHER


@dataclass(frozen=True)
class _Row:
    """A summary with its cell texts worked out once, when its page is fetched."""

    lead: LeadSummary
    texts: tuple[str, ...]


class LeadTableModel(QAbstractTableModel):
    """Rows are the leads a :class:`LeadQuery` selects; pages of rows are fetched on demand."""

    PAGE_SIZE = 200
    MAX_PAGES = 25
    """At most this many pages stay cached (5,000 rows), whatever the journal's size."""

    loaded = Signal()
    """The ids of the current query arrived and the rows were reset."""
    load_failed = Signal(object)
    """Reading the ids failed with this exception (an ``AppError`` is the user's to see)."""

    def __init__(self, leads: LeadService | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._leads = leads
        self._query: LeadQuery | None = None
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, _Row]] = OrderedDict()
        self._generation = 0
        self._swatches: dict[str, QIcon] = {}
        self.loading = False
        self.pages_fetched = 0
        """How many pages were read from the database (tests check laziness with it)."""
        self.rows_fetched = 0

    # -- query ---------------------------------------------------------------------------------
    @property
    def query(self) -> LeadQuery | None:
        return self._query

    def set_service(self, leads: LeadService | None) -> None:
        self._leads = leads

    def set_query(self, query: LeadQuery | None, *, background: bool = True) -> None:
        """Show what ``query`` selects; the ids are read on a worker unless ``background`` is off.

        The rows keep showing the previous result until the new ids arrive, then :attr:`loaded`.
        A newer query supersedes one still loading (typing in the search box).
        """
        self._generation += 1
        generation = self._generation
        self._query = query
        if query is None or self._leads is None:
            self._apply(generation, query, [])
            return
        leads = self._leads
        if not background:
            self._apply(generation, query, leads.ids(query))
            return
        self.loading = True
        # Only the newest query's ids are applied, so these are the ids on screen then; the
        # list is replaced, never changed, so the worker may read it.
        previous = self._ids

        def job(_progress: object, _token: object) -> tuple[list[int], _Change]:
            ids = leads.ids(query)
            # Comparing a million ids takes the GUI thread longer than a frame: done here.
            return ids, _compare(previous, ids)

        Task(job, name="lead-ids", context=self).on_success(
            lambda found: self._apply(generation, query, found[0], found[1])
        ).on_failure(lambda exc: self._on_load_failed(generation, exc)).start(LOAD_QUEUE)

    def refresh(self) -> None:
        """Read the current query again (new leads arrived, a channel changed)."""
        self.set_query(self._query)

    def refresh_rows(self) -> None:
        """Read the cached rows again (a channel was renamed), keeping the ids and selection."""
        self._drop_cache()
        if self._ids:
            last = self.index(len(self._ids) - 1, len(LeadColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _apply(
        self,
        generation: int,
        query: LeadQuery | None,
        ids: list[int],
        change: _Change | None = None,
    ) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        self.loading = False
        change = change or _compare(self._ids, ids)
        if change is _Change.SAME and query is not None:
            # Nothing moved (e.g. a sync found no new mail): keep selection and scroll, but
            # forget cached texts in case a row's contents changed (a reply time arrived).
            self.refresh_rows()
        elif change is _Change.REORDERED:
            self._reorder(ids)
        else:
            self.beginResetModel()
            self._ids = ids
            self._drop_cache()
            self.endResetModel()
        self.loaded.emit()

    def _reorder(self, ids: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        lead_ids = [self._ids[i.row()] for i in persistent]
        self._ids = ids
        self._drop_cache()
        if persistent:
            # list.index runs in C: a few selected rows cost milliseconds even on a million ids.
            self.changePersistentIndexList(
                persistent,
                [
                    self.index(ids.index(lead_id), i.column())
                    for lead_id, i in zip(lead_ids, persistent, strict=True)
                ],
            )
        self.layoutChanged.emit()

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        if not isinstance(exc, AppError):
            from app.ui.crash import report_bug

            report_bug(type(exc), exc, exc.__traceback__)
            return
        self.load_failed.emit(exc)

    def _drop_cache(self) -> None:
        self._pages.clear()

    # -- rows ----------------------------------------------------------------------------------
    def lead_id(self, row: int) -> int:
        return self._ids[row]

    def lead_ids(self, first: int, stop: int) -> list[int]:
        """Ids of rows ``first`` up to (not including) ``stop``: a slice, no rows read."""
        return self._ids[first:stop]

    def row_of(self, lead_id: int) -> int:
        try:
            return self._ids.index(lead_id)
        except ValueError:
            return -1

    def summary(self, row: int) -> LeadSummary | None:
        found = self._row(row)
        return found.lead if found is not None else None

    def cached_rows(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def _row(self, row: int) -> _Row | None:
        if not 0 <= row < len(self._ids):
            return None
        number = row // self.PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
        else:
            self._pages.move_to_end(number)
        return page.get(self._ids[row])

    def _fetch(self, number: int) -> dict[int, _Row]:
        start = number * self.PAGE_SIZE
        ids = self._ids[start : start + self.PAGE_SIZE]
        try:
            summaries = self._leads.summaries(ids) if self._leads is not None else []
        except AppError as exc:
            # data() cannot show a dialog; a lost database shows as blank rows and a log line.
            log.warning("Could not read leads: %s", exc)
            summaries = []
        page = {s.id: _Row(s, self._texts(s)) for s in summaries}
        self._pages[number] = page
        self.pages_fetched += 1
        self.rows_fetched += len(page)
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def _texts(self, lead: LeadSummary) -> tuple[str, ...]:
        return (
            local_datetime(lead.received_at),
            # The name reads faster in a list; the address is in the tooltip and the details.
            lead.sender_name or lead.sender_address,
            lead.subject.replace("\n", " ") or self.tr("(no subject)"),
            lead.channel_name if lead.channel_id is not None else self.tr("Untracked"),
            "✓" if lead.is_repeat else "",
            format_duration(lead.response_seconds),
            status_label(lead.status),
            money_text(lead.deal_amount, lead.currency),
            ", ".join(lead.tags),
            reason_label(lead.filtered_reason),
        )

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LeadColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(LeadColumn):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            LeadColumn.RECEIVED: self.tr("Received"),
            LeadColumn.SENDER: self.tr("Sender"),
            LeadColumn.SUBJECT: self.tr("Subject"),
            LeadColumn.CHANNEL: self.tr("Channel"),
            LeadColumn.REPEAT: self.tr("Repeat"),
            LeadColumn.RESPONSE: self.tr("Response time"),
            LeadColumn.STATUS: self.tr("Status"),
            LeadColumn.DEAL: self.tr("Deal"),
            LeadColumn.TAGS: self.tr("Tags"),
            LeadColumn.REASON: self.tr("Why not a lead"),
        }[LeadColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if not 0 <= index.column() < len(LeadColumn):
            return None
        if role not in _ROLES:
            return None
        found = self._row(index.row())
        if found is None:
            return None
        column = LeadColumn(index.column())
        lead = found.lead
        if role == Qt.ItemDataRole.DisplayRole:
            return found.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == LeadColumn.SENDER:
                return sender_text(lead.sender_name, lead.sender_address)
            if column == LeadColumn.REPEAT and lead.is_repeat:
                return self.tr("The sender wrote to this client before")
            if column == LeadColumn.SUBJECT:
                return lead.subject
            if column == LeadColumn.CHANNEL and lead.tracking_address:
                return self.tr("Sent to {address}").format(address=lead.tracking_address)
            return None
        untracked = lead.channel_id is None
        if role == Qt.ItemDataRole.DecorationRole and column == LeadColumn.CHANNEL:
            return None if untracked else self._swatch(lead.channel_color)
        if role == Qt.ItemDataRole.ForegroundRole and column == LeadColumn.CHANNEL and untracked:
            return QColor(Qt.GlobalColor.gray)
        if role == Qt.ItemDataRole.FontRole and column == LeadColumn.CHANNEL and untracked:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (LeadColumn.RESPONSE, LeadColumn.DEAL):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == LeadColumn.REPEAT:
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return lead.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by ``column`` in SQL; columns SQL cannot order by leave the order as it is."""
        if self._query is None or not 0 <= column < len(LeadColumn):
            return
        sort = SORT_OF_COLUMN.get(LeadColumn(column))
        if sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (self._query.sort, self._query.descending) == (sort, descending):
            return
        self.set_query(replace(self._query, sort=sort, descending=descending))

    def _swatch(self, color: str) -> QIcon:
        icon = self._swatches.get(color)
        if icon is None:
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(color or "#999999"))
            icon = self._swatches[color] = QIcon(pixmap)
        return icon


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.UserRole,
    }
)
"""Roles worth fetching a page for; the view asks for many more (size hints, check state)."""
