"""Address styles and the per-client settings that shape tracking addresses.

- *plus*: ``local+tag@domain`` on the client's main mailbox; the delimiter is ``+`` or ``-``
  because some servers (qmail, some Postfix set-ups) use ``-``. Nothing to set up on most servers.
- *alias*: ``tag@domain`` or ``local.tag@domain``, for servers without plus-addressing: the mail
  admin creates each one as an alias of the main mailbox (or runs a catch-all).
- *custom*: addresses the customer already has, imported from a list.
- *tokens*: the settings for dynamic per-visit tokens, ``local+<token>@domain`` or
  ``<token>@in.client.ru`` on a catch-all subdomain. Tokens are not stored one by one: the site's
  script makes them, the matching rule recognises them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.core.addresses.tokens import DEFAULT_TOKEN_LENGTH, new_token


class AddressStyle(StrEnum):
    """How a tracking address is formed."""

    PLUS = "plus"
    ALIAS = "alias"
    CUSTOM = "custom"


class AliasForm(StrEnum):
    """The two shapes of an alias address."""

    TAG = "tag"
    """``tag@domain``: shortest, but may clash with staff mailboxes (``sales@``)."""
    LOCAL_DOT_TAG = "local.tag"
    """``local.tag@domain``: clearly belongs to the main mailbox."""


class TokenMode(StrEnum):
    """Where per-visit tokens go in the address."""

    OFF = "off"
    PLUS = "plus"
    """``local+<token>@domain``: needs plus-addressing on the main mailbox."""
    SUBDOMAIN = "subdomain"
    """``<token>@in.client.ru``: needs a catch-all on that subdomain."""


PLUS_DELIMITERS: tuple[str, ...] = ("+", "-")
DEFAULT_TOKEN_SUBDOMAIN = "in"


@dataclass(frozen=True)
class AddressSettings:
    """A client's choices for new tracking addresses and for dynamic tokens."""

    style: AddressStyle = AddressStyle.PLUS
    """The style new addresses get unless the user picks another."""
    plus_delimiter: str = "+"
    alias_form: AliasForm = AliasForm.LOCAL_DOT_TAG
    token_mode: TokenMode = TokenMode.OFF
    token_domain: str = ""
    """The catch-all domain of subdomain tokens, IDNA form (``in.client.ru``); else empty."""
    token_length: int = DEFAULT_TOKEN_LENGTH


def split_address(address: str) -> tuple[str, str]:
    """``local``, ``domain`` of an address (the last ``@`` splits, as in RFC 5321)."""
    local, _, domain = address.rpartition("@")
    return local, domain


def compose(style: AddressStyle, tag: str, main_address: str, settings: AddressSettings) -> str:
    """The address of ``tag`` in ``style`` on the client's main mailbox ``local@domain``."""
    local, domain = split_address(main_address)
    if style is AddressStyle.PLUS:
        return f"{local}{settings.plus_delimiter}{tag}@{domain}"
    if style is AddressStyle.ALIAS:
        if settings.alias_form is AliasForm.TAG:
            return f"{tag}@{domain}"
        return f"{local}.{tag}@{domain}"
    raise ValueError("custom addresses are typed or imported, not composed")


def token_pattern(main_address: str, settings: AddressSettings) -> str:
    """The address the website shows, with ``{token}`` where each visitor's token goes."""
    local, domain = split_address(main_address)
    if settings.token_mode is TokenMode.PLUS:
        return f"{local}{settings.plus_delimiter}{{token}}@{domain}"
    if settings.token_mode is TokenMode.SUBDOMAIN:
        return f"{{token}}@{settings.token_domain}"
    return ""


def token_example(main_address: str, settings: AddressSettings) -> str:
    """One address as a visitor would see it (a fresh random token), or "" with tokens off."""
    pattern = token_pattern(main_address, settings)
    return pattern.format(token=new_token(settings.token_length)) if pattern else ""
