"""The form dialog generated from a spec's ``form_fields``: one widget per field kind, messages beside fields.

The service is the judge of every value (it normalises, validates and checks the version); the dialog only
adds cheap checks while typing so a clerk sees a wrong ID number before pressing 保存. Each field widget's
objectName is the field name and its message label is ``<name>_error``, which is how tests find them.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import normalize, validators
from app.core.errors import ConflictError, DomainError, ValidationError
from app.services import entity_service
from app.services import entity_spec as es
from app.services.context import Actor
from app.services.entity_spec import EntitySpec, Row, Saved
from app.views.common.declared_text import dt
from app.views.common.run_op import run_op, show_error

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #c62828;"
REQUIRED_MARK = ' <span style="color:#c62828">*</span>'
PII_UNMASK = "pii.unmask"
_EMPTY_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date that may be left empty: the minimum date stands for "no date" and shows ``empty_text``.

    The calendar opens on the current month while the field is empty, not in January 1900.
    """

    def __init__(self, parent: QWidget | None = None, *, empty_text: str = "") -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(_EMPTY_DATE)
        self.setMaximumDate(QDate(2199, 12, 31))
        self.setSpecialValueText(empty_text or self.tr("未填"))
        self.setDate(_EMPTY_DATE)
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self.calendarWidget() and self.value() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def value(self) -> date | None:
        current = self.date()
        if current == _EMPTY_DATE:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value is not None else _EMPTY_DATE)


class _FieldRow(QWidget):
    """The editor and, beneath it, the red line with the message for that field."""

    def __init__(self, editor: QWidget, name: str, extra: QWidget | None = None) -> None:
        super().__init__()
        self.editor = editor
        self.error = QLabel(self)
        self.error.setObjectName(f"{name}_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        if extra is None:
            lay.addWidget(editor)
        else:
            line = QHBoxLayout()
            line.setSpacing(4)
            line.addWidget(editor, 1)
            line.addWidget(extra)
            lay.addLayout(line)
        lay.addWidget(self.error)

    def set_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))


class EntityFormDialog(QDialog):
    """Create (``record_id=None``) or edit one record of ``spec``.

    Args:
        spec: the entity declaration; ``form_fields`` become the widgets.
        actor: who saves; the service checks the permission again.
        record_id: the record to edit, or None for a new one.
        parent: Qt parent.
        initial: values to start a new record with (besides each field's default).

    Signals:
        saved(Saved): the service stored the record (the dialog then closes with Accepted).
        loaded(Row): the record to edit was read (and after 重新载入).
    """

    saved = Signal(object)
    loaded = Signal(object)

    def __init__(
        self,
        spec: EntitySpec,
        actor: Actor,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.actor = actor
        self.record_id = record_id
        self.row: Row | None = None
        self.last_saved: Saved | None = None
        self._loaded_values: dict[str, Any] = {}
        self._ops: list[Any] = []
        self._conflict_box: QMessageBox | None = None
        self.editors: dict[str, QWidget] = {}
        self.rows: dict[str, _FieldRow] = {}
        self.fields: dict[str, es.Field] = {f.name: f for f in spec.form_fields}
        can_edit = actor.can(spec.permissions.get("edit" if record_id else "create", ""))
        self.read_only = not can_edit

        self.setObjectName(f"{spec.key}_form")
        self.setModal(True)
        self.setMinimumWidth(520)
        if record_id is None:
            self.setWindowTitle(self.tr("新增{0}").format(dt(spec.title)))
        else:
            self.setWindowTitle(self.tr("编辑{0}").format(dt(spec.title)))

        self.message = QLabel(self)
        self.message.setObjectName("form_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        for f in spec.form_fields:
            editor = self._make_editor(f)
            editor.setObjectName(f.name)
            extra = self._make_unmask_button(f) if record_id is not None else None
            row = _FieldRow(editor, f.name, extra)
            self.editors[f.name] = editor
            self.rows[f.name] = row
            label = QLabel(dt(f.label) + (REQUIRED_MARK if f.required else ""), self)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setBuddy(editor)
            label.setContentsMargins(0, 4, 0, 0)
            form.addRow(label, row)
            self._connect_checks(f, editor)
            if self.read_only or (record_id is not None and not f.editable):
                self._set_read_only(editor)
        for f in spec.form_fields:
            parent_editor = self.editors.get(f.depends_on or "")
            if isinstance(parent_editor, QComboBox) and f.choices_for is not None:
                parent_editor.currentIndexChanged.connect(lambda _i, name=f.name: self._parent_changed(name))

        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消") if not self.read_only else self.tr("关闭"), self)
        self.cancel_button.setObjectName("cancel")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.setVisible(not self.read_only)

        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addLayout(form)
        lay.addSpacing(6)
        lay.addWidget(self.buttons)

        self._apply_initial(initial or {})
        if record_id is not None:
            self.save_button.setEnabled(False)
            self.load()

    # -- widgets ---------------------------------------------------------------------------------------
    def _make_editor(self, f: es.Field) -> QWidget:
        if f.kind == es.MULTILINE:
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setPlaceholderText(f.placeholder)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 12)
            return text
        if f.kind == es.DATE:
            return OptionalDateEdit(self, empty_text=self.tr("请选择日期") if f.required else self.tr("未填"))
        if f.kind == es.DATETIME:
            edit = QDateTimeEdit(self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setMinimumDateTime(QDateTime(_EMPTY_DATE.startOfDay()))
            edit.setSpecialValueText(self.tr("未填"))
            edit.setDateTime(edit.minimumDateTime())
            return edit
        if f.kind == es.INT:
            spin = QSpinBox(self)
            spin.setRange(-1 if not f.required else 0, 999_999_999)
            spin.setSpecialValueText(self.tr("未填") if not f.required else "")
            spin.setValue(spin.minimum())
            return spin
        if f.kind == es.BOOL:
            return QCheckBox(self)
        if f.kind == es.CHOICE:
            combo = QComboBox(self)
            combo.addItem(self.tr("请选择") if f.required else "", None)
            if callable(f.choices):
                self._load_choices(combo, f)
            else:
                for value, label in f.choices:
                    combo.addItem(label, value)
            combo.setMinimumContentsLength(10)
            return combo
        edit = QLineEdit(self)
        edit.setPlaceholderText(f.placeholder)
        if f.kind in (es.ID_NUMBER, es.PHONE):
            edit.setMaxLength(max(f.max_length or 0, 32))  # spaces and dashes are normalised away
        elif f.max_length:
            edit.setMaxLength(f.max_length)
        if f.kind == es.DECIMAL:
            edit.setValidator(QDoubleValidator(edit))
        return edit

    def _make_unmask_button(self, f: es.Field) -> QWidget | None:
        if f.kind not in (es.ID_NUMBER, es.PHONE) or not self.actor.can(PII_UNMASK):
            return None
        button = QToolButton(self)
        button.setObjectName(f"{f.name}_unmask")
        button.setText(self.tr("显示完整"))
        button.setToolTip(self.tr("显示完整号码（将记入审计日志）"))
        button.clicked.connect(lambda _=False, name=f.name: self.unmask(name))
        return button

    def _set_read_only(self, editor: QWidget) -> None:
        if isinstance(editor, (QLineEdit, QPlainTextEdit)):
            editor.setReadOnly(True)
        elif isinstance(editor, (QDateEdit, QDateTimeEdit, QSpinBox)):
            editor.setReadOnly(True)
            editor.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        else:
            editor.setEnabled(False)
        editor.setProperty("readOnlyField", True)

    def _load_choices(self, combo: QComboBox, f: es.Field, parent_value: Any = None) -> None:
        """Fill a database-backed combo (narrowed by its parent field's value when it depends on one)."""
        if parent_value is not None and f.choices_for is not None:
            narrow = f.choices_for

            def read(s: Any) -> list[tuple[Any, str]]:
                return list(narrow(s, parent_value))
        else:
            choices = f.choices

            def read(s: Any) -> list[tuple[Any, str]]:
                return list(choices(s) if callable(choices) else choices)

        def fill(items: list[tuple[Any, str]]) -> None:
            wanted = combo.currentData()
            if wanted is None:
                wanted = combo.property("pendingValue")
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, label in items:
                combo.addItem(label, value)
            index = combo.findData(wanted) if wanted is not None else 0
            combo.setCurrentIndex(max(index, 0))
            if index >= 0:
                combo.setProperty("pendingValue", None)
            combo.blockSignals(False)

        self._keep(run_op(self, read).success(fill))

    @Slot()
    def _parent_changed(self, child: str) -> None:
        """A field others depend on changed (town -> villages): offer only the matching choices."""
        f = self.fields[child]
        parent = self.fields.get(f.depends_on or "")
        combo = self.editors[child]
        if parent is None or not isinstance(combo, QComboBox):
            return
        self._load_choices(combo, f, self._value(parent))

    def _keep(self, op: Any) -> None:
        """Keep a running op referenced until it reports (PySide drops unreferenced Python objects)."""
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    # -- values --------------------------------------------------------------------------------------------
    def _apply_initial(self, initial: dict[str, Any]) -> None:
        for f in self.spec.form_fields:
            value = initial.get(f.name, f.default)
            if value is not None:
                self._set_value(f, self.editors[f.name], value)

    def _set_value(self, f: es.Field, editor: QWidget, value: Any) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText("" if value is None else str(value))
        elif isinstance(editor, OptionalDateEdit):
            if isinstance(value, datetime):
                value = value.date()
            editor.set_value(value if isinstance(value, date) else normalize.parse_date(value))
        elif isinstance(editor, QDateTimeEdit):
            if isinstance(value, datetime):
                local = value.astimezone() if value.tzinfo else value
                editor.setDateTime(QDateTime(local.replace(tzinfo=None)))
            else:
                editor.setDateTime(editor.minimumDateTime())
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value) if value is not None else editor.minimum())
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            # database choices may still be on the way: the fill picks the value up when they arrive
            editor.setProperty("pendingValue", value if index < 0 else None)
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
            editor.setCursorPosition(0)

    def _value(self, f: es.Field) -> Any:
        editor = self.editors[f.name]
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        if isinstance(editor, OptionalDateEdit):
            return editor.value()
        if isinstance(editor, QDateTimeEdit):
            if editor.dateTime() == editor.minimumDateTime():
                return None
            return editor.dateTime().toPython().astimezone()
        if isinstance(editor, QSpinBox):
            return None if editor.value() < 0 else editor.value()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QLineEdit):
            text = editor.text().strip()
            if f.kind == es.DECIMAL:
                try:
                    return Decimal(text) if text else None
                except InvalidOperation:
                    return text
            if f.kind in (es.ID_NUMBER, es.PHONE):
                return text or None
            return text
        return None

    def values(self) -> dict[str, Any]:
        """What to send to the service: every editable field; when editing, only what the user changed."""
        out: dict[str, Any] = {}
        for f in self.spec.form_fields:
            if self.record_id is not None:
                if not f.editable:
                    continue
                value = self._value(f)
                if f.name in self._loaded_values and value == self._loaded_values[f.name]:
                    continue  # unchanged (and a masked number is never sent back masked)
                out[f.name] = value
            else:
                out[f.name] = self._value(f)
        return out

    # -- checks while typing --------------------------------------------------------------------------------
    def _connect_checks(self, f: es.Field, editor: QWidget) -> None:
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _t, name=f.name: self.rows[name].set_error(None))
            editor.editingFinished.connect(lambda name=f.name: self.quick_check(name))
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(lambda _i, name=f.name: self.quick_check(name))
        elif isinstance(editor, QDateEdit):
            editor.dateChanged.connect(lambda _d, name=f.name: self.quick_check(name))
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(lambda name=f.name: self._check_length(name))

    def quick_check(self, name: str) -> str | None:
        """The cheap checks one field allows on its own; shows (and returns) the message."""
        f = self.fields[name]
        value = self._value(f)
        if self.record_id is not None and self._loaded_values.get(name, object()) == value:
            self.rows[name].set_error(None)
            return None
        message: str | None = None
        if f.required and (value is None or value == ""):
            message = (
                self.tr("请填写{0}").format(dt(f.label))
                if f.kind != es.CHOICE
                else self.tr("请选择{0}").format(dt(f.label))
            )
        elif isinstance(value, str) and value:
            message = self._check_text(f, value)
        elif f.validator is not None and value not in (None, ""):
            message = self._run_validator(f, value)
        self.rows[name].set_error(message)
        return message

    def _check_text(self, f: es.Field, value: str) -> str | None:
        try:
            if f.kind == es.ID_NUMBER:
                value = normalize.normalize_id_number(value) or ""
                message = validators.check_id_number(value)
                if message:
                    return message
            elif f.kind == es.PHONE:
                value = normalize.normalize_phone(value) or ""
        except ValueError as exc:
            return str(exc)
        if f.max_length and len(value) > f.max_length:
            return validators.check_length(value, label=f.label, max_len=f.max_length)
        return self._run_validator(f, value) if f.validator is not None else None

    def _run_validator(self, f: es.Field, value: Any) -> str | None:
        try:
            return f.validator(value) if f.validator is not None else None
        except Exception:  # noqa: BLE001 - a quick check never blocks typing; the service decides on save
            log.debug("quick check of %s failed", f.name, exc_info=True)
            return None

    def _check_length(self, name: str) -> None:
        f = self.fields[name]
        if f.max_length:
            self.rows[name].set_error(
                validators.check_length(self._value(f), label=f.label, max_len=f.max_length)
            )

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field; messages of fields not on the form go to the top line."""
        unplaced = []
        for name, row in self.rows.items():
            row.set_error(errors.get(name))
        for name, text in errors.items():
            if name not in self.rows:
                unplaced.append(text if name in ("", "_") else f"{self._label(name)}：{text}")
        self._show_message("；".join(unplaced))
        for name in errors:
            if name in self.editors:
                self.editors[name].setFocus()
                break

    def _label(self, name: str) -> str:
        try:
            return self.spec.field(name).label
        except KeyError:
            return name

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- loading -------------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the record being edited (again): fields, version and what counts as unchanged."""
        ident = self.record_id
        assert ident is not None
        self._keep(
            run_op(self, lambda s: entity_service.get(s, self.actor, self.spec, ident)).success(self._fill)
        )

    @Slot(object)
    def _fill(self, row: Row) -> None:
        self.row = row
        self._loaded_values = {}
        for f in self.spec.form_fields:
            value = row.values.get(f.name)
            self._set_value(f, self.editors[f.name], value)
            self._loaded_values[f.name] = self._value(f)
            self.rows[f.name].set_error(None)
        self._show_message("")
        if row.label:
            self.setWindowTitle(self.tr("编辑{0}：{1}").format(dt(self.spec.title), row.label))
        self.save_button.setEnabled(True)
        self.loaded.emit(row)

    def unmask(self, name: str) -> None:
        """Show the full number of a masked field (the service checks the permission and audits it)."""
        ident = self.record_id
        assert ident is not None

        def shown(text: str) -> None:
            editor = self.editors[name]
            assert isinstance(editor, QLineEdit)
            editor.setText(text)
            self._loaded_values[name] = self._value(self.fields[name])

        self._keep(
            run_op(self, lambda s: entity_service.unmask(s, self.actor, self.spec, ident, name)).success(
                shown
            )
        )

    # -- saving --------------------------------------------------------------------------------------------
    @Slot()
    def save(self) -> None:
        """Send the values to the service; its messages come back beside the fields."""
        if self.read_only:
            return
        problems = {}
        for name in self.rows:
            message = self.quick_check(name)
            if message:
                problems[name] = message
        if problems:
            self._show_message(self.tr("请按红色提示修改后再保存。"))
            return
        values = self.values()
        if self.record_id is not None and not values:
            self.accept()  # nothing changed: nothing to write
            return
        self._show_message("")
        self.save_button.setEnabled(False)
        if self.record_id is None:
            op = run_op(self, lambda s: entity_service.create(s, self.actor, self.spec, values))
        else:
            ident, version = self.record_id, self.row.version if self.row else 0
            op = run_op(
                self, lambda s: entity_service.update(s, self.actor, self.spec, ident, version, values)
            )
        self._keep(op.success(self._saved).failure(self._save_failed))

    @Slot(object)
    def _saved(self, saved: Saved) -> None:
        self.save_button.setEnabled(True)
        self.last_saved = saved
        self.row = saved.row
        self.saved.emit(saved)
        self.accept()

    @Slot(object)
    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.field_errors:
            self.show_errors(exc.field_errors)
            return
        if isinstance(exc, ConflictError):
            self._ask_reload(exc)
            return
        if isinstance(exc, DomainError):
            self._show_message(exc.message())
            return
        show_error(self, exc)

    def _ask_reload(self, exc: ConflictError) -> None:
        box = QMessageBox(self)
        box.setObjectName("conflict_box")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("记录已被修改"))
        box.setText(exc.message())
        box.setInformativeText(self.tr("选择“重新载入”查看最新内容（您刚才的改动将被放弃），然后再修改。"))
        reload_button = box.addButton(self.tr("重新载入"), QMessageBox.ButtonRole.AcceptRole)
        reload_button.setObjectName("reload")
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload_button)

        def answered(button: Any) -> None:
            self._conflict_box = None
            if button is reload_button:
                self.load()

        box.buttonClicked.connect(answered)
        self._conflict_box = box
        self._show_message(exc.message())
        box.open()

    def conflict_box(self) -> QMessageBox | None:
        """The open 记录已被修改 question, if any (tests click its 重新载入)."""
        return self._conflict_box
