"""Reading the small CSV files people bring (costs, CRM exports): encoding, delimiter, header.

Excel in Russia saves ``;``-separated files in Windows-1251; Google Sheets saves ``,`` in UTF-8.
Both must import without the user choosing anything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import AppError
from app.core.i18n import translate


class CsvFileError(AppError):
    """A CSV file that cannot be read at all (missing, empty, no header we know)."""

    exit_code = 10


@dataclass(frozen=True)
class RejectedLine:
    """A line of an imported file that was not used, and why (line 1 is the header)."""

    line: int
    reason: str


@dataclass(frozen=True)
class CsvRow:
    """One data line: its number in the file and its cells by our column name."""

    line: int
    cells: dict[str, str]


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _key(name: str) -> str:
    return " ".join(name.strip().lower().replace("_", " ").replace("-", " ").split())


def read_rows(
    source: Path | str, columns: Mapping[str, Sequence[str]], *, required: Sequence[Sequence[str]]
) -> tuple[list[str], Iterator[CsvRow]]:
    """Open ``source`` (a path, or the text itself) and map its header onto ``columns``.

    ``columns`` maps our name to the header spellings accepted for it; ``required`` lists groups
    of our names of which at least one must be present. Returns the names found and the rows.
    """
    if isinstance(source, Path):
        try:
            text = _decode(source.read_bytes())
        except OSError as exc:
            raise CsvFileError(
                translate("reports", "Cannot read {path}: {reason}").format(
                    path=source, reason=exc.strerror or exc
                )
            ) from exc
        where = str(source)
    else:
        text, where = source, translate("reports", "the pasted text")
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise CsvFileError(translate("reports", "{path} is empty.").format(path=where))
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader)
    accepted = {_key(alias): name for name, aliases in columns.items() for alias in aliases}
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        name = accepted.get(_key(title))
        if name is not None and name not in positions:
            positions[name] = index
    for group in required:
        if not any(name in positions for name in group):
            wanted = " / ".join(columns[group[0]][:2])
            raise CsvFileError(
                translate("reports", "{path} has no “{column}” column (header: {header}).").format(
                    path=where, column=wanted, header=delimiter.join(header)
                )
            )

    def rows() -> Iterator[CsvRow]:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            yield CsvRow(
                reader.line_num,
                {
                    name: cells[pos].strip() if pos < len(cells) else ""
                    for name, pos in positions.items()
                },
            )

    return list(positions), rows()
