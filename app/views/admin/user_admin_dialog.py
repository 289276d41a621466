"""Users and roles for the administrator: create, edit roles, reset passwords, unlock, disable."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.services import users
from app.views.app_context import AppContext
from app.views.common.form_helpers import ERROR_STYLE, ErrorForm
from app.views.common.run_op import run_op, show_error

COLUMNS = (
    QT_TRANSLATE_NOOP("UserAdminDialog", "登录名"),
    QT_TRANSLATE_NOOP("UserAdminDialog", "姓名"),
    QT_TRANSLATE_NOOP("UserAdminDialog", "警号"),
    QT_TRANSLATE_NOOP("UserAdminDialog", "角色"),
    QT_TRANSLATE_NOOP("UserAdminDialog", "状态"),
    QT_TRANSLATE_NOOP("UserAdminDialog", "最近登录"),
)


class UserAdminDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("user_admin_dialog")
        self.setWindowTitle(self.tr("用户与角色管理"))
        self.resize(900, 520)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.edit_user)
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("新建用户"), self.new_user, "new_user"),
            (self.tr("编辑"), self.edit_user, "edit_user"),
            (self.tr("重置密码"), self.reset_password, "reset_password"),
            (self.tr("解锁"), self.unlock, "unlock"),
            (self.tr("重置动态验证码"), self.reset_second_factor, "reset_second_factor"),
            (self.tr("动态验证码角色…"), self.second_factor_roles, "second_factor_roles"),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addLayout(buttons)
        self.users: list[users.UserInfo] = []
        self.roles: list[users.RoleInfo] = []
        self.reload()

    def reload(self) -> None:
        actor = self.ctx.actor
        run_op(self, lambda s: (users.list_users(s, actor), users.list_roles(s))).success(
            self._loaded
        ).start()

    def _loaded(self, result: tuple[list[users.UserInfo], list[users.RoleInfo]]) -> None:
        self.users, self.roles = result
        self.table.setRowCount(len(self.users))
        for row, u in enumerate(self.users):
            status = self.tr("已锁定") if u.locked else (self.tr("正常") if u.active else self.tr("已停用"))
            if u.must_change_password and not u.locked:
                status += self.tr("（待改密）")
            last = u.last_login_at.astimezone().strftime("%Y-%m-%d %H:%M") if u.last_login_at else ""
            for col, text in enumerate(
                (
                    u.username,
                    u.display_name,
                    u.badge_no,
                    self.tr("、").join(QCoreApplication.translate("role", n) for n in u.role_names),
                    status,
                    last,
                )
            ):
                item = QTableWidgetItem(text)
                if col == 4 and u.locked:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def selected(self) -> users.UserInfo | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.users):
            return self.users[row]
        QMessageBox.information(self, self.tr("提示"), self.tr("请先选择一个用户。"))
        return None

    @Slot()
    def new_user(self) -> None:
        dlg = UserEditDialog(self.ctx, self.roles, None, self)
        if dlg.exec() and dlg.temporary_password:
            show_password_once(self, dlg.saved_username, dlg.temporary_password)
        self.reload()

    @Slot()
    def edit_user(self) -> None:
        user = self.selected()
        if user is not None:
            UserEditDialog(self.ctx, self.roles, user, self).exec()
            self.reload()

    @Slot()
    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        answer = QMessageBox.question(
            self, self.tr("重置密码"), self.tr("为 {0} 生成新的临时密码？").format(user.display_name)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.ctx.actor
        run_op(self, lambda s: users.reset_password(s, actor, user.id)).success(
            lambda pw: show_password_once(self, user.username, pw)
        ).start()

    @Slot()
    def unlock(self) -> None:
        user = self.selected()
        if user is None:
            return
        actor = self.ctx.actor
        run_op(self, lambda s: users.unlock(s, actor, user.id)).success(lambda _u: self.reload()).start()

    @Slot()
    def reset_second_factor(self) -> None:
        from app.views.second_factor_settings import reset_user

        user = self.selected()
        if user is not None:
            reset_user(self, self.ctx, user)

    @Slot()
    def second_factor_roles(self) -> None:
        from app.views.second_factor_settings import RequiredRolesDialog

        RequiredRolesDialog(self.ctx, self.roles, self).exec()


def show_password_once(parent: QWidget, username: str, password: str) -> None:
    box = QMessageBox(parent)
    box.setObjectName("temporary_password_box")
    box.setWindowTitle(QCoreApplication.translate("common", "临时密码"))
    box.setText(
        QCoreApplication.translate(
            "common", "用户 {0} 的临时密码（只显示这一次，首次登录时必须修改）："
        ).format(username)
    )
    box.setInformativeText(password)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


class UserEditDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        roles: list[users.RoleInfo],
        user: users.UserInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.temporary_password = ""
        self.saved_username = ""
        self.setObjectName("user_edit_dialog")
        self.setWindowTitle(self.tr("新建用户") if user is None else self.tr("编辑用户"))
        form_layout = QFormLayout()
        self.form = ErrorForm(form_layout)
        self.username = self.form.line("username", self.tr("登录名"))
        self.display_name = self.form.line("display_name", self.tr("姓名"))
        self.badge = self.form.line("badge_no", self.tr("警号"))
        self.phone = self.form.line("phone", self.tr("手机号"))
        self.active = QCheckBox(self.tr("账号启用"))
        self.active.setChecked(True)
        group = QGroupBox(self.tr("角色"))
        role_lay = QVBoxLayout(group)
        self.role_boxes: dict[str, QCheckBox] = {}
        for role in roles:
            box = QCheckBox(
                f"{QCoreApplication.translate('role', role.name)}　—　{QCoreApplication.translate('role', role.description)}"
            )
            box.setObjectName(f"role_{role.code}")
            role_lay.addWidget(box)
            self.role_boxes[role.code] = box
        self.form.fields["roles"] = _role_error_holder(role_lay)
        if user is not None:
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.display_name.setText(user.display_name)
            self.badge.setText(user.badge_no)
            self.phone.setText(user.phone)
            self.active.setChecked(user.active)
            for code in user.roles:
                if code in self.role_boxes:
                    self.role_boxes[code].setChecked(True)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form_layout)
        lay.addWidget(self.active)
        lay.addWidget(group)
        lay.addWidget(self.message)
        lay.addWidget(buttons)

    @Slot()
    def save(self) -> None:
        actor, user = self.ctx.actor, self.user
        codes = [c for c, b in self.role_boxes.items() if b.isChecked()]
        kwargs = dict(
            display_name=self.display_name.text(),
            roles=codes,
            badge_no=self.badge.text().strip(),
            phone=self.phone.text().strip(),
            unit_id=user.unit_id if user else None,
        )
        if user is None:
            username = self.username.text()

            def work(s):  # type: ignore[no-untyped-def]
                return users.create_user(s, actor, username=username, **kwargs)
        else:
            active = self.active.isChecked()

            def work(s):  # type: ignore[no-untyped-def]
                return users.update_user(s, actor, user.id, user.version, active=active, **kwargs), ""

        run_op(self, work).success(self._saved).failure(self._failed).start()

    def _saved(self, result: tuple[users.UserInfo, str]) -> None:
        info, self.temporary_password = result
        self.saved_username = info.username
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.message.setText("\n".join(self.form.show_errors(exc.field_errors)))
        else:
            show_error(self, exc)


def _role_error_holder(layout: QVBoxLayout):  # type: ignore[no-untyped-def]
    from app.views.common.form_helpers import FieldWithError

    label = QLabel()
    holder = FieldWithError(label)
    layout.addWidget(holder)
    return holder
