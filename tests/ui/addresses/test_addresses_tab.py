"""The Addresses tab as a user drives it: generate, import, retire, copy, notes, filters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QWidget

from app.core.clients.model import ChannelFields, ClientFields
from app.ui.addresses.address_dialog import CustomListDialog, GenerateAddressDialog, NotesDialog
from app.ui.addresses.address_table_model import AddressColumn
from app.ui.dialogs.client_dialog import ClientDialog
from app.ui.main_window import MainWindow
from tests.ui.addresses.conftest import Shop


def _shown(window: MainWindow) -> list[str]:
    tab = window.page.addresses
    return [tab.proxy.index(r, AddressColumn.ADDRESS).data() for r in range(tab.proxy.rowCount())]


def _button(box: QWidget, text: str) -> QPushButton:
    assert isinstance(box, QMessageBox)
    for button in box.buttons():
        if button.text() == text:
            assert isinstance(button, QPushButton)
            return button
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")


def _ok(dialog: QWidget) -> QPushButton:
    assert isinstance(dialog, GenerateAddressDialog | CustomListDialog | NotesDialog)
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def test_empty_states_explain_what_is_missing(window: MainWindow, on_modal) -> None:
    ws = window.ws
    client = ws.clients.create(ClientFields(name="Без адреса", domains=("client.ru",))).value
    window.reload_clients()
    window.client_list.select(client.id)
    tab = window.page.addresses
    assert tab.stack.currentWidget() is tab.no_main
    assert "main address" in tab.no_main.text_label.text()
    assert not tab.generate_button.isEnabled()
    assert tab.custom_button.isEnabled()  # the client's own addresses need no main address

    seen = on_modal(lambda dialog: dialog.reject())
    assert tab.no_main.button is not None
    tab.no_main.button.click()
    assert seen and isinstance(seen[0], ClientDialog)

    ws.clients.update(client.id, ClientFields(name="Без адреса", main_address="info@client.ru"))
    window.reload_clients()
    assert tab.stack.currentWidget() is tab.no_channels
    ws.channels.create(client.id, ChannelFields(name="ТВ"))
    window.reload_clients()
    assert tab.stack.currentWidget() is tab.no_addresses
    assert tab.generate_button.isEnabled()
    assert window.page.tabs.tabText(2) == "Addresses"


def test_generate_with_an_edited_tag_and_live_preview(
    shop_window: MainWindow, shop: Shop, on_modal
) -> None:
    window = shop_window
    tab = window.page.addresses
    previews: list[tuple[str, str, bool]] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, GenerateAddressDialog)
        dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(shop.billboard.id))
        previews.append(
            (dialog.tag_edit.text(), dialog.preview_label.text(), _ok(dialog).isEnabled())
        )
        dialog.tag_edit.setText("Билборд!")
        previews.append(
            (dialog.preview_problem.text(), dialog.preview_label.text(), _ok(dialog).isEnabled())
        )
        dialog.tag_edit.setText("lenina-5")
        previews.append(
            (dialog.tag_edit.text(), dialog.preview_label.text(), _ok(dialog).isEnabled())
        )
        dialog.notes_edit.setPlainText("Сторона А")
        _ok(dialog).click()

    on_modal(fill)
    tab.generate_button.click()
    assert previews[0] == ("bilbord", "info+bilbord@улыбка.рф", True)
    assert "only Latin letters" in previews[1][0] and not previews[1][2]
    assert previews[2] == ("lenina-5", "info+lenina-5@улыбка.рф", True)
    assert _shown(window) == ["info+lenina-5@улыбка.рф"]
    address = tab.current_address()
    assert address is not None and address.notes == "Сторона А"
    assert window.page.tabs.tabText(2) == "Addresses (1)"
    assert "created" in window.statusBar().currentMessage()


def test_generate_refuses_an_address_that_exists(
    shop_window: MainWindow, shop: Shop, on_modal
) -> None:
    window = shop_window
    window.ws.addresses.generate(shop.radio.id)
    window.reload_clients()
    problems: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, GenerateAddressDialog)
        dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(shop.billboard.id))
        dialog.tag_edit.setText("radio")
        problems.append(dialog.preview_problem.text())
        assert not _ok(dialog).isEnabled()
        # the alias form of the same tag is free
        dialog.style_combo.setCurrentIndex(1)
        dialog.tag_edit.setText("radio")
        assert dialog.preview_label.text() == "info.radio@улыбка.рф"
        dialog.reject()

    on_modal(fill)
    window.page.addresses.generate_button.click()
    assert problems == ["info+radio@улыбка.рф already exists for this client; choose another tag."]


def test_custom_list_is_all_or_nothing_with_line_numbers(
    shop_window: MainWindow, shop: Shop, on_modal, qtbot
) -> None:
    window = shop_window
    ws = window.ws
    outcome: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CustomListDialog)
        dialog.list_edit.setPlainText(
            "# from the client\n"
            "tv1@ulybka-dent.ru; Радио\n"
            "garbage\n"
            "tv2@other.ru\n"
            "tv1@ULYBKA-DENT.RU\n"
        )
        _ok(dialog).click()
        qtbot.waitUntil(dialog.problems_view.isVisible)
        outcome.append(dialog.error_label.text())
        outcome.append(dialog.problems_view.toPlainText())
        assert ws.addresses.list(shop.client.id) == []  # nothing saved
        dialog.list_edit.setPlainText("tv1@ulybka-dent.ru; Радио\nbillboard@улыбка.рф\n")
        dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(shop.billboard.id))
        _ok(dialog).click()
        qtbot.waitUntil(lambda: not dialog.isVisible())

    on_modal(fill)
    window.page.addresses.custom_button.click()
    assert outcome[0] == "Nothing was imported: 3 line(s) need fixing."
    lines = outcome[1].splitlines()
    assert [line.split(":")[0] for line in lines] == ["Line 3", "Line 4", "Line 5"]
    assert "not on the client's domains" in lines[1]
    assert "already on line 2" in lines[2]
    by_address = {a.display: a.channel_id for a in ws.addresses.list(shop.client.id)}
    assert by_address == {
        "tv1@ulybka-dent.ru": shop.radio.id,
        "billboard@улыбка.рф": shop.billboard.id,
    }
    assert sorted(_shown(window)) == ["billboard@улыбка.рф", "tv1@ulybka-dent.ru"]


def test_custom_list_loaded_from_a_windows_1251_csv(
    shop_window: MainWindow, shop: Shop, tmp_path: Path, qtbot
) -> None:
    window = shop_window
    path = tmp_path / "список.csv"
    path.write_bytes("адрес;канал\nfair@ulybka-dent.ru;Билборд\n".encode("cp1251"))
    dialog = CustomListDialog(window.ws.addresses, shop.client, [shop.billboard, shop.radio])
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    assert "fair@ulybka-dent.ru;Билборд" in dialog.list_edit.toPlainText()
    dialog.load_file(tmp_path / "missing.csv")
    assert "Cannot read" in dialog.error_label.text()


def test_retire_reactivate_filters_and_copy(shop_window: MainWindow, shop: Shop, on_modal) -> None:
    window = shop_window
    ws = window.ws
    billboard = ws.addresses.generate(shop.billboard.id).value[0]
    ws.addresses.generate(shop.radio.id)
    window.reload_clients()
    tab = window.page.addresses
    assert sorted(_shown(window)) == ["info+bilbord@улыбка.рф", "info+radio@улыбка.рф"]
    tab.channel_filter.setCurrentIndex(tab.channel_filter.findData(shop.radio.id))
    assert _shown(window) == ["info+radio@улыбка.рф"]
    assert tab.count_label.text() == "1 address(es) of 2"
    tab.channel_filter.setCurrentIndex(0)

    tab.select_address(billboard.id)
    tab.copy_button.click()
    assert QGuiApplication.clipboard().text() == "info+bilbord@улыбка.рф"

    texts: list[str] = []

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    on_modal(cancel)
    tab.retire_button.click()
    assert texts == ["Retire info+bilbord@улыбка.рф?"]
    assert ws.addresses.get(billboard.id).active

    on_modal(lambda box: _button(box, "Retire").click())
    tab.retire_button.click()
    assert not ws.addresses.get(billboard.id).active
    assert _shown(window) == ["info+radio@улыбка.рф"]
    assert "Show retired" in window.statusBar().currentMessage()
    tab.retired_check.setChecked(True)
    assert len(_shown(window)) == 2
    tab.select_address(billboard.id)
    row = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(billboard.id), 0)).row()
    assert tab.proxy.index(row, AddressColumn.STATUS).data() == "Retired"
    assert tab.proxy.index(row, AddressColumn.RETIRED).data()
    assert tab.retire_button.text() == "Reactivate…"
    on_modal(lambda box: _button(box, "Reactivate").click())
    tab.retire_button.click()
    assert ws.addresses.get(billboard.id).active
    assert tab.retire_button.text() == "Retire…"


def test_edit_notes(shop_window: MainWindow, shop: Shop, on_modal) -> None:
    window = shop_window
    address = window.ws.addresses.generate(shop.billboard.id).value[0]
    window.reload_clients()
    tab = window.page.addresses
    tab.select_address(address.id)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, NotesDialog)
        dialog.notes_edit.setPlainText("Щит у метро\nсторона Б")
        _ok(dialog).click()

    on_modal(fill)
    tab.notes_button.click()
    assert window.ws.addresses.get(address.id).notes == "Щит у метро\nсторона Б"
    row = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(address.id), 0)).row()
    assert tab.proxy.index(row, AddressColumn.NOTES).data() == "Щит у метро"
    assert tab.current_address() is not None and tab.current_address().id == address.id
