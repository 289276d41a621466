"""From an open database to a working session: first start, login, forced password change, main window."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSettings, Slot
from PySide6.QtWidgets import QDialog, QMessageBox

from app.models.db import Database
from app.services import users
from app.services.auth import PasswordAuthenticator
from app.services.context import Actor
from app.views.app_context import AppContext
from app.views.common import run_op as run_op_module

log = logging.getLogger(__name__)


class SessionFlow(QObject):
    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.auth = PasswordAuthenticator(db)
        self.window = None
        self.ctx: AppContext | None = None
        run_op_module.configure(db, self._local_change)

    def _local_change(self, tables: frozenset[str]) -> None:
        if self.ctx is not None:
            self.ctx.signals.changed.emit(tables)
            if self.ctx.feed is not None:
                self.ctx.feed.local_change(tables)

    def needs_first_admin(self) -> bool:
        with self.db.read_session() as s:
            return not users.admin_exists(s)

    def start(self) -> bool:
        """Show the dialogs in order; False when the user quit before reaching the main window."""
        username = ""
        if self.needs_first_admin():
            from app.views.first_start_dialog import FirstStartDialog

            dlg = FirstStartDialog(self.db.info.label)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
            username = dlg.created_username
            if dlg.demo_accounts:
                show_demo_accounts(None, dlg.demo_accounts)
        actor = self.login(username or str(QSettings().value("login/last_user", "")))
        if actor is None:
            return False
        self.open_main_window(actor)
        return True

    def login(self, username: str = "") -> Actor | None:
        from app.views.change_password_dialog import ChangePasswordDialog
        from app.views.login_dialog import LoginDialog

        while True:
            dlg = LoginDialog(self.auth, self.db.info.label, username=username)
            if dlg.exec() != QDialog.DialogCode.Accepted or dlg.actor is None:
                return None
            actor = dlg.actor
            QSettings().setValue("login/last_user", actor.username)
            if not actor.must_change_password:
                return actor
            change = ChangePasswordDialog(self.auth, actor, forced=True)
            if change.exec() == QDialog.DialogCode.Accepted and change.updated_actor is not None:
                return change.updated_actor
            username = actor.username

    def open_main_window(self, actor: Actor) -> None:
        from app.views.main_window import MainWindow

        self.ctx = AppContext(self.db, self.auth, actor)
        try:
            from app.views.common.change_feed import ChangeFeed

            self.ctx.feed = ChangeFeed(self.db)
            self.ctx.feed.tables_changed.connect(self.ctx.signals.changed)
            self.ctx.feed.start()
        except ImportError:  # pragma: no cover - feed module missing in a partial install
            log.warning("change feed unavailable")
        self.window = MainWindow(self.ctx)
        self.window.logout_requested.connect(self._logout)
        self.window.show()

    @Slot()
    def _logout(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.shutdown()
        actor = self.login(str(QSettings().value("login/last_user", "")))
        if actor is not None:
            self.open_main_window(actor)

    def shutdown(self) -> None:
        if self.ctx is not None and self.ctx.feed is not None:
            self.ctx.feed.stop()
            self.ctx.feed = None
        run_op_module.wait_all(5000)


def show_demo_accounts(parent, accounts: list[tuple[str, ...]]) -> None:  # type: ignore[no-untyped-def]
    """Demo passwords are shown once; each must be changed at first login."""
    lines = "\n".join("    ".join(a) for a in accounts)
    box = QMessageBox(parent)
    box.setObjectName("demo_accounts_box")
    box.setWindowTitle(box.tr("演示账号"))
    box.setText(box.tr("演示数据已载入。以下账号的临时密码只显示这一次，请立即记下；首次登录时必须修改密码。"))
    box.setDetailedText(lines)
    box.setInformativeText(lines)
    box.exec()
