"""The ``addresses`` and ``sheets`` commands of the command line.

``mailsource addresses list|generate|import|retire|reactivate|export-aliases`` work on the core
alone. ``mailsource sheets`` draws PDF pages with Qt, so it creates an offscreen
``QGuiApplication`` inside that command only; importing this module imports no Qt.
Exit codes are those of :mod:`app.cli`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import AppError, NotFoundError

if TYPE_CHECKING:
    from app.core.addresses.model import TrackingAddress
    from app.core.clients.model import Channel, Client
    from app.core.workspace import Workspace

EXIT_OK = 0


def add_parsers(sub: Any) -> None:
    """Register ``addresses`` and ``sheets`` on the main parser's subparsers."""
    addresses = sub.add_parser("addresses", help="tracking addresses of a client")
    asub = addresses.add_subparsers(dest="action", metavar="ACTION", required=True)
    a_list = asub.add_parser("list", help="list a client's tracking addresses")
    a_list.add_argument("client", help="id or exact name")
    a_list.add_argument("--channel", help="only this channel (id or exact name)")
    a_list.add_argument("--retired", action="store_true", help="include retired addresses")
    a_list.add_argument("--json", action="store_true", help="print JSON")
    a_gen = asub.add_parser("generate", help="create an address for a channel")
    a_gen.add_argument("client", help="id or exact name")
    a_gen.add_argument("channel", help="id or exact name")
    a_gen.add_argument(
        "--style", choices=("plus", "alias"), help="default: the client's address style"
    )
    a_gen.add_argument("--tag", default="", help="the tag (default: made from the channel name)")
    a_gen.add_argument("--notes", default="")
    a_gen.add_argument("--json", action="store_true", help="print the new address as JSON")
    a_imp = asub.add_parser("import", help="import a TXT/CSV list of custom addresses")
    a_imp.add_argument("client", help="id or exact name")
    a_imp.add_argument("file", help="the list file, or - for standard input")
    a_imp.add_argument("--channel", help="channel for lines that name none (id or exact name)")
    for action, help_text in (
        ("retire", "stop using an address (it stays reserved)"),
        ("reactivate", "use a retired address again"),
    ):
        cmd = asub.add_parser(action, help=help_text)
        cmd.add_argument("client", help="id or exact name")
        cmd.add_argument("address")
    a_exp = asub.add_parser(
        "export-aliases",
        aliases=["export"],
        help="save the alias list (CSV) for the client's mail admin",
    )
    a_exp.add_argument("client", help="id or exact name")
    a_exp.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    a_exp.add_argument(
        "--provider",
        choices=("yandex360", "google", "microsoft365", "mailru", "cpanel", "other"),
        help="also print the set-up instructions for this mail provider",
    )

    sheets = sub.add_parser(
        "sheets", aliases=["sheet"], help="save printable address sheets as a PDF"
    )
    sheets.add_argument("client", nargs="?", help="id or exact name")
    sheets.add_argument("--client", dest="client_option", metavar="CLIENT", help="the same")
    sheets.add_argument(
        "--channel",
        action="append",
        default=[],
        help="a channel to print (repeat; default: every channel with an active address)",
    )
    sheets.add_argument("--layout", choices=("sheet", "list"), default="sheet")
    sheets.add_argument("--page", choices=("a4", "letter"), default="a4")
    sheets.add_argument("--agency", help="agency name (default: from the settings)")
    sheets.add_argument("-o", "--output", required=True, metavar="FILE.pdf")


def _open(args: argparse.Namespace, *, write: bool) -> Workspace:
    from app.cli import _open as open_workspace

    return open_workspace(args, write=write)


def _channel(ws: Workspace, client: Client, ref: str) -> Channel:
    for channel in ws.channels.list(client.id):
        if str(channel.id) == ref or channel.name.casefold() == ref.casefold():
            return channel
    raise NotFoundError(f"No channel “{ref}” in client “{client.name}”.")


def _address_json(a: TrackingAddress, channel: str) -> dict[str, Any]:
    return {
        "id": a.id,
        "address": a.display,
        "address_ascii": a.address,
        "channel_id": a.channel_id,
        "channel": channel,
        "style": a.style.value,
        "tag": a.tag,
        "active": a.active,
        "created_at": a.created_at.isoformat(),
        "retired_at": a.retired_at.isoformat() if a.retired_at else None,
        "notes": a.notes,
    }


def cmd_addresses(args: argparse.Namespace) -> int:
    from app.core.addresses.model import AddressFields
    from app.core.addresses.styles import AddressStyle

    with _open(args, write=args.action != "list") as ws:
        client = ws.clients.find(args.client)
        names = {c.id: c.name for c in ws.channels.list(client.id)}
        if args.action == "list":
            channel_id = _channel(ws, client, args.channel).id if args.channel else None
            rows = ws.addresses.list(client.id, channel_id=channel_id, include_retired=args.retired)
            if args.json:
                data = [_address_json(a, names.get(a.channel_id or 0, "")) for a in rows]
                print(json.dumps(data, ensure_ascii=False, indent=2))
            else:
                for a in rows:
                    state = "" if a.active else "  [retired]"
                    channel = names.get(a.channel_id or 0, "-")
                    print(f"{a.id}\t{a.display}\t{channel}\t{a.style.value}{state}")
            return EXIT_OK
        if args.action == "generate":
            target = _channel(ws, client, args.channel)
            style = AddressStyle(args.style) if args.style else None
            if args.tag:
                fields = AddressFields(target.id, style, tag=args.tag, notes=args.notes)
                created = [ws.addresses.create(client.id, fields).value]
            else:
                created = ws.addresses.generate(target.id, style=style).value
                if args.notes:
                    created = [ws.addresses.update_notes(created[0].id, args.notes).value]
            for a in created:
                if args.json:
                    print(json.dumps(_address_json(a, target.name), ensure_ascii=False, indent=2))
                else:
                    print(f"created address {a.id}: {a.display} ({target.name})")
            return EXIT_OK
        if args.action == "import":
            from app.core.addresses.custom_list import read_list_file

            channel_id = _channel(ws, client, args.channel).id if args.channel else None
            text = sys.stdin.read() if args.file == "-" else read_list_file(Path(args.file))
            imported = ws.addresses.import_custom(client.id, text, channel_id=channel_id).value
            print(f"imported {len(imported)} addresses into “{client.name}”")
            return EXIT_OK
        if args.action in ("retire", "reactivate"):
            address = ws.addresses.find(client.id, args.address)
            if args.action == "retire":
                ws.addresses.retire(address.id)
            else:
                ws.addresses.reactivate(address.id)
            print(f"{args.action}d address {address.id}: {address.display}")
            return EXIT_OK
        # export-aliases
        from app.core.addresses import alias_export
        from app.core.addresses.styles import TokenMode

        aliases = ws.addresses.alias_rows(client.id)
        _write(Path(args.output), alias_export.alias_csv(aliases))
        print(f"saved {len(aliases)} aliases to {args.output}", file=sys.stderr)
        if args.provider:
            settings = ws.addresses.settings(client.id)
            print(
                alias_export.instructions(
                    alias_export.Provider(args.provider),
                    main_address=client.main_address,
                    alias_count=len(aliases),
                    plus_addressing=settings.style is AddressStyle.PLUS,
                    token_domain=settings.token_domain
                    if settings.token_mode is TokenMode.SUBDOMAIN
                    else "",
                )
            )
    return EXIT_OK


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise AppError(f"Cannot write {path}: {exc.strerror or exc}") from exc


def cmd_sheets(args: argparse.Namespace) -> int:
    ref = args.client or args.client_option
    if not ref:
        print(
            "error: name the client (mailsource sheet --client NAME -o FILE.pdf)", file=sys.stderr
        )
        return 2
    with _open(args, write=False) as ws:
        client = ws.clients.find(ref)
        if args.channel:
            channel_ids = [_channel(ws, client, ref).id for ref in args.channel]
        else:
            with_address = {
                a.channel_id for a in ws.addresses.list(client.id, include_retired=False)
            }
            channel_ids = [c.id for c in ws.channels.list(client.id) if c.id in with_address]
        agency = ws.settings.agency_name if args.agency is None else args.agency
        logo = str(ws.settings.extra.get("agency_logo", "") or "")
        sheets = ws.addresses.sheets(client.id, channel_ids, agency=agency)

    # Qt only here: drawing the PDF needs a QGuiApplication (fonts), offscreen needs no display.
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["mailsource", "-platform", "offscreen"])
    from app.ui.addresses.sheet_printing import Paper, PrintJob, SheetLayout, write_pdf

    job = PrintJob(
        tuple(sheets),
        SheetLayout(args.layout),
        Paper(args.page),
        client=client.name,
        agency=agency,
        logo=logo,
    )
    result = write_pdf(Path(args.output), job)
    print(f"saved {len(result.pages)} pages ({len(sheets)} addresses) to {args.output}")
    return EXIT_OK
