"""The main window: five platform tabs, menus, the status bar, the idle lock."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AuthError
from app.models import permissions as P
from app.services.context import Actor
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.idle_lock import IDLE_MINUTES, IdleWatcher, LockPage
from app.views.platform_page import PlatformPage
from app.views.platforms import visible_platforms

log = logging.getLogger(__name__)

ACCESS_TABLES = frozenset({"app_user", "user_role", "role", "role_permission"})
"""Tables whose change may alter what the logged-in user may see: tabs are rebuilt when one changes."""
DEFERRED_PAGES_MS = 250  # the tabs behind the current one start building once the window has painted


class MainWindow(QMainWindow):
    logout_requested = Signal()
    closed = Signal()

    def __init__(self, ctx: AppContext, idle_seconds: float | None = None, *, defer_pages: bool = False) -> None:
        super().__init__()
        self._defer_pages = defer_pages
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("岚皋县公安局五大平台"))
        self.resize(1280, 800)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("platform_tabs")
        self.pages: dict[str, PlatformPage] = {}
        self._build_tabs()
        self.lock_page = LockPage(ctx.actor.display_name)
        self.lock_page.unlock_requested.connect(self._try_unlock)
        self.lock_page.logout_requested.connect(self.logout_requested)
        self.central = QStackedWidget()
        self.central.addWidget(self._content())
        self.central.addWidget(self.lock_page)
        self.setCentralWidget(self.central)
        self._build_menus()
        self._build_status_bar()
        self.idle = IdleWatcher(idle_seconds if idle_seconds is not None else IDLE_MINUTES * 60, self)
        self.idle.idle_reached.connect(self.lock)
        self._hidden_windows: list[QWidget] = []
        self._restore_geometry()
        if ctx.feed is not None:
            ctx.feed.connection_changed.connect(self._connection_changed)
        self._access_check_running = False
        ctx.signals.changed.connect(self._tables_changed)

    # -- layout ----------------------------------------------------------------------------------------
    def _content(self) -> QWidget:
        if self.tabs.count():
            return self.tabs
        page = QWidget()
        page.setObjectName("no_platform_page")
        lay = QVBoxLayout(page)
        text = self.tr("您的角色（{0}）不使用五大平台的业务功能。").format(
            self.tr("、").join(QCoreApplication.translate("role", n) for n in self.ctx.actor.role_names)
        )
        if self.ctx.actor.can(P.AUDIT_READ):
            text += self.tr("\n请从菜单“系统 → 审计日志”查阅审计记录。")
        else:
            text += self.tr("\n如需使用，请联系系统管理员分配角色。")
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        lay.addWidget(label)
        return page

    def _build_tabs(self) -> None:
        for platform in visible_platforms(self.ctx.actor.permissions):
            page = PlatformPage(platform, self.ctx, build_now=not self._defer_pages)
            self.pages[platform.key] = page
            self.tabs.addTab(page, platform.tr_title())
        if self._defer_pages:
            QTimer.singleShot(DEFERRED_PAGES_MS, self._build_next_page)

    @Slot()
    def _build_next_page(self) -> None:
        """After the window painted with its current tab, build the others one per turn of the event loop, so
        the first paint does not wait for five platforms (and an officer's inbox is live soon after login)."""
        page = next((p for p in self.pages.values() if not p.is_built()), None)
        if page is None:
            return
        page.build_current()
        QTimer.singleShot(0, self._build_next_page)

    def _rebuild_tabs(self) -> None:
        """Replace the platform tabs after a permission change, keeping the open platform where it remains."""
        current = self.tabs.currentWidget()
        current_key = current.platform.key if isinstance(current, PlatformPage) else None
        old_content = self.central.widget(0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("platform_tabs")
        self.pages = {}
        self._build_tabs()
        if current_key in self.pages:
            self.tabs.setCurrentWidget(self.pages[current_key])
        locked = self.is_locked()
        self.central.removeWidget(old_content)
        self.central.insertWidget(0, self._content())
        self.central.setCurrentWidget(self.lock_page if locked else self.central.widget(0))
        old_content.deleteLater()

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.print_action = QAction(self.tr("打印当前列表(&P)…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self._delegate("print_list"))
        self.export_action = QAction(self.tr("导出Excel(&E)…"), self)
        self.export_action.triggered.connect(lambda: self._delegate("export_excel"))
        logout = QAction(self.tr("注销(&L)"), self)
        logout.triggered.connect(self.logout_requested)
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for a in (self.print_action, self.export_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(logout)
        file_menu.addAction(quit_action)

        system = bar.addMenu(self.tr("系统(&S)"))
        self.users_action = QAction(self.tr("用户与角色管理(&U)…"), self)
        self.users_action.setObjectName("users_action")
        self.users_action.triggered.connect(self.open_user_admin)
        self.audit_action = QAction(self.tr("审计日志(&A)…"), self)
        self.audit_action.setObjectName("audit_action")
        self.audit_action.triggered.connect(self.open_audit)
        self.backup_action = QAction(self.tr("备份与恢复(&B)…"), self)
        self.backup_action.setObjectName("backup_action")
        self.backup_action.triggered.connect(self.open_backup)
        password = QAction(self.tr("修改密码(&P)…"), self)
        password.triggered.connect(self.change_password)
        second_factor = QAction(self.tr("动态验证码(&T)…"), self)
        second_factor.setObjectName("second_factor_action")
        second_factor.triggered.connect(self.open_second_factor)
        settings = QAction(self.tr("设置(&S)…"), self)
        settings.triggered.connect(self.open_settings)
        lock = QAction(self.tr("锁定屏幕"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        self.users_action.setVisible(self.ctx.actor.can(P.USERS_MANAGE))
        self.audit_action.setVisible(self.ctx.actor.can(P.AUDIT_READ))
        self.backup_action.setVisible(self.ctx.actor.can(P.SETTINGS_MANAGE))
        for a in (self.users_action, self.audit_action, self.backup_action):
            system.addAction(a)
        system.addSeparator()
        for a in (password, second_factor, settings, lock):
            system.addAction(a)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel()
        self.user_label.setObjectName("status_user")
        self._update_user_label()
        info = self.ctx.db.info
        kind = "SQLite" if info.backend == "sqlite" else "PostgreSQL"
        self.db_label = QLabel(self.tr("数据库：{0} {1}").format(kind, info.label))
        self.db_label.setObjectName("status_db")
        self.conn_label = QLabel(self.tr("● 已连接"))
        self.conn_label.setObjectName("status_connection")
        self.conn_label.setStyleSheet("color: #2e7d32;")
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.conn_label)

    def _update_user_label(self) -> None:
        actor = self.ctx.actor
        self.user_label.setText(
            self.tr("用户：{0}（{1}）").format(
                actor.display_name,
                self.tr("、").join(QCoreApplication.translate("role", n) for n in actor.role_names),
            )
        )

    @Slot(bool)
    def _connection_changed(self, connected: bool) -> None:
        if connected:
            self.conn_label.setText(self.tr("● 已连接"))
            self.conn_label.setStyleSheet("color: #2e7d32;")
        else:
            self.conn_label.setText(self.tr("● 连接中断，正在重连…"))
            self.conn_label.setStyleSheet("color: #c62828;")

    # -- actions -------------------------------------------------------------------------------------
    def _delegate(self, method: str) -> None:
        page = self.tabs.currentWidget()
        screen = page.current_screen() if isinstance(page, PlatformPage) else None
        handler = getattr(screen, method, None)
        if handler is None:
            QMessageBox.information(self, self.tr("提示"), self.tr("当前页面没有可打印或导出的列表。"))
            return
        handler()

    @Slot()
    def open_user_admin(self) -> None:
        from app.views.admin.user_admin_dialog import UserAdminDialog

        UserAdminDialog(self.ctx, self).exec()

    @Slot()
    def open_audit(self) -> None:
        from app.views.admin.audit_view import AuditDialog

        AuditDialog(self.ctx, self).exec()

    @Slot()
    def open_backup(self) -> None:
        from app.views.backup_dialog import BackupDialog

        dlg = BackupDialog(self.ctx, self)
        dlg.restored.connect(self.logout_requested)  # the data changed under every open screen: log in again
        dlg.exec()

    @Slot()
    def open_second_factor(self) -> None:
        from app.views.second_factor_settings import OwnSecondFactorDialog

        OwnSecondFactorDialog(self.ctx, self).exec()

    @Slot()
    def open_settings(self) -> None:
        from app.views.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    @Slot()
    def change_password(self) -> None:
        from app.views.change_password_dialog import ChangePasswordDialog

        dlg = ChangePasswordDialog(self.ctx.auth, self.ctx.actor, parent=self)
        if dlg.exec() and dlg.updated_actor is not None:
            self.set_actor(dlg.updated_actor)
            QMessageBox.information(self, self.tr("修改密码"), self.tr("密码已修改。"))

    def set_actor(self, actor: Actor) -> None:
        self.ctx.actor = actor
        self.ctx.signals.actor_changed.emit(actor)

    # -- permission changes --------------------------------------------------------------------------
    @Slot(object)
    def _tables_changed(self, tables: frozenset[str]) -> None:
        """Re-read the user's roles and permissions when an administrator (here or elsewhere) changed them."""
        if self._access_check_running or not ACCESS_TABLES & set(tables):
            return
        self._access_check_running = True
        auth, actor = self.ctx.auth, self.ctx.actor
        (
            run_op(self, lambda: auth.refresh(actor), session=False)
            .success(self._access_refreshed)
            .failure(self._access_refresh_failed)
            .start()
        )

    def _access_refreshed(self, actor: Actor) -> None:
        self._access_check_running = False
        before = self.ctx.actor
        if (actor.permissions, actor.roles) == (before.permissions, before.roles):
            if actor.display_name != before.display_name:
                self.set_actor(actor)
                self._update_user_label()
            return
        log.info("permissions of %s changed: rebuilding the platform tabs", actor.username)
        self.set_actor(actor)
        self._rebuild_tabs()
        self.users_action.setVisible(actor.can(P.USERS_MANAGE))
        self.audit_action.setVisible(actor.can(P.AUDIT_READ))
        self.backup_action.setVisible(actor.can(P.SETTINGS_MANAGE))
        self._update_user_label()
        self.statusBar().showMessage(self.tr("您的角色或权限已由管理员调整，界面已更新。"), 10000)

    def _access_refresh_failed(self, exc: BaseException) -> None:
        self._access_check_running = False
        if isinstance(exc, AuthError):
            log.info("account %s disabled or removed while logged in", self.ctx.actor.username)
            QMessageBox.warning(self, self.tr("账号已停用"), self.tr("您的账号已被停用或删除，请联系系统管理员。"))
            self.logout_requested.emit()
        else:
            log.warning("permission refresh failed: %s", exc)

    @Slot()
    def show_about(self) -> None:
        from app.core.logging_setup import LOG_FILE
        from app.core.paths import log_dir

        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("岚皋县公安局“五大平台”后台管理系统\n版本 0.1\n\n日志文件：{0}\n数据库：{1}").format(
                str(log_dir() / LOG_FILE), self.ctx.db.info.url_safe
            ),
        )

    # -- idle lock -----------------------------------------------------------------------------------
    @Slot()
    def lock(self) -> None:
        if self.is_locked():
            return
        self.idle.paused = True
        app = QApplication.instance()
        self._hidden_windows = [
            w
            for w in (app.topLevelWidgets() if app else [])
            if w is not self and w.isVisible()  # type: ignore[attr-defined]
        ]
        for w in self._hidden_windows:
            w.hide()
        self.central.setCurrentWidget(self.lock_page)
        self.menuBar().setEnabled(False)
        self.lock_page.password.setFocus()
        log.info("window locked for %s", self.ctx.actor.username)

    def is_locked(self) -> bool:
        return self.central.currentWidget() is self.lock_page

    @Slot(str)
    def _try_unlock(self, password: str) -> None:
        auth, actor = self.ctx.auth, self.ctx.actor
        run_op(self, lambda: auth.check_password(actor, password), session=False).success(
            self._unlocked
        ).start()

    def _unlocked(self, ok: bool) -> None:
        if not ok:
            self.lock_page.message.setText(self.tr("密码不正确。"))
            return
        self.lock_page.message.clear()
        self.central.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        for w in self._hidden_windows:
            w.show()
        self._hidden_windows = []
        self.idle.resume()

    # -- geometry ------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = self.ctx.user_settings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        tab = settings.value("main_window/tab")
        if tab is not None:
            QTimer.singleShot(0, lambda: self.tabs.setCurrentIndex(int(tab)))

    def save_geometry(self) -> None:
        settings = self.ctx.user_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/tab", self.tabs.currentIndex())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_geometry()
        self.idle.stop()
        super().closeEvent(event)
        self.closed.emit()
