"""Small helpers the format parsers share: empty values, numbers, times, bots."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from app.core.visits.encoding import BAD_CHAR
from app.core.visits.model import ContactAction, Visit

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


class FileFormatError(Exception):
    """The whole file is unreadable in this format; the reader makes it an ImportFileError."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
