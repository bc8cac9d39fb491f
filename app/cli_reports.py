"""The ``report``, ``costs``, ``deals`` and ``conversions`` commands of the command line.

``mailsource report --client NAME --from DATE --to DATE --format pdf|xlsx|csv -o PATH`` writes
the same file the GUI's export does. Exit codes, besides those of :mod:`app.cli`:

====  =============================================================================
 0    done (every line of an import was used)
 2    invalid input: a date, the delimiter, a cost in another currency
 3    no such client
 10   the CSV file cannot be read at all (missing, empty, no known header)
 12   the output file cannot be written (folder missing, no permission, disk full)
 13   ``costs import`` / ``deals import``: some lines were not used (listed on stderr)
====  =============================================================================
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import ValidationError

if TYPE_CHECKING:
    from app.core.reports.model import ImportReport
    from app.core.workspace import Workspace

EXIT_OK = 0
EXIT_PARTIAL_IMPORT = 13


def add_parsers(sub: Any) -> None:
    """Register the report commands on the main parser's subparsers."""
    report = sub.add_parser("report", help="export a client's report (PDF, XLSX or CSV)")
    report.add_argument("--client", required=True, help="id or exact name")
    report.add_argument("--from", dest="since", required=True, metavar="DATE", help="first day")
    report.add_argument("--to", dest="until", required=True, metavar="DATE", help="last day")
    report.add_argument("--format", choices=("pdf", "xlsx", "csv"), required=True)
    report.add_argument(
        "--lang", dest="report_lang", choices=("en", "ru"), help="report language (default: en)"
    )
    report.add_argument("--delimiter", choices=(";", ","), default=";", help="CSV only")
    report.add_argument("--tz", default="UTC", help="the client's time zone, e.g. Europe/Moscow")
    report.add_argument("--agency", default="", help="agency name on the PDF cover")
    report.add_argument("--logo", type=Path, help="agency logo (PNG) on the PDF cover")
    report.add_argument(
        "--no-leads", action="store_true", help="leave out the lead list (sheet, files, pages)"
    )
    report.add_argument(
        "-o", "--output", required=True, type=Path,
        help="the file (CSV: NAME.csv gives NAME_summary.csv, ...; a folder gives summary.csv)",
    )  # fmt: skip

    costs = sub.add_parser("costs", help="channel costs of a client")
    csub = costs.add_subparsers(dest="action", metavar="ACTION", required=True)
    c_imp = csub.add_parser("import", help="import costs: channel, period, amount, currency")
    c_imp.add_argument("client", help="id or exact name")
    c_imp.add_argument("file", type=Path)
    c_list = csub.add_parser("list", help="list a client's costs")
    c_list.add_argument("client", help="id or exact name")
    c_list.add_argument("--json", action="store_true")

    deals = sub.add_parser("deals", help="deals from a CRM export")
    dsub = deals.add_subparsers(dest="action", metavar="ACTION", required=True)
    d_imp = dsub.add_parser(
        "import", help="match a CRM CSV to leads by lead id, or by email and date"
    )
    d_imp.add_argument("client", help="id or exact name")
    d_imp.add_argument("file", type=Path)
    d_imp.add_argument("--window-days", type=int, default=3, help="date tolerance (default 3)")

    conv = sub.add_parser(
        "conversions", help="offline-conversion upload file for Yandex Metrica or Google Ads"
    )
    conv.add_argument("--client", required=True, help="id or exact name")
    conv.add_argument("--kind", choices=("metrica", "google-ads"), required=True)
    conv.add_argument("--goal", default="email_lead", help="Metrica goal id / Google conversion")
    conv.add_argument("--from", dest="since", metavar="DATE", help="only leads from this day")
    conv.add_argument("--to", dest="until", metavar="DATE", help="only leads up to this day")
    conv.add_argument("--tz", default="Europe/Moscow", help="Google Ads: the time zone written")
    conv.add_argument("--deals-only", action="store_true", help="only leads that became deals")
    conv.add_argument("-o", "--output", required=True, type=Path)


def _open(args: argparse.Namespace, *, write: bool) -> Workspace:
    from app.cli import _open as open_workspace

    return open_workspace(args, write=write)


def _date(text: str, option: str) -> Any:
    from app.core.reports.costs import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise ValidationError(
            f"{option}: “{text}” is not a date (YYYY-MM-DD or DD.MM.YYYY)", field=option
        ) from None


def _period(args: argparse.Namespace, tz: str) -> Any:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from app.core.reports.model import Period

    start, end = _date(args.since, "--from"), _date(args.until, "--to")
    if end < start:
        raise ValidationError("--to is before --from", field="--to")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"--tz: unknown time zone “{tz}”", field="--tz") from None
    return Period(start, end, tz)


def cmd_report(args: argparse.Namespace) -> int:
    from app.core.reports.exports.bundle import ExportRequest, ReportFormat, export_report

    with _open(args, write=False) as ws:
        client = ws.clients.find(args.client)
        request = ExportRequest(
            client_id=client.id,
            period=_period(args, args.tz),
            format=ReportFormat(args.format),
            path=args.output,
            language=args.report_lang or args.lang or "en",
            delimiter=args.delimiter,
            agency=args.agency,
            logo=args.logo,
            include_leads=not args.no_leads,
        )
        result = export_report(ws, request)
    for path in result.paths:
        print(path)
    return EXIT_OK


def _print_import(report: ImportReport) -> int:
    print(
        f"{report.rows} lines: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.rejected)} not used"
    )
    for line in report.rejected:
        print(f"line {line.line}: {line.reason}", file=sys.stderr)
    return EXIT_PARTIAL_IMPORT if report.rejected else EXIT_OK


def cmd_costs(args: argparse.Namespace) -> int:
    with _open(args, write=args.action != "list") as ws:
        client = ws.clients.find(args.client)
        if args.action == "import":
            return _print_import(ws.costs.import_csv(client.id, args.file).value)
        costs = ws.costs.list(client.id)
    if args.json:
        data = [
            {
                "id": c.id,
                "channel": c.channel_name,
                "from": c.period_start.isoformat(),
                "to": c.period_end.isoformat(),
                "amount": str(c.amount),
                "currency": c.currency,
            }
            for c in costs
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for c in costs:
            period = f"{c.period_start}..{c.period_end}"
            print(f"{c.id}\t{c.channel_name}\t{period}\t{c.amount} {c.currency}")
    return EXIT_OK


def cmd_deals(args: argparse.Namespace) -> int:
    with _open(args, write=True) as ws:
        client = ws.clients.find(args.client)
        result = ws.deals.import_csv(client.id, args.file, window_days=args.window_days)
    return _print_import(result.value)


def cmd_conversions(args: argparse.Namespace) -> int:
    from app.core.reports.exports.conversions import ConversionKind, write_conversions

    with _open(args, write=False) as ws:
        client = ws.clients.find(args.client)
        period = None
        if args.since or args.until:
            if not (args.since and args.until):
                raise ValidationError("give both --from and --to, or neither", field="--from")
            period = _period(args, args.tz)
        done = write_conversions(
            ws.db,
            client.id,
            ConversionKind(args.kind),
            args.output,
            goal=args.goal,
            period=period,
            tz=args.tz,
            deals_only=args.deals_only,
        )
    print(f"{done.path}: {done.conversions} conversions, {done.with_value} with a deal amount")
    return EXIT_OK
