"""The table of a client's mailboxes: account, server, folders, last sync and its result."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.core.mailboxes.model import Mailbox, Security, SyncStatus
from app.ui.leads.lead_table_model import local_datetime
from app.ui.models.record_list import RecordTableModel

Index = QModelIndex | QPersistentModelIndex


class MailboxColumn(IntEnum):
    """Columns of :class:`MailboxTableModel`."""

    ACCOUNT = 0
    SERVER = 1
    FOLDERS = 2
    LAST_SYNC = 3
    RESULT = 4


def security_label(security: Security) -> str:
    return {
        Security.SSL: QCoreApplication.translate("Security", "SSL/TLS"),
        Security.STARTTLS: QCoreApplication.translate("Security", "STARTTLS"),
        Security.PLAIN: QCoreApplication.translate("Security", "No encryption"),
    }[security]


def status_label(status: SyncStatus) -> str:
    return {
        SyncStatus.NEVER: QCoreApplication.translate("SyncStatus", "Not synced yet"),
        SyncStatus.OK: QCoreApplication.translate("SyncStatus", "Synced"),
        SyncStatus.PARTIAL: QCoreApplication.translate("SyncStatus", "Some folders failed"),
        SyncStatus.FAILED: QCoreApplication.translate("SyncStatus", "Failed"),
        SyncStatus.CANCELLED: QCoreApplication.translate("SyncStatus", "Cancelled"),
    }[status]


def status_icon(status: SyncStatus | None) -> QIcon:
    """None: a sync is running."""
    pixmaps = QStyle.StandardPixmap
    name = {
        None: pixmaps.SP_BrowserReload,
        SyncStatus.NEVER: pixmaps.SP_MessageBoxInformation,
        SyncStatus.OK: pixmaps.SP_DialogApplyButton,
        SyncStatus.PARTIAL: pixmaps.SP_MessageBoxWarning,
        SyncStatus.FAILED: pixmaps.SP_MessageBoxCritical,
        SyncStatus.CANCELLED: pixmaps.SP_MediaPause,
    }[status]
    return QApplication.style().standardIcon(name)


class MailboxTableModel(RecordTableModel[Mailbox]):
    """One row per mailbox; a running sync shows its progress in the Result column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._progress: dict[int, str] = {}

    def set_progress(self, mailbox_id: int, text: str | None) -> None:
        """Show ``text`` as the row's result while its sync runs; None when it ended."""
        if text is None:
            self._progress.pop(mailbox_id, None)
        else:
            self._progress[mailbox_id] = text
        row = self.row_of(mailbox_id)
        if row >= 0:
            self.dataChanged.emit(
                self.index(row, MailboxColumn.ACCOUNT), self.index(row, MailboxColumn.RESULT)
            )

    def progress_text(self, mailbox_id: int) -> str | None:
        return self._progress.get(mailbox_id)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MailboxColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(MailboxColumn):
            return None
        return {
            MailboxColumn.ACCOUNT: self.tr("Mailbox"),
            MailboxColumn.SERVER: self.tr("Server"),
            MailboxColumn.FOLDERS: self.tr("Folders"),
            MailboxColumn.LAST_SYNC: self.tr("Last sync"),
            MailboxColumn.RESULT: self.tr("Result"),
        }[MailboxColumn(section)]

    def result_text(self, box: Mailbox) -> str:
        running = self._progress.get(box.id)
        if running is not None:
            return running
        if box.last_sync_status is SyncStatus.NEVER:
            return status_label(SyncStatus.NEVER)
        if box.last_sync_status is SyncStatus.FAILED and box.last_sync_message:
            return f"{status_label(SyncStatus.FAILED)}: {box.last_sync_message}"
        # The core's own words already say "some folders failed", "cancelled", "3 new leads".
        return box.last_sync_message or status_label(box.last_sync_status)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        box = self.record(index.row())
        col = MailboxColumn(index.column())
        failed = box.last_sync_status in (SyncStatus.FAILED, SyncStatus.PARTIAL)
        running = box.id in self._progress
        if role == Qt.ItemDataRole.DisplayRole:
            if col == MailboxColumn.ACCOUNT:
                if box.name and box.name != box.username:
                    return f"{box.name} ({box.username})"
                return box.username
            if col == MailboxColumn.SERVER:
                return f"{box.host}:{box.port} · {security_label(box.security)}"
            if col == MailboxColumn.FOLDERS:
                return ", ".join(box.folders)
            if col == MailboxColumn.LAST_SYNC:
                return local_datetime(box.last_sync_at) if box.last_sync_at else "—"
            return self.result_text(box)
        if role == Qt.ItemDataRole.DecorationRole and col == MailboxColumn.ACCOUNT:
            return status_icon(None if running else box.last_sync_status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == MailboxColumn.RESULT:
                return self.result_text(box)
            if col == MailboxColumn.FOLDERS:
                lines = [self.tr("Sent folder: {name}").format(name=box.sent_folder or "—")]
                for state in box.folder_states:
                    line = f"{state.name}: " + self.tr(
                        "%n message(s) read", "", state.messages_seen
                    )
                    if state.last_error:
                        line += f" — {state.last_error}"
                    lines.append(line)
                return "\n".join(lines)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == MailboxColumn.RESULT:
            if failed and not running:
                return QColor("#c0392b")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not box.active:
            return QColor(Qt.GlobalColor.gray)
        if role == Qt.ItemDataRole.UserRole:
            return box.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
