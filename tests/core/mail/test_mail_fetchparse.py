"""The fast FETCH response reader: IMAPClient's answers, from imaplib's data, many times faster."""

from __future__ import annotations

import datetime as dt
import imaplib
import io
import re
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from imapclient.response_parser import parse_fetch_response

from app.core.mail.bodystructure import MimePart, from_imap
from app.core.mail.fetchparse import FetchSyntaxError, body_data, internaldate, parse_fetch
from app.core.mail.imap import read_fetch_answer, uid_set

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


# ---- BODYSTRUCTURE read straight into the MIME tree ------------------------------------------

_WORDS = st.sampled_from(
    [
        b'"text"', b'"TEXT"', b'"image"', b'"plain"', b'"HTML"', b'"base64"', b'"7bit"',
        b'"Quoted-Printable"', b'"koi8-r"', b'"UTF-8"', b'"charset"', b'"CharSet"', b'"name"',
        b'"format"', b'"flowed"', b'"b=?1"', b'"a b"', b'"x\\"y"', b'""', b'"name*"',
        b'"=?utf-8?b?0J8=?="', b'"==b=="', b"NIL",
    ]
)  # fmt: skip
_NUMBERS = st.sampled_from([b"0", b"7", b"880", b"012", b"12345"])
_USUAL_PAIRS = [b'"charset" "koi8-r"', b'"CHARSET" "UTF-8"', b'"format" "flowed"', b'"name" "a"']


@st.composite
def _leaf(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 3)):  # mostly the usual pairs, sometimes anything
        params = draw(st.lists(st.sampled_from(_USUAL_PAIRS), max_size=3))
    else:
        params = draw(st.lists(_WORDS, max_size=6))
    fields = [
        draw(st.sampled_from([b'"text"'] * 4 + [b'"TEXT"', b'"image"'])),
        draw(st.sampled_from([b'"plain"', b'"HTML"', b'"pdf"'])),
        b"(" + b" ".join(params) + b")" if params else b"NIL",
        draw(st.sampled_from([b"NIL"] * 4 + [b'"<id@x>"'])),
        b"NIL",
        draw(st.sampled_from([b'"base64"', b'"7bit"', b'"QUOTED-PRINTABLE"'])),
        draw(_NUMBERS),
        draw(_NUMBERS),
        *draw(
            st.sampled_from(
                [[b"NIL"] * 4] * 6 + [[b"NIL"] * 3, [b"NIL", b'("attachment" NIL)', b"NIL", b"NIL"]]
            )
        ),
    ]
    return b"(" + b" ".join(fields) + b")"


@st.composite
def _structure(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        return draw(_leaf())
    parts = b"".join(draw(st.lists(_leaf(), min_size=1, max_size=3)))
    params = draw(st.lists(st.sampled_from([*_USUAL_PAIRS, b'"boundary" "==b=="']), max_size=2))
    if not draw(st.integers(0, 3)):
        params = draw(st.lists(_WORDS, max_size=4))
    return (
        b"(" + parts + b" " + draw(st.sampled_from([b'"alternative"', b'"MIXED"'])) + b" "
        + (b"(" + b" ".join(params) + b")" if params else b"NIL") + b" NIL NIL NIL)"
    )  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(structure=_structure(), before=st.booleans())
@example(
    structure=b'(("text" "plain" ("charset" "koi8-r") NIL NIL "base64" 880 12 NIL NIL NIL NIL)'
    b'("text" "html" ("charset" "utf-8") NIL NIL "base64" 1626 21 NIL NIL NIL NIL) "alternative"'
    b' ("boundary" "===============7933469025149372453==") NIL NIL NIL)',
    before=True,
)
def test_structures_read_directly_give_the_tree_from_imap_builds(
    structure: bytes, before: bool
) -> None:
    items = b"BODYSTRUCTURE " + structure
    line = b"1 (UID 5 " + (items + b' X "BODYSTRUCTURE ("' if before else b'X "a" ' + items) + b")"
    try:
        general = parse_fetch([line])
    except FetchSyntaxError:
        with pytest.raises(FetchSyntaxError):
            parse_fetch([line], structures=True)
        return
    direct = parse_fetch([line], structures=True)
    assert direct.keys() == general.keys() == {5}
    value = direct[5].pop(b"BODYSTRUCTURE")
    expected = general[5].pop(b"BODYSTRUCTURE")
    assert direct == general  # the other items are untouched
    if isinstance(value, MimePart):
        assert value == from_imap(expected)
    else:
        assert value == expected


def test_usual_structures_are_read_directly() -> None:
    ours = parse_fetch(REAL, structures=True)
    alternative = ours[7][b"BODYSTRUCTURE"]
    assert isinstance(alternative, MimePart)
    assert [(p.section, p.subtype, p.charset, p.size) for p in alternative.children] == [
        ("1", "plain", "koi8-r", 880),
        ("2", "html", "utf-8", 1626),
    ]
    assert not isinstance(ours[9][b"BODYSTRUCTURE"], MimePart)  # a literal and an attachment


# ---- reading the answer off the connection -----------------------------------------------------


class _Replayed(imaplib.IMAP4):
    """imaplib's state machine on recorded server bytes, with commands A001 and A002 sent."""

    def __init__(self, stream: bytes) -> None:  # no socket, no greeting
        self.debug = 0
        self.state = "SELECTED"
        self.literal = None
        self.tagged_commands: dict[bytes, Any] = {b"A001": None, b"A002": None}
        self.untagged_responses: dict[str, list[Any]] = {}
        self.continuation_response = ""
        self.is_readonly = True
        self.tagnum = 2
        self._tls_established = False
        self._mode_ascii()
        self.tagpre = b"A"
        self.tagre = re.compile(rb"(?P<tag>A\d+) (?P<type>[A-Z]+) (?P<data>.*)", re.ASCII)
        self._cmd_log_len = 10
        self._cmd_log_idx = 0
        self._cmd_log: dict[int, Any] = {}
        self.file = io.BufferedReader(io.BytesIO(stream))


_STREAM = (
    b"* 1 FETCH (UID 7 BODY[HEADER] {13}\r\nFrom: a@b\r\n\r\n BODY[1]<0> {3}\r\nabc)\r\n"
    b"* 4 EXISTS\r\n"
    b"* OK [ALERT] hello\r\n"
    b"+ go on\r\n"
    b"* 2 FETCH (UID 8 FLAGS (\\Seen))\r\n"
    b"A002 OK other done\r\n"
    b"* 3 FETCH (UID 9 X {0}\r\n)\r\n"
    b"A001 OK Fetch completed.\r\n"
    b"* 5 FETCH (UID 10 FLAGS ())\r\n"  # the next command's answer: left unread
)


def test_fetch_answers_are_read_as_imaplib_reads_them() -> None:
    ours = _Replayed(_STREAM)
    typ, done, fetched = read_fetch_answer(ours, b"A001")
    theirs = _Replayed(_STREAM)
    their_typ, their_done = theirs._command_complete("FETCH", b"A001")
    their_typ, their_fetched = theirs._untagged_response(their_typ, their_done, "FETCH")
    assert (typ, done, fetched) == (their_typ, their_done, their_fetched)
    assert fetched[0] == (b"1 (UID 7 BODY[HEADER] {13}", b"From: a@b\r\n\r\n")
    assert ours.untagged_responses == theirs.untagged_responses  # EXISTS, OK, ALERT
    assert ours.tagged_commands == theirs.tagged_commands == {b"A002": ("OK", [b"other done"])}
    assert ours.file.read() == theirs.file.read() == b"* 5 FETCH (UID 10 FLAGS ())\r\n"


@pytest.mark.parametrize(
    "stream",
    [
        b"* 1 FETCH (UID 7 X {5}\r\nab",  # cut inside a literal
        b"* 1 FETCH (UID 7)",  # a line without CRLF
        b"* BYE shutting down\r\n",
        b"A009 OK who?\r\n",
    ],
)
def test_broken_answers_fail_as_imaplib_fails(stream: bytes) -> None:
    with pytest.raises(imaplib.IMAP4.abort):
        read_fetch_answer(_Replayed(stream), b"A001")


def test_an_answer_this_reader_refuses_goes_to_imapclients_parser() -> None:
    from app.core.mail.fetchparse import parse_fetch_answer

    data: list[Any] = [b"1 (UID 7 X %)"]
    with pytest.raises(FetchSyntaxError):
        parse_fetch(data)
    assert parse_fetch_answer(data) == {7: {b"SEQ": 1, b"X": b"%"}}
