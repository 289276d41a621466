"""工作日历: the years whose holiday schedule is loaded, and their holidays and make-up working days.

Both lists are the shared EntityScreen over declared specs. Counting into a year that is not loaded gives
provisional due dates (flagged everywhere); once its schedule is entered, 重算在办事项期限 confirms them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.models.service_permissions import SERVICE_CATALOGUE
from app.services import working_calendar, working_days
from app.services.working_calendar import DAY_SPEC, YEAR_SPEC
from app.views.app_context import AppContext
from app.views.common.entity_screen import EntityScreen
from app.views.common.run_op import run_op

CALENDAR_TABLES = frozenset({"working_calendar_day", "working_calendar_year"})


class CalendarScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_screen")
        self.ctx = ctx
        self._ops: list[Any] = []
        self.years = EntityScreen(YEAR_SPEC, ctx.actor, feed=ctx.signals, **kwargs)
        self.days = EntityScreen(DAY_SPEC, ctx.actor, feed=ctx.signals, **kwargs)
        note = QLabel(
            self.tr(
                "未列出的日期：周一至周五上班，周六、周日休息。国务院公布下一年度放假安排后，请先在左侧登记该年份，"
                "再在右侧录入法定节假日和调休上班日，然后点“重算在办事项期限”。尚未载入安排的年份，系统按周末推算并标注“暂定”。"
            )
        )
        note.setWordWrap(True)
        self.load_button = QPushButton(self.tr("从参考文件载入已公布年份"))
        self.load_button.setObjectName("load_button")
        self.recount_button = QPushButton(self.tr("重算在办事项期限"))
        self.recount_button.setObjectName("recount_button")
        self.status = QLabel()
        self.status.setObjectName("status_label")
        allowed = ctx.actor.can(SERVICE_CATALOGUE)
        for b in (self.load_button, self.recount_button):
            b.setEnabled(allowed)
        bar = QHBoxLayout()
        bar.addWidget(self.load_button)
        bar.addWidget(self.recount_button)
        bar.addWidget(self.status, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.years)
        split.addWidget(self.days)
        split.setSizes([420, 520])
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        self.load_button.clicked.connect(self.load_reference)
        self.recount_button.clicked.connect(self.recount)
        ctx.signals.changed.connect(self._tables_changed)

    @Slot(object)
    def _tables_changed(self, tables: frozenset[str]) -> None:
        if CALENDAR_TABLES & set(tables):
            working_days.invalidate_cache()  # cards and due dates follow the edited calendar at once

    def _run(self, fn: Any, done: Any) -> None:
        op = run_op(self, fn).success(done)
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    @Slot()
    def load_reference(self) -> None:
        actor = self.ctx.actor
        self._run(
            lambda s: working_calendar.load_reference(s, actor),
            lambda n: self.status.setText(self.tr("已补充 {0} 个日期。").format(n)),
        )

    @Slot()
    def recount(self) -> None:
        actor = self.ctx.actor
        self._run(
            lambda s: working_calendar.recount_open(s, actor),
            lambda c: self.status.setText(
                self.tr("已重算：{0} 件事项的承诺办结日期有变动，其中 {1} 件由暂定转为确定。").format(
                    c["changed"], c["confirmed"]
                )
            ),
        )
