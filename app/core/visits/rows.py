"""Visits as the tuples the bulk import writes: column order, natural key, token folding.

Kept apart from the importer: no SQLAlchemy here, the format parsers import it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from app.core.addresses.tokens import ALPHABET as TOKEN_ALPHABET
from app.core.visits.model import STORED_FIELDS
from app.core.visits.pool import TrafficProfile

# Columns of ``visits`` the importer writes, in the order of the tuples it builds.
VISIT_FIELDS = STORED_FIELDS
_STORED = len(STORED_FIELDS)
_DURATION = STORED_FIELDS.index("duration_s")
ROW_COLUMNS = (
    "visit_key",
    "source_format",
    "counter_id",
    "analytics_visit_id",
    "started_at",
    "token",
    "pool_index",
    "shown_address",
    *VISIT_FIELDS[6:],
)
"""The columns of one import row, in tuple order (``client_id`` and ``import_id`` are the
import's and are added by the writer)."""
COLUMNS = ("client_id", "import_id", *ROW_COLUMNS)
UPDATED_COLUMNS = [c for c in COLUMNS if c not in ("client_id", "visit_key")]
STARTED = ROW_COLUMNS.index("started_at")
"""Where the start time sits in a row: UTC text as SQLAlchemy writes it on SQLite."""
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
    return (key, fmt, counter, visit_id, text, tok, index, shown, *values[6:_STORED])


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
    duration = ROW_COLUMNS.index("duration_s")
    for batch in batches:
        if profile is not None:
            for row in batch:
                profile.add(datetime.fromisoformat(row[STARTED]).replace(tzinfo=UTC), row[duration])
        yield batch
