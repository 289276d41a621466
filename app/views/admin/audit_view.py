"""The audit trail for the auditor: filters, newest first, paged by id, and a chain check."""

from __future__ import annotations

from datetime import UTC, datetime, time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import audit
from app.views.app_context import AppContext
from app.views.common.run_op import run_op

COLUMNS = (
    QT_TRANSLATE_NOOP("AuditDialog", "编号"),
    QT_TRANSLATE_NOOP("AuditDialog", "时间"),
    QT_TRANSLATE_NOOP("AuditDialog", "用户"),
    QT_TRANSLATE_NOOP("AuditDialog", "工作站"),
    QT_TRANSLATE_NOOP("AuditDialog", "操作"),
    QT_TRANSLATE_NOOP("AuditDialog", "对象"),
    QT_TRANSLATE_NOOP("AuditDialog", "对象编号"),
    QT_TRANSLATE_NOOP("AuditDialog", "结果"),
    QT_TRANSLATE_NOOP("AuditDialog", "原值"),
    QT_TRANSLATE_NOOP("AuditDialog", "新值"),
    QT_TRANSLATE_NOOP("AuditDialog", "说明"),
)
OUTCOMES = (
    ("", QT_TRANSLATE_NOOP("AuditDialog", "全部结果")),
    ("ok", QT_TRANSLATE_NOOP("AuditDialog", "成功")),
    ("denied", QT_TRANSLATE_NOOP("AuditDialog", "拒绝")),
    ("failed", QT_TRANSLATE_NOOP("AuditDialog", "失败")),
)
PAGE = 500
ACTION_NAMES = {
    "login": QT_TRANSLATE_NOOP("AuditDialog", "登录"),
    "lock": QT_TRANSLATE_NOOP("AuditDialog", "锁定账号"),
    "unlock": QT_TRANSLATE_NOOP("AuditDialog", "解锁账号"),
    "unlock_screen": QT_TRANSLATE_NOOP("AuditDialog", "解锁屏幕"),
    "create": QT_TRANSLATE_NOOP("AuditDialog", "新建"),
    "update": QT_TRANSLATE_NOOP("AuditDialog", "修改"),
    "delete": QT_TRANSLATE_NOOP("AuditDialog", "删除"),
    "export": QT_TRANSLATE_NOOP("AuditDialog", "导出"),
    "print": QT_TRANSLATE_NOOP("AuditDialog", "打印"),
    "import": QT_TRANSLATE_NOOP("AuditDialog", "导入"),
    "unmask": QT_TRANSLATE_NOOP("AuditDialog", "查看完整号码"),
    "permission": QT_TRANSLATE_NOOP("AuditDialog", "权限检查"),
    "permission_change": QT_TRANSLATE_NOOP("AuditDialog", "权限变更"),
    "reset_password": QT_TRANSLATE_NOOP("AuditDialog", "重置密码"),
    "change_password": QT_TRANSLATE_NOOP("AuditDialog", "修改密码"),
    "create_first_admin": QT_TRANSLATE_NOOP("AuditDialog", "创建首个管理员"),
    "load_demo": QT_TRANSLATE_NOOP("AuditDialog", "载入演示数据"),
}
ENTITY_NAMES = {
    "app_user": QT_TRANSLATE_NOOP("AuditDialog", "用户"),
    "citizen": QT_TRANSLATE_NOOP("AuditDialog", "群众信息"),
    "role": QT_TRANSLATE_NOOP("AuditDialog", "角色"),
    "demo": QT_TRANSLATE_NOOP("AuditDialog", "演示数据"),
}


class AuditDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("audit_dialog")
        self.setWindowTitle(self.tr("审计日志（只读）"))
        self.resize(1200, 640)
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("用户名"))
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("操作，如 login、update、export"))
        self.outcome = QComboBox()
        for value, label in OUTCOMES:
            self.outcome.addItem(self.tr(label), value)
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.until = QDateEdit(QDate.currentDate())
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("说明或对象编号包含"))
        search = QPushButton(self.tr("查询"))
        search.clicked.connect(self.search)
        verify = QPushButton(self.tr("校验审计链"))
        verify.setObjectName("verify_chain")
        verify.clicked.connect(self.verify)
        bar = QHBoxLayout()
        for w in (
            self.user,
            self.action,
            self.outcome,
            QLabel(self.tr("从")),
            self.since,
            QLabel(self.tr("到")),
            self.until,
            self.text,
            search,
            verify,
        ):
            bar.addWidget(w)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.more = QPushButton(self.tr("加载更早的记录"))
        self.more.clicked.connect(self.load_more)
        self.count_label = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.more)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.table)
        lay.addLayout(bottom)
        self.rows: list[audit.AuditRow] = []
        self.search()

    def current_filter(self) -> audit.AuditFilter:
        since = datetime.combine(self.since.date().toPython(), time.min).astimezone(UTC)
        until = datetime.combine(self.until.date().toPython(), time.max).astimezone(UTC)
        return audit.AuditFilter(
            username=self.user.text().strip(),
            action=self.action.text().strip(),
            outcome=str(self.outcome.currentData() or ""),
            since=since,
            until=until,
            text=self.text.text().strip(),
        )

    @Slot()
    def search(self) -> None:
        self.rows = []
        self.table.setRowCount(0)
        self._fetch(None)

    @Slot()
    def load_more(self) -> None:
        if self.rows:
            self._fetch(self.rows[-1].id)

    def _fetch(self, before_id: int | None) -> None:
        actor, f = self.ctx.actor, self.current_filter()
        run_op(
            self,
            lambda s: (audit.search(s, actor, f, limit=PAGE, before_id=before_id), audit.count(s, actor, f)),
        ).success(self._loaded).start()

    def _loaded(self, result: tuple[list[audit.AuditRow], int]) -> None:
        rows, total = result
        start = len(self.rows)
        self.rows.extend(rows)
        self.table.setRowCount(len(self.rows))
        outcome_names = dict(OUTCOMES)
        for i, r in enumerate(rows, start):
            values = (
                str(r.id),
                r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                r.username,
                r.workstation,
                self.tr(ACTION_NAMES.get(r.action, r.action)),
                self.tr(ENTITY_NAMES.get(r.entity, r.entity)),
                r.entity_id,
                self.tr(outcome_names.get(r.outcome, r.outcome)),
                r.old_values,
                r.new_values,
                r.detail,
            )
            for col, text in enumerate(values):
                self.table.setItem(i, col, QTableWidgetItem(text))
        if start == 0:
            self.table.resizeColumnsToContents()
            for col in (8, 9, 10):
                self.table.setColumnWidth(col, min(self.table.columnWidth(col), 260))
        self.count_label.setText(self.tr("共 {0} 条，已显示 {1} 条").format(total, len(self.rows)))
        self.more.setEnabled(len(self.rows) < total)

    @Slot()
    def verify(self) -> None:
        run_op(self, audit.verify).success(self._verified).start()

    def _verified(self, result: audit.VerifyResult) -> None:
        if result.ok:
            QMessageBox.information(
                self,
                self.tr("审计链完整"),
                self.tr("已校验 {0} 条记录，未发现篡改或删除。").format(result.checked),
            )
        else:
            QMessageBox.critical(
                self,
                self.tr("审计链被破坏"),
                self.tr("第 {0} 号记录：{1}").format(result.first_bad_id, result.reason),
            )
