"""What a mutating core operation changed, so views refresh only what is affected."""

from __future__ import annotations

from dataclasses import dataclass, field
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

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            clients=self.clients | other.clients,
            channels=self.channels | other.channels,
            deleted_clients=self.deleted_clients | other.deleted_clients,
            deleted_channels=self.deleted_channels | other.deleted_channels,
            addresses=self.addresses | other.addresses,
        )

    @property
    def empty(self) -> bool:
        return not (
            self.clients
            or self.channels
            or self.deleted_clients
            or self.deleted_channels
            or self.addresses
        )


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """The value an operation produced (e.g. the saved client) and what it changed."""

    value: T
    changes: Changes
