"""Stored visits of a client: settings, saved column mappings, import history, pool health.

``ws.visits`` is this service. Importing itself is :func:`app.core.visits.importer.import_visits`
(a long job with progress and Cancel); attribution is :mod:`app.core.attribution.visits`.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select

from app.core.changes import Changes
from app.core.errors import AppError, NotFoundError, ValidationError
from app.core.i18n import translate
from app.core.storage.database import Database
from app.core.storage.models import (
    ClientRow,
    LeadVisitRow,
    VisitImportRejectRow,
    VisitImportRow,
    VisitMappingRow,
    VisitRow,
    VisitSettingsRow,
)
from app.core.visits.mapping import ColumnMapping
from app.core.visits.model import RejectedRow, RejectKind
from app.core.visits.options import parse_zone
from app.core.visits.pool import DEFAULT_HOLD_MINUTES, TARGET_UTILISATION, recommended_pool_size
from app.core.visits.rows import DETAIL_FIELDS, unpack_details

if TYPE_CHECKING:
    from app.core.snippet import SnippetSettings
    from app.core.workspace import Workspace

MAX_HOLD_MINUTES = 30 * 24 * 60


@dataclass(frozen=True)
class VisitSettings:
    """A client's dynamic-tracking settings."""

    site_timezone: str = ""
    """IANA zone of the analytics counter; empty: not set (Metrica imports ask for it)."""
    hold_minutes: int = DEFAULT_HOLD_MINUTES
    pool: tuple[str, ...] = ()
    """The fixed pool in index order, lower case."""
    snippet: tuple[tuple[str, Any], ...] = ()
    """The website snippet's options (see :mod:`app.core.snippet`), as sorted pairs."""

    def snippet_options(self) -> dict[str, Any]:
        return dict(self.snippet)


@dataclass(frozen=True)
class ImportRecord:
    """One entry of a client's import history."""

    id: int
    file_name: str
    file_path: str
    file_size: int
    format: str
    encoding: str
    delimiter: str
    site_timezone: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    message: str
    rows_read: int
    imported: int
    updated: int
    rejected: int
    bots: int
    first_visit_at: datetime | None
    last_visit_at: datetime | None
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class StoredVisit:
    """A stored visit as the Leads view and the visits list show it."""

    id: int
    source_format: str
    counter_id: str | None
    analytics_visit_id: str
    started_at: datetime
    token: str | None
    pool_index: int | None
    shown_address: str | None
    traffic_source: str | None
    source: str | None
    medium: str | None
    campaign: str | None
    keyword: str | None
    content: str | None
    referrer: str | None
    landing_page: str | None
    country: str | None
    city: str | None
    device: str | None
    os: str | None
    browser: str | None
    screen: str | None
    duration_s: int | None
    page_views: int | None
    is_new_visitor: bool | None
    metrica_client_id: str | None
    ga_user_pseudo_id: str | None
    gclid: str | None
    matomo_visitor_id: str | None
    contact_action: str | None
    contact_page: str | None


@dataclass(frozen=True)
class VisitMatch:
    """How a dynamic-tracking lead was joined to a visit (``visit`` None while waiting)."""

    lead_id: int
    kind: str
    """``token`` or ``pool``."""
    status: str
    """``matched``, ``waiting`` (its visit is not imported yet) or ``none``."""
    confidence: float
    candidates: int
    """Visits shown the same pool address within the hold time (more than 1: a collision)."""
    visit: StoredVisit | None


@dataclass(frozen=True)
class PoolHealth:
    """Whether a client's fixed pool is big enough for its traffic."""

    visits: int
    pool_size: int
    peak_per_minute: float
    """Visit starts in the busiest minutes (99th percentile of minutes with visits)."""
    mean_visit_minutes: float
    peak_concurrent: int
    """Visitors holding an address at the peak: peak starts x (visit + hold) (Little's law)."""
    hold_minutes: int
    recommended: int
    pool_leads: int
    collisions: int
    waiting: int

    @property
    def collision_rate(self) -> float | None:
        """Share of pool leads whose address was shown to several visits; None without leads."""
        return self.collisions / self.pool_leads if self.pool_leads else None

    @property
    def too_small(self) -> bool:
        return self.pool_size > 0 and self.pool_size < self.recommended

    def warning(self) -> str:
        """The warning the client page shows, or "" when the pool is fine or unused."""
        if not self.too_small:
            return ""
        return translate(
            "visits",
            "The fixed pool has {size} addresses but the traffic needs about {needed}: "
            "emails will be matched to the wrong visit. Add addresses or switch to per-visit "
            "tokens.",
        ).format(size=self.pool_size, needed=self.recommended)


def _record(row: VisitImportRow) -> ImportRecord:
    return ImportRecord(
        id=row.id,
        file_name=row.file_name,
        file_path=row.file_path,
        file_size=row.file_size,
        format=row.format,
        encoding=row.encoding,
        delimiter=row.delimiter,
        site_timezone=row.site_timezone,
        started_at=row.started_at,
        finished_at=row.finished_at,
        status=row.status,
        message=row.message,
        rows_read=row.rows_read,
        imported=row.imported,
        updated=row.updated,
        rejected=row.rejected,
        bots=row.bots,
        first_visit_at=row.first_visit_at,
        last_visit_at=row.last_visit_at,
        warnings=tuple(row.warnings or ()),
    )


_VISIT_FIELDS = [name for name in StoredVisit.__dataclass_fields__ if name not in DETAIL_FIELDS]


def _visit(row: VisitRow) -> StoredVisit:
    return StoredVisit(
        **{name: getattr(row, name) for name in _VISIT_FIELDS}, **unpack_details(row.details)
    )


class VisitService:
    """Reads and small writes around a client's visits (the import is a separate job)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- settings -------------------------------------------------------------------------
    def settings(self, client_id: int) -> VisitSettings:
        with self._db.session() as s:
            row = s.get(VisitSettingsRow, client_id)
            if row is None:
                return VisitSettings()
            return VisitSettings(
                site_timezone=row.site_timezone,
                hold_minutes=row.hold_minutes,
                pool=tuple(row.pool or ()),
                snippet=tuple(sorted((row.snippet or {}).items())),
            )

    def save_settings(self, client_id: int, settings: VisitSettings) -> Changes:
        """Store the settings; raises ValidationError for an unknown zone or a bad hold time."""
        if settings.site_timezone:
            parse_zone(settings.site_timezone)
        if not 1 <= settings.hold_minutes <= MAX_HOLD_MINUTES:
            raise ValidationError(
                translate("visits", "The hold time must be between 1 minute and 30 days"),
                field="hold_minutes",
            )
        pool = [a.strip().lower() for a in settings.pool if a.strip()]
        if len(set(pool)) != len(pool):
            raise ValidationError(
                translate("visits", "The pool lists an address twice"), field="pool"
            )
        with self._db.session() as s:
            self._client(s, client_id)
            row = s.get(VisitSettingsRow, client_id)
            if row is None:
                row = VisitSettingsRow(client_id=client_id)
                s.add(row)
            row.site_timezone = settings.site_timezone
            row.hold_minutes = settings.hold_minutes
            row.pool = pool
            row.snippet = dict(settings.snippet)
        return Changes(visit_clients=frozenset({client_id}))

    # --- column mappings ------------------------------------------------------------------
    def mappings(self, client_id: int) -> list[ColumnMapping]:
        stmt = (
            select(VisitMappingRow)
            .where(VisitMappingRow.client_id == client_id)
            .order_by(VisitMappingRow.name)
        )
        import json

        with self._db.session() as s:
            return [ColumnMapping.from_json(json.dumps(r.mapping)) for r in s.scalars(stmt)]

    def mapping(self, client_id: int, name: str) -> ColumnMapping:
        for mapping in self.mappings(client_id):
            if mapping.name == name:
                return mapping
        raise NotFoundError(
            translate("visits", "No saved column mapping named “{name}”").format(name=name)
        )

    def save_mapping(self, client_id: int, mapping: ColumnMapping) -> Changes:
        """Save (or replace) a named mapping for the client."""
        import json

        mapping.check_fields()
        if not mapping.name.strip():
            raise ValidationError(translate("visits", "Name the column mapping"), field="name")
        with self._db.session() as s:
            self._client(s, client_id)
            row = s.scalar(
                select(VisitMappingRow).where(
                    VisitMappingRow.client_id == client_id,
                    VisitMappingRow.name == mapping.name.strip(),
                )
            )
            if row is None:
                row = VisitMappingRow(client_id=client_id, name=mapping.name.strip())
                s.add(row)
            row.mapping = json.loads(mapping.to_json())
        return Changes(visit_clients=frozenset({client_id}))

    # --- history --------------------------------------------------------------------------
    def history(self, client_id: int) -> list[ImportRecord]:
        stmt = (
            select(VisitImportRow)
            .where(VisitImportRow.client_id == client_id)
            .order_by(VisitImportRow.started_at.desc(), VisitImportRow.id.desc())
        )
        with self._db.session() as s:
            return [_record(r) for r in s.scalars(stmt)]

    def rejects(self, import_id: int, *, limit: int = 10_000) -> list[RejectedRow]:
        stmt = (
            select(VisitImportRejectRow)
            .where(VisitImportRejectRow.import_id == import_id)
            # Broken rows before robots (skipped on purpose), each in file order.
            .order_by(VisitImportRejectRow.kind, VisitImportRejectRow.line, VisitImportRejectRow.id)
            .limit(limit)
        )
        with self._db.session() as s:
            return [
                RejectedRow(r.line, r.reason, RejectKind(r.kind), r.excerpt)
                for r in s.scalars(stmt)
            ]

    def export_rejects(self, import_id: int, path: Path) -> int:
        """Write an import's rejected rows to a CSV (UTF-8 with BOM, for Excel); returns rows."""
        rows = self.rejects(import_id, limit=10**9)
        try:
            with Path(path).open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(
                    [
                        translate("visits", "Line"),
                        translate("visits", "Kind"),
                        translate("visits", "Reason"),
                        translate("visits", "Row"),
                    ]
                )
                for r in rows:
                    writer.writerow([r.line, r.kind.value, r.reason, r.excerpt])
        except OSError as exc:
            raise AppError(
                translate("visits", "Cannot write {file}: {reason}").format(
                    file=path, reason=exc.strerror or exc
                )
            ) from exc
        return len(rows)

    def clear_history(self, client_id: int) -> Changes:
        with self._db.session() as s:
            s.execute(delete(VisitImportRow).where(VisitImportRow.client_id == client_id))
        return Changes(visit_clients=frozenset({client_id}))

    # --- visits ---------------------------------------------------------------------------
    def count(self, client_id: int) -> int:
        with self._db.session() as s:
            return int(
                s.scalar(select(func.count(VisitRow.id)).where(VisitRow.client_id == client_id))
                or 0
            )

    def recent(self, client_id: int, limit: int = 200) -> list[StoredVisit]:
        """The latest visits (by start) for a quick look."""
        stmt = (
            select(VisitRow)
            .where(VisitRow.client_id == client_id)
            .order_by(VisitRow.id.desc())
            .limit(limit)
        )
        with self._db.session() as s:
            return sorted(
                (_visit(r) for r in s.scalars(stmt)), key=lambda v: v.started_at, reverse=True
            )

    def visit_for_lead(self, lead_id: int) -> VisitMatch | None:
        """The visit a dynamic-tracking lead was joined to; None for other leads."""
        with self._db.session() as s:
            link = s.get(LeadVisitRow, lead_id)
            if link is None:
                return None
            visit = s.get(VisitRow, link.visit_id) if link.visit_id is not None else None
            return VisitMatch(
                lead_id=lead_id,
                kind=link.kind,
                status=link.status,
                confidence=float(link.confidence),
                candidates=int(link.candidates),
                visit=_visit(visit) if visit is not None else None,
            )

    def pool_health(self, client_id: int) -> PoolHealth:
        """Peak traffic, the pool size it needs, and collisions among pool leads."""
        settings = self.settings(client_id)
        with self._db.session() as s:
            sqlite = self._db.is_sqlite
            minute = (
                func.substr(VisitRow.started_at, 1, 16)
                if sqlite
                else func.date_trunc("minute", VisitRow.started_at)
            )
            per_minute = (
                select(func.count().label("n"))
                .where(VisitRow.client_id == client_id)
                .group_by(minute)
                .subquery()
            )
            counts = sorted(int(n) for n in s.scalars(select(per_minute.c.n)))
            duration = s.scalar(
                select(func.avg(VisitRow.duration_s)).where(VisitRow.client_id == client_id)
            )
            links = s.execute(
                select(
                    func.count(),
                    func.count().filter(LeadVisitRow.candidates > 1),
                    func.count().filter(LeadVisitRow.status == "waiting"),
                ).where(LeadVisitRow.client_id == client_id, LeadVisitRow.kind == "pool")
            ).one()
        visits = sum(counts)
        peak = 0.0
        if counts:
            index = min(len(counts) - 1, max(0, math.ceil(0.99 * len(counts)) - 1))
            peak = float(counts[index])
        visit_minutes = float(duration or 0) / 60
        hold = settings.hold_minutes
        return PoolHealth(
            visits=visits,
            pool_size=len(settings.pool),
            peak_per_minute=peak,
            mean_visit_minutes=visit_minutes,
            peak_concurrent=math.ceil(round(peak * (visit_minutes + hold), 6)),
            hold_minutes=hold,
            recommended=recommended_pool_size(peak, visit_minutes, hold, TARGET_UTILISATION),
            pool_leads=int(links[0]),
            collisions=int(links[1]),
            waiting=int(links[2]),
        )

    @staticmethod
    def _client(s: Any, client_id: int) -> None:
        if s.get(ClientRow, client_id) is None:
            raise NotFoundError(
                translate("clients", "Client #{id} does not exist (any more).").format(id=client_id)
            )


def visit_for_lead(ws: Workspace, lead_id: int) -> VisitMatch | None:
    """The visit a lead was joined to (for the Leads view), or None for other leads."""
    return ws.visits.visit_for_lead(lead_id)


SNIPPET_OPTIONS = (
    "mode",
    "selector",
    "storage_days",
    "metrica_counter_id",
    "ga4",
    "ga4_measurement_id",
    "matomo",
    "matomo_dimension_id",
)
"""Keys of :attr:`VisitSettings.snippet`; ``mode`` is ``token`` (default) or ``pool``."""


def snippet_settings(ws: Workspace, client_id: int) -> SnippetSettings:
    """The website snippet's settings for a client: its main address, token style, pool and the
    snippet options saved in its visit settings."""
    from app.core.addresses.styles import TokenMode
    from app.core.snippet import AddressStyle, SnippetSettings

    client = ws.clients.get(client_id)
    addresses = ws.addresses.settings(client_id)
    visits = ws.visits.settings(client_id)
    options = visits.snippet_options()
    if options.get("mode") == "pool":
        style = AddressStyle.POOL
    elif addresses.token_mode is TokenMode.SUBDOMAIN:
        style = AddressStyle.SUBDOMAIN
    else:
        style = AddressStyle.PLUS
    counter = options.get("metrica_counter_id")
    dimension = options.get("matomo_dimension_id")
    return SnippetSettings(
        base_addresses=(client.main_address,) if client.main_address else (),
        style=style,
        token_domain=addresses.token_domain,
        pool=visits.pool,
        selector=str(options.get("selector", "")),
        storage_days=int(options.get("storage_days", 90)),
        token_length=addresses.token_length,
        metrica_counter_id=int(counter) if counter else None,
        ga4=bool(options.get("ga4", False)),
        ga4_measurement_id=str(options.get("ga4_measurement_id", "")),
        matomo=bool(options.get("matomo", False)),
        matomo_dimension_id=int(dimension) if dimension else None,
    )
