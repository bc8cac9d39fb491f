"""Talking to an IMAP server, read-only, with errors a user can act on.

:func:`connect` opens a verified TLS connection (the operating system's trust store through
``truststore``, or the mailbox's own CA file; the host name is always checked), upgrades with
STARTTLS when asked (and fails if the upgrade fails: never silently plaintext), and logs in.
:class:`ImapSession` offers only what the sync needs: STATUS, EXAMINE (``select_folder(...,
readonly=True)``), UID SEARCH and FETCH with ``BODY.PEEK``; nothing here can change the server.
Every failure becomes a :class:`MailboxError` subclass that says what went wrong and where;
the technical text goes to ``details``. Passwords are never logged or put in a message.
"""

from __future__ import annotations

import datetime as dt
import imaplib
import logging
import socket
import ssl
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from imapclient import IMAPClient
from imapclient import exceptions as imap_errors
from imapclient.imap4 import IMAP4WithTimeout

from app.core.errors import AppError
from app.core.i18n import translate
from app.core.mail.fetchparse import parse_fetch_answer, split_by_uid
from app.core.mailboxes.model import FolderRole, MailboxFields, Security
from app.core.mailboxes.presets import preset

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 20.0


class MailboxError(AppError):
    """The mailbox could not be read: connection, TLS, login or folder trouble."""

    exit_code = 9


class AuthError(MailboxError):
    """The server refused the user name or password (or wants an app password)."""


class TlsError(MailboxError):
    """The secure connection failed: expired, self-signed or wrong-host certificate, no STARTTLS.

    ``kind`` says which: ``expired``, ``not_yet_valid``, ``self_signed``, ``untrusted``,
    ``wrong_host``, ``revoked``, ``no_starttls``, ``not_tls``, ``ca_file`` or ``handshake``.
    """

    def __init__(self, message: str, *, kind: str, details: str = "") -> None:
        super().__init__(message, details=details)
        self.kind = kind


class ConnectError(MailboxError):
    """The server cannot be reached: unknown host, refused, timed out, or the connection broke."""


class FolderError(MailboxError):
    """A folder is gone or cannot be opened read-only."""

    def __init__(self, message: str, *, folder: str, details: str = "") -> None:
        super().__init__(message, details=details)
        self.folder = folder


class ServerSettings(Protocol):
    """What connecting needs; both :class:`MailboxFields` and ``Mailbox`` have it."""

    @property
    def host(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def security(self) -> Security: ...
    @property
    def username(self) -> str: ...
    @property
    def ca_file(self) -> str: ...
    @property
    def preset(self) -> str: ...


@dataclass(frozen=True)
class FolderInfo:
    """A folder as LIST reports it, with the role its special-use flag gives it."""

    name: str
    flags: tuple[str, ...]
    role: FolderRole | None
    messages: int | None


@dataclass(frozen=True)
class ConnectionReport:
    """What "Test connection" found."""

    capabilities: tuple[str, ...]
    folders: tuple[FolderInfo, ...]
    suggested_folders: tuple[str, ...]
    """Folders to read for leads: INBOX and the spam folder, when there is one."""
    sent_folder: str
    """The folder with the ``\\Sent`` flag (or a well-known name), "" when none."""
    inbox_messages: int


@dataclass(frozen=True)
class FolderStatus:
    """UIDVALIDITY, UIDNEXT and the message count of a folder."""

    uidvalidity: int
    uidnext: int
    messages: int


# ---- TLS --------------------------------------------------------------------------------------


def ssl_context(ca_file: str = "") -> ssl.SSLContext:
    """A client context that verifies the certificate and the host name.

    Without ``ca_file``: the operating system's trust store (``truststore``), as a browser would
    check. With it: that CA file only (a self-signed or company CA server).
    """
    if ca_file:
        try:
            context = ssl.create_default_context(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise TlsError(
                translate(
                    "mail", "Cannot read the CA certificate file {path}: choose a PEM file."
                ).format(path=ca_file),
                kind="ca_file",
                details=str(exc),
            ) from exc
    else:
        import truststore

        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


class _TLSIMAP4(imaplib.IMAP4):
    """Implicit-TLS imaplib connection that closes its socket when the handshake fails.

    IMAPClient's own class leaves the raw socket to the garbage collector then (a
    ResourceWarning on every refused certificate).
    """

    def __init__(self, host: str, port: int, context: ssl.SSLContext, timeout: float) -> None:
        self._context = context
        self._connect_timeout = timeout
        super().__init__(host, port)

    def _create_socket(self, timeout: float | None = None) -> socket.socket:
        sock = socket.create_connection((self.host, self.port), timeout=self._connect_timeout)
        try:
            return self._context.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise


class _Client(IMAPClient):  # type: ignore[misc]  # IMAPClient has no type hints
    """IMAPClient with :class:`_TLSIMAP4` for implicit TLS (see there why)."""

    def __init__(
        self, host: str, port: int, *, use_tls: bool, context: ssl.SSLContext, timeout: float
    ) -> None:
        self._tls_context = context
        super().__init__(host, port=port, ssl=use_tls, ssl_context=context, timeout=timeout)

    def _create_IMAP4(self) -> imaplib.IMAP4:  # IMAPClient's hook
        connect_timeout = getattr(self._timeout, "connect", None) or DEFAULT_TIMEOUT
        if self.ssl:
            return _TLSIMAP4(self.host, self.port, self._tls_context, connect_timeout)
        plain: imaplib.IMAP4 = IMAP4WithTimeout(self.host, self.port, connect_timeout)
        return plain


def _tls_error(exc: ssl.SSLError, host: str, port: int) -> TlsError:
    details = f"{type(exc).__name__}: {exc}"
    code = getattr(exc, "verify_code", None)
    if isinstance(exc, ssl.SSLCertVerificationError):
        message_text = (getattr(exc, "verify_message", "") or "").lower()
        if code == 10 or "expired" in message_text:
            kind, text = (
                "expired",
                translate(
                    "mail",
                    "The certificate of {host} has expired, so the connection is not safe. The "
                    "server's administrator must renew it (or check this computer's date).",
                ),
            )
        elif code == 9:
            kind, text = (
                "not_yet_valid",
                translate(
                    "mail",
                    "The certificate of {host} is not valid yet. Check this computer's date and "
                    "time.",
                ),
            )
        elif code in (18, 19) or "self-signed" in message_text or "self signed" in message_text:
            kind, text = (
                "self_signed",
                translate(
                    "mail",
                    "{host} presented a self-signed certificate, which this computer does not "
                    "trust. If the server is your own, choose its CA certificate file in the "
                    "mailbox settings.",
                ),
            )
        elif code == 62 or "hostname" in message_text or "ip address mismatch" in message_text:
            kind, text = (
                "wrong_host",
                translate(
                    "mail",
                    "The certificate presented by {host} is for another server name. Check the "
                    "host name (use the name the provider gives, not an IP address or alias).",
                ),
            )
        elif code == 23 or "revoked" in message_text:
            kind, text = (
                "revoked",
                translate("mail", "The certificate of {host} has been revoked: do not connect."),
            )
        else:
            kind, text = (
                "untrusted",
                translate(
                    "mail",
                    "The certificate of {host} was issued by an authority this computer does not "
                    "trust (a self-signed or private certificate). If the server is your own, "
                    "choose its CA certificate file in the mailbox settings.",
                ),
            )
        return TlsError(text.format(host=host), kind=kind, details=details)
    reason = (exc.reason or str(exc)).lower()
    if "wrong_version" in reason or "wrong version" in reason or "unknown protocol" in reason:
        return TlsError(
            translate(
                "mail",
                "{host}:{port} does not speak TLS. Check the port, or choose STARTTLS "
                "(usually port 143) instead of SSL/TLS (usually port 993).",
            ).format(host=host, port=port),
            kind="not_tls",
            details=details,
        )
    return TlsError(
        translate("mail", "The secure connection to {host} failed.").format(host=host),
        kind="handshake",
        details=details,
    )


def _connect_error(exc: BaseException, host: str, port: int, timeout: float) -> MailboxError:
    details = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, ssl.SSLError):
        return _tls_error(exc, host, port)
    if isinstance(exc, socket.gaierror):
        text = translate(
            "mail",
            "Cannot find the server {host}: check the host name and the internet connection.",
        )
    elif isinstance(exc, ConnectionRefusedError):
        text = translate(
            "mail",
            "{host} refused the connection on port {port}: check the port and the security "
            "setting.",
        )
    elif isinstance(exc, TimeoutError | socket.timeout):
        text = translate(
            "mail",
            "{host} did not answer within {seconds} seconds: check the host name, the port and "
            "the internet connection, or try again later.",
        )
    elif isinstance(exc, imap_errors.IMAPClientAbortError | EOFError | ConnectionError):
        text = translate(
            "mail", "The connection to {host} was lost. Nothing was lost: sync again later."
        )
    else:
        text = translate("mail", "Cannot connect to {host} on port {port}.")
    return ConnectError(text.format(host=host, port=port, seconds=round(timeout)), details=details)


def _auth_error(exc: Exception, settings: ServerSettings) -> AuthError:
    server_text = str(exc)
    low = server_text.lower()
    note = preset(settings.preset).note if settings.preset not in ("", "other") else ""
    if any(
        hint in low for hint in ("application-specific", "app password", "web login", "apppassword")
    ):
        text = translate(
            "mail", "{host} wants an app password for {user}, not the account password."
        )
    else:
        text = translate(
            "mail",
            "{host} refused the user name or password for {user}. Check them; many mail "
            "services need an app password for mail programs.",
        )
    message = text.format(host=settings.host, user=settings.username)
    if note:
        message = f"{message} {note}"
    return AuthError(message, details=server_text)


@contextmanager
def _translated(host: str, port: int, timeout: float) -> Iterator[None]:
    """Turn socket, TLS and protocol failures during a session into :class:`MailboxError`."""
    try:
        yield
    except MailboxError:
        raise
    except (OSError, EOFError, imap_errors.IMAPClientAbortError) as exc:
        raise _connect_error(exc, host, port, timeout) from exc


def connect(
    settings: ServerSettings, password: str, *, timeout: float = DEFAULT_TIMEOUT
) -> ImapSession:
    """Open a verified connection and log in; the caller closes the session."""
    security = Security(settings.security)
    context = ssl_context(settings.ca_file) if security is not Security.PLAIN else None
    host, port = settings.host, int(settings.port)
    with _translated(host, port, timeout):
        client = _Client(
            host,
            port,
            use_tls=security is Security.SSL,
            context=context or ssl.create_default_context(),
            timeout=timeout,
        )
    session = ImapSession(client, host, port, timeout)
    try:
        with _translated(host, port, timeout):
            if security is Security.STARTTLS:
                if not client.has_capability("STARTTLS"):
                    raise TlsError(
                        translate(
                            "mail",
                            "{host} does not offer STARTTLS on port {port}, so the password "
                            "would travel unencrypted. Choose SSL/TLS (usually port 993).",
                        ).format(host=host, port=port),
                        kind="no_starttls",
                    )
                try:
                    client.starttls(context)
                except imap_errors.IMAPClientError as exc:
                    raise TlsError(
                        translate("mail", "{host} refused to start TLS (STARTTLS).").format(
                            host=host
                        ),
                        kind="no_starttls",
                        details=str(exc),
                    ) from exc
                session.round_trips += 1
            elif security is Security.PLAIN:
                log.warning("Connecting to %s:%s without encryption (user's choice)", host, port)
            try:
                client.login(settings.username, password)
            except imap_errors.LoginError as exc:
                raise _auth_error(exc, settings) from exc
            session.round_trips += 1
            # Dates come back timezone-aware, as the server sent them.
            client.normalise_times = False
    except BaseException:
        session.close(logout=False)
        raise
    log.info("Connected to %s:%s as %s (%s)", host, port, settings.username, security.value)
    return session


# ---- reading FETCH answers --------------------------------------------------------------------

# imaplib's own patterns, for the lines it would read itself (not in its type stubs).
_MAXLINE: int = getattr(imaplib, "_MAXLINE")  # noqa: B009
_UNTAGGED: Any = getattr(imaplib, "Untagged_response")  # noqa: B009
_CONTINUATION: Any = getattr(imaplib, "Continuation")  # noqa: B009
_RESPONSE_CODE: Any = getattr(imaplib, "Response_code")  # noqa: B009


def read_fetch_answer(imap: Any, tag: Any) -> tuple[str, list[Any], list[Any]]:
    """Read up to the completion of the command ``tag`` on an ``imaplib`` connection:
    ``(status, completion data, untagged FETCH data)``, the FETCH data in imaplib's shape (a
    line, or a ``(line ending in "{n}", literal)`` pair).

    What ``_command_complete`` + ``_untagged_response("FETCH")`` return, without imaplib's
    per-line work (five regular expressions, a log entry formatted with the line's repr and,
    at IMAPClient's debug level, the repr of every literal: 20-35 us a message, more than
    parsing the answer). Any other line goes through the same steps imaplib takes for it.
    """
    readline, read = imap.file.readline, imap.file.read
    limit = _MAXLINE + 1
    imap._check_bye()
    fetched: list[Any] = [d for d in imap.untagged_responses.pop("FETCH", ()) if d is not None]
    while imap.tagged_commands.get(tag, 1) is None:
        line = readline(limit)
        if len(line) > _MAXLINE:
            raise imap.error(f"got more than {_MAXLINE} bytes")
        if not line.endswith(b"\r\n"):
            raise imap.abort(f"socket error: unterminated line: {line!r}" if line else "EOF")
        space = line.find(b" ", 2)
        if line[:2] != b"* " or line[space : space + 7] != b" FETCH " or space < 3:
            _other_response(imap, line[:-2])
            continue
        dat = line[2:space] + line[space + 6 : -2]  # imaplib's "12 (UID ..."
        while dat[-1:] == b"}":
            brace = dat.rfind(b"{")
            size = dat[brace + 1 : -1]
            if brace < 0 or not size.isdigit():
                break
            fetched.append((dat, read(int(size))))
            line = readline(limit)
            if not line.endswith(b"\r\n") or len(line) > _MAXLINE:
                raise imap.abort(f"socket error: unterminated line: {line[:80]!r}")
            dat = line[:-2]
        fetched.append(dat)
    typ, done = imap._command_complete("FETCH", tag)  # the status line is read: no I/O left
    return typ, done, fetched


def _other_response(imap: Any, resp: bytes) -> None:
    """imaplib's ``_get_response`` for a line already read (tagged, untagged or "+")."""
    match = imap.tagre.match(resp)
    if match is not None:
        tag = match.group("tag")
        if tag not in imap.tagged_commands:
            raise imap.abort(f"unexpected tagged response: {resp!r}")
        imap.tagged_commands[tag] = (str(match.group("type"), "ascii"), [match.group("data")])
        return
    dat2 = None
    match = _UNTAGGED.match(resp)
    if match is None:
        match = imap.Untagged_status.match(resp)
        if match is not None:
            dat2 = match.group("data2")
    if match is None:
        if _CONTINUATION.match(resp) is not None:
            return
        raise imap.abort(f"unexpected response: {resp!r}")
    typ = str(match.group("type"), "ascii")
    dat = match.group("data") or b""
    if dat2:
        dat = dat + b" " + dat2
    while (literal := imap.Literal.match(dat)) is not None:
        imap._append_untagged(typ, (dat, imap.read(int(literal.group("size")))))
        dat = imap._get_line()
    imap._append_untagged(typ, dat)
    if typ in ("OK", "NO", "BAD") and (code := _RESPONSE_CODE.match(dat)) is not None:
        imap._append_untagged(str(code.group("type"), "ascii"), code.group("data"))
    imap._check_bye()


# ---- the session ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PendingFetch:
    """A ``UID FETCH`` sent and not yet read: its tag and the UIDs asked for."""

    tag: str
    uids: list[int]


def uid_set(uids: Sequence[int]) -> str:
    """``1,2,3,7,9,10`` as ``1:3,7,9:10``: only runs of consecutive UIDs become ranges, so the
    set names exactly the UIDs given."""
    out: list[str] = []
    start = prev = -2
    for uid in uids:
        if uid == prev + 1:
            prev = uid
            continue
        if start >= 0:
            out.append(str(start) if start == prev else f"{start}:{prev}")
        start = prev = uid
    if start >= 0:
        out.append(str(start) if start == prev else f"{start}:{prev}")
    return ",".join(out)


_ROLE_FLAGS = {b"\\sent": FolderRole.SENT, b"\\junk": FolderRole.JUNK}
_SENT_NAMES = ("sent", "sent items", "sent messages", "отправленные", "inbox/sent", "inbox.sent")
_JUNK_NAMES = ("junk", "spam", "спам", "inbox/spam", "inbox.spam", "junk e-mail")


def _flag_text(flag: Any) -> str:
    return flag.decode("ascii", "replace") if isinstance(flag, bytes) else str(flag)


def folder_role(name: str, flags: Sequence[Any]) -> FolderRole | None:
    """The role a folder's special-use flag (or INBOX) gives it; None for an ordinary one."""
    if name.upper() == "INBOX":
        return FolderRole.INBOX
    for flag in flags:
        raw = flag if isinstance(flag, bytes) else str(flag).encode()
        role = _ROLE_FLAGS.get(raw.lower())
        if role is not None:
            return role
    return None


class ImapSession:
    """A logged-in connection; read-only operations only. Counts its round trips."""

    def __init__(self, client: IMAPClient, host: str, port: int, timeout: float) -> None:
        self.client = client
        self.host = host
        self.port = port
        self.timeout = timeout
        self.round_trips = 0
        self.selected: str | None = None
        self._outstanding: list[PendingFetch] = []
        self._early: dict[int, dict[bytes, Any]] = {}
        """Answers read while completing another FETCH, kept for the FETCH they belong to."""
        self._early_raw: dict[str, list[Any]] = {}
        """The same for :meth:`fetch_receive_raw`: unparsed responses by the FETCH's tag."""

    def __enter__(self) -> ImapSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _guard(self) -> Any:
        return _translated(self.host, self.port, self.timeout)

    def capabilities(self) -> tuple[str, ...]:
        with self._guard():
            return tuple(_flag_text(c) for c in self.client.capabilities())

    def list_folders(self) -> list[FolderInfo]:
        with self._guard():
            listed = self.client.list_folders()
        self.round_trips += 1
        out: list[FolderInfo] = []
        for flags, _delimiter, name in listed:
            flag_texts = tuple(_flag_text(f) for f in flags)
            if any(f.lower() == "\\noselect" or f.lower() == "\\nonexistent" for f in flag_texts):
                continue
            out.append(FolderInfo(str(name), flag_texts, folder_role(str(name), flags), None))
        return out

    def status(self, folder: str) -> FolderStatus:
        """STATUS (UIDVALIDITY UIDNEXT MESSAGES): one round trip, the folder stays closed."""
        with self._guard():
            try:
                data = self.client.folder_status(folder, [b"UIDVALIDITY", b"UIDNEXT", b"MESSAGES"])
            except imap_errors.IMAPClientError as exc:
                raise self._folder_error(folder, exc) from exc
        self.round_trips += 1
        return FolderStatus(
            int(data.get(b"UIDVALIDITY", 0)),
            int(data.get(b"UIDNEXT", 0)),
            int(data.get(b"MESSAGES", 0)),
        )

    def examine(self, folder: str) -> FolderStatus:
        """Open ``folder`` read-only (EXAMINE): nothing the sync does can change it."""
        with self._guard():
            try:
                data = self.client.select_folder(folder, readonly=True)
            except imap_errors.IMAPClientError as exc:
                raise self._folder_error(folder, exc) from exc
        self.round_trips += 1
        self.selected = folder
        return FolderStatus(
            int(data.get(b"UIDVALIDITY", 0)),
            int(data.get(b"UIDNEXT", 0)),
            int(data.get(b"EXISTS", 0)),
        )

    def search_uids(self, *, min_uid: int = 1, since: dt.date | None = None) -> list[int]:
        """UIDs in the open folder from ``min_uid`` on (and received ``since``), ascending."""
        criteria: list[Any] = []
        if since is not None:
            criteria += ["SINCE", since]
        if min_uid > 1:
            criteria += ["UID", f"{min_uid}:*"]
        with self._guard():
            uids = self.client.search(criteria or ["ALL"])
        self.round_trips += 1
        # "n:*" also matches the highest UID when it is below n (RFC 3501): drop it.
        return sorted(int(u) for u in uids if int(u) >= min_uid)

    def fetch(self, uids: Sequence[int], items: Sequence[str]) -> dict[int, dict[bytes, Any]]:
        """UID FETCH ``items`` (only ``BODY.PEEK`` items: nothing gets marked as read)."""
        return self.fetch_receive(self.fetch_send(uids, items))

    def fetch_send(self, uids: Sequence[int], items: Sequence[str]) -> PendingFetch:
        """Send ``UID FETCH`` without waiting for the answer (:meth:`fetch_receive` reads it).

        The server starts answering at once, so a caller can work on the previous batch while
        this one travels. FETCHes in flight at the same time must name different UIDs. The
        command goes through IMAPClient's ``imaplib`` connection; its answer is read by
        :func:`parse_fetch` instead of IMAPClient's much slower parser.
        """
        assert all("BODY[" not in item.upper() for item in items), "use BODY.PEEK"
        wanted = list(uids)
        if not wanted:
            return PendingFetch("", wanted)
        if self._outstanding and not {u for p in self._outstanding for u in p.uids}.isdisjoint(
            wanted
        ):
            # Answers are told apart by UID: read the earlier FETCH of these UIDs first.
            raise ValueError("a FETCH of some of these UIDs is still in flight")
        imap = self.client._imap
        with self._guard():
            tag = imap._command(
                "UID", "FETCH", uid_set(wanted), "(" + " ".join(i.upper() for i in items) + ")"
            )
        self.round_trips += 1
        pending = PendingFetch(tag, wanted)
        self._outstanding.append(pending)
        return pending

    def fetch_receive(
        self, pending: PendingFetch, *, structures: bool = False
    ) -> dict[int, dict[bytes, Any]]:
        """The answer to :meth:`fetch_send`: ``{uid: {item: value}}`` in IMAPClient's shapes
        (with ``structures``, BODYSTRUCTURE may also come as a ``MimePart``: :func:`parse_fetch`).

        With several FETCHes in flight, a server may interleave their untagged answers (Dovecot
        runs pipelined FETCHes concurrently), and imaplib hands over whatever arrived before the
        tag: answers for another command's UIDs are kept for that command.
        """
        if not pending.tag:
            return {}
        imap = self.client._imap
        with self._guard():
            typ, done, data = read_fetch_answer(imap, pending.tag)
            self.client._checkok("fetch", typ, done)
            parsed = parse_fetch_answer(data, structures=structures)
        self._outstanding.remove(pending)
        others = {uid for other in self._outstanding for uid in other.uids}
        for uid, values in parsed.items():
            if uid in others:
                self._early.setdefault(uid, {}).update(values)
        answer: dict[int, dict[bytes, Any]] = {}
        for uid in pending.uids:
            early = self._early.pop(uid, None)
            found = parsed.get(uid)
            if early is not None:
                found = {**early, **found} if found is not None else early
            if found is not None:
                answer[uid] = found
        return answer

    def fetch_receive_raw(self, pending: PendingFetch) -> list[Any]:
        """The answer to :meth:`fetch_send` as it arrived: ``imaplib``'s untagged FETCH data,
        for :func:`parse_fetch` elsewhere (in another process, say).

        Other FETCHes may be in flight (read with this method too): responses that belong to
        them are cut out by UID, unparsed, and handed over when they are read.
        """
        if not pending.tag:
            return []
        if pending not in self._outstanding:
            raise ValueError("this FETCH was read already")
        imap = self.client._imap
        with self._guard():
            typ, done, data = read_fetch_answer(imap, pending.tag)
            self.client._checkok("fetch", typ, done)
        self._outstanding.remove(pending)
        early = self._early_raw.pop(pending.tag, [])
        if not self._outstanding:
            return early + data if early else data
        mine: set[int] = set(pending.uids)
        owner = {uid: other.tag for other in self._outstanding for uid in other.uids}
        kept: list[Any] = early
        for uid, items in split_by_uid(data):
            if uid is None or uid in mine:
                kept.extend(items)
            elif uid in owner:
                self._early_raw.setdefault(owner[uid], []).extend(items)
        return kept

    def close(self, *, logout: bool = True) -> None:
        """Log out (best effort) and close the socket; never raises."""
        try:
            if logout:
                self.client.logout()
                self.round_trips += 1
                return
        except Exception as exc:  # closing must not hide the real error
            log.debug("Logout from %s failed: %s", self.host, exc)
        try:
            self.client.shutdown()
        except Exception as exc:
            log.debug("Closing the connection to %s failed: %s", self.host, exc)

    def _folder_error(self, folder: str, exc: Exception) -> FolderError:
        return FolderError(
            translate(
                "mail",
                "The folder “{folder}” cannot be opened on {host}: it was deleted or renamed, "
                "or this account may not read it. Choose the folders again in the mailbox "
                "settings.",
            ).format(folder=folder, host=self.host),
            folder=folder,
            details=str(exc),
        )


# ---- test connection --------------------------------------------------------------------------


def _sent_by_name(folders: Sequence[FolderInfo]) -> str:
    for info in folders:
        if info.name.lower() in _SENT_NAMES:
            return info.name
    return ""


def test_connection(
    fields: MailboxFields | ServerSettings, password: str, *, timeout: float = DEFAULT_TIMEOUT
) -> ConnectionReport:
    """Log in, list the folders and count the messages of the ones worth reading."""
    with connect(fields, password, timeout=timeout) as session:
        capabilities = session.capabilities()
        listed = session.list_folders()
        folders: list[FolderInfo] = []
        inbox_messages = 0
        for info in listed:
            messages: int | None = None
            if info.role is not None or info.name.lower() in _JUNK_NAMES + _SENT_NAMES:
                try:
                    messages = session.status(info.name).messages
                except FolderError:
                    messages = None
            if info.role is FolderRole.INBOX and messages is not None:
                inbox_messages = messages
            folders.append(FolderInfo(info.name, info.flags, info.role, messages))
    junk = [
        f.name
        for f in folders
        if f.role is FolderRole.JUNK or (f.role is None and f.name.lower() in _JUNK_NAMES)
    ]
    sent = next((f.name for f in folders if f.role is FolderRole.SENT), "") or _sent_by_name(
        folders
    )
    inbox = next((f.name for f in folders if f.role is FolderRole.INBOX), "INBOX")
    return ConnectionReport(
        capabilities=capabilities,
        folders=tuple(folders),
        suggested_folders=(inbox, *junk[:1]),
        sent_folder=sent,
        inbox_messages=inbox_messages,
    )


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
