"""Opening a printed form's preview from a citizen-service screen, the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def open_preview(parent: QWidget, pdf: bytes, title: str, closed: Callable[[], None], name: str = "") -> Any:
    """Show ``pdf`` in a preview that deletes itself on close; ``closed`` is told when it goes.

    ``closed`` must be a bound method that forgets the screen's reference to the dialog, never a lambda
    holding the dialog: a lambda kept the deleted dialog's wrapper alive and freed it a second time.
    """
    from app.views.common.pdf_preview_dialog import PdfPreviewDialog

    dialog = PdfPreviewDialog(pdf, title, parent)
    if name:
        dialog.setObjectName(name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(closed)
    dialog.open()
    return dialog
