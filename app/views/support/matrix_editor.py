"""权限设置: the administrator's role x function x action matrix of the support platform, one role at a time,
and the number of days of leave above which the bureau signs after the unit leader.

A saved change is in the database at once; every service reads it on its next call, and the open screens of
logged-in users re-read their permissions when the change feed reports ``role_permission``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.models.support_permissions import code
from app.services import support_leave, support_matrix
from app.services.support_matrix import Matrix
from app.views.app_context import AppContext
from app.views.common.run_op import run_op, show_error

NOT_APPLICABLE = QColor("#eeeeee")


class MatrixEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("support_matrix")
        self._ops: list[Any] = []
        self.matrix: Matrix | None = None
        self.role_code: str | None = None
        self.confirm_box: QMessageBox | None = None
        self._filling = False

        self.roles = QListWidget(self)
        self.roles.setObjectName("roles")
        self.roles.setFixedWidth(150)
        self.grid = QTableWidget(self)
        self.grid.setObjectName("grid")
        self.grid.verticalHeader().setDefaultSectionSize(self.grid.fontMetrics().height() + 12)
        self.save_button = QPushButton(self.tr("保存本角色"), self)
        self.save_button.setObjectName("save")
        self.revert_button = QPushButton(self.tr("放弃修改"), self)
        self.revert_button.setObjectName("revert")
        self.dirty_label = QLabel(self)
        self.dirty_label.setObjectName("dirty")
        self.dirty_label.setStyleSheet("color: #8a6d3b;")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.days = QSpinBox(self)
        self.days.setObjectName("bureau_days")
        self.days.setRange(0, 365)
        self.days.setSuffix(self.tr(" 天"))
        self.days_button = QPushButton(self.tr("保存"), self)
        self.days_button.setObjectName("save_days")

        buttons = QHBoxLayout()
        buttons.addWidget(self.dirty_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        days = QHBoxLayout()
        days.addWidget(QLabel(self.tr("请假超过"), self))
        days.addWidget(self.days)
        days.addWidget(QLabel(self.tr("须在单位负责人之后再由局领导审批"), self))
        days.addWidget(self.days_button)
        days.addStretch(1)
        right = QVBoxLayout()
        hint = QLabel(
            self.tr(
                "勾选即授权；灰色格表示该功能没有审批环节。修改保存后立即生效，已登录的用户无需重新登录。"
            ),
            self,
        )
        hint.setWordWrap(True)
        right.addWidget(hint)
        right.addWidget(self.grid, 1)
        right.addLayout(buttons)
        right.addWidget(self.message)
        right.addLayout(days)
        lay = QHBoxLayout(self)
        lay.addWidget(self.roles)
        lay.addLayout(right, 1)

        self.roles.currentRowChanged.connect(self._role_chosen)
        self.grid.itemChanged.connect(self._cell_changed)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._fill)
        self.days_button.clicked.connect(self.save_days)
        self._set_dirty(False)
        self.reload()

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #c62828;")
        if isinstance(exc, DomainError):
            self.message.setText(exc.message())
        else:
            show_error(self, exc)

    def reload(self) -> None:
        actor = self.ctx.actor

        def read(s: Any) -> tuple[Matrix, int]:
            return support_matrix.matrix(s, actor), support_leave.bureau_days(s)

        self._keep(run_op(self, read, readonly=True).success(self._loaded).failure(self._failed))

    def _loaded(self, result: tuple[Matrix, int]) -> None:
        self.matrix, days = result
        self.days.setValue(days)
        current = self.role_code
        self.roles.blockSignals(True)
        self.roles.clear()
        for role in self.matrix.roles:
            self.roles.addItem(role.name)
        codes = [r.code for r in self.matrix.roles]
        self.roles.setCurrentRow(codes.index(current) if current in codes else 0)
        self.roles.blockSignals(False)
        self._role_chosen(self.roles.currentRow())

    @Slot(int)
    def _role_chosen(self, row: int) -> None:
        if self.matrix is None or not 0 <= row < len(self.matrix.roles):
            return
        self.role_code = self.matrix.roles[row].code
        self._fill()

    def role(self) -> support_matrix.RoleRow | None:
        if self.matrix is None:
            return None
        return next((r for r in self.matrix.roles if r.code == self.role_code), None)

    @Slot()
    def _fill(self) -> None:
        role = self.role()
        if self.matrix is None or role is None:
            return
        self._filling = True
        m = self.matrix
        self.grid.clear()
        self.grid.setRowCount(len(m.functions))
        self.grid.setColumnCount(len(m.actions))
        self.grid.setHorizontalHeaderLabels([self.tr(name) for _, name in m.actions])
        self.grid.setVerticalHeaderLabels([self.tr(name) for _, name in m.functions])
        for r, (function, _) in enumerate(m.functions):
            for c, (action, _) in enumerate(m.actions):
                item = QTableWidgetItem()
                state = m.cell(role.code, function, action)
                if state is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                    item.setBackground(QBrush(NOT_APPLICABLE))
                    item.setText("—")
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                else:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
                    item.setData(Qt.ItemDataRole.UserRole, code(function, action))
                self.grid.setItem(r, c, item)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._filling = False
        self._set_dirty(False)

    @Slot(QTableWidgetItem)
    def _cell_changed(self, _item: QTableWidgetItem) -> None:
        if not self._filling:
            self._set_dirty(bool(self.changes()))

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.dirty_label.setText(self.tr("有未保存的修改") if dirty else "")

    def changes(self) -> dict[str, bool]:
        """The cells that differ from what is stored: permission code -> granted."""
        role = self.role()
        if role is None:
            return {}
        out: dict[str, bool] = {}
        for r in range(self.grid.rowCount()):
            for c in range(self.grid.columnCount()):
                item = self.grid.item(r, c)
                perm = item.data(Qt.ItemDataRole.UserRole) if item else None
                if perm:
                    on = item.checkState() == Qt.CheckState.Checked
                    if on != (perm in role.granted):
                        out[perm] = on
        return out

    def set_cell(self, function_row: int, action_col: int, on: bool) -> None:
        """Tick or clear one cell (as a click on its check box does)."""
        item = self.grid.item(function_row, action_col)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    @Slot()
    def save(self) -> None:
        role, cells = self.role(), self.changes()
        if role is None or not cells:
            return
        actor = self.ctx.actor
        op = run_op(self, lambda s: support_matrix.save_role(s, actor, role.code, cells, role.version))
        self._keep(op.success(self._saved).failure(self._failed))

    def _saved(self, _row: Any) -> None:
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("已保存，立即生效。"))
        self.ctx.signals.changed.emit(frozenset({"role_permission"}))
        self.reload()

    @Slot()
    def save_days(self) -> None:
        actor, days = self.ctx.actor, self.days.value()
        op = run_op(self, lambda s: support_leave.set_bureau_days(s, actor, days))
        self._keep(op.success(lambda _d: self._days_saved()).failure(self._failed))

    def _days_saved(self) -> None:
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("已保存：请假超过 {0} 天须局领导审批。").format(self.days.value()))
        self.ctx.signals.changed.emit(frozenset({"business_setting"}))
