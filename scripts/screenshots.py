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
        win.close()
        ws.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
