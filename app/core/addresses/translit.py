"""Cyrillic to Latin transliteration, ICAO Doc 9303 (the scheme of Russian passports since 2014).

The table is Doc 9303 Part 3's recommended transliteration of Cyrillic, as quoted in Russian
regulations (e.g. the annex on travel documents for readmission): ж zh, х kh, ц ts, ч ch, ш sh,
щ shch, ъ ie, ы y, ю iu, я ia, й i, ё e, э e. ``ь`` has no entry and is dropped. The Ukrainian and
Belarusian letters follow the same table (і i, ї i, є ie, ґ g, ў u). Latin letters with accents lose
them (``café`` -> ``cafe``); anything else is left for the caller to drop.

Why a standard scheme: an account manager who reads ``info+naruzhnaia-reklama`` on a sheet can
tell which channel it is, and the same channel name always gives the same tag.
"""

from __future__ import annotations

import unicodedata

ICAO_9303: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
    # Letters of other Cyrillic alphabets, same Doc 9303 table.
    "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u",
}  # fmt: skip
"""Lower-case Cyrillic letter -> lower-case Latin (ICAO Doc 9303)."""


def transliterate(text: str) -> str:
    """Return ``text`` in lower-case Latin letters; characters with no Latin form are kept.

    >>> transliterate("Щука Юля")
    'shchuka iulia'
    """
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text).lower():
        mapped = ICAO_9303.get(ch)
        if mapped is not None:
            out.append(mapped)
            continue
        if ch.isascii():
            out.append(ch)
            continue
        # Accented Latin letters: NFKD splits "é" into "e" + a combining accent we drop.
        # Full-width and other compatibility forms fold to ASCII the same way.
        decomposed = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if base.isascii():
            out.append(base.lower())
        else:
            # ``й`` and ``ё`` decomposed are handled above; other scripts stay as they are.
            out.append(ch)
    return "".join(out)
