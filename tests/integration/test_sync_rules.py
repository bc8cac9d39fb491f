"""Lead rules on real mail: filtering with reasons, own domain, thread replies, repeat contacts,
reply times from the Sent folder, charsets and RFC 2047; and re-attribution."""

from __future__ import annotations

import datetime as dt

import pytest
from dovecot import DovecotServer, MailUser
from sync_helpers import DOMAIN, add_mailbox, make_client, message

from app.core.addresses.model import AddressFields
from app.core.addresses.styles import AddressStyle
from app.core.attribution.reattribute import reattribute
from app.core.clients.model import ChannelFields
from app.core.leads.model import LeadQuery, LeadView
from app.core.mail.sync import sync_mailbox
from app.core.mailboxes.model import SyncStatus
from app.core.workspace import Workspace

pytestmark = pytest.mark.imap


def _all(ws: Workspace, client_id: int) -> dict[str, object]:
    query = LeadQuery(client_id=client_id, view=LeadView.ALL, descending=False)
    return {lead.subject: lead for lead in (ws.leads.get(i) for i in ws.leads.ids(query))}


def test_filtering_threads_repeats_and_replies(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    ws = sqlite_workspace
    setup = make_client(ws)
    base = dt.datetime(2026, 2, 2, 10, 0, tzinfo=dt.UTC)
    inbox = [
        message(1, to=setup.tv_address, sender="anna@example.org", subject="Первая", date=base),
        message(
            2,
            sender="anna@example.org",
            subject="Re: Первая",
            in_reply_to="<lead-1@example.org>",
            date=base + dt.timedelta(hours=1),
        ),
        message(
            3,
            to=setup.avito_address,
            sender="anna@example.org",
            subject="Снова",
            date=base + dt.timedelta(days=3),
        ),
        message(4, subject="Отпуск", headers={"Auto-Submitted": "auto-replied"}),
        message(5, sender="MAILER-DAEMON@mx.example.org", subject="Undelivered"),
        message(6, sender=f"boss@{DOMAIN}", subject="Внутреннее"),
    ]
    sent_reply = message(
        100,
        sender=f"info@{DOMAIN}",
        to="anna@example.org",
        subject="Re: Первая (ответ)",
        in_reply_to="<lead-1@example.org>",
        message_id="<reply-100@romashka.ru>",
    )
    dovecot_server.deliver(imap_user, inbox, when=base)
    dovecot_server.create_folder(imap_user, "Sent")
    dovecot_server.deliver(
        imap_user, [sent_reply], folder="Sent", when=base + dt.timedelta(minutes=42)
    )
    mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id)
    result = sync_mailbox(ws, mailbox.id, password=imap_user.password)
    assert result.status is SyncStatus.OK, result.message
    assert result.replies_found == 1
    leads = _all(ws, setup.client_id)
    first, reply, again = leads["Первая"], leads["Re: Первая"], leads["Снова"]
    assert first.filtered_reason is None and not first.is_repeat
    assert first.channel_id == setup.tv_channel
    assert reply.filtered_reason == "thread_reply" and reply.thread_lead_id == first.id
    assert again.filtered_reason is None and again.is_repeat
    assert again.channel_id == setup.avito_channel
    assert leads["Отпуск"].filtered_reason == "auto_reply"
    assert leads["Undelivered"].filtered_reason == "bounce"
    assert leads["Внутреннее"].filtered_reason == "own_domain"
    assert first.response_seconds == 42 * 60
    assert first.first_reply_at == base + dt.timedelta(minutes=42)
    assert "Re: Первая (ответ)" not in leads  # the Sent folder gives replies, never leads


def test_charsets_and_encoded_words(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    ws = sqlite_workspace
    setup = make_client(ws)
    name = "Константин Новиков"
    mails = [
        message(1, name=name, subject="Тема в KOI8-R", body="Текст в KOI8-R", charset="koi8-r"),
        message(2, name=name, subject="Тема 1251", body="Текст в 1251", charset="windows-1251"),
        message(3, name=name, subject="Тема HTML", body="Только HTML", html=True),
    ]
    dovecot_server.deliver(imap_user, mails)
    mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id)
    assert sync_mailbox(ws, mailbox.id, password=imap_user.password).new_leads == 3
    leads = _all(ws, setup.client_id)
    assert leads["Тема в KOI8-R"].text == "Текст в KOI8-R"
    assert leads["Тема 1251"].text == "Текст в 1251"
    assert leads["Тема HTML"].text == "Только HTML"
    assert {lead.sender_name for lead in leads.values()} == {name}


def test_reattribute_after_a_new_address(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    ws = sqlite_workspace
    setup = make_client(ws)
    dovecot_server.deliver(imap_user, [message(1, to=f"info+radio@{DOMAIN}", subject="Радио")])
    mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id)
    sync_mailbox(ws, mailbox.id, password=imap_user.password)
    lead = _all(ws, setup.client_id)["Радио"]
    assert lead.match_kind == "unknown_tag" and lead.channel_id is None
    radio = ws.channels.create(setup.client_id, ChannelFields(name="Радио")).value
    ws.addresses.create(
        setup.client_id, AddressFields(channel_id=radio.id, style=AddressStyle.PLUS, tag="radio")
    )
    changes = reattribute(ws, setup.client_id)
    assert changes.lead_clients == {setup.client_id}
    lead = _all(ws, setup.client_id)["Радио"]
    assert lead.channel_id == radio.id and lead.match_kind == "tracking"
    assert reattribute(ws, setup.client_id).empty  # nothing changes the second time
