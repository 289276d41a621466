"""公开数据: the citizen-service figures of a period for publication, in each channel's form, and recorded
as a release. The numbers come from the citizen-service data every time; nothing is typed in."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models.publicity_permissions import (
    CHANNEL_FLYER,
    CHANNEL_MOBILE,
    CHANNEL_NAMES,
    CHANNEL_TV,
    CHANNEL_WEBSITE,
    PUBLICITY_PUBLISH,
    REACH_NAMES,
)
from app.services import publicity_public_figures as pf
from app.services.publicity_public_figures import PublicFigures
from app.services.publicity_releases import REACH_MAX
from app.views.app_context import AppContext
from app.views.common.form_helpers import ERROR_STYLE
from app.views.common.run_op import run_op
from app.views.publicity.common import OpKeeper, ask_path, show_pdf, write_output
from app.views.publicity.period_bar import PeriodBar

SOURCE_TABLES = frozenset(
    {"service_item", "service_tally", "service_rating", "sms_message", "business_setting"}
)


def figures_output(channel: str, f: PublicFigures) -> str | bytes:
    if channel == CHANNEL_WEBSITE:
        return pf.website_html(f)
    if channel == CHANNEL_MOBILE:
        return pf.mobile_text(f)
    if channel == CHANNEL_TV:
        return pf.tv_script(f)
    from app.printing.public_figures import render_public_figures

    d = pf.flyer_data(f)
    return render_public_figures(
        d.title, d.org, d.sentence, d.rows, footer_lines=d.footer_lines, qr_url=d.qr_url, day=d.day
    )


class PublicFiguresScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("public_figures")
        self.ctx, self._ops = ctx, OpKeeper()
        self.figures: PublicFigures | None = None
        self.preview_dialog: Any = None
        self.period = PeriodBar(self, preset="last_quarter")
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 12pt;")
        self.kpis: dict[str, QLabel] = {}
        grid = QGridLayout()
        labels = (
            "受理群众事项",
            "办结",
            "办结率",
            "群众查询办理进度",
            "发送办理提醒短信",
            "群众评价",
            "满意率",
            "平均评分（满分5分）",
        )
        for n, label in enumerate(labels):
            title = QLabel(self.tr(label))
            title.setStyleSheet("color: #555;")
            value = QLabel("—")
            value.setObjectName(f"kpi_{n}")
            value.setStyleSheet("font-size: 17pt; font-weight: bold; color: #0d3c84;")
            grid.addWidget(title, 2 * (n // 4), n % 4)
            grid.addWidget(value, 2 * (n // 4) + 1, n % 4)
            self.kpis[label] = value
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for key, name in CHANNEL_NAMES.items():
            self.channel.addItem(self.tr(name), key)
        self.text = QPlainTextEdit()
        self.text.setObjectName("text")
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.reach = QSpinBox()
        self.reach.setObjectName("reach")
        self.reach.setRange(0, REACH_MAX)
        self.reach_label = QLabel()
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.setObjectName("save_button")
        self.preview_button = QPushButton(self.tr("预览宣传单"))
        self.preview_button.setObjectName("preview_button")
        self.release_button = QPushButton(self.tr("登记发布"))
        self.release_button.setObjectName("release_button")
        self.release_button.setEnabled(ctx.actor.can(PUBLICITY_PUBLISH))
        form = QHBoxLayout()
        for label, widget in (
            (QLabel(self.tr("渠道")), self.channel),
            (self.reach_label, self.reach),
            (QLabel(self.tr("备注")), self.note),
        ):
            form.addWidget(label)
            form.addWidget(widget)
        self.note.setMinimumWidth(320)
        form.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.release_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.period)
        lay.addWidget(self.headline)
        lay.addLayout(grid)
        lay.addLayout(form)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.counter)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self.period.requested.connect(self.refresh)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.text.textChanged.connect(self._count)
        self.save_button.clicked.connect(self.save_as)
        self.preview_button.clicked.connect(self.preview_flyer)
        self.release_button.clicked.connect(self.record)
        ctx.signals.changed.connect(self._tables_changed)
        self._channel_changed()
        self.period.run()

    @Slot(object)
    def _tables_changed(self, tables: frozenset[str]) -> None:
        if SOURCE_TABLES & set(tables) and self.isVisible():
            self.period.run()

    def current_channel(self) -> str:
        return str(self.channel.currentData())

    @Slot(object, object)
    def refresh(self, start: date, end: date) -> None:
        actor = self.ctx.actor
        self.headline.setText(self.tr("正在统计…"))
        op = run_op(self, lambda s: pf.figures(s, actor, start, end), readonly=True)
        op.failure(lambda e: self.headline.setText(""), show_dialog=True)
        self._ops.start(op.success(self._show))

    def _show(self, f: PublicFigures) -> None:
        self.figures = f
        self.headline.setText(pf.sentence(f))
        for label, value in f.rows():
            self.kpis[label].setText(value)
        self._fill_text()

    @Slot()
    def _channel_changed(self) -> None:
        ch = self.current_channel()
        self.reach_label.setText(self.tr(REACH_NAMES[ch]))
        self.text.setVisible(ch != CHANNEL_FLYER)
        self.text.setReadOnly(ch not in (CHANNEL_MOBILE, CHANNEL_TV))
        self.preview_button.setVisible(ch == CHANNEL_FLYER)
        self._fill_text()

    def _fill_text(self) -> None:
        ch, f = self.current_channel(), self.figures
        self.message.hide()
        self.text.setPlainText("" if f is None or ch == CHANNEL_FLYER else str(figures_output(ch, f)))

    @Slot()
    def _count(self) -> None:
        n = len(self.text.toPlainText())
        if self.current_channel() == CHANNEL_MOBILE and self.figures is not None:
            limit = self.figures.settings.mobile_limit
            self.counter.setText(self.tr("共 {0} 字，手机报上限 {1} 字").format(n, limit))
            self.counter.setStyleSheet(ERROR_STYLE if n > limit else "")
        else:
            self.counter.setText(self.tr("共 {0} 字").format(n) if n else "")
            self.counter.setStyleSheet("")

    def _output(self) -> str | bytes | None:
        f, ch = self.figures, self.current_channel()
        if f is None:
            return None
        if ch in (CHANNEL_MOBILE, CHANNEL_TV):
            return self.text.toPlainText()
        return figures_output(ch, f)

    @Slot()
    def preview_flyer(self) -> None:
        f = self.figures
        if f is not None:
            op = run_op(self, lambda: figures_output(CHANNEL_FLYER, f), session=False)
            self._ops.start(
                op.success(
                    lambda pdf: setattr(
                        self, "preview_dialog", show_pdf(self, pdf, f.title, self.preview_dialog)
                    )
                )
            )

    @Slot()
    def save_as(self) -> None:
        ch = self.current_channel()
        path = ask_path(self, self.tr("另存为"), f"民生警务公开数据_{CHANNEL_NAMES[ch]}", ch)
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Any) -> None:
        content = self._output()
        if content is not None:
            write_output(path, content)
            self._say(self.tr("已保存到 {0}").format(path), ok=True)

    @Slot()
    def record(self) -> None:
        f, ch, actor = self.figures, self.current_channel(), self.ctx.actor
        if f is None:
            return
        body = self.text.toPlainText() if ch in (CHANNEL_MOBILE, CHANNEL_TV) else None
        reach, note = self.reach.value(), self.note.text()
        op = run_op(
            self, lambda s: pf.release(s, actor, ch, f.start, f.end, body=body, reach=reach, note=note)
        )
        op.success(
            lambda info: self._say(self.tr("已登记发布：{0}").format(CHANNEL_NAMES[info.channel]), ok=True)
        )
        op.failure(self._failed)
        self._ops.start(op)

    def _failed(self, exc: BaseException) -> None:
        from app.core.errors import DomainError

        if isinstance(exc, DomainError):
            self._say(exc.message(), ok=False)
        else:
            from app.views.common.run_op import show_error

            show_error(self, exc)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet("color: #1b5e20;" if ok else ERROR_STYLE)
        self.message.setText(text)
        self.message.show()
