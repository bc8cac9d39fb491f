"""The Mailboxes tab of a client: its IMAP accounts, how each one's last sync went, per folder."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError
from app.core.mailboxes.model import FolderRole, Mailbox, SyncStatus
from app.ui.errors import show_error
from app.ui.leads.lead_table_model import local_datetime
from app.ui.mailboxes.mailbox_table_model import MailboxColumn, MailboxTableModel
from app.ui.widgets import EmptyState, muted

if TYPE_CHECKING:
    from app.core.workspace import Workspace


def role_label(role: FolderRole) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        FolderRole.INBOX: QCoreApplication.translate("FolderRole", "Inbox"),
        FolderRole.JUNK: QCoreApplication.translate("FolderRole", "Spam"),
        FolderRole.OTHER: QCoreApplication.translate("FolderRole", "Other"),
        FolderRole.SENT: QCoreApplication.translate("FolderRole", "Sent (replies)"),
    }[role]


class MailboxesTab(QWidget):
    """The client's mailboxes with add, edit, test, sync, cancel and remove."""

    add_requested = Signal()
    edit_requested = Signal(int)
    test_requested = Signal(int)
    sync_requested = Signal(int)
    cancel_requested = Signal(int)
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Callable[[], Workspace] | None = None
        self.client_id: int | None = None
        self.running: Callable[[int], bool] = lambda _id: False
        """Whether a mailbox's sync is running (set by the sync controller's owner)."""

        self.model = MailboxTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MailboxColumn.RESULT, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (MailboxColumn.ACCOUNT, 220),
            (MailboxColumn.SERVER, 190),
            (MailboxColumn.FOLDERS, 110),
            (MailboxColumn.LAST_SYNC, 120),
        ):
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.dataChanged.connect(self._on_model_data_changed)

        self.add_button = QPushButton(self.tr("Add mailbox…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.cancel_button = QPushButton(self.tr("Cancel sync"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.add_button.clicked.connect(self.add_requested)
        for button, signal in (
            (self.edit_button, self.edit_requested),
            (self.test_button, self.test_requested),
            (self.sync_button, self.sync_requested),
            (self.cancel_button, self.cancel_requested),
            (self.remove_button, self.remove_requested),
        ):
            button.clicked.connect(lambda _=False, s=signal: self._emit_for_current(s))
        bar = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.test_button,
            self.sync_button,
            self.cancel_button,
            self.remove_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)

        # The selected mailbox in full: the result of its last sync is often a sentence (what
        # to do about a password or a certificate), too long for a table cell.
        self.detail_title = QLabel()
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        self.result_label = QLabel()
        self.result_label.setObjectName("mailboxResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.settings_label = muted(QLabel())
        self.settings_label.setWordWrap(True)
        self.folders_title = muted(QLabel())
        self.folders = QTableWidget(0, 5)
        self.folders.setHorizontalHeaderLabels(
            [
                self.tr("Folder"),
                self.tr("Read for"),
                self.tr("Messages read"),
                self.tr("Last sync"),
                self.tr("Problem"),
            ]
        )
        self.folders.verticalHeader().hide()
        self.folders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.folders.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.folders.setWordWrap(False)
        folder_header = self.folders.horizontalHeader()
        folder_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        folder_header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        folder_box = QWidget()
        folder_layout = QVBoxLayout(folder_box)
        folder_layout.setContentsMargins(0, 6, 0, 0)
        folder_layout.addWidget(self.detail_title)
        folder_layout.addWidget(self.result_label)
        folder_layout.addWidget(self.settings_label)
        folder_layout.addWidget(self.folders_title)
        folder_layout.addWidget(self.folders, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(folder_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.empty = EmptyState(
            self.tr("No mailbox yet"),
            self.tr(
                "Connect the client's mailbox: Mailsource reads it over IMAP, read-only, and "
                "files every inbound email as a lead with the channel it came from. Nothing on "
                "the server is ever changed."
            ),
            self.tr("Add the client's mailbox…"),
        )
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.add_requested)
        self.list_page = QWidget()
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(bar)
        list_layout.addWidget(splitter, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.stack)
        self._update_buttons()

    # -- data ----------------------------------------------------------------------------------
    def show_client(self, client_id: int) -> None:
        """List the client's mailboxes again (cheap: a client has a handful)."""
        self.client_id = client_id
        if self.workspace is None:
            return
        try:
            mailboxes = self.workspace().mailboxes.list(client_id)
        except AppError as exc:
            show_error(self, exc)
            return
        self.set_mailboxes(mailboxes)

    def set_mailboxes(self, mailboxes: list[Mailbox]) -> None:
        had_none = self.model.rowCount() == 0
        self.model.set_records(mailboxes)
        self.stack.setCurrentWidget(self.list_page if mailboxes else self.empty)
        if mailboxes and (had_none or not self.view.selectionModel().hasSelection()):
            self.view.selectRow(0)
        self._show_folders()
        self._update_buttons()

    def current_mailbox(self) -> Mailbox | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_mailbox(self, mailbox_id: int) -> None:
        row = self.model.row_of(mailbox_id)
        if row >= 0:
            self.view.selectRow(row)

    # -- reactions -----------------------------------------------------------------------------
    def _emit_for_current(self, signal: SignalInstance) -> None:
        box = self.current_mailbox()
        if box is not None:
            signal.emit(box.id)

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_requested.emit(self.model.record(index.row()).id)

    def _on_selection_changed(self, *_args: object) -> None:
        self._show_folders()
        self._update_buttons()

    def _on_model_data_changed(self, *_args: object) -> None:
        # A running sync's progress: keep the buttons and the detail panel in step.
        self._update_buttons()
        box = self.current_mailbox()
        if box is not None:
            running = self.model.progress_text(box.id)
            if running is not None:
                self.result_label.setStyleSheet("")
                self.result_label.setText(running)
            else:
                self._show_folders()

    def _show_folders(self) -> None:
        box = self.current_mailbox()
        self.folders.setRowCount(0)
        for label in (self.detail_title, self.result_label, self.settings_label):
            label.setVisible(box is not None)
        if box is None:
            self.folders_title.setText("")
            return
        self.detail_title.setText(f"{box.display_name} — {box.host}")
        failed = box.last_sync_status in (SyncStatus.FAILED, SyncStatus.PARTIAL)
        self.result_label.setStyleSheet("color: #c0392b;" if failed else "")
        result = self.model.result_text(box)
        if box.last_sync_at is not None and self.model.progress_text(box.id) is None:
            result = self.tr("Last sync {when}: {result}").format(
                when=local_datetime(box.last_sync_at), result=result
            )
        self.result_label.setText(result)
        if box.sync_since is not None:
            day = QDate(box.sync_since.year, box.sync_since.month, box.sync_since.day)
            since = self.tr("Reads mail since {date}").format(
                date=QLocale().toString(day, QLocale.FormatType.LongFormat)
            )
        else:
            since = self.tr("Reads mail of the last 90 days")
        auto = (
            self.tr("auto-sync every %n min", "", box.auto_sync_minutes)
            if box.auto_sync_minutes and box.active
            else self.tr("no auto-sync")
        )
        self.settings_label.setText(self.tr("{since}; {auto}.").format(since=since, auto=auto))
        self.folders_title.setText(self.tr("Folders:"))
        states = {s.name: s for s in box.folder_states}
        names = list(box.folders)
        if box.sent_folder and box.sent_folder not in names:
            names.append(box.sent_folder)
        names += [n for n in states if n not in names]
        self.folders.setRowCount(len(names))
        for row, name in enumerate(names):
            state = states.get(name)
            if state is not None:
                role = state.role
            elif name == box.sent_folder:
                role = FolderRole.SENT
            else:
                role = FolderRole.INBOX if name.upper() == "INBOX" else FolderRole.OTHER
            cells = [
                name,
                role_label(role),
                str(state.messages_seen) if state else "—",
                local_datetime(state.last_sync_at) if state and state.last_sync_at else "—",
                state.last_error if state else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4 and text:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(text)
                self.folders.setItem(row, column, item)

    def _update_buttons(self, *_args: object) -> None:
        box = self.current_mailbox()
        has = box is not None
        running = has and self.running(box.id)  # type: ignore[union-attr]
        for button in (self.edit_button, self.test_button, self.remove_button):
            button.setEnabled(has)
        self.sync_button.setEnabled(has and not running)
        self.cancel_button.setVisible(bool(running))
