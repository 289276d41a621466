"""Small dialogs of the incident page: choosing officers, a new task, the closing summary."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import dispatch_people
from app.services.dispatch_people import Person
from app.services.incident_members import MemberInfo
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.dispatch.formatting import tr
from app.views.dispatch.order_compose_dialog import ID_ROLE, checkable_item, checked_ids


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(dialog)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName("ok")
    box.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class OfficerPicker(QDialog):
    """Tick officers to send to the incident (those already taking part are not offered)."""

    def __init__(self, ctx: AppContext, exclude: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officer_picker")
        self.setWindowTitle(self.tr("调派民警"))
        self.resize(420, 480)
        self.exclude = set(exclude)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("按姓名、单位或警号筛选"))
        self.list = QListWidget(self)
        self.list.setObjectName("officer_list")
        lay = QVBoxLayout(self)
        lay.addWidget(self.search)
        lay.addWidget(self.list, 1)
        lay.addWidget(_buttons(self, self.tr("调派")))
        self.search.textChanged.connect(self._filter)
        run_op(self, lambda s: dispatch_people.officers(s)).success(self._loaded).start()

    def _loaded(self, people: list[Person]) -> None:
        for p in people:
            if p.id not in self.exclude:
                self.list.addItem(
                    checkable_item(f"{p.name}（{p.unit_name or self.tr('无单位')}）{p.badge_no}", p.id)
                )

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(text.strip()) and text.strip() not in item.text())

    def check(self, user_ids: Sequence[int]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if int(item.data(ID_ROLE)) in user_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[int]:
        return checked_ids(self.list)


class TaskDialog(QDialog):
    def __init__(self, members: Sequence[MemberInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("task_dialog")
        self.setWindowTitle(self.tr("布置任务"))
        self.resize(460, 300)
        self.title = QLineEdit(self)
        self.title.setObjectName("task_title")
        self.title.setMaxLength(200)
        self.detail = QPlainTextEdit(self)
        self.assignee = QComboBox(self)
        self.assignee.setObjectName("task_assignee")
        self.assignee.addItem(self.tr("（暂不指定）"), None)
        for m in members:
            if m.active:
                self.assignee.addItem(f"{m.name}（{m.unit_name}）", m.user_id)
        form = QFormLayout()
        form.addRow(self.tr("任务"), self.title)
        form.addRow(self.tr("要求"), self.detail)
        form.addRow(self.tr("负责人"), self.assignee)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(_buttons(self, self.tr("布置")))


class CloseIncidentDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("close_incident_dialog")
        self.setWindowTitle(self.tr("结束处置"))
        self.resize(480, 280)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText(self.tr("处置结果、战果、伤亡和损失、经验教训"))
        lay = QVBoxLayout(self)
        note = QLabel(
            self.tr("结束“{0}”后时间线封存，不能再发布进展；参战民警的状态恢复为在岗。").format(title), self
        )
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addWidget(QLabel(self.tr("处置总结"), self))
        lay.addWidget(self.summary, 1)
        lay.addWidget(_buttons(self, self.tr("结束处置")))
