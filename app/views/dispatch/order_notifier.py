"""The notice in the window when an order (or a reminder about one) arrives, wherever the officer is working.

A small panel appears in the lower right corner of the main window with the titles and a 查看 button; the
status bar says the same, and the taskbar entry flashes (``QApplication.alert``). The panel hides itself
after :data:`SHOW_SECONDS`. 查看 brings the order inbox forward (:func:`reveal`) and opens the order.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.services.order_receipts import Notice
from app.views.dispatch.formatting import tr

SHOW_SECONDS = 30
BOTTOM_CLEARANCE = 56  # a row of buttons under a list, with its margins
_KIND_WORDS = {"new": "新警令", "reminder": "催签提醒", "escalation": "逾期未签收提醒"}


def notice_text(notices: Sequence[Notice]) -> str:
    lines = [f"【{tr(_KIND_WORDS.get(n.kind, n.kind))}】{n.title}" for n in notices[:4]]
    if len(notices) > 4:
        lines.append(tr("……共 {0} 条").format(len(notices)))
    return "\n".join(lines)


def reveal(widget: QWidget) -> None:
    """Bring ``widget`` forward through the stacks and tabs that hold it (the platform tab and section)."""
    child: QWidget = widget
    parent = child.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            index = parent.indexOf(child)
            holder = parent.parentWidget()
            nav = getattr(holder, "nav", None)
            if isinstance(holder, QTabWidget):
                holder.setCurrentIndex(index)
            elif nav is not None and hasattr(nav, "setCurrentRow"):
                nav.setCurrentRow(index)
            else:
                parent.setCurrentIndex(index)
        child, parent = parent, parent.parentWidget()
    bring_to_front(widget.window())


def bring_to_front(window: QWidget) -> None:
    """Raise and activate a top-level window (the offscreen test platform supports neither)."""
    if QGuiApplication.platformName() != "offscreen":
        window.raise_()
        window.activateWindow()


class NoticeToast(QFrame):
    """The panel in the corner of the window."""

    view_requested = Signal()

    def __init__(self, window: QWidget, text: str) -> None:
        super().__init__(window)
        self.setObjectName("order_notice_toast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#order_notice_toast { background: #fff8e1; border: 2px solid #e65100; border-radius: 6px; }"
        )
        title = QLabel(tr("收到新的警令通知"), self)
        title.setStyleSheet("font-weight: bold; color: #bf360c;")
        self.label = QLabel(text, self)
        self.label.setObjectName("notice_text")
        self.label.setWordWrap(True)
        self.view_button = QPushButton(tr("查看"), self)
        self.view_button.setObjectName("notice_view")
        close = QPushButton(tr("关闭"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.view_button)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.label)
        lay.addLayout(buttons)
        self.setFixedWidth(340)
        self.view_button.clicked.connect(self.view_requested)
        self.view_button.clicked.connect(self.close)
        close.clicked.connect(self.close)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.close)
        self.timer.start(SHOW_SECONDS * 1000)

    def place(self) -> None:
        """Bottom right of the window, above the status bar and clear of the buttons screens keep along their
        bottom edge (where desktop notices usually appear); the filters along the top stay uncovered."""
        window = self.parentWidget()
        if window is None:
            return
        self.adjustSize()
        margin = 16
        bottom = window.height() - BOTTOM_CLEARANCE
        if isinstance(window, QMainWindow) and window.statusBar().isVisible():
            bottom -= window.statusBar().height()
        self.move(max(0, window.width() - self.width() - margin), max(0, bottom - self.height()))


class OrderNotifier(QObject):
    """Shows notices over the window that holds ``host``; ``view_requested(order_id)`` on 查看.

    One panel, made on first need and only hidden afterwards: deleting a panel on close while its signals were
    connected to lambdas that held it is the double delete that crashed PySide 6.11 on another platform.
    """

    view_requested = Signal(int)

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.toast: NoticeToast | None = None
        self.last_text = ""
        self.order_id = 0

    def notify(self, notices: Sequence[Notice]) -> None:
        if not notices:
            return
        text = notice_text(notices)
        self.last_text = text
        self.order_id = notices[0].order_id
        window = self.host.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text.replace("\n", "  "), SHOW_SECONDS * 1000)
        toast = self.toast if self.toast is not None and isValid(self.toast) else None
        if toast is None or toast.parentWidget() is not window:
            toast = NoticeToast(window, text)
            toast.view_requested.connect(self._view)
            self.toast = toast
        toast.label.setText(text)
        toast.timer.start(SHOW_SECONDS * 1000)
        toast.place()
        toast.show()
        toast.raise_()
        QApplication.alert(window, 0)

    def _view(self) -> None:
        self.view_requested.emit(self.order_id)
