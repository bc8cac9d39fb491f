"""Attribution: which channel (or visit token) each stored email belongs to.

:mod:`rules` matches one parsed email's recipients against the client's tracking addresses;
:mod:`store` files attributed mail as leads (filtered, thread replies, repeat contacts, reply
times); :func:`reattribute` matches stored mail again after the addresses changed.
"""

from __future__ import annotations

from app.core.attribution.reattribute import reattribute
from app.core.attribution.rules import Attribution, LeadDraft, attribute, dedup_key, draft
from app.core.attribution.store import BatchCounts, LeadStore

__all__ = [
    "Attribution",
    "BatchCounts",
    "LeadDraft",
    "LeadStore",
    "attribute",
    "dedup_key",
    "draft",
    "reattribute",
]
