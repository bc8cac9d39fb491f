"""Reading mail: parsing what a lead needs, recipients, and which messages are not leads.

The sync engine fetches header fields, ``BODYSTRUCTURE`` and the start of the text part, and turns
them into a :class:`ParsedMessage` with :func:`parse_fetched`; :func:`classify` says whether the
message is a lead. Nothing here talks to a server or a database.
"""

from __future__ import annotations

from app.core.mail.bodystructure import MimePart, attachment_names, choose_text_part
from app.core.mail.classify import NotLead, NotLeadReason, classify, detect_automatic
from app.core.mail.headers import LEAD_HEADER_FIELDS, HeaderFields, normalize_address
from app.core.mail.message import (
    TEXT_FETCH_BYTES,
    ParsedMessage,
    ParseProblem,
    ProblemKind,
    header_fetch_item,
    parse_fetched,
    parse_rfc822,
    structure_of,
    text_fetch_item,
    text_prefix_fetch_item,
)
from app.core.mail.recipients import Recipient, RecipientSource, extract_recipients

__all__ = [
    "LEAD_HEADER_FIELDS",
    "TEXT_FETCH_BYTES",
    "HeaderFields",
    "MimePart",
    "NotLead",
    "NotLeadReason",
    "ParseProblem",
    "ParsedMessage",
    "ProblemKind",
    "Recipient",
    "RecipientSource",
    "attachment_names",
    "choose_text_part",
    "classify",
    "detect_automatic",
    "extract_recipients",
    "header_fetch_item",
    "normalize_address",
    "parse_fetched",
    "parse_rfc822",
    "structure_of",
    "text_fetch_item",
    "text_prefix_fetch_item",
]
