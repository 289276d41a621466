"""宣传设置: the name on every output, hotline, website, the mobile newspaper's limit and signature, and the
service window of each department (what the guides print as 受理窗口). Shared by every workstation."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError, ValidationError
from app.models.publicity_permissions import PUBLICITY_PUBLISH
from app.services import publicity_catalogue, publicity_settings
from app.services.publicity_settings import MOBILE_LIMIT_RANGE, PublicitySettings
from app.views.app_context import AppContext
from app.views.common.form_helpers import ERROR_STYLE, ErrorForm
from app.views.common.run_op import run_op, show_error
from app.views.publicity.common import OpKeeper


class SettingsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publicity_settings")
        self.ctx, self._ops = ctx, OpKeeper()
        self.settings = PublicitySettings()
        form = QFormLayout()
        self.errors = ErrorForm(form)
        self.org_name = self.errors.line("org_name", self.tr("发布单位"))
        self.hall_name = self.errors.line(
            "hall_name", self.tr("办事大厅"), placeholder=self.tr("如：县政务服务中心公安窗口")
        )
        self.hotline = self.errors.line("hotline", self.tr("咨询电话"))
        self.website_url = self.errors.line("website_url", self.tr("网站地址"), placeholder="https://")
        self.mobile_limit = QSpinBox()
        self.mobile_limit.setRange(*MOBILE_LIMIT_RANGE)
        self.errors.add("mobile_limit", self.tr("手机报字数上限"), self.mobile_limit)
        self.mobile_signature = self.errors.line("mobile_signature", self.tr("手机报署名"))
        self.windows = QTableWidget(0, 2)
        self.windows.setObjectName("windows")
        self.windows.setHorizontalHeaderLabels(
            [self.tr("责任部门"), self.tr("受理窗口（留空则用“办事大厅（部门）”）")]
        )
        self.windows.verticalHeader().setVisible(False)
        self.windows.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.windows.horizontalHeader().setStretchLastSection(True)
        self.windows.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("save_button")
        self.save_button.setEnabled(ctx.actor.can(PUBLICITY_PUBLISH))
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("各部门受理窗口（办事指南中的“受理窗口”）")))
        lay.addWidget(self.windows, 1)
        lay.addLayout(bar)
        self.save_button.clicked.connect(self.save)
        ctx.signals.changed.connect(lambda tables: self.load() if "business_setting" in tables else None)
        self.load()

    def load(self) -> None:
        def work(s: Any) -> Any:
            departments = [n for _i, n in publicity_catalogue.unit_choices(s)]
            return publicity_settings.load(s), departments

        self._ops.start(run_op(self, work, readonly=True).success(self._show))

    def _show(self, payload: tuple[PublicitySettings, list[str]]) -> None:
        st, departments = payload
        self.settings = st
        self.org_name.setText(st.org_name)
        self.hall_name.setText(st.hall_name)
        self.hotline.setText(st.hotline)
        self.website_url.setText(st.website_url)
        self.mobile_limit.setValue(st.mobile_limit)
        self.mobile_signature.setText(st.mobile_signature)
        names = list(dict.fromkeys([*departments, *st.windows]))
        self.windows.setRowCount(len(names))
        for r, name in enumerate(names):
            head = QTableWidgetItem(name)
            head.setFlags(head.flags() & ~head.flags().ItemIsEditable)
            self.windows.setItem(r, 0, head)
            self.windows.setItem(r, 1, QTableWidgetItem(st.windows.get(name, "")))

    def value(self) -> PublicitySettings:
        windows = {}
        for r in range(self.windows.rowCount()):
            name, text = self.windows.item(r, 0), self.windows.item(r, 1)
            if name and text and text.text().strip():
                windows[name.text()] = text.text().strip()
        return replace(
            self.settings, org_name=self.org_name.text().strip(), hall_name=self.hall_name.text().strip(),
            hotline=self.hotline.text().strip(), website_url=self.website_url.text().strip(),
            mobile_limit=self.mobile_limit.value(), mobile_signature=self.mobile_signature.text().strip(),
            windows=windows,
        )  # fmt: skip

    @Slot()
    def save(self) -> None:
        value, actor = self.value(), self.ctx.actor
        self.errors.clear_errors()
        op = run_op(self, lambda s: publicity_settings.save(s, actor, value)).success(self._saved)
        op.failure(self._failed)
        self._ops.start(op)

    def _saved(self, st: PublicitySettings) -> None:
        self.settings = st
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("已保存，所有工作站立即生效。"))

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError) and exc.field_errors:
            self.message.setText(
                "；".join(self.errors.show_errors(exc.field_errors)) or self.tr("请按提示修改后再保存。")
            )
        elif isinstance(exc, DomainError):
            self.message.setText(exc.message())
        else:
            show_error(self, exc)
