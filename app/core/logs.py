"""Logging set-up: a rotating file in the user's log folder and a filter that hides secrets.

Nothing here knows about Qt; the GUI routes Qt's own messages into this logging.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

LOG_FILE = "mailsource.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

# key=value / key: value pairs whose value is a secret, and URL passwords (scheme://user:pw@host).
_SECRET_PAIRS = re.compile(
    r"(?i)\b(password|passwd|pwd|secret|token|api[_-]?key|authorization)(\s*[=:]\s*)"
    r"(\"[^\"]*\"|'[^']*'|[^\s,;&]+)"
)
_URL_PASSWORD = re.compile(r"(?i)([a-z][a-z0-9+.-]*://[^/\s:@]+:)([^@\s/]+)(@)")


def redact(text: str) -> str:
    """Replace anything that looks like a password or token with ``***``."""
    text = _URL_PASSWORD.sub(r"\1***\3", text)
    return _SECRET_PAIRS.sub(r"\1\2***", text)


class RotatingFile(logging.FileHandler):
    """A log file rotated by size: ``mailsource.log`` then ``.1`` to ``.<backups>``, oldest dropped.

    What ``logging.handlers.RotatingFileHandler`` does; that module (with socket, pickle and
    queue) would cost every start-up several milliseconds before the window shows.
    """

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:  # called with the handler's lock held
        try:
            if self._full(record):
                self._rotate()
        except Exception:  # logging must never raise into the caller
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        size = self.stream.seek(0, 2)  # the end: Windows does not start an append stream there
        return size > 0 and size + len(self.format(record)) + 1 > self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()


class RedactingFilter(logging.Filter):
    """Redacts secrets from the final message text (after %-formatting) of every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


def setup_logging(
    log_dir: Path | None, *, level: int = logging.INFO, console: bool = False
) -> Path | None:
    """Configure the root logger once; return the log file path (None when it cannot be made)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_mailsource", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    redactor = RedactingFilter()
    path: Path | None = None
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            path = log_dir / LOG_FILE
            file_handler = RotatingFile(path, max_bytes=2_000_000, backups=5)
        except OSError:
            path = None
        else:
            file_handler.setFormatter(logging.Formatter(_FORMAT))
            file_handler.addFilter(redactor)
            file_handler._mailsource = True  # type: ignore[attr-defined]
            root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        stream.addFilter(redactor)
        stream.setLevel(logging.WARNING)
        stream._mailsource = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    logging.captureWarnings(True)
    return path


def log_tail(path: Path | None, lines: int = 80) -> str:
    """The last lines of the log file, for the crash dialog."""
    if path is None:
        return ""
    try:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - 64_000))
            data = fh.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(data.splitlines()[-lines:])
