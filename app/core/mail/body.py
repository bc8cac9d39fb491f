"""The start of a text part as readable text: transfer decoding, charset, HTML to plain text.

The sync fetches only the first bytes of a part (``BODY.PEEK[1]<0.N>``), so base64 and
quoted-printable usually end mid-way: we decode what is complete and drop the rest, and a
multi-byte character cut at the end is dropped too. Nothing here raises on bad input.
"""

from __future__ import annotations

import binascii
import codecs
import contextlib
import re
from html.parser import HTMLParser

from app.core.mail.charsets import (
    decode_bytes,
    decode_prefix,
    guess_charset,
    is_single_byte_cyrillic,
    lookup_charset,
    repair_mojibake,
)

TEXT_LIMIT = 1000
"""Characters of text a lead keeps."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")
_BLANKS = re.compile(r"[ \t\xa0]+")
_LINE_EDGES = re.compile(r" ?\n ?")
_MANY_LINES = re.compile(r"\n{3,}")
_B64_JUNK = re.compile(rb"[^A-Za-z0-9+/=]")
_B64_CHARS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
_QP_TAIL = re.compile(rb"=(?:[0-9A-Fa-f]?)$")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.IGNORECASE)


def decode_transfer(data: bytes, encoding: str, *, complete: bool) -> tuple[bytes, bool]:
    """Undo the Content-Transfer-Encoding; returns the bytes and whether any were unreadable.

    With ``complete=False`` the data is a prefix: an unfinished base64 quantum or QP escape at
    the end is dropped instead of being reported.
    """
    kind = encoding.strip().lower()
    if kind == "base64":
        return _decode_base64(data, complete=complete)
    if kind == "quoted-printable":
        if not complete:
            data = _QP_TAIL.sub(b"", data)  # "=" or "=D" cut from "=D0"
        try:
            return binascii.a2b_qp(data), False
        except (binascii.Error, ValueError):
            return data, True
    return data, False  # 7bit, 8bit, binary and unknown encodings: as they are


def _decode_base64(data: bytes, *, complete: bool) -> tuple[bytes, bool]:
    clean = data.translate(None, b" \t\r\n")
    if clean.translate(None, _B64_CHARS):  # anything but the alphabet and padding left?
        clean = _B64_JUNK.sub(b"", clean)
    body = clean.rstrip(b"=")
    if b"=" not in body and body:
        # One run (the usual case): decoded at once; any trouble takes the general way below.
        if complete or len(body) < len(clean):
            body += b"=" * (-len(body) % 4)
        else:
            body = body[: len(body) // 4 * 4]  # a prefix: the unfinished quantum is dropped
        try:
            return binascii.a2b_base64(body), False
        except binascii.Error:
            pass
    return _decode_base64_runs(clean, complete=complete)


def _decode_base64_runs(clean: bytes, *, complete: bool) -> tuple[bytes, bool]:
    """The general way: ``clean`` (alphabet and padding only) decoded run by run."""
    body = clean.rstrip(b"=")
    bad = False
    if b"=" not in body:
        chunks = [body + b"=" * (-len(body) % 4)] if body else []
    else:
        # Padding inside the data means several base64 runs were glued together: decode each.
        chunks = [c + b"=" * (-len(c) % 4) for c in re.split(rb"=+", clean) if c]
    if not complete and chunks and not clean.endswith(b"="):
        last = chunks[-1].rstrip(b"=")
        chunks[-1] = last[: len(last) // 4 * 4]
    out = bytearray()
    for chunk in chunks:
        if not chunk:
            continue
        try:
            out += binascii.a2b_base64(chunk)
        except binascii.Error:
            bad = True
            usable = chunk.rstrip(b"=")
            usable = usable[: len(usable) // 4 * 4]
            with contextlib.suppress(binascii.Error):
                out += binascii.a2b_base64(usable)
    return bytes(out), bad


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML document, with line breaks for block elements."""

    _SKIP = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
    _BLOCK = frozenset(
        {
            "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "hr", "section", "article", "header", "footer", "address", "dd",
            "dt", "dl", "center", "form", "fieldset", "body", "html",
        }
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        elif tag in {"td", "th"}:
            self.parts.append(" ")
        elif tag == "img" and not self._skipping:
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f" {alt} ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            return  # <script/> opens nothing
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str, limit: int | None = None) -> str:
    """Readable plain text of an HTML body (scripts, styles and the head dropped).

    With ``limit``, parsing stops once well over ``limit`` characters of text were read.
    """
    extractor = _TextExtractor()
    try:
        for start in range(0, len(html), 2048):
            extractor.feed(html[start : start + 2048])
            if limit is not None and sum(map(len, extractor.parts)) > limit * 2:
                break
        extractor.close()
    except (AssertionError, ValueError):
        pass  # broken markup: keep what was read so far
    # In HTML, runs of white space (including newlines in the source) are one space.
    text = "".join(
        "\n" if piece == "\n" else re.sub(r"[ \t\r\n\f\v]+", " ", piece)
        for piece in extractor.parts
    )
    return text.replace("\xa0", " ")


def tidy_text(text: str, limit: int = TEXT_LIMIT) -> str:
    """Normalise line ends and blank lines, drop control characters, cut at ``limit``."""
    # Collapsing white space seldom shrinks text fourfold: no need to tidy what will be cut.
    text = text[: limit * 4]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Each substitution runs only when a cheap scan finds something for it to do.
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "  " in text or "\t" in text or "\xa0" in text:
        text = _BLANKS.sub(" ", text)
    if " \n" in text or "\n " in text:
        # " ?\n ?" -> "\n"; with no two blanks in a row left, two replaces do the same
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    if "\n\n\n" in text:
        text = _MANY_LINES.sub("\n\n", text)
    return text.strip()[:limit].rstrip()


def html_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag declares, for HTML parts whose headers do not say."""
    match = _META_CHARSET.search(data[:4096])
    return lookup_charset(match.group(1)) if match else None


def extract_text(
    data: bytes,
    *,
    subtype: str,
    encoding: str,
    charset: str | None,
    complete: bool,
    limit: int = TEXT_LIMIT,
) -> tuple[str, list[str]]:
    """The readable start of a text part; returns the text and what went wrong, if anything.

    ``complete`` says whether ``data`` is the whole part or the prefix a partial fetch gave.
    """
    problems: list[str] = []
    raw, bad = decode_transfer(data, encoding, complete=complete)
    if bad:
        problems.append("encoding")
    is_html = subtype == "html"
    declared = charset or (html_charset(raw) if is_html else None)
    codec = lookup_charset(declared) if declared else None
    as_utf8 = as_declared = None
    if (
        is_single_byte_cyrillic(codec)
        and not raw.isascii()
        and (as_utf8 := _decoded(raw, "utf-8", complete=complete)) is not None
    ):
        # Legacy Cyrillic text is practically never valid UTF-8: this is mislabelled UTF-8.
        problems.append("charset")
        text = as_utf8
    elif (
        codec is not None
        and codec != "ascii"
        and (as_declared := _decoded(raw, codec, complete=complete)) is not None
    ):
        text = as_declared
    elif raw.isascii():
        text = raw.decode("ascii")
    else:
        problems.append("charset")  # none declared (Dovecot then says us-ascii), or a wrong one
        if complete:
            text, _guessed = decode_bytes(raw, None)
        else:
            text = decode_prefix(raw, guess_charset(raw[: max(0, len(raw) - 4)] or raw))
    if is_html:
        text = html_to_text(text, limit)
    repaired = repair_mojibake(text)
    if repaired != text:
        problems.append("charset")
    return tidy_text(repaired, limit), problems


def _decoded(data: bytes, codec: str, *, complete: bool) -> str | None:
    """``data`` decoded strictly (a prefix: up to a character cut at the end), else None.

    When it decodes strictly, this is the text ``decode_prefix`` (or ``decode``) would give.
    """
    try:
        if complete:
            return data.decode(codec)
        return codecs.getincrementaldecoder(codec)("strict").decode(data, final=False)
    except (UnicodeDecodeError, LookupError):
        return None
