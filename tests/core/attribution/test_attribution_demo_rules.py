"""Attribution rules without a server: matching, dedup keys, demo leads (idempotent)."""

from __future__ import annotations

import datetime as dt

from app.core.addresses.matching import AddressBook, BookEntry, MatchKind
from app.core.attribution.rules import attribute, dedup_key
from app.core.demo import generate_demo
from app.core.leads.model import LeadQuery, LeadView
from app.core.mail.message import parse_rfc822
from app.core.workspace import Workspace

BOOK = AddressBook(
    [BookEntry(1, "info+tv@client.ru", 10), BookEntry(2, "info+avito@client.ru", 20)],
    main_address="info@client.ru",
)


def test_first_tracking_address_decides_and_kinds_are_kept() -> None:
    found = attribute(["info@client.ru", "Info+TV@client.ru", "info+avito@client.ru"], BOOK)
    assert (found.match_kind, found.channel_id, found.tracking_address) == (
        MatchKind.TRACKING,
        10,
        "info+tv@client.ru",
    )
    assert attribute(["info@client.ru"], BOOK).match_kind is MatchKind.MAIN
    assert attribute(["info@client.ru"], BOOK).tracking_address == ""
    assert attribute(["info+zzz@client.ru"], BOOK).match_kind is MatchKind.UNKNOWN_TAG
    assert attribute(["someone@else.ru"], BOOK).match_kind is MatchKind.NONE


def test_dedup_key_is_stable_and_falls_back_to_a_digest() -> None:
    raw = (
        b"From: a@b.ru\r\nTo: info@client.ru\r\nSubject: x\r\n"
        b"Date: Mon, 2 Feb 2026 10:00:00 +0300\r\nMessage-ID: <m1@b.ru>\r\n\r\nhi\r\n"
    )
    parsed = parse_rfc822(raw)
    assert dedup_key(parsed) == "m:m1@b.ru|20260202T070000"
    no_id = parse_rfc822(raw.replace(b"Message-ID: <m1@b.ru>\r\n", b""))
    key = dedup_key(no_id, dt.datetime(2026, 2, 2, tzinfo=dt.UTC))
    assert key.startswith("h:") and key == dedup_key(no_id)


def test_demo_leads_are_realistic_and_idempotent(sqlite_workspace: Workspace) -> None:
    ws = sqlite_workspace
    generate_demo(ws)
    client = next(c for c in ws.clients.list() if c.name == "СтройДом")
    counts = ws.leads.counts(client.id)
    assert counts.leads > 100 and counts.tracked > 50 and counts.repeat > 5
    assert counts.filtered > 3 and counts.replied > 30
    mailboxes = ws.mailboxes.list(client.id)
    assert [m.host for m in mailboxes] == ["imap.example.invalid"]
    assert not mailboxes[0].active
    before = ws.leads.count(LeadQuery(client_id=client.id, view=LeadView.ALL))
    generate_demo(ws)
    assert ws.leads.count(LeadQuery(client_id=client.id, view=LeadView.ALL)) == before
    assert len(ws.mailboxes.list(client.id)) == 1


def test_lead_store_on_sqlite_and_postgresql(workspace: Workspace) -> None:
    """The bulk path (driver placeholders, ON CONFLICT, JSON, timestamps) on both backends."""
    generate_demo(workspace)
    client = next(c for c in workspace.clients.list() if c.name == "СтройДом")
    counts = workspace.leads.counts(client.id)
    assert counts.leads > 100 and counts.replied > 30 and counts.repeat > 5
    lead = workspace.leads.get(workspace.leads.ids(LeadQuery(client_id=client.id))[0])
    assert lead.recipients and lead.received_at.tzinfo is not None
    assert lead.sender_name and lead.text
    generate_demo(workspace)
    assert workspace.leads.counts(client.id) == counts
