"""The generic list screen with the publicity platform's own actions.

Actions the declaration offers but the platform does through its own dialogs are hidden rather than shown
disabled; extra actions follow the selection and the actor's permissions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QSettings, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.models.permissions import PERMISSION_NAMES
from app.services.entity_spec import EntitySpec
from app.views.app_context import AppContext
from app.views.common.entity_screen import EntityScreen


class PublicityListScreen(EntityScreen):
    def __init__(
        self,
        spec: EntitySpec,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        hide: Iterable[str] = ("create", "delete", "import"),
        settings: QSettings | None = None,
    ) -> None:
        self.ctx = ctx
        self._extra: list[tuple[QAction, str | None, bool]] = []
        super().__init__(spec, ctx.actor, parent, feed=ctx.signals, settings=settings)
        for name in hide:
            self.actions_by_name[name].setVisible(False)
        self.table.selectionModel().selectionChanged.connect(self._update_extra)
        self.model.modelReset.connect(self._update_extra)

    def add_action(
        self,
        name: str,
        text: str,
        handler: Callable[[], Any],
        *,
        permission: str | None = None,
        needs_row: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        action.triggered.connect(handler)
        self.toolbar.insertAction(self.actions_by_name["export"], action)
        self.actions_by_name[name] = action
        self._extra.append((action, permission, needs_row))
        self._update_extra()
        return action

    @Slot()
    def _update_extra(self) -> None:
        selected = self.selected_row() is not None
        for action, permission, needs_row in self._extra:
            allowed = permission is None or self.actor.can(permission)
            action.setEnabled(allowed and (selected or not needs_row))
            if not allowed:
                name = PERMISSION_NAMES.get(permission or "", permission or "")
                action.setToolTip(self.tr("您没有“{0}”的权限，如需办理请联系系统管理员。").format(name))
            elif needs_row and not selected:
                action.setToolTip(self.tr("请先在列表中选中一条记录"))
            else:
                action.setToolTip(action.text())
