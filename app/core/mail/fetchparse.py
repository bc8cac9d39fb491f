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
import logging
import re
from collections.abc import Sequence
from typing import Any

from app.core.mail.bodystructure import MimePart, multipart_node, text_leaf

# Tokens of one line: "(", ")", a quoted string, or an atom (which may hold a "[...]" section
# with spaces and parentheses in it, as in BODY[HEADER.FIELDS (FROM TO)]<0>, and which is a
# literal's "{n}" at the end of a line). IMAPClient's lexer splits the same way.
log = logging.getLogger(__name__)

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


_FIRST_UID = re.compile(rb"\d+ \(UID (\d+)[ )]")
_ANY_UID = re.compile(rb"[ (]UID (\d+)[ )]")


def split_by_uid(
    data: Sequence[bytes | tuple[bytes, bytes] | None],
) -> list[tuple[int | None, list[Any]]]:
    """imaplib's untagged FETCH data cut into its responses, each with its UID (None for a
    response without one, such as an unsolicited flag change), without parsing them.

    A response starts with a line ``<seq> (`` (a digit first); a line that follows a literal
    starts with a space or ``)`` by the IMAP grammar. The UID is found in the response's lines,
    never in its literals (servers put it first, as Dovecot does, or anywhere among the items).
    """
    responses: list[list[Any]] = []
    items: list[Any] = []
    first_uid = _FIRST_UID.match
    for item in data:
        if item is None:
            continue
        line = item[0] if isinstance(item, tuple) else item
        if not responses or (line and 48 <= line[0] <= 57):  # "0".."9"
            match = first_uid(line)
            items = [item]
            responses.append([int(match.group(1)) if match is not None else None, items])
        else:
            items.append(item)
    for response in responses:
        if response[0] is None:
            for item in response[1]:
                found = _ANY_UID.search(item[0] if isinstance(item, tuple) else item)
                if found is not None:
                    response[0] = int(found.group(1))
                    break
    return [(uid, items) for uid, items in responses]


def parse_fetch_answer(
    data: Sequence[bytes | tuple[bytes, bytes] | None], *, structures: bool = False
) -> dict[int, dict[bytes, Any]]:
    """:func:`parse_fetch`, and IMAPClient's parser for an answer it does not expect (times
    as the server wrote them: the session turns IMAPClient's ``normalise_times`` off)."""
    try:
        return parse_fetch(data, structures=structures)
    except FetchSyntaxError as exc:
        from imapclient.response_parser import parse_fetch_response

        log.warning("Unusual FETCH response (%s): reading it with IMAPClient", exc)
        return dict(parse_fetch_response(list(data), False, True))


def parse_fetch(
    data: Sequence[bytes | tuple[bytes, bytes] | None], *, structures: bool = False
) -> dict[int, dict[bytes, Any]]:
    """``{uid: {item: value}}`` from ``imaplib``'s untagged FETCH data.

    Responses without a UID (unsolicited flag changes) are skipped; two responses for one UID
    are merged, as IMAPClient does. With ``structures``, a ``BODYSTRUCTURE`` of the usual
    shapes (one text part, or a multipart of text parts, parameters in plain ASCII) comes
    back as the :class:`MimePart` tree ``from_imap`` would build of it, read with two regular
    expressions instead of token by token; any other stays in IMAPClient's shape.
    """
    out: dict[int, dict[bytes, Any]] = {}
    stack: list[list[Any]] = []
    current: list[Any] = []
    tokens = _TOKEN.findall
    structure: MimePart | None = None
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
            structure = None
        if structures and structure is None:
            at = line.find(b"BODYSTRUCTURE (", pos)
            # (outside any quoted string: an even number of quotes before it, none escaped)
            if at >= 0 and not line.count(b'"', pos, at) % 2 and b"\\" not in line[pos:at]:
                match = _STRUCTURE.match(line, at + 14)
                structure = _simple_structure(match) if match is not None else None
                if structure is not None:
                    line = line[: at + 14] + b"NIL" + line[match.end() :]  # type: ignore[union-attr]
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
                    _store(out, done, structure)
                    structure = None
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


def _store(out: dict[int, dict[bytes, Any]], pairs: list[Any], structure: MimePart | None) -> None:
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
            if value is None and structure is not None and name == b"BODYSTRUCTURE":
                values[name] = structure  # read beforehand by _simple_structure
                continue
            if not isinstance(value, tuple) or not value:
                raise FetchSyntaxError(f"bad {name!r}")
            value = body_data(value)
        values[name] = value
    if uid is None:
        return  # an unsolicited update (FLAGS) without the UID: not ours
    out.setdefault(uid, {}).update(values)


# BODYSTRUCTURE of the usual shapes, as Dovecot and most servers write it: a text part with its
# extension data, or a multipart of such parts. Strings are printable ASCII without blanks,
# quotes or backslashes (the values from_imap takes as they are); numbers have no leading zero.
_STR = rb'"([!#-\[\]-~]+)"'
_STR_NC = rb'"[!#-\[\]-~]+"'
_NUM = rb"(0|[1-9][0-9]*)"
_NUM_NC = rb"(?:0|[1-9][0-9]*)"
_PAIRS = _STR_NC + rb" " + _STR_NC + rb"(?: " + _STR_NC + rb" " + _STR_NC + rb")*"
_PARAMS = rb"(?:\((" + _PAIRS + rb")\)|NIL)"
_PARAMS_NC = rb"(?:\((?:" + _PAIRS + rb")\)|NIL)"
_LEAF = (
    rb"\(" + _STR + rb" " + _STR + rb" " + _PARAMS + rb" NIL NIL " + _STR + rb" " + _NUM
    + rb" " + _NUM_NC + rb" NIL NIL NIL NIL\)"
)  # fmt: skip
_LEAF_NC = (
    rb"\(" + _STR_NC + rb" " + _STR_NC + rb" " + _PARAMS_NC + rb" NIL NIL " + _STR_NC + rb" "
    + _NUM_NC + rb" " + _NUM_NC + rb" NIL NIL NIL NIL\)"
)  # fmt: skip
_LEAF_RE = re.compile(_LEAF)
_STRUCTURE = re.compile(
    rb"(?:" + _LEAF + rb"|\(((?:" + _LEAF_NC + rb")+) " + _STR + rb" " + _PARAMS
    + rb" NIL NIL NIL\))"
)  # fmt: skip
_PAIR = re.compile(rb'"([^"]*)" "([^"]*)"')


def _simple_params(raw: bytes | None) -> dict[str, str] | None:
    if raw is None:
        return {}
    out: dict[str, str] = {}
    for name, value in _PAIR.findall(raw):
        if b"*" in name or b"=?" in value:
            return None  # RFC 2231 or 2047: decode_params' work
        key = name.decode("ascii").lower()
        if key not in out:
            out[key] = value.decode("ascii")
    return out


_LEAF_KINDS: dict[tuple[bytes, bytes, bytes | None, bytes], tuple[str, dict[str, str], str]] = {}
"""(type, subtype, parameters, encoding) -> their decoded form: a few kinds make up most mail."""


def _simple_leaf(
    fields: tuple[bytes, bytes, bytes | None, bytes, bytes], section: str
) -> MimePart | None:
    maintype, subtype, raw_params, encoding, size = fields
    key = (maintype, subtype, raw_params, encoding)
    kind = _LEAF_KINDS.get(key)
    if kind is None:
        if maintype.lower() != b"text":
            return None  # other types have other fields after the size
        params = _simple_params(raw_params)
        if params is None:
            return None
        kind = (subtype.decode("ascii").lower(), params, encoding.decode("ascii").lower())
        if len(_LEAF_KINDS) < 1000:
            _LEAF_KINDS[key] = kind
    # Each part gets its own parameter dict (a MimePart's dicts are its own).
    return text_leaf(section, kind[0], dict(kind[1]), encoding=kind[2], size=int(size))


_SECTIONS = tuple(str(n) for n in range(1, 21))


def _simple_structure(match: re.Match[bytes]) -> MimePart | None:
    """The tree ``from_imap`` builds of a ``_STRUCTURE`` match; None when it needs more."""
    maintype, subtype, raw_params, encoding, size, parts, multi_subtype, multi_params = (
        match.groups()
    )
    if maintype is not None:
        return _simple_leaf((maintype, subtype, raw_params, encoding, size), "1")
    leaves = _LEAF_RE.findall(parts)
    if len(leaves) > len(_SECTIONS):
        return None
    children: list[MimePart] = []
    for section, leaf in zip(_SECTIONS, leaves, strict=False):
        child = _simple_leaf(leaf, section)
        if child is None:
            return None
        children.append(child)
    params = _simple_params(multi_params)
    if params is None:
        return None
    return multipart_node(multi_subtype.decode("ascii").lower(), params, tuple(children))


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
