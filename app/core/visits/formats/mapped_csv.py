"""Any CSV read through a user's :class:`~app.core.visits.mapping.ColumnMapping`."""

from __future__ import annotations

import csv
import hashlib
from datetime import UTC, datetime
from typing import TextIO
from zoneinfo import ZoneInfo

from app.core.i18n import translate
from app.core.visits.formats.common import (
    FileFormatError,
    ParsedRows,
    bad_time_reason,
    bot_reason,
    clean,
    contact_action,
    excerpt,
    from_epoch,
    is_bot_browser,
    local_to_utc,
    reject_malformed_row,
    to_int,
)
from app.core.visits.mapping import (
    MAPPABLE_FIELDS,
    TIME_AUTO,
    TIME_EPOCH,
    TIME_EPOCH_MS,
    ColumnMapping,
)
from app.core.visits.model import ImportReport, RejectKind, Visit, VisitFormat
from app.core.visits.options import parse_zone

_AUTO_FORMATS = (
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y%m%d%H%M%S",
    "%Y%m%d%H%M",
    "%Y%m%d%H",
    "%Y%m%d",
)
_CONVERTED_FIELDS = (
    "visit_id",
    "started_at",
    "pool_index",
    "duration_s",
    "page_views",
    "contact_action",
)
"""Mapped fields :func:`parse` reads into their own types; the others are copied as text."""
_TEXT_FIELDS = tuple(name for name in MAPPABLE_FIELDS if name not in _CONVERTED_FIELDS)


def parse_time(value: str, time_format: str, zone: ZoneInfo | None) -> datetime:
    """A cell as aware UTC; ValueError when unreadable, FileFormatError when a zone is needed."""
    text = value.strip()
    if time_format == TIME_EPOCH or (time_format == TIME_AUTO and _is_epoch(text, 10)):
        return from_epoch(float(text))
    if time_format == TIME_EPOCH_MS or (time_format == TIME_AUTO and _is_epoch(text, 13)):
        return from_epoch(float(text) / 1000)
    moment = _auto(text) if time_format == TIME_AUTO else datetime.strptime(text, time_format)
    if moment.tzinfo is not None:
        return moment.astimezone(UTC)
    if zone is None:
        raise FileFormatError(
            translate(
                "visits",
                "the times carry no time zone: set the site's time zone or the mapping's",
            )
        )
    return local_to_utc(moment, zone)


def _is_epoch(text: str, digits: int) -> bool:
    return text.isdigit() and len(text) == digits


def _auto(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    for fmt in _AUTO_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(text)


def parse(
    text: TextIO,
    mapping: ColumnMapping,
    site_zone: ZoneInfo | None,
    report: ImportReport,
    delimiter: str,
) -> ParsedRows:
    """Yield visits from a CSV through a column mapping."""
    reader = csv.reader(text, delimiter=mapping.delimiter or delimiter)
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    except StopIteration:
        raise FileFormatError(translate("visits", "the file is empty"), 1) from None
    mapping.check_header(header)
    zone = parse_zone(mapping.time_zone) if mapping.time_zone else site_zone
    position = {name: i for i, name in enumerate(header)}
    index = {target: position[column] for target, column in mapping.columns.items() if column}
    used = sorted(index.values())
    width = len(header)
    prev = reader.line_num
    for row in reader:
        line, prev = prev + 1, reader.line_num
        if not row or all(not c.strip() for c in row):
            continue
        report.rows_read += 1
        raw = (mapping.delimiter or delimiter).join(row)
        if reject_malformed_row(report, line, row, raw, width):
            yield None
            continue
        values = {target: clean(row[i]) for target, i in index.items()}
        stamp = values.get("started_at") or ""
        try:
            started = parse_time(stamp, mapping.time_format, zone)
        except ValueError:
            report.reject(line, bad_time_reason(stamp), excerpt(raw))
            yield None
            continue
        if is_bot_browser(values.get("browser")):
            report.reject(line, bot_reason(), excerpt(raw), RejectKind.BOT)
            yield None
            continue
        try:
            pool_index = to_int(values.get("pool_index"))
            duration_s = to_int(values.get("duration_s"))
            page_views = to_int(values.get("page_views"))
        except ValueError:
            report.reject(line, translate("visits", "a number column holds text"), excerpt(raw))
            yield None
            continue
        visit_id = values.get("visit_id")
        if not visit_id:
            # Stable across re-imports of the same rows, so they update instead of duplicating.
            key = "\x1f".join(row[i] for i in used)
            visit_id = "csv:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
        text_values = {name: values.get(name) for name in _TEXT_FIELDS}
        yield Visit(
            source_format=VisitFormat.CSV,
            visit_id=visit_id,
            started_at=started,
            contact_action=contact_action(values.get("contact_action")),
            pool_index=pool_index,
            duration_s=duration_s,
            page_views=page_views,
            **text_values,  # type: ignore[arg-type]
        )
