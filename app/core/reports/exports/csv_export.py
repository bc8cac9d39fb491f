"""CSV export: one UTF-8 file with BOM per table, ``;`` or ``,`` between fields.

With ``;`` (what Excel expects in Russian locales) numbers use a decimal comma as well, so Excel
reads them as numbers; with ``,`` they use a point. Percentages are written with a ``%`` sign,
which Excel reads as a percentage in either locale.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.core.errors import ValidationError
from app.core.i18n import translate
from app.core.jobs import CancelToken, ProgressFn, no_progress
from app.core.reports.exports.tables import Kind, Table, atomic_output, cannot_write, plain

DELIMITERS = (";", ",")
PROGRESS_EVERY = 10_000


def _number(value: Any, kind: Kind, decimal_comma: bool) -> Any:
    if value is None:
        return ""
    if kind is Kind.PERCENT and isinstance(value, float):
        text = f"{value * 100:.1f}%"
    elif kind is Kind.RATIO and isinstance(value, float):
        text = f"{value:.2f}"
    elif isinstance(value, (float, Decimal)):
        text = str(value)
    else:
        return plain(value)
    return text.replace(".", ",") if decimal_comma else text


def table_paths(base: Path, tables: Sequence[Table]) -> list[Path]:
    """``report.csv`` -> ``report_summary.csv``, ...; a folder -> ``folder/summary.csv``, ..."""
    if base.suffix.lower() == ".csv":
        return [base.with_name(f"{base.stem}_{t.name}.csv") for t in tables]
    return [base / f"{t.name}.csv" for t in tables]


def write_csv(
    tables: Sequence[Table],
    base: Path,
    *,
    delimiter: str = ";",
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> list[Path]:
    """Write each table to its own file (see :func:`table_paths`); returns the paths."""
    if delimiter not in DELIMITERS:
        raise ValidationError(
            translate("reports", "The CSV delimiter must be “;” or “,”, not “{d}”.").format(
                d=delimiter
            ),
            field="delimiter",
        )
    token = token or CancelToken()
    decimal_comma = delimiter == ";"
    paths = table_paths(base, tables)
    if base.suffix.lower() != ".csv":
        try:
            base.mkdir(exist_ok=True)
        except OSError as exc:
            raise cannot_write(base, exc) from exc
    for table, path in zip(tables, paths, strict=True):
        kinds = [c.kind for c in table.columns]
        with atomic_output(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow([c.title for c in table.columns])
            for n, row in enumerate(table.rows(), 1):
                # A summary row carries the kind of its value as a third, unwritten cell.
                row_kinds = [Kind.TEXT, row[2]] if len(row) > len(kinds) else kinds
                writer.writerow(
                    [
                        _number(v, k, decimal_comma)
                        for v, k in zip(row[: len(kinds)], row_kinds, strict=True)
                    ]
                )
                if n % PROGRESS_EVERY == 0:
                    token.raise_if_cancelled()
                    progress(n, 0, table.title)
    return paths
