"""Screenshots of the Visits tab and its dialogs, offscreen, in English and Russian (review aid).

Usage: .venv/bin/python scripts/screenshots_visits.py [--out screenshots] [--lang en ru]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "screenshots"))
    parser.add_argument("--lang", nargs="*", default=["en", "ru"])
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from visits_data import write_metrica

    from app.core.clients.model import ClientFields
    from app.core.paths import resolve_location
    from app.core.visits import ImportOptions, detect, suggest_mapping
    from app.core.visits.importer import import_visits
    from app.core.visits.service import VisitSettings, snippet_settings
    from app.core.workspace import Workspace
    from app.ui.i18n import install_language
    from app.ui.main_window import MainWindow
    from app.ui.visits.import_dialog import ImportDialog, MappingDialog
    from app.ui.visits.snippet_dialog import SnippetDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="ms-shots-"))
    ws = Workspace.open(resolve_location(str(work / "data")))
    empty = ws.clients.create(ClientFields(name="Luna Coffee", main_address="hello@luna.com"))
    full = ws.clients.create(
        ClientFields(name="Стоматология «Улыбка»", main_address="info@ulybka-dent.ru")
    ).value
    pool = tuple(f"site{i}@ulybka-dent.ru" for i in range(40))
    ws.visits.save_settings(
        full.id, VisitSettings(site_timezone="Europe/Moscow", pool=pool, hold_minutes=24 * 60)
    )
    tsv = work / "metrica-visits-march.tsv"
    write_metrica(tsv, 3000, pool_size=40)
    with tsv.open("a", encoding="utf-8") as f:
        f.write("5512\tбитая строка\n")
        f.write("5513\t2026-13-45 99:00:00\n")
    import_visits(ws, full.id, tsv, ImportOptions())
    csv_file = work / "crm-export.csv"
    csv_file.write_text(
        "Дата;Токен;utm_source;utm_campaign;Город\n01.03.2026 12:30;k7x2m9;yandex;окна;Москва\n",
        "utf-8",
    )

    for lang in args.lang:
        install_language(app, lang)
        state = QSettings(str(work / f"state-{lang}.ini"), QSettings.Format.IniFormat)
        win = MainWindow(ws, state)
        win.resize(1200, 760)
        win.show()

        def shot(widget, name: str, lang: str = lang) -> None:
            widget.show()
            app.processEvents()
            widget.grab().save(str(out / f"{lang}-60-{name}.png"))

        win.client_list.select(empty.value.id)
        win.page.tabs.setCurrentWidget(win.page.visits)
        shot(win, "visits-empty")
        win.client_list.select(full.id)
        win.page.tabs.setCurrentWidget(win.page.visits)
        win.page.visits.history.selectRow(0)
        shot(win, "visits-full")
        dialog = ImportDialog(detect(tsv), timezone="Europe/Moscow", mappings=[], parent=win)
        shot(dialog, "import-dialog")
        dialog.close()
        csv_dialog = ImportDialog(detect(csv_file), timezone="", mappings=[], parent=win)
        shot(csv_dialog, "import-dialog-csv")
        csv_dialog.close()
        mapping = MappingDialog(detect(csv_file).header, suggest_mapping(["Дата"]), win)
        shot(mapping, "mapping-dialog")
        mapping.close()
        settings = snippet_settings(ws, full.id)
        snippet = SnippetDialog(settings, ws.visits.settings(full.id), lambda _s: None, win)
        snippet.mode.setCurrentIndex(0)
        snippet.metrica.setText("44147844")
        snippet.minified.setChecked(False)
        shot(snippet, "snippet-dialog")
        snippet.pages.setCurrentIndex(1)
        shot(snippet, "snippet-ga4-query")
        snippet.close()
        win.close()
    ws.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
