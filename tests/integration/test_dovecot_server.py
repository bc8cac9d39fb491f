"""The Dovecot test server behaves like a real mailbox: TLS against the test CA, read-only
access that leaves flags alone, special-use folders, refused wrong passwords, and a server that
can vanish mid-session."""

from __future__ import annotations

import base64
import socket
import ssl
from collections.abc import Callable

import pytest
from dovecot import DovecotServer, MailUser, process_running
from imapclient import IMAPClient
from imapclient.exceptions import LoginError
from imapclient.imapclient import JUNK, SENT

pytestmark = pytest.mark.imap

MESSAGE = (
    b"From: =?UTF-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <ivan@example.ru>\r\n"
    b"To: info+tv1@client.example\r\n"
    b"Subject: =?UTF-8?B?0JfQsNGP0LLQutCw?=\r\n"
    b"Date: Mon, 02 Mar 2026 10:15:00 +0300\r\n"
    b"Message-ID: <lead-1@example.ru>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n"
    b"\r\n"
    b"\xd0\x97\xd0\xb4\xd1\x80\xd0\xb0\xd0\xb2\xd1\x81\xd1\x82\xd0\xb2\xd1\x83\xd0\xb9\xd1\x82\xd0\xb5!\r\n"
)


def test_tls_login_examine_and_peek_leave_flags_alone(
    dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    [uid] = dovecot_server.deliver(imap_user, MESSAGE)
    files_before = dovecot_server.message_files(imap_user)

    with dovecot_server.client(imap_user) as imap:  # IMAPS, verified against the test CA
        cipher = imap.socket().cipher()
        assert cipher is not None
        status = imap.select_folder("INBOX", readonly=True)  # EXAMINE
        assert status[b"EXISTS"] == 1
        assert b"READ-ONLY" in status
        fields = "BODY.PEEK[HEADER.FIELDS (FROM SUBJECT MESSAGE-ID)]"
        data = imap.fetch([uid], [fields, "FLAGS"])[uid]
        header = data[b"BODY[HEADER.FIELDS (FROM SUBJECT MESSAGE-ID)]"]
        assert b"Message-ID: <lead-1@example.ru>" in header
        assert b"ivan@example.ru" in header
        assert b"\\Seen" not in data[b"FLAGS"]
        imap.logout()

    # A second session sees the message still unread, and the file on disk is byte-identical.
    with dovecot_server.client(imap_user, tls="starttls") as imap:
        imap.select_folder("INBOX", readonly=True)
        flags = imap.get_flags([uid])[uid]
        assert b"\\Seen" not in flags
        imap.logout()
    assert dovecot_server.message_files(imap_user) == files_before


def test_certificate_is_checked_against_the_test_ca(dovecot_server: DovecotServer) -> None:
    # The OS trust store does not know the throwaway CA: verification must fail.
    with pytest.raises(ssl.SSLCertVerificationError):
        IMAPClient(
            "localhost",
            port=dovecot_server.imaps_port,
            ssl=True,
            ssl_context=ssl.create_default_context(),
            timeout=10,
        )
    # With the CA, both names in the SAN verify.
    context = ssl.create_default_context(cafile=str(dovecot_server.ca_file))
    for host in ("localhost", "127.0.0.1"):
        with (
            socket.create_connection((host, dovecot_server.imaps_port), timeout=10) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            assert tls.version() in {"TLSv1.2", "TLSv1.3"}
    # ...and a name that is not in it does not.
    with (
        socket.create_connection(("127.0.0.1", dovecot_server.imaps_port), timeout=10) as raw,
        pytest.raises(ssl.SSLCertVerificationError),
    ):
        context.wrap_socket(raw, server_hostname="mail.example.com")


def test_list_shows_special_use_flags(dovecot_server: DovecotServer, imap_user: MailUser) -> None:
    for folder in ("Sent", "Junk", "Clients"):
        dovecot_server.create_folder(imap_user, folder)
    with dovecot_server.client(imap_user) as imap:
        flags = {name: set(flags) for flags, _sep, name in imap.list_folders()}
        assert b"\\Sent" in flags["Sent"]
        assert b"\\Junk" in flags["Junk"]
        assert not {b"\\Sent", b"\\Junk"} & flags["Clients"]
        assert "INBOX" in flags
        assert imap.find_special_folder(SENT) == "Sent"
        assert imap.find_special_folder(JUNK) == "Junk"
        imap.logout()


def test_wrong_password_is_rejected(dovecot_server: DovecotServer, imap_user: MailUser) -> None:
    with pytest.raises(LoginError, match="AUTHENTICATIONFAILED"):
        dovecot_server.client(imap_user, password=imap_user.password + "x")
    with dovecot_server.client(imap_user) as imap:  # the right one still works
        imap.logout()


def test_maildir_seeding_and_append_give_fetchable_messages(
    dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    bodies = [MESSAGE.replace(b"lead-1", f"seed-{n}".encode()) for n in range(50)]
    dovecot_server.write_maildir(imap_user, bodies, "Junk")
    dovecot_server.deliver(imap_user, MESSAGE, "Archive", flags=["\\Seen"])
    with dovecot_server.client(imap_user) as imap:
        imap.select_folder("Junk", readonly=True)
        uids = imap.search()
        assert len(uids) == 50
        data = imap.fetch(uids, ["RFC822.SIZE", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]", "FLAGS"])
        sizes = {
            d[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"].strip(): d[b"RFC822.SIZE"] for d in data.values()
        }
        # Files are stored with LF; the size Dovecot reports is that of the CRLF original.
        assert sizes == {
            f"Message-ID: <seed-{n}@example.ru>".encode(): len(body)
            for n, body in enumerate(bodies)
        }
        assert all(b"\\Seen" not in d[b"FLAGS"] for d in data.values())
        imap.select_folder("Archive", readonly=True)
        [uid] = imap.search()
        assert b"\\Seen" in imap.get_flags([uid])[uid]
        imap.logout()


def test_server_can_vanish_mid_session_and_come_back(
    dovecot_factory: Callable[..., DovecotServer],
) -> None:
    server = dovecot_factory()
    user = server.add_user()
    server.deliver(user, MESSAGE)
    imap = server.client(user)
    try:
        imap.select_folder("INBOX", readonly=True)
        pid = server.pid
        assert pid is not None
        server.stop(hard=True)
        assert not process_running(pid)
        with pytest.raises((OSError, IMAPClient.AbortError)):
            imap.fetch([1], ["BODY.PEEK[HEADER]"])
    finally:
        imap.shutdown()
    with pytest.raises(OSError):
        server.client(user)

    server.start()  # same ports, users and mail: a sync can resume
    with server.client(user) as again:
        assert again.select_folder("INBOX", readonly=True)[b"EXISTS"] == 1
        again.logout()


def test_kick_cuts_a_session_but_the_server_stays(
    dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    dovecot_server.deliver(imap_user, MESSAGE)
    imap = dovecot_server.client(imap_user)
    try:
        imap.select_folder("INBOX", readonly=True)
        dovecot_server.kick(imap_user)
        with pytest.raises((OSError, IMAPClient.AbortError)):
            imap.fetch([1], ["BODY.PEEK[HEADER]"])
    finally:
        imap.shutdown()
    with dovecot_server.client(imap_user) as again:
        assert again.select_folder("INBOX", readonly=True)[b"EXISTS"] == 1
        again.logout()


def _corpus_of_shapes() -> list[bytes]:
    """Messages whose MIME shapes the parser must read the same from Dovecot as from a file."""
    koi_qp = "".join(f"={b:02X}" for b in "Добрый день, нужен счёт".encode("koi8-r")).encode()
    html_b64 = base64.encodebytes("<p>Только&nbsp;<b>HTML</b></p>".encode("cp1251"))
    long_name = "Коммерческое предложение на поставку оборудования.pdf".encode()
    rfc2231 = b"".join(
        f"\r\n filename*{n}*={'utf-8' + chr(39) * 2 if n == 0 else ''}".encode()
        + "".join(f"%{b:02X}" for b in chunk).encode()
        + b";"
        for n, chunk in enumerate(long_name[i : i + 30] for i in range(0, len(long_name), 30))
    ).rstrip(b";")
    head = (
        b"From: =?koi8-r?B?6dfBzg==?= =?koi8-r?B?IPDF1NLP1w==?= <ivan@example.ru>\r\n"
        b"To: info+tv1@client.example\r\nDelivered-To: info@client.example\r\n"
        b"Subject: =?UTF-8?B?0JfQsNGP0LLQutCw?=\r\nDate: Mon, 02 Mar 2026 10:15:00 +0300\r\n"
        b"Message-ID: <shape-%d@example.ru>\r\nMIME-Version: 1.0\r\n"
    )
    return [
        head % 1
        + b'Content-Type: multipart/mixed; boundary="m"\r\n\r\n'
        + b'--m\r\nContent-Type: multipart/alternative; boundary="a"\r\n\r\n'
        + b"--a\r\nContent-Type: text/plain; charset=koi8-r\r\n"
        + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + koi_qp
        + b"\r\n--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML</p>\r\n--a--\r\n"
        + b"--m\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment;"
        + rfc2231
        + b"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n"
        + b'--m\r\nContent-Type: image/jpeg; name="=?windows-1251?B?9O7y7i5qcGc=?="\r\n'
        + b"Content-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ\r\n"
        + b"--m\r\nContent-Type: message/rfc822\r\n\r\n"
        + b"From: a@b.example\r\nSubject: old\r\n\r\nold text\r\n--m--\r\n",
        head % 2
        + b"Content-Type: text/html; charset=windows-1251\r\n"
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + html_b64,
        head % 3
        + b"Subject: \xcf\xf0\xe8\xe2\xe5\xf2\r\n"  # raw 8-bit windows-1251, no charset
        + b"Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Хочу заказать".encode("cp1251") * 400,
        head.replace(b"ivan@example.ru", b"MAILER-DAEMON@mx.example.ru") % 4
        + b'Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n'
        + b"--r\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
        + b"--r\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\n--r--\r\n",
    ]


def test_parser_reads_dovecot_fetches_as_it_reads_whole_messages(
    dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    from app.core.mail import (
        TEXT_FETCH_BYTES,
        choose_text_part,
        header_fetch_item,
        parse_fetched,
        parse_rfc822,
        structure_of,
        text_fetch_item,
        text_prefix_fetch_item,
    )

    messages = _corpus_of_shapes()
    uids = dovecot_server.deliver(imap_user, messages)
    header_item, header_key = header_fetch_item()
    with dovecot_server.client(imap_user) as imap:
        imap.select_folder("INBOX", readonly=True)
        first = imap.fetch(uids, [header_item, "BODYSTRUCTURE", "FLAGS"])
        parsed = []
        for uid in uids:
            structure = structure_of(first[uid][b"BODYSTRUCTURE"])
            part = choose_text_part(structure)
            assert part is not None
            item, key = text_fetch_item(part, TEXT_FETCH_BYTES)
            text = imap.fetch([uid], [item])[uid][key]
            parsed.append(parse_fetched(first[uid][header_key], structure, text))
        assert all(b"\\Seen" not in imap.get_flags(uids)[uid] for uid in uids)
        imap.logout()

    for raw, from_server in zip(messages, parsed, strict=True):
        assert from_server == parse_rfc822(raw)

    # One round trip instead of two: the start of the whole body, the text part cut out of it.
    prefix_item, prefix_key = text_prefix_fetch_item(TEXT_FETCH_BYTES)
    with dovecot_server.client(imap_user) as imap:
        imap.select_folder("INBOX", readonly=True)
        data = imap.fetch(uids, [header_item, "BODYSTRUCTURE", prefix_item])
        imap.logout()
    for uid, from_server in zip(uids, parsed, strict=True):
        one_trip = parse_fetched(
            data[uid][header_key],
            data[uid][b"BODYSTRUCTURE"],
            data[uid][prefix_key],
            text_section="TEXT",
        )
        assert one_trip == from_server
    shapes, html, eight_bit, bounce = parsed
    assert shapes.sender_name == "Иван Петров"
    assert shapes.text == "Добрый день, нужен счёт"
    assert shapes.attachment_names == (
        "Коммерческое предложение на поставку оборудования.pdf",
        "фото.jpg",
        "message.eml",
    )
    assert [r.address for r in shapes.recipients] == [
        "info@client.example",
        "info+tv1@client.example",
    ]
    assert html.text == "Только HTML"
    assert eight_bit.text.startswith("Хочу заказатьХочу")
    assert len(eight_bit.text) == 1000
    assert bounce.is_bounce
