"""A realistic Yandex Metrica Logs API visits TSV, generated fast, for the visits benchmark.

Cyrillic keywords and cities, UTM tags, 64-bit visit and client ids (half above 2^63), per-visit
tokens or pool indexes in ``parsedParamsKey1..2`` and the odd robot visit; about 480 bytes a row
like the real export measured in ``STORAGE_NOTES.md``.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

HEADER = [
    "ym:s:visitID",
    "ym:s:counterID",
    "ym:s:date",
    "ym:s:dateTime",
    "ym:s:dateTimeUTC",
    "ym:s:clientID",
    "ym:s:isNewUser",
    "ym:s:startURL",
    "ym:s:endURL",
    "ym:s:referer",
    "ym:s:pageViews",
    "ym:s:visitDuration",
    "ym:s:bounce",
    "ym:s:lastsignTrafficSource",
    "ym:s:lastsignAdvEngine",
    "ym:s:lastsignReferalSource",
    "ym:s:lastsignSearchEngine",
    "ym:s:lastsignSocialNetwork",
    "ym:s:lastsignUTMSource",
    "ym:s:lastsignUTMMedium",
    "ym:s:lastsignUTMCampaign",
    "ym:s:lastsignUTMContent",
    "ym:s:lastsignUTMTerm",
    "ym:s:lastsignDirectPhraseOrCond",
    "ym:s:regionCountry",
    "ym:s:regionCity",
    "ym:s:clientTimeZone",
    "ym:s:deviceCategory",
    "ym:s:operatingSystem",
    "ym:s:browser",
    "ym:s:browserMajorVersion",
    "ym:s:screenWidth",
    "ym:s:screenHeight",
    "ym:s:ipAddress",
    "ym:s:parsedParamsKey1",
    "ym:s:parsedParamsKey2",
    "ym:s:parsedParamsKey3",
]

COUNTER = "44147844"
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
CITIES = ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Самара", "Тула"]
KEYWORDS = [
    "стоматология недорого",
    "имплантация зубов цена",
    "отбеливание зубов москва",
    "купить дом под ключ",
    "строительство коттеджа из бруса",
    "юрист по арбитражу консультация",
    "кофе в зернах свежей обжарки",
    "",
]
CAMPAIGNS = ["spring_sale", "brand", "competitors", "retargeting", "search_msk", ""]
SOURCES = [
    ("ad", "ya_direct", "", "", "", "yandex", "cpc"),
    ("organic", "", "", "yandex_search", "", "", ""),
    ("organic", "", "", "google_search", "", "", ""),
    ("referral", "", "zoon.ru", "", "", "", ""),
    ("social", "", "", "", "vkontakte", "vk", "social"),
    ("direct", "", "", "", "", "", ""),
]
PAGES = ["/", "/prices", "/contacts", "/services/implant", "/about", "/blog/kak-vybrat"]
OSES = [("1", "windows10", "chrome"), ("2", "android", "chromemobile"), ("2", "ios", "safari")]


def token(rnd: random.Random, length: int = 6) -> str:
    return "".join(rnd.choice(ALPHABET) for _ in range(length))


def write_metrica(
    path: Path,
    rows: int,
    *,
    seed: int = 5,
    pool_size: int = 0,
    with_tokens: bool = True,
    start: datetime | None = None,
) -> list[tuple[str, int | None, datetime]]:
    """Write ``rows`` visits; return ``(token, pool index, UTC start)`` of every 10th visit.

    With ``pool_size`` every visit carries a pool index (``ei``), and a token as well unless
    ``with_tokens`` is false.
    """
    rnd = random.Random(seed)
    begin = start or datetime(2026, 1, 1)
    span = 60 * 24 * 3600  # two months of visits
    step = span / max(1, rows)
    sample: list[tuple[str, int | None, datetime]] = []
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(HEADER) + "\n")
        buf: list[str] = []
        for i in range(rows):
            local = begin + timedelta(seconds=int(i * step + rnd.random() * step))
            utc = local - timedelta(hours=3)
            traffic, adv, referral, engine, social, utm_source, utm_medium = rnd.choice(SOURCES)
            city = rnd.choice(CITIES)
            device, os_name, browser = rnd.choice(OSES)
            if rnd.random() < 0.003:
                browser = "headlesschrome"
            keyword = rnd.choice(KEYWORDS)
            campaign = rnd.choice(CAMPAIGNS) if traffic == "ad" else ""
            landing = rnd.choice(PAGES)
            tok = token(rnd)
            if pool_size:
                index = rnd.randrange(pool_size)
                if with_tokens:
                    params = ("['et','ei']", f"['{tok}','{index}']")
                else:
                    params = ("['ei']", f"['{index}']")
            else:
                index = None
                if i % 7 == 0:
                    params = ("['et','ec']", f"['{tok}','click']")
                else:
                    params = ("['et']", f"['{tok}']")
            if i % 10 == 0:
                sample.append((tok, index, utc))
            stamp = local.strftime("%Y-%m-%d %H:%M:%S")
            fields = (
                str(rnd.getrandbits(64)),
                COUNTER,
                stamp[:10],
                stamp,
                utc.strftime("%Y-%m-%d %H:%M:%S"),
                str(rnd.getrandbits(64)),
                "1" if rnd.random() < 0.6 else "0",
                f"https://ulybka-dent.ru{landing}?utm_source={utm_source}&utm_campaign={campaign}",
                f"https://ulybka-dent.ru{rnd.choice(PAGES)}",
                f"https://yandex.ru/search/?text={keyword}" if traffic == "organic" else "",
                str(rnd.randint(1, 12)),
                str(rnd.randint(5, 900)),
                "0",
                traffic,
                adv,
                referral,
                engine,
                social,
                utm_source,
                utm_medium,
                campaign,
                "",
                keyword if utm_source else "",
                keyword if traffic == "ad" else "",
                "Russia",
                city,
                "180",
                device,
                os_name,
                browser,
                str(rnd.randint(100, 130)),
                "1920" if device == "1" else "390",
                "1080" if device == "1" else "844",
                f"95.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.xxx",
                params[0],
                params[1],
                "[]",
            )
            buf.append("\t".join(fields))
            if len(buf) >= 10_000:
                out.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            out.write("\n".join(buf) + "\n")
    return sample
