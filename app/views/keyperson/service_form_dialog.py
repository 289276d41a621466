"""The generic form, saving through a keyperson service instead of the generic save.

Registering a person, recording a visit or an event, adding a keeper: each is a form declared by the spec
(same widgets, same messages beside the fields), but saving also rescores, reschedules and warns, which the
platform's services do. ``submit(session, values, record_id, version)`` returns a ``Saved`` or an object
with a ``saved`` attribute (a visit's ``Recorded``), kept in :attr:`result`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QWidget

from app.services.context import Actor
from app.services.entity_spec import EntitySpec
from app.views.common.entity_form_dialog import EntityFormDialog
from app.views.common.run_op import run_op

Submit = Callable[[Any, dict[str, Any], int | None, int], Any]


class ServiceFormDialog(EntityFormDialog):
    submitted = Signal(object)  # the service's whole result (a visit's Recorded: with the level outcome)

    def __init__(
        self,
        spec: EntitySpec,
        actor: Actor,
        submit: Submit,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        initial: dict[str, Any] | None = None,
        title: str = "",
    ) -> None:
        super().__init__(spec, actor, record_id, parent, initial=initial)
        self._submit = submit
        self.result: Any = None
        if title:
            self.setWindowTitle(title)

    @Slot()
    def save(self) -> None:
        if self.read_only:
            return
        problems = {name: m for name in self.rows if (m := self.quick_check(name))}
        if problems:
            self._show_message(self.tr("请按红色提示修改后再保存。"))
            return
        values = self.values()
        if self.record_id is not None and not values:
            self.accept()
            return
        self._show_message("")
        self.save_button.setEnabled(False)
        submit, ident = self._submit, self.record_id
        version = self.row.version if self.row else 0
        op = run_op(self, lambda s: submit(s, values, ident, version))
        self._keep(op.success(self._submitted).failure(self._save_failed))

    @Slot(object)
    def _submitted(self, result: Any) -> None:
        self.result = result
        self.submitted.emit(result)
        self._saved(getattr(result, "saved", result))
