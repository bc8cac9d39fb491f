"""Attribution of one parsed email: which tracking address it reached, and its identity.

Pure functions, no database: :func:`attribute` applies the matching rule to the recipients in
their order of trust; :func:`dedup_key` gives the key that makes a lead unique per client;
:func:`draft` turns a parsed message into the values of a lead row (the store decides whether
it is a lead, a thread reply or a repeat, which needs the stored leads).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.core.addresses.matching import AddressBook, MatchKind, normalize_recipient
from app.core.mail.classify import NotLead
from app.core.mail.message import ParsedMessage

MAX_KEY = 500


@dataclass(frozen=True)
class Attribution:
    """How an email's recipients matched the client's tracking addresses."""

    match_kind: MatchKind
    tracking_address: str
    """The recipient that decided the channel or token ("" when untracked)."""
    address_id: int | None
    channel_id: int | None
    token: str

    @property
    def tracked(self) -> bool:
        return self.match_kind in (MatchKind.TRACKING, MatchKind.TOKEN)


UNTRACKED = Attribution(MatchKind.NONE, "", None, None, "")


def attribute(recipients: Iterable[str], book: AddressBook) -> Attribution:
    """Match recipients (most trustworthy first: Delivered-To ... Received) against ``book``.

    The first tracking address or token decides; an unknown tag or the main address is kept
    as the kind (the lead stays untracked, but reports can tell "reached the main address").
    """
    found = book.match_first(recipients)
    if found.kind is MatchKind.NONE:
        return UNTRACKED
    return Attribution(
        match_kind=found.kind,
        tracking_address=found.recipient if found.tracked else "",
        address_id=found.address_id,
        channel_id=found.channel_id,
        token=found.token if found.kind is MatchKind.TOKEN else "",
    )


@lru_cache(maxsize=4096)  # senders write again and again
def sender_key(address: str) -> str:
    """The sender as repeat-contact detection compares it: lower case, IDNA domain."""
    folded = normalize_recipient(address) if address else None
    return f"{folded[0]}@{folded[1]}" if folded else address.strip().lower()


def _utc_seconds(moment: dt.datetime | None) -> str:
    """``20260110T090000``: the moment in UTC to the second."""
    if moment is None:
        return ""
    utc = moment if moment.tzinfo is dt.UTC else moment.astimezone(dt.UTC)
    if utc.year < 1000:  # strftime writes such a year without leading zeros
        return utc.strftime("%Y%m%dT%H%M%S")
    iso = utc.isoformat()  # 2026-01-10T09:00:00[.ffffff]+00:00, several times faster
    return f"{iso[0:4]}{iso[5:7]}{iso[8:10]}T{iso[11:13]}{iso[14:16]}{iso[17:19]}"


def dedup_key(parsed: ParsedMessage, received_at: dt.datetime | None = None) -> str:
    """The key a lead is unique by within a client.

    The Message-ID with the Date header (a broken mailer reusing one Message-ID for different
    mail still gives different keys; the same email in two folders, or fetched again after a
    UIDVALIDITY change, gives the same). Without a Message-ID: a digest of sender, date,
    subject and recipients, with the server's arrival time when there is no Date either.
    """
    date_part = _utc_seconds(parsed.date)
    if parsed.message_id:
        key = f"m:{parsed.message_id}|{date_part}"
        if len(key) <= MAX_KEY:
            return key
        return "m#" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    pieces = [
        sender_key(parsed.sender_address),
        date_part or _utc_seconds(received_at),
        parsed.subject,
        ",".join(r.address.lower() for r in parsed.recipients[:5]),
    ]
    digest = hashlib.sha256("\x1f".join(pieces).encode("utf-8", "surrogatepass")).hexdigest()
    return "h:" + digest


def clean(text: str, limit: int) -> str:
    """Text safe for any database column: no NUL (PostgreSQL refuses it), at most ``limit``."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text[:limit]


MESSAGE_COLUMNS = (
    "uid",
    "dedup_key",
    "message_id",
    "in_reply_to",
    '"references"',
    "sender_name",
    "sender_address",
    "subject",
    "text",
    "attachment_names",
    "recipients",
    "tracking_address",
    "address_id",
    "channel_id",
    "match_kind",
    "token",
)
"""The lead row's columns that come from the message alone, in :attr:`LeadDraft.values` order."""

_encode_json = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(..., False) does


def _json(value: list[Any]) -> str:
    return _encode_json(value) if value else "[]"


class LeadDraft:
    """One fetched email, attributed, before the store files it (lead, filtered, thread reply).

    Holds what the store needs and no more: the row values that come from the message
    (:data:`MESSAGE_COLUMNS`, already cleaned and JSON-encoded), the two timestamps, and what
    the lead rules read. Cheap to pickle, as drafts come back from the sync's parsing process
    by the thousand (a draft holding the parsed message's dataclasses cost 30 us a message).
    """

    __slots__ = (
        "automatic",
        "date",
        "dedup_key",
        "filtered_detail",
        "filtered_reason",
        "message_id",
        "received_at",
        "sender",
        "sender_address",
        "thread_ids",
        "thread_lead_id",
        "thread_root_key",
        "values",
    )

    def __init__(  # noqa: PLR0917 - one value per field, from draft() and unpickling
        self,
        values: tuple[Any, ...],
        received_at: dt.datetime,
        date: dt.datetime | None,
        sender: str,
        sender_address: str,
        thread_ids: tuple[str, ...],
        automatic: NotLead | None,
    ) -> None:
        self.values = values
        """The message's row values, in :data:`MESSAGE_COLUMNS` order."""
        self.dedup_key: str = values[1]
        self.message_id: str = values[2]
        self.received_at = received_at
        self.date = date
        self.sender = sender
        """The sender as repeat contacts compare it (:func:`sender_key`)."""
        self.sender_address = sender_address
        self.thread_ids = thread_ids
        self.automatic = automatic
        """An auto-reply, bounce or report, judged from the message alone."""
        self.filtered_reason: str | None = None
        self.filtered_detail = ""
        self.thread_root_key = ""
        """For a thread reply whose lead is in the same batch: that lead's dedup key."""
        self.thread_lead_id: int | None = None

    @property
    def uid(self) -> int | None:
        uid: int | None = self.values[0]
        return uid

    def __reduce__(self) -> tuple[Any, ...]:
        # The constructor's arguments as one tuple: far cheaper to pickle than the slots.
        return (
            LeadDraft,
            (
                self.values,
                self.received_at,
                self.date,
                self.sender,
                self.sender_address,
                self.thread_ids,
                self.automatic,
            ),
        )

    def __repr__(self) -> str:
        return f"LeadDraft({self.dedup_key!r}, uid={self.uid}, sender={self.sender!r})"


def draft(
    parsed: ParsedMessage,
    book: AddressBook,
    *,
    received_at: dt.datetime | None,
    uid: int | None = None,
) -> LeadDraft:
    """A parsed message, attributed; the arrival time falls back to Date, then to now."""
    moment = received_at or parsed.date or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    recipients = parsed.recipients
    att = attribute([r.address for r in recipients], book)
    references = parsed.references
    names = parsed.attachment_names
    sender = clean(sender_key(parsed.sender_address), 320)
    values = (
        uid,
        dedup_key(parsed, moment),
        clean(parsed.message_id, 500),
        clean(parsed.in_reply_to, 500),
        _json([clean(r, 500) for r in references[-50:]]) if references else "[]",
        clean(parsed.sender_name, 300),
        sender,
        clean(parsed.subject, 5000),
        clean(parsed.text, 1000),
        _json([clean(n, 500) for n in names]) if names else "[]",
        _json([[r.source.value, r.address] for r in recipients]).replace("\\u0000", ""),
        clean(att.tracking_address, 254),
        att.address_id,
        att.channel_id,
        att.match_kind.value,
        clean(att.token, 64),
    )
    return LeadDraft(
        values,
        moment.astimezone(dt.UTC),
        parsed.date,
        sender,
        parsed.sender_address,
        parsed.thread_ids,
        parsed.automatic,
    )


def recipients_of(stored: Sequence[Sequence[str]]) -> list[str]:
    """The addresses of a stored ``recipients`` JSON value, in their stored order."""
    return [str(pair[1]) for pair in stored if len(pair) >= 2]
