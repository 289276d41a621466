"""下达警令: title, text, priority, deadline, recipients (everyone, units, named officers) and attachments.

The dialog counts the recipients as the service will (union of the chosen units' officers and the named
officers, each once) so the dispatcher sees "共 N 人" before sending. Sending runs in the background with a
progress dialog (attachments are streamed into the database); any refusal (no recipients, a file too large
or of an unreadable type) is shown in Chinese and the dialog stays open with everything as typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.dispatch_order import ORDER_KINDS, PRIORITY_NAMES
from app.services import dispatch_people, orders
from app.services.attachments import AttachmentSource, human_size
from app.services.dispatch_people import Person, UnitInfo
from app.services.orders import OrderDraft, SentOrder
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.dispatch.formatting import tr

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def checkable_item(text: str, ident: int) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(ID_ROLE, ident)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    return item


def checked_ids(widget: QListWidget) -> list[int]:
    return [
        int(widget.item(i).data(ID_ROLE))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class OrderComposeDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("order_compose")
        self.setWindowTitle(self.tr("下达警令"))
        self.resize(900, 640)
        self.sent: SentOrder | None = None
        self.people: list[Person] = []
        self.files: list[Path] = []

        self.kind = QComboBox(self)
        for code, name in ORDER_KINDS.items():
            self.kind.addItem(tr(name), code)
        self.priority = QComboBox(self)
        self.priority.setObjectName("priority")
        for code, name in PRIORITY_NAMES.items():
            self.priority.addItem(tr(name), code)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.title_edit.setMaxLength(200)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("body")
        self.has_deadline = QCheckBox(self.tr("要求在此时间前签收"), self)
        self.has_deadline.setObjectName("has_deadline")
        self.has_deadline.setChecked(True)
        self.deadline = QDateTimeEdit(QDateTime.currentDateTime().addSecs(2 * 3600), self)
        self.deadline.setObjectName("deadline")
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.deadline.setCalendarPopup(True)
        head = QHBoxLayout()
        head.addWidget(self.kind)
        head.addWidget(QLabel(self.tr("紧急程度"), self))
        head.addWidget(self.priority)
        head.addStretch(1)
        head.addWidget(self.has_deadline)
        head.addWidget(self.deadline)
        form = QFormLayout()
        form.addRow(self.tr("类别"), head)
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow(self.tr("正文"), self.body)

        self.everyone = QCheckBox(self.tr("全体民警"), self)
        self.everyone.setObjectName("everyone")
        self.units = QListWidget(self)
        self.units.setObjectName("units")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("按姓名或警号筛选民警"))
        self.officers = QListWidget(self)
        self.officers.setObjectName("officers")
        self.summary = QLabel(self)
        self.summary.setObjectName("recipient_summary")
        self.summary.setWordWrap(True)
        recipients = QGroupBox(self.tr("接收人"), self)
        pick = QHBoxLayout()
        unit_box = QVBoxLayout()
        unit_box.addWidget(self.everyone)
        unit_box.addWidget(QLabel(self.tr("按单位"), self))
        unit_box.addWidget(self.units)
        officer_box = QVBoxLayout()
        officer_box.addWidget(QLabel(self.tr("指定民警"), self))
        officer_box.addWidget(self.search)
        officer_box.addWidget(self.officers)
        pick.addLayout(unit_box)
        pick.addLayout(officer_box)
        r_lay = QVBoxLayout(recipients)
        r_lay.addLayout(pick)
        r_lay.addWidget(self.summary)

        self.attachment_list = QListWidget(self)
        self.attachment_list.setObjectName("attachments")
        self.attachment_list.setMaximumHeight(80)
        add = QPushButton(self.tr("添加附件…"), self)
        remove = QPushButton(self.tr("移除所选"), self)
        files = QGroupBox(self.tr("附件（图片、音频、视频、文档）"), self)
        f_buttons = QVBoxLayout()
        f_buttons.addWidget(add)
        f_buttons.addWidget(remove)
        f_buttons.addStretch(1)
        f_lay = QHBoxLayout(files)
        f_lay.addWidget(self.attachment_list, 1)
        f_lay.addLayout(f_buttons)

        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton(self.tr("下达"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("send")
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        lay = QVBoxLayout(self)
        lay.addLayout(form, 2)
        lay.addWidget(recipients, 3)
        lay.addWidget(files)
        lay.addWidget(self.buttons)

        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        add.clicked.connect(self.choose_files)
        remove.clicked.connect(self._remove_file)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.search.textChanged.connect(self._filter_officers)
        for w in (self.units, self.officers):
            w.itemChanged.connect(self._update_summary)
        self.everyone.toggled.connect(self._update_summary)
        self._load_people()

    # -- recipients -----------------------------------------------------------------------------------
    def _load_people(self) -> None:
        run_op(self, lambda s: (dispatch_people.units(s), dispatch_people.officers(s))).success(
            self._people
        ).start()

    def _people(self, result: tuple[list[UnitInfo], list[Person]]) -> None:
        units, people = result
        self.people = people
        self.units.blockSignals(True)
        self.officers.blockSignals(True)
        for u in units:
            self.units.addItem(checkable_item(u.name, u.id))
        for p in people:
            label = f"{p.name}（{p.unit_name or self.tr('无单位')}{'，' + p.badge_no if p.badge_no else ''}）"
            self.officers.addItem(checkable_item(label, p.id))
        self.units.blockSignals(False)
        self.officers.blockSignals(False)
        self._update_summary()

    @Slot(str)
    def _filter_officers(self, text: str) -> None:
        needle = text.strip()
        for i in range(self.officers.count()):
            item = self.officers.item(i)
            item.setHidden(bool(needle) and needle not in item.text())

    def check_units(self, unit_ids: list[int]) -> None:
        for i in range(self.units.count()):
            item = self.units.item(i)
            if int(item.data(ID_ROLE)) in unit_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def check_officers(self, user_ids: list[int]) -> None:
        for i in range(self.officers.count()):
            item = self.officers.item(i)
            if int(item.data(ID_ROLE)) in user_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def recipient_count(self) -> int:
        if self.everyone.isChecked():
            return len(self.people)
        units = set(checked_ids(self.units))
        chosen = {p.id for p in self.people if p.unit_id in units} | set(checked_ids(self.officers))
        return len(chosen)

    @Slot()
    def _update_summary(self) -> None:
        unit_names = [
            self.units.item(i).text()
            for i in range(self.units.count())
            if self.units.item(i).checkState() == Qt.CheckState.Checked
        ]
        person_names = [p.name for p in self.people if p.id in set(checked_ids(self.officers))]
        scope = orders.target_summary(unit_names, person_names, self.everyone.isChecked())
        self.units.setEnabled(not self.everyone.isChecked())
        self.officers.setEnabled(not self.everyone.isChecked())
        if scope:
            self.summary.setText(self.tr("将下达给：{0}，共 {1} 人").format(scope, self.recipient_count()))
        else:
            self.summary.setText(self.tr("尚未选择接收人"))

    # -- attachments ----------------------------------------------------------------------------------
    @Slot()
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择附件"),
            "",
            self.tr(
                "图片、音频、视频和文档 (*.jpg *.jpeg *.png *.gif *.bmp *.wav *.mp3 *.m4a *.aac *.amr *.ogg "
                "*.mp4 *.mov *.3gp *.avi *.mkv *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.wps *.txt);;"
                "所有文件 (*)"
            ),
        )
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path in self.files:
                continue
            self.files.append(path)
            try:
                size = human_size(path.stat().st_size)
            except OSError:
                size = self.tr("无法读取")
            self.attachment_list.addItem(f"{path.name}（{size}）")

    @Slot()
    def _remove_file(self) -> None:
        row = self.attachment_list.currentRow()
        if 0 <= row < len(self.files):
            self.files.pop(row)
            self.attachment_list.takeItem(row)

    # -- sending --------------------------------------------------------------------------------------
    def draft(self) -> OrderDraft:
        deadline = None
        if self.has_deadline.isChecked():
            deadline = self.deadline.dateTime().toPython().astimezone()
        return OrderDraft(
            title=self.title_edit.text(),
            body=self.body.toPlainText(),
            kind=self.kind.currentData(),
            priority=int(self.priority.currentData()),
            everyone=self.everyone.isChecked(),
            unit_ids=tuple(checked_ids(self.units)),
            user_ids=tuple(checked_ids(self.officers)),
            ack_deadline=deadline,
            attachments=tuple(AttachmentSource(path=p) for p in self.files),
        )

    @Slot()
    def send(self) -> None:
        draft, actor = self.draft(), self.ctx.actor
        self.send_button.setEnabled(False)
        run_op(self, lambda s, progress: orders.send(s, actor, draft, progress=progress)).with_progress(
            self.tr("正在下达警令…")
        ).success(self._sent).finished(lambda: self.send_button.setEnabled(True)).start()

    def _sent(self, sent: SentOrder) -> None:
        self.sent = sent
        self.accept()
