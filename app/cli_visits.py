"""``mailsource visits import|history|rejects|health`` and ``mailsource snippet``.

Exit codes (besides the common ones in :mod:`app.cli`):

====  =================================================================================
 0    imported (rows may have been skipped: they are listed)
 10   the file cannot be imported (empty, another format, truncated, too big for the disk)
 11   cancelled (Ctrl+C): nothing of the import was kept
====  =================================================================================
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import Cancelled

if TYPE_CHECKING:
    from app.core.workspace import Workspace

EXIT_OK = 0
EXIT_CANCELLED = 11
FORMATS = ("auto", "metrica", "ga4-ndjson", "ga4-csv", "ga4-ui", "matomo", "csv")
SHOWN_REJECTS = 20


def add_parsers(sub: Any) -> None:
    """Register ``visits`` and ``snippet`` on the main parser's subparsers."""
    visits = sub.add_parser("visits", help="import web analytics visits (dynamic tracking)")
    vsub = visits.add_subparsers(dest="action", metavar="ACTION", required=True)
    v_imp = vsub.add_parser(
        "import", help="import a visits export (exit 10: the file cannot be imported)"
    )
    v_imp.add_argument("file")
    v_imp.add_argument("--client", required=True, help="id or exact name")
    v_imp.add_argument("--format", choices=FORMATS, default="auto")
    v_imp.add_argument("--mapping", help="a saved column mapping (for --format csv)")
    v_imp.add_argument(
        "--timezone", help="the analytics' time zone, e.g. Europe/Moscow (saved for the client)"
    )
    v_imp.add_argument("--json", action="store_true", help="print the result as JSON")
    v_hist = vsub.add_parser("history", help="a client's visit imports")
    v_hist.add_argument("client", help="id or exact name")
    v_hist.add_argument("--json", action="store_true")
    v_rej = vsub.add_parser("rejects", help="the rows an import skipped (CSV with -o)")
    v_rej.add_argument("import_id", type=int)
    v_rej.add_argument("-o", "--output", metavar="FILE.csv")
    v_health = vsub.add_parser("health", help="fixed-pool health from the imported traffic")
    v_health.add_argument("client", help="id or exact name")

    snippet = sub.add_parser("snippet", help="print the client's website snippet")
    snippet.add_argument("--client", required=True, help="id or exact name")
    snippet.add_argument("--minified", action="store_true", help="the <script> tag to paste")
    snippet.add_argument("--steps", action="store_true", help="also print installation steps")


def _open(args: argparse.Namespace, *, write: bool) -> Workspace:
    from app.cli import _open as open_workspace

    return open_workspace(args, write=write)


def cmd_visits(args: argparse.Namespace) -> int:
    if args.action == "import":
        return _import(args)
    with _open(args, write=False) as ws:
        if args.action == "history":
            client = ws.clients.find(args.client)
            records = ws.visits.history(client.id)
            if args.json:
                rows = [
                    {
                        **{k: v for k, v in r.__dict__.items() if k != "warnings"},
                        "started_at": r.started_at.isoformat(),
                        "finished_at": r.finished_at.isoformat() if r.finished_at else None,
                        "first_visit_at": r.first_visit_at.isoformat()
                        if r.first_visit_at
                        else None,
                        "last_visit_at": r.last_visit_at.isoformat() if r.last_visit_at else None,
                        "warnings": list(r.warnings),
                    }
                    for r in records
                ]
                print(json.dumps(rows, ensure_ascii=False, indent=2))
                return EXIT_OK
            for r in records:
                print(
                    f"{r.id}\t{r.started_at:%Y-%m-%d %H:%M}\t{r.status}\t{r.format}\t"
                    f"read {r.rows_read}, new {r.imported}, updated {r.updated}, "
                    f"rejected {r.rejected}, robots {r.bots}\t{r.file_name}"
                )
            return EXIT_OK
        if args.action == "rejects":
            if args.output:
                count = ws.visits.export_rejects(args.import_id, Path(args.output))
                print(f"{count} rejected rows written to {args.output}")
                return EXIT_OK
            for row in ws.visits.rejects(args.import_id):
                print(f"line {row.line}\t{row.kind.value}\t{row.reason}")
            return EXIT_OK
        # health
        client = ws.clients.find(args.client)
        health = ws.visits.pool_health(client.id)
        rate = health.collision_rate
        print(f"visits: {health.visits}")
        print(f"peak visits per minute: {health.peak_per_minute:g}")
        print(f"mean visit: {health.mean_visit_minutes:.1f} min, hold {health.hold_minutes} min")
        print(f"peak concurrent visitors: {health.peak_concurrent}")
        print(f"pool: {health.pool_size} addresses, recommended {health.recommended}")
        print(
            "collision rate: "
            + ("n/a" if rate is None else f"{rate:.1%} of {health.pool_leads} pool leads")
        )
        if health.too_small:
            print(f"warning: {health.warning()}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from app.core.jobs import CancelToken
    from app.core.visits.detect import detect
    from app.core.visits.importer import import_visits
    from app.core.visits.model import RejectKind, VisitFormat
    from app.core.visits.options import ImportOptions, parse_zone

    path = Path(args.file)
    forced = None if args.format == "auto" else VisitFormat(args.format)
    with _open(args, write=True) as ws:
        client = ws.clients.find(args.client)
        if args.timezone:
            parse_zone(args.timezone)
            settings = ws.visits.settings(client.id)
            if settings.site_timezone != args.timezone:
                import dataclasses

                ws.visits.save_settings(
                    client.id, dataclasses.replace(settings, site_timezone=args.timezone)
                )
        mapping = ws.visits.mapping(client.id, args.mapping) if args.mapping else None
        detection = detect(path, forced)
        if not args.json:
            print(f"detected: {detection.summary()}")
        token = CancelToken()
        try:
            result = import_visits(
                ws,
                client.id,
                path,
                ImportOptions(site_timezone=args.timezone or None),
                token=token,
                detection=detection,
                forced_format=forced,
                mapping=mapping,
            )
        except (KeyboardInterrupt, Cancelled):
            print("cancelled: nothing of this import was kept", file=sys.stderr)
            return EXIT_CANCELLED
    if args.json:
        print(
            json.dumps(
                {
                    "import_id": result.import_id,
                    "format": detection.format.value,
                    "encoding": detection.encoding.label,
                    "rows_read": result.rows_read,
                    "imported": result.imported,
                    "updated": result.updated,
                    "rejected": result.rejected,
                    "robots": result.bots,
                    "attributed_leads": result.attributed,
                    "waiting_leads": result.waiting,
                    "warnings": list(result.warnings),
                    "rejected_rows": [
                        {"line": r.line, "reason": r.reason} for r in result.rejected_rows
                    ],
                    "seconds": round(result.seconds, 2),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    print(
        f"read {result.rows_read} rows: {result.imported} new visits, {result.updated} updated, "
        f"{result.rejected} rejected, {result.bots} robot visits skipped "
        f"({result.seconds:.1f} s)"
    )
    for warning in result.warnings:
        print(f"warning: {warning}")
    bad = [r for r in result.rejected_rows if r.kind is RejectKind.BAD_ROW]
    for row in bad[:SHOWN_REJECTS]:
        print(f"  line {row.line}: {row.reason}")
    if result.rejected > SHOWN_REJECTS:
        print(
            f"  ... {result.rejected - SHOWN_REJECTS} more: "
            f"mailsource visits rejects {result.import_id} -o rejected.csv"
        )
    print(f"leads: {result.attributed} matched to a visit, {result.waiting} waiting for visits")
    return EXIT_OK


def cmd_snippet(args: argparse.Namespace) -> int:
    from app.core.snippet import installation_steps, render_script, render_tag
    from app.core.visits.service import snippet_settings

    with _open(args, write=False) as ws:
        client = ws.clients.find(args.client)
        settings = snippet_settings(ws, client.id)
    if args.minified:
        print(render_tag(settings))
    else:
        print(f"<script>\n{render_script(settings, minify=False)}</script>")
    if args.steps:
        print()
        for number, step in enumerate(installation_steps(settings), 1):
            print(f"{number}. {step}")
    return EXIT_OK
