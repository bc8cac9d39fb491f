"""Visits as the tuples the bulk import writes: column order, natural key, token folding.

Kept apart from the importer: no SQLAlchemy here, the format parsers import it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from app.core.addresses.tokens import ALPHABET as TOKEN_ALPHABET
from app.core.visits.model import STORED_FIELDS
from app.core.visits.pool import TrafficProfile

# Columns of ``visits`` the importer writes, in the order of the tuples it builds.
VISIT_FIELDS = STORED_FIELDS
_DURATION = STORED_FIELDS.index("duration_s")
COLUMN_FIELDS = (
    "source",
    "medium",
    "campaign",
    "keyword",
    "city",
    "device",
    "duration_s",
    "metrica_client_id",
    "gclid",
)
"""Visit fields with a column of their own: what reports, filters and exports query."""
DETAIL_FIELDS = (
    "traffic_source",
    "content",
    "referrer",
    "landing_page",
    "country",
    "os",
    "browser",
    "screen",
    "page_views",
    "is_new_visitor",
    "ga_user_pseudo_id",
    "matomo_visitor_id",
    "contact_action",
    "contact_page",
)
"""Visit fields only the visit's own page shows, packed into ``visits.details``.

One text bound per row instead of fourteen values: binding values is most of what the driver
costs on a bulk load. Read them back with :func:`unpack_details` (``StoredVisit`` does).
"""
DETAILS_SEPARATOR = "\x1f"
"""ASCII unit separator: analytics values do not hold control characters (one that does has it
replaced by a space)."""
_EMPTY_DETAILS = DETAILS_SEPARATOR * (len(DETAIL_FIELDS) - 1)
_COLUMN_INDEXES = tuple(STORED_FIELDS.index(name) for name in COLUMN_FIELDS)
_DETAIL_INDEXES = tuple(STORED_FIELDS.index(name) for name in DETAIL_FIELDS)
_INT_DETAILS = frozenset({"page_views"})
_BOOL_DETAILS = frozenset({"is_new_visitor"})
ROW_COLUMNS = (
    "visit_key",
    "source_format",
    "counter_id",
    "analytics_visit_id",
    "started_at",
    "token",
    "pool_index",
    "shown_address",
    *COLUMN_FIELDS,
    "details",
)
"""The columns of one import row, in tuple order (``client_id`` and ``import_id`` are the
import's and are added by the writer)."""
COLUMNS = ("client_id", "import_id", *ROW_COLUMNS)
UPDATED_COLUMNS = [c for c in COLUMNS if c not in ("client_id", "visit_key")]
STARTED = ROW_COLUMNS.index("started_at")
"""Where the start time sits in a row: UTC text as SQLAlchemy writes it on SQLite."""
DURATION = ROW_COLUMNS.index("duration_s")


def _detail_text(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "1"
    if value is False:
        return "0"
    return str(value)


def pack_details(values: Sequence[Any]) -> str | None:
    """:data:`DETAIL_FIELDS` values (in that order) as the text of ``visits.details``.

    None and empty text are both stored as nothing; None when every value is empty.
    """
    texts = [_detail_text(value) for value in values]
    packed = DETAILS_SEPARATOR.join(texts)
    if packed.count(DETAILS_SEPARATOR) != len(DETAIL_FIELDS) - 1:
        packed = DETAILS_SEPARATOR.join(t.replace(DETAILS_SEPARATOR, " ") for t in texts)
    return None if packed == _EMPTY_DETAILS else packed


def unpack_details(text: str | None) -> dict[str, Any]:
    """``visits.details`` back as :data:`DETAIL_FIELDS` values (None for empty ones)."""
    parts = text.split(DETAILS_SEPARATOR) if text else []
    values: dict[str, Any] = {}
    for position, name in enumerate(DETAIL_FIELDS):
        part = parts[position] if position < len(parts) else ""
        if not part:
            values[name] = None
        elif name in _INT_DETAILS:
            values[name] = int(part) if part.lstrip("-").isdigit() else None
        elif name in _BOOL_DETAILS:
            values[name] = part == "1"
        else:
            values[name] = part
    return values


_CANONICAL_TOKEN = frozenset(TOKEN_ALPHABET)
is_canonical_token = _CANONICAL_TOKEN.issuperset
TOKEN_FOLD = str.maketrans(
    {
        **{c.upper(): c for c in TOKEN_ALPHABET if c.isalpha()},
        "o": "0",
        "O": "0",
        "i": "1",
        "I": "1",
        "l": "1",
        "L": "1",
    }
)


def fold_token(token: str | None) -> str | None:
    """A reported token in the canonical form the mail side reads (lower case, no look-alikes)."""
    if not token:
        return None
    if is_canonical_token(token):
        return token
    return token.translate(TOKEN_FOLD)


def start_text(started: datetime) -> str:
    """A start time as the text SQLAlchemy's DateTime writes on SQLite (UTC, microseconds)."""
    if started.tzinfo is not None:
        started = started.astimezone(UTC)
    return started.replace(tzinfo=None).isoformat(" ", "microseconds")


def storage_row(values: tuple[Any, ...], pool: tuple[str, ...]) -> tuple[Any, ...]:
    """One visit in :data:`STORED_FIELDS` order as a row in :data:`ROW_COLUMNS` order."""
    fmt, counter, visit_id, started, tok, index = values[:6]
    if tok is not None and not is_canonical_token(tok):
        tok = tok.translate(TOKEN_FOLD)
    shown = pool[index] if index is not None and 0 <= index < len(pool) else None
    text = start_text(started)
    # The start date leads the key so a file in time order appends to the unique index
    # instead of writing all over it (Metrica's own key is counter, visit id and date).
    key = f"{fmt}:{text[:10]}:{counter or ''}:{visit_id}"
    return (
        key,
        fmt,
        counter,
        visit_id,
        text,
        tok,
        index,
        shown,
        *[values[i] for i in _COLUMN_INDEXES],
        pack_details([values[i] for i in _DETAIL_INDEXES]),
    )


def convert_rows(
    batches: Iterator[list[tuple[Any, ...]]],
    pool: tuple[str, ...],
    profile: TrafficProfile | None = None,
) -> Iterator[list[tuple[Any, ...]]]:
    """Batches of visits in :data:`STORED_FIELDS` order as rows in :data:`ROW_COLUMNS` order."""
    for batch in batches:
        yield [storage_row(values, pool) for values in batch]
        if profile is not None:
            for values in batch:
                profile.add(values[3], values[_DURATION])


def profile_rows(
    batches: Iterator[list[tuple[Any, ...]]], profile: TrafficProfile | None
) -> Iterator[list[tuple[Any, ...]]]:
    """Pass rows in :data:`ROW_COLUMNS` order through, showing each visit to ``profile``."""
    for batch in batches:
        if profile is not None:
            for row in batch:
                profile.add(datetime.fromisoformat(row[STARTED]).replace(tzinfo=UTC), row[DURATION])
        yield batch
