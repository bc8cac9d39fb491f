"""Plain types for leads and the queries over them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class LeadView(StrEnum):
    """Which stored mail a list shows."""

    LEADS = "leads"
    FILTERED = "filtered"
    """Auto-replies, bounces, own-domain mail and replies in a thread, each with its reason."""
    ALL = "all"


class LeadSort(StrEnum):
    """Columns a lead list can be ordered by (each backed by SQL, never sorted in Python)."""

    RECEIVED = "received"
    SENDER = "sender"
    SUBJECT = "subject"
    CHANNEL = "channel"
    RESPONSE = "response"


class FilterReason(StrEnum):
    """Why an email is not a lead."""

    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    OWN_DOMAIN = "own_domain"
    THREAD_REPLY = "thread_reply"
    BULK = "bulk"
    MANUAL = "manual"


UNTRACKED = -1
"""``LeadQuery.channel_id`` value that selects leads sent to no tracking address."""


@dataclass(frozen=True)
class LeadQuery:
    """What a lead list shows and in which order."""

    client_id: int
    view: LeadView = LeadView.LEADS
    channel_id: int | None = None
    """A channel's id, :data:`UNTRACKED`, or None for all."""
    search: str = ""
    since: datetime | None = None
    until: datetime | None = None
    sort: LeadSort = LeadSort.RECEIVED
    descending: bool = True


@dataclass(frozen=True)
class LeadSummary:
    """One row of a lead list."""

    id: int
    received_at: datetime
    sender_name: str
    sender_address: str
    subject: str
    channel_id: int | None
    channel_name: str
    channel_color: str
    tracking_address: str
    match_kind: str
    token: str
    is_repeat: bool
    first_reply_at: datetime | None
    response_seconds: int | None
    filtered_reason: str | None


@dataclass(frozen=True)
class Lead(LeadSummary):
    """Everything stored about one email (the detail pane)."""

    client_id: int
    mailbox_id: int | None
    folder: str
    message_id: str
    sent_at: datetime | None
    text: str
    attachment_names: tuple[str, ...]
    recipients: tuple[tuple[str, str], ...]
    filtered_detail: str
    thread_lead_id: int | None


@dataclass(frozen=True)
class LeadCounts:
    """Totals of a client's stored mail."""

    leads: int
    tracked: int
    repeat: int
    filtered: int
    replied: int
