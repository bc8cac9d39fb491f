"""The Leads tab of a client: totals, filters, the lazy lead table and the selected lead's details.

The journal can hold a million rows, so nothing here reads it whole: the model reads ids in the
background and rows by page; the totals come from one aggregate query on the same worker queue.
The tab loads only while it is visible, and again when told new leads arrived.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionRange,
    QLocale,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.clients.model import Channel
from app.core.errors import AppError
from app.core.leads.model import UNTRACKED, LeadCounts, LeadQuery, LeadStatus
from app.ui.errors import show_error
from app.ui.leads.filters import FilterBar, JournalFilters, parse_tags
from app.ui.leads.lead_detail import LeadDetail
from app.ui.leads.lead_table_model import (
    COLUMN_OF_SORT,
    LOAD_QUEUE,
    SORT_OF_COLUMN,
    LeadColumn,
    LeadTableModel,
    format_duration,
    local_datetime,
)
from app.ui.reports.period import today
from app.ui.tasks import Task
from app.ui.widgets import EmptyState, muted

if TYPE_CHECKING:
    from app.core.leads.service import LeadService
    from app.core.visits.service import VisitService

__all__ = ["LeadDetail", "LeadsTab"]

_WIDE_MOMENT = datetime(2026, 12, 28, 23, 44, tzinfo=UTC)
"""A date and time with wide digits, for sizing the Received column in any locale."""

SEARCH_DELAY_MS = 300
"""Typing waits this long for the next key before the query re-runs."""

ALL_CHANNELS = None

OPTIONAL_COLUMNS = (
    LeadColumn.REPEAT,
    LeadColumn.RESPONSE,
    LeadColumn.STATUS,
    LeadColumn.DEAL,
    LeadColumn.TAGS,
)
DEFAULT_HIDDEN = frozenset({LeadColumn.DEAL, LeadColumn.TAGS})


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color or "#999999"))
    return QIcon(pixmap)


def _thousands(n: int) -> str:
    return QLocale().toString(n)


class LeadsTab(QWidget):
    """The client's leads: counts, channel filter, search, filtered-out toggle, table, details."""

    add_mailbox_requested = Signal()
    reattribute_requested = Signal(int)
    """Match the client's stored mail against its tracking addresses again."""
    counts_loaded = Signal(object)
    """The totals of the current client arrived (a :class:`LeadCounts`)."""
    changes_made = Signal(object)
    """Leads were edited here (status, tags, deal, made a lead): a :class:`Changes`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._leads: LeadService | None = None
        self.visits: VisitService | None = None
        """Shows the visit of a dynamic-tracking lead in the details when set."""
        self.state: QSettings | None = None
        """The window's state file: each client's filters are remembered there."""
        self.bulk_task: Task | None = None
        self._hidden: set[LeadColumn] = set(DEFAULT_HIDDEN)
        self.client_id: int | None = None
        self.counts: LeadCounts | None = None
        self._stale = False
        self._counts_generation = 0

        self.counts_label = QLabel()
        self.counts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.channel_combo = QComboBox()
        self.channel_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel_combo.setMaximumWidth(320)
        self.channel_combo.currentIndexChanged.connect(self._on_filters_changed)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search sender, subject or text"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._on_filters_changed)
        self.filtered_button = QPushButton(self.tr("Filtered out"))
        self.filtered_button.setCheckable(True)
        self.filtered_button.setToolTip(
            self.tr(
                "Show the mail that is not counted as leads: auto-replies, bounces, mail from "
                "the client's own domain and replies inside an existing thread."
            )
        )
        self.filtered_button.toggled.connect(self._on_filters_changed)
        self.reattribute_button = QPushButton(self.tr("Match again"))
        self.reattribute_button.setToolTip(
            self.tr(
                "Attribute the stored mail again after tracking addresses were added or "
                "changed; nothing is fetched from the server."
            )
        )
        self.reattribute_button.clicked.connect(self._on_reattribute_button_clicked)
        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self._on_filters_changed)
        self.filter_bar.typed.connect(self.search_timer.start)
        self.filter_bar.reset_button.clicked.connect(self.reset_filters)
        bar = QHBoxLayout()
        bar.addWidget(self.channel_combo)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.filtered_button)
        bar.addWidget(self.reattribute_button)

        self.selection_label = QLabel()
        self.tag_button = QPushButton(self.tr("Add Tags…"))
        self.tag_button.setToolTip(self.tr("Add tags to every selected lead"))
        self.tag_button.clicked.connect(self._on_tag_button_clicked)
        self.status_button = QComboBox()
        self.status_button.addItem(self.tr("Set status…"), "")
        for status in LeadStatus:
            self.status_button.addItem(status.label, status.value)
        self.status_button.activated.connect(self._on_status_button_activated)
        self.bulk_bar = QWidget()
        bulk = QHBoxLayout(self.bulk_bar)
        bulk.setContentsMargins(0, 0, 0, 0)
        bulk.addWidget(self.selection_label)
        bulk.addWidget(self.tag_button)
        bulk.addWidget(self.status_button)
        bulk.addStretch(1)
        self.bulk_bar.hide()

        self.model = LeadTableModel(parent=self)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows for bulk tagging; ranges, not row lists, so Ctrl+A on a million is cheap.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        # Uniform row heights: the view never asks a million rows for their size.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LeadColumn.SUBJECT, QHeaderView.ResizeMode.Stretch)
        # The subject takes what is left; the others get what their usual content needs.
        metrics = self.fontMetrics()

        def fits(column: LeadColumn, sample: str) -> int:
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # room for the sort arrow beside the title
            return max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 28

        widths = {
            LeadColumn.RECEIVED: fits(LeadColumn.RECEIVED, local_datetime(_WIDE_MOMENT)),
            LeadColumn.SENDER: 170,
            LeadColumn.CHANNEL: 160,
            LeadColumn.REPEAT: fits(LeadColumn.REPEAT, "✓"),
            LeadColumn.RESPONSE: fits(LeadColumn.RESPONSE, format_duration(23 * 3600 + 59 * 60)),
            LeadColumn.STATUS: fits(LeadColumn.STATUS, LeadStatus.IN_PROGRESS.label),
            LeadColumn.DEAL: fits(LeadColumn.DEAL, "1 250 000 RUB"),
            LeadColumn.TAGS: 140,
            LeadColumn.REASON: 200,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        # Which optional columns show is the user's choice (right-click the header).
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu)
        header.setSortIndicator(LeadColumn.RECEIVED, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        self.view.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)

        self.detail = LeadDetail()
        self.detail.save_requested.connect(self._on_detail_save_requested)
        self.detail.mark_lead_requested.connect(self._on_detail_mark_lead_requested)
        self.no_match = muted(QLabel())
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.hide()
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.view, 1)
        table_layout.addWidget(self.no_match)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.empty = EmptyState(
            self.tr("No leads yet"),
            self.tr(
                "Leads appear here once the client's mailbox is synced: every inbound email, "
                "with the channel it came from, whether the sender wrote before and how fast "
                "the client replied."
            ),
            self.tr("Add a mailbox…"),
        )
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.add_mailbox_requested)
        self.list_page = QWidget()
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        self.shown_label = muted(QLabel())
        self.shown_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        totals = QHBoxLayout()
        totals.addWidget(self.counts_label, 1)
        totals.addWidget(self.shown_label)
        list_layout.addLayout(totals)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.filter_bar)
        list_layout.addWidget(self.bulk_bar)
        list_layout.addWidget(self.splitter, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.stack)
        self._update_columns()

    # -- data ----------------------------------------------------------------------------------
    def attach(self, leads: LeadService) -> None:
        self._leads = leads
        self.model.set_service(leads)

    def show_client(self, client_id: int, channels: list[Channel]) -> None:
        """Show a client's leads; the same client again only refreshes the channel list."""
        new_client = client_id != self.client_id
        self.client_id = client_id
        self._fill_channels(channels, keep=not new_client)
        if new_client:
            self.show_filters(self._saved_filters(client_id))
            self._update_columns()
            self.counts = None
            self.counts_label.setText(self.tr("Loading…"))
            self.detail.show_lead(None)
            self.reload()
        else:
            # A channel renamed or recoloured: the cached rows carry its old name.
            self.model.refresh_rows()

    def reload(self) -> None:
        """Read the leads again: now when visible, else when the tab is next shown."""
        if self.client_id is None or self._leads is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.model.set_query(self.current_query())
        self._load_counts()

    # -- filters -------------------------------------------------------------------------------
    def filters(self) -> JournalFilters:
        """What the filter widgets say now."""
        base = JournalFilters(
            channel_id=self.channel_combo.currentData(),
            search=self.search_edit.text().strip(),
            filtered_out=self.filtered_button.isChecked(),
        )
        return self.filter_bar.values(base)

    def show_filters(self, filters: JournalFilters) -> None:
        """Put ``filters`` into the widgets without re-running anything."""
        for widget in (self.search_edit, self.filtered_button, self.channel_combo):
            widget.blockSignals(True)
        try:
            self.search_edit.setText(filters.search)
            self.filtered_button.setChecked(filters.filtered_out)
            index = self.channel_combo.findData(filters.channel_id)
            self.channel_combo.setCurrentIndex(max(index, 0))
        finally:
            for widget in (self.search_edit, self.filtered_button, self.channel_combo):
                widget.blockSignals(False)
        self.filter_bar.show_values(filters)

    def apply_filters(self, filters: JournalFilters) -> None:
        """Show the journal filtered by ``filters`` (a click on a chart), and remember them."""
        self.show_filters(filters)
        self._on_filters_changed()

    def reset_filters(self) -> None:
        self.apply_filters(JournalFilters())

    def _state_key(self, client_id: int) -> str:
        return f"leads/filters/{client_id}"

    def _saved_filters(self, client_id: int) -> JournalFilters:
        if self.state is None:
            return JournalFilters()
        return JournalFilters.from_json(self.state.value(self._state_key(client_id), ""))

    def _save_filters(self) -> None:
        if self.state is None or self.client_id is None:
            return
        filters = self.filters()
        key = self._state_key(self.client_id)
        if filters == JournalFilters():
            self.state.remove(key)
        else:
            self.state.setValue(key, filters.to_json())

    def current_query(self) -> LeadQuery:
        assert self.client_id is not None
        previous = self.model.query
        query = self.filters().query(self.client_id, today())
        if previous is not None:
            query = replace(query, sort=previous.sort, descending=previous.descending)
        return query

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _load_counts(self) -> None:
        leads, client_id = self._leads, self.client_id
        if leads is None or client_id is None:
            return
        self._counts_generation += 1
        generation = self._counts_generation
        Task(lambda _p, _t: leads.counts(client_id), name="lead-counts", context=self).on_success(
            lambda counts: self._on_counts(generation, counts)
        ).on_failure(self._on_model_load_failed).start(LOAD_QUEUE)

    def _on_counts(self, generation: int, counts: LeadCounts) -> None:
        if generation != self._counts_generation:
            return
        self.counts = counts
        if counts.leads == 0 and counts.filtered == 0:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.list_page)
        # %Ln: the plural form from the translation, the digits grouped by the locale.
        parts = [self.tr("%Ln lead(s)", "", counts.leads)]
        if counts.leads:
            share = round(100 * counts.tracked / counts.leads)
            parts.append(self.tr("{share}% tracked").format(share=share))
            parts.append(self.tr("%Ln repeat", "", counts.repeat))
            parts.append(self.tr("%Ln replied", "", counts.replied))
        text = " · ".join(parts)
        self.counts_label.setText(text)
        self.filtered_button.setText(
            self.tr("Filtered out ({n})").format(n=_thousands(counts.filtered))
            if counts.filtered
            else self.tr("Filtered out")
        )
        self.counts_loaded.emit(counts)

    def _fill_channels(self, channels: list[Channel], *, keep: bool) -> None:
        current = self.channel_combo.currentData() if keep else ALL_CHANNELS
        self.channel_combo.blockSignals(True)
        self.channel_combo.clear()
        self.channel_combo.addItem(self.tr("All channels"), ALL_CHANNELS)
        for channel in channels:
            self.channel_combo.addItem(_swatch(channel.color), channel.name, channel.id)
        self.channel_combo.addItem(self.tr("Untracked"), UNTRACKED)
        index = self.channel_combo.findData(current)
        self.channel_combo.setCurrentIndex(max(index, 0))
        self.channel_combo.blockSignals(False)
        if keep and index < 0:
            self._on_filters_changed()  # the filtered channel was deleted

    # -- reactions -----------------------------------------------------------------------------
    def _on_reattribute_button_clicked(self) -> None:
        if self.client_id is not None:
            self.reattribute_requested.emit(self.client_id)

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    def _on_filters_changed(self, *_args: object) -> None:
        self.search_timer.stop()
        self._update_columns()
        self._save_filters()
        self.filter_bar.reset_button.setEnabled(self.filters().narrowing)
        if self.client_id is not None and self._leads is not None:
            self.detail.show_lead(None)
            self.model.set_query(self.current_query())

    def _update_columns(self) -> None:
        filtered = self.filtered_button.isChecked()
        hidden = self.hidden_columns()
        self.view.setColumnHidden(LeadColumn.REASON, not filtered)
        for column in OPTIONAL_COLUMNS:
            # Mail that is not a lead has no reply time, status, deal or tags to show.
            self.view.setColumnHidden(column, filtered or column in hidden)

    def hidden_columns(self) -> set[LeadColumn]:
        """Columns the user turned off (Deal and Tags start off: the detail pane shows them)."""
        if self.state is None:
            return set(self._hidden)
        saved = self.state.value("leads/hidden_columns", None)
        if saved is None:
            return set(DEFAULT_HIDDEN)
        names = [n for n in str(saved).split(",") if n]
        return {LeadColumn[n] for n in names if n in LeadColumn.__members__}

    def set_column_shown(self, column: LeadColumn, shown: bool) -> None:
        """Show or hide an optional column, remembered in the window's state."""
        hidden = self.hidden_columns()
        if shown:
            hidden.discard(column)
        else:
            hidden.add(column)
        self._hidden = hidden
        if self.state is not None:
            # A trailing comma keeps "nothing hidden" apart from "never chosen".
            self.state.setValue(
                "leads/hidden_columns", ",".join(sorted(c.name for c in hidden)) + ","
            )
        self._update_columns()

    def _on_header_context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        hidden = self.hidden_columns()
        for column in OPTIONAL_COLUMNS:
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(column not in hidden)
            action.toggled.connect(
                lambda shown, column=column: self.set_column_shown(column, shown)
            )
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))

    def _on_model_loaded(self) -> None:
        empty = self.model.rowCount() == 0
        # The totals are the client's; what the filters leave is counted here.
        narrowed = self.filters().narrowing and not self.filtered_button.isChecked()
        self.shown_label.setText(
            self.tr("%Ln match the filters", "", self.model.rowCount()) if narrowed else ""
        )
        if empty:
            filtered = self.filtered_button.isChecked()
            searching = bool(self.search_edit.text().strip())
            if searching:
                text = self.tr("Nothing matches “{text}”.").format(
                    text=self.search_edit.text().strip()
                )
            elif self.filters().narrowing:
                text = self.tr("No leads match these filters.")
            elif filtered:
                text = self.tr("No mail was filtered out.")
            else:
                text = self.tr("No leads from this channel yet.")
            self.no_match.setText(text)
        self.no_match.setVisible(empty)
        self.view.setVisible(not empty)
        self._on_view_selection_changed()

    def _on_model_load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            show_error(self, exc)

    def _on_header_sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        query = self.model.query
        if query is None or LeadColumn(column) in SORT_OF_COLUMN:
            return
        # SQL cannot order by this column: put the arrow back where the rows are ordered.
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        self.view.horizontalHeader().setSortIndicator(COLUMN_OF_SORT[query.sort], order)

    def selected_ids(self) -> list[int]:
        """Ids of the selected leads, read from the selection's ranges (no per-row indexes)."""
        ids: list[int] = []
        for selected in self._ranges():
            ids.extend(self.model.lead_ids(selected.top(), selected.bottom() + 1))
        return list(dict.fromkeys(ids))

    def selected_count(self) -> int:
        return sum(r.height() for r in self._ranges())

    def _ranges(self) -> list[QItemSelectionRange]:
        selection = self.view.selectionModel().selection()
        return [selection.at(i) for i in range(selection.count())]

    def _on_view_selection_changed(self, *_args: QItemSelection) -> None:
        count = self.selected_count()
        self.bulk_bar.setVisible(count > 1 and not self.filtered_button.isChecked())
        if count > 1:
            self.selection_label.setText(self.tr("%Ln lead(s) selected", "", count))
        if count == 0 or self._leads is None:
            self.detail.show_lead(None)
            return
        current = self.view.currentIndex()
        row = current.row()
        if not current.isValid() or not self.view.selectionModel().isSelected(current):
            row = self._ranges()[0].top()
        self._show_detail(self.model.lead_id(row))

    def _show_detail(self, lead_id: int) -> None:
        if self._leads is None:
            return
        try:
            lead = self._leads.get(lead_id)
            visit = self.visits.visit_for_lead(lead_id) if self.visits is not None else None
        except AppError as exc:
            self.detail.show_lead(None)
            show_error(self, exc)
            return
        self.detail.show_lead(lead, visit)

    # -- editing ---------------------------------------------------------------------------------
    def _edited(self, changes: Changes, message_lead: int | None = None) -> None:
        """Rows changed in place: re-read the cached rows (and the details), keep the ids."""
        self.model.refresh_rows()
        if message_lead is not None:
            self._show_detail(message_lead)
        self.changes_made.emit(changes)

    def _on_detail_save_requested(
        self, lead_id: int, status: str, tags: tuple[str, ...], amount_text: str
    ) -> None:
        if self._leads is None:
            return
        from app.core.money import parse_amount

        leads = self._leads
        try:
            lead = leads.get(lead_id)
            amount = parse_amount(amount_text, field="amount") if amount_text else None
            changes = Changes()
            if amount != lead.deal_amount:
                # The core makes a lead with a deal a "deal" (and one without, "in progress").
                changes |= leads.set_deal(lead_id, amount)
            if status != str(lead.status):
                # Picked by hand in the combo: that wins over what the deal implied.
                changes |= leads.set_status([lead_id], LeadStatus(status))
            if tuple(tags) != tuple(lead.tags):
                changes |= leads.set_tags(lead_id, tags)
        except AppError as exc:
            show_error(self, exc)
            return
        self._edited(changes, lead_id)

    def _on_detail_mark_lead_requested(self, lead_id: int) -> None:
        if self._leads is None:
            return
        try:
            changes = self._leads.mark_as_lead(lead_id)
        except AppError as exc:
            show_error(self, exc)
            return
        # The email leaves the filtered-out list: re-run the query and the totals.
        self.detail.show_lead(None)
        self.reload()
        self.changes_made.emit(changes)

    def _on_tag_button_clicked(self) -> None:
        ids = self.selected_ids()
        if not ids or self._leads is None:
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Add Tags"),
            self.tr("Tags to add to %Ln selected lead(s), comma-separated:", "", len(ids)),
        )
        tags = parse_tags(text)
        if ok and tags:
            self.bulk_edit(lambda leads: leads.add_tags(ids, tags), len(ids))

    def _on_status_button_activated(self, index: int) -> None:
        value = self.status_button.itemData(index)
        self.status_button.setCurrentIndex(0)
        ids = self.selected_ids()
        if value and ids:
            status = LeadStatus(value)
            self.bulk_edit(lambda leads: leads.set_status(ids, status), len(ids))

    def bulk_edit(self, edit: Callable[[LeadService], Changes], count: int) -> Task | None:
        """Run ``edit(leads)`` on the database queue, with progress when it takes a while."""
        leads = self._leads
        if leads is None:
            return None
        task = Task(lambda _p, _t: edit(leads), name="lead-bulk-edit", context=self).on_success(
            self._edited
        )
        task.with_progress(self.tr("Updating %Ln lead(s)…", "", count), parent=self)
        self.bulk_task = task.start("db")
        return task

    def select_row(self, row: int) -> None:
        index: QModelIndex = self.model.index(row, LeadColumn.SENDER)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
