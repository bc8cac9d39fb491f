"""Demo leads: realistic mail for the demo clients, filed through the real pipeline, no server.

Each demo client gets one clearly fake mailbox (host ``imap.example.invalid``, inactive, no
password: syncing it could only fail) so the Mailboxes section is not empty, and about half a
year of mail built as real RFC 822 messages, parsed with :func:`parse_rfc822` and filed by
:class:`LeadStore`: Russian senders and texts, channels by plausible weights, some repeat
contacts, replies with response times, a few auto-replies, bounces and thread replies. The
generator is seeded per client and every email has a fixed Message-ID, so running it again adds
nothing (the dedup key is unique per client).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import random
from email.header import Header
from email.mime.text import MIMEText

from app.core.attribution.rules import draft
from app.core.attribution.store import LeadStore
from app.core.changes import Changes
from app.core.clients.model import Client
from app.core.mail.message import parse_rfc822
from app.core.mailboxes.model import MailboxFields
from app.core.workspace import Workspace

DEMO_HOST = "imap.example.invalid"
LEADS_PER_CLIENT = 160

_FIRST = ["Анна", "Иван", "Мария", "Сергей", "Ольга", "Дмитрий", "Елена", "Павел", "Наталья"]
_LAST = ["Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Фёдоров"]
_DOMAINS = ["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "rambler.ru"]
_SUBJECTS = [
    "Вопрос по стоимости",
    "Хочу записаться",
    "Заявка с сайта",
    "Подскажите по срокам",
    "Коммерческое предложение",
    "Нужна консультация",
]
_TEXTS = [
    "Здравствуйте! Увидел вашу рекламу. Сколько это будет стоить и когда можно начать?",
    "Добрый день, интересует ваше предложение. Перезвоните, пожалуйста, после 18:00.",
    "Здравствуйте, можно ли записаться на эту неделю? Удобно в первой половине дня.",
    "Добрый вечер! Пришлите, пожалуйста, прайс и условия оплаты.",
]


def _female(last: str) -> str:
    return last[:-2] + "ова" if last.endswith("ов") else last + "а"


def demo_mailbox(ws: Workspace, client: Client) -> int:
    """The client's demo mailbox (created once); returns its id."""
    for mailbox in ws.mailboxes.list(client.id):
        if mailbox.host == DEMO_HOST:
            return mailbox.id
    local = (client.main_address or "info@example.invalid").partition("@")[0]
    fields = MailboxFields(
        host=DEMO_HOST,
        username=f"{local}@example.invalid",
        name="Демо-ящик (без сервера)",
        folders=("INBOX",),
        auto_sync_minutes=0,
        active=False,
    )
    return ws.mailboxes.create(client.id, fields).value.id


def generate_demo_leads(ws: Workspace, client: Client) -> Changes:
    """About half a year of a client's mail as leads (idempotent)."""
    if not client.domains:
        return Changes()
    mailbox_id = demo_mailbox(ws, client)
    rng = random.Random(f"mailsource-demo-{client.name}")
    addresses = [a for a in ws.addresses.list(client.id) if a.channel_id is not None]
    main = client.main_address or f"info@{client.domains[0]}"
    # Earlier channels in the list get more mail: plausible, uneven weights.
    weights = [max(1, 10 - 2 * i) for i in range(len(addresses))]
    # Anchored to the client's creation day, not to now: the same emails (same Date, same
    # dedup key) on every run, so a second run adds nothing.
    now = client.created_at.astimezone(dt.UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    senders = [
        (
            f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            f"client{n}.{rng.randrange(1000)}@{rng.choice(_DOMAINS)}",
        )
        for n in range(LEADS_PER_CLIENT // 2)
    ]
    raws: list[tuple[bytes, dt.datetime]] = []
    replies: list[tuple[tuple[str, ...], dt.datetime]] = []
    for n in range(LEADS_PER_CLIENT):
        name, sender = rng.choice(senders)
        first, last = name.split()
        if first.endswith(("а", "я")):
            name = f"{first} {_female(last)}"
        when = now - dt.timedelta(minutes=rng.randrange(180 * 24 * 60))
        roll = rng.random()
        to = rng.choices(addresses, weights)[0].address if addresses and roll < 0.8 else main
        message_id = f"demo-{n}.{client.id}@{sender.partition('@')[2]}"
        headers: dict[str, str] = {}
        subject = rng.choice(_SUBJECTS)
        text = rng.choice(_TEXTS)
        if n % 40 == 7:
            headers["Auto-Submitted"] = "auto-replied"
            subject, text = "Автоответ: я в отпуске", "Я в отпуске до понедельника."
        elif n % 53 == 11:
            sender, name = "MAILER-DAEMON@mx.example.invalid", "Mail Delivery System"
            subject, text = "Undelivered Mail Returned to Sender", "Delivery failed."
        part = MIMEText(f"{text}\n\n{name}", "plain", "utf-8")
        part["From"] = email.utils.formataddr((str(Header(name, "utf-8")), sender))
        part["To"] = to
        part["Delivered-To"] = to
        part["Subject"] = str(Header(subject, "utf-8"))
        part["Date"] = email.utils.format_datetime(when)
        part["Message-ID"] = f"<{message_id}>"
        for key, value in headers.items():
            part[key] = value
        raws.append((part.as_bytes(), when))
        if not headers and rng.random() < 0.7:
            # Staff answer most mail: minutes to a couple of days later.
            delay = dt.timedelta(minutes=int(rng.lognormvariate(4.5, 1.3)))
            if when + delay < now:
                replies.append(((message_id,), when + delay))
    store = LeadStore(
        client.id,
        own_domains=client.domains,
        book=ws.addresses.address_book(client.id),
        mailbox_id=mailbox_id,
    )
    drafts = [draft(parse_rfc822(raw), store.book, received_at=when) for raw, when in raws]
    with ws.db.translate_errors(), ws.db.engine.begin() as conn:
        counts = store.add(conn, drafts, folder="INBOX")
        replied = store.apply_replies(conn, replies)
    if counts.stored or counts.filtered or replied:
        return Changes(lead_clients=frozenset({client.id}), mailboxes=frozenset({mailbox_id}))
    return Changes()
