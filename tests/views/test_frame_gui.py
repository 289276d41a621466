"""The application frame as a user meets it: first start, login, the tabs a role sees, the idle lock."""

from __future__ import annotations

import pytest
from conftest import STRONG_PASSWORD, make_user
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from app.services import users
from app.services.auth import PasswordAuthenticator
from app.views.app_context import AppContext
from app.views.first_start_dialog import FirstStartDialog
from app.views.login_dialog import LoginDialog
from app.views.main_window import MainWindow

ALL_TABS = ["宣传平台", "民生警务", "重点人员管控", "指挥调度", "警务保障"]


def click_ok(qtbot, dialog):
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_first_start_creates_the_administrator(qtbot, db, sync_ops):
    dlg = FirstStartDialog(db.info.label)
    qtbot.addWidget(dlg)
    dlg.username.setText("admin")
    dlg.display_name.setText("王管理")
    dlg.password.setText("short")
    dlg.confirm.setText("short")
    click_ok(qtbot, dlg)
    assert dlg.form.fields["password"].error.isVisibleTo(dlg)
    assert "至少需要 12 个字符" in dlg.form.fields["password"].error.text()
    with db.read_session() as s:
        assert not users.admin_exists(s)
    dlg.password.setText(STRONG_PASSWORD)
    dlg.confirm.setText(STRONG_PASSWORD)
    click_ok(qtbot, dlg)
    assert dlg.result() == FirstStartDialog.DialogCode.Accepted
    with db.read_session() as s:
        assert users.admin_exists(s)


def test_login_dialog_success_and_failure_messages(qtbot, db, sync_ops):
    make_user(db, "clerk1", ["clerk"], display_name="李窗口")
    dlg = LoginDialog(PasswordAuthenticator(db), db.info.label)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.username, "clerk1")
    qtbot.keyClicks(dlg.password, "not-the-password")
    click_ok(qtbot, dlg)
    assert dlg.message.text() == "用户名或密码不正确。"
    assert dlg.actor is None and dlg.password.text() == ""
    qtbot.keyClicks(dlg.password, STRONG_PASSWORD)
    click_ok(qtbot, dlg)
    assert dlg.actor is not None and dlg.actor.display_name == "李窗口"


def test_login_dialog_shows_the_lockout(qtbot, db, sync_ops):
    make_user(db, "clerk1", ["clerk"])
    dlg = LoginDialog(PasswordAuthenticator(db), db.info.label, username="clerk1")
    qtbot.addWidget(dlg)
    for _ in range(5):
        dlg.password.setText("wrong-password-1")
        click_ok(qtbot, dlg)
    assert "已被锁定" in dlg.message.text()


def _window(qtbot, db, actor, **kwargs) -> MainWindow:
    ctx = AppContext(db, PasswordAuthenticator(db), actor)
    win = MainWindow(ctx, **kwargs)
    qtbot.addWidget(win)
    win.show()
    return win


def test_admin_sees_the_five_tabs(qtbot, db, sync_ops):
    admin = make_user(db, "admin1", ["admin"], display_name="王管理")
    win = _window(qtbot, db, admin)
    assert win.tab_titles() == ALL_TABS
    assert win.users_action.isVisible() and not win.audit_action.isVisible()
    assert "王管理" in win.user_label.text() and "系统管理员" in win.user_label.text()
    assert "SQLite" in win.db_label.text() or "PostgreSQL" in win.db_label.text()


def test_clerk_sees_only_the_platforms_of_the_role(qtbot, db, sync_ops):
    clerk = make_user(db, "clerk1", ["clerk"])
    win = _window(qtbot, db, clerk)
    assert win.tab_titles() == ["宣传平台", "民生警务", "指挥调度", "警务保障"]
    assert not win.users_action.isVisible() and not win.audit_action.isVisible()


def test_auditor_gets_an_explanation_not_an_empty_window(qtbot, db, sync_ops):
    auditor = make_user(db, "auditor1", ["auditor"])
    win = _window(qtbot, db, auditor)
    assert win.tab_titles() == []
    page = win.findChild(type(win.lock_page).__mro__[1], "no_platform_page")
    assert page is not None and win.audit_action.isVisible()


def test_idle_lock_hides_the_data_until_the_password_is_entered(qtbot, db, sync_ops):
    clerk = make_user(db, "clerk1", ["clerk"])
    win = _window(qtbot, db, clerk, idle_seconds=0.3)
    assert not win.is_locked()
    qtbot.waitUntil(win.is_locked, timeout=3000)
    assert not win.tabs.isVisible() and win.lock_page.isVisible()
    assert not win.menuBar().isEnabled()
    qtbot.keyClicks(win.lock_page.password, "wrong-password-99")
    qtbot.keyClick(win.lock_page.password, Qt.Key.Key_Return)
    assert win.is_locked() and win.lock_page.message.text() == "密码不正确。"
    qtbot.keyClicks(win.lock_page.password, STRONG_PASSWORD)
    qtbot.keyClick(win.lock_page.password, Qt.Key.Key_Return)
    assert not win.is_locked() and win.tabs.isVisible()


def _set_roles(db, admin, user, roles, *, active=True):
    with db.session() as s:
        info = next(u for u in users.list_users(s, admin) if u.id == user.user_id)
        users.update_user(
            s, admin, info.id, info.version, display_name=info.display_name, roles=roles, active=active
        )


def test_a_role_change_rebuilds_the_tabs_of_a_logged_in_user(qtbot, db, sync_ops):
    """An administrator grants a role: the user's open window follows without a restart, and back."""
    admin = make_user(db, "admin1", ["admin"])
    clerk = make_user(db, "clerk1", ["clerk"])
    win = _window(qtbot, db, clerk)
    assert "重点人员管控" not in win.tab_titles()
    _set_roles(db, admin, clerk, ["clerk", "supervisor"])
    win.ctx.signals.changed.emit(frozenset({"user_role", "audit_log"}))  # what the change feed delivers
    qtbot.waitUntil(lambda: "重点人员管控" in win.tab_titles(), timeout=5000)
    assert win.tabs.isVisible() and set(win.ctx.actor.roles) == {"clerk", "supervisor"}
    assert "所长/审批领导" in win.user_label.text()
    _set_roles(db, admin, clerk, ["clerk"])
    win.ctx.signals.changed.emit(frozenset({"user_role"}))
    qtbot.waitUntil(lambda: "重点人员管控" not in win.tab_titles(), timeout=5000)
    assert win.tab_titles() == ["宣传平台", "民生警务", "指挥调度", "警务保障"]


def test_unrelated_changes_do_not_touch_the_tabs(qtbot, db, sync_ops):
    clerk = make_user(db, "clerk1", ["clerk"])
    win = _window(qtbot, db, clerk)
    tabs = win.tabs
    win.ctx.signals.changed.emit(frozenset({"service_item"}))
    win.ctx.signals.changed.emit(frozenset({"user_role"}))  # re-read, nothing changed for this user
    assert win.tabs is tabs


def test_a_disabled_account_is_logged_out(qtbot, db, sync_ops):
    admin = make_user(db, "admin1", ["admin"])
    clerk = make_user(db, "clerk1", ["clerk"])
    win = _window(qtbot, db, clerk)
    _set_roles(db, admin, clerk, ["clerk"], active=False)
    seen: list[str] = []

    def close_box():
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)), None)
        if box is not None:
            seen.append(box.text())
            box.accept()

    QTimer.singleShot(200, close_box)
    with qtbot.waitSignal(win.logout_requested, timeout=5000):
        win.ctx.signals.changed.emit(frozenset({"app_user"}))
    assert seen and "停用" in seen[0]


def test_window_geometry_is_remembered_per_user(qtbot, db, sync_ops):
    clerk = make_user(db, "clerk1", ["clerk"])
    win = _window(qtbot, db, clerk)
    win.resize(780, 560)  # the offscreen screen is 800x800 and restoreGeometry clamps to it
    saved = win.size()
    win.save_geometry()
    win.close()
    again = _window(qtbot, db, clerk)
    assert again.size() == saved and saved.height() == 560


@pytest.mark.parametrize("calls", [20_000])
def test_many_thousand_qt_calls_do_not_abort_the_interpreter(qtbot, calls):
    """PySide6 6.12.0 on Python 3.11 aborted after ~5,000 such calls (ENVIRONMENT.md)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QStandardItemModel

    model = QStandardItemModel(100, 3)
    for i in range(calls):
        QCoreApplication.processEvents()
        model.data(model.index(i % 100, i % 3))
    assert model.rowCount() == 100


def test_the_login_path_loads_neither_the_database_layer_nor_printing_or_charts():
    """The login dialog paints before SQLAlchemy is imported (start-up budget): a module-level import of the
    database layer anywhere on the login path (it happened once through run_op) costs a second at every start."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "import app.views.application, app.views.session_flow, app.views.login_dialog\n"
        "heavy = [m for m in ('sqlalchemy', 'reportlab', 'pyqtgraph', 'openpyxl') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_tabs_behind_the_current_one_are_built_after_the_window_is_shown(qtbot, db, sync_ops):
    admin = make_user(db, "admin1", ["admin"])
    win = MainWindow(AppContext(db, PasswordAuthenticator(db), admin), defer_pages=True)
    qtbot.addWidget(win)
    pages = [p for p in win.pages.values() if p.sections]
    assert len(pages) >= 4 and not any(p.is_built() for p in pages)  # nothing built before the window shows
    win.show()
    assert win.tabs.currentWidget().is_built()
    qtbot.waitUntil(lambda: all(p.is_built() for p in pages), timeout=10000)
