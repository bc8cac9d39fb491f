"""LeadStore writes timestamps in the text SQLite's ORM columns hold, whatever the input's zone."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.attribution.store import Sql


def _sql(dialect: str) -> Sql:
    conn: Any = SimpleNamespace(dialect=SimpleNamespace(name=dialect))
    return Sql(conn)


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    offset=st.sampled_from([None, 0, 180, -330, 14 * 60]),
)
def test_timestamps_as_the_orm_writes_them(moment: dt.datetime, offset: int | None) -> None:
    zone = dt.UTC if offset == 0 else dt.timezone(dt.timedelta(minutes=offset or 0))
    aware = moment.replace(tzinfo=zone) if offset is not None else moment.replace(tzinfo=dt.UTC)
    utc = aware.astimezone(dt.UTC)
    expected = utc.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if utc.year < 1000:
        expected = utc.strftime("%Y-%m-%d %H:%M:%S.%f")
    assert _sql("sqlite").ts(aware) == expected
    assert _sql("postgresql").ts(aware) == utc
    if utc.year >= 1000:
        assert Sql.read_ts(_sql("sqlite").ts(aware)) == utc
    assert _sql("sqlite").ts(None) is None


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    offset=st.sampled_from([0, 180, -330, 14 * 60]),
)
def test_dedup_key_seconds_as_strftime_writes_them(moment: dt.datetime, offset: int) -> None:
    from app.core.attribution.rules import _utc_seconds

    aware = moment.replace(
        tzinfo=dt.UTC if offset == 0 else dt.timezone(dt.timedelta(minutes=offset))
    )
    assert _utc_seconds(aware) == aware.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S")
    assert _utc_seconds(None) == ""
