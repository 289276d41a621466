"""渠道统计: releases and reach per channel for a period, and releases per month in a chart."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.publicity_permissions import CHANNEL_NAMES
from app.services import publicity_figures
from app.services.publicity_figures import ChannelFigures
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.publicity.common import WATCHED, OpKeeper
from app.views.publicity.period_bar import PeriodBar

COLUMNS = ("渠道", "发布次数", "发布条目", "涉及版本", "覆盖数量", "口径")


class ChannelFiguresScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channel_figures")
        self.ctx, self._ops = ctx, OpKeeper()
        self.figures: ChannelFigures | None = None
        self.status = QLabel()
        self.status.setObjectName("status_label")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(190)
        from app.views.common.charts import BarChart

        self.chart = BarChart(self.tr("每月发布次数"), stacked=True)
        self.period = PeriodBar(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.period)
        lay.addWidget(self.status)
        lay.addWidget(self.table)
        lay.addWidget(self.chart, 1)
        self.period.requested.connect(self.refresh)
        ctx.signals.changed.connect(self._tables_changed)
        self.period.run()

    @Slot(object)
    def _tables_changed(self, tables: frozenset[str]) -> None:
        if WATCHED & set(tables):
            self.period.run()

    @Slot(object, object)
    def refresh(self, start: date, end: date) -> None:
        actor = self.ctx.actor
        self.status.setText(self.tr("正在统计…"))
        op = run_op(self, lambda s: publicity_figures.channel_figures(s, actor, start, end), readonly=True)
        op.failure(lambda e: self.status.setText(""), show_dialog=True)
        self._ops.start(op.success(self._show))

    def _show(self, fig: ChannelFigures) -> None:
        from app.views.common.charts import Series

        self.figures = fig
        self.status.setText(self.tr("{0} 至 {1}，共发布 {2} 次").format(fig.start, fig.end, fig.releases))
        self.table.setRowCount(len(fig.rows))
        for r, row in enumerate(fig.rows):
            texts = (self.tr(row.label), f"{row.releases:,}", f"{row.items:,}", f"{row.versions:,}",
                     f"{row.reach:,} {row.reach_unit}", self.tr(row.reach_label))  # fmt: skip
            for c, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if 0 < c < 5:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        months = [m.month for m in fig.months]
        series = [
            Series(self.tr(name), [m.releases.get(ch, 0) for m in fig.months])
            for ch, name in CHANNEL_NAMES.items()
        ]
        self.chart.set_data([m[2:] for m in months], series, tick_every=max(1, len(months) // 12))
        # room above the highest stack for the four-line legend in the top-left corner (it hid the first bar)
        top = max((sum(m.releases.values()) for m in fig.months), default=0)
        self.chart.plot.setYRange(0, max(top, 1) * 1.5, padding=0)

    def cell(self, row: int, col: int) -> Any:
        item = self.table.item(row, col)
        return item.text() if item else ""
