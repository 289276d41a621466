"""The wording form of a rule or measure: title, content, department, effective dates and revision note.

What saving does is the caller's (create an item, edit a draft, or make a new version of a published text);
the service's messages appear beside the fields, and a refusal (say, a second open version) above them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError, ValidationError
from app.services import publicity_catalogue
from app.services.publicity_catalogue import CONTENT_MAX, VersionForm
from app.services.working_days import today
from app.views.app_context import AppContext
from app.views.common.form_helpers import ERROR_STYLE, ErrorForm
from app.views.common.run_op import run_op
from app.views.publicity.common import OpKeeper, date_edit, pydate, qdate


class VersionFormDialog(QDialog):
    saved = Signal(object)  # whatever the save function returned

    def __init__(
        self,
        ctx: AppContext,
        heading: str,
        initial: VersionForm | None,
        save: Callable[[Any, VersionForm], Any],
        parent: QWidget | None = None,
        *,
        hint: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("version_form")
        self.setWindowTitle(heading)
        self.resize(640, 560)
        self.ctx, self._save, self._ops = ctx, save, OpKeeper()
        start = initial or VersionForm(effective_from=today())
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        self.hint.setStyleSheet("color: #0d3c84;")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        form = QFormLayout()
        self.errors = ErrorForm(form)
        self.title = self.errors.line("title", self.tr("标题"))
        self.title.setText(start.title)
        self.content = QPlainTextEdit(start.content)
        self.content.setPlaceholderText(self.tr("每段一行；将原样出现在网页、宣传单和电视稿中"))
        self.errors.add("content", self.tr("内容"), self.content)
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        form.addRow("", self.counter)
        self.unit = QComboBox()
        self.errors.add("unit_id", self.tr("责任部门"), self.unit)
        self.effective_from = date_edit(start.effective_from or today(), "effective_from")
        self.errors.add("effective_from", self.tr("施行日期"), self.effective_from)
        self.open_ended = QCheckBox(self.tr("长期有效"))
        self.open_ended.setObjectName("open_ended")
        self.effective_to = date_edit(start.effective_to or today(), "effective_to")
        to_row = QWidget()
        row = QHBoxLayout(to_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.open_ended)
        row.addWidget(self.effective_to, 1)
        self.errors.add("effective_to", self.tr("截止日期"), to_row)
        self.open_ended.setChecked(start.effective_to is None)
        self.effective_to.setEnabled(start.effective_to is not None)
        self.open_ended.toggled.connect(lambda on: self.effective_to.setEnabled(not on))
        self.change_note = self.errors.line(
            "change_note", self.tr("修订说明"), placeholder=self.tr("如：增加周六开放")
        )
        self.change_note.setText(start.change_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.save_button.setObjectName("save_button")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addWidget(self.message)
        lay.addLayout(form, 1)
        lay.addWidget(self.buttons)
        self.content.textChanged.connect(self._count)
        self._count()
        self._wanted_unit = start.unit_id if start.unit_id is not None else ctx.actor.unit_id
        self._ops.start(run_op(self, publicity_catalogue.unit_choices, readonly=True).success(self._units))

    @Slot(object)
    def _units(self, choices: list[tuple[int, str]]) -> None:
        self.unit.clear()
        for ident, name in choices:
            self.unit.addItem(name, ident)
        index = self.unit.findData(self._wanted_unit)
        self.unit.setCurrentIndex(index if index >= 0 else -1)

    @Slot()
    def _count(self) -> None:
        n = len(self.content.toPlainText().strip())
        self.counter.setText(self.tr("{0} / {1} 字").format(n, CONTENT_MAX))

    def value(self) -> VersionForm:
        unit = self.unit.currentData()
        return VersionForm(
            title=self.title.text(),
            content=self.content.toPlainText(),
            unit_id=int(unit) if unit is not None else None,
            effective_from=pydate(self.effective_from.date()),
            effective_to=None if self.open_ended.isChecked() else pydate(self.effective_to.date()),
            change_note=self.change_note.text(),
        )

    def set_effective(self, start: date, end: date | None) -> None:
        self.effective_from.setDate(qdate(start))
        self.open_ended.setChecked(end is None)
        if end is not None:
            self.effective_to.setDate(qdate(end))

    @Slot()
    def submit(self) -> None:
        form, save = self.value(), self._save
        self.errors.clear_errors()
        self.message.hide()
        self.save_button.setEnabled(False)
        op = run_op(self, lambda s: save(s, form)).success(self._done)
        op.failure(self._failed)
        self._ops.start(op)

    @Slot(object)
    def _done(self, result: Any) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.field_errors:
            rest = self.errors.show_errors(exc.field_errors)
            if rest:
                self._show_message("；".join(rest))
        elif isinstance(exc, DomainError):
            self._show_message(exc.message())
        else:
            from app.views.common.run_op import show_error

            show_error(self, exc)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
