"""Visits as the tuples the bulk import writes: column order, natural key, token folding.

Kept apart from the importer (no SQLAlchemy here) so the parser helper process imports little.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core.addresses.tokens import ALPHABET as TOKEN_ALPHABET
from app.core.visits.model import STORED_FIELDS
from app.core.visits.pool import TrafficProfile

# Columns of ``visits`` the importer writes, in the order of the tuples it builds.
VISIT_FIELDS = STORED_FIELDS
_STORED = len(STORED_FIELDS)
_DURATION = STORED_FIELDS.index("duration_s")
COLUMNS = (
    "client_id",
    "import_id",
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
UPDATED_COLUMNS = [c for c in COLUMNS if c not in ("client_id", "visit_key")]
_CANONICAL_TOKEN = frozenset(TOKEN_ALPHABET)
_TOKEN_FOLD = str.maketrans(
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
    if _CANONICAL_TOKEN.issuperset(token):
        return token
    return token.translate(_TOKEN_FOLD)


def convert_rows(
    batches: Iterator[list[tuple[Any, ...]]],
    ids: tuple[int, int],
    pool: tuple[str, ...],
    profile: TrafficProfile | None,
    sqlite: bool,
) -> Iterator[list[tuple[Any, ...]]]:
    """Batches of visits as tuples in :data:`COLUMNS` order.

    ``started_at`` becomes the text SQLAlchemy writes on SQLite (so ORM reads and comparisons
    with other tables agree) and stays an aware datetime for PostgreSQL's COPY.
    """
    client_id, import_id = ids
    pool_size = len(pool)
    canonical = _CANONICAL_TOKEN.issuperset
    for batch in batches:
        out: list[tuple[Any, ...]] = []
        append = out.append
        for values in batch:
            fmt, counter, visit_id, started, tok, index = values[:6]
            if tok is not None and not canonical(tok):
                tok = tok.translate(_TOKEN_FOLD)
            shown = pool[index] if index is not None and 0 <= index < pool_size else None
            text = started.replace(tzinfo=None).isoformat(" ", "microseconds")
            # The start date leads the key so a file in time order appends to the unique index
            # instead of writing all over it (Metrica's own key is counter, visit id and date).
            key = f"{fmt}:{text[:10]}:{counter or ''}:{visit_id}"
            append(
                (
                    client_id,
                    import_id,
                    key,
                    fmt,
                    counter,
                    visit_id,
                    text if sqlite else started,
                    tok,
                    index,
                    shown,
                    *values[6:_STORED],
                )
            )
            if profile is not None:
                profile.add(started, values[_DURATION])
        yield out
