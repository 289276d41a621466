"""检查结论: what the inspection of a missed or lost supervision found, and whether the officer answers for it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.services import keyperson_inspections
from app.views.app_context import AppContext
from app.views.common.run_op import run_op


class InspectionDialog(QDialog):
    def __init__(self, ctx: AppContext, inspection_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inspection_id = inspection_id
        self._ops: list[Any] = []
        self.setObjectName("inspection_dialog")
        self.setWindowTitle(self.tr("漏管脱管检查：{0}").format(name))
        self.setMinimumWidth(480)
        self.findings = QPlainTextEdit(self)
        self.findings.setObjectName("findings")
        self.findings.setPlaceholderText(self.tr("检查情况（必填）：核查经过、原因、已采取的补救措施"))
        self.findings.setFixedHeight(110)
        self.accountable = QCheckBox(self.tr("认定责任民警履职不到位，记入追责"), self)
        self.accountable.setObjectName("accountable")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("追责说明（可选，默认同检查情况）"))
        self.note.setFixedHeight(60)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("保存检查结论"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("save")
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.findings)
        lay.addWidget(self.accountable)
        lay.addWidget(self.note)
        lay.addWidget(self.message)
        lay.addWidget(buttons)

    @Slot()
    def submit(self) -> None:
        actor, ident = self.ctx.actor, self.inspection_id
        findings, note, accountable = (
            self.findings.toPlainText(),
            self.note.toPlainText(),
            self.accountable.isChecked(),
        )
        op = run_op(
            self,
            lambda s: keyperson_inspections.close(
                s, actor, ident, findings, accountable=accountable, note=note, now=datetime.now(UTC)
            ),
        )
        op.success(lambda _v: self.accept()).failure(self._failed)
        self._ops.append(op)
        op.start()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(exc.message() if isinstance(exc, DomainError) else str(exc))
