"""Turning a batch's FETCH answer into lead drafts, in this process or in a second one.

Parsing is most of a first sync's work (reading header fields, decoding text, attributing), and
Python runs it on one core. With enough mail to pay for starting it, :class:`BatchParser` parses
in a helper process (``multiprocessing``'s spawn start, the same on Windows, macOS and Linux)
while the sync process reads the next answer from the server and stores the previous batch: the
answer goes over as the bytes it arrived as, and drafts come back (cheap to pickle). The helper
imports the mail parser and the address rules, never the database or Qt; it exits with the sync.

:func:`parse_answer` is the one parser both paths run. If the helper cannot start or dies, the
parser says so in the log and goes on in this process: the sync's result is the same either way.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import multiprocessing
import queue
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from app.core.addresses.matching import AddressBook
from app.core.attribution.rules import LeadDraft, draft
from app.core.mail.bodystructure import choose_text_part
from app.core.mail.fetchparse import parse_fetch_answer
from app.core.mail.message import (
    header_fetch_item,
    parse_fetched_part,
    section_fetch_item,
    structure_of,
)

log = logging.getLogger(__name__)

HEADER_ITEM, HEADER_KEY = header_fetch_item()


# Part 1 is the text in most mail (single-part, or multipart/alternative's text/plain), so its
# start comes in the first round trip. BODY[TEXT] would hold it too, but cutting the part out
# of a multipart prefix means a MIME parse per message: three times the cost of the rest.
LEAD_FETCH_ITEMS = (HEADER_ITEM, "BODYSTRUCTURE", "INTERNALDATE", section_fetch_item("1")[0])


def lead_fetch_items(section: str) -> tuple[str, ...]:
    """What a lead needs, with the start of the part at ``section`` as its text."""
    return (HEADER_ITEM, "BODYSTRUCTURE", "INTERNALDATE", section_fetch_item(section)[0])


@dataclass
class ParsedBatch:
    """Drafts of a batch's messages, in UID order, and the ones whose text is elsewhere."""

    drafts: list[LeadDraft]
    later: dict[str, list[int]] = field(default_factory=dict)
    """section -> UIDs whose text part is not the one fetched: fetch those again with
    :func:`lead_fetch_items` of that section."""


def header_block(data: dict[bytes, Any], key: bytes = HEADER_KEY) -> bytes:
    """The header fields' bytes of one message's FETCH items."""
    value = data.get(key)
    if value is None:
        # Servers may echo the field names differently; take whichever header item came back.
        for k, v in data.items():
            if isinstance(k, bytes) and k.startswith(b"BODY[HEADER"):
                value = v
                break
    return bytes(value or b"")


def aware(value: Any) -> dt.datetime | None:
    """INTERNALDATE as an aware datetime (UTC when the server gave no zone), else None."""
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def parse_answer(
    data: Sequence[Any],
    uids: Sequence[int],
    book: AddressBook,
    *,
    section: str = "1",
    final: bool = False,
) -> ParsedBatch:
    """Drafts of the messages ``uids`` in one FETCH answer of :func:`lead_fetch_items` of
    ``section``. A message whose text part is another one goes to ``later`` (or, when
    ``final``, gets no text). UIDs missing from the answer (expunged meanwhile) are skipped."""
    items = parse_fetch_answer(data, structures=True)
    text_key = section_fetch_item(section)[1]
    drafts: list[LeadDraft] = []
    later: dict[str, list[int]] = {}
    for uid in uids:
        item = items.pop(uid, None)
        if item is None:
            continue
        body = item.get(b"BODYSTRUCTURE")
        structure = structure_of(body) if body is not None else None
        part = choose_text_part(structure) if structure is not None else None
        text: bytes | None = None
        if part is not None:
            if part.section == section:
                raw = item.get(text_key)
                text = bytes(raw) if raw else None
            elif not final:
                later.setdefault(part.section, []).append(uid)
                continue
        message = parse_fetched_part(header_block(item), structure, part, text)
        drafts.append(draft(message, book, received_at=aware(item.get(b"INTERNALDATE")), uid=uid))
    return ParsedBatch(drafts, later)


# ---- the helper process ----------------------------------------------------------------------

_book: AddressBook | None = None
_READY = (True, "ready")


def _helper_main(book: AddressBook, inbox: Connection, outbox: Connection) -> None:
    """The helper process: parse each batch that comes in, send its drafts back, in order.

    It holds only its own ends of the two pipes, so when the sync's process goes (however it
    goes, SIGKILL included) the next read or write fails and the helper ends.
    """
    global _book  # noqa: PLW0603 - the helper process's one piece of state
    _book = book
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the sync process to handle
    gc.freeze()  # what is loaded now lives as long as the process
    try:
        outbox.send(_READY)
    except (OSError, ValueError):
        return
    while True:
        try:
            data, uids, section, final = inbox.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[bool, Any] = (
                True,
                parse_answer(data, uids, book, section=section, final=final),
            )
        except Exception as exc:  # the sync process parses it again and sees it for itself
            answer = (False, repr(exc))
        try:
            outbox.send(answer)
        except (OSError, ValueError):
            return


class _Helper:
    """The helper process and its two pipes; batches go out through a thread of their own, so
    sending the next batch never waits on the helper sending the last one back."""

    def __init__(self, book: AddressBook) -> None:
        context = multiprocessing.get_context("spawn")
        their_inbox, self._inbox = context.Pipe(duplex=False)
        self._outbox, their_outbox = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_helper_main,
            args=(book, their_inbox, their_outbox),
            name="mailsource-parser",
            daemon=True,
        )
        self.process.start()
        their_inbox.close()
        their_outbox.close()
        self._queue: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self._sender = threading.Thread(
            target=self._send, name="mailsource-parser-send", daemon=True
        )
        self._sender.start()
        self.started = False
        """Whether the helper has said it is ready (its imports done)."""

    def check_started(self, timeout: float = 0.0) -> bool:
        """Whether the helper is ready for work, waiting up to ``timeout`` seconds for it;
        EOFError/OSError when it ended before."""
        if not self.started and self._outbox.poll(timeout):
            self.started = self.receive() == _READY
        return self.started

    def _send(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                self._inbox.send(job)
            except (OSError, ValueError):
                return  # the helper is gone: receive() tells the sync

    def submit(self, job: tuple[Any, ...]) -> None:
        self._queue.put(job)

    def ready(self) -> bool:
        """Whether an answer is waiting to be received."""
        try:
            return self._outbox.poll()
        except (EOFError, OSError):
            return True  # receive() tells what happened

    def receive(self) -> tuple[bool, Any]:
        """The next answer, in the order the batches went out; EOFError/OSError when the
        helper is gone."""
        answer: tuple[bool, Any] = self._outbox.recv()
        return answer

    def close(self) -> None:
        """Stop the helper, busy or idle, and the sending thread; answers not read are
        dropped (closing is for the end of a sync, or its Cancel)."""
        self._queue.put(None)  # the sending thread stops after what it is sending
        self._outbox.close()  # a busy helper's answer has nowhere to go: it ends
        # The thread returns at once when idle, or when its write fails as the helper ends.
        self._sender.join(timeout=10)
        if not self._sender.is_alive():
            self._inbox.close()  # an idle helper reads the end of its input and ends
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self._sender.join(timeout=5)  # its write fails now, if it was still at it
        self._inbox.close()


_START_SHARE = 0.8
_MIN_SHARE = 0.5
_SHARE_STEP = 0.04


def by_uid(item: LeadDraft) -> int:
    """Sort key of drafts: their UID (0 without one)."""
    return item.uid or 0


def _share(data: Sequence[Any], share: float) -> tuple[list[Any], list[Any]]:
    """The answer cut in two at a response: about the first ``share`` of it (for the helper)
    and the rest (for this process). A response starts with a line ``<seq> (``; lines that
    follow a literal start with a space or ``)``."""
    cut = round(len(data) * share)
    while cut < len(data):
        item = data[cut]
        line = item[0] if isinstance(item, tuple) else item
        if line and 48 <= line[0] <= 57:  # "0".."9": the next response starts here
            break
        cut += 1
    return list(data[:cut]), list(data[cut:])


class BatchParser:
    """Parses FETCH answers with :func:`parse_answer`, in a helper process when asked to.

    ``submit`` starts a batch and returns a function that waits for its drafts; call those
    functions in the order the batches were submitted. Batches are parsed here (when their
    drafts are asked for) until the helper has started, so starting it costs the sync little.
    Close it (or use it as a context manager) to stop the helper.

    The work is shared: the helper gets the first part of each batch and the rest is parsed
    here when the drafts are asked for, so this process parses instead of waiting. The share
    follows who finished first: when the helper's part was ready before this process's, the
    helper gets more of the next batch, else less.
    """

    def __init__(self, book: AddressBook, *, helper: bool) -> None:
        self.book = book
        self._helper: _Helper | None = None
        self._sent = 0
        self._received: dict[int, tuple[bool, Any]] = {}
        self._next_answer = 0
        self.helper_batches = 0
        self.helper_share = _START_SHARE
        """The part of each batch the helper parses (the rest is parsed here)."""
        if helper:
            try:
                self._helper = _Helper(book)
            except (OSError, RuntimeError) as exc:
                log.warning("Parsing in this process: the helper process did not start: %s", exc)

    def __enter__(self) -> BatchParser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def uses_helper(self) -> bool:
        return self._helper is not None

    def submit(
        self, data: Sequence[Any], uids: Sequence[int], *, section: str = "1", final: bool = False
    ) -> Callable[[], ParsedBatch]:
        """Start parsing one answer (see :func:`parse_answer`); call the result for the drafts."""
        uids = list(uids)

        def here() -> ParsedBatch:
            return parse_answer(data, uids, self.book, section=section, final=final)

        if not self.helper_started():
            return here  # parsed here while the helper starts (about 0.2 s)
        helper = self._helper
        assert helper is not None
        theirs, ours = _share(data, self.helper_share)
        number = self._sent
        self._sent += 1
        helper.submit((theirs, uids, section, final))

        def there() -> ParsedBatch:
            mine = parse_answer(ours, uids, self.book, section=section, final=final)
            helper = self._helper
            was_ready = number < self._next_answer or (helper is not None and helper.ready())
            answer = self._answer(number)
            if answer is None:
                return here()
            ok, value = answer
            if not ok:
                log.warning("The helper process failed on a batch (%s): parsing it here", value)
                return here()
            self.helper_batches += 1
            assert isinstance(value, ParsedBatch)
            step = _SHARE_STEP if was_ready else -_SHARE_STEP
            self.helper_share = min(1.0, max(_MIN_SHARE, self.helper_share + step))
            if not mine.drafts and not mine.later:
                return value
            theirs_done = {d.uid for d in value.drafts}.union(*value.later.values())
            mine_done = {d.uid for d in mine.drafts}.union(*mine.later.values())
            if not theirs_done.isdisjoint(mine_done):
                return here()  # a message answered in two responses, one on each side
            drafts = value.drafts + mine.drafts
            drafts.sort(key=by_uid)
            later = value.later
            for section_name, section_uids in mine.later.items():
                later.setdefault(section_name, []).extend(section_uids)
            return ParsedBatch(drafts, later)

        return there

    def helper_started(self, timeout: float = 0.0) -> bool:
        """Whether the helper is ready for work, waiting up to ``timeout`` seconds for it."""
        helper = self._helper
        if helper is None:
            return False
        try:
            return helper.check_started(timeout)
        except (EOFError, OSError) as exc:
            self._drop(helper, exc)
            return False

    def _drop(self, helper: _Helper, exc: BaseException) -> None:
        log.warning("Parsing in this process from now on: the helper process ended (%r)", exc)
        self._helper = None
        helper.close()

    def _answer(self, number: int) -> tuple[bool, Any] | None:
        """The helper's answer to batch ``number``; None once the helper is gone."""
        while number >= self._next_answer:
            helper = self._helper
            if helper is None:
                return None
            try:
                self._received[self._next_answer] = helper.receive()
            except (EOFError, OSError) as exc:
                self._drop(helper, exc)
                return None
            self._next_answer += 1
        return self._received.pop(number, None)

    def close(self) -> None:
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.close()
