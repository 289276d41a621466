"""短信模板: the administrator edits the text sent at each state change; length and segments shown as typed.

The count includes the signature (the carriers bill it); placeholders are filled with sample values for the
preview. The service checks every template again on save and refuses the whole save when one is bad.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError, ValidationError
from app.services import service_texts, sms
from app.views.app_context import AppContext
from app.views.common.form_helpers import FieldWithError
from app.views.common.run_op import run_op, show_error


class SmsTemplatesScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sms_templates_screen")
        self.ctx = ctx
        self.version: int | None = None
        self.signature = sms.DEFAULT_SIGNATURE
        self.editors: dict[str, QPlainTextEdit] = {}
        self.fields: dict[str, FieldWithError] = {}
        self.counts: dict[str, QLabel] = {}
        self._ops: list[Any] = []
        help_text = "、".join(f"{{{k}}} {v}" for k, v in service_texts.PLACEHOLDERS.items())
        intro = QLabel(
            self.tr(
                "可用占位符：{0}。留空表示该环节不发短信。字数含短信签名，70字以内为1条，超过按67字一条计费。"
            ).format(help_text)
        )
        intro.setWordWrap(True)
        body = QWidget()
        form = QFormLayout(body)
        for event, (name, _default) in service_texts.EVENTS.items():
            edit = QPlainTextEdit()
            edit.setObjectName(f"template_{event}")
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
            field = FieldWithError(edit)
            count = QLabel()
            count.setObjectName(f"count_{event}")
            count.setStyleSheet("color: #555;")
            holder = QWidget()
            col = QVBoxLayout(holder)
            col.setContentsMargins(0, 0, 0, 0)
            col.addWidget(field)
            col.addWidget(count)
            form.addRow(self.tr(name), holder)
            self.editors[event], self.fields[event], self.counts[event] = edit, field, count
            edit.textChanged.connect(lambda e=event: self._count(e))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.save_button = QPushButton(self.tr("保存模板"))
        self.save_button.setObjectName("save_button")
        self.reset_button = QPushButton(self.tr("恢复默认"))
        self.status = QLabel()
        self.status.setObjectName("status_label")
        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.reset_button)
        bar.addWidget(self.status, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(scroll, 1)
        lay.addLayout(bar)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.load()

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    def load(self) -> None:
        def show(payload: tuple[service_texts.Templates, str]) -> None:
            templates, self.signature = payload
            self.version = templates.version
            for event, edit in self.editors.items():
                edit.setPlainText(templates.templates.get(event, ""))

        self._keep(
            run_op(self, lambda s: (service_texts.current(s), sms.current_settings(s).signature)).success(
                show
            )
        )

    def _count(self, event: str) -> None:
        text = self.editors[event].toPlainText()
        label = self.counts[event]
        if not text.strip():
            label.setText(self.tr("不发短信"))
            return
        try:
            full = sms.compose(sms.render_template(text, service_texts.SAMPLE), self.signature)
        except DomainError as exc:
            label.setText(exc.message())
            return
        n = sms.char_count(full)
        label.setText(self.tr("示例：{0}（{1} 字，{2} 条）").format(full, n, sms.count_segments(full)))

    @Slot()
    def reset(self) -> None:
        for event, text in service_texts.defaults().items():
            self.editors[event].setPlainText(text)

    @Slot()
    def save(self) -> None:
        actor, version = self.ctx.actor, self.version
        values = {event: edit.toPlainText() for event, edit in self.editors.items()}
        for f in self.fields.values():
            f.set_error(None)

        def saved(t: service_texts.Templates) -> None:
            self.version = t.version
            self.status.setText(self.tr("已保存，新的短信按此模板发送。"))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                for event, message in exc.field_errors.items():
                    if event in self.fields:
                        self.fields[event].set_error(message)
                self.status.setText(self.tr("有模板不符合要求，未保存。"))
            else:
                show_error(self, exc)

        op = run_op(self, lambda s: service_texts.save(s, actor, values, expected_version=version))
        self._keep(op.success(saved).failure(failed))
