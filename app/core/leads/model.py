"""Plain types for leads and the queries over them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from app.core.i18n import translate


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
    STATUS = "status"
    DEAL = "deal"


class LeadStatus(StrEnum):
    """Where the agency's client stands with a lead (set by hand or by a CRM import)."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DEAL = "deal"
    NO_DEAL = "no_deal"
    SPAM = "spam"

    @property
    def label(self) -> str:
        """The status as a person reads it, in the user's language."""
        return status_label(self)


def status_label(status: str) -> str:
    """A translated label for a stored status value (unknown values are shown as stored)."""
    labels = {
        LeadStatus.NEW: translate("leads", "New"),
        LeadStatus.IN_PROGRESS: translate("leads", "In progress"),
        LeadStatus.DEAL: translate("leads", "Deal"),
        LeadStatus.NO_DEAL: translate("leads", "No deal"),
        LeadStatus.SPAM: translate("leads", "Spam"),
    }
    try:
        return labels[LeadStatus(status)]
    except ValueError:
        return status


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
    """Text in the sender's name or address, the subject or the text; any case, ``ё`` = ``е``."""
    since: datetime | None = None
    until: datetime | None = None
    """Exclusive end of the period (``received_at < until``)."""
    sort: LeadSort = LeadSort.RECEIVED
    descending: bool = True
    source: str | None = None
    """Only leads whose matched visit has this source (exact; likewise the next three)."""
    medium: str | None = None
    campaign: str | None = None
    keyword: str | None = None
    repeat: bool | None = None
    """True: repeat contacts only; False: first contacts only; None: both."""
    replied: bool | None = None
    """True: answered by the client's staff; False: not answered yet; None: both."""
    statuses: tuple[LeadStatus, ...] = ()
    """Any of these statuses (empty: all)."""
    tags: tuple[str, ...] = ()
    """Leads carrying every one of these tags (normalised on use)."""


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
    status: LeadStatus
    deal_amount: Decimal | None
    """In the client's currency (``currency``)."""
    currency: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Lead(LeadSummary):
    """Everything stored about one email (the detail pane)."""

    deal_date: date | None
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
