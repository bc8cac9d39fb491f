"""Money as integers of minor units (kopecks, cents) in storage, ``Decimal`` everywhere else.

SQLite has no decimal type (SQLAlchemy's ``Numeric`` goes through floats there), so amounts are
stored as whole minor units: sums stay exact on both backends.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.core.errors import ValidationError
from app.core.i18n import translate

# ISO 4217 currencies without minor units that an agency might meet; the rest have two.
_NO_MINOR = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG"})


def exponent(currency: str) -> int:
    """Digits after the decimal point of ``currency``."""
    return 0 if currency.upper() in _NO_MINOR else 2


def to_minor(amount: Decimal, currency: str) -> int:
    """``amount`` in minor units, rounded half up to what the currency can hold."""
    scale = Decimal(10) ** exponent(currency)
    return int((amount * scale).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor(minor: int, currency: str) -> Decimal:
    """Minor units back to an amount with the currency's number of decimals."""
    digits = exponent(currency)
    return (Decimal(minor) / (Decimal(10) ** digits)).quantize(Decimal(1).scaleb(-digits))


def parse_amount(text: str, *, field: str = "amount") -> Decimal:
    """Read an amount as people type it: ``12 500,50``, ``12500.50``, ``12 500 ₽``.

    Raises :class:`ValidationError` naming the text when it is not a number or is negative.
    """
    cleaned = (
        text.strip()
        .replace("\u00a0", "")
        .replace("\u202f", "")
        .replace(" ", "")
        .replace("₽", "")
        .replace("$", "")
        .replace("€", "")
    )
    if "," in cleaned and "." in cleaned:
        # The last separator is the decimal one: 1,234.50 or 1.234,50.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or not cleaned:
        raise ValidationError(
            translate("money", "“{text}” is not an amount.").format(text=text.strip()),
            field=field,
        )
    if value < 0:
        raise ValidationError(
            translate("money", "The amount cannot be negative: {text}").format(text=text.strip()),
            field=field,
        )
    return value
