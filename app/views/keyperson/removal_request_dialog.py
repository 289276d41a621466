"""申请撤管: reasons and the evidence checklist; a supervisor other than the requester decides."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.models.keyperson_removal import EVIDENCE_ITEMS
from app.services import keyperson_removal
from app.views.app_context import AppContext
from app.views.common.run_op import run_op


class RemovalRequestDialog(QDialog):
    requested = Signal(object)  # RemovalInfo

    def __init__(self, ctx: AppContext, person_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self._ops: list[Any] = []
        self.result_info: Any = None
        self.setObjectName("removal_request_dialog")
        self.setWindowTitle(self.tr("申请撤管：{0}").format(name))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr("撤管须由具有审批权限的另一名领导审批；有未处置的高风险警报时不能申请。"), self
        )
        intro.setWordWrap(True)
        self.reasons = QPlainTextEdit(self)
        self.reasons.setObjectName("reasons")
        self.reasons.setPlaceholderText(
            self.tr("撤管理由（必填）：如矫正期满、刑满释放已满规定年限、病情稳定等")
        )
        self.reasons.setFixedHeight(100)
        box = QGroupBox(self.tr("已提交的证明材料（至少一项）"), self)
        box_lay = QVBoxLayout(box)
        self.evidence: list[QCheckBox] = []
        for i, item in enumerate(EVIDENCE_ITEMS):
            check = QCheckBox(self.tr(item), box)
            check.setObjectName(f"evidence_{i}")
            box_lay.addWidget(check)
            self.evidence.append(check)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.submit_button = buttons.addButton(self.tr("提交申请"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setObjectName("submit")
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(QLabel(self.tr("撤管理由"), self))
        lay.addWidget(self.reasons)
        lay.addWidget(box)
        lay.addWidget(self.message)
        lay.addWidget(buttons)

    @Slot()
    def submit(self) -> None:
        actor, ident = self.ctx.actor, self.person_id
        reasons = self.reasons.toPlainText()
        evidence = [(EVIDENCE_ITEMS[i], c.isChecked()) for i, c in enumerate(self.evidence)]
        op = run_op(
            self,
            lambda s: keyperson_removal.request(s, actor, ident, reasons, evidence, now=datetime.now(UTC)),
        )
        op.success(self._done).failure(self._failed)
        self._ops.append(op)
        op.start()

    def _done(self, info: Any) -> None:
        self.result_info = info
        self.requested.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(exc.message() if isinstance(exc, DomainError) else str(exc))
