"""Demo visit history: a website with the snippet, its Metrica export imported, and leads sent to
the addresses visitors were shown, attributed to their visits.

- «Стоматология «Улыбка»» uses per-visit tokens on its catch-all sub-domain
  (``<token>@in.ulybka-dent.ru``): exact matches, plus a few emails whose visits are newer than
  the last export (they wait for the next import).
- «СтройДом» uses a fixed pool of 12 aliases with a 24 h hold: matches carry a confidence, some
  collide, and pool health warns that 12 addresses are far too few.

Idempotent: a client that has visits already is left alone; the emails go through the real
parser and lead store, whose Message-ID de-duplication keeps a second run from adding any.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import random
import tempfile
from email.header import Header
from email.mime.text import MIMEText
from pathlib import Path

from app.core.addresses.tokens import ALPHABET
from app.core.changes import Changes
from app.core.clients.model import Client
from app.core.visits.options import ImportOptions
from app.core.visits.service import VisitSettings
from app.core.workspace import Workspace

TOKEN_CLIENT = "Стоматология «Улыбка»"
POOL_CLIENT = "СтройДом"
POOL_SIZE = 12
VISITS = 1500
DAYS = 60
COUNTER = "44147844"

_HEADER = (
    "ym:s:visitID",
    "ym:s:counterID",
    "ym:s:dateTime",
    "ym:s:clientID",
    "ym:s:isNewUser",
    "ym:s:startURL",
    "ym:s:referer",
    "ym:s:pageViews",
    "ym:s:visitDuration",
    "ym:s:lastsignTrafficSource",
    "ym:s:lastsignSearchEngine",
    "ym:s:lastsignUTMSource",
    "ym:s:lastsignUTMMedium",
    "ym:s:lastsignUTMCampaign",
    "ym:s:lastsignUTMTerm",
    "ym:s:lastsignDirectPhraseOrCond",
    "ym:s:regionCity",
    "ym:s:deviceCategory",
    "ym:s:operatingSystem",
    "ym:s:browser",
    "ym:s:screenWidth",
    "ym:s:screenHeight",
    "ym:s:parsedParamsKey1",
    "ym:s:parsedParamsKey2",
)
# (traffic, search engine, utm source, medium, campaign, keyword, weight)
_SOURCES = (
    ("ad", "", "yandex", "cpc", "implant_msk", "имплантация зубов цена", 5),
    ("ad", "", "yandex", "cpc", "whitening", "отбеливание зубов", 3),
    ("ad", "", "vk", "cpc", "retargeting", "", 2),
    ("organic", "yandex_search", "", "", "", "стоматология рядом", 4),
    ("organic", "google_search", "", "", "", "", 2),
    ("referral", "", "", "", "", "", 1),
    ("direct", "", "", "", "", "", 3),
)
_CITIES = ("Москва", "Москва", "Москва", "Химки", "Подольск", "Санкт-Петербург", "Казань")
_DEVICES = (
    ("1", "windows10", "chrome", 1920, 1080),
    ("2", "android", "chromemobile", 412, 915),
    ("2", "ios", "safari", 390, 844),
    ("3", "ipados", "safari", 820, 1180),
)
_PAGES = ("/", "/implant", "/prices", "/contacts", "/whitening", "/doctors")
_SENDERS = ("anna.k", "ivan.petrov", "m.sokolova", "sergey77", "olga.vas", "dmitry.f")
_SUBJECTS = ("Запись на консультацию", "Вопрос по цене", "Хочу записаться", "Стоимость услуги")


def _token(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(length))


def write_demo_export(
    path: Path, *, start: dt.datetime, seed: str, tokens: int, pool_size: int
) -> list[tuple[dt.datetime, str, int | None]]:
    """A Metrica visits export; returns (UTC start, token, pool index) of every visit."""
    rng = random.Random(seed)
    weights = [s[-1] for s in _SOURCES]
    shown: list[tuple[dt.datetime, str, int | None]] = []
    lines = ["\t".join(_HEADER)]
    for _ in range(VISITS):
        utc = start + dt.timedelta(seconds=rng.randrange(DAYS * 86400))
        local = utc + dt.timedelta(hours=3)  # Europe/Moscow
        traffic, engine, source, medium, campaign, keyword, _ = rng.choices(_SOURCES, weights)[0]
        device, os_name, browser, width, height = rng.choice(_DEVICES)
        token = _token(rng, tokens) if tokens else ""
        index = rng.randrange(pool_size) if pool_size else None
        keys, values = ("['et']", f"['{token}']") if tokens else ("['ei']", f"['{index}']")
        landing = rng.choice(_PAGES)
        query = f"?utm_source={source}&utm_campaign={campaign}" if source else ""
        lines.append(
            "\t".join(
                (
                    str(rng.getrandbits(63) + (1 << 63)),
                    COUNTER,
                    local.strftime("%Y-%m-%d %H:%M:%S"),
                    str(rng.getrandbits(64)),
                    "1" if rng.random() < 0.7 else "0",
                    f"https://site.example{landing}{query}",
                    "https://yandex.ru/search/?text=" + keyword if traffic == "organic" else "",
                    str(rng.randint(1, 9)),
                    str(rng.randint(20, 600)),
                    traffic,
                    engine,
                    source,
                    medium,
                    campaign,
                    keyword if source else "",
                    keyword if traffic == "ad" and source == "yandex" else "",
                    rng.choice(_CITIES),
                    device,
                    os_name,
                    browser,
                    str(width),
                    str(height),
                    keys,
                    values,
                )
            )
        )
        shown.append((utc.replace(microsecond=0), token, index))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return shown


def generate_demo_visits(ws: Workspace, client: Client) -> Changes:
    """Visits and dynamic-tracking leads for the two demo clients that use the snippet."""
    if client.name not in (TOKEN_CLIENT, POOL_CLIENT) or ws.visits.count(client.id):
        return Changes()
    from app.core.attribution.rules import draft
    from app.core.attribution.store import LeadStore
    from app.core.mail.message import parse_rfc822
    from app.core.visits.importer import import_visits

    rng = random.Random(f"mailsource-demo-visits-{client.name}")
    anchor = client.created_at.astimezone(dt.UTC).replace(hour=6, minute=0, second=0, microsecond=0)
    start = anchor - dt.timedelta(days=DAYS)
    changes = Changes()
    settings = ws.addresses.settings(client.id)
    domain = client.domains[0]
    pool: tuple[str, ...] = ()
    if client.name == POOL_CLIENT:
        pool = tuple(f"site{i + 1}@{domain}" for i in range(POOL_SIZE))
        known = {a.address for a in ws.addresses.list(client.id)}
        missing = [a for a in pool if a not in known]
        if missing:
            # Pool aliases are tracking addresses of the "Сайт" channel, so mail to them is
            # recognised by the mail side and joined to a visit here.
            text = "".join(f"{a}; Сайт\n" for a in missing)
            changes |= ws.addresses.import_custom(client.id, text).changes
    snippet = {"mode": "pool" if pool else "token", "metrica_counter_id": int(COUNTER)}
    changes |= ws.visits.save_settings(
        client.id,
        VisitSettings(
            site_timezone="Europe/Moscow",
            pool=pool,
            snippet=tuple(sorted(snippet.items())),
        ),
    )
    with tempfile.TemporaryDirectory(prefix="mailsource-demo-") as folder:
        export = Path(folder) / f"metrica-visits-{client.id}.tsv"
        shown = write_demo_export(
            export,
            start=start,
            seed=client.name,
            tokens=0 if pool else settings.token_length,
            pool_size=len(pool),
        )
        # Leads: some visitors write minutes to hours after their visit; a few write after
        # the export was made (their visits arrive with the next import).
        picks = rng.sample(shown, 45)
        late = [
            (anchor + dt.timedelta(hours=3 + i), _token(rng, settings.token_length), None)
            for i in range(3 if not pool else 0)
        ]
        raws: list[tuple[bytes, dt.datetime]] = []
        for n, (visit_at, token, index) in enumerate([*picks, *late]):
            when = visit_at + dt.timedelta(minutes=int(rng.lognormvariate(3.2, 1.2)))
            if pool:
                assert index is not None
                to = pool[index]
            elif settings.token_domain:
                to = f"{token}@{settings.token_domain}"
            else:
                local, _, main_domain = client.main_address.partition("@")
                to = f"{local}{settings.plus_delimiter}{token}@{main_domain}"
            sender = f"{rng.choice(_SENDERS)}{n}@mail.ru"
            part = MIMEText("Здравствуйте! Подскажите, пожалуйста, по цене.", "plain", "utf-8")
            part["From"] = sender
            part["To"] = to
            part["Delivered-To"] = to
            part["Subject"] = str(Header(rng.choice(_SUBJECTS), "utf-8"))
            part["Date"] = email.utils.format_datetime(when)
            part["Message-ID"] = f"<demo-visit-{n}.{client.id}@mail.ru>"
            raws.append((part.as_bytes(), when))
        store = LeadStore(
            client.id, own_domains=client.domains, book=ws.addresses.address_book(client.id)
        )
        drafts = [draft(parse_rfc822(raw), store.book, received_at=when) for raw, when in raws]
        with ws.db.translate_errors(), ws.db.engine.begin() as conn:
            store.add(conn, drafts, folder="INBOX")
        result = import_visits(ws, client.id, export, ImportOptions())
    return changes | result.changes | Changes(lead_clients=frozenset({client.id}))
