"""差评回访: the follow-ups of bad ratings, with their deadlines; opening one records the call-back result."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from app.core.errors import ValidationError
from app.services import satisfaction
from app.services.context import Actor
from app.services.satisfaction import FOLLOWUP_SPEC, FollowUpInfo
from app.views.app_context import AppContext
from app.views.common.entity_screen import EntityScreen
from app.views.common.form_helpers import FieldWithError
from app.views.common.run_op import run_op, show_error


class CallbackDialog(QDialog):
    """Record what the call to the citizen achieved (once)."""

    def __init__(self, actor: Actor, followup_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.followup_id = followup_id
        self.info: FollowUpInfo | None = None
        self._ops: list[Any] = []
        self.setObjectName("callback_dialog")
        self.setWindowTitle(self.tr("差评回访"))
        self.resize(560, 360)
        form = QFormLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.result = QPlainTextEdit()
        self.result.setObjectName("result")
        self.result.setPlaceholderText(self.tr("回访情况：联系方式、群众反映的问题、整改或解释、群众态度"))
        self.result_field = FieldWithError(self.result)
        self.after = QComboBox()
        self.after.setObjectName("satisfied_after")
        self.after.addItem(self.tr("（未再评价）"), None)
        for score in range(5, 0, -1):
            self.after.addItem(self.tr("{0} 分").format(score), score)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("登记回访结果"))
        save.setObjectName("save")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        form.addRow(self.summary)
        form.addRow(self.tr("回访结果"), self.result_field)
        form.addRow(self.tr("回访后评价"), self.after)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        op = run_op(self, lambda s: satisfaction.get_followup(s, actor, followup_id)).success(self._loaded)
        self._ops.append(op)
        op.start()

    @Slot(object)
    def _loaded(self, info: FollowUpInfo) -> None:
        self.info = info
        self.summary.setText(
            self.tr("{0}　{1}　评价 {2} 分：{3}\n回访期限：{4}").format(
                info.tracking_no,
                info.applicant_name,
                info.score,
                info.complaint or self.tr("（未留意见）"),
                info.deadline,
            )
        )
        done = info.status == "done"
        if done:
            self.result.setPlainText(info.result)
        for w in (self.result, self.after, self.buttons.button(QDialogButtonBox.StandardButton.Save)):
            w.setEnabled(not done)

    @Slot()
    def save(self) -> None:
        if self.info is None:
            return
        actor, info = self.actor, self.info
        text, after = self.result.toPlainText(), self.after.currentData()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                self.result_field.set_error(exc.field_errors.get("result") or exc.message())
            else:
                show_error(self, exc)

        op = run_op(
            self,
            lambda s: satisfaction.record_callback(
                s, actor, info.id, info.version, text, satisfied_after=after
            ),
        )
        op.success(lambda _: self.accept()).failure(failed)
        self._ops.append(op)
        op.start()


class FollowUpScreen(EntityScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(FOLLOWUP_SPEC, ctx.actor, parent, feed=ctx.signals, **kwargs)
        self.callback_dialog: CallbackDialog | None = None
        for name in ("create", "edit", "delete", "import"):
            self.actions_by_name[name].setVisible(False)
        callback = QAction(self.tr("登记回访…"), self)
        callback.setObjectName("action_callback")
        callback.triggered.connect(self._open_selected)
        self.toolbar.insertAction(self.actions_by_name["delete"], callback)
        self.actions_by_name["callback"] = callback
        self.table.selectionModel().selectionChanged.connect(self._update_callback)
        self._update_callback()

    @Slot()
    def _update_callback(self) -> None:
        self.actions_by_name["callback"].setEnabled(self.selected_row() is not None)

    @Slot()
    def _open_selected(self) -> None:
        record = self.selected_row()
        if record is not None:
            self.open_record(record.id)

    def open_record(self, ident: int) -> CallbackDialog:  # type: ignore[override]
        dialog = CallbackDialog(self.actor, ident, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._callback_saved)
        dialog.finished.connect(self._callback_closed)
        self.callback_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _callback_saved(self) -> None:
        ident = self.callback_dialog.followup_id if self.callback_dialog is not None else None
        self._changed(frozenset({"service_followup"}), select=ident)

    @Slot()
    def _callback_closed(self) -> None:
        self.callback_dialog = None
