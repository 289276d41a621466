"""The second factor on screen: enrolment at login with a QR code, the code step, admin role flags and reset."""

from __future__ import annotations

import subprocess

from conftest import STRONG_PASSWORD, make_user
from modal_answerer import ModalAnswerer, shot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from app.services import second_factor
from app.services.auth import PasswordAuthenticator
from app.services.second_factor import code_at, current_step
from app.views.admin.user_admin_dialog import UserAdminDialog
from app.views.app_context import AppContext
from app.views.login_dialog import LoginDialog
from app.views.second_factor_dialog import EnrolmentPanel, qr_pixmap
from app.views.second_factor_settings import OwnSecondFactorDialog, RequiredRolesDialog


def _ok(dlg) -> None:
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_qr_code_pixmap_has_the_quiet_zone_and_modules(qapp, tmp_path):
    uri = "otpauth://totp/%E5%B2%9A:clerk1?secret=JBSWY3DPEHPK3PXP&issuer=%E5%B2%9A"
    pix = qr_pixmap(uri, module_px=4)
    pix.save(str(tmp_path / "qr.png"))
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "qr.png")], capture_output=True, text=True
    )
    assert scanned.stdout.strip() == uri  # a real scanner reads the enrolment URI back
    image = pix.toImage()
    assert pix.width() == pix.height() and pix.width() % 4 == 0
    assert image.pixelColor(2, 2).name() == "#ffffff"  # quiet zone
    assert image.pixelColor(4 * 4 + 1, 4 * 4 + 1).name() == "#000000"  # the finder pattern's corner


def test_enrolment_at_login_then_the_code_step(qtbot, db, sync_ops):
    admin = make_user(db, "admin1", ["admin"])
    make_user(db, "clerk1", ["clerk"], display_name="李窗口")
    with db.session() as s:
        second_factor.set_required_roles(s, admin, {"clerk"})
    auth = PasswordAuthenticator(db)

    dlg = LoginDialog(auth, db.info.label, username="clerk1")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.password.setText(STRONG_PASSWORD)
    _ok(dlg)
    sf = dlg.second_factor_dialog
    assert sf.isVisible() and sf.panel is not None and not sf.panel.qr.pixmap().isNull()
    secret = sf.panel.secret.text().replace(" ", "")
    assert len(secret) >= 16
    qtbot.wait(100)
    assert sf.width() >= sf.panel.minimumSizeHint().width()  # the QR code and the steps are never squeezed
    shot(sf, "sf_enrolment")
    sf.code.setText("000000" if code_at(secret, current_step()) != "000000" else "111111")
    _ok(sf)
    assert "不正确" in sf.message.text() and dlg.actor is None
    answerer = ModalAnswerer()
    sf.code.setText(code_at(secret, current_step()))
    _ok(sf)
    answerer.stop()
    assert dlg.actor is not None and dlg.actor.display_name == "李窗口"
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert any(text.count("-") >= 20 for text in answerer.seen)  # ten codes xxxx-xxxx-xxxx shown once

    again = LoginDialog(auth, db.info.label, username="clerk1")
    qtbot.addWidget(again)
    again.show()
    again.password.setText(STRONG_PASSWORD)
    _ok(again)
    step = again.second_factor_dialog
    assert step.panel is None and "恢复码" in step.intro.text()
    shot(step, "sf_code_step")
    step.code.setText(code_at(secret, current_step() + 1))
    _ok(step)
    assert again.actor is not None


def test_administrator_marks_roles_and_resets_a_user(qtbot, db, sync_ops):
    admin = make_user(db, "admin1", ["admin"], display_name="王管理")
    officer = make_user(db, "officer1", ["officer"], display_name="张民警")
    with db.session() as s:
        enrolment = second_factor.begin_enrolment(s, officer.user_id, "officer1")
        second_factor.confirm_enrolment(
            s, officer, officer.user_id, code_at(enrolment.secret, current_step())
        )
    ctx = AppContext(db, PasswordAuthenticator(db), admin)
    users_dlg = UserAdminDialog(ctx)
    qtbot.addWidget(users_dlg)
    users_dlg.show()

    roles = RequiredRolesDialog(ctx, users_dlg.roles, users_dlg)
    qtbot.addWidget(roles)
    roles.boxes["supervisor"].setChecked(True)
    roles.boxes["officer"].setChecked(True)
    shot(roles, "sf_roles")
    roles.save()
    with db.read_session() as s:
        assert second_factor.required_role_codes(s) == {"supervisor", "officer"}

    row = next(i for i, u in enumerate(users_dlg.users) if u.username == "officer1")
    users_dlg.table.selectRow(row)
    answerer = ModalAnswerer()
    users_dlg.findChild(QPushButton, "reset_second_factor").click()
    qtbot.waitUntil(lambda: len(answerer.seen) >= 2, timeout=3000)
    answerer.stop()
    assert "清除" in answerer.seen[0] and "已清除" in answerer.seen[1]
    with db.read_session() as s:
        assert not second_factor.is_enrolled(s, officer.user_id)


def test_users_set_up_their_own_code_from_the_menu(qtbot, db, sync_ops):
    officer = make_user(db, "officer1", ["officer"], display_name="张民警")
    ctx = AppContext(db, PasswordAuthenticator(db), officer)
    dlg = OwnSecondFactorDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "未启用" in dlg.status_label.text() and dlg.enrol_button.isVisible()
    dlg.enrol()
    qtbot.waitUntil(lambda: dlg.enrol_button.isEnabled() is False)
    qtbot.wait(100)  # widgets added to a visible dialog are shown and laid out on the next event loop pass
    panel = dlg.findChild(EnrolmentPanel)
    assert panel.isVisible() and panel.width() >= panel.minimumSizeHint().width()
    shot(dlg, "sf_own_enrol")
    with db.read_session() as s:
        from app.models.second_factor import UserSecondFactor
        from app.services.second_factor_seal import unseal

        secret = unseal(s.get(UserSecondFactor, officer.user_id).secret_sealed, officer.user_id)
    assert secret is not None
    answerer = ModalAnswerer()
    dlg.code.setText(code_at(secret, current_step()))
    dlg._confirm()
    answerer.stop()
    assert dlg.result() == QDialog.DialogCode.Accepted and answerer.seen
    with db.read_session() as s:
        assert second_factor.status(s, officer.user_id).enrolled
