"""Parsing a batch's FETCH answer into lead drafts, here or in the helper process."""

from __future__ import annotations

import multiprocessing
import pickle

from app.core.addresses.matching import AddressBook, BookEntry
from app.core.attribution.rules import LeadDraft
from app.core.mail.batch import HEADER_KEY, BatchParser, parse_answer
from app.core.mail.classify import NotLeadReason

BOOK = AddressBook(
    [BookEntry(address="info+tv@romashka.ru", address_id=3, channel_id=5)],
    main_address="info@romashka.ru",
)


def _answer(uid: int, *, auto: bool = False, text_section: str = "1") -> list[object]:
    """imaplib's shape of one message's FETCH answer: header fields, BODYSTRUCTURE, the text."""
    header = (
        "From: =?utf-8?b?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <ivan@example.org>\r\n"
        "To: info+tv@romashka.ru\r\n"
        f"Subject: =?utf-8?b?0JfQsNGP0LLQutCw?= {uid}\r\n"
        "Date: Sat, 10 Jan 2026 09:00:00 +0300\r\n"
        f"Message-ID: <lead-{uid}@example.org>\r\n"
        + ("Auto-Submitted: auto-replied\r\n" if auto else "")
        + "\r\n"
    ).encode()
    body = "Здравствуйте! Нужна смета.".encode()
    if text_section == "1":
        structure = (
            f'("text" "plain" ("charset" "utf-8") NIL NIL "8bit" {len(body)} 1 NIL NIL NIL NIL)'
        )
    else:  # text/plain inside an alternative that comes first in a mixed with a PDF
        leaf = f'("text" "plain" ("charset" "utf-8") NIL NIL "8bit" {len(body)} 1 NIL NIL NIL NIL)'
        html = '("text" "html" ("charset" "utf-8") NIL NIL "8bit" 40 1 NIL NIL NIL NIL)'
        pdf = '("application" "pdf" ("name" "a.pdf") NIL NIL "base64" 4000 NIL NIL NIL NIL)'
        structure = f'(({leaf} {html} "alternative") {pdf} "mixed")'
    key = f"BODY[{text_section}]<0>"
    return [
        (f"{uid} (UID {uid} {HEADER_KEY.decode()} {{{len(header)}}}".encode(), header),
        (
            f' BODYSTRUCTURE {structure} INTERNALDATE "10-Jan-2026 06:00:05 +0000" '
            f"{key} {{{len(body)}}}".encode(),
            body,
        ),
        b")",
    ]


def test_a_batch_becomes_drafts_and_names_the_text_found_elsewhere() -> None:
    data = _answer(1) + _answer(2, auto=True) + _answer(3, text_section="1.1")
    batch = parse_answer(data, [1, 2, 3, 4], BOOK)  # 4: expunged meanwhile
    assert [d.uid for d in batch.drafts] == [1, 2]
    assert batch.later == {"1.1": [3]}
    lead = batch.drafts[0]
    assert lead.values[7] == "Заявка 1"  # subject
    assert lead.values[8] == "Здравствуйте! Нужна смета."
    assert lead.values[14] == "tracking" and lead.values[13] == 5  # match kind, channel
    assert lead.automatic is None
    assert batch.drafts[1].automatic is not None
    assert batch.drafts[1].automatic.reason is NotLeadReason.AUTO_REPLY

    again = parse_answer(_answer(3, text_section="1.1"), [3], BOOK, section="1.1", final=True)
    assert [d.values[8] for d in again.drafts] == ["Здравствуйте! Нужна смета."]


def test_drafts_survive_pickling_whole() -> None:
    drafts = parse_answer(_answer(1) + _answer(2, auto=True), [1, 2], BOOK).drafts
    back: list[LeadDraft] = pickle.loads(pickle.dumps(drafts))
    for before, after in zip(drafts, back, strict=True):
        for name in LeadDraft.__slots__:
            assert getattr(after, name) == getattr(before, name), name


def test_the_helper_process_parses_what_this_process_parses() -> None:
    with BatchParser(BOOK, helper=True) as parser:
        assert parser.uses_helper
        here = parser.submit(_answer(1), [1])  # parsed here unless the helper started at once
        assert parser.helper_started(timeout=60)
        there = [parser.submit(_answer(uid, auto=uid % 2 == 0), [uid]) for uid in range(2, 6)]
        results = [here()] + [wait() for wait in there]
        assert parser.helper_batches >= 4
    assert multiprocessing.active_children() == []
    expected = [parse_answer(_answer(u, auto=u % 2 == 0), [u], BOOK) for u in range(1, 6)]
    for got, want in zip(results, expected, strict=True):
        assert [d.values for d in got.drafts] == [d.values for d in want.drafts]
        assert [d.automatic for d in got.drafts] == [d.automatic for d in want.drafts]


def test_a_batch_is_shared_between_the_helper_and_this_process() -> None:
    data = [
        item
        for uid in range(1, 11)
        for item in _answer(uid, text_section="1.1" if uid == 9 else "1")
    ]
    with BatchParser(BOOK, helper=True) as parser:
        assert parser.helper_started(timeout=60)
        parser.helper_share = 0.6
        batch = parser.submit(data, list(range(1, 11)))()
        assert parser.helper_batches == 1
        assert 0.5 <= parser.helper_share <= 0.64
    assert [d.uid for d in batch.drafts] == [1, 2, 3, 4, 5, 6, 7, 8, 10]
    assert batch.later == {"1.1": [9]}
    assert [d.values for d in batch.drafts] == [
        d.values for d in parse_answer(data, list(range(1, 11)), BOOK).drafts
    ]


def test_without_a_helper_everything_is_parsed_here() -> None:
    with BatchParser(BOOK, helper=False) as parser:
        waits = [parser.submit(_answer(uid), [uid]) for uid in (1, 2)]
        assert [w().drafts[0].uid for w in waits] == [1, 2]
        assert not parser.uses_helper and parser.helper_batches == 0


def test_raw_responses_are_told_apart_by_uid_wherever_it_stands() -> None:
    from app.core.mail.fetchparse import split_by_uid

    data = [
        *_answer(7),
        b"3 (FLAGS (\\Seen))",  # unsolicited: no UID
        (b"9 (BODY[1]<0> {5}", b"1 (UI"),  # a literal that looks like a response start
        b" UID 12 FLAGS ())",
        None,
        *_answer(13, text_section="1.1"),
    ]
    parts = split_by_uid(data)
    assert [uid for uid, _ in parts] == [7, None, 12, 13]
    assert sum(len(items) for _, items in parts) == len(data) - 1
    assert parts[2][1] == [(b"9 (BODY[1]<0> {5}", b"1 (UI"), b" UID 12 FLAGS ())"]


def test_a_message_answered_in_two_responses_is_never_cut_in_two() -> None:
    head, body, _close = _answer(2)
    assert isinstance(head, tuple) and isinstance(body, tuple)
    split = [
        head,
        b")",
        (b"2 (UID 2" + body[0], body[1]),  # the same message's second response
        b")",
    ]
    data = _answer(1) + split + _answer(3)
    whole = parse_answer(data, [1, 2, 3], BOOK)
    assert [d.values[8] for d in whole.drafts] == ["Здравствуйте! Нужна смета."] * 3
    with BatchParser(BOOK, helper=True) as parser:
        assert parser.helper_started(timeout=60)
        parser.helper_share = 0.5  # the cut falls between message 2's two responses
        batch = parser.submit(data, [1, 2, 3])()
    assert [d.values for d in batch.drafts] == [d.values for d in whole.drafts]


def test_the_helper_process_imports_no_database_and_no_qt() -> None:
    """The helper process imports ``app.core.mail.batch`` alone when it starts: what that pulls
    in is its start-up time (SQLAlchemy alone would double it)."""
    import subprocess
    import sys

    code = (
        "import sys, app.core.mail.batch; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'PySide6', 'alembic', 'psycopg', 'matplotlib', 'keyring')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
