"""Address style settings, alias export, the print dialog, agency settings and the table model."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from app.core.addresses.model import TrackingAddress
from app.core.addresses.styles import AddressStyle, AliasForm, TokenMode
from app.core.paths import Location
from app.core.settings import Settings
from app.core.workspace import Workspace
from app.ui.addresses.address_table_model import AddressColumn, AddressTableModel
from app.ui.addresses.addresses_tab import AddressFilterProxy
from app.ui.addresses.alias_export_dialog import AliasExportDialog
from app.ui.addresses.print_dialog import PrintSheetsDialog
from app.ui.addresses.sheet_printing import Paper, SheetLayout
from app.ui.addresses.token_settings_dialog import AddressSettingsDialog
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.main_window import MainWindow
from tests.ui.addresses.conftest import Shop

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def test_style_settings_are_saved_and_change_new_addresses(
    qtbot, sqlite_workspace: Workspace, shop: Shop
) -> None:
    ws = sqlite_workspace
    dialog = AddressSettingsDialog(ws.addresses, shop.client)
    qtbot.addWidget(dialog)
    assert "Plus addresses reach the main mailbox" in dialog.style_note.text()
    dialog.style_combo.setCurrentIndex(dialog.style_combo.findData(AddressStyle.ALIAS.value))
    assert "alias of the main mailbox" in dialog.style_note.text()
    dialog.delimiter_combo.setCurrentIndex(dialog.delimiter_combo.findData("-"))
    dialog.alias_combo.setCurrentIndex(dialog.alias_combo.findData(AliasForm.TAG.value))
    dialog.token_combo.setCurrentIndex(dialog.token_combo.findData(TokenMode.SUBDOMAIN.value))
    assert dialog.token_domain_edit.isEnabled()
    dialog.token_domain_edit.setText("in.улыбка.рф")
    assert "xxxxxx@in.улыбка.рф" in dialog.token_example.text()
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = ws.addresses.settings(shop.client.id)
    assert (saved.style, saved.plus_delimiter, saved.alias_form) == (
        AddressStyle.ALIAS,
        "-",
        AliasForm.TAG,
    )
    assert saved.token_domain == "in.xn--80ab1ac3bxc.xn--p1ai"
    assert ws.addresses.suggest(shop.billboard.id)[0].display == "bilbord@улыбка.рф"


def test_a_foreign_token_domain_is_refused_inline(
    qtbot, sqlite_workspace: Workspace, shop: Shop
) -> None:
    dialog = AddressSettingsDialog(sqlite_workspace.addresses, shop.client)
    qtbot.addWidget(dialog)
    dialog.token_combo.setCurrentIndex(dialog.token_combo.findData(TokenMode.SUBDOMAIN.value))
    dialog.token_domain_edit.setText("in.other.ru")
    dialog.buttons.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "is not a subdomain of the client's domains" in dialog.error_label.text()
    assert dialog.token_domain_edit.hasFocus() or dialog.focusWidget() is dialog.token_domain_edit


def test_alias_export_csv_and_provider_instructions(
    qtbot, sqlite_workspace: Workspace, shop: Shop, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    ws.addresses.generate(shop.billboard.id, style=AddressStyle.ALIAS)
    ws.addresses.import_custom(shop.client.id, "tv@ulybka-dent.ru; Радио\n")
    ws.addresses.generate(shop.radio.id)  # a plus address: not an alias
    dialog = AliasExportDialog(ws.addresses, shop.client)
    qtbot.addWidget(dialog)
    assert "2 alias or custom address(es)" in dialog.summary.text()
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("microsoft365"))
    text = dialog.instructions_view.toPlainText()
    assert "Microsoft 365 admin center" in text
    assert "Set-OrganizationConfig -DisablePlusAddressInRecipients $false" in text
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("yandex360"))
    assert "admin.yandex.ru" in dialog.instructions_view.toPlainText()
    dialog.save_csv(tmp_path / "aliases.csv")
    data = (tmp_path / "aliases.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = data.decode("utf-8-sig").splitlines()
    assert rows[1:] == [
        "info.bilbord@xn--80ab1ac3bxc.xn--p1ai,info.bilbord@улыбка.рф,"
        "info@xn--80ab1ac3bxc.xn--p1ai,Билборд",
        "tv@ulybka-dent.ru,tv@ulybka-dent.ru,info@xn--80ab1ac3bxc.xn--p1ai,Радио",
    ]
    dialog.save_instructions(tmp_path / "setup.txt")
    assert "admin.yandex.ru" in (tmp_path / "setup.txt").read_text(encoding="utf-8-sig")
    assert "Saved" in dialog.status.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.instructions()


def test_print_dialog_refuses_an_empty_choice_and_saves_a_pdf(
    qtbot, sqlite_workspace: Workspace, shop: Shop, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    ws.addresses.generate(shop.billboard.id, count=2)
    dialog = PrintSheetsDialog(
        ws.addresses,
        shop.client,
        [shop.billboard, shop.radio],
        agency="Агентство «Точка»",
        selected=[shop.billboard.id],
    )
    qtbot.addWidget(dialog)
    radio_item = dialog.channel_list.item(1)
    assert "no active address" in radio_item.text()
    assert not radio_item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert dialog.checked_channels() == [shop.billboard.id]
    dialog.none_button.click()
    dialog.pdf_button.click()
    assert dialog.error_label.text() == "Choose at least one channel to print."
    dialog.all_button.click()
    assert dialog.checked_channels() == [shop.billboard.id]
    dialog.list_radio.setChecked(True)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(Paper.LETTER.value))
    job = dialog.job()
    assert (job.layout, job.paper, len(job.sheets)) == (SheetLayout.LIST, Paper.LETTER, 2)
    dialog.sheet_radio.setChecked(True)
    path = tmp_path / "Улыбка.pdf"
    with qtbot.waitSignal(dialog.pdf_saved, timeout=20_000) as saved:
        dialog.save_pdf(path)
    assert saved.args == [str(path)]
    assert dialog.status.text() == f"Saved 2 page(s) to {path}."
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M) and "(letter)" in info


def test_print_preview_paints_the_pages(
    qtbot, sqlite_workspace: Workspace, shop: Shop, on_modal
) -> None:
    ws = sqlite_workspace
    ws.addresses.generate(shop.billboard.id)
    dialog = PrintSheetsDialog(ws.addresses, shop.client, [shop.billboard, shop.radio])
    qtbot.addWidget(dialog)
    pages: list[int] = []

    def look(preview: QWidget) -> None:
        assert isinstance(preview, QPrintPreviewDialog)
        widget = preview.findChild(QPrintPreviewWidget)
        assert widget is not None
        pages.append(widget.pageCount())
        preview.reject()

    on_modal(look)
    dialog.preview_button.click()
    assert pages == [1]  # the sheet was painted into the preview


def test_main_window_print_action_preselects_the_channel(
    shop_window: MainWindow, shop: Shop, on_modal
) -> None:
    window = shop_window
    window.ws.addresses.generate(shop.billboard.id)
    window.ws.addresses.generate(shop.radio.id)
    window.reload_clients()
    window.act_channels.trigger()
    window.page.channels.select_channel(shop.radio.id)
    assert window.act_print_sheets.shortcut().toString() == "Ctrl+P"
    checked: list[list[int]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, PrintSheetsDialog)
        checked.append(dialog.checked_channels())
        dialog.reject()

    on_modal(look)
    window.act_print_sheets.trigger()
    assert checked == [[shop.radio.id]]


def test_agency_name_and_logo_in_settings(qtbot, location: Location, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings(extra={"other": 1}), location)
    qtbot.addWidget(dialog)
    dialog.agency_edit.setText("  Агентство   «Точка» ")
    dialog.logo_edit.setText(str(tmp_path / "missing.png"))
    dialog._on_buttons_accepted()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "does not exist" in dialog.logo_error.text()
    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(0)
    image.save(str(logo))
    dialog.logo_edit.setText(str(logo))
    dialog._on_buttons_accepted()
    assert dialog.result() == dialog.DialogCode.Accepted
    settings = dialog.result_settings
    assert settings.agency_name == "Агентство «Точка»"
    assert settings.extra == {"other": 1, "agency_logo": str(logo)}
    assert not dialog.requires_restart()
    cleared = SettingsDialog(replace(settings), location)
    qtbot.addWidget(cleared)
    assert cleared.logo_edit.text() == str(logo)
    cleared.logo_edit.clear()
    assert "agency_logo" not in cleared.edited_settings().extra


def _address(
    i: int, address: str, *, active: bool = True, channel: int | None = 1
) -> TrackingAddress:
    return TrackingAddress(
        i,
        1,
        channel,
        address,
        AddressStyle.PLUS,
        "tag",
        "Щит 3×6\nсторона А",
        active,
        NOW,
        None if active else NOW,
        NOW,
    )


def test_address_table_model_and_filter(qapp, qtmodeltester) -> None:
    model = AddressTableModel()
    model.set_channel_names({1: "Билборд", 2: "Радио"})
    model.set_records(
        [
            _address(1, "info+tv@xn--80ab1ac3bxc.xn--p1ai"),
            _address(2, "info+old@client.ru", active=False, channel=2),
            _address(3, "info+gone@client.ru", channel=None),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, AddressColumn.ADDRESS).data() == "info+tv@улыбка.рф"
    assert model.index(0, AddressColumn.ADDRESS).data(Qt.ItemDataRole.ToolTipRole) == (
        "Stored as info+tv@xn--80ab1ac3bxc.xn--p1ai"
    )
    assert model.index(0, AddressColumn.CHANNEL).data() == "Билборд"
    assert model.index(1, AddressColumn.STATUS).data() == "Retired"
    assert model.index(1, AddressColumn.ADDRESS).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert model.index(2, AddressColumn.CHANNEL).data() == "(deleted channel)"
    assert model.index(0, AddressColumn.NOTES).data() == "Щит 3×6"
    proxy = AddressFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2  # retired hidden
    proxy.set_filter(2, True)
    assert proxy.rowCount() == 1
    model.set_records([_address(2, "info+old@client.ru", channel=2)])
    qtmodeltester.check(proxy)
    assert proxy.index(0, AddressColumn.STATUS).data() == "Active"
