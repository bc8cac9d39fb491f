"""The matching rule: unit cases, property tests and a whole-mailbox speed check."""

from __future__ import annotations

import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.core.addresses.matching import (
    AddressBook,
    BookEntry,
    Match,
    MatchKind,
    normalize_recipient,
)
from app.core.addresses.styles import AddressSettings, TokenMode
from app.core.addresses.tokens import new_token
from app.core.addresses.validation import parse_address

RF = "xn--e1affem4a.xn--p1ai"  # клиент.рф

ENTRIES = (
    BookEntry(1, "info+tv@client.ru", channel_id=10),
    BookEntry(2, "info+avito@client.ru", channel_id=11),
    BookEntry(3, "info.billboard@client.ru", channel_id=12),
    BookEntry(4, "sale@client.ru", channel_id=13),
    BookEntry(5, "info+old@client.ru", channel_id=10, active=False),
    BookEntry(6, f"info+tv@{RF}", channel_id=14),
    BookEntry(7, "orphan@client.ru", channel_id=None),
)


def book(**settings: object) -> AddressBook:
    return AddressBook(
        ENTRIES,
        main_address="info@client.ru",
        settings=AddressSettings(**settings),  # type: ignore[arg-type]
    )


def entry_id(match: Match) -> int | None:
    return match.address_id


@pytest.mark.parametrize(
    ("recipient", "address_id"),
    [
        ("info+tv@client.ru", 1),
        ("INFO+TV@CLIENT.RU", 1),
        ("Info+Tv@Client.Ru.", 1),
        ("<info+avito@client.ru>", 2),
        (" info.billboard@client.ru ", 3),
        ("sale@client.ru", 4),
        ('"sale"@client.ru', 4),
        ("info+tv@клиент.рф", 6),
        ("INFO+TV@КЛИЕНТ.РФ", 6),
        (f"info+tv@{RF.upper()}", 6),
    ],
)
def test_tracking_addresses_match_in_any_case_and_domain_form(
    recipient: str, address_id: int
) -> None:
    found = book().match(recipient)
    assert found.kind is MatchKind.TRACKING
    assert found.address_id == address_id
    assert found.tracked


def test_retired_addresses_still_match_their_channel() -> None:
    found = book().match("info+old@client.ru")
    assert found.kind is MatchKind.TRACKING
    assert found.channel_id == 10
    assert found.entry is not None and not found.entry.active


def test_address_of_a_deleted_channel_matches_without_a_channel() -> None:
    found = book().match("orphan@client.ru")
    assert found.kind is MatchKind.TRACKING
    assert found.channel_id is None


def test_main_address_is_recognised_as_untracked() -> None:
    for recipient in ("info@client.ru", "INFO@Client.RU"):
        found = book().match(recipient)
        assert found.kind is MatchKind.MAIN
        assert not found.tracked
        assert found.entry is None


def test_unknown_plus_tag_on_the_main_mailbox() -> None:
    found = book().match("info+newspaper@client.ru")
    assert found.kind is MatchKind.UNKNOWN_TAG
    assert found.tag == "newspaper"


def test_extra_segments_after_a_known_tag_keep_its_channel() -> None:
    # Mail servers split at the first delimiter: "tv+x" reaches info with tag "tv+x".
    assert book().match("info+tv+flyer@client.ru").address_id == 1


def test_sub_addressed_alias_matches_the_alias() -> None:
    # The server delivers sale+x@ to the alias sale@.
    found = book().match("sale+spring@client.ru")
    assert found.kind is MatchKind.TRACKING
    assert found.address_id == 4


def test_dash_delimiter() -> None:
    dashed = AddressBook(
        [BookEntry(1, "info-tv@client.ru", 10)],
        main_address="info@client.ru",
        settings=AddressSettings(plus_delimiter="-"),
    )
    assert dashed.match("info-tv@client.ru").address_id == 1
    assert dashed.match("info-tv-x@client.ru").address_id == 1
    board = AddressBook(
        [BookEntry(1, "info-bill-board@client.ru", 10), BookEntry(2, "info-bill@client.ru", 11)],
        main_address="info@client.ru",
        settings=AddressSettings(plus_delimiter="-"),
    )
    assert board.match("info-bill-board-x-y@client.ru").address_id == 1  # longest known tag
    assert board.match("info-bill-x@client.ru").address_id == 2
    assert dashed.match("info-radio@client.ru").kind is MatchKind.UNKNOWN_TAG
    # With "-" configured, "+" is just a character: no mailbox "info+radio" is known.
    assert dashed.match("info+radio@client.ru").kind is MatchKind.NONE


@pytest.mark.parametrize(
    "recipient",
    [
        "boss@client.ru",
        "info@other.ru",
        "info+tv@other.ru",
        "info+tv@client.ru.evil.com",
        "tv@client.ru",
        "info+@client.ru",
        "+tv@client.ru",
        "not an address",
        "",
        "@client.ru",
        "info@",
        "info@xn--.ru",
    ],
)
def test_everything_else_is_none(recipient: str) -> None:
    found = book().match(recipient)
    assert found.kind is MatchKind.NONE
    assert found.entry is None


def test_plus_tokens() -> None:
    tokens = book(token_mode=TokenMode.PLUS, token_length=5)
    found = tokens.match("info+K7X2M@client.ru")
    assert found.kind is MatchKind.TOKEN
    assert found.token == "k7x2m"
    assert found.tracked
    # A look-alike typed by hand finds the same visit.
    assert tokens.match("info+k7xzo@client.ru").token == "k7xz0"
    # A static tag of token length is still the static address.
    assert tokens.match("info+avito@client.ru").address_id == 2
    # Wrong length: an unknown tag, not a token.
    assert tokens.match("info+k7x2m9@client.ru").kind is MatchKind.UNKNOWN_TAG


def test_tokens_off_means_unknown_tag() -> None:
    assert book().match("info+k7x2m6@client.ru").kind is MatchKind.UNKNOWN_TAG


def test_subdomain_tokens() -> None:
    tokens = book(token_mode=TokenMode.SUBDOMAIN, token_domain="in.client.ru", token_length=6)
    found = tokens.match("K7X2MQ@In.Client.Ru")
    assert found.kind is MatchKind.TOKEN
    assert found.token == "k7x2mq"
    bad = tokens.match("hello@in.client.ru")
    assert bad.kind is MatchKind.UNKNOWN_TAG
    assert bad.tag == "hello"
    assert tokens.match("k7x2mq@client.ru").kind is MatchKind.NONE


def test_idn_token_subdomain_in_either_form() -> None:
    tokens = AddressBook(
        [],
        main_address=f"info@{RF}",
        settings=AddressSettings(token_mode=TokenMode.SUBDOMAIN, token_domain=f"in.{RF}"),
    )
    assert tokens.match("k7x2mq@in.клиент.рф").token == "k7x2mq"
    assert tokens.match(f"k7x2mq@IN.{RF.upper()}").token == "k7x2mq"
    assert tokens.match("info@клиент.рф").kind is MatchKind.MAIN


def test_match_first_prefers_tracking_then_unknown_then_main() -> None:
    b = book()
    assert b.match_first(["info@client.ru", "info+tv@client.ru"]).address_id == 1
    assert b.match_first(["x@y.ru", "info@client.ru"]).kind is MatchKind.MAIN
    assert b.match_first(["info@client.ru", "info+zzz@client.ru"]).kind is MatchKind.UNKNOWN_TAG
    assert b.match_first(["info+avito@client.ru", "info+tv@client.ru"]).address_id == 2
    assert b.match_first([]).kind is MatchKind.NONE


def test_normalize_recipient() -> None:
    assert normalize_recipient("<Info@КЛИЕНТ.рф.>") == ("info", RF)
    assert normalize_recipient("no-at-sign") is None


# --- property tests ------------------------------------------------------------------------------

LABEL = st.from_regex(r"[a-z0-9]{1,10}", fullmatch=True)
TAG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,6})?", fullmatch=True)
DOMAINS = st.sampled_from(["client.ru", "client.com", RF, "xn--80a1acny.xn--p1ai", "b.co"])


@st.composite
def address_books(draw: st.DrawFn) -> tuple[AddressBook, list[BookEntry], str, str]:
    delimiter = draw(st.sampled_from(["+", "-"]))
    domain = draw(DOMAINS)
    main_local = draw(LABEL)
    main = f"{main_local}@{domain}"
    addresses: dict[str, str] = {}
    for tag in draw(st.lists(TAG, max_size=15)):
        form = draw(st.sampled_from(["plus", "alias", "dot", "other-domain"]))
        if form == "plus":
            local, dom = f"{main_local}{delimiter}{tag}", domain
        elif form == "alias":
            local, dom = tag, domain
        elif form == "dot":
            local, dom = f"{main_local}.{tag}", domain
        else:
            local, dom = tag, draw(DOMAINS)
        # An alias must not contain the delimiter's split of another address, the same as
        # the service refuses duplicates: keep only distinct, non-main addresses.
        address = f"{local}@{dom}"
        if address.lower() != main.lower():
            addresses.setdefault(address.lower(), address)
    entries = [
        BookEntry(i, address, channel_id=100 + i, active=draw(st.booleans()))
        for i, address in enumerate(addresses.values(), start=1)
    ]
    settings = AddressSettings(plus_delimiter=delimiter)
    return AddressBook(entries, main_address=main, settings=settings), entries, main, delimiter


def _case_variant(address: str, flips: list[bool]) -> str:
    return (
        "".join(ch.upper() if flips[i % len(flips)] else ch for i, ch in enumerate(address))
        if flips
        else address
    )


@given(address_books(), st.lists(st.booleans(), min_size=1, max_size=8))
def test_every_address_matches_itself_and_no_other(
    data: tuple[AddressBook, list[BookEntry], str, str], flips: list[bool]
) -> None:
    address_book, entries, _main, _delimiter = data
    for entry in entries:
        for form in (
            entry.address,
            entry.address.upper(),
            _case_variant(entry.address, flips),
            parse_address(entry.address).unicode,
            f"<{entry.address}>",
        ):
            found = address_book.match(form)
            assert found.kind is MatchKind.TRACKING, form
            assert found.entry == entry, (form, found.entry)


@given(address_books())
def test_main_address_matches_as_main(
    data: tuple[AddressBook, list[BookEntry], str, str],
) -> None:
    address_book, _entries, main, _delimiter = data
    assert address_book.match(main).kind is MatchKind.MAIN
    assert address_book.match(main.upper()).kind is MatchKind.MAIN


@given(address_books(), LABEL, LABEL, DOMAINS)
def test_a_match_is_always_explained_by_its_entry(
    data: tuple[AddressBook, list[BookEntry], str, str], local: str, extra: str, domain: str
) -> None:
    """Soundness: whatever the recipient, a TRACKING match is that entry's address, or that
    address with a sub-address the server would strip (``entry`` + delimiter + more)."""
    address_book, entries, _main, delimiter = data
    candidates = [f"{local}@{domain}", f"{local}{delimiter}{extra}@{domain}"]
    candidates += [e.address.replace("@", f"{delimiter}{extra}@") for e in entries]
    for recipient in candidates:
        found = address_book.match(recipient)
        if found.kind is not MatchKind.TRACKING:
            continue
        assert found.entry is not None
        e_local, e_domain = normalize_recipient(found.entry.address) or ("", "")
        r_local, r_domain = normalize_recipient(recipient) or ("", "")
        assert r_domain == e_domain
        assert r_local == e_local or r_local.startswith(e_local + delimiter), (recipient, found)


@given(address_books(), st.integers(4, 16))
def test_plus_tokens_match_as_tokens(
    data: tuple[AddressBook, list[BookEntry], str, str], length: int
) -> None:
    plain, entries, main, delimiter = data
    settings = AddressSettings(
        plus_delimiter=delimiter, token_mode=TokenMode.PLUS, token_length=length
    )
    address_book = AddressBook(entries, main_address=main, settings=settings)
    local, _, domain = main.partition("@")
    token = new_token(length)
    recipient = f"{local}{delimiter}{token}@{domain}"
    assume(plain.match(recipient).kind is not MatchKind.TRACKING)  # a static tag equal to it
    found = address_book.match(recipient)
    assert found.kind is MatchKind.TOKEN
    assert found.token == token


# --- speed --------------------------------------------------------------------------------------


def test_a_whole_mailbox_is_matched_quickly() -> None:
    entries = [BookEntry(i, f"info+tag{i}@client.ru", i % 50) for i in range(5_000)]
    address_book = AddressBook(
        entries,
        main_address="info@client.ru",
        settings=AddressSettings(token_mode=TokenMode.PLUS),
    )
    recipients = [
        f"Info+Tag{i % 6000}@Client.RU" if i % 3 else f"info+{new_token()}@client.ru"
        for i in range(100_000)
    ]
    started = time.perf_counter()
    kinds = [address_book.match(r).kind for r in recipients]
    elapsed = time.perf_counter() - started
    assert kinds.count(MatchKind.TOKEN) > 30_000
    assert kinds.count(MatchKind.TRACKING) > 50_000
    # ~0.1 s on a laptop; the bound only catches an accidental O(n) scan per recipient
    # (which would take minutes), with room for a loaded CI machine.
    assert elapsed < 10, f"{elapsed:.2f} s for 100,000 recipients"
