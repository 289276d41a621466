"""Lock the window after a period without keyboard or mouse input; all data is hidden until unlocked."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.views.common.form_helpers import ERROR_STYLE

IDLE_MINUTES = 15
_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Watches input application-wide and emits ``idle_reached`` once the limit passes."""

    idle_reached = Signal()

    def __init__(self, limit_seconds: float = IDLE_MINUTES * 60, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit_seconds = limit_seconds
        self.last_input = time.monotonic()
        self.paused = False
        self.timer = QTimer(self)
        self.timer.setInterval(max(200, min(5000, int(limit_seconds * 250))))
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        if not self.paused and time.monotonic() - self.last_input >= self.limit_seconds:
            self.paused = True
            self.idle_reached.emit()

    def resume(self) -> None:
        self.last_input = time.monotonic()
        self.paused = False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockPage(QWidget):
    """What the locked window shows instead of its data."""

    unlock_requested = Signal(str)
    logout_requested = Signal()

    def __init__(self, display_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_page")
        title = QLabel(self.tr("屏幕已锁定"))
        title.setStyleSheet("font-size: 20pt; font-weight: bold; color: #0d3c84;")
        who = QLabel(
            self.tr("{0} 已离开超过规定时间，为保护群众信息，界面已隐藏。请输入密码解锁。").format(
                display_name
            )
        )
        who.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.password.returnPressed.connect(self._unlock)
        self.message = QLabel()
        self.message.setObjectName("unlock_message")
        self.message.setStyleSheet(ERROR_STYLE)
        unlock = QPushButton(self.tr("解锁"))
        unlock.setObjectName("unlock_button")
        unlock.clicked.connect(self._unlock)
        logout = QPushButton(self.tr("退出登录"))
        logout.clicked.connect(self.logout_requested)
        box = QWidget()
        box.setObjectName("lock_box")
        box.setFixedWidth(480)
        inner = QVBoxLayout(box)
        inner.setSpacing(10)
        for w in (title, who, self.password, self.message, unlock, logout):
            inner.addWidget(w)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)

    def _unlock(self) -> None:
        self.unlock_requested.emit(self.password.text())
        self.password.clear()
