"""自助服务: what every officer sees of themselves, on one page with tabs: an overview with their file, their
leave (申请, 撤回, 销假), overtime and time-off balance, expense claims, training record, notices and polls.
Each list is declared with an "own records only" scope, so it never shows anyone else's."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFormLayout, QFrame, QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.core.errors import DomainError
from app.services import support_self_service
from app.services.support_expenses import MY_EXPENSE_SPEC
from app.services.support_leave import MY_LEAVE_SPEC
from app.services.support_overtime import MY_OVERTIME_SPEC
from app.services.support_registers import MY_TRAINING_SPEC
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.support.function_screens import LeaveScreen, RequestScreen
from app.views.support.my_notices import MyNotices
from app.views.support.support_screen import SupportScreen

OVERVIEW_TABLES = frozenset(
    {
        "support_personnel",
        "support_leave",
        "support_overtime",
        "support_training",
        "support_notice",
        "support_notice_read",
        "support_poll",
        "support_poll_voter",
        "role_permission",
    }
)


class Tile(QFrame):
    """A number with its caption."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Tile { background: #f5f8fc; border-radius: 4px; }")
        self.value = QLabel("—", self)
        self.value.setObjectName(name)
        self.value.setStyleSheet("font-size: 18pt; font-weight: bold; color: #0d3c84;")
        self.value.setWordWrap(True)
        cap = QLabel(caption, self)
        cap.setStyleSheet("color: #555;")
        lay = QVBoxLayout(self)
        lay.addWidget(self.value)
        lay.addWidget(cap)


class Overview(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("self_overview")
        self._ops: list[Any] = []
        self.data: support_self_service.Overview | None = None
        self.greeting = QLabel(self)
        self.greeting.setStyleSheet("font-size: 14pt; font-weight: bold;")
        grid = QGridLayout()
        self.tiles = {
            "leave_pending": Tile(self.tr("审批中的请假"), "leave_pending"),
            "leave_next": Tile(self.tr("下一次已批准的请假"), "leave_next"),
            "balance": Tile(self.tr("可调休余额（小时）"), "balance"),
            "training": Tile(self.tr("今年培训学时"), "training"),
            "unread": Tile(self.tr("未读通知"), "unread"),
            "polls": Tile(self.tr("待参与的意见征集"), "polls"),
        }
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 3, i % 3)
        self.file_box = QFrame(self)
        self.file_form = QFormLayout(self.file_box)
        self.file_title = QLabel(self.tr("我的人事档案"), self)
        self.file_title.setStyleSheet("font-weight: bold; margin-top: 8px;")
        lay = QVBoxLayout(self)
        lay.addWidget(self.greeting)
        lay.addLayout(grid)
        lay.addWidget(self.file_title)
        lay.addWidget(self.file_box)
        lay.addStretch(1)
        ctx.signals.changed.connect(self._tables_changed)
        self.reload()

    @Slot(object)
    def _tables_changed(self, tables: Any) -> None:
        if OVERVIEW_TABLES & set(tables or ()):
            self.reload()

    def reload(self) -> None:
        actor = self.ctx.actor
        op = run_op(self, lambda s: support_self_service.overview(s, actor), readonly=True)
        self._ops.append(op)
        op.success(self._show).failure(self._failed).finished(lambda: self._ops.remove(op)).start()

    def _failed(self, exc: BaseException) -> None:
        self.greeting.setText(exc.message() if isinstance(exc, DomainError) else str(exc))

    def _show(self, v: support_self_service.Overview) -> None:
        self.data = v
        self.greeting.setText(self.tr("{0}，您好（{1}）").format(v.name, v.unit or self.tr("未分配单位")))

        def shown(value: Any) -> str:
            return self.tr("无权查看") if value is None else str(value)

        self.tiles["leave_pending"].value.setText(shown(v.leave_pending))
        self.tiles["leave_next"].value.setText(v.leave_next or self.tr("无权查看"))
        self.tiles["balance"].value.setText(shown(v.balance_hours))
        self.tiles["training"].value.setText(shown(v.training_hours_year))
        self.tiles["unread"].value.setText(shown(v.unread_notices))
        self.tiles["polls"].value.setText(shown(v.open_polls))
        while self.file_form.rowCount():
            self.file_form.removeRow(0)
        if v.file is None:
            self.file_form.addRow(QLabel(self.tr("尚无人事档案，或无权查看。请与警务保障室联系。"), self))
        else:
            for key, value in v.file.lines:
                label = QLabel(value, self)
                label.setObjectName(f"file_{key}")
                self.file_form.addRow(f"{key}：", label)


class SelfServicePage(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("self_service")
        self.setDocumentMode(True)
        self.overview = Overview(ctx)
        self.leave = LeaveScreen(MY_LEAVE_SPEC, ctx)
        self.overtime = RequestScreen(MY_OVERTIME_SPEC, ctx, "overtime")
        self.expenses = RequestScreen(MY_EXPENSE_SPEC, ctx, "expense")
        self.training = SupportScreen(MY_TRAINING_SPEC, ctx, hide=("create", "edit", "delete", "import"))
        self.notices = MyNotices(ctx)
        for screen in (self.leave, self.overtime, self.expenses):
            screen.actions_by_name["decide"].setVisible(False)  # one's own requests are decided by others
        self.addTab(self.overview, self.tr("我的概况"))
        self.addTab(self.leave, self.tr("我的请假"))
        self.addTab(self.overtime, self.tr("加班与调休"))
        self.addTab(self.expenses, self.tr("我的报销"))
        self.addTab(self.training, self.tr("我的培训"))
        self.addTab(self.notices, self.tr("通知与征集"))

    def print_list(self) -> None:
        handler = getattr(self.currentWidget(), "print_list", None)
        if handler is not None:
            handler()

    def export_excel(self) -> None:
        handler = getattr(self.currentWidget(), "export_excel", None)
        if handler is not None:
            handler()


__all__ = ["SelfServicePage"]
