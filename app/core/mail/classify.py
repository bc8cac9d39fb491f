"""Which messages are not leads, and why.

Auto-replies, bounces and delivery reports are recognised from the message alone
(:func:`detect_automatic`, run while parsing); mail from the client's own domains and replies
inside a thread need the client and the stored leads (:func:`classify`). Each verdict carries a
reason code (stored) and the evidence; people read :meth:`NotLead.text`, translated.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import idna

from app.core.i18n import translate
from app.core.mail.bodystructure import MimePart, decode_params, split_header_params
from app.core.mail.headers import HeaderFields


class NotLeadReason(StrEnum):
    """Why a message is filtered out; the values are stored, keep them stable."""

    BOUNCE = "bounce"
    DELIVERY_REPORT = "delivery_report"
    AUTO_REPLY = "auto_reply"
    OWN_DOMAIN = "own_domain"
    THREAD_REPLY = "thread_reply"

    @property
    def is_automatic(self) -> bool:
        return self in _AUTOMATIC

    def text(self) -> str:
        """What the filtered-out view shows, in the user's language."""
        if self is NotLeadReason.BOUNCE:
            return translate("mail", "Bounce: the message could not be delivered")
        if self is NotLeadReason.DELIVERY_REPORT:
            return translate("mail", "Delivery or read report")
        if self is NotLeadReason.AUTO_REPLY:
            return translate("mail", "Automatic reply")
        if self is NotLeadReason.OWN_DOMAIN:
            return translate("mail", "Sent from the client's own domain")
        return translate("mail", "Reply in an existing conversation")


_AUTOMATIC = frozenset(
    {
        NotLeadReason.BOUNCE,
        NotLeadReason.DELIVERY_REPORT,
        NotLeadReason.AUTO_REPLY,
    }
)


@dataclass(frozen=True)
class NotLead:
    """A verdict: the reason code and the evidence (a header, a sender, a domain)."""

    reason: NotLeadReason
    evidence: str = ""

    def text(self) -> str:
        """The reason in words, with the evidence: ``Automatic reply (Auto-Submitted: ...)``."""
        if not self.evidence:
            return self.reason.text()
        return translate("mail", "{reason} ({evidence})").format(
            reason=self.reason.text(), evidence=self.evidence
        )


_DAEMON_LOCALS = frozenset({"mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"})
_AUTO_PRECEDENCE = frozenset({"bulk", "junk", "auto_reply", "auto-reply"})


def detect_automatic(
    headers: HeaderFields, structure: MimePart | None, sender_address: str
) -> NotLead | None:
    """Bounce, delivery report or auto-reply, judged from the message itself."""
    report_type = _report_type(headers, structure)
    if report_type is not None:
        # delivery-status: a bounce (or a "delivered" notice); anything else, such as
        # disposition-notification, is a read receipt or another machine report.
        reason = (
            NotLeadReason.BOUNCE
            if report_type == "delivery-status"
            else NotLeadReason.DELIVERY_REPORT
        )
        return NotLead(reason, f"multipart/report; report-type={report_type or '?'}")
    local = sender_address.rpartition("@")[0].lower()
    if local in _DAEMON_LOCALS:
        return NotLead(NotLeadReason.BOUNCE, sender_address)
    auto_submitted = headers.text("auto-submitted").strip()
    if auto_submitted and auto_submitted.split(";", 1)[0].strip().lower() != "no":
        return NotLead(NotLeadReason.AUTO_REPLY, f"Auto-Submitted: {auto_submitted}")
    for name, label in (("x-autoreply", "X-Autoreply"), ("x-autorespond", "X-Autorespond")):
        value = headers.text(name).strip()
        if name in headers and value.lower() not in {"no", "false", "0"}:
            return NotLead(NotLeadReason.AUTO_REPLY, f"{label}: {value}".rstrip(": "))
    precedence = headers.text("precedence").strip().lower()
    if precedence in _AUTO_PRECEDENCE:
        # RFC 3834 asks auto-responders to mark their replies so; people never set it by hand.
        # "list" is not here: Google Groups and other shared inboxes add it to real inbound mail.
        return NotLead(NotLeadReason.AUTO_REPLY, f"Precedence: {precedence}")
    return None


def _report_type(headers: HeaderFields, structure: MimePart | None) -> str | None:
    if structure is not None and structure.is_multipart:
        if structure.content_type != "multipart/report":
            return None
        return structure.params.get("report-type", "").strip().lower()
    main, pairs = split_header_params(headers.text("content-type"))
    if main.strip().lower() != "multipart/report":
        return None
    return decode_params(pairs).get("report-type", "").strip().lower()


def _ascii_domain(domain: str) -> str:
    domain = domain.strip().rstrip(".").lower().lstrip("@")
    if domain.isascii():
        return domain
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        return domain


def is_own_domain(address: str, own_domains: Collection[str]) -> bool:
    """True when ``address`` is at one of ``own_domains`` or a subdomain of one."""
    domain = _ascii_domain(address.rpartition("@")[2])
    if not domain:
        return False
    for own in own_domains:
        own_ascii = _ascii_domain(own)
        if own_ascii and (domain == own_ascii or domain.endswith("." + own_ascii)):
            return True
    return False


class Classifiable(Protocol):
    """What :func:`classify` reads of a message: a ``ParsedMessage``, or a lead draft."""

    @property
    def automatic(self) -> NotLead | None: ...

    @property
    def sender_address(self) -> str: ...

    @property
    def thread_ids(self) -> tuple[str, ...]: ...


def classify(
    message: Classifiable,
    own_domains: Collection[str] = (),
    *,
    thread_has_lead: Callable[[Sequence[str]], bool] | None = None,
) -> NotLead | None:
    """``None`` when the message is a lead, else why not.

    ``thread_has_lead`` answers whether any of the given Message-IDs (the message's In-Reply-To
    and References) belongs to a stored lead; without it, any reply counts as one in a thread.
    """
    if message.automatic is not None:
        return message.automatic
    if message.sender_address and is_own_domain(message.sender_address, own_domains):
        return NotLead(NotLeadReason.OWN_DOMAIN, message.sender_address.rpartition("@")[2])
    thread = message.thread_ids
    if thread and (thread_has_lead is None or thread_has_lead(thread)):
        return NotLead(NotLeadReason.THREAD_REPLY, f"In-Reply-To/References: <{thread[0]}>")
    return None
