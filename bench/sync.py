"""Mailbox sync benchmark against a real Dovecot (see bench/README.md, "Mail sync").

Seeds a throwaway Dovecot with N realistic messages (Cyrillic, multipart/alternative, some
with attachments of a few hundred KB) straight into its Maildir, then measures in one run:

(a) the raw limit: stdlib ``imaplib`` fetching the same items as the sync, without parsing;
(b) a full sync into a fresh SQLite database (a child process, so its peak memory is its own;
    the parser process it starts for a big folder is reported beside it);
(c) an incremental sync with no new mail: its time and IMAP round trips.

    .venv/bin/python bench/sync.py                 # 20,000 messages
    .venv/bin/python bench/sync.py --messages 100000

The last line is ``sync: <msg/s> vs <raw msg/s> = ratio <R> (target 0.35)``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import imaplib
import json
import os
import random
import resource
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "integration"))

FIRST = ["Иван", "Мария", "Алексей", "Ольга", "Дмитрий", "Анна", "Сергей", "Елена", "Павел"]
LAST = ["Иванов", "Смирнова", "Кузнецов", "Попова", "Соколов", "Новикова", "Морозов", "Волкова"]
SUBJECTS = [
    "Заявка на консультацию",
    "Вопрос по стоимости",
    "Запись на приём",
    "Коммерческое предложение",
    "Нужен расчёт сметы",
    "Re: ваше объявление на Авито",
]
TAGS = ["tv1", "avito", "radio", "billboard", "cards", "site"]
TEXT = (
    "Здравствуйте! Увидел вашу рекламу и хотел бы узнать подробнее об условиях. "
    "Подскажите, пожалуйста, сроки и стоимость работ, можно ли приехать в субботу? "
)


def make_message(n: int, rng: random.Random) -> bytes:
    """One realistic inbound email, CRLF line ends."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    name = f"{first} {last}"
    sender = f"client{rng.randrange(n // 3 + 10)}@example.org"
    tag = rng.choice(TAGS)
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=n)
    text = (TEXT * rng.randint(1, 4)) + f"\n\n{name}\n+7 900 {n:07d}"
    from email.header import Header
    from email.mime.application import MIMEApplication
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(text, "plain", rng.choice(["utf-8", "koi8-r", "windows-1251"])))
    alternative.attach(MIMEText(f"<html><body><p>{text}</p></body></html>", "html", "utf-8"))
    msg: MIMEMultipart
    if n % 50 == 0:
        msg = MIMEMultipart("mixed")
        msg.attach(alternative)
        blob = MIMEApplication(rng.randbytes(rng.randint(150_000, 400_000)), "pdf")
        blob.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "Смета.pdf"))
        msg.attach(blob)
    else:
        msg = alternative
    msg["From"] = email.utils.formataddr((str(Header(name, "utf-8")), sender))
    msg["To"] = f"info+{tag}@romashka.ru"
    msg["Delivered-To"] = f"info+{tag}@romashka.ru"
    msg["Subject"] = str(Header(f"{rng.choice(SUBJECTS)} №{n}", "utf-8"))
    msg["Date"] = email.utils.format_datetime(when)
    msg["Message-ID"] = f"<bench-{n}@example.org>"
    msg["Received"] = (
        f"from mx.example.org by mx.romashka.ru for <info+{tag}@romashka.ru>; "
        + email.utils.format_datetime(when)
    )
    return msg.as_bytes()


def raw_limit(server: object, user: object, batch: int) -> tuple[float, int]:
    """(a) imaplib fetching the sync's items, no parsing: seconds and messages."""
    from app.core.mail.sync import LEAD_FETCH_ITEMS

    context = ssl.create_default_context(cafile=str(server.ca_file))  # type: ignore[attr-defined]
    started = time.perf_counter()
    imap = imaplib.IMAP4_SSL("localhost", server.imaps_port, ssl_context=context)  # type: ignore[attr-defined]
    imap.login(user.name, user.password)  # type: ignore[attr-defined]
    imap.select("INBOX", readonly=True)
    _typ, data = imap.uid("SEARCH", "ALL")
    uids = data[0].split()
    items = "(" + " ".join(LEAD_FETCH_ITEMS) + ")"
    for start in range(0, len(uids), batch):
        chunk = b",".join(uids[start : start + batch]).decode()
        imap.uid("FETCH", chunk, items)
    imap.logout()
    return time.perf_counter() - started, len(uids)


def child(args: argparse.Namespace) -> None:
    """(b)/(c) in a fresh process: sync into a fresh SQLite database, print JSON."""
    from app.core.addresses.model import AddressFields
    from app.core.addresses.styles import AddressStyle
    from app.core.clients.model import ChannelFields, ClientFields
    from app.core.mail.sync import sync_mailbox
    from app.core.mailboxes.model import MailboxFields
    from app.core.paths import resolve_location
    from app.core.workspace import Workspace

    ws = Workspace.open(resolve_location(Path(args.data)))
    try:
        if not ws.clients.list():
            client = ws.clients.create(
                ClientFields(
                    name="Ромашка", domains=("romashka.ru",), main_address="info@romashka.ru"
                )
            ).value
            for tag in TAGS:
                channel = ws.channels.create(client.id, ChannelFields(name=tag)).value
                ws.addresses.create(
                    client.id,
                    AddressFields(channel_id=channel.id, style=AddressStyle.PLUS, tag=tag),
                )
            ws.mailboxes.create(
                client.id,
                MailboxFields(
                    host="localhost",
                    port=args.port,
                    username=args.user,
                    ca_file=args.ca,
                    sync_since=dt.date(2000, 1, 1),
                ),
            )
        mailbox = ws.mailboxes.list()[0]
        started = time.perf_counter()
        cpu_started = time.process_time()
        if args.profile:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            result = profile.runcall(
                sync_mailbox, ws, mailbox.id, password=args.password, batch_size=args.batch
            )
            # SORT=tottime LINES=60 in the environment for another view of the same profile
            stats = pstats.Stats(profile, stream=sys.stderr)
            stats.sort_stats(os.environ.get("SORT", "cumulative"))
            stats.print_stats(int(os.environ.get("LINES", "35")))
        else:
            result = sync_mailbox(ws, mailbox.id, password=args.password, batch_size=args.batch)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    finally:
        ws.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    helper = resource.getrusage(resource.RUSAGE_CHILDREN)  # the parser process, once it ended
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "cpu_seconds": cpu,
                "status": result.status.value,
                "new_leads": result.new_leads,
                "fetched": sum(f.fetched for f in result.folders),
                "round_trips": result.round_trips,
                "peak_mb": peak_mb,
                "helper_mb": helper.ru_maxrss / 1024,
                "helper_cpu_seconds": helper.ru_utime + helper.ru_stime,
            }
        )
    )


def run_child(
    args: argparse.Namespace, data: Path, server: object, user: object
) -> dict[str, float]:
    command = [
        sys.executable,
        __file__,
        "--child",
        "--data", str(data),
        "--port", str(server.imaps_port),  # type: ignore[attr-defined]
        "--user", user.name,  # type: ignore[attr-defined]
        "--password", user.password,  # type: ignore[attr-defined]
        "--ca", str(server.ca_file),  # type: ignore[attr-defined]
        "--batch", str(args.batch),
    ]  # fmt: skip
    if args.profile:
        command.append("--profile")
    out = subprocess.run(command, check=True, capture_output=not args.profile, text=True)
    if args.profile:
        raise SystemExit(0)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="cProfile the full sync")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    for name in ("--data", "--user", "--password", "--ca"):
        parser.add_argument(name, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    from dovecot import running_server

    rng = random.Random(4)
    with running_server() as server, tempfile.TemporaryDirectory() as tmp:
        user = server.add_user()
        started = time.perf_counter()
        batch: list[bytes] = []
        for n in range(1, args.messages + 1):
            batch.append(make_message(n, rng))
            if len(batch) == 2000:
                server.write_maildir(user, batch)
                batch = []
        if batch:
            server.write_maildir(user, batch)
        print(f"seeded {args.messages} messages in {time.perf_counter() - started:.1f} s")
        # Warm Dovecot's index and cache (IMAP_NOTES: the first fetch of each kind is slower).
        raw_limit(server, user, args.batch)

        raws = [raw_limit(server, user, args.batch) for _ in range(2)]
        raw_seconds, count = min(raws)
        raw_rate = count / raw_seconds
        print(f"(a) raw imaplib, same items: {raw_rate:,.0f} msg/s ({raw_seconds:.2f} s)")

        data = Path(tmp) / "data"
        full = run_child(args, data, server, user)
        rate = full["fetched"] / full["seconds"]
        print(
            f"(b) full sync: {full['fetched']} messages, {full['new_leads']} leads in "
            f"{full['seconds']:.2f} s = {rate:,.0f} msg/s; CPU {full['cpu_seconds']:.2f} s "
            f"+ {full['helper_cpu_seconds']:.2f} s in the parser process; peak memory "
            f"{full['peak_mb']:.0f} MB + {full['helper_mb']:.0f} MB; status {full['status']}"
        )
        incremental = run_child(args, data, server, user)
        print(
            f"(c) incremental, no new mail: {incremental['seconds'] * 1000:.0f} ms, "
            f"{incremental['round_trips']} IMAP round trips "
            "(LOGIN + STATUS per folder + LOGIN's LIST when no Sent folder is known + LOGOUT)"
        )
        print(
            f"sync: {rate:,.0f} msg/s vs {raw_rate:,.0f} raw msg/s = "
            f"ratio {rate / raw_rate:.2f} (target 0.35)"
        )


if __name__ == "__main__":
    main()
