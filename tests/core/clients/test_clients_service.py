"""Clients and channels: create, edit, rename, archive, restore, delete, search; both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.core.changes import Changes
from app.core.clients.model import PALETTE, ChannelFields, ChannelKind, ClientFields
from app.core.errors import NotFoundError
from app.core.workspace import Workspace


def count_rows(ws: Workspace, sql: str, **params: object) -> int:
    with ws.db.engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def names(ws: Workspace, **kwargs: object) -> list[str]:
    return [c.name for c in ws.clients.list(**kwargs)]  # type: ignore[arg-type]


@pytest.fixture
def agency(workspace: Workspace) -> Workspace:
    """A workspace with three clients, one of them with an IDN domain."""
    ws = workspace
    ws.clients.create(
        ClientFields(name="Ромашка", domains=("ромашка.рф",), main_address="info@romashka.ru")
    )
    ws.clients.create(ClientFields(name="Ёлки-Палки", domains=("elki-palki.ru",)))
    ws.clients.create(ClientFields(name="Окна 500%", domains=("okna500.ru",)))
    return ws


def test_create_client(workspace: Workspace) -> None:
    result = workspace.clients.create(
        ClientFields(
            name="  Ромашка   и   сыновья ",
            domains=("Ромашка.РФ", "romashka.ru"),
            main_address="info@ромашка.рф",
            currency="eur",
            notes=" Платит вовремя. ",
        )
    )
    client = result.value
    assert result.changes == Changes(clients=frozenset({client.id}))
    assert client.name == "Ромашка и сыновья"
    assert client.domains == ("xn--80aa3agjl3d.xn--p1ai", "romashka.ru")
    assert client.main_address == "info@xn--80aa3agjl3d.xn--p1ai"
    assert client.currency == "EUR"
    assert client.notes == "Платит вовремя."
    assert not client.archived
    assert client.created_at.tzinfo is not None
    assert workspace.clients.get(client.id) == client
    assert workspace.clients.find("ромашка И СЫНОВЬЯ") == client
    assert workspace.clients.find(str(client.id)) == client


def test_main_address_domain_joins_the_domains(workspace: Workspace) -> None:
    client = workspace.clients.create(
        ClientFields(name="Лютик", domains=("lutik.ru",), main_address="hello@lutik-shop.ru")
    ).value
    assert client.domains == ("lutik-shop.ru", "lutik.ru")


def test_edit_and_rename_client(agency: Workspace) -> None:
    client = agency.clients.find("Ромашка")
    result = agency.clients.update(
        client.id,
        ClientFields(
            name="Ромашка", domains=("romashka.ru",), currency="USD", notes="Новый договор"
        ),
    )
    assert result.changes == Changes(clients=frozenset({client.id}))
    edited = agency.clients.get(client.id)
    assert (edited.domains, edited.currency, edited.notes) == (
        ("romashka.ru",),
        "USD",
        "Новый договор",
    )
    assert edited.updated_at >= client.updated_at

    renamed = agency.clients.rename(client.id, "Ромашка Плюс")
    assert renamed.changes == Changes(clients=frozenset({client.id}))
    assert renamed.value.name == "Ромашка Плюс"
    assert renamed.value.domains == ("romashka.ru",), "rename keeps everything else"
    assert renamed.value.notes == "Новый договор"
    # Changing only the case of its own name is not a duplicate.
    assert agency.clients.rename(client.id, "РОМАШКА ПЛЮС").value.name == "РОМАШКА ПЛЮС"
    assert sorted(names(agency)) == ["Ёлки-Палки", "Окна 500%", "РОМАШКА ПЛЮС"]


def test_archive_and_restore_client(agency: Workspace) -> None:
    client = agency.clients.find("Ромашка")
    result = agency.clients.set_archived(client.id, True)
    assert result.value.archived
    assert result.changes == Changes(clients=frozenset({client.id}))
    assert "Ромашка" not in names(agency), "archived clients are hidden by default"
    assert "Ромашка" in names(agency, include_archived=True)
    assert names(agency, search="ромашка") == []
    assert names(agency, search="ромашка", include_archived=True) == ["Ромашка"]

    restored = agency.clients.set_archived(client.id, False)
    assert not restored.value.archived
    assert "Ромашка" in names(agency)


def test_delete_client_removes_its_channels(agency: Workspace) -> None:
    client = agency.clients.find("Ромашка")
    keep = agency.clients.find("Ёлки-Палки")
    made = [
        agency.channels.create(client.id, ChannelFields(name=name)).value.id
        for name in ("ТВ", "Авито", "Билборд")
    ]
    kept_channel = agency.channels.create(keep.id, ChannelFields(name="ТВ")).value

    changes = agency.clients.delete(client.id)

    assert changes == Changes(
        deleted_clients=frozenset({client.id}), deleted_channels=frozenset(made)
    )
    assert count_rows(agency, "SELECT count(*) FROM clients WHERE id = :id", id=client.id) == 0
    assert (
        count_rows(agency, "SELECT count(*) FROM channels WHERE client_id = :id", id=client.id) == 0
    )
    with pytest.raises(NotFoundError):
        agency.clients.get(client.id)
    with pytest.raises(NotFoundError):
        agency.channels.get(made[0])
    # Nothing of the other clients went with it.
    assert [ch.id for ch in agency.channels.list(keep.id)] == [kept_channel.id]
    assert sorted(names(agency)) == ["Ёлки-Палки", "Окна 500%"]


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("ромаш", ["Ромашка"]),
        ("РОМАШ", ["Ромашка"]),
        ("мАшК", ["Ромашка"]),
        ("елки", ["Ёлки-Палки"]),  # ё and е are one letter for search
        ("ЁЛКИ", ["Ёлки-Палки"]),
        ("ромашка.рф", ["Ромашка"]),  # IDN domain typed in Cyrillic
        ("xn--80aa3agjl3d.xn--p1ai", ["Ромашка"]),
        ("romashka.ru", ["Ромашка"]),  # the main address's domain
        ("elki-palki.ru", ["Ёлки-Палки"]),
        ("500%", ["Окна 500%"]),
        ("0%", ["Окна 500%"]),
        ("%", ["Окна 500%"]),  # a literal percent sign, not a wildcard
        ("_", []),
        ("   ", ["Ёлки-Палки", "Окна 500%", "Ромашка"]),
        ("лютик", []),
    ],
)
def test_search_clients(agency: Workspace, needle: str, expected: list[str]) -> None:
    assert names(agency, search=needle) == expected


def test_clients_are_listed_by_name_with_channel_counts(agency: Workspace) -> None:
    client = agency.clients.find("ромашка")
    agency.channels.create(client.id, ChannelFields(name="ТВ"))
    agency.channels.create(client.id, ChannelFields(name="Радио"))
    listed = agency.clients.list()
    assert [c.name for c in listed] == ["Ёлки-Палки", "Окна 500%", "Ромашка"]
    assert {c.name: c.channel_count for c in listed} == {
        "Ёлки-Палки": 0,
        "Окна 500%": 0,
        "Ромашка": 2,
    }
    assert agency.clients.get(client.id).channel_count == 2


def test_missing_client(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError, match="#4242"):
        workspace.clients.get(4242)
    with pytest.raises(NotFoundError, match="Нет такого"):
        workspace.clients.find("Нет такого")
    with pytest.raises(NotFoundError):
        workspace.clients.delete(4242)
    with pytest.raises(NotFoundError):
        workspace.channels.create(4242, ChannelFields(name="ТВ"))


def test_channels_create_edit_deactivate_delete(agency: Workspace) -> None:
    client = agency.clients.find("Ромашка")
    tv = agency.channels.create(client.id, ChannelFields(name="ТВ, Первый канал"))
    assert tv.changes == Changes(channels=frozenset({tv.value.id}))
    avito = agency.channels.create(
        client.id, ChannelFields(name="Авито", kind=ChannelKind.ONLINE, notes="Объявления")
    ).value
    assert (tv.value.kind, tv.value.color, tv.value.active) == (
        ChannelKind.OFFLINE,
        PALETTE[0],
        True,
    )
    assert (avito.kind, avito.color, avito.notes) == (ChannelKind.ONLINE, PALETTE[1], "Объявления")

    edited = agency.channels.update(
        tv.value.id, ChannelFields(name="ТВ, Россия 1", kind=ChannelKind.OFFLINE, color="#E15759")
    )
    assert edited.changes == Changes(channels=frozenset({tv.value.id}))
    assert (edited.value.name, edited.value.color) == ("ТВ, Россия 1", "#e15759")
    kept = agency.channels.update(tv.value.id, ChannelFields(name="ТВ"))
    assert kept.value.color == "#e15759", "an edit without a colour keeps the colour"

    off = agency.channels.set_active(avito.id, False)
    assert not off.value.active
    assert off.changes == Changes(channels=frozenset({avito.id}))
    assert [ch.name for ch in agency.channels.list(client.id)] == ["Авито", "ТВ"]
    assert [ch.name for ch in agency.channels.list(client.id, include_inactive=False)] == ["ТВ"]
    assert agency.channels.set_active(avito.id, True).value.active
    assert agency.clients.get(client.id).channel_count == 2

    assert agency.channels.delete(avito.id) == Changes(deleted_channels=frozenset({avito.id}))
    assert count_rows(agency, "SELECT count(*) FROM channels WHERE id = :id", id=avito.id) == 0
    assert [ch.name for ch in agency.channels.list(client.id)] == ["ТВ"]
    with pytest.raises(NotFoundError):
        agency.channels.get(avito.id)
    assert names(agency, include_archived=True) == ["Ёлки-Палки", "Окна 500%", "Ромашка"]


def test_same_channel_name_for_two_clients(agency: Workspace) -> None:
    a = agency.clients.find("Ромашка")
    b = agency.clients.find("Ёлки-Палки")
    agency.channels.create(a.id, ChannelFields(name="Авито"))
    agency.channels.create(b.id, ChannelFields(name="Авито"))
    assert [ch.name for ch in agency.channels.list(b.id)] == ["Авито"]
