"""时限督办: the supervisor's overview of open items per department and officer, yellow and red cards first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import service_figures
from app.services.service_figures import CardRow
from app.views.app_context import AppContext
from app.views.common.run_op import run_op

COLUMNS = ("责任部门", "承办民警", "在办", "黄牌", "红牌", "暂停计时")
WATCHED = frozenset({"service_item", "working_calendar_day", "working_calendar_year"})


class CardOverviewScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card_overview")
        self.ctx = ctx
        self.rows: list[CardRow] = []
        self._ops: list[Any] = []
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("overview_table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr("黄牌：距承诺办结只剩 1 个工作日；红牌：已超过承诺办结日期；补正材料期间暂停计时。")
        )
        note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(note)
        self.refresh_button.clicked.connect(self.refresh)
        ctx.signals.changed.connect(self._tables_changed)
        self.refresh()

    @Slot(object)
    def _tables_changed(self, tables: frozenset[str]) -> None:
        if WATCHED & set(tables):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        actor = self.ctx.actor
        op = run_op(self, lambda s: service_figures.card_overview(s, actor)).success(self._show)
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    @Slot(object)
    def _show(self, rows: list[CardRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row.unit_name, row.officer_name, row.open, row.yellow, row.red, row.paused)
            for c, v in enumerate(values):
                cell = QTableWidgetItem(str(v))
                if c == 3 and row.yellow:
                    cell.setBackground(QColor("#fbc02d"))
                if c == 4 and row.red:
                    cell.setBackground(QColor("#d32f2f"))
                    cell.setForeground(QColor("#ffffff"))
                self.table.setItem(r, c, cell)
        total = [sum(getattr(r, k) for r in rows) for k in ("open", "yellow", "red", "paused")]
        self.summary.setText(
            self.tr("在办 {0} 件：黄牌 {1} 件，红牌 {2} 件，暂停计时 {3} 件。").format(
                *(f"{n:,}" for n in total)
            )
        )
