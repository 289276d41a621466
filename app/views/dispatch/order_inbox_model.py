"""The officer's orders as a table: not yet acknowledged first, unread in bold, overdue in red."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from app.models.dispatch_order import ORDER_KINDS, PRIORITY_NAMES
from app.services.order_receipts import InboxOrder
from app.views.dispatch.formatting import PRIORITY_COLORS, tr, when
from app.views.dispatch.row_table_model import RowTableModel

RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    STATE = 0
    PRIORITY = 1
    TITLE = 2
    SENDER = 3
    SENT_AT = 4
    DEADLINE = 5


HEADERS = {
    Col.STATE: "签收",
    Col.PRIORITY: "紧急程度",
    Col.TITLE: "标题",
    Col.SENDER: "下达人",
    Col.SENT_AT: "下达时间",
    Col.DEADLINE: "签收时限",
}


class OrderInboxModel(RowTableModel):
    headers = tuple(HEADERS[c] for c in Col)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[InboxOrder] = []
        self.now = datetime.now(UTC)

    def set_rows(self, rows: Sequence[InboxOrder], now: datetime | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.now = now or datetime.now(UTC)
        self.endResetModel()

    def replace(self, order: InboxOrder) -> None:
        """Update one order in place (after opening or acknowledging it)."""
        for i, row in enumerate(self.rows):
            if row.order_id == order.order_id:
                self.rows[i] = order
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(Col) - 1))
                return

    def row_of(self, order_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.order_id == order_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        order = self.rows[index.row()]
        col = Col(index.column())
        if role == RowRole:
            return order
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(order, col)
        if role == SortRole:
            return {Col.SENT_AT: order.sent_at, Col.PRIORITY: order.priority}.get(col, self._text(order, col))
        if role == Qt.ItemDataRole.FontRole and order.read_at is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Col.STATE and order.overdue(self.now):
                return QBrush(PRIORITY_COLORS[2])
            if col == Col.PRIORITY:
                return QBrush(PRIORITY_COLORS.get(order.priority, PRIORITY_COLORS[0]))
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.TITLE:
            return order.title
        return None

    def _text(self, order: InboxOrder, col: Col) -> str:
        if col == Col.STATE:
            if order.acknowledged_at is not None:
                return tr("已签收")
            return tr("逾期未签") if order.overdue(self.now) else tr("未签收")
        if col == Col.PRIORITY:
            return tr(PRIORITY_NAMES.get(order.priority, ""))
        if col == Col.TITLE:
            return f"[{tr(ORDER_KINDS.get(order.kind, ''))}] {order.title}"
        if col == Col.SENDER:
            return order.sender_name
        if col == Col.SENT_AT:
            return when(order.sent_at)
        return when(order.ack_deadline)
