"""The dispatcher's view of one order: the completion figure, every recipient's times, 催签, the roster print."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.dispatch_order import ORDER_ACTIVE, ORDER_KINDS, PRIORITY_NAMES
from app.models.dispatch_permissions import DISPATCH_ORDER_SEND
from app.printing.order_roster import render_roster
from app.services import order_deadlines, order_tracking
from app.services.order_tracking import OrderDetail, RecipientState
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.dispatch.confirm import ask
from app.views.dispatch.formatting import tr, when
from app.views.dispatch.recipient_model import Col, RecipientModel, RowRole, SortRole

TABLES = frozenset({"dispatch_order", "dispatch_order_receipt", "inbox_message"})


class OrderTrackingPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("order_tracking")
        self.order: OrderDetail | None = None
        self.preview: QWidget | None = None
        self.title = QLabel(self)
        self.title.setObjectName("tracking_title")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.meta = QLabel(self)
        self.meta.setWordWrap(True)
        self.figure = QLabel(self)
        self.figure.setObjectName("completion_figure")
        self.figure.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.counts = QLabel(self)
        self.counts.setObjectName("receipt_counts")
        self.missing_only = QCheckBox(self.tr("只看未签收"), self)
        self.model = RecipientModel(self)
        self.proxy = QSortFilterProxyModel(self)  # a few thousand rows at most: sorting here is instant
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("recipient_table")
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(
            -1, Qt.SortOrder.AscendingOrder
        )  # the service's order:
        self.table.setSortingEnabled(True)  # those who have not acknowledged first
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(Col.UNIT, QHeaderView.ResizeMode.Stretch)
        self.remind_all = QPushButton(self.tr("催签全部未签收人员"), self)
        self.remind_all.setObjectName("remind_all")
        self.remind_selected = QPushButton(self.tr("催签所选"), self)
        self.print_button = QPushButton(self.tr("打印签收名单"), self)
        self.print_button.setObjectName("print_roster")
        self.close_button = QPushButton(self.tr("结束警令"), self)
        self.result = QLabel(self)
        self.result.setObjectName("tracking_result")
        figures = QHBoxLayout()
        figures.addWidget(self.figure)
        figures.addWidget(self.progress, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.missing_only)
        buttons.addWidget(self.result, 1)
        for b in (self.remind_all, self.remind_selected, self.print_button, self.close_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.title)
        lay.addWidget(self.meta)
        lay.addLayout(figures)
        lay.addWidget(self.counts)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        self.missing_only.toggled.connect(self.reload)
        self.remind_all.clicked.connect(lambda: self.remind(None))
        self.remind_selected.clicked.connect(self._remind_selected)
        self.print_button.clicked.connect(self.print_roster)
        self.close_button.clicked.connect(self.close_order)
        ctx.signals.changed.connect(self._changed)
        self.show_order(None)

    # -- loading ----------------------------------------------------------------------------------------
    def show_order(self, order_id: int | None) -> None:
        self._order_id = order_id
        if order_id is None:
            self.order = None
            self.title.setText(self.tr("请在上方列表中选择一条警令，查看签收情况"))
            for w in (self.meta, self.figure, self.counts, self.result):
                w.clear()
            self.progress.setValue(0)
            self.model.set_rows([])
            self._update_buttons()
            return
        self.reload()

    @Slot(object)
    def _changed(self, tables: frozenset[str]) -> None:
        if self._order_id is not None and TABLES & set(tables):
            self.reload()

    @Slot()
    def reload(self) -> None:
        if self._order_id is None:
            return
        actor, order_id, missing = self.ctx.actor, self._order_id, self.missing_only.isChecked()

        def work(session: object) -> tuple[OrderDetail, list[RecipientState]]:
            detail = order_tracking.detail(session, actor, order_id)  # type: ignore[arg-type]
            return detail, order_tracking.recipients(session, actor, order_id, only_missing=missing)  # type: ignore[arg-type]

        run_op(self, work).success(self._loaded).start()

    def _loaded(self, result: tuple[OrderDetail, list[RecipientState]]) -> None:
        order, people = result
        if order.id != self._order_id:
            return
        self.order = order
        f = order.figures
        kind = tr(ORDER_KINDS.get(order.kind, ""))
        self.title.setText(f"{order.number}　[{kind}] {order.title}")
        deadline = when(order.ack_deadline, year=True) if order.ack_deadline else self.tr("未设定")
        self.meta.setText(
            self.tr("紧急程度：{0}　下达人：{1}　下达时间：{2}　签收时限：{3}\n接收范围：{4}").format(
                tr(PRIORITY_NAMES.get(order.priority, "")),
                order.sender_name,
                when(order.sent_at, year=True),
                deadline,
                order.target_text,
            )
        )
        self.figure.setText(
            self.tr("完成率 {0}%（已签收 {1}/{2}）").format(
                f.completion_percent, f.acknowledged, f.recipients
            )
        )
        self.figure.setStyleSheet(
            "font-size: 13pt; font-weight: bold; color: %s;" % ("#2e7d32" if f.none_missed else "#c62828")
        )
        self.progress.setValue(f.completion_percent)
        text = self.tr("已接收 {0} 人 · 已阅 {1} 人 · 已签收 {2} 人 · 未签收 {3} 人").format(
            f.received, f.read, f.acknowledged, f.missing
        )
        if f.none_missed:
            text += self.tr("　全部签收，无一遗漏")
        self.counts.setText(text)
        self.model.set_rows(people)
        self._update_buttons()

    def _update_buttons(self) -> None:
        o = self.order
        can_send = self.ctx.actor.can(DISPATCH_ORDER_SEND)
        active = o is not None and o.status == ORDER_ACTIVE
        missing = o is not None and o.figures.missing > 0
        self.remind_all.setEnabled(can_send and active and missing)
        self.remind_selected.setEnabled(can_send and active and missing)
        self.close_button.setEnabled(can_send and active)
        self.print_button.setEnabled(o is not None)

    # -- actions ---------------------------------------------------------------------------------------
    def selected_people(self) -> list[RecipientState]:
        return [self.proxy.data(i, RowRole) for i in self.table.selectionModel().selectedRows()]

    @Slot()
    def _remind_selected(self) -> None:
        chosen = [p.user_id for p in self.selected_people() if p.acknowledged_at is None]
        if not chosen:
            self.result.setText(self.tr("请先选中未签收的人员"))
            return
        self.remind(chosen)

    def remind(self, user_ids: list[int] | None) -> None:
        if self.order is None:
            return
        actor, order_id = self.ctx.actor, self.order.id
        run_op(self, lambda s: order_deadlines.remind(s, actor, order_id, user_ids=user_ids)).success(
            lambda n: self.result.setText(self.tr("已向 {0} 人发出催签提醒").format(n))
        ).start()

    @Slot()
    def print_roster(self) -> None:
        if self.order is None:
            return
        actor, order_id = self.ctx.actor, self.order.id

        def work(session: object) -> bytes:
            detail = order_tracking.detail(session, actor, order_id)  # type: ignore[arg-type]
            people = order_tracking.recipients(session, actor, order_id)  # type: ignore[arg-type]
            return render_roster(detail, people, printed_by=actor.display_name)

        run_op(self, work).success(self._preview).start()

    def _preview(self, pdf: bytes) -> None:
        from app.views.common.pdf_preview_dialog import PdfPreviewDialog

        dialog = PdfPreviewDialog(pdf, self.tr("警令签收名单"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._preview_closed)
        self.preview = dialog
        dialog.open()

    @Slot()
    def _preview_closed(self) -> None:
        if self.sender() is self.preview:
            self.preview = None  # deleted on close: hold no reference to it

    @Slot()
    def close_order(self) -> None:
        if self.order is None:
            return
        order = self.order
        self.confirm_box = ask(
            self,
            self.tr("结束警令"),
            self.tr("结束“{0}”后不再催签和上报，迟到的签收仍会记录。确定结束吗？").format(order.title),
            self.tr("结束警令"),
            lambda: self._close(order),
            name="close_order_box",
        )

    def _close(self, order: OrderDetail) -> None:
        actor = self.ctx.actor
        run_op(self, lambda s: order_tracking.close(s, actor, order.id, order.version)).success(
            lambda _t: self.reload()
        ).start()
