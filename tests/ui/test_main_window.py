"""The main window as a user drives it: clients and channels created, edited, archived, deleted."""

from __future__ import annotations

import idna
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.core.clients.model import ChannelFields, ClientFields
from app.core.workspace import Workspace
from app.ui.dialogs.channel_dialog import ChannelDialog
from app.ui.dialogs.client_dialog import ClientDialog
from app.ui.main_window import MainWindow


def _names(window: MainWindow) -> list[str]:
    model = window.client_list.model
    return [model.record(r).name for r in range(model.rowCount())]


def _click_ok(dialog: QWidget) -> None:
    assert isinstance(dialog, ClientDialog | ChannelDialog)
    dialog.buttons.accepted.emit()


def _button(box: QWidget, text: str) -> QPushButton:
    assert isinstance(box, QMessageBox)
    for button in box.buttons():
        if button.text() == text:
            assert isinstance(button, QPushButton)
            return button
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")


def test_empty_workspace_welcomes_the_user(window: MainWindow) -> None:
    assert window.right.currentWidget() is window.welcome
    assert not window.act_edit_client.isEnabled()
    assert not window.act_delete_client.isEnabled()
    assert window.windowTitle() == "Mailsource"
    assert "mailsource.sqlite3" in window.location_label.text()


def test_create_client_through_the_dialog(window: MainWindow, on_modal) -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ClientDialog)
        dialog.name_edit.setText("  Стоматология   «Улыбка» ")
        dialog.address_edit.setText("info@улыбка.рф")
        dialog.domains_edit.setText("ulybka-dent.ru, ulybka.рф")
        _click_ok(dialog)

    seen = on_modal(fill)
    window.act_new_client.trigger()
    assert seen, "the New client dialog did not open"
    assert _names(window) == ["Стоматология «Улыбка»"]
    assert window.right.currentWidget() is window.page
    assert window.page.title.text() == "Стоматология «Улыбка»"
    assert window.page.overview.address_label.text() == "info@улыбка.рф"
    assert "ulybka-dent.ru" in window.page.overview.domains_label.text()
    assert window.windowTitle().startswith("Стоматология «Улыбка» — ")
    client = window.ws.clients.list()[0]
    assert client.main_address == "info@" + idna.encode("улыбка.рф").decode()


def test_duplicate_name_keeps_the_dialog_open_with_the_reason(window: MainWindow, on_modal) -> None:
    window.ws.clients.create(ClientFields(name="СтройДом"))
    window.reload_clients()
    messages: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ClientDialog)
        dialog.name_edit.setText("стройдом")
        _click_ok(dialog)
        assert dialog.isVisible(), "the dialog closed although the name is taken"
        messages.append(dialog.error_label.text())
        assert dialog.name_edit.text() == "стройдом"  # what the user typed is kept
        dialog.reject()

    on_modal(fill)
    window.act_new_client.trigger()
    assert messages == ["A client named “СтройДом” already exists."]
    assert _names(window) == ["СтройДом"]


def test_empty_name_is_refused(window: MainWindow, on_modal) -> None:
    messages: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ClientDialog)
        dialog.name_edit.setText("   ")
        _click_ok(dialog)
        messages.append(dialog.error_label.text())
        dialog.reject()

    on_modal(fill)
    window.act_new_client.trigger()
    assert messages == ["The name cannot be empty."]
    assert window.ws.clients.list(include_archived=True) == []


def test_rename_keeps_the_selection_and_resorts(window: MainWindow, on_modal) -> None:
    ws = window.ws
    for name in ("Альфа", "Бета", "Гамма"):
        ws.clients.create(ClientFields(name=name))
    window.reload_clients()
    beta = next(c for c in ws.clients.list() if c.name == "Бета")
    assert window.client_list.select(beta.id)

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, ClientDialog)
        dialog.name_edit.setText("Ёлка")
        _click_ok(dialog)

    on_modal(rename)
    window.act_edit_client.trigger()
    assert _names(window) == ["Альфа", "Гамма", "Ёлка"]
    assert window.client_list.current_id() == beta.id
    assert window.page.title.text() == "Ёлка"


def test_archive_hides_and_restore_brings_back(window: MainWindow) -> None:
    ws = window.ws
    keep = ws.clients.create(ClientFields(name="Остаётся")).value
    gone = ws.clients.create(ClientFields(name="В архив")).value
    window.reload_clients()
    window.client_list.select(gone.id)
    window.act_archive.trigger()
    assert _names(window) == ["Остаётся"]
    assert window.client_list.current_id() == keep.id

    window.act_show_archived.trigger()
    assert _names(window) == ["В архив", "Остаётся"]
    window.client_list.select(gone.id)
    assert window.page.archived_banner.isVisible()
    assert window.act_restore.isEnabled() and not window.act_archive.isEnabled()
    window.page.restore_button.click()
    assert not window.page.archived_banner.isVisible()
    assert ws.clients.get(gone.id).archived is False


def test_delete_asks_and_cancel_keeps_everything(window: MainWindow, on_modal) -> None:
    ws = window.ws
    client = ws.clients.create(ClientFields(name="Клиент")).value
    ws.channels.create(client.id, ChannelFields(name="ТВ"))
    window.reload_clients()
    window.client_list.select(client.id)
    texts: list[str] = []

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text() + " " + box.informativeText())
        box.button(QMessageBox.StandardButton.Cancel).click()

    on_modal(cancel)
    window.act_delete_client.trigger()
    assert "Delete “Клиент” and all of its data?" in texts[0]
    assert "1 channel" in texts[0]
    assert ws.clients.get(client.id).channel_count == 1


def test_delete_can_archive_instead(window: MainWindow, on_modal) -> None:
    client = window.ws.clients.create(ClientFields(name="Клиент")).value
    window.reload_clients()
    window.client_list.select(client.id)
    on_modal(lambda box: _button(box, "Archive Instead").click())
    window.act_delete_client.trigger()
    assert window.ws.clients.get(client.id).archived


def test_delete_removes_the_client_and_selects_a_neighbour(window: MainWindow, on_modal) -> None:
    ws = window.ws
    first = ws.clients.create(ClientFields(name="Альфа")).value
    doomed = ws.clients.create(ClientFields(name="Бета")).value
    ws.channels.create(doomed.id, ChannelFields(name="Авито"))
    window.reload_clients()
    window.client_list.select(doomed.id)
    on_modal(lambda box: _button(box, "Delete").click())
    window.act_delete_client.trigger()
    assert _names(window) == ["Альфа"]
    assert window.client_list.current_id() == first.id
    assert [c.id for c in ws.clients.list(include_archived=True)] == [first.id]


def test_channels_added_paused_and_deleted(window: MainWindow, on_modal) -> None:
    client = window.ws.clients.create(ClientFields(name="Клиент")).value
    window.reload_clients()
    window.client_list.select(client.id)
    tab = window.page.channels
    assert tab.stack.currentWidget() is tab.empty

    def add(dialog: QWidget) -> None:
        assert isinstance(dialog, ChannelDialog)
        dialog.name_edit.setText("Билборд на Ленинском")
        dialog.notes_edit.setPlainText("Щит 3×6")
        _click_ok(dialog)

    on_modal(add)
    window.act_new_channel.trigger()
    assert tab.stack.currentWidget() is tab.view
    assert window.page.tabs.currentWidget() is tab
    channel = tab.current_channel()
    assert channel is not None and channel.name == "Билборд на Ленинском"
    assert window.page.tabs.tabText(1) == "Channels (1)"
    assert "1 channel" in window.client_list.model.subtitle(window.ws.clients.get(client.id))

    tab.toggle_button.click()
    assert window.ws.channels.get(channel.id).active is False
    assert tab.toggle_button.text() == "Resume"
    assert "1 paused" in window.page.overview.channels_label.text()

    on_modal(lambda box: _button(box, "Delete").click())
    tab.delete_button.click()
    assert window.ws.channels.list(client.id) == []
    assert tab.stack.currentWidget() is tab.empty


def test_duplicate_channel_name_is_refused_inline(window: MainWindow, on_modal) -> None:
    client = window.ws.clients.create(ClientFields(name="Клиент")).value
    window.ws.channels.create(client.id, ChannelFields(name="Авито"))
    window.reload_clients()
    window.client_list.select(client.id)
    messages: list[str] = []

    def add(dialog: QWidget) -> None:
        assert isinstance(dialog, ChannelDialog)
        dialog.name_edit.setText("АВИТО")
        _click_ok(dialog)
        messages.append(dialog.error_label.text())
        dialog.reject()

    on_modal(add)
    window.act_new_channel.trigger()
    assert messages == ["This client already has a channel named “Авито”."]


def test_search_matches_cyrillic_in_any_case_and_domains(window: MainWindow) -> None:
    ws = window.ws
    ws.clients.create(ClientFields(name="Юридическая фирма «Право»", main_address="a@pravo.рф"))
    ws.clients.create(ClientFields(name="Автосалон «Север»"))
    window.reload_clients()
    window.client_list.search_edit.setText("СЕВЕР")
    assert _names(window) == ["Автосалон «Север»"]
    window.client_list.search_edit.setText("pravo.рф")
    assert _names(window) == ["Юридическая фирма «Право»"]
    window.client_list.search_edit.setText("нет такого")
    assert _names(window) == []
    assert window.right.currentWidget() is window.nothing_selected


def test_geometry_and_last_client_are_restored(
    qtbot, sqlite_workspace: Workspace, state: QSettings
) -> None:
    ws = sqlite_workspace
    ws.clients.create(ClientFields(name="Первый"))
    second = ws.clients.create(ClientFields(name="Второй")).value
    first_window = MainWindow(ws, state)
    qtbot.addWidget(first_window)
    first_window.show()
    first_window.resize(760, 560)
    first_window.client_list.select(second.id)
    first_window.client_list.archived_check.setChecked(True)
    first_window.close()

    again = MainWindow(ws, state)
    qtbot.addWidget(again)
    again.show()
    assert again.client_list.current_id() == second.id
    assert (again.size().width(), again.size().height()) == (760, 560)
    assert again.client_list.show_archived


def test_keyboard_shortcuts(window: MainWindow) -> None:
    shortcuts = {a.text(): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["&New Client…"] == "Ctrl+N"
    assert shortcuts["&Edit Client…"] == "Ctrl+E"
    assert shortcuts["New &Channel…"] == "Ctrl+Shift+N"
    assert shortcuts["&Find Client"] == "Ctrl+F"
    assert shortcuts["S&ync Now"] == "F5"
    assert shortcuts["Sync &All"] == "Shift+F5"
    window.act_find.trigger()
    assert window.client_list.search_edit.hasFocus() or window.focusWidget() is (
        window.client_list.search_edit
    )


def test_client_list_tooltip_and_archived_font(window: MainWindow) -> None:
    ws = window.ws
    c = ws.clients.create(ClientFields(name="Клиент", domains=("client.рф",))).value
    ws.clients.set_archived(c.id, True)
    window.client_list.archived_check.setChecked(True)
    index = window.client_list.model.index(0, 0)
    assert "client.рф" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.FontRole).italic()
