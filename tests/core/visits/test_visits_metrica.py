"""Yandex Metrica Logs API visits TSV."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.visits import ContactAction, ImportFileError, RejectKind, VisitFormat, detect
from app.core.visits.formats.metrica import parse_array, unescape, zip_params
from tests.core.visits.conftest import Reader, Writer

FIELDS = [
    "visitID",
    "counterID",
    "dateTime",
    "dateTimeUTC",
    "clientID",
    "isNewUser",
    "startURL",
    "referer",
    "pageViews",
    "visitDuration",
    "lastsignTrafficSource",
    "lastsignSearchEngine",
    "lastsignAdvEngine",
    "lastsignUTMSource",
    "lastsignUTMMedium",
    "lastsignUTMCampaign",
    "lastsignUTMTerm",
    "lastsignDirectPhraseOrCond",
    "lastsignGCLID",
    "regionCountry",
    "regionCity",
    "deviceCategory",
    "operatingSystem",
    "browser",
    "screenWidth",
    "screenHeight",
    "parsedParamsKey1",
    "parsedParamsKey2",
    "parsedParamsKey3",
]
HEADER = "\t".join(f"ym:s:{name}" for name in FIELDS)


def row(**values: str) -> str:
    base = {
        "visitID": "18446744073709551615",
        "counterID": "89986940",
        "dateTime": "2024-03-01 12:30:00",
        "dateTimeUTC": "2024-03-01 09:30:00",
        "clientID": "16636011071037673047",
        "isNewUser": "1",
        "startURL": "https://client.ru/?utm_source=yandex",
        "referer": "https://yandex.ru/search/?text=окна",
        "pageViews": "3",
        "visitDuration": "125",
        "lastsignTrafficSource": "ad",
        "lastsignSearchEngine": "",
        "lastsignAdvEngine": "ya_direct",
        "lastsignUTMSource": "yandex",
        "lastsignUTMMedium": "cpc",
        "lastsignUTMCampaign": "окна_москва",
        "lastsignUTMTerm": "",
        "lastsignDirectPhraseOrCond": "пластиковые окна",
        "lastsignGCLID": "",
        "regionCountry": "Russia",
        "regionCity": "Москва",
        "deviceCategory": "2",
        "operatingSystem": "android",
        "browser": "chrome",
        "screenWidth": "412",
        "screenHeight": "915",
        "parsedParamsKey1": "['et']",
        "parsedParamsKey2": "['k7x2m9ab']",
        "parsedParamsKey3": "[]",
    }
    base.update(values)
    return "\t".join(base[name] for name in FIELDS)


def metrica_file(write: Writer, *rows: str, header: str = HEADER, name: str = "v.tsv") -> Path:
    return write(name, header + "\n" + "".join(r + "\n" for r in rows))


def test_a_visit_is_normalized(write: Writer, read: Reader) -> None:
    path = metrica_file(write, row())
    assert detect(path).format is VisitFormat.METRICA
    visits, report = read(path, site_timezone="Europe/Moscow")
    assert report.visits == 1
    assert report.rejected == []
    visit = visits[0]
    assert visit.source_format is VisitFormat.METRICA
    assert visit.visit_id == "18446744073709551615"  # above signed 64-bit: kept as text
    assert visit.metrica_client_id == "16636011071037673047"
    assert visit.started_at == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    assert visit.token == "k7x2m9ab"
    assert visit.params == (("et", "k7x2m9ab"),)
    assert (visit.traffic_source, visit.source, visit.medium) == ("ad", "yandex", "cpc")
    assert visit.campaign == "окна_москва"
    assert visit.keyword == "пластиковые окна"  # Direct phrase when there is no utm_term
    assert visit.referrer == "https://yandex.ru/search/?text=окна"
    assert visit.landing_page == "https://client.ru/?utm_source=yandex"
    assert (visit.country, visit.city, visit.device) == ("Russia", "Москва", "mobile")
    assert (visit.os, visit.browser, visit.screen) == ("android", "chrome", "412x915")
    assert (visit.duration_s, visit.page_views, visit.is_new_visitor) == (125, 3, True)
    assert report.warnings == []


def test_the_site_time_zone_is_required(write: Writer, read: Reader) -> None:
    path = metrica_file(write, row())
    with pytest.raises(ImportFileError, match="time zone"):
        read(path)


def test_a_wrong_time_zone_is_flagged_by_date_time_utc(write: Writer, read: Reader) -> None:
    path = metrica_file(write, row())
    _, report = read(path, site_timezone="Asia/Vladivostok")
    assert any("time zone" in w for w in report.warnings)


@pytest.mark.parametrize(
    "prefix", ["", "last", "lastsign", "first", "automatic", "cross_device_last_significant"]
)
def test_any_attribution_prefix_is_read(write: Writer, read: Reader, prefix: str) -> None:
    header = (
        "ym:s:visitID\tym:s:dateTime\tym:s:"
        + prefix
        + "UTMSource\tym:s:"
        + prefix
        + ("TrafficSource")
    )
    path = metrica_file(write, "1\t2024-03-01 12:00:00\tgoogle\torganic", header=header)
    visits, _ = read(path, site_timezone="UTC")
    assert (visits[0].source, visits[0].traffic_source) == ("google", "organic")


def test_last_significant_attribution_wins_over_first(write: Writer, read: Reader) -> None:
    header = "ym:s:visitID\tym:s:dateTime\tym:s:firstUTMSource\tym:s:lastsignUTMSource"
    path = metrica_file(write, "1\t2024-03-01 12:00:00\tvk\tyandex", header=header)
    visits, _ = read(path, site_timezone="UTC")
    assert visits[0].source == "yandex"


def test_search_engine_is_the_source_of_organic_visits(write: Writer, read: Reader) -> None:
    path = metrica_file(
        write,
        row(
            lastsignTrafficSource="organic",
            lastsignSearchEngine="yandex_search",
            lastsignAdvEngine="ya_undefined",
            lastsignUTMSource="",
        ),
    )
    visits, _ = read(path, site_timezone="UTC")
    assert visits[0].source == "yandex_search"


def test_clickhouse_escaping_is_undone(write: Writer, read: Reader) -> None:
    path = metrica_file(
        write,
        row(
            referer="https://a.ru/?q=tab\\there\\nnew\\\\slash",
            lastsignUTMCampaign="it\\'s",
            parsedParamsKey1="['et','note']",
            parsedParamsKey2="['k7x2m9ab','it\\'s, fine']",
        ),
    )
    visits, report = read(path, site_timezone="UTC")
    assert report.rejected == []
    assert visits[0].referrer == "https://a.ru/?q=tab\there\nnew\\slash"
    assert visits[0].campaign == "it's"
    assert visits[0].params == (("et", "k7x2m9ab"), ("note", "it's, fine"))


def test_nested_params_pool_index_and_contact(write: Writer, read: Reader) -> None:
    path = metrica_file(
        write,
        row(
            parsedParamsKey1="['email','ei','ec','eu']",
            parsedParamsKey2="['et','3','copy','/contacts']",
            parsedParamsKey3="['k7x2m9ab','','','']",
        ),
    )
    visits, _ = read(path, site_timezone="UTC")
    visit = visits[0]
    assert visit.token == "k7x2m9ab"
    assert visit.pool_index == 3
    assert visit.contact_action is ContactAction.COPY
    assert visit.contact_page == "/contacts"


def test_bad_rows_are_skipped_with_line_and_reason(write: Writer, read: Reader) -> None:
    path = metrica_file(
        write,
        row(visitID="1"),
        row(visitID="2") + "\textra",
        row(visitID="3", dateTime="2024-13-45 99:00:00"),
        row(visitID="4", referer="broken\\"),
        row(visitID="5", parsedParamsKey2="['unterminated]"),
        row(visitID="abc"),
        row(visitID="7", pageViews="many"),
        row(visitID="8"),
    )
    visits, report = read(path, site_timezone="UTC")
    assert [v.visit_id for v in visits] == ["1", "8"]
    reasons = {r.line: r.reason for r in report.rejected}
    assert set(reasons) == {3, 4, 5, 6, 7, 8}
    assert "expected 29 columns, found 30" in reasons[3]
    assert "date and time" in reasons[4]
    assert "escaping" in reasons[5]
    assert "params" in reasons[6]
    assert "visitID" in reasons[7]
    assert "number" in reasons[8]
    assert report.bad_rows == 6
    assert all(r.kind is RejectKind.BAD_ROW for r in report.rejected)


def test_a_truncated_last_line_is_rejected(write: Writer, read: Reader) -> None:
    text = HEADER + "\n" + row(visitID="1") + "\n" + row(visitID="2")[:40]
    visits, report = read(write("cut.tsv", text), site_timezone="UTC")
    assert [v.visit_id for v in visits] == ["1"]
    assert report.rejected[0].line == 3


def test_headless_browsers_are_dropped_as_robots(write: Writer, read: Reader) -> None:
    path = metrica_file(write, row(visitID="1", browser="headlesschrome"), row(visitID="2"))
    visits, report = read(path, site_timezone="UTC")
    assert [v.visit_id for v in visits] == ["2"]
    assert report.bots == 1
    assert report.rejected[0].kind is RejectKind.BOT
    assert report.rejected[0].line == 2


def test_joined_parts_and_crlf_line_ends(write: Writer, read: Reader) -> None:
    text = "\r\n".join([HEADER, row(visitID="1"), HEADER, row(visitID="2")]) + "\r\n"
    visits, report = read(write("parts.tsv", text), site_timezone="UTC")
    assert [v.visit_id for v in visits] == ["1", "2"]
    assert report.rejected == []
    assert any("parts" in w for w in report.warnings)


def test_a_header_without_visit_id_is_refused(write: Writer, read: Reader) -> None:
    path = write("x.tsv", "ym:s:date\tym:s:clientID\n2024-01-01\t1\n")
    with pytest.raises(ImportFileError, match=r"line 1: .*visitID"):
        read(path, site_timezone="UTC")


def test_array_and_escape_helpers() -> None:
    assert parse_array("[]") == []
    assert parse_array("[5495751434909777953,5495755690330292517]") == [
        "5495751434909777953",
        "5495755690330292517",
    ]
    assert parse_array("['a\\\\b','c\\'d']") == ["a\\b", "c'd"]
    for broken in ("['a'", "['a',]", "['a''b']", "[x]", "nope"):
        with pytest.raises(ValueError):
            parse_array(broken)
    assert unescape("\\N") == ""
    with pytest.raises(ValueError):
        unescape("end\\")
    assert zip_params([["et", "a"], ["k", "b"]]) == [("et", "k"), ("a", "b")]


CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpora" / "visits"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared visits corpus is not beside the repo")
def test_the_real_metrica_sample(read: Reader) -> None:
    path = CORPUS / "airbyte-yandex-metrica" / "reconstructed_logsapi_visits.tsv"
    assert detect(path).format is VisitFormat.METRICA
    visits, report = read(path, site_timezone="Europe/Moscow")
    assert report.rows_read == 7
    assert report.bots == 1  # the headlesschrome visit
    assert report.bad_rows == 0
    by_id = {v.visit_id: v for v in visits}
    organic = by_id["5329105079023173864"]
    assert organic.traffic_source == "organic"
    assert organic.source == "yandex_search"
    assert organic.referrer is not None and "монетизация" in organic.referrer
    assert organic.started_at == datetime(2022, 9, 11, 20, 55, 22, tzinfo=UTC)
    assert by_id["5495751434909777953"].metrica_client_id == "1663601426389073090"
    assert by_id["5495751434909777953"].screen == "515x538"
