"""A big folder is parsed in a helper process: the same leads as parsing in the sync's own
process, and neither a dead helper, Cancel nor a connection cut loses or duplicates a lead."""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sqlite3
from pathlib import Path

import pytest
from dovecot import DovecotServer, MailUser
from imap_proxy import CuttingProxy
from sync_helpers import add_mailbox, make_client, message
from test_sync_pipeline import _nested

from app.core.errors import Cancelled
from app.core.jobs import CancelToken
from app.core.mail import batch
from app.core.mail.sync import sync_mailbox
from app.core.mailboxes.model import SyncStatus
from app.core.paths import resolve_location
from app.core.workspace import Workspace

pytestmark = pytest.mark.imap


@pytest.fixture(autouse=True)
def _helper_starts_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sync parses here until its helper has started (0.2 s or so): these tests' folders
    are synced in less, so the sync waits for it instead."""
    started = batch._Helper.check_started
    monkeypatch.setattr(batch._Helper, "check_started", lambda self, timeout=0.0: started(self, 60))


HELPER = 1  # helper_from: every folder with new mail gets a helper process
NEVER = 10**9


def _mixed_mail(tv: str, avito: str) -> list[bytes]:
    """Leads to both channels, text in part 1.1, a reply to a lead of the same batch, an
    auto-reply, mail from the client's own domain, a repeat sender and KOI8-R."""
    raws: list[bytes] = []
    for n in range(1, 61):
        if n % 7 == 0:
            raws.append(_nested(n, tv))
        elif n % 11 == 0:
            raws.append(message(n, to=avito, in_reply_to=f"<lead-{n - 1}@example.org>"))
        elif n % 13 == 0:
            raws.append(message(n, to=tv, headers={"Auto-Submitted": "auto-replied"}))
        elif n % 17 == 0:
            raws.append(message(n, sender="manager@romashka.ru"))
        elif n % 5 == 0:
            raws.append(
                message(
                    n,
                    to=avito,
                    sender="client1@example.org",
                    charset="koi8-r",
                    body=f"Здравствуйте! Заявка номер {n}.",
                    subject=f"Заявка {n}",
                )
            )
        else:
            raws.append(message(n, to=tv if n % 2 else avito))
    return raws


_COLUMNS = (
    'uid, dedup_key, message_id, in_reply_to, "references", sender_name, sender_address, '
    "subject, received_at, sent_at, text, attachment_names, recipients, tracking_address, "
    "channel_id, match_kind, token, filtered_reason, filtered_detail, is_repeat, "
    "(thread_lead_id IS NOT NULL)"
)


def _rows(ws: Workspace) -> list[tuple[object, ...]]:
    path = ws.location.database_file
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT {_COLUMNS} FROM leads ORDER BY uid").fetchall()
    finally:
        conn.close()


def _no_helper_left() -> None:
    assert multiprocessing.active_children() == []


def test_the_helper_process_stores_what_parsing_here_stores(
    tmp_path: Path,
    dovecot_server: DovecotServer,
    imap_user: MailUser,
    caplog: pytest.LogCaptureFixture,
) -> None:
    results = {}
    for label, helper_from in (("helper", HELPER), ("here", NEVER)):
        with Workspace.open(resolve_location(tmp_path / label)) as ws:
            setup = make_client(ws)
            if label == "helper":
                dovecot_server.deliver(
                    imap_user, _mixed_mail(setup.tv_address, setup.avito_address)
                )
            mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id)
            with caplog.at_level(logging.DEBUG, logger="app.core.mail.sync"):
                caplog.clear()
                result = sync_mailbox(
                    ws, mailbox.id, password=imap_user.password, batch_size=8,
                    helper_from=helper_from,
                )  # fmt: skip
            assert result.status is SyncStatus.OK, result.message
            results[label] = (result.new_leads, result.folders[0].filtered, _rows(ws))
            parsed_there = [r.message for r in caplog.records if "helper process" in r.message]
            if label == "helper":
                assert parsed_there == ["INBOX: 8 of 8 batches parsed by the helper process"]
            else:
                assert parsed_there == []
        _no_helper_left()
    assert results["helper"] == results["here"]
    new_leads, filtered, rows = results["helper"]
    assert len(rows) == 60
    assert filtered == 60 - new_leads > 0
    assert any(r[10].startswith("Здравствуйте! Вопрос номер 7.") for r in rows)  # part 1.1
    assert any(r[17] == "thread_reply" and r[20] for r in rows)
    assert any(r[19] for r in rows)  # repeat contacts


def test_a_helper_that_dies_leaves_the_parsing_here(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    ws = sqlite_workspace
    setup = make_client(ws)
    dovecot_server.deliver(imap_user, [message(n, to=setup.tv_address) for n in range(1, 51)])
    mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id)
    killed: list[int] = []

    def progress(done: int, total: int, text: str) -> None:
        if done == 20:
            for child in multiprocessing.active_children():
                os.kill(child.pid or 0, signal.SIGKILL)
                killed.append(child.pid or 0)

    result = sync_mailbox(
        ws, mailbox.id, progress, password=imap_user.password, batch_size=10, helper_from=HELPER
    )
    assert killed
    assert result.status is SyncStatus.OK, result.message
    assert result.new_leads == 50
    rows = _rows(ws)
    assert [r[0] for r in rows] == list(range(1, 51))
    _no_helper_left()


def test_cancel_with_the_helper_busy_then_resume(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    ws = sqlite_workspace
    setup = make_client(ws)
    dovecot_server.deliver(imap_user, [message(n, to=setup.tv_address) for n in range(1, 61)])
    mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id)
    token = CancelToken()

    def progress(done: int, total: int, text: str) -> None:
        if done >= 30:
            token.cancel()  # the helper holds the next batch, the server the one after

    with pytest.raises(Cancelled):
        sync_mailbox(
            ws, mailbox.id, progress, token, password=imap_user.password, batch_size=10,
            helper_from=HELPER,
        )  # fmt: skip
    _no_helper_left()
    assert [r[0] for r in _rows(ws)] == list(range(1, 31))
    again = sync_mailbox(
        ws, mailbox.id, password=imap_user.password, batch_size=10, helper_from=HELPER
    )
    assert again.new_leads == 30
    assert [r[0] for r in _rows(ws)] == list(range(1, 61))
    _no_helper_left()


def test_a_connection_cut_with_the_helper_busy_loses_nothing(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    ws = sqlite_workspace
    setup = make_client(ws)
    count = 120
    raws = [
        _nested(n, setup.tv_address) if n % 9 == 5 else message(n, body="Текст " * 400)
        for n in range(count)
    ]
    dovecot_server.deliver(imap_user, raws)
    with CuttingProxy(dovecot_server.imaps_port, cut_after=150_000, cut_connections=2) as proxy:
        mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id, port=proxy.port)
        first = sync_mailbox(
            ws, mailbox.id, password=imap_user.password, batch_size=20, helper_from=HELPER
        )
        assert proxy.cuts == 2
        assert first.status is SyncStatus.FAILED, first
        _no_helper_left()
        kept = len(_rows(ws))
        assert 0 < kept < count  # the batches stored before the cut stay
        second = sync_mailbox(
            ws, mailbox.id, password=imap_user.password, batch_size=20, helper_from=HELPER
        )
    assert second.status is SyncStatus.OK, second.message
    assert second.new_leads == count - kept
    uids = [r[0] for r in _rows(ws)]
    assert uids == sorted(set(uids)) and len(uids) == count
    _no_helper_left()
