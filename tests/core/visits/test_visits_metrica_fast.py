"""The Metrica import's compiled row function against the general per-row path.

The importer reads Logs API files through a row function generated for the file's header; any row
it is unsure of goes to the general path. Both must store exactly the same rows and reject the
same lines for the same reasons, whatever the columns present and however odd the rows.
"""

from __future__ import annotations

import io
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.core.visits.formats import metrica
from app.core.visits.formats.metrica import parse_rows, storage_batches
from app.core.visits.model import ImportReport
from app.core.visits.rows import ROW_COLUMNS, storage_row, unpack_details

POOL = tuple(f"site{i}@client.ru" for i in range(5))
FULL = [
    "visitID",
    "counterID",
    "date",
    "dateTime",
    "dateTimeUTC",
    "clientID",
    "isNewUser",
    "startURL",
    "referer",
    "pageViews",
    "visitDuration",
    "lastsignTrafficSource",
    "lastsignAdvEngine",
    "lastsignReferalSource",
    "lastsignSearchEngine",
    "lastsignSearchEngineRoot",
    "lastsignSocialNetwork",
    "lastsignMessenger",
    "lastsignRecommendationSystem",
    "lastsignUTMSource",
    "lastsignUTMMedium",
    "lastsignUTMCampaign",
    "lastsignUTMContent",
    "lastsignUTMTerm",
    "lastsignDirectClickOrderName",
    "lastsignDirectPhraseOrCond",
    "lastsignGCLID",
    "regionCountry",
    "regionCity",
    "deviceCategory",
    "operatingSystem",
    "operatingSystemRoot",
    "browser",
    "javascriptEnabled",
    "screenWidth",
    "screenHeight",
    "parsedParamsKey1",
    "parsedParamsKey2",
    "parsedParamsKey3",
]
BASE = {
    "visitID": "18446744073709551615",
    "counterID": "89986940",
    "date": "2024-03-01",
    "dateTime": "2024-03-01 12:30:00",
    "dateTimeUTC": "2024-03-01 09:30:00",
    "clientID": "16636011071037673047",
    "isNewUser": "1",
    "startURL": "https://client.ru/?utm_source=yandex",
    "referer": "https://yandex.ru/search/?text=окна",
    "pageViews": "3",
    "visitDuration": "125",
    "lastsignTrafficSource": "organic",
    "lastsignSearchEngine": "yandex_search",
    "regionCountry": "Russia",
    "regionCity": "Москва",
    "deviceCategory": "1",
    "operatingSystem": "windows10",
    "browser": "chrome",
    "javascriptEnabled": "1",
    "screenWidth": "1920",
    "screenHeight": "1080",
    "parsedParamsKey1": "['et','ei']",
    "parsedParamsKey2": "['k7x2m','3']",
    "parsedParamsKey3": "[]",
}
# Rows the fast path should take, rows it must leave to the general path, and bad rows.
VARIANTS: list[dict[str, str]] = [
    {},
    {"visitID": "1", "dateTime": "2024-03-01 12:59:59"},
    {"parsedParamsKey2": "['K7X2M','4']"},  # a token to fold
    {"parsedParamsKey2": "['k7x2m','9']"},  # a pool index outside the pool
    {"parsedParamsKey2": "[' k7x2m ',' 2 ']"},
    {"parsedParamsKey1": "['ei','et','ec','eu']", "parsedParamsKey2": "['1','abc','Click','/x']"},
    {"parsedParamsKey1": "['ei','et','ec','eu']", "parsedParamsKey2": "['1','abc','copy','']"},
    {"parsedParamsKey1": "['ei','et','ec','eu']", "parsedParamsKey2": "['1','abc','hover','/']"},
    {"parsedParamsKey1": "['et']", "parsedParamsKey2": "['zz']"},
    {"parsedParamsKey1": "['et']", "parsedParamsKey2": "['zz','yy']"},  # odd arrays
    {"parsedParamsKey1": "['a','a']", "parsedParamsKey2": "['1','2']"},
    {"parsedParamsKey1": "['p']", "parsedParamsKey2": "['et']", "parsedParamsKey3": "['q1']"},
    {"parsedParamsKey1": "[]", "parsedParamsKey2": "[]"},
    {"parsedParamsKey1": "['et'", "parsedParamsKey2": "['zz']"},  # broken array
    {"parsedParamsKey2": "['it\\'s','1']"},  # an escaped quote
    {"startURL": "https://client.ru/a\\tb", "regionCity": "\\N"},  # ClickHouse escapes
    {"referer": "dangling\\"},
    {"lastsignTrafficSource": "ad", "lastsignAdvEngine": "ya_undefined"},
    {"lastsignTrafficSource": "ad", "lastsignAdvEngine": "ya_direct"},
    {"lastsignTrafficSource": "ad", "lastsignUTMSource": "yandex", "lastsignUTMCampaign": ""},
    {"lastsignTrafficSource": "ad", "lastsignDirectClickOrderName": "Brand"},
    {"lastsignTrafficSource": "ad", "lastsignDirectClickOrderName": "0"},
    {"lastsignUTMCampaign": "spring", "lastsignDirectClickOrderName": "Brand"},
    {"lastsignTrafficSource": "organic", "lastsignSearchEngine": ""},
    {"lastsignSearchEngine": "", "lastsignSearchEngineRoot": "google"},
    {"lastsignTrafficSource": "social", "lastsignSocialNetwork": "vkontakte"},
    {"lastsignTrafficSource": "referral", "lastsignReferalSource": "zoon.ru"},
    {"lastsignTrafficSource": "messenger", "lastsignMessenger": "telegram"},
    {"lastsignTrafficSource": "recommend", "lastsignRecommendationSystem": "dzen"},
    {"lastsignTrafficSource": "direct", "lastsignUTMTerm": "", "lastsignDirectPhraseOrCond": "w"},
    {"lastsignTrafficSource": ""},
    {"clientID": "0", "isNewUser": "0", "deviceCategory": "2", "operatingSystem": ""},
    {"clientID": "", "isNewUser": "", "deviceCategory": "", "operatingSystemRoot": "android"},
    {"deviceCategory": "7", "screenWidth": "0", "screenHeight": "1080"},
    {"screenWidth": "", "screenHeight": ""},
    {"screenWidth": "abc", "screenHeight": "12"},
    {"pageViews": "", "visitDuration": ""},
    {"pageViews": "x"},  # a number column with text
    {"visitDuration": "-5"},
    {"visitID": "12a"},
    {"visitID": ""},
    {"dateTime": "2024-03-01 12:61:00"},
    {"dateTime": "2024-02-30 12:00:00"},
    {"dateTime": "2024-03-01T12:30:00"},
    {"dateTime": "2024-03-01 12:30:00.5"},
    {"dateTime": "2024-03-01 12:30"},
    {"dateTime": "yesterday"},
    {"dateTime": "2024-03-31 02:30:00"},  # a spring-forward gap in Europe/Berlin
    {"dateTime": "2024-10-27 02:30:00"},  # a repeated autumn hour
    {"browser": "headlesschrome"},
    {"browser": "HeadlessChrome"},
    {"javascriptEnabled": "0"},
    {"browser": ""},
    {"counterID": ""},
    {"regionCity": "Санкт-Петербург\udcff"},  # undecodable bytes
]


def tsv(columns: list[str], rows: list[dict[str, str]], extra: list[str] = ()) -> str:
    header = "\t".join(f"ym:s:{name}" for name in columns)
    lines = [header]
    for values in rows:
        merged = {**BASE, **values}
        lines.append("\t".join(merged.get(name, "") for name in columns))
    lines[2:2] = extra
    return "\n".join(lines) + "\n"


def both(text: str, zone: str) -> tuple[list, list, list, list]:
    """(rows, rejects) of the importer's path and of the general path on the same text."""
    fast_report = ImportReport()
    fast = [
        row
        for batch in storage_batches(io.StringIO(text), ZoneInfo(zone), fast_report, POOL, 7)
        for row in batch
    ]
    slow_report = ImportReport()
    slow = [
        storage_row(values, POOL)
        for values in parse_rows(io.StringIO(text), ZoneInfo(zone), slow_report, keep_params=False)
        if values is not None
    ]
    return fast, slow, fast_report.rejected, slow_report.rejected


def _comparable(rows: list) -> list:
    return [tuple(str(v) if v is not None else None for v in row) for row in rows]


@pytest.mark.parametrize("zone", ["Europe/Moscow", "Europe/Berlin", "Asia/Kolkata"])
@pytest.mark.parametrize(
    "columns",
    [
        FULL,
        [c for c in FULL if not c.startswith("lastsign")],
        [c for c in FULL if c not in ("parsedParamsKey3", "javascriptEnabled", "screenHeight")],
        [c for c in FULL if not c.startswith("parsedParams")],
        ["visitID", "dateTime"],
        list(reversed(FULL)),
    ],
    ids=["full", "no-sources", "two-param-levels", "no-params", "minimal", "reversed"],
)
def test_compiled_rows_match_the_general_path(columns: list[str], zone: str) -> None:
    # Every variant twice: the first sighting of a params key array teaches the fast path.
    rows = [variant for variant in VARIANTS for _ in range(2)]
    extra = ["\t".join(f"ym:s:{name}" for name in columns), "", "1\t2"]
    fast, slow, fast_rejects, slow_rejects = both(tsv(columns, rows, extra), zone)
    assert _comparable(fast) == _comparable(slow)
    assert fast_rejects == slow_rejects
    assert all(len(row) == len(ROW_COLUMNS) for row in fast)
    assert fast  # the test reads rows, not only rejects


def test_usual_rows_take_the_compiled_path(monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[object] = []
    compile_fast = metrica._compile_fast

    def counting(*args: Any) -> Any:
        fast = compile_fast(*args)
        assert fast is not None

        def row(fields: list[str]) -> Any:
            result = fast(fields)
            if result is not None:
                taken.append(result)
            return result

        return row

    monkeypatch.setattr(metrica, "_compile_fast", counting)
    fast, slow, _, _ = both(tsv(FULL, [{"visitID": str(i)} for i in range(1, 50)]), "Asia/Omsk")
    assert len(fast) == len(slow) == 49
    # The first row checks dateTimeUTC and teaches the params keys on the general path.
    assert len(taken) == 48


def test_compiled_rows_store_what_the_user_sees() -> None:
    text = tsv(FULL, [{}, {"parsedParamsKey2": "['K7X2M','4']", "browser": "headlesschrome"}])
    report = ImportReport()
    (batch,) = storage_batches(io.StringIO(text), ZoneInfo("Europe/Moscow"), report, POOL, 100)
    (row,) = batch
    stored = dict(zip(ROW_COLUMNS, row, strict=True))
    assert stored["visit_key"] == "metrica:2024-03-01:89986940:18446744073709551615"
    assert stored["started_at"] == "2024-03-01 09:30:00.000000"
    assert stored["token"] == "k7x2m"
    assert stored["shown_address"] == "site3@client.ru"
    assert stored["source"] == "yandex_search"
    assert stored["city"] == "Москва"
    details = unpack_details(stored["details"])
    assert details["screen"] == "1920x1080"
    assert details["referrer"] == "https://yandex.ru/search/?text=окна"
    assert details["page_views"] == 3
    assert details["is_new_visitor"] is True
    assert details["content"] is None
    assert report.visits == 1
    assert report.bots == 1
    assert report.rows_read == 2
    assert report.first_started_at == report.last_started_at


def test_crlf_lines_and_a_repeated_header_read_the_same() -> None:
    text = tsv(FULL, [{}, {"visitID": "2"}], extra=["\t".join(f"ym:s:{n}" for n in FULL)])
    fast, slow, _, _ = both(text.replace("\n", "\r\n"), "Europe/Moscow")
    assert len(fast) == 2
    assert _comparable(fast) == _comparable(slow)
