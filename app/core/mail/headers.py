"""Header fields from raw bytes: splitting, RFC 2047 words, addresses, dates and message ids.

The sync fetches ``BODY.PEEK[HEADER.FIELDS (...)]``: a header block as bytes, possibly with raw
8-bit values. We split it ourselves (the ``email`` package's policies either mangle 8-bit values or,
with ``policy.default``, mis-decode display names split across encoded words: CPython issue
128110), then decode encoded words with ``email.header.decode_header`` + ``make_header``.
"""

from __future__ import annotations

import binascii
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.utils import getaddresses, parsedate_to_datetime, parsedate_tz
from functools import lru_cache

import idna

from app.core.mail.charsets import decode_bytes, lookup_charset, repair_mojibake

# What the sync fetches per message (BODY.PEEK[HEADER.FIELDS (...)]).
LEAD_HEADER_FIELDS: tuple[str, ...] = (
    "From",
    "To",
    "Cc",
    "Date",
    "Subject",
    "Message-ID",
    "In-Reply-To",
    "References",
    "Delivered-To",
    "X-Original-To",
    "Envelope-To",
    "Received",
    "Auto-Submitted",
    "Precedence",
    "X-Autoreply",
    "X-Autorespond",
    "Content-Type",
    "MIME-Version",
)

_ENCODED_WORD_STR = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_MSG_ID = re.compile(r"<([^<>\s]+)>")
_WS = re.compile(r"\s+")
_SPACE = re.compile(r"\s")  # the characters str.isspace() accepts
_ASCII_DOMAIN = re.compile(r"[a-z0-9_.-]+")
# The usual form of a Date header, read without the email package's tokenizer.
_PLAIN_DATE = re.compile(
    r"(?:[A-Za-z]{3}, ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) "
    r"(\d\d):(\d\d)(?::(\d\d))? ([+-])(\d\d)(\d\d)"
)
_MONTHS = {
    name: n
    for n, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# "Name" <addr>, Name <addr>, <addr> or addr; nothing that needs a real address parser.
_ADDR = r'[^\s<>,;:"()\\@\[\]]+@[^\s<>,;:"()\\@\[\]]+'
_SIMPLE_ADDRESS = re.compile(
    rf'^\s*(?:(?:"(?P<q>[^"\\]*)"|(?P<n>[^"\\<>,;:@()\[\]]*?))\s*<(?P<a1>{_ADDR})>|(?P<a2>{_ADDR}))\s*$'
)


_BLANK_FOLD = re.compile(rb"\n[ \t][ \t\x0b\x0c]*\r?\n")  # a fold line of white space only


_FIELD_NAMES: dict[bytes, str] = {}  # b"Subject" -> "subject": the same few names every time


def _split_plainly(
    block: bytes,
) -> tuple[list[tuple[str, bytes]], dict[str, list[bytes]]] | None:
    """The fields of a header block in the usual shape, as ``HeaderFields._parse_lines`` would
    give them (and their index by name), with a few bytes operations instead of a loop over
    lines; ``None`` for any other shape (mixed or bare line ends, a blank fold, leading blank
    lines, an mbox "From " line).
    """
    if block[:1] in b" \t\r\n\x0b\x0c" or block.startswith(b"From "):
        return None  # (b"" is in any bytes: an empty block also goes the long way)
    end = block.find(b"\r\n\r\n")
    if end >= 0:
        block = block[: end + 2]  # what follows the first empty line is not read
    if b"\r" in block:
        crlf = block.count(b"\r\n")
        if block.count(b"\r") != crlf or block.count(b"\n") != crlf:
            return None
        sep = b"\r\n"
    else:
        end = block.find(b"\n\n")
        if end >= 0:
            block = block[: end + 1]
        sep = b"\n"
    if _BLANK_FOLD.search(block) or b"\n\x0b" in block or b"\n\x0c" in block:
        return None  # a line of white space only: the long way tells folds from ends
    unfolded = block.replace(sep + b" ", b" ").replace(sep + b"\t", b"\t")
    fields: list[tuple[str, bytes]] = []
    by_name: dict[str, list[bytes]] = {}
    names = _FIELD_NAMES
    for line in unfolded.split(sep):
        head, colon, rest = line.partition(b":")
        name = names.get(head) if colon else None
        if name is None:
            stripped = head.strip()
            if not (colon and stripped and b" " not in stripped):
                if not line.strip():
                    if not fields:
                        return None  # blank lines before the first field: the long way
                    break
                continue
            name = stripped.decode("ascii", "replace").lower()
            if len(names) < 1000:
                names[head] = name
        value = rest.strip()
        fields.append((name, value))
        known = by_name.get(name)
        if known is None:
            by_name[name] = [value]
        else:
            known.append(value)
    return fields, by_name


class HeaderFields:
    """The header fields of one message, in order, values unfolded and still bytes.

    Names compare case-insensitively. ``charset_hint`` (the body's charset, when known) helps
    decode raw 8-bit values, which mailers write in the same code page as the body.
    """

    def __init__(self, fields: list[tuple[str, bytes]], *, charset_hint: str | None = None) -> None:
        self._fields = fields
        self._by_name: dict[str, list[bytes]] = {}
        for name, value in fields:
            self._by_name.setdefault(name, []).append(value)
        self.charset_hint = charset_hint
        self.eight_bit_guessed = False

    @classmethod
    def parse(cls, block: bytes) -> HeaderFields:
        """Split a header block (up to the first empty line) into fields; never raises."""
        split = _split_plainly(block)
        if split is None:
            return cls._parse_lines(block)
        fields, by_name = split
        self = cls.__new__(cls)
        self._fields = fields
        self._by_name = by_name
        self.charset_hint = None
        self.eight_bit_guessed = False
        return self

    @classmethod
    def _parse_lines(cls, block: bytes) -> HeaderFields:
        """:meth:`parse` for any block: lines without a colon skipped, an mbox "From " line and
        leading blank lines dropped, stray CRs kept inside values."""
        fields: list[tuple[str, bytes]] = []
        name: str | None = None
        value = bytearray()
        lines = block.split(b"\n")
        if lines and lines[0].startswith(b"From "):
            lines = lines[1:]  # an mbox separator line, not a header
        for raw_line in lines:
            line = raw_line.rstrip(b"\r")
            if not line.strip():
                if name is None and not fields:
                    continue  # leading blank lines before a header block
                break
            if line[:1] in (b" ", b"\t"):
                if name is not None:
                    value += line  # unfolding keeps the leading white space
                continue
            if name is not None:
                fields.append((name, bytes(value).strip()))
            head, colon, rest = line.partition(b":")
            if not colon or not head.strip() or b" " in head.strip():
                name = None  # not a header line: skip it (broken mailers)
                continue
            name = head.strip().decode("ascii", "replace").lower()
            value = bytearray(rest)
        if name is not None:
            fields.append((name, bytes(value).strip()))
        return cls(fields)

    def only(self, names: Sequence[str]) -> HeaderFields:
        """The fields named in ``names``, as ``BODY[HEADER.FIELDS (...)]`` would return them."""
        wanted = {name.lower() for name in names}
        return HeaderFields(
            [(n, v) for n, v in self._fields if n in wanted], charset_hint=self.charset_hint
        )

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        return iter(self._fields)

    def _values(self, name: str) -> list[bytes] | None:
        # The keys are lower case, and so is nearly every name asked for: no lower() for those.
        values = self._by_name.get(name)
        if values is None and not name.islower():
            values = self._by_name.get(name.lower())
        return values

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._values(name) is not None

    def raw_all(self, name: str) -> list[bytes]:
        return list(self._values(name) or ())

    def raw(self, name: str) -> bytes | None:
        values = self._values(name)
        return values[0] if values else None

    def text(self, name: str) -> str:
        """The first field's value as text, raw 8-bit decoded but encoded words kept."""
        values = self._values(name)
        if not values:
            return ""
        value = values[0]
        return value.decode("ascii") if value.isascii() else self._to_str(value)

    def text_all(self, name: str) -> list[str]:
        values = self._values(name)
        return [self._to_str(v) for v in values] if values else []

    def decoded(self, name: str) -> str:
        """The first field's value with RFC 2047 encoded words decoded (for Subject)."""
        value = self.raw(name)
        return "" if value is None else decode_words(self._to_str(value))

    def _to_str(self, value: bytes) -> str:
        if value.isascii():
            return value.decode("ascii")
        try:
            return value.decode("utf-8")  # RFC 6532 allows UTF-8 in headers: nothing guessed
        except UnicodeDecodeError:
            pass
        text, guessed = decode_bytes(value, None, hint=self.charset_hint)
        self.eight_bit_guessed |= guessed
        return text


def _squeeze(text: str) -> str:
    """``_WS.sub(" ", text).strip()``; the substitution skipped when it would change nothing
    (every other white space character, \t\n\r\x85\xa0..., is unprintable)."""
    if "  " not in text and text.isprintable():
        return text.strip()
    return _WS.sub(" ", text).strip()


@lru_cache(maxsize=4096)  # display names repeat: the same senders write again and again
def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words; a broken word is decoded as far as possible."""
    if "=?" not in value:
        return _squeeze(value)
    text = _decode_plain_words(value)
    if text is None:
        try:
            text = str(make_header(decode_header(value)))
        except (HeaderParseError, LookupError, UnicodeError, ValueError, AssertionError):
            text = _decode_words_leniently(value)
        else:
            if "\x1b" in text:
                # make_header hands back ISO-2022 escapes when the codec rejects a vendor
                # character.
                text = _decode_words_leniently(value)
    return _squeeze(repair_mojibake(text))


# The common case, decoded without the email package: nothing but well-formed encoded words in
# one of the usual charsets, separated by blanks. decode_header + make_header give exactly this
# (the words' bytes joined, then decoded: a character split between two words stays whole);
# anything else takes their path (tests compare the two).
_PLAIN_CHARSETS = frozenset({"utf-8", "koi8-r", "windows-1251"})
_PLAIN_WORD = (
    r"=\?([A-Za-z0-9-]+)\?"
    r"(?:([bB])\?([A-Za-z0-9+/]*={0,2})|[qQ]\?((?:[!-<>@-~]|=[0-9A-Fa-f]{2})*))\?="
)
_PLAIN_WORDS = re.compile(rf"[ \t]*{_PLAIN_WORD}(?:[ \t]*{_PLAIN_WORD})*[ \t]*")
_PLAIN_WORD_RE = re.compile(_PLAIN_WORD)


def _decode_plain_words(value: str) -> str | None:
    if _PLAIN_WORDS.fullmatch(value) is None:
        return None
    data = bytearray()
    charset = ""
    for word_charset, b, b64, qp in _PLAIN_WORD_RE.findall(value):
        name = word_charset.lower()
        if name not in _PLAIN_CHARSETS or (charset and name != charset):
            return None
        charset = name
        try:
            if b:
                # decode_header's padding ("Postel's law"), then the same base64 decoder
                padding = len(b64) % 4
                data += binascii.a2b_base64(
                    (b64 + "==="[: 4 - padding] if padding else b64).encode("ascii")
                )
            else:
                data += binascii.a2b_qp(qp.encode("ascii"), header=True)
        except binascii.Error:
            return None
    try:
        return data.decode(charset)
    except UnicodeDecodeError:
        return None


def _decode_words_leniently(value: str) -> str:
    """Fallback for words ``decode_header`` rejects (unknown charset, bad base64, 8-bit around).

    Adjacent words in one charset are joined as bytes before decoding, so a character split
    between two words (legal in practice, if not in the RFC) comes out whole.
    """
    import base64
    import binascii
    import quopri

    out: list[str] = []
    pending = bytearray()
    pending_charset: str | None = None

    def flush() -> None:
        nonlocal pending_charset
        if pending:
            out.append(decode_bytes(bytes(pending), pending_charset)[0])
            pending.clear()
        pending_charset = None

    pos = 0
    for match in _ENCODED_WORD_STR.finditer(value):
        between = value[pos : match.start()]
        if between.strip() or not pending:
            flush()
            out.append(between)
        charset = match.group(1).split("*", 1)[0]  # RFC 2231 language suffix
        codec = lookup_charset(charset)
        payload = match.group(3).encode("ascii", "replace")
        try:
            if match.group(2) in "bB":
                payload += b"=" * (-len(payload) % 4)
                data = base64.b64decode(payload)
            else:
                data = quopri.decodestring(payload.replace(b"_", b" "), header=True)
        except (binascii.Error, ValueError):
            data = payload
        if codec != pending_charset:
            flush()
            pending_charset = codec
        pending += data
        pos = match.end()
    flush()
    out.append(value[pos:])
    return "".join(out)


@dataclass(frozen=True)
class Address:
    """A mailbox from an address header: display name and normalised address."""

    name: str
    address: str


@lru_cache(maxsize=8192)  # recipients are the client's few addresses; senders repeat
def normalize_address(raw: str) -> str | None:
    """``Local@Домен.РФ`` -> ``Local@xn--d1acufc.xn--p1ai``; ``None`` when it is no address.

    The local part keeps its case (servers may treat it as significant); the domain is
    lowercased and in IDNA form, the form client domains are stored in.
    """
    addr = raw.strip().strip("<>").strip()
    if addr.lower().startswith("mailto:"):
        addr = addr[7:]
    local, at, domain = addr.rpartition("@")
    if not at or not local or not domain or _SPACE.search(addr):
        return None
    if local.startswith('"') and local.endswith('"') and len(local) > 1:
        inner = local[1:-1]
        if not any(ch in inner for ch in ' "\\(),:;<>@[]'):
            local = inner  # quoting that changes nothing
    domain = domain.strip().rstrip(".").lower()
    if domain.startswith("[") and domain.endswith("]"):
        return f"{local}@{domain}"  # an address literal
    if not domain or ".." in domain:
        return None
    if not domain.isascii():
        try:
            domain = idna.encode(domain, uts46=True).decode("ascii")
        except idna.IDNAError:
            return None
    if not _ASCII_DOMAIN.fullmatch(domain):
        return None
    return f"{local}@{domain}"


def parse_addresses(value: str) -> tuple[list[Address], list[str]]:
    """Parse an address list; returns the addresses and the pieces that were not addresses."""
    found, bad = addresses_of(value)
    return list(found), list(bad)


@lru_cache(maxsize=8192)  # the client's few addresses in To/Delivered-To, senders who write again
def addresses_of(value: str) -> tuple[tuple[Address, ...], tuple[str, ...]]:
    """:func:`parse_addresses` as tuples, remembered for values seen before."""
    found, bad = _parse_addresses(value)
    return tuple(found), tuple(bad)


def _parse_addresses(value: str) -> tuple[list[Address], list[str]]:
    found: list[Address] = []
    bad: list[str] = []
    if not value.strip():
        return found, bad
    simple = _SIMPLE_ADDRESS.match(value)
    if simple is not None:
        # One plain address, the usual case: getaddresses costs ten times as much.
        normalised = normalize_address(simple.group("a1") or simple.group("a2"))
        if normalised is not None:
            name = simple.group("q") or simple.group("n") or ""
            return [Address(decode_words(name), normalised)], bad
    try:
        pairs = getaddresses([value])
    except (ValueError, IndexError, HeaderParseError):
        pairs = []
    for name, addr in pairs:
        normalised = normalize_address(addr) if addr else None
        if normalised is None:
            if addr or name:
                bad.append(addr or name)
            continue
        found.append(Address(decode_words(name), normalised))
    if not found and not bad:
        bad.append(value.strip())
    if not found:
        # Last resort for lists getaddresses cannot split: anything shaped like an address.
        for candidate in re.findall(r"[^\s<>,;:\"()\[\]]+@[^\s<>,;:\"()\[\]]+", value):
            normalised = normalize_address(candidate)
            if normalised is not None:
                found.append(Address("", normalised))
    return found, bad


def parse_date(value: str) -> tuple[dt.datetime | None, str]:
    """A Date header as an aware UTC datetime; ``(None, why)`` when it cannot be read."""
    text = _squeeze(value)
    if not text:
        return None, "missing"
    parsed: dt.datetime | None = _plain_date(text)
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            parsed = None
    if parsed is None:
        # Mailers add trailing comments or drop the weekday comma; parsedate_tz copes with those.
        cleaned = re.sub(r"\([^)]*\)", " ", text).replace(".", " ").strip()
        try:
            parts = parsedate_tz(cleaned)
        except (TypeError, ValueError, IndexError, OverflowError):
            parts = None
        if parts is None:
            return None, "unreadable"
        try:
            naive = dt.datetime(*parts[:6])  # the offset is applied below
        except (ValueError, OverflowError):
            return None, "unreadable"
        offset = parts[9]
        parsed = naive.replace(tzinfo=dt.timezone(dt.timedelta(seconds=offset or 0)))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)  # "-0000": UTC, local zone unknown
    try:
        result = parsed.astimezone(dt.UTC)
    except (OverflowError, ValueError):
        return None, "out of range"
    if not 1980 <= result.year <= 2200:
        return None, "implausible"
    return result, ""


_ZONES: dict[str, dt.timezone] = {}  # "+0300" -> its zone: a few offsets all the time


def _plain_date(text: str) -> dt.datetime | None:
    """``Thu, 01 Jan 2026 00:01:00 +0300`` read directly, as ``parsedate_to_datetime`` would;
    None for any other form (the email package reads those)."""
    match = _PLAIN_DATE.fullmatch(text)
    if match is None:
        return None
    day, month_name, year, hour, minute, second, sign, zh, zm = match.groups()
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return None
    zone = _ZONES.get(sign + zh + zm)
    try:
        if zone is None:
            seconds = int(zh) * 3600 + int(zm) * 60
            zone = dt.timezone(dt.timedelta(seconds=-seconds if sign == "-" else seconds))
            if len(_ZONES) < 1000:
                _ZONES[sign + zh + zm] = zone
        return dt.datetime(
            int(year), month, int(day), int(hour), int(minute), int(second or 0), tzinfo=zone
        )
    except ValueError:
        return None


def parse_message_ids(value: str) -> list[str]:
    """Message ids without angle brackets, in order; bare ids when a mailer left them off."""
    if not value:
        return []
    ids = _MSG_ID.findall(value)
    if not ids:
        ids = [word.strip("<>,;") for word in value.split() if "@" in word]
    seen: dict[str, None] = {}
    for msg_id in ids:
        if msg_id:
            seen.setdefault(msg_id, None)
    return list(seen)
