"""事件与集群战役: the declared list (filters, export, print) whose records open as command pages.

Dispatchers see every incident and open new ones; officers see those they take part in (the spec's
``base_query``) and open them to report progress. Each command page is a window of its own, so a dispatcher
can follow several incidents side by side.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from app.models.dispatch_permissions import DISPATCH_INCIDENT_MANAGE
from app.services.dispatch_lists import INCIDENT_SPEC
from app.views.app_context import AppContext
from app.views.common.entity_screen import EntityScreen
from app.views.dispatch.incident_create_dialog import IncidentCreateDialog
from app.views.dispatch.incident_page import IncidentPage
from app.views.dispatch.order_console import adapt_screen
from app.views.dispatch.order_notifier import bring_to_front

RELATED = frozenset({"dispatch_incident_member", "dispatch_incident_unit"})


class IncidentWindow(QDialog):
    """A non-modal window holding one incident's command page."""

    def __init__(self, ctx: AppContext, incident_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incident_window")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowTitle(self.tr("事件指挥"))
        self.resize(1180, 760)
        self.page = IncidentPage(ctx, incident_id, self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.page)
        self.page.titled.connect(self.setWindowTitle)


class IncidentScreen(EntityScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(INCIDENT_SPEC, ctx.actor, parent, feed=ctx.signals)
        self.ctx = ctx
        self.windows: dict[int, IncidentWindow] = {}
        self.create_dialog: IncidentCreateDialog | None = None
        adapt_screen(self)
        self.new_action = QAction(self.tr("新建事件/战役…"), self)
        self.new_action.setObjectName("action_new_incident")
        self.new_action.setVisible(ctx.actor.can(DISPATCH_INCIDENT_MANAGE))
        self.new_action.triggered.connect(self.new_incident)
        self.open_action = QAction(self.tr("打开指挥页"), self)
        self.open_action.setObjectName("action_open_incident")
        self.open_action.triggered.connect(self.open_selected)
        first = self.toolbar.actions()[0] if self.toolbar.actions() else None
        self.toolbar.insertAction(first, self.open_action)
        self.toolbar.insertAction(self.open_action, self.new_action)
        ctx.signals.changed.connect(self._related_changed)

    @Slot(object)
    def _related_changed(self, tables: frozenset[str]) -> None:
        if RELATED & set(tables):  # who takes part changes what an officer's list shows
            self.model.refresh({INCIDENT_SPEC.model.__tablename__})  # type: ignore[attr-defined]

    @Slot()
    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_record(row.id)

    def open_record(self, ident: int) -> IncidentWindow:  # type: ignore[override]
        """Double-click or 打开指挥页: the command page (one window per incident)."""
        window = self.windows.get(ident)
        if window is None:
            window = IncidentWindow(self.ctx, ident, self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.finished.connect(self._forget_closed)  # a bound slot: no lambda keeping the screen alive
            self.windows[ident] = window
        window.show()
        bring_to_front(window)
        return window

    @Slot()
    def _forget_closed(self) -> None:
        self.windows = {i: w for i, w in self.windows.items() if w.isVisible() and w is not self.sender()}

    @Slot()
    def new_incident(self) -> IncidentCreateDialog:
        dialog = IncidentCreateDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._create_finished)  # a bound slot, not a lambda holding the dialog
        self.create_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _create_finished(self, _result: int) -> None:
        dialog = self.sender()
        if dialog is self.create_dialog:
            self.create_dialog = None
        if isinstance(dialog, IncidentCreateDialog) and dialog.created is not None:
            self._changed(dialog.created.tables, select=dialog.created.id)
            self.open_record(dialog.created.id)
