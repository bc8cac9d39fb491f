"""Guess a file's text encoding and open it as a stream of text.

Exports arrive as UTF-8 (with or without a BOM: Excel adds one), UTF-16LE with a BOM (Matomo's
CSV renderer), or windows-1251 (files re-saved on Russian Windows). Undecodable bytes are not
fatal: they become :data:`BAD_CHAR`, and the parsers reject the rows holding it with the line
number, so one broken line in a mixed-encoding file does not stop the import.
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

BAD_CHAR = "\udcff"
"""What an undecodable byte sequence turns into: a lone surrogate, never valid decoded text."""

_ERRORS = "mailsource-mark"


def _mark(exc: UnicodeError) -> tuple[str, int]:
    if isinstance(exc, UnicodeDecodeError):
        return BAD_CHAR, exc.end
    raise exc


codecs.register_error(_ERRORS, _mark)

SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class EncodingGuess:
    """The encoding to read a file with, and how sure we are."""

    encoding: str
    """A Python codec name: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-16-le``, ``cp1251``..."""
    label: str
    """What to show: ``UTF-8``, ``UTF-8 (BOM)``, ``UTF-16LE (BOM)``, ``windows-1251``."""
    bom: bool = False


def guess_encoding(sample: bytes) -> EncodingGuess:
    """Guess the encoding from the first bytes of a file."""
    if sample.startswith(codecs.BOM_UTF8):
        return EncodingGuess("utf-8-sig", "UTF-8 (BOM)", bom=True)
    if sample.startswith(codecs.BOM_UTF16_LE):
        return EncodingGuess("utf-16", "UTF-16LE (BOM)", bom=True)
    if sample.startswith(codecs.BOM_UTF16_BE):
        return EncodingGuess("utf-16", "UTF-16BE (BOM)", bom=True)
    head = sample[:4096]
    if len(head) >= 4:
        # ASCII-heavy UTF-16 without a BOM has a zero in every other byte.
        even_zero = head[0::2].count(0)
        odd_zero = head[1::2].count(0)
        half = len(head) // 2
        if odd_zero > half * 0.4 and even_zero < half * 0.05:
            return EncodingGuess("utf-16-le", "UTF-16LE")
        if even_zero > half * 0.4 and odd_zero < half * 0.05:
            return EncodingGuess("utf-16-be", "UTF-16BE")
    if _is_utf8(sample):
        return EncodingGuess("utf-8", "UTF-8")
    return EncodingGuess("cp1251", "windows-1251")


def _is_utf8(sample: bytes) -> bool:
    # Not final: the sample may end inside a multi-byte character. A file with a few lines in
    # another encoding is still UTF-8 (those lines are rejected later, each with its reason);
    # windows-1251 text read as UTF-8 yields almost no valid multi-byte characters at all.
    text = codecs.getincrementaldecoder("utf-8")(_ERRORS).decode(sample, final=False)
    bad = text.count(BAD_CHAR)
    if not bad:
        return True
    good = sum(1 for char in text if char > "\x7f") - bad
    return good > bad


def read_sample(path: Path, size: int = SNIFF_BYTES) -> bytes:
    """The first ``size`` bytes of a file."""
    with path.open("rb") as fh:
        return fh.read(size)


def decode_sample(sample: bytes, guess: EncodingGuess) -> str:
    """Decode a sniffed sample, dropping a cut-off character at its end."""
    decoder = codecs.getincrementaldecoder(guess.encoding)(_ERRORS)
    return decoder.decode(sample, final=False)


def open_text(binary: BinaryIO, encoding: str, newline: str | None = "") -> io.TextIOWrapper:
    """Wrap a binary file as text; undecodable bytes become :data:`BAD_CHAR`."""
    return io.TextIOWrapper(binary, encoding=encoding, errors=_ERRORS, newline=newline)
