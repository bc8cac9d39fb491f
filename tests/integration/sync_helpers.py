"""Helpers for the sync tests: realistic messages and a client with tracking addresses.

Not a test module (no ``test_`` prefix); the sync tests import it by name, like ``dovecot``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Sequence
from dataclasses import dataclass
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from dovecot import DovecotServer, MailUser

from app.core.addresses.model import AddressFields
from app.core.addresses.styles import AddressStyle
from app.core.clients.model import ChannelFields, ClientFields
from app.core.mailboxes.model import Mailbox, MailboxFields, Security
from app.core.workspace import Workspace

DOMAIN = "romashka.ru"
MAIN = f"info@{DOMAIN}"


@dataclass(frozen=True)
class Setup:
    """A client with two channels and their plus addresses."""

    client_id: int
    tv_channel: int
    avito_channel: int
    tv_address: str
    avito_address: str


def make_client(ws: Workspace, name: str = "Ромашка") -> Setup:
    client = ws.clients.create(ClientFields(name=name, domains=(DOMAIN,), main_address=MAIN)).value
    tv = ws.channels.create(client.id, ChannelFields(name="ТВ")).value
    avito = ws.channels.create(client.id, ChannelFields(name="Авито")).value
    tv_addr = ws.addresses.create(
        client.id, AddressFields(channel_id=tv.id, style=AddressStyle.PLUS, tag="tv1")
    ).value
    avito_addr = ws.addresses.create(
        client.id, AddressFields(channel_id=avito.id, style=AddressStyle.PLUS, tag="avito")
    ).value
    return Setup(client.id, tv.id, avito.id, tv_addr.address, avito_addr.address)


def add_mailbox(
    ws: Workspace,
    server: DovecotServer,
    user: MailUser,
    client_id: int,
    *,
    folders: Sequence[str] = ("INBOX",),
    security: Security = Security.SSL,
    ca_file: str | None = None,
    port: int | None = None,
    sent_folder: str = "",
    sync_since: dt.date | None = dt.date(2000, 1, 1),
) -> Mailbox:
    if port is None:
        port = server.imaps_port if security is Security.SSL else server.imap_port
    fields = MailboxFields(
        host="localhost",
        username=user.name,
        port=port,
        security=security,
        ca_file=str(server.ca_file) if ca_file is None else ca_file,
        folders=tuple(folders),
        sent_folder=sent_folder,
        sync_since=sync_since,
        allow_plaintext=security is Security.PLAIN,
    )
    return ws.mailboxes.create(client_id, fields).value


def message(
    n: int,
    *,
    to: str = MAIN,
    sender: str | None = None,
    name: str = "Иван Петров",
    subject: str | None = None,
    body: str | None = None,
    date: dt.datetime | None = None,
    message_id: str | None = None,
    in_reply_to: str | None = None,
    headers: dict[str, str] | None = None,
    attachment: bytes | None = None,
    charset: str = "utf-8",
    html: bool = False,
) -> bytes:
    """One inbound email (Cyrillic by default) as bytes with CRLF line ends."""
    text = body if body is not None else f"Здравствуйте! Интересует ваше предложение №{n}."
    part = MIMEText(f"<p>{text}</p>" if html else text, "html" if html else "plain", charset)
    if attachment is not None:
        msg: MIMEMultipart | MIMEText = MIMEMultipart("mixed")
        msg.attach(part)
        pdf = MIMEApplication(attachment, "pdf")
        pdf.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "Смета.pdf"))
        msg.attach(pdf)
    else:
        msg = part
    address = sender or f"client{n}@example.org"
    msg["From"] = email.utils.formataddr((str(Header(name, charset)), address))
    msg["To"] = to
    msg["Delivered-To"] = to
    msg["Subject"] = str(Header(subject if subject is not None else f"Заявка {n}", charset))
    when = date or dt.datetime(2026, 1, 10, 9, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=n)
    msg["Date"] = email.utils.format_datetime(when)
    msg["Message-ID"] = message_id or f"<lead-{n}@example.org>"
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    for key, value in (headers or {}).items():
        msg[key] = value
    return msg.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
