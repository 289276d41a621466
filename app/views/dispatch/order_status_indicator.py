"""The lasting sign in the main window's status bar: how many orders the officer has not yet acknowledged.

The corner notice (:mod:`app.views.dispatch.order_notifier`) goes away after a while; this button stays in the
status bar, whichever platform tab is showing, until every order is acknowledged. Clicking it brings the
order inbox forward. The inbox installs it (:func:`install`) once it sits in a main window, and it goes with
the inbox (a rebuilt platform tab brings its own), so the main window needs no code of its own for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

from app.views.dispatch.formatting import tr

_WAITING_STYLE = (
    "QPushButton { color: #ffffff; background: #c62828; border: none; border-radius: 3px; padding: 1px 8px; }"
)


class OrderStatusIndicator(QPushButton):
    """「未签收警令 N 条」: shown only while something waits; a click asks for the inbox."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("order_status_indicator")
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tr("点击打开“我的警令”"))
        self.setStyleSheet(_WAITING_STYLE)
        self.waiting = 0
        self.hide()

    def set_waiting(self, count: int) -> None:
        self.waiting = max(0, count)
        self.setText(tr("未签收警令 {0} 条").format(self.waiting))
        self.setVisible(self.waiting > 0)


def install(inbox: QWidget, indicator: OrderStatusIndicator) -> bool:
    """Put ``indicator`` in the status bar of the main window holding ``inbox`` (once); False if none yet."""
    window = inbox.window()
    if not isinstance(window, QMainWindow) or window is inbox:
        return False
    bar = window.statusBar()
    if indicator.parentWidget() is not bar:
        visible = indicator.waiting > 0
        bar.addPermanentWidget(indicator)  # insertPermanentWidget(0) warns once the bar has ordinary widgets
        indicator.setVisible(visible)
        inbox.destroyed.connect(indicator.deleteLater)
    return True
