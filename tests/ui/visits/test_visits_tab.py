"""The Visits tab as a user drives it: import through the detection dialog, see the history,
rejected rows and pool health, cancel an import, map a CSV, and copy the website snippet."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.core.clients.model import ClientFields
from app.core.visits import ImportOptions
from app.core.visits.importer import import_visits
from app.core.visits.service import VisitSettings
from app.core.workspace import Workspace
from app.ui.main_window import MainWindow
from app.ui.tasks import Task
from app.ui.visits.history_model import ImportHistoryTableModel, RejectedRowsTableModel
from app.ui.visits.import_dialog import ImportDialog, MappingDialog
from app.ui.visits.snippet_dialog import SnippetDialog
from tests.core.visits.test_visits_mapped_csv import CRM
from tests.core.visits.test_visits_metrica import HEADER, row

POOL = ("site0@client.ru", "site1@client.ru")


def metrica_export(path: Path, rows: int = 3, broken: bool = True) -> Path:
    lines = [HEADER]
    for i in range(rows):
        lines.append(
            row(visitID=str(i), parsedParamsKey1="['ei']", parsedParamsKey2=f"['{i % 2}']")
        )
    if broken:
        lines.append("42\tbroken row")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def open_visits(window: MainWindow, ws: Workspace, pool: tuple[str, ...] = POOL) -> int:
    client = ws.clients.create(ClientFields(name="Окна", main_address="info@client.ru")).value
    ws.visits.save_settings(client.id, VisitSettings(pool=pool, hold_minutes=60))
    window.reload_clients()
    window.client_list.select(client.id)
    window.page.tabs.setCurrentWidget(window.page.visits)
    return client.id


def test_the_models_pass_the_qt_model_tester(
    qtmodeltester, sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    client = ws.clients.create(ClientFields(name="Окна", main_address="info@client.ru")).value
    result = import_visits(
        ws,
        client.id,
        metrica_export(tmp_path / "v.tsv"),
        ImportOptions(site_timezone="Europe/Moscow"),
    )
    history = ImportHistoryTableModel()
    history.set_records(ws.visits.history(client.id))
    qtmodeltester.check(history, force_py=True)
    rejects = RejectedRowsTableModel()
    rejects.set_rows(ws.visits.rejects(result.import_id))
    assert rejects.rowCount() == 1
    qtmodeltester.check(rejects, force_py=True)


def test_empty_state_then_import_through_the_dialog(
    qtbot, window: MainWindow, sqlite_workspace: Workspace, on_modal, tmp_path: Path
) -> None:
    open_visits(window, sqlite_workspace)
    tab = window.page.visits
    assert tab.stack.currentIndex() == 0  # "No visits imported yet"
    seen: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        seen.append(dialog.format_label.text())
        assert dialog.zone.isEnabled()  # Metrica writes local times
        dialog.zone.setCurrentText("Europe/Moscow")
        dialog.import_button.click()

    on_modal(answer)
    tab.import_file(metrica_export(tmp_path / "visits.tsv"))
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 1)
    qtbot.waitUntil(tab.import_button.isEnabled)
    assert "Yandex Metrica" in seen[0] and "UTF-8" in seen[0]
    assert tab.stack.currentIndex() == 1
    record = tab.history_model.record(0)
    assert record is not None and (record.imported, record.rejected) == (3, 1)
    assert tab.rejects_model.rowCount() == 1
    assert tab.export_button.isEnabled()
    assert tab.health.values["visits"].text() == "3"
    assert sqlite_workspace.visits.settings(window.current_client_id()).site_timezone == (
        "Europe/Moscow"
    )
    # Three visits in one minute with a 60 min hold need far more than two addresses.
    assert tab.health.warning.isVisibleTo(tab)
    assert "2 addresses" in tab.health.warning.text()


def test_a_cancelled_import_keeps_nothing(
    qtbot, window: MainWindow, sqlite_workspace: Workspace, on_modal, tmp_path: Path
) -> None:
    client_id = open_visits(window, sqlite_workspace)
    sqlite_workspace.visits.save_settings(
        client_id, VisitSettings(site_timezone="Europe/Moscow", pool=POOL)
    )
    tab = window.page.visits
    # Hold the database queue so the import is cancelled before it starts, whatever the speed.
    gate = threading.Event()
    blocker = Task(lambda _progress, _token: gate.wait(30), name="gate").start()
    on_modal(lambda dialog: dialog.import_button.click())  # type: ignore[attr-defined]
    tab.import_file(metrica_export(tmp_path / "visits.tsv", rows=50))
    assert tab.task is not None
    tab.task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: blocker.done)
    qtbot.waitUntil(tab.import_button.isEnabled)
    assert sqlite_workspace.visits.count(client_id) == 0
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 1)
    record = tab.history_model.record(0)
    assert record is not None and record.status == "cancelled"


def test_a_csv_is_mapped_once_and_the_mapping_is_saved(
    qtbot, window: MainWindow, sqlite_workspace: Workspace, on_modal, tmp_path: Path
) -> None:
    client_id = open_visits(window, sqlite_workspace)
    tab = window.page.visits
    path = tmp_path / "crm.csv"
    path.write_text(CRM, "utf-8")

    def map_columns(dialog: QWidget) -> None:
        assert isinstance(dialog, MappingDialog)
        assert dialog.combos["started_at"].currentData() == "Дата"  # suggested from the header
        dialog.combos["token"].setCurrentIndex(dialog.combos["token"].findData("Токен"))
        dialog.name_edit.setText("CRM")
        dialog._on_buttons_accepted()

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        assert dialog.mapping_button.isVisibleTo(dialog)
        dialog.zone.setCurrentText("Europe/Moscow")
        on_modal(map_columns)
        dialog.mapping_button.click()
        assert dialog.mapping_combo.currentData() == "CRM"
        dialog.import_button.click()

    on_modal(answer)
    tab.import_file(path)
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 1)
    qtbot.waitUntil(tab.import_button.isEnabled)
    assert [m.name for m in sqlite_workspace.visits.mappings(client_id)] == ["CRM"]
    assert sqlite_workspace.visits.count(client_id) >= 2


def test_the_snippet_dialog_shows_code_steps_and_saves(
    qtbot, window: MainWindow, sqlite_workspace: Workspace, on_modal
) -> None:
    client_id = open_visits(window, sqlite_workspace, pool=())
    tab = window.page.visits
    checked: list[bool] = []

    def use(dialog: QWidget) -> None:
        assert isinstance(dialog, SnippetDialog)
        assert dialog.code.toPlainText().startswith("<script>")
        assert "info@client.ru" in dialog.steps.text()
        dialog.minified.setChecked(False)
        assert "\n" in dialog.code.toPlainText()  # the readable version
        dialog.metrica.setText("44147844")
        dialog.mode.setCurrentIndex(1)  # fixed pool
        assert not dialog.save_button.isEnabled()  # an empty pool cannot work
        dialog.pool.setPlainText("Site0@client.ru\nsite1@client.ru")
        assert dialog.save_button.isEnabled()
        dialog.copy_button.click()
        checked.append("44147844" in QApplication.clipboard().text())
        dialog.project.setText("my-project")
        assert "my-project" in dialog.sql.toPlainText()
        dialog.save_button.click()
        dialog.reject()

    on_modal(use)
    tab.snippet_button.click()
    assert checked == [True]
    saved = sqlite_workspace.visits.settings(client_id)
    assert saved.pool == POOL
    assert saved.snippet_options()["mode"] == "pool"
    assert saved.snippet_options()["metrica_counter_id"] == 44147844
    assert isinstance(tab.snippet_dialog, QDialog)


def test_dropping_a_file_opens_the_detection_dialog(
    window: MainWindow, sqlite_workspace: Workspace, on_modal, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    open_visits(window, sqlite_workspace)
    tab = window.page.visits
    path = metrica_export(tmp_path / "dropped.tsv")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPointF(10, 10).toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tab.dragEnterEvent(enter)
    assert enter.isAccepted()
    files: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        files.append(dialog.detection.path.name)
        dialog.reject()

    on_modal(look)
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tab.dropEvent(drop)
    assert files == ["dropped.tsv"]
    assert tab.history_model.rowCount() == 0  # cancelled before importing
