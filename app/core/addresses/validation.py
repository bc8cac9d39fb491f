"""Rules for tracking addresses: syntax, lengths, IDNA, the client's domains, the settings.

Syntax comes from ``email-validator`` without any network access. Addresses are stored with the
domain in IDNA (ASCII) form and shown with :func:`display_address` in Unicode (``client.рф``).
Local parts must be ASCII: a tracking address is typed by strangers from a billboard, and many
senders' servers still cannot send to an internationalised (SMTPUTF8) local part.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from email_validator import EmailNotValidError, validate_email

from app.core.addresses.styles import PLUS_DELIMITERS, AddressSettings, TokenMode
from app.core.addresses.tokens import MAX_TOKEN_LENGTH, MIN_TOKEN_LENGTH
from app.core.clients.validation import clean_domain, domain_to_unicode
from app.core.errors import ValidationError
from app.core.i18n import translate

MAX_LOCAL = 64
"""RFC 5321 4.5.3.1.1: a local part is at most 64 octets."""
MAX_ADDRESS = 254
"""RFC 5321's 256-octet path minus the angle brackets."""


@dataclass(frozen=True)
class Address:
    """A validated address: the local part as written and the domain in IDNA form."""

    local: str
    domain: str

    @property
    def ascii(self) -> str:
        """The stored form, ``info+tv@client.xn--p1ai``."""
        return f"{self.local}@{self.domain}"

    @property
    def key(self) -> str:
        """The form addresses are compared in (see :func:`address_key`)."""
        return address_key(self.ascii)

    @property
    def unicode(self) -> str:
        """The form people read, ``info+tv@client.рф``."""
        return f"{self.local}@{domain_to_unicode(self.domain)}"


def address_key(address: str) -> str:
    """Lower case throughout: uniqueness and matching ignore case (see ``matching.py`` for why)."""
    return address.lower()


def display_address(address: str) -> str:
    """An IDNA address as people read it."""
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain_to_unicode(domain)}" if local else address


def parse_address(value: str, *, field: str = "address") -> Address:
    """Validate one address (syntax and RFC 5321 lengths, no network)."""
    raw = value.strip()
    if not raw:
        raise ValidationError(translate("addresses", "The address cannot be empty."), field=field)
    try:
        info = validate_email(
            raw,
            check_deliverability=False,
            allow_smtputf8=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_display_name=False,
            strict=True,  # in email-validator 2.x this is what enforces the 64-octet local part
        )
    except EmailNotValidError as exc:
        raise ValidationError(
            translate("addresses", "“{address}” is not a valid email address: {reason}").format(
                address=raw, reason=exc
            ),
            field=field,
        ) from exc
    address = Address(info.local_part, info.ascii_domain)
    # email-validator checks these too; checked again here because the limits are our promise
    # to the user (and the storage column is 254 wide), not an implementation detail of theirs.
    if len(address.local.encode()) > MAX_LOCAL:
        raise ValidationError(
            translate(
                "addresses", "“{address}” is too long before the @: at most {max} characters."
            ).format(address=raw, max=MAX_LOCAL),
            field=field,
        )
    if len(address.ascii.encode()) > MAX_ADDRESS:
        raise ValidationError(
            translate("addresses", "“{address}” is too long: at most {max} characters.").format(
                address=raw, max=MAX_ADDRESS
            ),
            field=field,
        )
    return address


def check_client_domain(
    address: Address, domains: Iterable[str], *, raw: str = "", field: str = "address"
) -> None:
    """Refuse an address that is not on one of the client's domains (IDNA forms compared)."""
    own = {d.lower() for d in domains}
    if address.domain.lower() not in own:
        shown = ", ".join(sorted(domain_to_unicode(d) for d in own)) or "—"
        raise ValidationError(
            translate(
                "addresses",
                "“{address}” is not on the client's domains ({domains}). Add the domain to the "
                "client first, or use an address on one of them.",
            ).format(address=raw or address.unicode, domains=shown),
            field=field,
        )


def check_not_main(address: Address, main_address: str, *, field: str = "address") -> None:
    """A tracking address must differ from the main address, or every email would match it."""
    if main_address and address.key == address_key(main_address):
        raise ValidationError(
            translate(
                "addresses",
                "“{address}” is the client's main address; a tracking address must be "
                "different from it.",
            ).format(address=address.unicode),
            field=field,
        )


def clean_settings(
    settings: AddressSettings, main_address: str, domains: Iterable[str]
) -> AddressSettings:
    """Validate a client's address settings; returns them with the token domain in IDNA form."""
    if settings.plus_delimiter not in PLUS_DELIMITERS:
        raise ValidationError(
            translate(
                "addresses", "“{delimiter}” is not a supported delimiter: use + or -."
            ).format(delimiter=settings.plus_delimiter),
            field="plus_delimiter",
        )
    local = main_address.rpartition("@")[0]
    if settings.plus_delimiter in local:
        # The server splits the local part at the first delimiter, so it would look for a
        # mailbox named after the part of the main address before it.
        raise ValidationError(
            translate(
                "addresses",
                "The main address “{address}” already contains “{delimiter}”, so the mail "
                "server would split it in the wrong place. Choose the other delimiter.",
            ).format(address=display_address(main_address), delimiter=settings.plus_delimiter),
            field="plus_delimiter",
        )
    if not MIN_TOKEN_LENGTH <= settings.token_length <= MAX_TOKEN_LENGTH:
        raise ValidationError(
            translate(
                "addresses", "The token length must be between {min} and {max}, not {n}."
            ).format(min=MIN_TOKEN_LENGTH, max=MAX_TOKEN_LENGTH, n=settings.token_length),
            field="token_length",
        )
    token_domain = ""
    if settings.token_mode is TokenMode.SUBDOMAIN:
        try:
            token_domain = clean_domain(settings.token_domain)
        except ValidationError as exc:
            raise ValidationError(exc.message, field="token_domain", details=exc.details) from exc
        own = [d.lower() for d in domains]
        if not any(token_domain.endswith("." + d) for d in own):
            raise ValidationError(
                translate(
                    "addresses",
                    "“{domain}” is not a subdomain of the client's domains ({domains}); tokens "
                    "need a catch-all subdomain such as in.{example}.",
                ).format(
                    domain=settings.token_domain,
                    domains=", ".join(domain_to_unicode(d) for d in own) or "—",
                    example=domain_to_unicode(own[0]) if own else "client.ru",
                ),
                field="token_domain",
            )
    elif settings.token_mode is TokenMode.PLUS and not main_address:
        raise ValidationError(
            translate("addresses", "Plus tokens need the client's main address; set it first."),
            field="token_mode",
        )
    return replace(settings, token_domain=token_domain)
