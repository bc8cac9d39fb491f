"""Faults a user meets: wrong password, untrusted certificate, STARTTLS, a folder gone, a cut
connection, a UIDVALIDITY change; and the server is never changed."""

from __future__ import annotations

import pytest
from dovecot import DovecotServer, MailUser
from imap_proxy import CuttingProxy
from sync_helpers import add_mailbox, make_client, message

from app.core.mail.imap import AuthError, TlsError, connect, test_connection
from app.core.mail.sync import sync_mailbox
from app.core.mailboxes.model import MailboxFields, Security, SyncStatus
from app.core.workspace import Workspace

pytestmark = pytest.mark.imap


def _fields(server: DovecotServer, user: MailUser, **kw: object) -> MailboxFields:
    values: dict[str, object] = {
        "host": "localhost",
        "username": user.name,
        "port": server.imaps_port,
        "ca_file": str(server.ca_file),
    }
    values.update(kw)
    return MailboxFields(**values)  # type: ignore[arg-type]


def _lead_count(ws: Workspace, client_id: int) -> int:
    with ws.db.engine.connect() as conn:
        return int(
            conn.exec_driver_sql(
                "SELECT count(*) FROM leads WHERE client_id = ?", (client_id,)
            ).scalar_one()
        )


def test_wrong_password_is_an_auth_error_and_a_failed_sync(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    with pytest.raises(AuthError) as caught:
        test_connection(_fields(dovecot_server, imap_user, preset="yandex"), "wrong-password")
    assert "refused the user name or password" in caught.value.message
    assert "app password" in caught.value.message  # the Yandex preset's note
    assert "wrong-password" not in caught.value.message + caught.value.details

    setup = make_client(sqlite_workspace)
    mailbox = add_mailbox(sqlite_workspace, dovecot_server, imap_user, setup.client_id)
    result = sync_mailbox(sqlite_workspace, mailbox.id, password="wrong-password")
    assert result.status is SyncStatus.FAILED
    assert result.error_kind == "auth"
    assert sqlite_workspace.mailboxes.get(mailbox.id).last_sync_status is SyncStatus.FAILED


def test_self_signed_server_without_its_ca_file_is_refused_clearly(
    dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    with pytest.raises(TlsError) as caught:
        test_connection(_fields(dovecot_server, imap_user, ca_file=""), imap_user.password)
    assert caught.value.kind in {"untrusted", "self_signed"}
    assert "CA certificate file" in caught.value.message
    # With the CA file the same server is fine.
    report = test_connection(_fields(dovecot_server, imap_user), imap_user.password)
    assert "INBOX" in report.suggested_folders


def test_wrong_host_name_is_named(dovecot_server: DovecotServer, imap_user: MailUser) -> None:
    # The certificate names localhost and 127.0.0.1; "127.1" reaches the same address under a
    # name the certificate does not hold.
    with pytest.raises(TlsError) as caught:
        test_connection(
            _fields(dovecot_server, imap_user, host="127.1"), imap_user.password, timeout=5
        )
    assert caught.value.kind == "wrong_host"


def test_starttls_connects_and_reports_folders(
    dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    dovecot_server.create_folder(imap_user, "Sent")
    dovecot_server.create_folder(imap_user, "Junk")
    dovecot_server.deliver(imap_user, [message(1), message(2)])
    report = test_connection(
        _fields(
            dovecot_server, imap_user, port=dovecot_server.imap_port, security=Security.STARTTLS
        ),
        imap_user.password,
    )
    assert report.inbox_messages == 2
    assert report.sent_folder == "Sent"
    assert report.suggested_folders == ("INBOX", "Junk")
    assert "IMAP4REV1" in {c.upper() for c in report.capabilities}


def test_ssl_to_the_plain_port_says_it_is_not_tls(
    dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    with pytest.raises(TlsError) as caught:
        connect(_fields(dovecot_server, imap_user, port=dovecot_server.imap_port), "x", timeout=5)
    assert caught.value.kind in {"not_tls", "handshake"}


def test_server_unchanged_by_sync(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    setup = make_client(sqlite_workspace)
    dovecot_server.deliver(imap_user, [message(n, to=setup.tv_address) for n in range(1, 6)])
    dovecot_server.deliver(imap_user, [message(9)], flags=["\\Flagged"])
    before_files = dovecot_server.message_files(imap_user)
    with dovecot_server.client(imap_user) as imap:
        imap.select_folder("INBOX", readonly=True)
        before_flags = imap.get_flags(imap.search(["ALL"]))
    mailbox = add_mailbox(sqlite_workspace, dovecot_server, imap_user, setup.client_id)
    assert sync_mailbox(sqlite_workspace, mailbox.id, password=imap_user.password).new_leads == 6
    with dovecot_server.client(imap_user) as imap:
        imap.select_folder("INBOX", readonly=True)
        assert imap.get_flags(imap.search(["ALL"])) == before_flags  # nothing became \\Seen
    assert dovecot_server.message_files(imap_user) == before_files


def test_folder_gone_gives_partial(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    setup = make_client(sqlite_workspace)
    dovecot_server.deliver(imap_user, [message(1)])
    mailbox = add_mailbox(
        sqlite_workspace,
        dovecot_server,
        imap_user,
        setup.client_id,
        folders=("INBOX", "Спам-старый"),
    )
    result = sync_mailbox(sqlite_workspace, mailbox.id, password=imap_user.password)
    assert result.status is SyncStatus.PARTIAL
    assert result.new_leads == 1
    bad = [f for f in result.folders if f.error]
    assert [f.folder for f in bad] == ["Спам-старый"]
    assert "cannot be opened" in bad[0].error


def test_uidvalidity_change_rescans_without_duplicates(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    setup = make_client(sqlite_workspace)
    dovecot_server.deliver(imap_user, [message(n) for n in range(1, 4)])
    mailbox = add_mailbox(sqlite_workspace, dovecot_server, imap_user, setup.client_id)
    assert sync_mailbox(sqlite_workspace, mailbox.id, password=imap_user.password).new_leads == 3
    dovecot_server.doveadm(
        "mailbox", "update", "-u", imap_user.name, "--uid-validity", "777", "INBOX"
    )
    dovecot_server.deliver(imap_user, [message(4)])
    result = sync_mailbox(sqlite_workspace, mailbox.id, password=imap_user.password)
    assert result.status is SyncStatus.OK
    assert result.new_leads == 1
    assert result.folders[0].duplicates == 3
    assert _lead_count(sqlite_workspace, setup.client_id) == 4
    state = sqlite_workspace.mailboxes.get(mailbox.id).folder_states[0]
    assert state.uidvalidity == 777


def test_connection_cut_mid_fetch_resumes_without_loss(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    setup = make_client(sqlite_workspace)
    count = 120
    dovecot_server.deliver(imap_user, [message(n, body="Текст " * 400) for n in range(count)])
    with CuttingProxy(dovecot_server.imaps_port, cut_after=150_000, cut_connections=2) as proxy:
        mailbox = add_mailbox(
            sqlite_workspace, dovecot_server, imap_user, setup.client_id, port=proxy.port
        )
        first = sync_mailbox(
            sqlite_workspace, mailbox.id, password=imap_user.password, batch_size=25
        )
        # Both the first try and its retry were cut: the folder failed, its batches stay.
        assert proxy.cuts == 2
        assert first.status is SyncStatus.FAILED, first
        kept = _lead_count(sqlite_workspace, setup.client_id)
        assert 0 < kept < count
        # The proxy lets later connections through: the next run finishes the job.
        second = sync_mailbox(
            sqlite_workspace, mailbox.id, password=imap_user.password, batch_size=25
        )
    assert second.status is SyncStatus.OK, second.message
    assert second.new_leads == count - kept
    assert _lead_count(sqlite_workspace, setup.client_id) == count


def test_one_cut_is_retried_in_the_same_run(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    setup = make_client(sqlite_workspace)
    dovecot_server.deliver(imap_user, [message(n, body="Текст " * 400) for n in range(60)])
    with CuttingProxy(dovecot_server.imaps_port, cut_after=100_000, cut_connections=1) as proxy:
        mailbox = add_mailbox(
            sqlite_workspace, dovecot_server, imap_user, setup.client_id, port=proxy.port
        )
        result = sync_mailbox(
            sqlite_workspace, mailbox.id, password=imap_user.password, batch_size=20
        )
        assert proxy.cuts == 1
    assert result.status is SyncStatus.OK
    assert _lead_count(sqlite_workspace, setup.client_id) == 60
