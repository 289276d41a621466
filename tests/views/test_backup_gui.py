"""Backups on screen: the administrator's backup and restore dialog, and the restore offered at start-up."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import TEST_PG_URL, make_user
from modal_answerer import ModalAnswerer, shot
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from sqlalchemy import func, select

from app.models.accounts import User
from app.services import backup
from app.services.auth import PasswordAuthenticator
from app.views.app_context import AppContext
from app.views.backup_dialog import BackupDialog
from app.views.restore_offer_dialog import RestoreOfferDialog
from app.views.session_flow import SessionFlow


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user data folder of this test's own (the backup folder lives in it)."""
    monkeypatch.setenv("JINGWU_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _users(db) -> int:  # type: ignore[no-untyped-def]
    with db.read_session() as s:
        return s.execute(select(func.count()).select_from(User)).scalar_one()


def test_administrator_backs_up_and_restores_from_the_menu(qtbot, db, sync_ops, home):
    admin = make_user(db, "admin1", ["admin"], display_name="王管理")
    ctx = AppContext(db, PasswordAuthenticator(db), admin)
    dlg = BackupDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.table.rowCount() == 0
    answerer = ModalAnswerer(prefix="backup")
    dlg.findChild(QPushButton, "backup_now").click()
    qtbot.waitUntil(lambda: bool(answerer.seen), timeout=5000)
    assert "已备份到" in answerer.seen[0] and dlg.table.rowCount() == 1
    info = dlg.table.infos[0]
    assert info.path.parent == backup.backup_dir() and info.manifest_path.exists()
    shot(dlg, "backup_dialog")

    make_user(db, "after1", ["clerk"])  # a change after the backup: the restore takes it away
    assert _users(db) == 2
    restored = []
    dlg.restored.connect(lambda: restored.append(True))
    dlg.findChild(QPushButton, "restore_selected").click()
    qtbot.waitUntil(lambda: bool(restored), timeout=20000)
    answerer.stop()
    assert any("替换当前数据库" in t for t in answerer.seen) and any(
        "恢复完成" in t or "已从" in t for t in answerer.seen
    )
    assert _users(db) == 1


def test_a_damaged_backup_is_refused_in_the_dialog(qtbot, db, sync_ops, home):
    admin = make_user(db, "admin1", ["admin"])
    url = db.url.render_as_string(hide_password=False)
    info = backup.create(url)
    raw = bytearray(info.path.read_bytes())
    raw[-100] ^= 0x55
    info.path.write_bytes(bytes(raw))
    make_user(db, "after1", ["clerk"])
    dlg = BackupDialog(AppContext(db, PasswordAuthenticator(db), admin))
    qtbot.addWidget(dlg)
    dlg.show()
    answerer = ModalAnswerer(prefix="backup_refused")
    dlg.findChild(QPushButton, "restore_selected").click()
    qtbot.waitUntil(lambda: any("校验值不符" in t for t in answerer.seen), timeout=5000)
    answerer.stop()
    assert _users(db) == 2  # nothing changed


def _damage(path: Path) -> None:
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit_record'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\xa5" * page)


@pytest.mark.skipif(bool(TEST_PG_URL), reason="the embedded SQLite file")
def test_a_damaged_database_at_start_offers_the_latest_backup(qtbot, db, sync_ops, home):
    make_user(db, "admin1", ["admin"])
    url = db.url.render_as_string(hide_password=False)
    backup.create(url)
    latest = backup.create(url)
    db.dispose()
    _damage(Path(db.url.database))

    offered = []

    def restore_when_offered(w) -> None:  # type: ignore[no-untyped-def]
        if isinstance(w, RestoreOfferDialog) and not offered:
            offered.append(w)
            assert w.table.rowCount() == 2 and w.table.selected().path == latest.path  # newest preselected
            shot(w, "restore_offer")
            w.findChild(QPushButton, "restore_selected").click()

    answerer = ModalAnswerer(also=restore_when_offered)
    flow = SessionFlow(url)
    flow.start()
    qtbot.waitUntil(lambda: flow.db is not None, timeout=20000)
    answerer.stop()
    assert offered and "已损坏" in offered[0].windowTitle()
    login = flow.login_dialog
    assert login is not None and login.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert _users(flow.db) == 1
    flow.db.dispose()
    login.close()


@pytest.mark.skipif(bool(TEST_PG_URL), reason="the embedded SQLite file")
def test_quitting_instead_of_restoring(qtbot, db, sync_ops, home):
    url = db.url.render_as_string(hide_password=False)
    db.dispose()
    _damage(Path(db.url.database))
    before = Path(db.url.database).read_bytes()

    def quit_when_offered(w) -> None:  # type: ignore[no-untyped-def]
        if isinstance(w, RestoreOfferDialog):
            assert not w.restore_button.isEnabled() and w.empty.isVisible()  # no backups yet
            w.findChild(QPushButton, "quit").click()

    answerer = ModalAnswerer(also=quit_when_offered)
    flow = SessionFlow(url)
    finished = []
    flow.finished.connect(lambda: finished.append(True))
    flow.start()
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    answerer.stop()
    assert flow.exit_code == 2 and flow.db is None
    assert Path(db.url.database).read_bytes() == before  # the damaged file is left exactly as it was
    flow.login_dialog.close()
