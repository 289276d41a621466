"""重点人员档案: the register, with the person's file, daily work and the removal request one click away."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from app.models.keyperson_permissions import (
    KP_EVENT,
    KP_OVERRIDE,
    KP_REMOVAL_REQUEST,
    KP_VIEW,
    KP_VISIT,
    LEVEL_NAMES,
)
from app.services import keyperson_import, keyperson_persons, keyperson_visits
from app.services.keyperson_specs import KEY_PERSON_IMPORT_SPEC, KEY_PERSON_SPEC
from app.services.keyperson_work_specs import EVENT_SPEC, VISIT_SPEC
from app.views.app_context import AppContext
from app.views.common.import_dialog import ImportDialog
from app.views.common.run_op import run_op
from app.views.keyperson.kp_screen import KpListScreen, discard
from app.views.keyperson.service_form_dialog import ServiceFormDialog


def _now() -> datetime:
    return datetime.now(UTC)


class KeyPersonImportDialog(ImportDialog):
    """The shared import dialog; the good rows go in through the keyperson import (first level, history)."""

    @Slot()
    def import_good(self) -> None:
        preview = self.preview
        if preview is None or not preview.good:
            return
        self.import_good_button.setEnabled(False)
        self.import_none_button.setEnabled(False)
        actor = self.actor
        op = run_op(
            self,
            lambda s, progress: keyperson_import.commit(s, actor, preview, now=_now(), progress=progress),
        )
        op.success(self._imported).failure(self._commit_failed, show_dialog=True)
        self._keep(op.with_progress(self.tr("正在导入…")))


def person_form(ctx: AppContext, parent: QWidget, ident: int | None = None) -> ServiceFormDialog:
    actor = ctx.actor

    def submit(s: Any, values: dict[str, Any], record_id: int | None, version: int) -> Any:
        if record_id is None:
            return keyperson_persons.create(s, actor, values, now=_now())
        return keyperson_persons.update(s, actor, record_id, version, values, now=_now())

    return ServiceFormDialog(KEY_PERSON_SPEC, actor, submit, ident, parent)


def visit_form(ctx: AppContext, parent: QWidget, person_id: int, name: str) -> ServiceFormDialog:
    actor = ctx.actor
    dialog = ServiceFormDialog(
        VISIT_SPEC,
        actor,
        lambda s, values, _i, _v: keyperson_visits.record_visit(s, actor, person_id, values, now=_now()),
        parent=parent,
        initial={"visited_at": datetime.now().astimezone(), "contact_made": True, "kind": "home"},
        title=parent.tr("登记走访签到：{0}").format(name),
    )
    dialog.setObjectName("kp_visit_form")
    return dialog


def event_form(ctx: AppContext, parent: QWidget, person_id: int, name: str) -> ServiceFormDialog:
    actor = ctx.actor
    dialog = ServiceFormDialog(
        EVENT_SPEC,
        actor,
        lambda s, values, _i, _v: keyperson_visits.record_event(s, actor, person_id, values, now=_now()),
        parent=parent,
        initial={"occurred_on": datetime.now().astimezone().date()},
        title=parent.tr("登记风险事件：{0}").format(name),
    )
    dialog.setObjectName("kp_event_form")
    return dialog


def tell_outcome(parent: QWidget, result: Any) -> QMessageBox | None:
    """After a visit or event: say so when the level changed, and that the warning went out."""
    outcome = getattr(result, "outcome", None)
    if outcome is None or not outcome.changed:
        return None
    text = parent.tr("预警等级由{0}变为{1}。").format(
        LEVEL_NAMES[outcome.old_level], LEVEL_NAMES[outcome.new_level]
    )
    if outcome.warning is not None:
        text += parent.tr("已向管控人和责任领导推送预警（站内消息 {0} 条，短信 {1} 条）。").format(
            outcome.warning.inbox_messages, outcome.warning.texts
        )
    box = QMessageBox(QMessageBox.Icon.Information, parent.tr("预警等级变化"), text, parent=parent)
    box.setObjectName("level_changed_box")
    box.open()
    return box


class KeyPersonScreen(KpListScreen):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, settings: QSettings | None = None
    ) -> None:
        super().__init__(KEY_PERSON_SPEC, ctx, parent, hide=("delete",), settings=settings)
        self.setObjectName("key_person_screen")
        self.detail_dialog: QWidget | None = None
        self.work_dialog: QWidget | None = None
        self.outcome_box: QMessageBox | None = None
        self.add_action("detail", self.tr("档案详情"), self.open_detail, permission=KP_VIEW)
        self.add_action("visit", self.tr("登记走访"), self.record_visit, permission=KP_VISIT)
        self.add_action("event", self.tr("登记事件"), self.record_event, permission=KP_EVENT)
        self.add_action("override", self.tr("调整等级"), self.override_level, permission=KP_OVERRIDE)
        self.add_action("removal", self.tr("申请撤管"), self.request_removal, permission=KP_REMOVAL_REQUEST)

    # -- the generic actions, through the platform's services ---------------------------------------------
    def _open_form(self, ident: int | None) -> Any:
        discard(self.form_dialog)
        dialog = person_form(self.ctx, self, ident)
        dialog.saved.connect(self._saved)
        self.form_dialog = dialog
        dialog.open()
        return dialog

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        record = self.model.row_at(index.row())
        if record is not None:
            self.open_detail(record.id)

    @Slot()
    def import_excel(self) -> None:
        if not self.permitted("import"):
            return
        discard(self.import_dialog)
        dialog = KeyPersonImportDialog(KEY_PERSON_IMPORT_SPEC, self.actor, self)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.open()

    @Slot(object)
    def _imported(self, result: Any) -> None:
        self._changed(frozenset(getattr(result, "tables", ()) or ()))

    # -- the platform's actions -----------------------------------------------------------------------------
    def open_detail(self, ident: int | None = None) -> QWidget | None:
        from app.views.keyperson.person_detail_dialog import PersonDetailDialog

        row = self.selected_row()
        ident = ident if isinstance(ident, int) else (row.id if row else None)
        if ident is None:
            return None
        discard(self.detail_dialog)
        dialog = PersonDetailDialog(self.ctx, ident, self)
        self.detail_dialog = dialog
        dialog.open()
        return dialog

    def _work(self, dialog: QWidget) -> Any:
        """Open a dialog of daily work, freeing the previous one."""
        discard(self.work_dialog)
        self.work_dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def _work_form(self, dialog: ServiceFormDialog) -> ServiceFormDialog:
        dialog.saved.connect(self._work_saved)
        dialog.submitted.connect(self._told)
        return self._work(dialog)  # type: ignore[no-any-return]

    @Slot()
    def _work_saved(self) -> None:
        self._changed(frozenset({"key_person"}), select=self._sel_id())

    def _sel_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    @Slot(object)
    def _told(self, result: Any) -> None:
        discard(self.outcome_box)
        self.outcome_box = tell_outcome(self, result)

    @Slot()
    def record_visit(self) -> ServiceFormDialog | None:
        row = self.selected_row()
        return self._work_form(visit_form(self.ctx, self, row.id, row.label)) if row else None

    @Slot()
    def record_event(self) -> ServiceFormDialog | None:
        row = self.selected_row()
        return self._work_form(event_form(self.ctx, self, row.id, row.label)) if row else None

    @Slot()
    def override_level(self) -> QWidget | None:
        from app.views.keyperson.level_override_dialog import LevelOverrideDialog

        row = self.selected_row()
        if row is None:
            return None
        dialog = LevelOverrideDialog(self.ctx, row.id, row.label, self)
        dialog.done_changed.connect(self._work_saved)
        return self._work(dialog)  # type: ignore[no-any-return]

    @Slot()
    def request_removal(self) -> QWidget | None:
        from app.views.keyperson.removal_request_dialog import RemovalRequestDialog

        row = self.selected_row()
        if row is None:
            return None
        return self._work(RemovalRequestDialog(self.ctx, row.id, row.label, self))  # type: ignore[no-any-return]
