"""The person's file: photo and particulars, the score with every rule's points, 一人四管, visits, events,
the level's history with its reasons, every change, and warnings. Refreshes itself when the data changes."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.keyperson_permissions import (
    KP_EDIT,
    KP_EVENT,
    KP_KEEPERS,
    KP_VISIT,
    LEVEL_NAMES,
    STATUS_NAMES,
    WARNING_STATUS_NAMES,
)
from app.services import keyperson_detail, keyperson_keepers, keyperson_photos
from app.services.keyperson_work_specs import KEEPER_SPEC
from app.views.app_context import AppContext
from app.views.common.run_op import run_op
from app.views.keyperson.kp_screen import discard
from app.views.keyperson.level_delegate import LEVEL_BACKGROUND
from app.views.keyperson.service_form_dialog import ServiceFormDialog

WATCHED = frozenset(
    {"key_person", "kp_keeper", "kp_visit", "kp_event", "kp_warning", "kp_level_change", "kp_person_photo"}
)


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setToolTip(item.text() if len(item.text()) > 20 else "")
            table.setItem(r, c, item)


def _when(value: Any) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


class PersonDetailDialog(QDialog):
    def __init__(self, ctx: AppContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.detail: Any = None
        self._ops: list[Any] = []
        self.child: QWidget | None = None
        self.setObjectName("person_detail_dialog")
        self.setWindowTitle(self.tr("重点人员档案"))
        self.resize(980, 640)

        self.photo = QLabel(self.tr("无照片"), self)
        self.photo.setObjectName("photo")
        self.photo.setFixedSize(132, 168)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #bbb; background: #fafafa; color: #888;")
        self.photo_button = QPushButton(self.tr("上传照片"), self)
        self.photo_button.setObjectName("upload_photo")
        self.photo_button.setEnabled(ctx.actor.can(KP_EDIT))
        self.photo_button.clicked.connect(self.choose_photo)
        self.facts = QFormLayout()
        self.facts.setHorizontalSpacing(14)
        self.level_label = QLabel(self)
        self.level_label.setObjectName("level_label")
        self.level_label.setStyleSheet(
            "font-size: 14pt; font-weight: bold; padding: 4px 10px; border-radius: 4px;"
        )
        self.flag = QLabel(self)
        self.flag.setObjectName("keeper_flag")
        self.flag.setStyleSheet("color: #c62828; font-weight: bold;")

        self.parts = _table([self.tr("规则"), self.tr("积分"), self.tr("说明")], "score_parts")
        self.keepers = _table(
            [self.tr("角色"), self.tr("姓名"), self.tr("手机号"), self.tr("关系")], "keepers"
        )
        self.visits = _table(
            [
                self.tr("时间"),
                self.tr("方式"),
                self.tr("联系上"),
                self.tr("地点"),
                self.tr("走访人"),
                self.tr("情况"),
            ],
            "visits",
        )
        self.events = _table([self.tr("日期"), self.tr("事件"), self.tr("系统"), self.tr("说明")], "events")
        self.levels = _table(
            [
                self.tr("时间"),
                self.tr("变化"),
                self.tr("积分"),
                self.tr("原因类别"),
                self.tr("操作人"),
                self.tr("原因"),
            ],
            "level_changes",
        )
        self.changes = _table(
            [
                self.tr("时间"),
                self.tr("操作人"),
                self.tr("项目"),
                self.tr("原值"),
                self.tr("新值"),
                self.tr("原因"),
            ],
            "changes",
        )
        self.warnings = _table(
            [self.tr("发出时间"), self.tr("等级"), self.tr("状态"), self.tr("处置时限"), self.tr("原因")],
            "warnings",
        )

        keeper_buttons = QHBoxLayout()
        for name, text, slot in (
            ("add_keeper", self.tr("添加管控人"), self.add_keeper),
            ("edit_keeper", self.tr("编辑"), self.edit_keeper),
            ("remove_keeper", self.tr("删除"), self.remove_keeper),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setEnabled(ctx.actor.can(KP_KEEPERS))
            button.clicked.connect(slot)
            keeper_buttons.addWidget(button)
        keeper_buttons.addStretch(1)
        keeper_page = QWidget(self)
        kl = QVBoxLayout(keeper_page)
        kl.addWidget(self.flag)
        kl.addWidget(self.keepers, 1)
        kl.addLayout(keeper_buttons)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.parts, self.tr("积分构成"))
        self.tabs.addTab(keeper_page, self.tr("一人四管"))
        self.tabs.addTab(self.visits, self.tr("走访签到"))
        self.tabs.addTab(self.events, self.tr("风险事件"))
        self.tabs.addTab(self.levels, self.tr("等级变化"))
        self.tabs.addTab(self.warnings, self.tr("预警"))
        self.tabs.addTab(self.changes, self.tr("变更历史"))

        self.visit_button = QPushButton(self.tr("登记走访"), self)
        self.visit_button.setObjectName("record_visit")
        self.visit_button.setEnabled(ctx.actor.can(KP_VISIT))
        self.visit_button.clicked.connect(self.record_visit)
        self.event_button = QPushButton(self.tr("登记事件"), self)
        self.event_button.setObjectName("record_event")
        self.event_button.setEnabled(ctx.actor.can(KP_EVENT))
        self.event_button.clicked.connect(self.record_event)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)

        left = QVBoxLayout()
        left.addWidget(self.photo)
        left.addWidget(self.photo_button)
        left.addStretch(1)
        head = QHBoxLayout()
        head.addLayout(left)
        facts_box = QVBoxLayout()
        facts_box.addWidget(self.level_label, 0, Qt.AlignmentFlag.AlignLeft)
        facts_box.addLayout(self.facts)
        head.addLayout(facts_box, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.visit_button)
        bottom.addWidget(self.event_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(bottom)
        ctx.signals.changed.connect(self._tables_changed)
        self.load()

    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    @Slot(object)
    def _tables_changed(self, tables: Any) -> None:
        if WATCHED & set(tables):
            self.load()

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.signals.changed.disconnect(self._tables_changed)
        super().done(result)

    # -- loading -------------------------------------------------------------------------------------------
    def load(self) -> None:
        actor, ident = self.ctx.actor, self.person_id

        def read(s: Any) -> tuple[Any, bytes | None]:
            d = keyperson_detail.detail(s, actor, ident)
            return d, keyperson_photos.get_photo(s, actor, ident) if d.has_photo else None

        self._keep(run_op(self, read).success(self._show))

    @Slot(object)
    def _show(self, payload: tuple[Any, bytes | None]) -> None:
        d, photo = payload
        self.detail = d
        self.setWindowTitle(self.tr("重点人员档案：{0}").format(d.name))
        while self.facts.rowCount():
            self.facts.removeRow(0)
        level = self.tr(LEVEL_NAMES[d.level])
        if d.level_override:
            level += self.tr("（人工调整：{0}）").format(d.override_reason)
        self.level_label.setText(self.tr("{0}　{1} 分").format(level, d.score))
        colour = LEVEL_BACKGROUND.get(LEVEL_NAMES[d.level], "#e8f5e9")
        self.level_label.setStyleSheet(
            f"font-size: 14pt; font-weight: bold; padding: 4px 10px; border-radius: 4px; background: {colour};"
        )
        for label, value in (
            (self.tr("姓名"), f"{d.name}（{d.gender}，{d.birth_date.isoformat()}）"),
            (self.tr("身份证号"), d.id_number),
            (self.tr("别名绰号"), d.aliases or "—"),
            (
                self.tr("类别"),
                d.category + (f"，危险性评估 {d.mental_grade} 级" if d.mental_grade is not None else ""),
            ),
            (self.tr("所在地"), f"{d.town}　{d.address}"),
            (
                self.tr("责任单位/民警/领导"),
                f"{d.station or '未指定派出所'} / {d.officer or '未指定'} / {d.supervisor or '未指定'}",
            ),
            (self.tr("管控状态"), f"{self.tr(STATUS_NAMES[d.status])}，列管于 {d.registered_on.isoformat()}"),
            (
                self.tr("走访"),
                self.tr("下次应走访 {0}；最近走访 {1}；最近联系上 {2}").format(
                    d.next_visit_due.isoformat() if d.next_visit_due else "—",
                    _when(d.last_visit_at) or "—",
                    _when(d.last_contact_at) or "—",
                ),
            ),
        ):
            text = QLabel(value, self)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(label, text)
        _fill(
            self.parts,
            [[p.label, f"{p.points:+d}", p.detail] for p in d.parts] + [[self.tr("合计"), d.score, ""]],
        )
        _fill(self.keepers, [[k.role_name, k.name, k.phone, k.relation] for k in d.keepers])
        self.flag.setText(
            self.tr("⚠ 一人四管不全，缺：{0}").format("、".join(d.missing_roles)) if d.missing_roles else ""
        )
        self.flag.setVisible(bool(d.missing_roles))
        _fill(
            self.visits,
            [
                [
                    _when(v.visited_at),
                    v.kind,
                    "是" if v.contact_made else "否",
                    v.place,
                    v.visitor_name,
                    v.findings,
                ]
                for v in d.visits
            ],
        )
        _fill(
            self.events,
            [[e.occurred_on.isoformat(), e.kind, "是" if e.automatic else "", e.note] for e in d.events],
        )
        _fill(
            self.levels,
            [
                [
                    _when(c.at),
                    f"{LEVEL_NAMES[c.old_level]}→{LEVEL_NAMES[c.new_level]}",
                    f"{c.old_score}→{c.new_score}",
                    c.cause,
                    c.changed_by,
                    c.reason,
                ]
                for c in d.level_changes
            ],
        )
        _fill(
            self.changes,
            [[_when(c.at), c.changed_by, c.field, c.old_value, c.new_value, c.reason] for c in d.changes],
        )
        _fill(
            self.warnings,
            [
                [
                    _when(w.raised_at),
                    LEVEL_NAMES[w.level],
                    WARNING_STATUS_NAMES[w.status],
                    _when(w.due_at),
                    w.reason,
                ]
                for w in d.warnings
            ],
        )
        if photo:
            pixmap = QPixmap()
            pixmap.loadFromData(photo)
            self.photo.setPixmap(
                pixmap.scaled(
                    self.photo.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.setText(self.tr("无照片"))

    # -- photo ------------------------------------------------------------------------------------------------
    @Slot()
    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择照片"), str(Path.home()), self.tr("图片 (*.jpg *.jpeg *.png)")
        )
        if path:
            self.upload_photo(Path(path).read_bytes())

    def upload_photo(self, data: bytes) -> None:
        actor, ident = self.ctx.actor, self.person_id
        self._keep(
            run_op(self, lambda s: keyperson_photos.set_photo(s, actor, ident, data)).success(
                lambda _n: self.load()
            )
        )

    # -- keepers and work ---------------------------------------------------------------------------------
    def _selected_keeper(self) -> Any:
        rows = self.keepers.selectionModel().selectedRows()
        if not rows or self.detail is None:
            return None
        return self.detail.keepers[rows[0].row()]

    def _open(self, dialog: QDialog) -> QDialog:
        discard(self.child)
        dialog.accepted.connect(self.load)
        self.child = dialog
        dialog.open()
        return dialog

    @Slot()
    def add_keeper(self) -> QDialog:
        actor, ident = self.ctx.actor, self.person_id
        dialog = ServiceFormDialog(
            KEEPER_SPEC,
            actor,
            lambda s, values, _i, _v: keyperson_keepers.add(s, actor, ident, values),
            parent=self,
            title=self.tr("添加管控人"),
        )
        free = self.detail.missing_role_codes if self.detail else ()
        if free:
            combo = dialog.editors["role_code"]
            index = combo.findData(free[0])  # type: ignore[attr-defined]
            if index >= 0:
                combo.setCurrentIndex(index)  # type: ignore[attr-defined]
            else:  # the choices are still on their way: the fill picks this up
                combo.setProperty("pendingValue", free[0])
        return self._open(dialog)

    @Slot()
    def edit_keeper(self) -> QDialog | None:
        keeper = self._selected_keeper()
        if keeper is None:
            return None
        actor = self.ctx.actor
        dialog = ServiceFormDialog(
            KEEPER_SPEC,
            actor,
            lambda s, values, ident, version: keyperson_keepers.change(s, actor, ident, version, values),
            keeper.id,
            self,
            title=self.tr("编辑管控人：{0}").format(keeper.name),
        )
        return self._open(dialog)

    @Slot()
    def remove_keeper(self) -> None:
        keeper = self._selected_keeper()
        if keeper is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("删除管控人"),
            self.tr("确定删除管控人“{0}”（{1}）吗？").format(keeper.name, keeper.role_name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_keeper_now(keeper.id, keeper.version)

    def remove_keeper_now(self, keeper_id: int, version: int) -> None:
        actor = self.ctx.actor
        self._keep(
            run_op(self, lambda s: keyperson_keepers.remove(s, actor, keeper_id, version)).success(
                lambda _t: self.load()
            )
        )

    @Slot()
    def record_visit(self) -> QDialog | None:
        from app.views.keyperson.person_screen import visit_form

        return self._open(visit_form(self.ctx, self, self.person_id, self.detail.name if self.detail else ""))

    @Slot()
    def record_event(self) -> QDialog | None:
        from app.views.keyperson.person_screen import event_form

        return self._open(event_form(self.ctx, self, self.person_id, self.detail.name if self.detail else ""))
