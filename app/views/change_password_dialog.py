"""Change one's own password; forced at first login with a temporary password."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.core.errors import DomainError, ValidationError
from app.services import passwords
from app.services.auth import Authenticator
from app.services.context import Actor
from app.views.common.form_helpers import ERROR_STYLE, ErrorForm
from app.views.common.run_op import run_op


class ChangePasswordDialog(QDialog):
    def __init__(
        self, auth: Authenticator, actor: Actor, *, forced: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.auth = auth
        self.actor = actor
        self.updated_actor: Actor | None = None
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("修改密码"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        if forced:
            note = QLabel(self.tr("您正在使用管理员发放的临时密码，请先设置自己的密码。"))
            note.setWordWrap(True)
            lay.addWidget(note)
        form_layout = QFormLayout()
        self.form = ErrorForm(form_layout)
        self.old = self.form.line("old", self.tr("原密码"), password=True)
        self.new = self.form.line(
            "new",
            self.tr("新密码"),
            password=True,
            placeholder=self.tr("至少 {0} 个字符").format(passwords.MIN_LENGTH),
        )
        self.confirm = self.form.line("confirm", self.tr("确认新密码"), password=True)
        lay.addLayout(form_layout)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("退出登录") if forced else self.tr("取消")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    @Slot()
    def save(self) -> None:
        self.form.clear_errors()
        self.message.clear()
        args = (self.actor, self.old.text(), self.new.text(), self.confirm.text())
        self.buttons.setEnabled(False)
        run_op(self, lambda: self.auth.change_password(*args), session=False).success(self._saved).failure(
            self._failed
        ).finished(lambda: self.buttons.setEnabled(True)).start()

    def _saved(self, actor: Actor) -> None:
        self.updated_actor = actor
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.message.setText("\n".join(self.form.show_errors(exc.field_errors)))
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message())
        else:
            from app.views.common.run_op import show_error

            show_error(self, exc)
