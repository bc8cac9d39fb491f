"""Fixtures for the Addresses section: a client with channels, and a client page on screen."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.core.clients.model import Channel, ChannelFields, Client, ClientFields
from app.core.workspace import Workspace
from app.ui.main_window import MainWindow


@dataclass
class Shop:
    """A client on an IDN domain with two Cyrillic channels."""

    client: Client
    billboard: Channel
    radio: Channel


@pytest.fixture
def shop(sqlite_workspace: Workspace) -> Shop:
    ws = sqlite_workspace
    client = ws.clients.create(
        ClientFields(
            name="Стоматология «Улыбка»",
            domains=("улыбка.рф", "ulybka-dent.ru"),
            main_address="info@улыбка.рф",
        )
    ).value
    billboard = ws.channels.create(
        client.id, ChannelFields(name="Билборд", notes="Щит 3×6, Ленинский проспект")
    ).value
    radio = ws.channels.create(client.id, ChannelFields(name="Радио")).value
    return Shop(ws.clients.get(client.id), billboard, radio)


@pytest.fixture
def shop_window(window: MainWindow, shop: Shop) -> MainWindow:
    """The main window with the shop's Addresses tab showing."""
    window.reload_clients()
    window.client_list.select(shop.client.id)
    window.act_addresses.trigger()
    assert window.page.tabs.currentWidget() is window.page.addresses
    return window
