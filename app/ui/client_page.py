"""The selected client's page: a header and one tab per capability (Overview, Channels, ...)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QDateTime,
    QLocale,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.clients.model import Channel, ChannelKind, Client
from app.core.clients.validation import address_to_unicode, domain_to_unicode
from app.ui.addresses.addresses_tab import AddressesTab
from app.ui.costs.costs_tab import CostsTab
from app.ui.leads.filters import JournalFilters
from app.ui.leads.leads_tab import LeadsTab
from app.ui.mailboxes.mailboxes_tab import MailboxesTab
from app.ui.models.channel_table_model import ChannelColumn, ChannelTableModel, kind_label
from app.ui.reports.dashboard_tab import DashboardTab
from app.ui.visits.visits_tab import VisitsTab
from app.ui.widgets import EmptyState, heading, muted


def _date(value: datetime) -> str:
    local = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class OverviewTab(QWidget):
    """What the agency knows about the client, at a glance."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address_label = QLabel()
        self.domains_label = QLabel()
        self.currency_label = QLabel()
        self.channels_label = QLabel()
        self.kinds_label = QLabel()
        self.created_label = QLabel()
        self.updated_label = QLabel()
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        for label in (
            self.address_label,
            self.domains_label,
            self.channels_label,
            self.kinds_label,
            self.notes_label,
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Main address:"), self.address_label)
        form.addRow(self.tr("Email domains:"), self.domains_label)
        form.addRow(self.tr("Currency:"), self.currency_label)
        form.addRow(self.tr("Channels:"), self.channels_label)
        form.addRow(self.tr("By kind:"), self.kinds_label)
        form.addRow(self.tr("Created:"), self.created_label)
        form.addRow(self.tr("Last changed:"), self.updated_label)
        form.addRow(self.tr("Notes:"), self.notes_label)
        self.edit_button = QPushButton(self.tr("Edit client…"))
        self.edit_button.clicked.connect(self.edit_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_client(self, client: Client, channels: list[Channel]) -> None:
        none = self.tr("not set")
        self.address_label.setText(address_to_unicode(client.main_address) or none)
        self.domains_label.setText(", ".join(domain_to_unicode(d) for d in client.domains) or none)
        self.currency_label.setText(client.currency)
        active = sum(1 for c in channels if c.active)
        paused = len(channels) - active
        if not channels:
            self.channels_label.setText(self.tr("none yet"))
        else:
            text = self.tr("%n active", "", active)
            if paused:
                text += ", " + self.tr("%n paused", "", paused)
            self.channels_label.setText(text)
        kinds = [
            f"{kind_label(kind)}: {n}"
            for kind in ChannelKind
            if (n := sum(1 for c in channels if c.kind == kind))
        ]
        self.kinds_label.setText(" · ".join(kinds) or "—")
        self.created_label.setText(_date(client.created_at))
        self.updated_label.setText(_date(client.updated_at))
        self.notes_label.setText(client.notes or "—")


class ChannelsTab(QWidget):
    """The client's channels with add, edit, pause and delete."""

    add_requested = Signal()
    edit_requested = Signal(int)
    toggle_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChannelTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ChannelTableModel.SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(ChannelColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ChannelColumn.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ChannelColumn.NOTES, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ChannelColumn.NAME, 280)
        for col in (ChannelColumn.KIND, ChannelColumn.STATUS, ChannelColumn.CREATED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Add channel…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.toggle_button = QPushButton(self.tr("Pause"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._emit_for_current(self.edit_requested))
        self.toggle_button.clicked.connect(lambda: self._emit_for_current(self.toggle_requested))
        self.delete_button.clicked.connect(lambda: self._emit_for_current(self.delete_requested))
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.toggle_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)

        self.empty = EmptyState(
            self.tr("No channels yet"),
            self.tr(
                "Add the places where this client advertises: a billboard, a TV spot, a "
                "newspaper, a map listing, Avito or the website. Each channel gets its own "
                "tracking address."
            ),
            self.tr("Add the first channel…"),
        )
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.add_requested)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._update_buttons()

    def set_channels(self, channels: list[Channel]) -> None:
        self.model.set_records(channels)
        self.stack.setCurrentWidget(self.view if channels else self.empty)
        self._update_buttons()

    def current_channel(self) -> Channel | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def select_channel(self, channel_id: int) -> None:
        row = self.model.row_of(channel_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    def _emit_for_current(self, signal: SignalInstance) -> None:
        channel = self.current_channel()
        if channel is not None:
            signal.emit(channel.id)

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_requested.emit(self.model.record(self.proxy.mapToSource(index).row()).id)

    def _update_buttons(self, *_args: object) -> None:
        channel = self.current_channel()
        for button in (self.edit_button, self.toggle_button, self.delete_button):
            button.setEnabled(channel is not None)
        self.toggle_button.setText(
            self.tr("Resume") if channel is not None and not channel.active else self.tr("Pause")
        )


class ClientPage(QWidget):
    """Header with the client's name and status, and the capability tabs."""

    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client: Client | None = None
        self.title = heading("")
        self.title.setWordWrap(True)
        self.subtitle = muted(QLabel())
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.archived_banner = QFrame()
        self.archived_banner.setObjectName("archivedBanner")
        self.archived_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.archived_banner.setStyleSheet(
            "#archivedBanner { background: palette(alternate-base); border-radius: 4px; }"
        )
        banner_text = QLabel(
            self.tr("This client is archived: it is hidden from the list and its reports.")
        )
        banner_text.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore_requested)
        banner = QHBoxLayout(self.archived_banner)
        banner.addWidget(banner_text, 1)
        banner.addWidget(self.restore_button)
        self.overview = OverviewTab()
        self.channels = ChannelsTab()
        self.addresses = AddressesTab()
        self.mailboxes = MailboxesTab()
        self.leads = LeadsTab()
        self.visits = VisitsTab()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.channels, self.tr("Channels"))
        self.tabs.addTab(self.addresses, self.tr("Addresses"))
        self.tabs.addTab(self.mailboxes, self.tr("Mailboxes"))
        self.tabs.addTab(self.leads, self.tr("Leads"))
        self.tabs.addTab(self.visits, self.tr("Visits"))
        self.reports = DashboardTab()
        self.reports.journal_filter_requested.connect(self._on_reports_journal_filter_requested)
        self.costs = CostsTab()
        self.tabs.addTab(self.reports, self.tr("Reports"))
        self.tabs.addTab(self.costs, self.tr("Costs"))
        header = QVBoxLayout()
        header.setContentsMargins(16, 12, 16, 4)
        header.addWidget(self.title)
        header.addWidget(self.subtitle)
        header.addWidget(self.archived_banner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def show_client(self, client: Client, channels: list[Channel]) -> None:
        self.client = client
        self.title.setText(client.name)
        parts = []
        if client.main_address:
            parts.append(address_to_unicode(client.main_address))
        parts.append(self.tr("%n channel(s)", "", len(channels)))
        self.subtitle.setText(" · ".join(parts))
        self.archived_banner.setVisible(client.archived)
        self.overview.show_client(client, channels)
        self.channels.set_channels(channels)
        count = len(channels)
        self.tabs.setTabText(
            self.tabs.indexOf(self.channels),
            self.tr("Channels ({n})").format(n=count) if count else self.tr("Channels"),
        )
        self.addresses.show_client(client, channels)
        active = self.addresses.active_count
        self.tabs.setTabText(
            self.tabs.indexOf(self.addresses),
            self.tr("Addresses ({n})").format(n=active) if active else self.tr("Addresses"),
        )
        self.mailboxes.show_client(client.id)
        boxes = self.mailboxes.model.rowCount()
        self.tabs.setTabText(
            self.tabs.indexOf(self.mailboxes),
            self.tr("Mailboxes ({n})").format(n=boxes) if boxes else self.tr("Mailboxes"),
        )
        self.leads.show_client(client.id, channels)
        self.visits.show_client(client.id)
        self.reports.show_client(client.id)
        self.costs.show_client(client, channels)

    def _on_reports_journal_filter_requested(self, filters: JournalFilters) -> None:
        """A chart's bar was clicked: show the leads it counts."""
        self.tabs.setCurrentWidget(self.leads)
        self.leads.apply_filters(filters)
