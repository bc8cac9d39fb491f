"""Adding, editing and removing mailbox accounts; their passwords go to the OS keyring only."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import credentials
from app.core.changes import Changes, OpResult
from app.core.clients.service import ClientService
from app.core.errors import NotFoundError, ValidationError
from app.core.i18n import translate
from app.core.mailboxes.model import (
    FolderRole,
    FolderState,
    Mailbox,
    MailboxFields,
    Security,
    SyncStatus,
    keyring_key,
)
from app.core.storage.database import Database
from app.core.storage.models import MailboxFolderRow, MailboxRow

log = logging.getLogger(__name__)

FolderRows = list[MailboxFolderRow]

MAX_FOLDERS = 50


def _folder(row: MailboxFolderRow) -> FolderState:
    return FolderState(
        id=row.id,
        mailbox_id=row.mailbox_id,
        name=row.name,
        role=FolderRole(row.role),
        uidvalidity=row.uidvalidity,
        last_uid=row.last_uid,
        messages_seen=row.messages_seen,
        last_sync_at=row.last_sync_at,
        last_error=row.last_error,
    )


def mailbox_from_row(row: MailboxRow, folders: list[MailboxFolderRow] | None = None) -> Mailbox:
    return Mailbox(
        id=row.id,
        client_id=row.client_id,
        name=row.name,
        preset=row.preset,
        host=row.host,
        port=row.port,
        security=Security(row.security),
        username=row.username,
        ca_file=row.ca_file,
        folders=tuple(row.folders or ()),
        sent_folder=row.sent_folder,
        sync_since=row.sync_since,
        auto_sync_minutes=row.auto_sync_minutes,
        active=row.active,
        last_sync_at=row.last_sync_at,
        last_sync_status=SyncStatus(row.last_sync_status or ""),
        last_sync_message=row.last_sync_message,
        created_at=row.created_at,
        updated_at=row.updated_at,
        folder_states=tuple(_folder(f) for f in folders or ()),
    )


def clean_fields(fields: MailboxFields) -> dict[str, object]:
    """Validate what the user typed; each failure names the field."""
    host = fields.host.strip().lower().rstrip(".")
    if not host or " " in host or "/" in host:
        raise ValidationError(
            translate("mailboxes", "Enter the IMAP server's host name, e.g. imap.yandex.ru."),
            field="host",
        )
    try:
        import idna

        host = idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as exc:
        raise ValidationError(
            translate("mailboxes", "“{host}” is not a valid host name.").format(host=fields.host),
            field="host",
        ) from exc
    if not 1 <= int(fields.port) <= 65535:
        raise ValidationError(
            translate("mailboxes", "The port must be a number from 1 to 65535."), field="port"
        )
    username = fields.username.strip()
    if not username:
        raise ValidationError(
            translate("mailboxes", "Enter the user name (usually the full email address)."),
            field="username",
        )
    security = Security(fields.security)
    if security is Security.PLAIN and not fields.allow_plaintext:
        raise ValidationError(
            translate(
                "mailboxes",
                "An unencrypted connection sends the password and the mail in the clear. "
                "Confirm that you accept this, or choose SSL/TLS or STARTTLS.",
            ),
            field="security",
        )
    folders = [f.strip() for f in fields.folders if f.strip()]
    folders = list(dict.fromkeys(folders))
    if not folders:
        raise ValidationError(
            translate("mailboxes", "Choose at least one folder to read (usually INBOX)."),
            field="folders",
        )
    if len(folders) > MAX_FOLDERS:
        raise ValidationError(
            translate("mailboxes", "Choose at most {n} folders.").format(n=MAX_FOLDERS),
            field="folders",
        )
    if fields.auto_sync_minutes < 0:
        raise ValidationError(
            translate("mailboxes", "The auto-sync interval cannot be negative."),
            field="auto_sync_minutes",
        )
    return {
        "name": fields.name.strip()[:200],
        "preset": fields.preset or "other",
        "host": host,
        "port": int(fields.port),
        "security": security.value,
        "username": username,
        "ca_file": fields.ca_file.strip(),
        "folders": folders,
        "sent_folder": fields.sent_folder.strip(),
        "sync_since": fields.sync_since,
        "auto_sync_minutes": int(fields.auto_sync_minutes),
        "active": bool(fields.active),
    }


class MailboxService:
    """Mailbox accounts of clients."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, client_id: int | None = None) -> list[Mailbox]:
        """A client's mailboxes (all clients' with None), with their folders' sync state."""
        query = select(MailboxRow).order_by(MailboxRow.client_id, MailboxRow.id)
        if client_id is not None:
            query = query.where(MailboxRow.client_id == client_id)
        with self._db.session() as s:
            rows = list(s.scalars(query))
            folders = self._folders(s, [r.id for r in rows])
            return [mailbox_from_row(r, folders.get(r.id, [])) for r in rows]

    def get(self, mailbox_id: int) -> Mailbox:
        with self._db.session() as s:
            row = self._row(s, mailbox_id)
            return mailbox_from_row(row, self._folders(s, [row.id]).get(row.id, []))

    def create(
        self, client_id: int, fields: MailboxFields, password: str | None = None
    ) -> OpResult[Mailbox]:
        """Save a mailbox; ``password`` goes to the keyring (after the row exists)."""
        values = clean_fields(fields)
        with self._db.session() as s:
            ClientService._row(s, client_id)
            row = MailboxRow(client_id=client_id, **values)
            s.add(row)
            s.flush()
            mailbox = mailbox_from_row(row)
        if password:
            try:
                credentials.set_password(keyring_key(mailbox.id), password)
            except credentials.KeyringError:
                # Without its password the account is useless; do not leave a half-made one.
                self._delete_row(mailbox.id)
                raise
        log.info("Mailbox %s added for client %s", mailbox.id, client_id)
        return OpResult(mailbox, Changes(mailboxes=frozenset({mailbox.id})))

    def update(
        self, mailbox_id: int, fields: MailboxFields, password: str | None = None
    ) -> OpResult[Mailbox]:
        """Save edits; a new ``password`` replaces the keyring entry (None keeps it)."""
        values = clean_fields(fields)
        with self._db.session() as s:
            row = self._row(s, mailbox_id)
            server_changed = (row.host, row.username) != (values["host"], values["username"])
            for key, value in values.items():
                setattr(row, key, value)
            if server_changed:
                # Another account: its UIDs mean nothing here, so read its folders afresh.
                for folder in s.scalars(
                    select(MailboxFolderRow).where(MailboxFolderRow.mailbox_id == mailbox_id)
                ):
                    s.delete(folder)
            s.flush()
            mailbox = mailbox_from_row(row)
        if password:
            credentials.set_password(keyring_key(mailbox_id), password)
        return OpResult(self.get(mailbox_id), Changes(mailboxes=frozenset({mailbox.id})))

    def set_password(self, mailbox_id: int, password: str) -> None:
        self.get(mailbox_id)
        credentials.set_password(keyring_key(mailbox_id), password)

    def password(self, mailbox_id: int) -> str | None:
        """The stored password (for connecting only; never log or show it)."""
        return credentials.get_password(keyring_key(mailbox_id))

    def delete(self, mailbox_id: int) -> Changes:
        """Remove the account and its keyring entry; its leads stay with the client."""
        self.get(mailbox_id)
        credentials.delete_password(keyring_key(mailbox_id))
        self._delete_row(mailbox_id)
        return Changes(deleted_mailboxes=frozenset({mailbox_id}))

    def record_sync(
        self, mailbox_id: int, status: SyncStatus, message: str, at: datetime
    ) -> Changes:
        """Remember how the last sync ended (shown on the mailbox's row)."""
        with self._db.session() as s:
            row = self._row(s, mailbox_id)
            row.last_sync_at = at
            row.last_sync_status = status.value
            row.last_sync_message = message[:2000]
        return Changes(mailboxes=frozenset({mailbox_id}))

    def _delete_row(self, mailbox_id: int) -> None:
        with self._db.session() as s:
            row = s.get(MailboxRow, mailbox_id)
            if row is not None:
                s.delete(row)

    @staticmethod
    def _row(s: Session, mailbox_id: int) -> MailboxRow:
        row = s.get(MailboxRow, mailbox_id)
        if row is None:
            raise NotFoundError(
                translate("mailboxes", "Mailbox #{id} does not exist (any more).").format(
                    id=mailbox_id
                )
            )
        return row

    @staticmethod
    def _folders(s: Session, ids: Sequence[int]) -> dict[int, FolderRows]:
        if not ids:
            return {}
        out: dict[int, FolderRows] = {}
        query = (
            select(MailboxFolderRow)
            .where(MailboxFolderRow.mailbox_id.in_(ids))
            .order_by(MailboxFolderRow.id)
        )
        for folder in s.scalars(query):
            out.setdefault(folder.mailbox_id, []).append(folder)
        return out
