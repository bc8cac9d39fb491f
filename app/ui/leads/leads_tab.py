"""The Leads tab of a client: totals, filters, the lazy lead table and the selected lead's details.

The journal can hold a million rows, so nothing here reads it whole: the model reads ids in the
background and rows by page; the totals come from one aggregate query on the same worker queue.
The tab loads only while it is visible, and again when told new leads arrived.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.clients.model import Channel
from app.core.errors import AppError
from app.core.leads.model import UNTRACKED, Lead, LeadCounts, LeadQuery, LeadView
from app.ui.errors import show_error
from app.ui.leads.lead_table_model import (
    COLUMN_OF_SORT,
    LOAD_QUEUE,
    SORT_OF_COLUMN,
    LeadColumn,
    LeadTableModel,
    format_duration,
    local_datetime,
    reason_label,
    sender_text,
)
from app.ui.tasks import Task
from app.ui.widgets import EmptyState, muted

if TYPE_CHECKING:
    from app.core.leads.service import LeadService

_WIDE_MOMENT = datetime(2026, 12, 28, 23, 44, tzinfo=UTC)
"""A date and time with wide digits, for sizing the Received column in any locale."""

SEARCH_DELAY_MS = 300
"""Typing waits this long for the next key before the query re-runs."""

ALL_CHANNELS = None


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color or "#999999"))
    return QIcon(pixmap)


def _thousands(n: int) -> str:
    return QLocale().toString(n)


class LeadDetail(QWidget):
    """Everything stored about the selected email."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.subject_label = QLabel()
        font = self.subject_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.subject_label.setFont(font)
        self.subject_label.setWordWrap(True)
        self.from_label = QLabel()
        self.received_label = QLabel()
        self.channel_label = QLabel()
        self.tracking_label = QLabel()
        self.reply_label = QLabel()
        self.recipients_label = QLabel()
        self.attachments_label = QLabel()
        self.reason_label = QLabel()
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(4)
        for label in (
            self.from_label,
            self.received_label,
            self.channel_label,
            self.tracking_label,
            self.reply_label,
            self.recipients_label,
            self.attachments_label,
            self.reason_label,
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.tr("From:"), self.from_label)
        self.form.addRow(self.tr("Received:"), self.received_label)
        self.form.addRow(self.tr("Channel:"), self.channel_label)
        self.form.addRow(self.tr("Sent to:"), self.tracking_label)
        self.form.addRow(self.tr("Reply:"), self.reply_label)
        self.form.addRow(self.tr("Recipients:"), self.recipients_label)
        self.form.addRow(self.tr("Attachments:"), self.attachments_label)
        self.form.addRow(self.tr("Not a lead:"), self.reason_label)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setPlaceholderText(self.tr("The email has no text."))
        left = QVBoxLayout()
        left.addWidget(self.subject_label)
        left.addLayout(self.form)
        left.addStretch(1)
        self.info = QWidget()
        self.info.setLayout(left)
        self.placeholder = muted(QLabel(self.tr("Select a lead to see the email.")))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.info, 3)
        body.addWidget(self.text_view, 2)
        self.content = QWidget()
        self.content.setLayout(body)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.stack)
        self.lead: Lead | None = None

    def show_lead(self, lead: Lead | None) -> None:
        self.lead = lead
        if lead is None:
            self.stack.setCurrentWidget(self.placeholder)
            return
        self.stack.setCurrentWidget(self.content)
        self.subject_label.setText(lead.subject or self.tr("(no subject)"))
        self.from_label.setText(sender_text(lead.sender_name, lead.sender_address))
        self.received_label.setText(local_datetime(lead.received_at))
        if lead.channel_id is not None:
            channel = lead.channel_name
            if lead.is_repeat:
                channel += " · " + self.tr("repeat contact")
        else:
            channel = self.tr("Untracked: sent to no tracking address")
        self.channel_label.setText(channel)
        self.tracking_label.setText(lead.tracking_address or "—")
        if lead.first_reply_at is not None:
            self.reply_label.setText(
                self.tr("{when}, after {duration}").format(
                    when=local_datetime(lead.first_reply_at),
                    duration=format_duration(lead.response_seconds),
                )
            )
        else:
            self.reply_label.setText(self.tr("No reply found yet"))
        self.recipients_label.setText(
            "\n".join(f"{header}: {address}" for header, address in lead.recipients) or "—"
        )
        self.attachments_label.setText(", ".join(lead.attachment_names) or "—")
        reason = reason_label(lead.filtered_reason)
        if lead.filtered_detail:
            reason = f"{reason} ({lead.filtered_detail})" if reason else lead.filtered_detail
        self.reason_label.setText(reason)
        self.form.setRowVisible(self.reason_label, bool(reason))
        self.text_view.setPlainText(lead.text)


class LeadsTab(QWidget):
    """The client's leads: counts, channel filter, search, filtered-out toggle, table, details."""

    add_mailbox_requested = Signal()
    reattribute_requested = Signal(int)
    """Match the client's stored mail against its tracking addresses again."""
    counts_loaded = Signal(object)
    """The totals of the current client arrived (a :class:`LeadCounts`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._leads: LeadService | None = None
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
        self.search_edit.setPlaceholderText(self.tr("Search sender or subject"))
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
        bar = QHBoxLayout()
        bar.addWidget(self.channel_combo)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.filtered_button)
        bar.addWidget(self.reattribute_button)

        self.model = LeadTableModel(parent=self)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
            LeadColumn.REASON: 200,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setSortIndicator(LeadColumn.RECEIVED, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        self.view.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)

        self.detail = LeadDetail()
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
        self.splitter.setStretchFactor(1, 1)
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
        list_layout.addWidget(self.counts_label)
        list_layout.addLayout(bar)
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
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.filtered_button.blockSignals(True)
            self.filtered_button.setChecked(False)
            self.filtered_button.blockSignals(False)
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

    def current_query(self) -> LeadQuery:
        assert self.client_id is not None
        previous = self.model.query
        query = LeadQuery(
            self.client_id,
            view=LeadView.FILTERED if self.filtered_button.isChecked() else LeadView.LEADS,
            channel_id=self.channel_combo.currentData(),
            search=self.search_edit.text().strip(),
        )
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
        Task(lambda _p, _t: leads.counts(client_id), name="lead-counts").on_success(
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
        if self.client_id is not None and self._leads is not None:
            self.detail.show_lead(None)
            self.model.set_query(self.current_query())

    def _update_columns(self) -> None:
        filtered = self.filtered_button.isChecked()
        self.view.setColumnHidden(LeadColumn.REASON, not filtered)
        self.view.setColumnHidden(LeadColumn.REPEAT, filtered)
        self.view.setColumnHidden(LeadColumn.RESPONSE, filtered)

    def _on_model_loaded(self) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            filtered = self.filtered_button.isChecked()
            searching = bool(self.search_edit.text().strip())
            if searching:
                text = self.tr("Nothing matches “{text}”.").format(
                    text=self.search_edit.text().strip()
                )
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

    def _on_view_selection_changed(self, *_args: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or self._leads is None:
            self.detail.show_lead(None)
            return
        lead_id = self.model.lead_id(rows[0].row())
        try:
            self.detail.show_lead(self._leads.get(lead_id))
        except AppError as exc:
            self.detail.show_lead(None)
            show_error(self, exc)

    def select_row(self, row: int) -> None:
        index: QModelIndex = self.model.index(row, LeadColumn.SENDER)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
