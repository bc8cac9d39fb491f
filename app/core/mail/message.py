"""What one lead needs from a message, parsed from the pieces the sync fetches.

The sync fetches, per message, the header fields in :data:`LEAD_HEADER_FIELDS`, the
``BODYSTRUCTURE`` and the first bytes of the text part :func:`choose_text_part` picks, and hands
them to :func:`parse_fetched`. :func:`parse_rfc822` takes a whole message (tests, corpora, demo
data) through the same code by cutting it into those same pieces. Neither raises on bad mail:
what could not be read is recorded in :attr:`ParsedMessage.problems`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.errors import MissingHeaderBodySeparatorDefect
from email.message import Message
from email.parser import BytesParser
from enum import StrEnum
from typing import Any

from app.core.i18n import translate
from app.core.mail.body import TEXT_LIMIT, extract_text
from app.core.mail.bodystructure import (
    MimePart,
    attachment_names,
    choose_text_part,
    from_imap,
    from_message,
    raw_payload,
)
from app.core.mail.classify import NotLead, NotLeadReason, detect_automatic
from app.core.mail.headers import (
    LEAD_HEADER_FIELDS,
    HeaderFields,
    addresses_of,
    parse_date,
    parse_message_ids,
)
from app.core.mail.recipients import Recipient, extract_recipients

TEXT_FETCH_BYTES = 4096
"""How much of the text part the sync fetches: 1,000 characters of UTF-8 Cyrillic in base64
are about 2,700 bytes, and HTML markup needs more than the text it holds."""

_MAX_PROBLEM_VALUE = 200


class ProblemKind(StrEnum):
    """What could not be read in a message; the values are stored, keep them stable."""

    NO_SENDER = "no_sender"
    BAD_SENDER = "bad_sender"
    NO_DATE = "no_date"
    BAD_DATE = "bad_date"
    BAD_RECIPIENT = "bad_recipient"
    GUESSED_CHARSET = "guessed_charset"
    BAD_ENCODING = "bad_encoding"


@dataclass(frozen=True)
class ParseProblem:
    """One thing that was wrong with a message, and the header value at fault (shortened)."""

    kind: ProblemKind
    value: str = ""

    def text(self) -> str:
        """The problem in words, in the user's language."""
        if self.kind is ProblemKind.NO_SENDER:
            message = translate("mail", "The message has no sender (From).")
        elif self.kind is ProblemKind.BAD_SENDER:
            message = translate("mail", "The sender address cannot be read: {value}")
        elif self.kind is ProblemKind.NO_DATE:
            message = translate("mail", "The message has no date.")
        elif self.kind is ProblemKind.BAD_DATE:
            message = translate("mail", "The date cannot be read: {value}")
        elif self.kind is ProblemKind.BAD_RECIPIENT:
            message = translate("mail", "A recipient address cannot be read: {value}")
        elif self.kind is ProblemKind.GUESSED_CHARSET:
            message = translate("mail", "The text's character set was guessed.")
        else:
            message = translate("mail", "Part of the text is damaged and was skipped.")
        return message.format(value=self.value)


@dataclass(frozen=True)
class ParsedMessage:
    """Everything a lead keeps from one message (the text at most 1,000 characters)."""

    sender_name: str
    sender_address: str
    subject: str
    date: dt.datetime | None
    message_id: str
    in_reply_to: str
    references: tuple[str, ...]
    recipients: tuple[Recipient, ...]
    text: str
    attachment_names: tuple[str, ...]
    automatic: NotLead | None
    problems: tuple[ParseProblem, ...]

    @property
    def is_auto_reply(self) -> bool:
        return self.automatic is not None and self.automatic.reason is NotLeadReason.AUTO_REPLY

    @property
    def is_bounce(self) -> bool:
        """A bounce or another delivery report (read receipt, delivery notice)."""
        return self.automatic is not None and self.automatic.reason in {
            NotLeadReason.BOUNCE,
            NotLeadReason.DELIVERY_REPORT,
        }

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """The Message-IDs this one answers: In-Reply-To first, then References newest first."""
        ids: dict[str, None] = {}
        if self.in_reply_to:
            ids[self.in_reply_to] = None
        for ref in reversed(self.references):
            ids.setdefault(ref, None)
        return tuple(ids)


def header_fetch_item(fields: Sequence[str] = LEAD_HEADER_FIELDS) -> tuple[str, bytes]:
    """The FETCH item for the header fields and the key IMAPClient returns them under."""
    names = " ".join(name.upper() for name in fields)
    return f"BODY.PEEK[HEADER.FIELDS ({names})]", f"BODY[HEADER.FIELDS ({names})]".encode()


def text_fetch_item(part: MimePart, limit: int = TEXT_FETCH_BYTES) -> tuple[str, bytes]:
    """The FETCH item for the start of ``part`` and the key IMAPClient returns it under."""
    return section_fetch_item(part.section, limit)


def section_fetch_item(section: str, limit: int = TEXT_FETCH_BYTES) -> tuple[str, bytes]:
    """The FETCH item for the start of the part at ``section`` and its answer key."""
    return f"BODY.PEEK[{section}]<0.{limit}>", f"BODY[{section}]<0>".encode()


def structure_of(bodystructure: Sequence[Any] | MimePart) -> MimePart:
    """The MIME tree of IMAPClient's ``BODYSTRUCTURE`` value (a MimePart passes through)."""
    return bodystructure if isinstance(bodystructure, MimePart) else from_imap(bodystructure)


def parse_fetched(
    header_block: bytes,
    bodystructure: Sequence[Any] | MimePart | None,
    text: bytes | None = None,
    *,
    text_section: str | None = None,
    text_limit: int = TEXT_LIMIT,
) -> ParsedMessage:
    """Parse the pieces the sync fetched for one message.

    ``text`` is the (partial) body of the part at ``text_section``; by default the part
    :func:`choose_text_part` picks, which is what the sync should fetch. With
    ``text_section="TEXT"`` it is the start of the whole body (:func:`text_prefix_fetch_item`),
    and the chosen part is cut out of it; a part that starts after the prefix gives no text.
    """
    structure = structure_of(bodystructure) if bodystructure is not None else None
    part = choose_text_part(structure) if structure is not None else None
    if text_section is not None and text_section.upper() == "TEXT":
        if structure is not None and structure.is_multipart and text is not None:
            text = _part_from_text_prefix(structure, part, text)
    elif text_section is not None and structure is not None:
        part = structure.find(text_section) or part
    return _build(HeaderFields.parse(header_block), structure, part, text, text_limit)


def parse_fetched_part(
    header_block: bytes,
    structure: MimePart | None,
    part: MimePart | None,
    text: bytes | None,
    *,
    text_limit: int = TEXT_LIMIT,
) -> ParsedMessage:
    """:func:`parse_fetched` for a caller that already holds the MIME tree and the text part
    :func:`choose_text_part` picked in it (``text`` is that part's start, or None)."""
    return _build(HeaderFields.parse(header_block), structure, part, text, text_limit)


def _part_from_text_prefix(root: MimePart, part: MimePart | None, text: bytes) -> bytes | None:
    """Cut ``part``'s body out of the start of a multipart body (``BODY[TEXT]<0.N>``).

    ``None`` when the prefix ends before the part's body starts: fetch the part itself then.
    """
    boundary = root.params.get("boundary", "")
    if part is None or not boundary:
        return None
    head = f'Content-Type: multipart/{root.subtype}; boundary="{boundary}"\r\n\r\n'
    message = BytesParser(policy=policy.compat32).parsebytes(head.encode("utf-8") + text)
    node = _email_part(message, part.section)
    if node is None or any(isinstance(d, MissingHeaderBodySeparatorDefect) for d in node.defects):
        return None  # the prefix ends before the part, or inside its header block
    payload = raw_payload(node)
    if len(payload) < part.size:
        # The prefix may end inside the next boundary line ("\r\n--bou"): not part of the body.
        line_start = payload.rfind(b"\n--")
        tail = payload[line_start + 1 :] if line_start >= 0 else b""
        markers = [
            ("--" + p.params.get("boundary", "")).encode("utf-8", "replace")
            for p in root.walk()
            if p.is_multipart
        ]
        if tail and b"\n" not in tail and any(m.startswith(tail.rstrip(b"\r")) for m in markers):
            payload = payload[:line_start].rstrip(b"\r")
    return payload


def text_prefix_fetch_item(limit: int = TEXT_FETCH_BYTES) -> tuple[str, bytes]:
    """``BODY.PEEK[TEXT]<0.N>`` and its answer key: the text in the same round trip as the
    headers and BODYSTRUCTURE (pass ``text_section="TEXT"`` to :func:`parse_fetched`)."""
    return f"BODY.PEEK[TEXT]<0.{limit}>", b"BODY[TEXT]<0>"


def parse_rfc822(
    raw: bytes, *, fetch_bytes: int | None = TEXT_FETCH_BYTES, text_limit: int = TEXT_LIMIT
) -> ParsedMessage:
    """Parse a whole message the way the sync would see it (``fetch_bytes=None``: no cut)."""
    end = _header_end(raw)
    headers = HeaderFields.parse(raw[:end]).only(LEAD_HEADER_FIELDS)
    message = BytesParser(policy=policy.compat32).parsebytes(raw)
    structure = from_message(message)
    part = choose_text_part(structure)
    text: bytes | None = None
    if part is not None:
        node = _email_part(message, part.section)
        if node is not None:
            text = raw_payload(node)
            if fetch_bytes is not None:
                text = text[:fetch_bytes]
    return _build(headers, structure, part, text, text_limit)


def _header_end(raw: bytes) -> int:
    candidates = [i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0]
    return min(candidates) + 2 if candidates else len(raw)


def _email_part(message: Message, section: str) -> Message | None:
    """The ``email`` node at an IMAP section number (``"1"`` of a single part is the message)."""
    if not message.is_multipart():
        return message if section == "1" else None
    node: Message = message
    for number in section.split("."):
        payload = node.get_payload()
        if not isinstance(payload, list) or not number.isdigit():
            return None
        index = int(number) - 1
        child = payload[index] if 0 <= index < len(payload) else None
        if not isinstance(child, Message):
            return None
        node = child
    return node


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= _MAX_PROBLEM_VALUE else value[: _MAX_PROBLEM_VALUE - 1] + "…"


def _build(
    headers: HeaderFields,
    structure: MimePart | None,
    part: MimePart | None,
    text_bytes: bytes | None,
    text_limit: int,
) -> ParsedMessage:
    problems: list[ParseProblem] = []
    # Raw 8-bit headers are usually in the body's code page: let it break ties when guessing.
    hint_source = part or structure
    headers.charset_hint = hint_source.charset if hint_source is not None else None

    sender_name = sender_address = ""
    from_value = headers.text("from")
    if not from_value.strip():
        problems.append(ParseProblem(ProblemKind.NO_SENDER))
    else:
        senders, bad = addresses_of(from_value)
        if senders:
            sender_name, sender_address = senders[0].name, senders[0].address
        else:
            problems.append(ParseProblem(ProblemKind.BAD_SENDER, _short(from_value)))
            sender_name = ", ".join(_short(piece) for piece in bad if "@" not in piece)

    date_value = headers.text("date")
    date, why = parse_date(date_value)
    if date is None:
        if why == "missing":
            problems.append(ParseProblem(ProblemKind.NO_DATE))
        else:
            problems.append(ParseProblem(ProblemKind.BAD_DATE, _short(date_value)))

    message_ids = parse_message_ids(headers.text("message-id"))
    in_reply_to = parse_message_ids(headers.text("in-reply-to"))
    references = tuple(parse_message_ids(" ".join(headers.text_all("references"))))

    recipients, bad_recipients = extract_recipients(headers)
    if bad_recipients:
        problems.extend(ParseProblem(ProblemKind.BAD_RECIPIENT, _short(v)) for v in bad_recipients)

    text = ""
    if part is not None and text_bytes is not None:
        complete = part.size > 0 and len(text_bytes) >= part.size
        text, text_problems = extract_text(
            text_bytes,
            subtype=part.subtype,
            encoding=part.encoding,
            charset=part.charset,
            complete=complete,
            limit=text_limit,
        )
        if "charset" in text_problems:
            problems.append(ParseProblem(ProblemKind.GUESSED_CHARSET))
        if "encoding" in text_problems:
            problems.append(ParseProblem(ProblemKind.BAD_ENCODING))

    subject = headers.decoded("subject")
    if headers.eight_bit_guessed and not any(
        p.kind is ProblemKind.GUESSED_CHARSET for p in problems
    ):
        problems.append(ParseProblem(ProblemKind.GUESSED_CHARSET))

    return ParsedMessage(
        sender_name=sender_name,
        sender_address=sender_address,
        subject=subject,
        date=date,
        message_id=message_ids[0] if message_ids else "",
        in_reply_to=in_reply_to[0] if in_reply_to else "",
        references=references,
        recipients=recipients,
        text=text,
        attachment_names=attachment_names(structure, part) if structure is not None else (),
        automatic=detect_automatic(headers, structure, sender_address),
        problems=tuple(problems),
    )
