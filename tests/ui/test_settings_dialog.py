"""Settings: language and data location saved; a real team server tested; no password on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.paths import Location
from app.core.settings import Settings, load_settings, save_settings
from app.ui.dialogs.settings_dialog import SettingsDialog
from tests.conftest import free_port


def test_language_change_is_saved_and_needs_a_restart(qtbot, location: Location) -> None:
    dialog = SettingsDialog(Settings(), location)
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
    dialog._on_buttons_accepted()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_settings.language == "ru"
    assert dialog.requires_restart()
    save_settings(location.settings_file, dialog.result_settings)
    assert load_settings(location.settings_file).language == "ru"


def test_unchanged_settings_need_no_restart(qtbot, location: Location) -> None:
    dialog = SettingsDialog(Settings(language="en"), location)
    qtbot.addWidget(dialog)
    dialog._on_buttons_accepted()
    assert not dialog.requires_restart()


def test_malformed_server_url_is_reported_in_place(qtbot, location: Location) -> None:
    dialog = SettingsDialog(Settings(), location)
    qtbot.addWidget(dialog)
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText("postgresql://user@host:notaport/db")
    dialog.test_button.click()
    assert "not valid" in dialog.test_result.text()


@pytest.mark.postgres
def test_test_connection_reaches_a_real_server(qtbot, location: Location, pg_url: str) -> None:
    dialog = SettingsDialog(Settings(), location)
    qtbot.addWidget(dialog)
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText(pg_url)
    dialog.test_button.click()
    assert dialog.test_task is not None
    with qtbot.waitSignal(dialog.test_task.finished, timeout=20_000):
        pass
    assert dialog.test_result.text().startswith("Connected: PostgreSQL ")
    assert "empty database" in dialog.test_result.text()


def test_test_connection_reports_an_unreachable_server(qtbot, location: Location) -> None:
    port = free_port()
    dialog = SettingsDialog(Settings(), location)
    qtbot.addWidget(dialog)
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText(f"postgresql://mailsource@127.0.0.1:{port}/mailsource")
    dialog.test_button.click()
    assert dialog.test_task is not None
    with qtbot.waitSignal(dialog.test_task.finished, timeout=20_000):
        pass
    assert "Cannot reach the PostgreSQL server" in dialog.test_result.text()


@pytest.mark.keyring
def test_server_password_goes_to_the_keyring_not_the_settings_file(
    qtbot, location: Location, keyring_backend: str
) -> None:
    from app.core.credentials import delete_password, get_password

    dialog = SettingsDialog(Settings(), location)
    qtbot.addWidget(dialog)
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText("postgresql://team:S3cret-pw@db.agency.local:5432/mailsource")
    dialog._on_buttons_accepted()
    key = "database:team@db.agency.local:5432/mailsource"
    try:
        save_settings(location.settings_file, dialog.result_settings)
        stored = json.loads(Path(location.settings_file).read_text(encoding="utf-8"))
        assert stored["database_url"] == "postgresql://team@db.agency.local:5432/mailsource"
        assert "S3cret-pw" not in Path(location.settings_file).read_text(encoding="utf-8")
        assert get_password(key) == "S3cret-pw"
    finally:
        delete_password(key)
