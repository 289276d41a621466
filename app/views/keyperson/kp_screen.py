"""The list screen every keyperson register uses: the generic screen, coloured, with the platform's actions.

Actions the declaration offers but the platform does through its own services (新增 on a list of visits,
编辑 of a warning, any 删除) are hidden rather than shown disabled; extra actions (签收, 审批, 打印审批表...)
are added with :meth:`KpListScreen.add_action` and follow the selection and the actor's permissions.

Dialogs: the platform's screens keep one reference per kind of dialog and free the previous one with
:func:`discard` when they open the next, instead of deleting on close. (Deleting on close while a screen still
referenced the dialog, or while a slot of its ``finished`` dropped the last reference, crashed the process in
a later event loop with a double delete: the Bus error another platform hit.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QSettings, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from app.models.permissions import PERMISSION_NAMES
from app.services.entity_spec import EntitySpec, Query, Row
from app.views.app_context import AppContext
from app.views.common.declared_text import dt
from app.views.common.entity_screen import EntityScreen
from app.views.keyperson.level_delegate import colour_columns


def discard(dialog: QWidget | None) -> None:
    """Free a dialog that has served its turn, at once: detached from its parent it belongs to Python and
    goes with the last reference."""
    if dialog is None:
        return
    try:
        dialog.close()
        dialog.setParent(None)
    except RuntimeError:  # already gone with its parent
        pass


class KpListScreen(EntityScreen):
    def __init__(
        self,
        spec: EntitySpec,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        hide: Iterable[str] = ("create", "edit", "delete", "import"),
        settings: QSettings | None = None,
        database: Any = None,
    ) -> None:
        self.ctx = ctx
        self._extra: list[tuple[QAction, str | None, bool]] = []
        super().__init__(spec, ctx.actor, parent, feed=ctx.signals, settings=settings, database=database)
        for name in hide:
            self.actions_by_name[name].setVisible(False)
        colour_columns(self.table, self.model.fields)
        self.table.selectionModel().selectionChanged.connect(self._update_extra)
        self.model.modelReset.connect(self._update_extra)

    def add_action(
        self,
        name: str,
        text: str,
        handler: Callable[[], None],
        *,
        permission: str | None = None,
        needs_row: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        action.triggered.connect(handler)
        first = self.actions_by_name["export"]
        self.toolbar.insertAction(first, action)
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

    @Slot(object)
    def _show_preview(self, pdf: bytes, title: str = "") -> None:
        """The PDF preview (the list, or the platform's own report), replacing the previous one."""
        from app.views.common.pdf_preview_dialog import PdfPreviewDialog

        discard(self.preview_dialog)
        self.preview_dialog = PdfPreviewDialog(
            pdf, title or self.tr("{0}名单").format(dt(self.spec.title)), self
        )
        self.preview_dialog.open()

    def current(self) -> Row | None:
        return self.selected_row()

    def apply_filters(self, values: Mapping[str, Any]) -> None:
        """Show the rows matching ``values`` (a chart's bar click); the filter bar shows what it can."""
        bar = self.filter_bar
        for name, value in values.items():
            try:
                control = bar.control(name)
            except KeyError:
                continue
            control.blockSignals(True)
            if isinstance(control, QComboBox):
                index = control.findData(value)
                if index >= 0:
                    control.setCurrentIndex(index)
            elif isinstance(control, QCheckBox):
                control.setChecked(bool(value))
            elif hasattr(control, "start") and isinstance(value, tuple):
                for edit, day in ((control.start, value[0]), (control.end, value[1])):
                    edit.blockSignals(True)
                    edit.set_value(day)
                    edit.blockSignals(False)
            control.blockSignals(False)
        query = Query(text="", filters=dict(values))
        bar._last = query  # noqa: SLF001 - keep the bar from re-sending the same query
        self.model.set_query(query)
