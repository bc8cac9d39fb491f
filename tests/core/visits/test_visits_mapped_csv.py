"""Any CSV through a user's column mapping; encodings and delimiters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.core.errors import ValidationError
from app.core.visits import (
    MAPPABLE_FIELDS,
    ColumnMapping,
    ImportFileError,
    VisitFormat,
    detect,
    suggest_mapping,
)
from tests.core.visits.conftest import Reader, Writer

CRM = """\
Дата;Токен;utm_source;utm_medium;utm_campaign;Город;Браузер;Пул
01.03.2024 12:30;k7x2m9ab;yandex;cpc;окна;Москва;Chrome;
01.03.2024 12:31;;vk;social;весна;Казань;Firefox;2
32.03.2024 10:00;abcdefgh;google;cpc;x;Уфа;Chrome;
01.03.2024 12:40;abcdefgh;google;cpc;x;Уфа;HeadlessChrome;
01.03.2024 12:50;abcdefgh;google;cpc;x;Уфа;Chrome;много
"""
MAPPING = ColumnMapping(
    columns={
        "started_at": "Дата",
        "token": "Токен",
        "source": "utm_source",
        "medium": "utm_medium",
        "campaign": "utm_campaign",
        "city": "Город",
        "browser": "Браузер",
        "pool_index": "Пул",
    },
    name="CRM export",
)


def test_a_windows_1251_csv_with_semicolons(write: Writer, read: Reader) -> None:
    path = write("crm.csv", CRM, encoding="cp1251")
    detection = detect(path)
    assert detection.format is VisitFormat.CSV
    assert detection.needs_mapping
    assert (detection.encoding.label, detection.delimiter) == ("windows-1251", ";")
    assert detection.header[0] == "Дата"
    assert detection.preview[0][5] == "Москва"
    assert "windows-1251" in detection.summary()

    visits, report = read(path, mapping=MAPPING, site_timezone="Europe/Moscow")
    assert [(v.token, v.pool_index, v.city) for v in visits] == [
        ("k7x2m9ab", None, "Москва"),
        (None, 2, "Казань"),
    ]
    assert visits[0].started_at == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    assert visits[0].campaign == "окна"
    assert [r.line for r in report.rejected] == [4, 5, 6]
    assert report.bots == 1
    again, _ = read(path, mapping=MAPPING, site_timezone="Europe/Moscow")
    assert [v.visit_id for v in again] == [v.visit_id for v in visits]
    assert all(v.visit_id.startswith("csv:") for v in visits)


def test_the_mapping_needs_a_time_zone_unless_times_carry_one(write: Writer, read: Reader) -> None:
    path = write("crm.csv", CRM, encoding="utf-8-sig")
    with pytest.raises(ImportFileError, match="time zone"):
        read(path, mapping=MAPPING)
    utc = ColumnMapping(columns={"started_at": "when", "visit_id": "id"})
    visits, _ = read(
        write("utc.csv", "id,when\n1,2024-03-01T09:30:00Z\n2,1709285400\n3,1709285400000\n"),
        mapping=utc,
    )
    assert [v.visit_id for v in visits] == ["1", "2", "3"]
    assert {v.started_at for v in visits} == {datetime(2024, 3, 1, 9, 30, tzinfo=UTC)}


def test_a_strptime_pattern_and_the_mapping_zone(write: Writer, read: Reader) -> None:
    mapping = ColumnMapping(
        columns={"started_at": "t"}, time_format="%m/%d/%Y %I:%M %p", time_zone="America/New_York"
    )
    visits, _ = read(write("us.csv", "t|x\n03/01/2024 04:30 AM|1\n"), mapping=mapping)
    assert visits[0].started_at == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)


def test_a_csv_needs_its_mapping(write: Writer, read: Reader) -> None:
    path = write("crm.csv", CRM)
    with pytest.raises(ImportFileError, match="map the file's columns"):
        read(path, site_timezone="UTC")
    with pytest.raises(ValidationError, match="Город2"):
        read(
            path,
            mapping=ColumnMapping(columns={"started_at": "Дата", "city": "Город2"}),
            site_timezone="UTC",
        )


def test_the_mapping_round_trips_through_json() -> None:
    assert ColumnMapping.from_json(MAPPING.to_json()) == MAPPING
    with pytest.raises(ValidationError):
        ColumnMapping.from_json("{not json")
    with pytest.raises(ValidationError, match="colour"):
        ColumnMapping.from_json('{"columns": {"started_at": "a", "colour": "b"}}')
    with pytest.raises(ValidationError, match="date and time"):
        ColumnMapping.from_json('{"columns": {"token": "a"}}')
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        ColumnMapping.from_json('{"columns": {"started_at": "a"}, "time_zone": "Mars/Olympus"}')


def test_suggested_mapping() -> None:
    mapping = suggest_mapping(["Дата", "UTM Source", "utm-medium", "Город", "et", "Something"])
    assert mapping.columns == {
        "started_at": "Дата",
        "source": "UTM Source",
        "medium": "utm-medium",
        "city": "Город",
        "token": "et",
    }
    assert set(mapping.columns) <= set(MAPPABLE_FIELDS)
