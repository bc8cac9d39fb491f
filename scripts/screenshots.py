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


def _mail_screens(app, ws, win, out: Path, lang: str, *, million: bool = True) -> None:
    """The Mailboxes tab (empty, with an error row, syncing), the mailbox dialog per preset and
    the Leads tab (demo-like, filtered out, a million leads on a long Cyrillic name)."""
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import QEventLoop, QTimer

    from app.core.clients.model import ChannelFields
    from app.core.mailboxes.model import MailboxFields, Security, SyncStatus
    from app.core.mailboxes.presets import presets
    from app.core.storage.models import MailboxFolderRow
    from app.ui.mailboxes.mailbox_dialog import MailboxDialog
    from tests.ui.leads.fake_leads import seed_leads

    def shot(widget, name: str) -> None:
        widget.show()
        app.processEvents()
        widget.grab().save(str(out / f"{lang}-{name}.png"))

    def wait_for(signal) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()

    def open_leads(client_id: int) -> None:
        tab = win.page.leads
        win.client_list.select(client_id)
        if win.page.tabs.currentWidget() is not tab:
            win.page.tabs.setCurrentWidget(tab)
        if tab.model.loading or tab.counts is None:
            wait_for(tab.counts_loaded)

    clients = {c.name: c for c in ws.clients.list(include_archived=True)}
    smile = clients["Стоматология «Улыбка»"]
    long_name = next(n for n in clients if n.startswith("Сеть частных"))
    win.client_list.search_edit.setText("")
    win.client_list.select(clients[long_name].id)  # the demo gives the others a mailbox
    win.page.tabs.setCurrentWidget(win.page.mailboxes)
    shot(win, "30-mailboxes-empty")

    now = datetime.now(UTC)
    boxes = [
        (
            MailboxFields(host="imap.yandex.ru", username="info@ulybka-dent.ru", preset="yandex",
                          folders=("INBOX", "Спам"), sent_folder="Отправленные"),
            SyncStatus.OK, "38 new leads, 21 replies found.", "",
        ),
        (
            MailboxFields(host="imap.mail.ru", username="registratura@ulybka-dent.ru",
                          name="Регистратура", preset="mailru"),
            SyncStatus.FAILED,
            "imap.mail.ru wants an app password for registratura@ulybka-dent.ru, not the "
            "account password.", "",
        ),
        (
            MailboxFields(host="mail.ulybka-dent.ru", username="office", port=143,
                          security=Security.STARTTLS, preset="other",
                          folders=("INBOX", "Архив/2026")),
            SyncStatus.PARTIAL, "4 new leads; some folders failed: Архив/2026: the folder is gone",
            "Архив/2026",
        ),
    ]  # fmt: skip
    created = []
    for fields, status, message, gone in boxes:
        box = ws.mailboxes.create(smile.id, fields).value
        created.append(box.id)
        ws.mailboxes.record_sync(box.id, status, message, now - timedelta(minutes=7))
        if status is SyncStatus.FAILED:
            continue
        with ws.db.session() as s:  # what a sync leaves behind, for the folder table
            for name in (*fields.folders, fields.sent_folder):
                if not name:
                    continue
                s.add(
                    MailboxFolderRow(
                        mailbox_id=box.id, name=name,
                        role="sent" if name == fields.sent_folder else
                        ("junk" if name == "Спам" else "inbox" if name == "INBOX" else "other"),
                        uidvalidity=1, last_uid=1200, messages_seen=1184 if name == "INBOX" else 57,
                        last_sync_at=now - timedelta(minutes=7),
                        last_error="The folder is gone from the server." if name == gone else "",
                    )
                )  # fmt: skip
    win.client_list.select(smile.id)
    win.page.tabs.setCurrentWidget(win.page.mailboxes)
    win.page.mailboxes.show_client(smile.id)
    win.page.mailboxes.select_mailbox(created[2])
    shot(win, "31-mailboxes")
    win.page.mailboxes.model.set_progress(created[0], win.mailboxes.tr("Syncing {what}").format(
        what="INBOX: 500 of 20000"))  # fmt: skip
    win.page.mailboxes.select_mailbox(created[0])
    shot(win, "32-mailboxes-syncing")
    win.page.mailboxes.model.set_progress(created[0], None)

    for item in presets():
        dialog = MailboxDialog(parent=win)
        dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData(item.key))
        shot(dialog, f"33-mailbox-dialog-{item.key}")
        dialog.close()
    dialog = MailboxDialog(ws.mailboxes.get(created[2]), parent=win)
    dialog.security_combo.setCurrentIndex(dialog.security_combo.findData(Security.PLAIN))
    dialog.show_rule_error(
        "An unencrypted connection sends the password and the mail in the clear. Confirm that "
        "you accept this, or choose SSL/TLS or STARTTLS.",
        "security",
    )
    shot(dialog, "34-mailbox-dialog-plaintext")
    dialog.close()
    dialog = MailboxDialog(ws.mailboxes.get(created[0]), parent=win)
    dialog._set_folders(
        ["INBOX", "Спам", "Черновики", "Архив"], checked={"INBOX"},
        roles={"Спам": None}, counts={"INBOX": 1184, "Спам": 57},
    )  # fmt: skip
    dialog.test_label.setStyleSheet("color: #1e7d32;")
    dialog.test_label.setText("Connected. 1,184 messages in the inbox, 6 folders, sent mail in "
                              "“Отправленные”.")  # fmt: skip
    shot(dialog, "35-mailbox-dialog-tested")
    dialog.close()

    channels = [c.id for c in ws.channels.list(smile.id)]
    seed_leads(ws, smile.id, 2400, channels, filtered_every=9,
               tracking=["info+bill@ulybka-dent.ru", "info+radio@ulybka-dent.ru"],
               start=now)  # fmt: skip
    open_leads(smile.id)
    win.page.leads.select_row(0)
    shot(win, "36-leads")
    win.page.leads.filtered_button.setChecked(True)
    wait_for(win.page.leads.model.loaded)
    win.page.leads.select_row(1)
    shot(win, "37-leads-filtered")
    win.page.leads.filtered_button.setChecked(False)
    wait_for(win.page.leads.model.loaded)

    if million:
        big = clients[long_name].id
        big_channels = [
            ws.channels.create(big, ChannelFields(name=name)).value.id
            for name in (
                "Наружная реклама: билборд на Ленинском проспекте, сторона А",
                "Справочник «Медицинские учреждения Северо-Западного округа»",
                "Радио «Европа Плюс Санкт-Петербург»",
            )
        ]
        seed_leads(ws, big, 1_000_000, big_channels, start=now, step=timedelta(seconds=30))
        open_leads(big)
        win.page.leads.select_row(0)
        shot(win, "38-leads-million")
        win.page.leads.view.scrollToBottom()
        shot(win, "39-leads-million-end")


def _report_screens(app, ws, win, out: Path, lang: str, *, million: bool = True) -> None:
    """The Reports tab (demo data, each chart, an empty period, dark), the journal's filters and
    detail editing, the Costs tab and its dialogs, the agency overview and the export dialogs."""
    import time
    from datetime import date

    from PySide6.QtCore import QEventLoop, QItemSelection, QItemSelectionModel, QTimer
    from PySide6.QtGui import QColor, QPalette

    from app.core.leads.model import LeadQuery
    from app.core.reports.csvfile import RejectedLine
    from app.core.reports.model import ImportReport
    from app.ui.costs.cost_dialog import CostDialog
    from app.ui.costs.import_report_dialog import ImportReportDialog
    from app.ui.leads.lead_table_model import LeadColumn
    from app.ui.reports.export_dialog import ExportConversionsDialog, ExportReportDialog
    from app.ui.reports.period import Preset

    def shot(widget, name: str) -> None:
        widget.show()
        app.processEvents()
        widget.grab().save(str(out / f"{lang}-{name}.png"))

    def wait_until(condition, timeout_s: float = 180) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition() and time.monotonic() < deadline:
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()

    def dashboard_ready():
        board = win.page.reports
        return lambda: board.report is not None and not board.loading and not board.charts_pending

    clients = {c.name: c for c in ws.clients.list(include_archived=True)}
    smile = clients["Стоматология «Улыбка»"]
    long_name = next(n for n in clients if n.startswith("Сеть частных"))
    page = win.page
    win.resize(1280, 800)
    win.client_list.select(smile.id)
    page.tabs.setCurrentWidget(page.reports)
    page.reports.period.set_period(Preset.LAST_30)
    page.reports.reload()
    wait_until(dashboard_ready())
    shot(win, "40-dashboard")
    page.reports.scroller.verticalScrollBar().setValue(10_000)
    shot(win, "41-dashboard-scrolled")
    page.reports.scroller.verticalScrollBar().setValue(0)
    board = page.reports
    for name, chart in (
        ("42-chart-time", board.time_chart),
        ("43-chart-channels", board.channel_chart),
        ("44-chart-cpl", board.cpl_chart),
        ("45-chart-repeat", board.repeat_chart),
        ("46-chart-response", board.response_chart),
        ("47-chart-sources", board.source_chart),
        ("47-chart-campaigns", board.campaign_chart),
        ("47-chart-keywords", board.keyword_chart),
    ):
        if chart.isVisible():
            chart.grab().save(str(out / f"{lang}-{name}.png"))
    # A dark theme: the whole application's palette, as a dark desktop would give it.
    light = QPalette(app.palette())
    dark = QPalette(light)
    for role, color in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#2b2c30"),
        (QPalette.ColorRole.AlternateBase, "#303134"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#303134"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
        (QPalette.ColorRole.Highlight, "#8ab4f8"),
        (QPalette.ColorRole.HighlightedText, "#202124"),
        (QPalette.ColorRole.Mid, "#5f6368"),
    ):
        dark.setColor(role, QColor(color))
    app.setPalette(dark)
    shot(win, "48-dashboard-dark")
    app.setPalette(light)
    board.period.set_period(Preset.CUSTOM, date(2020, 1, 1), date(2020, 1, 31))
    board.reload()
    wait_until(dashboard_ready())
    shot(win, "49-dashboard-empty-period")
    board.period.set_period(Preset.LAST_30)
    board.reload()
    wait_until(dashboard_ready())

    # The journal: filters, a row being edited, a bulk selection.
    leads = page.leads
    page.tabs.setCurrentWidget(leads)
    leads.reset_filters()
    wait_until(lambda: not leads.model.loading)
    bar = leads.filter_bar
    bar.period.combo.setCurrentIndex(bar.period.combo.findData(Preset.LAST_30.value))
    bar.replied_combo.setCurrentIndex(2)
    bar.visit_button.setChecked(True)
    leads._on_filters_changed()
    wait_until(lambda: not leads.model.loading)
    leads.select_row(0)
    detail = leads.detail
    detail.status_combo.setCurrentIndex(detail.status_combo.findData("in_progress"))
    detail.tags_edit.setText("vip, повторный звонок")
    detail.deal_edit.setText("48 500")
    detail._on_edited()
    shot(win, "50-journal-filters-detail-edit")
    bar.visit_button.setChecked(False)
    leads.reset_filters()
    wait_until(lambda: not leads.model.loading)
    model = leads.model
    leads.view.selectionModel().select(
        QItemSelection(model.index(1, 0), model.index(6, LeadColumn.SUBJECT)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    shot(win, "51-journal-bulk-selection")
    visited = [
        lead_id
        for lead_id in ws.leads.ids(LeadQuery(smile.id))[:400]
        if ws.visits.visit_for_lead(lead_id) is not None
    ]
    if visited:
        leads.view.clearSelection()
        leads.show_filters(leads.filters())
        row = model.row_of(visited[0])
        if row >= 0:
            leads.select_row(row)
            shot(win, "52-journal-visit-detail")

    # Costs.
    page.tabs.setCurrentWidget(page.costs)
    shot(win, "53-costs")
    channels = ws.channels.list(smile.id)
    dialog = CostDialog(channels, smile.currency, parent=win)
    dialog.channel_combo.setCurrentIndex(min(2, len(channels) - 1))
    dialog.amount_edit.setText("45 000")
    dialog.note_edit.setText("Эфир 12–25 ноября, счёт № 4471")
    shot(dialog, "54-cost-dialog")
    dialog.kind_combo.setCurrentIndex(1)
    dialog.currency_combo.setCurrentText("USD")
    dialog.saver = lambda: ws.costs.add(smile.id, dialog.cost_fields())
    dialog._on_buttons_accepted()  # refused: the client's currency is RUB
    shot(dialog, "55-cost-dialog-range-error")
    dialog.close()
    report = ImportReport(
        rows=14, added=11, updated=1, unchanged=0,
        rejected=(
            RejectedLine(4, "No channel “Телевидение” in this client."),
            RejectedLine(9, "“12 000 руб” is not an amount."),
        ),
    )  # fmt: skip
    imported = ImportReportDialog("Costs Imported", "расходы-ноябрь.csv", report, win)
    shot(imported, "56-import-report")
    win.client_list.select(clients[long_name].id)
    page.tabs.setCurrentWidget(page.costs)
    shot(win, "57-costs-empty")

    # The agency overview.
    win.show_agency_overview()
    wait_until(lambda: win.agency_overview.rows is not None and not win.agency_overview.loading)
    shot(win, "58-agency-overview")

    # Exports.
    win.client_list.select(smile.id)
    agency = "Рекламное агентство «Точка»"
    export = ExportReportDialog(smile.id, smile.name, board.period.period(), agency, win)
    shot(export, "59-export-dialog-pdf")
    export.format_combo.setCurrentIndex(export.format_combo.findData("csv"))
    shot(export, "60-export-dialog-csv")
    export.close()
    conversions = ExportConversionsDialog(smile.name, board.period.period(), win)
    shot(conversions, "61-export-conversions")
    conversions.close()

    if million:
        big = clients[long_name].id
        win.client_list.select(big)
        page.tabs.setCurrentWidget(page.reports)
        page.reports.period.set_period(Preset.LAST_30)
        page.reports.reload()
        wait_until(dashboard_ready())
        shot(win, "62-dashboard-million")
        page.tabs.setCurrentWidget(page.leads)
        page.leads.filter_bar.period.combo.setCurrentIndex(
            page.leads.filter_bar.period.combo.findData(Preset.THIS_MONTH.value)
        )
        wait_until(lambda: not page.leads.model.loading)
        shot(win, "63-journal-million-filtered")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--lang", nargs="*", default=["en", "ru"])
    parser.add_argument(
        "--no-million", dest="million", action="store_false", help="skip the 1,000,000-lead screen"
    )
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
        _mail_screens(app, ws, win, out, lang, million=args.million)
        _report_screens(app, ws, win, out, lang, million=args.million)
        win.close()
        ws.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
