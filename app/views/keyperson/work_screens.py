"""The lists of daily work: warnings (签收, 处置), removal requests (审批, 打印审批表), inspections (检查结论,
考核报告), and the read-only lists of visits and events. Each is the generic list with its actions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QInputDialog, QWidget

from app.core.errors import DomainError
from app.models.keyperson_permissions import (
    KP_INSPECT,
    KP_PRINT,
    KP_REMOVAL_REQUEST,
    KP_VIEW,
    KP_WARNING_HANDLE,
)
from app.services import keyperson_inspections, keyperson_removal, keyperson_warning_handling
from app.services.keyperson_work_specs import (
    EVENT_SPEC,
    INSPECTION_SPEC,
    MY_WARNING_SPEC,
    REMOVAL_SPEC,
    VISIT_SPEC,
    WARNING_SPEC,
)
from app.views.app_context import AppContext
from app.views.common.run_op import run_op, show_error
from app.views.keyperson.kp_screen import KpListScreen, discard


def _now() -> datetime:
    return datetime.now(UTC)


class _WorkScreen(KpListScreen):
    def _run(self, fn: Any, done_text: str = "") -> None:
        def ok(_result: Any) -> None:
            self._changed(frozenset({self.spec.model.__tablename__}))
            if done_text:
                self.count_label.setText(done_text)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, DomainError):
                self.status_label.setText(exc.message())
            else:
                show_error(self, exc)

        self._keep(run_op(self, fn).success(ok).failure(failed))


class WarningScreen(_WorkScreen):
    """预警: everything raised, or only the warnings on persons the user answers for (``mine``)."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, mine: bool = False, **kw: Any
    ) -> None:
        super().__init__(MY_WARNING_SPEC if mine else WARNING_SPEC, ctx, parent, **kw)
        self.note_dialog: QInputDialog | None = None
        self.add_action("ack", self.tr("签收"), self.acknowledge, permission=KP_WARNING_HANDLE)
        self.add_action("handle", self.tr("处置"), self.handle, permission=KP_WARNING_HANDLE)

    @Slot()
    def acknowledge(self) -> None:
        row = self.selected_row()
        if row is not None:
            actor = self.actor
            self._run(
                lambda s: keyperson_warning_handling.acknowledge(s, actor, row.id, now=_now()),
                self.tr("已签收"),
            )

    @Slot()
    def handle(self) -> QInputDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        discard(self.note_dialog)
        dialog = QInputDialog(self)
        dialog.setObjectName("handle_warning")
        dialog.setWindowTitle(self.tr("处置预警"))
        dialog.setLabelText(self.tr("处置情况（必填，如核查结果、采取的稳控措施）："))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setOkButtonText(self.tr("确定"))
        dialog.setCancelButtonText(self.tr("取消"))
        actor = self.actor
        dialog.textValueSelected.connect(
            lambda note: self._run(
                lambda s: keyperson_warning_handling.handle(s, actor, row.id, note, now=_now()),
                self.tr("已处置"),
            )
        )
        self.note_dialog = dialog
        dialog.open()
        return dialog


class RemovalScreen(_WorkScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(REMOVAL_SPEC, ctx, parent, **kw)
        self.approval_dialog: QWidget | None = None
        self._forms: list[Any] = []
        self.add_action("decide", self.tr("审批"), self.open_approval, permission=KP_VIEW)
        self.add_action("print_form", self.tr("打印审批表"), self.print_form, permission=KP_PRINT)
        self.add_action("withdraw", self.tr("撤回申请"), self.withdraw, permission=KP_REMOVAL_REQUEST)

    def _double_clicked(self, index: Any) -> None:
        record = self.model.row_at(index.row())
        if record is not None:
            self.open_approval(record.id)

    def open_approval(self, ident: int | None = None) -> QWidget | None:
        from app.views.keyperson.removal_approval_dialog import RemovalApprovalDialog

        row = self.selected_row()
        ident = ident if isinstance(ident, int) else (row.id if row else None)
        if ident is None:
            return None
        discard(self.approval_dialog)
        dialog = RemovalApprovalDialog(self.ctx, ident, self)
        dialog.decided.connect(self._decided)
        self.approval_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _decided(self, info: Any) -> None:
        self._changed(frozenset({"kp_removal_request"}), select=info.id)

    @Slot()
    def print_form(self) -> None:
        from app.views.keyperson.removal_approval_dialog import print_form

        row = self.selected_row()
        if row is not None:
            print_form(self, self.ctx, row.id, self._forms)

    @Slot()
    def withdraw(self) -> None:
        row = self.selected_row()
        if row is not None:
            actor = self.actor
            self._run(lambda s: keyperson_removal.withdraw(s, actor, row.id, now=_now()), self.tr("已撤回"))


class InspectionScreen(_WorkScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(INSPECTION_SPEC, ctx, parent, **kw)
        self.inspect_dialog: QWidget | None = None
        self._forms: list[Any] = []
        self.add_action("inspect", self.tr("检查结论"), self.inspect, permission=KP_INSPECT)
        self.add_action(
            "assessment", self.tr("考核报告"), self.print_assessment, permission=KP_PRINT, needs_row=False
        )

    @Slot()
    def inspect(self) -> QWidget | None:
        from app.views.keyperson.inspection_dialog import InspectionDialog

        row = self.selected_row()
        if row is None:
            return None
        discard(self.inspect_dialog)
        dialog = InspectionDialog(self.ctx, row.id, row.values.get("person_name") or "", self)
        dialog.accepted.connect(self._inspected)
        self.inspect_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _inspected(self) -> None:
        self._changed(
            frozenset({"kp_inspection"}), select=getattr(self.inspect_dialog, "inspection_id", None)
        )

    @Slot()
    def print_assessment(self, start: date | None = None, end: date | None = None) -> None:
        """The report for the last 30 days (or the given period), in the preview."""
        from app.printing.assessment_report import render_assessment

        end = end if isinstance(end, date) else datetime.now().astimezone().date()
        start = start if isinstance(start, date) else end - timedelta(days=29)
        actor = self.actor

        def work(s: Any) -> bytes:
            data = keyperson_inspections.assessment(s, actor, start=start, end=end)
            return render_assessment(data, printed_by=actor.display_name)

        title = self.tr("重点人员管控考核报告")
        self._keep(run_op(self, work).success(lambda pdf: self._show_preview(pdf, title)))


class VisitScreen(_WorkScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(VISIT_SPEC, ctx, parent, **kw)


class EventScreen(_WorkScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(EVENT_SPEC, ctx, parent, **kw)


__all__ = ["EventScreen", "InspectionScreen", "RemovalScreen", "VisitScreen", "WarningScreen"]
