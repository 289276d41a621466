"""人工调整预警等级: a supervisor holds a person at a level, with a reason (or lets the score decide again)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.models.keyperson_permissions import LEVEL_NAMES, LEVELS
from app.services import keyperson_persons
from app.views.app_context import AppContext
from app.views.common.run_op import run_op


class LevelOverrideDialog(QDialog):
    done_changed = Signal()

    def __init__(self, ctx: AppContext, person_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self._ops: list[Any] = []
        self.setObjectName("level_override_dialog")
        self.setWindowTitle(self.tr("调整预警等级：{0}").format(name))
        self.setMinimumWidth(440)
        self.level = QComboBox(self)
        self.level.setObjectName("level")
        self.level.addItem(self.tr("按积分自动确定（取消人工调整）"), None)
        for code in LEVELS:
            self.level.addItem(self.tr(LEVEL_NAMES[code]), code)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("必填：调整的依据，将记入等级变化记录和审计日志"))
        self.reason.setFixedHeight(90)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("调整为"), self.level)
        form.addRow(self.tr("理由"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(buttons)

    @Slot()
    def submit(self) -> None:
        level, reason = self.level.currentData(), self.reason.toPlainText()
        actor, ident = self.ctx.actor, self.person_id
        op = run_op(
            self,
            lambda s: keyperson_persons.override_level(s, actor, ident, level, reason, now=datetime.now(UTC)),
        )
        op.success(self._done).failure(self._failed)
        self._ops.append(op)
        op.start()

    def _done(self, _outcome: Any) -> None:
        self.done_changed.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(exc.message() if isinstance(exc, DomainError) else str(exc))
