"""Custom address lists: what a customer pastes or sends as a TXT or CSV file.

One address per line; in a CSV the first cell with an ``@`` is the address and the next filled
cell, if any, names the channel. Blank lines, ``#`` comments and a header line are skipped. Every
other line is validated on its own and a bad one is reported with its line number, so the user
can fix the file in one go; the import itself is all-or-nothing (see the service).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.addresses.validation import (
    Address,
    check_client_domain,
    check_not_main,
    parse_address,
)
from app.core.errors import ValidationError
from app.core.i18n import translate

MAX_LINES = 10_000
MAX_FILE_BYTES = 2_000_000
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class ListLine:
    """A good line: the address and the channel name it gave (may be empty)."""

    line: int
    address: Address
    channel_name: str = ""


@dataclass(frozen=True)
class LineProblem:
    """A bad line: its number (from 1), its text and what is wrong with it."""

    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return translate("addresses", "Line {line}: {reason}").format(
            line=self.line, reason=self.reason
        )


@dataclass(frozen=True)
class ParsedList:
    """Every good line and every problem of one list."""

    lines: tuple[ListLine, ...]
    problems: tuple[LineProblem, ...]


class ListImportError(ValidationError):
    """A list with bad lines: nothing was imported; ``problems`` says which lines and why."""

    def __init__(self, problems: Iterable[LineProblem]) -> None:
        self.problems = tuple(problems)
        shown = "\n".join(str(p) for p in self.problems[:10])
        more = len(self.problems) - 10
        if more > 0:
            shown += "\n" + translate("addresses", "… and {n} more.").format(n=more)
        super().__init__(
            translate(
                "addresses", "The list was not imported: {n} line(s) need fixing.\n{lines}"
            ).format(n=len(self.problems), lines=shown),
            field="list",
            details="\n".join(f"{p}\t{p.text}" for p in self.problems),
        )


def _delimiter(lines: list[str]) -> str | None:
    sample = [line for line in lines[:50] if line.strip() and not line.lstrip().startswith("#")]
    counts = {d: sum(line.count(d) for line in sample) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


def _cells(line: str, delimiter: str | None) -> list[str]:
    if delimiter is None:
        return [line.strip()]
    return [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter), [])]


def parse_list(text: str, *, domains: Iterable[str], main_address: str = "") -> ParsedList:
    """Validate every line of a pasted or loaded list (no database needed)."""
    domains = tuple(domains)
    raw_lines = text.splitlines()
    if len(raw_lines) > MAX_LINES:
        raise ValidationError(
            translate("addresses", "The list has {n} lines; at most {max} can be imported.").format(
                n=len(raw_lines), max=MAX_LINES
            ),
            field="list",
        )
    delimiter = _delimiter(raw_lines)
    good: list[ListLine] = []
    problems: list[LineProblem] = []
    first_line: dict[str, int] = {}
    seen_content = False
    for number, raw in enumerate(raw_lines, start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        cells = _cells(line, delimiter)
        address_cell = next((c for c in cells if "@" in c), None)
        if address_cell is None:
            if not seen_content:  # a header such as "address;channel"
                seen_content = True
                continue
            problems.append(
                LineProblem(number, raw, translate("addresses", "no email address on this line"))
            )
            continue
        seen_content = True
        channel = next((c for c in cells if c and c is not address_cell), "")
        try:
            address = parse_address(address_cell)
            check_client_domain(address, domains, raw=address_cell)
            check_not_main(address, main_address)
        except ValidationError as exc:
            problems.append(LineProblem(number, raw, exc.message))
            continue
        earlier = first_line.get(address.key)
        if earlier is not None:
            problems.append(
                LineProblem(
                    number,
                    raw,
                    translate("addresses", "“{address}” is already on line {line}").format(
                        address=address_cell, line=earlier
                    ),
                )
            )
            continue
        first_line[address.key] = number
        good.append(ListLine(number, address, channel))
    return ParsedList(tuple(good), tuple(problems))


def decode_list(data: bytes) -> str:
    """Text of a list file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1251.

    Windows-1251 is the fallback because a list saved by Russian Excel or Notepad is in it.
    """
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError(
            translate("addresses", "This is not a text file: save the list as TXT or CSV."),
            field="list",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def read_list_file(path: Path) -> str:
    """Load a TXT or CSV list; a missing, unreadable or huge file is a clear error."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationError(
                translate("addresses", "{file} is too big for an address list ({mb} MB).").format(
                    file=path, mb=round(size / 1_000_000, 1)
                ),
                field="list",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            translate("addresses", "Cannot read {file}: {reason}").format(
                file=path, reason=exc.strerror or exc
            ),
            field="list",
        ) from exc
    return decode_list(data)
