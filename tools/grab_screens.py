"""Grab the main screens offscreen into PNG files, to look at them (Chinese rendering, clipping, layout).

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/grab_screens.py OUTDIR [--lang en]
Builds a throwaway database with demo data in a temporary JINGWU_HOME.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("JINGWU_HOME", tempfile.mkdtemp(prefix="jingwu-shots-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PASSWORD = "Screens-Look-2026!"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)

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
            try:
                from app.services import demo_data

                demo_data.load_demo(s, citizens=300)
            except ImportError:
                pass
    auth = PasswordAuthenticator(db)
    admin = auth.login("admin", PASSWORD)

    from app.views.common import run_op

    run_op.configure(db)
    run_op.set_synchronous(True)

    def shot(widget, name: str, size=None) -> None:  # type: ignore[no-untyped-def]
        if size:
            widget.resize(*size)
        widget.show()
        for _ in range(20):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    from app.views.first_start_dialog import FirstStartDialog
    from app.views.login_dialog import LoginDialog

    shot(LoginDialog(auth, db.info.label, username="admin"), "login")
    shot(FirstStartDialog(db.info.label), "first_start")

    from app.views.app_context import AppContext
    from app.views.main_window import MainWindow

    ctx = AppContext(db, auth, admin)
    win = MainWindow(ctx)
    win.tabs.setCurrentIndex(1)
    shot(win, "main_window_admin", (1280, 800))
    win.tabs.setCurrentIndex(2)
    shot(win, "main_window_keyperson_tab", (1280, 800))
    from app.views.admin.user_admin_dialog import UserAdminDialog

    shot(UserAdminDialog(ctx, win), "user_admin")
    from app.views.settings_dialog import SettingsDialog

    shot(SettingsDialog(ctx, win), "settings")
    win.lock()
    shot(win, "locked", (1280, 800))
    auditor_user = "auditor_shot"
    with db.session() as s:
        info, temp = users.create_user(s, admin, username=auditor_user, display_name="赵审计", roles=["auditor"])
    auditor = auth.login(auditor_user, temp)
    actx = AppContext(db, auth, auditor)
    from app.views.admin.audit_view import AuditDialog

    shot(AuditDialog(actx), "audit_trail", (1200, 640))
    shot(MainWindow(actx), "main_window_auditor", (1000, 600))
    QApplication.processEvents()


if __name__ == "__main__":
    main()
