"""Read JSON records one at a time: newline-delimited JSON or one big top-level array.

``json.load`` would hold a whole Matomo export in memory; this decodes element by element from a
sliding buffer, so memory depends on the largest record, not on the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from app.core.i18n import translate
from app.core.visits.formats.common import FileFormatError

CHUNK = 64 * 1024
MAX_RECORD = 32 * 1024 * 1024
"""A single record larger than this means the file is not what it claims to be."""

JsonItem = tuple[int, Any, str]
"""``(line number, decoded value or None, error reason or "")``."""


def iter_json(text: TextIO) -> Iterator[JsonItem]:
    """Yield ``(line, value, "")`` per record, or ``(line, None, reason)`` for a broken one."""
    buf = ""
    # Skip leading whitespace to see whether this is an array or NDJSON.
    while True:
        chunk = text.read(CHUNK)
        buf += chunk
        stripped = buf.lstrip("\ufeff \t\r\n")
        if stripped or not chunk:
            break
    leading = len(buf) - len(stripped)
    line = 1 + buf.count("\n", 0, leading)
    buf = stripped
    if buf.startswith("["):
        yield from _array(text, buf[1:], line)
    else:
        yield from _lines(text, buf, line)


def _lines(text: TextIO, head: str, line: int) -> Iterator[JsonItem]:
    pending = head
    while True:
        newline = pending.find("\n")
        if newline < 0:
            chunk = text.read(CHUNK)
            if chunk:
                pending += chunk
                continue
            if pending.strip():
                yield _decode_line(pending, line)
            return
        record, pending = pending[:newline], pending[newline + 1 :]
        if record.strip():
            yield _decode_line(record, line)
        line += 1


def _decode_line(record: str, line: int) -> JsonItem:
    try:
        return line, json.loads(record), ""
    except json.JSONDecodeError as exc:
        return line, None, translate("visits", "broken JSON: {error}").format(error=exc.msg)


def _array(text: TextIO, buf: str, line: int) -> Iterator[JsonItem]:
    decoder = json.JSONDecoder()
    pos = 0
    eof = False
    expect_item = True
    while True:
        # Skip separators, keeping count of lines for error messages.
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n,":
                if buf[pos] == "\n":
                    line += 1
                elif buf[pos] == ",":
                    expect_item = True
                pos += 1
            if pos < len(buf) or eof:
                break
            buf, pos = buf[pos:], 0
            chunk = text.read(CHUNK)
            eof = not chunk
            buf += chunk
        if pos >= len(buf):
            raise FileFormatError(translate("visits", "the JSON array is not closed"), line)
        if buf[pos] == "]":
            return
        if not expect_item:
            raise FileFormatError(translate("visits", "a comma is missing in the JSON"), line)
        try:
            value, end = decoder.raw_decode(buf, pos)
        except json.JSONDecodeError as exc:
            if eof:
                raise FileFormatError(
                    translate("visits", "broken or truncated JSON: {error}").format(error=exc.msg),
                    line + buf.count("\n", pos, exc.pos),
                ) from None
            if len(buf) - pos > MAX_RECORD:
                raise FileFormatError(
                    translate("visits", "a JSON record is too large"), line
                ) from None
            buf, pos = buf[pos:], 0
            chunk = text.read(CHUNK)
            eof = not chunk
            buf += chunk
            continue
        yield line, value, ""
        line += buf.count("\n", pos, end)
        pos = end
        expect_item = False
