"""The sync's own FETCH reader against real Dovecot answers: the same values as IMAPClient's
parser, for the corpora (odd MIME, 8-bit and RFC 2231 names) and the benchmark's messages."""

from __future__ import annotations

import imaplib
import random
import sys
from pathlib import Path

import pytest
from dovecot import DovecotServer, MailUser
from imapclient.response_parser import parse_fetch_response
from sync_helpers import add_mailbox, make_client
from test_sync_corpora import _messages

from app.core.mail.fetchparse import parse_fetch
from app.core.mail.imap import connect
from app.core.mail.sync import LEAD_FETCH_ITEMS
from app.core.workspace import Workspace

pytestmark = pytest.mark.imap

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def _bench_messages(count: int) -> list[bytes]:
    from sync import make_message  # bench/sync.py

    rng = random.Random(7)
    return [make_message(n, rng) for n in range(1, count + 1)]


def test_fetch_reader_agrees_with_imapclient_on_dovecot_answers(
    dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    raws = [path.read_bytes() for path, _ in _messages()] + _bench_messages(120)
    dovecot_server.write_maildir(imap_user, raws)
    assert dovecot_server.certs is not None
    imap = imaplib.IMAP4_SSL(
        "localhost", dovecot_server.imaps_port, ssl_context=dovecot_server.certs.client_context()
    )
    try:
        imap.login(imap_user.name, imap_user.password)
        imap.select("INBOX", readonly=True)
        typ, found = imap.uid("SEARCH", "ALL")
        assert typ == "OK"
        uids = found[0].split()
        assert len(uids) == len(raws)
        items = "(" + " ".join(LEAD_FETCH_ITEMS) + " ENVELOPE RFC822.SIZE FLAGS)"
        typ, data = imap.uid("FETCH", b",".join(uids).decode(), items)
        assert typ == "OK"
    finally:
        imap.logout()
    ours = parse_fetch(data)
    theirs = parse_fetch_response(data, False, True)
    assert set(ours) == set(theirs) == {int(u) for u in uids}
    for uid, values in ours.items():
        reference = dict(theirs[uid])
        reference.pop(b"SEQ")
        envelope = reference.pop(b"ENVELOPE")
        assert values.pop(b"ENVELOPE")[1] == envelope.subject  # raw tuple; the subject matches
        assert values == reference, uid


def test_pipelined_fetches_get_their_own_answers_in_any_order(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    # Dovecot runs pipelined FETCHes concurrently and may interleave their answers; imaplib
    # hands over whatever arrived before a tag. Each FETCH must still get exactly its own.
    dovecot_server.write_maildir(imap_user, _bench_messages(160))
    setup = make_client(sqlite_workspace)
    mailbox = add_mailbox(sqlite_workspace, dovecot_server, imap_user, setup.client_id)
    with connect(mailbox, imap_user.password) as session:
        session.examine("INBOX")
        uids = session.search_uids()
        first = session.fetch_send(uids[:60], LEAD_FETCH_ITEMS)
        texts = session.fetch_send(uids[60:80:3], ["BODY.PEEK[1.1]<0.100>"])
        second = session.fetch_send(uids[80:], LEAD_FETCH_ITEMS)
        with pytest.raises(ValueError, match="in flight"):
            session.fetch_send(uids[50:51], ["UID"])  # answers are told apart by UID
        answers = {
            "second": session.fetch_receive(second),  # read last-sent first
            "first": session.fetch_receive(first),
            "texts": session.fetch_receive(texts),
        }
        assert session.fetch(uids[:3], ["UID"]).keys() == set(uids[:3])
    assert list(answers["first"]) == uids[:60]
    assert list(answers["second"]) == uids[80:]
    assert list(answers["texts"]) == uids[60:80:3]
    for answer in (answers["first"], answers["second"]):
        for values in answer.values():
            assert {b"BODYSTRUCTURE", b"INTERNALDATE", b"BODY[1]<0>"} <= set(values)
    assert all(set(v) == {b"BODY[1.1]<0>"} for v in answers["texts"].values())


def test_raw_answers_of_pipelined_fetches_are_cut_apart_by_uid(
    sqlite_workspace: Workspace, dovecot_server: DovecotServer, imap_user: MailUser
) -> None:
    # The sync reads answers unparsed (the parser runs in another process): a FETCH read while
    # another is in flight must get exactly its own responses, whole, the other's kept for it.
    dovecot_server.write_maildir(imap_user, _bench_messages(120))
    setup = make_client(sqlite_workspace)
    mailbox = add_mailbox(sqlite_workspace, dovecot_server, imap_user, setup.client_id)
    with connect(mailbox, imap_user.password) as session:
        session.examine("INBOX")
        uids = session.search_uids()
        first = session.fetch_send(uids[:50], LEAD_FETCH_ITEMS)
        texts = session.fetch_send(uids[50:70:3], ["BODY.PEEK[1.1]<0.100>"])
        second = session.fetch_send(uids[70:], LEAD_FETCH_ITEMS)
        raw = {
            "texts": session.fetch_receive_raw(texts),  # read the middle one first
            "second": session.fetch_receive_raw(second),
            "first": session.fetch_receive_raw(first),
        }
        with pytest.raises(ValueError, match="read already"):
            session.fetch_receive_raw(first)
        reference = session.fetch(uids, LEAD_FETCH_ITEMS)
    answers = {name: parse_fetch(data) for name, data in raw.items()}
    assert list(answers["first"]) == uids[:50]
    assert list(answers["second"]) == uids[70:]
    assert list(answers["texts"]) == uids[50:70:3]
    for name in ("first", "second"):
        for uid, values in answers[name].items():
            assert values == reference[uid]
    assert all(set(v) == {b"BODY[1.1]<0>"} for v in answers["texts"].values())
