"""XLSX export with openpyxl in write-only (streaming) mode, so a million leads fit in memory.

Each sheet has a bold, frozen header row, column widths, an autofilter over its data, and real
number formats: counts as integers, money with the currency's sign, shares as percentages,
date-times as dates Excel can sort and filter.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.core.jobs import CancelToken, ProgressFn, no_progress
from app.core.reports.exports.tables import Kind, Table, atomic_output

MAX_SHEET_ROWS = 1_048_575
"""Excel's row limit minus the header; longer lead lists continue on a second sheet."""
PROGRESS_EVERY = 10_000
_SIGNS = {"RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸", "BYN": "Br", "UAH": "₴", "GBP": "£"}


def money_format(currency: str) -> str:
    sign = _SIGNS.get(currency.upper(), currency.upper())
    return f'#,##0.00\\ "{sign}"'


def number_formats(currency: str) -> dict[Kind, str]:
    return {
        Kind.TEXT: "General",
        Kind.INT: "#,##0",
        Kind.MONEY: money_format(currency),
        Kind.PERCENT: "0.0%",
        Kind.RATIO: "0.00",
        Kind.MINUTES: "#,##0.0",
        Kind.DATETIME: "yyyy-mm-dd hh:mm",
        Kind.DATE: "yyyy-mm-dd",
    }


def write_xlsx(
    tables: Sequence[Table],
    path: Path,
    *,
    currency: str,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> Path:
    """Write every table as a sheet of one workbook at ``path``."""
    token = token or CancelToken()
    formats = number_formats(currency)
    wb = Workbook(write_only=True)
    # The target is opened first, so an unwritable path fails before any work is done.
    with atomic_output(path, "wb") as handle:
        try:
            for table in tables:
                _write_table(wb, table, formats, progress, token)
        except BaseException:
            # Finish the streaming sheets' writers, or their temp files stay open.
            for sheet in wb.worksheets:
                with suppress(Exception):
                    sheet.close()
            raise
        wb.save(handle)
    return path


def _write_table(
    wb: Workbook,
    table: Table,
    formats: dict[Kind, str],
    progress: ProgressFn,
    token: CancelToken,
) -> None:
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="33475B")
    rows = table.rows()
    part = 1
    pending: Any = None
    while True:
        title = table.title if part == 1 else f"{table.title} ({part})"
        ws = wb.create_sheet(title[:31])
        ws.freeze_panes = "A2"
        for index, column in enumerate(table.columns, 1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        header = []
        for column in table.columns:
            cell = WriteOnlyCell(ws, value=column.title)
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            header.append(cell)
        ws.append(header)
        written = 0
        styles = [formats[c.kind] for c in table.columns]
        if pending is not None:
            ws.append(_cells(ws, pending, styles, formats))
            written, pending = 1, None
        for row in rows:
            if written >= MAX_SHEET_ROWS:
                pending = row
                break
            ws.append(_cells(ws, row, styles, formats))
            written += 1
            if written % PROGRESS_EVERY == 0:
                token.raise_if_cancelled()
                progress(written, 0, table.title)
        last = get_column_letter(len(table.columns))
        ws.auto_filter.ref = f"A1:{last}{written + 1}"
        if pending is None:
            return
        part += 1


def _cells(ws: Any, row: Sequence[Any], styles: list[str], formats: dict[Kind, str]) -> list[Any]:
    if len(row) > len(styles):
        # A summary row: (name, value, kind of the value).
        styles = [formats[Kind.TEXT], formats[row[2]]]
        row = row[:2]
    cells = []
    for value, style in zip(row, styles, strict=True):
        if style == "General":
            cells.append(value)
            continue
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = style
        cells.append(cell)
    return cells
