"""Take screenshots of every screen, offscreen, in English and Russian (a review aid).

Usage: .venv/bin/python scripts/screenshots.py [--out screenshots] [--lang en ru]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _address_screens(app, ws, win, out: Path, lang: str) -> None:
    """The Addresses tab (empty and full), its dialogs and the printed sheets as page images."""
    import subprocess

    from app.ui.addresses.address_dialog import CustomListDialog, GenerateAddressDialog
    from app.ui.addresses.alias_export_dialog import AliasExportDialog
    from app.ui.addresses.print_dialog import PrintSheetsDialog
    from app.ui.addresses.sheet_printing import Paper, PrintJob, SheetLayout, write_pdf
    from app.ui.addresses.token_settings_dialog import AddressSettingsDialog

    def shot(widget, name: str) -> None:
        widget.show()
        app.processEvents()
        widget.grab().save(str(out / f"{lang}-{name}.png"))

    clients = {c.name: c for c in ws.clients.list(include_archived=True)}
    long_name = next(n for n in clients if n.startswith("Сеть частных"))
    win.client_list.search_edit.setText("")
    win.client_list.select(clients[long_name].id)
    win.page.tabs.setCurrentWidget(win.page.addresses)
    shot(win, "20-addresses-no-channels")
    smile = clients["Стоматология «Улыбка»"]
    win.client_list.select(smile.id)
    win.page.tabs.setCurrentWidget(win.page.addresses)
    win.page.addresses.retired_check.setChecked(True)
    shot(win, "21-addresses")
    channels = ws.channels.list(smile.id)
    shot(GenerateAddressDialog(ws.addresses, smile, channels, channels[0].id, win), "22-generate")
    custom = CustomListDialog(ws.addresses, smile, channels, None, win)
    custom.list_edit.setPlainText("tv1@ulybka-dent.ru; Радио «Европа Плюс»\nмусор\ntv2@other.ru\n")
    custom._update_count()
    shot(custom, "23-custom-list")
    shot(AddressSettingsDialog(ws.addresses, smile, win), "24-address-style")
    stroy = clients["СтройДом"]
    shot(AliasExportDialog(ws.addresses, stroy, win), "25-alias-export")
    shot(
        PrintSheetsDialog(ws.addresses, smile, channels, agency="Точка", selected=[], parent=win),
        "26-print",
    )
    agency = "Рекламное агентство «Точка»" if lang == "ru" else "Tochka Advertising"
    for client, layout, paper in (
        (smile, SheetLayout.SHEET, Paper.A4),
        (clients["Юридическая фирма «Право и Дело»"], SheetLayout.SHEET, Paper.LETTER),
        (smile, SheetLayout.LIST, Paper.A4),
    ):
        ids = [c.id for c in ws.channels.list(client.id)]
        with_address = {a.channel_id for a in ws.addresses.list(client.id, include_retired=False)}
        sheets = ws.addresses.sheets(
            client.id, [i for i in ids if i in with_address], agency=agency
        )
        name = f"{lang}-27-sheets-{client.id}-{layout.value}-{paper.value}"
        pdf = out / f"{name}.pdf"
        write_pdf(pdf, PrintJob(tuple(sheets), layout, paper, client=client.name, agency=agency))
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "2", str(pdf), str(out / name)],
            check=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--lang", nargs="*", default=["en", "ru"])
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.core.clients.model import ClientFields
    from app.core.demo import generate_demo
    from app.core.paths import resolve_location
    from app.core.workspace import Workspace
    from app.ui.dialogs.about_dialog import AboutDialog
    from app.ui.dialogs.channel_dialog import ChannelDialog
    from app.ui.dialogs.client_dialog import ClientDialog
    from app.ui.dialogs.settings_dialog import SettingsDialog
    from app.ui.errors import ErrorDialog
    from app.ui.i18n import install_language
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    for lang in args.lang:
        install_language(app, lang)
        data = tempfile.mkdtemp(prefix="shots-")
        ws = Workspace.open(resolve_location(data))
        state = QSettings(str(Path(data) / "ui.ini"), QSettings.Format.IniFormat)

        # empty state
        win = MainWindow(ws, state)
        win.resize(1100, 700)
        win.show()
        app.processEvents()
        win.grab().save(str(out / f"{lang}-01-welcome.png"))
        win.close()

        generate_demo(ws)
        ws.clients.create(
            ClientFields(
                name="Сеть частных медицинских клиник «Здоровье и долголетие» — филиал "
                "Северо-Западного федерального округа",
                main_address="registratura@zdorovie-dolgoletie-szfo.рф",
            )
        )
        win = MainWindow(ws, state)
        win.resize(1100, 700)
        win.show()
        win.client_list.select_first()
        app.processEvents()
        win.grab().save(str(out / f"{lang}-02-overview.png"))
        win.page.tabs.setCurrentIndex(1)
        app.processEvents()
        win.grab().save(str(out / f"{lang}-03-channels.png"))
        win.client_list.archived_check.setChecked(True)
        for row in range(win.client_list.model.rowCount()):
            if win.client_list.model.record(row).archived:
                win.client_list.select(win.client_list.model.record(row).id)
        app.processEvents()
        win.grab().save(str(out / f"{lang}-04-archived.png"))
        win.client_list.search_edit.setText("pravo-delo.рф")
        app.processEvents()
        win.grab().save(str(out / f"{lang}-05-search.png"))
        win.client_list.search_edit.setText("")
        win.client_list.select_first()
        win.page.tabs.setCurrentIndex(1)
        app.processEvents()

        for name, dialog in (
            ("06-client-dialog", ClientDialog(ws.clients.list()[0], win)),
            ("07-channel-dialog", ChannelDialog(ws.channels.list(ws.clients.list()[0].id)[0], win)),
            ("08-settings", SettingsDialog(ws.settings, ws.location, win)),
            ("09-about", AboutDialog(ws, win)),
        ):
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(out / f"{lang}-{name}.png"))
            dialog.close()
        bad = ClientDialog(parent=win)
        bad.show()
        bad.saver = lambda ws=ws, bad=bad: ws.clients.create(bad.client_fields())
        bad.name_edit.setText(ws.clients.list()[0].name.upper())
        bad._on_buttons_accepted()
        app.processEvents()
        bad.grab().save(str(out / f"{lang}-10-client-dialog-error.png"))
        bad.close()
        err = ErrorDialog(
            "The database file /home/anna/.local/share/Mailsource/mailsource.sqlite3 is locked "
            "by another program. Close the program using it and try again.",
            "sqlite3.OperationalError: database is locked",
            win,
        )
        err.show()
        app.processEvents()
        err.grab().save(str(out / f"{lang}-11-error.png"))
        err.close()
        _address_screens(app, ws, win, out, lang)
        win.close()
        ws.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
