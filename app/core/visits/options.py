"""How to read an export, and the names the website snippet reports under.

The parameter names are shared with :mod:`app.core.snippet`, which writes them into the script:
what the snippet sends is exactly what the parsers look for.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.errors import ValidationError
from app.core.i18n import translate

TOKEN_PARAM = "et"
"""Visit parameter / event parameter carrying the per-visit token."""
POOL_PARAM = "ei"
"""Visit parameter / event parameter carrying the fixed-pool address index."""
ACTION_PARAM = "ec"
"""``click`` or ``copy`` when the visitor used the shown address."""
PAGE_PARAM = "eu"
"""The page (path) on which the visitor clicked or copied the address."""
GA4_SHOWN_EVENT = "email_shown"
GA4_CONTACT_EVENT = "email_contact"
MATOMO_EVENT_CATEGORY = "email_tracking"
MATOMO_SHOWN_ACTION = "shown"
MATOMO_POOL_PREFIX = "pool-"
"""Matomo has one value slot, so a pool index is reported as ``pool-3`` to tell it from a token."""

DEFAULT_BATCH_SIZE = 10_000


@dataclass(frozen=True)
class ImportOptions:
    """Per-client settings an import needs.

    ``site_timezone`` is the IANA zone the analytics counter reports local times in (Metrica
    ``dateTime``, GA4 UI dates). Formats that carry UTC or epoch times do not need it.
    """

    site_timezone: str | None = None
    matomo_token_dimension: int | None = None
    """Matomo custom dimension id the snippet writes the token into (``dimensionN``)."""
    batch_size: int = DEFAULT_BATCH_SIZE

    def zone(self) -> ZoneInfo | None:
        """The site's time zone, or None when not set."""
        if not self.site_timezone:
            return None
        return parse_zone(self.site_timezone)


def parse_zone(name: str) -> ZoneInfo:
    """Turn an IANA zone name into a ZoneInfo, or raise a ValidationError naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            translate("visits", "Unknown time zone: {zone}").format(zone=name), field="timezone"
        ) from exc
