"""The sync engine: read a mailbox's new mail, read-only, and file it as leads.

Per folder the engine remembers UIDVALIDITY and the highest UID handled (``mailbox_folders``):

- a run with nothing new costs one ``STATUS`` round trip per folder;
- otherwise the folder is opened with ``EXAMINE`` (read-only), the new UIDs found with
  ``UID SEARCH`` (on the first sync only mail since ``sync_since``, default 90 days before the
  mailbox was added) and fetched in batches: the lead header fields, ``BODYSTRUCTURE``,
  ``INTERNALDATE`` and the first bytes of the body (``BODY.PEEK[TEXT]<0.N>``, which holds the
  text part of almost all mail) in one round trip; only the few messages whose text part starts
  further in get a second, ``BODY.PEEK[<part>]<0.N>``. Attachment bodies are never fetched;
- each batch is one transaction: its leads and the folder's new watermark. Killing the process
  or losing the connection at any moment loses nothing; the next run starts after the last
  committed batch, and the unique ``dedup_key`` makes any overlap harmless;
- a changed UIDVALIDITY rescans the folder (deduplicated by ``dedup_key``).

The Sent folder (``\\Sent`` or the mailbox's ``sent_folder``) is read for replies only: its
messages' In-Reply-To/References give each lead its first reply time.

A connection lost mid-folder is retried once on a new connection. Folder failures (a folder
deleted on the server) leave the other folders syncing: the result is ``partial``. Login, TLS
and connection failures make it ``failed``. Every outcome is recorded on the mailbox.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.core.attribution.rules import LeadDraft
from app.core.attribution.store import LeadStore, Sql
from app.core.changes import Changes
from app.core.errors import AppError, Cancelled
from app.core.i18n import translate
from app.core.jobs import CancelToken, ProgressFn, no_progress
from app.core.mail.batch import (
    LEAD_FETCH_ITEMS,
    BatchParser,
    ParsedBatch,
    aware,
    by_uid,
    header_block,
    lead_fetch_items,
    parse_answer,
)
from app.core.mail.headers import HeaderFields, parse_date, parse_message_ids
from app.core.mail.imap import (
    DEFAULT_TIMEOUT,
    AuthError,
    ConnectError,
    FolderError,
    ImapSession,
    MailboxError,
    connect,
)
from app.core.mail.message import header_fetch_item
from app.core.mailboxes.model import FolderRole, FolderState, Mailbox, SyncStatus
from app.core.storage.models import MailboxFolderRow
from app.core.workspace import Workspace

log = logging.getLogger(__name__)

BATCH_SIZE = 1000
"""Messages per FETCH and per transaction (IMAP_NOTES: 500-2000 is the sweet spot)."""
HELPER_FROM = 2 * BATCH_SIZE
"""New mail in a folder from which parsing moves to a helper process (starting one costs about
0.2 s of the other core; from two batches on, parsing alongside pays for it)."""
DEFAULT_SINCE_DAYS = 90

_SENT_FIELDS = ("MESSAGE-ID", "IN-REPLY-TO", "REFERENCES", "DATE")


@dataclass(frozen=True)
class FolderResult:
    """How one folder's sync went."""

    folder: str
    role: FolderRole
    fetched: int
    stored: int
    """New leads (for the Sent folder: leads that got a reply time)."""
    filtered: int
    duplicates: int
    error: str
    """"" when the folder synced; else what went wrong, in words."""


@dataclass(frozen=True)
class SyncResult:
    """How a mailbox's sync ended; ``changes`` tells the views what to refresh."""

    mailbox_id: int
    status: SyncStatus
    folders: tuple[FolderResult, ...]
    new_leads: int
    replies_found: int
    message: str
    changes: Changes
    round_trips: int = 0
    """IMAP commands sent (LOGIN, STATUS, EXAMINE, SEARCH, FETCH, LOGOUT)."""
    details: str = ""
    """Technical detail of the failure, for "Copy details" (never a password)."""
    error_kind: str = ""
    """``auth``, ``tls``, ``connect``, ``folder`` or "" (what the GUI's row shows)."""


@dataclass
class _Run:
    """Mutable state of one mailbox run."""

    mailbox: Mailbox
    password: str
    store: LeadStore
    since: dt.date
    progress: ProgressFn
    token: CancelToken
    timeout: float
    session: ImapSession | None = None
    round_trips: int = 0
    results: list[FolderResult] = field(default_factory=list)
    listed: dict[str, FolderRole | None] | None = None
    helper_from: int = HELPER_FROM

    def open(self) -> ImapSession:
        if self.session is None:
            self.session = connect(self.mailbox, self.password, timeout=self.timeout)
        return self.session

    def drop(self, *, logout: bool = True) -> None:
        if self.session is not None:
            self.session.close(logout=logout)
            self.round_trips += self.session.round_trips
            self.session = None


def _error_kind(exc: BaseException) -> str:
    from app.core.mail.imap import TlsError

    if isinstance(exc, AuthError):
        return "auth"
    if isinstance(exc, TlsError):
        return "tls"
    if isinstance(exc, FolderError):
        return "folder"
    return "connect"


def window_start(mailbox: Mailbox) -> dt.date:
    """The oldest arrival date synced: ``sync_since``, else 90 days before the mailbox was
    added (stable across runs, so an interrupted first sync resumes the same window)."""
    if mailbox.sync_since is not None:
        return mailbox.sync_since
    return mailbox.created_at.astimezone(dt.UTC).date() - dt.timedelta(days=DEFAULT_SINCE_DAYS)


def sync_mailbox(
    ws: Workspace,
    mailbox_id: int,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
    *,
    password: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    batch_size: int = BATCH_SIZE,
    helper_from: int = HELPER_FROM,
) -> SyncResult:
    """Sync one mailbox's folders and its Sent folder; record and return how it went.

    A folder with ``helper_from`` new messages or more is parsed in a helper process alongside.

    Raises :class:`Cancelled` only between batches (what was committed stays); login, TLS and
    connection failures come back as a ``failed`` result, not as an exception.
    """
    token = token or CancelToken()
    mailbox = ws.mailboxes.get(mailbox_id)
    client = ws.clients.get(mailbox.client_id)
    started = time.monotonic()
    if password is None:
        password = ws.mailboxes.password(mailbox_id)
    if not password:
        error = AuthError(
            translate(
                "mail",
                "No password is stored for {user} on {host}. Enter it in the mailbox settings.",
            ).format(user=mailbox.username, host=mailbox.host)
        )
        return _finish(ws, mailbox, results=[], round_trips=0, new_leads=0, replies=0, error=error)
    run = _Run(
        mailbox=mailbox,
        password=password,
        store=LeadStore(
            client.id,
            own_domains=client.domains,
            book=ws.addresses.address_book(client.id),
            mailbox_id=mailbox.id,
        ),
        since=window_start(mailbox),
        progress=progress,
        token=token,
        timeout=timeout,
        helper_from=helper_from,
    )
    states = {f.name: f for f in mailbox.folder_states}
    try:
        # The objects alive before the sync (the app, SQLAlchemy's caches...) cannot become
        # garbage meanwhile: kept out of the collector's way, as its full passes over them cost
        # 20-35 us a message (13 % of a first sync). Put back when the sync ends, however it
        # ends; nothing is kept from collection beyond that.
        gc.freeze()
        try:
            run.open()
        except MailboxError as exc:
            return _finish(
                ws, mailbox, results=[], round_trips=0, new_leads=0, replies=0, error=exc
            )
        for name in mailbox.folders:
            role = _role_for(run, name, states)
            run.results.append(
                _sync_folder(
                    ws,
                    run,
                    name=name,
                    role=role,
                    state=states.get(name),
                    batch_size=batch_size,
                    leads=True,
                )
            )
        sent = _sent_folder(run, states)
        if sent and sent not in mailbox.folders:
            run.results.append(
                _sync_folder(
                    ws,
                    run,
                    name=sent,
                    role=FolderRole.SENT,
                    state=states.get(sent),
                    batch_size=batch_size,
                    leads=False,
                )
            )
    except Cancelled:
        run.drop()
        _finish(
            ws,
            mailbox,
            results=run.results,
            round_trips=run.round_trips,
            new_leads=0,
            replies=0,
            error=None,
            cancelled=True,
        )
        raise
    finally:
        run.drop()
        gc.unfreeze()
    new_leads = sum(r.stored for r in run.results if r.role is not FolderRole.SENT)
    replies = sum(r.stored for r in run.results if r.role is FolderRole.SENT)
    log.info(
        "Synced mailbox %s in %.2f s: %d new leads, %d replies, %d round trips",
        mailbox.id,
        time.monotonic() - started,
        new_leads,
        replies,
        run.round_trips,
    )
    return _finish(
        ws,
        mailbox,
        results=run.results,
        round_trips=run.round_trips,
        new_leads=new_leads,
        replies=replies,
        error=None,
    )


def _finish(
    ws: Workspace,
    mailbox: Mailbox,
    *,
    results: Sequence[FolderResult],
    round_trips: int,
    new_leads: int,
    replies: int,
    error: AppError | None,
    cancelled: bool = False,
) -> SyncResult:
    failed_folders = [r for r in results if r.error]
    details = ""
    kind = ""
    if cancelled:
        status = SyncStatus.CANCELLED
        message = translate("mail", "Cancelled; {n} new leads were kept.").format(
            n=sum(r.stored for r in results if r.role is not FolderRole.SENT)
        )
    elif error is not None:
        status = SyncStatus.FAILED
        message = error.message
        details = error.details
        kind = _error_kind(error)
    elif failed_folders and len(failed_folders) == len(results):
        status = SyncStatus.FAILED
        message = "; ".join(r.error for r in failed_folders)
        kind = "folder"
    elif failed_folders:
        status = SyncStatus.PARTIAL
        message = translate("mail", "{n} new leads; some folders failed: {errors}").format(
            n=new_leads, errors="; ".join(r.error for r in failed_folders)
        )
        kind = "folder"
    else:
        status = SyncStatus.OK
        message = translate("mail", "{n} new leads, {r} replies found.").format(
            n=new_leads, r=replies
        )
    changes = ws.mailboxes.record_sync(mailbox.id, status, message, dt.datetime.now(dt.UTC))
    if new_leads or replies or any(r.filtered for r in results):
        changes |= Changes(lead_clients=frozenset({mailbox.client_id}))
    return SyncResult(
        mailbox_id=mailbox.id,
        status=status,
        folders=tuple(results),
        new_leads=new_leads,
        replies_found=replies,
        message=message,
        changes=changes,
        round_trips=round_trips,
        details=details,
        error_kind=kind,
    )


def _listed(run: _Run) -> dict[str, FolderRole | None]:
    """LIST once per run, and only when a folder's role or the Sent folder is unknown."""
    if run.listed is None:
        try:
            run.listed = {f.name: f.role for f in run.open().list_folders()}
        except FolderError:
            run.listed = {}
    return run.listed


def _role_for(run: _Run, name: str, states: dict[str, FolderState]) -> FolderRole:
    if name.upper() == "INBOX":
        return FolderRole.INBOX
    state = states.get(name)
    if state is not None:
        return state.role if state.role is not FolderRole.SENT else FolderRole.OTHER
    role = _listed(run).get(name)
    return role if role in (FolderRole.JUNK, FolderRole.INBOX) else FolderRole.OTHER


def _sent_folder(run: _Run, states: dict[str, FolderState]) -> str:
    if run.mailbox.sent_folder:
        return run.mailbox.sent_folder
    for state in states.values():
        if state.role is FolderRole.SENT:
            return state.name
    for name, role in _listed(run).items():
        if role is FolderRole.SENT:
            return name
    return ""


def _folder_row(ws: Workspace, mailbox_id: int, name: str, role: FolderRole) -> int:
    with ws.db.session() as s:
        row = s.scalar(
            select(MailboxFolderRow).where(
                MailboxFolderRow.mailbox_id == mailbox_id, MailboxFolderRow.name == name
            )
        )
        if row is None:
            row = MailboxFolderRow(mailbox_id=mailbox_id, name=name, role=role.value)
            s.add(row)
            s.flush()
        elif row.role != role.value:
            row.role = role.value
        return int(row.id)


def _save_state(
    conn: Any,
    sql: Sql,
    folder_id: int,
    *,
    uidvalidity: int,
    last_uid: int,
    seen: int,
    error: str = "",
) -> None:
    conn.exec_driver_sql(
        f"UPDATE mailbox_folders SET uidvalidity = {sql.p}, last_uid = {sql.p}, "
        f"messages_seen = messages_seen + {sql.p}, last_sync_at = {sql.p}, last_error = {sql.p} "
        f"WHERE id = {sql.p}",
        (uidvalidity, last_uid, seen, sql.ts(dt.datetime.now(dt.UTC)), error, folder_id),
    )


def _record_folder_error(ws: Workspace, folder_id: int, error: str) -> None:
    with ws.db.translate_errors(), ws.db.engine.begin() as conn:
        sql = Sql(conn)
        conn.exec_driver_sql(
            f"UPDATE mailbox_folders SET last_error = {sql.p}, last_sync_at = {sql.p} "
            f"WHERE id = {sql.p}",
            (error[:2000], sql.ts(dt.datetime.now(dt.UTC)), folder_id),
        )


def _progress_label() -> str:
    return translate("mail", "{folder}: {done} of {total}")


def _result(name: str, role: FolderRole, totals: list[int], error: str) -> FolderResult:
    return FolderResult(name, role, totals[0], totals[1], totals[2], totals[3], error)


def _sync_folder(
    ws: Workspace,
    run: _Run,
    *,
    name: str,
    role: FolderRole,
    state: FolderState | None,
    batch_size: int,
    leads: bool,
) -> FolderResult:
    folder_id = _folder_row(ws, run.mailbox.id, name, role)
    totals = [0, 0, 0, 0]  # fetched, stored, filtered, duplicates
    for attempt in (1, 2):
        try:
            _sync_folder_once(
                ws, run, name=name, folder_id=folder_id, batch_size=batch_size, totals=totals,
                leads=leads,
            )  # fmt: skip
            return _result(name, role, totals, "")
        except FolderError as exc:
            _record_folder_error(ws, folder_id, exc.message)
            return _result(name, role, totals, exc.message)
        except ConnectError as exc:
            run.drop(logout=False)
            log.warning("Connection lost while syncing %s (attempt %d): %s", name, attempt, exc)
            if attempt == 2:
                _record_folder_error(ws, folder_id, exc.message)
                return _result(name, role, totals, exc.message)
        except MailboxError as exc:
            run.drop(logout=False)
            _record_folder_error(ws, folder_id, exc.message)
            return _result(name, role, totals, exc.message)
    raise AssertionError("unreachable")


def _sync_folder_once(
    ws: Workspace,
    run: _Run,
    *,
    name: str,
    folder_id: int,
    batch_size: int,
    totals: list[int],
    leads: bool,
) -> None:
    session = run.open()
    # Read the watermark afresh: an earlier attempt of this run may have moved it.
    with ws.db.session() as s:
        row = s.get(MailboxFolderRow, folder_id)
        assert row is not None
        known_validity, last_uid = row.uidvalidity, int(row.last_uid)
    status = session.status(name)
    if known_validity == status.uidvalidity and status.uidnext <= last_uid + 1:
        with ws.db.translate_errors(), ws.db.engine.begin() as conn:
            _save_state(
                conn, Sql(conn), folder_id, uidvalidity=status.uidvalidity, last_uid=last_uid,
                seen=0,
            )  # fmt: skip
        return
    opened = session.examine(name)
    if known_validity is not None and known_validity != opened.uidvalidity:
        log.warning(
            "UIDVALIDITY of %s changed (%s -> %s): rescanning, duplicates are skipped",
            name,
            known_validity,
            opened.uidvalidity,
        )
        last_uid = 0
    uids = session.search_uids(min_uid=last_uid + 1, since=run.since)
    total = len(uids)
    run.progress(0, total, _progress_label().format(folder=name, done=0, total=total))
    if leads:
        _sync_leads(
            ws, run, name=name, folder_id=folder_id, uids=uids,
            uidvalidity=opened.uidvalidity, batch_size=batch_size, totals=totals,
        )  # fmt: skip
    else:
        for start in range(0, total, batch_size):
            run.token.raise_if_cancelled()
            chunk = uids[start : start + batch_size]
            replies = _fetch_replies(session, chunk)
            with ws.db.translate_errors(), ws.db.engine.begin() as conn:
                totals[1] += run.store.apply_replies(conn, replies)
                _save_state(
                    conn, Sql(conn), folder_id, uidvalidity=opened.uidvalidity,
                    last_uid=chunk[-1], seen=len(chunk),
                )  # fmt: skip
            totals[0] += len(chunk)
            done = start + len(chunk)
            run.progress(done, total, _progress_label().format(folder=name, done=done, total=total))
    final = max(opened.uidnext - 1, uids[-1] if uids else 0, last_uid)
    with ws.db.translate_errors(), ws.db.engine.begin() as conn:
        _save_state(
            conn, Sql(conn), folder_id, uidvalidity=opened.uidvalidity, last_uid=final, seen=0
        )


# ---- fetching ---------------------------------------------------------------------------------

_SENT_ITEM, _SENT_KEY = header_fetch_item(_SENT_FIELDS)


def _sync_leads(
    ws: Workspace,
    run: _Run,
    *,
    name: str,
    folder_id: int,
    uids: Sequence[int],
    uidvalidity: int,
    batch_size: int,
    totals: list[int],
) -> None:
    """Fetch, parse and store ``uids`` batch by batch.

    Three things overlap: the server answers the FETCH of the batch after next, the parser (a
    helper process for a big folder, see :class:`BatchParser`) reads the next batch, and this
    thread stores this one. Answers go to the parser as they arrived. A message whose text is
    not part 1 (an attachment first, a nested alternative) is fetched again with its own part
    once the parser has told which, and parsed here; its batch is stored with it. Cancel acts
    between batches; a FETCH answer in flight is dropped at logout.
    """
    total = len(uids)
    chunks = [list(uids[i : i + batch_size]) for i in range(0, total, batch_size)]
    if not chunks:
        return
    session = run.open()
    done = 0

    def store(chunk: list[int], drafts: list[LeadDraft]) -> None:
        nonlocal done
        with ws.db.translate_errors(), ws.db.engine.begin() as conn:
            counts = run.store.add(conn, drafts, folder=name, uidvalidity=uidvalidity)
            _save_state(
                conn, Sql(conn), folder_id, uidvalidity=uidvalidity,
                last_uid=chunk[-1], seen=len(chunk),
            )  # fmt: skip
        totals[0] += len(chunk)
        totals[1] += counts.stored
        totals[2] += counts.filtered
        totals[3] += counts.duplicates
        done += len(chunk)
        run.progress(done, total, _progress_label().format(folder=name, done=done, total=total))

    with BatchParser(run.store.book, helper=total >= run.helper_from) as parser:
        pending = session.fetch_send(chunks[0], LEAD_FETCH_ITEMS)
        parsing = parser.submit(session.fetch_receive_raw(pending), chunks[0])
        following = session.fetch_send(chunks[1], LEAD_FETCH_ITEMS) if total > batch_size else None
        for index, chunk in enumerate(chunks):
            run.token.raise_if_cancelled()
            # In flight: the FETCH of the next batch; being parsed: this one.
            next_parsing = None
            if following is not None:
                try:
                    answer = session.fetch_receive_raw(following)
                except MailboxError:
                    # The connection went while this batch was parsed: keep what of it is
                    # complete (all of it, or the messages before the first whose text was
                    # still to fetch), then leave the rest to the folder's retry.
                    try:
                        _keep_complete(parsing(), chunk, store)
                    except Exception:  # the lost connection is what the user is told about
                        log.warning("Could not keep the batch parsed before it", exc_info=True)
                    raise
                received = following.uids
                after = chunks[index + 2] if index + 2 < len(chunks) else None
                following = session.fetch_send(after, LEAD_FETCH_ITEMS) if after else None
                next_parsing = parser.submit(answer, received)
            batch = parsing()
            drafts = batch.drafts
            if batch.later:
                for section, section_uids in batch.later.items():
                    answer = session.fetch_receive_raw(
                        session.fetch_send(section_uids, lead_fetch_items(section))
                    )
                    drafts += parse_answer(
                        answer, section_uids, parser.book, section=section, final=True
                    ).drafts
                drafts.sort(key=by_uid)
            store(chunk, drafts)
            if next_parsing is not None:
                parsing = next_parsing
        if parser.uses_helper:
            log.debug("%s: %d of %d batches parsed by the helper process", name,
                      parser.helper_batches, len(chunks))  # fmt: skip


def _keep_complete(
    batch: ParsedBatch, chunk: list[int], store: Callable[[list[int], list[LeadDraft]], None]
) -> None:
    """Store what of a parsed batch is complete: all of it, or the messages before the first
    whose text was still to fetch (the watermark then stops before that one)."""
    first_later = min((u for uids in batch.later.values() for u in uids), default=0)
    done = [u for u in chunk if u < first_later] if first_later else chunk
    if done:
        store(done, [d for d in batch.drafts if by_uid(d) <= done[-1]])


def _fetch_replies(
    session: ImapSession, uids: Sequence[int]
) -> list[tuple[Sequence[str], dt.datetime]]:
    data = session.fetch(uids, (_SENT_ITEM, "INTERNALDATE"))
    replies: list[tuple[Sequence[str], dt.datetime]] = []
    for uid in uids:
        item = data.get(uid)
        if item is None:
            continue
        headers = HeaderFields.parse(header_block(item, _SENT_KEY))
        ids = parse_message_ids(headers.text("in-reply-to"))
        ids += parse_message_ids(" ".join(headers.text_all("references")))
        if not ids:
            continue
        sent_at = aware(item.get(b"INTERNALDATE")) or parse_date(headers.text("date"))[0]
        if sent_at is None:
            continue
        replies.append((tuple(dict.fromkeys(ids)), sent_at))
    return replies


# ---- many mailboxes ----------------------------------------------------------------------------


def sync_client(
    ws: Workspace,
    client_id: int | None = None,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
    *,
    include_inactive: bool = False,
    password_for: Callable[[int], str | None] | None = None,
) -> list[SyncResult]:
    """Sync every active mailbox of a client (of all clients with None), one after another."""
    token = token or CancelToken()
    results: list[SyncResult] = []
    for mailbox in ws.mailboxes.list(client_id):
        if not mailbox.active and not include_inactive:
            continue
        token.raise_if_cancelled()
        password = password_for(mailbox.id) if password_for is not None else None
        results.append(sync_mailbox(ws, mailbox.id, progress, token, password=password))
    return results
