"""GA4: BigQuery NDJSON, our flat CSV and its query, and web-UI CSV downloads."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from app.core.visits import (
    ContactAction,
    ImportFileError,
    ImportReport,
    VisitFormat,
    detect,
    ga4_export_sql,
)
from app.core.visits.formats import ga4
from tests.core.visits.conftest import Reader, Writer

SESSION = 1709285400  # 2024-03-01 09:30:00 UTC


def event(
    name: str,
    seconds: float,
    user: str = "1663601426.1700000000",
    session: int = SESSION,
    **params: Any,
) -> dict[str, Any]:
    values = {"ga_session_id": {"int_value": str(session)}}
    for key, value in params.items():
        kind = "int_value" if isinstance(value, int) else "string_value"
        values[key] = {kind: str(value) if kind == "int_value" else value}
    return {
        "event_date": "20240301",
        "event_timestamp": str(int(seconds * 1_000_000)),  # BigQuery JSON writes INT64 as text
        "event_name": name,
        "event_params": [{"key": k, "value": v} for k, v in values.items()],
        "user_pseudo_id": user,
        "stream_id": "1234567890",
        "device": {
            "category": "mobile",
            "operating_system": "Android",
            "web_info": {"browser": "Chrome", "hostname": "client.ru"},
        },
        "geo": {"country": "Russia", "city": "Moscow"},
        "traffic_source": {"source": "first-touch", "medium": "referral", "name": "old"},
        "collected_traffic_source": {"manual_source": "google", "gclid": "Cj0KCQ"},
        "session_traffic_source_last_click": {
            "manual_campaign": {
                "source": "google",
                "medium": "cpc",
                "campaign_name": "windows",
                "term": "plastic windows",
            }
        },
    }


def ndjson(*events: dict[str, Any]) -> str:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events)


def test_events_fold_into_a_session(write: Writer, read: Reader) -> None:
    other = "99.1700000001"
    path = write(
        "events.json",
        ndjson(
            event("page_view", SESSION + 5, page_location="https://client.ru/price"),
            event("session_start", SESSION + 1, page_location="https://client.ru/?gclid=x"),
            event("page_view", SESSION + 3, user=other, session=SESSION + 2),
            event("email_shown", SESSION + 9, et="k7x2m9ab"),
            event("email_contact", SESSION + 20, ec="click", eu="/contacts", et="k7x2m9ab"),
        ),
    )
    detection = detect(path)
    assert detection.format is VisitFormat.GA4_NDJSON
    assert not detection.needs_timezone
    visits, report = read(path)
    assert report.rows_read == 5
    assert len(visits) == 2
    visit = next(v for v in visits if v.token)
    assert visit.visit_id == f"1663601426.1700000000:{SESSION}"
    assert visit.started_at == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    assert visit.ga_user_pseudo_id == "1663601426.1700000000"
    assert visit.token == "k7x2m9ab"
    assert visit.landing_page == "https://client.ru/?gclid=x"
    assert (visit.source, visit.medium, visit.campaign, visit.keyword) == (
        "google",
        "cpc",
        "windows",
        "plastic windows",
    )
    assert visit.gclid == "Cj0KCQ"
    assert (visit.city, visit.device, visit.os, visit.browser) == (
        "Moscow",
        "mobile",
        "Android",
        "Chrome",
    )
    assert visit.contact_action is ContactAction.CLICK
    assert visit.contact_page == "/contacts"


def test_older_exports_use_the_first_events_tags(write: Writer, read: Reader) -> None:
    first = event("session_start", SESSION, source="yandex", medium="cpc", campaign="spring")
    later = event("page_view", SESSION + 60)
    for item in (first, later):
        del item["session_traffic_source_last_click"]
        del item["collected_traffic_source"]
    visits, _ = read(write("old.json", ndjson(later, first)))
    assert (visits[0].source, visits[0].medium, visits[0].campaign) == ("yandex", "cpc", "spring")


def test_a_json_array_and_broken_lines(write: Writer, read: Reader) -> None:
    array = "[\n" + ",\n".join(json.dumps(e) for e in [event("page_view", SESSION)]) + "\n]\n"
    visits, _ = read(write("array.json", array))
    assert len(visits) == 1

    text = ndjson(event("page_view", SESSION)) + '{"event_name": "page_view",\n'
    text += json.dumps({"event_name": "x"}) + "\n"
    visits, report = read(write("broken.json", text))
    assert len(visits) == 1
    assert (report.rejected[0].line, "JSON" in report.rejected[0].reason) == (2, True)
    assert "user_pseudo_id" in report.rejected[1].reason


def test_headless_sessions_are_dropped(write: Writer, read: Reader) -> None:
    bot = event("page_view", SESSION)
    bot["device"]["web_info"]["browser"] = "HeadlessChrome"
    visits, report = read(write("bot.json", ndjson(bot)))
    assert visits == []
    assert report.bots == 1


def test_sessions_spread_beyond_the_window_merge() -> None:
    text = ndjson(
        event("session_start", SESSION, page_location="https://client.ru/"),
        event("page_view", SESSION, user="other", session=1),
        event("email_shown", SESSION + 5, et="k7x2m9ab"),
    )
    parts = [
        v for v in ga4.parse_ndjson(io.StringIO(text), ImportReport(), window=1) if v is not None
    ]
    mine = [v for v in parts if v.ga_user_pseudo_id != "other"]
    assert len(mine) == 2
    merged = mine[0].merge(mine[1])
    assert merged.token == "k7x2m9ab"
    assert merged.landing_page == "https://client.ru/"


def sql_columns(sql: str) -> list[str]:
    """The output column names of the query's SELECT list (the last word of each item)."""
    body = re.sub(r"--[^\n]*", "", sql)
    select = body[body.index("SELECT") + len("SELECT") : body.index("\nFROM")]
    items, depth, current = [], 0, ""
    for char in select:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [re.findall(r"\w+", item)[-1] for item in items]


def test_the_query_names_the_flat_columns() -> None:
    sql = ga4_export_sql("my-project", "987654", "20240101", "20240131")
    assert "`my-project.analytics_987654.events_*`" in sql
    assert "BETWEEN '20240101' AND '20240131'" in sql
    columns = sql_columns(sql)
    assert columns[: len(ga4.FLAT_HEADER)] == list(ga4.FLAT_HEADER)
    assert columns[len(ga4.FLAT_HEADER) :] == [
        "tracking_pool_index",
        "contact_action",
        "contact_page",
        "stream_id",
    ]


def flat_row(**values: str) -> dict[str, str]:
    row = dict.fromkeys(ga4.FLAT_HEADER, "")
    row.update(
        event_timestamp_us=str(SESSION * 1_000_000 + 5),
        event_time_utc="2024-03-01T09:30:00.000005Z",
        user_pseudo_id="1663601426.1700000000",
        ga_session_id=str(SESSION),
        event_name="page_view",
        session_source="yandex",
        session_medium="cpc",
        session_campaign="windows",
        geo_city="Москва",
        device_category="desktop",
        device_browser="Chrome",
    )
    row.update(values)
    return row


def flat_csv(rows: list[dict[str, str]], extra: tuple[str, ...] = ()) -> str:
    import csv

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*ga4.FLAT_HEADER, *extra], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def test_the_flat_csv_from_the_query(write: Writer, read: Reader) -> None:
    text = flat_csv(
        [
            flat_row(event_name="session_start", page_location="https://client.ru/a,b"),
            flat_row(event_name="email_shown", tracking_token="k7x2m9ab"),
            flat_row(
                event_name="email_contact",
                contact_action="copy",
                contact_page="/contacts",
                page_referrer="multi\nline",
            ),
            flat_row(event_timestamp_us="soon", event_time_utc="later"),
        ],
        extra=("tracking_pool_index", "contact_action", "contact_page"),
    )
    path = write("flat.csv", text)
    assert detect(path).format is VisitFormat.GA4_CSV
    visits, report = read(path)
    assert len(visits) == 1
    visit = visits[0]
    assert visit.source_format is VisitFormat.GA4_CSV
    assert visit.token == "k7x2m9ab"
    assert visit.landing_page == "https://client.ru/a,b"
    assert (visit.source, visit.campaign, visit.city) == ("yandex", "windows", "Москва")
    assert visit.contact_action is ContactAction.COPY
    assert visit.contact_page == "/contacts"
    # The third record spans two lines, so the bad one starts on line 6.
    assert [(r.line, "event time" in r.reason) for r in report.rejected] == [(6, True)]


def test_the_documented_header_alone_is_enough(write: Writer, read: Reader) -> None:
    path = write("doc.csv", flat_csv([flat_row(tracking_token="abcdefgh")]))
    visits, _ = read(path)
    assert visits[0].token == "abcdefgh"


def test_a_bigquery_console_csv_with_nested_columns_is_explained(write: Writer) -> None:
    path = write("nested.csv", 'event_date,event_timestamp,event_params\n20240101,1,"{\n}"\n')
    with pytest.raises(ImportFileError, match="JSON"):
        detect(path)


EXPLORE_EN = "\n".join(
    [
        "# ----------------------------------------",
        "# client.ru - GA4",
        "# Email tokens-Free form 1",
        "# 20240301-20240331",
        "# ----------------------------------------",
        "",
        "tracking_token,Session source / medium,Session campaign,Session manual term,"
        "Landing page + query string,City,Device category,Operating system,Browser,"
        "Screen resolution,Date hour and minute,Event count",
        ",,,,,,,,,,,48,Grand total",
        "k7x2m9ab,yandex / cpc,windows,пластиковые окна,/price?utm_source=yandex,Moscow,mobile,"
        "Android,Chrome,412x915,202403011230,3,",
        "abcdefgh,google / organic,(not set),(not set),/,Kazan,desktop,Windows,Edge,1920x1080,"
        "2024030114xx,1,",
        "zzzzzzzz,(direct) / (none),(not set),(not set),/,Kazan,desktop,Windows,HeadlessChrome,"
        "1920x1080,202403011400,1,",
        "",
        "# ----------------------------------------",
        "# second table",
        "City,Users",
        "Kazan,2",
        "",
    ]
)

EXPLORE_RU = "\n".join(
    [
        "# ----------------------------------------",
        "# Аккаунт: Клиент",
        "# Ресурс: client.ru - GA4",
        "# ----------------------------------------",
        "#",
        "# Все пользователи",
        "# Дата начала: 20240301",
        "# Дата окончания: 20240331",
        "",
        "Токен отслеживания;Источник/канал сеанса;Кампания сеанса;Город;Категория устройства;"
        "Дата + час (ГГГГММДДЧЧ);Сеансы",
        "k7x2m9ab;yandex / cpc;окна;Москва;mobile;2024030112;1",
        "",
    ]
)


def test_an_english_exploration(write: Writer, read: Reader) -> None:
    path = write("explore.csv", EXPLORE_EN)
    detection = detect(path)
    assert detection.format is VisitFormat.GA4_UI
    assert detection.header[0] == "tracking_token"
    visits, report = read(path, site_timezone="Europe/Moscow")
    assert [v.token for v in visits] == ["k7x2m9ab"]
    visit = visits[0]
    assert visit.started_at == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    assert (visit.source, visit.medium, visit.campaign) == ("yandex", "cpc", "windows")
    assert visit.keyword == "пластиковые окна"
    assert visit.landing_page == "/price?utm_source=yandex"
    assert (visit.city, visit.device, visit.os, visit.browser, visit.screen) == (
        "Moscow",
        "mobile",
        "Android",
        "Chrome",
        "412x915",
    )
    assert [(r.line, "date" in r.reason) for r in report.rejected if r.kind == "bad-row"] == [
        (10, True)
    ]
    assert report.bots == 1
    assert any("first table" in w for w in report.warnings)
    again, _ = read(path, site_timezone="Europe/Moscow")
    assert again[0].visit_id == visit.visit_id  # stable: a re-import updates


def test_a_russian_report_with_semicolons(write: Writer, read: Reader) -> None:
    path = write("ru.csv", EXPLORE_RU, encoding="utf-8-sig")
    detection = detect(path)
    assert (detection.format, detection.delimiter) == (VisitFormat.GA4_UI, ";")
    visits, report = read(path, site_timezone="Europe/Moscow")
    assert report.rejected == []
    visit = visits[0]
    assert (visit.token, visit.source, visit.medium, visit.campaign, visit.city) == (
        "k7x2m9ab",
        "yandex",
        "cpc",
        "окна",
        "Москва",
    )
    assert visit.started_at == datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def test_a_report_without_a_date_is_refused(write: Writer, read: Reader) -> None:
    path = write("nodate.csv", "# ----\n# Account: A\n\nCity,Users\nKazan,2\n")
    with pytest.raises(ImportFileError, match="date"):
        read(path, site_timezone="UTC")
