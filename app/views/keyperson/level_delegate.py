"""Colours in every keyperson list: the warning level as its colour, an incomplete 一人四管 in red."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

LEVEL_BACKGROUND = {
    "蓝色预警": "#cfe3fb",
    "黄色预警": "#fff3b0",
    "橙色预警": "#ffd7a8",
    "高风险警报": "#f8b4b4",
}
LEVEL_FIELDS = ("level",)
FLAG_FIELDS = ("keepers_missing", "person_keepers_missing")
FLAG_COLOUR = "#c62828"


class LevelDelegate(QStyledItemDelegate):
    def __init__(self, kind: str, parent: QTableView | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # "level" or "flag"

    def initStyleOption(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        text = option.text  # type: ignore[attr-defined]
        if self.kind == "level" and text in LEVEL_BACKGROUND:
            option.backgroundBrush = QBrush(QColor(LEVEL_BACKGROUND[text]))  # type: ignore[attr-defined]
        elif self.kind == "flag" and text.startswith("⚠"):
            option.palette.setColor(option.palette.ColorRole.Text, QColor(FLAG_COLOUR))  # type: ignore[attr-defined]
            font = QFont(option.font)  # type: ignore[attr-defined]
            font.setBold(True)
            option.font = font  # type: ignore[attr-defined]


def colour_columns(table: QTableView, fields: tuple[object, ...]) -> None:
    """Install the delegates on the level and 一人四管 columns of a list built from ``fields``."""
    for column, f in enumerate(fields):
        name = getattr(f, "name", "")
        if name in LEVEL_FIELDS:
            table.setItemDelegateForColumn(column, LevelDelegate("level", table))
        elif name in FLAG_FIELDS:
            table.setItemDelegateForColumn(column, LevelDelegate("flag", table))
