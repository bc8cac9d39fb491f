"""Killing a sync at random points (SIGKILL) loses nothing and duplicates nothing, and leaves
no helper process behind."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from dovecot import DovecotServer, MailUser, wait_until
from sync_helpers import add_mailbox, make_client, message

from app.core.paths import Location
from app.core.workspace import Workspace

pytestmark = [pytest.mark.imap, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from app.core.mail.sync import sync_mailbox
from app.core.paths import resolve_location
from app.core.workspace import Workspace
with Workspace.open(resolve_location(sys.argv[1])) as ws:
    sync_mailbox(
        ws, int(sys.argv[2]), password=sys.stdin.readline().strip(), batch_size=10,
        helper_from=int(sys.argv[3]),
    )
"""


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return True
    return state == "Z"


def _count(db: Path) -> tuple[int, int]:
    if not db.exists():
        return 0, 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        rows, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT message_id) FROM leads"
        ).fetchone()
    except sqlite3.OperationalError:
        return 0, 0
    finally:
        conn.close()
    return int(rows), int(distinct)


def test_sigkill_at_random_points_then_resume(
    location: Location, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    total = 400
    dovecot_server.write_maildir(imap_user, [message(n) for n in range(total)])
    with Workspace.open(location) as ws:
        setup = make_client(ws)
        mailbox = add_mailbox(ws, dovecot_server, imap_user, setup.client_id)
    db = Path(location.database_file)
    rng = random.Random(11)
    for run in range(4):
        done, _ = _count(db)
        if done >= total - 20:
            break
        target = done + rng.randint(5, 80)
        # Every other run parses in a helper process (from the second batch on).
        helper_from = 1 if run % 2 == 0 else 10**9
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD,
                str(location.data_dir),
                str(mailbox.id),
                str(helper_from),
            ],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            text=True,
        )
        assert child.stdin is not None
        child.stdin.write(imap_user.password + "\n")
        child.stdin.close()
        wait_until(
            lambda: _count(db)[0] >= target or child.poll() is not None,  # noqa: B023
            timeout=60,
            what="the sync to store some leads",
        )
        helpers = _children(child.pid)
        child.kill()  # SIGKILL: no cleanup, possibly mid-transaction
        child.wait(timeout=30)
        # A helper process sees its pipe close and exits on its own.
        wait_until(
            lambda: all(_gone(p) for p in helpers),  # noqa: B023
            timeout=30,
            what="the helper processes to exit",
        )
        rows, distinct = _count(db)
        assert rows == distinct  # never a duplicate
    final = subprocess.run(
        [sys.executable, "-c", CHILD, str(location.data_dir), str(mailbox.id), "1"],
        cwd=ROOT,
        input=imap_user.password + "\n",
        text=True,
        check=True,
        timeout=120,
    )
    assert final.returncode == 0
    assert _count(db) == (total, total)
