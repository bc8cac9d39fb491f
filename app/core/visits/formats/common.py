"""Small helpers the format parsers share: empty values, numbers, times, bots, row checks."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from app.core.i18n import translate
from app.core.visits.encoding import BAD_CHAR
from app.core.visits.model import ContactAction, ImportReport, Visit

ParsedRows = Iterator[Visit | None]

_BOT_MARKERS = ("headless", "phantomjs", "bot", "crawler", "spider", "slurp", "lighthouse")


def clean(value: str | None) -> str | None:
    """A stripped value, or None when empty."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def to_int(value: str | int | None) -> int | None:
    """An int from text, None when empty; raises ValueError on garbage."""
    if value is None or isinstance(value, int):
        return value
    value = value.strip()
    if not value:
        return None
    return int(value)


def to_int_or_none(value: object) -> int | None:
    """An int when the value is one (even as text), otherwise None: for optional fields."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def local_to_utc(naive: datetime, zone: ZoneInfo) -> datetime:
    """A wall-clock time in ``zone`` as aware UTC (the earlier reading of a repeated DST hour)."""
    return naive.replace(tzinfo=zone).astimezone(UTC)


def from_epoch(seconds: float) -> datetime:
    """Epoch seconds as aware UTC."""
    return datetime.fromtimestamp(seconds, UTC)


def is_bot_browser(browser: str | None) -> bool:
    """Whether a browser name says robot (``headlesschrome`` in Metrica, ``Headless Chrome``...)."""
    if not browser:
        return False
    return _is_bot_name(browser)


@functools.lru_cache(maxsize=1024)
def _is_bot_name(browser: str) -> bool:
    # Few distinct browser names exist, so the answer is cached for the import's hot loop.
    lowered = browser.lower()
    return any(marker in lowered for marker in _BOT_MARKERS)


def has_bad_chars(text: str) -> bool:
    """Whether decoding left undecodable bytes in ``text``."""
    return BAD_CHAR in text


def contact_action(value: str | None) -> ContactAction | None:
    """``click``/``copy`` as a ContactAction; anything else is None."""
    if not value:
        return None
    try:
        return ContactAction(value.strip().lower())
    except ValueError:
        return None


def screen(width: object, height: object) -> str | None:
    """``WIDTHxHEIGHT`` when both are positive numbers."""
    w, h = to_int_or_none(width), to_int_or_none(height)
    if w and h and w > 0 and h > 0:
        return f"{w}x{h}"
    return None


def excerpt(text: str, limit: int = 200) -> str:
    """The start of a raw row, safe to show."""
    return text[:limit].replace(BAD_CHAR, "\ufffd")


def bad_bytes_reason() -> str:
    """The reject reason for a row with bytes the file's encoding cannot decode."""
    return translate("visits", "bytes that are not valid in the file's encoding")


def column_count_reason(expected: int, found: int) -> str:
    """The reject reason for a row with the wrong number of cells."""
    return translate("visits", "expected {expected} columns, found {found}").format(
        expected=expected, found=found
    )


def bad_time_reason(value: str) -> str:
    """The reject reason for an unreadable date and time (the value cut to 40 characters)."""
    return translate("visits", "unreadable date and time: {value}").format(value=value[:40])


def bot_reason() -> str:
    """The reject reason for a visit a headless browser made."""
    return translate("visits", "robot visit (headless browser)")


def reject_malformed_row(
    report: ImportReport, line: int, row: list[str], raw: str, width: int, *, trim: bool = True
) -> bool:
    """Reject a CSV row with undecodable bytes or a cell count other than ``width``.

    Returns True when the row was rejected. With ``trim``, empty cells past ``width`` are first
    dropped from ``row`` in place: Excel re-saves add them, and only real extra data is an error.
    """
    if has_bad_chars(raw):
        report.reject(line, bad_bytes_reason(), excerpt(raw))
        return True
    if trim:
        while len(row) > width and not row[-1].strip():
            row.pop()
    if len(row) != width:
        report.reject(line, column_count_reason(width, len(row)), excerpt(raw))
        return True
    return False


class FileFormatError(Exception):
    """The whole file is unreadable in this format; the reader makes it an ImportFileError."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
