"""警令下达与签收: the register of orders (declared list: filters, export, print) above the tracking of one.

The list is the shared EntityScreen over :data:`app.services.dispatch_lists.ORDER_SPEC`, with its generic
新增/编辑/删除/导入 replaced by 下达警令 (the compose dialog); the panel below follows the selection. The
list's acknowledgement columns are computed from the receipts, so the screen also refreshes when receipts
or inbox notices change (an officer acknowledged somewhere).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.models.dispatch_permissions import DISPATCH_ORDER_SEND
from app.services.dispatch_lists import ORDER_SPEC
from app.views.app_context import AppContext
from app.views.common.entity_screen import EntityScreen
from app.views.dispatch.order_compose_dialog import OrderComposeDialog
from app.views.dispatch.order_tracking_panel import OrderTrackingPanel

RECEIPT_TABLES = frozenset({"dispatch_order_receipt", "inbox_message"})
GENERIC_ACTIONS = ("create", "edit", "delete", "import")


def adapt_screen(screen: EntityScreen) -> None:
    """Hide the generic actions a declared list without a generic form does not offer."""
    for name in GENERIC_ACTIONS:
        screen.actions_by_name[name].setVisible(False)


class OrderConsole(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("order_console")
        self.compose_dialog: OrderComposeDialog | None = None
        self.screen = EntityScreen(ORDER_SPEC, ctx.actor, feed=ctx.signals)
        adapt_screen(self.screen)
        self.compose_action = QAction(self.tr("下达警令…"), self)
        self.compose_action.setObjectName("action_compose")
        self.compose_action.setEnabled(ctx.actor.can(DISPATCH_ORDER_SEND))
        self.compose_action.triggered.connect(self.compose)
        first = self.screen.toolbar.actions()[0] if self.screen.toolbar.actions() else None
        self.screen.toolbar.insertAction(first, self.compose_action)
        self.tracking = OrderTrackingPanel(ctx, self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.screen)
        split.addWidget(self.tracking)
        split.setSizes([300, 420])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.screen.table.selectionModel().selectionChanged.connect(self._selected)
        ctx.signals.changed.connect(self._changed)

    @Slot(object)
    def _changed(self, tables: frozenset[str]) -> None:
        if RECEIPT_TABLES & set(tables):
            self.screen.model.refresh({ORDER_SPEC.model.__tablename__})  # type: ignore[attr-defined]

    @Slot()
    def _selected(self, *_args: object) -> None:
        row = self.screen.selected_row()
        if row is not None:
            self.tracking.show_order(row.id)

    @Slot()
    def compose(self) -> OrderComposeDialog:
        dialog = OrderComposeDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._compose_finished)  # a bound slot: a lambda holding a dialog deleted on
        self.compose_dialog = dialog  # close is the double delete that crashed PySide 6.11
        dialog.open()
        return dialog

    @Slot(int)
    def _compose_finished(self, _result: int) -> None:
        dialog = self.sender()
        if dialog is self.compose_dialog:
            self.compose_dialog = None
        if isinstance(dialog, OrderComposeDialog) and dialog.sent is not None:
            self.screen.select_id(dialog.sent.id)
            self.tracking.show_order(dialog.sent.id)

    # The main window's 打印/导出 menu items call these on the current screen.
    def print_list(self) -> None:
        self.screen.print_list()

    def export_excel(self) -> None:
        self.screen.export_excel()
