"""Errors an import shows to the user."""

from __future__ import annotations

from pathlib import Path

from app.core.errors import AppError
from app.core.i18n import translate


class ImportFileError(AppError):
    """A visit file that cannot be imported at all: names the file, the line and the reason."""

    exit_code = 10

    def __init__(self, path: Path | str, reason: str, *, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = reason
        if line is None:
            message = translate("visits", "Cannot import {file}: {reason}").format(
                file=self.path.name, reason=reason
            )
        else:
            message = translate("visits", "Cannot import {file}, line {line}: {reason}").format(
                file=self.path.name, line=line, reason=reason
            )
        super().__init__(message, details=str(self.path))
