"""Turning mail bytes into text: declared charsets, their aliases, and guessing undeclared ones.

Mail declares charsets by many names Python does not know (``x-mac-cyrillic``, ``cp-1251``), and
older Russian mailers send 8-bit text with no charset at all. ``charset-normalizer`` alone guesses
KOI8-R text as ``cp932`` (measured), so among the Cyrillic code pages we pick the decoding that
reads most like Russian words (:func:`_cyrillic_score`); the detector's guess competes as one of
the candidates and decides for non-Cyrillic text.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache

import charset_normalizer

# Names seen in real mail that Python's codec registry does not resolve by itself.
_ALIASES: dict[str, str] = {
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-cyrillic-ukrainian": "mac-cyrillic",
    "mac-cyrillic": "mac-cyrillic",
    "x-cp1251": "cp1251",
    "cp-1251": "cp1251",
    "win-1251": "cp1251",
    "windows1251": "cp1251",
    "x-koi8-r": "koi8-r",
    "koi8r": "koi8-r",
    "koi8": "koi8-r",
    "x-user-defined": "cp1252",
    "x-unknown": "",
    "unknown-8bit": "",
    "unknown": "",
    "us-ascii": "ascii",
    "ascii": "ascii",
    "ansi_x3.4-1968": "ascii",
    "iso-8859-1": "cp1252",  # mailers label cp1252 text as Latin-1; cp1252 is a superset there
    "latin1": "cp1252",
    "ks_c_5601-1987": "cp949",
    "iso-8859-8-i": "iso8859-8",  # logical-order Hebrew: same bytes, different display
    "iso-8859-8-e": "iso8859-8",
    "iso-8859-6-i": "iso8859-6",
    "iso-8859-6-e": "iso8859-6",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
_CYRILLIC_CANDIDATES = ("cp1251", "koi8-r", "mac-cyrillic")
_RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_UKR_BEL = set("іїєґўІЇЄҐЎ")


def lookup_charset(name: str | bytes | None) -> str | None:
    """The Python codec for a declared charset name, or ``None`` when unknown or absent."""
    if name is None:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "replace")
    return _lookup_charset(name)


@lru_cache(maxsize=512)  # the same few names in every message
def _lookup_charset(name: str) -> str | None:
    key = name.strip().strip("\"'").lower()
    if not key:
        return None
    key = _ALIASES.get(key, key)
    if not key:
        return None
    try:
        codec = codecs.lookup(key)
    except LookupError:
        if key.startswith("x-"):
            return _lookup_charset(key[2:])
        return None
    return codec.name


def _cyrillic_score(text: str) -> int:
    """How much ``text`` reads like Cyrillic words (higher is better, negative is garbage)."""
    score = 0
    prev = " "
    for ch in text:
        if ch in _RUSSIAN or ch in _UKR_BEL:
            if ch.islower():
                score += -3 if prev.isascii() and prev.isalpha() else 1
            else:
                # Capitals start words; a capital inside a word is what a wrong code page makes.
                score += -2 if prev.isalpha() else 1
        elif ch == "\ufffd" or (unicodedata.category(ch)[0] == "C" and ch not in "\r\n\t"):
            score -= 5
        elif "\u0400" <= ch <= "\u04ff":
            score -= 3  # Serbian/Macedonian letters: what cp1251 makes of mac-cyrillic capitals
        elif ord(ch) >= 0x80 and not ch.isalpha():
            score -= 2  # symbols and box drawing: what a wrong code page makes of letters
        prev = ch
    return score


def guess_charset(data: bytes, *, hint: str | None = None) -> str:
    """Pick a codec for undeclared 8-bit ``data``; ``hint`` is tried early (e.g. the body's)."""
    if data.isascii():
        return "ascii"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    candidates: list[str] = []
    if hint and hint not in {"ascii", "utf-8"}:
        candidates.append(hint)
    candidates.extend(c for c in _CYRILLIC_CANDIDATES if c not in candidates)
    detected = charset_normalizer.from_bytes(data).best()
    detected_name = lookup_charset(detected.encoding) if detected is not None else None
    if detected_name and detected_name not in candidates:
        candidates.append(detected_name)
    best, best_score = None, None
    for name in candidates:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _cyrillic_score(text)
        if name == hint:
            score += 1  # a tie goes to what the message says elsewhere
        if best_score is None or score > best_score:
            best, best_score = name, score
    if best is not None and best_score is not None and best_score > 0:
        return best
    return detected_name or "cp1252"


def decode_bytes(data: bytes, charset: str | None, *, hint: str | None = None) -> tuple[str, bool]:
    """Decode ``data`` with ``charset``; guess when it is missing or does not fit.

    Returns the text and whether the charset was guessed. Never raises.
    """
    codec = lookup_charset(charset) if charset else None
    if codec is not None and not (codec == "ascii" and not data.isascii()):
        if is_single_byte_cyrillic(codec) and not data.isascii():
            try:
                # Legacy Cyrillic text is practically never valid UTF-8: a mislabelled UTF-8 text.
                return data.decode("utf-8"), True
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(codec), False
        except UnicodeDecodeError:
            # A stray bad byte (or a vendor extension, e.g. NEC's No. sign in ISO-2022-JP) keeps
            # the declared charset; many bad bytes mean it was declared wrongly: guess.
            text = data.decode(codec, errors="replace")
            if text.count("\ufffd") <= max(1, len(text) // 50):
                return text, False
    if data.isascii():
        return data.decode("ascii"), False
    guessed = guess_charset(data, hint=hint)
    return data.decode(guessed, errors="replace"), True


def decode_prefix(data: bytes, codec: str) -> str:
    """Decode the start of a longer text: an incomplete character at the cut is dropped."""
    try:
        decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    except LookupError:
        decoder = codecs.getincrementaldecoder("cp1252")(errors="replace")
    return decoder.decode(data, final=False)


# Code pages a UTF-8 text gets misread through, with the characters the lead bytes of Cyrillic
# UTF-8 (0xD0, 0xD1) become in each: "РџСЂРёРІРµС‚", "–ü—Ä–∏", "ÐŸÑ€Ð¸".
_MOJIBAKE_VIA: tuple[tuple[str, str], ...] = (
    ("cp1251", "РС"),
    ("mac-cyrillic", "–—"),
    ("cp1252", "ÐÑ"),
)
assert [m for _, m in _MOJIBAKE_VIA] == ["РС", "–—", "ÐÑ"]  # repair_mojibake counts these
_SINGLE_BYTE = frozenset({"cp1251", "koi8-r", "koi8-u", "mac-cyrillic", "cp866", "iso8859-5"})


def is_single_byte_cyrillic(codec: str | None) -> bool:
    return codec in _SINGLE_BYTE


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded with a single-byte code page somewhere on its way.

    Only accepted when the repaired text reads clearly more like Cyrillic words.
    """
    if text.isascii():
        return text
    count = text.count
    # (written out: this runs for every subject, name and text)
    hits = (count("Р") + count("С"), count("–") + count("—"), count("Ð") + count("Ñ"))
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if (hits[0] + hits[1] + hits[2]) * 3 < non_ascii:
        return text  # too few markers for any of the code pages below: the usual case
    for (codec, _markers), codec_hits in zip(_MOJIBAKE_VIA, hits, strict=True):
        # Cheap test first: in such mojibake every other non-ASCII character is a marker;
        # in real Russian text Р and С are capitals, a few per cent of the letters.
        if codec_hits * 3 < non_ascii:
            continue
        try:
            candidate = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _cyrillic_score(candidate) > _cyrillic_score(text) + 3:
            return candidate
    return text
