"""撤管审批: the request beside the person, an opinion, 批准 or 驳回; and the printed 撤管审批表.

The requester sees their own request but cannot decide it (the buttons say why; the service and the
database refuse it too). A request someone else decided meanwhile is refused with who and when.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.models.keyperson_permissions import (
    KP_PRINT,
    KP_REMOVAL_APPROVE,
    REMOVAL_PENDING,
    REMOVAL_STATUS_NAMES,
)
from app.services import keyperson_removal, keyperson_removal_form
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.keyperson.kp_screen import discard


def print_form(parent: QWidget, ctx: AppContext, request_id: int, keep: list[Any]) -> None:
    """Render the 撤管审批表 in the background and open the preview."""
    from app.printing.removal_approval_form import render_removal_form

    actor = ctx.actor

    def work(s: Any) -> bytes:
        return render_removal_form(
            keyperson_removal_form.form(s, actor, request_id), printed_by=actor.display_name
        )

    def show(pdf: bytes) -> None:
        from app.views.common.pdf_preview_dialog import PdfPreviewDialog

        for previous in [k for k in keep if isinstance(k, PdfPreviewDialog)]:  # one preview at a time
            keep.remove(previous)
            discard(previous)
        dialog = PdfPreviewDialog(pdf, parent.tr("撤管审批表"), parent)
        parent.setProperty("last_pdf_size", len(pdf))
        keep.append(dialog)
        dialog.open()

    op = run_op(parent, work).success(show)
    keep.append(op)
    op.finished(lambda: keep.remove(op) if op in keep else None).start()


class RemovalApprovalDialog(QDialog):
    decided = Signal(object)  # RemovalInfo

    def __init__(self, ctx: AppContext, request_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request_id = request_id
        self.info: Any = None
        self._ops: list[Any] = []
        self.setObjectName("removal_approval_dialog")
        self.setWindowTitle(self.tr("撤管审批"))
        self.setMinimumWidth(560)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.opinion = QPlainTextEdit(self)
        self.opinion.setObjectName("opinion")
        self.opinion.setPlaceholderText(self.tr("审批意见（必填）"))
        self.opinion.setFixedHeight(90)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("批准撤管"), self)
        self.approve_button.setObjectName("approve")
        self.reject_button = QPushButton(self.tr("驳回"), self)
        self.reject_button.setObjectName("reject")
        self.print_button = QPushButton(self.tr("打印审批表"), self)
        self.print_button.setObjectName("print_form")
        self.print_button.setEnabled(ctx.actor.can(KP_PRINT))
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.refuse)
        self.print_button.clicked.connect(self.print_form)
        form = QFormLayout()
        form.addRow(self.tr("审批意见"), self.opinion)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self._set_deciding(False)
        self.load()

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    def load(self) -> None:
        rid = self.request_id
        self._keep(run_op(self, lambda s: keyperson_removal.info(s, rid)).success(self._show))

    @Slot(object)
    def _show(self, info: Any) -> None:
        self.info = info
        evidence = "<br>".join(("☑ " if ok else "☐ ") + item for item, ok in info.evidence)
        text = self.tr(
            "<b>{0}</b>　申请人：{1}　申请时间：{2}<br><b>撤管理由：</b>{3}<br><b>证明材料：</b><br>{4}"
        ).format(
            info.person_name,
            info.requester_name,
            info.requested_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            info.reasons,
            evidence,
        )
        if info.status != REMOVAL_PENDING:
            text += self.tr("<br><b>{0}</b>：{1}（{2}，{3}）").format(
                REMOVAL_STATUS_NAMES[info.status],
                info.opinion,
                info.decider_name,
                info.decided_at.astimezone().strftime("%Y-%m-%d %H:%M") if info.decided_at else "",
            )
        self.summary.setText(text)
        self._set_deciding(info.status == REMOVAL_PENDING)

    def _set_deciding(self, pending: bool) -> None:
        actor = self.ctx.actor
        own = self.info is not None and self.info.requested_by == actor.user_id
        allowed = pending and actor.can(KP_REMOVAL_APPROVE) and not own
        for button in (self.approve_button, self.reject_button):
            button.setEnabled(allowed)
            if own:
                button.setToolTip(self.tr("不能审批本人提出的申请"))
            elif not actor.can(KP_REMOVAL_APPROVE):
                button.setToolTip(self.tr("您没有“审批撤管”的权限"))
        self.opinion.setReadOnly(not allowed)
        if own and pending:
            self.message.setText(self.tr("这是您本人提出的申请，须由另一名有审批权限的领导审批。"))

    @Slot()
    def approve(self) -> None:
        self.decide(True)

    @Slot()
    def refuse(self) -> None:
        self.decide(False)

    def decide(self, approve: bool) -> None:
        actor, rid, opinion = self.ctx.actor, self.request_id, self.opinion.toPlainText()
        op = run_op(
            self,
            lambda s: keyperson_removal.decide(
                s, actor, rid, approve=approve, opinion=opinion, now=datetime.now(UTC)
            ),
        )
        self._keep(op.success(self._decided).failure(self._failed))

    @Slot(object)
    def _decided(self, info: Any) -> None:
        self.message.setText("")
        self._show(info)
        self.decided.emit(info)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self.message.setText(exc.message() if isinstance(exc, DomainError) else str(exc))
        if isinstance(exc, DomainError):
            self.load()  # someone else may have decided: show what stands now

    @Slot()
    def print_form(self) -> None:
        print_form(self, self.ctx, self.request_id, self._ops)
