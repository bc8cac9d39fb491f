"""Where Mailsource keeps its data, settings and logs.

The data folder holds the SQLite database, the lock file and (for portable installs and tests)
the settings file. ``--data-dir`` or ``MAILSOURCE_DATA_DIR`` choose it explicitly; otherwise it
is the user's data folder (``platformdirs``), or the folder the user picked in Settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "Mailsource"
DATA_DIR_ENV = "MAILSOURCE_DATA_DIR"
DB_URL_ENV = "MAILSOURCE_DB_URL"
DATABASE_FILE = "mailsource.sqlite3"


@dataclass(frozen=True)
class Location:
    """The folders one run of the app uses."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    explicit: bool
    """True when the data folder came from ``--data-dir`` or the environment."""

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def resolve_location(data_dir: str | os.PathLike[str] | None = None) -> Location:
    """Work out the folders from the command line, the environment and the defaults.

    An explicit data folder keeps settings and logs inside it, so a portable install or a test
    never touches the user's real configuration.
    """
    chosen = data_dir or os.environ.get(DATA_DIR_ENV) or None
    if chosen:
        root = Path(chosen).expanduser().absolute()
        return Location(root, root, root / "logs", explicit=True)
    config_dir = Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
    log_dir = Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))
    # The user may have moved the data folder in Settings; the pointer lives in the config dir.
    from app.core.settings import load_settings

    picked = load_settings(config_dir / "settings.json").data_dir
    root = Path(picked).expanduser() if picked else default_data_dir()
    return Location(root, config_dir, log_dir, explicit=False)
