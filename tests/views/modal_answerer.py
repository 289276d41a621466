"""GUI test helper: answer the modal boxes a dialog opens with exec(), and save screenshots when asked.

Set ``JINGWU_SHOTS=/some/folder`` to keep PNGs of the dialogs for a look.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.views.second_factor_dialog import RecoveryCodesDialog

SHOTS = os.environ.get("JINGWU_SHOTS", "")


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, name + ".png"))


class ModalAnswerer:
    """Every 30 ms: press Yes (else OK, else the first button) on visible message boxes and close recovery-code
    dialogs, remembering their texts; ``also`` handles other dialogs (return True when it did)."""

    def __init__(self, also=None, prefix: str = "box") -> None:  # type: ignore[no-untyped-def]
        self.seen: list[str] = []
        self.also = also
        self.prefix = prefix
        self.timer = QTimer()
        self.timer.timeout.connect(self._answer)
        self.timer.start(30)

    def _answer(self) -> None:
        for w in QApplication.topLevelWidgets():
            if not w.isVisible():
                continue
            if isinstance(w, QMessageBox):
                self.seen.append(w.text())
                shot(w, f"{self.prefix}_{len(self.seen)}")
                button = w.button(QMessageBox.StandardButton.Yes) or w.button(QMessageBox.StandardButton.Ok)
                (button or w.buttons()[0]).click()
            elif isinstance(w, RecoveryCodesDialog):
                self.seen.append(w.codes.toPlainText())
                shot(w, "sf_recovery_codes")
                w.accept()
            elif self.also is not None:
                self.also(w)

    def stop(self) -> None:
        self.timer.stop()
