"""A user's column mapping for any other CSV, saved per client as JSON.

The mapping dialog shows the detected header and lets the user say which column holds which visit
field; :func:`suggest_mapping` pre-fills it from common names (``utm_source``, ``Дата``...).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import ValidationError
from app.core.i18n import translate
from app.core.visits.model import STORED_FIELDS
from app.core.visits.options import parse_zone

MAPPABLE_FIELDS = tuple(
    name for name in STORED_FIELDS if name not in ("source_format", "counter_id", "is_new_visitor")
)
"""Visit fields a column can be mapped to, in the order the dialog lists them: the stored
fields except the format, counter id and new-visitor flag, which a plain CSV does not carry."""

REQUIRED_FIELDS = ("started_at",)

TIME_AUTO = "auto"
"""ISO 8601, ``DD.MM.YYYY HH:MM[:SS]``, ``YYYYMMDD[HH[MM]]``, or epoch seconds/milliseconds."""
TIME_EPOCH = "epoch"
TIME_EPOCH_MS = "epoch_ms"

_SUGGEST: dict[str, tuple[str, ...]] = {
    "visit_id": ("visit_id", "visitid", "session_id", "id визита", "визит"),
    "started_at": (
        "started_at",
        "datetime",
        "date_time",
        "timestamp",
        "time",
        "date",
        "дата и время",
        "время",
        "дата",
    ),
    "token": ("token", "tracking_token", "et", "токен"),
    "pool_index": ("pool_index", "ei"),
    "source": ("utm_source", "source", "источник"),
    "medium": ("utm_medium", "medium", "канал"),
    "campaign": ("utm_campaign", "campaign", "кампания"),
    "keyword": ("utm_term", "keyword", "term", "ключевое слово", "ключевая фраза"),
    "content": ("utm_content", "content"),
    "referrer": ("referrer", "referer", "реферер"),
    "landing_page": ("landing_page", "landing", "start_url", "url", "страница входа"),
    "country": ("country", "страна"),
    "city": ("city", "город"),
    "device": ("device", "device_category", "устройство"),
    "os": ("os", "operating_system", "ос"),
    "browser": ("browser", "браузер"),
    "screen": ("screen", "resolution", "разрешение"),
    "gclid": ("gclid",),
    "metrica_client_id": ("clientid", "client_id", "ym_uid"),
    "ga_user_pseudo_id": ("user_pseudo_id", "ga_client_id"),
    "matomo_visitor_id": ("visitorid", "visitor_id"),
}


@dataclass(frozen=True)
class ColumnMapping:
    """Which CSV column (by header name) feeds which visit field, and how to read times."""

    columns: dict[str, str] = field(default_factory=dict)
    """Visit field name (one of :data:`MAPPABLE_FIELDS`) to the header name of its column."""
    time_format: str = TIME_AUTO
    """:data:`TIME_AUTO`, :data:`TIME_EPOCH`, :data:`TIME_EPOCH_MS` or a ``strptime`` pattern."""
    time_zone: str = ""
    """IANA zone the times are written in; empty for the site's time zone. Ignored for epochs."""
    delimiter: str = ""
    """Empty to use the detected delimiter."""
    name: str = ""

    def to_json(self) -> str:
        """Serialise for the per-client settings."""
        return json.dumps(
            {
                "version": 1,
                "name": self.name,
                "columns": self.columns,
                "time_format": self.time_format,
                "time_zone": self.time_zone,
                "delimiter": self.delimiter,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        """Read a saved mapping; a damaged one raises ValidationError."""
        try:
            raw: Any = json.loads(text)
            if not isinstance(raw, dict) or not isinstance(raw.get("columns", {}), dict):
                raise TypeError
            mapping = cls(
                columns={str(k): str(v) for k, v in raw.get("columns", {}).items()},
                time_format=str(raw.get("time_format", TIME_AUTO)),
                time_zone=str(raw.get("time_zone", "")),
                delimiter=str(raw.get("delimiter", "")),
                name=str(raw.get("name", "")),
            )
        except (ValueError, TypeError) as exc:
            raise ValidationError(
                translate("visits", "The saved column mapping is damaged"), field="mapping"
            ) from exc
        mapping.check_fields()
        return mapping

    def check_fields(self) -> None:
        """Raise ValidationError for an unknown field, an unmapped required one or a bad zone."""
        unknown = sorted(set(self.columns) - set(MAPPABLE_FIELDS))
        if unknown:
            raise ValidationError(
                translate("visits", "Unknown visit fields in the mapping: {fields}").format(
                    fields=", ".join(unknown)
                ),
                field="mapping",
            )
        for required in REQUIRED_FIELDS:
            if not self.columns.get(required):
                raise ValidationError(
                    translate("visits", "Choose the column with the visit's date and time"),
                    field=required,
                )
        if self.time_zone:
            parse_zone(self.time_zone)

    def check_header(self, header: list[str]) -> None:
        """Raise ValidationError naming mapped columns the file does not have."""
        self.check_fields()
        names = {h.strip() for h in header}
        missing = sorted({c for c in self.columns.values() if c not in names})
        if missing:
            raise ValidationError(
                translate("visits", "The file has no columns named {columns}").format(
                    columns=", ".join(missing)
                ),
                field="mapping",
            )


def _norm(label: str) -> str:
    return re.sub(r"[\s\-]+", "_", label.strip().lstrip("\ufeff").lower()).replace("ё", "е")


def suggest_mapping(header: list[str]) -> ColumnMapping:
    """A first guess at the mapping from header names, for the dialog to pre-fill."""
    columns: dict[str, str] = {}
    used: set[str] = set()
    normalized = [(_norm(h), h.strip()) for h in header]
    for target, names in _SUGGEST.items():
        wanted = [_norm(n) for n in names]
        for name in wanted:
            hit = next(
                (orig for norm, orig in normalized if norm == name and orig not in used), None
            )
            if hit is not None:
                columns[target] = hit
                used.add(hit)
                break
    return ColumnMapping(columns=columns)
