"""Every item model passes pytest-qt's model tester, also while rows come and go."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QPersistentModelIndex, Qt

from app.core.clients.model import Channel, ChannelKind, Client
from app.ui.models.channel_table_model import ChannelColumn, ChannelTableModel
from app.ui.models.client_list_model import ClientListModel, ClientRole

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def client(i: int, name: str, *, archived: bool = False, channels: int = 0) -> Client:
    return Client(
        i, name, ("client.ru",), "info@client.ru", "RUB", "", archived, NOW, NOW, channels
    )


def channel(i: int, name: str, *, active: bool = True) -> Channel:
    return Channel(
        i, 1, name, ChannelKind.OFFLINE, "#4e79a7", "Щит 3×6\nсторона А", active, NOW, NOW
    )


def test_client_list_model(qapp, qtmodeltester) -> None:
    model = ClientListModel()
    model.set_records([client(1, "Альфа", channels=2), client(2, "Бета", archived=True)])
    qtmodeltester.check(model)
    index = model.index(0, 0)
    assert index.data() == "Альфа"
    assert index.data(ClientRole.ID) == 1
    assert index.data(ClientRole.SUBTITLE) == "info@client.ru · 2 channel(s)"
    assert model.index(1, 0).data(ClientRole.SUBTITLE).startswith("Archived · ")


def test_channel_table_model(qapp, qtmodeltester) -> None:
    model = ChannelTableModel()
    model.set_records([channel(1, "ТВ"), channel(2, "Авито", active=False)])
    qtmodeltester.check(model)
    assert model.headerData(ChannelColumn.NAME, Qt.Orientation.Horizontal) == "Channel"
    assert model.index(0, ChannelColumn.STATUS).data() == "Active"
    assert model.index(1, ChannelColumn.STATUS).data() == "Paused"
    assert model.index(0, ChannelColumn.NOTES).data() == "Щит 3×6"
    assert model.index(0, ChannelColumn.NOTES).data(Qt.ItemDataRole.ToolTipRole) == (
        "Щит 3×6\nсторона А"
    )


def test_updates_in_place_keep_persistent_indexes(qapp, qtmodeltester) -> None:
    model = ClientListModel()
    qtmodeltester.check(model, force_py=True)
    model.set_records([client(1, "А"), client(2, "Б"), client(3, "В")])
    keep = QPersistentModelIndex(model.index(2, 0))  # "В"
    removed: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    # "Б" deleted, "Г" created first, "В" renamed so it sorts last
    model.set_records([client(4, "Г"), client(1, "А"), replace(client(3, "В"), name="Я")])
    assert removed == [(1, 1)]
    assert inserted == [(0, 0)]
    assert [model.record(r).name for r in range(model.rowCount())] == ["Г", "А", "Я"]
    assert keep.isValid() and keep.data() == "Я"
    # a pure reorder moves the persistent index along
    model.set_records([client(3, "Я"), client(1, "А"), client(4, "Г")])
    assert keep.row() == 0
