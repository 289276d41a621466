"""积分规则: the bureau's risk rules, visit schedules and warning deadlines, edited in place by an administrator.

Saving stores one business setting (versioned: a concurrent save elsewhere is refused, not overwritten) and
marks every supervised person for rescoring; the supervision sweep rescores them, each level change with
its reason. Categories and their base points are edited in 人员类别.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Slot
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

from app.core.errors import DomainError
from app.models.keyperson_permissions import KP_RULES, LEVEL_NAMES, LEVELS, WARNING_LEVELS
from app.services import business_settings, keyperson_config
from app.views.app_context import AppContext
from app.views.common.run_op import run_op

_GRADES = [f"{g} 级" for g in range(6)]


def _table(rows: int, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(rows, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    return table


class RulesScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.raw: dict[str, Any] = {}
        self.version: int | None = None
        self._ops: list[Any] = []
        self.setObjectName("keyperson_rules")
        self.events = _table(
            0, [self.tr("代码"), self.tr("事件"), self.tr("分值"), self.tr("衰减天数（0为不衰减）")], "events"
        )
        self.levels = _table(
            len(LEVELS),
            [self.tr("等级"), self.tr("起始分值"), self.tr("走访间隔（天）"), self.tr("处置时限（小时）")],
            "levels",
        )
        self.grades = _table(6, [self.tr("危险性评估"), self.tr("加分"), self.tr("走访间隔（天）")], "grades")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存规则"), self)
        self.save_button.setObjectName("save")
        self.save_button.setEnabled(ctx.actor.can(KP_RULES))
        self.save_button.clicked.connect(self.save)
        reload = QPushButton(self.tr("重新载入"), self)
        reload.clicked.connect(self.load)
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addWidget(reload)
        bar.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("风险事件规则"), self))
        lay.addWidget(self.events, 2)
        lay.addWidget(QLabel(self.tr("预警等级：分值阈值、走访周期和处置时限"), self))
        lay.addWidget(self.levels, 1)
        lay.addWidget(QLabel(self.tr("严重精神障碍患者：国家危险性评估等级"), self))
        lay.addWidget(self.grades, 1)
        lay.addLayout(bar)
        self.load()

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    @Slot()
    def load(self) -> None:
        def read(s: Any) -> tuple[dict[str, Any], int | None]:
            info = business_settings.info(s, keyperson_config.KEY)
            return keyperson_config.dump(keyperson_config.load(s)), (info.version if info else None)

        self._keep(run_op(self, read).success(self._show))

    def _show(self, payload: tuple[dict[str, Any], int | None]) -> None:
        self.raw, self.version = payload
        events = self.raw["events"]
        self.events.setRowCount(len(events))
        for r, e in enumerate(events):
            for c, key in enumerate(("code", "name", "points", "decay_days")):
                self.events.setItem(r, c, QTableWidgetItem(str(e[key])))
        for r, level in enumerate(LEVELS):
            threshold = str(self.raw["thresholds"].get(level, "")) if level in WARNING_LEVELS else "—"
            hours = str(self.raw["warning_hours"].get(level, "")) if level in WARNING_LEVELS else "—"
            cells = [self.tr(LEVEL_NAMES[level]), threshold, str(self.raw["visit_days"][level]), hours]
            for c, text in enumerate(cells):
                self.levels.setItem(r, c, QTableWidgetItem(text))
        for r in range(6):
            cells = [
                _GRADES[r],
                str(self.raw["mental_grade_points"][r]),
                str(self.raw["mental_grade_visit_days"][r]),
            ]
            for c, text in enumerate(cells):
                self.grades.setItem(r, c, QTableWidgetItem(text))
        self.message.setText(
            self.tr("修改后点击“保存规则”；所有在管人员将在下次定时任务时按新规则重新评分。")
        )

    def _int(self, table: QTableWidget, r: int, c: int) -> int:
        text = (table.item(r, c).text() if table.item(r, c) else "").strip()
        try:
            return int(text)
        except ValueError:
            raise DomainError("setting_invalid", key="重点人员积分规则", detail=f"“{text}”不是整数") from None

    def values(self) -> dict[str, Any]:
        raw = dict(self.raw)
        raw["events"] = [
            {
                "code": self.events.item(r, 0).text().strip(),
                "name": self.events.item(r, 1).text().strip(),
                "points": self._int(self.events, r, 2),
                "decay_days": self._int(self.events, r, 3),
            }
            for r in range(self.events.rowCount())
        ]
        raw["thresholds"] = {lv: self._int(self.levels, LEVELS.index(lv), 1) for lv in WARNING_LEVELS}
        raw["visit_days"] = {lv: self._int(self.levels, i, 2) for i, lv in enumerate(LEVELS)}
        raw["warning_hours"] = {lv: self._int(self.levels, LEVELS.index(lv), 3) for lv in WARNING_LEVELS}
        raw["mental_grade_points"] = [self._int(self.grades, r, 1) for r in range(6)]
        raw["mental_grade_visit_days"] = [self._int(self.grades, r, 2) for r in range(6)]
        return raw

    @Slot()
    def save(self) -> None:
        try:
            raw = self.values()
        except DomainError as exc:
            self.message.setText(exc.message())
            return
        actor, version = self.ctx.actor, self.version
        today = datetime.now().astimezone().date()
        op = run_op(
            self, lambda s: keyperson_config.save(s, actor, raw, today=today, expected_version=version)
        )
        self._keep(op.success(lambda _r: self._saved()).failure(self._failed))

    def _saved(self) -> None:
        self.load()
        self.message.setText(self.tr("规则已保存，在管人员将按新规则重新评分。"))

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(exc.message() if isinstance(exc, DomainError) else str(exc))
