"""The approval dialog of any support request: what was asked, the opinion, 同意 / 不同意, and the printed form.

The buttons are there only when the service says the user may decide now; otherwise the dialog says why
(own request, another unit, already decided...). The service checks again when a button is pressed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.services import support_approval
from app.services.support_approval import Detail
from app.views.app_context import AppContext
from app.views.common.run_op import run_op, show_error

ERROR_STYLE = "color: #c62828;"


class ApprovalDialog(QDialog):
    decided = Signal(object)  # support_approval.Decision

    def __init__(self, ctx: AppContext, flow: str, ident: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow = flow
        self.ident = ident
        self.detail: Detail | None = None
        self._ops: list[Any] = []
        self.preview: QWidget | None = None
        self.setObjectName("approval_dialog")
        self.setModal(True)
        self.setMinimumWidth(560)
        self.setWindowTitle(self.tr("审批"))

        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold; color: #0d3c84;")
        self.lines = QFormLayout()
        self.lines.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.reason = QLabel(self)
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #8a6d3b; background: #fcf8e3; padding: 6px;")
        self.reason.hide()
        self.opinion = QPlainTextEdit(self)
        self.opinion.setObjectName("opinion")
        self.opinion.setPlaceholderText(self.tr("审批意见（不同意时必填）"))
        self.opinion.setFixedHeight(self.opinion.fontMetrics().lineSpacing() * 4 + 12)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("核定金额（元），默认为申请金额"))
        self.amount.setVisible(flow == "aid")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.approve_button = self._button("approve", self.tr("同意"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.reject_button = self._button("reject", self.tr("不同意"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = self._button(
            "print_form", self.tr("打印审批表"), QDialogButtonBox.ButtonRole.HelpRole
        )
        self.close_button = self._button("close", self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.refuse)
        self.print_button.clicked.connect(self.print_form)
        self.close_button.clicked.connect(self.reject)
        for b in (self.approve_button, self.reject_button):
            b.setEnabled(False)

        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(self.lines)
        lay.addWidget(self.reason)
        lay.addWidget(QLabel(self.tr("审批意见："), self))
        lay.addWidget(self.opinion)
        lay.addWidget(self.amount)
        lay.addWidget(self.message)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.load()

    def _button(self, name: str, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        self.buttons.addButton(button, role)
        return button

    def load(self) -> None:
        actor, flow, ident = self.ctx.actor, self.flow, self.ident
        op = run_op(self, lambda s: support_approval.detail(s, actor, flow, ident), readonly=True)
        self._keep(op.success(self._show).failure(self._failed))

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    @Slot(object)
    def _show(self, detail: Detail) -> None:
        self.detail = detail
        stage = f" · {detail.stage.title}" if detail.stage else ""
        self.setWindowTitle(self.tr("{0}审批").format(detail.flow_title))
        self.heading.setText(f"{detail.flow_title}{stage}（{detail.status_name}）")
        while self.lines.rowCount():
            self.lines.removeRow(0)
        for key, value in detail.lines:
            label = QLabel(value or "—", self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.lines.addRow(f"{key}：", label)
        self.reason.setText(detail.reason)
        self.reason.setVisible(not detail.can_decide)
        for widget in (self.approve_button, self.reject_button, self.opinion, self.amount):
            widget.setEnabled(detail.can_decide)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.message.setText(exc.message())
        else:
            show_error(self, exc)

    @Slot()
    def approve(self) -> None:
        self.decide(True)

    @Slot()
    def refuse(self) -> None:
        self.decide(False)

    def decide(self, approve: bool) -> None:
        if self.detail is None:
            return
        actor, flow, ident, version = self.ctx.actor, self.flow, self.ident, self.detail.version
        opinion = self.opinion.toPlainText()
        extra = (
            {"amount": self.amount.text().strip()}
            if self.flow == "aid" and self.amount.text().strip()
            else {}
        )
        self.message.setText("")
        op = run_op(
            self,
            lambda s: support_approval.decide(s, actor, flow, ident, version, approve, opinion, extra=extra),
        )
        self._keep(op.success(self._decided).failure(self._failed))

    @Slot(object)
    def _decided(self, decision: Any) -> None:
        self.ctx.signals.changed.emit(decision.tables)
        self.decided.emit(decision)
        self.accept()

    @Slot()
    def print_form(self) -> None:
        actor, flow, ident = self.ctx.actor, self.flow, self.ident

        def work(s: Any) -> bytes:
            from app.printing.support_approval_form import render_approval_form

            return render_approval_form(
                support_approval.detail(s, actor, flow, ident), printed_by=actor.display_name
            )

        self._keep(run_op(self, work, readonly=True).success(self._show_pdf).failure(self._failed))

    def _show_pdf(self, pdf: bytes) -> None:
        from app.views.common.pdf_preview_dialog import PdfPreviewDialog

        title = self.detail.flow_title if self.detail else ""
        dialog = PdfPreviewDialog(pdf, self.tr("{0}审批表").format(title), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = dialog
        dialog.finished.connect(self._preview_closed)
        dialog.open()

    @Slot()
    def _preview_closed(self) -> None:
        self.preview = None
