"""Plain types for mailbox accounts and their folders' sync state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Security(StrEnum):
    """How the connection is protected."""

    SSL = "ssl"
    """Implicit TLS from the first byte (IMAPS, usually port 993)."""
    STARTTLS = "starttls"
    """Plain connection upgraded with STARTTLS (usually port 143); refused if the upgrade fails."""
    PLAIN = "plain"
    """No encryption: only when the user explicitly allowed it, with a warning."""


class SyncStatus(StrEnum):
    """How the last sync of a mailbox ended."""

    NEVER = ""
    OK = "ok"
    PARTIAL = "partial"
    """Some folders synced, some failed (e.g. a folder was deleted on the server)."""
    FAILED = "failed"
    CANCELLED = "cancelled"


class FolderRole(StrEnum):
    """What a folder is read for."""

    INBOX = "inbox"
    JUNK = "junk"
    OTHER = "other"
    SENT = "sent"


@dataclass(frozen=True)
class FolderState:
    """Where the sync of one folder stands."""

    id: int
    mailbox_id: int
    name: str
    role: FolderRole
    uidvalidity: int | None
    last_uid: int
    messages_seen: int
    last_sync_at: datetime | None
    last_error: str


@dataclass(frozen=True)
class Mailbox:
    """A client's IMAP account as the rest of the app sees it (never with its password)."""

    id: int
    client_id: int
    name: str
    preset: str
    host: str
    port: int
    security: Security
    username: str
    ca_file: str
    folders: tuple[str, ...]
    sent_folder: str
    sync_since: date | None
    auto_sync_minutes: int
    active: bool
    last_sync_at: datetime | None
    last_sync_status: SyncStatus
    last_sync_message: str
    created_at: datetime
    updated_at: datetime
    folder_states: tuple[FolderState, ...] = ()

    @property
    def display_name(self) -> str:
        return self.name or self.username

    @property
    def keyring_key(self) -> str:
        return keyring_key(self.id)


@dataclass(frozen=True)
class MailboxFields:
    """What a user types to add or edit a mailbox."""

    host: str
    username: str
    port: int = 993
    security: Security = Security.SSL
    name: str = ""
    preset: str = "other"
    ca_file: str = ""
    folders: tuple[str, ...] = ("INBOX",)
    sent_folder: str = ""
    sync_since: date | None = None
    """None: on the first sync, 90 days back."""
    auto_sync_minutes: int = 15
    """0 turns auto-sync off."""
    active: bool = True
    allow_plaintext: bool = False
    """Must be True to save ``Security.PLAIN``: the user saw the warning and accepted it."""
    extra: dict[str, str] = field(default_factory=dict)


def keyring_key(mailbox_id: int) -> str:
    """The keyring entry of a mailbox's password (service ``Mailsource``)."""
    return f"mailbox:{mailbox_id}"
