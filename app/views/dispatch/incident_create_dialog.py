"""新建事件/集群战役: type, level, commander, participating units and officers.

Officers on leave are not silently assigned: the service refuses with their names and reasons, the dialog asks
the dispatcher whether to insist, and only then sends them (recorded as "休假期间经指挥员确认调派").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.models.dispatch_incident import CATEGORY_NAMES, INCIDENT_KINDS, LEVEL_NAMES
from app.services import dispatch_people, incidents
from app.services.dispatch_people import Person, UnitInfo
from app.services.incidents import IncidentDraft, IncidentInfo
from app.views.app_context import AppContext
from app.views.common.run_op import run_op, show_error
from app.views.dispatch.confirm import ask
from app.views.dispatch.formatting import tr
from app.views.dispatch.order_compose_dialog import ID_ROLE, checkable_item, checked_ids


class IncidentCreateDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("incident_create")
        self.setWindowTitle(self.tr("新建事件/集群战役"))
        self.resize(820, 600)
        self.created: IncidentInfo | None = None
        self.confirm_box: QMessageBox | None = None
        self.category = QComboBox(self)
        for code, name in CATEGORY_NAMES.items():
            self.category.addItem(tr(name), code)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for kind in INCIDENT_KINDS:
            self.kind.addItem(tr(kind), kind)
        self.level = QComboBox(self)
        self.level.setObjectName("level")
        for code, name in LEVEL_NAMES.items():
            self.level.addItem(tr(name), code)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.title_edit.setMaxLength(200)
        self.location = QLineEdit(self)
        self.location.setMaxLength(200)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(90)
        self.commander = QComboBox(self)
        self.commander.setObjectName("commander")
        self.units = QListWidget(self)
        self.units.setObjectName("units")
        self.officers = QListWidget(self)
        self.officers.setObjectName("officers")
        head = QHBoxLayout()
        for label, widget in (
            (self.tr("类别"), self.category),
            (self.tr("类型"), self.kind),
            (self.tr("等级"), self.level),
        ):
            head.addWidget(QLabel(label, self))
            head.addWidget(widget)
        head.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("名称"), self.title_edit)
        form.addRow(head)
        form.addRow(self.tr("地点"), self.location)
        form.addRow(self.tr("简要情况"), self.description)
        form.addRow(self.tr("指挥员"), self.commander)
        pick = QHBoxLayout()
        for label, widget in (
            (self.tr("参战单位"), self.units),
            (self.tr("调派民警（状态将改为出警/现场）"), self.officers),
        ):
            box = QVBoxLayout()
            box.addWidget(QLabel(label, self))
            box.addWidget(widget)
            pick.addLayout(box)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("开始处置"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok")
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(pick, 1)
        lay.addWidget(buttons)
        buttons.accepted.connect(lambda: self.submit())
        buttons.rejected.connect(self.reject)
        run_op(self, lambda s: (dispatch_people.units(s), dispatch_people.officers(s))).success(
            self._loaded
        ).start()

    def _loaded(self, result: tuple[list[UnitInfo], list[Person]]) -> None:
        units, people = result
        self.commander.addItem(self.tr("（未指定）"), None)
        for p in people:
            self.commander.addItem(f"{p.name}（{p.unit_name}）", p.id)
            self.officers.addItem(checkable_item(f"{p.name}（{p.unit_name or self.tr('无单位')}）", p.id))
        for u in units:
            self.units.addItem(checkable_item(u.name, u.id))
        me = self.commander.findData(self.ctx.actor.user_id)
        self.commander.setCurrentIndex(max(0, me))

    def check(self, widget: QListWidget, ids: list[int]) -> None:
        for i in range(widget.count()):
            item = widget.item(i)
            if int(item.data(ID_ROLE)) in ids:
                item.setCheckState(Qt.CheckState.Checked)

    def draft(self) -> IncidentDraft:
        return IncidentDraft(
            title=self.title_edit.text(),
            kind=self.kind.currentData(),
            level=self.level.currentData(),
            category=self.category.currentData(),
            location=self.location.text(),
            description=self.description.toPlainText(),
            commander_id=self.commander.currentData(),
            unit_ids=tuple(checked_ids(self.units)),
            member_ids=tuple(checked_ids(self.officers)),
        )

    @Slot()
    def submit(self, override_leave: bool = False) -> None:
        draft, actor = self.draft(), self.ctx.actor
        run_op(self, lambda s: incidents.create(s, actor, draft, override_leave=override_leave)).success(
            self._created
        ).failure(self._failed).start()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError) and exc.code == "dispatch_officer_on_leave":
            self.confirm_box = ask(
                self,
                self.tr("调派休假民警"),
                exc.message(),
                self.tr("坚持调派"),
                lambda: self.submit(True),
                name="leave_confirm",
            )
            return
        show_error(self, exc)

    def _created(self, info: IncidentInfo) -> None:
        self.created = info
        self.accept()
