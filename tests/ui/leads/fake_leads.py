"""Realistic-looking leads written straight into SQLite, fast enough for a million rows.

Sync fills the journal in real use; views only need rows to show, so the tests (and the
screenshot script) insert them in bulk: one transaction, ``executemany`` with tuples.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from app.core.workspace import Workspace

FIRST = ("Анна", "Борис", "Виктория", "Григорий", "Дарья", "Екатерина", "Иван", "Ольга", "Павел")
LAST = ("Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Новиков", "Морозов", "Волков")
LOGINS = ("anna.s", "boris.k", "v.popova", "grisha", "dasha.l", "katya", "ivan", "olga.m", "pavel")
DOMAINS = ("mail.ru", "yandex.ru", "gmail.com", "bk.ru", "rambler.ru", "inbox.ru")
SUBJECTS = (
    "Заявка на консультацию",
    "Вопрос по стоимости",
    "Хочу записаться на приём в субботу",
    "Re: Коммерческое предложение",
    "Сколько стоит доставка в Подмосковье?",
    "Прайс-лист на 2027 год",
    "Price request for a wholesale order",
    "Можно ли перенести встречу на понедельник?",
)
TEXT = (
    "Здравствуйте! Увидела ваше объявление и хотела бы уточнить стоимость и сроки. "
    "Перезвоните, пожалуйста, после 18:00. С уважением, Анна"
)
REASONS = ("auto_reply", "bounce", "own_domain", "thread_reply")

T0 = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)

_COLUMNS = (
    'client_id, folder, dedup_key, message_id, in_reply_to, "references", sender_name, '
    "sender_address, subject, received_at, text, attachment_names, recipients, "
    "tracking_address, channel_id, match_kind, token, filtered_reason, filtered_detail, "
    "is_repeat, first_reply_at, response_seconds, created_at"
)


def _stamp(moment: datetime) -> str:
    # How SQLAlchemy stores a UTC timestamp in SQLite (see storage.models.UTCDateTime).
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def seed_leads(
    ws: Workspace,
    client_id: int,
    count: int,
    channels: Sequence[int] = (),
    *,
    tracking: Sequence[str] = (),
    filtered_every: int = 0,
    recipient: str = "info@client.ru",
    start: datetime = T0,
    step: timedelta = timedelta(minutes=7),
) -> None:
    """Insert ``count`` leads, newest at ``start``, each ``step`` older than the previous.

    Every fifth lead is untracked; every third has a reply; every ``filtered_every``-th row (0:
    none) is filtered out with a reason.
    """
    created = _stamp(datetime.now(UTC))
    recipients = json.dumps([["To", recipient]])
    attachments = json.dumps(["Техническое задание.pdf"])
    rows = []
    for i in range(count):
        received = start - step * i
        first, last = FIRST[i % len(FIRST)], LAST[i % len(LAST)]
        if first.endswith(("а", "я")):  # a woman's first name takes the feminine surname
            last += "а"
        login = LOGINS[i % len(LOGINS)]
        untracked = not channels or i % 5 == 4
        channel = None if untracked else channels[i % len(channels)]
        address = "" if untracked or not tracking else tracking[(i % len(channels)) % len(tracking)]
        replied = i % 3 == 0
        response = 600 + (i * 437) % 90_000 if replied else None
        reason = REASONS[i % len(REASONS)] if filtered_every and i % filtered_every == 0 else None
        rows.append(
            (
                client_id,
                "INBOX",
                f"seed-{client_id}-{i}",
                f"<{i}.{client_id}@seed>",
                "",
                "[]",
                f"{first} {last}",
                f"{login}{i % 997}@{DOMAINS[i % len(DOMAINS)]}",
                SUBJECTS[i % len(SUBJECTS)],
                _stamp(received),
                TEXT,
                attachments if i % 4 == 0 else "[]",
                recipients,
                address,
                channel,
                "none" if untracked else "tracking",
                "",
                reason,
                "",
                i % 7 == 0,
                _stamp(received + timedelta(seconds=response)) if response else None,
                response,
                created,
            )
        )
    placeholders = ", ".join("?" * 23)
    with ws.db.engine.begin() as conn:
        conn.exec_driver_sql(f"INSERT INTO leads ({_COLUMNS}) VALUES ({placeholders})", rows)
