"""First and incremental sync against a real Dovecot: leads, channels, read-only, round trips."""

from __future__ import annotations

import gc

import pytest
from dovecot import DovecotServer, MailUser
from sync_helpers import add_mailbox, make_client, message

from app.core.leads.model import LeadQuery, LeadView
from app.core.mail.sync import sync_mailbox
from app.core.mailboxes.model import SyncStatus
from app.core.workspace import Workspace

pytestmark = pytest.mark.imap


def _leads(ws: Workspace, client_id: int, view: LeadView = LeadView.LEADS) -> list:
    query = LeadQuery(client_id=client_id, view=view, descending=False)
    return [ws.leads.get(i) for i in ws.leads.ids(query)]


def test_first_then_incremental_sync(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    ws = sqlite_workspace
    setup = make_client(ws)
    dovecot_server.deliver(
        imap_user,
        [
            message(1, to=setup.tv_address),
            message(2, to=setup.avito_address, attachment=b"%PDF" + b"x" * 300_000),
            message(3),
        ],
    )
    dovecot_server.create_folder(imap_user, "Sent")
    mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id)
    result = sync_mailbox(ws, mailbox.id, password=imap_user.password)
    assert result.status is SyncStatus.OK, result.message
    assert [f.folder for f in result.folders] == ["INBOX", "Sent"]
    assert result.new_leads == 3
    leads = _leads(ws, setup.client_id)
    assert [lead.subject for lead in leads] == ["Заявка 1", "Заявка 2", "Заявка 3"]
    assert [lead.channel_id for lead in leads] == [setup.tv_channel, setup.avito_channel, None]
    assert leads[0].sender_name == "Иван Петров"
    assert leads[0].text.startswith("Здравствуйте!")
    assert leads[1].attachment_names == ("Смета.pdf",)
    assert leads[2].match_kind == "main"
    assert ws.mailboxes.get(mailbox.id).last_sync_status is SyncStatus.OK

    # Nothing new: LOGIN, one STATUS per folder (INBOX, Sent), LOGOUT.
    again = sync_mailbox(ws, mailbox.id, password=imap_user.password)
    assert again.status is SyncStatus.OK
    assert again.new_leads == 0
    assert again.round_trips == 4, again.round_trips

    dovecot_server.deliver(imap_user, [message(4, to=setup.tv_address)])
    third = sync_mailbox(ws, mailbox.id, password=imap_user.password)
    assert third.new_leads == 1
    assert third.folders[0].fetched == 1
    assert len(_leads(ws, setup.client_id)) == 4
    # The sync keeps older objects out of the garbage collector's way only while it runs.
    assert gc.get_freeze_count() == 0
    failed = sync_mailbox(ws, mailbox.id, password="wrong")
    assert failed.status is SyncStatus.FAILED
    assert gc.get_freeze_count() == 0
