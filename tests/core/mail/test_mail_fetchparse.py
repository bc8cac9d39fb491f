"""The fast FETCH response reader: IMAPClient's answers, from imaplib's data, many times faster."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from imapclient.response_parser import parse_fetch_response

from app.core.mail.fetchparse import FetchSyntaxError, body_data, internaldate, parse_fetch
from app.core.mail.imap import uid_set

# One Dovecot answer, as imaplib hands it over (BODY[HEADER.FIELDS] and BODY[1]<0> as literals).
REAL: list[Any] = [
    (
        b'1 (UID 7 INTERNALDATE "28-Nov-2026 18:20:53 +0300" BODY[HEADER.FIELDS (FROM TO '
        b"SUBJECT)] {50}",
        b"From: a@example.ru\r\nTo: b@example.ru\r\nSubject: x\r\n",
    ),
    (
        b' BODYSTRUCTURE (("text" "plain" ("charset" "koi8-r") NIL NIL "base64" 880 12 NIL NIL '
        b'NIL NIL)("text" "html" ("charset" "utf-8") NIL NIL "base64" 1626 21 NIL NIL NIL NIL) '
        b'"alternative" ("boundary" "==b==") NIL NIL NIL) BODY[1]<0> {5}',
        b"hello",
    ),
    b")",
    b'2 (UID 9 BODYSTRUCTURE ("text" "plain" ("charset" "utf-8" "name" {9}',
    b'\xd0\xa1\xd1\x87\xd0\xb5"\\x',
    b' ) NIL NIL "7bit" 3 1 NIL ("attachment" ("filename" "a \\"b\\" \\\\c.pdf")) NIL NIL) '
    b'INTERNALDATE " 2-Mar-2026 01:02:03 -0530" BODY[1]<0> NIL)',
]
# imaplib keeps the line before a literal and the literal as a pair: rebuild that from REAL[3:5]
REAL[3:5] = [(REAL[3], REAL[4])]


def test_reads_a_real_answer_like_imapclient() -> None:
    ours = parse_fetch(REAL)
    theirs = parse_fetch_response(REAL, False, True)
    assert set(ours) == {7, 9}
    for uid, values in ours.items():
        reference = dict(theirs[uid])
        reference.pop(b"SEQ")
        assert values == reference
    assert isinstance(ours[7][b"BODYSTRUCTURE"][0], list)  # parts nested as IMAPClient does
    assert ours[9][b"BODYSTRUCTURE"][2][3] == 'Сче"\\x'.encode()  # the literal parameter
    assert ours[9][b"BODYSTRUCTURE"][9][1][1] == b'a "b" \\c.pdf'
    assert ours[9][b"INTERNALDATE"] == dt.datetime(
        2026, 3, 2, 1, 2, 3, tzinfo=dt.timezone(-dt.timedelta(hours=5, minutes=30))
    )
    assert ours[9][b"BODY[1]<0>"] is None


@pytest.mark.parametrize(
    "data",
    [
        [b"1 (UID 1 FLAGS (\\Seen)"],  # unclosed
        [b"1 (UID 1) extra"],
        [(b"1 (UID 1 BODY[1] {5}", b"abc")],  # literal of the wrong size
        [b"1 (UID 1 BODY[1] {5})"],  # a literal marker without the literal
        [b"1 (UID 1 X %)"],
        [b'1 (UID 1 X "unterminated)'],
        [b"FETCH what"],
        [b"1 (UID)"],
        [b"1 (UID x)"],
    ],
)
def test_anything_unexpected_is_refused(data: list[Any]) -> None:
    with pytest.raises(FetchSyntaxError):
        parse_fetch(data)


def test_unsolicited_updates_without_uid_are_skipped_and_answers_merge() -> None:
    data = [b"3 (FLAGS (\\Seen))", b"4 (UID 10 FLAGS ())", b'4 (UID 10 RFC822.SIZE 99 X "0123")']
    assert parse_fetch(data) == {10: {b"FLAGS": (), b"RFC822.SIZE": 99, b"X": b"0123"}}
    assert parse_fetch([None]) == {}


def test_internaldate() -> None:
    moment = internaldate(b"01-Jan-2026 00:00:00 +0000")
    assert moment == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert internaldate(b"31-Feb-2026 00:00:00 +0000") is None
    assert internaldate(b"garbage") is None
    assert internaldate(None) is None


def test_uid_set_names_exactly_the_uids() -> None:
    assert uid_set([1, 2, 3, 7, 9, 10]) == "1:3,7,9:10"
    assert uid_set([5]) == "5"
    assert uid_set([]) == ""
    assert uid_set([4, 2, 3]) == "4,2:3"


# ---- round trips: any value written as a server would, read back ---------------------------

_ATOM = st.from_regex(rb"\A[A-Za-z][A-Za-z0-9.\-\\]{0,8}\Z").filter(lambda b: b != b"NIL")
_VALUE = st.recursive(
    st.one_of(
        st.none(),
        st.integers(min_value=0, max_value=2**40),
        _ATOM,
        st.binary(max_size=40).map(lambda b: ("quoted", b.replace(b"\r", b"").replace(b"\n", b""))),
        st.binary(max_size=60).map(lambda b: ("literal", b)),
    ),
    lambda children: st.lists(children, max_size=5).map(tuple),
    max_leaves=25,
)


def _write(value: Any, out: list[Any], line: bytearray) -> bytearray:
    """Append ``value`` to the current line; literals close it (imaplib's pairs)."""
    if value is None:
        line += b"NIL"
    elif isinstance(value, int):
        line += str(value).encode()
    elif isinstance(value, bytes):
        line += value
    elif isinstance(value, tuple) and len(value) == 2 and value[0] == "quoted":
        line += b'"' + value[1].replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'
    elif isinstance(value, tuple) and len(value) == 2 and value[0] == "literal":
        line += b"{%d}" % len(value[1])
        out.append((bytes(line), value[1]))
        line = bytearray()
    else:
        line += b"("
        for i, item in enumerate(value):
            if i:
                line += b" "
            line = _write(item, out, line)
        line += b")"
    return line


def _expected(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 2 and value[0] in ("quoted", "literal"):
        return value[1]
    if isinstance(value, tuple):
        return tuple(_expected(v) for v in value)
    return value


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 10**6), _VALUE), min_size=1, max_size=4))
def test_round_trip_matches_what_was_written_and_imapclient(
    messages: list[tuple[int, Any]],
) -> None:
    data: list[Any] = []
    expected: dict[int, dict[bytes, Any]] = {}
    for seq, (uid, value) in enumerate(messages, start=1):
        line = bytearray(b"%d (UID %d X " % (seq, uid))
        line = _write(value, data, line)
        line += b")"
        data.append(bytes(line))
        expected.setdefault(uid, {})[b"X"] = _expected(value)
    assert parse_fetch(data) == expected
    theirs = parse_fetch_response(data, False, True)
    for uid, values in expected.items():
        assert theirs[uid][b"X"] == values[b"X"]


def test_body_data_nests_parts_like_imapclient() -> None:
    from imapclient.response_types import BodyData

    raw = (((b"text", b"plain"), (b"text", b"html"), b"alternative"), (b"image",), b"mixed", None)
    assert body_data(raw) == BodyData.create(raw)
    assert body_data((b"text", b"plain", None)) == (b"text", b"plain", None)
