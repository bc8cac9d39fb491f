"""The left panel: search, the client list and the "show archived" switch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.models.client_list_model import ClientListModel, ClientRole

if TYPE_CHECKING:
    from app.core.clients.model import Client


class ClientListPanel(QWidget):
    """Lists clients; emits the selected client's id (or None)."""

    client_selected = Signal(object)
    """The id of the newly selected client, or None when nothing is selected."""
    filter_changed = Signal()
    """The search text or the archived switch changed: the owner reloads the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search clients"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self.filter_changed.emit())
        self.model = ClientListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self._delegate_set = False
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.archived_check = QCheckBox(self.tr("Show archived clients"))
        self.archived_check.toggled.connect(lambda _on: self.filter_changed.emit())
        self.new_button = QPushButton(self.tr("New client…"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.archived_check)
        layout.addWidget(self.new_button)

    @property
    def search_text(self) -> str:
        return self.search_edit.text()

    @property
    def show_archived(self) -> bool:
        return self.archived_check.isChecked()

    def set_clients(self, clients: list[Client]) -> None:
        if clients and not self._delegate_set:
            # Set with the first clients: its painting modules need not load before the window.
            from app.ui.models.client_delegate import ClientItemDelegate

            self.view.setItemDelegate(ClientItemDelegate(self.view))
            self._delegate_set = True
        self.model.set_records(clients)
        if self.current_id() is None and not clients:
            self.client_selected.emit(None)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(ClientRole.ID)) if index.isValid() else None

    def select(self, client_id: int | None) -> bool:
        row = self.model.row_of(client_id) if client_id is not None else -1
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)
        return True

    def select_first(self) -> None:
        if self.model.rowCount() and not self.select(self.model.record(0).id):
            return
        if not self.model.rowCount():
            self.client_selected.emit(None)

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.client_selected.emit(int(current.data(ClientRole.ID)) if current.isValid() else None)
