"""One item: its details, the actions the user may take now, and its timeline with replay.

Only the transitions the actor's role allows in the item's state are offered (the service checks again);
every action runs in the background and the dialog reloads from the database afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models.service_catalogue import CATEGORY_NAMES, CERTIFICATE_NAMES
from app.models.service_item import CARD_NAMES, CHANNEL_NAMES, OPEN_STATUSES, STATUS_NAMES, TRANSITIONS
from app.models.service_permissions import CERTIFICATE_PRINT, SERVICE_FOLLOWUP, SERVICE_HANDLE
from app.models.working_calendar import BEIJING
from app.services import certificates, item_workflow, satisfaction
from app.services.context import Actor
from app.services.item_records import EventInfo, ItemInfo
from app.services.service_catalogue import department_choices
from app.views.citizen import print_jobs
from app.views.citizen.card_delegate import CARD_COLOURS
from app.views.citizen.item_action_dialogs import AssignDialog, RatingDialog, ReasonDialog, TransitionDialog
from app.views.citizen.preview import open_preview
from app.views.citizen.timeline_widget import TimelineWidget
from app.views.common.run_op import run_op


@dataclass(frozen=True)
class ItemBundle:
    item: ItemInfo
    events: list[EventInfo]
    actions: list[str]
    prints: int
    units: list[tuple[int, str]]
    missing_candidates: list[str]
    refused: bool = False  # an approver decided "refuse": the 不予出具 notice may print


def load_bundle(session: Session, actor: Actor, item_id: int) -> ItemBundle:
    item = item_workflow.get(session, actor, item_id)
    prints = len(certificates.print_history(session, actor, item_id)) if item.certificate_kind else 0
    events = item_workflow.timeline(session, actor, item_id)
    return ItemBundle(
        item,
        events,
        item_workflow.allowed_actions(session, actor, item),
        prints,
        [(int(i), n) for i, n in department_choices(session)],
        item_workflow.required_missing(session, item_id),
        refused=item.status == "rejected" and any(e.action == "refuse" for e in events),
    )


def _t(text: str) -> str:
    return QCoreApplication.translate("service", text)


class ItemDialog(QDialog):
    changed = Signal()

    def __init__(self, actor: Actor, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.item_id = item_id
        self.bundle: ItemBundle | None = None
        self.action_dialog: QDialog | None = None
        self.preview_dialog: Any = None
        self._ops: list[Any] = []
        self.setObjectName("item_dialog")
        self.setWindowTitle(self.tr("事项办理"))
        self.resize(980, 720)
        self.header = QLabel(self)
        self.header.setObjectName("item_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.details = QFormLayout()
        details_box = QGroupBox(self.tr("事项信息"))
        details_box.setLayout(self.details)
        self.buttons_row = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        self.message = QLabel(self)
        self.message.setObjectName("message_label")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.timeline = TimelineWidget(self)
        timeline_box = QGroupBox(self.tr("办理过程"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(details_box)
        split.addWidget(timeline_box)
        split.setSizes([330, 330])
        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addLayout(self.buttons_row)
        lay.addWidget(self.message)
        lay.addWidget(split, 1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        lay.addLayout(bottom)
        self.load()

    # -- loading -------------------------------------------------------------------------------------
    def _keep(self, op: Any) -> None:
        self._ops.append(op)
        op.finished(lambda: self._ops.remove(op) if op in self._ops else None).start()

    def load(self) -> None:
        actor, ident = self.actor, self.item_id
        self._keep(run_op(self, lambda s: load_bundle(s, actor, ident)).success(self._loaded))

    @Slot(object)
    def _loaded(self, bundle: ItemBundle) -> None:
        self.bundle = bundle
        item = bundle.item
        card = CARD_NAMES.get(item.card, "")
        badge = ""
        if card:
            bg, fg = CARD_COLOURS.get(card, ("#eeeeee", "#333333"))
            badge = (
                f' <span style="background:{bg}; color:{fg}; padding:2px 6px;">&nbsp;{_t(card)}&nbsp;</span>'
            )
        self.header.setText(
            f'<span style="font-size:14pt; font-weight:bold;">{item.tracking_no}</span>　'
            f"{item.item_name}　{_t(STATUS_NAMES.get(item.status, item.status))}{badge}"
        )
        while self.details.rowCount():
            self.details.removeRow(0)
        due = print_jobs.due_text(item)
        rows = [
            (
                self.tr("申请人"),
                f"{item.applicant_name}（{item.id_number}）　{item.phone or self.tr('无手机号')}",
            ),
            (
                self.tr("类别/渠道"),
                f"{_t(CATEGORY_NAMES.get(item.category, ''))} / {_t(CHANNEL_NAMES.get(item.channel, ''))}",
            ),
            (self.tr("收件时间"), item.received_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")),
            (
                self.tr("责任部门"),
                f"{item.unit_name}　{self.tr('承办民警')}：{item.officer_name or self.tr('未分派')}",
            ),
            (self.tr("首接责任人"), item.owner_name or self.tr("（待受理）")),
            (self.tr("承诺办结"), due),
            (self.tr("已收材料"), "、".join(item.materials_received) or "—"),
        ]
        if item.materials_missing:
            rows.append((self.tr("尚缺材料"), "、".join(item.materials_missing)))
        rows += [(k, v) for k, v in item.form_values]
        if item.working_days_used is not None:
            rows.append((self.tr("办理用时"), self.tr("{0} 个工作日").format(item.working_days_used)))
        if item.outcome_note:
            rows.append((self.tr("退回原因"), item.outcome_note))
        if item.rating is not None:
            rows.append((self.tr("群众评价"), self.tr("{0} 分").format(item.rating)))
        if item.approved:
            rows.append((self.tr("审批"), self.tr("{0} 已审批通过").format(item.approved_by_name)))
        for label, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(label, text)
        self.timeline.set_events(bundle.events)
        self._build_buttons(bundle)

    def _build_buttons(self, bundle: ItemBundle) -> None:
        for b in self.action_buttons.values():
            b.deleteLater()
        self.action_buttons = {}
        while self.buttons_row.count():
            self.buttons_row.takeAt(0)
        item = bundle.item
        for action in bundle.actions:
            self._add_button(
                action, _t(TRANSITIONS[action].label), lambda _=False, a=action: self.start_action(a)
            )
        if item.status in OPEN_STATUSES and self.actor.can(SERVICE_HANDLE):
            self._add_button("assign", self.tr("分派…"), self.start_assign)
        if item.finished and item.rating is None and self.actor.can(SERVICE_FOLLOWUP):
            self._add_button("rate", self.tr("登记评价…"), self.start_rating)
        if item.certificate_kind and item.approved and self.actor.can(CERTIFICATE_PRINT):
            name = _t(CERTIFICATE_NAMES.get(item.certificate_kind, ""))
            text = (
                self.tr("补打{0}（副本）…").format(name) if bundle.prints else self.tr("打印{0}").format(name)
            )
            self._add_button("certificate", text, self.print_certificate)
        if bundle.refused and self.actor.can(CERTIFICATE_PRINT):
            text = self.tr("补打不予出具通知书（副本）…") if bundle.prints else self.tr("打印不予出具通知书")
            self._add_button("refusal", text, self.print_refusal)
        self.buttons_row.addStretch(1)
        self._add_button("receipt", self.tr("补打回执"), lambda: self.print_receipt(False))
        if item.materials_missing:
            self._add_button("notice", self.tr("一次性告知书"), lambda: self.print_receipt(True))

    def _add_button(self, name: str, text: str, slot: Any) -> None:
        button = QPushButton(text, self)
        button.setObjectName(f"action_{name}")
        button.clicked.connect(slot)
        self.buttons_row.addWidget(button)
        self.action_buttons[name] = button

    # -- actions -------------------------------------------------------------------------------------
    def _run(self, fn: Any, done: Any = None) -> None:
        self.message.setText("")

        def ok(result: Any) -> None:
            if done is not None:
                done(result)
            self.changed.emit()
            self.load()

        self._keep(run_op(self, fn).success(ok).failure(lambda e: self.load(), show_dialog=True))

    def start_action(self, action: str) -> None:
        assert self.bundle is not None
        dialog = TransitionDialog(action, self.bundle.missing_candidates, self)
        self.action_dialog = dialog
        dialog.accepted.connect(lambda: self.perform(action, dialog.note.toPlainText(), dialog.missing()))
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def perform(self, action: str, note: str = "", missing: list[str] | None = None) -> None:
        assert self.bundle is not None
        actor, item = self.actor, self.bundle.item
        self._run(
            lambda s: item_workflow.transition(
                s, actor, item.id, item.version, action, note=note, missing=missing or ()
            )
        )

    def start_assign(self) -> None:
        assert self.bundle is not None
        dialog = AssignDialog(self.actor, self.bundle.units, self.bundle.item.unit_id, self)
        self.action_dialog = dialog
        actor, item = self.actor, self.bundle.item

        def assign() -> None:
            unit, officer, note = dialog.unit.currentData(), dialog.officer.currentData(), dialog.note.text()
            self._run(
                lambda s: item_workflow.assign(
                    s, actor, item.id, item.version, unit_id=unit, officer_id=officer, note=note
                )
            )

        dialog.accepted.connect(assign)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def start_rating(self) -> None:
        assert self.bundle is not None
        dialog = RatingDialog(self)
        self.action_dialog = dialog
        actor, item = self.actor, self.bundle.item

        def rate() -> None:
            score, channel, comment = dialog.score(), dialog.channel.currentData(), dialog.comment.text()
            self._run(lambda s: satisfaction.rate(s, actor, item.id, score, comment=comment, channel=channel))

        dialog.accepted.connect(rate)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def print_certificate(self) -> None:
        self._ask_reason_then_print(print_jobs.print_certificate)

    def print_refusal(self) -> None:
        self._ask_reason_then_print(print_jobs.print_refusal)

    def _ask_reason_then_print(self, job: Any) -> None:
        """The first print issues the document; a re-print (a copy) asks why first."""
        assert self.bundle is not None
        actor, item = self.actor, self.bundle.item
        if self.bundle.prints:
            dialog = ReasonDialog(self)
            self.action_dialog = dialog
            dialog.accepted.connect(lambda: self._print_document(job, actor, item.id, dialog.reason.text()))
            dialog.finished.connect(self._dialog_closed)
            dialog.open()
        else:
            self._print_document(job, actor, item.id, "")

    def _print_document(self, job: Any, actor: Actor, item_id: int, reason: str) -> None:
        def show(payload: Any) -> None:
            data, pdf = payload
            self._preview(pdf, f"{data.title} {data.cert_no}", "certificate_preview")

        self._run(lambda s: job(s, actor, item_id, reason), show)

    def print_receipt(self, notice: bool) -> None:
        actor, ident = self.actor, self.item_id
        title = self.tr("一次性告知书") if notice else self.tr("受理回执")

        def show(pdf: bytes) -> None:
            self._preview(pdf, title, "notice_preview" if notice else "receipt_preview")

        self._keep(run_op(self, lambda s: print_jobs.reprint_receipt(s, actor, ident, notice)).success(show))

    def _preview(self, pdf: bytes, title: str, name: str) -> None:
        self.preview_dialog = open_preview(self, pdf, title, self._preview_closed, name)

    @Slot()
    def _dialog_closed(self) -> None:
        self.action_dialog = None

    @Slot()
    def _preview_closed(self) -> None:
        self.preview_dialog = None
