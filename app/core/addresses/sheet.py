"""Layout data for printed address sheets: every text and the QR matrix, no drawing.

The GUI (``app/ui``) lays the sheet out on A4 or Letter with Qt; this module decides *what* is on
it, so the CLI, the GUI and tests agree. The QR code encodes a ``mailto:`` URI (RFC 6068): the
domain goes in its ASCII (IDNA) form, which every phone's mail app understands, while the big
printed address is the Unicode form people read (``info+tv@client.рф``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

import segno

from app.core.addresses.validation import display_address
from app.core.i18n import translate

QUIET_ZONE = 4
"""Light modules around a QR code that scanners need (ISO/IEC 18004)."""

# RFC 6068 lets these stand unescaped in an addr-spec; "%", "/", "?", "#", "&" and the like are
# percent-encoded so no mail app can mistake them for URI structure.
_MAILTO_SAFE = "!$'*+-.=^_`{|}~"


@dataclass(frozen=True)
class QrMatrix:
    """A QR symbol as rows of dark (True) and light modules, without the quiet zone."""

    rows: tuple[tuple[bool, ...], ...]
    quiet_zone: int = QUIET_ZONE
    """Light modules to leave free on every side when drawing."""

    @property
    def size(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class AddressSheet:
    """Everything printed on one address sheet."""

    agency: str
    client: str
    channel: str
    placement_notes: str
    address: str
    """The address in Unicode, for the big type."""
    address_ascii: str
    """The stored form (IDNA domain), shown small under the big one when it differs."""
    mailto: str
    valid_from: date
    instruction: str
    qr: QrMatrix


def mailto_uri(address: str) -> str:
    """The ``mailto:`` URI of a stored address: ``mailto:info+tv@client.xn--p1ai``."""
    local, _, domain = address.rpartition("@")
    return f"mailto:{quote(local, safe=_MAILTO_SAFE)}@{domain.lower()}"


def qr_matrix(text: str) -> QrMatrix:
    """The QR code of ``text``: error correction at least M (segno raises it when the symbol has
    room), never a Micro QR code, which many phone cameras cannot read."""
    code = segno.make(text, error="m", micro=False)
    rows = tuple(tuple(bool(module) for module in row) for row in code.matrix)
    return QrMatrix(rows)


def instruction_text() -> str:
    """The line for whoever places the ad."""
    return translate(
        "addresses",
        "Publish exactly this address, character for character. Do not shorten it, do not "
        "replace it with another address of the company, and do not add a link to another "
        "address. Emails to it are how the client knows this advertisement worked.",
    )


def build_sheet(
    *,
    agency: str,
    client: str,
    channel: str,
    placement_notes: str,
    address: str,
    valid_from: date,
) -> AddressSheet:
    """Assemble one sheet for the stored ``address``."""
    uri = mailto_uri(address)
    return AddressSheet(
        agency=agency,
        client=client,
        channel=channel,
        placement_notes=placement_notes,
        address=display_address(address),
        address_ascii=address,
        mailto=uri,
        valid_from=valid_from,
        instruction=instruction_text(),
        qr=qr_matrix(uri),
    )
