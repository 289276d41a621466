"""An incident's timeline as a list model that only ever grows (entries are permanent and arrive in order)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.models.dispatch_incident import ENTRY_INSTRUCTION, ENTRY_KIND_NAMES, ENTRY_SYSTEM
from app.services.incident_timeline import TimelineItem
from app.views.dispatch.formatting import tr, when

RowRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
KIND_COLORS = {ENTRY_SYSTEM: QColor("#616161"), ENTRY_INSTRUCTION: QColor("#0d47a1")}


def entry_text(item: TimelineItem) -> str:
    files = "（附件：" + "、".join(a.filename for a in item.attachments) + "）" if item.attachments else ""
    kind = tr(ENTRY_KIND_NAMES.get(item.kind, item.kind))
    return f"{when(item.at)}  [{kind}] {item.author_name}：{item.text}{files}"


class TimelineModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[TimelineItem] = []

    @property
    def last_id(self) -> int | None:
        return self.items[-1].id if self.items else None

    def set_items(self, items: Sequence[TimelineItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def append(self, items: Sequence[TimelineItem]) -> int:
        """Add entries newer than the last one shown (anything older or already shown is ignored)."""
        last = self.last_id or 0
        new = [i for i in items if i.id > last]
        if new:
            self.beginInsertRows(QModelIndex(), len(self.items), len(self.items) + len(new) - 1)
            self.items.extend(new)
            self.endInsertRows()
        return len(new)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry_text(item)
        if role == RowRole:
            return item
        if role == Qt.ItemDataRole.ForegroundRole and item.kind in KIND_COLORS:
            return QBrush(KIND_COLORS[item.kind])
        if role == Qt.ItemDataRole.FontRole and item.kind == ENTRY_INSTRUCTION:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.text
        return None
