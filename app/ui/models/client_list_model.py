"""The client list on the left of the main window."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from app.ui.models.record_list import RecordTableModel

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from app.core.clients.model import Client

Index = QModelIndex | QPersistentModelIndex


# Qt::UserRole and Qt::DisplayRole, fixed values of Qt's API. This model is built before the
# window first shows, and the first use of ``Qt.ItemDataRole`` (or any enum of the ``Qt``
# namespace) builds all of the namespace's ~100 Python enum classes, some 16 ms: so the module
# names ``QtCore.Qt`` only inside methods that run once there are clients.
_USER_ROLE = 0x0100
_DISPLAY_ROLE = 0


class ClientRole(IntEnum):
    """Extra data roles of :class:`ClientListModel`."""

    ID = _USER_ROLE + 1
    SUBTITLE = _USER_ROLE + 2
    ARCHIVED = _USER_ROLE + 3
    RECORD = _USER_ROLE + 4


class ClientListModel(RecordTableModel["Client"]):
    """One row per client; the display is the name, the subtitle its address and channels."""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: Index, role: int = _DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        Qt = QtCore.Qt  # noqa: N806 - see _USER_ROLE
        client = self.record(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return client.name
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [client.name]
            if client.domains:
                from app.core.clients.validation import domain_to_unicode

                lines.append(", ".join(domain_to_unicode(d) for d in client.domains))
            if client.archived:
                lines.append(self.tr("Archived"))
            return "\n".join(lines)
        if role == ClientRole.ID:
            return client.id
        if role == ClientRole.SUBTITLE:
            return self.subtitle(client)
        if role == ClientRole.ARCHIVED:
            return client.archived
        if role == ClientRole.RECORD:
            return client
        if role == Qt.ItemDataRole.FontRole and client.archived:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def subtitle(self, client: Client) -> str:
        from app.core.clients.validation import address_to_unicode

        count = self.tr("%n channel(s)", "", client.channel_count)
        parts = [address_to_unicode(client.main_address)] if client.main_address else []
        parts.append(count)
        if client.archived:
            parts.insert(0, self.tr("Archived"))
        return " · ".join(parts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        Qt = QtCore.Qt  # noqa: N806 - see _USER_ROLE
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
