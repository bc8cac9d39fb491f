"""Matomo Live.getLastVisitsDetails exports: JSON, and UTF-16LE CSV/TSV with flattened columns."""

from __future__ import annotations

import codecs
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from app.core.visits import ContactAction, ImportFileError, VisitFormat, detect
from tests.core.visits.conftest import Reader, Writer

STAMP = 1709285400  # 2024-03-01 09:30:00 UTC


def matomo_visit(**values: Any) -> dict[str, Any]:
    visit: dict[str, Any] = {
        "idSite": "1",
        "idVisit": "4242",
        "visitorId": "a1b2c3d4e5f60718",
        "serverTimestamp": STAMP + 300,
        "firstActionTimestamp": STAMP,
        "visitorType": "new",
        "visitDuration": "310",
        "actions": "4",
        "referrerType": "campaign",
        "referrerName": "spring sale",
        "referrerKeyword": "окна",
        "referrerUrl": "https://yandex.ru/",
        "campaignSource": "yandex",
        "campaignMedium": "cpc",
        "country": "Russia",
        "city": "Moscow",
        "deviceType": "Smartphone",
        "operatingSystemName": "Android",
        "browserName": "Chrome Mobile",
        "resolution": "412x915",
        "dimension3": "k7x2m9ab",
        "actionDetails": [
            {"type": "action", "url": "https://client.ru/?mtm_campaign=spring", "timestamp": STAMP},
            {
                "type": "event",
                "eventCategory": "email_tracking",
                "eventAction": "shown",
                "eventName": "k7x2m9ab",
                "url": "https://client.ru/contacts",
            },
            {
                "type": "event",
                "eventCategory": "email_tracking",
                "eventAction": "click",
                "eventName": "/contacts",
                "url": "https://client.ru/contacts",
            },
        ],
    }
    visit.update(values)
    return visit


def test_a_json_export(write: Writer, read: Reader) -> None:
    path = write("matomo.json", json.dumps([matomo_visit()], ensure_ascii=False, indent=1))
    detection = detect(path)
    assert (detection.format, detection.is_json, detection.needs_timezone) == (
        VisitFormat.MATOMO,
        True,
        False,
    )
    visits, report = read(path, matomo_token_dimension=3)
    assert report.rejected == []
    visit = visits[0]
    assert visit.visit_id == "4242"
    assert visit.started_at == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    assert visit.matomo_visitor_id == "a1b2c3d4e5f60718"
    assert visit.token == "k7x2m9ab"
    assert (visit.traffic_source, visit.source, visit.medium, visit.campaign) == (
        "campaign",
        "yandex",
        "cpc",
        "spring sale",
    )
    assert visit.keyword == "окна"
    assert visit.landing_page == "https://client.ru/?mtm_campaign=spring"
    assert (visit.device, visit.os, visit.browser, visit.screen) == (
        "Smartphone",
        "Android",
        "Chrome Mobile",
        "412x915",
    )
    assert (visit.contact_action, visit.contact_page) == (ContactAction.CLICK, "/contacts")
    assert (visit.duration_s, visit.page_views, visit.is_new_visitor) == (310, 4, True)


def test_the_event_carries_the_token_without_a_dimension(write: Writer, read: Reader) -> None:
    pool = matomo_visit(idVisit="1", dimension3=None)
    pool["actionDetails"][1]["eventName"] = "pool-2"
    path = write("m.json", json.dumps([matomo_visit(dimension3=None), pool]))
    visits, _ = read(path)
    assert [(v.token, v.pool_index) for v in visits] == [("k7x2m9ab", None), (None, 2)]


def test_search_visits_and_robots(write: Writer, read: Reader) -> None:
    search = matomo_visit(
        idVisit="7", referrerType="search", referrerName="Google", campaignSource=None
    )
    robot = matomo_visit(idVisit="8", browserName="Headless Chrome")
    visits, report = read(write("m.json", json.dumps([search, robot])), matomo_token_dimension=3)
    assert [(v.visit_id, v.source, v.campaign) for v in visits] == [("7", "Google", None)]
    assert report.bots == 1


def test_an_error_answer_and_a_truncated_array(write: Writer, read: Reader) -> None:
    error = write("err.json", '{"result":"error","message":"You can\'t access this resource"}')
    with pytest.raises(ImportFileError, match="access this resource"):
        read(error)
    body = json.dumps([matomo_visit(), matomo_visit(idVisit="2")], indent=1)
    cut = write("cut.json", body[: len(body) // 2 + 40])
    with pytest.raises(ImportFileError, match=r"line \d+: .*truncated"):
        read(cut)


def test_a_date_keyed_range_export(write: Writer, read: Reader) -> None:
    text = json.dumps({"2024-03-01": [matomo_visit()], "2024-03-02": [matomo_visit(idVisit="9")]})
    visits, _ = read(write("range.json", text))
    assert [v.visit_id for v in visits] == ["4242", "9"]


def flat_csv(delimiter: str) -> str:
    header = [
        "idSite",
        "idVisit",
        "visitorId",
        "firstActionTimestamp",
        "referrerType",
        "referrerName",
        "city",
        "browserName",
        "dimension3",
        "actionDetails_0_type",
        "actionDetails_0_url",
        "actionDetails_1_type",
        "actionDetails_1_eventCategory",
        "actionDetails_1_eventAction",
        "actionDetails_1_eventName",
    ]
    rows = [
        [
            "1",
            "4242",
            "a1b2c3d4e5f60718",
            str(STAMP),
            "website",
            "vk.com",
            "Москва",
            "Chrome",
            "k7x2m9ab",
            "action",
            "https://client.ru/",
            "event",
            "email_tracking",
            "copy",
            "/contacts",
        ],
        ["1", "4243", "b", "not-a-time", "direct", "", "", "Firefox", "", "", "", "", "", "", ""],
        ["1", "4244", "c"],
    ]
    return "\n".join(delimiter.join(r) for r in [header, *rows]) + "\n"


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_a_utf16_csv_export_with_a_bom(write: Writer, read: Reader, delimiter: str) -> None:
    # What Matomo's CSV renderer writes by default: BOM FF FE, then UTF-16LE.
    data = codecs.BOM_UTF16_LE + flat_csv(delimiter).encode("utf-16-le")
    path = write("matomo.csv", data)
    detection = detect(path)
    assert (detection.format, detection.encoding.label, detection.delimiter) == (
        VisitFormat.MATOMO,
        "UTF-16LE (BOM)",
        delimiter,
    )
    visits, report = read(path, matomo_token_dimension=3)
    assert len(visits) == 1
    visit = visits[0]
    assert (visit.visit_id, visit.token, visit.city, visit.source) == (
        "4242",
        "k7x2m9ab",
        "Москва",
        "vk.com",
    )
    assert visit.landing_page == "https://client.ru/"
    assert (visit.contact_action, visit.contact_page) == (ContactAction.COPY, "/contacts")
    assert [r.line for r in report.rejected] == [3, 4]
    assert "firstActionTimestamp" in report.rejected[0].reason
    assert "columns" in report.rejected[1].reason
