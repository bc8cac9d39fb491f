"""Matomo ``Live.getLastVisitsDetails`` exports: JSON (preferred) or CSV/TSV.

Times are Unix epoch seconds (UTC), so no time zone is needed. The CSV renderer writes UTF-16LE
with a BOM unless ``convertToUnicode=0`` and flattens nested arrays into ``actionDetails_0_url``
style columns; those are rebuilt into the same nested shape as the JSON before reading. The token
is in the visit-scope custom dimension the snippet writes (``dimensionN``), or else in the
``email_tracking``/``shown`` event's name.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
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
    MATOMO_EVENT_CATEGORY,
    MATOMO_POOL_PREFIX,
    MATOMO_SHOWN_ACTION,
)

_FLAT = re.compile(r"^([A-Za-z]+)_(\d+)_(\w+)$")


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return clean(str(value))


def visit_from_matomo(obj: dict[str, Any], token_dimension: int | None) -> Visit:
    """One Matomo visit object as a Visit; ValueError (translated) when it lacks id or time."""
    visit_id = _text(obj.get("idVisit"))
    stamp = to_int_or_none(obj.get("firstActionTimestamp")) or to_int_or_none(
        obj.get("serverTimestamp")
    )
    if not visit_id or stamp is None:
        raise ValueError(translate("visits", "no idVisit or firstActionTimestamp"))
    actions = obj.get("actionDetails")
    actions = [a for a in actions if isinstance(a, dict)] if isinstance(actions, list) else []
    landing = next((_text(a.get("url")) for a in actions if a.get("type") == "action"), None)
    token: str | None = None
    if token_dimension is not None:
        token = _text(obj.get(f"dimension{token_dimension}"))
    action = page = None
    for item in actions:
        if _text(item.get("eventCategory")) != MATOMO_EVENT_CATEGORY:
            continue
        verb = _text(item.get("eventAction"))
        if verb == MATOMO_SHOWN_ACTION and token is None:
            token = _text(item.get("eventName"))
        elif action is None and contact_action(verb) is not None:
            action = contact_action(verb)
            page = _text(item.get("eventName")) or _text(item.get("url"))
    pool: int | None = None
    if token and token.startswith(MATOMO_POOL_PREFIX):
        pool = to_int_or_none(token[len(MATOMO_POOL_PREFIX) :])
        token = None
    referrer_type = _text(obj.get("referrerType"))
    campaign = _text(obj.get("campaignName"))
    keyword = _text(obj.get("campaignKeyword"))
    source = _text(obj.get("campaignSource"))
    if referrer_type == "campaign":
        # For campaign visits Matomo puts the campaign name and keyword in referrerName/Keyword.
        campaign = campaign or _text(obj.get("referrerName"))
        keyword = keyword or _text(obj.get("referrerKeyword"))
    else:
        source = source or _text(obj.get("referrerName"))
        keyword = keyword or _text(obj.get("referrerKeyword"))
    return Visit(
        source_format=VisitFormat.MATOMO,
        visit_id=visit_id,
        started_at=from_epoch(stamp),
        counter_id=_text(obj.get("idSite")),
        token=token,
        pool_index=pool,
        traffic_source=referrer_type,
        source=source,
        medium=_text(obj.get("campaignMedium")),
        campaign=campaign,
        keyword=keyword,
        content=_text(obj.get("campaignContent")),
        referrer=_text(obj.get("referrerUrl")),
        landing_page=landing,
        country=_text(obj.get("country")),
        city=_text(obj.get("city")),
        device=_text(obj.get("deviceType")),
        os=_text(obj.get("operatingSystemName")) or _text(obj.get("operatingSystem")),
        browser=_text(obj.get("browserName")) or _text(obj.get("browser")),
        screen=_text(obj.get("resolution")),
        duration_s=to_int_or_none(obj.get("visitDuration")),
        page_views=to_int_or_none(obj.get("actions")),
        is_new_visitor=(
            None if obj.get("visitorType") is None else obj.get("visitorType") == "new"
        ),
        matomo_visitor_id=_text(obj.get("visitorId")),
        gclid=_text(obj.get("adClickId")),
        contact_action=action,
        contact_page=page,
    )


def _bot(obj: dict[str, Any]) -> bool:
    return is_bot_browser(_text(obj.get("browserName")) or _text(obj.get("browser")))


def parse_json(text: TextIO, report: ImportReport, token_dimension: int | None) -> ParsedRows:
    """Yield visits from a Matomo JSON export (an array, or one object per line)."""
    for line, obj, error in _records(text):
        report.rows_read += 1
        if error or not isinstance(obj, dict):
            report.reject(line, error or translate("visits", "not a JSON object"))
            yield None
            continue
        yield _accept(obj, line, report, token_dimension, excerpt(str(obj.get("idVisit", ""))))


def _records(text: TextIO) -> Iterator[tuple[int, Any, str]]:
    for line, obj, error in iter_json(text):
        if isinstance(obj, dict) and obj.get("result") == "error":
            raise FileFormatError(
                translate("visits", "Matomo returned an error: {message}").format(
                    message=str(obj.get("message", ""))[:200]
                ),
                line,
            )
        # period=range&date=lastN gives {"2024-01-01": [visits], ...}.
        if (
            isinstance(obj, dict)
            and obj
            and "idVisit" not in obj
            and all(isinstance(v, list) for v in obj.values())
        ):
            for visits in obj.values():
                for item in visits:
                    yield line, item, ""
            continue
        yield line, obj, error


def _accept(
    obj: dict[str, Any], line: int, report: ImportReport, dim: int | None, raw: str
) -> Visit | None:
    if _bot(obj):
        report.reject(line, bot_reason(), raw, RejectKind.BOT)
        return None
    try:
        return visit_from_matomo(obj, dim)
    except ValueError as exc:
        report.reject(line, str(exc), raw)
        return None


def unflatten(row: dict[str, str]) -> dict[str, Any]:
    """Rebuild ``actionDetails_0_url``-style columns into nested lists of dicts."""
    out: dict[str, Any] = {}
    nested: dict[str, dict[int, dict[str, str]]] = {}
    for key, value in row.items():
        match = _FLAT.match(key)
        if match:
            name, index, sub = match.group(1), int(match.group(2)), match.group(3)
            nested.setdefault(name, {}).setdefault(index, {})[sub] = value
        else:
            out[key] = value
    for name, items in nested.items():
        out[name] = [items[i] for i in sorted(items)]
    return out


def parse_csv(
    text: TextIO, report: ImportReport, token_dimension: int | None, delimiter: str
) -> ParsedRows:
    """Yield visits from a Matomo CSV/TSV export."""
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = [name.strip().lstrip("\ufeff") for name in next(reader)]
    except StopIteration:
        raise FileFormatError(translate("visits", "the file is empty"), 1) from None
    if "idVisit" not in header:
        raise FileFormatError(translate("visits", "the header has no idVisit column"), 1)
    width = len(header)
    prev = reader.line_num
    for row in reader:
        line, prev = prev + 1, reader.line_num
        if not row:
            continue
        report.rows_read += 1
        raw = delimiter.join(row)
        if reject_malformed_row(report, line, row, raw, width, trim=False):
            yield None
            continue
        obj = unflatten({k: v for k, v in zip(header, row, strict=True) if v != ""})
        yield _accept(obj, line, report, token_dimension, excerpt(raw))
