"""The thirteen functions' screens: each is the shared list of its declaration with the function's actions.

Requests (请假, 加班, 领用, 用车, 报销, 帮扶, 维权) get 审批 (the approval dialog), 撤回 and 打印审批表; leave gets
销假, a loan 申请归还. Registers (人事, 体检, 培训, 奖惩, 排班, 台账) are the plain list and form.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.models.support_permissions import APPROVE, code
from app.services import support_approval, support_equipment, support_leave
from app.services.entity_spec import EntitySpec, Row
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.support.support_screen import SupportScreen


def _status_in(*states: str) -> Any:
    return lambda row: row.values.get("status") in states


class RequestScreen(SupportScreen):
    """A request list: 新增 (申请), 编辑 while pending, 审批, 撤回, 打印审批表."""

    def __init__(
        self, spec: EntitySpec, ctx: AppContext, flow: str, parent: QWidget | None = None, **kw: Any
    ) -> None:
        super().__init__(spec, ctx, parent, hide=("delete", "import"), **kw)
        self.flow = support_approval.flow(flow)
        self.approval_dialog: QWidget | None = None
        stages = tuple(s.status for s in self.flow.stages)
        self.add_action(
            "decide",
            self.tr("审批"),
            self.open_approval,
            permission=code(self.flow.function, APPROVE),
            when=_status_in(*stages),
        )
        self.add_action("withdraw", self.tr("撤回"), self.withdraw, when=_status_in(*self.flow.withdrawable))
        self.add_action("print_form", self.tr("打印审批表"), self.print_form)

    def open_approval(self, ident: int | None = None) -> QWidget | None:
        from app.views.support.approval_dialog import ApprovalDialog

        row = self.selected_row()
        if not isinstance(ident, int) or isinstance(ident, bool):  # QAction.triggered passes "checked"
            ident = row.id if row else None
        if ident is None:
            return None
        dialog = ApprovalDialog(self.ctx, self.flow.key, ident, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(self._decided)  # a bound slot: a lambda here crashed PySide 6.11 on delete
        dialog.finished.connect(self._approval_closed)
        self.approval_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _decided(self, decision: Any) -> None:
        self._changed(decision.tables, select=decision.id)

    @Slot()
    def _approval_closed(self) -> None:
        self.approval_dialog = None

    @Slot()
    def withdraw(self) -> None:
        row = self.selected_row()
        if row is not None:
            actor, key = self.actor, self.flow.key
            self.run_service(
                lambda s: support_approval.withdraw(s, actor, key, row.id, row.version), self.tr("已撤回")
            )

    @Slot()
    def print_form(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        actor, key = self.actor, self.flow.key

        def work(s: Any) -> bytes:
            from app.printing.support_approval_form import render_approval_form

            return render_approval_form(
                support_approval.detail(s, actor, key, row.id), printed_by=actor.display_name
            )

        self._keep(run_op(self, work, readonly=True).success(self._show_preview))


class LeaveScreen(RequestScreen):
    def __init__(self, spec: EntitySpec, ctx: AppContext, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(spec, ctx, "leave", parent, **kw)
        self.return_dialog: QDialog | None = None
        self.add_action("return", self.tr("销假"), self.register_return, when=_status_in("approved"))

    @Slot()
    def register_return(self) -> QDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = ReturnDialog(row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self._return_chosen)
        dialog.finished.connect(self._return_closed)
        self.return_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object, object)
    def _return_chosen(self, row: Row, day: date) -> None:
        actor = self.actor
        self.run_service(
            lambda s: support_leave.register_return(s, actor, row.id, row.version, day),
            self.tr("已销假"),
            select=row.id,
        )

    @Slot()
    def _return_closed(self) -> None:
        self.return_dialog = None


class LoanScreen(RequestScreen):
    def __init__(self, spec: EntitySpec, ctx: AppContext, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(spec, ctx, "equipment", parent, **kw)
        self.add_action("hand_back", self.tr("申请归还"), self.hand_back, when=_status_in("issued"))

    @Slot()
    def hand_back(self) -> None:
        row = self.selected_row()
        if row is not None:
            actor = self.actor
            self.run_service(
                lambda s: support_equipment.request_return(s, actor, row.id, row.version),
                self.tr("已申请归还，待保障部门确认"),
                select=row.id,
            )


class ReturnDialog(QDialog):
    """销假: the day the officer was back at work (today by default)."""

    chosen = Signal(object, object)  # the leave's row, the return day

    def __init__(self, row: Row, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("return_dialog")
        self.setWindowTitle(self.tr("销假"))
        self.row = row
        start = row.values.get("start_date")
        self.day = QDateEdit(self)
        self.day.setObjectName("returned_on")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        if isinstance(start, date):
            self.day.setMinimumDate(QDate(start.year, start.month, start.day))
        self.day.setMaximumDate(QDate.currentDate())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("销假"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("返岗日期（当天起恢复在岗）："), self))
        lay.addWidget(self.day)
        lay.addWidget(buttons)

    @Slot()
    def _ok(self) -> None:
        d = self.day.date()
        self.chosen.emit(self.row, date(d.year(), d.month(), d.day()))
        self.accept()
