"""Small helpers shared by the publicity screens: keeping ops alive, previews, saving exports, a date pair."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QFileDialog, QWidget

WATCHED = frozenset({"publicity_item", "publicity_version", "publicity_release", "publicity_release_item"})
CHANNEL_FILES = {
    "website": ("网页文件 (*.html)", ".html"),
    "mobile": ("文本文件 (*.txt)", ".txt"),
    "tv": ("文本文件 (*.txt)", ".txt"),
    "flyer": ("PDF 文件 (*.pdf)", ".pdf"),
}


class OpKeeper:
    """Keeps running ops referenced until they finish (a dropped op would never deliver its result)."""

    def __init__(self) -> None:
        self.ops: list[Any] = []

    def start(self, op: Any) -> Any:
        self.ops.append(op)
        return op.finished(lambda: self.ops.remove(op) if op in self.ops else None).start()


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def date_edit(value: date, name: str) -> QDateEdit:
    edit = QDateEdit(qdate(value))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def discard(dialog: QWidget | None) -> None:
    """Free a dialog that has served its turn, at once.

    Detached from its parent it belongs to Python and goes when the last reference does. (Deleting on close
    while the screen still referenced the dialog crashed in a later event loop: a double delete.)
    """
    if dialog is None:
        return
    try:
        dialog.close()
        dialog.setParent(None)
    except RuntimeError:  # already gone with its parent
        pass


def show_pdf(parent: QWidget, pdf: bytes, title: str, previous: QWidget | None = None) -> QWidget:
    """Open the preview of a PDF; ``previous`` (the last preview of the same screen) is freed first."""
    from app.views.common.pdf_preview_dialog import PdfPreviewDialog

    discard(previous)
    dialog = PdfPreviewDialog(pdf, title, parent)
    dialog.open()
    return dialog


def ask_path(parent: QWidget, title: str, name: str, channel: str) -> Path | None:
    """Where to save a channel's output (None when the user cancels)."""
    pattern, suffix = CHANNEL_FILES[channel]
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / f"{name}{suffix}"), pattern)
    if not path:
        return None
    target = Path(path)
    return target if target.suffix.lower() == suffix else target.with_suffix(suffix)


def write_output(path: Path, content: str | bytes) -> Path:
    """Text as UTF-8 (what browsers and the newspaper's system expect), PDFs as bytes."""
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
