"""Every message of the shared real-world corpora, delivered to Dovecot and synced: each is
stored or filtered with a reason, nothing raises, no Cyrillic is garbled (skips when absent)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from dovecot import DovecotServer, MailUser
from sync_helpers import add_mailbox, make_client

from app.core.mail.sync import sync_mailbox
from app.core.mailboxes.model import SyncStatus
from app.core.workspace import Workspace

pytestmark = pytest.mark.imap

CORPORA = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora").resolve()
MOJIBAKE = re.compile(
    r"(?:[РС][\u0402-\u040f\u0452-\u045f°±µ¶·»¦§©«®“”‘’•–—™]){2,}|(?:[ÐÑ][\x80-\xbf]){2,}"
)


def _messages() -> list[tuple[Path, bool]]:
    found: list[tuple[Path, bool]] = []
    for corpus in ("mikel-mail", "php-mime-mail-parser"):
        manifest = CORPORA / corpus / "MANIFEST.tsv"
        if not manifest.is_file():
            continue
        lines = manifest.read_text(encoding="utf-8").splitlines()
        columns = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(columns, line.split("\t"), strict=False))
            found.append((CORPORA / corpus / row["path"], row.get("cyrillic") == "1"))
    return found


def test_every_corpus_message_is_stored_or_filtered(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    messages = _messages()
    if not messages:
        pytest.skip(f"corpora not found in {CORPORA}")
    # Maildir files need headers; a unique Message-ID-less message still gets a digest key.
    raws = [path.read_bytes() for path, _ in messages]
    dovecot_server.write_maildir(imap_user, raws)
    setup = make_client(sqlite_workspace)
    mailbox = add_mailbox(sqlite_workspace, dovecot_server, imap_user, setup.client_id)
    result = sync_mailbox(sqlite_workspace, mailbox.id, password=imap_user.password)
    assert result.status is SyncStatus.OK, result.message
    folder = result.folders[0]
    assert folder.fetched == len(raws)
    # Every message is a row (lead or filtered with a reason) or a duplicate of one.
    assert folder.stored + folder.filtered + folder.duplicates == len(raws)
    db = Path(sqlite_workspace.location.database_file)
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT subject, sender_name, text, filtered_reason, filtered_detail FROM leads"
        ).fetchall()
    finally:
        conn.close()
    for subject, name, text, reason, detail in rows:
        for value in (subject, name, text):
            assert not MOJIBAKE.search(value or ""), value[:80]
        if reason is not None:
            assert detail
