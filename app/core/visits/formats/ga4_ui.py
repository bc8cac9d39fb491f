"""GA4 web-UI CSV downloads (Reports and Explore), in English or Russian.

The file starts with ``#`` metadata lines; the first other line is the header, whose names are the
UI's display names in the user's language. Explore puts a "Grand total" row first. A
rows-per-visit export needs the tracking token as a dimension (see
:data:`RECOMMENDED_DIMENSIONS`); each row becomes one visit, dated by the finest date
dimension present (in the property's time zone). Russian labels follow the GA4 interface and
are matched loosely (case, spaces around ``/``).
"""

from __future__ import annotations

import csv
import hashlib
import re
from datetime import datetime
from typing import TextIO
from zoneinfo import ZoneInfo

from app.core.i18n import translate
from app.core.visits.formats.common import (
    FileFormatError,
    ParsedRows,
    bad_time_reason,
    bot_reason,
    clean,
    excerpt,
    is_bot_browser,
    local_to_utc,
    reject_malformed_row,
)
from app.core.visits.model import ImportReport, RejectKind, Visit, VisitFormat

RECOMMENDED_DIMENSIONS = (
    "tracking_token",
    "Session source / medium",
    "Session campaign",
    "Session manual term",
    "Landing page + query string",
    "City",
    "Device category",
    "Operating system",
    "Browser",
    "Screen resolution",
    "Date hour and minute",
)

_LABELS: dict[str, tuple[str, ...]] = {
    "token": ("tracking_token", "tracking token", "et", "email token", "токен"),
    "source_medium": ("session source/medium", "источник/канал сеанса", "source/medium"),
    "source": ("session source", "источник сеанса", "source", "источник"),
    "medium": ("session medium", "канал сеанса", "medium", "канал"),
    "campaign": ("session campaign", "кампания сеанса", "campaign", "кампания"),
    "keyword": (
        "session manual term",
        "ключевое слово сеанса, указанное вручную",
        "session google ads keyword text",
        "текст ключевого слова google рекламы для сеанса",
        "manual term",
        "term",
    ),
    "content": ("session manual ad content", "содержание объявления сеанса, указанное вручную"),
    "traffic_source": ("session default channel group", "основная группа каналов сеанса"),
    "landing": (
        "landing page + query string",
        "целевая страница + строка запроса",
        "landing page",
        "целевая страница",
    ),
    "referrer": ("page referrer", "url перехода", "referrer"),
    "country": ("country", "страна"),
    "city": ("city", "город"),
    "device": ("device category", "категория устройства"),
    "os": ("operating system", "операционная система"),
    "browser": ("browser", "браузер"),
    "screen": ("screen resolution", "разрешение экрана"),
    "user": (
        "app-instance id",
        "идентификатор экземпляра приложения",
        "client id",
        "идентификатор клиента",
        "effective user id",
    ),
}
_DATE_LABELS = (
    "date hour and minute",
    "дата, час и минута",
    "date + hour (yyyymmddhh)",
    "дата + час (ггггммддчч)",
    "date",
    "дата",
)
_TOTALS = ("grand total", "общий итог", "итого", "totals", "всего")
_LOOKUP = {label: key for key, labels in _LABELS.items() for label in labels}


def normalize_label(label: str) -> str:
    """A display name reduced for matching: lower case, ``ё`` as ``е``, no spaces around ``/``."""
    text = label.strip().lstrip("\ufeff").lower().replace("ё", "е")
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*/\s*", "/", text)


def is_ga4_ui(first_lines: list[str]) -> bool:
    """Whether a file's first lines look like a GA4 UI download (a ``#`` metadata block)."""
    meta = [line for line in first_lines if line.startswith("#")]
    if not meta:
        return False
    text = "\n".join(meta).lower()
    return "# ----" in text or any(
        marker in text
        for marker in ("account:", "property:", "аккаунт:", "ресурс:", "start date", "дата начала")
    )


def parse(text: TextIO, zone: ZoneInfo | None, report: ImportReport, delimiter: str) -> ParsedRows:
    """Yield visits from a GA4 UI CSV download."""
    line_no = 0
    header_line = ""
    for raw in text:
        line_no += 1
        stripped = raw.strip()
        if stripped and not stripped.startswith("#"):
            header_line = raw
            break
    if not header_line:
        raise FileFormatError(translate("visits", "the file has no table"), line_no or 1)
    header = next(csv.reader([header_line], delimiter=delimiter))
    while header and not header[-1].strip():
        header.pop()
    columns: dict[str, int] = {}
    date_col, date_rank = -1, len(_DATE_LABELS)
    for i, name in enumerate(header):
        label = normalize_label(name)
        key = _LOOKUP.get(label)
        if key is None and ("token" in label or "токен" in label):
            key = "token"
        if key is not None and key not in columns:
            columns[key] = i
        for rank, date_label in enumerate(_DATE_LABELS):
            if (label == date_label or label.startswith(date_label + " (")) and rank < date_rank:
                date_col, date_rank = i, rank
    if date_col < 0:
        raise FileFormatError(
            translate(
                "visits",
                "the table has no date column: add the dimension "
                '"Date hour and minute" or "Date + hour" to the exploration',
            ),
            line_no,
        )
    if zone is None:
        raise FileFormatError(
            translate(
                "visits", "GA4 dates are in the property's time zone: set the site's time zone"
            )
        )
    if "token" not in columns:
        report.warn(
            translate(
                "visits",
                "no tracking token column: visits can only be matched by time, not by token",
            )
        )
    width = len(header)
    dims = sorted(columns.values())
    reader = csv.reader(text, delimiter=delimiter)
    prev = 0
    for row in reader:
        line, prev = line_no + prev + 1, reader.line_num
        if not row or all(not cell.strip() for cell in row):
            # A blank line ends the table; a snapshot file may hold more tables after it.
            extra = next(reader, None)
            if extra is not None and any(cell.strip() for cell in extra):
                report.warn(translate("visits", "only the first table of the file was imported"))
            return
        report.rows_read += 1
        raw = delimiter.join(row)
        if _is_total(row, width):
            report.rows_read -= 1
            continue
        if reject_malformed_row(report, line, row, raw, width):
            yield None
            continue
        started = _parse_date(row[date_col], zone)
        if started is None:
            report.reject(line, bad_time_reason(row[date_col]), excerpt(raw))
            yield None
            continue

        def cell(key: str, row: list[str] = row) -> str | None:
            i = columns.get(key, -1)
            value = clean(row[i]) if i >= 0 else None
            return None if value in ("(not set)", "(не задано)") else value

        browser = cell("browser")
        if is_bot_browser(browser):
            report.reject(line, bot_reason(), excerpt(raw), RejectKind.BOT)
            yield None
            continue
        source, medium = cell("source"), cell("medium")
        pair = cell("source_medium")
        if pair and "/" in pair:
            left, _, right = pair.partition("/")
            source, medium = source or clean(left), medium or clean(right)
        key_text = "\x1f".join([row[date_col], *(row[i] for i in dims)])
        visit_id = "ga4ui:" + hashlib.sha1(key_text.encode("utf-8")).hexdigest()[:20]
        yield Visit(
            source_format=VisitFormat.GA4_UI,
            visit_id=visit_id,
            started_at=started,
            token=cell("token"),
            traffic_source=cell("traffic_source"),
            source=source,
            medium=medium,
            campaign=cell("campaign"),
            keyword=cell("keyword"),
            content=cell("content"),
            referrer=cell("referrer"),
            landing_page=cell("landing"),
            country=cell("country"),
            city=cell("city"),
            device=cell("device"),
            os=cell("os"),
            browser=browser,
            screen=cell("screen"),
            ga_user_pseudo_id=cell("user"),
        )


def _is_total(row: list[str], width: int) -> bool:
    tail = [cell.strip().lower() for cell in row[width:] if cell.strip()]
    if any(cell in _TOTALS for cell in tail):
        return True
    return bool(row) and row[0].strip().lower() in _TOTALS


def _parse_date(value: str, zone: ZoneInfo) -> datetime | None:
    digits = value.strip()
    formats = {8: "%Y%m%d", 10: "%Y%m%d%H", 12: "%Y%m%d%H%M"}
    fmt = formats.get(len(digits))
    try:
        if fmt is not None and digits.isdigit():
            naive = datetime.strptime(digits, fmt)
        else:
            naive = datetime.fromisoformat(digits)
    except ValueError:
        return None
    if naive.tzinfo is not None:
        return naive.astimezone(ZoneInfo("UTC"))
    return local_to_utc(naive, zone)
