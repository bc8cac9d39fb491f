"""Plain domain types for tracking addresses (what leaves the core instead of ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.core.addresses.styles import AddressStyle
from app.core.addresses.validation import display_address


@dataclass(frozen=True)
class TrackingAddress:
    """A tracking address of a client, as the rest of the app sees it."""

    id: int
    client_id: int
    channel_id: int | None
    """None when its channel was deleted; the address stays reserved all the same."""
    address: str
    """Stored form, domain in IDNA (``info+tv@client.xn--p1ai``)."""
    style: AddressStyle
    tag: str
    notes: str
    active: bool
    created_at: datetime
    retired_at: datetime | None
    updated_at: datetime

    @property
    def display(self) -> str:
        """The address as people read it (``info+tv@client.рф``)."""
        return display_address(self.address)


@dataclass(frozen=True)
class AddressFields:
    """What a user enters to create a tracking address.

    ``plus`` and ``alias`` addresses are composed from ``tag`` (empty: suggested from the
    channel's name); ``custom`` addresses are given whole in ``address``.
    """

    channel_id: int | None
    style: AddressStyle | None = None
    """None: the client's default style."""
    tag: str = ""
    address: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Suggestion:
    """A proposed address for a channel: shown to the user, who may edit the tag."""

    style: AddressStyle
    tag: str
    address: str

    @property
    def display(self) -> str:
        return display_address(self.address)
