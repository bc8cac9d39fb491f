"""Optional: every message of the real-world corpora beside the checkout parses, quickly.

The corpora live in ``../shared/corpora`` (override with ``MAILSOURCE_CORPORA``) and are not part
of the repository; without them these tests skip.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from app.core.mail import ParsedMessage, parse_rfc822

CORPORA = Path(
    os.environ.get(
        "MAILSOURCE_CORPORA", Path(__file__).resolve().parents[3] / ".." / "shared" / "corpora"
    )
).resolve()
MAIL_CORPORA = ("mikel-mail", "php-mime-mail-parser")
# UTF-8 read as cp1251 ("РџСЂ") or as Latin-1 ("Ã\x90Â"): what garbled Cyrillic looks like.
MOJIBAKE = re.compile(
    r"(?:[РС][\u0402-\u040f\u0452-\u045f°±µ¶·»¦§©«®“”‘’•–—™]){2,}|(?:[ÐÑ][\x80-\xbf]){2,}"
)


def _manifest(corpus: str) -> list[tuple[Path, dict[str, str]]]:
    manifest = CORPORA / corpus / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    lines = manifest.read_text(encoding="utf-8").splitlines()
    columns = lines[0].split("\t")
    rows = [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[1:] if line]
    return [(CORPORA / corpus / row["path"], row) for row in rows]


def _texts(parsed: ParsedMessage) -> list[str]:
    return [parsed.sender_name, parsed.subject, parsed.text, *parsed.attachment_names]


@pytest.mark.parametrize("corpus", MAIL_CORPORA)
def test_every_corpus_message_parses_in_bounded_time(corpus: str) -> None:
    entries = _manifest(corpus)
    if not entries:
        pytest.skip(f"corpus not found: {CORPORA / corpus}")
    slowest = 0.0
    for path, row in entries:
        raw = path.read_bytes()
        started = time.perf_counter()
        parsed = parse_rfc822(raw)
        slowest = max(slowest, time.perf_counter() - started)
        assert len(parsed.text) <= 1000, path
        assert parsed.date is None or parsed.date.utcoffset() is not None, path
        if row.get("cyrillic") == "1":
            for text in _texts(parsed):
                assert not MOJIBAKE.search(text), (path, text[:80])
    # The largest message is 2 MB of attachment; the parser never reads an attachment body.
    assert slowest < 1.0, f"slowest message took {slowest:.2f} s"


def test_corpus_cyrillic_reads_as_cyrillic() -> None:
    paths = [path for corpus in MAIL_CORPORA for path, _row in _manifest(corpus)]
    if not paths:
        pytest.skip(f"corpora not found: {CORPORA}")
    checks = {
        "plain_emails/raw_email_bad_time.eml": ("sender_name", "Атиков"),
        "mails/m0021": ("subject", "Путін"),
        "mails/m0124": ("sender_name", 'ФГУП "СибНИА им.С.А.Чаплыгина'),
        "mails/issue116": ("subject", "от 28.09.2016"),
    }
    for suffix, (field, expected) in checks.items():
        [path] = [p for p in paths if p.as_posix().endswith("/" + suffix)]
        value = getattr(parse_rfc822(path.read_bytes()), field)
        assert expected in value, (suffix, value)
    assert MOJIBAKE.search("Привет".encode().decode("cp1251"))  # the check can fail
