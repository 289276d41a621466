"""The second factor on screen: the code after the password, enrolment with a QR code, recovery codes.

The QR code is drawn from the same encoder as printed forms (reportlab's, app/printing/qr.py) into a pixmap;
the secret is shown beside it in groups of four for apps that are typed into by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError, ValidationError
from app.views.common.form_helpers import ERROR_STYLE
from app.views.common.run_op import run_op, show_error

if TYPE_CHECKING:
    from app.services.second_factor import Challenge, Enrolment

QUIET = 4


def qr_pixmap(text: str, module_px: int = 5) -> QPixmap:
    """The QR code of ``text`` with its quiet zone, ``module_px`` pixels per module (crisp, no scaling)."""
    from app.printing.qr import qr_matrix

    matrix = qr_matrix(text, "M")
    side = (len(matrix) + 2 * QUIET) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    (c + QUIET) * module_px,
                    (r + QUIET) * module_px,
                    module_px,
                    module_px,
                    Qt.GlobalColor.black,
                )
    painter.end()
    return QPixmap.fromImage(image)


def grow_to_fit(dialog: QWidget) -> None:
    """After widgets were added to a visible dialog: make it at least as big as they need, once laid out."""

    def fit() -> None:
        dialog.setMinimumSize(dialog.minimumSizeHint())
        dialog.adjustSize()

    QTimer.singleShot(0, fit)


def _code_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName("code")
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(20)
    font = QFont(edit.font())
    font.setPointSize(font.pointSize() + 4)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 3)
    edit.setFont(font)
    return edit


class EnrolmentPanel(QWidget):
    """QR code, secret text and the steps; the caller asks for the confirming code below it."""

    def __init__(self, enrolment: Enrolment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qr = QLabel()
        self.qr.setObjectName("enrol_qr")
        pixmap = qr_pixmap(enrolment.uri, module_px=4)
        self.qr.setPixmap(pixmap)
        self.qr.setFixedSize(pixmap.size())  # never squeezed: a clipped code does not scan
        steps = QLabel(
            self.tr(
                "1. 在手机上打开验证器应用（如“腾讯身份验证器”、Microsoft Authenticator、Google Authenticator），"
                "选择“扫描二维码”，扫描左边的二维码。\n"
                "2. 无法扫描时，选择“手动输入密钥”，输入下面的密钥（基于时间）。\n"
                "3. 在下方输入验证器显示的 6 位数字，确认后即启用。"
            )
        )
        steps.setWordWrap(True)
        self.secret = QLabel(enrolment.grouped_secret)
        self.secret.setObjectName("enrol_secret")
        self.secret.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.secret.setStyleSheet("font-family: monospace; font-size: 12pt; font-weight: bold;")
        self.secret.setWordWrap(True)
        steps.setMinimumWidth(340)
        right = QVBoxLayout()
        right.addWidget(steps)
        right.addWidget(QLabel(self.tr("密钥：")))
        right.addWidget(self.secret)
        right.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(right, 1)


class SecondFactorDialog(QDialog):
    """After a correct password: type the code, or (first time, for a role that requires it) enrol."""

    logged_in = Signal(object)  # the Actor

    def __init__(self, auth: Any, challenge: Challenge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.auth = auth
        self.challenge = challenge
        self.actor: Any = None
        self.recovery_codes: list[str] = []
        self.setObjectName("second_factor_dialog")
        self.setWindowTitle(self.tr("动态验证码"))
        self.setMinimumWidth(460)
        self.lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.lay.addWidget(self.intro)
        self.panel: EnrolmentPanel | None = None
        self.code = _code_edit(self.tr("6 位数字"))
        self.lay.addWidget(self.code)
        self.message = QLabel()
        self.message.setObjectName("second_factor_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.lay.addWidget(self.buttons)
        if challenge.enrolled:
            self.intro.setText(
                self.tr(
                    "请打开手机上的验证器，输入“{0}”当前显示的 6 位动态验证码。手机不在身边时，可输入一个恢复码。"
                ).format(challenge.display_name)
            )
            self.code.setPlaceholderText(self.tr("6 位数字，或恢复码"))
        else:
            self.intro.setText(self.tr("您的角色要求登录时使用动态验证码。请先设置（只需一次）："))
            self.buttons.setEnabled(False)
            run_op(self, lambda: auth.begin_enrolment(challenge), session=False).success(
                self._show_enrolment
            ).failure(self._failed).start()
        self.code.setFocus()

    def _show_enrolment(self, enrolment: Enrolment) -> None:
        self.panel = EnrolmentPanel(enrolment, self)
        self.lay.insertWidget(1, self.panel)
        self.buttons.setEnabled(True)
        grow_to_fit(self)
        self.code.setFocus()

    @Slot()
    def submit(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.message.setText(self.tr("请输入验证码。"))
            return
        auth, challenge = self.auth, self.challenge
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在验证……"))
        if challenge.enrolled:
            op = run_op(self, lambda: auth.verify_second_factor(challenge, code), session=False).success(
                self._done
            )
        else:
            op = run_op(self, lambda: auth.confirm_enrolment(challenge, code), session=False).success(
                self._enrolled
            )
        op.failure(self._failed).finished(lambda: self.buttons.setEnabled(True)).start()

    def _enrolled(self, result: tuple[Any, list[str]]) -> None:
        actor, self.recovery_codes = result
        show_recovery_codes(self, self.recovery_codes)
        self._done(actor)

    def _done(self, actor: Any) -> None:
        self.actor = actor
        self.message.clear()
        self.logged_in.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.code.clear()
        self.code.setFocus()
        if isinstance(exc, ValidationError) and exc.field_errors:
            self.message.setText("；".join(exc.field_errors.values()))
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message())
            if exc.code in ("account_locked", "account_disabled", "second_factor_expired"):
                self.code.setEnabled(False)
                self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        else:
            self.message.clear()
            show_error(self, exc)


class RecoveryCodesDialog(QDialog):
    """Recovery codes, shown once: each opens the account once when the phone is lost."""

    def __init__(self, codes: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_codes_dialog")
        self.setWindowTitle(self.tr("恢复码"))
        text = QLabel(
            self.tr(
                "以下 {0} 个恢复码只显示这一次。请抄写或打印后妥善保管（不要存在手机上）。"
                "手机丢失或更换时，每个恢复码可代替动态验证码登录一次。"
            ).format(len(codes))
        )
        text.setWordWrap(True)
        self.codes = QPlainTextEdit("\n".join(f"{i + 1:>2}.  {c}" for i, c in enumerate(codes)))
        self.codes.setObjectName("recovery_codes")
        self.codes.setReadOnly(True)
        self.codes.setStyleSheet("font-family: monospace; font-size: 12pt;")
        self.codes.setMinimumHeight(260)
        ok = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("已记下"))
        ok.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(self.codes)
        lay.addWidget(ok)
        self.setMinimumWidth(420)


def show_recovery_codes(parent: QWidget | None, codes: list[str]) -> None:
    RecoveryCodesDialog(codes, parent).exec()
