"""A real Dovecot 2.3 IMAP server on loopback, for integration tests.

``DovecotServer`` writes a self-contained configuration under a throwaway folder, makes a test CA
and a server certificate (SAN ``localhost`` and ``127.0.0.1``), and runs ``dovecot -F -c FILE``
(in the foreground, as our child, so it is reaped) with IMAPS, STARTTLS and plain IMAP on free
loopback ports. Mail lives in Maildirs owned by the
unprivileged ``mail`` user (Dovecot refuses to serve mail as root).

Each test should take a fresh user (:meth:`DovecotServer.add_user`), so one server serves a
whole session while every test sees an empty mailbox. Every user has a passwd-file of its own:
Dovecot checks a changed passwd-file at most once a second, a new file at once. Tests that stop
the server (to make it vanish mid-session) start their own instance.

Messages go in by IMAP ``APPEND`` as the user (:meth:`DovecotServer.deliver`), by ``doveadm save``
or as Maildir files written directly (:meth:`DovecotServer.write_maildir`, fast for large seeds).
:meth:`DovecotServer.kick` cuts a user's sessions; :meth:`DovecotServer.stop` makes the server
vanish (``hard=True``: as in a crash) and :meth:`DovecotServer.start` brings it back unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import itertools
import os
import pwd
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from imapclient import IMAPClient

DOVECOT = "dovecot"
DOVEADM = "doveadm"
_START_TIMEOUT = 20.0
_STOP_TIMEOUT = 15.0
# Special-use folders every server knows; they are created per user only when asked for.
DEFAULT_SPECIAL_USE: dict[str, str] = {
    "Sent": "\\Sent",
    "Junk": "\\Junk",
    "Drafts": "\\Drafts",
    "Trash": "\\Trash",
    "Archive": "\\Archive",
}


def dovecot_available() -> str | None:
    """Return why Dovecot cannot run here, or ``None`` when it can."""
    for tool in (DOVECOT, DOVEADM):
        if shutil.which(tool) is None and not Path("/usr/sbin", tool).exists():
            return f"{tool} is not installed (Debian: apt-get install dovecot-imapd)"
    return None


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path("/usr/sbin", name))


def wait_until(
    condition: Callable[[], bool], *, timeout: float, what: str, poll: float = 0.02
) -> None:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass (then ``TimeoutError``)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        # The condition is outside this process (a port, a pid): nothing to wait on but time.
        time.sleep(poll)


def process_running(pid: int) -> bool:
    """True while ``pid`` is a live process; a zombie counts as gone (``kill -0`` would lie)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except (FileNotFoundError, ProcessLookupError):
        return False
    # The state follows the command name in parentheses, which may itself contain spaces.
    state = stat.rpartition(")")[2].split()[0]
    return state not in {"Z", "X"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass(frozen=True)
class Certificates:
    """A throwaway CA and a server certificate it signed."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    def client_context(self) -> ssl.SSLContext:
        """A client context that trusts only the test CA and checks the host name."""
        context = ssl.create_default_context(cafile=str(self.ca_file))
        context.check_hostname = True
        return context


def make_certificates(
    folder: Path, *, hosts: Sequence[str] = ("localhost", "127.0.0.1")
) -> Certificates:
    """Create ``ca.pem``, ``server.pem`` and ``server.key`` in ``folder`` (EC P-256, one day)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Mailsource test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    certs = Certificates(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    certs.ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    certs.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    certs.key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    certs.key_file.chmod(0o600)
    return certs


@dataclass(frozen=True)
class MailUser:
    """A mailbox login on the test server."""

    name: str
    password: str
    home: Path


class DovecotServer:
    """One Dovecot instance under ``root`` (a temp folder); see the module docstring."""

    _counter = itertools.count(1)

    def __init__(
        self,
        root: Path | None = None,
        *,
        special_use: dict[str, str] | None = None,
        extra_config: str = "",
    ) -> None:
        self._owns_root = root is None
        # Not under pytest's tmp_path: that is 0700 root and the mail user must reach the Maildirs.
        self.root = Path(root or tempfile.mkdtemp(prefix="mailsource-dovecot-"))
        self.root.chmod(0o755)
        self.special_use = dict(DEFAULT_SPECIAL_USE if special_use is None else special_use)
        self.extra_config = extra_config
        self.host = "127.0.0.1"
        self.imaps_port = 0
        self.imap_port = 0  # plain IMAP with STARTTLS offered
        self.config_file = self.root / "dovecot.conf"
        self.passwd_dir = self.root / "passwd.d"
        self.log_file = self.root / "dovecot.log"
        self.mail_root = self.root / "mail"
        self.base_dir = self.root / "run"
        self.certs: Certificates | None = None
        self.users: dict[str, MailUser] = {}
        self._pid: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        if os.geteuid() == 0:
            entry = pwd.getpwnam("mail")
            self.mail_uid, self.mail_gid = entry.pw_uid, entry.pw_gid
            self._login_user, self._internal_user = "dovenull", "dovecot"
        else:
            # Unprivileged Dovecot runs every process as the invoking user.
            self.mail_uid, self.mail_gid = os.getuid(), os.getgid()
            me = pwd.getpwuid(self.mail_uid).pw_name
            self._login_user = self._internal_user = me

    # ---- life cycle -------------------------------------------------------------------------

    @property
    def ca_file(self) -> Path:
        assert self.certs is not None, "start() the server first"
        return self.certs.ca_file

    @property
    def pid(self) -> int | None:
        return self._pid

    @property
    def running(self) -> bool:
        return self._pid is not None and process_running(self._pid)

    def start(self) -> DovecotServer:
        """Start (or restart after :meth:`stop`, keeping ports, users and mail)."""
        if self.running:
            return self
        if self.certs is None:
            self.certs = make_certificates(self.root / "tls")
        self.mail_root.mkdir(exist_ok=True)
        os.chown(self.mail_root, self.mail_uid, self.mail_gid)
        self.passwd_dir.mkdir(exist_ok=True)
        fresh_ports = not self.imaps_port
        for attempt in range(3):
            if fresh_ports or attempt:
                self.imaps_port, self.imap_port = free_port(), free_port()
            self._write_config()
            try:
                self._launch()
                return self
            except _PortInUseError:
                continue  # another process grabbed a port between probing and binding
        raise RuntimeError(f"Dovecot could not bind its ports; log:\n{self.log_tail()}")

    def _launch(self) -> None:
        # Foreground (-F) as our child rather than self-daemonising: we can then reap it, where
        # a daemon re-parented to a PID 1 that does not reap would linger as a zombie.
        out_file = self.root / "dovecot.out"
        with out_file.open("wb") as out:
            self._process = subprocess.Popen(
                [_tool(DOVECOT), "-F", "-c", str(self.config_file)],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self._pid = self._process.pid

        def ready() -> bool:
            if self._process is not None and self._process.poll() is not None:
                text = out_file.read_text(errors="replace") + self.log_tail()
                self._process = self._pid = None
                if "Address already in use" in text:
                    raise _PortInUseError
                raise RuntimeError(f"dovecot exited during start-up:\n{text}")
            return port_open(self.imaps_port) and port_open(self.imap_port)

        try:
            wait_until(ready, timeout=_START_TIMEOUT, what="dovecot to accept connections")
        except _PortInUseError:
            raise
        except BaseException:
            self.stop(hard=True)
            raise

    def stop(self, *, hard: bool = False) -> None:
        """Make the server vanish: open sessions are cut and new connections are refused.

        The default is Dovecot's own shutdown (SIGTERM; it ends client sessions and reaps its
        children, about a second). ``hard`` is a crash: everything gets SIGKILL at once; where
        PID 1 does not reap orphans, the dead children linger as zombies (harmless, no ports).
        """
        pid = self._pid
        if pid is None or not process_running(pid):
            if self._process is not None:
                self._process.wait(timeout=_STOP_TIMEOUT)  # reap it
            self._pid = self._process = None
            return
        if hard:
            # Freeze the master first so it cannot respawn the children being killed.
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGSTOP)
            for child in self._descendants(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(child, signal.SIGKILL)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        if self._process is not None:
            self._process.wait(timeout=_STOP_TIMEOUT)
            self._process = None
        wait_until(lambda: not process_running(pid), timeout=_STOP_TIMEOUT, what="dovecot to exit")
        wait_until(
            lambda: not port_open(self.imaps_port) and not port_open(self.imap_port),
            timeout=_STOP_TIMEOUT,
            what="dovecot ports to close",
        )
        self._pid = None

    def kick(self, user: MailUser) -> None:
        """Cut every open session of ``user`` while the server keeps running."""
        self.doveadm("kick", user.name)

    @staticmethod
    def _descendants(pid: int) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
            except OSError:
                continue
            fields = stat.rpartition(")")[2].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
        found: list[int] = []
        todo = [pid]
        while todo:
            for child in children.get(todo.pop(), []):
                found.append(child)
                todo.append(child)
        return found

    def close(self) -> None:
        """Stop the server and remove its folder (when this object made it)."""
        try:
            self.stop()
        finally:
            if self._owns_root:
                shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> DovecotServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    # ---- configuration ----------------------------------------------------------------------

    def _write_config(self) -> None:
        assert self.certs is not None
        mailboxes = "\n".join(
            f'  mailbox "{name}" {{\n    special_use = {flag}\n  }}'
            for name, flag in self.special_use.items()
        )
        dh = Path("/usr/share/dovecot/dh.pem")
        dh_line = f"ssl_dh = <{dh}" if dh.exists() else ""
        config = f"""\
# Written by tests/integration/dovecot.py; nothing here comes from /etc/dovecot.
base_dir = {self.base_dir}
state_dir = {self.root / "state"}
instance_name = mailsource-test-{self.root.name}
log_path = {self.log_file}
protocols = imap
listen = {self.host}
shutdown_clients = yes
ssl = yes
ssl_cert = <{self.certs.cert_file}
ssl_key = <{self.certs.key_file}
{dh_line}
ssl_min_protocol = TLSv1.2
# Loopback counts as secure to Dovecot anyway; say so, so the plain port is usable by tests.
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {self._login_user}
default_internal_user = {self._internal_user}
mail_uid = {self.mail_uid}
mail_gid = {self.mail_gid}
first_valid_uid = {self.mail_uid}
first_valid_gid = {self.mail_gid}
mail_location = maildir:~/Maildir
mail_privileged_group =
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.passwd_dir}/%u
}}
userdb {{
  driver = static
  args = uid={self.mail_uid} gid={self.mail_gid} home={self.mail_root}/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
{mailboxes}
}}
service imap-login {{
  inet_listener imap {{
    address = {self.host}
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    address = {self.host}
    port = {self.imaps_port}
    ssl = yes
  }}
}}
# Tests try wrong passwords on purpose: no 2 s failure delay and no growing per-IP penalty
# (anvil's penalty socket made unusable, the documented way to turn it off).
auth_failure_delay = 0
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{self.extra_config}
"""
        self.config_file.write_text(config, encoding="utf-8")

    def _write_passwd(self, user: MailUser) -> None:
        # Written aside and renamed so the auth process never reads half a file.
        path = self.passwd_dir / user.name
        tmp = path.with_name(f".{user.name}.tmp")
        tmp.write_text(f"{user.name}:{{PLAIN}}{user.password}::::::\n", encoding="utf-8")
        tmp.chmod(0o644)
        tmp.replace(path)

    # ---- users and folders ------------------------------------------------------------------

    def add_user(self, name: str | None = None, password: str | None = None) -> MailUser:
        """Create a login with an empty mailbox; name and password are generated when omitted."""
        name = name or f"user{next(self._counter)}-{secrets.token_hex(3)}"
        password = password or f"pw-{secrets.token_urlsafe(12)}"
        if name in self.users:
            raise ValueError(f"user {name} exists already")
        if not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
            raise ValueError(f"unsafe user name for a file name: {name!r}")
        if ":" in password or "\n" in password:
            raise ValueError("passwd-file fields cannot hold ':' or line breaks")
        home = self.mail_root / name
        home.mkdir(parents=True, exist_ok=True)
        os.chown(home, self.mail_uid, self.mail_gid)
        user = MailUser(name, password, home)
        self.users[name] = user
        self.passwd_dir.mkdir(exist_ok=True)
        self._write_passwd(user)
        return user

    def doveadm(self, *args: str, stdin: bytes | None = None) -> str:
        """Run ``doveadm`` against this instance and return its output (raise on failure)."""
        result = subprocess.run(
            [_tool(DOVEADM), "-c", str(self.config_file), *args],
            input=stdin,
            capture_output=True,
            check=False,
            timeout=60,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"doveadm {' '.join(args)} failed ({result.returncode}): "
                f"{result.stderr.decode(errors='replace')}"
            )
        return result.stdout.decode("utf-8", errors="replace")

    def create_folder(self, user: MailUser, name: str, *, subscribe: bool = True) -> None:
        """Create a folder; its special-use flag comes from ``special_use`` (``Sent`` -> \\Sent).

        Other flags need a server started with ``special_use={"Name": "\\\\Flag"}``.
        """
        args = ["mailbox", "create", "-u", user.name]
        if subscribe:
            args.append("-s")
        self.doveadm(*args, name)

    def save(self, user: MailUser, raw: bytes, folder: str = "INBOX") -> None:
        """Deliver one message with ``doveadm save`` (no flags, arrival time now)."""
        self.doveadm("save", "-u", user.name, "-m", folder, stdin=raw)

    # ---- IMAP access ------------------------------------------------------------------------

    def client(
        self, user: MailUser | None = None, *, password: str | None = None, tls: str = "imaps"
    ) -> IMAPClient:
        """An IMAPClient connected (``imaps``, ``starttls`` or ``plain``) and, given a user,
        logged in. The caller closes it (``with`` or ``logout()``)."""
        assert self.certs is not None, "start() the server first"
        context = self.certs.client_context()
        if tls == "imaps":
            client = IMAPClient(
                "localhost", port=self.imaps_port, ssl=True, ssl_context=context, timeout=15
            )
        else:
            client = IMAPClient("localhost", port=self.imap_port, ssl=False, timeout=15)
            if tls == "starttls":
                client.starttls(context)
        if user is not None:
            try:
                client.login(user.name, password if password is not None else user.password)
            except Exception:
                client.shutdown()
                raise
        return client

    def deliver(
        self,
        user: MailUser,
        messages: bytes | Iterable[bytes],
        folder: str = "INBOX",
        *,
        flags: Sequence[str] = (),
        when: dt.datetime | None = None,
    ) -> list[int]:
        """APPEND messages as ``user`` and return their UIDs (folders are created on demand)."""
        batch = [messages] if isinstance(messages, bytes) else list(messages)
        uids: list[int] = []
        with self.client(user) as imap:
            if folder.upper() != "INBOX" and not imap.folder_exists(folder):
                imap.create_folder(folder)
            for raw in batch:
                response = imap.append(folder, raw, flags=tuple(flags), msg_time=when)
                uids.append(_appended_uid(response))
            imap.logout()
        return uids

    # ---- Maildir seeding (fast, no IMAP) ----------------------------------------------------

    def maildir(self, user: MailUser, folder: str = "INBOX") -> Path:
        base = user.home / "Maildir"
        if folder.upper() == "INBOX":
            return base
        # Maildir++ layout with separator '/' on the namespace: folders are ".Name" directories.
        return base / ("." + folder.replace("/", "."))

    def write_maildir(
        self,
        user: MailUser,
        messages: Iterable[bytes],
        folder: str = "INBOX",
        *,
        seen: bool = False,
    ) -> list[Path]:
        """Write messages as Maildir files in ``cur/`` (fast seeding of many messages).

        The ``,S=`` in a name must equal the file's size: Dovecot trusts it, and a wrong one
        makes FETCH fail and drops the connection. So a file is never edited after writing.
        """
        box = self.maildir(user, folder)
        for sub in ("", "cur", "new", "tmp"):
            path = box / sub
            path.mkdir(parents=True, exist_ok=True)
            os.chown(path, self.mail_uid, self.mail_gid)
        for parent in (user.home, user.home / "Maildir"):
            os.chown(parent, self.mail_uid, self.mail_gid)
        written: list[Path] = []
        stamp = int(time.time())
        host = socket.gethostname().replace("/", "_").replace(":", "_")
        for n, raw in enumerate(messages):
            data = raw.replace(b"\r\n", b"\n")  # Maildir files use local line ends
            name = f"{stamp}.M{n}P{os.getpid()}R{secrets.token_hex(4)}.{host},S={len(data)}"
            final = box / "cur" / f"{name}:2,{'S' if seen else ''}"
            tmp = box / "tmp" / name
            tmp.write_bytes(data)
            os.chown(tmp, self.mail_uid, self.mail_gid)
            tmp.replace(final)
            written.append(final)
        return written

    def message_files(self, user: MailUser, folder: str = "INBOX") -> dict[str, bytes]:
        """Every message file of a folder, name -> content (to prove nothing changed)."""
        box = self.maildir(user, folder)
        files: dict[str, bytes] = {}
        for sub in ("cur", "new"):
            if (box / sub).is_dir():
                for path in sorted((box / sub).iterdir()):
                    files[f"{sub}/{path.name}"] = path.read_bytes()
        return files


class _PortInUseError(Exception):
    pass


def _appended_uid(response: bytes | str) -> int:
    """The UID from an APPENDUID response code: ``[APPENDUID <validity> <uid>] ...``."""
    text = response.decode() if isinstance(response, bytes) else response
    if "APPENDUID" not in text.upper():
        raise RuntimeError(f"server sent no APPENDUID: {text!r}")
    words = text.upper().split("APPENDUID", 1)[1].replace("]", " ").split()
    return int(words[1])


@contextlib.contextmanager
def running_server(**kwargs: object) -> Iterator[DovecotServer]:
    """A started server, stopped and removed afterwards."""
    server = DovecotServer(**kwargs)  # type: ignore[arg-type]
    try:
        yield server.start()
    finally:
        server.close()
