"""Application settings that the core needs too (database URL, language, data folder).

Stored as a small JSON file. Window geometry and other view state stay in ``QSettings`` in the GUI.
Passwords are never stored here: they live in the OS keyring.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class Settings:
    """User settings that outlive a run."""

    database_url: str = ""
    """Empty for the embedded SQLite file; a ``postgresql://`` URL for team mode."""
    data_dir: str = ""
    """A data folder chosen in Settings (ignored with ``--data-dir``)."""
    language: str = ""
    """``"en"``, ``"ru"`` or empty to follow the operating system."""
    agency_name: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    """Settings of later features, kept as they were written."""


def load_settings(path: Path) -> Settings:
    """Read the settings file; a missing or unreadable file gives the defaults (and a log line)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("Settings file %s is unreadable (%s); using defaults", path, exc)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    values = {k: v for k, v in raw.items() if k in known and k != "extra"}
    values["extra"] = {k: v for k, v in raw.items() if k not in known}
    try:
        return Settings(**values)
    except TypeError:
        return Settings()


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings atomically, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = asdict(settings)
    extra = data.pop("extra")
    data.update(extra)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
