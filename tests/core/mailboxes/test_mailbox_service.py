"""Mailbox accounts: validation, saving, sync state; passwords only in the keyring."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.core.clients.model import ClientFields
from app.core.errors import NotFoundError, ValidationError
from app.core.mailboxes.model import MailboxFields, Security, SyncStatus
from app.core.workspace import Workspace


def _client(ws: Workspace) -> int:
    return ws.clients.create(ClientFields(name="Клиент", main_address="info@client.ru")).value.id


def test_create_edit_and_delete_without_password(workspace: Workspace) -> None:
    client_id = _client(workspace)
    fields = MailboxFields(host="IMAP.Yandex.RU.", username="info@client.ru", preset="yandex")
    created = workspace.mailboxes.create(client_id, fields)
    box = created.value
    assert created.changes.mailboxes == {box.id}
    assert (box.host, box.port, box.security, box.folders) == (
        "imap.yandex.ru",
        993,
        Security.SSL,
        ("INBOX",),
    )
    assert box.last_sync_status is SyncStatus.NEVER
    edited = workspace.mailboxes.update(
        box.id,
        MailboxFields(
            host="imap.yandex.ru",
            username="info@client.ru",
            folders=("INBOX", "Spam", "INBOX"),
            auto_sync_minutes=0,
        ),
    ).value
    assert edited.folders == ("INBOX", "Spam")
    assert edited.auto_sync_minutes == 0
    workspace.mailboxes.record_sync(
        box.id, SyncStatus.PARTIAL, "Spam: folder gone", datetime.now(UTC)
    )
    again = workspace.mailboxes.get(box.id)
    assert again.last_sync_status is SyncStatus.PARTIAL
    assert again.last_sync_message == "Spam: folder gone"
    assert [m.id for m in workspace.mailboxes.list(client_id)] == [box.id]
    # deleting the client deletes its mailboxes
    workspace.clients.delete(client_id)
    with pytest.raises(NotFoundError):
        workspace.mailboxes.get(box.id)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (MailboxFields(host="", username="a@b.ru"), "host"),
        (MailboxFields(host="imap x.ru", username="a@b.ru"), "host"),
        (MailboxFields(host="imap.b.ru", username=" "), "username"),
        (MailboxFields(host="imap.b.ru", username="a@b.ru", port=70000), "port"),
        (MailboxFields(host="imap.b.ru", username="a@b.ru", folders=(" ",)), "folders"),
        (MailboxFields(host="imap.b.ru", username="a@b.ru", security=Security.PLAIN), "security"),
    ],
)
def test_bad_fields_name_the_field(workspace: Workspace, fields: MailboxFields, field: str) -> None:
    client_id = _client(workspace)
    with pytest.raises(ValidationError) as caught:
        workspace.mailboxes.create(client_id, fields)
    assert caught.value.field == field
    assert workspace.mailboxes.list(client_id) == []


def test_plaintext_only_with_explicit_consent(workspace: Workspace) -> None:
    client_id = _client(workspace)
    box = workspace.mailboxes.create(
        client_id,
        MailboxFields(
            host="mail.local", username="u", port=143, security=Security.PLAIN, allow_plaintext=True
        ),
    ).value
    assert box.security is Security.PLAIN
