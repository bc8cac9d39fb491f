"""The MIME structure of a message, from IMAP ``BODYSTRUCTURE`` or from a parsed message.

Both sources become the same :class:`MimePart` tree with IMAP section numbers, so choosing the
text part and listing attachment names is one piece of code. Parameters (``charset``, ``name``,
``filename``) are kept raw and decoded here: RFC 2231 continuations and charsets
(``filename*0*=utf-8''...``), RFC 2047 words in quoted values (Outlook), undeclared 8-bit.

IMAPClient returns a single part as ``(type, subtype, params, id, description, encoding, size,
...)`` and a multipart as ``([parts...], subtype, params, disposition, language, location)``;
strings are bytes, NIL is ``None``, parameters are a flat tuple ``(name, value, name, value)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from email.message import Message
from typing import Any
from urllib.parse import unquote_to_bytes

from app.core.mail.charsets import decode_bytes
from app.core.mail.headers import decode_words

# name*=charset'lang'value, name*0=..., name*1*=... (RFC 2231): the trailing star marks encoding.
_RFC2231_NAME = re.compile(r"^(?P<name>[^*]+)\*(?:(?P<num>\d+)(?P<enc>\*)?)?$")


@dataclass(frozen=True)
class MimePart:
    """One node of the MIME tree. ``section`` is its IMAP part specifier (``"1.2"``)."""

    section: str
    maintype: str
    subtype: str
    params: dict[str, str] = field(default_factory=dict)
    encoding: str = "7bit"
    size: int = 0
    disposition: str = ""
    disposition_params: dict[str, str] = field(default_factory=dict)
    content_id: str = ""
    children: tuple[MimePart, ...] = ()

    @property
    def content_type(self) -> str:
        return f"{self.maintype}/{self.subtype}"

    @property
    def is_multipart(self) -> bool:
        return self.maintype == "multipart"

    @property
    def charset(self) -> str | None:
        return self.params.get("charset") or None

    @property
    def filename(self) -> str:
        """The attachment name: the disposition's ``filename``, else the type's ``name``."""
        return (self.disposition_params.get("filename") or self.params.get("name") or "").strip()

    def walk(self) -> Iterator[MimePart]:
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, section: str) -> MimePart | None:
        for part in self.walk():
            if part.section == section and not part.is_multipart:
                return part
        return None


_new_object = object.__new__


def text_leaf(
    section: str, subtype: str, params: dict[str, str], *, encoding: str, size: int
) -> MimePart:
    """``MimePart(section, "text", subtype, params, encoding, size)`` in a third of the time:
    a frozen dataclass's ``__init__`` sets each of its ten fields through
    ``object.__setattr__``; this fills the new instance's dict at once (for the sync's
    BODYSTRUCTURE fast path, three parts a message)."""
    part = _new_object(MimePart)
    part.__dict__.update(
        section=section, maintype="text", subtype=subtype, params=params, encoding=encoding,
        size=size, disposition="", disposition_params={}, content_id="", children=(),
    )  # fmt: skip
    return part


def multipart_node(
    subtype: str, params: dict[str, str], children: tuple[MimePart, ...]
) -> MimePart:
    """``MimePart("TEXT", "multipart", subtype, params, children=children)``, as
    :func:`text_leaf` builds it."""
    part = _new_object(MimePart)
    part.__dict__.update(
        section="TEXT", maintype="multipart", subtype=subtype, params=params, encoding="7bit",
        size=0, disposition="", disposition_params={}, content_id="", children=children,
    )  # fmt: skip
    return part


# These name every field: a field added to MimePart must be added to them too.
_SAMPLE = text_leaf("1", "plain", {}, encoding="7bit", size=0)
assert {f.name for f in fields(MimePart)} == set(_SAMPLE.__dict__)
assert MimePart("1", "text", "plain") == _SAMPLE
assert multipart_node("mixed", {}, ()) == MimePart("TEXT", "multipart", "mixed")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is bytes:
        if value.isascii():
            return value.decode("ascii")
        return decode_bytes(value, None)[0]
    if isinstance(value, bytes):
        if value.isascii():
            return value.decode("ascii")
        return decode_bytes(value, None)[0]
    return str(value)


def decode_params(pairs: Sequence[tuple[str, str | bytes]]) -> dict[str, str]:
    """Raw ``(name, value)`` parameters to a dict: RFC 2231 joined and decoded, then RFC 2047.

    Names are lowercased. Later duplicates of a plain name do not override the first.
    """
    plain: dict[str, str] = {}
    pieces: dict[str, dict[int, tuple[bytes, bool]]] = {}
    for raw_name, raw_value in pairs:
        name = _text(raw_name).strip().lower()
        value_bytes = raw_value if isinstance(raw_value, bytes) else raw_value.encode("utf-8")
        match = _RFC2231_NAME.match(name)
        if match:
            num = int(match.group("num") or 0)
            encoded = match.group("num") is None or bool(match.group("enc"))
            pieces.setdefault(match.group("name"), {}).setdefault(
                num, (value_bytes.strip().strip(b'"'), encoded)
            )
        elif name:
            plain.setdefault(name, _text(value_bytes))
    result: dict[str, str] = {}
    for name, numbered in pieces.items():
        result[name] = _join_rfc2231(numbered)
    for name, value in plain.items():
        # RFC 2231 wins over a plain value of the same name (it is the more precise of the two).
        if name not in result:
            result[name] = decode_words(value.strip('"'))
    return result


def _join_rfc2231(numbered: dict[int, tuple[bytes, bool]]) -> str:
    charset: str | None = None
    data = bytearray()
    for num in sorted(numbered):
        value, encoded = numbered[num]
        if encoded:
            if num == sorted(numbered)[0]:
                # charset'language'percent-encoded
                parts = value.split(b"'", 2)
                if len(parts) == 3:
                    charset = parts[0].decode("ascii", "replace") or None
                    value = parts[2]
            data += unquote_to_bytes(value)
        else:
            data += value
    text, _ = decode_bytes(bytes(data), charset)
    return decode_words(text) if "=?" in text else text


_PLAIN_PARAM_VALUE = re.compile(rb"[!#-~]+")  # printable ASCII, no blank, no quote


def _imap_params(value: Any) -> dict[str, str]:
    """:func:`decode_params` of a BODYSTRUCTURE parameter list; the usual plain ASCII pairs
    (no RFC 2231 star, no encoded word, nothing to trim) are taken as they are."""
    if not isinstance(value, (tuple, list)):
        return {}
    out: dict[str, str] = {}
    for i in range(0, len(value) - 1, 2):
        name, raw = value[i], value[i + 1]
        if (
            type(name) is not bytes
            or type(raw) is not bytes
            or not name.isascii()
            or b"*" in name
            or _PLAIN_PARAM_VALUE.fullmatch(raw) is None
            or b"=?" in raw
        ):
            return decode_params(_param_pairs(value))
        key = name.decode("ascii").strip().lower()
        if key and key not in out:
            out[key] = raw.decode("ascii")
    return out


def _param_pairs(value: Any) -> list[tuple[str, str | bytes]]:
    if not isinstance(value, (tuple, list)):
        return []
    items = list(value)
    return [
        (_text(items[i]), items[i + 1] if isinstance(items[i + 1], bytes) else _text(items[i + 1]))
        for i in range(0, len(items) - 1, 2)
    ]


def _disposition(value: Any) -> tuple[str, dict[str, str]]:
    if isinstance(value, (tuple, list)) and value:
        kind = _text(value[0]).lower()
        params = _imap_params(value[1]) if len(value) > 1 else {}
        return kind, params
    return "", {}


def from_imap(structure: Sequence[Any], section: str = "") -> MimePart:
    """Build the tree from IMAPClient's ``BODYSTRUCTURE`` value (``BodyData`` or a tuple)."""
    if structure and isinstance(structure[0], list):
        children = tuple(
            from_imap(child, f"{section}.{n}" if section else str(n))
            for n, child in enumerate(structure[0], start=1)
        )
        subtype = _text(structure[1]).lower() if len(structure) > 1 else "mixed"
        params = _imap_params(structure[2]) if len(structure) > 2 else {}
        disposition, disp_params = _disposition(structure[3] if len(structure) > 3 else None)
        return MimePart(
            section=section or "TEXT",
            maintype="multipart",
            subtype=subtype or "mixed",
            params=params,
            disposition=disposition,
            disposition_params=disp_params,
            children=children,
        )
    maintype = _text(structure[0]).lower() if structure else "text"
    subtype = _text(structure[1]).lower() if len(structure) > 1 else "plain"
    params = _imap_params(structure[2]) if len(structure) > 2 else {}
    content_id = _text(structure[3]) if len(structure) > 3 else ""
    encoding = _text(structure[5]).lower() if len(structure) > 5 else "7bit"
    size = structure[6] if len(structure) > 6 and isinstance(structure[6], int) else 0
    # Extension fields follow the type-specific ones: text has a line count, message/rfc822
    # an envelope, a body and a line count; then MD5, then disposition.
    if maintype == "text":
        disp_index = 9
    elif maintype == "message" and subtype in {"rfc822", "global"}:
        disp_index = 11
    else:
        disp_index = 8
    disposition, disp_params = _disposition(
        structure[disp_index] if len(structure) > disp_index else None
    )
    return MimePart(
        section=section or "1",
        maintype=maintype or "text",
        subtype=subtype or "plain",
        params=params,
        encoding=encoding or "7bit",
        size=size,
        disposition=disposition,
        disposition_params=disp_params,
        content_id=content_id.strip(),
    )


def split_header_params(value: str) -> tuple[str, list[tuple[str, str]]]:
    """``text/plain; charset="koi8-r"; name*0*=...`` -> the main value and raw parameters."""
    pieces: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for ch in value:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\" and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch == ";" and not quoted:
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
    pieces.append("".join(current))
    main = pieces[0].strip()
    pairs: list[tuple[str, str]] = []
    for piece in pieces[1:]:
        name, eq, val = piece.partition("=")
        if eq and name.strip():
            val = val.strip()
            if len(val) >= 2 and val[0] == '"' and val[-1] == '"':
                val = val[1:-1]
            pairs.append((name.strip(), val))
    return main, pairs


def _raw_header(message: Message, name: str) -> str:
    # raw_items() keeps what the parser stored; 8-bit bytes are surrogate-escaped in it.
    for key, value in message.raw_items():
        if key.lower() == name:
            raw = str(value).encode("ascii", "surrogateescape")
            return decode_bytes(raw, None)[0] if not raw.isascii() else raw.decode("ascii")
    return ""


def content_type_of(message: Message) -> tuple[str, str, list[tuple[str, str]]]:
    main, pairs = split_header_params(_raw_header(message, "content-type"))
    maintype, slash, subtype = main.lower().partition("/")
    if not slash or not maintype.strip() or not subtype.strip():
        # RFC 2045: a missing or broken Content-Type means text/plain.
        return "text", "plain", pairs
    return maintype.strip(), subtype.strip(), pairs


def from_message(message: Message, section: str = "") -> MimePart:
    """Build the tree from a message parsed by the ``email`` package (compat32 policy)."""
    maintype, subtype, pairs = content_type_of(message)
    params = decode_params(pairs)
    disp_main, disp_pairs = split_header_params(_raw_header(message, "content-disposition"))
    disposition = disp_main.lower()
    disp_params = decode_params(disp_pairs)
    payload = message.get_payload()
    if maintype == "multipart" and isinstance(payload, list):
        children = tuple(
            from_message(child, f"{section}.{n}" if section else str(n))
            for n, child in enumerate(payload, start=1)
            if isinstance(child, Message)
        )
        return MimePart(
            section=section or "TEXT",
            maintype="multipart",
            subtype=subtype,
            params=params,
            disposition=disposition,
            disposition_params=disp_params,
            children=children,
        )
    if maintype == "multipart":
        maintype, subtype = "text", "plain"  # a multipart without parts: read it as text
    body = raw_payload(message)
    return MimePart(
        section=section or "1",
        maintype=maintype,
        subtype=subtype,
        params=params,
        encoding=_raw_header(message, "content-transfer-encoding").strip().lower() or "7bit",
        size=len(body),
        disposition=disposition,
        disposition_params=disp_params,
        content_id=_raw_header(message, "content-id").strip(),
    )


def raw_payload(message: Message) -> bytes:
    """The still-encoded body of a leaf part, as the IMAP ``BODY[section]`` would return it."""
    # get_payload() re-decodes 8-bit text with the declared charset; the stored payload is the
    # parser's surrogate-escaped copy of the original bytes, which is what we want back.
    payload = getattr(message, "_payload", None)
    if isinstance(payload, bytes):
        return payload
    if not isinstance(payload, str):
        return b""  # message/rfc822 or a broken multipart: never read as the text
    try:
        return payload.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return payload.encode("utf-8", "surrogateescape")  # built from text, not parsed bytes


def choose_text_part(root: MimePart) -> MimePart | None:
    """The part that holds what the sender wrote: plain text preferred, else HTML."""
    candidates = _text_candidates(root)
    for part in candidates:
        if part.subtype == "plain":
            return part
    return candidates[0] if candidates else None


def _text_candidates(part: MimePart) -> list[MimePart]:
    """Readable text parts in reading order, stopping at the first alternative group."""
    if not part.is_multipart:
        if part.maintype == "text" and part.subtype in {"plain", "html"}:
            if part.disposition == "attachment" or (part.filename and not part.disposition):
                return []
            return [part]
        return []
    if part.subtype == "alternative":
        found: list[MimePart] = []
        for child in part.children:
            found.extend(_text_candidates(child))
        # Plain first within an alternative group; the order of the group itself is kept.
        return sorted(found, key=lambda p: p.subtype != "plain")
    for child in part.children:
        found = _text_candidates(child)
        if found:
            return found
    return []


def attachment_names(root: MimePart, text_part: MimePart | None = None) -> tuple[str, ...]:
    """Names of attached files, in order; inline images of an HTML body do not count."""
    names: list[str] = []

    def visit(part: MimePart, in_related: bool) -> None:
        if part.is_multipart:
            for child in part.children:
                visit(child, in_related or part.subtype == "related")
            return
        if part is text_part:
            return
        if in_related and part.content_id and part.disposition != "attachment":
            return  # a picture the HTML body shows, not a file the sender attached
        name = part.filename
        if part.maintype == "message" and part.subtype in {"rfc822", "global"} and not name:
            names.append("message.eml")
            return
        if name:
            names.append(name)  # inline or not: Apple Mail sends attached photos "inline"
        elif part.disposition == "attachment":
            names.append(f"{part.maintype}.{part.subtype}")

    visit(root, False)
    return tuple(names)
