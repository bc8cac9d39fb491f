"""Rules for what users type about clients and channels; each failure names the field."""

from __future__ import annotations

import re
import unicodedata

import idna

from app.core.errors import ValidationError
from app.core.i18n import translate

MAX_NAME = 200
MAX_NOTES = 10_000
CURRENCIES: tuple[str, ...] = (
    "RUB", "USD", "EUR", "KZT", "BYN", "UZS", "AMD", "GEL", "AZN", "KGS", "TRY", "AED", "CNY",
)  # fmt: skip
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SPACES = re.compile(r"\s+")


def clean_name(value: str, *, what: str = "name") -> str:
    """Trim and collapse whitespace; refuse empty, too long or control characters."""
    name = _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()
    if not name:
        raise ValidationError(translate("validation", "The name cannot be empty."), field=what)
    if len(name) > MAX_NAME:
        raise ValidationError(
            translate("validation", "The name is too long: {n} characters, at most {max}.").format(
                n=len(name), max=MAX_NAME
            ),
            field=what,
        )
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise ValidationError(
            translate("validation", "The name contains control characters."), field=what
        )
    return name


def name_key(name: str) -> str:
    """The form names are compared in: case and ё/е folded."""
    return name.casefold().replace("ё", "е")


def clean_domain(value: str) -> str:
    """Return a domain in IDNA (ASCII) form; ``client.рф`` -> ``client.xn--p1ai``."""
    raw = value.strip().rstrip(".").lower()
    if raw.startswith("@"):
        raw = raw[1:]
    if not raw or "." not in raw or " " in raw:
        raise ValidationError(
            translate("validation", "“{domain}” is not a domain name.").format(domain=value),
            field="domains",
        )
    try:
        ascii_domain = idna.encode(raw, uts46=True).decode("ascii")
    except idna.IDNAError as exc:
        raise ValidationError(
            translate("validation", "“{domain}” is not a valid domain name.").format(domain=value),
            field="domains",
            details=str(exc),
        ) from exc
    return ascii_domain


def domain_to_unicode(domain: str) -> str:
    """Show an IDNA domain the way people read it."""
    try:
        return idna.decode(domain)
    except idna.IDNAError:
        return domain


def clean_domains(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value.strip():
            seen.setdefault(clean_domain(value), None)
    return tuple(seen)


def clean_address(value: str) -> str:
    """Validate an email address (syntax only, no network); domain stored in IDNA form."""
    raw = value.strip()
    if not raw:
        return ""
    from email_validator import EmailNotValidError, validate_email

    try:
        info = validate_email(raw, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError(
            translate("validation", "“{address}” is not a valid email address: {reason}").format(
                address=raw, reason=exc
            ),
            field="main_address",
        ) from exc
    return f"{info.local_part}@{info.ascii_domain}"


def address_to_unicode(address: str) -> str:
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain_to_unicode(domain)}" if local else address


def clean_currency(value: str) -> str:
    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValidationError(
            translate("validation", "“{code}” is not a three-letter currency code.").format(
                code=value
            ),
            field="currency",
        )
    return code


def clean_color(value: str) -> str:
    if not _COLOR.match(value.strip()):
        raise ValidationError(
            translate("validation", "“{color}” is not a colour like #4e79a7.").format(color=value),
            field="color",
        )
    return value.strip().lower()


def clean_notes(value: str) -> str:
    notes = value.strip()
    if len(notes) > MAX_NOTES:
        raise ValidationError(
            translate("validation", "The notes are too long: at most {max} characters.").format(
                max=MAX_NOTES
            ),
            field="notes",
        )
    return notes
