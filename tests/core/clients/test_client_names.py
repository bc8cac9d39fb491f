"""Bad names for clients and channels: empty, too long, duplicate (case- and ё-insensitive).

Each gets a clear message naming the field and the name, and nothing already stored changes.
"""

from __future__ import annotations

import pytest

from app.core.clients.model import ChannelFields, ClientFields
from app.core.clients.validation import MAX_NAME
from app.core.errors import ValidationError
from app.core.workspace import Workspace


@pytest.fixture
def romashka(workspace: Workspace) -> int:
    client = workspace.clients.create(ClientFields(name="Ромашка", notes="Старые заметки")).value
    workspace.channels.create(client.id, ChannelFields(name="Ёлка у входа"))
    return client.id


def snapshot(ws: Workspace) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for c in ws.clients.list(include_archived=True):
        out.append((c.id, c.name, c.notes, c.updated_at))
        out.extend((ch.id, ch.name, ch.color, ch.updated_at) for ch in ws.channels.list(c.id))
    return out


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_empty_client_name(workspace: Workspace, romashka: int, name: str) -> None:
    before = snapshot(workspace)
    with pytest.raises(ValidationError, match="cannot be empty") as caught:
        workspace.clients.create(ClientFields(name=name))
    assert caught.value.field == "name"
    with pytest.raises(ValidationError, match="cannot be empty"):
        workspace.clients.rename(romashka, name)
    assert snapshot(workspace) == before


def test_too_long_client_name(workspace: Workspace, romashka: int) -> None:
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as caught:
        workspace.clients.create(ClientFields(name="Я" * (MAX_NAME + 1)))
    assert caught.value.field == "name"
    assert f"{MAX_NAME + 1} characters, at most {MAX_NAME}" in str(caught.value)
    assert snapshot(workspace) == before
    # Exactly the limit is fine, in Cyrillic too (characters, not bytes).
    longest = workspace.clients.create(ClientFields(name="Я" * MAX_NAME)).value
    assert workspace.clients.get(longest.id).name == "Я" * MAX_NAME


@pytest.mark.parametrize("name", ["Ромашка", "ромашка", "  РОМАШКА ", "Ромашка\u0020"])
def test_duplicate_client_name(workspace: Workspace, romashka: int, name: str) -> None:
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as caught:
        workspace.clients.create(ClientFields(name=name))
    assert caught.value.field == "name"
    assert "already exists" in str(caught.value)
    assert "“Ромашка”" in str(caught.value), "the message names the client that exists"
    assert snapshot(workspace) == before


def test_duplicate_client_name_ignores_yo(workspace: Workspace) -> None:
    workspace.clients.create(ClientFields(name="Ёжик в тумане"))
    with pytest.raises(ValidationError, match="already exists"):
        workspace.clients.create(ClientFields(name="ежик В ТУМАНЕ"))
    assert [c.name for c in workspace.clients.list()] == ["Ёжик в тумане"]


def test_rename_onto_another_client_is_refused(workspace: Workspace, romashka: int) -> None:
    other = workspace.clients.create(ClientFields(name="Лютик")).value
    before = snapshot(workspace)
    with pytest.raises(ValidationError, match="already exists"):
        workspace.clients.rename(other.id, "РОМАШКА")
    with pytest.raises(ValidationError, match="already exists"):
        workspace.clients.update(other.id, ClientFields(name="ромашка", notes="Другие"))
    assert snapshot(workspace) == before


def test_archived_client_still_owns_its_name(workspace: Workspace, romashka: int) -> None:
    workspace.clients.set_archived(romashka, True)
    with pytest.raises(ValidationError, match="already exists"):
        workspace.clients.create(ClientFields(name="Ромашка"))


@pytest.mark.parametrize("name", ["", "  "])
def test_empty_channel_name(workspace: Workspace, romashka: int, name: str) -> None:
    before = snapshot(workspace)
    with pytest.raises(ValidationError, match="cannot be empty") as caught:
        workspace.channels.create(romashka, ChannelFields(name=name))
    assert caught.value.field == "name"
    channel = workspace.channels.list(romashka)[0]
    with pytest.raises(ValidationError, match="cannot be empty"):
        workspace.channels.update(channel.id, ChannelFields(name=name))
    assert snapshot(workspace) == before


def test_too_long_channel_name(workspace: Workspace, romashka: int) -> None:
    before = snapshot(workspace)
    with pytest.raises(ValidationError, match=f"at most {MAX_NAME}"):
        workspace.channels.create(romashka, ChannelFields(name="Щ" * (MAX_NAME + 1)))
    assert snapshot(workspace) == before


@pytest.mark.parametrize("name", ["Ёлка у входа", "елка у входа", "ЁЛКА  У  ВХОДА", "ЕЛКА у входа"])
def test_duplicate_channel_name(workspace: Workspace, romashka: int, name: str) -> None:
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as caught:
        workspace.channels.create(romashka, ChannelFields(name=name))
    assert caught.value.field == "name"
    assert "already has a channel named" in str(caught.value)
    assert snapshot(workspace) == before


def test_rename_channel_onto_another_is_refused(workspace: Workspace, romashka: int) -> None:
    tv = workspace.channels.create(romashka, ChannelFields(name="ТВ")).value
    before = snapshot(workspace)
    with pytest.raises(ValidationError, match="already has a channel named"):
        workspace.channels.update(tv.id, ChannelFields(name="елка у входа"))
    assert snapshot(workspace) == before
    # Its own name in another case is fine.
    assert workspace.channels.update(tv.id, ChannelFields(name="тв")).value.name == "тв"
