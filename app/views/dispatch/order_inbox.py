"""我的警令: the officer's inbox of orders. New ones appear by themselves, with a notice in the window.

The screen listens to the application's change signal (local saves and other workstations' commits alike):
when orders, receipts or inbox messages changed it reloads the list and asks for notices
(:func:`app.services.order_receipts.take_notices`), which also marks newly fetched orders as received.
It is the platform's first section, so it is built, and checks for notices, right after login.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QItemSelection, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import order_receipts
from app.services.order_receipts import InboxOrder, Notice
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.dispatch.my_duty_bar import MyDutyBar
from app.views.dispatch.order_detail_view import OrderDetailView
from app.views.dispatch.order_inbox_model import Col, OrderInboxModel, RowRole
from app.views.dispatch.order_notifier import OrderNotifier, notice_text, reveal
from app.views.dispatch.order_status_indicator import OrderStatusIndicator, install

TABLES = frozenset({"dispatch_order", "dispatch_order_receipt", "inbox_message"})


class OrderInbox(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("order_inbox")
        self._reload_pending = False
        self._open_after_load: int | None = None
        self.banner = QLabel(self)
        self.banner.setObjectName("notice_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3e0; color: #bf360c; padding: 6px; border-radius: 4px;")
        self.banner.hide()
        self.duty = MyDutyBar(ctx, self)
        self.pending_only = QCheckBox(self.tr("只看未签收"), self)
        self.pending_only.setObjectName("pending_only")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("inbox_count")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.model = OrderInboxModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("order_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Col.TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (Col.STATE, 70),
            (Col.PRIORITY, 64),
            (Col.SENDER, 70),
            (Col.SENT_AT, 90),
            (Col.DEADLINE, 90),
        ):
            header.resizeSection(col, width)
        self.detail = OrderDetailView(ctx, self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([520, 480])
        tools = QHBoxLayout()
        tools.addWidget(self.pending_only)
        tools.addStretch(1)
        tools.addWidget(self.count_label)
        tools.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.duty)
        lay.addWidget(self.banner)
        lay.addLayout(tools)
        lay.addWidget(split, 1)

        self.notifier = OrderNotifier(self)
        self.notifier.view_requested.connect(self.show_order)
        self.indicator = OrderStatusIndicator()
        self.indicator.clicked.connect(self.show_waiting)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.detail.acknowledge_requested.connect(self.acknowledge)
        self.pending_only.toggled.connect(lambda: self.reload())
        self.refresh_button.clicked.connect(lambda: self.reload(with_notices=True))
        ctx.signals.changed.connect(self._changed)
        self.reload(with_notices=True)
        # at login this screen is built before the main window takes it: install on the next turn
        QTimer.singleShot(0, self, lambda: install(self, self.indicator))

    # -- loading --------------------------------------------------------------------------------------
    @Slot(object)
    def _changed(self, tables: frozenset[str]) -> None:
        if TABLES & set(tables):
            self.reload(with_notices=True)

    @Slot()
    def reload(self, with_notices: bool = False) -> None:
        """Reload the list; with notices, first take what is new (fetching marks orders received)."""
        actor = self.ctx.actor
        pending = self.pending_only.isChecked()

        def work(session: object) -> tuple[list[Notice], list[InboxOrder], int]:
            notices = order_receipts.take_notices(session, actor) if with_notices else []  # type: ignore[arg-type]
            rows = order_receipts.my_orders(session, actor, pending_only=pending)  # type: ignore[arg-type]
            return notices, rows, order_receipts.unacknowledged_count(session, actor)  # type: ignore[arg-type]

        run_op(self, work).success(self._loaded).start()

    def _loaded(self, result: tuple[list[Notice], list[InboxOrder], int]) -> None:
        notices, rows, waiting = result
        self._notices(notices)
        current = self.detail.order.order_id if self.detail.order else None
        self.model.set_rows(rows, datetime.now(UTC))
        self.count_label.setText(self.tr("共 {0} 条，未签收 {1} 条").format(len(rows), waiting))
        self.indicator.set_waiting(waiting)
        install(self, self.indicator)
        target = self._open_after_load or current
        self._open_after_load = None
        row = self.model.row_of(target) if target is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.detail.show_order(self.model.rows[row])

    def _notices(self, notices: list[Notice]) -> None:
        if not notices:
            return
        self.banner.setText(notice_text(notices))
        self.banner.show()
        # Next turn of the event loop: at login this screen is built before it is placed in the main window,
        # and the notice belongs on the window, whichever tab is showing.
        QTimer.singleShot(0, self, lambda: self.notifier.notify(notices))

    # -- opening and acknowledging ----------------------------------------------------------------------
    @Slot(QItemSelection, QItemSelection)
    def _selected(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        order: InboxOrder = self.model.data(rows[0], RowRole)
        if self.detail.order is not None and self.detail.order.order_id == order.order_id and order.read_at:
            return
        self.open_order(order.order_id)

    def open_order(self, order_id: int) -> None:
        """Opening marks the order read (the first time)."""
        actor = self.ctx.actor
        run_op(self, lambda s: order_receipts.open_order(s, actor, order_id)).success(self._opened).start()

    def _opened(self, order: InboxOrder) -> None:
        self.model.replace(order)
        self.detail.show_order(order)

    @Slot(int)
    def show_order(self, order_id: int) -> None:
        """查看 on a notice: bring this screen forward and open the order."""
        reveal(self)
        self.banner.hide()
        if self.pending_only.isChecked() and self.model.row_of(order_id) < 0:
            self.pending_only.setChecked(False)
        row = self.model.row_of(order_id)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._open_after_load = order_id
            self.reload()

    @Slot()
    def show_waiting(self) -> None:
        """The status-bar sign clicked: this screen forward, the first order not yet acknowledged open."""
        waiting = next((r for r in self.model.rows if r.acknowledged_at is None), None)
        if waiting is None:
            reveal(self)
            self.reload()
        else:
            self.show_order(waiting.order_id)

    @Slot(int)
    def acknowledge(self, order_id: int) -> None:
        actor = self.ctx.actor
        run_op(self, lambda s: order_receipts.acknowledge(s, actor, order_id)).success(
            self._acknowledged
        ).start()

    def _acknowledged(self, order: InboxOrder) -> None:
        self._opened(order)
        self.banner.hide()
        self.indicator.set_waiting(self.indicator.waiting - 1)
