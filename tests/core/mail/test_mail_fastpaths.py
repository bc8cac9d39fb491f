"""The parser's fast paths give exactly what the general code gives (which the other tests pin)."""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import re
from email.header import decode_header, make_header
from email.utils import format_datetime, parsedate_to_datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.core.mail.body import TEXT_LIMIT, _decode_base64, _decode_base64_runs, tidy_text
from app.core.mail.headers import HeaderFields, _decode_plain_words, _plain_date, _split_plainly

_CHARSETS = ("utf-8", "UTF-8", "koi8-r", "windows-1251", "Windows-1251")
_TEXT = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗ №?=_ abcXYZ-.,", max_size=30)


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _word(data: bytes, charset: str, kind: str) -> str:
    if kind == "b":
        return f"=?{charset}?B?{base64.b64encode(data).decode()}?="
    qp = "".join(
        "_" if byte == 32 else chr(byte) if chr(byte).isalnum() and byte < 128 else f"={byte:02X}"
        for byte in data
    )
    return f"=?{charset}?Q?{qp}?="


@settings(max_examples=400, deadline=None)
@given(
    text=_TEXT,
    charset=st.sampled_from(_CHARSETS),
    cuts=st.lists(st.integers(0, 60), max_size=3),
    kinds=st.lists(st.sampled_from("bq"), min_size=4, max_size=4),
    gaps=st.lists(st.sampled_from(["", " ", "  ", "\t", " \t "]), min_size=4, max_size=4),
)
@example(text="Новиков", charset="utf-8", cuts=[5], kinds=["q", "q", "q", "q"], gaps=[" "] * 4)
def test_plain_encoded_words_decode_as_the_email_package_does(
    text: str, charset: str, cuts: list[int], kinds: list[str], gaps: list[str]
) -> None:
    data = text.encode(charset.lower(), "replace")
    points = sorted({min(c, len(data)) for c in cuts} | {0, len(data)})
    pieces = [data[a:b] for a, b in itertools.pairwise(points)] or [b""]
    value = gaps[0] + "".join(
        _word(piece, charset, kinds[i % 4]) + gaps[(i + 1) % 4] for i, piece in enumerate(pieces)
    )
    fast = _decode_plain_words(value)
    try:
        reference: str | None = str(make_header(decode_header(value)))
    except UnicodeDecodeError:
        reference = None  # a character cut at the very end: both hand over to the slow path
    if fast is not None:
        # decode_words then folds white space; trailing blanks come out as a chunk of their own
        assert reference is not None
        assert _folded(fast) == _folded(reference)
    # else: the fast path declined (a character cut short), decode_words takes the slow one


def test_plain_words_leave_the_unusual_to_the_email_package() -> None:
    split = "=?utf-8?q?=D0=9D=D0=BE=D0=B2=D0?= =?utf-8?b?uNC60L7Qsg==?="  # "Новиков", cut mid-"и"
    assert _decode_plain_words(split) == "Новиков"
    assert _decode_plain_words("=?iso-2022-jp?B?GyRCJEgbKEI=?=") is None  # another charset
    assert _decode_plain_words("Re: =?utf-8?B?0J/RgNC4?=") is None  # text around the word
    assert _decode_plain_words("=?utf-8?B?0J8=?= =?koi8-r?B?8A==?=") is None  # two charsets
    assert _decode_plain_words("=?utf-8?Q?=ZZ?=") is None  # a broken escape
    assert _decode_plain_words("=?utf-8?B?0J/RgNC4!?=") is None  # not base64
    assert _decode_plain_words("=?utf-8?B?0J?=") is None  # a character cut short


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(min_value=dt.datetime(1980, 1, 2), max_value=dt.datetime(2199, 12, 30)),
    offset=st.integers(-14 * 60, 14 * 60),
    weekday=st.booleans(),
)
def test_plain_dates_read_as_parsedate_to_datetime_reads_them(
    moment: dt.datetime, offset: int, weekday: bool
) -> None:
    zone = dt.timezone(dt.timedelta(minutes=offset))
    text = format_datetime(moment.replace(microsecond=0, tzinfo=zone))
    if not weekday:
        text = text.split(", ", 1)[1]
    assert _plain_date(text) == parsedate_to_datetime(text)


def test_other_date_forms_are_left_to_the_email_package() -> None:
    assert _plain_date("Mon, 2 Mar 2026 10:15:00 MSK") is None
    assert _plain_date("2 Mar 26 10:15 +0300") is None
    assert _plain_date("Mon, 31 Feb 2026 10:15:00 +0300") is None


def _tidy_reference(text: str, limit: int = TEXT_LIMIT) -> str:
    """tidy_text before its fast path (every substitution always run)."""
    text = text[: limit * 4].replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]", "", text)
    text = re.sub(r"[ \t\xa0]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text[:limit].rstrip()


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab Я\t\xa0\r\n\x00\x07\u200b\ufeff.")), max_size=300),
    st.sampled_from([5, 40, 1000]),
)
def test_tidy_text_fast_path_is_exact(text: str, limit: int) -> None:
    assert tidy_text(text, limit) == _tidy_reference(text, limit)


def test_header_index_keeps_order_and_case_insensitive_names() -> None:
    headers = HeaderFields.parse(b"Received: one\r\nTo: a@b.c\r\nRECEIVED: two\r\n\r\n")
    assert headers.raw_all("received") == [b"one", b"two"]
    assert headers.text_all("Received") == ["one", "two"]
    assert "to" in headers and "TO" in headers and "cc" not in headers
    assert headers.raw("cc") is None
    # raw_all hands out a copy: changing it changes nothing stored
    headers.raw_all("received").append(b"x")
    assert headers.raw_all("received") == [b"one", b"two"]


# Pieces header blocks are made of, the odd ones included: folds (some of white space only),
# bare CR or LF, blank lines, lines without a colon or with a blank in the name, mbox lines.
_USUAL_PIECES = [
    b"From: a@b.c", b"To: x", b"Subject:", b"Subject :  y ", b"X-A\t: v", b" folded", b"\tfold",
    b"\xd0\x9f\xd1\x80: 8-bit", b"v:a:b", b"Bad Name: v", b"no colon", b":empty name",
]  # fmt: skip
_ODD_PIECES = [b"From a@b Thu Jan  1 00:00:00 2026", b"  ", b" \x0c", b"\x0c", b"", b"k: v \r"]
_HEADER_PIECES = st.sampled_from(_USUAL_PIECES * 6 + _ODD_PIECES)


@settings(max_examples=1500, deadline=None)
@given(
    lines=st.lists(_HEADER_PIECES, max_size=12),
    ends=st.lists(
        st.sampled_from([None] * 12 + [b"\r\n", b"\n", b"\r", b"\r\r\n"]), min_size=12, max_size=12
    ),
    crlf=st.booleans(),
    tail=st.sampled_from([b"", b"\r\n", b"\n", b"\r\n\r\n", b"\r\n\r\nTo: after\r\n"]),
)
@example(lines=[b"A: x", b"", b" B: y"], ends=[b"\r\n"] * 12, crlf=True, tail=b"")
def test_header_split_fast_path_gives_what_the_line_loop_gives(
    lines: list[bytes], ends: list[bytes | None], crlf: bool, tail: bytes
) -> None:
    # Mostly one line end throughout (the usual case, so the fast path runs), sometimes mixed.
    block = b"".join(
        line + (ends[i] or (b"\r\n" if crlf else b"\n")) for i, line in enumerate(lines)
    )
    block += tail
    fast = _split_plainly(block)
    slow = HeaderFields._parse_lines(block)
    if fast is not None:
        assert fast[0] == list(slow)
    parsed = HeaderFields.parse(block)
    assert list(parsed) == list(slow)
    for name, _value in slow:
        assert parsed.raw_all(name) == slow.raw_all(name)


def test_header_split_fast_path_takes_the_usual_blocks() -> None:
    block = (
        b'Content-Type: multipart/alternative;\r\n boundary="b"\r\nFrom: =?utf-8?b?0J8=?= '
        b"<a@b.c>\r\nReceived: from x by y for\r\n\t<i@r.ru>; Thu, 01 Jan 2026\r\n\r\n"
    )
    split = _split_plainly(block)
    assert split is not None
    assert split[0] == [
        ("content-type", b'multipart/alternative; boundary="b"'),
        ("from", b"=?utf-8?b?0J8=?= <a@b.c>"),
        ("received", b"from x by y for\t<i@r.ru>; Thu, 01 Jan 2026"),
    ]
    assert _split_plainly(block.replace(b"\r\n", b"\n")) == _split_plainly(block)
    assert _split_plainly(b"From: a\r\n \r\nTo: b\r\n") is None  # a blank fold ends the block
    assert _split_plainly(b"From: a\r\nTo: b\n") is None  # mixed line ends


def _base64_reference(data: bytes, *, complete: bool) -> tuple[bytes, bool]:
    """Every input the general way (run by run), skipping the one-run fast path."""
    clean = re.sub(rb"[^A-Za-z0-9+/=]", b"", data.translate(None, b" \t\r\n"))
    return _decode_base64_runs(clean, complete=complete)


@settings(max_examples=600, deadline=None)
@given(
    payload=st.binary(max_size=60),
    cut=st.integers(0, 90),
    noise=st.lists(
        st.tuples(st.integers(0, 90), st.sampled_from(list(b" \r\n\t=!-_.\xd0"))), max_size=4
    ),
    complete=st.booleans(),
    glued=st.booleans(),
)
def test_base64_fast_path_gives_what_the_general_code_gives(
    payload: bytes, cut: int, noise: list[tuple[int, int]], complete: bool, glued: bool
) -> None:
    encoded = bytearray(base64.encodebytes(payload)[:cut])
    if glued:
        encoded += base64.b64encode(payload[:5])
    for at, byte in noise:
        encoded.insert(min(at, len(encoded)), byte)
    data = bytes(encoded)
    assert _decode_base64(data, complete=complete) == _base64_reference(data, complete=complete)
