"""The Addresses tab of a client page: every tracking address, and what can be done with them.

The tab calls the core through the workspace the main window lends it (``workspace``) and
reports what it changed with ``changes_made``; the main window applies the changes, which
refreshes this tab with the rest of the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.addresses.model import TrackingAddress
from app.core.clients.model import Channel, Client
from app.core.errors import AppError
from app.ui.addresses.address_table_model import AddressColumn, AddressTableModel
from app.ui.errors import show_error
from app.ui.widgets import EmptyState

if TYPE_CHECKING:
    from app.core.workspace import Workspace

ALL_CHANNELS = -1


class AddressFilterProxy(QSortFilterProxyModel):
    """Filters the addresses by channel and hides retired ones unless asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel_id = ALL_CHANNELS
        self.show_retired = False

    def set_filter(self, channel_id: int, show_retired: bool) -> None:
        self.beginFilterChange()
        self.channel_id = channel_id
        self.show_retired = show_retired
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AddressTableModel)
        address = model.record(source_row)
        if not self.show_retired and not address.active:
            return False
        return self.channel_id in (ALL_CHANNELS, address.channel_id)


class AddressesTab(QWidget):
    """The client's tracking addresses with generate, import, retire, copy, notes, print."""

    changes_made = Signal(object)
    """A :class:`~app.core.changes.Changes` to apply to the views."""
    edit_client_requested = Signal()
    add_channel_requested = Signal()
    message = Signal(str)
    """A short status message for the window's status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Callable[[], Workspace] | None = None
        self.client: Client | None = None
        self.channels: list[Channel] = []
        self.model = AddressTableModel(self)
        self.proxy = AddressFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(AddressTableModel.SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(AddressColumn.CHANNEL, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        # The address is never elided (a cut address is a wrong address); the channel and the
        # notes share what is left.
        header.setSectionResizeMode(AddressColumn.ADDRESS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AddressColumn.CHANNEL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AddressColumn.CHANNEL, 180)
        header.setSectionResizeMode(AddressColumn.NOTES, QHeaderView.ResizeMode.Stretch)
        for col in (
            AddressColumn.STYLE,
            AddressColumn.STATUS,
            AddressColumn.CREATED,
            AddressColumn.RETIRED,
        ):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.generate_button = QPushButton(self.tr("Generate…"))
        self.generate_button.setToolTip(self.tr("A new plus or alias address for a channel"))
        self.custom_button = QPushButton(self.tr("Add custom…"))
        self.custom_button.setToolTip(self.tr("Paste or load the client's own addresses"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.notes_button = QPushButton(self.tr("Notes…"))
        self.retire_button = QPushButton(self.tr("Retire…"))
        self.settings_button = QPushButton(self.tr("Address style…"))
        self.export_button = QPushButton(self.tr("Alias list…"))
        self.print_button = QPushButton(self.tr("Print sheets…"))
        self.generate_button.clicked.connect(self.generate)
        self.custom_button.clicked.connect(self.add_custom)
        self.copy_button.clicked.connect(self.copy_current)
        self.notes_button.clicked.connect(self.edit_notes)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.settings_button.clicked.connect(self.edit_settings)
        self.export_button.clicked.connect(self.export_aliases)
        # clicked(bool) must not reach print_sheets' channel_ids
        self.print_button.clicked.connect(lambda: self.print_sheets())  # noqa: PLW0108
        bar = QHBoxLayout()
        for button in (self.generate_button, self.custom_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        for button in (self.copy_button, self.notes_button, self.retire_button):
            bar.addWidget(button)
        bar.addStretch(1)
        for button in (self.settings_button, self.export_button, self.print_button):
            bar.addWidget(button)

        self.channel_filter = QComboBox()
        self.channel_filter.setMinimumContentsLength(18)
        self.channel_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.retired_check = QCheckBox(self.tr("Show retired"))
        self.count_label = QLabel()
        self.channel_filter.currentIndexChanged.connect(self._apply_filter)
        self.retired_check.toggled.connect(self._apply_filter)
        filters = QHBoxLayout()
        channel_label = QLabel(self.tr("C&hannel:"))
        channel_label.setBuddy(self.channel_filter)
        filters.addWidget(channel_label)
        filters.addWidget(self.channel_filter)
        filters.addWidget(self.retired_check)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.no_main = EmptyState(
            self.tr("No main address"),
            self.tr(
                "Plus and alias addresses are made from the client's main address (such as "
                "info@client.ru), and this client has none yet. Set it in the client's details; "
                "or, if the client already has addresses of its own, add them as a custom list."
            ),
            self.tr("Edit client…"),
        )
        assert self.no_main.button is not None
        self.no_main.button.clicked.connect(self.edit_client_requested)
        self.no_channels = EmptyState(
            self.tr("No channels yet"),
            self.tr(
                "Every tracking address belongs to a channel: the billboard, TV spot or listing "
                "it is published on. Add the client's channels first."
            ),
            self.tr("Add the first channel…"),
        )
        assert self.no_channels.button is not None
        self.no_channels.button.clicked.connect(self.add_channel_requested)
        self.no_addresses = EmptyState(
            self.tr("No tracking addresses yet"),
            self.tr(
                "Give each channel its own address, such as info+billboard@client.ru, and "
                "publish it in that channel's ads: every email to it is a lead from that channel."
            ),
            self.tr("Generate the first address…"),
        )
        assert self.no_addresses.button is not None
        self.no_addresses.button.clicked.connect(self.generate)
        for state in (self.no_main, self.no_channels, self.no_addresses):
            # A wrapped label centred in a box layout gets one line's height unless told.
            label = state.text_label
            label.setMinimumWidth(420)
            label.setMinimumHeight(label.heightForWidth(420))
        self.stack = QStackedWidget()
        for widget in (self.view, self.no_main, self.no_channels, self.no_addresses):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        self._update_buttons()

    # -- data ----------------------------------------------------------------------------------
    @property
    def ws(self) -> Workspace:
        if self.workspace is None:
            raise RuntimeError("the addresses tab has no workspace")
        return self.workspace()

    def show_client(self, client: Client, channels: list[Channel]) -> None:
        """Show ``client``'s addresses (reloaded from the core)."""
        if self.client is None or self.client.id != client.id:
            self.retired_check.setChecked(False)
            previous_filter = ALL_CHANNELS
        else:
            previous_filter = int(self.channel_filter.currentData() or ALL_CHANNELS)
        self.client = client
        self.channels = channels
        addresses: list[TrackingAddress] = []
        if self.workspace is not None:
            try:
                addresses = self.ws.addresses.list(client.id)
            except AppError as exc:
                show_error(self, exc)
        self.model.set_channel_names({c.id: c.name for c in channels})
        self.model.set_records(addresses)
        self.channel_filter.blockSignals(True)
        self.channel_filter.clear()
        self.channel_filter.addItem(self.tr("All channels"), ALL_CHANNELS)
        for channel in channels:
            self.channel_filter.addItem(channel.name, channel.id)
        self.channel_filter.setCurrentIndex(max(self.channel_filter.findData(previous_filter), 0))
        self.channel_filter.blockSignals(False)
        self._apply_filter()
        if addresses:
            self.stack.setCurrentWidget(self.view)
        elif not client.main_address:
            self.stack.setCurrentWidget(self.no_main)
        elif not channels:
            self.stack.setCurrentWidget(self.no_channels)
        else:
            self.stack.setCurrentWidget(self.no_addresses)
        self._update_buttons()

    @property
    def active_count(self) -> int:
        return sum(1 for a in self.model.records() if a.active)

    def current_address(self) -> TrackingAddress | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def select_address(self, address_id: int) -> None:
        row = self.model.row_of(address_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    def filter_channel(self) -> int | None:
        data = self.channel_filter.currentData()
        return None if data in (None, ALL_CHANNELS) else int(data)

    def _default_channel(self) -> int | None:
        current = self.current_address()
        if current is not None and current.channel_id is not None:
            return current.channel_id
        return self.filter_channel()

    def _apply_filter(self, *_args: object) -> None:
        channel = self.channel_filter.currentData()
        self.proxy.set_filter(
            ALL_CHANNELS if channel is None else int(channel), self.retired_check.isChecked()
        )
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        text = self.tr("%n address(es)", "", shown)
        if shown != total:
            text = self.tr("{shown} of {total}").format(shown=text, total=total)
        self.count_label.setText(text)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        has_client = self.client is not None and self.workspace is not None
        address = self.current_address()
        can_generate = (
            has_client and bool(self.channels) and bool(self.client and self.client.main_address)
        )
        self.generate_button.setEnabled(can_generate)
        self.custom_button.setEnabled(has_client and bool(self.client and self.client.domains))
        for button in (self.copy_button, self.notes_button, self.retire_button):
            button.setEnabled(address is not None)
        self.retire_button.setText(
            self.tr("Reactivate…")
            if address is not None and not address.active
            else self.tr("Retire…")
        )
        for button in (self.settings_button, self.export_button):
            button.setEnabled(has_client)
        self.print_button.setEnabled(has_client and self.active_count > 0)

    def _apply(self, changes: object) -> None:
        self.changes_made.emit(changes)

    # -- actions -------------------------------------------------------------------------------
    def generate(self) -> None:
        if self.client is None:
            return
        from app.ui.addresses.address_dialog import GenerateAddressDialog

        try:
            dialog = GenerateAddressDialog(
                self.ws.addresses, self.client, self.channels, self._default_channel(), self
            )
        except AppError as exc:
            show_error(self, exc)
            return
        if dialog.exec():
            result = dialog.result_value
            self._apply(result.changes)
            self.select_address(result.value.id)
            self.message.emit(
                self.tr("Address {address} created.").format(address=result.value.display)
            )

    def add_custom(self) -> None:
        if self.client is None:
            return
        from app.ui.addresses.address_dialog import CustomListDialog

        dialog = CustomListDialog(
            self.ws.addresses, self.client, self.channels, self.filter_channel(), self
        )
        if dialog.exec():
            result = dialog.result_value
            self._apply(result.changes)
            self.message.emit(self.tr("%n address(es) imported.", "", len(result.value)))

    def copy_current(self) -> None:
        address = self.current_address()
        if address is None:
            return
        QGuiApplication.clipboard().setText(address.display)
        self.message.emit(self.tr("{address} copied.").format(address=address.display))

    def edit_notes(self) -> None:
        address = self.current_address()
        if address is None:
            return
        from app.ui.addresses.address_dialog import NotesDialog

        dialog = NotesDialog(self.ws.addresses, address, self)
        if dialog.exec():
            self._apply(dialog.result_value.changes)
            self.select_address(address.id)

    def toggle_retired(self) -> None:
        address = self.current_address()
        if address is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        if address.active:
            box.setWindowTitle(self.tr("Retire address"))
            box.setText(self.tr("Retire {address}?").format(address=address.display))
            box.setInformativeText(
                self.tr(
                    "Use this when the ad is gone. Mail that still arrives at the address keeps "
                    "counting for its channel, and the address is never given to another "
                    "channel. You can reactivate it later."
                )
            )
            confirm = box.addButton(self.tr("Retire"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setWindowTitle(self.tr("Reactivate address"))
            box.setText(self.tr("Reactivate {address}?").format(address=address.display))
            box.setInformativeText(self.tr("It becomes active again and can be printed."))
            confirm = box.addButton(self.tr("Reactivate"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is not confirm:
            return
        try:
            service = self.ws.addresses
            result = (
                service.retire(address.id) if address.active else service.reactivate(address.id)
            )
        except AppError as exc:
            show_error(self, exc)
            return
        if not result.value.active and not self.retired_check.isChecked():
            self.message.emit(
                self.tr("{address} retired. Turn on “Show retired” to see it.").format(
                    address=address.display
                )
            )
        self._apply(result.changes)
        self.select_address(address.id)

    def edit_settings(self) -> None:
        if self.client is None:
            return
        from app.ui.addresses.token_settings_dialog import AddressSettingsDialog

        try:
            dialog = AddressSettingsDialog(self.ws.addresses, self.client, self)
        except AppError as exc:
            show_error(self, exc)
            return
        if dialog.exec():
            self._apply(dialog.result_value.changes)

    def export_aliases(self) -> None:
        if self.client is None:
            return
        from app.ui.addresses.alias_export_dialog import AliasExportDialog

        try:
            dialog = AliasExportDialog(self.ws.addresses, self.client, self)
        except AppError as exc:
            show_error(self, exc)
            return
        dialog.exec()

    def print_sheets(self, channel_ids: list[int] | None = None) -> None:
        """Choose channels (default: the given ones, else the filter's, else all) and print."""
        if self.client is None:
            return
        from app.ui.addresses.print_dialog import PrintSheetsDialog

        if channel_ids is None:
            current = self._default_channel()
            channel_ids = [current] if current is not None else []
        settings = self.ws.settings
        try:
            dialog = PrintSheetsDialog(
                self.ws.addresses,
                self.client,
                self.channels,
                agency=settings.agency_name,
                logo=str(settings.extra.get("agency_logo", "") or ""),
                selected=channel_ids,
                parent=self,
            )
        except AppError as exc:
            show_error(self, exc)
            return
        dialog.pdf_saved.connect(
            lambda path: self.message.emit(self.tr("Saved {file}.").format(file=path))
        )
        dialog.exec()

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_notes()
