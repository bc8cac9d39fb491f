"""A small, strict reader of ``UID FETCH`` responses as ``imaplib`` hands them over.

IMAPClient's response parser walks the bytes one character at a time through generators: about
0.1 ms a message, several times what the server spends. The sync issues its bulk FETCH through
the connection's ``imaplib`` object and reads the answer here instead: a regular expression
cuts each line into tokens in C, and a short loop nests them. The result has IMAPClient's shapes
(``{uid: {b"UID": ..., b"BODYSTRUCTURE": ..., b"BODY[1]<0>": b"...", ...}}``; strings are
bytes, NIL is ``None``, numbers are ``int``, INTERNALDATE an aware ``datetime``, a multipart
BODYSTRUCTURE has its parts nested in a list), so everything downstream reads either.

``imaplib`` delivers the untagged responses as a list whose items are either a line or a
``(line ending in "{n}", literal)`` pair; a response continues on the next item after each
literal. Anything this reader does not expect raises :class:`FetchSyntaxError`; the caller then
hands the same data to IMAPClient's parser, so odd servers stay readable, only slower.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

# Tokens of one line: "(", ")", a quoted string, or an atom (which may hold a "[...]" section
# with spaces and parentheses in it, as in BODY[HEADER.FIELDS (FROM TO)]<0>, and which is a
# literal's "{n}" at the end of a line). IMAPClient's lexer splits the same way.
_TOKEN = re.compile(rb'[()]|"[^"\\]*(?:\\.[^"\\]*)*"|(?:[^\x00-\x20()%"\[]|\[[^\]]*\])+|[^ ]')
_OPEN, _CLOSE, _QUOTE, _BRACE = 40, 41, 34, 123
_STRAY = frozenset(b'%"[') | frozenset(range(33))
_START = re.compile(rb"(\d+) \(")
_UNESCAPE = re.compile(rb'\\([\\"])')
_INTERNALDATE = re.compile(
    rb"([ \d]?\d)-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        (b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
         b"dec"),
        start=1,
    )
}  # fmt: skip
_ZONES: dict[bytes, dt.tzinfo] = {}


class FetchSyntaxError(ValueError):
    """The response is not in the shape this reader expects (the caller falls back)."""


def parse_fetch(data: Sequence[bytes | tuple[bytes, bytes] | None]) -> dict[int, dict[bytes, Any]]:
    """``{uid: {item: value}}`` from ``imaplib``'s untagged FETCH data.

    Responses without a UID (unsolicited flag changes) are skipped; two responses for one UID
    are merged, as IMAPClient does.
    """
    out: dict[int, dict[bytes, Any]] = {}
    stack: list[list[Any]] = []
    current: list[Any] = []
    tokens = _TOKEN.findall
    for item in data:
        if item is None:
            continue
        if isinstance(item, tuple):
            line, literal = item[0], item[1]
        else:
            line, literal = item, None
        pos = 0
        if not stack:
            start = _START.match(line)
            if start is None:
                raise FetchSyntaxError(f"not a FETCH response: {line[:80]!r}")
            pos = start.end()
            current = []
            stack = [current]
        found = tokens(line, pos)
        last = len(found) - 1
        for index, token in enumerate(found):
            first = token[0]
            if first == _QUOTE:  # the most common token (BODYSTRUCTURE is mostly strings)
                if len(token) < 2 or token[-1] != _QUOTE:
                    raise FetchSyntaxError(f"unterminated string in {line[:80]!r}")
                value = token[1:-1]
                current.append(_UNESCAPE.sub(rb"\1", value) if b"\\" in value else value)
            elif first == _OPEN:
                inner: list[Any] = []
                current.append(inner)
                stack.append(inner)
                current = inner
            elif first == _CLOSE:
                done = stack.pop()
                if not stack:
                    if index != last or literal is not None:
                        raise FetchSyntaxError(f"data after a FETCH response: {line[-80:]!r}")
                    _store(out, done)
                    break
                current = stack[-1]
                current[-1] = tuple(done)
            elif first in _STRAY:
                raise FetchSyntaxError(f"unexpected {token!r} in {line[:80]!r}")
            elif first == _BRACE and token[-1] == 125:  # "}"
                if index != last or literal is None:
                    raise FetchSyntaxError(f"misplaced literal: {line[-80:]!r}")
                if len(literal) != int(token[1:-1]):
                    raise FetchSyntaxError("literal of the wrong size")
                current.append(literal)
                literal = None
            elif token == b"NIL":
                current.append(None)
            elif token.isdigit() and (first != 48 or len(token) == 1):  # no "0123" (IMAPClient)
                current.append(int(token))
            else:
                current.append(token)
        if literal is not None:
            raise FetchSyntaxError(f"literal without a marker: {line[-80:]!r}")
        if stack and not isinstance(item, tuple):
            raise FetchSyntaxError(f"FETCH response line ends inside parentheses: {line[-80:]!r}")
    if stack:
        raise FetchSyntaxError("FETCH response ends inside parentheses")
    return out


def _store(out: dict[int, dict[bytes, Any]], pairs: list[Any]) -> None:
    if len(pairs) % 2:
        raise FetchSyntaxError("uneven number of FETCH items")
    values: dict[bytes, Any] = {}
    uid: int | None = None
    for i in range(0, len(pairs), 2):
        name = pairs[i]
        if not isinstance(name, bytes):
            raise FetchSyntaxError(f"bad FETCH item name {name!r}")
        name = name.upper()
        value = pairs[i + 1]
        if name == b"UID":
            if not isinstance(value, int):
                raise FetchSyntaxError(f"bad UID {value!r}")
            uid = value
            continue
        if name == b"INTERNALDATE":
            value = internaldate(value)
        elif name in (b"BODYSTRUCTURE", b"BODY"):
            if not isinstance(value, tuple) or not value:
                raise FetchSyntaxError(f"bad {name!r}")
            value = body_data(value)
        values[name] = value
    if uid is None:
        return  # an unsolicited update (FLAGS) without the UID: not ours
    out.setdefault(uid, {}).update(values)


def body_data(value: tuple[Any, ...]) -> tuple[Any, ...]:
    """IMAPClient's ``BodyData`` shape: a multipart's parts gathered in a list up front."""
    if not isinstance(value[0], tuple):
        return value
    parts: list[tuple[Any, ...]] = []
    index = 0
    for index, part in enumerate(value):  # noqa: B007  # the index is used after the loop
        if not isinstance(part, tuple):
            break
        parts.append(body_data(part))
    else:
        index = len(value)
    return ([*parts], *value[index:])


def internaldate(value: Any) -> dt.datetime | None:
    """``"02-Mar-2026 10:15:00 +0300"`` as an aware datetime; None when unreadable."""
    if not isinstance(value, bytes):
        return None
    match = _INTERNALDATE.fullmatch(value.strip())
    if match is None:
        return _internaldate_slowly(value)
    day, month, year, hour, minute, second, sign, zh, zm = match.groups()
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    zone_key = sign + zh + zm
    zone = _ZONES.get(zone_key)
    if zone is None:
        offset = dt.timedelta(hours=int(zh), minutes=int(zm))
        zone = _ZONES.setdefault(zone_key, dt.timezone(-offset if sign == b"-" else offset))
    try:
        return dt.datetime(
            int(year), number, int(day), int(hour), int(minute), int(second), tzinfo=zone
        )
    except ValueError:
        return None


def _internaldate_slowly(value: bytes) -> dt.datetime | None:
    from imapclient.datetime_util import parse_to_datetime

    try:
        parsed: dt.datetime = parse_to_datetime(value, normalise=False)
    except ValueError:
        return None
    return parsed
