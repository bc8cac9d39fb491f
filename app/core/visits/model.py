"""Normalized visits and what an import reports back.

Every export format is turned into :class:`Visit` records: the same fields whatever the analytics,
times in UTC, analytics ids as text (Metrica ids are unsigned 64-bit and do not fit SQLite's signed
INTEGER). An import also fills an :class:`ImportReport`: counts, skipped rows with line number and
reason, and warnings the user should read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum


class VisitFormat(StrEnum):
    """The export formats the importer understands (the CLI's ``--format`` values)."""

    METRICA = "metrica"
    GA4_NDJSON = "ga4-ndjson"
    GA4_CSV = "ga4-csv"
    GA4_UI = "ga4-ui"
    MATOMO = "matomo"
    CSV = "csv"
    """Any other CSV, read through a :class:`~app.core.visits.mapping.ColumnMapping`."""


class ContactAction(StrEnum):
    """What the visitor did with the shown address, as reported by the website snippet."""

    CLICK = "click"
    COPY = "copy"


@dataclass(frozen=True)
class Visit:
    """One website visit (session) as the attribution needs it.

    ``visit_id`` is unique per ``(source_format, counter_id)``; re-importing an overlapping period
    yields the same ids, so storage can update instead of duplicating. Formats that export events
    rather than sessions (GA4) may yield the same visit twice with complementary fields when its
    events are far apart in the file: combine them with :meth:`merge`.
    """

    source_format: VisitFormat
    visit_id: str
    started_at: datetime
    """Visit start, timezone-aware UTC."""
    counter_id: str | None = None
    """Metrica counter, GA4 stream or Matomo site id."""
    token: str | None = None
    """The per-visit tracking token the snippet reported (``et``)."""
    pool_index: int | None = None
    """Index in the client's fixed address pool that the snippet showed (``ei``)."""
    traffic_source: str | None = None
    """The analytics' own channel type: Metrica ``organic``/``ad``/..., Matomo ``referrerType``."""
    source: str | None = None
    medium: str | None = None
    campaign: str | None = None
    keyword: str | None = None
    content: str | None = None
    referrer: str | None = None
    landing_page: str | None = None
    country: str | None = None
    city: str | None = None
    device: str | None = None
    os: str | None = None
    browser: str | None = None
    screen: str | None = None
    """``WIDTHxHEIGHT``."""
    duration_s: int | None = None
    page_views: int | None = None
    is_new_visitor: bool | None = None
    metrica_client_id: str | None = None
    ga_user_pseudo_id: str | None = None
    gclid: str | None = None
    matomo_visitor_id: str | None = None
    contact_action: ContactAction | None = None
    """``click`` on the mailto link or ``copy`` of the address, when the snippet reported one."""
    contact_page: str | None = None
    """The page on which the visitor clicked or copied the address."""
    params: tuple[tuple[str, str], ...] = ()
    """Every visit parameter the analytics exported, as ``(dotted key, value)`` pairs."""

    def merge(self, other: Visit) -> Visit:
        """Combine two partial records of the same visit: set fields win, the earlier start wins."""
        if other.visit_id != self.visit_id:
            raise ValueError("cannot merge different visits")
        first, second = (self, other) if self.started_at <= other.started_at else (other, self)
        changes: dict[str, object] = {}
        for f in dataclasses.fields(Visit):
            mine = getattr(first, f.name)
            if f.name == "params":
                seen = dict.fromkeys(first.params)
                seen.update(dict.fromkeys(second.params))
                changes[f.name] = tuple(seen)
            elif mine is None:
                changes[f.name] = getattr(second, f.name)
        return dataclasses.replace(first, **changes)  # type: ignore[arg-type]


STORED_FIELDS = (
    "source_format",
    "counter_id",
    "visit_id",
    "started_at",
    "token",
    "pool_index",
    "traffic_source",
    "source",
    "medium",
    "campaign",
    "keyword",
    "content",
    "referrer",
    "landing_page",
    "country",
    "city",
    "device",
    "os",
    "browser",
    "screen",
    "duration_s",
    "page_views",
    "is_new_visitor",
    "metrica_client_id",
    "ga_user_pseudo_id",
    "gclid",
    "matomo_visitor_id",
    "contact_action",
    "contact_page",
)
"""The Visit fields storage keeps, in the order bulk paths pass them (``params`` is not kept)."""

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

_VISIT_DEFAULTS: dict[str, object] = {
    f.name: f.default for f in dataclasses.fields(Visit) if f.default is not dataclasses.MISSING
}
_VISIT_FIELDS = frozenset(f.name for f in dataclasses.fields(Visit))


def new_visit(values: dict[str, object]) -> Visit:
    """Build a Visit from already-typed values, for parsers' hot loops.

    A frozen dataclass's ``__init__`` sets each of its ~30 fields through ``object.__setattr__``,
    which costs more than parsing the row; filling ``__dict__`` directly is five times faster and
    gives an equal object. Callers pass only correctly typed values, ``source_format``,
    ``visit_id`` and ``started_at`` included.
    """
    assert values.keys() <= _VISIT_FIELDS, sorted(values.keys() - _VISIT_FIELDS)
    visit = object.__new__(Visit)
    state = dict(_VISIT_DEFAULTS)
    state.update(values)
    visit.__dict__.update(state)
    return visit


class RejectKind(StrEnum):
    """Why a row did not become a visit."""

    BAD_ROW = "bad-row"
    """Malformed: wrong column count, unparsable date, broken escaping, undecodable bytes."""
    BOT = "bot"
    """A robot's visit (headless browser, JavaScript off): dropped on purpose."""


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A row that was skipped, with where it was and why."""

    line: int
    """1-based line number in the file (the first line of a multi-line record)."""
    reason: str
    """Translated, human-readable reason."""
    kind: RejectKind = RejectKind.BAD_ROW
    excerpt: str = ""
    """The start of the raw row, for the user to recognise it."""


RejectSink = Callable[[RejectedRow], None]

MAX_KEPT_REJECTS = 10_000
"""Rejected rows kept in memory; beyond it they are counted (and still go to ``on_reject``)."""


@dataclass
class ImportReport:
    """What one pass over a file produced, filled while reading.

    ``rejected`` keeps the first :data:`MAX_KEPT_REJECTS` rows so memory stays flat on a file of
    garbage; ``on_reject`` (e.g. the import history writer) receives every one of them.
    """

    visits: int = 0
    rows_read: int = 0
    bad_rows: int = 0
    bots: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    first_started_at: datetime | None = None
    last_started_at: datetime | None = None
    on_reject: RejectSink | None = None
    max_kept: int = MAX_KEPT_REJECTS

    def reject(
        self, line: int, reason: str, excerpt: str = "", kind: RejectKind = RejectKind.BAD_ROW
    ) -> None:
        """Record a skipped row."""
        row = RejectedRow(line=line, reason=reason, kind=kind, excerpt=excerpt[:200])
        if kind is RejectKind.BOT:
            self.bots += 1
        else:
            self.bad_rows += 1
        if len(self.rejected) < self.max_kept:
            self.rejected.append(row)
        if self.on_reject is not None:
            self.on_reject(row)

    def warn(self, message: str) -> None:
        """Record a warning once."""
        if message not in self.warnings:
            self.warnings.append(message)

    def count(self, visit: Visit) -> None:
        """Account for an accepted visit."""
        self.count_start(visit.started_at)

    def count_start(self, ts: datetime) -> None:
        """Account for an accepted visit that started at ``ts``."""
        self.visits += 1
        if self.first_started_at is None or ts < self.first_started_at:
            self.first_started_at = ts
        if self.last_started_at is None or ts > self.last_started_at:
            self.last_started_at = ts

    def count_range(self, visits: int, first: datetime, last: datetime) -> None:
        """Account for ``visits`` accepted visits that started between ``first`` and ``last``."""
        self.visits += visits
        if self.first_started_at is None or first < self.first_started_at:
            self.first_started_at = first
        if self.last_started_at is None or last > self.last_started_at:
            self.last_started_at = last
