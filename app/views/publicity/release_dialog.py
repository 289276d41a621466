"""登记发布: choose approved versions and a channel, see the text in the channel's form, save it, record it.

Only approved or published versions are offered. The mobile newspaper's text shows its length against the
limit and may be shortened by hand; the service refuses it when still too long, and nothing is recorded.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.publicity_permissions import (
    CHANNEL_FLYER,
    CHANNEL_MOBILE,
    CHANNEL_NAMES,
    CHANNEL_TV,
    CHANNEL_WEBSITE,
    PUBLISHED,
    REACH_NAMES,
)
from app.services import publicity_exports, publicity_releases
from app.services.publicity_common import VersionInfo
from app.services.publicity_releases import REACH_MAX, ReleaseForm
from app.services.working_days import today
from app.views.app_context import AppContext
from app.views.common.form_helpers import ERROR_STYLE
from app.views.common.run_op import run_op
from app.views.publicity.common import OpKeeper, ask_path, date_edit, pydate, show_pdf, write_output


def render_output(channel: str, b: publicity_exports.Bundle) -> str | bytes:
    """A bundle in a channel's form: text for text channels, PDF bytes for the flyer."""
    if channel == CHANNEL_WEBSITE:
        return publicity_exports.website_html(b)
    if channel == CHANNEL_MOBILE:
        return publicity_exports.mobile_text(b)
    if channel == CHANNEL_TV:
        return publicity_exports.tv_script(b)
    from app.printing.publicity_flyer import render_flyer

    d = publicity_exports.flyer_data(b)
    return render_flyer(
        d.title, d.org, d.intro, d.sections, footer_lines=d.footer_lines, qr_url=d.qr_url, day=d.day
    )


class ReleaseDialog(QDialog):
    released = Signal(object)  # ReleaseInfo

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, channel: str = CHANNEL_WEBSITE
    ) -> None:
        super().__init__(parent)
        self.setObjectName("release_dialog")
        self.setWindowTitle(self.tr("登记发布"))
        self.resize(1100, 720)
        self.ctx, self._ops = ctx, OpKeeper()
        self.versions: list[VersionInfo] = []
        self.limit = 500
        self.preview_dialog: Any = None

        self.list = QListWidget()
        self.list.setObjectName("versions")
        all_button = QPushButton(self.tr("选中全部现行"))
        all_button.setObjectName("select_published")
        none_button = QPushButton(self.tr("全不选"))
        none_button.setObjectName("select_none")
        all_button.clicked.connect(lambda: self.check_where(lambda v: v.status == PUBLISHED))
        none_button.clicked.connect(lambda: self.check_where(lambda v: False))
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("已批准或现行的版本（只有经审核批准的版本才能发布）")))
        ll.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch(1)
        ll.addLayout(row)

        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for key, name in CHANNEL_NAMES.items():
            self.channel.addItem(self.tr(name), key)
        self.channel.setCurrentIndex(self.channel.findData(channel))
        self.day = date_edit(today(), "released_on")
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("默认按所选内容生成"))
        self.reach = QSpinBox()
        self.reach.setObjectName("reach")
        self.reach.setRange(0, REACH_MAX)
        self.reach.setGroupSeparatorShown(True)
        self.reach_label = QLabel()
        self.note = QLineEdit()
        self.note.setObjectName("note")
        form = QFormLayout()
        form.addRow(self.tr("渠道"), self.channel)
        form.addRow(self.tr("发布日期"), self.day)
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.reach_label, self.reach)
        form.addRow(self.tr("备注"), self.note)
        self.text = QPlainTextEdit()
        self.text.setObjectName("text")
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.regenerate_button = QPushButton(self.tr("重新生成稿件"))
        self.regenerate_button.setObjectName("regenerate_button")
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.setObjectName("save_button")
        self.preview_button = QPushButton(self.tr("预览宣传单"))
        self.preview_button.setObjectName("preview_button")
        self.release_button = QPushButton(self.tr("登记发布"))
        self.release_button.setObjectName("release_button")
        self.release_button.setDefault(True)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(form)
        rl.addWidget(QLabel(self.tr("稿件（手机报和电视稿可直接修改）")))
        rl.addWidget(self.text, 1)
        rl.addWidget(self.counter)
        rl.addWidget(self.message)
        buttons = QHBoxLayout()
        for b in (self.regenerate_button, self.preview_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.release_button)
        buttons.addWidget(close)
        rl.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([420, 680])
        lay = QVBoxLayout(self)
        lay.addWidget(split)

        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.list.itemChanged.connect(lambda _i: self.regenerate())
        self.text.textChanged.connect(self._count)
        self.regenerate_button.clicked.connect(self.regenerate)
        self.save_button.clicked.connect(self.save_as)
        self.preview_button.clicked.connect(self.preview_flyer)
        self.release_button.clicked.connect(self.record)
        self._channel_changed()
        actor = ctx.actor
        load = run_op(
            self,
            lambda s: (publicity_exports.releasable(s, actor), publicity_exports_settings(s)),
            readonly=True,
        )
        self._ops.start(load.success(self._loaded))

    # -- versions ------------------------------------------------------------------------------------
    @Slot(object)
    def _loaded(self, payload: tuple[list[VersionInfo], int]) -> None:
        self.versions, self.limit = payload
        self.list.blockSignals(True)
        self.list.clear()
        for v in self.versions:
            item = QListWidgetItem(f"{v.item_number}　{v.title}（第{v.no}版·{v.status_name}）")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._count()

    def check_where(self, wanted: Any) -> None:
        self.list.blockSignals(True)
        for i, v in enumerate(self.versions):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if wanted(v) else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.regenerate()

    def check_numbers(self, numbers: set[str]) -> None:
        self.check_where(lambda v: v.item_number in numbers)

    def selected_ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    # -- channel and text ----------------------------------------------------------------------------
    def current_channel(self) -> str:
        return str(self.channel.currentData())

    @Slot()
    def _channel_changed(self) -> None:
        ch = self.current_channel()
        self.reach_label.setText(self.tr(REACH_NAMES[ch]))
        self.text.setReadOnly(ch not in (CHANNEL_MOBILE, CHANNEL_TV))
        self.preview_button.setVisible(ch == CHANNEL_FLYER)
        self.text.setVisible(ch != CHANNEL_FLYER)
        self.regenerate()

    @Slot()
    def regenerate(self) -> None:
        ids, ch, actor = self.selected_ids(), self.current_channel(), self.ctx.actor
        self.message.hide()
        if not ids or ch == CHANNEL_FLYER:
            self.text.setPlainText("")
            return

        day = pydate(self.day.date())

        def work(s: Any) -> Any:
            return render_output(ch, publicity_exports.bundle(s, actor, ids, day=day))

        op = run_op(self, work, readonly=True).success(lambda text: self.text.setPlainText(str(text)))
        op.failure(self._failed)
        self._ops.start(op)

    @Slot()
    def _count(self) -> None:
        n = len(self.text.toPlainText())
        if self.current_channel() == CHANNEL_MOBILE:
            over = n > self.limit
            self.counter.setText(
                self.tr("共 {0} 字，手机报上限 {1} 字").format(n, self.limit)
                + (self.tr("（超出 {0} 字）").format(n - self.limit) if over else "")
            )
            self.counter.setStyleSheet(ERROR_STYLE if over else "")
        else:
            self.counter.setText(self.tr("共 {0} 字").format(n) if n else "")
            self.counter.setStyleSheet("")

    def _failed(self, exc: BaseException) -> None:
        from app.core.errors import DomainError

        if isinstance(exc, DomainError):
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(exc.message())
            self.message.show()
        else:
            from app.views.common.run_op import show_error

            show_error(self, exc)

    # -- outputs -------------------------------------------------------------------------------------
    def _output(self, done: Any) -> None:
        ids, ch, actor, day = (
            self.selected_ids(),
            self.current_channel(),
            self.ctx.actor,
            pydate(self.day.date()),
        )
        edited = self.text.toPlainText() if ch in (CHANNEL_MOBILE, CHANNEL_TV) else None

        def work(s: Any) -> Any:
            b = publicity_exports.bundle(s, actor, ids, day=day)
            if ch == CHANNEL_MOBILE:
                return publicity_exports.checked_mobile_text(b, edited)
            return edited if edited is not None else render_output(ch, b)

        op = run_op(self, work, readonly=True).success(done)
        op.failure(self._failed)
        self._ops.start(op)

    @Slot()
    def preview_flyer(self) -> None:
        self._output(
            lambda pdf: setattr(
                self, "preview_dialog", show_pdf(self, pdf, self.tr("宣传单"), self.preview_dialog)
            )
        )

    @Slot()
    def save_as(self) -> None:
        ch = self.current_channel()
        path = ask_path(
            self, self.tr("另存为"), f"{CHANNEL_NAMES[ch]}稿件_{pydate(self.day.date()):%Y%m%d}", ch
        )
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Any) -> None:
        self._output(lambda content: self._saved(write_output(path, content)))

    def _saved(self, path: Any) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("已保存到 {0}").format(path))
        self.message.show()

    @Slot()
    def record(self) -> None:
        ch, actor = self.current_channel(), self.ctx.actor
        form = ReleaseForm(
            ch, tuple(self.selected_ids()), released_on=pydate(self.day.date()), title=self.title.text(),
            body=self.text.toPlainText() if ch in (CHANNEL_MOBILE, CHANNEL_TV) else None,
            reach=self.reach.value(), note=self.note.text(),
        )  # fmt: skip
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        op = run_op(self, lambda s: publicity_releases.release(s, actor, form)).success(self._recorded)
        op.failure(self._failed)
        self._ops.start(op)

    @Slot(object)
    def _recorded(self, info: Any) -> None:
        self.released.emit(info)
        self.accept()


def publicity_exports_settings(session: Any) -> int:
    from app.services import publicity_settings

    return publicity_settings.load(session).mobile_limit
