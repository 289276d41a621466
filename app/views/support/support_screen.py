"""The list screen every 警务保障 function uses: the generic screen with the function's own actions, and
buttons that follow the administrator's matrix while the user is logged in.

The shared screen enables buttons from the actor's permission snapshot; here the snapshot is read again from
the database whenever ``role_permission`` or ``user_role`` changes (on this workstation or, through the change
feed, on another), so a new grant shows without logging in again. The services check on every call anyway.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QWidget

from app.core.errors import DomainError
from app.models.permissions import PERMISSION_NAMES
from app.services.context import Actor
from app.services.entity_spec import EntitySpec, Row
from app.services.permissions import permissions_of
from app.views.app_context import AppContext
from app.views.common.entity_screen import EntityScreen
from app.views.common.run_op import run_op, show_error

PERMISSION_TABLES = frozenset({"role_permission", "user_role", "role", "app_user"})


class SupportScreen(EntityScreen):
    """A function's list with extra actions (审批, 撤回, 销假...) enabled by permission, selection and state."""

    def __init__(
        self,
        spec: EntitySpec,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        hide: Iterable[str] = (),
        settings: Any = None,
    ) -> None:
        self.ctx = ctx
        self._extra: list[tuple[QAction, str | None, bool, Callable[[Row], bool] | None]] = []
        super().__init__(spec, ctx.actor, parent, feed=ctx.signals, settings=settings)
        for name in hide:
            self.actions_by_name[name].setVisible(False)
        self.table.selectionModel().selectionChanged.connect(self._update_extra)
        self.model.modelReset.connect(self._update_extra)
        self.model.loaded.connect(self._update_extra)
        ctx.signals.changed.connect(self._tables_changed)
        ctx.signals.actor_changed.connect(self._set_actor)

    # -- live permissions ------------------------------------------------------------------------------------
    @Slot(object)
    def _tables_changed(self, tables: Any) -> None:
        if PERMISSION_TABLES & set(tables or ()):
            self.reload_permissions()

    def reload_permissions(self) -> None:
        """Read the actor's permissions again and follow them (buttons, list, form)."""
        actor = self.actor
        if actor.user_id is None:
            return
        uid = actor.user_id
        op = run_op(self, lambda s: permissions_of(s, uid), readonly=True)
        self._keep(
            op.success(lambda perms: self._set_actor(dataclasses.replace(self.actor, permissions=perms)))
        )

    @Slot(object)
    def _set_actor(self, actor: Actor) -> None:
        if actor.user_id != self.actor.user_id:
            return
        self.actor = actor
        self.model.actor = actor
        self._update_actions()
        self._update_extra()
        if actor.can(self.spec.permissions.get("view", "")):
            self.table.setEnabled(True)
            self.filter_bar.setEnabled(True)
            self.status_label.setText("")
        self.model.refresh(frozenset({self.spec.model.__tablename__}))

    # -- extra actions ----------------------------------------------------------------------------------------
    def add_action(
        self,
        name: str,
        text: str,
        handler: Callable[[], Any],
        *,
        permission: str | None = None,
        needs_row: bool = True,
        when: Callable[[Row], bool] | None = None,
    ) -> QAction:
        """An action before 导出Excel; enabled when permitted, a row is selected and ``when(row)`` holds."""
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        action.triggered.connect(handler)
        self.toolbar.insertAction(self.actions_by_name["export"], action)
        self.actions_by_name[name] = action
        self._extra.append((action, permission, needs_row, when))
        self._update_extra()
        return action

    @Slot()
    def _update_extra(self) -> None:
        row = self.selected_row()
        for action, permission, needs_row, when in self._extra:
            allowed = permission is None or self.actor.can(permission)
            fits = row is not None and (when is None or when(row))
            action.setEnabled(allowed and (fits or not needs_row))
            if not allowed:
                name = PERMISSION_NAMES.get(permission or "", permission or "")
                action.setToolTip(self.tr("您没有“{0}”的权限，如需办理请联系系统管理员。").format(name))
            elif needs_row and row is None:
                action.setToolTip(self.tr("请先在列表中选中一条记录"))
            elif needs_row and not fits:
                action.setToolTip(self.tr("所选记录当前状态下不能办理此项"))
            else:
                action.setToolTip(action.text())

    def run_on_selected(self, step: Callable[[Any, Actor, int, int], Any], done_text: str) -> None:
        """A step on the selected record (publish, close, withdraw…): ``step(session, actor, id, version)``."""
        row = self.selected_row()
        if row is not None:
            actor, ident, version = self.actor, row.id, row.version
            self.run_service(lambda s: step(s, actor, ident, version), done_text, select=ident)

    def run_service(
        self, fn: Callable[[Any], Any], done_text: str = "", *, select: int | None = None
    ) -> None:
        """Run a service call; on success refresh the list (and tell the others), on refusal say why."""

        def ok(result: Any) -> None:
            tables = result if isinstance(result, frozenset) else frozenset({self.spec.model.__tablename__})
            self._changed(tables | {self.spec.model.__tablename__}, select=select)
            self.ctx.signals.changed.emit(frozenset(tables))
            if done_text:
                self.status_label.setStyleSheet("color: #2e7d32;")
                self.status_label.setText(done_text)

        def failed(exc: BaseException) -> None:
            self.status_label.setStyleSheet("color: #c62828;")
            if isinstance(exc, DomainError):
                self.status_label.setText(exc.message())
            else:
                show_error(self, exc)

        self._keep(run_op(self, fn).success(ok).failure(failed))


class ScreenTabs(QTabWidget):
    """Two or more lists of one function side by side (装备台账 | 装备领用); menu actions go to the open one."""

    def __init__(self, screens: list[tuple[str, QWidget]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        for title, screen in screens:
            self.addTab(screen, title)

    def print_list(self) -> None:
        self.currentWidget().print_list()  # type: ignore[attr-defined]

    def export_excel(self) -> None:
        self.currentWidget().export_excel()  # type: ignore[attr-defined]


__all__ = ["PERMISSION_TABLES", "ScreenTabs", "SupportScreen"]
