"""Plain domain types for clients and channels (what leaves the core instead of ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class ChannelKind(StrEnum):
    """Where a channel's ads run."""

    OFFLINE = "offline"
    ONLINE = "online"
    OTHER = "other"


@dataclass(frozen=True)
class Client:
    """A client project as the rest of the app sees it."""

    id: int
    name: str
    domains: tuple[str, ...]
    """Email domains in IDNA (ASCII) form; shown in Unicode with :func:`domain_to_unicode`."""
    main_address: str
    currency: str
    notes: str
    archived: bool
    created_at: datetime
    updated_at: datetime
    channel_count: int = 0


@dataclass(frozen=True)
class ClientFields:
    """What a user types to create or edit a client; validated by the service."""

    name: str
    domains: tuple[str, ...] = ()
    main_address: str = ""
    currency: str = "RUB"
    notes: str = ""


@dataclass(frozen=True)
class Channel:
    """An advertising channel of a client."""

    id: int
    client_id: int
    name: str
    kind: ChannelKind
    color: str
    notes: str
    active: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ChannelFields:
    """What a user types to create or edit a channel."""

    name: str
    kind: ChannelKind = ChannelKind.OFFLINE
    color: str = ""
    """``#rrggbb``; empty picks the next colour of the palette."""
    notes: str = ""
    active: bool = True
    extra: dict[str, str] = field(default_factory=dict)


# Tableau 10: distinguishable, colour-blind friendly, prints well in greyscale reports.
PALETTE: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
