"""One order as the officer reads it: title, who sent it and when, the text, the attachments, 签收."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.models.dispatch_order import ORDER_KINDS, PRIORITY_NAMES
from app.services.order_receipts import InboxOrder
from app.views.app_context import AppContext
from app.views.dispatch.attachment_panel import AttachmentPanel
from app.views.dispatch.formatting import PRIORITY_COLORS, tr, when


class OrderDetailView(QWidget):
    acknowledge_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("order_detail")
        self.order: InboxOrder | None = None
        self.title = QLabel(self)
        self.title.setObjectName("order_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.meta = QLabel(self)
        self.meta.setObjectName("order_meta")
        self.meta.setWordWrap(True)
        self.body = QTextBrowser(self)
        self.body.setObjectName("order_body")
        self.attachments = AttachmentPanel(ctx, self)
        self.ack_button = QPushButton(self.tr("签收"), self)
        self.ack_button.setObjectName("ack_button")
        self.ack_button.setMinimumHeight(36)
        self.ack_button.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.ack_state = QLabel(self)
        self.ack_state.setObjectName("ack_state")
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.meta)
        lay.addWidget(self.body, 2)
        lay.addWidget(self.attachments, 2)
        lay.addWidget(self.ack_state)
        lay.addWidget(self.ack_button)
        self.ack_button.clicked.connect(self._ack_clicked)
        self.show_order(None)

    def show_order(self, order: InboxOrder | None) -> None:
        same = self.order is not None and order is not None and self.order.order_id == order.order_id
        self.order = order
        if order is None:
            self.title.setText(self.tr("请在左侧选择一条警令"))
            self.meta.clear()
            self.body.clear()
            self.body.hide()
            self.attachments.set_attachments([])
            self.ack_button.hide()
            self.ack_state.clear()
            return
        kind = tr(ORDER_KINDS.get(order.kind, ""))
        priority = tr(PRIORITY_NAMES.get(order.priority, ""))
        color = PRIORITY_COLORS.get(order.priority, PRIORITY_COLORS[0]).name()
        self.title.setText(f"[{kind}] {order.title}")
        deadline = when(order.ack_deadline, year=True) if order.ack_deadline else self.tr("未设定")
        self.meta.setText(
            self.tr(
                "编号：{0}　紧急程度：<span style='color:{1}; font-weight:bold'>{2}</span>　下达人：{3}　"
                "下达时间：{4}　签收时限：{5}"
            ).format(
                order.number, color, priority, order.sender_name, when(order.sent_at, year=True), deadline
            )
        )
        self.body.setPlainText(order.body)
        self.body.show()
        if not same:
            self.attachments.set_attachments(order.attachments)
        self.ack_button.show()
        if order.acknowledged_at is not None:
            self.ack_button.setEnabled(False)
            self.ack_button.setText(self.tr("已签收"))
            self.ack_state.setText(
                self.tr("您已于 {0} 签收。").format(when(order.acknowledged_at, year=True))
            )
            self.ack_state.setStyleSheet("color: #2e7d32;")
        else:
            self.ack_button.setEnabled(True)
            self.ack_button.setText(self.tr("签收"))
            overdue = order.overdue(datetime.now(UTC))
            self.ack_state.setText(
                self.tr("已超过签收时限，请立即签收。") if overdue else self.tr("请阅读后点击“签收”。")
            )
            self.ack_state.setStyleSheet("color: #c62828;" if overdue else "color: #555;")

    def _ack_clicked(self) -> None:
        if self.order is not None:
            self.acknowledge_requested.emit(self.order.order_id)
