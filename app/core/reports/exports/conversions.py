"""Offline-conversion upload files, so a client's ad systems learn which visits wrote.

Every lead whose matched visit carries the ad system's id becomes one conversion at the time
the email arrived; a lead with a deal carries its amount as the value.

- **Yandex Metrica** (upload in Metrica: Goals / offline conversions, link type ClientID), per
  https://yandex.ru/dev/metrika/en/management/offline-conv and
  https://yandex.ru/support/metrica/en/data/offline-conversion-data : a UTF-8 CSV whose first
  line names the columns; ``ClientID`` (the visitor id), ``Target`` (the goal id of a
  "JavaScript event" goal), ``DateTime`` (Unix time stamp, seconds, only past times), ``Price``
  (revenue) and ``Currency`` (ISO 4217, three letters).
- **Google Ads** click conversions (Goals / Conversions / Uploads), per
  https://support.google.com/google-ads/answer/7014069 : a ``Parameters:TimeZone=<zone id>``
  line, then the header row beginning with ``Google Click ID`` (which must not be removed), then
  ``Conversion Name``, ``Conversion Time`` (``yyyy-mm-dd hh:mm:ss`` in that zone),
  ``Conversion Value`` and ``Conversion Currency`` (ISO 4217).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, select

from app.core.jobs import CancelToken, ProgressFn, no_progress
from app.core.leads.model import LeadStatus
from app.core.money import from_minor
from app.core.reports.exports.tables import atomic_output
from app.core.reports.model import Period
from app.core.storage.database import Database
from app.core.storage.models import ClientRow, LeadRow, LeadVisitRow, VisitRow

DEFAULT_GOAL = "email_lead"
BATCH = 5000


class ConversionKind(StrEnum):
    """Which ad system the upload file is for."""

    METRICA = "metrica"
    GOOGLE_ADS = "google-ads"


@dataclass(frozen=True)
class ConversionExport:
    """What an upload file holds."""

    path: Path
    conversions: int
    with_value: int


def write_conversions(
    db: Database,
    client_id: int,
    kind: ConversionKind,
    path: Path,
    *,
    goal: str = DEFAULT_GOAL,
    period: Period | None = None,
    tz: str = "Europe/Moscow",
    deals_only: bool = False,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> ConversionExport:
    """Write the upload file for ``kind``; leads without the id are left out."""
    token = token or CancelToken()
    id_column: Any = (
        VisitRow.metrica_client_id if kind is ConversionKind.METRICA else VisitRow.gclid
    )
    with db.session() as s:
        currency = str(s.scalar(select(ClientRow.currency).where(ClientRow.id == client_id)))
    conditions: list[Any] = [
        LeadRow.client_id == client_id,
        LeadRow.filtered_reason.is_(None),
        id_column.is_not(None),
        id_column != "",
    ]
    if period is not None:
        conditions += [LeadRow.received_at >= period.since, LeadRow.received_at < period.until]
    if deals_only:
        conditions.append(LeadRow.status == str(LeadStatus.DEAL))
    zone = ZoneInfo(tz)
    count = valued = 0
    last_id = 0
    with atomic_output(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if kind is ConversionKind.METRICA:
            writer.writerow(["ClientID", "Target", "DateTime", "Price", "Currency"])
        else:
            handle.write(f"Parameters:TimeZone={tz}\n")
            writer.writerow(
                [
                    "Google Click ID",
                    "Conversion Name",
                    "Conversion Time",
                    "Conversion Value",
                    "Conversion Currency",
                ]
            )
        while True:
            token.raise_if_cancelled()
            stmt = (
                select(
                    LeadRow.id,
                    id_column,
                    LeadRow.received_at,
                    LeadRow.status,
                    LeadRow.deal_amount_minor,
                )
                .join(
                    LeadVisitRow,
                    and_(LeadVisitRow.lead_id == LeadRow.id, LeadVisitRow.status == "matched"),
                )
                .join(VisitRow, VisitRow.id == LeadVisitRow.visit_id)
                .where(*conditions, LeadRow.id > last_id)
                .order_by(LeadRow.id)
                .limit(BATCH)
            )
            with db.session() as s:
                rows = s.execute(stmt).all()
            if not rows:
                break
            for lead_id, ident, received, status, minor in rows:
                value = ""
                if status == LeadStatus.DEAL and minor is not None:
                    value = str(from_minor(int(minor), currency))
                    valued += 1
                writer.writerow(
                    _row(
                        kind,
                        str(ident),
                        goal=goal,
                        received=received,
                        value=value,
                        currency=currency,
                        zone=zone,
                    )
                )
                count += 1
                last_id = lead_id
            progress(count, 0, "")
    return ConversionExport(path, count, valued)


def _row(
    kind: ConversionKind,
    ident: str,
    *,
    goal: str,
    received: datetime,
    value: str,
    currency: str,
    zone: ZoneInfo,
) -> list[str]:
    if kind is ConversionKind.METRICA:
        return [ident, goal, str(int(received.timestamp())), value, currency if value else ""]
    local = received.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
    return [ident, goal, local, value, currency if value else ""]
