"""Who a message was delivered to: the candidates for its tracking address, in order of trust.

The envelope headers a server adds on delivery (Delivered-To, X-Original-To, Envelope-To) name the
address the mail really went to, even for Bcc and for mailing-list or alias expansion; To and Cc
are what the sender wrote; ``Received: ... for <addr>`` is the last resort. The first candidate that
is a tracking address decides the channel, so the order matters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from app.core.mail.headers import HeaderFields, addresses_of, normalize_address

_RECEIVED_FOR = re.compile(r"\bfor\s+<?([^\s<>;,()\"]+@[^\s<>;,()\"]+?)>?(?=[\s;,()]|$)", re.I)


class RecipientSource(StrEnum):
    """The header a recipient address was found in."""

    DELIVERED_TO = "delivered-to"
    X_ORIGINAL_TO = "x-original-to"
    ENVELOPE_TO = "envelope-to"
    TO = "to"
    CC = "cc"
    RECEIVED = "received"


# The order candidates are tried in (most trustworthy first).
RECIPIENT_ORDER: tuple[RecipientSource, ...] = tuple(RecipientSource)
# The address lists and their header names; Received is read for "for <addr>" instead.
_ADDRESS_SOURCES = tuple((source, source.value) for source in RECIPIENT_ORDER[:-1])
assert RECIPIENT_ORDER[-1] is RecipientSource.RECEIVED


@dataclass(frozen=True)
class Recipient:
    """One normalised address and every header it appeared in (first: where it was found)."""

    address: str
    sources: tuple[RecipientSource, ...]

    @property
    def source(self) -> RecipientSource:
        return self.sources[0]


def extract_recipients(headers: HeaderFields) -> tuple[tuple[Recipient, ...], list[str]]:
    """Candidates in the order Delivered-To, X-Original-To, Envelope-To, To, Cc, Received.

    Returns the recipients (deduplicated, keeping all sources) and pieces that were not
    addresses.
    """
    # Keyed case-insensitively: servers treat Info@ and info@ as one mailbox in practice.
    found: dict[str, tuple[str, list[RecipientSource]]] = {}
    bad: list[str] = []
    for source, name in _ADDRESS_SOURCES:
        for value in headers.text_all(name):
            addresses, rejected = addresses_of(value)
            for item in addresses:
                address = item.address
                sources = found.setdefault(address.lower(), (address, []))[1]
                if source not in sources:
                    sources.append(source)
            bad.extend(rejected)
    for value in headers.text_all("received"):
        for match in _RECEIVED_FOR.finditer(value):
            received_for = normalize_address(match.group(1))
            if received_for is not None:
                sources = found.setdefault(received_for.lower(), (received_for, []))[1]
                if RecipientSource.RECEIVED not in sources:
                    sources.append(RecipientSource.RECEIVED)
    return tuple([_recipient(addr, tuple(srcs)) for addr, srcs in found.values()]), bad


@lru_cache(maxsize=4096)  # the client's few tracking addresses, found in the same headers
def _recipient(address: str, sources: tuple[RecipientSource, ...]) -> Recipient:
    return Recipient(address, sources)
