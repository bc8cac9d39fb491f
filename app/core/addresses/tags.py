"""Tags: the short Latin words that tell tracking addresses apart (``info+avito@client.ru``).

A tag is made from the channel's name: transliterated (ICAO Doc 9303), lower case, every run of
other characters turned into one ``-``, cut to :data:`MAX_GENERATED` characters at a word
boundary, and made unique within the client with a number (``tv``, ``tv2``, ``tv3``).

Look-alikes: because tags are plain ``[a-z0-9-]``, a Cyrillic ``а`` can never hide in a tag that
looks Latin; numbers added for uniqueness skip every number with a ``0`` or ``1`` in it, which
next to ``o`` and ``l`` read alike once printed or photocopied (``tvl1``, ``bo0``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from app.core.addresses.translit import transliterate
from app.core.errors import ValidationError
from app.core.i18n import translate

MAX_GENERATED = 20
"""Generated tags stay short: they are printed in large type and typed from billboards."""
MAX_TAG = 40
"""What a user may type; the whole local part must still fit RFC 5321's 64 octets."""
FALLBACK = "channel"
"""The tag of a name with no Latin or Cyrillic letters or digits at all."""

_NOT_TAG = re.compile(r"[^a-z0-9]+")
_TAG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def tag_from_name(name: str, max_len: int = MAX_GENERATED) -> str:
    """The tag suggested for a channel named ``name``.

    >>> tag_from_name("Наружная реклама, Ленина 5")
    'naruzhnaia-reklama'
    """
    words = _NOT_TAG.sub("-", transliterate(name)).strip("-")
    if not words:
        return FALLBACK
    return shorten(words, max_len)


def shorten(tag: str, max_len: int) -> str:
    """Cut ``tag`` to ``max_len`` characters, at the last ``-`` if that keeps at least half."""
    if len(tag) <= max_len:
        return tag
    cut = tag[: max_len + 1]
    boundary = cut.rfind("-")
    if boundary >= max_len // 2:
        return cut[:boundary]
    return tag[:max_len].rstrip("-_")


def suffixes() -> Iterator[int]:
    """2, 3, ... 9, 22, 23, ...: the numbers without a ``0`` or ``1`` (see the module doc)."""
    n = 2
    while True:
        if "0" not in str(n) and "1" not in str(n):
            yield n
        n += 1


def unique_tag(base: str, taken: Collection[str], max_len: int = MAX_GENERATED) -> str:
    """``base``, or ``base`` with the first free number, not in ``taken`` (compared in lower case).

    A base ending in a digit gets a ``-`` before the number, so ``tv1`` becomes ``tv1-2`` and not
    the misleading ``tv12``.
    """
    used = {t.lower() for t in taken}
    if base not in used:
        return base
    for n in suffixes():
        number = str(n)
        stem = shorten(base, max(1, max_len - len(number) - 1))
        sep = "-" if stem[-1].isdigit() else ""
        candidate = f"{stem}{sep}{number}"
        if candidate not in used:
            return candidate
    raise AssertionError("unreachable: suffixes() never ends")  # pragma: no cover


def clean_tag(value: str, max_len: int = MAX_TAG) -> str:
    """Validate a tag a user typed or edited; returns it in lower case.

    Latin letters and digits, single ``-`` or ``_`` between them. Cyrillic is refused with the
    transliterated suggestion, so the user sees what we would use.
    """
    tag = value.strip().lower()
    if not tag:
        raise ValidationError(translate("addresses", "The tag cannot be empty."), field="tag")
    if len(tag) > max_len:
        raise ValidationError(
            translate("addresses", "The tag “{tag}” is too long: at most {max} characters.").format(
                tag=value.strip(), max=max_len
            ),
            field="tag",
        )
    if not _TAG.match(tag):
        suggestion = tag_from_name(tag, max_len)
        raise ValidationError(
            translate(
                "addresses",
                "The tag “{tag}” may hold only Latin letters, digits and single “-” or “_” "
                "between them, for example “{suggestion}”.",
            ).format(tag=value.strip(), suggestion=suggestion),
            field="tag",
        )
    return tag
