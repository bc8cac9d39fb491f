"""The ``mailsource`` command line: the GUI's data operations, for scripts and schedulers.

``mailsource`` with no command opens the GUI. Commands print plain text (or JSON with ``--json``)
and exit with codes a script can rely on:

====  =======================================================
 0    success
 1    other user-facing error
 2    invalid input or usage (bad name, duplicate, bad option)
 3    not found (no such client or channel)
 4    storage error (database unreadable, locked, full, unreachable)
 5    the data folder is open in another Mailsource
 6    a database upgrade failed (the previous copy was restored)
 7    the system keyring is unavailable (passwords cannot be stored or read)
 8    ``sync``: partial success (some folders or mailboxes failed, the rest synced)
 9    ``sync``/``mailbox test``: failed (wrong password, TLS, server unreachable, folder gone)
 10   ``visits import``: the file cannot be imported (empty, other format, truncated, disk)
 11   ``visits import``: cancelled; nothing of the import was kept
 12   ``report``/``conversions``: the output file cannot be written
 13   ``costs import``/``deals import``: some lines were not used (listed on stderr)
====  =======================================================

The command line lives on the core alone; only ``gui`` and ``--smoke-test`` import Qt.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from app import cli_addresses, cli_reports, cli_visits
from app.core.clients.model import ChannelFields, ChannelKind, Client, ClientFields
from app.core.errors import AppError, NotFoundError
from app.core.logs import setup_logging
from app.core.paths import resolve_location
from app.options import EXIT_USAGE, global_parser

if TYPE_CHECKING:
    from app.core.workspace import Workspace

log = logging.getLogger(__name__)

EXIT_OK = 0


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; ``commands=False`` gives only the global options (the GUI's)."""
    p = global_parser(add_help=commands)  # help always comes from the full parser
    if not commands:
        p.set_defaults(command=None)
        return p
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    clients = sub.add_parser("clients", help="list and change client projects")
    csub = clients.add_subparsers(dest="action", metavar="ACTION", required=True)
    c_list = csub.add_parser("list", help="list clients")
    c_list.add_argument("--archived", action="store_true", help="include archived clients")
    c_list.add_argument("--search", default="", help="name or domain contains this")
    c_list.add_argument("--json", action="store_true", help="print JSON")
    c_add = csub.add_parser("add", help="create a client")
    c_add.add_argument("name")
    c_add.add_argument("--address", default="", help="main address, e.g. info@client.ru")
    c_add.add_argument("--domain", action="append", default=[], help="an email domain (repeat)")
    c_add.add_argument("--currency", default="RUB")
    c_add.add_argument("--notes", default="")
    c_add.add_argument("--json", action="store_true", help="print the new client as JSON")
    c_ren = csub.add_parser("rename", help="rename a client")
    c_ren.add_argument("client", help="id or exact name")
    c_ren.add_argument("new_name")
    for action, help_text in (("archive", "archive a client"), ("restore", "restore a client")):
        cmd = csub.add_parser(action, help=help_text)
        cmd.add_argument("client", help="id or exact name")
    c_del = csub.add_parser("delete", help="delete a client and all of its data")
    c_del.add_argument("client", help="id or exact name")
    c_del.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    channels = sub.add_parser("channels", help="list and change a client's channels")
    hsub = channels.add_subparsers(dest="action", metavar="ACTION", required=True)
    h_list = hsub.add_parser("list", help="list a client's channels")
    h_list.add_argument("client", help="id or exact name")
    h_list.add_argument("--json", action="store_true")
    h_add = hsub.add_parser("add", help="add a channel")
    h_add.add_argument("client", help="id or exact name")
    h_add.add_argument("name")
    h_add.add_argument("--kind", choices=[k.value for k in ChannelKind], default="offline")
    h_add.add_argument("--color", default="", help="#rrggbb (default: next palette colour)")
    h_add.add_argument("--notes", default="")
    h_del = hsub.add_parser("delete", help="delete a channel")
    h_del.add_argument("client", help="id or exact name")
    h_del.add_argument("channel", help="id or exact name")
    h_del.add_argument("--yes", action="store_true")

    db = sub.add_parser("db", help="database maintenance")
    dsub = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    dsub.add_parser("info", help="where the data is and its schema version")
    dsub.add_parser("upgrade", help="migrate the database to this version's schema")

    demo = sub.add_parser("demo", help="fill the data folder with demo clients and channels")
    demo.add_argument("--quiet", action="store_true")

    cli_addresses.add_parsers(sub)
    cli_visits.add_parsers(sub)
    cli_reports.add_parsers(sub)

    _add_mailbox_commands(sub)

    sub.add_parser("gui", help="open the app (the default)")
    return p


def _add_mailbox_commands(sub: Any) -> None:
    """``mailbox add|test|list|remove``, ``sync`` and ``reattribute``."""
    from app.core.mailboxes.presets import PRESETS

    mailbox = sub.add_parser("mailbox", help="a client's IMAP mailboxes")
    msub = mailbox.add_subparsers(dest="action", metavar="ACTION", required=True)
    m_add = msub.add_parser(
        "add", help="add a mailbox (the password is asked for, or read from stdin)"
    )
    m_add.add_argument("client", help="id or exact name")
    m_add.add_argument("--preset", choices=[p.key for p in PRESETS], default="other")
    m_add.add_argument("--host", help="IMAP server (default: the preset's)")
    m_add.add_argument("--user", required=True, help="user name, usually the full address")
    m_add.add_argument("--port", type=int, help="default: 993 for ssl, 143 for starttls/plain")
    m_add.add_argument("--security", choices=("ssl", "starttls", "plain"), default=None)
    m_add.add_argument(
        "--allow-plaintext",
        action="store_true",
        help="accept that --security plain sends the password and mail unencrypted",
    )
    m_add.add_argument("--ca-file", default="", help="CA certificate (PEM) of a private server")
    m_add.add_argument("--folder", action="append", default=[], help="folder to read (repeat)")
    m_add.add_argument("--sent-folder", default="", help="default: found by the \\Sent flag")
    m_add.add_argument("--since", default="", help="first sync reads mail since YYYY-MM-DD")
    m_add.add_argument("--name", default="")
    m_add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    m_add.add_argument("--no-test", action="store_true", help="save without testing the login")
    m_test = msub.add_parser("test", help="log in, list the folders, report what was found")
    m_test.add_argument("mailbox", type=int, help="mailbox id")
    m_test.add_argument("--json", action="store_true")
    m_list = msub.add_parser("list", help="list mailboxes and their last sync")
    m_list.add_argument("client", nargs="?", help="id or exact name (default: all clients)")
    m_list.add_argument("--json", action="store_true")
    m_rm = msub.add_parser("remove", help="remove a mailbox and its keyring entry")
    m_rm.add_argument("mailbox", type=int, help="mailbox id")
    m_rm.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    sync = sub.add_parser(
        "sync", help="read new mail of active mailboxes (exit 0 ok, 8 partial, 9 failed)"
    )
    sync.add_argument("--client", help="only this client's mailboxes (id or exact name)")
    sync.add_argument("--mailbox", type=int, help="only this mailbox (id)")
    sync.add_argument("--quiet", action="store_true", help="print nothing on success")

    re_ = sub.add_parser("reattribute", help="match a client's stored mail against its addresses")
    re_.add_argument("client", help="id or exact name")


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and run; returns the process exit code."""
    argv = list(argv)
    # Opening the GUI needs only the global options: building every command's parser first
    # would cost the window a noticeable part of its start-up.
    args, rest = build_parser(commands=False).parse_known_args(argv)
    if rest or "-h" in argv or "--help" in argv:
        args = build_parser().parse_args(argv)
    if args.demo or args.smoke_test or args.command in (None, "gui"):
        from app.ui.application import run_gui

        return run_gui(args)

    location = resolve_location(args.data_dir)
    setup_logging(location.log_dir, level=logging.DEBUG if args.verbose else logging.INFO)
    handler = _COMMANDS[args.command]
    try:
        return handler(args)
    except AppError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        if args.verbose and exc.details:
            print(exc.details, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _open(args: argparse.Namespace, *, write: bool) -> Workspace:
    # Imported here: the GUI path must not pay for SQLAlchemy before its window shows.
    from app.core.workspace import Workspace

    return Workspace.open(resolve_location(args.data_dir), database_url=args.db_url, lock=write)


def _client_json(c: Client) -> dict[str, Any]:
    from app.core.clients.validation import address_to_unicode, domain_to_unicode

    data = asdict(c)
    data["domains"] = [domain_to_unicode(d) for d in c.domains]
    data["main_address"] = address_to_unicode(c.main_address)
    data["created_at"] = c.created_at.isoformat()
    data["updated_at"] = c.updated_at.isoformat()
    return data


def _confirm(question: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        print("error: refusing to delete without --yes (no terminal to ask)", file=sys.stderr)
        return False
    return input(f"{question} [y/N] ").strip().lower() in {"y", "yes", "д", "да"}


def _cmd_clients(args: argparse.Namespace) -> int:
    write = args.action != "list"
    with _open(args, write=write) as ws:
        if args.action == "list":
            clients = ws.clients.list(include_archived=args.archived, search=args.search)
            if args.json:
                print(json.dumps([_client_json(c) for c in clients], ensure_ascii=False, indent=2))
            else:
                from app.core.clients.validation import address_to_unicode

                for c in clients:
                    flag = "  [archived]" if c.archived else ""
                    address = address_to_unicode(c.main_address) or "-"
                    print(f"{c.id}\t{c.name}\t{address}\t{c.channel_count} channels{flag}")
            return EXIT_OK
        if args.action == "add":
            result = ws.clients.create(
                ClientFields(
                    name=args.name,
                    domains=tuple(args.domain),
                    main_address=args.address,
                    currency=args.currency,
                    notes=args.notes,
                )
            )
            if args.json:
                print(json.dumps(_client_json(result.value), ensure_ascii=False, indent=2))
            else:
                print(f"created client {result.value.id}: {result.value.name}")
            return EXIT_OK
        client = ws.clients.find(args.client)
        if args.action == "rename":
            renamed = ws.clients.rename(client.id, args.new_name).value
            print(f"renamed client {client.id}: {client.name} -> {renamed.name}")
        elif args.action in ("archive", "restore"):
            ws.clients.set_archived(client.id, args.action == "archive")
            print(f"{args.action}d client {client.id}: {client.name}")
        elif args.action == "delete":
            question = f"Delete client “{client.name}” and all of its data?"
            if not _confirm(question, args.yes):
                return EXIT_USAGE
            ws.clients.delete(client.id)
            print(f"deleted client {client.id}: {client.name}")
    return EXIT_OK


def _cmd_channels(args: argparse.Namespace) -> int:
    with _open(args, write=args.action != "list") as ws:
        client = ws.clients.find(args.client)
        if args.action == "list":
            channels = ws.channels.list(client.id)
            if args.json:
                rows = [
                    {**asdict(c), "created_at": c.created_at.isoformat(),
                     "updated_at": c.updated_at.isoformat()}
                    for c in channels
                ]  # fmt: skip
                print(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                for ch in channels:
                    state = "" if ch.active else "  [paused]"
                    print(f"{ch.id}\t{ch.name}\t{ch.kind.value}\t{ch.color}{state}")
            return EXIT_OK
        if args.action == "add":
            fields = ChannelFields(
                name=args.name, kind=ChannelKind(args.kind), color=args.color, notes=args.notes
            )
            channel = ws.channels.create(client.id, fields).value
            print(f"created channel {channel.id}: {channel.name}")
            return EXIT_OK
        # delete
        matches = [
            c
            for c in ws.channels.list(client.id)
            if str(c.id) == args.channel or c.name.casefold() == args.channel.casefold()
        ]
        if not matches:
            raise NotFoundError(f"No channel “{args.channel}” in client “{client.name}”.")
        channel = matches[0]
        if not _confirm(f"Delete channel “{channel.name}”?", args.yes):
            return EXIT_USAGE
        ws.channels.delete(channel.id)
        print(f"deleted channel {channel.id}: {channel.name}")
    return EXIT_OK


def _cmd_db(args: argparse.Namespace) -> int:
    with _open(args, write=args.action == "upgrade") as ws:
        from app.core.storage.migrate import current_revision

        print(f"database: {ws.db.describe()}")
        print(f"schema: {current_revision(ws.db)}")
        if ws.migration is not None and ws.migration.changed:
            print(f"upgraded from {ws.migration.from_revision or 'empty'}")
            if ws.migration.backup is not None:
                print(f"backup: {ws.migration.backup}")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from app.core.demo import generate_demo

    with _open(args, write=True) as ws:
        changes = generate_demo(ws)
        if not args.quiet:
            print(
                f"demo data: {len(changes.clients)} clients, {len(changes.channels)} channels "
                f"in {ws.db.describe()}"
            )
    return EXIT_OK


# ---- mailboxes and sync ------------------------------------------------------------------------

EXIT_PARTIAL = 8
EXIT_FAILED = 9


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass(f"Password for {args.user}: ")
    if not password:
        from app.core.errors import ValidationError

        raise ValidationError("No password given.", field="password")
    return password


def _mailbox_json(m: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": m.id,
        "client_id": m.client_id,
        "name": m.display_name,
        "preset": m.preset,
        "host": m.host,
        "port": m.port,
        "security": m.security.value,
        "username": m.username,
        "folders": list(m.folders),
        "sent_folder": m.sent_folder,
        "active": m.active,
        "last_sync_at": m.last_sync_at.isoformat() if m.last_sync_at else None,
        "last_sync_status": m.last_sync_status.value,
        "last_sync_message": m.last_sync_message,
        "folder_states": [
            {"name": f.name, "role": f.role.value, "last_uid": f.last_uid, "error": f.last_error}
            for f in m.folder_states
        ],
    }
    return data


def _print_report(report: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps(asdict(report), ensure_ascii=False, indent=2, default=str))
        return
    print(f"connected; {report.inbox_messages} messages in the inbox")
    for folder in report.folders:
        role = f" [{folder.role.value}]" if folder.role else ""
        count = "" if folder.messages is None else f"  {folder.messages} messages"
        print(f"  {folder.name}{role}{count}")
    print(f"suggested folders: {', '.join(report.suggested_folders)}")
    print(f"sent folder: {report.sent_folder or '(none found)'}")


def _cmd_mailbox(args: argparse.Namespace) -> int:
    from app.core.mail.imap import test_connection
    from app.core.mailboxes.model import MailboxFields, Security

    with _open(args, write=args.action != "list") as ws:
        if args.action == "list":
            client_id = ws.clients.find(args.client).id if args.client else None
            mailboxes = ws.mailboxes.list(client_id)
            if args.json:
                rows = [_mailbox_json(m) for m in mailboxes]
                print(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                for m in mailboxes:
                    state = m.last_sync_status.value or "never synced"
                    flag = "" if m.active else "  [inactive]"
                    print(
                        f"{m.id}\t{m.client_id}\t{m.username}@{m.host}:{m.port}\t"
                        f"{','.join(m.folders)}\t{state}{flag}"
                    )
            return EXIT_OK
        if args.action == "add":
            import datetime as dt

            from app.core.mailboxes.presets import preset

            client = ws.clients.find(args.client)
            chosen = preset(args.preset)
            security = Security(args.security) if args.security else chosen.security
            default_port = 993 if security is Security.SSL else 143
            port = args.port or (chosen.port if security is chosen.security else default_port)
            fields = MailboxFields(
                host=args.host or chosen.host,
                username=args.user,
                port=port,
                security=security,
                name=args.name,
                preset=chosen.key,
                ca_file=args.ca_file,
                folders=tuple(args.folder) or ("INBOX",),
                sent_folder=args.sent_folder,
                sync_since=dt.date.fromisoformat(args.since) if args.since else None,
                allow_plaintext=args.allow_plaintext,
            )
            from app.core.mailboxes.service import clean_fields

            clean_fields(fields)  # a typo fails before the password prompt
            password = _read_password(args)
            if not args.no_test:
                _print_report(test_connection(fields, password), as_json=False)
            created = ws.mailboxes.create(client.id, fields, password).value
            print(f"added mailbox {created.id}: {created.username} on {created.host}")
            return EXIT_OK
        mailbox = ws.mailboxes.get(args.mailbox)
        if args.action == "test":
            password = ws.mailboxes.password(mailbox.id) or ""
            if not password:
                print(f"error: no password stored for mailbox {mailbox.id}", file=sys.stderr)
                return EXIT_FAILED
            _print_report(test_connection(mailbox, password), as_json=args.json)
            return EXIT_OK
        # remove
        if not _confirm(f"Remove mailbox {mailbox.username} on {mailbox.host}?", args.yes):
            return EXIT_USAGE
        ws.mailboxes.delete(mailbox.id)
        print(f"removed mailbox {mailbox.id}; its leads stay with the client")
    return EXIT_OK


def _cmd_sync(args: argparse.Namespace) -> int:
    from app.core.mail.sync import SyncResult, sync_client, sync_mailbox
    from app.core.mailboxes.model import SyncStatus

    with _open(args, write=True) as ws:
        results: list[SyncResult]
        if args.mailbox is not None:
            results = [sync_mailbox(ws, args.mailbox)]
        else:
            client_id = ws.clients.find(args.client).id if args.client else None
            results = sync_client(ws, client_id)
        for result in results:
            if args.quiet and result.status is SyncStatus.OK:
                continue
            stream = sys.stdout if result.status is SyncStatus.OK else sys.stderr
            print(
                f"mailbox {result.mailbox_id}: {result.status.value}: {result.message}",
                file=stream,
            )
            for folder in result.folders:
                if folder.error or not args.quiet:
                    print(
                        f"  {folder.folder}: {folder.fetched} fetched, {folder.stored} new, "
                        f"{folder.filtered} filtered, {folder.duplicates} already stored"
                        + (f"; {folder.error}" if folder.error else ""),
                        file=stream,
                    )
    statuses = {r.status for r in results}
    if not results or statuses == {SyncStatus.OK}:
        return EXIT_OK
    if statuses <= {SyncStatus.FAILED}:
        return EXIT_FAILED
    return EXIT_PARTIAL


def _cmd_reattribute(args: argparse.Namespace) -> int:
    from app.core.attribution.reattribute import reattribute

    with _open(args, write=True) as ws:
        client = ws.clients.find(args.client)
        changes = reattribute(ws, client.id)
        print(
            f"re-attributed the stored mail of {client.name}: "
            + ("attributions changed" if not changes.empty else "nothing changed")
        )
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "clients": _cmd_clients,
    "channels": _cmd_channels,
    "db": _cmd_db,
    "demo": _cmd_demo,
    "addresses": cli_addresses.cmd_addresses,
    "sheets": cli_addresses.cmd_sheets,
    "sheet": cli_addresses.cmd_sheets,
    "visits": cli_visits.cmd_visits,
    "snippet": cli_visits.cmd_snippet,
    "report": cli_reports.cmd_report,
    "costs": cli_reports.cmd_costs,
    "deals": cli_reports.cmd_deals,
    "conversions": cli_reports.cmd_conversions,
    "mailbox": _cmd_mailbox,
    "sync": _cmd_sync,
    "reattribute": _cmd_reattribute,
}


def demo_data_dir() -> str:
    """A throwaway data folder for ``--demo``."""
    return tempfile.mkdtemp(prefix="mailsource-demo-")
