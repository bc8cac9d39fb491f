"""Custom lists: TXT and CSV, header and comments, per-line problems with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.addresses.custom_list import (
    LineProblem,
    ListImportError,
    decode_list,
    parse_list,
    read_list_file,
)
from app.core.errors import ValidationError

DOMAINS = ("client.ru", "xn--e1affem4a.xn--p1ai")


def test_plain_list_with_blank_lines_and_comments() -> None:
    text = "# our addresses\n\ntv@client.ru\n  radio@клиент.рф  \n"
    parsed = parse_list(text, domains=DOMAINS, main_address="info@client.ru")
    assert parsed.problems == ()
    assert [(line.line, line.address.ascii) for line in parsed.lines] == [
        (3, "tv@client.ru"),
        (4, "radio@xn--e1affem4a.xn--p1ai"),
    ]


def test_csv_with_header_and_channel_column() -> None:
    text = '\ufeffaddress;channel\ntv@client.ru;ТВ\n"radio@client.ru";"Радио; FM"\n'
    parsed = parse_list(text, domains=DOMAINS)
    assert parsed.problems == ()
    assert [(line.address.ascii, line.channel_name) for line in parsed.lines] == [
        ("tv@client.ru", "ТВ"),
        ("radio@client.ru", "Радио; FM"),
    ]


def test_channel_first_column_also_works() -> None:
    parsed = parse_list("ТВ,tv@client.ru\n", domains=DOMAINS)
    assert parsed.lines[0].channel_name == "ТВ"
    assert parsed.lines[0].address.ascii == "tv@client.ru"


def test_every_bad_line_is_reported_with_its_number() -> None:
    text = "\n".join(
        [
            "address",  # 1: header, skipped
            "tv@client.ru",  # 2: fine
            "garbage",  # 3: no address
            "tv@other.ru",  # 4: foreign domain
            "TV@client.ru",  # 5: duplicate of line 2
            "info@client.ru",  # 6: the main address
            "a@@client.ru",  # 7: syntax
            "x" * 65 + "@client.ru",  # 8: too long
        ]
    )
    parsed = parse_list(text, domains=DOMAINS, main_address="info@client.ru")
    assert [line.line for line in parsed.lines] == [2]
    assert [p.line for p in parsed.problems] == [3, 4, 5, 6, 7, 8]
    reasons = {p.line: p.reason for p in parsed.problems}
    assert "no email address" in reasons[3]
    assert "client.ru" in reasons[4]
    assert "line 2" in reasons[5]
    assert "main address" in reasons[6]
    assert "too long" in reasons[8]


def test_import_error_lists_the_lines() -> None:
    problems = [LineProblem(3, "garbage", "no email address on this line")]
    err = ListImportError(problems)
    assert isinstance(err, ValidationError)
    assert "Line 3: no email address on this line" in err.message
    assert err.problems == tuple(problems)
    assert "garbage" in err.details


def test_many_problems_are_summarised() -> None:
    err = ListImportError([LineProblem(n, "x", "bad") for n in range(1, 26)])
    assert "Line 10: bad" in err.message
    assert "Line 11" not in err.message
    assert "15 more" in err.message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16"])
def test_file_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("tv@client.ru;Телевидение\n".encode(encoding))
    text = read_list_file(path)
    assert parse_list(text, domains=DOMAINS).lines[0].channel_name == "Телевидение"


def test_binary_and_missing_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="not a text file"):
        decode_list(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(ValidationError, match="Cannot read"):
        read_list_file(tmp_path / "missing.csv")
