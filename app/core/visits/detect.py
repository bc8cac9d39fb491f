"""Say what a file is before importing it: format, encoding, delimiter, header and a preview.

The UI shows the :class:`Detection` (and asks for a column mapping or the site's time zone when
needed); the reader then parses with exactly what was detected.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from app.core.i18n import translate
from app.core.visits.encoding import (
    BAD_CHAR,
    EncodingGuess,
    decode_sample,
    guess_encoding,
    read_sample,
)
from app.core.visits.errors import ImportFileError
from app.core.visits.formats.ga4 import FLAT_REQUIRED
from app.core.visits.formats.ga4_ui import is_ga4_ui
from app.core.visits.formats.metrica import is_metrica_header
from app.core.visits.model import VisitFormat

DELIMITERS = ("\t", ";", ",", "|")
PREVIEW_ROWS = 5
_DELIMITER_NAMES = {"\t": "TAB", ";": ";", ",": ",", "|": "|"}


@dataclass(frozen=True)
class Detection:
    """What a visit file was found to be."""

    path: Path
    format: VisitFormat
    encoding: EncodingGuess
    delimiter: str | None
    """``None`` for JSON formats."""
    is_json: bool
    header: tuple[str, ...]
    preview: tuple[tuple[str, ...], ...]
    size: int
    needs_timezone: bool
    """The format writes local times: the site's time zone must be known."""
    needs_mapping: bool
    """A plain CSV: the user must map its columns first."""

    def summary(self) -> str:
        """One line for the import dialog, e.g. "Matomo visits log · UTF-16LE (BOM) · TAB"."""
        parts = [format_name(self.format), self.encoding.label]
        if self.delimiter is not None:
            parts.append(
                translate("visits", "delimiter {delimiter}").format(
                    delimiter=_DELIMITER_NAMES.get(self.delimiter, self.delimiter)
                )
            )
        return " · ".join(parts)


def format_name(fmt: VisitFormat) -> str:
    """The format's name as the user reads it."""
    names = {
        VisitFormat.METRICA: translate("visits", "Yandex Metrica Logs API (visits)"),
        VisitFormat.GA4_NDJSON: translate("visits", "GA4 BigQuery export (JSON)"),
        VisitFormat.GA4_CSV: translate("visits", "GA4 BigQuery query (CSV)"),
        VisitFormat.GA4_UI: translate("visits", "GA4 report download (CSV)"),
        VisitFormat.MATOMO: translate("visits", "Matomo visits log"),
        VisitFormat.CSV: translate("visits", "CSV with a column mapping"),
    }
    return names[fmt]


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the header most often and consistently."""
    best, best_score = ",", 0
    for candidate in DELIMITERS:
        counts = [len(next(csv.reader([line], delimiter=candidate))) - 1 for line in lines[:10]]
        if not counts or counts[0] == 0:
            continue
        consistent = sum(1 for c in counts[1:] if c == counts[0])
        score = counts[0] * 10 + consistent
        if score > best_score:
            best, best_score = candidate, score
    return best


def detect(path: Path, forced: VisitFormat | None = None) -> Detection:
    """Inspect a file; raises ImportFileError when it cannot be a visit export."""
    try:
        size = path.stat().st_size
        sample = read_sample(path)
    except OSError as exc:
        raise ImportFileError(path, exc.strerror or str(exc)) from exc
    if not sample.strip():
        raise ImportFileError(path, translate("visits", "the file is empty"))
    if sample.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            path, translate("visits", "this is an Excel or ZIP file: save it as CSV first")
        )
    if sample.startswith(b"\x1f\x8b"):
        raise ImportFileError(path, translate("visits", "the file is compressed: unpack it first"))
    guess = guess_encoding(sample)
    text = decode_sample(sample, guess)
    if "\x00" in text or text.count(BAD_CHAR) > max(10, len(text) // 100):
        raise ImportFileError(path, translate("visits", "this is not a text file"))
    lines = text.splitlines()
    if size > len(sample) and len(lines) > 1:
        # The sample may cut the last line short: do not judge the format by it.
        lines = lines[:-1]
    content = [line for line in lines if line.strip()]
    first = content[0].lstrip("\ufeff") if content else ""
    stripped = first.lstrip()

    if stripped.startswith(("{", "[")):
        _raise_error_answer(path, text)
        fmt = _json_format(text)
        if forced is not None and forced in (VisitFormat.GA4_NDJSON, VisitFormat.MATOMO):
            fmt = forced
        if fmt is None:
            raise ImportFileError(
                path, translate("visits", "JSON that is neither a GA4 nor a Matomo export")
            )
        return Detection(path, fmt, guess, None, True, (), (), size, False, False)

    if is_ga4_ui(content[:30]):
        table = [line for line in content if not line.startswith("#")]
        delimiter = sniff_delimiter(table[:10]) if table else ","
        header = _row(table[0], delimiter) if table else ()
        return Detection(
            path,
            forced or VisitFormat.GA4_UI,
            guess,
            delimiter,
            False,
            header,
            _preview(table[1:], delimiter),
            size,
            True,
            False,
        )

    if is_metrica_header(first):
        header = tuple(first.split("\t"))
        return Detection(
            path,
            forced or VisitFormat.METRICA,
            guess,
            "\t",
            False,
            header,
            _preview(content[1:], "\t"),
            size,
            True,
            False,
        )

    delimiter = sniff_delimiter(content[:10])
    header = _row(first, delimiter)
    names = {h.strip().lower() for h in header}
    if "event_params" in names:
        raise ImportFileError(
            path,
            translate(
                "visits",
                "a BigQuery table saved as CSV keeps nested columns as JSON: export it as "
                "JSON (newline delimited) or run the query Mailsource shows",
            ),
        )
    if forced is not None:
        fmt = forced
    elif all(name in names for name in FLAT_REQUIRED) and (
        "event_timestamp_us" in names or "event_time_utc" in names
    ):
        fmt = VisitFormat.GA4_CSV
    elif "idvisit" in names:
        fmt = VisitFormat.MATOMO
    else:
        fmt = VisitFormat.CSV
    return Detection(
        path,
        fmt,
        guess,
        delimiter,
        False,
        header,
        _preview(content[1:], delimiter),
        size,
        fmt in (VisitFormat.CSV, VisitFormat.GA4_UI, VisitFormat.METRICA),
        fmt is VisitFormat.CSV,
    )


def _raise_error_answer(path: Path, text: str) -> None:
    # Matomo answers {"result":"error","message":...} with HTTP 200: the "export" is the error.
    if '"result"' not in text or '"error"' not in text:
        return
    try:
        answer = json.loads(text)
    except json.JSONDecodeError:
        return
    if isinstance(answer, dict) and answer.get("result") == "error":
        raise ImportFileError(
            path,
            translate(
                "visits", "the file is an error message from the analytics: {message}"
            ).format(message=str(answer.get("message", ""))[:300]),
        )


def _json_format(text: str) -> VisitFormat | None:
    if '"idVisit"' in text:
        return VisitFormat.MATOMO
    if '"event_timestamp"' in text or '"user_pseudo_id"' in text:
        return VisitFormat.GA4_NDJSON
    return None


def _row(line: str, delimiter: str) -> tuple[str, ...]:
    return tuple(
        cell.strip().lstrip("\ufeff") for cell in next(csv.reader([line], delimiter=delimiter))
    )


def _preview(lines: list[str], delimiter: str) -> tuple[tuple[str, ...], ...]:
    rows = [line for line in lines if line.strip()][:PREVIEW_ROWS]
    return tuple(tuple(next(csv.reader([line], delimiter=delimiter))) for line in rows)
