"""An item's complete timeline (who, when, what, note) and a replay: step through it and see the state after
each step (status, department, officer, due date, pause)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.service_item import ACTION_NAMES, STATUS_NAMES
from app.models.working_calendar import BEIJING
from app.services.item_records import EventInfo

COLUMNS = ("步骤", "时间", "经办人", "操作", "状态", "说明")


def _status(code: str) -> str:
    return QCoreApplication.translate("service", STATUS_NAMES.get(code, code)) if code else ""


class TimelineWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events: list[EventInfo] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("timeline_table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        hh = self.table.horizontalHeader()
        for i, w in enumerate((40, 130, 80, 110, 110)):
            self.table.setColumnWidth(i, w)
        hh.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("replay_slider")
        self.prev_button = QPushButton(self.tr("上一步"), self)
        self.next_button = QPushButton(self.tr("下一步"), self)
        self.prev_button.setObjectName("replay_prev")
        self.next_button.setObjectName("replay_next")
        self.state_label = QLabel(self)
        self.state_label.setObjectName("replay_state")
        self.state_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("回放")))
        bar.addWidget(self.prev_button)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.next_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(bar)
        lay.addWidget(self.state_label)
        self.slider.valueChanged.connect(self.show_step)
        self.prev_button.clicked.connect(lambda: self.slider.setValue(self.slider.value() - 1))
        self.next_button.clicked.connect(lambda: self.slider.setValue(self.slider.value() + 1))

    def set_events(self, events: Sequence[EventInfo]) -> None:
        self.events = list(events)
        self.table.setRowCount(len(self.events))
        for r, e in enumerate(self.events):
            action = QCoreApplication.translate("service", ACTION_NAMES.get(e.action, e.action))
            values = (str(e.seq), e.at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M"), e.actor_name, action,
                      _status(e.to_status), e.note)  # fmt: skip
            for c, v in enumerate(values):
                cell = QTableWidgetItem(v)
                if c == len(values) - 1:
                    cell.setToolTip(v)
                self.table.setItem(r, c, cell)
        self.slider.setRange(1, max(1, len(self.events)))
        self.slider.setValue(len(self.events))
        self.show_step(len(self.events))

    @Slot(int)
    def show_step(self, step: int) -> None:
        """The state right after step ``step`` (1-based), as it was recorded then."""
        if not self.events:
            self.state_label.setText("")
            return
        step = max(1, min(step, len(self.events)))
        e = self.events[step - 1]
        snap = e.snapshot
        parts = [
            self.tr("第 {0}/{1} 步：{2}").format(step, len(self.events), e.actor_name),
            self.tr("状态 {0}").format(_status(snap.get("status", e.to_status))),
        ]
        if snap.get("unit"):
            parts.append(self.tr("部门 {0}").format(snap["unit"]))
        parts.append(self.tr("民警 {0}").format(snap.get("officer") or self.tr("未分派")))
        if snap.get("due_date"):
            parts.append(self.tr("承诺办结 {0}").format(snap["due_date"]))
        if snap.get("paused"):
            parts.append(self.tr("暂停计时（补正材料）"))
        self.state_label.setText("，".join(parts))
        self.table.selectRow(step - 1)
        self.prev_button.setEnabled(step > 1)
        self.next_button.setEnabled(step < len(self.events))
