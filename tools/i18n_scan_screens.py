"""Open every screen in English offscreen and list the Chinese that is still shown (strings lupdate never saw).

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/i18n_scan_screens.py [--shots OUTDIR] [--lang en]

Builds a throwaway database with demo data in a temporary JINGWU_HOME (as tools/grab_screens.py does), logs in
as the administrator, opens each section of each platform tab and the frame dialogs, and walks the widgets:
labels, buttons, tabs, list and combo items, placeholders, group boxes, tooltips, actions, window titles and the
header labels of every table. Text with Chinese characters in it is matched back to the Chinese string literals
under app/ (file:line), so the report says where a source string is missing its tr()/QT_TRANSLATE_NOOP, or is
looked up in another context than the one lupdate filed it under. Text that matches no literal is data (names,
towns) or is assembled at run time; it is listed separately. With --shots, each screen is also saved as PNG.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("JINGWU_HOME", tempfile.mkdtemp(prefix="jingwu-i18n-scan-"))
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "Screens-Look-2026!"
HAN = re.compile(r"[\u4e00-\u9fff]")


def source_literals() -> dict[str, list[str]]:
    """Every Chinese string literal under app/ (docstrings left out) -> ["file:line", ...]."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted((ROOT / "app").rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:
            continue
        docstrings = set()
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                docstrings.add(id(body[0].value))
        for node in ast.walk(tree):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            if is_text and HAN.search(node.value):  # type: ignore[attr-defined]
                found[node.value].append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def widget_texts(root) -> set[str]:  # type: ignore[no-untyped-def]
    """The UI text a widget tree shows (not table cells: those are data)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QMenuBar,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    out: set[str] = set()
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible():
            continue
        if isinstance(w, QMenuBar):
            menus = [a.menu() for a in w.actions() if a.menu() is not None]
            for menu in menus:
                out.add(menu.title())
                out.update(a.text() for a in menu.actions())
        if w.isWindow() and w.windowTitle():
            out.add(w.windowTitle())
        if w.toolTip():
            out.add(w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton)):
            out.add(w.text())
        elif isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            out.add(w.placeholderText())
        elif isinstance(w, QGroupBox):
            out.add(w.title())
        elif isinstance(w, QTabBar):
            out.update(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QComboBox):
            out.update(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QListWidget):
            out.update(w.item(i).text() for i in range(w.count()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for col in range(model.columnCount()):
                out.add(str(model.headerData(col, Qt.Orientation.Horizontal) or ""))
        for action in w.actions():
            out.add(action.text())
            out.add(action.toolTip())
    return {t for t in out if t and HAN.search(t)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shots", type=Path, help="also save a PNG of every screen here")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from app.core import config
    from app.views.application import create_application, prepare_database

    app = create_application(lang=args.lang)
    db = prepare_database(config.database_url(None)[0])
    from app.services import users
    from app.services.auth import PasswordAuthenticator

    with db.session() as s:
        if not users.admin_exists(s):
            users.create_first_admin(s, "admin", "王建国", PASSWORD, PASSWORD)
            from app.services import demo_data

            demo_data.load_demo(s, citizens=60)
    auth = PasswordAuthenticator(db)
    admin = auth.login("admin", PASSWORD)
    from app.views.common import run_op

    run_op.configure(db)
    run_op.set_synchronous(True)

    screens: dict[str, set[str]] = {}

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def look(name: str, widget, size=None, show=True) -> None:  # type: ignore[no-untyped-def]
        if size:
            widget.resize(*size)
        if show:
            widget.show()
        settle()
        screens[name] = widget_texts(widget)
        if args.shots:
            widget.grab().save(str(args.shots / f"{name}.png"))

    from app.views.app_context import AppContext
    from app.views.first_start_dialog import FirstStartDialog
    from app.views.login_dialog import LoginDialog
    from app.views.main_window import MainWindow

    look("login", LoginDialog(auth, db.info.label, username="admin"))
    look("first_start", FirstStartDialog(db.info.label))
    ctx = AppContext(db, auth, admin)
    win = MainWindow(ctx)
    win.resize(1280, 800)
    win.show()
    walk_tabs(win, look, settle, screens, "admin")
    with db.session() as s:
        _info, temp = users.create_user(
            s, admin, username="i18n_scan", display_name="扫描员",
            roles=["clerk", "community", "supervisor", "dispatcher", "officer", "publicity", "support"],
        )
    worker = auth.login("i18n_scan", temp)
    wwin = MainWindow(AppContext(db, auth, worker))
    wwin.resize(1280, 800)
    wwin.show()
    walk_tabs(wwin, look, settle, screens, "roles")
    for name, factory in _work_dialogs(AppContext(db, auth, worker), wwin):
        try:
            look(name, factory())
        except Exception as exc:
            screens[name] = {f"!! {type(exc).__name__}: {exc}"}
    wwin.close()
    for name, factory in _dialogs(ctx, win):
        try:
            look(name, factory())
        except Exception as exc:
            screens[name] = {f"!! {type(exc).__name__}: {exc}"}
    QApplication.processEvents()
    report(screens)


def walk_tabs(win, look, settle, screens, who: str) -> None:  # type: ignore[no-untyped-def]
    settle()  # the window restores the user's last tab on a zero timer: let that happen first
    for t in range(win.tabs.count()):
        win.tabs.setCurrentIndex(t)
        page = win.tabs.widget(t)
        for row in range(page.nav.count()):
            page.nav.setCurrentRow(row)
            settle()
            name = f"{who}_{page.platform.key}_{row:02d}"
            try:
                look(name, win, show=False)
            except Exception as exc:  # a screen that fails to open is reported, the scan goes on
                screens[name] = {f"!! {type(exc).__name__}: {exc}"}


def _work_dialogs(ctx, win):  # type: ignore[no-untyped-def]
    """Dialogs that open without a selected record."""
    from app.views.citizen.item_action_dialogs import AssignDialog, RatingDialog, TransitionDialog
    from app.views.dispatch.incident_create_dialog import IncidentCreateDialog
    from app.views.dispatch.incident_dialogs import CloseIncidentDialog, OfficerPicker, TaskDialog
    from app.views.dispatch.order_compose_dialog import OrderComposeDialog

    yield "dlg_incident_create", lambda: IncidentCreateDialog(ctx, win)
    yield "dlg_order_compose", lambda: OrderComposeDialog(ctx, win)
    yield "dlg_officer_picker", lambda: OfficerPicker(ctx, [], win)
    yield "dlg_task", lambda: TaskDialog([], win)
    yield "dlg_close_incident", lambda: CloseIncidentDialog("Test", win)
    yield "dlg_assign", lambda: AssignDialog(ctx.actor, [(1, "治安管理大队")], 1, win)
    yield "dlg_rating", lambda: RatingDialog(win)
    yield "dlg_request_materials", lambda: TransitionDialog("request_materials", ["户口簿", "身份证"], win)
    yield "dlg_reject", lambda: TransitionDialog("reject", (), win)
    try:
        from app.services.citizens import CITIZEN_SPEC
        from app.views.common.entity_form_dialog import EntityFormDialog
        from app.views.common.import_dialog import ImportDialog

        yield "dlg_import", lambda: ImportDialog(CITIZEN_SPEC, ctx.actor, win)
        yield "dlg_citizen_form", lambda: EntityFormDialog(CITIZEN_SPEC, ctx.actor, parent=win)
    except ImportError:
        pass


def _dialogs(ctx, win):  # type: ignore[no-untyped-def]
    from app.services import users
    from app.views.admin.audit_view import AuditDialog
    from app.views.admin.user_admin_dialog import UserAdminDialog, UserEditDialog
    from app.views.change_password_dialog import ChangePasswordDialog
    from app.views.settings_dialog import SettingsDialog

    with ctx.db.read_session() as s:
        roles = users.list_roles(s)
    yield "user_admin", lambda: UserAdminDialog(ctx, win)
    yield "user_edit", lambda: UserEditDialog(ctx, roles, None, win)
    yield "settings", lambda: SettingsDialog(ctx, win)
    yield "change_password", lambda: ChangePasswordDialog(ctx.auth, ctx.actor, parent=win)
    yield "audit", lambda: AuditDialog(ctx)


def report(screens: dict[str, set[str]]) -> None:
    literals = source_literals()
    placed: dict[str, set[str]] = defaultdict(set)  # literal -> screens
    unplaced: dict[str, set[str]] = defaultdict(set)
    for name, texts in screens.items():
        for text in texts:
            if text.startswith("!! "):
                print(f"{name}: {text}")
                continue
            if text in literals:
                hits = [text]
            else:  # assembled text: the longest literals inside it are the ones it was built from
                hits = sorted((lit for lit in literals if len(lit) >= 3 and lit in text), key=len, reverse=True)[:2]
            if hits:
                for lit in hits:
                    placed[lit].add(name)
            else:
                unplaced[text].add(name)
    print(f"== Chinese source literals still shown in English ({len(placed)}):")
    for lit in sorted(placed, key=lambda x: literals[x][0]):
        where = ", ".join(literals[lit][:3]) + (" …" if len(literals[lit]) > 3 else "")
        print(f"{where}\t{lit!r}\t[{_screens(placed[lit])}]")
    print(f"\n== Chinese text matching no literal (data, or assembled at run time) ({len(unplaced)}):")
    for text in sorted(unplaced):
        print(f"{text!r}\t[{_screens(unplaced[text])}]")


def _screens(names: set[str]) -> str:
    shown = sorted(names)
    return ", ".join(shown[:3]) + (f" +{len(shown) - 3}" if len(shown) > 3 else "")


if __name__ == "__main__":
    main()
