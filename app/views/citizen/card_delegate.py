"""Paints the time-limit column as a card: yellow when one working day is left, red when overdue."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

# display text -> (background, text colour); the texts are the card names of service_item.CARD_NAMES
CARD_COLOURS = {
    "黄牌": ("#fbc02d", "#3e2723"),
    "红牌": ("#d32f2f", "#ffffff"),
    "暂停计时": ("#cfd8dc", "#37474f"),
    "超期办结": ("#ffcdd2", "#b71c1c"),
}


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        colours = CARD_COLOURS.get(str(text or ""))
        if colours is None:
            super().paint(painter, option, index)
            return
        painter.save()
        try:
            rect: QRect = option.rect.adjusted(3, 3, -3, -3)  # type: ignore[attr-defined]
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colours[0]))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor(colours[1]))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        finally:
            painter.restore()
