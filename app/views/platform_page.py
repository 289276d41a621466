"""One platform's tab: its sections on the left, the open section on the right.

Sections a role may not open are not listed; a platform whose screens are not yet available says so
plainly instead of showing an empty page.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.views.app_context import AppContext
from app.views.platforms import Platform

log = logging.getLogger(__name__)


class PlatformPage(QWidget):
    """``build_now=False`` lists the sections but builds the first one only when the page is first shown or
    :meth:`build_current` is called (the main window builds the tabs behind the current one after it painted)."""

    def __init__(
        self, platform: Platform, ctx: AppContext, parent: QWidget | None = None, *, build_now: bool = True
    ) -> None:
        super().__init__(parent)
        self.platform = platform
        self.ctx = ctx
        self.setObjectName(f"platform_{platform.key}")
        self.nav = QListWidget()
        self.nav.setObjectName("section_nav")
        self.nav.setFixedWidth(168)
        self.stack = QStackedWidget()
        self._built: dict[int, QWidget] = {}
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.sections = [s for s in platform.sections if ctx.actor.can(s.permission)]
        for section in self.sections:
            item = QListWidgetItem(QCoreApplication.translate("platform", section.title))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())
        overview = self._overview()
        self.nav.addItem(QListWidgetItem(self.tr("平台概览")))
        self.stack.addWidget(overview)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.nav.setCurrentRow(0)
        self.nav.currentRowChanged.connect(self._open)
        if build_now:
            self.build_current()

    def build_current(self) -> None:
        """Build the open section if it is not built yet (cheap when it is)."""
        self._open(self.nav.currentRow())

    def is_built(self) -> bool:
        row = self.nav.currentRow()
        return row >= len(self.sections) or row in self._built

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        self.build_current()
        super().showEvent(event)

    def _overview(self) -> QWidget:
        page = QWidget()
        page.setObjectName("platform_overview")
        lay = QVBoxLayout(page)
        title = QLabel(self.platform.tr_title())
        title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #0d3c84;")
        summary = QLabel(QCoreApplication.translate("platform", self.platform.summary))
        summary.setWordWrap(True)
        lay.addWidget(title)
        lay.addWidget(summary)
        if self.platform.planned:
            planned = self.tr("、").join(
                QCoreApplication.translate("platform", t) for t in self.platform.planned
            )
            note = QLabel(self.tr("以下功能尚未在本版本中开通：{0}。").format(planned))
            note.setObjectName("planned_note")
            note.setWordWrap(True)
            note.setStyleSheet("color: #8a6d3b; background: #fcf8e3; padding: 8px; border-radius: 4px;")
            lay.addWidget(note)
        if not self.sections and self.platform.sections:
            hidden = QLabel(self.tr("您的角色没有打开本平台任何功能的权限；如需使用，请联系系统管理员。"))
            hidden.setWordWrap(True)
            lay.addWidget(hidden)
        lay.addStretch(1)
        lay.setAlignment(Qt.AlignmentFlag.AlignTop)
        return page

    @Slot(int)
    def _open(self, row: int) -> None:
        if row < 0:
            return
        if row < len(self.sections) and row not in self._built:
            widget = self.sections[row].factory(self.ctx)
            old = self.stack.widget(row)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(row, widget)
            self._built[row] = widget
        self.stack.setCurrentIndex(row)

    def current_screen(self) -> QWidget | None:
        self.build_current()
        return self.stack.currentWidget()
