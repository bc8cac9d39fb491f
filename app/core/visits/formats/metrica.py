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
from collections.abc import Iterable, Iterator
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

    The importer's path: building a Visit per row would cost more than parsing it. With
    ``keep_params`` false the params list is left empty (storage keeps only our params) and
    accepted visits are counted in ``report`` here.
    """
    header_line = text.readline()
    line_no = 1
    header = header_line.rstrip("\r\n").lstrip("\ufeff").split("\t")
    cols = MetricaColumns(header)
    visit_col = cols.plain("visitid")
    time_col = cols.plain("datetime")
    utc_col = cols.plain("datetimeutc")
    if visit_col < 0 or (time_col < 0 and utc_col < 0):
        raise FileFormatError(
            translate("visits", "the header has no ym:s:visitID or ym:s:dateTime column"), 1
        )
    if time_col < 0:
        report.warn(
            translate(
                "visits",
                "ym:s:dateTime is missing; times come from ym:s:dateTimeUTC, "
                "which Yandex documents as UTC+3",
            )
        )
    header_text = header_line.rstrip("\r\n").lstrip("\ufeff")
    width = cols.width
    col = cols.plain
    att = cols.attributed
    c_counter = col("counterid")
    c_client = col("clientid")
    c_new = col("isnewuser")
    c_start = col("starturl")
    c_referer = col("referer")
    c_views = col("pageviews")
    c_duration = col("visitduration")
    c_country = col("regioncountry")
    c_city = col("regioncity")
    c_device = col("devicecategory")
    c_os = col("operatingsystem")
    c_os_root = col("operatingsystemroot")
    c_browser = col("browser")
    c_js = col("javascriptenabled")
    c_width = col("screenwidth")
    c_height = col("screenheight")
    c_source = att("trafficsource")
    c_utm_source = att("utmsource")
    c_utm_medium = att("utmmedium")
    c_utm_campaign = att("utmcampaign")
    c_utm_term = att("utmterm")
    c_utm_content = att("utmcontent")
    c_search = att("searchengine")
    c_search_root = att("searchengineroot")
    c_adv = att("advengine")
    c_social = att("socialnetwork")
    c_referral = att("referalsource")
    c_messenger = att("messenger")
    c_recommend = att("recommendationsystem")
    c_direct_order = att("directclickordername")
    c_phrase = att("directphraseorcond")
    c_gclid = att("gclid")
    c_params = cols.params()
    # Two or three parsedParamsKey columns: the flat shape the fast path reads.
    flat_cells = len(c_params) if 2 <= len(c_params) <= 3 else 0
    flat_slots: dict[str, tuple[Any, ...]] = {}
    count_start = report.count_start
    moscow = ZoneInfo("Europe/Moscow")
    warned_parts = False
    checked_utc = False
    offsets: dict[str, timedelta] = {}

    for raw in text:
        line_no += 1
        line = raw[:-1] if raw.endswith("\n") else raw
        if line.endswith("\r"):
            line = line[:-1]
        if not line:
            continue
        if line == header_text:
            # Concatenated download parts each start with their own header.
            if not warned_parts:
                report.warn(translate("visits", "the file joins several Logs API parts"))
                warned_parts = True
            continue
        report.rows_read += 1
        if BAD_CHAR in line:
            report.reject(line_no, bad_bytes_reason(), excerpt(line))
            yield None
            continue
        fields = line.split("\t")
        if len(fields) != width:
            report.reject(line_no, column_count_reason(width, len(fields)), excerpt(line))
            yield None
            continue
        try:
            # Params arrays have their own quoting: parse them from the raw text.
            raw_params = [fields[i] for i in c_params]
            if "\\" in line:
                fields = [unescape(f) if "\\" in f else f for f in fields]
            # A trailing empty cell lets absent columns (index -1) read as empty.
            fields.append("")
            visit_id = fields[visit_col]
            if not visit_id.isdigit():
                raise _RowError(translate("visits", "ym:s:visitID is not a number"))
            if time_col >= 0:
                stamp = fields[time_col]
                try:
                    naive = datetime.fromisoformat(stamp)
                except ValueError:
                    raise _RowError(bad_time_reason(stamp)) from None
                # Zone offsets change on whole hours (DST), so one conversion per local hour
                # serves every visit in it; the rest is a subtraction.
                offset = offsets.get(stamp[:13])
                if offset is None:
                    hour = naive.replace(minute=0, second=0, microsecond=0)
                    offset = hour - local_to_utc(hour, zone).replace(tzinfo=None)
                    offsets[stamp[:13]] = offset
                started = (naive - offset).replace(tzinfo=UTC)
                if not checked_utc and utc_col >= 0 and fields[utc_col]:
                    checked_utc = True
                    _check_utc(started, fields[utc_col], moscow, report)
            else:
                try:
                    started = local_to_utc(datetime.fromisoformat(fields[utc_col]), moscow)
                except ValueError:
                    raise _RowError(bad_time_reason(fields[utc_col])) from None
            browser = fields[c_browser] or None
            if is_bot_browser(browser) or (fields[c_js] or None) == "0":
                report.reject(
                    line_no,
                    translate("visits", "robot visit (headless browser or JavaScript off)"),
                    excerpt(line),
                    RejectKind.BOT,
                )
                yield None
                continue
            params: list[tuple[str, str]] = []
            token = pool = action = page = None
            # The snippet's flat params (``['et','ec']`` / ``['k7x2m','click']``) are the
            # common case: the key array repeats, so where each of our params sits is cached
            # and the values are split once, without building pairs.
            slots = flat_slots.get(raw_params[0]) if flat_cells else None
            values_cell = raw_params[1] if flat_cells else ""
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
                    slots = None
                    found_flat = True
                else:
                    found_flat = False
            else:
                found_flat = False
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
            traffic = fields[c_source] or None
            source = (fields[c_utm_source] or None) or _engine_source(
                traffic,
                (fields[c_search] or None) or (fields[c_search_root] or None),
                (fields[c_adv] or None),
                (fields[c_social] or None),
                (fields[c_referral] or None),
                (fields[c_messenger] or None),
                (fields[c_recommend] or None),
            )
            direct_order = fields[c_direct_order] or None
            if direct_order == "0":
                direct_order = None
            new_user = fields[c_new] or None
            device = fields[c_device] or None
            # In STORED_FIELDS order: the importer writes this tuple as it is.
            visit = (
                VisitFormat.METRICA,
                fields[c_counter] or None,
                visit_id,
                started,
                clean(token),
                _pool_index(pool),
                traffic,
                source,
                fields[c_utm_medium] or None,
                (fields[c_utm_campaign] or None) or direct_order,
                (fields[c_utm_term] or None) or (fields[c_phrase] or None),
                fields[c_utm_content] or None,
                fields[c_referer] or None,
                fields[c_start] or None,
                fields[c_country] or None,
                fields[c_city] or None,
                _DEVICES.get(device or "", device),
                (fields[c_os] or None) or (fields[c_os_root] or None),
                browser,
                _screen(fields[c_width], fields[c_height]),
                int(fields[c_duration]) if fields[c_duration] else None,
                int(fields[c_views]) if fields[c_views] else None,
                None if new_user is None else new_user == "1",
                _id(fields[c_client] or None),
                None,
                fields[c_gclid] or None,
                None,
                contact_action(action),
                clean(page),
                params,
            )
        except _RowError as exc:
            report.reject(line_no, exc.reason, excerpt(line))
            yield None
            continue
        except ValueError as exc:
            report.reject(line_no, _describe(exc), excerpt(line))
            yield None
            continue
        if not keep_params:
            count_start(started)
        yield visit


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
