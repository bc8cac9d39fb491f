"""Google Analytics 4: BigQuery ``events_*`` as newline-delimited JSON, and our flat CSV.

Both hold one row per *event*; a visit is the session ``user_pseudo_id`` + ``ga_session_id``. Events
are folded into sessions in a bounded window (the most recent :data:`SESSION_WINDOW` sessions), so
memory stays flat; a session whose events lie further apart than the window is emitted twice with
complementary fields, and :meth:`Visit.merge` combines them. Times are UTC microseconds; the session
start is ``ga_session_id`` (epoch seconds). BigQuery's JSON writes INT64 as strings.

The flat CSV comes from :func:`export_sql`, which the app shows for the user to run in BigQuery.
"""

from __future__ import annotations

import csv
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime
from importlib import resources
from typing import Any, TextIO

from app.core.i18n import translate
from app.core.visits.formats.common import (
    FileFormatError,
    ParsedRows,
    bot_reason,
    clean,
    contact_action,
    excerpt,
    from_epoch,
    is_bot_browser,
    reject_malformed_row,
    to_int_or_none,
)
from app.core.visits.formats.jsonstream import iter_json
from app.core.visits.model import ImportReport, RejectKind, Visit, VisitFormat
from app.core.visits.options import (
    ACTION_PARAM,
    GA4_CONTACT_EVENT,
    PAGE_PARAM,
    POOL_PARAM,
    TOKEN_PARAM,
)

SESSION_WINDOW = 20_000

FLAT_HEADER = (
    "event_timestamp_us",
    "event_time_utc",
    "event_date",
    "user_pseudo_id",
    "ga_session_id",
    "ga_session_number",
    "event_name",
    "tracking_token",
    "page_location",
    "page_referrer",
    "session_source",
    "session_medium",
    "session_campaign",
    "session_term",
    "session_content",
    "collected_source",
    "collected_medium",
    "collected_campaign",
    "collected_term",
    "gclid",
    "first_user_source",
    "first_user_medium",
    "first_user_campaign",
    "geo_country",
    "geo_region",
    "geo_city",
    "device_category",
    "device_os",
    "device_os_version",
    "device_browser",
    "device_browser_version",
    "device_language",
    "hostname",
)
"""The columns the documented query produces; :func:`export_sql` adds ``tracking_pool_index,
contact_action, contact_page, stream_id``, which the parser reads when present."""

FLAT_REQUIRED = ("user_pseudo_id", "event_name")


def export_sql(project: str, property_id: str, date_from: str, date_to: str) -> str:
    """The BigQuery query that writes the flat CSV; dates as ``YYYYMMDD``."""
    template = resources.files("app.core.visits").joinpath("ga4_export.sql").read_text("utf-8")
    return (
        template.replace("{project}", project.strip() or "PROJECT")
        .replace("{property}", property_id.strip() or "PROPERTY")
        .replace("{date_from}", date_from)
        .replace("{date_to}", date_to)
    )


@dataclass(slots=True)
class _Event:
    line: int
    ts_us: int
    name: str
    user: str
    session_id: int | None
    token: str | None = None
    pool: int | None = None
    action: str | None = None
    action_page: str | None = None
    page: str | None = None
    referrer: str | None = None
    entrance: bool = False
    session_source: str | None = None
    session_medium: str | None = None
    session_campaign: str | None = None
    session_term: str | None = None
    session_content: str | None = None
    source: str | None = None
    medium: str | None = None
    campaign: str | None = None
    term: str | None = None
    content: str | None = None
    gclid: str | None = None
    country: str | None = None
    city: str | None = None
    device: str | None = None
    os: str | None = None
    browser: str | None = None
    stream: str | None = None


class _Session:
    """What is known so far about one session, from the events seen in the window."""

    __slots__ = ("fields", "first_ts", "landing_ts", "line", "source_ts", "start_s", "visit_id")

    def __init__(self, visit_id: str, start_s: int | None, line: int) -> None:
        self.visit_id = visit_id
        self.line = line
        self.start_s = start_s
        self.first_ts: int | None = None
        self.landing_ts: int | None = None
        self.source_ts: int | None = None
        self.fields: dict[str, Any] = {}

    def add(self, ev: _Event) -> None:
        f = self.fields
        if self.first_ts is None or ev.ts_us < self.first_ts:
            self.first_ts = ev.ts_us
        # Session-scoped values are the same on every event: the first one seen is as good.
        for name in (
            "session_source",
            "session_medium",
            "session_campaign",
            "session_term",
            "session_content",
            "gclid",
            "country",
            "city",
            "device",
            "os",
            "browser",
            "stream",
            "token",
            "pool",
        ):
            value = getattr(ev, name)
            if value is not None and f.get(name) is None:
                f[name] = value
        if ev.page and (
            self.landing_ts is None
            or (ev.entrance and not f.get("landing_entrance"))
            or (ev.ts_us < self.landing_ts and ev.entrance == bool(f.get("landing_entrance")))
        ):
            self.landing_ts = ev.ts_us
            f["landing"] = ev.page
            f["referrer"] = ev.referrer
            f["landing_entrance"] = ev.entrance
        if (ev.source or ev.medium or ev.campaign) and (
            self.source_ts is None or ev.ts_us < self.source_ts
        ):
            # Older exports have no session_traffic_source_last_click: use the first event's tags.
            self.source_ts = ev.ts_us
            for name in ("source", "medium", "campaign", "term", "content"):
                f[name] = getattr(ev, name)
        if ev.action and f.get("action") is None:
            f["action"] = ev.action
            f["action_page"] = ev.action_page or ev.page

    def visit(self, user: str) -> Visit:
        f = self.fields
        start = self.start_s
        started = from_epoch(start) if start else from_epoch((self.first_ts or 0) / 1_000_000)
        has_session = f.get("session_source") or f.get("session_medium")
        pick = "session_" if has_session else ""
        return Visit(
            source_format=VisitFormat.GA4_NDJSON,
            visit_id=self.visit_id,
            started_at=started,
            counter_id=f.get("stream"),
            token=f.get("token"),
            pool_index=f.get("pool"),
            traffic_source=f.get(pick + "medium"),
            source=f.get(pick + "source"),
            medium=f.get(pick + "medium"),
            campaign=f.get(pick + "campaign"),
            keyword=f.get(pick + "term"),
            content=f.get(pick + "content"),
            referrer=f.get("referrer"),
            landing_page=f.get("landing"),
            country=f.get("country"),
            city=f.get("city"),
            device=f.get("device"),
            os=f.get("os"),
            browser=f.get("browser"),
            ga_user_pseudo_id=user,
            gclid=f.get("gclid"),
            contact_action=contact_action(f.get("action")),
            contact_page=f.get("action_page"),
        )


class _Folder:
    """Folds events into sessions, emitting the least recently seen when the window is full."""

    def __init__(self, report: ImportReport, fmt: VisitFormat, window: int) -> None:
        self.report = report
        self.fmt = fmt
        self.window = max(1, window)
        self.open: OrderedDict[str, tuple[str, _Session]] = OrderedDict()

    def add(self, ev: _Event) -> Visit | None:
        if ev.session_id is not None:
            key = f"{ev.user}:{ev.session_id}"
        else:
            # Events without ga_session_id (Measurement Protocol) form one session per user-day.
            key = f"{ev.user}:{from_epoch(ev.ts_us / 1_000_000).date().isoformat()}"
        entry = self.open.get(key)
        if entry is None:
            entry = (ev.user, _Session(key, ev.session_id, ev.line))
            self.open[key] = entry
        else:
            self.open.move_to_end(key)
        entry[1].add(ev)
        if len(self.open) > self.window:
            _, (user, session) = self.open.popitem(last=False)
            return self._finish(user, session)
        return None

    def drain(self) -> ParsedRows:
        while self.open:
            _, (user, session) = self.open.popitem(last=False)
            visit = self._finish(user, session)
            if visit is not None:
                yield visit

    def _finish(self, user: str, session: _Session) -> Visit | None:
        if is_bot_browser(session.fields.get("browser")):
            self.report.reject(session.line, bot_reason(), session.visit_id, RejectKind.BOT)
            return None
        visit = session.visit(user)
        if self.fmt is not VisitFormat.GA4_NDJSON:
            visit = replace(visit, source_format=self.fmt)
        return visit


def _param_value(value: Any) -> Any:
    if not isinstance(value, dict):
        return None
    for key in ("string_value", "int_value", "float_value", "double_value"):
        item = value.get(key)
        if item is not None:
            return item
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return clean(str(value))


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def event_from_json(obj: dict[str, Any], line: int) -> _Event:
    """One BigQuery event row as an event; ValueError when it lacks what a visit needs."""
    ts = to_int_or_none(obj.get("event_timestamp"))
    user = _text(obj.get("user_pseudo_id"))
    if ts is None or not user:
        raise ValueError(translate("visits", "no event_timestamp or user_pseudo_id"))
    params: dict[str, Any] = {}
    for item in obj.get("event_params") or ():
        if isinstance(item, dict) and isinstance(item.get("key"), str):
            params[item["key"]] = _param_value(item.get("value"))
    device = _dict(obj.get("device"))
    web = _dict(device.get("web_info"))
    geo = _dict(obj.get("geo"))
    last_click = _dict(_dict(obj.get("session_traffic_source_last_click")).get("manual_campaign"))
    collected = _dict(obj.get("collected_traffic_source"))
    name = _text(obj.get("event_name")) or ""
    return _Event(
        line=line,
        ts_us=ts,
        name=name,
        user=user,
        session_id=to_int_or_none(params.get("ga_session_id")),
        token=_text(params.get(TOKEN_PARAM)),
        pool=to_int_or_none(params.get(POOL_PARAM)),
        action=_text(params.get(ACTION_PARAM)) if name == GA4_CONTACT_EVENT else None,
        action_page=_text(params.get(PAGE_PARAM)),
        page=_text(params.get("page_location")),
        referrer=_text(params.get("page_referrer")),
        entrance=to_int_or_none(params.get("entrances")) == 1 or name == "session_start",
        session_source=_text(last_click.get("source")),
        session_medium=_text(last_click.get("medium")),
        session_campaign=_text(last_click.get("campaign_name")),
        session_term=_text(last_click.get("term")),
        session_content=_text(last_click.get("content")),
        source=_text(collected.get("manual_source")) or _text(params.get("source")),
        medium=_text(collected.get("manual_medium")) or _text(params.get("medium")),
        campaign=_text(collected.get("manual_campaign_name")) or _text(params.get("campaign")),
        term=_text(collected.get("manual_term")) or _text(params.get("term")),
        content=_text(collected.get("manual_content")) or _text(params.get("content")),
        gclid=_text(collected.get("gclid")) or _text(params.get("gclid")),
        country=_text(geo.get("country")),
        city=_text(geo.get("city")),
        device=_text(device.get("category")),
        os=_text(device.get("operating_system")),
        browser=_text(web.get("browser")),
        stream=_text(obj.get("stream_id")),
    )


def parse_ndjson(text: TextIO, report: ImportReport, window: int = SESSION_WINDOW) -> ParsedRows:
    """Yield visits from BigQuery events as newline-delimited JSON (or a JSON array)."""
    folder = _Folder(report, VisitFormat.GA4_NDJSON, window)
    for line, obj, error in iter_json(text):
        report.rows_read += 1
        if error or not isinstance(obj, dict):
            report.reject(line, error or translate("visits", "not a JSON object"))
            yield None
            continue
        try:
            ev = event_from_json(obj, line)
        except ValueError as exc:
            report.reject(line, str(exc), excerpt(str(obj)))
            yield None
            continue
        yield folder.add(ev)
    yield from folder.drain()


def parse_flat_csv(
    text: TextIO, report: ImportReport, delimiter: str = ",", window: int = SESSION_WINDOW
) -> ParsedRows:
    """Yield visits from the CSV :func:`export_sql` produces."""
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = [name.strip().lstrip("\ufeff").lower() for name in next(reader)]
    except StopIteration:
        raise FileFormatError(translate("visits", "the file is empty"), 1) from None
    index = {name: i for i, name in enumerate(header)}
    missing = [name for name in FLAT_REQUIRED if name not in index]
    if missing or ("event_timestamp_us" not in index and "event_time_utc" not in index):
        raise FileFormatError(
            translate("visits", "the header lacks the columns {columns}").format(
                columns=", ".join(missing or ["event_timestamp_us"])
            ),
            1,
        )
    folder = _Folder(report, VisitFormat.GA4_CSV, window)
    width = len(header)
    last_line = reader.line_num

    def cell(row: list[str], name: str) -> str | None:
        i = index.get(name, -1)
        return clean(row[i]) if 0 <= i < len(row) else None

    for row in reader:
        line, last_line = last_line + 1, reader.line_num
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        report.rows_read += 1
        raw = ",".join(row)
        if reject_malformed_row(report, line, row, raw, width):
            yield None
            continue
        try:
            ts = _flat_timestamp(cell(row, "event_timestamp_us"), cell(row, "event_time_utc"))
            user = cell(row, "user_pseudo_id")
            if not user:
                raise ValueError(translate("visits", "no user_pseudo_id"))
            name = cell(row, "event_name") or ""
            ev = _Event(
                line=line,
                ts_us=ts,
                name=name,
                user=user,
                session_id=to_int_or_none(cell(row, "ga_session_id")),
                token=cell(row, "tracking_token"),
                pool=to_int_or_none(cell(row, "tracking_pool_index")),
                action=cell(row, "contact_action") if name == GA4_CONTACT_EVENT else None,
                action_page=cell(row, "contact_page"),
                page=cell(row, "page_location"),
                referrer=cell(row, "page_referrer"),
                entrance=name == "session_start",
                session_source=cell(row, "session_source"),
                session_medium=cell(row, "session_medium"),
                session_campaign=cell(row, "session_campaign"),
                session_term=cell(row, "session_term"),
                session_content=cell(row, "session_content"),
                source=cell(row, "collected_source"),
                medium=cell(row, "collected_medium"),
                campaign=cell(row, "collected_campaign"),
                term=cell(row, "collected_term"),
                gclid=cell(row, "gclid"),
                country=cell(row, "geo_country"),
                city=cell(row, "geo_city"),
                device=cell(row, "device_category"),
                os=cell(row, "device_os"),
                browser=cell(row, "device_browser"),
                stream=cell(row, "stream_id"),
            )
        except ValueError as exc:
            report.reject(line, str(exc), excerpt(raw))
            yield None
            continue
        yield folder.add(ev)
    yield from folder.drain()


def _flat_timestamp(micros: str | None, iso: str | None) -> int:
    if micros:
        try:
            return int(micros)
        except ValueError:
            pass
    if iso:
        try:
            moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            if moment.tzinfo is not None:
                return int(moment.timestamp() * 1_000_000)
    raise ValueError(
        translate("visits", "unreadable event time: {value}").format(
            value=(micros or iso or "")[:40]
        )
    )
