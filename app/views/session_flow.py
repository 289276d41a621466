"""From start-up to a working session: login dialog first, then the database, first start, main window.

The login dialog is painted before SQLAlchemy is even imported: the database is opened in the background
while the user types, so the first screen appears within a second on a desk PC. With a PostgreSQL URL that
names no user (per-user mode, app/services/pg_security) there is nothing to open before the login: the
password typed is the user's own database role's, and the login itself connects.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import QDialog, QMessageBox

from app.services.pg_security import per_user_url
from app.views.common import run_op as run_op_module
from app.views.common.run_op import run_op

log = logging.getLogger(__name__)


def _db_label(url: str) -> str:
    """What the login dialog says about the database, without importing SQLAlchemy."""
    if url.startswith("sqlite:///"):
        return "SQLite " + url[len("sqlite:///") :]
    tail = url.split("@", 1)[-1] if "@" in url else url.split("://", 1)[-1]
    return "PostgreSQL " + tail


class SessionFlow(QObject):
    finished = Signal()  # the user quit before or after using the main window

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.db = None
        self.auth = None
        self.ctx = None
        self.window = None
        self.login_dialog = None
        self.reached_main_window = False
        self.exit_code = 0

    # -- start-up ------------------------------------------------------------------------------------
    def start(self) -> None:
        from app.views.login_dialog import LoginDialog

        self.login_dialog = LoginDialog(
            None, _db_label(self.url), username=str(QSettings().value("login/last_user", ""))
        )
        self.login_dialog.accepted.connect(self._logged_in)
        self.login_dialog.rejected.connect(self._quit)
        self.login_dialog.show()
        url = self.url
        if per_user_url(url):  # each person connects as their own database role: nothing to open before login
            run_op(self.login_dialog, lambda: _prepare_per_user(url), session=False).success(
                self._authenticator_ready
            ).failure(self._database_failed).start()
            return
        run_op(self.login_dialog, lambda: _prepare(url), session=False).success(self._database_ready).failure(
            self._database_failed
        ).start()

    def _authenticator_ready(self, auth) -> None:  # type: ignore[no-untyped-def]
        self.auth = auth
        if self.login_dialog is not None:
            self.login_dialog.set_authenticator(auth, _db_label(self.url))

    def _database_ready(self, result) -> None:  # type: ignore[no-untyped-def]
        self.db, needs_admin = result
        from app.services.auth import PasswordAuthenticator

        self.auth = PasswordAuthenticator(self.db)
        run_op_module.configure(self.db, self._local_change)
        if needs_admin and not self._first_start():
            self._quit()
            return
        if self.login_dialog is not None:
            self.login_dialog.set_authenticator(self.auth, self.db.info.label)
        url = self.url
        run_op(self.login_dialog, lambda: _auto_backup(url), session=False).failure(
            _auto_backup_failed
        ).start()

    def _database_failed(self, exc: BaseException) -> None:
        from app.core.errors import DomainError

        if getattr(exc, "code", "") == "db_damaged" and self._offer_restore(exc):
            return
        text = exc.message() if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
        QMessageBox.critical(self.login_dialog, QCoreApplication.translate("app", "无法打开数据库"), text)
        self.exit_code = 2
        self._quit()

    def _offer_restore(self, damage: BaseException) -> bool:
        """A damaged SQLite file: offer the latest backup (app/views/restore_offer_dialog.py); True when
        restored and the database is being opened again."""
        from app.views.restore_offer_dialog import RestoreOfferDialog

        self.restore_offer = dlg = RestoreOfferDialog(self.url, damage, self.login_dialog)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        url = self.url
        run_op(self.login_dialog, lambda: _prepare(url), session=False).success(self._database_ready).failure(
            self._database_failed
        ).start()
        return True

    def _first_start(self) -> bool:
        from app.views.first_start_dialog import FirstStartDialog

        assert self.db is not None
        if self.login_dialog is not None:
            self.login_dialog.hide()
        dlg = FirstStartDialog(self.db.info.label)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        if dlg.demo_accounts:
            show_demo_accounts(None, dlg.demo_accounts)
        if self.login_dialog is not None:
            self.login_dialog.username.setText(dlg.created_username)
            self.login_dialog.password.setFocus()
            self.login_dialog.show()
        return True

    def _local_change(self, tables: frozenset[str]) -> None:
        if self.ctx is not None:
            self.ctx.signals.changed.emit(tables)
            if self.ctx.feed is not None:
                self.ctx.feed.local_change(tables)

    # -- login ---------------------------------------------------------------------------------------
    @Slot()
    def _logged_in(self) -> None:
        from app.views.change_password_dialog import ChangePasswordDialog

        dlg = self.login_dialog
        assert dlg is not None and dlg.actor is not None
        actor = dlg.actor
        if getattr(self.auth, "db", self.db) is not self.db:  # per-user mode: the database of this login
            self.db = self.auth.db  # type: ignore[union-attr]
            run_op_module.configure(self.db, self._local_change)
        QSettings().setValue("login/last_user", actor.username)
        if actor.must_change_password:
            change = ChangePasswordDialog(self.auth, actor, forced=True)  # type: ignore[arg-type]
            if change.exec() != QDialog.DialogCode.Accepted or change.updated_actor is None:
                dlg.actor = None
                dlg.show()
                return
            actor = change.updated_actor
        dlg.deleteLater()
        self.login_dialog = None
        self.open_main_window(actor)

    def open_main_window(self, actor) -> None:  # type: ignore[no-untyped-def]
        from app.views.app_context import AppContext
        from app.views.common.change_feed import ChangeFeed
        from app.views.main_window import MainWindow

        self.ctx = AppContext(self.db, self.auth, actor)  # type: ignore[arg-type]
        self.ctx.feed = ChangeFeed(self.db)
        self.ctx.feed.tables_changed.connect(self.ctx.signals.changed)
        self.ctx.feed.start()
        self.window = MainWindow(self.ctx, defer_pages=True)
        self.window.logout_requested.connect(self._logout)
        self.window.closed.connect(self._quit)
        self.window.show()
        self.reached_main_window = True

    @Slot()
    def _logout(self) -> None:
        from app.views.login_dialog import LoginDialog

        self.stop_feed()
        if self.window is not None:
            self.window.logout_requested.disconnect(self._logout)
            self.window.closed.disconnect(self._quit)
            self.window.close()
            self.window.deleteLater()
            self.window = None
        assert self.db is not None
        self.login_dialog = LoginDialog(
            self.auth, self.db.info.label, username=str(QSettings().value("login/last_user", ""))
        )
        self.login_dialog.accepted.connect(self._logged_in)
        self.login_dialog.rejected.connect(self._quit)
        self.login_dialog.show()

    @Slot()
    def _quit(self) -> None:
        self.finished.emit()

    def stop_feed(self) -> None:
        if self.ctx is not None and self.ctx.feed is not None:
            self.ctx.feed.stop()
            self.ctx.feed = None

    def shutdown(self) -> None:
        self.stop_feed()
        run_op_module.wait_all(5000)


def _prepare_per_user(url: str):  # type: ignore[no-untyped-def]
    """Background part of start-up in per-user mode: load the database layer; the login connects."""
    from app.services.pg_security.login import RoleAuthenticator

    return RoleAuthenticator(url)


def _prepare(url: str):  # type: ignore[no-untyped-def]
    """Background part of start-up: import the database layer, open and check the schema."""
    from app.services import db_health, users
    from app.views.application import prepare_database

    db_health.check_at_start(url)  # a damaged SQLite file: restore offered (see _offer_restore)
    db = prepare_database(url)
    with db.read_session() as s:
        return db, not users.admin_exists(s)


def _auto_backup(url: str):  # type: ignore[no-untyped-def]
    """The daily automatic backup of an embedded database (no-op when one is recent, or on PostgreSQL)."""
    from app.services import backup

    return backup.auto_backup(url)


def _auto_backup_failed(exc: BaseException) -> None:
    log.warning("automatic backup failed: %s", exc)


def show_demo_accounts(parent, accounts: list[tuple[str, ...]]) -> None:  # type: ignore[no-untyped-def]
    """Demo passwords are shown once; each must be changed at first login."""
    lines = "\n".join("    ".join(a) for a in accounts)
    box = QMessageBox(parent)
    box.setObjectName("demo_accounts_box")
    box.setWindowTitle(QCoreApplication.translate("common", "演示账号"))
    box.setText(
        QCoreApplication.translate(
            "common", "演示数据已载入。以下账号的临时密码只显示这一次，请立即记下；首次登录时必须修改密码。"
        )
    )
    box.setInformativeText(lines)
    box.exec()
