"""通知公告与意见征集 for their authors and publishers: the lists with 发布, 撤回/结束, 阅读情况 and 查看结果.
Reading, voting and receipts for the officers themselves are on the self-service page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QWidget

from app.models.support_permissions import APPROVE, NOTICE, code
from app.services import support_notices, support_poll_votes, support_polls
from app.services.support_notices import NOTICE_SPEC
from app.services.support_polls import POLL_SPEC
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.support.support_screen import ScreenTabs, SupportScreen

PUBLISH = code(NOTICE, APPROVE)


def _status_in(*states: str) -> Any:
    return lambda row: row.values.get("status") in states


class NoticeScreen(SupportScreen):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(NOTICE_SPEC, ctx, parent, hide=("import",), **kw)
        self.receipts_dialog: QWidget | None = None
        self.add_action(
            "publish", self.tr("发布"), self.publish, permission=PUBLISH, when=_status_in("draft")
        )
        self.add_action(
            "withdraw", self.tr("撤回"), self.withdraw, permission=PUBLISH, when=_status_in("published")
        )
        self.add_action("receipts", self.tr("阅读情况"), self.show_receipts, when=_status_in("published"))

    @Slot()
    def publish(self) -> None:
        self.run_on_selected(support_notices.publish, self.tr("已发布"))

    @Slot()
    def withdraw(self) -> None:
        self.run_on_selected(support_notices.withdraw, self.tr("已撤回"))

    @Slot()
    def show_receipts(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        actor = self.actor
        op = run_op(self, lambda s: support_notices.receipts(s, actor, row.id), readonly=True)
        self._keep(op.success(self._receipts).failure(self._refused))

    @Slot()
    def _receipts_closed(self) -> None:
        self.receipts_dialog = None

    def _refused(self, exc: BaseException) -> None:
        self.status_label.setText(getattr(exc, "message", lambda: str(exc))())

    def _receipts(self, receipts: Any) -> None:
        from app.views.support.poll_dialogs import ReceiptsDialog

        dialog = ReceiptsDialog(receipts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._receipts_closed)
        self.receipts_dialog = dialog
        dialog.open()


class PollScreen(SupportScreen):
    @Slot()
    def _results_closed(self) -> None:
        self.results_dialog = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(POLL_SPEC, ctx, parent, hide=("import",), **kw)
        self.results_dialog: QWidget | None = None
        self.add_action(
            "publish", self.tr("发布"), self.publish, permission=PUBLISH, when=_status_in("draft")
        )
        self.add_action(
            "close", self.tr("结束征集"), self.close_poll, permission=PUBLISH, when=_status_in("open")
        )
        self.add_action("results", self.tr("查看结果"), self.show_results, when=_status_in("open", "closed"))

    @Slot()
    def publish(self) -> None:
        self.run_on_selected(support_polls.open_poll, self.tr("已发布，开始征集"))

    @Slot()
    def close_poll(self) -> None:
        self.run_on_selected(support_polls.close_poll, self.tr("已结束征集"))

    @Slot()
    def show_results(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        actor = self.actor
        op = run_op(self, lambda s: support_poll_votes.results(s, actor, row.id), readonly=True)
        self._keep(op.success(self._results).failure(lambda exc: self.status_label.setText(str(exc))))

    def _results(self, results: Any) -> None:
        from app.views.support.poll_dialogs import ResultsDialog

        dialog = ResultsDialog(results, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._results_closed)
        self.results_dialog = dialog
        dialog.open()


def notices_and_polls(ctx: AppContext) -> ScreenTabs:
    return ScreenTabs([("通知公告", NoticeScreen(ctx)), ("意见征集", PollScreen(ctx))])
