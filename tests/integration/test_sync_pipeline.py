"""The pipelined batch loop: Cancel with the next FETCH in flight, second FETCHes for text that
is not part 1, and a resumed run that stores exactly the rest."""

from __future__ import annotations

from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest
from dovecot import DovecotServer, MailUser
from sync_helpers import add_mailbox, make_client, message

from app.core.errors import Cancelled
from app.core.jobs import CancelToken
from app.core.leads.model import LeadQuery, LeadView
from app.core.mail.sync import sync_mailbox
from app.core.mailboxes.model import SyncStatus
from app.core.workspace import Workspace

pytestmark = pytest.mark.imap


def _nested(n: int, to: str) -> bytes:
    """multipart/mixed(multipart/alternative(text/plain, text/html), application/pdf)."""
    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(f"Здравствуйте! Вопрос номер {n}.", "plain", "koi8-r"))
    alternative.attach(MIMEText(f"<p>Здравствуйте! Вопрос номер {n}.</p>", "html", "utf-8"))
    mixed = MIMEMultipart("mixed")
    mixed.attach(alternative)
    mixed.attach(MIMEApplication(b"%PDF" + b"x" * 2000, "pdf"))
    flat = message(n, to=to)  # the same headers as the others
    head = flat.split(b"\r\n\r\n", 1)[0].decode("ascii")
    for line in head.split("\r\n"):
        name, _, value = line.partition(": ")
        if name in {"From", "To", "Delivered-To", "Subject", "Date", "Message-ID"}:
            mixed[name] = value
    return mixed.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _subjects(ws: Workspace, client_id: int) -> list[str]:
    query = LeadQuery(client_id=client_id, view=LeadView.LEADS, descending=False)
    return [ws.leads.get(i).subject for i in ws.leads.ids(query)]


def test_cancel_between_pipelined_batches_then_resume(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    ws = sqlite_workspace
    setup = make_client(ws)
    # Every third message keeps its text in part 1.1 (an alternative inside a mixed with an
    # attachment): a second FETCH per batch, sent once the next batch's answer is read.
    raws = [_nested(n, setup.tv_address) if n % 3 == 0 else message(n) for n in range(1, 46)]
    dovecot_server.deliver(imap_user, raws)
    before = dovecot_server.message_files(imap_user)
    mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id)
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int, text: str) -> None:
        seen.append(done)
        if done >= 20:
            token.cancel()  # the FETCH of the next batch is already on its way

    with pytest.raises(Cancelled):
        sync_mailbox(ws, mailbox.id, progress, token, password=imap_user.password, batch_size=10)
    kept = _subjects(ws, setup.client_id)
    assert kept == [f"Заявка {n}" for n in range(1, 21)]  # two whole batches, nothing more
    assert seen == [0, 10, 20]
    assert ws.mailboxes.get(mailbox.id).last_sync_status is SyncStatus.CANCELLED

    result = sync_mailbox(ws, mailbox.id, password=imap_user.password, batch_size=10)
    assert result.status is SyncStatus.OK, result.message
    assert result.new_leads == 25
    leads = _subjects(ws, setup.client_id)
    assert leads == [f"Заявка {n}" for n in range(1, 46)]
    texts = {
        ws.leads.get(i).text
        for i in ws.leads.ids(LeadQuery(client_id=setup.client_id, view=LeadView.LEADS))
    }
    assert all(t.startswith("Здравствуйте!") for t in texts), texts
    assert "Здравствуйте! Вопрос номер 3." in texts  # the KOI8-R text of part 1.1
    assert dovecot_server.message_files(imap_user) == before  # read-only throughout
