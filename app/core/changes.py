"""What a mutating core operation changed, so views refresh only what is affected."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Ids of records created or changed, and of records deleted, by one operation."""

    clients: frozenset[int] = field(default_factory=frozenset)
    channels: frozenset[int] = field(default_factory=frozenset)
    deleted_clients: frozenset[int] = field(default_factory=frozenset)
    deleted_channels: frozenset[int] = field(default_factory=frozenset)
    addresses: frozenset[int] = field(default_factory=frozenset)
    """Tracking addresses created, edited or retired (they are never deleted)."""
    mailboxes: frozenset[int] = field(default_factory=frozenset)
    """Mailbox accounts created or edited, or whose sync state changed."""
    deleted_mailboxes: frozenset[int] = field(default_factory=frozenset)
    lead_clients: frozenset[int] = field(default_factory=frozenset)
    """Clients whose leads were added, changed or re-attributed (leads come in thousands)."""
    visit_clients: frozenset[int] = field(default_factory=frozenset)
    """Clients whose imported visits, import history or visit settings changed."""
    cost_clients: frozenset[int] = field(default_factory=frozenset)
    """Clients whose channel costs were added, edited, imported or deleted."""

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)}
        )

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """The value an operation produced (e.g. the saved client) and what it changed."""

    value: T
    changes: Changes
