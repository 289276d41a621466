"""The duty board's table: updated in place, so a change of one officer repaints one row, not 2,000.

:meth:`DutyBoardModel.apply` compares the new board with the rows shown: when the same officers are listed
in the same order (the usual case: someone's status changed) it replaces the changed rows and emits
``dataChanged`` for each run of changed rows; only when officers come or go (a unit filter, a new account)
does it reset. The time in status ticks with :meth:`tick`, which repaints that one column.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.models.dispatch_duty import DUTY_NAMES
from app.services.duty_board import Board, BoardRow
from app.views.dispatch.formatting import STATUS_COLORS, duration, tr, when
from app.views.dispatch.row_table_model import RowTableModel

RowRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    NAME = 0
    BADGE = 1
    UNIT = 2
    STATUS = 3
    TIME = 4
    SINCE = 5
    NOTE = 6
    SET_BY = 7


HEADERS = {
    Col.NAME: "姓名",
    Col.BADGE: "警号",
    Col.UNIT: "单位",
    Col.STATUS: "勤务状态",
    Col.TIME: "持续时间",
    Col.SINCE: "开始时间",
    Col.NOTE: "事件/备注",
    Col.SET_BY: "设置人",
}


def _tint(color: QColor) -> QColor:
    tinted = QColor(color)
    tinted.setAlpha(40)
    return tinted


_TINTS = {status: QBrush(_tint(color)) for status, color in STATUS_COLORS.items()}
_INKS = {status: QBrush(color) for status, color in STATUS_COLORS.items()}


class DutyBoardModel(RowTableModel):
    """Rows in display order; a change finds its row through ``user_id`` and repaints only that row.

    Cell texts are computed once per row and kept until the row changes (the view asks ``data()`` for
    several roles of every visible cell on each paint). Sorting happens here (2,000 rows sort in a few
    milliseconds) and is kept while rows update in place, so a watched row never jumps away by itself.
    """

    headers = tuple(HEADERS[c] for c in Col)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[BoardRow] = []
        self._texts: list[list[str] | None] = []
        self._pos: dict[int, int] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.now = datetime.now(UTC)
        self.last_changed_rows = 0  # how many rows the last apply() repainted (tests, the bench)

    def apply(self, board: Board) -> None:
        self.now = board.at
        new = {r.user_id: r for r in board.rows}
        if new.keys() != self._pos.keys():  # officers came or went (unit filter, new account): start over
            self.beginResetModel()
            self.rows = list(board.rows)
            self._order_rows()
            self.endResetModel()
            self.last_changed_rows = len(self.rows)
            return
        self._replace(new)

    def apply_changes(self, board: Board) -> None:
        """Only some officers' rows (:func:`app.services.duty_board.changes`): update those in place."""
        self.now = board.at
        self._replace({r.user_id: r for r in board.rows if r.user_id in self._pos})

    def counts(self) -> Counter[str]:
        return Counter(r.status for r in self.rows)

    def shown_versions(self) -> dict[int, int]:
        return {r.user_id: r.version for r in self.rows}

    def _replace(self, new: dict[int, BoardRow]) -> None:
        changed = []
        for uid, row in new.items():
            i = self._pos[uid]
            if row != self.rows[i]:
                self.rows[i] = row
                self._texts[i] = None
                changed.append(i)
        changed.sort()
        self.last_changed_rows = len(changed)
        last = len(Col) - 1
        start = prev = None
        for i in [*changed, None]:
            if start is not None and (i is None or i != prev + 1):  # type: ignore[operator]
                self.dataChanged.emit(self.index(start, 0), self.index(prev, last))  # type: ignore[arg-type]
                start = None
            if i is not None and start is None:
                start = i
            prev = i

    def _order_rows(self) -> None:
        if self._sort is not None:
            column, order = self._sort
            key = (
                (lambda r: r.seconds_in_status(self.now) or 0)
                if column == Col.TIME
                else (lambda r: self._text(r, column))
            )
            self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._texts = [None] * len(self.rows)
        self._pos = {r.user_id: i for i, r in enumerate(self.rows)}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Col):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self.rows[i.row()].user_id for i in before]
        self._sort = (column, order)
        self._order_rows()
        self.changePersistentIndexList(
            before, [self.index(self._pos[uid], i.column()) for uid, i in zip(ids, before, strict=True)]
        )
        self.layoutChanged.emit()

    def tick(self, now: datetime | None = None) -> None:
        """Repaint the time in status (no database read)."""
        self.now = now or datetime.now(UTC)
        if self.rows:
            self.dataChanged.emit(self.index(0, Col.TIME), self.index(len(self.rows) - 1, Col.TIME))

    def row_of(self, user_id: int) -> int:
        return self._pos.get(user_id, -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = index.row()
        if not 0 <= r < len(self.rows) or not index.isValid():
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.TIME:  # follows the clock: never cached
                return duration(self.rows[r].seconds_in_status(self.now))
            texts = self._texts[r]
            if texts is None:
                row = self.rows[r]
                texts = self._texts[r] = [self._text(row, c) for c in range(len(Col))]
            return texts[col]
        if col == Col.STATUS:
            if role == Qt.ItemDataRole.BackgroundRole:
                return _TINTS[self.rows[r].status]
            if role == Qt.ItemDataRole.ForegroundRole:
                return _INKS[self.rows[r].status]
        if role == RowRole:
            return self.rows[r]
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.NOTE:
            return self._text(self.rows[r], col)
        return None

    def _text(self, row: BoardRow, col: int) -> str:
        if col == Col.NAME:
            return row.name
        if col == Col.BADGE:
            return row.badge_no
        if col == Col.UNIT:
            return row.unit_name
        if col == Col.STATUS:
            return tr(DUTY_NAMES[row.status])
        if col == Col.TIME:
            return duration(row.seconds_in_status(self.now))
        if col == Col.SINCE:
            return when(row.since)
        if col == Col.NOTE:
            if row.absence is not None and row.status == "away":
                return f"{row.absence.reason}（至 {when(row.absence.end_at)}）"
            return row.incident_title or row.note
        return row.set_by_name
