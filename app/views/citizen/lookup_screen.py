"""进度查询: the clerk answers a citizen at the window or on the phone; each look-up is counted with its channel.

Also verifies a certificate someone shows or sends: its number and verification code, or the QR text scanned.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.service_item import CARD_NAMES, STATUS_NAMES
from app.models.working_calendar import BEIJING
from app.services import certificates, lookup
from app.views.app_context import AppContext
from app.views.citizen.card_delegate import CARD_COLOURS
from app.views.common.run_op import run_op

COLUMNS = (
    "受理编号",
    "事项",
    "申请人",
    "联系电话",
    "状态",
    "时限",
    "承诺办结",
    "责任部门",
    "收件时间",
    "说明",
)


def _t(text: str) -> str:
    return QCoreApplication.translate("service", text)


class LookupScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lookup_screen")
        self.ctx = ctx
        self.result: lookup.LookupResult | None = None
        self.item_dialog: Any = None
        self._ops: list[Any] = []
        self.query = QLineEdit()
        self.query.setObjectName("query")
        self.query.setPlaceholderText(self.tr("受理编号、18位身份证号或11位手机号；也可扫描回执上的二维码"))
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        self.channel.addItem(self.tr("窗口查询"), "window")
        self.channel.addItem(self.tr("电话查询"), "phone")
        self.search_button = QPushButton(self.tr("查询"))
        self.search_button.setObjectName("search_button")
        self.counter = QLabel()
        self.counter.setObjectName("counter_label")
        self.message = QLabel()
        self.message.setObjectName("message_label")
        self.message.setStyleSheet("color: #c62828;")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("results")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for i, w in enumerate((140, 130, 70, 100, 100, 70, 90, 110, 120)):
            self.table.setColumnWidth(i, w)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)

        verify = QGroupBox(self.tr("证明核验"))
        self.cert_no = QLineEdit()
        self.cert_no.setObjectName("cert_no")
        self.cert_no.setPlaceholderText(self.tr("证明编号，或扫描证明上的二维码"))
        self.cert_code = QLineEdit()
        self.cert_code.setObjectName("cert_code")
        self.cert_code.setPlaceholderText(self.tr("校验码，如 7K3F-9QXM"))
        self.verify_button = QPushButton(self.tr("核验"))
        self.verify_button.setObjectName("verify_button")
        self.verify_label = QLabel()
        self.verify_label.setObjectName("verify_label")
        self.verify_label.setWordWrap(True)
        row = QHBoxLayout(verify)
        row.addWidget(self.cert_no, 2)
        row.addWidget(self.cert_code, 1)
        row.addWidget(self.verify_button)
        row.addWidget(self.verify_label, 2)

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.channel)
        top.addWidget(self.search_button)
        top.addWidget(self.counter)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.message)
        lay.addWidget(self.table, 1)
        lay.addWidget(verify)
        self.query.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.verify_button.clicked.connect(self.verify)
        self.table.doubleClicked.connect(self._open)

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    @Slot()
    def search(self) -> None:
        actor, text, channel = self.ctx.actor, self.query.text(), str(self.channel.currentData())
        self.message.setText("")

        def failed(exc: BaseException) -> None:
            from app.core.errors import DomainError

            if isinstance(exc, DomainError):
                self.message.setText(exc.message())
            else:
                raise exc

        op = (
            run_op(self, lambda s: lookup.find(s, actor, text, channel=channel))
            .success(self._show)
            .failure(failed)
        )
        self._keep(op)

    @Slot(object)
    def _show(self, result: lookup.LookupResult) -> None:
        self.result = result
        self.counter.setText(self.tr("今日已查询 {0} 次").format(f"{result.lookups_today:,}"))
        if not result.hits:
            self.message.setText(self.tr("没有找到相关事项。"))
        self.table.setRowCount(len(result.hits))
        for r, h in enumerate(result.hits):
            note = ""
            if h.materials_missing:
                note = self.tr("尚缺：{0}").format("、".join(h.materials_missing))
            elif h.outcome_note:
                note = h.outcome_note
            if h.due_provisional:
                note = (note + "；" if note else "") + self.tr("承诺日期为暂定（节假日安排未公布）")
            card = _t(CARD_NAMES.get(h.card, ""))
            values = (
                h.tracking_no, h.item_name, h.applicant_name, h.phone, _t(STATUS_NAMES.get(h.status, h.status)), card,
                h.due_date.isoformat() if h.due_date else "", h.unit_name,
                h.received_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M"), note,
            )  # fmt: skip
            for c, v in enumerate(values):
                cell = QTableWidgetItem(v)
                cell.setData(Qt.ItemDataRole.UserRole, h.id)
                if c == 5 and card in CARD_COLOURS:
                    bg, fg = CARD_COLOURS[card]
                    cell.setBackground(QColor(bg))
                    cell.setForeground(QColor(fg))
                self.table.setItem(r, c, cell)

    @Slot()
    def _open(self) -> None:
        row = self.table.currentRow()
        if row < 0 or self.result is None:
            return
        from app.views.citizen.item_dialog import ItemDialog

        dialog = ItemDialog(self.ctx.actor, self.result.hits[row].id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._item_closed)
        self.item_dialog = dialog
        dialog.open()

    @Slot()
    def _item_closed(self) -> None:
        self.item_dialog = None

    @Slot()
    def verify(self) -> None:
        actor, number, code = self.ctx.actor, self.cert_no.text(), self.cert_code.text()
        if not code:  # a scanned QR text carries both
            number, code = certificates.parse_scan(number)

        def show(v: certificates.Verification) -> None:
            if v.valid:
                self.verify_label.setStyleSheet("color: #2e7d32;")
                self.verify_label.setText(
                    self.tr("真实有效：{0}《{1}》，{2}（{3}），{4} 出具，已打印 {5} 次。").format(
                        v.cert_no, _t(v.kind_name), v.subject_name, v.id_number, v.issued_on, v.print_count
                    )
                )
            else:
                self.verify_label.setStyleSheet("color: #c62828;")
                self.verify_label.setText(self.tr("核验不通过：证明编号与校验码不符，或本局未出具该证明。"))

        self._keep(run_op(self, lambda s: certificates.verify(s, actor, number, code)).success(show))
