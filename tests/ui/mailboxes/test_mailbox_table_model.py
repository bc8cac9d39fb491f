"""The mailbox table: Qt's model rules, the words on a row, per-folder tooltips."""

from __future__ import annotations

from datetime import UTC, datetime

from app.core.clients.model import ClientFields
from app.core.mailboxes.model import MailboxFields, Security, SyncStatus
from app.core.workspace import Workspace
from app.ui.mailboxes.mailbox_table_model import MailboxColumn, MailboxTableModel


def test_model_passes_the_qt_model_tester(qtmodeltester, sqlite_workspace: Workspace) -> None:
    ws = sqlite_workspace
    client = ws.clients.create(ClientFields(name="Клиент")).value.id
    first = ws.mailboxes.create(client, MailboxFields(host="imap.mail.ru", username="a@b.ru"))
    ws.mailboxes.create(
        client,
        MailboxFields(
            host="mail.local", username="office", port=143, security=Security.STARTTLS,
            folders=("INBOX", "Спам"), name="Офис",
        ),
    )  # fmt: skip
    ws.mailboxes.record_sync(
        first.value.id, SyncStatus.PARTIAL, "Спам: the folder is gone", datetime.now(UTC)
    )
    model = MailboxTableModel()
    model.set_records(ws.mailboxes.list(client))
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, MailboxColumn.RESULT).data() == ("Спам: the folder is gone")
    assert model.index(1, MailboxColumn.ACCOUNT).data() == "Офис (office)"
    assert model.index(1, MailboxColumn.SERVER).data() == "mail.local:143 · STARTTLS"
    assert model.index(1, MailboxColumn.FOLDERS).data() == "INBOX, Спам"
    model.set_progress(first.value.id, "Syncing INBOX: 500 of 20000")
    assert model.index(0, MailboxColumn.RESULT).data() == "Syncing INBOX: 500 of 20000"
    model.set_progress(first.value.id, None)
    assert model.index(0, MailboxColumn.RESULT).data() == "Спам: the folder is gone"
