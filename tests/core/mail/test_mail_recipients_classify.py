"""Recipient candidates in order of trust, and the reasons a message is not a lead."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from mail_samples import message

from app.core.i18n import set_translator
from app.core.mail import NotLeadReason, RecipientSource, classify, parse_rfc822

S = RecipientSource


def test_recipients_in_order_normalised_and_deduplicated() -> None:
    raw = message(
        [
            ("To", "Client <Info@CLIENT.example>, =?utf-8?B?0JfQsNGP0LLQutC4?= <заявки@пример.рф>"),
            ("Cc", "sales@client.example, undisclosed-recipients:;"),
            (
                "Received",
                "from mx.example.ru by mx.client.example with ESMTPS id 1\r\n"
                "\tfor <info+avito@client.example>; Mon, 2 Mar 2026 10:15:01 +0300",
            ),
            ("Received", "by relay.example.ru for sales@CLIENT.example; Mon, 2 Mar 2026"),
            ("Envelope-To", "info+avito@client.example"),
            ("X-Original-To", "info+avito@client.example"),
            ("Delivered-To", "info@client.example"),
            ("Delivered-To", "owner@client.example"),
        ]
    )
    parsed = parse_rfc822(raw)
    got = [(r.address, r.sources) for r in parsed.recipients]
    assert got == [
        ("info@client.example", (S.DELIVERED_TO, S.TO)),
        ("owner@client.example", (S.DELIVERED_TO,)),
        ("info+avito@client.example", (S.X_ORIGINAL_TO, S.ENVELOPE_TO, S.RECEIVED)),
        ("заявки@xn--e1afmkfd.xn--p1ai", (S.TO,)),
        ("sales@client.example", (S.CC, S.RECEIVED)),
    ]
    assert parsed.recipients[0].source is S.DELIVERED_TO
    assert parsed.problems == ()


def test_unreadable_recipient_is_recorded() -> None:
    parsed = parse_rfc822(message({"To": "info+tv1@client.example, <<garbage"}))
    assert [r.address for r in parsed.recipients] == ["info+tv1@client.example"]
    assert [p.kind.value for p in parsed.problems] == ["bad_recipient"]


@pytest.mark.parametrize(
    ("headers", "reason", "evidence"),
    [
        ({"Auto-Submitted": "auto-replied"}, NotLeadReason.AUTO_REPLY, "Auto-Submitted"),
        ({"Auto-Submitted": "auto-generated; owner-email=x@y"}, NotLeadReason.AUTO_REPLY, ""),
        ({"Precedence": "bulk"}, NotLeadReason.AUTO_REPLY, "Precedence: bulk"),
        ({"Precedence": "junk"}, NotLeadReason.AUTO_REPLY, "Precedence: junk"),
        ({"Precedence": "auto_reply"}, NotLeadReason.AUTO_REPLY, ""),
        ({"X-Autoreply": "yes"}, NotLeadReason.AUTO_REPLY, "X-Autoreply"),
        ({"X-Autorespond": "Out of office"}, NotLeadReason.AUTO_REPLY, "X-Autorespond"),
        ({"From": "MAILER-DAEMON@mx.example.ru"}, NotLeadReason.BOUNCE, "MAILER-DAEMON"),
        ({"From": "Mail System <postmaster@example.ru>"}, NotLeadReason.BOUNCE, "postmaster"),
        (
            {"Content-Type": 'multipart/report; report-type="delivery-status"; boundary="r"'},
            NotLeadReason.BOUNCE,
            "delivery-status",
        ),
        (
            {"Content-Type": "multipart/report; report-type=disposition-notification; boundary=r"},
            NotLeadReason.DELIVERY_REPORT,
            "disposition-notification",
        ),
    ],
)
def test_automatic_mail_is_not_a_lead(
    headers: dict[str, str | bytes], reason: NotLeadReason, evidence: str
) -> None:
    body = b"--r\r\nContent-Type: text/plain\r\n\r\nReport\r\n--r--\r\n"
    parsed = parse_rfc822(message(headers, body))
    assert parsed.automatic is not None
    assert parsed.automatic.reason is reason
    assert evidence in parsed.automatic.evidence
    assert classify(parsed) == parsed.automatic
    assert parsed.is_bounce == (reason in {NotLeadReason.BOUNCE, NotLeadReason.DELIVERY_REPORT})
    assert parsed.is_auto_reply == (reason is NotLeadReason.AUTO_REPLY)


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "no"},
        {"Precedence": "list"},  # Google Groups shared inboxes mark real inbound mail so
        {"X-Autoreply": "no"},
        {"From": "daemon-fan@example.ru"},
    ],
)
def test_ordinary_mail_is_a_lead(headers: dict[str, str | bytes]) -> None:
    parsed = parse_rfc822(message(headers))
    assert parsed.automatic is None
    assert classify(parsed, {"client.example"}) is None


def test_own_domain_including_subdomains_and_idna() -> None:
    staff = parse_rfc822(message({"From": "Manager <m@Mail.Client.Example>"}))
    verdict = classify(staff, {"client.example"})
    assert verdict is not None and verdict.reason is NotLeadReason.OWN_DOMAIN
    cyrillic = parse_rfc822(message({"From": "m@пример.рф"}))
    assert classify(cyrillic, {"xn--e1afmkfd.xn--p1ai"}) is not None
    assert classify(cyrillic, {"пример.рф"}) is not None
    assert classify(parse_rfc822(message()), {"client.example", "notclient.example"}) is None
    assert (
        classify(parse_rfc822(message({"From": "x@evilclient.example"})), {"client.example"})
        is None
    )


def test_reply_in_a_thread() -> None:
    reply = parse_rfc822(message({"In-Reply-To": "<lead-1@example.ru>"}))
    verdict = classify(reply)
    assert verdict is not None and verdict.reason is NotLeadReason.THREAD_REPLY
    # With the store's answer, only threads that already have a lead count.
    assert classify(reply, thread_has_lead=lambda ids: "lead-1@example.ru" in ids) == verdict
    assert classify(reply, thread_has_lead=lambda ids: False) is None
    refs_only = parse_rfc822(message({"References": "<a@x> <b@x>"}))
    asked: list[tuple[str, ...]] = []

    def has_lead(ids: Sequence[str]) -> bool:
        asked.append(tuple(ids))
        return True

    classify(refs_only, thread_has_lead=has_lead)
    assert asked == [("b@x", "a@x")]  # the newest reference first


def test_reasons_are_translated() -> None:
    verdict = classify(parse_rfc822(message({"Auto-Submitted": "auto-replied"})))
    assert verdict is not None
    assert verdict.text() == "Automatic reply (Auto-Submitted: auto-replied)"
    seen: list[tuple[str, str]] = []

    def translator(context: str, text: str) -> str:
        seen.append((context, text))
        return {"Automatic reply": "Автоответ"}.get(text, text)

    set_translator(translator)
    try:
        assert verdict.text() == "Автоответ (Auto-Submitted: auto-replied)"
    finally:
        set_translator(None)
    assert ("mail", "Automatic reply") in seen
    assert all(reason.text() for reason in NotLeadReason)
