"""A list model over frozen records with an ``id``, updated in place rather than reset.

Replacing the rows with a fresh list removes, inserts and moves only what differs, so selection
and scroll position survive a refresh after an edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are records; subclasses define the columns and ``data``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    # -- access --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def record(self, row: int) -> R:
        return self._rows[row]

    def records(self) -> list[R]:
        return list(self._rows)

    def row_of(self, record_id: int) -> int:
        for i, rec in enumerate(self._rows):
            if rec.id == record_id:
                return i
        return -1

    # -- updating ------------------------------------------------------------------------------
    def set_records(self, new: Sequence[R]) -> None:
        """Make the model show ``new`` with the fewest structural changes."""
        new_ids = [r.id for r in new]
        keep = set(new_ids)
        # 1. removals, bottom-up so indexes stay valid
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row].id not in keep:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        # 2. insertions where they belong among the kept rows
        present = {r.id for r in self._rows}
        by_id = {r.id: r for r in new}
        kept_order = [i for i in new_ids if i in present]
        current_pos = {rec.id: i for i, rec in enumerate(self._rows)}
        if [r.id for r in self._rows] != kept_order:
            self._reorder([current_pos[i] for i in kept_order])
        for target, rec in enumerate(new):
            if rec.id not in present:
                self.beginInsertRows(QModelIndex(), target, target)
                self._rows.insert(target, rec)
                self.endInsertRows()
        # 3. contents
        changed = [i for i, rec in enumerate(self._rows) if by_id[rec.id] != rec]
        self._rows = [by_id[i] for i in new_ids]
        if changed:
            last_col = max(self.columnCount() - 1, 0)
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last_col))

    def _reorder(self, order: list[int]) -> None:
        """Move rows so that new row ``i`` is old row ``order[i]``, keeping persistent indexes."""
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        new_row_of = {old: new for new, old in enumerate(order)}
        self._rows = [self._rows[old] for old in order]
        self.changePersistentIndexList(
            old_persistent,
            [self.index(new_row_of[i.row()], i.column()) for i in old_persistent],
        )
        self.layoutChanged.emit()
