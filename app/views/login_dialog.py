"""Name and password login; the check runs off the GUI thread (argon2 is deliberately slow)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.core.errors import DomainError
from app.views.common.form_helpers import ERROR_STYLE
from app.views.common.run_op import run_op

if TYPE_CHECKING:  # the login dialog paints before the database layer is imported
    from app.services.auth import Authenticator
    from app.services.context import Actor


class LoginDialog(QDialog):
    def __init__(
        self, auth: Authenticator | None, db_label: str, parent: QWidget | None = None, username: str = ""
    ) -> None:
        super().__init__(parent)
        self.auth = auth
        self.actor: Actor | None = None
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("登录 - 岚皋县公安局五大平台"))
        self.setMinimumWidth(420)
        title = QLabel(self.tr("岚皋县公安局“五大平台”"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18pt; font-weight: bold; color: #0d3c84; padding: 8px;")
        sub = QLabel(self.tr("宣传 · 民生警务 · 重点人员管控 · 指挥调度 · 警务保障"))
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        self.message = QLabel()
        self.message.setObjectName("login_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.db_line = db_line = QLabel(self.tr("数据库：{0}").format(db_label))
        db_line.setStyleSheet("color: #666;")
        db_line.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(sub)
        lay.addSpacing(8)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(db_line)
        lay.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()
        if auth is None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self.message.setStyleSheet("color: #666;")
            self.message.setText(self.tr("正在连接数据库……"))

    def set_authenticator(self, auth: Authenticator, db_label: str) -> None:
        """The database is open: logging in is possible now."""
        self.auth = auth
        self.db_line.setText(self.tr("数据库：{0}").format(db_label))
        self.message.clear()
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    @Slot()
    def try_login(self) -> None:
        if self.auth is None:
            return
        auth = self.auth
        name, password = self.username.text().strip(), self.password.text()
        if not name or not password:
            self.message.setText(self.tr("请输入用户名和密码。"))
            return
        self.message.setText(self.tr("正在验证……"))
        self.buttons.setEnabled(False)
        run_op(self, lambda: auth.login(name, password), session=False).success(self._logged_in).failure(
            self._failed
        ).finished(lambda: self.buttons.setEnabled(True)).start()

    def _logged_in(self, actor: Actor) -> None:
        self.actor = actor
        self.password.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.password.clear()
        self.password.setFocus()
        if getattr(exc, "challenge", None) is not None:  # SecondFactorRequired: the password was right
            self.ask_second_factor(exc.challenge)  # type: ignore[attr-defined]
            return
        if isinstance(exc, DomainError):
            self.message.setText(exc.message())
        else:
            from app.views.common.run_op import show_error

            self.message.clear()
            show_error(self, exc)

    def ask_second_factor(self, challenge) -> None:  # type: ignore[no-untyped-def]
        """The code (or enrolment, the first time) in a dialog of its own; logged in when it succeeds."""
        from app.views.second_factor_dialog import SecondFactorDialog

        self.message.clear()
        self.second_factor_dialog = dlg = SecondFactorDialog(self.auth, challenge, self)
        dlg.logged_in.connect(self._logged_in)
        dlg.rejected.connect(lambda: self.message.setText(dlg.message.text()))
        dlg.open()
