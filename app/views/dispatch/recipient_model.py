"""Every recipient of one order with their times: who has received, read and acknowledged, and who has not."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.order_tracking import STATE_ACKNOWLEDGED, STATE_NAMES, STATE_PENDING, RecipientState
from app.views.dispatch.formatting import tr, when
from app.views.dispatch.row_table_model import RowTableModel

RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
STATE_COLORS = {STATE_ACKNOWLEDGED: QColor("#2e7d32"), STATE_PENDING: QColor("#c62828")}


class Col(IntEnum):
    NAME = 0
    BADGE = 1
    UNIT = 2
    RECEIVED = 3
    READ = 4
    ACKNOWLEDGED = 5
    REMINDERS = 6
    STATE = 7


HEADERS = {
    Col.NAME: "姓名",
    Col.BADGE: "警号",
    Col.UNIT: "单位",
    Col.RECEIVED: "接收时间",
    Col.READ: "阅读时间",
    Col.ACKNOWLEDGED: "签收时间",
    Col.REMINDERS: "催签",
    Col.STATE: "状态",
}


class RecipientModel(RowTableModel):
    headers = tuple(HEADERS[c] for c in Col)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RecipientState] = []

    def set_rows(self, rows: Sequence[RecipientState]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = Col(index.column())
        if role == RowRole:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == SortRole:
            values = {Col.RECEIVED: r.received_at, Col.READ: r.read_at, Col.ACKNOWLEDGED: r.acknowledged_at}
            return values.get(col) or self._text(r, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == Col.STATE and r.state in STATE_COLORS:
            return QBrush(STATE_COLORS[r.state])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.REMINDERS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, r: RecipientState, col: Col) -> str:
        if col == Col.NAME:
            return r.name
        if col == Col.BADGE:
            return r.badge_no
        if col == Col.UNIT:
            return r.unit_name
        if col == Col.RECEIVED:
            return when(r.received_at)
        if col == Col.READ:
            return when(r.read_at)
        if col == Col.ACKNOWLEDGED:
            return when(r.acknowledged_at)
        if col == Col.REMINDERS:
            return str(r.reminders) if r.reminders else ""
        return tr(STATE_NAMES[r.state])
