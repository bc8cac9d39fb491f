"""The address service on a real database (SQLite and PostgreSQL via the shared fixture)."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.addresses.custom_list import ListImportError
from app.core.addresses.matching import MatchKind
from app.core.addresses.model import AddressFields
from app.core.addresses.styles import AddressSettings, AddressStyle, AliasForm, TokenMode
from app.core.changes import Changes
from app.core.clients.model import ChannelFields, ClientFields
from app.core.errors import NotFoundError, ValidationError
from app.core.workspace import Workspace

RF = "xn--e1affem4a.xn--p1ai"  # клиент.рф


@pytest.fixture
def client_id(workspace: Workspace) -> int:
    return workspace.clients.create(
        ClientFields(name="Ромашка", domains=("клиент.рф",), main_address="info@клиент.рф")
    ).value.id


def channel(ws: Workspace, client_id: int, name: str, notes: str = "") -> int:
    return ws.channels.create(client_id, ChannelFields(name=name, notes=notes)).value.id


def test_generate_plus_addresses_from_the_channel_name(
    workspace: Workspace, client_id: int
) -> None:
    tv = channel(workspace, client_id, "ТВ")
    result = workspace.addresses.generate(tv, count=3)
    assert [a.address for a in result.value] == [
        f"info+tv@{RF}",
        f"info+tv2@{RF}",
        f"info+tv3@{RF}",
    ]
    assert [a.display for a in result.value] == [
        "info+tv@клиент.рф",
        "info+tv2@клиент.рф",
        "info+tv3@клиент.рф",
    ]
    assert result.changes == Changes(addresses=frozenset(a.id for a in result.value))
    assert all(
        a.style is AddressStyle.PLUS and a.active and a.channel_id == tv for a in result.value
    )
    # The next suggestion continues the numbering; tags are unique within the client.
    assert workspace.addresses.suggest(tv)[0].tag == "tv4"


def test_tags_are_unique_across_the_clients_channels(workspace: Workspace, client_id: int) -> None:
    first = channel(workspace, client_id, "ТВ")
    second = channel(workspace, client_id, "TV")  # another channel, same tag
    workspace.addresses.generate(first)
    assert workspace.addresses.generate(second).value[0].tag == "tv2"


def test_alias_styles(workspace: Workspace, client_id: int) -> None:
    avito = channel(workspace, client_id, "Авито")
    dotted = workspace.addresses.generate(avito, style=AddressStyle.ALIAS).value[0]
    assert dotted.address == f"info.avito@{RF}"
    workspace.addresses.save_settings(client_id, AddressSettings(alias_form=AliasForm.TAG))
    bare = workspace.addresses.generate(avito, style=AddressStyle.ALIAS).value[0]
    assert bare.address == f"avito2@{RF}"


def test_dash_delimiter(workspace: Workspace, client_id: int) -> None:
    workspace.addresses.save_settings(client_id, AddressSettings(plus_delimiter="-"))
    tv = channel(workspace, client_id, "ТВ")
    assert workspace.addresses.generate(tv).value[0].address == f"info-tv@{RF}"


def test_user_edited_tag(workspace: Workspace, client_id: int) -> None:
    tv = channel(workspace, client_id, "ТВ")
    created = workspace.addresses.create(client_id, AddressFields(tv, tag="Spring-TV")).value
    assert created.address == f"info+spring-tv@{RF}"
    with pytest.raises(ValidationError) as err:
        workspace.addresses.create(client_id, AddressFields(tv, tag="весна"))
    assert err.value.field == "tag"
    assert "vesna" in err.value.message


def test_tag_that_makes_the_local_part_too_long(workspace: Workspace, client_id: int) -> None:
    tv = channel(workspace, client_id, "ТВ")
    workspace.clients.update(
        client_id,
        ClientFields(name="Ромашка", domains=("клиент.рф",), main_address="a" * 40 + "@клиент.рф"),
    )
    with pytest.raises(ValidationError) as err:
        workspace.addresses.create(client_id, AddressFields(tv, tag="x" * 30))
    assert err.value.field == "tag"
    assert "too long" in err.value.message


def test_duplicate_address_names_the_channel(workspace: Workspace, client_id: int) -> None:
    tv = channel(workspace, client_id, "ТВ")
    radio = channel(workspace, client_id, "Радио")
    workspace.addresses.create(client_id, AddressFields(tv, tag="tv"))
    with pytest.raises(ValidationError) as err:
        workspace.addresses.create(client_id, AddressFields(radio, tag="TV"))
    assert "“ТВ”" in err.value.message
    assert "info+tv@клиент.рф" in err.value.message


def test_retired_address_is_never_reused(workspace: Workspace, client_id: int) -> None:
    tv = channel(workspace, client_id, "ТВ")
    radio = channel(workspace, client_id, "Радио")
    address = workspace.addresses.create(client_id, AddressFields(tv, tag="promo")).value
    retired = workspace.addresses.retire(address.id)
    assert not retired.value.active
    assert retired.value.retired_at is not None
    assert retired.changes.addresses == {address.id}
    with pytest.raises(ValidationError) as err:
        workspace.addresses.create(client_id, AddressFields(radio, tag="promo"))
    assert "retired" in err.value.message
    # History is kept and the address still matches its own channel.
    assert [a.id for a in workspace.addresses.list(client_id)] == [address.id]
    assert workspace.addresses.list(client_id, include_retired=False) == []
    found = workspace.addresses.address_book(client_id).match(f"info+promo@{RF}")
    assert found.kind is MatchKind.TRACKING
    assert found.channel_id == tv
    again = workspace.addresses.reactivate(address.id).value
    assert again.active and again.retired_at is None and again.channel_id == tv


def test_deleting_a_channel_keeps_its_address_reserved(
    workspace: Workspace, client_id: int
) -> None:
    tv = channel(workspace, client_id, "ТВ")
    address = workspace.addresses.generate(tv).value[0]
    workspace.channels.delete(tv)
    kept = workspace.addresses.get(address.id)
    assert kept.channel_id is None
    radio = channel(workspace, client_id, "Радио")
    with pytest.raises(ValidationError, match="deleted"):
        workspace.addresses.create(client_id, AddressFields(radio, tag="tv"))


def test_custom_address(workspace: Workspace, client_id: int) -> None:
    tv = channel(workspace, client_id, "ТВ")
    custom = workspace.addresses.create(
        client_id, AddressFields(tv, style=AddressStyle.CUSTOM, address="Reklama@Клиент.рф")
    ).value
    assert custom.address == f"Reklama@{RF}"
    assert custom.tag == ""
    assert workspace.addresses.find(client_id, "reklama@клиент.рф").id == custom.id
    with pytest.raises(ValidationError) as err:
        workspace.addresses.create(
            client_id, AddressFields(tv, style=AddressStyle.CUSTOM, address="tv@other.ru")
        )
    assert "tv@other.ru" in err.value.message
    with pytest.raises(ValidationError, match="main address"):
        workspace.addresses.create(
            client_id, AddressFields(tv, style=AddressStyle.CUSTOM, address="INFO@клиент.рф")
        )


def test_plus_needs_a_main_address(workspace: Workspace) -> None:
    bare = workspace.clients.create(ClientFields(name="Без адреса", domains=("x.ru",))).value.id
    tv = channel(workspace, bare, "ТВ")
    with pytest.raises(ValidationError) as err:
        workspace.addresses.generate(tv)
    assert err.value.field == "main_address"


def test_channel_of_another_client_is_refused(workspace: Workspace, client_id: int) -> None:
    other = workspace.clients.create(ClientFields(name="Другой", main_address="a@b.ru")).value.id
    foreign = channel(workspace, other, "ТВ")
    with pytest.raises(ValidationError, match="another client"):
        workspace.addresses.create(client_id, AddressFields(foreign, tag="tv"))


def test_missing_records(workspace: Workspace, client_id: int) -> None:
    with pytest.raises(NotFoundError):
        workspace.addresses.get(999)
    with pytest.raises(NotFoundError):
        workspace.addresses.generate(999)
    with pytest.raises(NotFoundError):
        workspace.addresses.find(client_id, "nobody@клиент.рф")


def test_import_is_all_or_nothing(workspace: Workspace, client_id: int) -> None:
    tv = channel(workspace, client_id, "ТВ")
    channel(workspace, client_id, "Радио")
    workspace.addresses.create(client_id, AddressFields(tv, tag="taken"))
    text = "\n".join(
        [
            "address;channel",
            "one@клиент.рф;Радио",
            "two@клиент.рф;Газета",  # no such channel
            f"info+taken@{RF};Радио",  # already used
            "junk",
        ]
    )
    with pytest.raises(ListImportError) as err:
        workspace.addresses.import_custom(client_id, text)
    assert [p.line for p in err.value.problems] == [3, 4, 5]
    assert "Газета" in err.value.problems[0].reason
    assert "“ТВ”" in err.value.problems[1].reason
    assert len(workspace.addresses.list(client_id)) == 1  # nothing was imported


def test_import_assigns_channels(workspace: Workspace, client_id: int) -> None:
    tv = channel(workspace, client_id, "ТВ")
    radio = channel(workspace, client_id, "Радио")
    result = workspace.addresses.import_custom(
        client_id, "one@клиент.рф,радио\ntwo@клиент.рф\n", channel_id=tv
    )
    assert [(a.address, a.channel_id, a.style) for a in result.value] == [
        (f"one@{RF}", radio, AddressStyle.CUSTOM),
        (f"two@{RF}", tv, AddressStyle.CUSTOM),
    ]
    assert result.changes.addresses == {a.id for a in result.value}
    with pytest.raises(ValidationError, match="no addresses"):
        workspace.addresses.import_custom(client_id, "# nothing\n")


def test_settings_round_trip(workspace: Workspace, client_id: int) -> None:
    assert workspace.addresses.settings(client_id) == AddressSettings()
    saved = workspace.addresses.save_settings(
        client_id,
        AddressSettings(
            style=AddressStyle.ALIAS,
            token_mode=TokenMode.SUBDOMAIN,
            token_domain="in.клиент.рф",
            token_length=8,
        ),
    )
    assert saved.value.token_domain == f"in.{RF}"
    assert saved.changes.clients == {client_id}
    assert workspace.addresses.settings(client_id) == saved.value
    with pytest.raises(ValidationError) as err:
        workspace.addresses.save_settings(
            client_id, AddressSettings(token_mode=TokenMode.SUBDOMAIN, token_domain="in.other.ru")
        )
    assert err.value.field == "token_domain"


def test_address_book_matches_everything_the_service_made(
    workspace: Workspace, client_id: int
) -> None:
    tv = channel(workspace, client_id, "ТВ")
    made = workspace.addresses.generate(tv, count=2).value
    made += workspace.addresses.generate(tv, style=AddressStyle.ALIAS).value
    workspace.addresses.save_settings(
        client_id, AddressSettings(token_mode=TokenMode.PLUS, token_length=5)
    )
    book = workspace.addresses.address_book(client_id)
    for address in made:
        assert book.match(address.display.upper()).address_id == address.id
    assert book.match("info@клиент.рф").kind is MatchKind.MAIN
    assert book.match("info+k7x2m@клиент.рф").token == "k7x2m"


def test_notes(workspace: Workspace, client_id: int) -> None:
    tv = channel(workspace, client_id, "ТВ")
    address = workspace.addresses.generate(tv).value[0]
    edited = workspace.addresses.update_notes(address.id, "  Ленина, 5  ").value
    assert edited.notes == "Ленина, 5"
    assert edited.address == address.address


def test_alias_rows_and_sheets(workspace: Workspace, client_id: int) -> None:
    tv = channel(workspace, client_id, "ТВ", notes="Первый канал, 20:00")
    radio = channel(workspace, client_id, "Радио")
    plus = workspace.addresses.generate(tv).value[0]
    alias = workspace.addresses.generate(radio, style=AddressStyle.ALIAS).value[0]
    retired = workspace.addresses.generate(radio, style=AddressStyle.ALIAS).value[0]
    workspace.addresses.retire(retired.id)
    rows = workspace.addresses.alias_rows(client_id)
    assert [(r.address, r.mailbox, r.channel) for r in rows] == [
        (alias.address, f"info@{RF}", "Радио")
    ]
    workspace.addresses.update_notes(plus.id, "Ленина, 5")
    sheets = workspace.addresses.sheets(
        client_id, [tv], agency="Агентство", valid_from=date(2026, 12, 1)
    )
    assert len(sheets) == 1
    assert sheets[0].address == "info+tv@клиент.рф"
    assert sheets[0].client == "Ромашка"
    assert sheets[0].placement_notes == "Первый канал, 20:00\nЛенина, 5"
    assert sheets[0].mailto == f"mailto:info+tv@{RF}"
    with pytest.raises(ValidationError, match="at least one channel"):
        workspace.addresses.sheets(client_id, [])
    empty = channel(workspace, client_id, "Газета")
    with pytest.raises(ValidationError, match="Газета"):
        workspace.addresses.sheets(client_id, [empty])


def test_deleting_the_client_deletes_its_addresses(workspace: Workspace, client_id: int) -> None:
    tv = channel(workspace, client_id, "ТВ")
    workspace.addresses.generate(tv)
    workspace.clients.delete(client_id)
    assert workspace.addresses.list(client_id) == []
