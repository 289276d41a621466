"""The command page of one incident: who takes part, the tasks, and the timeline where everyone reports.

Officers post progress (with photos, recordings, videos); the dispatcher also posts instructions, sends
officers (出警 by itself), sets tasks, prints the after-action report and closes the incident. The page
follows the change signal: what anyone posts anywhere appears here, appended below what was already shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.models.dispatch_duty import DUTY_NAMES
from app.models.dispatch_incident import ENTRY_INSTRUCTION, ENTRY_PROGRESS, INCIDENT_OPEN, LEVEL_NAMES
from app.models.dispatch_permissions import DISPATCH_INCIDENT_MANAGE
from app.services import incident_members, incident_timeline, incidents
from app.services.attachments import AttachmentSource
from app.services.incidents import IncidentReport
from app.views.app_context import AppContext
from app.views.common.run_op import run_op, show_error
from app.views.dispatch import incident_actions
from app.views.dispatch.attachment_panel import AttachmentPanel
from app.views.dispatch.formatting import STATUS_COLORS, tr, when
from app.views.dispatch.timeline_model import RowRole, TimelineModel

TABLES = frozenset(
    {
        "dispatch_incident",
        "dispatch_incident_member",
        "dispatch_task",
        "dispatch_timeline_entry",
        "duty_status",
        "dispatch_incident_unit",
        "dispatch_attachment",
    }
)


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels([tr(h) for h in headers])
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class IncidentPage(QWidget):
    titled = Signal(str)  # "SJ-2026-0001 title", for the window holding the page

    def __init__(self, ctx: AppContext, incident_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.incident_id = incident_id
        self.setObjectName("incident_page")
        self.data: IncidentReport | None = None
        self.files: list[Path] = []
        self.dialog: QDialog | None = None
        self.confirm_box: QWidget | None = None
        self.manager = ctx.actor.can(DISPATCH_INCIDENT_MANAGE)

        self.header = QLabel(self)
        self.header.setObjectName("incident_header")
        self.header.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.header.setWordWrap(True)
        self.meta = QLabel(self)
        self.meta.setWordWrap(True)
        self.members = _table(["姓名", "单位", "勤务状态", "调派时间"], self)
        self.members.setObjectName("member_table")
        self.tasks = _table(["任务", "负责人", "状态", "完成时间"], self)
        self.tasks.setObjectName("task_table")
        self.assign_button = QPushButton(self.tr("调派民警…"), self)
        self.release_button = QPushButton(self.tr("撤回所选"), self)
        self.task_button = QPushButton(self.tr("布置任务…"), self)
        self.task_state_buttons = {
            s: QPushButton(self.tr(t), self)
            for s, t in (("doing", "开始"), ("done", "完成"), ("cancelled", "取消任务"))
        }
        self.timeline = TimelineModel(self)
        self.timeline_view = QListView(self)
        self.timeline_view.setObjectName("timeline_view")
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setWordWrap(True)
        self.timeline_view.setAlternatingRowColors(True)
        self.timeline_view.setSpacing(2)
        self.entry_files = AttachmentPanel(ctx, self)
        self.post_text = QPlainTextEdit(self)
        self.post_text.setObjectName("post_text")
        self.post_text.setPlaceholderText(self.tr("反馈现场进展，或发布指挥指令"))
        self.post_text.setMaximumHeight(80)
        self.post_files = QLabel(self)
        self.add_file_button = QPushButton(self.tr("附件…"), self)
        self.progress_button = QPushButton(self.tr("发布进展"), self)
        self.progress_button.setObjectName("post_progress")
        self.instruction_button = QPushButton(self.tr("发布指令"), self)
        self.instruction_button.setObjectName("post_instruction")
        self.report_button = QPushButton(self.tr("打印处置报告"), self)
        self.report_button.setObjectName("print_report")
        self.export_button = QPushButton(self.tr("导出Excel"), self)
        self.close_button = QPushButton(self.tr("结束处置…"), self)
        self.close_button.setObjectName("close_incident")
        self.status = QLabel(self)
        self.status.setObjectName("incident_status")
        self._layout()
        self._connect()
        ctx.signals.changed.connect(self._changed)
        self.reload()

    def _layout(self) -> None:
        left = QWidget(self)
        l_lay = QVBoxLayout(left)
        l_lay.setContentsMargins(0, 0, 0, 0)
        l_lay.addWidget(QLabel(self.tr("参战民警"), left))
        l_lay.addWidget(self.members, 1)
        row = QHBoxLayout()
        row.addWidget(self.assign_button)
        row.addWidget(self.release_button)
        l_lay.addLayout(row)
        l_lay.addWidget(QLabel(self.tr("任务"), left))
        l_lay.addWidget(self.tasks, 1)
        row = QHBoxLayout()
        row.addWidget(self.task_button)
        for b in self.task_state_buttons.values():
            row.addWidget(b)
        l_lay.addLayout(row)
        right = QWidget(self)
        r_lay = QVBoxLayout(right)
        r_lay.setContentsMargins(0, 0, 0, 0)
        r_lay.addWidget(QLabel(self.tr("时间线（永久保存）"), right))
        r_lay.addWidget(self.timeline_view, 3)
        r_lay.addWidget(self.entry_files, 1)
        r_lay.addWidget(self.post_text)
        row = QHBoxLayout()
        row.addWidget(self.post_files, 1)
        for b in (self.add_file_button, self.progress_button, self.instruction_button):
            row.addWidget(b)
        r_lay.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([420, 640])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for b in (self.report_button, self.export_button, self.close_button):
            bottom.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addWidget(self.meta)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)

    def _connect(self) -> None:
        act = incident_actions
        self.assign_button.clicked.connect(lambda: act.assign(self))
        self.release_button.clicked.connect(lambda: act.release(self))
        self.task_button.clicked.connect(lambda: act.add_task(self))
        for state, button in self.task_state_buttons.items():
            button.clicked.connect(lambda _c=False, s=state: act.set_task_state(self, s))
        self.add_file_button.clicked.connect(self.choose_files)
        self.progress_button.clicked.connect(lambda: self.post(ENTRY_PROGRESS))
        self.instruction_button.clicked.connect(lambda: self.post(ENTRY_INSTRUCTION))
        self.report_button.clicked.connect(lambda: act.print_report(self))
        self.export_button.clicked.connect(lambda: act.export(self))
        self.close_button.clicked.connect(lambda: act.close(self))
        self.timeline_view.selectionModel().selectionChanged.connect(self._entry_selected)

    # -- loading ----------------------------------------------------------------------------------------
    @Slot(object)
    def _changed(self, tables: frozenset[str]) -> None:
        if TABLES & set(tables):
            self.reload()

    def reload(self) -> None:
        actor, incident_id = self.ctx.actor, self.incident_id
        run_op(self, lambda s: incidents.report(s, actor, incident_id)).success(self._loaded).start()

    def _loaded(self, data: IncidentReport) -> None:
        self.data = data
        i = data.incident
        state = self.tr("处置中") if i.status == INCIDENT_OPEN else self.tr("已结束")
        self.header.setText(f"{i.number}　{i.title}　[{state}]")
        self.titled.emit(f"{i.number} {i.title}")
        self.meta.setText(
            self.tr("{0} · {1} · {2}　地点：{3}　指挥员：{4}　开始：{5}　参战单位：{6}").format(
                i.category_name,
                i.kind,
                tr(LEVEL_NAMES.get(i.level, i.level)),
                i.location or "—",
                i.commander_name or "—",
                when(i.opened_at, year=True),
                "、".join(i.units) or "—",
            )
        )
        self.members.setRowCount(len(data.members))
        for r, m in enumerate(data.members):
            status = self.tr("已撤离") if m.released_at else tr(DUTY_NAMES.get(m.duty_status, m.duty_status))
            cells = [
                m.name + (self.tr("（指挥员）") if m.role == "commander" else ""),
                m.unit_name,
                status,
                when(m.assigned_at),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(RowRole, m)
                if c == 2 and not m.released_at and m.duty_status in STATUS_COLORS:
                    item.setForeground(STATUS_COLORS[m.duty_status])
                self.members.setItem(r, c, item)
        self.tasks.setRowCount(len(data.tasks))
        for r, t in enumerate(data.tasks):
            for c, text in enumerate([t.title, t.assignee_name or "—", t.state_name, when(t.done_at)]):
                item = QTableWidgetItem(text)
                item.setData(RowRole, t)
                self.tasks.setItem(r, c, item)
        if self.timeline.append(data.entries) and self.timeline.rowCount():
            self.timeline_view.scrollToBottom()
        self._update_buttons()

    def _update_buttons(self) -> None:
        open_ = self.data is not None and self.data.incident.status == INCIDENT_OPEN
        for b in (
            self.assign_button,
            self.release_button,
            self.task_button,
            self.close_button,
            self.instruction_button,
        ):
            b.setVisible(self.manager)
            b.setEnabled(open_)
        for b in self.task_state_buttons.values():
            b.setEnabled(open_)
        for b in (self.post_text, self.add_file_button, self.progress_button):
            b.setEnabled(open_)
        if not open_ and self.data is not None:
            self.status.setText(
                self.tr("已于 {0} 结束，时间线已封存。").format(when(self.data.incident.closed_at, year=True))
            )

    @Slot(QItemSelection, QItemSelection)
    def _entry_selected(self, *_args: object) -> None:
        rows = self.timeline_view.selectionModel().selectedRows()
        item = self.timeline.data(rows[0], RowRole) if rows else None
        self.entry_files.set_attachments(item.attachments if item else [])

    def selected(self, table: QTableWidget) -> list[Any]:
        rows = sorted({i.row() for i in table.selectedIndexes()})
        return [table.item(r, 0).data(RowRole) for r in rows]

    # -- posting ----------------------------------------------------------------------------------------
    @Slot()
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择附件"))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        self.files.extend(p for p in paths if p not in self.files)
        self.post_files.setText("、".join(p.name for p in self.files))

    def post(self, kind: str) -> None:
        actor, incident_id, text = self.ctx.actor, self.incident_id, self.post_text.toPlainText()
        files = tuple(AttachmentSource(path=p) for p in self.files)
        run_op(
            self,
            lambda s, progress: incident_timeline.post(
                s, actor, incident_id, text, kind=kind, files=files, progress=progress
            ),
        ).with_progress(self.tr("正在发布…")).success(self._posted).start()

    def _posted(self, _item: object) -> None:
        self.post_text.clear()
        self.files = []
        self.post_files.clear()
        self.reload()

    def run(self, work: Any, done: Any = None, on_error: Any = None) -> None:
        """Run a service call for the page's actions; reload afterwards."""
        op = run_op(self, work).success(lambda result: (done(result) if done else None, self.reload()))
        if on_error is not None:
            op = op.failure(on_error)
        op.start()

    def error(self, exc: BaseException) -> None:
        show_error(self, exc)

    @Slot(int)
    def dialog_finished(self, result: int) -> None:
        """The page's dialogs (deleted on close) report here, through a bound slot: lambdas holding such a
        dialog are the double delete that crashed PySide 6.11 on another platform."""
        dialog = self.sender()
        if dialog is self.dialog:
            self.dialog = None
        if result == QDialog.DialogCode.Accepted:
            incident_actions.accepted(self, dialog)

    @staticmethod
    def is_warning(exc: BaseException, code: str) -> bool:
        return isinstance(exc, DomainError) and exc.code == code

    def members_active(self) -> list[incident_members.MemberInfo]:
        return [m for m in (self.data.members if self.data else ()) if m.active]
