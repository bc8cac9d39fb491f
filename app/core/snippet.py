"""The website snippet for dynamic tracking, rendered for one client's settings.

The readable script is ``resources/snippet/mailsource.js``; :func:`render_script` fills in the
client's settings (analytics ids, address style, selector, storage days) and minifies it with
:func:`minify_js`, a small minifier for the plain ES5 subset the script is written in, so no npm is
needed at run time. :func:`installation_steps` is the text the snippet page shows beside the code.
The parameter names the script reports under come from :mod:`app.core.visits.options`, which is
what the visit parsers look for.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.core.addresses.tokens import ALPHABET as ADDRESS_TOKEN_ALPHABET
from app.core.errors import ValidationError
from app.core.i18n import translate
from app.core.visits.options import (
    ACTION_PARAM,
    GA4_CONTACT_EVENT,
    GA4_SHOWN_EVENT,
    PAGE_PARAM,
    POOL_PARAM,
    TOKEN_PARAM,
)

TOKEN_ALPHABET = ADDRESS_TOKEN_ALPHABET
"""Crockford base32 (no i, l, o, u), the alphabet the mail side reads tokens in
(:mod:`app.core.addresses.tokens`), so every token the script draws is read back unchanged."""
MIN_TOKEN_LENGTH = 6
MAX_TOKEN_LENGTH = 32
STORAGE_KEY = "ms_et"
CONFIG_PLACEHOLDER = "/*@config*/{}"

_TOKEN_RE = re.compile(f"^[{TOKEN_ALPHABET}]{{{MIN_TOKEN_LENGTH},{MAX_TOKEN_LENGTH}}}$")
_ADDRESS_RE = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_DOMAIN_RE = re.compile(r"^[^@\s<>\"'/]+\.[^@\s<>\"'/]+$")


class AddressStyle(StrEnum):
    """How the shown address is built."""

    PLUS = "plus"
    """``local+token@domain`` (plus addressing)."""
    SUBDOMAIN = "subdomain"
    """``token@in.client.ru`` (a catch-all sub-domain)."""
    POOL = "pool"
    """An address picked from a fixed pool of real aliases."""


@dataclass(frozen=True)
class SnippetSettings:
    """What the snippet needs to know about a client."""

    base_addresses: tuple[str, ...]
    """The address(es) in the site's HTML that the script replaces (the client's main address)."""
    style: AddressStyle = AddressStyle.PLUS
    local_part: str = ""
    """For plus addressing; defaults to the first base address's local part."""
    domain: str = ""
    """For plus addressing; defaults to the first base address's domain."""
    token_domain: str = ""
    """The catch-all sub-domain for :attr:`AddressStyle.SUBDOMAIN`, e.g. ``in.client.ru``."""
    pool: tuple[str, ...] = ()
    """The fixed pool, in index order (the index is what analytics receives)."""
    selector: str = ""
    """CSS selector of the elements whose text shows the address; empty for the whole page."""
    storage_days: int = 90
    token_length: int = 8
    metrica_counter_id: int | None = None
    ga4: bool = False
    ga4_measurement_id: str = ""
    """Optional ``G-XXXX`` to address the event to one stream (``send_to``)."""
    matomo: bool = False
    matomo_dimension_id: int | None = None
    skip_bots: bool = True
    """Leave headless browsers and declared robots on the main address."""

    def check(self) -> None:
        """Raise ValidationError naming the first setting that cannot work."""
        if not self.base_addresses:
            raise ValidationError(
                translate("visits", "Enter the site's main e-mail address"), field="base_addresses"
            )
        for address in (*self.base_addresses, *self.pool):
            if not _ADDRESS_RE.match(address):
                raise ValidationError(
                    translate("visits", "Not an e-mail address: {value}").format(value=address),
                    field="base_addresses",
                )
        if not MIN_TOKEN_LENGTH <= self.token_length <= MAX_TOKEN_LENGTH:
            raise ValidationError(
                translate("visits", "Tokens must be 6 to 32 characters long"), field="token_length"
            )
        if not 1 <= self.storage_days <= 730:
            raise ValidationError(
                translate("visits", "Keep tokens for 1 to 730 days"), field="storage_days"
            )
        if self.style is AddressStyle.POOL and not self.pool:
            raise ValidationError(translate("visits", "The fixed pool is empty"), field="pool")
        if self.style is AddressStyle.SUBDOMAIN and not _DOMAIN_RE.match(self.token_domain):
            raise ValidationError(
                translate("visits", "Enter the catch-all sub-domain for tokens"),
                field="token_domain",
            )
        if self.metrica_counter_id is not None and self.metrica_counter_id <= 0:
            raise ValidationError(
                translate("visits", "The Metrica counter id must be a positive number"),
                field="metrica",
            )
        if self.matomo and self.matomo_dimension_id is not None and self.matomo_dimension_id <= 0:
            raise ValidationError(
                translate("visits", "The Matomo dimension id must be a positive number"),
                field="matomo",
            )
        if self.ga4_measurement_id and not re.fullmatch(r"G-[A-Z0-9]+", self.ga4_measurement_id):
            raise ValidationError(
                translate("visits", "Not a GA4 measurement id: {value}").format(
                    value=self.ga4_measurement_id
                ),
                field="ga4",
            )
        if "</" in self.selector or "<!--" in self.selector:
            raise ValidationError(
                translate("visits", "The CSS selector may not contain markup"), field="selector"
            )

    def example_address(self, token: str = "k7x2m9ab") -> str:
        """What a visitor would see, for the settings page."""
        if self.style is AddressStyle.POOL:
            return self.pool[0] if self.pool else ""
        if self.style is AddressStyle.SUBDOMAIN:
            return f"{token}@{self.token_domain}"
        local, domain = self._plus_parts()
        return f"{local}+{token}@{domain}"

    def _plus_parts(self) -> tuple[str, str]:
        first = self.base_addresses[0] if self.base_addresses else "@"
        base_local, _, base_domain = first.rpartition("@")
        return self.local_part or base_local, (self.domain or base_domain).lower()

    def script_config(self) -> dict[str, object]:
        """The settings object the script reads."""
        local, domain = self._plus_parts()
        return {
            "base": [a.strip().lower() for a in self.base_addresses],
            "mode": "pool" if self.style is AddressStyle.POOL else "token",
            "style": self.style.value,
            "local": local,
            "domain": domain,
            "tokenDomain": self.token_domain.lower(),
            "pool": list(self.pool),
            "selector": self.selector,
            "days": self.storage_days,
            "length": self.token_length,
            "metrica": self.metrica_counter_id,
            "ga4": self.ga4,
            "ga4Id": self.ga4_measurement_id,
            "matomo": self.matomo,
            "matomoDimension": self.matomo_dimension_id,
            "skipBots": self.skip_bots,
            "key": STORAGE_KEY,
        }


def is_token(value: str) -> bool:
    """Whether ``value`` can be a token the script made."""
    return bool(_TOKEN_RE.match(value))


def source_path() -> Path:
    """The readable script (PyInstaller unpacks ``resources/`` beside the modules)."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources" / "snippet" / "mailsource.js"


def render_script(settings: SnippetSettings, *, minify: bool = True) -> str:
    """The client's script, minified or readable."""
    settings.check()
    source = source_path().read_text(encoding="utf-8")
    if CONFIG_PLACEHOLDER not in source:
        raise RuntimeError(f"{source_path()} lacks the {CONFIG_PLACEHOLDER} placeholder")
    marker = "MAILSOURCE_CONFIG_PLACEHOLDER"
    source = source.replace(CONFIG_PLACEHOLDER, marker)
    if minify:
        source = minify_js(source)
    config = json.dumps(settings.script_config(), ensure_ascii=True, separators=(",", ":"))
    # Inside <script>, "</" could end the element early.
    config = config.replace("</", "<\\/")
    return source.replace(marker, config)


def render_tag(settings: SnippetSettings) -> str:
    """The ``<script>`` element to paste into the site's pages."""
    return f"<script>{render_script(settings, minify=True)}</script>"


def installation_steps(settings: SnippetSettings) -> list[str]:
    """Numbered-list text for the snippet page, in the user's language."""
    base = ", ".join(settings.base_addresses)
    steps = [
        translate(
            "visits",
            "Paste the code just before </body> on every page of the site, after the web "
            "analytics counters.",
        ),
        translate(
            "visits",
            "Keep {address} in the page as it is: visitors see their own address only after they "
            "scroll, click, tap or type, and robots reading the page source never see it.",
        ).format(address=base),
    ]
    if settings.style is AddressStyle.PLUS:
        local, domain = settings._plus_parts()
        steps.append(
            translate(
                "visits",
                "Make sure the mail server delivers {example} to {local}@{domain} (plus "
                "addressing is on in Gmail, Yandex and Mail.ru; in Microsoft 365 turn it on).",
            ).format(example=settings.example_address(), local=local, domain=domain)
        )
    elif settings.style is AddressStyle.SUBDOMAIN:
        steps.append(
            translate(
                "visits",
                "Set up the sub-domain {domain} with its own MX record and a catch-all mailbox "
                "that delivers to the client's mailbox.",
            ).format(domain=settings.token_domain)
        )
    else:
        steps.append(
            translate(
                "visits", "Create the {count} pool addresses as aliases of the client's mailbox."
            ).format(count=len(settings.pool))
        )
    if settings.metrica_counter_id:
        steps.append(
            translate(
                "visits",
                "Yandex Metrica (counter {counter}): nothing to set up. Export visits with the "
                "Logs API including ym:s:parsedParamsKey1 and ym:s:parsedParamsKey2; the token is "
                "the visit parameter {param}.",
            ).format(counter=settings.metrica_counter_id, param=TOKEN_PARAM)
        )
    if settings.ga4:
        steps.append(
            translate(
                "visits",
                "GA4: the script sends the events {shown} and {contact}. To see them in reports, "
                "register the event parameters {params} as event-scoped custom dimensions; the "
                "BigQuery export has them without registration.",
            ).format(
                shown=GA4_SHOWN_EVENT,
                contact=GA4_CONTACT_EVENT,
                params=", ".join((TOKEN_PARAM, POOL_PARAM, ACTION_PARAM, PAGE_PARAM)),
            )
        )
    if settings.matomo:
        if settings.matomo_dimension_id:
            steps.append(
                translate(
                    "visits",
                    "Matomo: the token goes to the visit-scope custom dimension {dimension} and "
                    "to the event category email_tracking.",
                ).format(dimension=settings.matomo_dimension_id)
            )
        else:
            steps.append(
                translate(
                    "visits",
                    "Matomo: create a visit-scope custom dimension and enter its id in the "
                    "client's settings; until then the token goes to the event category "
                    "email_tracking only.",
                )
            )
    steps.append(
        translate(
            "visits",
            "Check: open the site, scroll, and see the address change; it stays the same after a "
            "reload for {days} days.",
        ).format(days=settings.storage_days)
    )
    return steps


_WORD = re.compile(r"[A-Za-z0-9_$]")
_REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^")


def minify_js(source: str) -> str:
    """Strip comments and needless whitespace from plain ES5 without regular-expression literals.

    Raises ValueError on what it does not handle (template literals, regex literals), so the
    script's source cannot silently outgrow it.
    """
    out: list[str] = []
    i, n = 0, len(source)
    gap = False
    last_significant = ""

    def emit(token: str) -> None:
        nonlocal gap, last_significant
        if gap and out:
            prev = out[-1][-1]
            first = token[0]
            if (_WORD.match(prev) and _WORD.match(first)) or (prev in "+-" and first == prev):
                out.append(" ")
        out.append(token)
        gap = False
        last_significant = token[-1]

    while i < n:
        ch = source[i]
        if ch in " \t\r\n":
            gap = True
            i += 1
        elif source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
            gap = True
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            if end < 0:
                raise ValueError("unterminated comment")
            i = end + 2
            gap = True
        elif ch in "'\"":
            j = i + 1
            while j < n and source[j] != ch:
                if source[j] == "\\":
                    j += 1
                elif source[j] == "\n":
                    raise ValueError("newline in a string literal")
                j += 1
            if j >= n:
                raise ValueError("unterminated string literal")
            emit(source[i : j + 1])
            i = j + 1
        elif ch == "`":
            raise ValueError("template literals are not supported")
        elif ch == "/":
            if last_significant in _REGEX_BEFORE or not last_significant:
                raise ValueError("regular-expression literals are not supported")
            emit(ch)
            i += 1
        elif _WORD.match(ch):
            j = i + 1
            while j < n and _WORD.match(source[j]):
                j += 1
            emit(source[i:j])
            i = j
        else:
            emit(ch)
            i += 1
    return "".join(out)
