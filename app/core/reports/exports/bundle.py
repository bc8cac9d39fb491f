"""One entry point for "export this client's report": PDF, XLSX or CSV, in a chosen language.

The GUI's export dialog and ``mailsource report`` both call :func:`export_report`, so the file a
user gets from either is the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from app.core.jobs import CancelToken, ProgressFn, no_progress
from app.core.reports.exports.csv_export import write_csv
from app.core.reports.exports.pdf import PdfOptions, write_pdf
from app.core.reports.exports.tables import report_tables
from app.core.reports.exports.xlsx_export import write_xlsx
from app.core.reports.lang import in_language
from app.core.reports.model import Bucket, ClientReport, Period
from app.core.workspace import Workspace


class ReportFormat(StrEnum):
    """The file formats of a client report."""

    PDF = "pdf"
    XLSX = "xlsx"
    CSV = "csv"


@dataclass(frozen=True)
class ExportRequest:
    """What to export and how."""

    client_id: int
    period: Period
    format: ReportFormat
    path: Path
    language: str | None = None
    """``en`` or ``ru``; None: the interface's language."""
    delimiter: str = ";"
    agency: str = ""
    logo: Path | None = None
    include_leads: bool = True
    """XLSX/CSV: the lead list sheet/file; PDF: the lead list pages (at most 1,000 rows)."""
    bucket: Bucket | None = None


@dataclass(frozen=True)
class ExportResult:
    """The files written and the report they hold."""

    paths: tuple[Path, ...]
    report: ClientReport = field(repr=False)


def export_report(
    ws: Workspace,
    request: ExportRequest,
    *,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> ExportResult:
    """Compute the report and write it; a blocking job (progress, cancel) for a worker thread."""
    token = token or CancelToken()
    with in_language(request.language):
        report = ws.reports.report(request.client_id, request.period, bucket=request.bucket)
        token.raise_if_cancelled()
        if request.format is ReportFormat.PDF:
            options = PdfOptions(
                agency=request.agency,
                logo=request.logo,
                language=request.language,
                include_leads=request.include_leads,
            )
            path = write_pdf(ws.db, report, request.path, options, progress=progress, token=token)
            return ExportResult((path,), report)
        tables = report_tables(ws.db, report, with_leads=request.include_leads)
        if request.format is ReportFormat.XLSX:
            path = write_xlsx(
                tables, request.path, currency=report.currency, progress=progress, token=token
            )
            return ExportResult((path,), report)
        paths = write_csv(
            tables, request.path, delimiter=request.delimiter, progress=progress, token=token
        )
        return ExportResult(tuple(paths), report)
