"""The main window: clients on the left, the selected client's page on the right."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.errors import AppError, NotFoundError
from app.ui.client_list import ClientListPanel

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from app.core.changes import Changes
    from app.core.clients.model import Client
    from app.core.workspace import Workspace
    from app.ui.client_page import ClientPage
    from app.ui.mailboxes.mailbox_actions import MailboxActions
    from app.ui.overview.overview_page import OverviewPage

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, error: AppError | str) -> None:
    """:func:`app.ui.errors.show_error`, imported on the first error rather than at start-up."""
    from app.ui.errors import show_error as show

    show(parent, error)


class _OpeningPanel(QWidget):
    """What the right side shows until the data is open: a title and where the data is.

    Centred by stretches rather than alignment flags: this is on the first frame, and the first
    use of any of Qt's namespace enums builds all of them (about 100 Python enum classes, some
    16 ms) before the window could show.
    """

    def __init__(self, title: str, detail: str) -> None:
        super().__init__()
        self.title_label = QLabel(title)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        self.detail_label = QLabel(detail)
        self.detail_label.setToolTip(detail)
        self.detail_label.setMinimumWidth(1)  # a long path is cut, never widens the window
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for label in (self.title_label, self.detail_label):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(label)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(3)


class MainWindow(QMainWindow):
    """Owns the workspace's views; every change goes through the core and refreshes the views."""

    changes_applied = Signal(object)
    """A :class:`~app.core.changes.Changes` was applied to the views."""
    restart_requested = Signal()

    def __init__(
        self,
        ws: Workspace | None,
        state: QSettings,
        *,
        demo: bool = False,
        opening: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``ws`` None shows the window first and the data once :meth:`attach` is called."""
        super().__init__(parent)
        self._ws: Workspace | None = None
        self.state = state
        self.demo = demo
        self.setObjectName("MainWindow")
        self.setMinimumSize(720, 480)

        self._page: ClientPage | None = None
        self._mailboxes: MailboxActions | None = None
        self._agency_overview: OverviewPage | None = None
        self.client_list = ClientListPanel()
        self.client_list.client_selected.connect(self._on_client_list_client_selected)
        self.client_list.filter_changed.connect(self.reload_clients)
        self.client_list.new_button.clicked.connect(self.new_client)
        self.opening = _OpeningPanel(self.tr("Opening the data…"), opening)
        self.right = QStackedWidget()
        self.right.addWidget(self.opening)
        self.splitter = QSplitter()  # horizontal
        self.splitter.addWidget(self.client_list)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 760])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self._build_menus()
        self.location_label = QLabel()
        self.statusBar().addPermanentWidget(self.location_label)
        self._update_title()
        self.restore_state()
        self.right.setCurrentWidget(self.opening)
        self._update_actions()
        if ws is not None:
            self.attach(ws)

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            raise RuntimeError("the window has no data attached yet")
        return self._ws

    @property
    def page(self) -> ClientPage:
        """The client page (built when the data is attached)."""
        if self._page is None:
            raise RuntimeError("the client page is built when the data is attached")
        return self._page

    @property
    def mailboxes(self) -> MailboxActions:
        """Mailbox add/sync actions (built when the data is attached)."""
        if self._mailboxes is None:
            raise RuntimeError("mailbox actions exist once the data is attached")
        return self._mailboxes

    @property
    def attached(self) -> bool:
        return self._ws is not None

    def attach(self, ws: Workspace) -> None:
        """Show the data of an open workspace (called once it is open and migrated)."""
        self._ws = ws
        self.bind_shortcuts()
        self._build_page()
        self.mailboxes.attach(ws)
        self.page.leads.visits = ws.visits
        self.page.reports.attach(ws.reports)
        self._show_location()
        self.reload_clients()
        last = self.state.value("main/last_client")
        if last is None or not self.client_list.select(int(str(last))):
            self.client_list.select_first()
        self._update_actions()

    # -- construction --------------------------------------------------------------------------
    def _build_page(self) -> None:
        """Build the client page and its tabs once the data is there.

        Deferred from ``__init__`` so the window shows before the tabs' modules are imported
        (they bring the address rules, the mail and leads models, and more with every feature).
        """
        if self._page is not None:
            return
        from app.ui.client_page import ClientPage
        from app.ui.mailboxes.mailbox_actions import MailboxActions
        from app.ui.widgets import EmptyState

        self.welcome = EmptyState(
            self.tr("Welcome to Mailsource"),
            self.tr(
                "Create a client project for each customer of the agency: its domains, its "
                "mailbox and the channels where it advertises. Mailsource then tells you which "
                "channel every inbound email came from."
            ),
            self.tr("Create the first client…"),
        )
        assert self.welcome.button is not None
        self.welcome.button.clicked.connect(self.new_client)
        self.nothing_selected = EmptyState(
            self.tr("No client selected"),
            self.tr("Choose a client on the left, or create a new one."),
        )
        self.right.addWidget(self.welcome)
        self.right.addWidget(self.nothing_selected)
        self._page = page = ClientPage()
        self.page.restore_requested.connect(lambda: self.set_archived(False))
        self.page.overview.edit_requested.connect(self.edit_client)
        self.page.channels.add_requested.connect(self.new_channel)
        self.page.channels.edit_requested.connect(self.edit_channel)
        self.page.channels.toggle_requested.connect(self.toggle_channel)
        self.page.channels.delete_requested.connect(self.delete_channel)
        self.page.addresses.workspace = lambda: self.ws
        self.page.addresses.changes_made.connect(self.apply_changes)
        self.page.addresses.edit_client_requested.connect(self.edit_client)
        self.page.addresses.add_channel_requested.connect(self.new_channel)
        self.page.addresses.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self._mailboxes = MailboxActions(
            self, lambda: self.ws, self.current_client_id, self.page.mailboxes, self.page.leads
        )
        self.mailboxes.changes_made.connect(self.apply_changes)
        self.mailboxes.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.changes_applied.connect(self.mailboxes.apply_changes)
        self.page.visits.workspace = lambda: self.ws
        self.page.visits.changes_made.connect(self.apply_changes)
        self.page.visits.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.changes_applied.connect(self.page.visits.apply_changes)
        self.page.leads.state = self.state  # each client's journal filters are remembered
        self.page.leads.changes_made.connect(self.apply_changes)
        self.page.costs.workspace = lambda: self.ws
        self.page.costs.changes_made.connect(self.apply_changes)
        self.page.reports.export_requested.connect(self.export_report)
        self.right.addWidget(page)

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def bind_shortcuts(self) -> None:
        """Give the actions their keys: once the window shows, or with the data at the latest.

        Not in ``__init__``: a key sequence brings in the enums of Qt's namespace (see
        :class:`_OpeningPanel`), and no key can be pressed before the window is there.
        """
        for action, shortcut in self._shortcuts:
            action.setShortcut(QKeySequence(shortcut))
        self._shortcuts.clear()

    def _build_actions(self) -> None:
        self._shortcuts: list[tuple[QAction, QKeySequence.StandardKey | str]] = []
        keys = QKeySequence.StandardKey
        self.act_new_client = self._action(self.tr("&New Client…"), self.new_client, "Ctrl+N")
        self.act_edit_client = self._action(self.tr("&Edit Client…"), self.edit_client, "Ctrl+E")
        self.act_archive = self._action(
            self.tr("&Archive Client"), lambda: self.set_archived(True), "Ctrl+Shift+A"
        )
        self.act_restore = self._action(
            self.tr("&Restore Client"), lambda: self.set_archived(False), "Ctrl+Shift+R"
        )
        self.act_delete_client = self._action(
            self.tr("&Delete Client…"), self.delete_client, "Ctrl+Shift+Del"
        )
        self.act_new_channel = self._action(
            self.tr("New &Channel…"), self.new_channel, "Ctrl+Shift+N"
        )
        self.act_settings = self._action(self.tr("&Settings…"), self.open_settings, "Ctrl+,")
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_quit = self._action(self.tr("&Quit"), self.close, keys.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_find = self._action(self.tr("&Find Client"), self.focus_search, keys.Find)
        self.act_agency_overview = self._action(
            self.tr("A&gency Overview"), self.show_agency_overview, "Ctrl+0"
        )
        self.act_export_report = self._action(self.tr("Export &Report…"), self.export_report)
        self.act_export_conversions = self._action(
            self.tr("Export &Offline Conversions…"), self.export_conversions
        )
        self.act_show_archived = QAction(self.tr("Show &Archived Clients"), self)
        self.act_show_archived.setCheckable(True)
        self.act_show_archived.toggled.connect(self.client_list.archived_check.setChecked)
        self.client_list.archived_check.toggled.connect(self.act_show_archived.setChecked)
        self.act_overview = self._action(
            self.tr("&Overview"), lambda: self.page.tabs.setCurrentIndex(0), "Ctrl+1"
        )
        self.act_channels = self._action(
            self.tr("C&hannels"), lambda: self.page.tabs.setCurrentIndex(1), "Ctrl+2"
        )
        self.act_addresses = self._action(
            self.tr("&Addresses"),
            lambda: self.page.tabs.setCurrentWidget(self.page.addresses),
            "Ctrl+3",
        )
        self.act_print_sheets = self._action(
            self.tr("&Print Address Sheets…"), self.print_sheets, keys.Print
        )
        self.act_export_aliases = self._action(
            self.tr("E&xport Alias List…"),
            lambda: self.page.addresses.export_aliases(),  # noqa: PLW0108 - built later
        )
        self.act_address_style = self._action(
            self.tr("Address &Style…"),
            lambda: self.page.addresses.edit_settings(),  # noqa: PLW0108 - built later
        )
        self.act_add_mailbox = self._action(
            self.tr("Add &Mailbox…"),
            lambda: self.mailboxes.add_mailbox(),  # noqa: PLW0108 - built later
        )
        self.act_sync_now = self._action(
            self.tr("S&ync Now"),
            lambda: self.mailboxes.sync_now(),  # noqa: PLW0108 - built later
            "F5",
        )
        self.act_sync_all = self._action(
            self.tr("Sync &All"),
            lambda: self.mailboxes.sync_all(),  # noqa: PLW0108 - built later
            "Shift+F5",
        )
        self.act_about = self._action(self.tr("&About Mailsource"), self.open_about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_new_client)
        file_menu.addSeparator()
        file_menu.addAction(self.act_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        client_menu = bar.addMenu(self.tr("&Client"))
        for action in (self.act_edit_client, self.act_new_channel):
            client_menu.addAction(action)
        client_menu.addSeparator()
        for action in (self.act_print_sheets, self.act_export_aliases, self.act_address_style):
            client_menu.addAction(action)
        client_menu.addSeparator()
        for action in (self.act_export_report, self.act_export_conversions):
            client_menu.addAction(action)
        client_menu.addSeparator()
        for action in (self.act_add_mailbox, self.act_sync_now, self.act_sync_all):
            client_menu.addAction(action)
        client_menu.addSeparator()
        for action in (self.act_archive, self.act_restore, self.act_delete_client):
            client_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        for action in (self.act_find, self.act_show_archived):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.act_agency_overview)
        view_menu.addAction(self.act_overview)
        view_menu.addAction(self.act_channels)
        view_menu.addAction(self.act_addresses)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)

    # -- state -----------------------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = self.state.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)
        splitter = self.state.value("main/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        archived = str(self.state.value("main/show_archived", "false")).lower() == "true"
        self.client_list.archived_check.setChecked(archived)

    def save_state(self) -> None:
        self.state.setValue("main/geometry", self.saveGeometry())
        self.state.setValue("main/splitter", self.splitter.saveState())
        self.state.setValue("main/show_archived", self.client_list.show_archived)
        current = self.client_list.current_id()
        if current is not None:
            self.state.setValue("main/last_client", current)
        self.state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self._mailboxes is not None:
            self._mailboxes.shutdown()
        super().closeEvent(event)

    # -- views -----------------------------------------------------------------------------------
    def current_client_id(self) -> int | None:
        return self.client_list.current_id()

    def reload_clients(self) -> None:
        if self._ws is None:
            return
        try:
            clients = self.ws.clients.list(
                include_archived=self.client_list.show_archived,
                search=self.client_list.search_text,
            )
            any_client = bool(clients) or bool(
                self.client_list.search_text or self.ws.clients.list(include_archived=True)
            )
        except AppError as exc:
            show_error(self, exc)
            return
        previous = self.client_list.current_id()
        self.client_list.set_clients(clients)
        if previous is not None and self.client_list.current_id() is None:
            self.client_list.select_first()
        self._any_client = any_client
        self._show_current()

    def _show_current(self) -> None:
        if self._ws is None:
            return
        client_id = self.client_list.current_id()
        if client_id is None:
            self.right.setCurrentWidget(
                self.nothing_selected if getattr(self, "_any_client", False) else self.welcome
            )
            self._update_title()
            self._update_actions()
            return
        try:
            client = self.ws.clients.get(client_id)
            channels = self.ws.channels.list(client_id)
        except NotFoundError:
            self.reload_clients()
            return
        except AppError as exc:
            show_error(self, exc)
            return
        self.page.show_client(client, channels)
        self.right.setCurrentWidget(self.page)
        self._update_title()
        self._update_actions()

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what ``changes`` affects."""
        if changes.empty:
            return
        current = self.client_list.current_id()
        if (
            changes.clients
            or changes.deleted_clients
            or changes.channels
            or changes.deleted_channels
        ):
            # Channel counts show in the list, so channel changes refresh it too.
            self.reload_clients()
        if current is not None and current not in changes.deleted_clients:
            self._show_current()
        self.changes_applied.emit(changes)

    def _shown_client(self) -> Client | None:
        """The client whose page is on screen, if any."""
        if self._page is None or self.right.currentWidget() is not self._page:
            return None
        return self._page.client

    def _update_title(self) -> None:
        client = self._shown_client()
        title = f"{client.name} — {APP_NAME}" if client else APP_NAME
        if self.demo:
            title += " " + self.tr("[demo data]")
        self.setWindowTitle(title)

    def _update_actions(self) -> None:
        client = self._shown_client()
        has = client is not None
        for action in (
            self.act_new_client,
            self.act_settings,
            self.act_about,
            self.act_sync_all,
            self.act_agency_overview,
        ):
            action.setEnabled(self.attached)
        self.client_list.setEnabled(self.attached)
        for action in (
            self.act_edit_client,
            self.act_delete_client,
            self.act_new_channel,
            self.act_overview,
            self.act_channels,
            self.act_addresses,
            self.act_export_report,
            self.act_export_conversions,
            self.act_print_sheets,
            self.act_export_aliases,
            self.act_address_style,
            self.act_add_mailbox,
            self.act_sync_now,
        ):
            action.setEnabled(has)
        self.act_archive.setEnabled(has and not client.archived)  # type: ignore[union-attr]
        self.act_restore.setEnabled(has and client.archived)  # type: ignore[union-attr]

    def _show_location(self) -> None:
        if self.ws.db.is_sqlite:
            text = self.tr("Data: {where}").format(where=self.ws.db.describe())
        else:
            text = self.tr("Team server: {where}").format(where=self.ws.db.describe())
        self.location_label.setText(text)

    def focus_search(self) -> None:
        self.client_list.search_edit.setFocus()
        self.client_list.search_edit.selectAll()

    def _on_client_list_client_selected(self, _client_id: object) -> None:
        self._show_current()

    # -- client operations -----------------------------------------------------------------------
    def new_client(self) -> None:
        from app.ui.dialogs.client_dialog import ClientDialog

        dialog = ClientDialog(parent=self)
        dialog.saver = lambda: self.ws.clients.create(dialog.client_fields())
        if dialog.exec():
            result = dialog.result_value
            if self.client_list.search_text:
                self.client_list.search_edit.clear()
            self.apply_changes(result.changes)
            self.client_list.select(result.value.id)
            self.statusBar().showMessage(
                self.tr("Client “{name}” created.").format(name=result.value.name), 5000
            )

    def edit_client(self) -> None:
        client_id = self.current_client_id()
        if client_id is None:
            return
        try:
            client = self.ws.clients.get(client_id)
        except AppError as exc:
            show_error(self, exc)
            return
        from app.ui.dialogs.client_dialog import ClientDialog

        dialog = ClientDialog(client, parent=self)
        dialog.saver = lambda: self.ws.clients.update(client_id, dialog.client_fields())
        if dialog.exec():
            self.apply_changes(dialog.result_value.changes)

    def set_archived(self, archived: bool) -> None:
        client_id = self.current_client_id()
        if client_id is None:
            return
        try:
            result = self.ws.clients.set_archived(client_id, archived)
        except AppError as exc:
            show_error(self, exc)
            return
        self.apply_changes(result.changes)
        if archived:
            message = self.tr("“{name}” archived. Turn on “Show archived clients” to see it.")
        else:
            message = self.tr("“{name}” restored.")
        self.statusBar().showMessage(message.format(name=result.value.name), 6000)

    def delete_client(self) -> None:
        client_id = self.current_client_id()
        if client_id is None:
            return
        try:
            client = self.ws.clients.get(client_id)
        except AppError as exc:
            show_error(self, exc)
            return
        answer = self._confirm_delete(
            self.tr("Delete client"),
            self.tr("Delete “{name}” and all of its data?").format(name=client.name),
            self.tr(
                "Its %n channel(s) and everything recorded for it are removed for good. "
                "Archiving hides the client but keeps its history.",
                "",
                client.channel_count,
            ),
            "" if client.archived else self.tr("Archive Instead"),
        )
        if answer == "other":
            self.set_archived(True)
            return
        if answer != "delete":
            return
        row = self.client_list.model.row_of(client_id)
        try:
            changes = self.ws.clients.delete(client_id)
        except AppError as exc:
            show_error(self, exc)
            return
        self.apply_changes(changes)
        count = self.client_list.model.rowCount()
        if count:
            self.client_list.select(self.client_list.model.record(min(row, count - 1)).id)
        self.statusBar().showMessage(
            self.tr("Client “{name}” deleted.").format(name=client.name), 6000
        )

    def _confirm_delete(self, title: str, text: str, info: str, other: str) -> str:
        """Ask before deleting for good: ``"delete"``, ``"other"`` (the gentler ``other``
        action, e.g. archive) or ``""`` (cancelled, the default button)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(info)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        gentler = box.addButton(other, QMessageBox.ButtonRole.AcceptRole) if other else None
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is delete:
            return "delete"
        if gentler is not None and clicked is gentler:
            return "other"
        return ""

    # -- channel operations ----------------------------------------------------------------------
    def new_channel(self) -> None:
        client_id = self.current_client_id()
        if client_id is None:
            return
        from app.core.clients.model import PALETTE

        color = PALETTE[self.page.channels.model.rowCount() % len(PALETTE)]
        from app.ui.dialogs.channel_dialog import ChannelDialog

        dialog = ChannelDialog(parent=self, color=color)
        dialog.saver = lambda: self.ws.channels.create(client_id, dialog.channel_fields())
        if dialog.exec():
            self.page.tabs.setCurrentWidget(self.page.channels)
            self.apply_changes(dialog.result_value.changes)
            self.page.channels.select_channel(dialog.result_value.value.id)

    def edit_channel(self, channel_id: int) -> None:
        try:
            channel = self.ws.channels.get(channel_id)
        except AppError as exc:
            show_error(self, exc)
            return
        from app.ui.dialogs.channel_dialog import ChannelDialog

        dialog = ChannelDialog(channel, parent=self)
        dialog.saver = lambda: self.ws.channels.update(channel_id, dialog.channel_fields())
        if dialog.exec():
            self.apply_changes(dialog.result_value.changes)
            self.page.channels.select_channel(channel_id)

    def toggle_channel(self, channel_id: int) -> None:
        try:
            channel = self.ws.channels.get(channel_id)
            result = self.ws.channels.set_active(channel_id, not channel.active)
        except AppError as exc:
            show_error(self, exc)
            return
        self.apply_changes(result.changes)
        self.page.channels.select_channel(channel_id)

    def delete_channel(self, channel_id: int) -> None:
        try:
            channel = self.ws.channels.get(channel_id)
        except AppError as exc:
            show_error(self, exc)
            return
        answer = self._confirm_delete(
            self.tr("Delete channel"),
            self.tr("Delete the channel “{name}”?").format(name=channel.name),
            self.tr("Pausing keeps the channel and its history but stops expecting leads from it."),
            self.tr("Pause Instead") if channel.active else "",
        )
        if answer == "other":
            self.toggle_channel(channel_id)
            return
        if answer != "delete":
            return
        try:
            changes = self.ws.channels.delete(channel_id)
        except AppError as exc:
            show_error(self, exc)
            return
        self.apply_changes(changes)

    # -- addresses -------------------------------------------------------------------------------
    def print_sheets(self) -> None:
        """Print dialog for the current client; preselects the channel selected on the page."""
        if self.current_client_id() is None:
            return
        selected: list[int] | None = None
        if self.page.tabs.currentWidget() is self.page.channels:
            channel = self.page.channels.current_channel()
            selected = [channel.id] if channel is not None else []
        self.page.addresses.print_sheets(selected)

    # -- reports -----------------------------------------------------------------------------------
    def show_agency_overview(self) -> None:
        """All clients on one page (View > Agency Overview, Ctrl+0)."""
        if self._ws is None:
            return
        if self._agency_overview is None:
            from app.ui.overview.overview_page import OverviewPage

            self._agency_overview = OverviewPage()
            self._agency_overview.attach(self.ws.overview)
            self._agency_overview.client_requested.connect(self.open_client)
            self.right.addWidget(self._agency_overview)
        self.right.setCurrentWidget(self._agency_overview)
        self._agency_overview.reload()
        self._update_title()
        self._update_actions()

    @property
    def agency_overview(self) -> OverviewPage | None:
        return self._agency_overview

    def open_client(self, client_id: int) -> None:
        """Show a client's page (from the overview), even if the list's search hides it."""
        if not self.client_list.select(client_id) and self.client_list.search_text:
            self.client_list.search_edit.clear()
            self.client_list.select(client_id)
        self._show_current()

    def export_report(self) -> None:
        client = self._shown_client()
        if client is None:
            return
        from app.ui.reports.export_dialog import ExportReportDialog, start_report_export

        dialog = ExportReportDialog(
            client.id,
            client.name,
            self.page.reports.period.period(),
            agency=str(self.state.value("reports/agency", "")),
            parent=self,
        )
        if not dialog.exec():
            return
        request = dialog.request()
        self.state.setValue("reports/agency", request.agency)

        def done(result: object) -> None:
            paths = getattr(result, "paths", ())
            where = str(paths[0].parent if len(paths) > 1 else paths[0]) if paths else ""
            self.statusBar().showMessage(self.tr("Report saved to {path}").format(path=where), 8000)

        start_report_export(self.ws, request, self, done)

    def export_conversions(self) -> None:
        client = self._shown_client()
        if client is None:
            return
        from app.ui.reports.export_dialog import ExportConversionsDialog, start_conversions_export

        dialog = ExportConversionsDialog(client.name, self.page.reports.period.period(), self)
        if not dialog.exec():
            return

        def done(result: object) -> None:
            count = int(getattr(result, "conversions", 0))
            if count:
                message = self.tr("%n conversion(s) written to {path}", "", count)
            else:
                message = self.tr(
                    "No lead in this period came from a visit with that id; {path} has the "
                    "header only."
                )
            self.statusBar().showMessage(message.format(path=getattr(result, "path", "")), 10000)

        start_conversions_export(self.ws, client.id, dialog.options(), self, done)

    # -- settings and about ----------------------------------------------------------------------
    def open_settings(self) -> None:
        from app.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ws.settings, self.ws.location, self)
        if not dialog.exec():
            return
        try:
            self.ws.save_settings(dialog.result_settings)
        except OSError as exc:
            show_error(
                self,
                self.tr("Could not save the settings to {path}: {reason}").format(
                    path=self.ws.location.settings_file, reason=exc.strerror or exc
                ),
            )
            return
        if dialog.requires_restart():
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                self.tr("Restart Mailsource"),
                self.tr("The new settings apply after a restart. Restart now?"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                QTimer.singleShot(0, self.restart_requested.emit)

    def open_about(self) -> None:
        from app.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self.ws, self).exec()
