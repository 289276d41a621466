"""系统 → 设置 configures an encrypted, verified PostgreSQL connection (issue 9): the switch and the CA file end up
as ``sslmode=verify-full&sslrootcert=...`` in the stored URL, a CA is required for it, and turning it off
removes both."""

from __future__ import annotations

from conftest import make_user
from PySide6.QtWidgets import QMessageBox

from app.core import config
from app.services.auth import PasswordAuthenticator
from app.services.pg_security.tls import tls_of
from app.views.app_context import AppContext
from app.views.settings_dialog import SettingsDialog


def test_verify_full_and_the_ca_file_are_stored_in_the_url(qtbot, db, monkeypatch, tmp_path):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    actor = make_user(db, "admin1", ["admin"])
    dlg = SettingsDialog(AppContext(db, PasswordAuthenticator(db), actor))
    qtbot.addWidget(dlg)
    dlg.db_url.setText("postgresql+psycopg://db.langao.gov/jingwu")
    dlg.verify_tls.setChecked(True)
    dlg.save()
    assert warnings == ["验证服务器证书需要填写 CA 证书文件。"] and config.get("database", "url") != dlg.db_url.text()
    ca = str(tmp_path / "ca.crt")
    dlg.ca_file.setText(ca)
    dlg.show()
    dlg.grab().save(str(tmp_path / "settings.png"))
    dlg.save()
    stored = config.get("database", "url")
    assert stored.startswith("postgresql+psycopg://db.langao.gov/jingwu?") and tls_of(stored) == (True, ca)
    again = SettingsDialog(AppContext(db, PasswordAuthenticator(db), actor))
    qtbot.addWidget(again)
    assert again.verify_tls.isChecked() and again.ca_file.text() == ca
    again.verify_tls.setChecked(False)
    again.save()
    assert config.get("database", "url") == "postgresql+psycopg://db.langao.gov/jingwu"
    config.put("database", "url", "")
