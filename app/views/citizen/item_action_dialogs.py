"""Small dialogs of the item's actions: a note for a transition (with the missing materials to tick), routing
to a department and officer, the citizen's rating, and the reason for re-printing a certificate."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.models.service_item import TRANSITIONS
from app.models.service_records import RATING_CHANNEL_NAMES
from app.services import item_workflow
from app.views.common.run_op import run_op

_HELP = {
    "request_materials": QT_TRANSLATE_NOOP(
        "service", "勾选群众还需补正的全部材料（一次告知）。补正期间办理时限暂停计算。"
    ),
    "supply": QT_TRANSLATE_NOOP("service", "群众补齐材料后登记，办理时限从次日起继续计算。"),
    "reject": QT_TRANSLATE_NOOP("service", "请写明不予受理或退回的原因，原因将以短信告知群众。"),
    "approve": QT_TRANSLATE_NOOP("service", "审批通过后事项即办结，并可打印证明。"),
    "refuse": QT_TRANSLATE_NOOP(
        "service",
        "查询发现申请人有犯罪记录：不予出具无犯罪记录证明，事项办结为“不予受理/已退回”，"
        "并可打印《不予出具无犯罪记录证明通知书》。短信只告知群众到窗口领取书面通知。",
    ),
}


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName("ok")
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("取消"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class TransitionDialog(QDialog):
    """Confirm one transition with a note; for a request of materials, tick what is still missing."""

    def __init__(self, action: str, candidates: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        t = TRANSITIONS[action]
        self.action = action
        self.setWindowTitle(QCoreApplication.translate("service", t.label))
        lay = QVBoxLayout(self)
        hint = _HELP.get(action)
        if hint:
            label = QLabel(QCoreApplication.translate("service", hint))
            label.setWordWrap(True)
            lay.addWidget(label)
        self.boxes: list[QCheckBox] = []
        self.other = QLineEdit()
        self.other.setObjectName("other_material")
        if action == "request_materials":
            for n, material in enumerate(candidates):
                box = QCheckBox(material)
                box.setObjectName(f"missing_{n}")
                self.boxes.append(box)
                lay.addWidget(box)
            self.other.setPlaceholderText(self.tr("其他需补正的材料（多项用顿号分隔）"))
            lay.addWidget(self.other)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("原因（必填）") if t.needs_note else self.tr("说明（可不填）"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        lay.addWidget(self.note)
        lay.addWidget(_buttons(self, QCoreApplication.translate("service", t.label)))

    def missing(self) -> list[str]:
        chosen = [b.text() for b in self.boxes if b.isChecked()]
        extra = [m.strip() for m in self.other.text().replace("，", "、").split("、") if m.strip()]
        return chosen + extra


class AssignDialog(QDialog):
    """Route to a department and, optionally, one of its officers."""

    def __init__(
        self, actor: Any, units: Sequence[tuple[int, str]], unit_id: int, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.actor = actor
        self.setWindowTitle(self.tr("分派事项"))
        form = QFormLayout(self)
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        for ident, name in units:
            self.unit.addItem(name, ident)
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit_id)))
        self.officer = QComboBox()
        self.officer.setObjectName("officer")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        form.addRow(self.tr("责任部门"), self.unit)
        form.addRow(self.tr("承办民警"), self.officer)
        form.addRow(self.tr("说明"), self.note)
        form.addRow(_buttons(self, self.tr("分派")))
        self._ops: list[Any] = []
        self.unit.currentIndexChanged.connect(self._load_officers)
        self._load_officers()

    @Slot()
    def _load_officers(self) -> None:
        actor, unit_id = self.actor, self.unit.currentData()

        def fill(rows: list[tuple[int, str]]) -> None:
            self.officer.clear()
            self.officer.addItem(self.tr("（暂不指定民警）"), None)
            for ident, name in rows:
                self.officer.addItem(name, ident)

        op = run_op(self, lambda s: item_workflow.officers_of(s, actor, unit_id)).success(fill)
        self._ops.append(op)
        op.start()


class RatingDialog(QDialog):
    """The citizen's 1-5 rating (好差评) and what they said."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记评价"))
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        labels = {1: "非常不满意", 2: "不满意", 3: "基本满意", 4: "满意", 5: "非常满意"}
        for score, text in labels.items():
            radio = QRadioButton(f"{score} {self.tr(text)}")
            radio.setObjectName(f"score_{score}")
            self.group.addButton(radio, score)
            row.addWidget(radio)
        holder = QWidget()
        holder.setLayout(row)
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for key, name in RATING_CHANNEL_NAMES.items():
            self.channel.addItem(QCoreApplication.translate("service", name), key)
        self.comment = QLineEdit()
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("群众意见（差评请记录原因）"))
        form.addRow(self.tr("评价"), holder)
        form.addRow(self.tr("评价方式"), self.channel)
        form.addRow(self.tr("意见"), self.comment)
        note = QLabel(self.tr("2 分及以下为差评，将生成回访任务。"))
        form.addRow("", note)
        form.addRow(_buttons(self, self.tr("保存评价")))

    def score(self) -> int | None:
        checked = self.group.checkedId()
        return checked if checked > 0 else None


class ReasonDialog(QDialog):
    """Why a certificate is printed again (kept in the audit trail and on the timeline)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("补打证明"))
        lay = QVBoxLayout(self)
        label = QLabel(self.tr("该证明已打印过，再次打印将标明“副本”并记入审计日志。请说明补打原因："))
        label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        lay.addWidget(label)
        lay.addWidget(self.reason)
        lay.addWidget(_buttons(self, self.tr("打印副本")))
