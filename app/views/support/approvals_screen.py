"""待我审批: every support request waiting for a decision the user may take now, across the functions, oldest
first; double-click (or 审批) opens the approval dialog. The list comes from the service, which leaves out the
user's own requests and those outside their scope."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.services import support_approval
from app.services.support_approval import Pending
from app.views.app_context import AppContext
from app.views.common.run_op import run_op, show_error

_Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
TABLES = frozenset(
    {
        "support_leave",
        "support_overtime",
        "support_equipment_loan",
        "support_vehicle_booking",
        "support_expense",
        "support_aid",
        "support_rights",
        "role_permission",
        "user_role",
    }
)


class Column(IntEnum):
    FLOW = 0
    STAGE = 1
    APPLICANT = 2
    UNIT = 3
    SUMMARY = 4
    CREATED = 5


HEADERS = {
    Column.FLOW: "事项",
    Column.STAGE: "环节",
    Column.APPLICANT: "申请人",
    Column.UNIT: "单位",
    Column.SUMMARY: "内容",
    Column.CREATED: "提交时间",
}


class PendingModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Pending] = []

    def set_rows(self, rows: list[Pending]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(Column)
        ):
            return self.tr(HEADERS[Column(section)])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        p = self.rows[index.row()]
        if role == RowRole:
            return p
        col = Column(index.column())
        if role == SortRole:
            return p.created_at if col == Column.CREATED else self.data(index)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.FLOW: p.flow_title,
            Column.STAGE: p.stage,
            Column.APPLICANT: p.applicant,
            Column.UNIT: p.unit,
            Column.SUMMARY: p.summary,
            Column.CREATED: p.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        }[col]


class ApprovalsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("approvals_screen")
        self._ops: list[Any] = []
        self.approval_dialog: QWidget | None = None
        self.model = PendingModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        hh = self.table.horizontalHeader()
        hh.setStretchLastSection(False)
        for col, width in (
            (Column.FLOW, 110),
            (Column.STAGE, 130),
            (Column.APPLICANT, 80),
            (Column.UNIT, 110),
            (Column.CREATED, 130),
        ):
            hh.resizeSection(col, width)
        hh.setSectionResizeMode(Column.SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.open_button = QPushButton(self.tr("审批"), self)
        self.open_button.setObjectName("open")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("等待您审批的申请（不含您本人的申请）"), self))
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count_label)
        self.table.doubleClicked.connect(lambda index: self.open_approval(index.row()))
        self.open_button.clicked.connect(lambda: self.open_approval())
        self.refresh_button.clicked.connect(self.reload)
        ctx.signals.changed.connect(self._tables_changed)
        self.reload()

    @Slot(object)
    def _tables_changed(self, tables: Any) -> None:
        if TABLES & set(tables or ()):
            self.reload()

    def reload(self) -> None:
        actor = self.ctx.actor
        op = run_op(self, lambda s: support_approval.pending_for(s, actor), readonly=True)
        self._ops.append(op)
        op.success(self._loaded).failure(self._failed).finished(lambda: self._ops.remove(op)).start()

    def _loaded(self, rows: list[Pending]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(
            self.tr("共 {0} 件待审批").format(len(rows)) if rows else self.tr("暂无待审批事项")
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.count_label.setText(exc.message())
        else:
            show_error(self, exc)

    @Slot(object)
    def _decided(self, _decision: Any) -> None:
        self.reload()

    @Slot()
    def _dialog_closed(self) -> None:
        self.approval_dialog = None

    def open_approval(self, row: int | None = None) -> QWidget | None:
        from app.views.support.approval_dialog import ApprovalDialog

        if row is None:
            selected = self.table.selectionModel().selectedRows()
            row = selected[0].row() if selected else 0
        if not 0 <= row < len(self.model.rows):
            return None
        p = self.model.rows[row]
        dialog = ApprovalDialog(self.ctx, p.flow, p.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # bound slots, not lambdas: a lambda on a dialog deleted on close crashed PySide 6.11
        dialog.decided.connect(self._decided)
        dialog.finished.connect(self._dialog_closed)
        self.approval_dialog = dialog
        dialog.open()
        return dialog
