"""First start on an empty database: create the first administrator (there is no default password)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.core.errors import DomainError, ValidationError
from app.services import passwords, users
from app.services.first_start import first_start
from app.views.common.form_helpers import ERROR_STYLE, ErrorForm
from app.views.common.run_op import run_op


class FirstStartDialog(QDialog):
    def __init__(self, db_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_start_dialog")
        self.setWindowTitle(self.tr("首次启动：创建系统管理员"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "这是一个新的数据库，还没有任何账号。请创建第一个系统管理员账号，"
                "之后由管理员为各位民警创建账号并分配角色。\n数据库：{0}"
            ).format(db_label)
        )
        intro.setWordWrap(True)
        form_layout = QFormLayout()
        self.form = ErrorForm(form_layout)
        self.username = self.form.line(
            "username", self.tr("登录名"), placeholder=self.tr("例如 admin 或警号")
        )
        self.display_name = self.form.line("display_name", self.tr("姓名"))
        self.password = self.form.line(
            "password",
            self.tr("密码"),
            password=True,
            placeholder=self.tr("至少 {0} 个字符").format(passwords.MIN_LENGTH),
        )
        self.confirm = self.form.line("confirm", self.tr("确认密码"), password=True)
        self.load_demo = QCheckBox(self.tr("同时载入岚皋县演示数据（乡镇、部门、派出所、各角色民警和群众）"))
        self.load_demo.setObjectName("load_demo")
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建管理员"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form_layout)
        lay.addWidget(self.load_demo)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.created_username = ""
        self.demo_accounts: list[tuple[str, ...]] = []

    @Slot()
    def _create(self) -> None:
        self.form.clear_errors()
        self.message.clear()
        values = (self.username.text(), self.display_name.text(), self.password.text(), self.confirm.text())
        want_demo = self.load_demo.isChecked()

        def work(session):  # type: ignore[no-untyped-def]
            result = first_start(session, *values, demo=want_demo)
            return result.admin, [tuple(a) for a in result.demo_accounts]

        self.buttons.setEnabled(False)
        run_op(self, work).success(self._created).failure(self._failed).finished(
            lambda: self.buttons.setEnabled(True)
        ).start()

    def _created(self, result: tuple[users.UserInfo, list[tuple[str, ...]]]) -> None:
        info, self.demo_accounts = result
        self.created_username = info.username
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            rest = self.form.show_errors(exc.field_errors)
            self.message.setText("\n".join(rest))
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message())
        else:
            from app.views.common.run_op import show_error

            show_error(self, exc)
