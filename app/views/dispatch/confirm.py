"""A window-modal question with Chinese buttons that calls back on 是 (used for every warn-then-insist step)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from app.views.dispatch.formatting import tr


def ask(
    parent: QWidget,
    title: str,
    text: str,
    yes_text: str,
    on_yes: Callable[[], None],
    *,
    informative: str = "",
    name: str = "confirm_box",
) -> QMessageBox:
    """Open the question (non-blocking) and return it; ``on_yes`` runs when the user confirms."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirm")
    box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)

    def answered(button: Any) -> None:
        if button is yes:
            on_yes()

    box.buttonClicked.connect(answered)
    box.open()
    return box
