"""The command line end to end: add a mailbox (password to the real keyring), sync, exit codes;
and the password never reaches the database, the logs or an export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from dovecot import DovecotServer, MailUser
from sync_helpers import message

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.imap, pytest.mark.keyring]


def _cli(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILSOURCE_")}
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.fixture
def real_keyring() -> None:
    import keyring
    import keyring.errors

    from tests.conftest import missing

    try:
        keyring.set_password("Mailsource-test", "probe", "x")
        keyring.delete_password("Mailsource-test", "probe")
    except keyring.errors.KeyringError as exc:
        missing(f"no usable keyring ({exc}); run under scripts/test.sh")


def test_cli_mailbox_sync_and_no_password_anywhere(
    real_keyring: None, tmp_path: Path, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    from app.core.credentials import get_password

    data = tmp_path / "data"
    assert _cli(data, "clients", "add", "Ромашка", "--domain", "romashka.ru").returncode == 0
    dovecot_server.create_folder(imap_user, "Sent")
    dovecot_server.deliver(imap_user, [message(n) for n in range(3)])
    added = _cli(
        data, "mailbox", "add", "Ромашка", "--host", "localhost",
        "--port", str(dovecot_server.imaps_port), "--user", imap_user.name,
        "--ca-file", str(dovecot_server.ca_file), "--since", "2000-01-01", "--password-stdin",
        stdin=imap_user.password + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "3 messages in the inbox" in added.stdout
    listed = json.loads(_cli(data, "mailbox", "list", "--json").stdout)
    mailbox_id = listed[0]["id"]
    assert get_password(f"mailbox:{mailbox_id}") == imap_user.password
    try:
        assert _cli(data, "mailbox", "test", str(mailbox_id)).returncode == 0
        synced = _cli(data, "sync")
        assert synced.returncode == 0, synced.stderr
        assert "3 new leads" in synced.stdout
        assert _cli(data, "sync", "--mailbox", str(mailbox_id)).returncode == 0
        exported = _cli(data, "mailbox", "list", "--json").stdout

        # The password must be nowhere but in the keyring.
        secret = imap_user.password.encode()
        for path in data.rglob("*"):
            if path.is_file():
                assert secret not in path.read_bytes(), path
        assert imap_user.password not in exported

        # A wrong password (stored in the keyring) -> exit 9 and a clear message.
        from app.core.credentials import set_password

        set_password(f"mailbox:{mailbox_id}", "not-the-password")
        failed = _cli(data, "sync")
        assert failed.returncode == 9
        assert "refused the user name or password" in failed.stderr
    finally:
        removed = _cli(data, "mailbox", "remove", str(mailbox_id), "--yes")
    assert removed.returncode == 0
    assert get_password(f"mailbox:{mailbox_id}") is None


def test_cli_sync_partial_exit_code(
    tmp_path: Path, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    """Exit 8 when a folder is gone but the others synced (password given at add time)."""
    from app.core.mailboxes.model import MailboxFields
    from app.core.paths import resolve_location
    from app.core.workspace import Workspace

    data = tmp_path / "data"
    dovecot_server.deliver(imap_user, [message(1)])
    with Workspace.open(resolve_location(data)) as ws:
        from app.core.clients.model import ClientFields

        client = ws.clients.create(ClientFields(name="Клиент")).value
        ws.mailboxes.create(
            client.id,
            MailboxFields(
                host="localhost",
                port=dovecot_server.imaps_port,
                username=imap_user.name,
                ca_file=str(dovecot_server.ca_file),
                folders=("INBOX", "Нет такой"),
            ),
        )
    # No password in the keyring for this mailbox: the sync fails (exit 9) and says so.
    result = _cli(data, "sync")
    assert result.returncode == 9
    assert "No password is stored" in result.stderr
