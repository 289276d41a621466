"""积分规则: the bureau's risk rules, visit schedules, warning deadlines and the keeper roles of 一人四管, edited in
place by an administrator.

Saving stores one business setting (versioned: a concurrent save elsewhere is refused, not overwritten) and
marks every supervised person for rescoring; the supervision sweep rescores them, each level change with
its reason. A change of the keeper roles recounts every person's 一人四管 at once, and the keeper form offers
the new roles. Categories and their base points are edited in 人员类别.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
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
# The single numbers of the rules: (key, label).
PARAMETERS = (
    ("missed_visit_points", QT_TRANSLATE_NOOP("RulesScreen", "每次漏管加分")),
    ("missed_visit_window_days", QT_TRANSLATE_NOOP("RulesScreen", "漏管计分期限（天）")),
    ("lost_points", QT_TRANSLATE_NOOP("RulesScreen", "脱管加分")),
    ("lost_contact_days", QT_TRANSLATE_NOOP("RulesScreen", "走访逾期多少天认定脱管")),
    ("max_escalations", QT_TRANSLATE_NOOP("RulesScreen", "逾期预警最多升级次数")),
)


def _table(rows: int, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(rows, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)  # compact rows: all fit
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
        self.keeper_roles = _table(0, [self.tr("代码"), self.tr("管控人角色")], "keeper_roles")
        self.parameters = _table(len(PARAMETERS), [self.tr("项目"), self.tr("数值")], "parameters")
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
        grid = QGridLayout()
        grid.addLayout(self._titled(self.tr("风险事件规则"), self.events, "event"), 0, 0, 1, 2)
        grid.addLayout(self._titled(self.tr("预警等级：分值阈值、走访周期和处置时限"), self.levels), 1, 0)
        grid.addLayout(self._titled(self.tr("严重精神障碍患者：国家危险性评估等级"), self.grades), 1, 1)
        grid.addLayout(self._titled(self.tr("一人四管：管控人角色"), self.keeper_roles, "keeper_role"), 2, 0)
        grid.addLayout(self._titled(self.tr("漏管、脱管和预警升级"), self.parameters), 2, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(2, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(grid, 1)
        lay.addLayout(bar)
        self.load()

    def _titled(self, title: str, table: QTableWidget, rows: str = "") -> QVBoxLayout:
        """A table under its title; ``rows`` names tables whose rows the administrator adds and deletes."""
        box = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(QLabel(title, self), 1)
        if rows:
            for name, text, slot in (
                (f"add_{rows}", self.tr("添加"), self._add_row),
                (f"remove_{rows}", self.tr("删除"), self._remove_row),
            ):
                button = QPushButton(text, self)
                button.setObjectName(name)
                button.setProperty("table", table.objectName())
                button.setEnabled(self.ctx.actor.can(KP_RULES))
                button.clicked.connect(slot)
                head.addWidget(button)
        box.addLayout(head)
        box.addWidget(table, 1)
        return box

    def _sender_table(self) -> QTableWidget:
        """The table of the 添加/删除 button just clicked."""
        return self.findChild(QTableWidget, str(self.sender().property("table")))  # type: ignore[return-value]

    @Slot()
    def _add_row(self) -> None:
        table = self._sender_table()
        row = table.rowCount()
        table.insertRow(row)
        for c in range(table.columnCount()):
            table.setItem(row, c, QTableWidgetItem(""))
        table.setCurrentCell(row, 0)  # typing goes straight into the new row's first cell
        table.scrollToItem(table.item(row, 0))

    @Slot()
    def _remove_row(self) -> None:
        table = self._sender_table()
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)

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
        roles = self.raw["keeper_roles"]
        self.keeper_roles.setRowCount(len(roles))
        for r, role in enumerate(roles):
            self.keeper_roles.setItem(r, 0, QTableWidgetItem(role["code"]))
            self.keeper_roles.setItem(r, 1, QTableWidgetItem(role["name"]))
        for r, (key, label) in enumerate(PARAMETERS):
            name = QTableWidgetItem(self.tr(label))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.parameters.setItem(r, 0, name)
            self.parameters.setItem(r, 1, QTableWidgetItem(str(self.raw[key])))
        self.message.setText(
            self.tr("修改后点击“保存规则”；所有在管人员将在下次定时任务时按新规则重新评分。")
        )

    @staticmethod
    def _text(table: QTableWidget, r: int, c: int) -> str:
        item = table.item(r, c)
        return item.text().strip() if item is not None else ""

    def _int(self, table: QTableWidget, r: int, c: int) -> int:
        text = self._text(table, r, c)
        try:
            return int(text)
        except ValueError:
            raise DomainError("setting_invalid", key="重点人员积分规则", detail=f"“{text}”不是整数") from None

    def values(self) -> dict[str, Any]:
        raw = dict(self.raw)
        raw["events"] = [
            {
                "code": self._text(self.events, r, 0),
                "name": self._text(self.events, r, 1),
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
        raw["keeper_roles"] = [
            {"code": self._text(self.keeper_roles, r, 0), "name": self._text(self.keeper_roles, r, 1)}
            for r in range(self.keeper_roles.rowCount())
        ]
        for r, (key, _label) in enumerate(PARAMETERS):
            raw[key] = self._int(self.parameters, r, 1)
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
