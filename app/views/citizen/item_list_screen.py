"""事项办理: every item in a list paged from SQL, with its yellow/red card; a double-click opens it for handling.

The list is the declared ``ITEM_SPEC`` on the shared EntityScreen; only opening a record (the item dialog
instead of the generic form) and 新增 (the intake form) differ.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from app.services.service_item_list import ITEM_SPEC
from app.views.app_context import AppContext
from app.views.citizen.card_delegate import CardDelegate
from app.views.citizen.item_dialog import ItemDialog
from app.views.common.entity_screen import EntityScreen


class ItemListScreen(EntityScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(ITEM_SPEC, ctx.actor, parent, feed=ctx.signals, **kwargs)
        self.ctx = ctx
        self.item_dialog: ItemDialog | None = None
        self.intake_dialog: QDialog | None = None
        self.card_delegate = CardDelegate(self.table)
        self.table.setItemDelegateForColumn(self.model.Column.card, self.card_delegate)
        handle = QAction(self.tr("办理…"), self)
        handle.setObjectName("action_handle")
        handle.triggered.connect(self.edit_selected)
        self.toolbar.insertAction(self.actions_by_name["delete"], handle)
        self.actions_by_name["handle"] = handle
        for name in ("edit", "delete", "import"):
            self.actions_by_name[name].setVisible(False)
        self.actions_by_name["create"].setText(self.tr("受理…"))
        self.table.selectionModel().selectionChanged.connect(self._update_handle)
        self._update_handle()

    @Slot()
    def _update_handle(self) -> None:
        self.actions_by_name["handle"].setEnabled(self.selected_row() is not None)

    @Slot()
    def edit_selected(self) -> None:  # 办理 opens the item whatever the generic edit permission says
        record = self.selected_row()
        if record is not None:
            self.open_record(record.id)

    def open_record(self, ident: int) -> ItemDialog:  # type: ignore[override]
        dialog = ItemDialog(self.actor, ident, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._item_changed)
        dialog.finished.connect(self._item_closed)
        self.item_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def create_record(self) -> None:
        """受理 a new item: the window's intake form in a dialog."""
        if not self.permitted("create"):
            return
        from app.views.citizen.intake_screen import IntakeScreen

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("受理"))
        dialog.resize(1100, 760)
        screen = IntakeScreen(self.ctx, dialog)
        QVBoxLayout(dialog).addWidget(screen)
        screen.saved.connect(self._intake_saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._intake_closed)
        self.intake_dialog = dialog
        dialog.open()

    # Bound methods, not lambdas: a lambda holding the screen would keep it alive from a dialog that
    # deletes itself on close, and drop it in the middle of that deletion.
    @Slot()
    def _item_changed(self) -> None:
        ident = self.item_dialog.item_id if self.item_dialog is not None else None
        self._changed(frozenset({"service_item"}), select=ident)

    @Slot()
    def _item_closed(self) -> None:
        self.item_dialog = None

    @Slot(object)
    def _intake_saved(self, result: object) -> None:
        self._changed(frozenset({"service_item"}), select=getattr(getattr(result, "item", None), "id", None))

    @Slot()
    def _intake_closed(self) -> None:
        self.intake_dialog = None
