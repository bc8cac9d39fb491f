"""The matching rule: which tracking address (or token) a recipient of an email stands for.

Mail sync builds one :class:`AddressBook` per client and mailbox run, then calls
:meth:`AddressBook.match` for every recipient it extracted (Delivered-To, X-Original-To, To, ...).
Building the book indexes the client's addresses once in dictionaries, so each match is a few
string operations and O(1) look-ups however many addresses the client has: a mailbox of a
hundred thousand messages is matched in well under a second.

The rule, in order:

1. the whole address, case-folded, is a tracking address -> ``TRACKING`` (retired ones too: mail
   still arriving at an old billboard's address belongs to that billboard);
2. it is the main address itself -> ``MAIN`` (reached the client, but no channel);
3. on the token subdomain (``k7x2m@in.client.ru``) -> ``TOKEN`` when the local part reads as a
   token, else ``UNKNOWN_TAG``;
4. split at the first configured delimiter (as mail servers do): on the main mailbox, a known
   tag's address -> ``TRACKING``, a token (plus tokens on) -> ``TOKEN``, anything else ->
   ``UNKNOWN_TAG``; on an alias or custom address (``tv1+x@``, which the server delivers to
   ``tv1@``) -> ``TRACKING`` of that address;
5. otherwise ``NONE``: not an address of this client's tracking.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import idna

from app.core.addresses.styles import AddressSettings, TokenMode
from app.core.addresses.tokens import read_token


class MatchKind(StrEnum):
    """What a recipient turned out to be."""

    TRACKING = "tracking"
    TOKEN = "token"
    MAIN = "main"
    """The client's main address itself: untracked."""
    UNKNOWN_TAG = "unknown_tag"
    """The main mailbox (or token subdomain) with a tag or token we do not know."""
    NONE = "none"


# Which kind wins when one email has several recipients (see ``match_first``).
_RANK: dict[MatchKind, int] = {
    MatchKind.TRACKING: 3,
    MatchKind.TOKEN: 3,
    MatchKind.UNKNOWN_TAG: 2,
    MatchKind.MAIN: 1,
    MatchKind.NONE: 0,
}


@dataclass(frozen=True)
class BookEntry:
    """One tracking address as the matching rule needs it."""

    address_id: int
    address: str
    """Stored form: local part as written, domain in IDNA."""
    channel_id: int | None
    active: bool = True


@dataclass(frozen=True)
class Match:
    """The result of matching one recipient."""

    kind: MatchKind
    recipient: str
    """The recipient as compared: lower case, domain in IDNA ("" when it was not an address)."""
    entry: BookEntry | None = None
    token: str = ""
    """The token in canonical form (``TOKEN`` only)."""
    tag: str = ""
    """The unrecognised tag or token (``UNKNOWN_TAG`` only)."""

    @property
    def address_id(self) -> int | None:
        return self.entry.address_id if self.entry else None

    @property
    def channel_id(self) -> int | None:
        return self.entry.channel_id if self.entry else None

    @property
    def tracked(self) -> bool:
        """True when the recipient tells the channel or the visit."""
        return self.kind in (MatchKind.TRACKING, MatchKind.TOKEN)


@lru_cache(maxsize=4096)
def _ascii_domain(domain: str) -> str | None:
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        return None


def normalize_recipient(recipient: str) -> tuple[str, str] | None:
    """``(local, domain)`` folded for comparison, or None when it is not an address.

    Case: the domain is case-insensitive by DNS rules. The local part is case-sensitive in
    theory (RFC 5321 2.4) but no mail service our clients use treats it so (Gmail, Yandex,
    Mail.ru, Microsoft 365, Postfix and Exim defaults all fold it), and senders do change case:
    phones capitalise the first letter, people retype ``INFO+TV@`` from a poster. Our own
    addresses are unique case-insensitively (``address_key``), so folding never merges two
    tracking addresses; it only stops a capital letter from losing a lead.
    """
    text = recipient.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        return None
    if len(local) >= 2 and local[0] == '"' and local[-1] == '"':
        local = local[1:-1]
    domain = domain.rstrip(".").lower()
    if not domain.isascii():
        # ``info@client.рф`` and ``info@client.xn--p1ai`` are the same address.
        converted = _ascii_domain(domain)
        if converted is None:
            return None
        domain = converted
    return local.lower(), domain


_MATCH_CACHE = 4096
"""Recipients whose match an address book remembers (it starts over when full)."""


class AddressBook:
    """One client's tracking addresses, indexed for matching many recipients quickly."""

    def __init__(
        self,
        entries: Iterable[BookEntry],
        *,
        main_address: str = "",
        settings: AddressSettings | None = None,
    ) -> None:
        self.settings = settings or AddressSettings()
        self._delimiter = self.settings.plus_delimiter
        self._exact: dict[str, BookEntry] = {}
        for entry in entries:
            folded = normalize_recipient(entry.address)
            if folded is not None:
                self._exact[f"{folded[0]}@{folded[1]}"] = entry
        main = normalize_recipient(main_address) if main_address else None
        self._main_key = f"{main[0]}@{main[1]}" if main else ""
        self._token_domain = (
            self.settings.token_domain.lower()
            if self.settings.token_mode is TokenMode.SUBDOMAIN
            else ""
        )
        self._plus_tokens = self.settings.token_mode is TokenMode.PLUS
        self._matched: dict[str, Match] = {}

    def __len__(self) -> int:
        return len(self._exact)

    def match(self, recipient: str) -> Match:
        """Match one recipient address (see the module doc for the rule)."""
        # The same few recipients (the client's addresses) come in email after email.
        known = self._matched.get(recipient)
        if known is not None:
            return known
        found = self._match(recipient)
        if len(self._matched) >= _MATCH_CACHE:
            self._matched.clear()
        self._matched[recipient] = found
        return found

    def _match(self, recipient: str) -> Match:
        folded = normalize_recipient(recipient)
        if folded is None:
            return Match(MatchKind.NONE, "")
        local, domain = folded
        key = f"{local}@{domain}"
        entry = self._exact.get(key)
        if entry is not None:
            return Match(MatchKind.TRACKING, key, entry)
        if key == self._main_key:
            return Match(MatchKind.MAIN, key)
        if domain == self._token_domain:
            token = read_token(local, self.settings.token_length)
            if token is not None:
                return Match(MatchKind.TOKEN, key, token=token)
            return Match(MatchKind.UNKNOWN_TAG, key, tag=local)
        base, sep, rest = local.partition(self._delimiter)
        if not (sep and base and rest):
            return Match(MatchKind.NONE, key)
        base_key = f"{base}@{domain}"
        if base_key == self._main_key:
            # ``info+tv+anything``: the server delivers it with the tag "tv+anything"; the
            # longest known tag it starts with is the one the sender was given (with "-" as the
            # delimiter a tag may itself hold "-": ``info-bill-board-x``).
            cut = rest.rfind(self._delimiter)
            while cut > 0:
                entry = self._exact.get(f"{base}{self._delimiter}{rest[:cut]}@{domain}")
                if entry is not None:
                    return Match(MatchKind.TRACKING, key, entry)
                cut = rest.rfind(self._delimiter, 0, cut)
            if self._plus_tokens:
                token = read_token(rest, self.settings.token_length)
                if token is not None:
                    return Match(MatchKind.TOKEN, key, token=token)
            return Match(MatchKind.UNKNOWN_TAG, key, tag=rest)
        entry = self._exact.get(base_key)
        if entry is not None:
            return Match(MatchKind.TRACKING, key, entry)
        return Match(MatchKind.NONE, key)

    def match_first(self, recipients: Iterable[str]) -> Match:
        """The most telling match among one email's recipients, in the order given.

        A tracking address or token wins over an unknown tag, which wins over the bare main
        address; among equals the first recipient wins, so callers pass Delivered-To and
        X-Original-To before To and Cc.
        """
        best = Match(MatchKind.NONE, "")
        best_rank = 0
        for recipient in recipients:
            found = self.match(recipient)
            rank = _RANK[found.kind]
            if rank > best_rank:
                best, best_rank = found, rank
                if found.tracked:
                    break
        return best
