"""The window shows before the heavy parts load (the start-up benchmark depends on it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
import app.__main__, app.options, app.ui.application
from app.ui.main_window import MainWindow
qapp = QApplication([])
window = MainWindow(None, QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()
heavy = ("sqlalchemy", "alembic", "matplotlib", "email_validator", "keyring",
         "imapclient", "openpyxl", "app.ui.client_page",
         # the commands, and what the window needs only once there are clients or an error
         "app.cli", "logging.handlers", "idna", "app.core.clients.model",
         "app.ui.models.client_delegate", "app.ui.errors", "hashlib")
loaded = sorted(m for m in heavy if m in sys.modules)
# The first use of any enum of Qt's namespace builds all of them (~100 enum classes, ~16 ms).
from PySide6 import QtCore
if "Qt" in QtCore.__dict__:
    loaded.append("the Qt namespace's enums")
print(" ".join(loaded))
"""


def test_window_shows_without_loading_the_database_or_charts(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILSOURCE_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "state.ini")],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"loaded before the window showed: {done.stdout}"
