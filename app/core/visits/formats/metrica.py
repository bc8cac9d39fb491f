"""Yandex Metrica Logs API, source ``visits``: a TSV in ClickHouse ``TabSeparatedWithNames`` shape.

Columns are mapped by header name, never by position. Attributed fields may carry any attribution
prefix (``ym:s:lastsignTrafficSource``, ``ym:s:firstUTMSource``, the legacy unprefixed
``ym:s:UTMSource``); when several models are present the last-significant one wins. Values use
ClickHouse escaping (``\\t``, ``\\n``, ``\\\\``, ``\\'``); visit params come as parallel
arrays ``parsedParamsKey1..10`` where element *i* of each level is one leaf path. ``dateTime``
is in the counter's time zone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from app.core.i18n import translate
from app.core.visits.encoding import BAD_CHAR
from app.core.visits.formats.common import (
    FileFormatError,
    ParsedRows,
    bad_bytes_reason,
    bad_time_reason,
    clean,
    column_count_reason,
    contact_action,
    excerpt,
    is_bot_browser,
    local_to_utc,
    screen,
)
from app.core.visits.model import (
    STORED_FIELDS,
    ImportReport,
    RejectKind,
    VisitFormat,
    new_visit,
)
from app.core.visits.options import ACTION_PARAM, PAGE_PARAM, POOL_PARAM, TOKEN_PARAM
from app.core.visits.rows import (
    DETAIL_FIELDS,
    DETAILS_SEPARATOR,
    STARTED,
    TOKEN_FOLD,
    is_canonical_token,
    storage_row,
)

PREFIX = "ym:s:"

_ATTRIBUTED = (
    "trafficsource",
    "advengine",
    "referalsource",
    "searchengineroot",
    "searchengine",
    "socialnetwork",
    "socialnetworkprofile",
    "directclickorder",
    "directclickordername",
    "directphraseorcond",
    "utmcampaign",
    "utmcontent",
    "utmmedium",
    "utmsource",
    "utmterm",
    "gclid",
    "hasgclid",
    "messenger",
    "recommendationsystem",
)
_MODELS = (
    "cross_device_last_yandex_direct_click|cross_device_last_significant|cross_device_first|"
    "cross_device_last|last_yandex_direct_click|lastsignificant|lastsign|automatic|first|last"
)
_ATTRIBUTED_RE = re.compile(rf"^({_MODELS})?({'|'.join(_ATTRIBUTED)})$", re.IGNORECASE)
# Which attribution model to prefer when an export holds several: the Logs API default first.
_MODEL_RANK = {"lastsign": 0, "lastsignificant": 0, "last": 1, "": 2, "automatic": 3, "first": 4}

_DEVICES = {"1": "desktop", "2": "mobile", "3": "tablet", "4": "tv"}
_ESCAPES = {
    "t": "\t",
    "n": "\n",
    "r": "\r",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "0": "\0",
    "b": "\b",
    "f": "\f",
}
_PARAM_LEVELS = 10


class MetricaColumns:
    """Where each field we read sits in the header; -1 when the export lacks it."""

    def __init__(self, header: list[str]) -> None:
        self.width = len(header)
        best: dict[str, tuple[int, int]] = {}
        plain: dict[str, int] = {}
        for index, raw in enumerate(header):
            name = raw.strip()
            if not name.lower().startswith(PREFIX):
                continue
            name = name[len(PREFIX) :].lower()
            plain.setdefault(name, index)
            match = _ATTRIBUTED_RE.match(name)
            if match:
                model = (match.group(1) or "").lower()
                base = match.group(2).lower()
                rank = _MODEL_RANK.get(model, 5)
                if base not in best or rank < best[base][0]:
                    best[base] = (rank, index)
        self._plain = plain
        self._attributed = {base: index for base, (_, index) in best.items()}

    def plain(self, name: str) -> int:
        """Column of an unattributed field (lower-case name without ``ym:s:``)."""
        return self._plain.get(name, -1)

    def attributed(self, base: str) -> int:
        """Column of an attributed field, whatever its attribution prefix."""
        return self._attributed.get(base, -1)

    def params(self) -> list[int]:
        """Columns of ``parsedParamsKey1..N`` in level order (stops at the first gap)."""
        found = []
        for level in range(1, _PARAM_LEVELS + 1):
            index = self.plain(f"parsedparamskey{level}")
            if index < 0:
                break
            found.append(index)
        return found


def is_metrica_header(line: str) -> bool:
    """Whether a header line is a Logs API visits header."""
    return line.lstrip("\ufeff").lower().startswith(PREFIX) and "\t" in line


def unescape(value: str) -> str:
    """Undo ClickHouse TSV escaping; raises ValueError on a dangling backslash."""
    if "\\" not in value:
        return value
    if value == "\\N":
        return ""
    out: list[str] = []
    pos = 0
    while True:
        slash = value.find("\\", pos)
        if slash < 0:
            out.append(value[pos:])
            break
        out.append(value[pos:slash])
        if slash + 1 >= len(value):
            raise ValueError("dangling backslash")
        char = value[slash + 1]
        out.append(_ESCAPES.get(char, char))
        pos = slash + 2
    return "".join(out)


def parse_array(raw: str) -> list[str]:
    """Parse a ClickHouse array as text: ``['a','b\\'c']`` or ``[1,2]``; ValueError when broken."""
    if raw == "[]":
        return []
    if "\\" not in raw and raw.startswith("['") and raw.endswith("']"):
        # No backslash means no escaped quote inside a value: the separators are exact, as long
        # as every other quote belongs to one.
        parts = raw[2:-2].split("','")
        if raw.count("'") == 2 * len(parts):
            return parts
    raw = raw.strip()
    if not raw or raw == "\\N":
        return []
    if raw[0] != "[" or raw[-1] != "]":
        raise ValueError("not an array")
    body = raw[1:-1]
    items: list[str] = []
    pos, end = 0, len(body)
    expect_item = True
    while pos < end:
        char = body[pos]
        if char in " ":
            pos += 1
        elif char == ",":
            if expect_item:
                raise ValueError("empty array element")
            expect_item = True
            pos += 1
        elif not expect_item:
            raise ValueError("missing comma in array")
        elif char == "'":
            buf: list[str] = []
            pos += 1
            while True:
                if pos >= end:
                    raise ValueError("unterminated string in array")
                char = body[pos]
                if char == "\\":
                    if pos + 1 >= end:
                        raise ValueError("dangling backslash in array")
                    nxt = body[pos + 1]
                    # A doubly escaped quote (\\\') shows up when the TSV layer escaped it again.
                    if nxt == "\\" and body.startswith("\\'", pos + 2):
                        buf.append("'")
                        pos += 4
                        continue
                    buf.append(_ESCAPES.get(nxt, nxt))
                    pos += 2
                elif char == "'":
                    pos += 1
                    break
                else:
                    buf.append(char)
                    pos += 1
            items.append("".join(buf))
            expect_item = False
        else:
            stop = body.find(",", pos)
            stop = end if stop < 0 else stop
            token = body[pos:stop].strip()
            if not re.fullmatch(r"-?[0-9.eE+]+", token):
                raise ValueError("bad array element")
            items.append(token)
            pos = stop
            expect_item = False
    if expect_item and items:
        raise ValueError("trailing comma in array")
    return items


def zip_params(levels: Iterable[list[str]]) -> list[tuple[str, str]]:
    """Turn parallel ``parsedParamsKeyN`` arrays into ``(dotted key, value)`` leaf pairs."""
    arrays = list(levels)
    if not arrays or not arrays[0]:
        return []
    pairs: list[tuple[str, str]] = []
    for i in range(len(arrays[0])):
        path = [arr[i] for arr in arrays if i < len(arr) and arr[i] != ""]
        if len(path) >= 2:
            pairs.append((".".join(path[:-1]), path[-1]))
    return pairs


def fast_params(raw: list[str]) -> list[tuple[str, str]]:
    """:func:`zip_params` of raw array cells, with a fast path for the usual flat params.

    The snippet reports flat params (``['et','ec']`` / ``['k7x2m','click']``): arrays without
    backslashes split exactly on ``','``; anything else goes through :func:`parse_array`.
    """
    keys = raw[0] if raw else "[]"
    if keys == "[]":
        return []
    if len(raw) == 2 or (len(raw) > 2 and raw[2] == "[]" and len(raw) == 3):
        values = raw[1]
        if (
            keys[:2] == "['"
            and keys[-2:] == "']"
            and values[:2] == "['"
            and values[-2:] == "']"
            and "\\" not in keys
            and "\\" not in values
        ):
            names = keys[2:-2].split("','")
            found = values[2:-2].split("','")
            if (
                len(names) == len(found)
                and keys.count("'") == 2 * len(names)
                and values.count("'") == 2 * len(found)
            ):
                return [(k, v) for k, v in zip(names, found, strict=True) if k and v]
    levels: list[list[str]] = []
    for cell in raw:
        if cell == "[]":
            levels.append([])
            continue
        if cell[:2] == "['" and cell[-2:] == "']" and "\\" not in cell:
            parts = cell[2:-2].split("','")
            if cell.count("'") == 2 * len(parts):
                levels.append(parts)
                continue
        levels.append(parse_array(cell))
    if not levels or not levels[0]:
        return []
    if len(levels) >= 2 and not any(levels[2:]) and len(levels[0]) == len(levels[1]):
        return [(k, v) for k, v in zip(levels[0], levels[1], strict=True) if k and v]
    return zip_params(levels)


def parse(text: TextIO, zone: ZoneInfo, report: ImportReport) -> ParsedRows:
    """Yield visits (or None for a skipped line) from a Logs API visits TSV."""
    for row in parse_rows(text, zone, report):
        if row is None:
            yield None
        else:
            values = dict(zip(STORED_FIELDS, row, strict=False))
            values["params"] = tuple(row[-1])
            yield new_visit(values)


def parse_rows(
    text: TextIO, zone: ZoneInfo, report: ImportReport, *, keep_params: bool = True
) -> Iterator[tuple[Any, ...] | None]:
    """Like :func:`parse`, as tuples in :data:`STORED_FIELDS` order plus the params list.

    With ``keep_params`` false the params list is left empty (storage keeps only our params)
    and accepted visits are counted in ``report`` here.
    """
    rows = _RowParser(text.readline(), zone, report, keep_params=keep_params)
    header_text = rows.header_text
    count_start = report.count_start
    line_no = 1
    for raw in text:
        line_no += 1
        line = raw[:-1] if raw.endswith("\n") else raw
        if line.endswith("\r"):
            line = line[:-1]
        if not line:
            continue
        if line == header_text:
            rows.repeated_header()
            continue
        report.rows_read += 1
        visit = rows.row(line, line_no)
        if visit is not None and not keep_params:
            count_start(visit[3])
        yield visit


def storage_batches(
    text: TextIO,
    zone: ZoneInfo,
    report: ImportReport,
    pool: tuple[str, ...],
    batch_size: int,
) -> Iterator[list[tuple[Any, ...]]]:
    """The importer's path: batches of rows in :data:`~app.core.visits.rows.ROW_COLUMNS` order.

    Rows go through a function compiled for this file's header (:func:`_compile_fast`) that
    reads only the columns present and handles the usual row shape: no backslash, a plain
    ``YYYY-MM-DD HH:MM:SS`` time, the snippet's flat params. Any other row (escapes, bots,
    odd arrays, bad values, the first row's time zone check) goes through the general
    per-row path, :class:`_RowParser`, which also reports rejects. A batch is handed out every
    ``batch_size`` rows read, even when it is empty, so Cancel and progress keep up with a file
    of rejects. Accepted visits are counted in ``report`` batch by batch.
    """
    rows = _RowParser(text.readline(), zone, report, keep_params=False)
    header_text = rows.header_text
    width = rows.width
    compiled = _compile_fast(rows, pool)
    fast = compiled or _no_fast_path
    slow = rows.row
    line_no = 1
    batch: list[tuple[Any, ...]] = []
    append = batch.append
    read = 0
    rows_read = report.rows_read
    # Until the first row's dateTime / dateTimeUTC cross-check, rows take the general path.
    ready = compiled is not None and not rows.utc_pending
    for raw in text:
        line_no += 1
        line = raw[:-1] if raw[-1:] == "\n" else raw
        if line[-1:] == "\r":
            line = line[:-1]
        if not line:
            continue
        if line == header_text:
            rows.repeated_header()
            continue
        read += 1
        if ready and "\\" not in line and BAD_CHAR not in line:
            fields = line.split("\t")
            if len(fields) == width:
                row = fast(fields)
                if row is not None:
                    append(row)
                    if read >= batch_size:
                        report.rows_read = rows_read = rows_read + read
                        read = 0
                        _count_batch(report, batch)
                        yield batch
                        batch = []
                        append = batch.append
                    continue
        visit = slow(line, line_no)
        if visit is not None:
            append(storage_row(visit, pool))
            ready = compiled is not None and not rows.utc_pending
        if read >= batch_size:
            report.rows_read = rows_read = rows_read + read
            read = 0
            _count_batch(report, batch)
            yield batch
            batch = []
            append = batch.append
    report.rows_read = rows_read + read
    _count_batch(report, batch)
    yield batch


def _no_fast_path(fields: list[str]) -> None:
    return None


def _count_batch(report: ImportReport, batch: list[tuple[Any, ...]]) -> None:
    if not batch:
        return
    starts = [row[STARTED] for row in batch]
    report.count_range(len(batch), _utc(min(starts)), _utc(max(starts)))


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class _RowParser:
    """The general per-row path: every row shape the format allows, and rejects with reasons."""

    def __init__(
        self, header_line: str, zone: ZoneInfo, report: ImportReport, *, keep_params: bool
    ) -> None:
        header = header_line.rstrip("\r\n").lstrip("\ufeff").split("\t")
        cols = self.cols = MetricaColumns(header)
        self.visit_col = cols.plain("visitid")
        self.time_col = cols.plain("datetime")
        self.utc_col = cols.plain("datetimeutc")
        if self.visit_col < 0 or (self.time_col < 0 and self.utc_col < 0):
            raise FileFormatError(
                translate("visits", "the header has no ym:s:visitID or ym:s:dateTime column"), 1
            )
        if self.time_col < 0:
            report.warn(
                translate(
                    "visits",
                    "ym:s:dateTime is missing; times come from ym:s:dateTimeUTC, "
                    "which Yandex documents as UTC+3",
                )
            )
        self.header_text = header_line.rstrip("\r\n").lstrip("\ufeff")
        self.width = cols.width
        self.zone = zone
        self.report = report
        self.keep_params = keep_params
        col = cols.plain
        att = cols.attributed
        self.c_counter = col("counterid")
        self.c_client = col("clientid")
        self.c_new = col("isnewuser")
        self.c_start = col("starturl")
        self.c_referer = col("referer")
        self.c_views = col("pageviews")
        self.c_duration = col("visitduration")
        self.c_country = col("regioncountry")
        self.c_city = col("regioncity")
        self.c_device = col("devicecategory")
        self.c_os = col("operatingsystem")
        self.c_os_root = col("operatingsystemroot")
        self.c_browser = col("browser")
        self.c_js = col("javascriptenabled")
        self.c_width = col("screenwidth")
        self.c_height = col("screenheight")
        self.c_source = att("trafficsource")
        self.c_utm_source = att("utmsource")
        self.c_utm_medium = att("utmmedium")
        self.c_utm_campaign = att("utmcampaign")
        self.c_utm_term = att("utmterm")
        self.c_utm_content = att("utmcontent")
        self.c_search = att("searchengine")
        self.c_search_root = att("searchengineroot")
        self.c_adv = att("advengine")
        self.c_social = att("socialnetwork")
        self.c_referral = att("referalsource")
        self.c_messenger = att("messenger")
        self.c_recommend = att("recommendationsystem")
        self.c_direct_order = att("directclickordername")
        self.c_phrase = att("directphraseorcond")
        self.c_gclid = att("gclid")
        self.c_params = cols.params()
        # Two or three parsedParamsKey columns: the flat shape the fast paths read.
        self.flat_cells = len(self.c_params) if 2 <= len(self.c_params) <= 3 else 0
        self.flat_slots: dict[str, tuple[Any, ...]] = {}
        self.moscow = ZoneInfo("Europe/Moscow")
        self.warned_parts = False
        self.utc_pending = self.time_col >= 0 and self.utc_col >= 0
        """Whether the dateTime / dateTimeUTC cross-check still waits for a row."""
        self.offsets: dict[str, timedelta] = {}

    def repeated_header(self) -> None:
        # Concatenated download parts each start with their own header.
        if not self.warned_parts:
            self.report.warn(translate("visits", "the file joins several Logs API parts"))
            self.warned_parts = True

    def row(self, line: str, line_no: int) -> tuple[Any, ...] | None:
        """One non-empty data line as a tuple in STORED_FIELDS order (+ params), or None."""
        report = self.report
        if BAD_CHAR in line:
            report.reject(line_no, bad_bytes_reason(), excerpt(line))
            return None
        fields = line.split("\t")
        width = self.width
        if len(fields) != width:
            report.reject(line_no, column_count_reason(width, len(fields)), excerpt(line))
            return None
        keep_params = self.keep_params
        flat_cells = self.flat_cells
        flat_slots = self.flat_slots
        c_params = self.c_params
        try:
            # Params arrays have their own quoting: parse them from the raw text.
            raw_params = [fields[i] for i in c_params]
            if "\\" in line:
                fields = [unescape(f) if "\\" in f else f for f in fields]
            # A trailing empty cell lets absent columns (index -1) read as empty.
            fields.append("")
            visit_id = fields[self.visit_col]
            if not visit_id.isdigit():
                raise _RowError(translate("visits", "ym:s:visitID is not a number"))
            if self.time_col >= 0:
                stamp = fields[self.time_col]
                try:
                    naive = datetime.fromisoformat(stamp)
                except ValueError:
                    raise _RowError(bad_time_reason(stamp)) from None
                # Zone offsets change on whole hours (DST), so one conversion per local hour
                # serves every visit in it; the rest is a subtraction.
                offset = self.offsets.get(stamp[:13])
                if offset is None:
                    hour = naive.replace(minute=0, second=0, microsecond=0)
                    offset = hour - local_to_utc(hour, self.zone).replace(tzinfo=None)
                    self.offsets[stamp[:13]] = offset
                started = (naive - offset).replace(tzinfo=UTC)
                if self.utc_pending and fields[self.utc_col]:
                    self.utc_pending = False
                    _check_utc(started, fields[self.utc_col], self.moscow, report)
            else:
                try:
                    started = local_to_utc(
                        datetime.fromisoformat(fields[self.utc_col]), self.moscow
                    )
                except ValueError:
                    raise _RowError(bad_time_reason(fields[self.utc_col])) from None
            browser = fields[self.c_browser] or None
            if is_bot_browser(browser) or (fields[self.c_js] or None) == "0":
                report.reject(
                    line_no,
                    translate("visits", "robot visit (headless browser or JavaScript off)"),
                    excerpt(line),
                    RejectKind.BOT,
                )
                return None
            params: list[tuple[str, str]] = []
            token = pool = action = page = None
            # The snippet's flat params (``['et','ec']`` / ``['k7x2m','click']``) are the
            # common case: the key array repeats, so where each of our params sits is cached
            # and the values are split once, without building pairs.
            slots = flat_slots.get(raw_params[0]) if flat_cells else None
            values_cell = raw_params[1] if flat_cells else ""
            found_flat = False
            if (
                slots is not None
                and (flat_cells == 2 or raw_params[2] == "[]")
                and values_cell[:2] == "['"
                and values_cell[-2:] == "']"
                and "\\" not in values_cell
            ):
                found = values_cell[2:-2].split("','")
                if len(found) == slots[0] and values_cell.count("'") == 2 * len(found):
                    if slots[1] >= 0:
                        token = found[slots[1]] or None
                    if slots[2] >= 0:
                        pool = found[slots[2]] or None
                    if slots[3] >= 0:
                        action = found[slots[3]] or None
                    if slots[4] >= 0:
                        page = found[slots[4]] or None
                    if keep_params:
                        params = [(k, v) for k, v in zip(slots[5], found, strict=True) if k and v]
                    found_flat = True
            if not found_flat and c_params:
                try:
                    params = fast_params(raw_params)
                except ValueError:
                    raise _RowError(translate("visits", "broken visit params array")) from None
                if flat_cells and raw_params[0] not in flat_slots:
                    _learn_slots(raw_params[0], flat_slots)
                for key, value in params:
                    leaf = key.rsplit(".", 1)[-1]
                    if leaf == TOKEN_PARAM and token is None:
                        token = value
                    elif leaf == POOL_PARAM and pool is None:
                        pool = value
                    elif leaf == ACTION_PARAM and action is None:
                        action = value
                    elif leaf == PAGE_PARAM and page is None:
                        page = value
                if not keep_params:
                    params = []
            traffic = fields[self.c_source] or None
            source = (fields[self.c_utm_source] or None) or _engine_source(
                traffic,
                (fields[self.c_search] or None) or (fields[self.c_search_root] or None),
                (fields[self.c_adv] or None),
                (fields[self.c_social] or None),
                (fields[self.c_referral] or None),
                (fields[self.c_messenger] or None),
                (fields[self.c_recommend] or None),
            )
            direct_order = fields[self.c_direct_order] or None
            if direct_order == "0":
                direct_order = None
            new_user = fields[self.c_new] or None
            device = fields[self.c_device] or None
            duration = fields[self.c_duration]
            views = fields[self.c_views]
            # In STORED_FIELDS order, the params list last.
            return (
                VisitFormat.METRICA,
                fields[self.c_counter] or None,
                visit_id,
                started,
                clean(token),
                _pool_index(pool),
                traffic,
                source,
                fields[self.c_utm_medium] or None,
                (fields[self.c_utm_campaign] or None) or direct_order,
                (fields[self.c_utm_term] or None) or (fields[self.c_phrase] or None),
                fields[self.c_utm_content] or None,
                fields[self.c_referer] or None,
                fields[self.c_start] or None,
                fields[self.c_country] or None,
                fields[self.c_city] or None,
                _DEVICES.get(device or "", device),
                (fields[self.c_os] or None) or (fields[self.c_os_root] or None),
                browser,
                _screen(fields[self.c_width], fields[self.c_height]),
                int(duration) if duration else None,
                int(views) if views else None,
                None if new_user is None else new_user == "1",
                _id(fields[self.c_client] or None),
                None,
                fields[self.c_gclid] or None,
                None,
                contact_action(action),
                clean(page),
                params,
            )
        except _RowError as exc:
            report.reject(line_no, exc.reason, excerpt(line))
            return None
        except ValueError as exc:
            report.reject(line_no, _describe(exc), excerpt(line))
            return None


_MINUTE_SECOND = frozenset(f":{m:02d}:{s:02d}" for m in range(60) for s in range(60))
"""Every valid ``:MM:SS`` tail of a ``YYYY-MM-DD HH:MM:SS`` time."""
_FAST_DEVICES: dict[str, str | None] = {"": None, **_DEVICES}
_NEW_USER_TEXT = {"": "", "1": "1"}
_ACTIONS: dict[str, str | None] = {"": None, "click": "click", "copy": "copy"}
_CACHE_LIMIT = 100_000
"""Entries a per-file value cache may hold (hours, pool cells, screens); beyond it, no caching."""


def _compile_fast(rows: _RowParser, pool: tuple[str, ...]) -> Callable[[list[str]], Any] | None:
    """A row function for this header: a storage tuple, or None to leave the row to ``rows``.

    The generated code reads exactly the columns the header has (an absent column is a
    constant, not a lookup) and keeps only the usual shape; any doubt returns None and the
    general path decides, rejects included, so both paths store the same values. Only column
    numbers go into the source text, never anything read from the file.
    """
    if rows.time_col < 0 or (rows.c_params and not rows.flat_cells):
        return None

    def cell(index: int, absent: str = "None") -> str:
        return f"f[{index}]" if index >= 0 else absent

    def text(index: int) -> str:
        return f"(f[{index}] or None)" if index >= 0 else "None"

    def first(*indexes: int) -> str:
        present = [f"f[{i}]" for i in indexes if i >= 0]
        return f"({' or '.join(present)} or None)" if present else "None"

    r = rows
    body = [
        "def fast(f):",
        "    try:",
        f"        vid = f[{r.visit_col}]",
        "        if not vid.isdigit():",
        "            return None",
        f"        stamp = f[{r.time_col}]",
        "        if len(stamp) != 19 or stamp[13:] not in MINUTE_SECOND:",
        "            return None",
        "        hour = hours.get(stamp[:13])",
        "        if hour is None:",
        "            hour = learn_hour(stamp)",
        "            if hour is None:",
        "                return None",
        f"        browser = {cell(r.c_browser, repr(''))}",
        "        if browser:",
        "            bot = bots.get(browser)",
        "            if bot is None:",
        "                bot = bots[browser] = is_bot_browser(browser)",
        "            if bot:",
        "                return None",
    ]
    if r.c_js >= 0:
        body += [f"        if f[{r.c_js}] == '0':", "            return None"]
    if r.c_params:
        keys, values, *rest = r.c_params
        body += [f"        slots = flat_slots.get(f[{keys}])", "        if slots is None:"]
        body += ["            return None"]
        for extra in rest:
            body += [f"        if f[{extra}] != '[]':", "            return None"]
        body += [
            f"        found = f[{values}]",
            '        if found[:2] != "[\'" or found[-2:] != "\']":',
            "            return None",
            '        count = found.count("\'")',
            "        found = found[2:-2].split(\"','\")",
            "        if len(found) != slots[0] or count != 2 * len(found):",
            "            return None",
            # A trailing empty value makes an absent param (slot -1) read as empty.
            "        found.append('')",
            "        token = found[slots[1]].strip()",
            "        if not token:",
            "            token = None",
            "        elif not canonical(token):",
            "            token = token.translate(TOKEN_FOLD)",
            "        index_cell = found[slots[2]]",
            "        shown = pool_cells.get(index_cell)",
            "        if shown is None:",
            "            shown = learn_pool(index_cell)",
            "        action = found[slots[3]]",
            "        action = ACTIONS[action] if action in ACTIONS else contact_action(action)",
            "        page = found[slots[4]].strip() or None",
        ]
    else:
        body += ["        token = action = page = None", "        shown = (None, None)"]
    body += [f"        traffic = {text(r.c_source)}"]
    if r.c_utm_source >= 0:
        body += [f"        source = f[{r.c_utm_source}]", "        if not source:"]
        indent = "            "
    else:
        body += ["        if True:"]
        indent = "            "
    branches = [
        ("organic", first(r.c_search, r.c_search_root)),
        ("social", text(r.c_social)),
        ("referral", text(r.c_referral)),
        ("messenger", text(r.c_messenger)),
        ("recommend", text(r.c_recommend)),
    ]
    chain = "if"
    for kind, expr in branches:
        if expr != "None":
            body += [f"{indent}{chain} traffic == {kind!r}:", f"{indent}    source = {expr}"]
            chain = "elif"
    if r.c_adv >= 0:
        body += [
            f"{indent}{chain} traffic == 'ad':",
            f"{indent}    source = f[{r.c_adv}]",
            f"{indent}    if source == 'ya_undefined':",
            f"{indent}        source = None",
        ]
        chain = "elif"
    body += [f"{indent}else:" if chain == "elif" else f"{indent}if True:"]
    body += [f"{indent}    source = None", "        source = source or None"]
    if r.c_direct_order >= 0:
        body += [
            f"        order = f[{r.c_direct_order}]",
            "        if order == '0':",
            "            order = ''",
            f"        campaign = {cell(r.c_utm_campaign, repr(''))} or order or None",
        ]
    else:
        body += [f"        campaign = {text(r.c_utm_campaign)}"]
    body += [
        f"        client = {text(r.c_client)}",
        "        if client == '0':",
        "            client = None",
        f"        screen_key = {cell(r.c_width, repr(''))} + '\\t' + {cell(r.c_height, repr(''))}",
        "        try:",
        "            screen = screens[screen_key]",
        "        except KeyError:",
        "            screen = learn_screen(screen_key)",
        f"        duration = {cell(r.c_duration, repr(''))}",
        f"        views = {cell(r.c_views, repr(''))}",
        "        try:",
        "            views = numbers[views]",
        "        except KeyError:",
        "            views = learn_number(views)",
        f"        device = {cell(r.c_device, repr(''))}",
        # In DETAIL_FIELDS order, empty for None (pack_details).
        "        details = SEPARATOR.join((",
        f"            {cell(r.c_source, repr(''))},",
        f"            {cell(r.c_utm_content, repr(''))},",
        f"            {cell(r.c_referer, repr(''))},",
        f"            {cell(r.c_start, repr(''))},",
        f"            {cell(r.c_country, repr(''))},",
        f"            {first(r.c_os, r.c_os_root)} or '',",
        "            browser,",
        "            screen,",
        "            views,",
        f"            NEW_USER_TEXT.get({cell(r.c_new, repr(''))}, '0'),",
        "            '',",
        "            '',",
        "            action or '',",
        "            page or '',",
        "        ))",
        "        if details.count(SEPARATOR) != DETAIL_SEPARATORS:",
        "            return None",
        "        if details == EMPTY_DETAILS:",
        "            details = None",
        # In ROW_COLUMNS order.
        "        return (",
        f"            hour[1] + {cell(r.c_counter, repr(''))} + ':' + vid,",
        "            'metrica',",
        f"            {text(r.c_counter)},",
        "            vid,",
        "            hour[0] + stamp[13:] + '.000000',",
        "            token,",
        "            shown[0],",
        "            shown[1],",
        "            source,",
        f"            {text(r.c_utm_medium)},",
        "            campaign,",
        f"            {first(r.c_utm_term, r.c_phrase)},",
        f"            {text(r.c_city)},",
        "            DEVICES.get(device, device),",
        "            int(duration) if duration else None,",
        "            client,",
        f"            {text(r.c_gclid)},",
        "            details,",
        "        )",
        "    except ValueError:",
        "        return None",
    ]
    hours: dict[str, tuple[str, str]] = {}
    pool_cells: dict[str, tuple[int | None, str | None]] = {}
    screens: dict[str, str] = {}
    numbers: dict[str, str] = {}
    zone = rows.zone

    def learn_hour(stamp: str) -> tuple[str, str] | None:
        try:
            naive = datetime.fromisoformat(stamp)
        except ValueError:
            return None
        if naive.tzinfo is not None:
            return None
        hour = naive.replace(minute=0, second=0)
        offset = hour - local_to_utc(hour, zone).replace(tzinfo=None)
        if offset % timedelta(hours=1) or len(hours) >= _CACHE_LIMIT:
            return None  # a zone with a half-hour offset: the general path
        utc = (hour - offset).isoformat(" ")
        entry = hours[stamp[:13]] = (utc[:13], f"{VisitFormat.METRICA.value}:{utc[:10]}:")
        return entry

    def learn_pool(value: str) -> tuple[int | None, str | None]:
        index = _pool_index(value or None)
        shown = pool[index] if index is not None and 0 <= index < len(pool) else None
        if len(pool_cells) < _CACHE_LIMIT:
            pool_cells[value] = (index, shown)
        return index, shown

    def learn_screen(key: str) -> str:
        width, height = key.split("\t")
        value = _screen(width, height) or ""
        if len(screens) < _CACHE_LIMIT:
            screens[key] = value
        return value

    def learn_number(value: str) -> str:
        text = str(int(value)) if value else ""  # ValueError: the general path rejects the row
        if len(numbers) < _CACHE_LIMIT:
            numbers[value] = text
        return text

    def action_text(value: str) -> str | None:
        action = contact_action(value)
        return None if action is None else action.value

    namespace: dict[str, Any] = {
        "MINUTE_SECOND": _MINUTE_SECOND,
        "DEVICES": _FAST_DEVICES,
        "ACTIONS": _ACTIONS,
        "TOKEN_FOLD": TOKEN_FOLD,
        "canonical": is_canonical_token,
        "hours": hours,
        "learn_hour": learn_hour,
        "bots": {},
        "is_bot_browser": is_bot_browser,
        "flat_slots": rows.flat_slots,
        "pool_cells": pool_cells,
        "learn_pool": learn_pool,
        "screens": screens,
        "learn_screen": learn_screen,
        "numbers": numbers,
        "learn_number": learn_number,
        "SEPARATOR": DETAILS_SEPARATOR,
        "DETAIL_SEPARATORS": len(DETAIL_FIELDS) - 1,
        "EMPTY_DETAILS": DETAILS_SEPARATOR * (len(DETAIL_FIELDS) - 1),
        "NEW_USER_TEXT": _NEW_USER_TEXT,
        "contact_action": action_text,
    }
    exec(compile("\n".join(body), f"<metrica row {rows.width} columns>", "exec"), namespace)
    fast: Callable[[list[str]], Any] = namespace["fast"]
    return fast


class _RowError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _describe(exc: ValueError) -> str:
    if "backslash" in str(exc):
        return translate("visits", "broken escaping (a backslash at the end of a value)")
    return translate("visits", "a number column holds text")


def _learn_slots(keys_cell: str, slots: dict[str, tuple[Any, ...]]) -> None:
    """Remember where our params sit in a flat key array such as ``['et','ec']``."""
    if (
        len(slots) > 64
        or keys_cell[:2] != "['"
        or keys_cell[-2:] != "']"
        or "\\" in keys_cell
        or "." in keys_cell
    ):
        return
    names = keys_cell[2:-2].split("','")
    if keys_cell.count("'") != 2 * len(names) or len(set(names)) != len(names):
        return

    def where(name: str) -> int:
        return names.index(name) if name in names else -1

    slots[keys_cell] = (
        len(names),
        where(TOKEN_PARAM),
        where(POOL_PARAM),
        where(ACTION_PARAM),
        where(PAGE_PARAM),
        tuple(names),
    )


def _screen(width: str, height: str) -> str | None:
    if width.isdigit() and height.isdigit():
        return f"{width}x{height}" if width != "0" and height != "0" else None
    return screen(width or None, height or None)


def _id(value: str | None) -> str | None:
    # Metrica writes 0 for "no client id"; ids stay text, they exceed signed 64-bit.
    if not value or value == "0":
        return None
    return value


def _pool_index(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.strip()
    return int(value) if value.isdigit() else None


def _engine_source(  # noqa: PLR0917 - one value per kind of source, read in one place
    traffic: str | None,
    search: str | None,
    adv: str | None,
    social: str | None,
    referral: str | None,
    messenger: str | None,
    recommend: str | None,
) -> str | None:
    if traffic == "organic":
        return search
    if traffic == "ad":
        return adv if adv and adv != "ya_undefined" else None
    if traffic == "social":
        return social
    if traffic == "referral":
        return referral
    if traffic == "messenger":
        return messenger
    if traffic == "recommend":
        return recommend
    return None


def _check_utc(started: datetime, utc_text: str, moscow: ZoneInfo, report: ImportReport) -> None:
    # dateTimeUTC is documented as "UTC+3"; accept either reading, warn when neither fits.
    try:
        naive = datetime.fromisoformat(utc_text)
    except ValueError:
        return
    as_utc = local_to_utc(naive, ZoneInfo("UTC"))
    as_moscow = local_to_utc(naive, moscow)
    if started not in (as_utc, as_moscow):
        report.warn(
            translate(
                "visits",
                "ym:s:dateTime and ym:s:dateTimeUTC disagree with the site's time zone: "
                "check the time zone setting",
            )
        )
