"""Attribution of one parsed email: which tracking address it reached, and its identity.

Pure functions, no database: :func:`attribute` applies the matching rule to the recipients in
their order of trust; :func:`dedup_key` gives the key that makes a lead unique per client;
:func:`draft` turns a parsed message into the values of a lead row (the store decides whether
it is a lead, a thread reply or a repeat, which needs the stored leads).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.core.addresses.matching import AddressBook, MatchKind, normalize_recipient
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


def sender_key(address: str) -> str:
    """The sender as repeat-contact detection compares it: lower case, IDNA domain."""
    folded = normalize_recipient(address) if address else None
    return f"{folded[0]}@{folded[1]}" if folded else address.strip().lower()


def _utc_seconds(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S")


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


@dataclass
class LeadDraft:
    """The values of one lead row before the store files it (lead, filtered, thread reply)."""

    parsed: ParsedMessage
    dedup_key: str
    received_at: dt.datetime
    uid: int | None
    sender: str
    attribution: Attribution
    recipients: list[list[str]]
    filtered_reason: str | None = None
    filtered_detail: str = ""
    thread_root_key: str = ""
    """For a thread reply whose lead is in the same batch: that lead's dedup key."""
    thread_lead_id: int | None = None


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
    addresses = [r.address for r in parsed.recipients]
    return LeadDraft(
        parsed=parsed,
        dedup_key=dedup_key(parsed, moment),
        received_at=moment.astimezone(dt.UTC),
        uid=uid,
        sender=clean(sender_key(parsed.sender_address), 320),
        attribution=attribute(addresses, book),
        recipients=[[r.source.value, r.address] for r in parsed.recipients],
    )


def recipients_of(stored: Sequence[Sequence[str]]) -> list[str]:
    """The addresses of a stored ``recipients`` JSON value, in their stored order."""
    return [str(pair[1]) for pair in stored if len(pair) >= 2]
