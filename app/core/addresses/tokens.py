"""Per-visit tokens for dynamic tracking: the alphabet, generation and lenient reading.

Tokens use Crockford's base32 alphabet in lower case: digits and letters without ``i``, ``l``,
``o`` and ``u``. There is no ``i``/``l`` to mistake for ``1`` and no ``o`` to mistake for ``0``;
when a token is read back (from a recipient someone retyped) ``o`` is read as ``0`` and ``i``/``l``
as ``1``, as Crockford's scheme prescribes, so a look-alike typed by hand still finds its visit.

The website's script makes the tokens (one per visitor); the app only needs to recognise them in
recipients and to give the script its settings. :func:`new_token` exists for tests, demos and a
"show me an example" line in the settings.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
"""Crockford base32, lower case (no i, l, o, u)."""
MIN_TOKEN_LENGTH = 4
MAX_TOKEN_LENGTH = 16
DEFAULT_TOKEN_LENGTH = 6
"""6 symbols = 30 bits: about a billion tokens, so random tokens of a year's visits do not clash."""

_ALLOWED = frozenset(ALPHABET)
_LOOK_ALIKES = str.maketrans({"o": "0", "i": "1", "l": "1"})


def new_token(length: int = DEFAULT_TOKEN_LENGTH) -> str:
    """A random token of ``length`` symbols (cryptographic randomness: tokens must not be guessed
    from one another, or a visitor could claim someone else's visit)."""
    if not MIN_TOKEN_LENGTH <= length <= MAX_TOKEN_LENGTH:
        raise ValueError(f"token length {length} outside {MIN_TOKEN_LENGTH}..{MAX_TOKEN_LENGTH}")
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def read_token(text: str, length: int) -> str | None:
    """The canonical token in ``text`` (case and look-alikes folded), or None if it is not one.

    Only tokens of exactly the configured ``length`` count, so an unknown plus tag such as
    ``test`` is not mistaken for a token.
    """
    if len(text) != length:
        return None
    token = text.lower().translate(_LOOK_ALIKES)
    if not _ALLOWED.issuperset(token):
        return None
    return token
