"""Second-factor settings: a user's own authenticator, and the administrator's role flags and reset."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.services import second_factor
from app.views.app_context import AppContext
from app.views.common.form_helpers import ERROR_STYLE
from app.views.common.run_op import run_op
from app.views.second_factor_dialog import EnrolmentPanel, _code_edit, grow_to_fit, show_recovery_codes


class OwnSecondFactorDialog(QDialog):
    """系统 → 动态验证码: set it up, get new recovery codes, or switch it off (when no role requires it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("own_second_factor_dialog")
        self.setWindowTitle(self.tr("动态验证码（双因素登录）"))
        self.setMinimumWidth(520)
        self.status_label = QLabel()
        self.status_label.setObjectName("second_factor_status")
        self.status_label.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("设置动态验证码…"))
        self.enrol_button.setObjectName("enrol")
        self.codes_button = QPushButton(self.tr("重新生成恢复码…"))
        self.codes_button.setObjectName("new_codes")
        self.disable_button = QPushButton(self.tr("停用"))
        self.disable_button.setObjectName("disable")
        self.enrol_button.clicked.connect(self.enrol)
        self.codes_button.clicked.connect(lambda: self._with_code(self.tr("重新生成恢复码"), _regenerate))
        self.disable_button.clicked.connect(lambda: self._with_code(self.tr("停用动态验证码"), _disable))
        row = QHBoxLayout()
        for b in (self.enrol_button, self.codes_button, self.disable_button):
            row.addWidget(b)
        row.addStretch(1)
        self.body = QVBoxLayout()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.status_label)
        lay.addLayout(row)
        lay.addLayout(self.body)
        lay.addWidget(close)
        self.reload()

    def reload(self) -> None:
        uid = self.ctx.actor.user_id
        run_op(self, lambda s: second_factor.status(s, uid), readonly=True).success(self._show_status).start()

    def _show_status(self, st: second_factor.FactorStatus) -> None:
        if st.enrolled:
            text = self.tr("已启用：登录时需输入手机验证器上的动态验证码。剩余恢复码 {0} 个。").format(
                st.recovery_left
            )
        else:
            text = self.tr("未启用：登录只需密码。")
        if st.required:
            text += self.tr("您的角色要求使用动态验证码。")
        self.status_label.setText(text)
        self.enrol_button.setVisible(not st.enrolled)
        self.codes_button.setVisible(st.enrolled)
        self.disable_button.setVisible(st.enrolled)
        self.disable_button.setEnabled(not st.required)

    @Slot()
    def enrol(self) -> None:
        actor = self.ctx.actor
        uid = actor.user_id
        run_op(self, lambda s: second_factor.begin_enrolment(s, uid, actor.username)).success(
            self._show_panel
        ).start()

    def _show_panel(self, enrolment: second_factor.Enrolment) -> None:
        self.enrol_button.setEnabled(False)
        self.body.addWidget(EnrolmentPanel(enrolment, self))
        self.code = _code_edit(self.tr("6 位数字"))
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        confirm = QPushButton(self.tr("确认启用"))
        confirm.setObjectName("confirm_enrol")
        confirm.clicked.connect(self._confirm)
        self.code.returnPressed.connect(self._confirm)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(confirm)
        self.body.addLayout(row)
        self.body.addWidget(self.message)
        self.code.setFocus()
        grow_to_fit(self)

    @Slot()
    def _confirm(self) -> None:
        actor, code = self.ctx.actor, self.code.text()
        run_op(self, lambda s: second_factor.confirm_enrolment(s, actor, actor.user_id, code)).success(
            self._confirmed
        ).failure(lambda exc: self.message.setText(_text(exc))).start()

    def _confirmed(self, codes: list[str]) -> None:
        show_recovery_codes(self, codes)
        self.accept()

    def _with_code(self, title: str, work: Any) -> None:
        code, ok = QInputDialog.getText(
            self,
            title,
            self.tr("请输入验证器上当前的 6 位动态验证码（或一个恢复码）："),
            QLineEdit.EchoMode.Normal,
        )
        if not ok or not code.strip():
            return
        actor = self.ctx.actor
        run_op(self, lambda s: work(s, actor, code)).success(self._after).start()

    def _after(self, codes: list[str] | None) -> None:
        if codes:
            show_recovery_codes(self, codes)
        self.reload()


def _regenerate(session: Any, actor: Any, code: str) -> list[str]:
    return second_factor.regenerate_recovery_codes(session, actor, code)


def _disable(session: Any, actor: Any, code: str) -> None:
    second_factor.disable_own(session, actor, code)


def _text(exc: BaseException) -> str:
    from app.core.errors import ValidationError

    if isinstance(exc, ValidationError) and exc.field_errors:
        return "；".join(exc.field_errors.values())
    return exc.message() if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"


class RequiredRolesDialog(QDialog):
    """The administrator marks the roles whose members must log in with a second factor."""

    def __init__(self, ctx: AppContext, roles: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("second_factor_roles_dialog")
        self.setWindowTitle(self.tr("要求动态验证码的角色"))
        self.setMinimumWidth(380)
        intro = QLabel(
            self.tr(
                "勾选的角色，其成员登录时除密码外还须输入手机验证器上的动态验证码；"
                "尚未设置的成员在下次登录时按提示设置。"
            )
        )
        intro.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for role in roles:
            box = QCheckBox(QCoreApplication.translate("role", role.name))
            box.setObjectName(f"require_{role.code}")
            self.boxes[role.code] = box
            lay.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        run_op(self, second_factor.required_role_codes, readonly=True).success(self._loaded).start()

    def _loaded(self, codes: set[str]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)

    @Slot()
    def save(self) -> None:
        actor = self.ctx.actor
        codes = {c for c, b in self.boxes.items() if b.isChecked()}
        run_op(self, lambda s: second_factor.set_required_roles(s, actor, codes)).success(
            lambda _r: self.accept()
        ).start()


def reset_user(parent: QWidget, ctx: AppContext, user: Any) -> None:
    """Remove a user's authenticator (lost or changed phone), after a confirmation; audited by the service."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("SecondFactor", "重置动态验证码"),
        QCoreApplication.translate(
            "SecondFactor", "清除 {0} 的动态验证码和恢复码？其角色要求时，该用户下次登录须重新设置。"
        ).format(user.display_name),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    actor = ctx.actor
    run_op(parent, lambda s: second_factor.reset(s, actor, user.id)).success(
        lambda _r: QMessageBox.information(
            parent,
            QCoreApplication.translate("SecondFactor", "重置动态验证码"),
            QCoreApplication.translate("SecondFactor", "已清除 {0} 的动态验证码。").format(user.display_name),
        )
    ).start()
